package export

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"slate/internal/cellsafe"
	"slate/internal/report"
)

// Workbook layout (WriteXLSX):
//
//   - "Cover": title, workspace, period, generated at, fingerprint, anonymised
//     flag, and a contents list linking to every section sheet.
//   - One sheet per section, blocks top to bottom: headings, paragraphs (merged
//     A:H, wrapped), key/values (A label, B typed value), notes (coloured,
//     merged), tables up to BigTableRows rows as Excel tables (autofilter,
//     banded), charts as native Excel charts with their data written right under
//     the chart (so the chart references visible, checkable cells).
//   - Tables with more than BigTableRows rows go to their own "<section> data"
//     sheet written with the StreamWriter (header row frozen, Excel table with
//     autofilter); the section sheet carries a link to it. StreamWriter and the
//     cell API are never mixed on one sheet.
//
// Text safety: every text is written as a string cell (shared string, or inline
// string on data sheets), which spreadsheet programs never evaluate. Texts that
// start with = + - @ tab CR LF (and are not numbers) also get a leading
// apostrophe in the value (internal/cellsafe, the rule every export of Slate
// uses): they stay text if a user re-enters the cell or saves the sheet as
// CSV. An auditor matching a supplier's text drops that one apostrophe.
// Texts over 32,767 characters are cut with "… [cut: N characters]".
//
// Determinism: document properties take Meta.GeneratedAt; no clock is read. The
// cell content is a pure function of the pack (the zip container itself is not
// byte-stable: excelize orders parts from a map).

// BigTableRows is the row count above which a table moves to its own data sheet.
const BigTableRows = 200

const (
	coverSheet    = "Cover"
	mergeLastCol  = 8 // paragraphs and notes span A:H
	chartWidthPx  = 760
	chartHeightPx = 300
	chartRows     = 16 // rows reserved for a chart (20 px per row)
	maxColWidth   = 60.0
	minColWidth   = 9.0
)

type role uint8

const (
	roleBody role = iota
	roleHeader
	roleTitle
	roleSubtitle
	roleH1
	roleH2
	roleH3
	roleLabel
	roleCaption
	roleParagraph
	roleNoteInfo
	roleNoteWarning
	roleNoteCritical
	roleLink
	roleMono
	roleValue // key/value values: left aligned whatever the type
)

type styleKey struct {
	role     role
	kind     report.ValueKind
	currency string
	rag      report.RAG
	// dec and unit format a plain number as the PDF shows it ("298 ms").
	dec  int
	unit string
}

type xlsxWriter struct {
	f      *excelize.File
	p      *report.Pack
	styles map[styleKey]int
	names  map[string]bool // lower-cased sheet names in use
	tables int
	charts int

	// per sheet state
	widths   map[int]float64
	wrapRows []wrapRow
}

type wrapRow struct {
	row  int
	text string
}

type sectionPlan struct {
	sec   *report.Section
	sheet string
	data  map[int]string // block index → data sheet name
}

// WriteXLSX renders the pack as an Excel workbook.
func WriteXLSX(w io.Writer, p *report.Pack) error {
	if err := p.Validate(); err != nil {
		return err
	}
	x := &xlsxWriter{
		f:      excelize.NewFile(),
		p:      p,
		styles: map[styleKey]int{},
		names:  map[string]bool{},
	}
	defer x.f.Close()
	if err := x.build(); err != nil {
		return fmt.Errorf("%w: xlsx: %v", ErrRender, err)
	}
	if _, err := x.f.WriteTo(w); err != nil {
		return fmt.Errorf("%w: xlsx: write: %v", ErrRender, err)
	}
	return nil
}

func (x *xlsxWriter) build() error {
	m := x.p.Meta
	ts := wallUTC(m.GeneratedAt).Format(time.RFC3339)
	if m.GeneratedAt.IsZero() {
		ts = "1980-01-01T00:00:00Z"
	}
	if err := x.f.SetDocProps(&excelize.DocProperties{
		Title:          cutText(cleanText(m.DisplayTitle()+" — "+m.Period), 255),
		Subject:        cutText(cleanText(m.Workspace), 255),
		Creator:        "Slate",
		LastModifiedBy: "Slate",
		Identifier:     cleanText(m.Fingerprint),
		Keywords:       cutText(cleanText(m.Keywords()), 255),
		Created:        ts,
		Modified:       ts,
		Revision:       "1",
		Language:       "en-GB",
	}); err != nil {
		return err
	}
	if err := x.f.SetSheetName("Sheet1", coverSheet); err != nil {
		return err
	}
	x.names[strings.ToLower(coverSheet)] = true

	plans := make([]sectionPlan, len(x.p.Sections))
	for i := range x.p.Sections {
		s := &x.p.Sections[i]
		title := s.Title
		if strings.TrimSpace(title) == "" {
			title = s.ID
		}
		pl := sectionPlan{sec: s, sheet: x.uniqueSheetName(title, ""), data: map[int]string{}}
		n := 0
		for bi, b := range s.Blocks {
			if b.Table != nil && len(b.Table.Rows) > BigTableRows {
				n++
				suffix := " data"
				if n > 1 {
					suffix = fmt.Sprintf(" data %d", n)
				}
				pl.data[bi] = x.uniqueSheetName(title, suffix)
			}
		}
		plans[i] = pl
	}

	if err := x.writeCover(plans); err != nil {
		return err
	}
	for _, pl := range plans {
		if _, err := x.f.NewSheet(pl.sheet); err != nil {
			return err
		}
		if err := x.writeSection(pl); err != nil {
			return fmt.Errorf("sheet %q: %w", pl.sheet, err)
		}
		for bi, b := range pl.sec.Blocks {
			if name, ok := pl.data[bi]; ok {
				if _, err := x.f.NewSheet(name); err != nil {
					return err
				}
				if err := x.writeDataSheet(name, b.Table); err != nil {
					return fmt.Errorf("sheet %q: %w", name, err)
				}
			}
		}
	}
	x.f.SetActiveSheet(0)
	return nil
}

// uniqueSheetName makes a valid, unique (case-insensitive) sheet name of at
// most 31 characters ending with suffix.
func (x *xlsxWriter) uniqueSheetName(title, suffix string) string {
	clean := strings.Map(func(r rune) rune {
		switch r {
		case '[', ']', ':', '*', '?', '/', '\\':
			return ' '
		}
		if badRune(r) || r == '\t' || r == '\n' {
			return ' '
		}
		return r
	}, title)
	clean = strings.Join(strings.Fields(clean), " ")
	clean = strings.Trim(clean, "'")
	if clean == "" {
		clean = "Section"
	}
	for i := 1; ; i++ {
		sfx := suffix
		if i > 1 {
			sfx = fmt.Sprintf("%s (%d)", suffix, i)
		}
		base := []rune(clean)
		if room := 31 - utf8.RuneCountInString(sfx); len(base) > room {
			base = []rune(strings.TrimRight(string(base[:room]), " '"))
		}
		name := string(base) + sfx
		low := strings.ToLower(name)
		if !x.names[low] && low != "history" {
			x.names[low] = true
			return name
		}
	}
}

func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func absRange(sheet string, col, r1, r2 int) string {
	c, _ := excelize.ColumnNumberToName(col)
	return fmt.Sprintf("%s!$%s$%d:$%s$%d", quoteSheet(sheet), c, r1, c, r2)
}

// ---- styles ----

func (x *xlsxWriter) style(k styleKey) (int, error) {
	if id, ok := x.styles[k]; ok {
		return id, nil
	}
	id, err := x.f.NewStyle(makeStyle(k))
	if err != nil {
		return 0, err
	}
	x.styles[k] = id
	return id, nil
}

var ragFill = map[report.RAG][2]string{ // fill, font
	report.RAGGreen: {"C6EFCE", "006100"},
	report.RAGAmber: {"FFEB9C", "7A4A00"},
	report.RAGRed:   {"FFC7CE", "9C0006"},
}

func numFmt(s *excelize.Style, key styleKey) {
	switch k, currency := key.kind, key.currency; k {
	case report.ValuePercent:
		f := "0.000%"
		s.CustomNumFmt = &f
	case report.ValueDate:
		f := "yyyy-mm-dd"
		s.CustomNumFmt = &f
	case report.ValueDateTime:
		f := "yyyy-mm-dd hh:mm"
		s.CustomNumFmt = &f
	case report.ValueInteger:
		s.NumFmt = 3 // #,##0
	case report.ValueNumber:
		f := "#,##0"
		if key.dec > 0 {
			f += "." + strings.Repeat("0", key.dec)
		}
		if u := strings.ReplaceAll(key.unit, `"`, ""); u != "" {
			f += ` "` + u + `"`
		}
		s.CustomNumFmt = &f
	case report.ValueCurrency:
		f := "#,##0.00"
		if cc := currencyCode(currency); cc != "" {
			f = `#,##0.00 "` + cc + `"`
		}
		s.CustomNumFmt = &f
	case report.ValueText:
		s.NumFmt = 49 // @
	}
}

func makeStyle(k styleKey) *excelize.Style {
	s := &excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 11, Color: "1F2937"}}
	numFmt(s, k)
	switch k.role {
	case roleHeader:
		s.Font.Bold = true
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E5E7EB"}}
		s.Border = []excelize.Border{{Type: "bottom", Color: "6B7280", Style: 1}}
		s.Alignment = &excelize.Alignment{WrapText: true, Vertical: "center"}
		if k.kind.IsNumeric() {
			s.Alignment.Horizontal = "right"
		}
	case roleTitle:
		s.Font.Bold, s.Font.Size, s.Font.Color = true, 16, "111827"
	case roleSubtitle:
		s.Font.Color = "6B7280"
	case roleH1:
		s.Font.Bold, s.Font.Size, s.Font.Color = true, 14, "1E3A5F"
	case roleH2:
		s.Font.Bold, s.Font.Size, s.Font.Color = true, 12, "1E3A5F"
	case roleH3:
		s.Font.Bold = true
	case roleLabel:
		s.Font.Color = "4B5563"
		s.Alignment = &excelize.Alignment{Vertical: "top"}
	case roleCaption:
		s.Font.Italic, s.Font.Size, s.Font.Color = true, 9, "6B7280"
	case roleParagraph:
		s.Alignment = &excelize.Alignment{WrapText: true, Vertical: "top"}
	case roleNoteInfo, roleNoteWarning, roleNoteCritical:
		fill, border := "E0ECFA", "2F6DB5"
		if k.role == roleNoteWarning {
			fill, border = "FFF4D6", "C98A00"
		} else if k.role == roleNoteCritical {
			fill, border = "FCE4E4", "B42318"
		}
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}
		s.Border = []excelize.Border{{Type: "left", Color: border, Style: 5}}
		s.Alignment = &excelize.Alignment{WrapText: true, Vertical: "top"}
	case roleLink:
		s.Font.Color, s.Font.Underline = "1D4ED8", "single"
	case roleMono:
		s.Font.Family = "Consolas"
	case roleValue:
		s.Alignment = &excelize.Alignment{Horizontal: "left", Vertical: "top"}
	}
	if k.role == roleBody && k.kind.IsTime() {
		s.Alignment = &excelize.Alignment{Horizontal: "left"}
	}
	if c, ok := ragFill[k.rag]; ok {
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c[0]}}
		s.Font.Color = c[1]
	}
	return s
}

// ---- cells ----

func (x *xlsxWriter) note(col int, width float64) {
	if x.widths == nil {
		x.widths = map[int]float64{}
	}
	if width > x.widths[col] {
		x.widths[col] = width
	}
}

// textWidth estimates a column width (characters) for s: the longest line.
func textWidth(s string) float64 {
	w := 0
	for line := range strings.SplitSeq(s, "\n") {
		w = max(w, utf8.RuneCountInString(line))
	}
	return float64(w) + 2
}

func safeText(s string) string { return cutText(cellsafe.Text(cleanText(s)), maxCellChars) }

func (x *xlsxWriter) setText(sheet string, col, row int, s string, k styleKey) error {
	s = safeText(s)
	k.kind = report.ValueText
	id, err := x.style(k)
	if err != nil {
		return err
	}
	c := cellName(col, row)
	if err := x.f.SetCellStr(sheet, c, s); err != nil {
		return err
	}
	return x.f.SetCellStyle(sheet, c, c, id)
}

// setCell writes a typed value; numbers stay numbers, times become Excel
// serial dates with a date format.
func (x *xlsxWriter) setCell(sheet string, col, row int, v report.Cell, k styleKey) error {
	c := cellName(col, row)
	switch {
	case v.Kind == report.ValueText:
		return x.setText(sheet, col, row, v.Text, k)
	case v.IsNull():
		k.kind = report.ValueNull
		id, err := x.style(k)
		if err != nil {
			return err
		}
		// Null is a blank cell (so charts show a gap); a styled blank keeps
		// RAG fills continuous.
		return x.f.SetCellStyle(sheet, c, c, id)
	case v.Kind.IsNumeric():
		k.kind = v.Kind
		if v.Kind == report.ValueNumber {
			k.dec, k.unit = shownDecimals(v), cleanText(v.Unit)
		}
		id, err := x.style(k)
		if err != nil {
			return err
		}
		if err := x.f.SetCellFloat(sheet, c, v.Number, -1, 64); err != nil {
			return err
		}
		return x.f.SetCellStyle(sheet, c, c, id)
	case v.Kind.IsTime():
		k.kind = v.Kind
		id, err := x.style(k)
		if err != nil {
			return err
		}
		if err := x.f.SetCellValue(sheet, c, wallUTC(*v.Time)); err != nil {
			return err
		}
		return x.f.SetCellStyle(sheet, c, c, id)
	}
	return nil
}

func displayWidth(v report.Cell, currency string) float64 {
	return textWidth(formatValue(v, currency))
}

func floatCell(kind report.ValueKind, f report.Float) report.Cell {
	if !f.Valid() {
		return report.Null()
	}
	if kind == "" || !kind.IsNumeric() {
		kind = report.ValueNumber
	}
	return report.Cell{Kind: kind, Number: float64(f)}
}

// ---- cover ----

func (x *xlsxWriter) writeCover(plans []sectionPlan) error {
	s := coverSheet
	m := x.p.Meta
	x.widths = map[int]float64{1: 22, 2: 70}
	if err := x.setText(s, 1, 1, m.DisplayTitle(), styleKey{role: roleTitle}); err != nil {
		return err
	}
	row := 3
	gen := report.Null()
	if !m.GeneratedAt.IsZero() {
		gen = report.DateTime(m.GeneratedAt)
	}
	anon := "no"
	if m.Anonymized {
		anon = "yes — names replaced"
	}
	facts := []report.KeyValue{
		{Label: "Workspace", Value: report.Text(m.Workspace)},
		{Label: "Period", Value: report.Text(m.Period)},
		{Label: "Generated at", Value: gen},
		{Label: "Fingerprint", Value: report.Text(m.Fingerprint)},
		{Label: "Anonymised", Value: report.Text(anon)},
	}
	if m.Head != "" {
		facts = append(facts, report.KeyValue{Label: "Audit head", Value: report.Text(m.Head)})
	}
	if m.Scope != "" {
		facts = append(facts, report.KeyValue{Label: "Scope", Value: report.Text(m.Scope)})
	}
	for _, kv := range facts {
		if err := x.setText(s, 1, row, kv.Label, styleKey{role: roleLabel}); err != nil {
			return err
		}
		k := styleKey{role: roleValue}
		if kv.Label == "Fingerprint" || kv.Label == "Audit head" {
			k.role = roleMono
		}
		if err := x.setCell(s, 2, row, kv.Value, k); err != nil {
			return err
		}
		row++
	}
	row++
	if err := x.setText(s, 1, row, "Contents", styleKey{role: roleH1}); err != nil {
		return err
	}
	row++
	for i, pl := range plans {
		if err := x.f.SetCellInt(s, cellName(1, row), int64(i+1)); err != nil {
			return err
		}
		if err := x.setText(s, 2, row, pl.sec.Title, styleKey{role: roleLink}); err != nil {
			return err
		}
		if err := x.f.SetCellHyperLink(s, cellName(2, row), quoteSheet(pl.sheet)+"!A1", "Location"); err != nil {
			return err
		}
		row++
	}
	return x.finishSheet(s)
}

// printSetup prints a sheet in landscape, one page wide (A4), gridlines off
// on screen for the narrative sheets.
func (x *xlsxWriter) printSetup(sheet string, grid bool) error {
	landscape, a4, one, zero, yes := "landscape", 9, 1, 0, true
	if err := x.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero,
	}); err != nil {
		return err
	}
	if err := x.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	return x.f.SetSheetView(sheet, 0, &excelize.ViewOptions{ShowGridLines: &grid})
}

func (x *xlsxWriter) finishSheet(sheet string) error {
	if err := x.printSetup(sheet, false); err != nil {
		return err
	}
	for col, w := range x.widths {
		w = math.Min(math.Max(w, minColWidth), maxColWidth)
		name, _ := excelize.ColumnNumberToName(col)
		if err := x.f.SetColWidth(sheet, name, name, w); err != nil {
			return err
		}
	}
	// Row heights for wrapped, merged text: the merged width is A:H.
	merged := 0.0
	for col := 1; col <= mergeLastCol; col++ {
		w := minColWidth
		if v, ok := x.widths[col]; ok {
			w = math.Min(math.Max(v, minColWidth), maxColWidth)
		}
		merged += w
	}
	for _, wr := range x.wrapRows {
		lines := 0
		for line := range strings.SplitSeq(wr.text, "\n") {
			// generous: proportional fonts in Excel and LibreOffice differ
			lines += 1 + int(float64(utf8.RuneCountInString(line))*1.3/merged)
		}
		h := math.Min(409, math.Max(15, float64(lines)*15))
		if err := x.f.SetRowHeight(sheet, wr.row, h); err != nil {
			return err
		}
	}
	x.widths, x.wrapRows = nil, nil
	return nil
}
