package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"slate/internal/domain"
)

// Mapping fields, as named in findings and the template.
const (
	FieldTime     = "time"
	FieldValue    = "value"
	FieldGood     = "good"
	FieldBad      = "bad"
	FieldTotal    = "total"
	FieldOK       = "ok"
	FieldItem     = "item"
	FieldOpened   = "opened"
	FieldResolved = "resolved"
	FieldPaused   = "paused"
	FieldPriority = "priority"
	FieldCI       = "ci"
)

// TemplateName is the column name the supplier template uses for each field;
// a file whose header uses these names imports without a mapping.
var TemplateName = map[string]string{
	FieldTime: "timestamp", FieldValue: "value", FieldGood: "good", FieldBad: "bad",
	FieldTotal: "total", FieldOK: "ok", FieldItem: "item_id", FieldOpened: "opened",
	FieldResolved: "resolved", FieldPaused: "paused_seconds", FieldPriority: "priority", FieldCI: "ci",
}

// ShapeFields lists the fields of a feed shape: required first, then optional.
func ShapeFields(shape string) (required, optional []string) {
	switch shape {
	case domain.ShapeValue:
		return []string{FieldTime, FieldValue}, []string{FieldCI}
	case domain.ShapeCounts:
		return []string{FieldTime, FieldGood, FieldTotal}, []string{FieldBad, FieldCI}
	case domain.ShapeEvent:
		return []string{FieldTime, FieldOK}, []string{FieldItem, FieldCI}
	case domain.ShapeItem:
		return []string{FieldItem, FieldOpened}, []string{FieldResolved, FieldPaused, FieldPriority, FieldCI}
	}
	return nil, nil
}

// synonyms are normalised header names (lower case, letters and digits only),
// best first. Short ones only match exactly.
var synonyms = map[string][]string{
	FieldTime: {"timestamp", "time", "datetime", "date", "ts", "at", "when", "eventtime", "sampletime",
		"measuredat", "recordedat", "logtime", "periodstart", "intervalstart", "starttime", "zeitstempel", "datum", "horodatage"},
	FieldValue: {"value", "val", "measurement", "latency", "latencyms", "responsetime", "responsetimems",
		"duration", "durationms", "ms", "avg", "mean", "reading", "metric", "wert", "valeur"},
	FieldGood:  {"good", "goodcount", "goodevents", "successes", "successful", "successcount", "okcount", "passed", "success"},
	FieldBad:   {"bad", "badcount", "badevents", "errors", "error", "errorcount", "failures", "failed", "failcount"},
	FieldTotal: {"total", "totalcount", "totalevents", "count", "requests", "attempts", "calls", "transactions", "events", "volume"},
	FieldOK:    {"ok", "status", "up", "result", "state", "available", "success", "good", "outcome"},
	FieldItem: {"itemid", "item", "id", "ticket", "ticketid", "ticketnumber", "incident", "incidentid", "number",
		"order", "orderid", "ordernumber", "key", "reference", "ref", "case", "caseid", "requestid"},
	FieldOpened: {"opened", "openedat", "created", "createdat", "opentime", "opendate", "start", "started",
		"submitted", "reported", "logged", "received"},
	FieldResolved: {"resolved", "resolvedat", "closed", "closedat", "closetime", "end", "ended", "completed",
		"completedat", "fulfilled", "delivered", "finished"},
	FieldPaused: {"pausedseconds", "paused", "pause", "onhold", "onholdseconds", "waiting", "pending",
		"pendingseconds", "clockstopped", "pausedsecs"},
	FieldPriority: {"priority", "prio", "severity", "sev", "urgency"},
	FieldCI:       {"ci", "configurationitem", "cmdbci", "host", "hostname", "asset", "component", "server", "node"},
}

func normHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Suggestion is a proposed mapping for a file.
type Suggestion struct {
	Mapping domain.Mapping `json:"mapping"`
	// Missing lists required fields no column was found for.
	Missing []string `json:"missing,omitempty"`
	// Notes explain guesses the user should check (ambiguous dates...).
	Notes []string `json:"notes,omitempty"`
}

// Suggest proposes a mapping for a feed shape from the header and some data
// rows (samples improve the time layout and decimal comma guesses).
func Suggest(header []string, samples [][]string, shape string) Suggestion {
	var s Suggestion
	norm := make([]string, len(header))
	for i, h := range header {
		norm[i] = normHeader(h)
	}
	used := map[int]bool{}
	required, optional := ShapeFields(shape)
	fields := append(slices.Clone(required), optional...)
	if shape == domain.ShapeCounts {
		// good or bad: whichever the file has.
		fields = []string{FieldTime, FieldTotal, FieldGood, FieldBad, FieldCI}
	}
	pick := map[string]int{}
	// Pass 1: exact matches, in synonym order; pass 2: containment for long synonyms.
	for pass := 0; pass < 2; pass++ {
		for _, f := range fields {
			if _, ok := pick[f]; ok {
				continue
			}
			for _, syn := range synonyms[f] {
				if shape != domain.ShapeEvent && f == FieldOK {
					break
				}
				idx := -1
				for i, n := range norm {
					if used[i] || n == "" {
						continue
					}
					if n == syn || pass == 1 && len(syn) >= 4 && strings.Contains(n, syn) {
						idx = i
						break
					}
				}
				if idx >= 0 {
					pick[f] = idx
					used[idx] = true
					break
				}
			}
		}
	}
	m := &s.Mapping
	set := map[string]*string{
		FieldTime: &m.Time, FieldValue: &m.Value, FieldGood: &m.Good, FieldBad: &m.Bad, FieldTotal: &m.Total,
		FieldOK: &m.OK, FieldItem: &m.Item, FieldOpened: &m.Opened, FieldResolved: &m.Resolved,
		FieldPaused: &m.Paused, FieldPriority: &m.Priority, FieldCI: &m.CI,
	}
	for f, i := range pick {
		*set[f] = strings.TrimSpace(header[i])
	}
	if shape == domain.ShapeCounts && m.Good != "" && m.Bad != "" {
		m.Bad = ""
	}
	for _, f := range required {
		if *set[f] == "" && !(f == FieldGood && m.Bad != "") {
			s.Missing = append(s.Missing, f)
		}
	}
	// Time layout from the samples.
	ti, ok := pick[FieldTime]
	if shape == domain.ShapeItem {
		ti, ok = pick[FieldOpened]
	}
	if ok {
		i := ti
		var vals []string
		for _, r := range samples {
			if i < len(r) && strings.TrimSpace(r[i]) != "" {
				vals = append(vals, r[i])
			}
		}
		layout, note := SuggestLayout(vals)
		m.TimeLayout = layout
		if note != "" {
			s.Notes = append(s.Notes, note)
		}
	}
	// Decimal comma: numbers that only parse with it.
	for _, f := range []string{FieldValue, FieldGood, FieldBad, FieldTotal, FieldPaused} {
		i, ok := pick[f]
		if !ok {
			continue
		}
		var vals []string
		for _, r := range samples {
			if i < len(r) {
				vals = append(vals, r[i])
			}
		}
		if DecimalComma(vals) {
			m.DecimalComma = true
			s.Notes = append(s.Notes, fmt.Sprintf("column %q uses a decimal comma", header[i]))
		}
	}
	return s
}

// layoutCandidates are tried, in order, for timestamps that are not ISO or numbers.
var layoutCandidates = []string{
	"2/1/2006 15:04:05", "2/1/2006 15:04", "1/2/2006 15:04:05", "1/2/2006 15:04",
	"1/2/2006 3:04:05 PM", "1/2/2006 3:04 PM",
	"2.1.2006 15:04:05", "2.1.2006 15:04", "2-1-2006 15:04:05", "2-1-2006 15:04",
	"2/1/2006", "1/2/2006", "2.1.2006", "2006/01/02 15:04:05", "2006/01/02 15:04",
	"02 Jan 2006 15:04", "Jan 2 2006 15:04", time.RFC1123Z, time.RFC1123,
}

// SuggestLayout names the time layout that reads all the values: rfc3339,
// iso-local, excel, unix, unix-ms, or a Go layout. Day-first wins when
// day/month order is ambiguous, with a note saying so.
func SuggestLayout(vals []string) (layout, note string) {
	if len(vals) == 0 {
		return "", ""
	}
	tp, _ := NewTimeParser(LayoutAuto, time.UTC)
	iso, offset, num := 0, 0, 0
	var nums []float64
	for _, v := range vals {
		v = trimSpace(v)
		if _, ok := tp.parseISO(v, true); ok {
			iso++
			if _, ok := tp.parseISO(v, false); ok {
				offset++
			}
			continue
		}
		if x, err := strconv.ParseFloat(v, 64); err == nil {
			num++
			nums = append(nums, x)
		}
	}
	// A few bad cells must not hide the layout of the rest (they become findings).
	most := func(n int) bool { return n > 0 && n*10 >= len(vals)*8 }
	switch {
	case most(iso) && offset == iso:
		return LayoutRFC3339, ""
	case most(iso):
		return LayoutISOLocal, ""
	case most(num):
		lo, hi := nums[0], nums[0]
		for _, x := range nums {
			lo, hi = min(lo, x), max(hi, x)
		}
		switch {
		case hi < 1e6:
			return LayoutExcel, ""
		case lo >= 1e8 && hi < 1e11:
			return LayoutUnix, ""
		case lo >= 1e11 && hi < 1e14:
			return LayoutUnixMS, ""
		}
		return "", "the time column holds numbers that are neither Excel serials nor Unix times"
	}
	var fits []string
	for _, l := range layoutCandidates {
		n := 0
		for _, v := range vals {
			if _, err := time.Parse(l, trimSpace(v)); err == nil {
				n++
			}
		}
		if most(n) {
			fits = append(fits, l)
		}
	}
	if len(fits) == 0 {
		return "", "no known time layout reads the time column; set mapping.timeLayout (a Go layout such as 02/01/2006 15:04)"
	}
	if len(fits) > 1 && strings.HasPrefix(fits[0], "2/1") && strings.HasPrefix(fits[1], "1/2") {
		return fits[0], fmt.Sprintf("dates such as %q could be day/month or month/day; day first (%s) was assumed — check it", trimSpace(vals[0]), fits[0])
	}
	return fits[0], ""
}

// FindHeader returns the index of the header row among the first rows of a
// file, or -1: the row naming the mapping's time (or item) column when a
// mapping is given, else the first row of text cells as wide as the data.
func FindHeader(rows [][]string, m *domain.Mapping) int {
	if m != nil {
		want := []string{m.Time, m.Item, m.Opened, m.Value}
		for i, r := range rows {
			for _, c := range r {
				nc := normHeader(c)
				for _, w := range want {
					if w != "" && nc == normHeader(w) {
						return i
					}
				}
			}
		}
	}
	width := 0
	for _, r := range rows {
		width = max(width, nonEmpty(r))
	}
	if width == 0 {
		return -1
	}
	for i, r := range rows {
		n := nonEmpty(r)
		if n == 0 || n*10 < width*6 && !(width <= 2 && n >= 1) {
			continue
		}
		text := true
		for _, c := range r {
			c = trimSpace(c)
			if c == "" {
				continue
			}
			if _, ok := ParseNumber(c, false); ok || looksLikeTime(c) {
				text = false
				break
			}
		}
		if text && (n >= 2 || width == 1) {
			return i
		}
	}
	return -1
}

func looksLikeTime(s string) bool {
	tp := TimeParser{Loc: time.UTC}
	if _, ok := tp.parseISO(s, true); ok {
		return true
	}
	_, err := tp.fallback(s)
	return err == nil
}

func nonEmpty(r []string) int {
	n := 0
	for _, c := range r {
		if trimSpace(c) != "" {
			n++
		}
	}
	return n
}

// allEmpty is nonEmpty(r) == 0, stopping at the first filled cell.
func allEmpty(r []string) bool {
	for _, c := range r {
		// A cell starting with visible ASCII is not blank (trimSpace cuts
		// only spaces, tabs, line ends and no-break spaces).
		if len(c) > 0 && c[0] > ' ' && c[0] < utf8.RuneSelf || trimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Table is a source positioned after its header row.
type Table struct {
	src       Source
	Header    []string
	HeaderRow int
	buf       []bufRow
	// Preamble rows before the header (titles) that are not data.
	Preamble int
	// Head is the raw text up to the header row included (RawSource only);
	// raw is that of the row Next returned last.
	Head []byte
	raw  []byte
}

// RawSource is a Source that can give the text each record was read from
// (CSVSource).
type RawSource interface {
	Source
	Raw() []byte
}

type bufRow struct {
	cells []string
	row   int
	err   error
	raw   []byte
}

// headerScan is how many leading rows are searched for the header.
const headerScan = 30

// NewTable reads the first rows of src, finds the header and keeps the rest for Next.
func NewTable(src Source, m *domain.Mapping) (*Table, error) {
	t := &Table{src: src}
	rs, _ := src.(RawSource)
	raw := func() []byte {
		if rs == nil {
			return nil
		}
		return bytes.Clone(rs.Raw())
	}
	var rows [][]string
	for len(t.buf) < headerScan {
		cells, row, err := src.Next()
		if err != nil {
			if _, ok := err.(*MalformedRowError); ok {
				t.buf = append(t.buf, bufRow{row: row, err: err, raw: raw()})
				rows = append(rows, nil)
				continue
			}
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, err
		}
		c := CloneCells(cells)
		t.buf = append(t.buf, bufRow{cells: c, row: row, raw: raw()})
		rows = append(rows, c)
	}
	h := FindHeader(rows, m)
	if h < 0 {
		if len(rows) == 0 {
			return nil, fmt.Errorf("the file has no rows")
		}
		return nil, fmt.Errorf("no header row found in the first %d rows: the first row should name the columns (timestamp, value...)", len(rows))
	}
	t.Header = make([]string, len(rows[h]))
	for i, c := range rows[h] {
		t.Header[i] = strings.ToValidUTF8(trimSpace(c), "\uFFFD")
	}
	t.HeaderRow = t.buf[h].row
	t.Preamble = h
	if rs != nil {
		for _, b := range t.buf[:h+1] {
			t.Head = append(t.Head, b.raw...)
		}
	}
	t.buf = t.buf[h+1:]
	return t, nil
}

// Samples returns up to n buffered data rows (for suggestions).
func (t *Table) Samples(n int) [][]string {
	var out [][]string
	for _, b := range t.buf {
		if b.err == nil && nonEmpty(b.cells) > 0 {
			out = append(out, b.cells)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

// Next returns the next data row (see Source).
func (t *Table) Next() ([]string, int, error) {
	if len(t.buf) > 0 {
		b := t.buf[0]
		t.buf = t.buf[1:]
		t.raw = b.raw
		return b.cells, b.row, b.err
	}
	cells, row, err := t.src.Next()
	t.raw = nil
	if rs, ok := t.src.(RawSource); ok {
		t.raw = rs.Raw()
	}
	return cells, row, err
}

// Raw is the text of the row Next returned last (after EOF: the trailing
// text), when the source keeps it (a CSV file); nil otherwise.
func (t *Table) Raw() []byte { return t.raw }
