package ingest

import (
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"slate/internal/cellsafe"
	"slate/internal/domain"
)

// templateColumn documents one column of the supplier template.
type templateColumn struct {
	field, meaning, unit, format, example string
	required                              bool
}

func templateColumns(f *domain.Feed) []templateColumn {
	loc := f.Spec.TimeZone
	if loc == "" {
		loc = "UTC"
	}
	timeFmt := fmt.Sprintf("date and time, yyyy-mm-dd hh:mm:ss, local time in %s (or with an offset: 2024-03-01T14:05:00+01:00)", loc)
	unit := f.Spec.Unit
	required, optional := ShapeFields(f.Spec.Shape)
	meaning := map[string]templateColumn{
		FieldTime:     {meaning: "when the measurement was taken (start of the interval)", format: timeFmt, example: "2024-03-01 14:05:00"},
		FieldValue:    {meaning: "the measured value", unit: unit, format: "number, decimal point", example: "182.5"},
		FieldGood:     {meaning: "number of good events in the interval", unit: "count", format: "whole number ≥ 0, ≤ total", example: "9987"},
		FieldBad:      {meaning: "number of bad events (instead of good)", unit: "count", format: "whole number ≥ 0, ≤ total", example: "13"},
		FieldTotal:    {meaning: "number of all events in the interval", unit: "count", format: "whole number ≥ 0", example: "10000"},
		FieldOK:       {meaning: "whether the check or event was good", format: "1 (good) or 0 (bad)", example: "1"},
		FieldItem:     {meaning: "the ticket, order or item id", format: "text, unique per item", example: "INC-10234"},
		FieldOpened:   {meaning: "when the item was opened", format: timeFmt, example: "2024-03-01 09:12:00"},
		FieldResolved: {meaning: "when the item was resolved (blank while open)", format: timeFmt, example: "2024-03-01 16:40:00"},
		FieldPaused:   {meaning: "time the clock was stopped (waiting on the customer)", unit: "seconds", format: "number ≥ 0", example: "3600"},
		FieldPriority: {meaning: "priority of the item", format: "text, e.g. P1..P4", example: "P2"},
		FieldCI:       {meaning: "configuration item (host, component)", format: "text", example: "web-01"},
	}
	var out []templateColumn
	for _, f := range required {
		c := meaning[f]
		c.field, c.required = f, true
		out = append(out, c)
	}
	for _, f := range optional {
		if f == FieldBad {
			continue
		}
		c := meaning[f]
		c.field = f
		out = append(out, c)
	}
	return out
}

// WriteTemplate writes the supplier data template of a feed: a Data sheet
// (first, so a filled template imports with no mapping) with typed columns and
// data validation, and an Instructions sheet (shown on opening).
func WriteTemplate(w io.Writer, feed *domain.Feed) error {
	cols := templateColumns(feed)
	if len(cols) == 0 {
		return fmt.Errorf("feed %s has no shape; set spec.shape first", feed.Name())
	}
	x := excelize.NewFile()
	defer x.Close()
	const data, instr = "Data", "Instructions"
	if err := x.SetSheetName("Sheet1", data); err != nil {
		return err
	}
	if _, err := x.NewSheet(instr); err != nil {
		return err
	}
	bold, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1}})
	title, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	wrap, _ := x.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	dateFmt := "yyyy-mm-dd hh:mm:ss"
	dateStyle, _ := x.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	numStyle, _ := x.NewStyle(&excelize.Style{NumFmt: 0})
	textStyle, _ := x.NewStyle(&excelize.Style{NumFmt: 49})
	const lastRow = 1048576
	for i, c := range cols {
		col, _ := excelize.ColumnNumberToName(i + 1)
		cell := col + "1"
		x.SetCellStr(data, cell, TemplateName[c.field])
		x.SetCellStyle(data, cell, cell, bold)
		x.SetColWidth(data, col, col, 22)
		rng := fmt.Sprintf("%s2:%s%d", col, col, lastRow)
		dv := excelize.NewDataValidation(!c.required)
		dv.SetSqref(rng)
		style := numStyle
		switch c.field {
		case FieldTime, FieldOpened, FieldResolved:
			style = dateStyle
			dv.SetRange(36526, 73051, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween)
			dv.SetError(excelize.DataValidationErrorStyleStop, "Date and time", "Enter a date and time such as 2024-03-01 14:05:00")
		case FieldValue:
			dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
			dv.SetError(excelize.DataValidationErrorStyleStop, "Number", "Enter a number")
		case FieldGood, FieldBad, FieldTotal, FieldPaused:
			dv.SetRange(0, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
			dv.SetError(excelize.DataValidationErrorStyleStop, "Number", "Enter a number ≥ 0")
		case FieldOK:
			dv.SetDropList([]string{"1", "0"})
			dv.SetError(excelize.DataValidationErrorStyleStop, "Good or bad", "Enter 1 (good) or 0 (bad)")
		default:
			style = textStyle
			dv = nil
		}
		if dv != nil {
			dv.SetInput(TemplateName[c.field], clipRunes(c.format, 255))
			if err := x.AddDataValidation(data, dv); err != nil {
				return err
			}
		}
		x.SetColStyle(data, col, style)
	}
	x.SetPanes(data, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})

	// Instructions.
	zone := feed.Spec.TimeZone
	if zone == "" {
		zone = "UTC"
	}
	interval := "none (rows may come at any time)"
	if feed.Spec.Interval > 0 {
		interval = fmt.Sprintf("one row every %s; missing rows are reported as gaps", feed.Spec.Interval)
	}
	lines := [][]string{
		{"Data template for feed " + feed.Name()},
		{},
		{"Feed", feed.Name()},
		{"Description", feed.Metadata.Description},
		{"Supplier", feed.Spec.Supplier},
		{"Kind of rows", shapeText(feed.Spec.Shape)},
		{"Expected interval", interval},
		{"Time zone", zone + " — times without an offset are read in this zone"},
		{"Unit", feed.Spec.Unit},
		{"How to fill", "Put one row per measurement on the Data sheet, below the header. Do not rename, reorder or delete the header. Send raw data, not totals or averages. Save as .xlsx (or as CSV UTF-8 with the same header)."},
		{},
		{"Column", "Required", "Meaning", "Unit", "Format", "Example"},
	}
	for _, c := range cols {
		req := "optional"
		if c.required {
			req = "required"
		}
		lines = append(lines, []string{TemplateName[c.field], req, c.meaning, c.unit, c.format, c.example})
	}
	for i, l := range lines {
		for j, s := range l {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			x.SetCellStr(instr, cell, cellsafe.Text(s))
		}
	}
	x.SetCellStyle(instr, "A1", "A1", title)
	hdr := len(lines) - len(cols)
	x.SetCellStyle(instr, fmt.Sprintf("A%d", hdr), fmt.Sprintf("F%d", hdr), bold)
	x.SetCellStyle(instr, "B3", fmt.Sprintf("F%d", len(lines)), wrap)
	x.SetColWidth(instr, "A", "A", 20)
	x.SetColWidth(instr, "B", "B", 40)
	x.SetColWidth(instr, "C", "F", 30)
	x.SetActiveSheet(1)
	return x.Write(w)
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

func shapeText(shape string) string {
	switch shape {
	case domain.ShapeValue:
		return "a time and a measured value per row"
	case domain.ShapeCounts:
		return "a time with good and total counts per row"
	case domain.ShapeEvent:
		return "a time and a good/bad flag per row (one check or event)"
	case domain.ShapeItem:
		return "one item (ticket, order) per row with opened and resolved times"
	}
	return shape
}

// RejectsInfo names the batch a rejects report is for.
type RejectsInfo struct {
	Batch  uint64
	Feed   string
	File   string
	Header []string
}

func rejectHeader(info RejectsInfo) []string {
	h := make([]string, 0, len(info.Header)+5)
	for _, c := range info.Header {
		h = append(h, cellsafe.Text(c))
	}
	return append(h, "source_row", "problem", "column", "value", "fix")
}

func rejectLine(info RejectsInfo, r RejectedRow) []string {
	out := make([]string, len(info.Header), len(info.Header)+5)
	for i := range out {
		if i < len(r.Cells) {
			out[i] = cellsafe.Text(r.Cells[i])
		}
	}
	var kinds, cols, vals, fixes []string
	for _, f := range r.Findings {
		kinds = append(kinds, f.Kind)
		if f.Column != "" {
			cols = append(cols, f.Column)
		}
		if f.Raw != "" {
			vals = append(vals, f.Raw)
		}
		fixes = append(fixes, f.Message)
	}
	return append(out, strconv.Itoa(r.Row), strings.Join(kinds, "; "), cellsafe.Text(strings.Join(cols, "; ")),
		cellsafe.Text(strings.Join(vals, "; ")), cellsafe.Text(strings.Join(fixes, " | ")))
}

// WriteRejectsCSV writes the rejected rows as CSV: the original columns (so the
// fixed rows can be sent again), then the source row, problems and the fix.
func WriteRejectsCSV(w io.Writer, info RejectsInfo, rows iter.Seq[RejectedRow]) error {
	cw := csv.NewWriter(w)
	cw.Write(rejectHeader(info))
	for r := range rows {
		if err := cw.Write(rejectLine(info, r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteRejectsXLSX writes the rejected rows as a workbook (streamed): a Rejects
// sheet like WriteRejectsCSV, and an About sheet naming the batch.
func WriteRejectsXLSX(w io.Writer, info RejectsInfo, rows iter.Seq[RejectedRow]) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", "Rejects"); err != nil {
		return err
	}
	sw, err := x.NewStreamWriter("Rejects")
	if err != nil {
		return err
	}
	head := rejectHeader(info)
	sw.SetColWidth(1, len(head), 18)
	sw.SetColWidth(len(head), len(head), 80)
	row := 1
	vals := make([]any, len(head))
	for i, s := range head {
		vals[i] = s
	}
	if err := sw.SetRow("A1", vals); err != nil {
		return err
	}
	for r := range rows {
		row++
		line := rejectLine(info, r)
		vals := make([]any, len(line))
		for i, s := range line {
			vals[i] = s
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	about := "About"
	x.NewSheet(about)
	for i, l := range [][]string{
		{"Rejected rows of batch", strconv.FormatUint(info.Batch, 10)},
		{"Feed", cellsafe.Text(info.Feed)},
		{"File", cellsafe.Text(info.File)},
		{"Rows", strconv.Itoa(row - 1)},
		{"Generated", time.Now().UTC().Format(time.RFC3339)},
		{"How to use", "Fix each row as the fix column says, delete the last five columns, and send the rows again as a new file."},
	} {
		x.SetCellStr(about, fmt.Sprintf("A%d", i+1), l[0])
		x.SetCellStr(about, fmt.Sprintf("B%d", i+1), l[1])
	}
	return x.Write(w)
}
