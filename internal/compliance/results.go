package compliance

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"slate/internal/domain"
)

// EngineVersion names the evaluation rules: results stored by another
// version are never read. Bump it with any change that can alter a figure
// (app.TestEngineVersionFingerprint fails until you do).
const EngineVersion = 1

// Results keeps the evaluated periods of complete periods between
// evaluations, so that a report costs what it asks, not the whole history.
// What it holds is derived data: losing it costs time, never a figure
// (`slate doctor --rebuild-results`).
type Results interface {
	// LoadResults returns the records stored for one evaluation spec, by period key.
	LoadResults(spec string) (map[string][]byte, error)
	// SaveResults stores records of one spec, replacing those of the same periods.
	SaveResults(spec string, recs map[string][]byte) error
}

// BatchSpan is a published batch of a feed and the time range of its points.
type BatchSpan struct {
	ID       uint64
	From, To time.Time
}

// A stored result depends on its spec (the key: indicator, period, zone,
// calendars, feed), on the published batches whose range meets the data the
// period reads, and on the exclusion windows inside it. It is used only when
// both sets are what they were: publishing or reverting a batch, approving an
// exception or changing a maintenance window invalidates exactly the periods
// it touches, and a changed definition has another key.
type record struct {
	NoData     bool      `json:"noData,omitempty"`
	Start      time.Time `json:"start"`
	End        time.Time `json:"end"`
	Points     int       `json:"points,omitempty"`
	Good       float64   `json:"good,omitempty"`
	Bad        float64   `json:"bad,omitempty"`
	Unknown    float64   `json:"unknown,omitempty"`
	Excluded   float64   `json:"excluded,omitempty"`
	RawGood    float64   `json:"rawGood,omitempty"`
	RawBad     float64   `json:"rawBad,omitempty"`
	BadSeconds float64   `json:"badSeconds,omitempty"`
	Statistic  bool      `json:"statistic,omitempty"`
	Values     float64   `json:"values,omitempty"`
	Value      *float64  `json:"value,omitempty"`
	RawValue   *float64  `json:"rawValue,omitempty"`
	Batches    []uint64  `json:"batches"`
	Exclusions string    `json:"exclusions"`
	// Earlier is whether the feed's data began before the period's reading
	// did (availability: gaps before the first point count only then).
	Earlier bool `json:"earlier,omitempty"`
}

func (r *record) result(key string) Result {
	return Result{Period: Period{key, r.Start, r.End}, Complete: true,
		Counts:    Counts{Good: r.Good, Bad: r.Bad, Unknown: r.Unknown, Excluded: r.Excluded, RawGood: r.RawGood, RawBad: r.RawBad, BadSeconds: r.BadSeconds, Points: r.Points},
		Statistic: r.Statistic, Values: r.Values, Value: r.Value, RawValue: r.RawValue}
}

func recordOf(r *Result) record {
	return record{Start: r.Period.Start, End: r.Period.End, Points: r.Points, Good: r.Good, Bad: r.Bad, Unknown: r.Unknown,
		Excluded: r.Excluded, RawGood: r.RawGood, RawBad: r.RawBad, BadSeconds: r.BadSeconds,
		Statistic: r.Statistic, Values: r.Values, Value: r.Value, RawValue: r.RawValue}
}

// SpecKey names what one tier's figures are computed from, apart from the
// data: the engine version, feed, indicator, period, zone and the calendars
// of the SLT (the objective is not in it: a new target judges stored counts).
func SpecKey(ws *domain.Workspace, s *domain.SLT, ps PeriodSpec, tier int) string {
	sp := &s.Spec
	cal := func(name string) any {
		if c := ws.Calendar(name); c != nil {
			return c.Spec
		}
		return nil
	}
	type tierCal struct {
		Name     string `json:"name"`
		Calendar any    `json:"calendar"`
	}
	k := struct {
		Engine    int               `json:"engine"`
		Feed      string            `json:"feed"`
		Indicator *domain.Indicator `json:"indicator"`
		Period    string            `json:"period"`
		Zone      string            `json:"zone"`
		Calendar  any               `json:"calendar"`
		Tier      int               `json:"tier"`
		Tiers     []tierCal         `json:"tiers"`
	}{EngineVersion, sp.Feed, sp.Indicator, ps.String(), sp.TimeZone, cal(sp.Calendar), tier, nil}
	for _, t := range sp.Tiers {
		k.Tiers = append(k.Tiers, tierCal{t.Name, cal(t.Calendar)})
	}
	b, _ := json.Marshal(k)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// margin is how far past a period's edges its figures read: an availability
// slice that starts inside the period may end after it.
func margin(sp *EvalSpec) time.Duration {
	if sp.Indicator.Kind != domain.IndicatorAvailability {
		return 0
	}
	if d := sp.Indicator.Slice.D(); d >= time.Second {
		return d
	}
	return time.Minute
}

// deps are the batches and exclusions a period's figures read.
func deps(batches []BatchSpan, excl []Exclusion, from, to time.Time) ([]uint64, string) {
	var ids []uint64
	for _, b := range batches {
		if !b.To.Before(from) && b.From.Before(to) {
			ids = append(ids, b.ID)
		}
	}
	h := sha256.New()
	for _, e := range excl {
		if e.End.After(from) && e.Start.Before(to) {
			fmt.Fprintf(h, "%d %d\n", e.Start.UnixNano(), e.End.UnixNano())
		}
	}
	return ids, hex.EncodeToString(h.Sum(nil)[:8])
}

// storedSeries evaluates a plan's tiers period by period: complete periods
// whose stored figures are still valid are read back, the others (and every
// running period) are evaluated from their own blocks, in runs of
// consecutive periods, and the complete ones are stored. Periods that end
// at or before since are only read as far back as the runs of misses of the
// periods after it need (MarkRuns); periods that start at or after until
// (when set) are not read.
func (ev *Evaluator) storedSeries(plan Plan, since, until time.Time) ([]Series, error) {
	in := ev.In
	specs := plan.Specs
	out := make([]Series, len(specs))
	for i := range specs {
		out[i].Spec = specs[i]
	}
	batches, err := in.Batches(plan.Feed)
	if err != nil {
		return nil, fmt.Errorf("SLT %s: batches of feed %s: %w", plan.SLT.Name(), plan.Feed, err)
	}
	if len(batches) == 0 {
		return out, nil
	}
	sp0 := &specs[0]
	ps, at, mg := sp0.Period, in.At, margin(sp0)
	periods := walkedPeriods(batches, sp0, at)
	if len(periods) == 0 {
		return out, nil
	}
	// A period's figures are stored once nothing later can change them.
	final := func(p Period) bool { return !p.End.Add(mg).After(at) }
	keys := make([]string, len(specs))
	stored := make([]map[string][]byte, len(specs))
	for i := range specs {
		keys[i] = SpecKey(in.Workspace, plan.SLT, ps, i)
		if stored[i], err = in.Results.LoadResults(keys[i]); err != nil {
			return nil, fmt.Errorf("SLT %s: stored results: %w", plan.SLT.Name(), err)
		}
	}
	type slot struct {
		res []*Result // per tier; nil: no data
	}
	slots := make([]slot, len(periods))
	dp, err := in.periodDeps(plan, batches)
	if err != nil {
		return nil, err
	}
	earlier, depsOf := dp.earlier, dp.of
	// lookup reads period j's stored figures when they are still valid.
	lookup := func(j int) bool {
		p := periods[j]
		if !final(p) {
			return false
		}
		ids, ex, early := depsOf(p)
		res := make([]*Result, len(specs))
		for i := range specs {
			var rec record
			v, ok := stored[i][p.Key]
			if !ok || json.Unmarshal(v, &rec) != nil || rec.Exclusions != ex || !slices.Equal(rec.Batches, ids) || rec.Earlier != early ||
				!rec.Start.Equal(p.Start) || !rec.End.Equal(p.End) {
				return false
			}
			if !rec.NoData {
				r := rec.result(p.Key)
				res[i] = &r
			}
		}
		slots[j] = slot{res}
		return true
	}
	saves := make([]map[string][]byte, len(specs))
	// evaluate computes periods j0 … j1−1 in one pass over their blocks.
	evaluate := func(j0, j1 int) error {
		from, to := periods[j0].Start.Add(-mg), minTime(periods[j1-1].End.Add(mg), at)
		run := slices.Clone(specs)
		for i := range run {
			if earlier(from) {
				run[i].From = from // the data began earlier: its gaps count from here
			}
		}
		series, err := in.runRange(plan, run, from, to)
		if err != nil {
			return err
		}
		byKey := make([]map[string]*Result, len(specs))
		for i := range series {
			byKey[i] = map[string]*Result{}
			for k := range series[i].Results {
				r := &series[i].Results[k]
				byKey[i][r.Period.Key] = r
			}
		}
		for j := j0; j < j1; j++ {
			p := periods[j]
			s := slot{res: make([]*Result, len(specs))}
			var ids []uint64
			var ex string
			var early bool
			if final(p) {
				ids, ex, early = depsOf(p)
			}
			for i := range specs {
				r := byKey[i][p.Key]
				s.res[i] = r
				if !final(p) {
					continue
				}
				b, err := storedRecord(p, r, ids, ex, early)
				if err != nil {
					return err
				}
				if saves[i] == nil {
					saves[i] = map[string][]byte{}
				}
				saves[i][p.Key] = b
			}
			slots[j] = s
		}
		return nil
	}
	// The periods asked for: from the first that ends after since to the
	// last that starts before until.
	start, stop := 0, len(periods)
	for start < len(periods)-1 && !periods[start].End.After(since) {
		start++
	}
	for !until.IsZero() && stop > start+1 && !periods[stop-1].Start.Before(until) {
		stop--
	}
	periods = periods[:stop]
	for j := start; j < len(periods); {
		if lookup(j) {
			j++
			continue
		}
		k := j + 1
		for k < len(periods) && !lookup(k) {
			k++
		}
		if err := evaluate(j, k); err != nil {
			return nil, err
		}
		j = k
	}
	// Earlier periods, back until every series' run of misses has ended.
	broken := make([]bool, len(specs)+1) // per tier, and overall
	for j := start - 1; j >= 0 && slices.Contains(broken, false); j-- {
		if !lookup(j) {
			if err := evaluate(j, j+1); err != nil {
				return nil, err
			}
		}
		start = j
		if periods[j].End.After(at) {
			continue // a running period neither ends nor extends a run
		}
		anyData, anyMiss := false, false
		for i, r := range slots[j].res {
			if r == nil {
				continue
			}
			anyData = true
			row := RowOf(specs[i], *r)
			if row.Met != nil && !*row.Met {
				anyMiss = true
			} else {
				broken[i] = true
			}
		}
		if anyData && !anyMiss {
			broken[len(specs)] = true
		}
	}
	for j := start; j < len(periods); j++ {
		for i, r := range slots[j].res {
			if r != nil {
				out[i].Results = append(out[i].Results, *r)
			}
		}
	}
	for i := range specs {
		if len(saves[i]) > 0 {
			if err := in.Results.SaveResults(keys[i], saves[i]); err != nil {
				return nil, fmt.Errorf("SLT %s: store results: %w", plan.SLT.Name(), err)
			}
		}
	}
	return out, nil
}

// walkedPeriods are the periods a plan's stored figures are kept for: from
// the one holding the feed's first published point until the first that
// reaches at or passes the last (none when the data starts at or after at).
func walkedPeriods(batches []BatchSpan, sp0 *EvalSpec, at time.Time) []Period {
	if len(batches) == 0 {
		return nil
	}
	first, last := batches[0].From, batches[0].To
	for _, b := range batches[1:] {
		first, last = minTime(first, b.From), maxTime(last, b.To)
	}
	if !first.Before(at) {
		return nil
	}
	var periods []Period
	for p := sp0.Period.Of(first, sp0.Loc); ; {
		periods = append(periods, p)
		if !p.End.Before(at) || p.End.After(last) {
			break
		}
		p = sp0.Period.Of(p.End, sp0.Loc)
	}
	return periods
}

// depsReader gives a period's dependencies: the batches and exclusions its
// figures read, and whether the feed's data began before it.
type depsReader struct {
	batches      []BatchSpan
	excl         []Exclusion
	mg           time.Duration
	firstVisible time.Time // availability only
}

func (in Input) periodDeps(plan Plan, batches []BatchSpan) (depsReader, error) {
	d := depsReader{batches: batches, excl: plan.Exclusions, mg: margin(&plan.Specs[0])}
	if plan.Specs[0].Indicator.Kind == domain.IndicatorAvailability {
		var err error
		if d.firstVisible, err = in.firstPoint(plan.Feed); err != nil {
			return d, err
		}
	}
	return d, nil
}

func (d depsReader) earlier(from time.Time) bool {
	return !d.firstVisible.IsZero() && d.firstVisible.Before(from)
}

func (d depsReader) of(p Period) ([]uint64, string, bool) {
	ids, ex := deps(d.batches, d.excl, p.Start.Add(-d.mg), p.End.Add(d.mg))
	return ids, ex, d.earlier(p.Start.Add(-d.mg))
}

// storedRecord is the stored form of period p's result r (nil: no data).
func storedRecord(p Period, r *Result, ids []uint64, ex string, early bool) ([]byte, error) {
	rec := record{NoData: true, Start: p.Start, End: p.End}
	if r != nil {
		rec = recordOf(r)
	}
	rec.Batches, rec.Exclusions, rec.Earlier = ids, ex, early
	return json.Marshal(rec)
}

// KeepEvaluated stores the complete periods of series (plan's tiers,
// evaluated as of plan's time over every published point of its feed, in
// one pass) exactly as an evaluation through stored results would have
// stored them, so that the next one reads them back instead of the feed's
// blocks. "Every published point" is the caller's promise: package warm
// keeps it for a feed's first import, which it follows as it is stored.
// It returns how many periods it stored.
func (in Input) KeepEvaluated(plan Plan, series []Series) (int, error) {
	if in.Results == nil || in.Batches == nil || len(series) != len(plan.Specs) {
		return 0, nil
	}
	batches, err := in.Batches(plan.Feed)
	if err != nil {
		return 0, err
	}
	sp0 := &plan.Specs[0]
	at, mg := sp0.At, margin(sp0)
	dp, err := in.periodDeps(plan, batches)
	if err != nil {
		return 0, err
	}
	n := 0
	for i := range series {
		byKey := map[string]*Result{}
		for k := range series[i].Results {
			r := &series[i].Results[k]
			byKey[r.Period.Key] = r
		}
		saves := map[string][]byte{}
		for _, p := range walkedPeriods(batches, sp0, at) {
			if p.End.Add(mg).After(at) {
				continue // not final when evaluated
			}
			ids, ex, early := dp.of(p)
			b, err := storedRecord(p, byKey[p.Key], ids, ex, early)
			if err != nil {
				return n, err
			}
			saves[p.Key] = b
		}
		if len(saves) > 0 {
			if err := in.Results.SaveResults(SpecKey(in.Workspace, plan.SLT, sp0.Period, i), saves); err != nil {
				return n, err
			}
			n += len(saves)
		}
	}
	return n, nil
}

// firstPoint is the time of the feed's first published point (zero: none).
func (in Input) firstPoint(feed string) (time.Time, error) {
	var t time.Time
	err := in.Source(feed, time.Time{}, time.Time{}, func(pt domain.Point) error {
		t = pt.At
		return errStop
	})
	if err != nil && !errors.Is(err, errStop) {
		return t, err
	}
	return t, nil
}
