package export

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"slate/internal/report"
)

// ---- section sheets ----

func (x *xlsxWriter) writeSection(pl sectionPlan) error {
	s := pl.sheet
	x.widths = map[int]float64{}
	m := x.p.Meta
	if err := x.setText(s, 1, 1, pl.sec.Title, styleKey{role: roleTitle}); err != nil {
		return err
	}
	if err := x.setText(s, 1, 2, m.Workspace+" · "+m.Period, styleKey{role: roleSubtitle}); err != nil {
		return err
	}
	row := 4
	smallTables, freezeAt := 0, 0
	for bi, b := range pl.sec.Blocks {
		var err error
		switch b.Kind() {
		case report.KindHeading:
			r := roleH1
			if b.Heading.Level == 2 {
				r = roleH2
			} else if b.Heading.Level >= 3 {
				r = roleH3
			}
			err = x.setText(s, 1, row, b.Heading.Text, styleKey{role: r})
			row++
		case report.KindParagraph:
			row, err = x.mergedText(s, row, b.Paragraph.Text, roleParagraph)
		case report.KindNote:
			r := roleNoteInfo
			label := "Note"
			switch b.Note.Severity {
			case report.SeverityWarning:
				r, label = roleNoteWarning, "Warning"
			case report.SeverityCritical:
				r, label = roleNoteCritical, "Critical"
			}
			text := label
			if b.Note.Title != "" {
				text += " — " + b.Note.Title
			}
			text += ": " + b.Note.Text
			row, err = x.mergedText(s, row, text, r)
		case report.KindKeyValues:
			row, err = x.keyValues(s, row, b.KeyValues)
		case report.KindTable:
			if name, ok := pl.data[bi]; ok {
				row, err = x.tableLink(s, row, b.Table, name)
			} else {
				var header int
				row, header, err = x.smallTable(s, row, b.Table)
				smallTables++
				freezeAt = header
			}
		case report.KindChart:
			row, err = x.chart(s, row, b.Chart)
		}
		if err != nil {
			return fmt.Errorf("block %d (%s): %w", bi, b.Kind(), err)
		}
	}
	if smallTables == 1 && freezeAt > 0 {
		if err := x.f.SetPanes(s, &excelize.Panes{
			Freeze: true, YSplit: freezeAt, TopLeftCell: cellName(1, freezeAt+1), ActivePane: "bottomLeft",
		}); err != nil {
			return err
		}
	}
	return x.finishSheet(s)
}

func (x *xlsxWriter) mergedText(s string, row int, text string, r role) (int, error) {
	if err := x.setText(s, 1, row, text, styleKey{role: r}); err != nil {
		return row, err
	}
	for col := 2; col <= mergeLastCol; col++ { // style the merged area too
		id, err := x.style(styleKey{role: r, kind: report.ValueText})
		if err != nil {
			return row, err
		}
		c := cellName(col, row)
		if err := x.f.SetCellStyle(s, c, c, id); err != nil {
			return row, err
		}
	}
	if err := x.f.MergeCell(s, cellName(1, row), cellName(mergeLastCol, row)); err != nil {
		return row, err
	}
	x.wrapRows = append(x.wrapRows, wrapRow{row: row, text: safeText(text)})
	return row + 2, nil
}

func (x *xlsxWriter) keyValues(s string, row int, kv *report.KeyValues) (int, error) {
	if kv.Title != "" {
		if err := x.setText(s, 1, row, kv.Title, styleKey{role: roleH3}); err != nil {
			return row, err
		}
		row++
	}
	for _, it := range kv.Items {
		if err := x.setText(s, 1, row, it.Label, styleKey{role: roleLabel}); err != nil {
			return row, err
		}
		x.note(1, textWidth(it.Label))
		if err := x.setCell(s, 2, row, it.Value, styleKey{role: roleValue}); err != nil {
			return row, err
		}
		if it.Value.Kind != report.ValueText {
			x.note(2, displayWidth(it.Value, ""))
		} else {
			x.note(2, math.Min(textWidth(it.Value.Text), 40))
		}
		row++
	}
	return row + 1, nil
}

func uniqueHeaders(cols []report.Column) []string {
	seen := map[string]int{}
	out := make([]string, len(cols))
	for i, c := range cols {
		h := strings.TrimSpace(strings.ReplaceAll(safeText(c.Header), "\n", " "))
		if h == "" {
			h = fmt.Sprintf("Column %d", i+1)
		}
		key := strings.ToLower(h)
		if n := seen[key]; n > 0 {
			h = fmt.Sprintf("%s (%d)", h, n+1)
		}
		seen[key]++
		out[i] = h
	}
	return out
}

func columnWidth(c report.Column, header string, rows []report.Row, ci int) float64 {
	if c.Width > 0 {
		return float64(c.Width) + 2
	}
	w := textWidth(header) + 2 // room for the filter button
	for i, r := range rows {
		if i >= 500 {
			break
		}
		w = math.Max(w, displayWidth(r.Cells[ci], c.Currency))
	}
	return w
}

func (x *xlsxWriter) tableName() string {
	x.tables++
	return fmt.Sprintf("Table%d", x.tables)
}

// smallTable writes an Excel table; it returns the next free row and the
// header row.
func (x *xlsxWriter) smallTable(s string, row int, t *report.Table) (int, int, error) {
	if t.Title != "" {
		if err := x.setText(s, 1, row, t.Title, styleKey{role: roleH3}); err != nil {
			return row, 0, err
		}
		row++
	}
	header := row
	heads := uniqueHeaders(t.Columns)
	for ci, c := range t.Columns {
		if err := x.setText(s, ci+1, row, heads[ci], styleKey{role: roleHeader, kind: c.Kind}); err != nil {
			return row, 0, err
		}
		x.note(ci+1, columnWidth(c, heads[ci], t.Rows, ci))
	}
	row++
	for _, r := range t.Rows {
		for ci, c := range t.Columns {
			if err := x.setCell(s, ci+1, row, r.Cells[ci], styleKey{rag: r.Status, currency: c.Currency}); err != nil {
				return row, 0, err
			}
		}
		row++
	}
	if len(t.Rows) > 0 {
		show := true
		if err := x.f.AddTable(s, &excelize.Table{
			Range:          cellName(1, header) + ":" + cellName(len(t.Columns), row-1),
			Name:           x.tableName(),
			StyleName:      "TableStyleLight1",
			ShowRowStripes: &show,
		}); err != nil {
			return row, 0, err
		}
	} else if t.Caption == "" { // an empty table's caption says why it is empty
		if err := x.setText(s, 1, row, "No rows.", styleKey{role: roleCaption}); err != nil {
			return row, 0, err
		}
		row++
	}
	if t.Caption != "" {
		if err := x.setText(s, 1, row, t.Caption, styleKey{role: roleCaption}); err != nil {
			return row, 0, err
		}
		row++
	}
	return row + 1, header, nil
}

func (x *xlsxWriter) tableLink(s string, row int, t *report.Table, dataSheet string) (int, error) {
	title := t.Title
	if title == "" {
		title = "Table"
	}
	if err := x.setText(s, 1, row, title, styleKey{role: roleH3}); err != nil {
		return row, err
	}
	row++
	link := fmt.Sprintf("%d rows — see sheet %s", len(t.Rows), dataSheet)
	if err := x.setText(s, 1, row, link, styleKey{role: roleLink}); err != nil {
		return row, err
	}
	if err := x.f.SetCellHyperLink(s, cellName(1, row), quoteSheet(dataSheet)+"!A1", "Location"); err != nil {
		return row, err
	}
	row++
	if t.Caption != "" {
		if err := x.setText(s, 1, row, t.Caption, styleKey{role: roleCaption}); err != nil {
			return row, err
		}
		row++
	}
	return row + 1, nil
}

// writeDataSheet streams a big table: header in row 1 (frozen), an Excel table
// with autofilter over all rows.
func (x *xlsxWriter) writeDataSheet(sheet string, t *report.Table) error {
	// page setup goes into the worksheet before streaming starts; the
	// StreamWriter copies those parts around the streamed sheet data
	if err := x.printSetup(sheet, true); err != nil {
		return err
	}
	sw, err := x.f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	heads := uniqueHeaders(t.Columns)
	for ci, c := range t.Columns {
		w := math.Min(math.Max(columnWidth(c, heads[ci], t.Rows, ci), minColWidth), maxColWidth)
		if err := sw.SetColWidth(ci+1, ci+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	vals := make([]any, len(t.Columns))
	for ci, c := range t.Columns {
		h := heads[ci]
		id, err := x.style(styleKey{role: roleHeader, kind: c.Kind})
		if err != nil {
			return err
		}
		vals[ci] = excelize.Cell{StyleID: id, Value: h}
	}
	if err := sw.SetRow("A1", vals, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	for ri, r := range t.Rows {
		vals := make([]any, len(t.Columns))
		for ci, c := range t.Columns {
			v := r.Cells[ci]
			k := styleKey{rag: r.Status, currency: c.Currency, kind: v.Kind}
			var val any
			switch {
			case v.Kind == report.ValueText:
				val = safeText(v.Text)
			case v.Kind.IsNumeric():
				val = v.Number
				if v.Kind == report.ValueNumber {
					k.dec, k.unit = shownDecimals(v), cleanText(v.Unit)
				}
			case v.Kind.IsTime():
				val = wallUTC(*v.Time)
			}
			id, err := x.style(k)
			if err != nil {
				return err
			}
			vals[ci] = excelize.Cell{StyleID: id, Value: val}
		}
		if err := sw.SetRow(cellName(1, ri+2), vals); err != nil {
			return err
		}
	}
	if len(t.Rows) > 0 {
		show := true
		if err := sw.AddTable(&excelize.Table{
			Range:          "A1:" + cellName(len(t.Columns), len(t.Rows)+1),
			Name:           x.tableName(),
			StyleName:      "TableStyleLight1",
			ShowRowStripes: &show,
		}); err != nil {
			return err
		}
	}
	return sw.Flush()
}
