package app

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/ingest"
	"slate/internal/storage"
)

// RowsQuery selects the rows behind one period's figure of an SLT (or one
// tier of it), a page at a time. Period is the SLT's period key (2026-10,
// 2026-W07, 2026-10-05 ...). At is the evaluation time (empty: now; pass the
// dashboard's at so the figures agree). Status keeps rows with that status
// (good, bad, excluded, out-of-scope, counted) or, with "findings", the rows
// that have findings. Sort is "" (time), "-time", "value" or "-value".
// Limit is at most 5000 (default 200).
type RowsQuery struct {
	SLT    string `json:"slt"`
	Tier   string `json:"tier"`
	Period string `json:"period"`
	At     string `json:"at"`
	Status string `json:"status"`
	Sort   string `json:"sort"`
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
}

// RowsPage is one page of the rows behind a figure, with the figure itself
// and the tally of every row of the period (not just the page), so a reader
// can check that the rows add up to the figure.
type RowsPage struct {
	SLT         string `json:"slt"`
	DisplayName string `json:"displayName"`
	Service     string `json:"service"`
	Tier        string `json:"tier"`
	Period      string `json:"period"`
	// TimeZone is the SLT's zone: its period boundaries are local midnights there.
	TimeZone  string    `json:"timeZone"`
	Start     time.Time `json:"start"`
	End       time.Time `json:"end"`
	At        time.Time `json:"at"`
	Indicator string    `json:"indicator"`
	Feed      string    `json:"feed"`
	Shape     string    `json:"shape"`
	Unit      string    `json:"unit"`
	// Figure is the report's row for this period (the tier's, or the SLT's overall row).
	Figure compliance.Row `json:"figure"`
	Tally  RowsTally      `json:"tally"`
	// Periods lists the SLT's periods with data, for moving to another one.
	Periods []string `json:"periods"`
	// All is the number of rows of the period; Total those matching Status.
	All    int        `json:"all"`
	Total  int        `json:"total"`
	Offset int        `json:"offset"`
	Rows   []DrillRow `json:"rows"`
	// Batches are the import batches of the rows on this page.
	Batches []DrillBatch `json:"batches"`
	// Components of a composite SLT, which has no rows of its own.
	Components []string `json:"components"`
	// Note explains how rows become units for this indicator, in plain words.
	Note string `json:"note"`
}

// RowsTally sums the units of every row of the period by status. For
// availability, slices without probes are tallied apart (Gap*), so
// Good + GapGood is the figure's good, and so on.
type RowsTally struct {
	Good         float64 `json:"good"`
	Bad          float64 `json:"bad"`
	Excluded     float64 `json:"excluded"`
	Counted      float64 `json:"counted"`
	OutOfScope   int     `json:"outOfScope"`
	WithFindings int     `json:"withFindings"`
	GapGood      float64 `json:"gapGood"`
	GapBad       float64 `json:"gapBad"`
	GapUnknown   float64 `json:"gapUnknown"`
	GapExcluded  float64 `json:"gapExcluded"`
}

// DrillRow is one stored point (a file row) and how it counts in the period.
type DrillRow struct {
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
	// Status: good, bad, excluded, out-of-scope (outside the calendar) or counted (statistics).
	Status string `json:"status"`
	// Units this row adds to the figure (availability: a slice counts once, on its first probe).
	GoodUnits     float64 `json:"goodUnits"`
	BadUnits      float64 `json:"badUnits"`
	ExcludedUnits float64 `json:"excludedUnits"`
	Why           string  `json:"why,omitempty"`
	Batch         uint64  `json:"batch"`
	File          string  `json:"file"`
	// Row is the row number in the batch's file (as findings name it).
	Row      uint32           `json:"row"`
	Findings []ingest.Finding `json:"findings"`
}

// DrillBatch is the import a row came from.
type DrillBatch struct {
	ID        uint64    `json:"id"`
	File      string    `json:"file"`
	Status    string    `json:"status"`
	Published time.Time `json:"published"`
	SHA256    string    `json:"sha256"`
}

// drill is every row of one period, computed once and paged from the cache.
type drill struct {
	page     RowsPage // without Rows and Batches
	rows     []DrillRow
	batches  map[uint64]DrillBatch
	findings map[uint64]map[uint32][]ingest.Finding
}

type drillCache struct {
	mu      sync.Mutex
	entries []drillEntry // most recent last
}

type drillEntry struct {
	key string
	d   *drill
}

const drillCacheSize = 4

// Rows lists the rows behind one period's figure of an SLT, a page at a time.
func (c *Compliance) Rows(q RowsQuery) (RowsPage, error) {
	if strings.TrimSpace(q.SLT) == "" {
		return RowsPage{}, errors.New("name an SLT")
	}
	if strings.TrimSpace(q.Period) == "" {
		return RowsPage{}, errors.New("name a period (e.g. 2026-10)")
	}
	if q.Limit <= 0 {
		q.Limit = 200
	}
	q.Limit = min(q.Limit, 5000)
	q.Offset = max(q.Offset, 0)
	switch q.Status {
	case "", "good", "bad", "excluded", "out-of-scope", "counted", "findings":
	default:
		return RowsPage{}, fmt.Errorf("status %q: write good, bad, excluded, out-of-scope, counted or findings", q.Status)
	}
	switch q.Sort {
	case "", "time", "-time", "value", "-value":
	default:
		return RowsPage{}, fmt.Errorf("sort %q: write time, -time, value or -value", q.Sort)
	}
	at, err := c.at(q.At)
	if err != nil {
		return RowsPage{}, err
	}
	ver, err := c.dbVersion()
	if err != nil {
		return RowsPage{}, err
	}
	key := fmt.Sprint(ver, "|", q.SLT, "|", q.Tier, "|", q.Period, "|", at.UnixNano())
	dc := c.drill
	var d *drill
	dc.mu.Lock()
	for _, e := range dc.entries {
		if e.key == key {
			d = e.d
		}
	}
	dc.mu.Unlock()
	if d == nil {
		if d, err = c.buildDrill(q, at); err != nil {
			return RowsPage{}, err
		}
		dc.mu.Lock()
		dc.entries = append(dc.entries, drillEntry{key, d})
		if len(dc.entries) > drillCacheSize {
			dc.entries = dc.entries[1:]
		}
		dc.mu.Unlock()
	}
	return d.pageOf(q), nil
}

func (d *drill) pageOf(q RowsQuery) RowsPage {
	p := d.page
	idx := make([]int, 0, len(d.rows))
	for i := range d.rows {
		r := &d.rows[i]
		switch {
		case q.Status == "":
		case q.Status == "findings":
			if len(d.findings[r.Batch][r.Row]) == 0 {
				continue
			}
		case r.Status != q.Status:
			continue
		}
		idx = append(idx, i)
	}
	if q.Sort == "-time" {
		slices.Reverse(idx)
	} else if q.Sort == "value" || q.Sort == "-value" {
		sign := 1
		if q.Sort == "-value" {
			sign = -1
		}
		slices.SortStableFunc(idx, func(a, b int) int { return sign * cmp.Compare(sortValue(&d.rows[a]), sortValue(&d.rows[b])) })
	}
	p.Total, p.Offset = len(idx), q.Offset
	p.Rows, p.Batches = []DrillRow{}, []DrillBatch{}
	seen := map[uint64]bool{}
	for _, i := range idx[min(q.Offset, len(idx)):min(q.Offset+q.Limit, len(idx))] {
		r := d.rows[i]
		r.Findings = d.findings[r.Batch][r.Row]
		if r.Findings == nil {
			r.Findings = []ingest.Finding{}
		}
		if b, ok := d.batches[r.Batch]; ok {
			r.File = b.File
			if !seen[r.Batch] {
				seen[r.Batch] = true
				p.Batches = append(p.Batches, b)
			}
		}
		p.Rows = append(p.Rows, r)
	}
	return p
}

// sortValue is what "value" sorts by: the value, the good share, or the elapsed time.
func sortValue(r *DrillRow) float64 {
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

func (c *Compliance) buildDrill(q RowsQuery, at time.Time) (*drill, error) {
	in, err := c.input(at)
	if err != nil {
		return nil, err
	}
	ws := in.Workspace
	s := ws.SLT(q.SLT)
	if s == nil {
		return nil, fmt.Errorf("SLT %q does not exist", q.SLT)
	}
	sp := &s.Spec
	d := &drill{batches: map[uint64]DrillBatch{}, findings: map[uint64]map[uint32][]ingest.Finding{}}
	p := &d.page
	*p = RowsPage{SLT: s.Name(), DisplayName: displayName(s.Metadata), Service: sp.Service, Tier: q.Tier, Period: q.Period,
		At: at, Feed: sp.Feed, Periods: []string{}, Components: []string{}, Rows: []DrillRow{}, Batches: []DrillBatch{}}
	if f := ws.Feed(sp.Feed); f != nil {
		p.Shape, p.Unit = f.Spec.Shape, f.Spec.Unit
	}
	p.TimeZone = sp.TimeZone
	if p.TimeZone == "" {
		p.TimeZone = "UTC"
	}
	rows, err := compliance.NewEvaluator(in).SLT(s.Name(), nil)
	if err != nil {
		return nil, err
	}
	series := rows.Overall
	var specs []compliance.EvalSpec
	if sp.Composite == nil {
		specs = rows.Plan.Specs
	}
	if q.Tier != "" {
		found := false
		for i, e := range rows.Plan.Specs {
			if e.Tier == q.Tier && i < len(rows.Tiers) {
				found, series, specs = true, rows.Tiers[i], []compliance.EvalSpec{e}
			}
		}
		if !found {
			return nil, fmt.Errorf("SLT %s has no tier %q (tiers: %s)", s.Name(), q.Tier, tierNames(sp.Tiers))
		}
	}
	var fig *compliance.Row
	for i := range series {
		p.Periods = append(p.Periods, series[i].Period)
		if series[i].Period == q.Period {
			fig = &series[i]
		}
	}
	if fig == nil {
		have := "none"
		if n := len(p.Periods); n > 0 {
			have = p.Periods[0] + " to " + p.Periods[n-1]
		}
		return nil, fmt.Errorf("SLT %s has no data for period %q (periods with data: %s)", s.Name(), q.Period, have)
	}
	p.Figure, p.Start, p.End, p.Indicator = *fig, fig.Start, fig.End, fig.Kind
	if sp.Composite != nil {
		p.Indicator = "composite"
		for _, comp := range sp.Composite.Components {
			p.Components = append(p.Components, comp.SLT)
		}
		p.Note = "A composite has no rows of its own: its attainment is the weighted mean of its components' attainments. Open a component to see its rows."
		return d, nil
	}
	kind := sp.Indicator.Kind
	p.Note = notes[kind]
	err = c.store.View(func(tx *storage.Tx) error {
		from, to := fig.Start, minT(fig.End, at)
		if kind == domain.IndicatorDuration {
			from, to = time.Time{}, time.Time{}
		}
		var av *availDrill
		if kind == domain.IndicatorAvailability {
			av = newAvailDrill(specs, fig.Start, minT(fig.End, at))
		}
		if err := tx.ScanPointRows(sp.Feed, from, to, func(pt *domain.Point, row uint32) error {
			var r DrillRow
			var ok bool
			switch kind {
			case domain.IndicatorAvailability:
				r, ok = av.add(pt)
			case domain.IndicatorDuration:
				r, ok = durationRow(specs, pt, fig.Start, fig.End, at)
			default:
				r, ok = pointRow(specs, kind, pt)
			}
			if !ok {
				return nil
			}
			r.At, r.Batch, r.Row = pt.At, pt.Batch, row
			fillPoint(&r, pt, p.Shape)
			d.rows = append(d.rows, r)
			return nil
		}); err != nil {
			return err
		}
		if av != nil {
			av.finish(d.rows, &p.Tally)
		}
		if kind == domain.IndicatorDuration {
			// items come in resolution order; show them in the order they count
			slices.SortStableFunc(d.rows, func(a, b DrillRow) int { return a.At.Compare(b.At) })
		}
		return c.loadBatches(tx, d)
	})
	if err != nil {
		return nil, err
	}
	p.All = len(d.rows)
	for i := range d.rows {
		r := &d.rows[i]
		r.N = i + 1
		p.Tally.Good += r.GoodUnits
		p.Tally.Bad += r.BadUnits
		p.Tally.Excluded += r.ExcludedUnits
		switch r.Status {
		case "out-of-scope":
			p.Tally.OutOfScope++
		case "counted":
			p.Tally.Counted++
		}
		if len(d.findings[r.Batch][r.Row]) > 0 {
			p.Tally.WithFindings++
		}
	}
	return d, nil
}

var notes = map[string]string{
	domain.IndicatorRatio:        "Each row adds its good events and its bad events (total − good).",
	domain.IndicatorThreshold:    "Each row is one unit: good when its value meets the threshold.",
	domain.IndicatorStatistic:    "Each value in scope and not excluded is counted into the statistic.",
	domain.IndicatorAvailability: "Units are time slices: a slice is good when its probes are good; it counts once, on its first probe. Slices without probes are tallied apart.",
	domain.IndicatorDuration:     "Each item counts once: in the period it was resolved, or as bad in the first period that ended with its goal already passed.",
}

func minT(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func f64(v float64) *float64 { return &v }

func fillPoint(r *DrillRow, pt *domain.Point, shape string) {
	switch shape {
	case domain.ShapeValue:
		r.Value = f64(pt.Value)
	case domain.ShapeCounts, domain.ShapeEvent:
		r.Good, r.Total = f64(pt.Good), f64(pt.Total)
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
			r.Value = f64(pt.Value)
		}
	}
	r.Priority, r.CI = pt.Priority, pt.CI
}

// pointRow classifies a ratio, threshold or statistic row as the engine counts it.
func pointRow(specs []compliance.EvalSpec, kind string, pt *domain.Point) (DrillRow, bool) {
	r := DrillRow{Status: "out-of-scope", Why: "outside the calendar's hours"}
	first := true
	for _, e := range specs {
		if !e.Calendar.Contains(pt.At) {
			continue
		}
		if first {
			r.Tier, r.Why = e.Tier, ""
		}
		var good, bad float64
		switch kind {
		case domain.IndicatorThreshold:
			if e.Indicator.Threshold != nil && domain.Compare(pt.Value, e.Indicator.Op, *e.Indicator.Threshold) {
				good = 1
			} else {
				bad = 1
				if first && e.Indicator.Threshold != nil {
					r.Why = fmt.Sprintf("not %s %s", e.Indicator.Op, trimFloat(*e.Indicator.Threshold))
				}
			}
		case domain.IndicatorStatistic:
			if e.Exclusions.Contains(pt.At) {
				r.ExcludedUnits++
				if first {
					r.Status, r.Why = "excluded", "inside an exclusion window"
				}
			} else if first {
				r.Status = "counted"
			}
			first = false
			continue
		default: // ratio
			total := pt.Total
			if total == 0 && pt.Good > 0 {
				total = pt.Good
			}
			good = min(max(pt.Good, 0), total)
			bad = total - good
		}
		if e.Exclusions.Contains(pt.At) {
			r.ExcludedUnits += good + bad
			if first {
				r.Status, r.Why = "excluded", "inside an exclusion window"
			}
		} else {
			r.GoodUnits += good
			r.BadUnits += bad
			if first {
				r.Status = "good"
				if bad > 0 {
					r.Status = "bad"
				}
			}
		}
		first = false
	}
	return r, true
}

// durationRow places an item as the engine does (docs/metrics.md, duration):
// it belongs to the period [start, end) when it is counted there.
func durationRow(specs []compliance.EvalSpec, pt *domain.Point, start, end, at time.Time) (DrillRow, bool) {
	if pt.Opened.IsZero() || !pt.Opened.Before(at) {
		return DrillRow{}, false
	}
	for _, e := range specs {
		if e.Owns != nil && !e.Owns(pt.Opened) {
			continue
		}
		goal := e.Indicator.Goal.D()
		periodEnd := func(t time.Time) time.Time {
			if e.Period.Kind == compliance.Rolling {
				return compliance.PeriodSpec{Kind: compliance.Day}.Of(t, e.Loc).End
			}
			return e.Period.Of(t, e.Loc).End
		}
		open := pt.Resolved.IsZero() || !pt.Resolved.Before(at)
		var when time.Time
		var good bool
		var el time.Duration
		placed := false
		for pe := periodEnd(pt.Opened); ; pe = periodEnd(pe) {
			if open && pe.After(at) || !open && !pe.Before(pt.Resolved) {
				break
			}
			if x := compliance.Elapsed(e.Calendar, e.Exclusions, pt.Opened, pe, pt.Paused); x > goal {
				when, good, el, placed = pe.Add(-time.Nanosecond), false, x, true
				break
			}
		}
		if !placed {
			if open {
				continue
			}
			el = compliance.Elapsed(e.Calendar, e.Exclusions, pt.Opened, pt.Resolved, pt.Paused)
			when, good, placed = pt.Resolved, el <= goal, true
		}
		if when.Before(start) || !when.Before(end) {
			continue
		}
		r := DrillRow{Tier: e.Tier, Elapsed: f64(el.Seconds())}
		if good {
			r.Status, r.GoodUnits = "good", 1
		} else {
			r.Status, r.BadUnits = "bad", 1
			r.Why = "over the goal of " + e.Indicator.Goal.Words()
			if open || when.Before(pt.Resolved) {
				r.Why += " while still open at the end of " + when.In(e.Loc).Format(time.DateOnly)
			}
		}
		return r, true
	}
	return DrillRow{}, false
}

// availDrill classifies probes by their slice, as the engine settles slices.
type availDrill struct {
	specs      []compliance.EvalSpec
	start, end time.Time
	slice      int64
	seen       map[int64]bool
}

func newAvailDrill(specs []compliance.EvalSpec, start, end time.Time) *availDrill {
	sl := int64(60)
	if len(specs) > 0 && specs[0].Indicator.Slice.D() > 0 {
		sl = int64(specs[0].Indicator.Slice.D() / time.Second)
	}
	return &availDrill{specs: specs, start: start, end: end, slice: sl, seen: map[int64]bool{}}
}

func (a *availDrill) probeGood(e *compliance.EvalSpec, pt *domain.Point) bool {
	in := &e.Indicator
	if in.Threshold != nil && in.Op != "" {
		return domain.Compare(pt.Value, in.Op, *in.Threshold)
	}
	if pt.Total > 0 {
		return pt.Good >= pt.Total
	}
	return pt.Good > 0
}

// add records a probe; the slice's status is known once the slice ends (finish).
func (a *availDrill) add(pt *domain.Point) (DrillRow, bool) {
	s := floorDiv(pt.At.Unix(), a.slice)
	st := time.Unix(s*a.slice, 0).UTC()
	if st.Before(a.start) || !st.Before(a.end) {
		return DrillRow{}, false
	}
	a.seen[s] = true
	// slice status is filled in by finish; remember the probe's own result
	good := len(a.specs) > 0 && a.probeGood(&a.specs[0], pt)
	r := DrillRow{Slice: &st}
	if good {
		r.Status = "good"
	} else {
		r.Status = "bad"
	}
	return r, true
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// finish settles every slice of the period: slices with probes on their rows
// (the first probe carries the unit), slices without probes in the tally.
func (a *availDrill) finish(rows []DrillRow, t *RowsTally) {
	// group rows by slice (rows are in time order)
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].Slice.Equal(*rows[i].Slice) {
			j++
		}
		st := *rows[i].Slice
		status, why := "out-of-scope", "outside the calendar's hours"
		tier := ""
		var gu, bu, xu float64
		first := true
		for k := range a.specs {
			e := &a.specs[k]
			if !e.Calendar.Contains(st) {
				continue
			}
			n, g := 0, 0
			for _, r := range rows[i:j] {
				n++
				if r.Status == "good" { // the probe's own result (probes are judged alike in every tier)
					g++
				}
			}
			good := g == n
			if e.Indicator.SliceTarget != nil {
				good = float64(g) >= *e.Indicator.SliceTarget*float64(n)
			}
			var s, w string
			switch {
			case e.Exclusions.Contains(st):
				xu++
				s, w = "excluded", "inside an exclusion window"
			case good:
				gu++
				s, w = "good", ""
			default:
				bu++
				s, w = "bad", fmt.Sprintf("%d of %d probes in the slice were down", n-g, n)
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
	for s := ceilDivI(a.start.Unix(), a.slice); s*a.slice < a.end.Unix(); s++ {
		if a.seen[s] {
			continue
		}
		st := time.Unix(s*a.slice, 0).UTC()
		for k := range a.specs {
			e := &a.specs[k]
			if !e.Calendar.Contains(st) {
				continue
			}
			switch {
			case e.Exclusions.Contains(st):
				t.GapExcluded++
			case e.Indicator.Missing == "good":
				t.GapGood++
			case e.Indicator.Missing == "bad":
				t.GapBad++
			default:
				t.GapUnknown++
			}
		}
	}
}

func ceilDivI(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a > 0 {
		q++
	}
	return q
}

// loadBatches reads the batches of the rows and their findings (by row).
func (c *Compliance) loadBatches(tx *storage.Tx, d *drill) error {
	ids := map[uint64]bool{}
	for i := range d.rows {
		ids[d.rows[i].Batch] = true
	}
	for id := range ids {
		b, err := tx.Batch(id)
		if err != nil {
			continue // a point without a batch record (written before batches existed)
		}
		d.batches[id] = DrillBatch{ID: id, File: b.File, Status: b.Status.String(), Published: b.Published, SHA256: b.SHA256}
		byRow := map[uint32][]ingest.Finding{}
		if err := tx.BatchFindings(id, func(v []byte) error {
			var f ingest.Finding
			if err := json.Unmarshal(v, &f); err != nil {
				return err
			}
			if f.Row > 0 {
				byRow[uint32(f.Row)] = append(byRow[uint32(f.Row)], f)
			}
			return nil
		}); err != nil {
			return fmt.Errorf("batch %d findings: %w", id, err)
		}
		d.findings[id] = byRow
	}
	return nil
}
