package app

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"slate/internal/analysis"
	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/storage"
)

// Analysis is the statistical reading of one SLT: control chart, trend,
// time to breach, seasonality, baseline band and verdict (docs/statistics.md,
// "slate analyze").
type Analysis struct {
	store      *storage.Store
	compliance *Compliance
}

// AnalyzeQuery selects an SLT and the periods to analyse. From and To are
// period keys (2026-01, 2026-Q1, a date ...); a period is analysed when it
// starts inside [From, To]. Baseline is "P..P" (period labels of the SLT);
// Tier picks one tier of a tiered SLT (default: its overall rows). At is the
// evaluation time (empty: now). Chart is "", "xmr", "p" or "laney-p"; Rules
// "nelson" (default) or "we".
type AnalyzeQuery struct {
	SLT      string `json:"slt"`
	From     string `json:"from"`
	To       string `json:"to"`
	Baseline string `json:"baseline"`
	Tier     string `json:"tier"`
	At       string `json:"at"`
	Chart    string `json:"chart"`
	Rules    string `json:"rules"`
}

// SLTAnalysis is the definition summary and the analysis of one SLT.
type SLTAnalysis struct {
	At         time.Time          `json:"at"`
	Definition AnalysisDefinition `json:"definition"`
	Analysis   analysis.Result    `json:"analysis"`
}

// AnalysisDefinition is what a reader needs to know about an SLT beside its numbers.
type AnalysisDefinition struct {
	Name        string   `json:"name"`
	DisplayName string   `json:"display_name"`
	Service     string   `json:"service"`
	Type        string   `json:"type"`
	Owner       string   `json:"owner"`
	Feed        string   `json:"feed,omitempty"`
	Indicator   string   `json:"indicator"`
	Statistic   string   `json:"statistic,omitempty"`
	Period      string   `json:"period"`
	TimeZone    string   `json:"time_zone"`
	Supplier    string   `json:"supplier,omitempty"`
	Op          string   `json:"op"`
	Target      *float64 `json:"target"`
	// Objective is the analysed objective as people read it (">= 95%").
	Objective   string                   `json:"objective"`
	Tiers       []domain.Tier            `json:"tiers"`
	Tier        string                   `json:"tier,omitempty"`
	Assumptions *domain.Assumptions      `json:"assumptions"`
	Escalation  []domain.EscalationLevel `json:"escalation"`
}

// SLT analyses one SLT from the compliance engine's per-period rows, with
// hourly samples of its feed for seasonality, read in the same pass.
func (a *Analysis) SLT(q AnalyzeQuery) (SLTAnalysis, error) {
	at, err := a.compliance.at(q.At)
	if err != nil {
		return SLTAnalysis{}, err
	}
	in, err := a.compliance.input(at)
	if err != nil {
		return SLTAnalysis{}, err
	}
	s := in.Workspace.SLT(q.SLT)
	if s == nil {
		return SLTAnalysis{}, fmt.Errorf("SLT %q does not exist", q.SLT)
	}
	sp := &s.Spec
	loc, err := domain.LoadZone(sp.TimeZone)
	if err != nil {
		return SLTAnalysis{}, fmt.Errorf("SLT %s: %w", s.Name(), err)
	}
	sum := definitionSummary(in.Workspace, s)
	if q.Tier != "" {
		found := false
		for _, t := range sp.Tiers {
			if t.Name == q.Tier {
				found, sum.Tier, sum.Op = true, t.Name, sp.ObjectiveOp(t.Op)
				sum.Target = &t.Target
				sum.Objective = FormatObjective(sp, compliance.Unit(in.Workspace, sp), t.Op, t.Target)
			}
		}
		if !found {
			return SLTAnalysis{}, fmt.Errorf("SLT %s has no tier %q (tiers: %s)", s.Name(), q.Tier, tierNames(sp.Tiers))
		}
	}

	var samp *sampler
	if sp.Composite == nil {
		plan, err := compliance.PlanSLT(in, s, nil)
		if err != nil {
			return SLTAnalysis{}, err
		}
		spec := plan.Specs[0]
		for _, e := range plan.Specs {
			if e.Tier == q.Tier {
				spec = e
			}
		}
		samp = newSampler(spec, q.Tier == "" && len(plan.Specs) > 1)
		samp.feed = plan.Feed
	}
	rows, err := compliance.NewEvaluator(in).SLT(s.Name(), nil)
	if err != nil {
		return SLTAnalysis{}, err
	}
	series := rows.Overall
	if q.Tier != "" {
		for i, e := range rows.Plan.Specs {
			if e.Tier == q.Tier && i < len(rows.Tiers) {
				series = rows.Tiers[i]
			}
		}
	}
	series, err = periodRange(series, q.From, q.To, loc)
	if err != nil {
		return SLTAnalysis{}, err
	}

	ain := analysisInput(in.Workspace, s, sum, series, loc)
	ain.Tier, ain.Chart, ain.Rules = q.Tier, q.Chart, q.Rules
	if q.Baseline != "" {
		from, to, ok := strings.Cut(q.Baseline, "..")
		if !ok || from == "" || to == "" {
			return SLTAnalysis{}, fmt.Errorf("--baseline %q: write FIRST..LAST period, e.g. 2025-12..2026-05", q.Baseline)
		}
		ain.Baseline = analysis.PeriodRange{From: strings.TrimSpace(from), To: strings.TrimSpace(to)}
	}
	if samp != nil && len(series) > 0 {
		from, to := series[0].Start, series[len(series)-1].End
		if err := samp.read(in, from, to); err != nil {
			return SLTAnalysis{}, err
		}
		ain.Samples = samp.samples(from, to)
	}
	res, err := analysis.Analyze(ain)
	if err != nil {
		return SLTAnalysis{}, errors.New(strings.TrimPrefix(err.Error(), "analysis: invalid input: "))
	}
	return SLTAnalysis{At: at, Definition: sum, Analysis: res}, nil
}

// analysisInput is the analysis input of one SLT (or tier) series: the same
// for `slate analyze`, the pack and the status rule, so all read the same
// chart, trend and capability. sum gives the op and target (a tier's, or the
// SLT's; none for a tiered SLT's overall rows, which still carry met).
func analysisInput(ws *domain.Workspace, s *domain.SLT, sum AnalysisDefinition, series []compliance.Row, loc *time.Location) analysis.Input {
	sp := &s.Spec
	ain := analysis.Input{SLT: s.Name(), Ratio: sp.RatioLike(), Op: sum.Op, Target: sum.Target,
		PeriodKind: periodKind(sp.Period), Location: loc, Unit: unitOf(ws, s)}
	for _, r := range series {
		p := analysis.Period{Label: r.Period, Start: r.Start, End: r.End, Complete: r.Complete, Value: math.NaN(), Met: r.Met}
		if r.Attainment != nil {
			p.Value = *r.Attainment
		}
		if r.Good != nil && r.Eligible > 0 {
			p.Good, p.Eligible = *r.Good, r.Eligible
		}
		ain.Periods = append(ain.Periods, p)
	}
	return ain
}

// unitOf is the unit of an SLT's values: its feed's, for SLTs that are not shares.
func unitOf(ws *domain.Workspace, s *domain.SLT) string {
	if s.Spec.RatioLike() {
		return ""
	}
	if f := ws.Feed(s.Spec.Feed); f != nil {
		return f.Spec.Unit
	}
	return ""
}

func definitionSummary(ws *domain.Workspace, s *domain.SLT) AnalysisDefinition {
	sp := &s.Spec
	sum := AnalysisDefinition{Name: s.Name(), DisplayName: displayName(s.Metadata), Service: sp.Service, Type: sp.Type,
		Owner: sp.Owner, Feed: sp.Feed, Period: sp.Period, TimeZone: sp.TimeZone,
		Op: sp.ObjectiveOp(sp.Objective.Op), Tiers: sp.Tiers, Assumptions: sp.Assumptions, Escalation: sp.Escalation}
	if sum.Period == "" {
		sum.Period = "month"
	}
	if sum.TimeZone == "" {
		sum.TimeZone = "UTC"
	}
	switch {
	case sp.Composite != nil:
		sum.Indicator = "composite"
	case sp.Indicator != nil:
		sum.Indicator, sum.Statistic = sp.Indicator.Kind, sp.Indicator.Statistic
	}
	if sum.Tiers == nil {
		sum.Tiers = []domain.Tier{}
	}
	if sum.Escalation == nil {
		sum.Escalation = []domain.EscalationLevel{}
	}
	if f := ws.Feed(sp.Feed); f != nil {
		sum.Supplier = f.Spec.Supplier
	}
	if len(sp.Tiers) == 0 {
		t := sp.Objective.Target
		sum.Target = &t
		sum.Objective = FormatObjective(sp, compliance.Unit(ws, sp), sp.Objective.Op, t)
	}
	return sum
}

func tierNames(ts []domain.Tier) string {
	if len(ts) == 0 {
		return "none"
	}
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}

// periodKind maps an SLT period (month, rolling:28d ...) to analysis' kinds.
func periodKind(p string) string {
	if p == "" {
		return "month"
	}
	if strings.HasPrefix(p, "rolling:") {
		return "rolling"
	}
	return p
}

// periodRange keeps the rows whose period starts inside [from, to]: from the
// start of the from period to the end of the to period.
func periodRange(rows []compliance.Row, from, to string, loc *time.Location) ([]compliance.Row, error) {
	lo, hi := time.Time{}, time.Time{}
	if from != "" {
		p, err := compliance.ParseKey(from, loc)
		if err != nil {
			return nil, fmt.Errorf("--from %q is not a period key (2026-10, 2026-Q3, 2026-W07, 2026, 2026-10-05)", from)
		}
		lo = p.Start
	}
	if to != "" {
		p, err := compliance.ParseKey(to, loc)
		if err != nil {
			return nil, fmt.Errorf("--to %q is not a period key (2026-10, 2026-Q3, 2026-W07, 2026, 2026-10-05)", to)
		}
		hi = p.End
	}
	if !lo.IsZero() && !hi.IsZero() && !hi.After(lo) {
		return nil, fmt.Errorf("--to %s is before --from %s", to, from)
	}
	var out []compliance.Row
	for _, r := range rows {
		if (lo.IsZero() || !r.Start.Before(lo)) && (hi.IsZero() || r.Start.Before(hi)) {
			out = append(out, r)
		}
	}
	return out, nil
}

// sampler turns the feed's raw points into hourly samples for seasonality:
// per clock hour, the share of good units (ratio, threshold, availability
// probes, duration items by the hour they opened) weighted by the units, or
// the mean value (statistic SLTs) weighted by the count. Points outside the
// tier's calendar or inside exclusions are left out, as the evaluation does.
// It reads points, not availability slices, so a probe counts once.
type sampler struct {
	feed  string
	spec  compliance.EvalSpec
	cal   bool // filter by the spec's calendar
	kind  string
	hours []hourAcc
	items map[string]hourItem
	// Points come in time order, so calendar and exclusion lookups walk
	// forward through interval lists instead of searching for every point
	// (a calendar lookup per point was half the cost of an analysis).
	business, excluded cursor
	chunkEnd           time.Time
	// the zone offset in force over [zoneStart, zoneEnd), for local hours
	offset             int
	zoneStart, zoneEnd time.Time
}

// cursor answers "is t inside the set" for non-decreasing t in amortised O(1).
type cursor struct {
	set  compliance.IntervalSet
	i    int
	last time.Time
}

func (c *cursor) contains(t time.Time) bool {
	if t.Before(c.last) {
		return c.set.Contains(t) // out of order: search
	}
	c.last = t
	for c.i < len(c.set) && !c.set[c.i].End.After(t) {
		c.i++
	}
	return c.i < len(c.set) && !t.Before(c.set[c.i].Start)
}

// inBusiness reports whether t is business time of the tier's calendar,
// computing the calendar's intervals a month at a time.
func (s *sampler) inBusiness(t time.Time) bool {
	if !s.cal || s.spec.Calendar == nil {
		return true
	}
	if t.Before(s.business.last) {
		return s.spec.Calendar.Contains(t)
	}
	if !t.Before(s.chunkEnd) {
		s.chunkEnd = t.AddDate(0, 1, 0)
		s.business = cursor{set: s.spec.Calendar.Intervals(t, s.chunkEnd)}
	}
	return s.business.contains(t)
}

type hourAcc struct {
	hour      int64     // local clock hours since 1970-01-01 00:00 local
	start     time.Time // the instant the hour began
	sum, wsum float64
}

type hourItem struct {
	opened time.Time
	good   bool
}

func newSampler(spec compliance.EvalSpec, overall bool) *sampler {
	return &sampler{spec: spec, cal: !overall, kind: spec.Indicator.Kind, items: map[string]hourItem{},
		excluded: cursor{set: spec.Exclusions}}
}

// read samples the feed's points behind the periods in [from, to) (items:
// every item, since one opened long ago may be resolved inside).
func (s *sampler) read(in compliance.Input, from, to time.Time) error {
	if s.kind == domain.IndicatorDuration {
		from, to = time.Time{}, in.At.AddDate(20, 0, 0)
	}
	return in.Source(s.feed, from, minT(to, in.At.AddDate(20, 0, 0)), func(p domain.Point) error {
		s.add(&p)
		return nil
	})
}

func (s *sampler) add(p *domain.Point) {
	in := &s.spec.Indicator
	switch s.kind {
	case domain.IndicatorDuration:
		if p.Opened.IsZero() || p.Resolved.IsZero() || !p.Resolved.Before(s.spec.At) {
			return
		}
		if s.cal && s.spec.Owns != nil && !s.spec.Owns(p.Opened) {
			return
		}
		el := compliance.Elapsed(s.spec.Calendar, s.spec.Exclusions, p.Opened, p.Resolved, p.Paused)
		s.items[p.ItemID+"\x00"+p.Opened.String()] = hourItem{p.Opened, el <= in.Goal.D()}
		return
	}
	if !p.At.Before(s.spec.At) || s.excluded.contains(p.At) || !s.inBusiness(p.At) {
		return
	}
	v, w := 0.0, 1.0
	switch s.kind {
	case domain.IndicatorStatistic:
		v = p.Value
	case domain.IndicatorThreshold:
		if in.Threshold != nil && domain.Compare(p.Value, in.Op, *in.Threshold) {
			v = 1
		}
	case domain.IndicatorAvailability:
		up := p.Good > 0
		switch {
		case in.Threshold != nil && in.Op != "":
			up = domain.Compare(p.Value, in.Op, *in.Threshold)
		case p.Total > 0:
			up = p.Good >= p.Total
		}
		if up {
			v = 1
		}
	default: // ratio
		total := p.Total
		if total == 0 && p.Good > 0 {
			total = p.Good
		}
		if total <= 0 {
			return
		}
		v, w = min(max(p.Good, 0), total), total
	}
	s.put(p.At, v, w)
}

// put adds sum (a value, good units) with weight w (1, or the units) to t's
// local clock hour in the SLT's zone (Asia/Kolkata's hours start at :30 UTC).
// Calls come in time order, so only the last hour can be open.
func (s *sampler) put(t time.Time, sum, w float64) {
	if t.Before(s.zoneStart) || !t.Before(s.zoneEnd) {
		lt := t.In(s.spec.Loc)
		_, s.offset = lt.Zone()
		s.zoneStart, s.zoneEnd = lt.ZoneBounds()
		if s.zoneStart.IsZero() {
			s.zoneStart = time.Unix(-1<<40, 0)
		}
		if s.zoneEnd.IsZero() {
			s.zoneEnd = time.Unix(1<<40, 0)
		}
	}
	off := int64(s.offset)
	h := (t.Unix() + off) / 3600
	if t.Unix()+off < 0 && (t.Unix()+off)%3600 != 0 {
		h--
	}
	if n := len(s.hours); n == 0 || s.hours[n-1].hour != h {
		s.hours = append(s.hours, hourAcc{hour: h, start: time.Unix(h*3600-off, 0).UTC()})
	}
	a := &s.hours[len(s.hours)-1]
	a.sum += sum
	a.wsum += w
}

// samples returns the hourly samples in [from, to), one per local clock hour.
func (s *sampler) samples(from, to time.Time) []analysis.Sample {
	items := slices.SortedFunc(maps.Values(s.items), func(a, b hourItem) int { return a.opened.Compare(b.opened) })
	for _, it := range items {
		g := 0.0
		if it.good {
			g = 1
		}
		s.put(it.opened, g, 1)
	}
	clear(s.items)
	var out []analysis.Sample
	for _, a := range s.hours {
		t := a.start
		if t.Before(from) || !t.Before(to) || a.wsum == 0 {
			continue
		}
		out = append(out, analysis.Sample{At: t, Value: a.sum / a.wsum, Weight: a.wsum})
	}
	return out
}
