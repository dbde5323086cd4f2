package compliance

import (
	"iter"
	"maps"
	"slices"
	"time"

	"slate/internal/domain"
)

// Objective is what an attainment is compared with.
type Objective struct {
	Op     string
	Target float64
}

// Window is a trailing window ending at the evaluation time (burn-rate alerts).
type Window struct {
	Name string
	Dur  time.Duration
}

// EvalSpec is one SLT (or one tier of it) ready to evaluate.
type EvalSpec struct {
	SLT       string
	Tier      string
	Indicator domain.Indicator
	Period    PeriodSpec
	Loc       *time.Location // the SLT's zone: period boundaries
	Objective Objective
	// Calendar scopes units to business time (nil = 24x7).
	Calendar *Calendar
	// Exclusions are maintenance windows and approved exceptions.
	Exclusions IntervalSet
	// At is the evaluation time: nothing at or after it exists yet.
	At time.Time
	// Owns, for a tier of a duration SLT, says whether an item opened at t belongs
	// to this tier (nil: every item).
	Owns func(opened time.Time) bool
	// Windows, when set, are also counted (for burn rates).
	Windows []Window
	// Unit is a statistic's unit (see Unit).
	Unit string
	// From, when set, is where reading began although the data began
	// earlier: availability slices from it on count as gaps until the first
	// point, as they would if the earlier data had been read too.
	From time.Time
}

// Counts are the units of one day, period or window.
type Counts struct {
	Good     float64 `json:"-"`
	Bad      float64 `json:"-"`
	Unknown  float64 `json:"-"`
	Excluded float64 `json:"-"`
	RawGood  float64 `json:"-"`
	RawBad   float64 `json:"-"`
	// BadSeconds is the bad time of availability slices.
	BadSeconds float64 `json:"-"`
	// Points is the number of feed points read (in scope or not).
	Points int `json:"-"`
}

func (c *Counts) add(o *Counts) {
	c.Good += o.Good
	c.Bad += o.Bad
	c.Unknown += o.Unknown
	c.Excluded += o.Excluded
	c.RawGood += o.RawGood
	c.RawBad += o.RawBad
	c.BadSeconds += o.BadSeconds
	c.Points += o.Points
}

// Eligible is good + bad.
func (c Counts) Eligible() float64 { return c.Good + c.Bad }

// Result is one period of one SLT tier.
type Result struct {
	Period   Period
	Complete bool // the period ended at or before the evaluation time
	Counts
	// Statistic SLTs: the number of values, the statistic, and the raw statistic.
	Statistic bool
	Values    float64
	Value     *float64
	RawValue  *float64
}

// WindowCounts are the units of one trailing window.
type WindowCounts struct {
	Window
	From time.Time
	Counts
}

// Series is the outcome of evaluating one EvalSpec.
type Series struct {
	Spec    EvalSpec
	Results []Result
	Windows []WindowCounts
	// Dropped counts points that arrived out of time order and were ignored.
	Dropped int
}

// Evaluate runs every spec over one pass of points (time-ordered, as the
// store returns them). Memory is bounded by the number of days (plus one
// period's values for statistics), not by the number of points.
func Evaluate(specs []EvalSpec, points iter.Seq[domain.Point]) []Series {
	r := NewRunning(specs)
	for p := range points {
		r.Add(&p)
	}
	return r.Finish()
}

// Running is Evaluate with the points handed in one at a time (pushed by
// whoever has them, e.g. an import as it stores them, rather than pulled
// from the store).
type Running struct{ evs []*evaluator }

// NewRunning starts an evaluation of specs.
func NewRunning(specs []EvalSpec) *Running {
	r := &Running{evs: make([]*evaluator, len(specs))}
	for i, s := range specs {
		r.evs[i] = newEvaluator(s)
	}
	return r
}

// Add counts the next point (time order, as the store returns them).
func (r *Running) Add(p *domain.Point) {
	for _, e := range r.evs {
		e.add(p)
	}
}

// Finish is the series of every spec, in the order of the specs.
func (r *Running) Finish() []Series {
	out := make([]Series, len(r.evs))
	for i, e := range r.evs {
		out[i] = e.finish()
	}
	return out
}

// Seq turns a slice of points into a stream (tests, small inputs).
func Seq(points []domain.Point) iter.Seq[domain.Point] { return slices.Values(points) }

type evaluator struct {
	sp      EvalSpec
	kind    string
	days    map[int]*Counts
	di      dayIndex
	lastNum int
	lastDay *Counts
	cal     *calCursor
	excl    setCursor
	win     []WindowCounts
	dropped int
	lastAt  time.Time
	// at and last are sp.At and lastAt as instants (compared every point)
	at, last instant
	started  bool

	// availability
	slice         int64
	next          int64
	cur           int64
	curGood, curN int
	hasCur        bool

	// statistic
	stDays []statDay
	stOut  map[string]statOut
}

type statDay struct {
	n          int
	vals, excl []float64
}

type statOut struct {
	n, excluded float64
	value, raw  *float64
}

func newEvaluator(s EvalSpec) *evaluator {
	if s.Loc == nil {
		s.Loc = time.UTC
	}
	e := &evaluator{sp: s, kind: s.Indicator.Kind, days: map[int]*Counts{}, cal: newCalCursor(s.Calendar),
		excl: setCursor{s: s.Exclusions}, stOut: map[string]statOut{}}
	e.di.loc = s.Loc
	e.at, e.last = instantOf(s.At), instantOf(time.Time{})
	e.slice = s.SliceSeconds()
	for _, w := range s.Windows {
		e.win = append(e.win, WindowCounts{Window: w, From: s.At.Add(-w.Dur)})
	}
	return e
}

func (e *evaluator) day(t time.Time) *Counts {
	n := e.di.of(t)
	if e.lastDay != nil && n == e.lastNum {
		return e.lastDay
	}
	c := e.days[n]
	if c == nil {
		c = &Counts{}
		e.days[n] = c
	}
	e.lastNum, e.lastDay = n, c
	return c
}

// unit records units that belong to instant t.
func (e *evaluator) unit(t time.Time, c *Counts) {
	e.day(t).add(c)
	for i := range e.win {
		if !t.Before(e.win[i].From) {
			e.win[i].Counts.add(c)
		}
	}
}

// periodStart is the start of the period (rolling: the day) containing t.
func (e *evaluator) periodStart(t time.Time) time.Time {
	if e.sp.Period.Kind == Rolling {
		return PeriodSpec{Kind: Day}.Of(t, e.sp.Loc).Start
	}
	return e.sp.Period.Of(t, e.sp.Loc).Start
}

func (e *evaluator) add(p *domain.Point) {
	if e.kind == domain.IndicatorDuration {
		e.item(p)
		return
	}
	i := instantOf(p.At)
	if !i.before(e.at) {
		return
	}
	if e.started && i.before(e.last) && e.kind != domain.IndicatorAvailability {
		// out of order: the cursors and statistics assume time order.
		e.dropped++
		return
	}
	if !e.started {
		e.started = true
		if e.kind == domain.IndicatorAvailability {
			e.next = ceilDiv(e.periodStart(p.At).Unix(), e.slice)
			if !e.sp.From.IsZero() {
				e.next = ceilDiv(e.sp.From.Unix(), e.slice)
			}
		}
	}
	if !i.before(e.last) { // lastAt = maxTime(lastAt, p.At)
		e.lastAt, e.last = p.At, i
	}
	e.day(p.At).Points++
	switch e.kind {
	case domain.IndicatorAvailability:
		e.probe(p)
	case domain.IndicatorStatistic:
		e.value(p)
	default:
		e.row(p)
	}
}

func ceilDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a > 0 {
		q++
	}
	return q
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// row handles ratio and threshold points.
func (e *evaluator) row(p *domain.Point) {
	if !e.cal.contains(p.At) {
		return
	}
	good, bad := e.sp.RowUnits(p)
	c := Counts{RawGood: good, RawBad: bad}
	if e.excl.contains(p.At) {
		c.Excluded = good + bad
	} else {
		c.Good, c.Bad = good, bad
	}
	e.unit(p.At, &c)
}

func (e *evaluator) probe(p *domain.Point) {
	s := floorDiv(p.At.Unix(), e.slice)
	switch {
	case !e.hasCur:
		e.gap(e.next, s)
		e.cur, e.hasCur = s, true
	case s > e.cur:
		e.settle(e.cur, true)
		e.gap(e.cur+1, s)
		e.cur, e.curGood, e.curN = s, 0, 0
	case s < e.cur:
		e.dropped++
		return
	}
	e.curN++
	if e.sp.ProbeUp(p) {
		e.curGood++
	}
}

// gap settles slices [from, to) that have no data.
func (e *evaluator) gap(from, to int64) {
	for s := from; s < to; s++ {
		e.settle(s, false)
	}
}

// settle classifies slice s: out of scope, excluded, good, bad or unknown.
func (e *evaluator) settle(s int64, hasData bool) {
	t := time.Unix(s*e.slice, 0).UTC()
	if !t.Before(e.sp.At) || !e.cal.contains(t) {
		return
	}
	n, up := 0, 0
	if hasData {
		n, up = e.curN, e.curGood
	}
	known, good := e.sp.SliceVerdict(n, up)
	var c Counts
	if known {
		if good {
			c.RawGood = 1
		} else {
			c.RawBad = 1
		}
	}
	switch {
	case e.excl.contains(t):
		c.Excluded = 1
	case !known:
		c.Unknown = 1
	case good:
		c.Good = 1
	default:
		c.Bad, c.BadSeconds = 1, float64(e.slice)
	}
	e.unit(t, &c)
}

func (e *evaluator) value(p *domain.Point) {
	if !e.cal.contains(p.At) {
		return
	}
	n := e.di.of(p.At)
	if len(e.stDays) == 0 || e.stDays[len(e.stDays)-1].n != n {
		e.statAdvance(n)
		if k := len(e.stDays); k < cap(e.stDays) && e.sp.Period.Kind != Rolling {
			// a day's slot of an earlier period: its values are copied out
			// (statCompute), so its arrays are reused
			e.stDays = e.stDays[:k+1]
			d := &e.stDays[k]
			d.n, d.vals, d.excl = n, d.vals[:0], d.excl[:0]
		} else {
			e.stDays = append(e.stDays, statDay{n: n})
		}
	}
	d := &e.stDays[len(e.stDays)-1]
	if e.excl.contains(p.At) {
		d.excl = append(d.excl, p.Value)
	} else {
		d.vals = append(d.vals, p.Value)
	}
}

// statAdvance finalises the statistics that can no longer change once values
// of local day n arrive, and drops the values no later period needs.
func (e *evaluator) statAdvance(n int) {
	if len(e.stDays) == 0 {
		return
	}
	last := e.stDays[len(e.stDays)-1].n
	if e.sp.Period.Kind == Rolling {
		for d := last; d < n && d < last+e.sp.Period.Days; d++ {
			e.statWindow(d)
		}
		keep := e.stDays[:0]
		for _, sd := range e.stDays {
			if sd.n > n-e.sp.Period.Days {
				keep = append(keep, sd)
			}
		}
		e.stDays = keep
		return
	}
	p := e.sp.Period.Of(dayStart(last, e.sp.Loc), e.sp.Loc)
	if n != -1 && dayStart(n, e.sp.Loc).Before(p.End) {
		return // same period
	}
	e.statCompute(p.Key, e.stDays)
	e.stDays = e.stDays[:0]
}

func (e *evaluator) statWindow(d int) {
	var in []statDay
	for _, sd := range e.stDays {
		if sd.n <= d && sd.n > d-e.sp.Period.Days {
			in = append(in, sd)
		}
	}
	e.statCompute(DayKey(d), in)
}

func (e *evaluator) statCompute(key string, days []statDay) {
	nv, ne := 0, 0
	for _, sd := range days {
		nv, ne = nv+len(sd.vals), ne+len(sd.excl)
	}
	vals := make([]float64, 0, nv+ne)
	for _, sd := range days {
		vals = append(vals, sd.vals...)
	}
	o := statOut{n: float64(nv), excluded: float64(ne)}
	if ne > 0 {
		all := slices.Clone(vals)
		for _, sd := range days {
			all = append(all, sd.excl...)
		}
		if v, err := statistic(e.sp.Indicator.Statistic, all, true); err == nil {
			o.raw = &v
		}
	}
	// (the values are this call's own: the statistic may reorder them)
	if v, err := statistic(e.sp.Indicator.Statistic, vals, true); err == nil {
		o.value = &v
	}
	if ne == 0 {
		o.raw = o.value // nothing excluded: the same values
	}
	e.stOut[key] = o
}

// item places one duration item: in the period it was resolved, or, when it
// was still open at the end of an earlier period with its goal already
// expired, as bad in that earlier period.
func (e *evaluator) item(p *domain.Point) {
	at := e.sp.At
	if p.Opened.IsZero() || !p.Opened.Before(at) {
		return
	}
	if e.sp.Owns != nil && !e.sp.Owns(p.Opened) {
		return
	}
	if p.At.Before(at) {
		e.day(p.At).Points++
	} else {
		e.day(p.Opened).Points++
	}
	open := e.sp.ItemOpen(p)
	e.placeItem(p, open, e.sp.Exclusions, false)
	e.placeItem(p, open, nil, true)
}

// Elapsed is an item's business time from opened to t, minus exclusions and pauses.
func Elapsed(cal *Calendar, excl IntervalSet, opened, t time.Time, pausedSeconds float64) time.Duration {
	return cal.Business(opened, t, excl) - time.Duration(pausedSeconds*float64(time.Second))
}

func (e *evaluator) placeItem(p *domain.Point, open bool, excl IntervalSet, raw bool) {
	t, good, _, placed := e.sp.PlaceItem(p, open, excl)
	if !placed {
		return
	}
	var c Counts
	switch {
	case raw && good:
		c.RawGood = 1
	case raw:
		c.RawBad = 1
	case good:
		c.Good = 1
	default:
		c.Bad = 1
	}
	e.unit(t, &c)
}

func (e *evaluator) finish() Series {
	switch e.kind {
	case domain.IndicatorAvailability:
		if e.hasCur {
			e.settle(e.cur, true)
			e.next = e.cur + 1
		}
		if e.started {
			end := minTime(e.sp.PeriodEnd(e.lastAt), e.sp.At)
			e.gap(e.next, ceilDiv(end.Unix(), e.slice))
		}
	case domain.IndicatorStatistic:
		if len(e.stDays) > 0 {
			if e.sp.Period.Kind == Rolling {
				e.statAdvance(e.stDays[len(e.stDays)-1].n + e.sp.Period.Days)
			} else {
				e.statAdvance(-1)
			}
		}
	}
	s := Series{Spec: e.sp, Windows: e.win, Dropped: e.dropped}
	nums := slices.Sorted(maps.Keys(e.days))
	loc := e.sp.Loc
	if e.sp.Period.Kind == Rolling {
		N := e.sp.Period.Days
		for _, d := range nums {
			start := dayStart(d, loc)
			if e.days[d].Points == 0 || !start.Before(e.sp.At) {
				continue
			}
			r := Result{Period: Period{DayKey(d), dayStart(d-N+1, loc), dayStart(d+1, loc)}}
			for k := d - N + 1; k <= d; k++ {
				if c := e.days[k]; c != nil {
					r.Counts.add(c)
				}
			}
			s.Results = append(s.Results, e.finishResult(r))
		}
		return s
	}
	var cur *Result
	flush := func() {
		if cur != nil && cur.Points > 0 {
			s.Results = append(s.Results, e.finishResult(*cur))
		}
	}
	for _, d := range nums {
		start := dayStart(d, loc)
		if cur == nil || !start.Before(cur.Period.End) {
			flush()
			cur = &Result{Period: e.sp.Period.Of(start, loc)}
		}
		cur.Counts.add(e.days[d])
	}
	flush()
	return s
}

func (e *evaluator) finishResult(r Result) Result {
	r.Complete = !r.Period.End.After(e.sp.At)
	if e.kind == domain.IndicatorStatistic {
		r.Statistic = true
		o := e.stOut[r.Period.Key]
		r.Values, r.Value, r.RawValue = o.n, o.value, o.raw
		r.Excluded = o.excluded
	}
	return r
}
