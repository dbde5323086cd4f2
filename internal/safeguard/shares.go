package safeguard

import (
	"fmt"
	"math"
	"slices"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/readview"
	"slate/internal/stats"
	"slate/internal/storage"
)

// The rise rule: a period's excluded share is flagged when it is at least
// RiseMinShare, above the median of the RiseWindow complete periods before
// it plus twice their median absolute deviation, and at least double that
// median. It needs RiseMinPeriods earlier periods.
const (
	RiseMinShare   = 0.01
	RiseWindow     = 12
	RiseMinPeriods = 3
)

// LargeExceptionShare: an exception that takes more than this share of a
// period's units out of an SLT is flagged as large.
const LargeExceptionShare = 0.05

// PeriodShare is how much of one period of an SLT (or tier) was taken out
// of the count: units in maintenance or approved exceptions; for a
// duration SLT, the business time its items' clocks were stopped (paused,
// or inside maintenance and exceptions).
type PeriodShare struct {
	Tier     string `json:"tier,omitempty"`
	Period   string `json:"period"`
	Complete bool   `json:"complete"`
	// Units are the units in scope (eligible, unknown and excluded), or the
	// business hours of the items resolved in the period; Excluded what was
	// taken out of them.
	Units    float64  `json:"units"`
	Excluded float64  `json:"excluded"`
	Share    *float64 `json:"share"`
	// Usual and MAD are the median share of the periods before it and their
	// median absolute deviation (null with fewer than RiseMinPeriods).
	Usual  *float64 `json:"usual_share"`
	MAD    *float64 `json:"mad"`
	Rising bool     `json:"rising"`
	Reason string   `json:"reason,omitempty"`
}

// PauseClaim is an item whose pause turns it from late to on time.
type PauseClaim struct {
	Item   string `json:"item"`
	Period string `json:"period"`
	// Hours: the pause, the business time without and with it, and the goal.
	PausedHours  float64 `json:"paused_hours"`
	WithoutHours float64 `json:"without_pause_hours"`
	WithHours    float64 `json:"with_pause_hours"`
	GoalHours    float64 `json:"goal_hours"`
	// Confirmed by a second person (Approval names the request).
	Confirmed bool   `json:"confirmed"`
	Approval  string `json:"approval,omitempty"`
}

// SLTShares is one SLT's excluded shares and what they say.
type SLTShares struct {
	SLT         string `json:"slt"`
	DisplayName string `json:"display_name"`
	// Measure is "units excluded" or "clock stopped" (duration SLTs).
	Measure string `json:"measure"`
	// CounterMetric is the SLT named to be read beside this one.
	CounterMetric string        `json:"counter_metric,omitempty"`
	Periods       []PeriodShare `json:"periods"`
	// Rising are the reasons of the periods flagged.
	Rising []string `json:"rising"`
	// Pauses are the items whose pause decides their verdict: each needs a
	// second person's confirmation (RequestPauseConfirmation).
	Pauses      []PauseClaim `json:"decisive_pauses"`
	Unconfirmed int          `json:"unconfirmed_pauses"`
}

// Shares computes the excluded shares of every SLT (or one) at time at.
// Composites have no units of their own and are left out.
func Shares(st *storage.Store, at time.Time, slt string) ([]SLTShares, error) {
	in, err := readview.Input(st, at)
	if err != nil {
		return nil, err
	}
	ws := in.Workspace
	if slt != "" && ws.SLT(slt) == nil {
		return nil, fmt.Errorf("SLT %q does not exist", slt)
	}
	approvals, err := List(st, Filter{Kind: KindClockPause, Status: compliance.StatusApproved})
	if err != nil {
		return nil, err
	}
	confirmed := map[string]string{}
	for _, a := range approvals {
		confirmed[a.Subject] = a.ID
	}
	ev := compliance.NewEvaluator(in)
	out := []SLTShares{}
	for _, s := range ws.SLTs() {
		if (slt != "" && s.Name() != slt) || s.Spec.Indicator == nil {
			continue
		}
		ss := SLTShares{SLT: s.Name(), DisplayName: name(s), Measure: "units excluded", CounterMetric: s.Spec.CounterMetric,
			Periods: []PeriodShare{}, Rising: []string{}, Pauses: []PauseClaim{}}
		var series [][]PeriodShare
		if s.Spec.Indicator.Kind == domain.IndicatorDuration {
			ss.Measure = "clock stopped"
			series, ss.Pauses, err = durationShares(in, s, confirmed)
			if err != nil {
				return nil, err
			}
		} else {
			rows, err := ev.SLT(s.Name(), nil)
			if err != nil {
				return nil, err
			}
			series = unitShares(rows)
		}
		for _, ps := range series {
			flagRises(ps, ss.Measure)
			for _, p := range ps {
				if p.Rising {
					ss.Rising = append(ss.Rising, p.Reason)
				}
			}
			ss.Periods = append(ss.Periods, ps...)
		}
		for _, p := range ss.Pauses {
			if !p.Confirmed {
				ss.Unconfirmed++
			}
		}
		out = append(out, ss)
	}
	return out, nil
}

func name(s *domain.SLT) string {
	if s.Metadata.DisplayName != "" {
		return s.Metadata.DisplayName
	}
	return s.Name()
}

// unitShares: per tier (or the SLT's own rows), excluded ÷ units in scope.
func unitShares(r compliance.SLTRows) [][]PeriodShare {
	var out [][]PeriodShare
	for _, rows := range r.Tiers {
		var ps []PeriodShare
		for _, row := range rows {
			p := PeriodShare{Tier: row.Tier, Period: row.Period, Complete: row.Complete, Units: row.Eligible + row.Unknown + row.Excluded, Excluded: row.Excluded}
			if p.Units > 0 {
				v := p.Excluded / p.Units
				p.Share = &v
			}
			ps = append(ps, p)
		}
		out = append(out, ps)
	}
	return out
}

// durationShares reads a duration SLT's items: per tier and period of
// resolution, the business hours stopped (pause, maintenance, approved
// exceptions) over the business hours from opened to resolved; and the
// items whose pause alone makes them on time.
func durationShares(in compliance.Input, s *domain.SLT, confirmed map[string]string) ([][]PeriodShare, []PauseClaim, error) {
	plan, err := compliance.PlanSLT(in, s, nil)
	if err != nil {
		return nil, nil, err
	}
	loc, err := domain.LoadZone(s.Spec.TimeZone)
	if err != nil {
		return nil, nil, err
	}
	type acc struct{ units, stopped float64 }
	byTier := make([]map[string]*acc, len(plan.Specs))
	var order []string
	seen := map[string]bool{}
	var claims []PauseClaim
	goal := s.Spec.Indicator.Goal.D()
	err = in.Source(plan.Feed, time.Unix(0, 0).UTC(), in.At, func(p domain.Point) error {
		if p.Resolved.IsZero() || !p.Resolved.Before(in.At) {
			return nil
		}
		for i, sp := range plan.Specs {
			if sp.Owns != nil && !sp.Owns(p.Opened) {
				continue
			}
			key := sp.Period.Of(p.Resolved, loc).Key
			if !seen[key] {
				seen[key] = true
				order = append(order, key)
			}
			if byTier[i] == nil {
				byTier[i] = map[string]*acc{}
			}
			a := byTier[i][key]
			if a == nil {
				a = &acc{}
				byTier[i][key] = a
			}
			raw := sp.Calendar.Business(p.Opened, p.Resolved, nil)
			counted := compliance.Elapsed(sp.Calendar, sp.Exclusions, p.Opened, p.Resolved, p.Paused)
			a.units += raw.Hours()
			a.stopped += min(max(raw-counted, 0), raw).Hours()
			without := compliance.Elapsed(sp.Calendar, sp.Exclusions, p.Opened, p.Resolved, 0)
			if p.Paused > 0 && counted <= goal && without > goal {
				subject := s.Name() + ":" + p.ItemID
				claims = append(claims, PauseClaim{Item: p.ItemID, Period: key, PausedHours: p.Paused / 3600, WithoutHours: without.Hours(),
					WithHours: counted.Hours(), GoalHours: goal.Hours(), Confirmed: confirmed[subject] != "", Approval: confirmed[subject]})
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	slices.Sort(order) // period keys of one kind sort in time order
	var out [][]PeriodShare
	for i, sp := range plan.Specs {
		var ps []PeriodShare
		for _, key := range order {
			a := byTier[i][key]
			if a == nil {
				continue
			}
			p := PeriodShare{Tier: sp.Tier, Period: key, Units: round(a.units), Excluded: round(a.stopped)}
			if pp, err := compliance.ParseKey(key, loc); err == nil {
				p.Complete = !pp.End.After(in.At)
			}
			if a.units > 0 {
				v := a.stopped / a.units
				p.Share = &v
			}
			ps = append(ps, p)
		}
		out = append(out, ps)
	}
	slices.SortFunc(claims, func(a, b PauseClaim) int {
		if a.Period != b.Period {
			return compareStrings(a.Period, b.Period)
		}
		return compareStrings(a.Item, b.Item)
	})
	return out, claims, nil
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func round(h float64) float64 { return math.Round(h*1000) / 1000 }

// flagRises applies the rise rule to one series of periods, in time order.
func flagRises(ps []PeriodShare, measure string) {
	var prior []float64
	for i := range ps {
		p := &ps[i]
		if !p.Complete || p.Share == nil {
			continue
		}
		if len(prior) >= RiseMinPeriods {
			window := prior[max(0, len(prior)-RiseWindow):]
			med := stats.Percentile(window, 0.5)
			dev := make([]float64, len(window))
			for j, v := range window {
				dev[j] = math.Abs(v - med)
			}
			mad := stats.Percentile(dev, 0.5)
			p.Usual, p.MAD = &med, &mad
			if v := *p.Share; v >= RiseMinShare && v > med+2*mad && v >= 2*med {
				p.Rising = true
				who := ""
				if p.Tier != "" {
					who = "tier " + p.Tier + ": "
				}
				p.Reason = fmt.Sprintf("%s%s %.1f%% in %s, against a usual %.1f%% (median of the %d periods before; their deviation %.1f points): more than double and outside the usual spread",
					who, measure, v*100, p.Period, med*100, len(window), mad*100)
			}
		}
		prior = append(prior, *p.Share)
	}
}

// ExceptionImpact is how much an exception takes out of its SLT, per
// period: units excluded (or, for a duration SLT, items it turns from late
// to on time) as a share of the period's units, evaluated with the
// exception approved against without it.
type ExceptionImpact struct {
	Exception string            `json:"exception"`
	SLT       string            `json:"slt"`
	Status    string            `json:"status"`
	Periods   []ExceptionPeriod `json:"periods"`
	MaxShare  float64           `json:"max_share"`
	// Large is true above LargeExceptionShare of a period's units.
	Large  bool   `json:"large"`
	Reason string `json:"reason"`
}

// ExceptionPeriod is an exception's impact on one period.
type ExceptionPeriod struct {
	Tier     string  `json:"tier,omitempty"`
	Period   string  `json:"period"`
	Units    float64 `json:"units"`
	Affected float64 `json:"affected"`
	Share    float64 `json:"share"`
}

// ExceptionImpactOf evaluates one exception's impact at time at, whatever
// its status (an approver sees what approving would do).
func ExceptionImpactOf(st *storage.Store, at time.Time, id string) (ExceptionImpact, error) {
	var exc storage.Exception
	if err := st.View(func(tx *storage.Tx) error {
		var err error
		exc, err = tx.Exception(id)
		return err
	}); err != nil {
		return ExceptionImpact{}, err
	}
	in, err := readview.Input(st, at)
	if err != nil {
		return ExceptionImpact{}, err
	}
	if in.Workspace.SLT(exc.SLT) == nil {
		return ExceptionImpact{}, fmt.Errorf("SLT %q of %s does not exist any more", exc.SLT, exc.ID)
	}
	with, without := in, in
	with.Exceptions, without.Exceptions = nil, nil
	for _, e := range in.Exceptions {
		switch {
		case e.ID == exc.ID:
			e.Status = compliance.StatusApproved
			with.Exceptions = append(with.Exceptions, e)
		default:
			with.Exceptions = append(with.Exceptions, e)
			without.Exceptions = append(without.Exceptions, e)
		}
	}
	a, err := compliance.NewEvaluator(with).SLT(exc.SLT, nil)
	if err != nil {
		return ExceptionImpact{}, err
	}
	b, err := compliance.NewEvaluator(without).SLT(exc.SLT, nil)
	if err != nil {
		return ExceptionImpact{}, err
	}
	duration := in.Workspace.SLT(exc.SLT).Spec.Indicator != nil && in.Workspace.SLT(exc.SLT).Spec.Indicator.Kind == domain.IndicatorDuration
	imp := ExceptionImpact{Exception: exc.ID, SLT: exc.SLT, Status: exc.Status, Periods: []ExceptionPeriod{}}
	for ti := range a.Tiers {
		before := map[string]compliance.Row{}
		if ti < len(b.Tiers) {
			for _, r := range b.Tiers[ti] {
				before[r.Period] = r
			}
		}
		for _, r := range a.Tiers[ti] {
			o := before[r.Period]
			affected := r.Excluded - o.Excluded
			if duration && r.Good != nil && o.Good != nil {
				affected = *r.Good - *o.Good
			}
			units := r.Eligible + r.Unknown + r.Excluded
			if affected <= 0 || units <= 0 {
				continue
			}
			share := affected / units
			imp.Periods = append(imp.Periods, ExceptionPeriod{r.Tier, r.Period, units, affected, share})
			imp.MaxShare = max(imp.MaxShare, share)
		}
	}
	imp.Large = imp.MaxShare > LargeExceptionShare
	switch {
	case len(imp.Periods) == 0:
		imp.Reason = fmt.Sprintf("%s takes nothing out of %s", exc.ID, exc.SLT)
	case imp.Large:
		imp.Reason = fmt.Sprintf("%s takes %.1f%% of a period's units out of %s, more than %.0f%%: a large exception, for the review meeting to see", exc.ID, imp.MaxShare*100, exc.SLT, LargeExceptionShare*100)
	default:
		imp.Reason = fmt.Sprintf("%s takes at most %.1f%% of a period's units out of %s", exc.ID, imp.MaxShare*100, exc.SLT)
	}
	return imp, nil
}

// CounterPair is an SLT and the counter-metric it names.
type CounterPair struct {
	SLT     string `json:"slt"`
	Counter string `json:"counter_metric"`
}

// CounterMetrics lists the workspace's SLTs that name a counter-metric.
func CounterMetrics(ws *domain.Workspace) []CounterPair {
	out := []CounterPair{}
	for _, s := range ws.SLTs() {
		if s.Spec.CounterMetric != "" {
			out = append(out, CounterPair{s.Name(), s.Spec.CounterMetric})
		}
	}
	return out
}
