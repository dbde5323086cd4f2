package export

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"slate/internal/report"
)

// tableRenderer is a renderer with its fonts loaded and one page, for
// measuring tables.
func tableRenderer(t *testing.T) *pdfRenderer {
	t.Helper()
	r := &pdfRenderer{p: &report.Pack{}}
	if err := r.setup(); err != nil {
		t.Fatal(err)
	}
	r.f.AddPage()
	return r
}

// wideTable is the compliance table of a pack (11 columns, numbers and
// percentages with long headers) with extra columns: too wide for the page
// at the normal table font.
func wideTable(dates, texts int) *report.Table {
	cols := []report.Column{
		{Header: "SLT", Kind: report.ValueText, Width: 22}, {Header: "Period", Kind: report.ValueText, Width: 10},
		{Header: "Eligible", Kind: report.ValueInteger}, {Header: "Bad", Kind: report.ValueInteger},
		{Header: "Excluded", Kind: report.ValueInteger}, {Header: "Attainment", Kind: report.ValuePercent},
		{Header: "Raw attainment", Kind: report.ValuePercent}, {Header: "Objective", Kind: report.ValueText, Width: 9},
		{Header: "Met", Kind: report.ValueText}, {Header: "Budget left", Kind: report.ValuePercent},
		{Header: "Misses", Kind: report.ValueInteger},
	}
	for i := range dates {
		cols = append(cols, report.Column{Header: fmt.Sprintf("Registered %d", i), Kind: report.ValueDateTime})
	}
	for range texts {
		cols = append(cols, report.Column{Header: "Reason", Kind: report.ValueText})
	}
	at := time.Date(2026, 10, 4, 2, 0, 0, 0, time.UTC)
	t := &report.Table{Title: "Every SLT, tier and period", Columns: cols}
	for i := range 12 {
		cells := []report.Cell{
			report.Text("shop-availability / core-hours"), report.Text("2026-W41 (running)"),
			report.Integer(433847 + int64(i)), report.Integer(1837), report.Integer(576),
			report.Percent(0.89610), report.Percent(0.99577), report.Text(">= 99.5%"), report.Text("MISSED"),
			report.Percent(-1.07809), report.Integer(5),
		}
		for range dates {
			cells = append(cells, report.DateTime(at))
		}
		for range texts {
			cells = append(cells, report.Text("OS and middleware patching agreed with CloudHost (change CHG-2291)"))
		}
		t.Rows = append(t.Rows, report.Row{Status: report.RAGRed, Cells: cells})
	}
	return t
}

// checkColumns fails when a column is narrower than its longest header word,
// a number or date in it, or (up to maxWordW) a word of its text.
func checkColumns(t *testing.T, r *pdfRenderer, tb *report.Table, cols []pdfCol) {
	t.Helper()
	sum := 0.0
	for _, c := range cols {
		sum += c.w
	}
	if math.Abs(sum-contentW) > 0.01 {
		t.Errorf("%q: columns add up to %.2f mm, want %.2f", tb.Title, sum, contentW)
	}
	if r.tFont < minTableFont-1e-9 || r.tFont > tableFontSize+1e-9 {
		t.Errorf("%q: table font %.2f pt", tb.Title, r.tFont)
	}
	off := boolInt(cols[0].chip)
	for i, c := range cols[off:] {
		if c.w < c.minW-1e-6 {
			t.Errorf("%q: column %q is %.2f mm, its hard minimum %.2f", tb.Title, c.col.Header, c.w, c.minW)
		}
		room := c.w - 2*tablePadX
		r.font("B", r.tFont)
		for word := range strings.FieldsSeq(c.col.Header) {
			if w := r.f.GetStringWidth(word); w > room {
				t.Errorf("%q: header word %q is %.2f mm, column %q has %.2f", tb.Title, word, w, c.col.Header, room)
			}
		}
		// the header as printed: whole words only
		if got := strings.Join(r.lines(c.col.Header, room, headerMaxLine), " "); got != strings.Join(strings.Fields(c.col.Header), " ") {
			t.Errorf("%q: header %q printed as %q", tb.Title, c.col.Header, got)
		}
		r.font("", r.tFont)
		for _, row := range tb.Rows {
			v := row.Cells[i]
			s := formatValue(v, c.col.Currency)
			if v.Kind != report.ValueText {
				if w := r.f.GetStringWidth(s); w > room {
					t.Errorf("%q: value %q is %.2f mm, column %q has %.2f", tb.Title, s, w, c.col.Header, room)
				}
				continue
			}
			for word := range strings.FieldsSeq(s) {
				if w := r.f.GetStringWidth(word); w > room && w <= maxWordW {
					t.Errorf("%q: word %q is %.2f mm, column %q has %.2f", tb.Title, word, w, c.col.Header, room)
				}
			}
		}
	}
}

// TestTableColumnsNoBrokenWords: a table wider than the page keeps every
// header word and number whole; text columns give way first, then the font.
func TestTableColumnsNoBrokenWords(t *testing.T) {
	r := tableRenderer(t)

	// fits at the normal font once the text columns shrink
	narrow := &report.Table{Title: "Escalation path", Columns: []report.Column{
		{Header: "Level", Kind: report.ValueInteger}, {Header: "After", Kind: report.ValueText},
		{Header: "Authority", Kind: report.ValueText}, {Header: "Contact", Kind: report.ValueText},
		{Header: "Communication", Kind: report.ValueText}, {Header: "Remediation", Kind: report.ValueText},
	}}
	for i := range 3 {
		narrow.Rows = append(narrow.Rows, report.Row{Cells: []report.Cell{report.Integer(int64(i + 1)), report.Text("15 minutes"),
			report.Text("Chief Digital Officer"), report.Text("cdo-office@shop.example"),
			report.Text("Status page and #shop-incidents, then a call with the supplier's service manager"),
			report.Text("Approve emergency change and customer goodwill; fail over to the standby region (runbook RB-12)")}})
	}
	cols := r.tableColumns(narrow)
	if r.tFont != tableFontSize {
		t.Errorf("escalation table set in %.1f pt, want %.1f", r.tFont, tableFontSize)
	}
	checkColumns(t, r, narrow, cols)

	// the compliance table: too wide at the normal font
	wide := wideTable(0, 0)
	cols = r.tableColumns(wide)
	if r.tFont >= tableFontSize {
		t.Errorf("compliance table kept %.1f pt", r.tFont)
	}
	if !cols[0].chip || cols[0].w != chipW {
		t.Errorf("no status column: %+v", cols[0])
	}
	checkColumns(t, r, wide, cols)
	wideFont := r.tFont

	// wider still: a smaller font, never below minTableFont
	wider := wideTable(0, 1)
	cols = r.tableColumns(wider)
	checkColumns(t, r, wider, cols)
	if r.tFont >= wideFont {
		t.Errorf("a wider table in %.1f pt, the compliance table in %.1f", r.tFont, wideFont)
	}
	if r.tLineH >= tableLineH || math.Abs(r.tLineH/r.tFont-tableLineH/tableFontSize) > 1e-9 {
		t.Errorf("line height %.2f for %.1f pt", r.tLineH, r.tFont)
	}

	// impossible: the last resort fills the width at minTableFont
	widest := wideTable(4, 4)
	cols = r.tableColumns(widest)
	if r.tFont != minTableFont {
		t.Errorf("widest table in %.1f pt, want %.1f", r.tFont, minTableFont)
	}
	sum := 0.0
	for _, c := range cols {
		sum += c.w
	}
	if math.Abs(sum-contentW) > 0.01 {
		t.Errorf("widest table is %.2f mm wide", sum)
	}
}

// TestWrapBreaksLongWordsAtSeparators: a name wider than its column breaks
// after a separator, and every character is kept.
func TestWrapBreaksLongWordsAtSeparators(t *testing.T) {
	r := tableRenderer(t)
	r.font("", tableFontSize)
	s := "MaintenanceWindow/emergency-network-fix-2026-06 and servicedesk-incidents-2026-10.csv"
	ls := r.lines(s, 30, 0)
	for _, l := range ls {
		if w := r.f.GetStringWidth(l); w > 30 {
			t.Errorf("line %q is %.2f mm wide", l, w)
		}
	}
	if strings.ReplaceAll(strings.Join(ls, ""), " ", "") != strings.ReplaceAll(s, " ", "") {
		t.Errorf("lines %q lose characters of %q", ls, s)
	}
	if !strings.HasSuffix(ls[0], "/") && !strings.HasSuffix(ls[0], "-") {
		t.Errorf("first line %q does not end at a separator", ls[0])
	}
}
