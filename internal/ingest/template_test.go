package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"slate/internal/demo"
	"slate/internal/domain"
	"slate/internal/manifest"
)

// readBack reads a file the way `slate import` does: the CSV or XLSX reader,
// the header search, the feed's saved mapping or else the suggestion from the
// header, and the row validator. Any rejected row fails the test.
func readBack(t *testing.T, feed *domain.Feed, data []byte, format string) []domain.Point {
	t.Helper()
	var src Source
	mapping := feed.Spec.Mapping
	serials, date1904 := false, false
	switch format {
	case "csv":
		c, err := NewCSV(bytes.NewReader(data), 0, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		src = c
	case "xlsx":
		sheet := ""
		if mapping != nil {
			sheet = mapping.Sheet
		}
		x, err := NewXLSX(bytes.NewReader(data), int64(len(data)), sheet, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		src, serials, date1904 = x, true, x.Date1904
	}
	tab, err := NewTable(src, mapping)
	if err != nil {
		t.Fatal(err)
	}
	if mapping == nil {
		sug := Suggest(tab.Header, tab.Samples(20), feed.Spec.Shape)
		if len(sug.Missing) > 0 {
			t.Fatalf("the suggestion misses %v for header %v", sug.Missing, tab.Header)
		}
		mapping = &sug.Mapping
	}
	loc, _ := domain.LoadZone(feed.Spec.TimeZone)
	v, err := NewValidator(tab.Header, Options{Shape: feed.Spec.Shape, Interval: feed.Spec.Interval.D(), Loc: loc,
		Unit: feed.Spec.Unit, Mapping: *mapping, Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), Serials: serials, Date1904: date1904})
	if err != nil {
		t.Fatal(err)
	}
	var out []domain.Point
	for {
		cells, row, err := tab.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		var p domain.Point
		switch o, fs := v.Row(cells, row, &p); o {
		case Reject:
			t.Fatalf("row %d %q rejected: %+v", row, cells, fs)
		case Accept:
			out = append(out, p)
		}
	}
	return out
}

// rowsFor makes known rows of a feed's shape. Times fall on whole minutes
// when the layout has no seconds, and avoid the hour the clock goes back when
// the layout cannot carry an offset; otherwise that hour is included.
func rowsFor(feed *domain.Feed) []domain.Point {
	layout := ""
	if feed.Spec.Mapping != nil {
		layout = feed.Spec.Mapping.TimeLayout
	}
	offsetOK := layout == LayoutAuto || layout == LayoutISOLocal || layout == LayoutRFC3339 || layout == LayoutUnix || layout == LayoutUnixMS
	base := time.Date(2024, 10, 26, 23, 0, 0, 0, time.UTC) // Europe/Berlin goes back at 01:00 UTC on the 27th
	times := []time.Time{base, base.Add(70 * time.Minute), base.Add(90*time.Minute + 17*time.Second), base.Add(26 * time.Hour)}
	if !offsetOK {
		times = []time.Time{base.Add(-48 * time.Hour), base.Add(-47 * time.Hour), base.Add(3*time.Hour + 5*time.Minute), base.Add(26 * time.Hour)}
	}
	if goLayout := !slices.Contains(domain.TimeLayouts, layout) && layout != ""; goLayout && !strings.Contains(layout, "05") {
		for i := range times {
			times[i] = times[i].Truncate(time.Minute)
		}
	}
	values := []float64{182.125, 0.5, 1234567.5, 40}
	var out []domain.Point
	for i, at := range times {
		p := domain.Point{At: at, CI: []string{"web-01", "db-2", "", "Ünïcode CI"}[i], Priority: []string{"P1", "P2", "", "P4"}[i]}
		switch feed.Spec.Shape {
		case domain.ShapeValue:
			p.Value = values[i]
		case domain.ShapeCounts:
			p.Total = float64(1000 * (i + 1))
			p.Good = p.Total - float64(i*3)
		case domain.ShapeEvent:
			p.Total = 1
			p.Good = float64(i % 2)
			p.ItemID = fmt.Sprintf("TX-%d", 100+i)
		case domain.ShapeItem:
			p.ItemID = fmt.Sprintf("INC-%04d", i+1)
			p.Opened = at
			if i != 2 {
				p.Resolved = at.Add(time.Duration(i+1) * 95 * time.Minute)
				p.Paused = float64(i * 600)
			}
			p.At = p.Resolved
			if p.Open() {
				p.At = p.Opened
			}
		}
		out = append(out, p)
	}
	return out
}

// expected is what reading p back must give: the fields the mapping reads.
func expected(feed *domain.Feed, p domain.Point) domain.Point {
	var m map[string]string
	if feed.Spec.Mapping == nil {
		m = map[string]string{FieldCI: "ci", FieldItem: "item_id", FieldResolved: "resolved", FieldPaused: "paused"}
		if feed.Spec.Shape == domain.ShapeItem {
			m[FieldPriority] = "priority"
		}
	} else {
		m = MappingFields(feed.Spec.Mapping)
	}
	q := p
	q.At = p.At.UTC()
	if !q.Opened.IsZero() {
		q.Opened = q.Opened.UTC()
	}
	if !q.Resolved.IsZero() {
		q.Resolved = q.Resolved.UTC()
	}
	if m[FieldCI] == "" {
		q.CI = ""
	}
	if m[FieldPriority] == "" {
		q.Priority = ""
	}
	if feed.Spec.Shape == domain.ShapeEvent && m[FieldItem] == "" {
		q.ItemID = ""
	}
	if feed.Spec.Shape == domain.ShapeItem {
		if m[FieldPaused] == "" {
			q.Paused = 0
		}
		if m[FieldResolved] == "" {
			q.Resolved, q.Paused, q.At = time.Time{}, 0, q.Opened
		}
	}
	return q
}

func normalise(ps []domain.Point) []domain.Point {
	out := slices.Clone(ps)
	for i := range out {
		out[i].At = out[i].At.UTC()
		if !out[i].Opened.IsZero() {
			out[i].Opened = out[i].Opened.UTC()
		}
		if !out[i].Resolved.IsZero() {
			out[i].Resolved = out[i].Resolved.UTC()
		}
	}
	return out
}

// roundTrip writes the feed's template, fills it with rows (the export writer
// is the template writer with rows), reads it back and compares.
func roundTrip(t *testing.T, feed *domain.Feed) {
	t.Helper()
	l, err := FeedLayout(feed)
	if err != nil {
		t.Fatal(err)
	}
	rows := rowsFor(feed)
	want := make([]domain.Point, len(rows))
	for i, p := range rows {
		want[i] = expected(feed, p)
	}
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			var tmpl, filled bytes.Buffer
			var err error
			if format == "csv" {
				err = WriteTemplateCSV(&tmpl, feed)
			} else {
				err = WriteTemplate(&tmpl, feed)
			}
			if err != nil {
				t.Fatal(err)
			}
			// The template is the layout's header and nothing else.
			if format == "csv" {
				if got := readHeaderCSV(t, tmpl.Bytes()); !slices.Equal(got, l.Header()) {
					t.Fatalf("CSV template header %q, want %q", got, l.Header())
				}
			} else {
				checkXLSXTemplate(t, l, tmpl.Bytes())
			}
			if format == "csv" {
				err = l.WriteCSV(&filled, slices.Values(rows))
			} else {
				err = l.WriteXLSX(&filled, slices.Values(rows))
			}
			if err != nil {
				t.Fatal(err)
			}
			got := normalise(readBack(t, feed, filled.Bytes(), format))
			if len(got) != len(want) {
				t.Fatalf("read %d rows back, want %d:\n%+v", len(got), len(want), got)
			}
			for i := range want {
				if fmt.Sprintf("%+v", got[i]) != fmt.Sprintf("%+v", want[i]) {
					t.Errorf("row %d:\n got %+v\nwant %+v", i+1, got[i], want[i])
				}
			}
		})
	}
}

func readHeaderCSV(t *testing.T, b []byte) []string {
	t.Helper()
	c, err := NewCSV(bytes.NewReader(b), 0, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	cells, _, err := c.Next()
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Next(); !errors.Is(err, io.EOF) {
		t.Fatalf("the CSV template has more than its header: %v", err)
	}
	return CloneCells(cells)
}

// checkXLSXTemplate: the data sheet comes first, is named as the mapping
// says, holds only the header, and the instructions explain every column and
// show an example row laid out as the data.
func checkXLSXTemplate(t *testing.T, l *Layout, b []byte) {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sheets := x.GetSheetList()
	if len(sheets) != 2 || sheets[0] != l.Sheet {
		t.Fatalf("sheets %v, want %q first", sheets, l.Sheet)
	}
	rows, _ := x.GetRows(l.Sheet)
	if len(rows) != 1 || !slices.Equal(rows[0], l.Header()) {
		t.Fatalf("data sheet %q, want only the header %q", rows, l.Header())
	}
	instr, _ := x.GetRows(sheets[1])
	text := fmt.Sprint(instr)
	for _, c := range l.Columns {
		if !strings.Contains(text, c.Header) || !strings.Contains(text, c.Meaning) {
			t.Errorf("instructions do not explain column %q", c.Header)
		}
	}
	n := len(instr)
	if !slices.Equal(instr[n-2], l.Header()) {
		t.Errorf("example header %q, want %q", instr[n-2], l.Header())
	}
	// The example row, read as data, is valid.
	ex := instr[n-1]
	var buf bytes.Buffer
	l.WriteCSV(&buf, nil)
	line := make([]string, len(l.Columns))
	copy(line, ex)
	var sb strings.Builder
	sb.Write(buf.Bytes())
	for i, s := range line {
		if i > 0 {
			sb.WriteRune(l.Delimiter())
		}
		sb.WriteString(`"` + strings.ReplaceAll(s, `"`, `""`) + `"`)
	}
	sb.WriteString("\n")
	if got := readBack(t, l.Feed, []byte(sb.String()), "csv"); len(got) != 1 {
		t.Errorf("the example row does not import: %v", got)
	}
}

func demoFeeds(t *testing.T) []*domain.Feed {
	t.Helper()
	entries, problems := manifest.Decode(strings.NewReader(demo.Definitions), "demo", nil)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	var out []*domain.Feed
	for _, e := range entries {
		if f, ok := e.Def.(*domain.Feed); ok {
			out = append(out, f)
		}
	}
	if len(out) < 6 {
		t.Fatalf("only %d demo feeds", len(out))
	}
	return out
}

func TestTemplateRoundTripDemoFeeds(t *testing.T) {
	for _, f := range demoFeeds(t) {
		t.Run(f.Name(), func(t *testing.T) { roundTrip(t, f) })
	}
}

func TestTemplateRoundTripShapes(t *testing.T) {
	feed := func(name, shape, zone string, m *domain.Mapping) *domain.Feed {
		f := &domain.Feed{Metadata: domain.Meta{Name: name}, Spec: domain.FeedSpec{Shape: shape, TimeZone: zone, Unit: "ms", Mapping: m}}
		if shape != domain.ShapeValue {
			f.Spec.Unit = ""
		}
		return f
	}
	cases := []*domain.Feed{
		// No mapping: the template's own column names, read by the suggestion.
		feed("value-plain", domain.ShapeValue, "Europe/Berlin", nil),
		feed("counts-plain", domain.ShapeCounts, "", nil),
		feed("event-plain", domain.ShapeEvent, "America/New_York", nil),
		feed("item-plain", domain.ShapeItem, "Europe/Berlin", nil),
		// Mappings of every kind: names, layouts, decimal comma, sheets, positions.
		feed("value-named", domain.ShapeValue, "", &domain.Mapping{Time: "Zeit", TimeLayout: "02.01.2006 15:04", Value: "Latenz; ms", DecimalComma: true, CI: "Host", Priority: "Prio", Sheet: "Export"}),
		feed("value-unix", domain.ShapeValue, "", &domain.Mapping{Time: "epoch", TimeLayout: LayoutUnix, Value: "v"}),
		feed("value-unix-ms", domain.ShapeValue, "", &domain.Mapping{Time: "epoch_ms", TimeLayout: LayoutUnixMS, Value: "v"}),
		feed("value-positional", domain.ShapeValue, "", &domain.Mapping{Time: "#1", TimeLayout: LayoutRFC3339, Value: "#3"}),
		feed("value-excel", domain.ShapeValue, "Asia/Kolkata", &domain.Mapping{Time: "Serial", TimeLayout: LayoutExcel, Value: "Reading"}),
		feed("counts-good", domain.ShapeCounts, "Europe/London", &domain.Mapping{Time: "Hour", TimeLayout: LayoutISOLocal, Good: "OK", Total: "All", CI: "Node"}),
		feed("counts-bad", domain.ShapeCounts, "", &domain.Mapping{Time: "t", TimeLayout: "2006/01/02 15:04:05", Bad: "Errors", Total: "Requests"}),
		feed("event-named", domain.ShapeEvent, "Europe/Berlin", &domain.Mapping{Time: "When", TimeLayout: LayoutISOLocal, OK: "Up?", Item: "Check", CI: "Probe"}),
		feed("item-named", domain.ShapeItem, "Europe/Berlin", &domain.Mapping{TimeLayout: LayoutISOLocal, Item: "Ticket", Opened: "Created", Resolved: "Closed", Paused: "Hold (s)", Priority: "P", CI: "CI", Sheet: "Instructions"}),
		feed("item-minimal", domain.ShapeItem, "", &domain.Mapping{TimeLayout: "2/1/2006 15:04", Item: "Order", Opened: "In"}),
	}
	for _, f := range cases {
		t.Run(f.Name(), func(t *testing.T) { roundTrip(t, f) })
	}
}

// The template follows the mapping: change the mapping, the template changes.
func TestTemplateFollowsMapping(t *testing.T) {
	f := &domain.Feed{Metadata: domain.Meta{Name: "lat"}, Spec: domain.FeedSpec{Shape: domain.ShapeValue, Unit: "ms"}}
	header := func() []string {
		var b bytes.Buffer
		if err := WriteTemplateCSV(&b, f); err != nil {
			t.Fatal(err)
		}
		return readHeaderCSV(t, b.Bytes())
	}
	if got := header(); !slices.Equal(got, []string{"timestamp", "value", "ci"}) {
		t.Fatalf("no mapping: %q", got)
	}
	f.Spec.Mapping = &domain.Mapping{Time: "Time (UTC)", TimeLayout: LayoutExcel, Value: "latency_ms", Sheet: "Sheet1"}
	if got := header(); !slices.Equal(got, []string{"Time (UTC)", "latency_ms"}) {
		t.Fatalf("mapping: %q", got)
	}
	l, _ := FeedLayout(f)
	if l.Sheet != "Sheet1" || !strings.Contains(l.Columns[0].Format, "Excel date") {
		t.Fatalf("layout %+v", l)
	}
	f.Spec.Mapping.DecimalComma = true
	var b bytes.Buffer
	WriteTemplateCSV(&b, f)
	if b.String() != "Time (UTC);latency_ms\n" {
		t.Fatalf("decimal comma template %q", b.String())
	}
	// A mapping naming a field the shape does not read still gets its column
	// (the validator insists on it), marked as not read.
	f.Spec.Mapping = &domain.Mapping{Time: "t", Value: "v", Opened: "o"}
	l, err := FeedLayout(f)
	if err != nil {
		t.Fatal(err)
	}
	if c := l.Columns[2]; c.Header != "o" || c.Used || c.Required {
		t.Fatalf("unused column %+v", c)
	}
	// Two fields in one position is a mapping no file can satisfy.
	f.Spec.Mapping = &domain.Mapping{Time: "#1", Value: "#1"}
	if _, err := FeedLayout(f); err == nil || !strings.Contains(err.Error(), "column #1") {
		t.Fatalf("clash accepted: %v", err)
	}
}

func TestHumanLayout(t *testing.T) {
	for in, want := range map[string]string{
		"02/01/2006 15:04":    "dd/MM/yyyy hh:mm",
		"2.1.2006 15:04":      "d.M.yyyy hh:mm",
		"2006/01/02 15:04:05": "yyyy/MM/dd hh:mm:ss",
		"1/2/2006 3:04 PM":    "M/d/yyyy h:mm AM/PM",
	} {
		if got := humanLayout(in); got != want {
			t.Errorf("humanLayout(%q) = %q, want %q", in, got, want)
		}
	}
}
