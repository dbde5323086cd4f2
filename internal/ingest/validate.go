package ingest

import (
	"fmt"
	"maps"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"slate/internal/domain"
)

// Finding kinds.
const (
	KindMissingInterval = "missing_interval"
	KindDuplicate       = "duplicate"
	KindConflict        = "conflict"
	KindOutOfOrder      = "out_of_order"
	KindFuture          = "future_timestamp"
	KindClockSkew       = "clock_skew"
	KindUnparseableTime = "unparseable_time"
	KindNonNumeric      = "non_numeric"
	KindOutOfRange      = "out_of_range"
	KindEmptyRow        = "empty_row"
	// KindMissingValue is a required cell left blank.
	KindMissingValue = "missing_value"
	// KindMalformedRow is a CSV line that cannot be split into fields.
	KindMalformedRow = "malformed_row"
)

// FindingKinds lists every kind, for documentation and summaries.
var FindingKinds = []string{KindMissingInterval, KindDuplicate, KindConflict, KindOutOfOrder, KindFuture,
	KindClockSkew, KindUnparseableTime, KindNonNumeric, KindOutOfRange, KindEmptyRow, KindMissingValue, KindMalformedRow}

// Severities: an error rejects the row, a warning imports and flags it, info only tells.
const (
	SevError   = "error"
	SevWarning = "warning"
	SevInfo    = "info"
)

// Finding is one problem found in a file.
type Finding struct {
	Kind     string `json:"kind"`
	Severity string `json:"severity"`
	// Row is the row number as the user sees it in the file (0 = the file as a whole).
	Row     int    `json:"row,omitempty"`
	Column  string `json:"column,omitempty"`
	Raw     string `json:"raw,omitempty"`
	Message string `json:"message"`
	// Start, End and Missing describe a missing_interval gap.
	Start   time.Time `json:"start,omitzero"`
	End     time.Time `json:"end,omitzero"`
	Missing int       `json:"missing,omitempty"`
	// Rows and Offset describe a clock_skew run.
	Rows   int    `json:"rows,omitempty"`
	Offset string `json:"offset,omitempty"`
}

// maxRaw bounds the raw value kept in a finding.
const maxRaw = 200

func clip(s string) string {
	if len(s) > maxRaw {
		s = s[:maxRaw]
		for len(s) > 0 && !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
		s += "…"
	}
	return strings.Clone(strings.ToValidUTF8(s, "\uFFFD"))
}

// RejectedRow is a row that was not imported, with the reasons.
type RejectedRow struct {
	Row      int       `json:"row"`
	Cells    []string  `json:"cells"`
	Findings []Finding `json:"findings"`
}

// Options configure a Validator.
type Options struct {
	Shape    string
	Interval time.Duration
	Loc      *time.Location
	Unit     string
	Mapping  domain.Mapping
	// Now is the import time (future timestamps are flagged against it).
	Now time.Time
	// XLSX: cells may hold Excel serial dates; Date1904 selects the date system.
	Serials  bool
	Date1904 bool
}

// FutureTolerance is how far ahead of the import time a timestamp may be.
const FutureTolerance = 5 * time.Minute

// skewMinRun is how many consecutive rows must share an off-grid offset to
// count as clock skew rather than jitter.
const skewMinRun = 5

// Field numbers for Validator.idx.
const (
	fTime = iota
	fValue
	fGood
	fBad
	fTotal
	fOK
	fItem
	fOpened
	fResolved
	fPaused
	fPriority
	fCI
	numFields
)

var fieldNum = map[string]int{FieldTime: fTime, FieldValue: fValue, FieldGood: fGood, FieldBad: fBad, FieldTotal: fTotal,
	FieldOK: fOK, FieldItem: fItem, FieldOpened: fOpened, FieldResolved: fResolved, FieldPaused: fPaused,
	FieldPriority: fPriority, FieldCI: fCI}

// Outcome of one row.
type Outcome int

const (
	Accept Outcome = iota
	Reject
	Empty
)

// Validator turns rows into points and findings.
type Validator struct {
	o      Options
	tp     *TimeParser
	header []string
	col    map[string]int
	// idx is col as an array by field number, -1 when unmapped (the hot path).
	idx [numFields]int
	// order and skew tracking
	prevAt  time.Time
	prevRow int
	run     skewRun
	step    lastWall // the last row trackSkew saw (UTC)
	future  int
	maxAt   time.Time // the newest future time
	out     []Finding
	fin     []Finding
	unit    int
	// futureAfter is Now + FutureTolerance.
	futureAfter time.Time
}

type lastWall struct {
	wall int64 // Unix ns
	ok   bool
}

type skewRun struct {
	offset time.Duration
	start  int
	n      int
	first  time.Time
}

// ColumnError says the mapping and the file's header do not fit together.
type ColumnError struct {
	Field, Column string
	Header        []string
}

func (e *ColumnError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("no column for %s: the header has %s; name it %q (the template's name) or give a mapping", e.Field, quoteList(e.Header), TemplateName[e.Field])
	}
	return fmt.Sprintf("mapping: column %q for %s is not in the header (%s)", e.Column, e.Field, quoteList(e.Header))
}

func quoteList(h []string) string {
	q := make([]string, len(h))
	for i, s := range h {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// MappingFields gives the column names a mapping assigns, by field.
func MappingFields(m *domain.Mapping) map[string]string {
	return map[string]string{
		FieldTime: m.Time, FieldValue: m.Value, FieldGood: m.Good, FieldBad: m.Bad, FieldTotal: m.Total,
		FieldOK: m.OK, FieldItem: m.Item, FieldOpened: m.Opened, FieldResolved: m.Resolved,
		FieldPaused: m.Paused, FieldPriority: m.Priority, FieldCI: m.CI,
	}
}

// ColumnIndex finds a column by name (case, spaces and punctuation ignored),
// or by position written "#3".
func ColumnIndex(header []string, name string) int {
	if strings.HasPrefix(name, "#") {
		if n, err := strconv.Atoi(name[1:]); err == nil && n >= 1 && n <= len(header) {
			return n - 1
		}
	}
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(name)) {
			return i
		}
	}
	want := normHeader(name)
	for i, h := range header {
		if want != "" && normHeader(h) == want {
			return i
		}
	}
	return -1
}

// NewValidator resolves the mapping against the header.
func NewValidator(header []string, o Options) (*Validator, error) {
	if o.Loc == nil {
		o.Loc = time.UTC
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	tp, err := NewTimeParser(o.Mapping.TimeLayout, o.Loc)
	if err != nil {
		return nil, err
	}
	tp.Serials, tp.Date1904 = o.Serials, o.Date1904
	v := &Validator{o: o, tp: tp, header: header, col: map[string]int{}, unit: unitClass(o.Unit), futureAfter: o.Now.Add(FutureTolerance)}
	for f, name := range MappingFields(&o.Mapping) {
		if name == "" {
			continue
		}
		i := ColumnIndex(header, name)
		if i < 0 {
			return nil, &ColumnError{f, name, header}
		}
		v.col[f] = i
	}
	for i := range v.idx {
		v.idx[i] = -1
	}
	for f, i := range v.col {
		v.idx[fieldNum[f]] = i
	}
	required, _ := ShapeFields(o.Shape)
	if required == nil {
		return nil, fmt.Errorf("feed shape %q is not value, counts, event or item", o.Shape)
	}
	for _, f := range required {
		if _, ok := v.col[f]; ok {
			continue
		}
		if f == FieldGood {
			if _, ok := v.col[FieldBad]; ok {
				continue
			}
		}
		return nil, &ColumnError{Field: f, Header: header}
	}
	return v, nil
}

// Interval is the feed's expected interval (0 for item feeds or none).
func (v *Validator) Interval() time.Duration {
	if v.o.Shape == domain.ShapeItem {
		return 0
	}
	return v.o.Interval
}

// Header is the file's header row.
func (v *Validator) Header() []string { return v.header }

// Columns maps each mapped field to its column index.
func (v *Validator) Columns() map[string]int { return maps.Clone(v.col) }

// Location is the zone of timestamps without an offset.
func (v *Validator) Location() *time.Location { return v.o.Loc }

// TimeLayout is the mapping's time layout ("" = auto).
func (v *Validator) TimeLayout() string { return v.o.Mapping.TimeLayout }

func (v *Validator) cell(cells []string, f string) (string, bool) {
	i := v.idx[fieldNum[f]]
	if i < 0 {
		return "", false
	}
	if i >= len(cells) {
		return "", true
	}
	return cells[i], true
}

func (v *Validator) colName(f string) string {
	if i, ok := v.col[f]; ok {
		return v.header[i]
	}
	return f
}

func (v *Validator) add(kind, sev string, row int, f, raw, format string, args ...any) {
	fd := Finding{Kind: kind, Severity: sev, Row: row, Raw: clip(raw), Message: fmt.Sprintf(format, args...)}
	if f != "" {
		fd.Column = v.colName(f)
	}
	v.out = append(v.out, fd)
}

// Row validates one data row into p. The findings returned are valid until
// the next call. An Accept row may carry warnings.
func (v *Validator) Row(cells []string, row int, p *domain.Point) (Outcome, []Finding) {
	v.out = v.out[:0]
	*p = domain.Point{}
	if allEmpty(cells) {
		v.add(KindEmptyRow, SevInfo, row, "", "", "empty row; nothing to import (delete it from the file)")
		return Empty, v.out
	}
	bad := false
	num := func(f string, required bool) float64 {
		raw, ok := v.cell(cells, f)
		if !ok {
			return 0
		}
		if trimSpace(raw) == "" {
			if required {
				v.add(KindMissingValue, SevError, row, f, raw, "%s is empty; fill in the %s", v.colName(f), f)
				bad = true
			}
			return 0
		}
		x, ok := v.number(raw)
		if !ok {
			hint := "write a plain number such as 12.5"
			if _, ok2 := ParseNumber(raw, !v.o.Mapping.DecimalComma); ok2 {
				if v.o.Mapping.DecimalComma {
					hint = "the mapping expects a decimal comma (12,5) but this looks like a decimal point; fix the value or the mapping's decimalComma"
				} else {
					hint = "this looks like a decimal comma; set decimalComma in the feed's mapping, or write 12.5"
				}
			}
			v.add(KindNonNumeric, SevError, row, f, raw, "%q in %s is not a number: %s", clip(raw), v.colName(f), hint)
			bad = true
		}
		return x
	}
	tm := func(f string, required bool) time.Time {
		raw, ok := v.cell(cells, f)
		if !ok {
			return time.Time{}
		}
		if trimSpace(raw) == "" {
			if required {
				v.add(KindMissingValue, SevError, row, f, raw, "%s is empty; fill in the time", v.colName(f))
				bad = true
			}
			return time.Time{}
		}
		t, err := v.tp.Parse(raw)
		if err != nil {
			layout := v.o.Mapping.TimeLayout
			if layout == "" {
				layout = "RFC 3339 (2024-03-01T14:05:00Z) or 2024-03-01 14:05:00"
			}
			v.add(KindUnparseableTime, SevError, row, f, raw, "%q in %s is not a time in the expected layout %s; correct the value or the mapping's timeLayout", clip(raw), v.colName(f), layout)
			bad = true
		}
		return t
	}
	str := func(f string) string {
		raw, _ := v.cell(cells, f)
		t := trimSpace(raw)
		if t == "" {
			return ""
		}
		return strings.Clone(strings.ToValidUTF8(t, "\uFFFD"))
	}
	if v.o.Shape == domain.ShapeValue && v.idx[fCI] < 0 && v.idx[fPriority] < 0 {
		// Fast path for the commonest file: a time and a value.
		ti, vi := v.idx[fTime], v.idx[fValue]
		if ti < len(cells) && vi < len(cells) {
			t, terr := v.tp.Parse(cells[ti])
			x, xok := 0.0, false
			if !v.o.Mapping.DecimalComma {
				if f, ok := parsePlain(cells[vi]); ok {
					x, xok = f, true
				} else if f, err := strconv.ParseFloat(cells[vi], 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
					x, xok = f, true
				}
			}
			if terr == nil && xok {
				p.At, p.Value = t, x
				if v.valueInRange(x) {
					v.checkTime(row, p)
					return Accept, v.out
				}
			}
		}
	}
	switch v.o.Shape {
	case domain.ShapeValue:
		p.At = tm(FieldTime, true)
		p.Value = num(FieldValue, true)
		if !bad {
			v.checkValueRange(row, p.Value, &bad)
		}
	case domain.ShapeCounts:
		p.At = tm(FieldTime, true)
		p.Total = num(FieldTotal, true)
		if _, ok := v.col[FieldGood]; ok {
			p.Good = num(FieldGood, true)
		} else {
			b := num(FieldBad, true)
			if !bad && b < 0 {
				v.add(KindOutOfRange, SevError, row, FieldBad, str(FieldBad), "a negative bad count is impossible; correct the count")
				bad = true
			}
			p.Good = p.Total - b
			if !bad && b > p.Total {
				v.add(KindOutOfRange, SevError, row, FieldBad, str(FieldBad), "bad (%s) is greater than total (%s); correct the counts", exact(b), exact(p.Total))
				bad = true
			}
		}
		if !bad {
			switch {
			case p.Total < 0 || p.Good < 0:
				v.add(KindOutOfRange, SevError, row, FieldTotal, str(FieldTotal), "negative counts are impossible; correct the counts")
				bad = true
			case p.Good > p.Total:
				v.add(KindOutOfRange, SevError, row, FieldGood, str(FieldGood), "good (%s) is greater than total (%s); correct the counts", exact(p.Good), exact(p.Total))
				bad = true
			}
		}
	case domain.ShapeEvent:
		p.At = tm(FieldTime, true)
		raw, _ := v.cell(cells, FieldOK)
		if trimSpace(raw) == "" {
			v.add(KindMissingValue, SevError, row, FieldOK, raw, "%s is empty; write 1 (good) or 0 (bad)", v.colName(FieldOK))
			bad = true
		} else if g, ok := ParseFlag(raw); !ok {
			v.add(KindNonNumeric, SevError, row, FieldOK, raw, "%q in %s is not a good/bad flag; write 1 or 0 (true/false, up/down and ok/fail are also read)", clip(raw), v.colName(FieldOK))
			bad = true
		} else {
			p.Total = 1
			if g {
				p.Good = 1
			}
		}
		p.ItemID = str(FieldItem)
	case domain.ShapeItem:
		p.ItemID = str(FieldItem)
		if p.ItemID == "" {
			v.add(KindMissingValue, SevError, row, FieldItem, "", "%s is empty; every item needs its id", v.colName(FieldItem))
			bad = true
		}
		p.Opened = tm(FieldOpened, true)
		p.Resolved = tm(FieldResolved, false)
		p.Paused = num(FieldPaused, false)
		p.Priority = str(FieldPriority)
		if !bad {
			switch {
			case !p.Resolved.IsZero() && p.Resolved.Before(p.Opened):
				v.add(KindOutOfRange, SevError, row, FieldResolved, str(FieldResolved), "resolved (%s) is before opened (%s): a negative duration; correct one of the times", p.Resolved.Format(time.RFC3339), p.Opened.Format(time.RFC3339))
				bad = true
			case p.Paused < 0:
				v.add(KindOutOfRange, SevError, row, FieldPaused, str(FieldPaused), "paused time is negative; write the seconds the clock was stopped")
				bad = true
			case !p.Resolved.IsZero() && p.Paused > p.Resolved.Sub(p.Opened).Seconds():
				v.add(KindOutOfRange, SevError, row, FieldPaused, str(FieldPaused), "paused (%s s) is longer than the item was open (%s s); correct the paused seconds", exact(p.Paused), exact(p.Resolved.Sub(p.Opened).Seconds()))
				bad = true
			}
		}
		p.At = p.Opened
		if !p.Resolved.IsZero() {
			p.At = p.Resolved
		}
	}
	if _, ok := v.col[FieldPriority]; ok && v.o.Shape != domain.ShapeItem {
		p.Priority = str(FieldPriority)
	}
	p.CI = str(FieldCI)
	if bad {
		return Reject, v.out
	}
	v.checkTime(row, p)
	return Accept, v.out
}

// number reads a numeric cell. A workbook stores number cells with a decimal
// point whatever the locale, so in an XLSX a plain number such as 0.125 is read
// as written even when the mapping expects a decimal comma (which then applies
// to numbers typed as text, like "12,5").
func (v *Validator) number(raw string) (float64, bool) {
	if v.o.Serials && v.o.Mapping.DecimalComma && !strings.Contains(raw, ",") {
		if x, err := strconv.ParseFloat(trimSpace(raw), 64); err == nil && !math.IsNaN(x) && !math.IsInf(x, 0) {
			return x, true
		}
	}
	return ParseNumber(raw, v.o.Mapping.DecimalComma)
}

// unitClass groups feed units for range checks: 1 durations, 2 percent, 3 ratio.
func unitClass(unit string) int {
	switch strings.ToLower(strings.TrimSpace(unit)) {
	case "ms", "s", "sec", "seconds", "milliseconds", "min", "minutes", "h", "hours", "us", "µs":
		return 1
	case "%", "percent":
		return 2
	case "ratio", "fraction":
		return 3
	}
	return 0
}

func (v *Validator) valueInRange(x float64) bool {
	switch v.unit {
	case 1:
		return x >= 0
	case 2:
		return x >= 0 && x <= 100
	case 3:
		return x >= 0 && x <= 1
	}
	return true
}

func (v *Validator) checkValueRange(row int, x float64, bad *bool) {
	if v.valueInRange(x) {
		return
	}
	u := strings.ToLower(strings.TrimSpace(v.o.Unit))
	raw := exact(x)
	switch u {
	case "ms", "s", "sec", "seconds", "milliseconds", "min", "minutes", "h", "hours", "us", "µs":
		if x < 0 {
			v.add(KindOutOfRange, SevError, row, FieldValue, raw, "a negative duration (%s %s) is impossible; correct the value", raw, v.o.Unit)
			*bad = true
		}
	case "%", "percent":
		if x < 0 || x > 100 {
			v.add(KindOutOfRange, SevError, row, FieldValue, raw, "%s%% is outside 0–100; correct the value", raw)
			*bad = true
		}
	case "ratio", "fraction":
		if x < 0 || x > 1 {
			v.add(KindOutOfRange, SevError, row, FieldValue, raw, "a ratio of %s is outside 0–1; correct the value (percentages go in a %% feed)", raw)
			*bad = true
		}
	}
}

func (v *Validator) checkTime(row int, p *domain.Point) {
	if p.At.After(v.futureAfter) {
		v.add(KindFuture, SevWarning, row, v.timeField(), p.At.Format(time.RFC3339), "the time is %s after the import time; imported, but check the supplier's clock or the feed's time zone", p.At.Sub(v.o.Now).Round(time.Second))
		v.future++
		// The newest time matters only with future rows (Finish), and then
		// it is one of theirs: kept here, off the path of the usual row.
		if p.At.After(v.maxAt) {
			v.maxAt = p.At
		}
	}
	if v.o.Shape != domain.ShapeItem {
		if !v.prevAt.IsZero() && p.At.Before(v.prevAt) {
			v.add(KindOutOfOrder, SevWarning, row, FieldTime, p.At.Format(time.RFC3339), "earlier than row %d (%s); imported in time order, but check that the file is not mixing sources", v.prevRow, v.prevAt.Format(time.RFC3339))
		} else {
			v.prevAt, v.prevRow = p.At, row
		}
		v.trackSkew(row, p.At)
	}
}

func (v *Validator) timeField() string {
	if v.o.Shape == domain.ShapeItem {
		return FieldOpened
	}
	return FieldTime
}

// trackSkew finds runs of rows sitting at the same offset from the expected grid.
func (v *Validator) trackSkew(row int, at time.Time) {
	iv := v.o.Interval
	if iv <= 0 {
		return
	}
	wall := at.UnixNano()
	if v.o.Loc != time.UTC {
		_, off := at.In(v.o.Loc).Zone()
		wall += int64(off) * 1e9
	} else if v.step.ok && wall-v.step.wall == int64(iv) && wall > v.step.wall {
		// Exactly one interval after the last row (the usual file): the
		// same offset from the grid, so the run goes on, or there is none.
		v.step.wall = wall
		if v.run.offset != 0 {
			v.run.n++
		}
		return
	}
	v.step = lastWall{wall: wall, ok: true}
	rem := time.Duration(((wall % int64(iv)) + int64(iv)) % int64(iv))
	// Offsets past half the interval are "early" (negative).
	if rem > iv/2 {
		rem -= iv
	}
	if rem == v.run.offset && rem != 0 {
		v.run.n++
		return
	}
	v.closeRun()
	if rem != 0 {
		v.run = skewRun{offset: rem, start: row, n: 1, first: at}
	} else {
		v.run = skewRun{}
	}
}

func (v *Validator) closeRun() {
	if v.run.n >= skewMinRun {
		v.fin = append(v.fin, Finding{Kind: KindClockSkew, Severity: SevWarning, Row: v.run.start, Column: v.colName(FieldTime),
			Raw: v.run.first.Format(time.RFC3339), Rows: v.run.n, Offset: v.run.offset.String(),
			Message: fmt.Sprintf("%d rows from row %d are consistently %s off the %s grid: the supplier's clock is probably skewed; imported as written — ask the supplier to synchronise the clock (NTP)", v.run.n, v.run.start, v.run.offset, domain.Duration(v.o.Interval))})
	}
	v.run = skewRun{}
}

// Finish returns the findings about the file as a whole (clock skew runs, a
// consistent lead over the import time). Call it after the last row.
func (v *Validator) Finish() []Finding {
	v.closeRun()
	if v.future >= skewMinRun {
		lead := v.maxAt.Sub(v.o.Now)
		v.fin = append(v.fin, Finding{Kind: KindClockSkew, Severity: SevWarning, Offset: lead.Round(time.Minute).String(), Rows: v.future,
			Message: fmt.Sprintf("%d rows are in the future; the newest is %s ahead of the import time — if that is close to whole hours, the feed's time zone (%s) is probably wrong", v.future, lead.Round(time.Minute), v.o.Loc)})
	}
	return v.fin
}

// GapDetector reports missing intervals between consecutive points (in time order).
type GapDetector struct {
	Interval time.Duration
	prev     time.Time
	prevOwn  bool
}

// Next takes the next point in time order; own says it belongs to the batch
// being imported (gaps are reported only next to the batch's own rows).
func (g *GapDetector) Next(at time.Time, row int, own bool) *Finding {
	prev, prevOwn := g.prev, g.prevOwn
	g.prev, g.prevOwn = at, own
	if g.Interval <= 0 || prev.IsZero() || !(own || prevOwn) {
		return nil
	}
	d := at.Sub(prev)
	if d <= g.Interval*3/2 {
		return nil
	}
	missing := int(math.Round(float64(d)/float64(g.Interval))) - 1
	if missing < 1 {
		return nil
	}
	start, end := prev.Add(g.Interval), at
	return &Finding{Kind: KindMissingInterval, Severity: SevWarning, Row: row, Start: start, End: end, Missing: missing,
		Message: fmt.Sprintf("no data from %s to %s: %d missing %s intervals before this row; ask the supplier for the missing rows (or record the outage)", start.Format(time.RFC3339), end.Format(time.RFC3339), missing, domain.Duration(g.Interval))}
}

// Prior is a stored point with the same key as a new one.
type Prior struct {
	Point domain.Point
	Row   int
	Own   bool
}

// Relation of a new point to its priors.
const (
	RelNew       = ""
	RelDuplicate = KindDuplicate
	RelConflict  = KindConflict
	// RelUpdate is an item resolved after it was imported open: it replaces the open version.
	RelUpdate = "update"
)

// Classify relates p to the stored points with its key and returns the prior it matched.
func Classify(shape string, p *domain.Point, priors []Prior) (string, *Prior) {
	for i := range priors {
		if SameValues(p, &priors[i].Point) {
			return RelDuplicate, &priors[i]
		}
	}
	if len(priors) == 0 {
		return RelNew, nil
	}
	q := &priors[len(priors)-1]
	if shape == domain.ShapeItem && !q.Own && q.Point.Open() && !p.Open() && q.Point.Opened.Equal(p.Opened) {
		return RelUpdate, q
	}
	return RelConflict, q
}

// SameValues compares the data fields of two points (not the batch).
func SameValues(a, b *domain.Point) bool {
	return a.At.Equal(b.At) && a.Value == b.Value && a.Good == b.Good && a.Total == b.Total &&
		a.ItemID == b.ItemID && a.Opened.Equal(b.Opened) && a.Resolved.Equal(b.Resolved) &&
		a.Paused == b.Paused && a.Priority == b.Priority && a.CI == b.CI
}

// Describe renders a point's data briefly for messages.
func Describe(shape string, p *domain.Point) string {
	switch shape {
	case domain.ShapeCounts:
		return fmt.Sprintf("good %s / total %s", exact(p.Good), exact(p.Total))
	case domain.ShapeEvent:
		if p.Good > 0 {
			return "good"
		}
		return "bad"
	case domain.ShapeItem:
		r := "open"
		if !p.Resolved.IsZero() {
			r = "resolved " + p.Resolved.Format(time.RFC3339)
		}
		return fmt.Sprintf("opened %s, %s", p.Opened.Format(time.RFC3339), r)
	}
	return exact(p.Value)
}

// exact writes a value from a supplier's file back as written, in full and
// without an exponent (1000000, not 1e+06): findings quote data, they do not round it.
func exact(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
