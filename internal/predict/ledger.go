package predict

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
	"time"

	"slate/internal/compliance"
	"slate/internal/daily"
	"slate/internal/domain"
)

// Lead is a leading indicator of an SLT: a feed whose daily value tends to
// rise before the SLT misses (slate correlate finds them). Its daily value is
// the mean for value feeds, the share of bad units for counts and event
// feeds, and the number of items opened for item feeds; Inverse turns a feed
// where lower is worse around.
type Lead struct {
	Feed    string
	Inverse bool
}

// SourceOptions tune FromCompliance.
type SourceOptions struct {
	// Leads maps an SLT name to its lead indicators.
	Leads map[string][]Lead
}

// Ledger is a History backed by the compliance engine. It evaluates every
// indicator SLT once, at the input's evaluation time, with two period
// rules: the SLT's own (the outcomes, exactly as reports judge them) and
// the local day (the counts the features sum). A day's counts do not depend
// on when they are read, as long as it is read after the day ended: units
// before a time are classified by points before it, maintenance counts only
// when registered before it started, and an item open past its goal at a
// day's end is bad from then on. The one thing that changes what the past
// looks like is an exception approved later, so the ledger keeps one
// evaluation per "exception epoch" (each time an approved exception of the
// SLT was decided) and answers a question about time at from the epoch in
// force at at.
type Ledger struct {
	now     time.Time
	targets []Target
	data    map[string]*targetData
	windows map[string][]Window    // by SLT, sorted by Known
	leads   map[string][]leadDaily // by SLT
	// Skipped names the SLTs that are not predicted, and why.
	Skipped []string
}

type targetData struct {
	statistic string
	epochs    []time.Time // epochs[0] is the zero time
	days      [][]dayRec
	pre       [][]prefix
	periods   [][]Outcome
}

type dayRec struct {
	start time.Time
	c     Counts
}

type prefix struct{ good, bad, unknown, excluded, values, weighted float64 }

type leadDaily struct {
	loc     *time.Location
	byDay   map[int]float64
	inverse bool
}

// FromCompliance evaluates the input's indicator SLTs (composites have no
// feed of their own and are skipped) and returns them as a History whose
// Now is in.At.
func FromCompliance(in compliance.Input, o SourceOptions) (*Ledger, error) {
	ws := in.Workspace
	l := &Ledger{now: in.At, data: map[string]*targetData{}, windows: map[string][]Window{}, leads: map[string][]leadDaily{}}
	byFeed := map[string][]*domain.SLT{}
	var feeds []string
	for _, s := range ws.SLTs() {
		if s.Spec.Indicator == nil {
			l.Skipped = append(l.Skipped, s.Name()+": composite SLTs are not predicted (their components are)")
			continue
		}
		if byFeed[s.Spec.Feed] == nil {
			feeds = append(feeds, s.Spec.Feed)
		}
		byFeed[s.Spec.Feed] = append(byFeed[s.Spec.Feed], s)
	}
	type result struct {
		targets []Target
		data    map[string]*targetData
		err     error
	}
	res := make([]result, len(feeds))
	var wg sync.WaitGroup
	work := make(chan int)
	for range max(1, min(runtime.GOMAXPROCS(0), len(feeds))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				res[i].targets, res[i].data, res[i].err = evalFeed(in, byFeed[feeds[i]])
			}
		}()
	}
	for i := range feeds {
		work <- i
	}
	close(work)
	wg.Wait()
	var errs []error
	for _, r := range res {
		errs = append(errs, r.err)
		l.targets = append(l.targets, r.targets...)
		for k, v := range r.data {
			l.data[k] = v
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	slices.SortFunc(l.targets, func(a, b Target) int {
		if a.SLT != b.SLT {
			return cmpStr(a.SLT, b.SLT)
		}
		return cmpStr(a.Tier, b.Tier)
	})
	for i := range l.targets {
		t := &l.targets[i]
		for _, o := range l.targets {
			if o.ID() != t.ID() && (o.SLT == t.SLT || (o.Service != "" && o.Service == t.Service) || o.Feed == t.Feed) {
				t.Linked = append(t.Linked, o.ID())
			}
		}
	}
	for _, s := range ws.SLTs() {
		if s.Spec.Indicator != nil {
			l.windows[s.Name()] = windowsOf(in, s, l.firstDay(s.Name()))
		}
	}
	leadCache := map[string]map[int]float64{}
	for slt, leads := range o.Leads {
		s := ws.SLT(slt)
		if s == nil {
			return nil, fmt.Errorf("lead indicators for SLT %q, which does not exist", slt)
		}
		loc, err := domain.LoadZone(s.Spec.TimeZone)
		if err != nil {
			return nil, err
		}
		for _, ld := range leads {
			key := ld.Feed + "\x00" + loc.String()
			days, ok := leadCache[key]
			if !ok {
				if days, err = leadDays(in, ld.Feed, loc); err != nil {
					return nil, err
				}
				leadCache[key] = days
			}
			l.leads[slt] = append(l.leads[slt], leadDaily{loc: loc, byDay: days, inverse: ld.Inverse})
		}
	}
	return l, nil
}

func cmpStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (l *Ledger) firstDay(slt string) time.Time {
	first := l.now
	for _, t := range l.targets {
		if t.SLT != slt {
			continue
		}
		if d := l.data[t.ID()]; d != nil && len(d.days[0]) > 0 && d.days[0][0].start.Before(first) {
			first = d.days[0][0].start
		}
	}
	return first
}

// epochsOf lists when approved exceptions of the SLT became known (an
// approval without a decision time counts as known only at the evaluation time).
func epochsOf(in compliance.Input, slt string) []time.Time {
	out := []time.Time{{}}
	for _, e := range in.Exceptions {
		if e.SLT != slt || e.Status != compliance.StatusApproved {
			continue
		}
		k := knownAt(e, in.At)
		if !k.After(in.At) && !slices.ContainsFunc(out, k.Equal) {
			out = append(out, k)
		}
	}
	slices.SortFunc(out, func(a, b time.Time) int { return a.Compare(b) })
	return out
}

func knownAt(e compliance.ExceptionWindow, now time.Time) time.Time {
	if e.Decided.IsZero() {
		return now
	}
	return e.Decided
}

// asOf keeps the exceptions an evaluation at epoch k may use: approved ones
// decided by then.
func asOf(in compliance.Input, k time.Time) compliance.Input {
	out := in
	out.Exceptions = nil
	for _, e := range in.Exceptions {
		if e.Status == compliance.StatusApproved && knownAt(e, in.At).After(k) {
			continue
		}
		out.Exceptions = append(out.Exceptions, e)
	}
	return out
}

// evalFeed evaluates every SLT on one feed in one pass over its points.
func evalFeed(in compliance.Input, slts []*domain.SLT) ([]Target, map[string]*targetData, error) {
	type slot struct {
		id    string
		epoch int
		daily bool
		// derive: the outcomes are the day counts summed per period (see
		// summable), of the SLT's own period rule
		derive bool
		period compliance.PeriodSpec
	}
	var specs []compliance.EvalSpec
	var slots []slot
	var plan0 compliance.Plan
	var targets []Target
	data := map[string]*targetData{}
	day := compliance.PeriodSpec{Kind: compliance.Day}
	for si, s := range slts {
		epochs := epochsOf(in, s.Name())
		for e, k := range epochs {
			plan, err := compliance.PlanSLT(asOf(in, k), s, nil)
			if err != nil {
				return nil, nil, err
			}
			if si == 0 && e == 0 {
				plan0 = plan
			}
			for _, sp := range plan.Specs {
				t := Target{SLT: s.Name(), Tier: sp.Tier, Period: sp.Period, Loc: sp.Loc, Op: sp.Objective.Op, Target: sp.Objective.Target,
					Statistic: sp.Indicator.Kind == domain.IndicatorStatistic, Service: s.Spec.Service, Feed: s.Spec.Feed}
				if e == 0 {
					targets = append(targets, t)
					data[t.ID()] = &targetData{statistic: sp.Indicator.Statistic, epochs: epochs,
						days: make([][]dayRec, len(epochs)), pre: make([][]prefix, len(epochs)), periods: make([][]Outcome, len(epochs))}
				}
				d := sp
				d.Period = day
				if summable(sp) {
					specs = append(specs, d)
					slots = append(slots, slot{t.ID(), e, true, true, sp.Period})
					continue
				}
				specs = append(specs, sp, d)
				slots = append(slots, slot{t.ID(), e, false, false, sp.Period}, slot{t.ID(), e, true, false, sp.Period})
			}
		}
	}
	if len(specs) == 0 {
		return nil, nil, nil
	}
	plan0.Specs = specs
	series, err := in.Run(plan0, time.Unix(0, 0).UTC(), nil)
	if err != nil {
		return nil, nil, err
	}
	for i, ser := range series {
		sl := slots[i]
		td := data[sl.id]
		if sl.daily {
			days := make([]dayRec, 0, len(ser.Results))
			for _, r := range ser.Results {
				c := Counts{Good: r.Good, Bad: r.Bad, Unknown: r.Unknown, Excluded: r.Excluded, Value: nan}
				if r.Statistic {
					c.Good, c.Bad, c.Values = 0, 0, r.Values
					if r.Value != nil {
						c.Value = *r.Value
					}
				}
				days = append(days, dayRec{start: r.Period.Start, c: c})
			}
			td.days[sl.epoch] = days
			td.pre[sl.epoch] = prefixes(days)
			if sl.derive {
				td.periods[sl.epoch] = sumPeriods(ser, sl.period, in.At)
			}
			continue
		}
		var outs []Outcome
		for _, r := range ser.Results {
			if !r.Complete {
				continue
			}
			row := compliance.RowOf(ser.Spec, r)
			outs = append(outs, Outcome{Key: r.Period.Key, Start: r.Period.Start, End: r.Period.End, Attainment: row.Attainment, Met: row.Met})
		}
		td.periods[sl.epoch] = outs
	}
	return targets, data, nil
}

// summable: a period's counts are the sum of its days' counts, so the
// outcomes can be judged from the daily evaluation alone. True for ratio and
// threshold SLTs (each row counts where it falls) and availability SLTs
// whose slices without data are left out (a day without probes then adds
// nothing good or bad); not for duration SLTs (an item's place depends on the
// period's end) or statistics, nor for rolling periods.
func summable(sp compliance.EvalSpec) bool {
	if sp.Period.Kind == compliance.Rolling {
		return false
	}
	switch sp.Indicator.Kind {
	case domain.IndicatorRatio, domain.IndicatorThreshold:
		return true
	case domain.IndicatorAvailability:
		return sp.Indicator.Missing == "" || sp.Indicator.Missing == "exclude"
	}
	return false
}

// sumPeriods judges each complete period of the rule ps from the days of a
// daily series, as compliance.RowOf judges the period's own counts.
func sumPeriods(ser compliance.Series, ps compliance.PeriodSpec, at time.Time) []Outcome {
	sp := ser.Spec
	sp.Period = ps
	var out []Outcome
	var cur *compliance.Result
	flush := func() {
		if cur == nil || !cur.Complete {
			return
		}
		row := compliance.RowOf(sp, *cur)
		out = append(out, Outcome{Key: cur.Period.Key, Start: cur.Period.Start, End: cur.Period.End, Attainment: row.Attainment, Met: row.Met})
	}
	for _, r := range ser.Results {
		if cur == nil || !r.Period.Start.Before(cur.Period.End) {
			flush()
			p := sp.Period.Of(r.Period.Start, sp.Loc)
			cur = &compliance.Result{Period: p, Complete: !p.End.After(at)}
		}
		cur.Good += r.Good
		cur.Bad += r.Bad
		cur.Unknown += r.Unknown
		cur.Excluded += r.Excluded
		cur.RawGood += r.RawGood
		cur.RawBad += r.RawBad
		cur.BadSeconds += r.BadSeconds
		cur.Points += r.Points
	}
	flush()
	return out
}

func prefixes(days []dayRec) []prefix {
	p := make([]prefix, len(days)+1)
	for i, d := range days {
		q := p[i]
		q.good += d.c.Good
		q.bad += d.c.Bad
		q.unknown += d.c.Unknown
		q.excluded += d.c.Excluded
		if d.c.Values > 0 && !math.IsNaN(d.c.Value) {
			q.values += d.c.Values
			q.weighted += d.c.Values * d.c.Value
		}
		p[i+1] = q
	}
	return p
}

// windowsOf lists the SLT's maintenance occurrences (from a year before its
// first data to 400 days after now) and approved exceptions, by when each
// became known.
func windowsOf(in compliance.Input, s *domain.SLT, first time.Time) []Window {
	loc, err := domain.LoadZone(s.Spec.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	var out []Window
	for _, m := range in.Workspace.Maintenance() {
		if !compliance.MaintenanceApplies(m, s) {
			continue
		}
		for _, iv := range compliance.Occurrences(m, loc, first.AddDate(-1, 0, 0), in.At.AddDate(0, 0, 400)) {
			out = append(out, Window{Kind: Maintenance, Start: iv.Start, End: iv.End, Known: m.Spec.RegisteredAt.UTC()})
		}
	}
	for _, e := range in.Exceptions {
		if e.SLT == s.Name() && e.Status == compliance.StatusApproved {
			out = append(out, Window{Kind: Exception, Start: e.Start.UTC(), End: e.End.UTC(), Known: knownAt(e, in.At).UTC()})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Known.Before(out[j].Known) })
	return out
}

// leadDays reduces a feed to one value per local day of loc (daily.FeedDays:
// the same rule slate correlate reads).
func leadDays(in compliance.Input, feed string, loc *time.Location) (map[int]float64, error) {
	days, err := daily.FeedDays(in, feed, loc)
	if err != nil {
		return nil, fmt.Errorf("lead indicator: %w", err)
	}
	return days, nil
}

// Targets lists the SLTs and tiers predicted.
func (l *Ledger) Targets() []Target { return l.targets }

// Now is the evaluation time of the input.
func (l *Ledger) Now() time.Time { return l.now }

func (d *targetData) epoch(at time.Time) int {
	e := 0
	for i, k := range d.epochs {
		if !k.After(at) {
			e = i
		}
	}
	return e
}

// Eval sums the local days that start in [from, min(to, at)).
func (l *Ledger) Eval(t Target, from, to, at time.Time) Counts {
	d := l.data[t.ID()]
	if d == nil {
		return Counts{Value: nan}
	}
	if to.After(at) {
		to = at
	}
	e := d.epoch(at)
	days := d.days[e]
	lo := sort.Search(len(days), func(i int) bool { return !days[i].start.Before(from) })
	hi := sort.Search(len(days), func(i int) bool { return !days[i].start.Before(to) })
	if hi <= lo {
		return Counts{Value: nan}
	}
	a, b := d.pre[e][lo], d.pre[e][hi]
	c := Counts{Good: b.good - a.good, Bad: b.bad - a.bad, Unknown: b.unknown - a.unknown, Excluded: b.excluded - a.excluded, Value: nan}
	if !t.Statistic {
		return c
	}
	c.Good, c.Bad = 0, 0
	c.Values = b.values - a.values
	if c.Values <= 0 {
		return c
	}
	switch d.statistic {
	case "min", "max":
		for _, dr := range days[lo:hi] {
			if dr.c.Values == 0 || math.IsNaN(dr.c.Value) {
				continue
			}
			if math.IsNaN(c.Value) || (d.statistic == "min" && dr.c.Value < c.Value) || (d.statistic == "max" && dr.c.Value > c.Value) {
				c.Value = dr.c.Value
			}
		}
	default:
		// exact for the mean; for a median or percentile the count-weighted
		// mean of the daily values (the outcome labels are always exact)
		c.Value = (b.weighted - a.weighted) / c.Values
	}
	return c
}

// Periods lists the complete periods ended by at, as judged at at.
func (l *Ledger) Periods(t Target, at time.Time) []Outcome {
	d := l.data[t.ID()]
	if d == nil {
		return nil
	}
	ps := d.periods[d.epoch(at)]
	k := sort.Search(len(ps), func(i int) bool { return ps[i].End.After(at) })
	return ps[:k]
}

// Windows lists the SLT's windows known at at.
func (l *Ledger) Windows(t Target, at time.Time) []Window {
	ws := l.windows[t.SLT]
	k := sort.Search(len(ws), func(i int) bool { return ws[i].Known.After(at) })
	return ws[:k]
}

// Leads gives the daily lead values of the SLT in [from, min(to, at)).
func (l *Ledger) Leads(t Target, from, to, at time.Time) [][]float64 {
	leads := l.leads[t.SLT]
	if len(leads) == 0 {
		return nil
	}
	if to.After(at) {
		to = at
	}
	out := make([][]float64, len(leads))
	for i, ld := range leads {
		for d := from; d.Before(to); d = addDays(d, 1, t.Loc) {
			y, m, dd := d.In(t.Loc).Date()
			v, ok := ld.byDay[int(time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Unix()/86400)]
			switch {
			case !ok:
				v = nan
			case ld.inverse:
				v = -v
			}
			out[i] = append(out[i], v)
		}
	}
	return out
}
