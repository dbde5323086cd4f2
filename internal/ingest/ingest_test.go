package ingest

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"slate/internal/domain"
)

func TestTimeLayouts(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	utc := func(s string) time.Time { t, _ := time.Parse(time.RFC3339Nano, s); return t }
	cases := []struct {
		layout, in string
		loc        *time.Location
		date1904   bool
		want       time.Time
		bad        bool
	}{
		{LayoutRFC3339, "2024-03-01T10:00:00Z", nil, false, utc("2024-03-01T10:00:00Z"), false},
		{LayoutRFC3339, "2024-03-01T10:00:00.250+01:00", nil, false, utc("2024-03-01T09:00:00.25Z"), false},
		{LayoutRFC3339, "2024-03-01 10:00:00", nil, false, time.Time{}, true}, // no offset
		{LayoutISOLocal, "2024-03-01 10:00", berlin, false, utc("2024-03-01T09:00:00Z"), false},
		{LayoutISOLocal, "2024-07-01T10:00:00", berlin, false, utc("2024-07-01T08:00:00Z"), false},
		{LayoutAuto, "2024-03-01", berlin, false, utc("2024-02-29T23:00:00Z"), false},
		{LayoutExcel, "45352.5", nil, false, utc("2024-03-01T12:00:00Z"), false},
		{LayoutExcel, "43890.5", nil, true, utc("2024-03-01T12:00:00Z"), false},
		{LayoutExcel, "59", nil, false, utc("1900-02-28T00:00:00Z"), false},
		{LayoutExcel, "61", nil, false, utc("1900-03-01T00:00:00Z"), false},
		{LayoutUnix, "1709287200", nil, false, utc("2024-03-01T10:00:00Z"), false},
		{LayoutUnixMS, "1709287200500", nil, false, utc("2024-03-01T10:00:00.5Z"), false},
		{LayoutAuto, "1709287200", nil, false, utc("2024-03-01T10:00:00Z"), false},
		{LayoutAuto, "45352.5", nil, false, utc("2024-03-01T12:00:00Z"), false},
		{"02/01/2006 15:04", "01/03/2024 10:00", berlin, false, utc("2024-03-01T09:00:00Z"), false},
		{"02/01/2006 15:04", "13/13/2024 10:00", nil, false, time.Time{}, true},
		{LayoutAuto, "yesterday", nil, false, time.Time{}, true},
		{LayoutAuto, "2024-02-30T00:00:00Z", nil, false, time.Time{}, true},
	}
	for _, c := range cases {
		tp, err := NewTimeParser(c.layout, c.loc)
		if err != nil {
			t.Fatal(err)
		}
		tp.Date1904 = c.date1904
		got, err := tp.Parse(c.in)
		if c.bad {
			if err == nil {
				t.Errorf("%s %q: accepted as %v", c.layout, c.in, got)
			}
			continue
		}
		if err != nil || !got.Equal(c.want) {
			t.Errorf("%s %q: got %v %v, want %v", c.layout, c.in, got, err, c.want)
		}
	}
	if _, err := NewTimeParser("weird", nil); err == nil {
		t.Error("layout without digits accepted")
	}
	// Round trip through ToExcelSerial.
	ts := time.Date(2024, 3, 1, 10, 30, 0, 0, berlin)
	back, _ := ExcelTime(ToExcelSerial(ts, berlin), false, berlin)
	if !back.Equal(ts) {
		t.Errorf("serial round trip: %v", back)
	}
}

func TestParseNumber(t *testing.T) {
	cases := []struct {
		in    string
		comma bool
		want  float64
		ok    bool
	}{
		{"12.5", false, 12.5, true},
		{" 1,234.5 ", false, 1234.5, true},
		{"1,5", false, 0, false},
		{"1,5", true, 1.5, true},
		{"1.234,5", true, 1234.5, true},
		{"1 234,5", true, 1234.5, true},
		{"1.5", true, 1.5, true},
		{"99%", false, 99, true},
		{"-3e2", false, -300, true},
		{"abc", false, 0, false},
		{"NaN", false, 0, false},
		{"Inf", false, 0, false},
		{"", false, 0, false},
		{"0x10", false, 0, false},
	}
	for _, c := range cases {
		got, ok := ParseNumber(c.in, c.comma)
		if ok != c.ok || ok && got != c.want {
			t.Errorf("ParseNumber(%q, %v) = %v %v, want %v %v", c.in, c.comma, got, ok, c.want, c.ok)
		}
	}
}

func TestDetectDelimiterAndEncoding(t *testing.T) {
	cases := []struct {
		name, in string
		delim    rune
		enc      string
		first    []string
	}{
		{"comma", "a,b\n1,2\n", ',', EncUTF8, []string{"a", "b"}},
		{"semicolon decimal comma", "a;b\n1,5;2,5\n3,1;4\n", ';', EncUTF8, []string{"a", "b"}},
		{"tab", "a\tb\tc\n1\t2\t3\n", '\t', EncUTF8, []string{"a", "b", "c"}},
		{"pipe quoted", "\"x|y\"|b\n1|2\n", '|', EncUTF8, []string{"x|y", "b"}},
		{"bom", "\ufeffa,b\n1,2\n", ',', EncUTF8BOM, []string{"a", "b"}},
		{"utf-16le", "\xff\xfea\x00,\x00\xe9\x00\n\x00", ',', EncUTF16LE, []string{"a", "é"}},
		{"utf-16be", "\xfe\xff\x00a\x00,\x00b\x00\n", ',', EncUTF16BE, []string{"a", "b"}},
		{"cp1252", "caf\xe9,\x80\n", ',', EncCP1252, []string{"café", "€"}},
	}
	for _, c := range cases {
		src, err := NewCSV(strings.NewReader(c.in), 0, Limits{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		cells, row, err := src.Next()
		if err != nil || src.Delimiter != c.delim || src.Encoding != c.enc || strings.Join(cells, "|") != strings.Join(c.first, "|") || row != 1 {
			t.Errorf("%s: delim %q enc %s cells %q row %d err %v", c.name, src.Delimiter, src.Encoding, cells, row, err)
		}
	}
	if _, err := NewCSV(bytes.NewReader([]byte{0, 1, 2, 3, 0xff, 0, 7}), 0, Limits{}); err == nil {
		t.Error("binary accepted")
	}
}

func TestCSVQuotesAndRows(t *testing.T) {
	in := "a,b\n\"x,1\",\"he said \"\"hi\"\"\"\n\"multi\nline\",2\n\nbad\"quote,3\nlast,4"
	src, _ := NewCSV(strings.NewReader(in), ',', Limits{})
	type rec struct {
		cells string
		row   int
		err   bool
	}
	var got []rec
	for {
		cells, row, err := src.Next()
		if err == io.EOF {
			break
		}
		got = append(got, rec{strings.Join(cells, "|"), row, err != nil})
	}
	want := []rec{{"a|b", 1, false}, {`x,1|he said "hi"`, 2, false}, {"multi\nline|2", 3, false}, {"", 6, true}, {"last|4", 7, false}}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("record %d: got %+v want %+v", i, got[i], want[i])
		}
	}
	// A line longer than the limit is refused.
	src, _ = NewCSV(strings.NewReader("a,b\n"+strings.Repeat("x", 5000)+"\n"), ',', Limits{MaxLine: 1024})
	src.Next()
	if _, _, err := src.Next(); err == nil || !strings.Contains(err.Error(), "longer than") {
		t.Errorf("long line: %v", err)
	}
	// A cell over Excel's limit is refused.
	src, _ = NewCSV(strings.NewReader("a\n\""+strings.Repeat("y", 40000)+"\"\n"), ',', Limits{})
	src.Next()
	if _, _, err := src.Next(); err == nil || !strings.Contains(err.Error(), "32767") {
		t.Errorf("long cell: %v", err)
	}
}

func TestSuggestAndHeader(t *testing.T) {
	cases := []struct {
		shape  string
		header []string
		sample []string
		want   domain.Mapping
	}{
		{domain.ShapeValue, []string{"Timestamp", "Latency (ms)"}, []string{"2024-03-01T10:00:00Z", "12"},
			domain.Mapping{Time: "Timestamp", Value: "Latency (ms)", TimeLayout: LayoutRFC3339}},
		{domain.ShapeCounts, []string{"Date", "Requests", "Errors"}, []string{"01/03/2024 10:00", "100", "2"},
			domain.Mapping{Time: "Date", Total: "Requests", Bad: "Errors", TimeLayout: "2/1/2006 15:04"}},
		{domain.ShapeEvent, []string{"ts", "status", "host"}, []string{"1709287200", "up", "web"},
			domain.Mapping{Time: "ts", OK: "status", CI: "host", TimeLayout: LayoutUnix}},
		{domain.ShapeItem, []string{"Ticket", "Created", "Closed", "On hold (s)", "Priority"}, []string{"I1", "2024-03-01 10:00", "", "0", "P1"},
			domain.Mapping{Item: "Ticket", Opened: "Created", Resolved: "Closed", Paused: "On hold (s)", Priority: "Priority", TimeLayout: LayoutISOLocal}},
		{domain.ShapeValue, []string{"timestamp", "value"}, []string{"45352.5", "1,5"},
			domain.Mapping{Time: "timestamp", Value: "value", TimeLayout: LayoutExcel, DecimalComma: true}},
	}
	for _, c := range cases {
		s := Suggest(c.header, [][]string{c.sample}, c.shape)
		if s.Mapping != c.want || len(s.Missing) > 0 {
			t.Errorf("%v: got %+v missing %v\nwant %+v", c.header, s.Mapping, s.Missing, c.want)
		}
	}
	if s := Suggest([]string{"foo", "bar"}, nil, domain.ShapeValue); len(s.Missing) != 2 {
		t.Errorf("missing: %v", s.Missing)
	}
	rows := [][]string{{"Monthly report"}, {}, {"Time", "Value"}, {"2024-03-01", "1"}}
	if h := FindHeader(rows, nil); h != 2 {
		t.Errorf("header at %d", h)
	}
	if h := FindHeader(rows, &domain.Mapping{Time: "time"}); h != 2 {
		t.Errorf("header with mapping at %d", h)
	}
}

func TestValidatorKinds(t *testing.T) {
	now := time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		shape string
		unit  string
		m     domain.Mapping
		cells []string
		out   Outcome
		kind  string
	}{
		{domain.ShapeValue, "ms", domain.Mapping{Time: "t", Value: "v"}, []string{"2024-03-01T00:00:00Z", "-1"}, Reject, KindOutOfRange},
		{domain.ShapeValue, "ratio", domain.Mapping{Time: "t", Value: "v"}, []string{"2024-03-01T00:00:00Z", "1.5"}, Reject, KindOutOfRange},
		{domain.ShapeValue, "%", domain.Mapping{Time: "t", Value: "v"}, []string{"2024-03-01T00:00:00Z", "101"}, Reject, KindOutOfRange},
		{domain.ShapeValue, "", domain.Mapping{Time: "t", Value: "v"}, []string{"2024-03-01T00:00:00Z", ""}, Reject, KindMissingValue},
		{domain.ShapeValue, "", domain.Mapping{Time: "t", Value: "v"}, []string{"2024-03-09T00:00:00Z", "1"}, Accept, KindFuture},
		{domain.ShapeCounts, "", domain.Mapping{Time: "t", Good: "v", Total: "w"}, []string{"2024-03-01T00:00:00Z", "11", "10"}, Reject, KindOutOfRange},
		{domain.ShapeCounts, "", domain.Mapping{Time: "t", Bad: "v", Total: "w"}, []string{"2024-03-01T00:00:00Z", "11", "10"}, Reject, KindOutOfRange},
		{domain.ShapeEvent, "", domain.Mapping{Time: "t", OK: "v"}, []string{"2024-03-01T00:00:00Z", "maybe"}, Reject, KindNonNumeric},
		{domain.ShapeItem, "", domain.Mapping{Item: "t", Opened: "v", Resolved: "w"}, []string{"I1", "2024-03-01T10:00:00Z", "2024-03-01T09:00:00Z"}, Reject, KindOutOfRange},
		{domain.ShapeItem, "", domain.Mapping{Item: "t", Opened: "v", Resolved: "w"}, []string{"", "2024-03-01T10:00:00Z", ""}, Reject, KindMissingValue},
		{domain.ShapeItem, "", domain.Mapping{Item: "t", Opened: "v", Resolved: "w"}, []string{"I1", "2024-03-01T10:00:00Z", ""}, Accept, ""},
		{domain.ShapeValue, "", domain.Mapping{Time: "t", Value: "v"}, []string{" ", ""}, Empty, KindEmptyRow},
	}
	for i, c := range cases {
		v, err := NewValidator([]string{"t", "v", "w"}, Options{Shape: c.shape, Unit: c.unit, Mapping: c.m, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		var p domain.Point
		out, fs := v.Row(c.cells, 5, &p)
		kind := ""
		if len(fs) > 0 {
			kind = fs[0].Kind
			if fs[0].Row != 5 || fs[0].Message == "" {
				t.Errorf("case %d: finding %+v", i, fs[0])
			}
		}
		if out != c.out || kind != c.kind {
			t.Errorf("case %d: got %v %q, want %v %q (%+v)", i, out, kind, c.out, c.kind, fs)
		}
	}
	if _, err := NewValidator([]string{"a"}, Options{Shape: domain.ShapeValue, Mapping: domain.Mapping{Time: "x", Value: "a"}}); err == nil || !strings.Contains(err.Error(), `"x"`) {
		t.Errorf("missing column: %v", err)
	}
}

func TestGapDetector(t *testing.T) {
	g := GapDetector{Interval: time.Minute}
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var found []*Finding
	for i, m := range []int{0, 1, 2, 6, 7, 8, 20} {
		if f := g.Next(t0.Add(time.Duration(m)*time.Minute), i+2, true); f != nil {
			found = append(found, f)
		}
	}
	if len(found) != 2 || found[0].Missing != 3 || found[0].Row != 5 || found[1].Missing != 11 || !found[0].Start.Equal(t0.Add(3*time.Minute)) {
		t.Errorf("gaps: %+v", found)
	}
}
