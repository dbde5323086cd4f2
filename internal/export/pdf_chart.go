package export

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"

	"slate/internal/report"
)

// frame maps data coordinates to the page.
type frame struct {
	x, y, w, h float64 // plot area (mm)
	n          int     // categories
	lo, hi     float64 // y range
}

func (fr frame) px(i int) float64 { return fr.x + (float64(i)+0.5)*fr.w/float64(fr.n) }
func (fr frame) py(v float64) float64 {
	return fr.y + fr.h - (v-fr.lo)/(fr.hi-fr.lo)*fr.h
}

// yRange returns a padded range covering all finite values.
func yRange(vals ...[]float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, vs := range vals {
		for _, v := range vs {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if math.IsInf(lo, 1) {
		return 0, 1
	}
	if hi-lo < 1e-12 {
		d := math.Max(math.Abs(hi)*0.05, 1e-3)
		return lo - d, hi + d
	}
	pad := (hi - lo) * 0.08
	return lo - pad, hi + pad
}

func floats(fs report.Floats) []float64 {
	out := make([]float64, len(fs))
	for i, f := range fs {
		out[i] = float64(f)
	}
	return out
}

func decimalsForStep(step float64) int {
	step = math.Abs(step)
	for d := range 7 {
		v := step * math.Pow10(d)
		if math.Abs(v-math.Round(v)) < 1e-6*math.Max(1, v) {
			return d
		}
	}
	return 6
}

type axisTick struct {
	v     float64
	label string
}

// ticks uses gonum/plot's tick placement (Talbot–Lin–Hanrahan) and formats
// the labels in the value kind of the chart.
func ticks(lo, hi float64, kind report.ValueKind) []axisTick {
	scale := 1.0
	if kind == report.ValuePercent {
		scale = 100
	}
	var major []float64
	for _, t := range (plot.DefaultTicks{}).Ticks(lo, hi) {
		if t.Label != "" {
			major = append(major, t.Value)
		}
	}
	dec := 0
	if len(major) > 1 {
		dec = decimalsForStep((major[1] - major[0]) * scale)
	}
	out := make([]axisTick, len(major))
	for i, v := range major {
		s := formatNumber(v*scale, dec)
		if kind == report.ValuePercent {
			s += "%"
		}
		out[i] = axisTick{v: v, label: s}
	}
	return out
}

// chart draws a figure: title, plot, legend, caption, flags list.
func (r *pdfRenderer) chart(c *report.Chart) {
	f := r.f
	var flags []string
	if c.Kind == report.ChartControl {
		flags = controlFlagLines(c)
	}
	flagH := 0.0
	if len(flags) > 0 {
		flagH = 4 + float64(min(len(flags), 12))*3.6
	}
	titleH := 0.0
	if c.Title != "" {
		titleH = 6.5
	}
	r.gap(2)
	r.ensure(titleH + chartH + flagH)
	if c.Title != "" {
		r.font("B", 9.5)
		r.text(colAccent)
		f.SetX(marginL)
		f.CellFormat(contentW, 6.5, r.fit(cleanText(c.Title), contentW), "", 1, "L", false, 0, "")
	}
	top := f.GetY()
	switch c.Kind {
	case report.ChartControl:
		r.controlChart(c, top)
	case report.ChartPareto:
		r.paretoChart(c, top)
	case report.ChartLine:
		r.lineChart(c, top)
	}
	f.SetY(top + chartH)
	if len(flags) > 0 {
		r.font("B", 7.5)
		r.text(colFlag)
		f.SetX(marginL)
		f.CellFormat(contentW, 4, "Flagged points", "", 1, "L", false, 0, "")
		r.font("", 7.5)
		r.text(colText)
		for i, ln := range flags {
			if i == 12 {
				f.SetX(marginL)
				f.CellFormat(contentW, 3.6, fmt.Sprintf("… and %d more", len(flags)-12), "", 1, "L", false, 0, "")
				break
			}
			f.SetX(marginL)
			f.CellFormat(contentW, 3.6, r.fit(ln, contentW), "", 1, "L", false, 0, "")
		}
	}
	if c.Caption != "" {
		r.caption(c.Caption)
	}
	r.gap(5)
}

func controlFlagLines(c *report.Chart) []string {
	cc := c.Control
	byIdx := map[int][]string{}
	var order []int
	for _, fl := range cc.Flags {
		if _, ok := byIdx[fl.Index]; !ok {
			order = append(order, fl.Index)
		}
		byIdx[fl.Index] = append(byIdx[fl.Index], cleanText(fl.Rule))
	}
	// ascending index order; the numbering matches the markers on the chart
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && order[j] < order[j-1]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	kind := c.ValueKind
	if !kind.IsNumeric() {
		kind = report.ValueNumber
	}
	out := make([]string, len(order))
	for k, i := range order {
		out[k] = fmt.Sprintf("[%d]  %s  %s — %s", k+1, cleanText(cc.Labels[i]),
			formatValue(floatCell(kind, cc.Values[i]), ""), strings.Join(byIdx[i], "; "))
	}
	return out
}

// plotArea draws axes, grid and y tick labels, and returns the frame.
func (r *pdfRenderer) plotArea(top float64, n int, lo, hi float64, kind report.ValueKind, c *report.Chart, rightAxis bool) frame {
	f := r.f
	tks := ticks(lo, hi, kind)
	r.font("", 6.5)
	labelW := 0.0
	for _, t := range tks {
		labelW = math.Max(labelW, f.GetStringWidth(t.label))
	}
	left := marginL + labelW + 2.5
	if c.YLabel != "" {
		left += 4
	}
	right := pageW - marginR
	if rightAxis {
		right -= 9
	}
	fr := frame{x: left, y: top + 2, w: right - left, h: chartH - 2 - 17, n: max(n, 1), lo: lo, hi: hi}
	// background and grid
	r.fill(rgb{252, 252, 253})
	f.Rect(fr.x, fr.y, fr.w, fr.h, "F")
	f.SetLineWidth(0.12)
	for _, t := range tks {
		y := fr.py(t.v)
		if y < fr.y-0.01 || y > fr.y+fr.h+0.01 {
			continue
		}
		r.draw(colRuleSoft)
		f.Line(fr.x, y, fr.x+fr.w, y)
		r.text(colMuted)
		f.SetXY(marginL, y-1.6)
		if c.YLabel != "" {
			f.SetXY(marginL+4, y-1.6)
		}
		f.CellFormat(labelW, 3.2, t.label, "", 0, "R", false, 0, "")
	}
	r.draw(colMuted)
	f.SetLineWidth(0.2)
	f.Line(fr.x, fr.y+fr.h, fr.x+fr.w, fr.y+fr.h)
	f.Line(fr.x, fr.y, fr.x, fr.y+fr.h)
	if c.YLabel != "" {
		r.font("", 6.5)
		r.text(colMuted)
		f.TransformBegin()
		f.TransformRotate(90, marginL+2.5, fr.y+fr.h/2)
		lw := f.GetStringWidth(cleanText(c.YLabel))
		f.Text(marginL+2.5-lw/2, fr.y+fr.h/2, cleanText(c.YLabel))
		f.TransformEnd()
	}
	return fr
}

// xLabels draws category labels under the plot, skipping to avoid overlap.
func (r *pdfRenderer) xLabels(fr frame, labels []string) {
	f := r.f
	r.font("", 6.5)
	r.text(colMuted)
	slot := fr.w / float64(fr.n)
	widest := 0.0
	for _, l := range labels {
		widest = math.Max(widest, f.GetStringWidth(cleanText(l)))
	}
	skip := 1
	maxW := slot - 1
	if widest+2 > slot {
		skip = int(math.Ceil((math.Min(widest, 24) + 2) / slot))
		maxW = float64(skip)*slot - 2
	}
	two := skip == 1 // wrap long labels on two lines when every slot has one
	if widest+2 > slot && fr.n <= 16 {
		skip, two, maxW = 1, true, slot-1
	}
	for i, l := range labels {
		if i%skip != 0 {
			continue
		}
		ls := []string{r.fit(cleanText(l), maxW)}
		if two {
			ls = r.lines(cleanText(l), maxW, 2)
		}
		for k, s := range ls {
			w := f.GetStringWidth(s)
			x := math.Min(math.Max(fr.px(i)-w/2, marginL), pageW-marginR-w)
			f.SetXY(x, fr.y+fr.h+1.2+float64(k)*2.8)
			f.CellFormat(w, 3.2, s, "", 0, "L", false, 0, "")
		}
		r.draw(colMuted)
		f.SetLineWidth(0.15)
		f.Line(fr.px(i), fr.y+fr.h, fr.px(i), fr.y+fr.h+0.8)
	}
}

// polyline draws a line through the finite values, breaking at NaN.
func (r *pdfRenderer) polyline(fr frame, vals []float64, col rgb, width float64, dash []float64) {
	f := r.f
	r.draw(col)
	f.SetLineWidth(width)
	if dash != nil {
		f.SetDashPattern(dash, 0)
	}
	open := false
	for i, v := range vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			if open {
				f.DrawPath("D")
				open = false
			}
			continue
		}
		if !open {
			f.MoveTo(fr.px(i), fr.py(v))
			open = true
			// a lone point still shows as a short tick
			if i+1 >= len(vals) || math.IsNaN(vals[i+1]) {
				f.LineTo(fr.px(i)+0.01, fr.py(v))
			}
			continue
		}
		f.LineTo(fr.px(i), fr.py(v))
	}
	if open {
		f.DrawPath("D")
	}
	r.solid()
}

type legendItem struct {
	label  string
	col    rgb
	dash   []float64
	marker bool
	bar    bool
	noLine bool
}

func (r *pdfRenderer) legend(fr frame, top float64, items []legendItem) {
	f := r.f
	r.font("", 6.8)
	y := top + chartH - 6.5
	x := fr.x
	for _, it := range items {
		label := cleanText(it.label)
		w := f.GetStringWidth(label)
		if x+8+w > pageW-marginR {
			break
		}
		switch {
		case it.bar:
			r.fill(it.col)
			f.Rect(x, y+0.4, 5, 2.4, "F")
		default:
			if !it.noLine {
				r.draw(it.col)
				f.SetLineWidth(0.5)
				if it.dash != nil {
					f.SetDashPattern(it.dash, 0)
				}
				f.Line(x, y+1.6, x+6, y+1.6)
				r.solid()
			}
			if it.marker {
				r.fill(it.col)
				f.Circle(x+3, y+1.6, 0.8, "F")
			}
		}
		r.text(colText)
		f.SetXY(x+7.5, y)
		f.CellFormat(w, 3.2, label, "", 0, "L", false, 0, "")
		x += 7.5 + w + 5
	}
}

var (
	dashLimit  = []float64{1.6, 1.0}
	dashTarget = []float64{2.6, 0.9, 0.6, 0.9}
	dashTrend  = []float64{1.0, 0.8}
)

func chartKind(c *report.Chart) report.ValueKind {
	if c.ValueKind.IsNumeric() {
		return c.ValueKind
	}
	return report.ValueNumber
}

func (r *pdfRenderer) controlChart(c *report.Chart, top float64) {
	f := r.f
	cc := c.Control
	vals, cen, lcl, ucl := floats(cc.Values), floats(cc.Center), floats(cc.LCL), floats(cc.UCL)
	var tgt []float64
	if cc.Target.Valid() {
		tgt = floats(report.Repeat(float64(cc.Target), len(vals)))
	}
	lo, hi := yRange(vals, cen, lcl, ucl, tgt)
	fr := r.plotArea(top, len(vals), lo, hi, chartKind(c), c, false)
	r.xLabels(fr, cc.Labels)
	r.polyline(fr, ucl, colRed, 0.35, dashLimit)
	r.polyline(fr, lcl, colRed, 0.35, dashLimit)
	r.polyline(fr, cen, colGreen, 0.35, nil)
	if tgt != nil {
		r.polyline(fr, tgt, colTarget, 0.4, dashTarget)
	}
	r.polyline(fr, vals, palette[0], 0.45, nil)
	r.fill(palette[0])
	for i, v := range vals {
		if !math.IsNaN(v) {
			f.Circle(fr.px(i), fr.py(v), 0.55, "F")
		}
	}
	// flagged points, numbered in index order
	seen := map[int]bool{}
	var idx []int
	for _, fl := range cc.Flags {
		if !seen[fl.Index] {
			seen[fl.Index] = true
			idx = append(idx, fl.Index)
		}
	}
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && idx[j] < idx[j-1]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	r.font("B", 5.8)
	// numbers that would overlap an earlier one are left out (dense charts);
	// the marker and the list below still show the point
	var placed [][4]float64
	for k, i := range idx {
		v := vals[i]
		if math.IsNaN(v) {
			continue
		}
		x, y := fr.px(i), fr.py(v)
		r.draw(colWhite)
		f.SetLineWidth(0.25)
		r.fill(colFlag)
		f.Circle(x, y, 1.15, "FD")
		label := fmt.Sprint(k + 1)
		w := f.GetStringWidth(label)
		// put the number on the outer side of the excursion, away from the line
		above, below := y-4.0, y+1.5
		ly := above
		if c := cc.Center[i]; c.Valid() && v < float64(c) {
			ly = below
		}
		if ly < fr.y+0.3 {
			ly = below
		}
		if ly+2.6 > fr.y+fr.h-0.3 {
			ly = above
		}
		box := [4]float64{x + 1.0, ly, x + 1.0 + w, ly + 2.6}
		clash := false
		for _, b := range placed {
			if box[0] < b[2]+0.4 && b[0] < box[2]+0.4 && box[1] < b[3] && b[1] < box[3] {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		placed = append(placed, box)
		r.text(colFlag)
		f.SetXY(x+1.0, ly)
		f.CellFormat(w, 2.6, label, "", 0, "L", false, 0, "")
	}
	items := []legendItem{
		{label: "Value", col: palette[0], marker: true},
		{label: "Centre", col: colGreen},
		{label: "Control limits", col: colRed, dash: dashLimit},
	}
	if tgt != nil {
		items = append(items, legendItem{label: "Target " + formatValue(floatCell(chartKind(c), cc.Target), ""), col: colTarget, dash: dashTarget})
	}
	if len(idx) > 0 {
		items = append(items, legendItem{label: "Rule violation", col: colFlag, marker: true, noLine: true})
	}
	r.legend(fr, top, items)
}

func (r *pdfRenderer) paretoChart(c *report.Chart, top float64) {
	f := r.f
	pc := c.Pareto
	hi := 0.0
	for _, v := range pc.Values {
		hi = math.Max(hi, v)
	}
	if hi <= 0 {
		hi = 1
	}
	fr := r.plotArea(top, len(pc.Values), 0, hi*1.1, chartKind(c), c, true)
	r.xLabels(fr, pc.Categories)
	slot := fr.w / float64(fr.n)
	bw := slot * 0.66
	r.font("", 6)
	for i, v := range pc.Values {
		y := fr.py(math.Max(v, 0))
		r.fill(colAccent2)
		f.Rect(fr.px(i)-bw/2, y, bw, fr.y+fr.h-y, "F")
		if len(pc.Values) <= 16 {
			s := formatValue(floatCell(chartKind(c), report.Float(v)), "")
			w := f.GetStringWidth(s)
			if w < slot {
				r.text(colText)
				f.SetXY(fr.px(i)-w/2, y-3)
				f.CellFormat(w, 2.8, s, "", 0, "C", false, 0, "")
			}
		}
	}
	// secondary axis 0..100 %
	cum := frame{x: fr.x, y: fr.y, w: fr.w, h: fr.h, n: fr.n, lo: 0, hi: 1.1}
	r.draw(colMuted)
	f.SetLineWidth(0.2)
	f.Line(fr.x+fr.w, fr.y, fr.x+fr.w, fr.y+fr.h)
	r.font("", 6.5)
	r.text(colMuted)
	for _, p := range []float64{0, 0.25, 0.5, 0.75, 1} {
		y := cum.py(p)
		f.SetXY(fr.x+fr.w+1.2, y-1.6)
		f.CellFormat(8, 3.2, formatNumber(p*100, 0)+"%", "", 0, "L", false, 0, "")
	}
	// 80 % reference
	r.draw(colRule)
	f.SetLineWidth(0.2)
	f.SetDashPattern(dashTrend, 0)
	f.Line(fr.x, cum.py(0.8), fr.x+fr.w, cum.py(0.8))
	r.solid()
	r.polyline(cum, pc.Cumulative, colOrange, 0.5, nil)
	r.fill(colOrange)
	for i, v := range pc.Cumulative {
		f.Circle(cum.px(i), cum.py(v), 0.6, "F")
	}
	r.legend(fr, top, []legendItem{
		{label: "Value", col: colAccent2, bar: true},
		{label: "Cumulative share (right axis)", col: colOrange, marker: true},
		{label: "80%", col: colRule, dash: dashTrend},
	})
}

func (r *pdfRenderer) lineChart(c *report.Chart, top float64) {
	lc := c.Line
	var all [][]float64
	for _, s := range lc.Series {
		all = append(all, floats(s.Values))
	}
	var tgt []float64
	if lc.Target.Valid() {
		tgt = floats(report.Repeat(float64(lc.Target), len(lc.Labels)))
		all = append(all, tgt)
	}
	trend := floats(lc.Trend)
	all = append(all, trend)
	lo, hi := yRange(all...)
	fr := r.plotArea(top, len(lc.Labels), lo, hi, chartKind(c), c, false)
	r.xLabels(fr, lc.Labels)
	var items []legendItem
	if tgt != nil {
		r.polyline(fr, tgt, colTarget, 0.4, dashTarget)
	}
	if len(trend) > 0 {
		r.polyline(fr, trend, rgb{85, 85, 85}, 0.4, dashTrend)
	}
	for i, s := range lc.Series {
		col := palette[i%len(palette)]
		r.polyline(fr, floats(s.Values), col, 0.5, nil)
		items = append(items, legendItem{label: s.Name, col: col})
	}
	if len(trend) > 0 {
		items = append(items, legendItem{label: "Trend", col: rgb{85, 85, 85}, dash: dashTrend})
	}
	if tgt != nil {
		items = append(items, legendItem{label: "Target " + formatValue(floatCell(chartKind(c), lc.Target), ""), col: colTarget, dash: dashTarget})
	}
	r.legend(fr, top, items)
}
