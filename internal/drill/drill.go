// Package drill lists the rows behind one period's figure of an SLT (or of
// one tier) and how each counts: good, bad, excluded, out of scope or
// counted, with the units it adds. It classifies with the evaluator's own
// per-point rules (compliance.EvalSpec's RowUnits, ProbeUp, SliceVerdict,
// PlaceItem), so the rows add up to the figure.
package drill

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/ingest"
	"slate/internal/plain"
)

// Statuses of a row.
const (
	Good       = "good"
	Bad        = "bad"
	Excluded   = "excluded"
	OutOfScope = "out-of-scope" // outside the calendar's hours
	Counted    = "counted"      // a statistic's value
)

// Row is one stored point (a file row) and how it counts in the period.
type Row struct {
	// N is the row's position in the period, in time order, from 1.
	N        int        `json:"n"`
	At       time.Time  `json:"at"`
	Value    *float64   `json:"value,omitempty"`
	Good     *float64   `json:"good,omitempty"`
	Total    *float64   `json:"total,omitempty"`
	Item     string     `json:"item,omitempty"`
	Opened   *time.Time `json:"opened,omitempty"`
	Resolved *time.Time `json:"resolved,omitempty"`
	// Elapsed is a duration item's counted business time, in seconds.
	Elapsed  *float64 `json:"elapsed,omitempty"`
	Priority string   `json:"priority,omitempty"`
	CI       string   `json:"ci,omitempty"`
	// Slice is the availability slice the probe falls in.
	Slice *time.Time `json:"slice,omitempty"`
	Tier  string     `json:"tier,omitempty"`
	// Status: good, bad, excluded, out-of-scope or counted.
	Status string `json:"status"`
	// Units this row adds to the figure (availability: a slice counts once, on its first probe).
	GoodUnits     float64 `json:"good_units"`
	BadUnits      float64 `json:"bad_units"`
	ExcludedUnits float64 `json:"excluded_units"`
	Why           string  `json:"why,omitempty"`
	Batch         uint64  `json:"batch"`
	File          string  `json:"file"`
	// Row is the row number in the batch's file (as findings name it).
	Row      uint32           `json:"row"`
	Findings []ingest.Finding `json:"findings"`
}

// Tally sums the units of every row of the period by status. For
// availability, slices without probes are tallied apart (Gap*), so
// Good + GapGood is the figure's good, and so on.
type Tally struct {
	Good         float64 `json:"good"`
	Bad          float64 `json:"bad"`
	Excluded     float64 `json:"excluded"`
	Counted      float64 `json:"counted"`
	OutOfScope   int     `json:"out_of_scope"`
	WithFindings int     `json:"with_findings"`
	GapGood      float64 `json:"gap_good"`
	GapBad       float64 `json:"gap_bad"`
	GapUnknown   float64 `json:"gap_unknown"`
	GapExcluded  float64 `json:"gap_excluded"`
}

// Note explains how rows become units for an indicator kind, in plain words.
func Note(kind string) string { return notes[kind] }

var notes = map[string]string{
	domain.IndicatorRatio:        "Each row adds its good events and its bad events (total − good).",
	domain.IndicatorThreshold:    "Each row is one unit: good when its value meets the threshold.",
	domain.IndicatorStatistic:    "Each value in scope and not excluded is counted into the statistic.",
	domain.IndicatorAvailability: "Units are time slices: a slice is good when its probes are good; it counts once, on its first probe. Slices without probes are tallied apart.",
	domain.IndicatorDuration:     "Each item counts once: in the period it was resolved, or as bad in the first period that ended with its goal already passed.",
}

// Classifier turns the points of one period into its rows: one tier's spec
// (a tier's drill-down) or every tier's (the SLT's overall figure; a row
// shows the first tier whose calendar holds it, and adds its units in each).
type Classifier struct {
	specs      []compliance.EvalSpec
	kind       string
	shape      string
	start, end time.Time // the period
	at         time.Time // the evaluation time
	rows       []Row
	tally      Tally
	// availability: slice length, the slices met
	slice int64
	seen  map[int64]bool
}

// New classifies the points of the period [start, end) of an indicator of
// kind, read from a feed of shape, as evaluated at at.
func New(specs []compliance.EvalSpec, kind, shape string, start, end, at time.Time) *Classifier {
	c := &Classifier{specs: specs, kind: kind, shape: shape, start: start, end: end, at: at, slice: 60, seen: map[int64]bool{}}
	if len(specs) > 0 {
		c.slice = specs[0].SliceSeconds()
	}
	return c
}

// Window is the time range of the points the period reads (from the start
// of time for items, which count where they are resolved).
func (c *Classifier) Window() (from, to time.Time) {
	if c.kind == domain.IndicatorDuration {
		return time.Time{}, time.Time{}
	}
	return c.start, minTime(c.end, c.at)
}

// Add classifies one point (row: its row in its batch's file). Points come
// in time order, as the store gives them.
func (c *Classifier) Add(pt *domain.Point, row uint32) {
	var r Row
	var ok bool
	switch c.kind {
	case domain.IndicatorAvailability:
		r, ok = c.probe(pt)
	case domain.IndicatorDuration:
		r, ok = c.item(pt)
	default:
		r, ok = c.point(pt)
	}
	if !ok {
		return
	}
	r.At, r.Batch, r.Row = pt.At, pt.Batch, row
	fill(&r, pt, c.shape)
	c.rows = append(c.rows, r)
}

// Batches are the import batches of the rows added so far.
func (c *Classifier) Batches() []uint64 {
	seen := map[uint64]bool{}
	var ids []uint64
	for i := range c.rows {
		if id := c.rows[i].Batch; !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids
}

// Finish settles what only the whole period tells (availability slices,
// items in the order they count) and returns the rows, numbered, and their
// tally; withFindings says whether a row has import findings.
func (c *Classifier) Finish(withFindings func(*Row) bool) ([]Row, Tally) {
	switch c.kind {
	case domain.IndicatorAvailability:
		c.settle()
	case domain.IndicatorDuration:
		// items come in resolution order; show them in the order they count
		slices.SortStableFunc(c.rows, func(a, b Row) int { return a.At.Compare(b.At) })
	}
	t := &c.tally
	for i := range c.rows {
		r := &c.rows[i]
		r.N = i + 1
		t.Good += r.GoodUnits
		t.Bad += r.BadUnits
		t.Excluded += r.ExcludedUnits
		switch r.Status {
		case OutOfScope:
			t.OutOfScope++
		case Counted:
			t.Counted++
		}
		if withFindings != nil && withFindings(r) {
			t.WithFindings++
		}
	}
	return c.rows, c.tally
}

// point classifies a ratio, threshold or statistic row as the evaluator counts it.
func (c *Classifier) point(pt *domain.Point) (Row, bool) {
	r := Row{Status: OutOfScope, Why: "outside the calendar's hours"}
	first := true
	for i := range c.specs {
		e := &c.specs[i]
		if !e.Calendar.Contains(pt.At) {
			continue
		}
		if first {
			r.Tier, r.Why = e.Tier, ""
		}
		excluded := e.Exclusions.Contains(pt.At)
		if c.kind == domain.IndicatorStatistic {
			if excluded {
				r.ExcludedUnits++
				if first {
					r.Status, r.Why = Excluded, "inside an exclusion window"
				}
			} else if first {
				r.Status = Counted
			}
			first = false
			continue
		}
		good, bad := e.RowUnits(pt)
		if first && bad > 0 && c.kind == domain.IndicatorThreshold && e.Indicator.Threshold != nil {
			r.Why = fmt.Sprintf("not %s %s", e.Indicator.Op, plain.Target(*e.Indicator.Threshold, false, ""))
		}
		if excluded {
			r.ExcludedUnits += good + bad
			if first {
				r.Status, r.Why = Excluded, "inside an exclusion window"
			}
		} else {
			r.GoodUnits += good
			r.BadUnits += bad
			if first {
				r.Status = Good
				if bad > 0 {
					r.Status = Bad
				}
			}
		}
		first = false
	}
	return r, true
}

// item places a duration item as the evaluator does: it belongs to the
// period when it is counted there.
func (c *Classifier) item(pt *domain.Point) (Row, bool) {
	if pt.Opened.IsZero() || !pt.Opened.Before(c.at) {
		return Row{}, false
	}
	for i := range c.specs {
		e := &c.specs[i]
		if e.Owns != nil && !e.Owns(pt.Opened) {
			continue
		}
		open := e.ItemOpen(pt)
		when, good, el, placed := e.PlaceItem(pt, open, e.Exclusions)
		if !placed {
			continue
		}
		if when.Before(c.start) || !when.Before(c.end) {
			continue
		}
		secs := el.Seconds()
		r := Row{Tier: e.Tier, Elapsed: &secs}
		if good {
			r.Status, r.GoodUnits = Good, 1
		} else {
			r.Status, r.BadUnits = Bad, 1
			r.Why = "over the goal of " + e.Indicator.Goal.Words()
			if open || when.Before(pt.Resolved) {
				r.Why += " while still open at the end of " + when.In(e.Loc).Format(time.DateOnly)
			}
		}
		return r, true
	}
	return Row{}, false
}

// probe records an availability probe with its own result; its slice's
// status is known once the period is read (settle).
func (c *Classifier) probe(pt *domain.Point) (Row, bool) {
	s := floorDiv(pt.At.Unix(), c.slice)
	st := time.Unix(s*c.slice, 0).UTC()
	if st.Before(c.start) || !st.Before(c.end) {
		return Row{}, false
	}
	c.seen[s] = true
	r := Row{Slice: &st, Status: Bad}
	// probes are judged alike in every tier (one indicator)
	if len(c.specs) > 0 && c.specs[0].ProbeUp(pt) {
		r.Status = Good
	}
	return r, true
}

// settle judges every slice of the period: slices with probes on their rows
// (the first probe carries the unit), slices without probes in the tally.
func (c *Classifier) settle() {
	rows := c.rows // in time order
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].Slice.Equal(*rows[i].Slice) {
			j++
		}
		st := *rows[i].Slice
		up := 0
		for _, r := range rows[i:j] {
			if r.Status == Good {
				up++
			}
		}
		status, why, tier := OutOfScope, "outside the calendar's hours", ""
		var gu, bu, xu float64
		first := true
		for k := range c.specs {
			e := &c.specs[k]
			if !e.Calendar.Contains(st) {
				continue
			}
			_, good := e.SliceVerdict(j-i, up)
			var s, w string
			switch {
			case e.Exclusions.Contains(st):
				xu++
				s, w = Excluded, "inside an exclusion window"
			case good:
				gu++
				s, w = Good, ""
			default:
				bu++
				s, w = Bad, fmt.Sprintf("%d of %d probes in the slice were down", j-i-up, j-i)
			}
			if first {
				status, why, tier = s, w, e.Tier
				first = false
			}
		}
		for k := i; k < j; k++ {
			rows[k].Status, rows[k].Why, rows[k].Tier = status, why, tier
		}
		rows[i].GoodUnits, rows[i].BadUnits, rows[i].ExcludedUnits = gu, bu, xu
		i = j
	}
	// slices without probes
	end := minTime(c.end, c.at)
	for s := ceilDiv(c.start.Unix(), c.slice); s*c.slice < end.Unix(); s++ {
		if c.seen[s] {
			continue
		}
		st := time.Unix(s*c.slice, 0).UTC()
		for k := range c.specs {
			e := &c.specs[k]
			if !e.Calendar.Contains(st) {
				continue
			}
			known, good := e.SliceVerdict(0, 0)
			switch {
			case e.Exclusions.Contains(st):
				c.tally.GapExcluded++
			case !known:
				c.tally.GapUnknown++
			case good:
				c.tally.GapGood++
			default:
				c.tally.GapBad++
			}
		}
	}
}

func fill(r *Row, pt *domain.Point, shape string) {
	f := func(v float64) *float64 { return &v }
	switch shape {
	case domain.ShapeValue:
		r.Value = f(pt.Value)
	case domain.ShapeCounts, domain.ShapeEvent:
		r.Good, r.Total = f(pt.Good), f(pt.Total)
	case domain.ShapeItem:
		r.Item = pt.ItemID
		if !pt.Opened.IsZero() {
			t := pt.Opened
			r.Opened = &t
		}
		if !pt.Resolved.IsZero() {
			t := pt.Resolved
			r.Resolved = &t
		}
	default:
		if pt.Value != 0 {
			r.Value = f(pt.Value)
		}
	}
	r.Priority, r.CI = pt.Priority, pt.CI
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

func ceilDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a > 0 {
		q++
	}
	return q
}

// Select is the rows of a page's query in order: all (status ""), those of
// a status, or those with import findings ("findings"); by time (sort "" or
// "time"), newest first ("-time"), or by value ("value", "-value": the
// value, the good share, or the elapsed time).
func Select(rows []Row, status, sort string, hasFindings func(*Row) bool) []int {
	idx := make([]int, 0, len(rows))
	for i := range rows {
		r := &rows[i]
		switch {
		case status == "":
		case status == "findings":
			if !hasFindings(r) {
				continue
			}
		case r.Status != status:
			continue
		}
		idx = append(idx, i)
	}
	switch sort {
	case "-time":
		slices.Reverse(idx)
	case "value", "-value":
		sign := 1
		if sort == "-value" {
			sign = -1
		}
		slices.SortStableFunc(idx, func(a, b int) int { return sign * cmp.Compare(sortValue(&rows[a]), sortValue(&rows[b])) })
	}
	return idx
}

// sortValue is what "value" sorts by: the value, the good share, or the elapsed time.
func sortValue(r *Row) float64 {
	switch {
	case r.Elapsed != nil:
		return *r.Elapsed
	case r.Total != nil && *r.Total > 0 && r.Good != nil:
		return *r.Good / *r.Total
	case r.Good != nil:
		return *r.Good
	case r.Value != nil:
		return *r.Value
	}
	return 0
}

// Figure is the figure a drill-down opens: the row of period key among the
// evaluated rows of SLT s (of its tier, else its overall rows), the specs
// whose rules classify its points (none for a composite), and the periods
// with data to move to.
type Figure struct {
	Row     compliance.Row
	Specs   []compliance.EvalSpec
	Periods []string
}

// FigureOf finds the figure of period key in rows.
func FigureOf(s *domain.SLT, rows compliance.SLTRows, tier, key string) (Figure, error) {
	f := Figure{Periods: []string{}}
	series := rows.Overall
	if s.Spec.Composite == nil {
		f.Specs = rows.Plan.Specs
	}
	if tier != "" {
		found := false
		for i, e := range rows.Plan.Specs {
			if e.Tier == tier && i < len(rows.Tiers) {
				found, series, f.Specs = true, rows.Tiers[i], []compliance.EvalSpec{e}
			}
		}
		if !found {
			names := []string{}
			for _, t := range s.Spec.Tiers {
				names = append(names, t.Name)
			}
			have := "none"
			if len(names) > 0 {
				have = strings.Join(names, ", ")
			}
			return f, fmt.Errorf("SLT %s has no tier %q (tiers: %s)", s.Name(), tier, have)
		}
	}
	found := false
	for i := range series {
		f.Periods = append(f.Periods, series[i].Period)
		if series[i].Period == key {
			f.Row, found = series[i], true
		}
	}
	if !found {
		have := "none"
		if n := len(f.Periods); n > 0 {
			have = f.Periods[0] + " to " + f.Periods[n-1]
		}
		return f, fmt.Errorf("SLT %s has no data for period %q (periods with data: %s)", s.Name(), key, have)
	}
	return f, nil
}

// Query asks for a page of the rows behind one period's figure of an SLT
// (or one tier of it).
type Query struct {
	SLT, Tier, Period, Status, Sort string
	Offset, Limit                   int
}

// Check refuses a query that names no SLT or period, or an unknown status
// or sort, and bounds the page: Limit at most 5000 (default 200), Offset
// from 0.
func (q *Query) Check() error {
	if strings.TrimSpace(q.SLT) == "" {
		return errors.New("name an SLT")
	}
	if strings.TrimSpace(q.Period) == "" {
		return errors.New("name a period (e.g. 2026-10)")
	}
	if q.Limit <= 0 {
		q.Limit = 200
	}
	q.Limit, q.Offset = min(q.Limit, 5000), max(q.Offset, 0)
	switch q.Status {
	case "", Good, Bad, Excluded, OutOfScope, Counted, "findings":
	default:
		return domain.FieldErrorf("status", "status %q: write good, bad, excluded, out-of-scope, counted or findings", q.Status)
	}
	switch q.Sort {
	case "", "time", "-time", "value", "-value":
	default:
		return domain.FieldErrorf("sort", "sort %q: write time, -time, value or -value", q.Sort)
	}
	return nil
}
