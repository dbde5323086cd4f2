package compliance

import (
	"errors"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"sync"
	"time"

	"slate/internal/domain"
)

// Source streams the published points of a feed with from <= At < to, in time
// order (storage's Tx.ScanPoints has this shape). It must be safe to call from
// several goroutines at once.
type Source func(feed string, from, to time.Time, fn func(domain.Point) error) error

// SlicePoints is a Source over in-memory points, per feed (tests).
func SlicePoints(feeds map[string][]domain.Point) Source {
	return func(feed string, from, to time.Time, fn func(domain.Point) error) error {
		for _, p := range feeds[feed] {
			if !p.At.Before(from) && p.At.Before(to) {
				if err := fn(p); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// Input is what a report is computed from.
type Input struct {
	Workspace  *domain.Workspace
	Exceptions []ExceptionWindow
	At         time.Time
	Source     Source
	// Results, when set with Batches, keeps the figures of complete periods
	// between evaluations (results.go); nil evaluates every period each time.
	// Only with a Source that yields every published point: a filtered
	// Source would store filtered figures.
	Results Results
	// Batches lists the published batches of a feed.
	Batches func(feed string) ([]BatchSpan, error)
}

// Plan is one SLT ready to evaluate: one EvalSpec per tier (or one).
type Plan struct {
	SLT        *domain.SLT
	Feed       string
	Specs      []EvalSpec
	Exclusions []Exclusion
	Ignored    []Ignored
	RCAAfter   int
	Interval   time.Duration // the feed's expected interval
}

// PlanSLT compiles an indicator SLT: zone, period, calendars, tiers and exclusions.
// override, when not nil, replaces the SLT's period (composite components).
func PlanSLT(in Input, s *domain.SLT, override *PeriodSpec) (Plan, error) {
	sp := s.Spec
	if sp.Indicator == nil {
		return Plan{}, fmt.Errorf("SLT %s has no indicator", s.Name())
	}
	loc, err := domain.LoadZone(sp.TimeZone)
	if err != nil {
		return Plan{}, fmt.Errorf("SLT %s: %w", s.Name(), err)
	}
	ps, err := ParsePeriodSpec(sp.Period)
	if err != nil {
		return Plan{}, fmt.Errorf("SLT %s: %w", s.Name(), err)
	}
	if override != nil {
		ps = *override
	}
	ws := in.Workspace
	excl, ign := Exclusions(s, loc, ws.Maintenance(), in.Exceptions, time.Unix(0, 0).UTC(), in.At)
	set := ExclusionSet(excl)
	plan := Plan{SLT: s, Feed: sp.Feed, Exclusions: excl, Ignored: ign, RCAAfter: sp.RCAAfter}
	if f := ws.Feed(sp.Feed); f != nil {
		plan.Interval = f.Spec.Interval.D()
	}
	calendar := func(name string) (*Calendar, error) {
		if name == "" {
			return nil, nil
		}
		c := ws.Calendar(name)
		if c == nil {
			return nil, fmt.Errorf("SLT %s: calendar %q does not exist", s.Name(), name)
		}
		return CompileCalendar(c)
	}
	base := EvalSpec{SLT: s.Name(), Indicator: *sp.Indicator, Period: ps, Loc: loc, Exclusions: set, At: in.At, Unit: Unit(ws, &sp)}
	if len(sp.Tiers) == 0 {
		cal, err := calendar(sp.Calendar)
		if err != nil {
			return Plan{}, err
		}
		e := base
		e.Calendar = cal
		e.Objective = Objective{sp.ObjectiveOp(sp.Objective.Op), sp.Objective.Target}
		plan.Specs = []EvalSpec{e}
		return plan, nil
	}
	cals := make([]*Calendar, len(sp.Tiers))
	for i, t := range sp.Tiers {
		if cals[i], err = calendar(t.Calendar); err != nil {
			return Plan{}, err
		}
	}
	for i, t := range sp.Tiers {
		e := base
		e.Tier, e.Calendar = t.Name, cals[i]
		e.Objective = Objective{sp.ObjectiveOp(t.Op), t.Target}
		if sp.Indicator.Kind == domain.IndicatorDuration {
			i := i
			e.Owns = func(opened time.Time) bool { return ownerTier(cals, opened) == i }
		}
		plan.Specs = append(plan.Specs, e)
	}
	return plan, nil
}

// ownerTier is the tier whose calendar contains t, or else the one that opens first after t.
func ownerTier(cals []*Calendar, t time.Time) int {
	best, bestAt := 0, time.Time{}
	for i, c := range cals {
		if c.Contains(t) {
			return i
		}
		if n, ok := c.nextOpen(t); ok && (bestAt.IsZero() || n.Before(bestAt)) {
			best, bestAt = i, n
		}
	}
	return best
}

// nextOpen is the first business instant after t (searching a year ahead).
func (c *Calendar) nextOpen(t time.Time) (time.Time, bool) {
	if c == nil {
		return t, true
	}
	n := LocalDay(t, c.loc)
	for d := n; d < n+370; d++ {
		for _, iv := range c.Day(d) {
			if iv.End.After(t) {
				return maxTime(iv.Start, t), true
			}
		}
	}
	return time.Time{}, false
}

var errStop = errors.New("stop")

// Run evaluates a plan over its feed. windows, when set, are counted too.
func (in Input) Run(plan Plan, from time.Time, windows []Window) ([]Series, error) {
	specs := slices.Clone(plan.Specs)
	for i := range specs {
		specs[i].Windows = windows
	}
	to := in.At
	if plan.Specs[0].Indicator.Kind == domain.IndicatorDuration {
		// items resolved after the evaluation time were still open at it
		to = in.At.AddDate(20, 0, 0)
		from = time.Unix(0, 0).UTC()
	}
	seq, errOf := Stream(in.Source, plan.Feed, from, to)
	out := Evaluate(specs, seq)
	if err := errOf(); err != nil {
		return nil, fmt.Errorf("SLT %s: read feed %s: %w", plan.SLT.Name(), plan.Feed, err)
	}
	return out, nil
}

// Stream is a feed's points in [from, to) from src as a sequence; errOf,
// called once the sequence is done, is what the source reported (a
// consumer that stopped early is not an error).
func Stream(src Source, feed string, from, to time.Time) (seq iter.Seq[domain.Point], errOf func() error) {
	var err error
	seq = func(yield func(domain.Point) bool) {
		err = src(feed, from, to, func(p domain.Point) error {
			if !yield(p) {
				return errStop
			}
			return nil
		})
	}
	return seq, func() error {
		if errors.Is(err, errStop) {
			return nil
		}
		return err
	}
}

// runRange evaluates specs (a plan's, adjusted) over the points in [from, to).
func (in Input) runRange(plan Plan, specs []EvalSpec, from, to time.Time) ([]Series, error) {
	seq, errOf := Stream(in.Source, plan.Feed, from, to)
	out := Evaluate(specs, seq)
	if err := errOf(); err != nil {
		return nil, fmt.Errorf("SLT %s: read feed %s: %w", plan.SLT.Name(), plan.Feed, err)
	}
	return out, nil
}

// SLTRows are every row of one SLT: per tier, and its overall rows (for an
// untiered SLT, the same as its one tier).
type SLTRows struct {
	Name    string
	Tiers   [][]Row
	Overall []Row
	Plan    Plan
}

// Rows lists the tier rows, then the overall rows of a tiered SLT.
func (s SLTRows) Rows() []Row {
	if len(s.Tiers) == 1 && s.Tiers[0] != nil && (len(s.Tiers[0]) == 0 || s.Tiers[0][0].Tier == "") {
		return s.Tiers[0]
	}
	var out []Row
	for _, t := range s.Tiers {
		out = append(out, t...)
	}
	return append(out, s.Overall...)
}

func rowsOf(plan Plan, series []Series) SLTRows {
	res := SLTRows{Name: plan.SLT.Name(), Plan: plan}
	for _, s := range series {
		rows := make([]Row, 0, len(s.Results))
		for _, r := range s.Results {
			rows = append(rows, RowOf(s.Spec, r))
		}
		MarkRuns(rows, plan.RCAAfter)
		res.Tiers = append(res.Tiers, rows)
	}
	if len(res.Tiers) == 1 && plan.Specs[0].Tier == "" {
		res.Overall = res.Tiers[0]
	} else {
		res.Overall = overallRows(plan.SLT.Name(), res.Tiers)
		MarkRuns(res.Overall, plan.RCAAfter)
	}
	return res
}

// Evaluator computes SLT rows, memoised per SLT and period, evaluating
// independent SLTs in parallel.
type Evaluator struct {
	In Input
	// Since and Until, when set, say which rows are asked for: those of
	// periods that end after Since and start before Until. Earlier rows are
	// evaluated only as far back as the runs of misses of the asked ones
	// reach, later ones not at all (with In.Results; else every row is).
	Since, Until time.Time
	mu           sync.Mutex
	memo         map[string]SLTRows
	errs         map[string]error
}

// NewEvaluator prepares an evaluation.
func NewEvaluator(in Input) *Evaluator {
	return &Evaluator{In: in, memo: map[string]SLTRows{}, errs: map[string]error{}}
}

func memoKey(name string, ps *PeriodSpec) string {
	if ps == nil {
		return name
	}
	return name + "@" + ps.String()
}

// SLT evaluates one SLT (composite or not), with its own period or override.
// An override that is the SLT's own period is none: a composite over
// components of its own period kind shares their rows, each evaluated once.
func (ev *Evaluator) SLT(name string, override *PeriodSpec) (SLTRows, error) {
	if override != nil {
		if s := ev.In.Workspace.SLT(name); s != nil {
			if own, err := ParsePeriodSpec(s.Spec.Period); err == nil && own == *override {
				override = nil
			}
		}
	}
	k := memoKey(name, override)
	ev.mu.Lock()
	if r, ok := ev.memo[k]; ok {
		ev.mu.Unlock()
		return r, ev.errs[k]
	}
	ev.mu.Unlock()
	r, err := ev.compute(name, override)
	ev.mu.Lock()
	ev.memo[k], ev.errs[k] = r, err
	ev.mu.Unlock()
	return r, err
}

func (ev *Evaluator) compute(name string, override *PeriodSpec) (SLTRows, error) {
	s := ev.In.Workspace.SLT(name)
	if s == nil {
		return SLTRows{}, fmt.Errorf("SLT %q does not exist", name)
	}
	var r SLTRows
	var err error
	if s.Spec.Composite != nil {
		r, err = ev.composite(s, override)
	} else {
		var plan Plan
		if plan, err = PlanSLT(ev.In, s, override); err != nil {
			return SLTRows{}, err
		}
		var series []Series
		// Items count in the period they are resolved, however long ago they
		// were opened: every period may read every item, so an item SLT (a
		// ticket feed, small) is evaluated whole.
		if ev.In.Results != nil && ev.In.Batches != nil && s.Spec.Indicator.Kind != domain.IndicatorDuration {
			since, until := ev.Since, ev.Until
			if override != nil {
				since, until = time.Time{}, time.Time{} // a composite's components: every period
			}
			series, err = ev.storedSeries(plan, since, until)
		} else {
			series, err = ev.In.Run(plan, time.Unix(0, 0).UTC(), nil)
		}
		if err != nil {
			return SLTRows{}, err
		}
		r = rowsOf(plan, series)
	}
	sltOwner, dataOwner := Owners(ev.In.Workspace, s)
	for _, rows := range append(slices.Clone(r.Tiers), r.Overall) {
		for i := range rows {
			rows[i].SLTOwner, rows[i].DataOwner = sltOwner, dataOwner
		}
	}
	return r, err
}

// Owners are the SLT's owner and its feed's data owner (measurement ownership).
func Owners(ws *domain.Workspace, s *domain.SLT) (sltOwner, dataOwner string) {
	if f := ws.Feed(s.Spec.Feed); f != nil {
		dataOwner = f.Spec.Owner
	}
	return s.Spec.Owner, dataOwner
}

// All evaluates every SLT, indicator SLTs in parallel first, then composites.
func (ev *Evaluator) All(names []string) (map[string]SLTRows, error) {
	ws := ev.In.Workspace
	var plain, comps []string
	for _, n := range names {
		if s := ws.SLT(n); s != nil && s.Spec.Composite != nil {
			comps = append(comps, n)
		} else {
			plain = append(plain, n)
		}
	}
	out := map[string]SLTRows{}
	var mu sync.Mutex
	var errs []error
	work := make(chan string)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(plain))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range work {
				r, err := ev.SLT(n, nil)
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				}
				out[n] = r
				mu.Unlock()
			}
		}()
	}
	for _, n := range plain {
		work <- n
	}
	close(work)
	wg.Wait()
	for _, n := range comps {
		r, err := ev.SLT(n, nil)
		if err != nil {
			errs = append(errs, err)
		}
		out[n] = r
	}
	return out, errors.Join(errs...)
}

// Warning is something a reader of the numbers must know.
type Warning struct {
	SLT     string `json:"slt"`
	Tier    string `json:"tier,omitempty"`
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

// ReportOptions filter a report.
type ReportOptions struct {
	// Period is a period key (2026-10, 2026-W07, 2026-Q3, 2026, 2026-10-05); a key
	// of another kind than the SLT's period selects the periods starting inside it.
	Period string
	SLT    string
	// Recent keeps, per SLT and tier, the last complete period and the running
	// one (ignored with Period).
	Recent bool
}

// Report is the compliance of every SLT (and tier, and composite) per period,
// with contract credits.
type Report struct {
	At       time.Time `json:"at"`
	Rows     []Row     `json:"rows"`
	Credits  []Credit  `json:"credits"`
	Warnings []Warning `json:"warnings"`
	Ignored  []Ignored `json:"ignored_windows"`
	// Statuses is each SLT's status in the reported period (JudgeStatus),
	// filled by the caller that has the analysis (app.Compliance.Report).
	Statuses []Status `json:"statuses"`
}

// BuildReport computes the report. With a period asked for, only that
// period's rows are evaluated (and what their runs of misses need).
func BuildReport(in Input, o ReportOptions) (Report, error) {
	ev := NewEvaluator(in)
	ev.AskFor(o.Period)
	return ev.Report(o)
}

// AskFor limits the rows this evaluator is asked for to those of the period
// key (in each SLT's zone): Since and Until. Only for an evaluator whose
// rows serve that period alone: a status or an analysis needs every row.
func (ev *Evaluator) AskFor(key string) {
	if key == "" {
		return
	}
	for _, s := range ev.In.Workspace.SLTs() {
		loc, err := domain.LoadZone(s.Spec.TimeZone)
		if err != nil {
			loc = time.UTC
		}
		if p, err := ParseKey(key, loc); err == nil {
			if ev.Since.IsZero() || p.Start.Before(ev.Since) {
				ev.Since = p.Start
			}
			ev.Until = maxTime(ev.Until, p.End)
		}
	}
}

// Report computes the report; the SLTs' rows stay memoised in ev.
func (ev *Evaluator) Report(o ReportOptions) (Report, error) {
	in := ev.In
	rep := Report{At: in.At.UTC(), Rows: []Row{}, Credits: []Credit{}, Warnings: []Warning{}, Ignored: []Ignored{}, Statuses: []Status{}}
	if o.Period != "" {
		if _, err := ParseKey(o.Period, time.UTC); err != nil {
			return rep, err
		}
	}
	ws := in.Workspace
	var names []string
	for _, s := range ws.SLTs() {
		if o.SLT == "" || s.Name() == o.SLT {
			names = append(names, s.Name())
		}
	}
	if o.SLT != "" && len(names) == 0 {
		return rep, fmt.Errorf("SLT %q does not exist", o.SLT)
	}
	all, err := ev.All(names)
	if err != nil {
		return rep, err
	}
	return ReportOf(in, all, names, o), nil
}

// ReportOf is the report of SLTs already evaluated (all, by name; composites'
// components may be among them), for the SLTs names in that order: the rows
// of the period o selects, the credits of the contracts on them, their
// resolution warnings and the windows that did not count.
func ReportOf(in Input, all map[string]SLTRows, names []string, o ReportOptions) Report {
	rep := Report{At: in.At.UTC(), Rows: []Row{}, Credits: []Credit{}, Warnings: []Warning{}, Ignored: []Ignored{}, Statuses: []Status{}}
	ws := in.Workspace
	for _, n := range names {
		s := ws.SLT(n)
		r := all[n]
		rows := RowsIn(r.Rows(), s, o.Period)
		if o.Recent && o.Period == "" {
			rows = recentRows(rows)
		}
		unit := Unit(ws, &s.Spec)
		sltOwner, dataOwner := Owners(ws, s)
		for i := range rows {
			rows[i].Unit = unit
			rows[i].SLTOwner, rows[i].DataOwner = sltOwner, dataOwner
		}
		rep.Rows = append(rep.Rows, rows...)
		rep.Ignored = append(rep.Ignored, r.Plan.Ignored...)
		rep.Warnings = append(rep.Warnings, ResolutionWarnings(ws, s, nil)...)
	}
	for _, c := range ws.Contracts() {
		r, ok := all[c.Spec.SLT]
		if !ok || !slices.Contains(names, c.Spec.SLT) {
			continue
		}
		s := ws.SLT(c.Spec.SLT)
		rows := RowsIn(r.Overall, s, o.Period)
		if o.Recent && o.Period == "" {
			rows = recentRows(rows)
		}
		for _, row := range rows {
			rep.Credits = append(rep.Credits, CreditFor(c, row))
		}
	}
	return rep
}

// filterRows keeps the rows of the period key, or, for a key of another kind
// than the SLT's period, the rows whose period starts inside it. With a key of
// the SLT's own kind and no data, it adds an empty row: the period shows as no data.
func RowsIn(rows []Row, s *domain.SLT, key string) []Row {
	if key == "" {
		return rows
	}
	loc, _ := domain.LoadZone(s.Spec.TimeZone)
	if loc == nil {
		loc = time.UTC
	}
	p, err := ParseKey(key, loc)
	if err != nil {
		return nil
	}
	kind, _ := KeyKind(key)
	var out []Row
	for _, r := range rows {
		rk, _ := KeyKind(r.Period)
		if r.Period == key || (rk != kind && !r.Start.Before(p.Start) && r.Start.Before(p.End)) {
			out = append(out, r)
		}
	}
	ps, _ := ParsePeriodSpec(s.Spec.Period)
	if len(out) == 0 && (ps.Kind == kind || ps.Kind == Rolling && kind == Day) {
		r := Row{SLT: s.Name(), Kind: "none", Period: key, Start: p.Start, End: p.End, Unknown: 0}
		// The owners are the SLT's, as on its other rows (the data owner comes from the feed).
		r.SLTOwner = s.Spec.Owner
		if len(rows) > 0 {
			r.DataOwner = rows[0].DataOwner
		}
		if ps.Kind == Rolling {
			r.Start = dayStart(LocalDay(p.Start, loc)-ps.Days+1, loc)
		}
		if len(s.Spec.Tiers) == 0 {
			r.Judge(Objective{s.Spec.ObjectiveOp(s.Spec.Objective.Op), s.Spec.Objective.Target})
		}
		out = append(out, r)
	}
	return out
}

// recentRows keeps, for each tier (and the overall rows), the last complete
// period and any period after it (the running one).
func recentRows(rows []Row) []Row {
	lastComplete := map[string]time.Time{}
	for _, r := range rows {
		if r.Complete && r.Start.After(lastComplete[r.Tier]) {
			lastComplete[r.Tier] = r.Start
		}
	}
	var out []Row
	for _, r := range rows {
		if last, ok := lastComplete[r.Tier]; !ok || !r.Start.Before(last) {
			out = append(out, r)
		}
	}
	return out
}

func sortRows(rows []Row) {
	slices.SortStableFunc(rows, func(a, b Row) int { return a.Start.Compare(b.Start) })
}
