package export

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"slate/internal/report"
)

// ---- charts ----

// chart places a native chart at row and writes its data right under it.
func (x *xlsxWriter) chart(s string, row int, c *report.Chart) (int, error) {
	title := c.Title
	if title != "" {
		if err := x.setText(s, 1, row, title, styleKey{role: roleH3}); err != nil {
			return row, err
		}
		row++
	}
	anchor := row
	dataTitle := row + chartRows
	dataHead := dataTitle + 1
	first := dataHead + 1
	if err := x.setText(s, 1, dataTitle, "Chart data"+suffixTitle(title), styleKey{role: roleCaption}); err != nil {
		return row, err
	}
	var (
		heads []string
		kinds []report.ValueKind
		cols  [][]report.Cell
	)
	vk := c.ValueKind
	if !vk.IsNumeric() {
		vk = report.ValueNumber
	}
	addCol := func(h string, k report.ValueKind, cells []report.Cell) int {
		heads, kinds, cols = append(heads, h), append(kinds, k), append(cols, cells)
		return len(heads) // 1-based column
	}
	textCells := func(ss []string) []report.Cell {
		out := make([]report.Cell, len(ss))
		for i, v := range ss {
			out[i] = report.Text(v)
		}
		return out
	}
	floatCells := func(k report.ValueKind, fs report.Floats) []report.Cell {
		out := make([]report.Cell, len(fs))
		for i, v := range fs {
			out[i] = floatCell(k, v)
		}
		return out
	}
	n := 0
	var series []excelize.ChartSeries
	var combo *excelize.Chart
	ser := func(name string, col int, line excelize.ChartLine, marker excelize.ChartMarker) excelize.ChartSeries {
		// excelize takes a line series' colour from the series fill
		return excelize.ChartSeries{
			Fill:       line.Fill,
			Name:       quoteSheet(s) + "!$" + colName(col) + "$" + fmt.Sprint(dataHead),
			Categories: absRange(s, 1, first, first+n-1),
			Values:     absRange(s, col, first, first+n-1),
			Line:       line,
			Marker:     marker,
		}
	}
	noMarker := excelize.ChartMarker{Symbol: "none"}
	solid := func(color string, w float64, dash excelize.ChartDashType) excelize.ChartLine {
		return excelize.ChartLine{Type: excelize.ChartLineSolid, Width: w, Dash: dash,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}}
	}
	chartType := excelize.Line
	switch c.Kind {
	case report.ChartControl:
		cc := c.Control
		n = len(cc.Values)
		addCol("Point", report.ValueText, textCells(cc.Labels))
		vCol := addCol("Value", vk, floatCells(vk, cc.Values))
		cCol := addCol("Centre", vk, floatCells(vk, cc.Center))
		uCol := addCol("UCL", vk, floatCells(vk, cc.UCL))
		lCol := addCol("LCL", vk, floatCells(vk, cc.LCL))
		series = append(series,
			ser("Value", vCol, solid("1F4E79", 1.75, excelize.ChartDashSolid),
				excelize.ChartMarker{Symbol: "circle", Size: 5, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E79"}}}),
			ser("Centre", cCol, solid("2E7D32", 1.25, excelize.ChartDashSolid), noMarker),
			ser("UCL", uCol, solid("C62828", 1.25, excelize.ChartDashDash), noMarker),
			ser("LCL", lCol, solid("C62828", 1.25, excelize.ChartDashDash), noMarker),
		)
		if cc.Target.Valid() {
			tCol := addCol("Target", vk, floatCells(vk, report.Repeat(float64(cc.Target), n)))
			series = append(series, ser("Target", tCol, solid("7B1FA2", 1.25, excelize.ChartDashLgDashDot), noMarker))
		}
		flagged := make(report.Floats, n)
		rules := make([]report.Cell, n)
		for i := range flagged {
			flagged[i] = report.NaN
			rules[i] = report.Null()
		}
		for _, f := range cc.Flags {
			flagged[f.Index] = cc.Values[f.Index]
			if rules[f.Index].IsNull() {
				rules[f.Index] = report.Text(f.Rule)
			} else {
				rules[f.Index] = report.Text(rules[f.Index].Text + "; " + f.Rule)
			}
		}
		if len(cc.Flags) > 0 {
			fCol := addCol("Flagged", vk, floatCells(vk, flagged))
			series = append(series, ser("Flagged", fCol, excelize.ChartLine{Type: excelize.ChartLineNone},
				excelize.ChartMarker{Symbol: "diamond", Size: 9,
					Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D32F2F"}},
					Border: solid("D32F2F", 1, excelize.ChartDashSolid)}))
			addCol("Rule", report.ValueText, rules)
		}
	case report.ChartPareto:
		pc := c.Pareto
		n = len(pc.Values)
		addCol("Category", report.ValueText, textCells(pc.Categories))
		vCol := addCol("Value", vk, floatCells(vk, report.FloatsOf(pc.Values)))
		cumCol := addCol("Cumulative", report.ValuePercent, floatCells(report.ValuePercent, report.FloatsOf(pc.Cumulative)))
		chartType = excelize.Col
		bar := ser("Value", vCol, excelize.ChartLine{}, excelize.ChartMarker{})
		bar.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F6DB5"}}
		series = append(series, bar)
		one, zero := 1.0, 0.0
		combo = &excelize.Chart{
			Type: excelize.Line,
			Series: []excelize.ChartSeries{ser("Cumulative", cumCol, solid("E07B00", 2, excelize.ChartDashSolid),
				excelize.ChartMarker{Symbol: "circle", Size: 5, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E07B00"}}})},
			YAxis: excelize.ChartAxis{Secondary: true, Maximum: &one, Minimum: &zero,
				NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}},
		}
	case report.ChartLine:
		lc := c.Line
		n = len(lc.Labels)
		addCol("Point", report.ValueText, textCells(lc.Labels))
		palette := []string{"1F4E79", "E07B00", "2E7D32", "6A1B9A", "00838F"}
		for i, sr := range lc.Series {
			col := addCol(sr.Name, vk, floatCells(vk, sr.Values))
			series = append(series, ser(sr.Name, col, solid(palette[i%len(palette)], 1.75, excelize.ChartDashSolid), noMarker))
		}
		if len(lc.Trend) > 0 {
			col := addCol("Trend", vk, floatCells(vk, lc.Trend))
			series = append(series, ser("Trend", col, solid("555555", 1.25, excelize.ChartDashDash), noMarker))
		}
		if lc.Target.Valid() {
			col := addCol("Target", vk, floatCells(vk, report.Repeat(float64(lc.Target), n)))
			series = append(series, ser("Target", col, solid("7B1FA2", 1.25, excelize.ChartDashLgDashDot), noMarker))
		}
	}
	// data under the chart
	hs := uniqueHeaders(func() []report.Column {
		cs := make([]report.Column, len(heads))
		for i, h := range heads {
			cs[i] = report.Column{Header: h, Kind: kinds[i]}
		}
		return cs
	}())
	for i, h := range hs {
		if err := x.setText(s, i+1, dataHead, h, styleKey{role: roleHeader, kind: kinds[i]}); err != nil {
			return row, err
		}
		x.note(i+1, textWidth(h)+1)
	}
	for ci, cells := range cols {
		for ri, v := range cells {
			if err := x.setCell(s, ci+1, first+ri, v, styleKey{}); err != nil {
				return row, err
			}
			if ci == 0 || kinds[ci] == report.ValueText {
				x.note(ci+1, math.Min(displayWidth(v, ""), 40))
			} else {
				x.note(ci+1, displayWidth(v, ""))
			}
		}
	}
	if n == 0 {
		return first + 1, nil
	}
	x.charts++
	legendFalse := false
	ch := &excelize.Chart{
		Type:         chartType,
		Series:       series,
		Dimension:    excelize.ChartDimension{Width: chartWidthPx, Height: chartHeightPx},
		Legend:       excelize.ChartLegend{Position: "bottom"},
		Title:        []excelize.RichTextRun{{Text: safeChartTitle(title), Font: &excelize.Font{Size: 12, Bold: true}}},
		ShowBlanksAs: "gap",
		VaryColors:   &legendFalse,
		XAxis:        excelize.ChartAxis{TickLabelSkip: max(1, n/12)},
		YAxis: excelize.ChartAxis{MajorGridLines: true,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: axisNumFmt(vk)}},
		Format: excelize.GraphicOptions{AltText: safeChartTitle(title), OffsetX: 4, OffsetY: 4},
	}
	if c.YLabel != "" {
		ch.YAxis.Title = []excelize.RichTextRun{{Text: safeChartTitle(c.YLabel)}}
	}
	var err error
	if combo != nil {
		err = x.f.AddChart(s, cellName(1, anchor), ch, combo)
	} else {
		err = x.f.AddChart(s, cellName(1, anchor), ch)
	}
	if err != nil {
		return row, err
	}
	return first + n + 1, nil
}

func suffixTitle(t string) string {
	if t == "" {
		return ""
	}
	return ": " + t
}

func safeChartTitle(s string) string {
	return cutText(strings.ReplaceAll(cleanText(s), "\n", " "), 255)
}

func colName(col int) string {
	n, _ := excelize.ColumnNumberToName(col)
	return n
}

func axisNumFmt(k report.ValueKind) string {
	switch k {
	case report.ValuePercent:
		return "0.0%"
	case report.ValueInteger:
		return "#,##0"
	}
	return "#,##0.##"
}
