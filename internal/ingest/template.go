package ingest

import (
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"slate/internal/cellsafe"
	"slate/internal/domain"
)

// Layout is the file a feed's mapping reads: the sheet, the columns in order,
// the time layout and zone, and the decimal convention. The supplier template
// and the data export are both written from it, so a file Slate writes is a
// file Slate reads with that mapping: changing the mapping changes the layout.
type Layout struct {
	Feed *domain.Feed `json:"-"`
	// Mapping reads files of this layout: the feed's saved mapping, or (for a
	// feed without one) the template's column names, which the import's
	// suggestion recognises.
	Mapping domain.Mapping `json:"mapping"`
	// Saved says the mapping is the feed's saved one.
	Saved bool `json:"saved"`
	// Sheet is the XLSX sheet holding the rows (first in the workbook).
	Sheet   string         `json:"sheet"`
	Columns []LayoutColumn `json:"columns"`
	Zone    string         `json:"time_zone"`
	loc     *time.Location
}

// LayoutColumn is one column of a feed's files.
type LayoutColumn struct {
	// Field is the mapping field the column holds; "" for a column no field
	// reads (a gap before a positional "#n" column).
	Field  string `json:"field,omitempty"`
	Header string `json:"header"`
	// Required columns must be filled on every row; unused ones are named by
	// the mapping but not read for the feed's shape (leave them blank).
	Required bool   `json:"required"`
	Used     bool   `json:"used"`
	Meaning  string `json:"meaning"`
	Unit     string `json:"unit,omitempty"`
	Format   string `json:"format"`
	Example  string `json:"example"`
}

// mappingOrder is the order of columns in a layout: the order a mapping lists
// its fields (as `slate get feed -o yaml` shows them).
var mappingOrder = []string{FieldTime, FieldValue, FieldGood, FieldBad, FieldTotal, FieldOK, FieldItem,
	FieldOpened, FieldResolved, FieldPaused, FieldPriority, FieldCI}

// DefaultSheet is the data sheet's name when the mapping names none.
const DefaultSheet = "Data"

// FeedLayout works out the layout of a feed's files from its mapping.
func FeedLayout(feed *domain.Feed) (*Layout, error) {
	required, optional := ShapeFields(feed.Spec.Shape)
	if required == nil {
		return nil, fmt.Errorf("feed %s has no shape (value, counts, event or item); set spec.shape first", feed.Name())
	}
	loc, err := domain.LoadZone(feed.Spec.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("feed %s: %w", feed.Name(), err)
	}
	l := &Layout{Feed: feed, loc: loc, Zone: loc.String(), Sheet: DefaultSheet}
	if m := feed.Spec.Mapping; m != nil {
		l.Mapping, l.Saved = *m, true
	} else {
		set := mappingSetters(&l.Mapping)
		for _, f := range append(slices.Clone(required), optional...) {
			if f != FieldBad {
				*set[f] = TemplateName[f]
			}
		}
	}
	if l.Mapping.Sheet != "" {
		l.Sheet = l.Mapping.Sheet
	}
	if _, err := NewTimeParser(l.Mapping.TimeLayout, loc); err != nil {
		return nil, fmt.Errorf("feed %s: %w", feed.Name(), err)
	}
	if err := l.columns(required); err != nil {
		return nil, fmt.Errorf("feed %s: %w", feed.Name(), err)
	}
	return l, nil
}

func mappingSetters(m *domain.Mapping) map[string]*string {
	return map[string]*string{
		FieldTime: &m.Time, FieldValue: &m.Value, FieldGood: &m.Good, FieldBad: &m.Bad, FieldTotal: &m.Total,
		FieldOK: &m.OK, FieldItem: &m.Item, FieldOpened: &m.Opened, FieldResolved: &m.Resolved,
		FieldPaused: &m.Paused, FieldPriority: &m.Priority, FieldCI: &m.CI,
	}
}

// columns places every field the mapping names: "#n" at position n, named
// ones in mapping order in the free places, a column named twice once.
func (l *Layout) columns(required []string) error {
	names := MappingFields(&l.Mapping)
	type placed struct{ field, header string }
	var byPos []placed
	pos := map[int]placed{}
	seen := map[string]bool{}
	width := 0
	for _, f := range mappingOrder {
		name := strings.TrimSpace(names[f])
		if name == "" {
			continue
		}
		if n, ok := strings.CutPrefix(name, "#"); ok {
			if i, err := strconv.Atoi(n); err == nil && i >= 1 {
				if other, taken := pos[i-1]; taken {
					return fmt.Errorf("mapping puts %s and %s both in column #%d", other.field, f, i)
				}
				pos[i-1] = placed{f, TemplateName[f]}
				width = max(width, i)
				continue
			}
		}
		key := normHeader(name)
		if seen[key] {
			continue // two fields read one column
		}
		seen[key] = true
		byPos = append(byPos, placed{f, name})
	}
	width = max(width, len(pos)+len(byPos))
	cols := make([]placed, width)
	next := 0
	for i := range cols {
		if p, ok := pos[i]; ok {
			cols[i] = p
		} else if next < len(byPos) {
			cols[i] = byPos[next]
			next++
		}
	}
	used := l.usedFields()
	for i, p := range cols {
		c := LayoutColumn{Field: p.field, Header: p.header}
		if p.field == "" {
			c.Header = fmt.Sprintf("not_read_%d", i+1)
			c.Meaning = "no field of the mapping reads this column; leave it blank"
			l.Columns = append(l.Columns, c)
			continue
		}
		c.Used = used[p.field]
		c.Required = c.Used && slices.Contains(required, p.field) || p.field == FieldBad && c.Used
		l.describe(&c)
		l.Columns = append(l.Columns, c)
	}
	return nil
}

// usedFields are the mapped fields the validator reads for the feed's shape.
func (l *Layout) usedFields() map[string]bool {
	m := l.Mapping
	u := map[string]bool{FieldCI: m.CI != "", FieldPriority: m.Priority != ""}
	switch l.Feed.Spec.Shape {
	case domain.ShapeValue:
		u[FieldTime], u[FieldValue] = true, true
	case domain.ShapeCounts:
		u[FieldTime], u[FieldTotal] = true, true
		if m.Good != "" {
			u[FieldGood] = true
		} else {
			u[FieldBad] = true
		}
	case domain.ShapeEvent:
		u[FieldTime], u[FieldOK], u[FieldItem] = true, true, m.Item != ""
	case domain.ShapeItem:
		u[FieldItem], u[FieldOpened] = true, true
		u[FieldResolved], u[FieldPaused] = m.Resolved != "", m.Paused != ""
	}
	return u
}

var fieldMeaning = map[string]string{
	FieldTime:     "when the measurement was taken (start of the interval)",
	FieldValue:    "the measured value",
	FieldGood:     "number of good events in the interval",
	FieldBad:      "number of bad events in the interval",
	FieldTotal:    "number of all events in the interval",
	FieldOK:       "whether the check or event was good",
	FieldItem:     "the ticket, order or item id (unique per item)",
	FieldOpened:   "when the item was opened",
	FieldResolved: "when the item was resolved (blank while open)",
	FieldPaused:   "time the clock was stopped (waiting on the customer)",
	FieldPriority: "priority of the item",
	FieldCI:       "configuration item (host, component) as the CMDB names it",
}

func (l *Layout) describe(c *LayoutColumn) {
	c.Meaning = fieldMeaning[c.Field]
	if c.Field == FieldItem && l.Feed.Spec.Shape == domain.ShapeEvent {
		c.Meaning = "the transaction or check id (optional)"
	}
	if !c.Used {
		c.Meaning = fmt.Sprintf("not read for %s feeds (the mapping names it; leave it blank)", l.Feed.Spec.Shape)
	}
	switch c.Field {
	case FieldTime, FieldOpened, FieldResolved:
		c.Format = l.timeFormat()
	case FieldValue:
		c.Unit, c.Format = l.Feed.Spec.Unit, l.numberFormat("number")
	case FieldGood, FieldBad, FieldTotal:
		c.Unit, c.Format = "count", l.numberFormat("whole number ≥ 0, at most the total")
		if c.Field == FieldTotal {
			c.Format = l.numberFormat("whole number ≥ 0")
		}
	case FieldPaused:
		c.Unit, c.Format = "seconds", l.numberFormat("number ≥ 0")
	case FieldOK:
		c.Format = "1 (good) or 0 (bad)"
	case FieldPriority:
		c.Format = "text, e.g. P1..P4"
	default:
		c.Format = "text"
	}
	c.Example = l.cellText(c.Field, examplePoint(l.Feed.Spec.Shape, l.loc))
}

func (l *Layout) numberFormat(what string) string {
	if l.Mapping.DecimalComma {
		return what + ", decimal comma (12,5; in Excel a number cell)"
	}
	return what + ", decimal point (12.5)"
}

func (l *Layout) timeFormat() string {
	zone := "local time in " + l.Zone
	switch lay := l.Mapping.TimeLayout; lay {
	case LayoutAuto:
		return "date and time yyyy-mm-dd hh:mm:ss (in Excel a date cell), " + zone + "; or with an offset such as 2024-03-01T14:05:00+01:00"
	case LayoutISOLocal:
		return "text yyyy-mm-dd hh:mm[:ss], " + zone + " (Excel date cells are read too; add the offset, e.g. +01:00, only in the hour the clock goes back)"
	case LayoutRFC3339:
		return "text yyyy-mm-ddThh:mm:ss with the offset from UTC, e.g. 2024-03-01T14:05:00+01:00"
	case LayoutExcel:
		return "Excel date and time (a date cell, or its serial number), " + zone
	case LayoutUnix:
		return "Unix time: seconds since 1970-01-01 00:00 UTC"
	case LayoutUnixMS:
		return "Unix time: milliseconds since 1970-01-01 00:00 UTC"
	default:
		return "text " + humanLayout(lay) + ", " + zone
	}
}

// humanLayout writes a Go time layout the way spreadsheets name formats.
func humanLayout(layout string) string {
	r := strings.NewReplacer("2006", "yyyy", "January", "month", "Jan", "mon", "Monday", "weekday", "Mon", "wkd",
		"01", "MM", "02", "dd", "_2", "d", "15", "hh", "03", "hh", "04", "mm", "05", "ss", "06", "yy",
		"PM", "AM/PM", "pm", "am/pm", "-07:00", "±hh:mm", "-0700", "±hhmm", "Z07:00", "Z or ±hh:mm", "MST", "zone",
		".000", ".sss", "1", "M", "2", "d", "3", "h", "4", "m", "5", "s")
	return r.Replace(layout)
}

// examplePoint is the example row of the instructions, in the feed's zone.
func examplePoint(shape string, loc *time.Location) domain.Point {
	at := time.Date(2024, 3, 1, 14, 5, 0, 0, loc)
	p := domain.Point{At: at, Value: 182.5, Good: 9987, Total: 10000, CI: "web-01", Priority: "P2"}
	switch shape {
	case domain.ShapeEvent:
		p.Good, p.Total, p.ItemID = 1, 1, "TX-5531"
	case domain.ShapeItem:
		p.ItemID, p.Paused = "INC-10234", 3600
		p.Opened = time.Date(2024, 3, 1, 9, 12, 0, 0, loc)
		p.Resolved = time.Date(2024, 3, 1, 16, 40, 0, 0, loc)
		p.At = p.Resolved
	}
	return p
}

// cellText writes one field of a point as text in the layout's conventions;
// text a spreadsheet would run as a formula gets its apostrophe (cellsafe).
func (l *Layout) cellText(field string, p domain.Point) string {
	num := func(x float64) string {
		s := strconv.FormatFloat(x, 'f', -1, 64)
		if l.Mapping.DecimalComma {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	}
	text := cellsafe.Text
	switch field {
	case FieldTime:
		return l.timeText(p.At)
	case FieldOpened:
		return l.timeText(p.Opened)
	case FieldResolved:
		if p.Resolved.IsZero() {
			return ""
		}
		return l.timeText(p.Resolved)
	case FieldValue:
		return num(p.Value)
	case FieldGood:
		return num(p.Good)
	case FieldBad:
		return num(p.Total - p.Good)
	case FieldTotal:
		return num(p.Total)
	case FieldOK:
		if p.Good > 0 {
			return "1"
		}
		return "0"
	case FieldPaused:
		if p.Paused == 0 && p.Resolved.IsZero() {
			return ""
		}
		return num(p.Paused)
	case FieldItem:
		return text(p.ItemID)
	case FieldPriority:
		return text(p.Priority)
	case FieldCI:
		return text(p.CI)
	}
	return ""
}

// timeText writes t in the mapping's time layout. Local wall-clock layouts
// carry the offset where the wall time alone is ambiguous (the hour the clock
// goes back), so that the row reads back as the same instant.
func (l *Layout) timeText(t time.Time) string {
	w := t.In(l.loc)
	switch lay := l.Mapping.TimeLayout; lay {
	case LayoutAuto, LayoutISOLocal:
		s := w.Format("2006-01-02 15:04:05.999999999")
		if !l.unambiguous(t) {
			s += w.Format("-07:00")
		}
		return s
	case LayoutRFC3339:
		return w.Format(time.RFC3339Nano)
	case LayoutExcel:
		return strconv.FormatFloat(ToExcelSerial(t, l.loc), 'f', -1, 64)
	case LayoutUnix:
		if t.Nanosecond() == 0 {
			return strconv.FormatInt(t.Unix(), 10)
		}
		return strconv.FormatFloat(float64(t.UnixNano())/1e9, 'f', -1, 64)
	case LayoutUnixMS:
		if t.Nanosecond()%int(time.Millisecond) == 0 {
			return strconv.FormatInt(t.UnixMilli(), 10)
		}
		return strconv.FormatFloat(float64(t.UnixNano())/1e6, 'f', -1, 64)
	default:
		return w.Format(lay)
	}
}

// unambiguous reports whether t's wall-clock time in the layout's zone names only t.
func (l *Layout) unambiguous(t time.Time) bool {
	w := t.In(l.loc)
	back := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), l.loc)
	return back.Equal(t)
}

// Header is the header row of the layout.
func (l *Layout) Header() []string {
	h := make([]string, len(l.Columns))
	for i, c := range l.Columns {
		h[i] = c.Header
	}
	return h
}

// Delimiter is the CSV delimiter: a semicolon where numbers use a decimal comma.
func (l *Layout) Delimiter() rune {
	if l.Mapping.DecimalComma {
		return ';'
	}
	return ','
}

// WriteTemplate writes the supplier data template of a feed as XLSX: the data
// sheet first, exactly as the feed's mapping reads it (sheet name, columns in
// order, time layout, decimal convention), with typed columns and data
// validation, and an Instructions sheet (shown on opening) that explains each
// column and gives an example row. A filled template imports with no mapping.
func WriteTemplate(w io.Writer, feed *domain.Feed) error {
	l, err := FeedLayout(feed)
	if err != nil {
		return err
	}
	return l.WriteXLSX(w, nil)
}

// WriteTemplateCSV writes the CSV template of a feed: the header row its
// mapping reads, with the delimiter of its decimal convention. The column
// explanations are Layout.Instructions (a CSV has no second sheet).
func WriteTemplateCSV(w io.Writer, feed *domain.Feed) error {
	l, err := FeedLayout(feed)
	if err != nil {
		return err
	}
	return l.WriteCSV(w, nil)
}

// WriteCSV writes the header and one line per point, in the layout.
func (l *Layout) WriteCSV(w io.Writer, rows iter.Seq[domain.Point]) error {
	cw := csv.NewWriter(w)
	cw.Comma = l.Delimiter()
	if err := cw.Write(l.Header()); err != nil {
		return err
	}
	if rows != nil {
		line := make([]string, len(l.Columns))
		for p := range rows {
			for i, c := range l.Columns {
				line[i] = l.cellText(c.Field, p)
			}
			if err := cw.Write(line); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// instructionsSheet names the instructions sheet, avoiding the data sheet's name.
func (l *Layout) instructionsSheet() string {
	if strings.EqualFold(l.Sheet, "Instructions") {
		return "How to fill"
	}
	return "Instructions"
}

// WriteXLSX writes the data sheet (streamed: exports can be large) with the
// points in rows, then the instructions sheet. With no rows it is the template.
func (l *Layout) WriteXLSX(w io.Writer, rows iter.Seq[domain.Point]) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", l.Sheet); err != nil {
		return fmt.Errorf("the mapping's sheet %q cannot name an Excel sheet: %w", l.Sheet, err)
	}
	st, err := l.styles(x)
	if err != nil {
		return err
	}
	const lastRow = 1048576
	for i, c := range l.Columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if dv := l.validation(c); dv != nil {
			dv.SetSqref(fmt.Sprintf("%s2:%s%d", col, col, lastRow))
			if err := x.AddDataValidation(l.Sheet, dv); err != nil {
				return err
			}
		}
	}
	sw, err := x.NewStreamWriter(l.Sheet)
	if err != nil {
		return err
	}
	for i, c := range l.Columns {
		if err := sw.SetColWidth(i+1, i+1, 22); err != nil {
			return err
		}
		if err := sw.SetColStyle(i+1, i+1, st.column(l, c)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(l.Columns))
	for i, h := range l.Header() {
		head[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	if rows != nil {
		r := 2
		vals := make([]any, len(l.Columns))
		for p := range rows {
			for i, c := range l.Columns {
				vals[i] = l.xlsxCell(c.Field, p, st)
			}
			cell, _ := excelize.CoordinatesToCellName(1, r)
			if err := sw.SetRow(cell, vals); err != nil {
				return err
			}
			r++
			if r > lastRow {
				return fmt.Errorf("more than %d rows do not fit one sheet; export a shorter range", lastRow-1)
			}
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := l.writeInstructions(x, st); err != nil {
		return err
	}
	return x.Write(w)
}

type xlsxStyles struct{ header, title, wrap, date, number, text int }

func (l *Layout) styles(x *excelize.File) (xlsxStyles, error) {
	var s xlsxStyles
	var err error
	dateFmt := "yyyy-mm-dd hh:mm:ss"
	for _, st := range []struct {
		id *int
		s  *excelize.Style
	}{
		{&s.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1}}},
		{&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&s.wrap, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&s.date, &excelize.Style{CustomNumFmt: &dateFmt}},
		{&s.number, &excelize.Style{NumFmt: 0}},
		{&s.text, &excelize.Style{NumFmt: 49}},
	} {
		if *st.id, err = x.NewStyle(st.s); err != nil {
			return s, err
		}
	}
	return s, nil
}

// dateCells: the layout's times are Excel date cells (auto and excel layouts);
// other layouts are text (or numbers for Unix times).
func (l *Layout) dateCells() bool {
	return l.Mapping.TimeLayout == LayoutAuto || l.Mapping.TimeLayout == LayoutExcel
}

func isTime(field string) bool {
	return field == FieldTime || field == FieldOpened || field == FieldResolved
}

func (s xlsxStyles) column(l *Layout, c LayoutColumn) int {
	switch {
	case isTime(c.Field) && l.dateCells():
		return s.date
	case isTime(c.Field) && (l.Mapping.TimeLayout == LayoutUnix || l.Mapping.TimeLayout == LayoutUnixMS):
		return s.number
	case isTime(c.Field), c.Field == FieldItem, c.Field == FieldPriority, c.Field == FieldCI, c.Field == "":
		return s.text
	}
	return s.number
}

// xlsxCell is one field of a point as an XLSX cell: numbers as numbers (a
// workbook stores them without a decimal convention), times per the layout.
func (l *Layout) xlsxCell(field string, p domain.Point, st xlsxStyles) any {
	var t time.Time
	switch field {
	case FieldTime:
		t = p.At
	case FieldOpened:
		t = p.Opened
	case FieldResolved:
		t = p.Resolved
		if t.IsZero() {
			return nil
		}
	case FieldValue:
		return p.Value
	case FieldGood:
		return p.Good
	case FieldBad:
		return p.Total - p.Good
	case FieldTotal:
		return p.Total
	case FieldOK:
		if p.Good > 0 {
			return 1
		}
		return 0
	case FieldPaused:
		if p.Paused == 0 && p.Resolved.IsZero() {
			return nil
		}
		return p.Paused
	case "":
		return nil
	default:
		return l.cellText(field, p)
	}
	switch {
	case l.Mapping.TimeLayout == LayoutExcel || l.Mapping.TimeLayout == LayoutAuto && l.unambiguous(t):
		return excelize.Cell{StyleID: st.date, Value: ToExcelSerial(t, l.loc)}
	case l.Mapping.TimeLayout == LayoutUnix || l.Mapping.TimeLayout == LayoutUnixMS:
		x, _ := strconv.ParseFloat(l.timeText(t), 64)
		return x
	}
	return l.timeText(t)
}

func (l *Layout) validation(c LayoutColumn) *excelize.DataValidation {
	if c.Field == "" || !c.Used {
		return nil
	}
	dv := excelize.NewDataValidation(!c.Required)
	switch {
	case isTime(c.Field) && l.dateCells():
		dv.SetRange(36526, 73051, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween)
		dv.SetError(excelize.DataValidationErrorStyleStop, "Date and time", "Enter a date and time such as 2024-03-01 14:05:00")
	case isTime(c.Field) && (l.Mapping.TimeLayout == LayoutUnix || l.Mapping.TimeLayout == LayoutUnixMS):
		dv.SetRange(0, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
		dv.SetError(excelize.DataValidationErrorStyleStop, "Unix time", c.Format)
	case c.Field == FieldValue:
		dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
		dv.SetError(excelize.DataValidationErrorStyleStop, "Number", "Enter a number")
	case c.Field == FieldGood || c.Field == FieldBad || c.Field == FieldTotal || c.Field == FieldPaused:
		dv.SetRange(0, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
		dv.SetError(excelize.DataValidationErrorStyleStop, "Number", "Enter a number ≥ 0")
	case c.Field == FieldOK:
		dv.SetDropList([]string{"1", "0"})
		dv.SetError(excelize.DataValidationErrorStyleStop, "Good or bad", "Enter 1 (good) or 0 (bad)")
	default:
		return nil
	}
	dv.SetInput(clipRunes(c.Header, 32), clipRunes(c.Format, 255))
	return dv
}

// Instructions are the lines of the instructions sheet: what the feed is, how
// to fill the file, each column with its meaning, unit, format and example,
// and an example row laid out as the data (for a CSV template, send them along).
func (l *Layout) Instructions() [][]string {
	f := l.Feed
	interval := "none (rows may come at any time)"
	if f.Spec.Interval > 0 && f.Spec.Shape != domain.ShapeItem {
		interval = fmt.Sprintf("one row every %s; missing rows are reported as gaps", f.Spec.Interval)
	}
	numbers := "decimal point (12.5)"
	if l.Mapping.DecimalComma {
		numbers = "decimal comma (12,5); a CSV uses ; between columns"
	}
	lines := [][]string{
		{"Data template for feed " + f.Name()},
		{},
		{"Feed", f.Name()},
		{"Description", f.Metadata.Description},
		{"Supplier", f.Spec.Supplier},
		{"Data owner", f.Spec.Owner},
		{"Kind of rows", shapeText(f.Spec.Shape)},
		{"Expected interval", interval},
		{"Time zone", l.Zone + " — times without an offset are read in this zone"},
		{"Times", l.timeFormat()},
		{"Numbers", numbers},
		{"Unit", f.Spec.Unit},
		{"How to fill", fmt.Sprintf("Put one row per measurement on the sheet %q, below the header. Keep the sheet's name and the header as they are: do not rename, reorder or delete columns. Send raw data, not totals or averages. Save as .xlsx, or as CSV (UTF-8) with the same header.", l.Sheet)},
		{},
		{"Column", "Required", "Meaning", "Unit", "Format", "Example"},
	}
	for _, c := range l.Columns {
		req := "optional"
		switch {
		case c.Required:
			req = "required"
		case c.Field == "" || !c.Used:
			req = "not read"
		}
		lines = append(lines, []string{c.Header, req, c.Meaning, c.Unit, c.Format, c.Example})
	}
	ex := make([]string, len(l.Columns))
	for i, c := range l.Columns {
		if c.Used {
			ex[i] = c.Example
		}
	}
	lines = append(lines, []string{}, []string{"Example row (as it looks on the " + l.Sheet + " sheet)"}, l.Header(), ex)
	return lines
}

func (l *Layout) writeInstructions(x *excelize.File, st xlsxStyles) error {
	name := l.instructionsSheet()
	idx, err := x.NewSheet(name)
	if err != nil {
		return err
	}
	lines := l.Instructions()
	for i, line := range lines {
		for j, s := range line {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := x.SetCellStr(name, cell, cellsafe.Text(s)); err != nil {
				return err
			}
		}
	}
	n := len(lines)
	colHdr := n - 4 - len(l.Columns)
	x.SetCellStyle(name, "A1", "A1", st.title)
	x.SetCellStyle(name, "B3", fmt.Sprintf("F%d", n), st.wrap)
	x.SetCellStyle(name, fmt.Sprintf("A%d", colHdr), fmt.Sprintf("F%d", colHdr), st.header)
	last, _ := excelize.ColumnNumberToName(max(1, len(l.Columns)))
	x.SetCellStyle(name, fmt.Sprintf("A%d", n-1), fmt.Sprintf("%s%d", last, n-1), st.header)
	x.SetColWidth(name, "A", "A", 22)
	x.SetColWidth(name, "B", "B", 40)
	x.SetColWidth(name, "C", "F", 30)
	x.SetActiveSheet(idx)
	return nil
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
		return "a time with good (or bad) and total counts per row"
	case domain.ShapeEvent:
		return "a time and a good/bad flag per row (one check or event)"
	case domain.ShapeItem:
		return "one item (ticket, order) per row with opened and resolved times"
	}
	return shape
}
