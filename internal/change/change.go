// Package change prices a proposed change window in error budget, for the
// change advisory board: how much of its period's budget the window would
// consume (counted, or excluded as registered maintenance), the budget left
// after it, and whether the SLT would still meet its target at its current
// burn. It reads compliance results; it writes nothing.
package change

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
)

// Request is a proposed change window [From, To) for one SLT.
type Request struct {
	SLT      string
	From, To time.Time
	// ErrorRate is the expected share of bad units during the window; nil
	// means 1 (the service is down or failing throughout).
	ErrorRate *float64
}

// Assessment is the window's cost for one SLT.
type Assessment struct {
	SLT     string    `json:"slt"`
	Service string    `json:"service"`
	Owner   string    `json:"owner"`
	Kind    string    `json:"kind"`
	From    time.Time `json:"from"`
	To      time.Time `json:"to"`
	// ErrorRate is the share of the window's units assumed bad.
	ErrorRate float64 `json:"error_rate"`
	// Impacts has one entry per tier and period the window falls in.
	Impacts []Impact `json:"impacts"`
	// Meets: the SLT would still meet its target (every tier, every period)
	// with the window counted as unplanned, and as planned maintenance.
	MeetsUnplanned bool `json:"meets_unplanned"`
	MeetsPlanned   bool `json:"meets_planned"`
	// Skipped says why an SLT of a service has no budget to assess (statistics, composites).
	Skipped string `json:"skipped,omitempty"`
	Verdict string `json:"verdict"`
}

// Impact is the window's effect on one tier's period.
type Impact struct {
	Tier   string    `json:"tier"`
	Period string    `json:"period"`
	Start  time.Time `json:"start"`
	End    time.Time `json:"end"`
	Target float64   `json:"target"`
	Op     string    `json:"op"`
	// WindowHours is the window's time in the SLT's scope (calendar, not
	// already excluded) in this period; RestHours the rest of the period
	// still to come; PastHours the part already measured.
	WindowHours float64 `json:"window_hours"`
	RestHours   float64 `json:"rest_hours"`
	PastHours   float64 `json:"past_hours"`
	// Basis names the data the rates come from: this period so far, or the
	// last complete period when this one has no data yet.
	Basis string `json:"basis"`
	// UnitsPerHour is eligible units per hour in scope; BadRatio the current
	// burn, bad / eligible.
	UnitsPerHour float64 `json:"units_per_hour"`
	BadRatio     float64 `json:"bad_ratio"`
	// EligibleSoFar and BadSoFar are this period's counts at the evaluation time.
	EligibleSoFar float64 `json:"eligible_so_far"`
	BadSoFar      float64 `json:"bad_so_far"`
	// The period projected to its end without the change, with the window
	// counted (unplanned), and with it excluded (planned maintenance).
	Without   Scenario `json:"without_change"`
	Unplanned Scenario `json:"unplanned"`
	Planned   Scenario `json:"planned"`
}

// Scenario is a period projected to its end.
type Scenario struct {
	Eligible   float64 `json:"eligible"`
	Bad        float64 `json:"bad"`
	AllowedBad float64 `json:"allowed_bad"`
	// WindowBad are the bad units the window adds; Consumes their share of the
	// period's budget (allowed bad).
	WindowBad float64 `json:"window_bad"`
	Consumes  float64 `json:"consumes"`
	// BudgetLeft = 1 − bad / allowed at the period's end (negative: overspent).
	BudgetLeft float64 `json:"budget_left"`
	Attainment float64 `json:"attainment"`
	Meets      bool    `json:"meets"`
}

// Assess prices one SLT's change window. The window must lie after the
// evaluation time (a window that has started is in the data already).
func Assess(in compliance.Input, req Request) (Assessment, error) {
	ws := in.Workspace
	s := ws.SLT(req.SLT)
	if s == nil {
		return Assessment{}, fmt.Errorf("SLT %q does not exist", req.SLT)
	}
	x := 1.0
	if req.ErrorRate != nil {
		x = *req.ErrorRate
	}
	switch {
	case req.From.IsZero() || req.To.IsZero():
		return Assessment{}, errors.New("a change window needs a start and an end")
	case !req.To.After(req.From):
		return Assessment{}, fmt.Errorf("the change window ends (%s) before it starts (%s)", stamp(req.To), stamp(req.From))
	case req.From.Before(in.At):
		return Assessment{}, fmt.Errorf("the change window starts (%s) before now (%s): a window that has started is in the data already; assess a future window", stamp(req.From), stamp(in.At))
	case math.IsNaN(x) || x < 0 || x > 1:
		return Assessment{}, fmt.Errorf("the expected error rate %v is outside 0..1 (write 2%% as 0.02)", x)
	}
	a := Assessment{SLT: s.Name(), Service: s.Spec.Service, Owner: s.Spec.Owner, From: req.From.UTC(), To: req.To.UTC(), ErrorRate: x, Impacts: []Impact{}}
	if s.Spec.Indicator != nil {
		a.Kind = s.Spec.Indicator.Kind
	}
	if reason := noBudget(s); reason != "" {
		a.Skipped = reason
		return a, &NoBudgetError{SLT: s.Name(), Reason: reason}
	}
	ev := compliance.NewEvaluator(in)
	rows, err := ev.SLT(s.Name(), nil)
	if err != nil {
		return a, err
	}
	plan := rows.Plan
	for i, spec := range plan.Specs {
		tierRows := rows.Tiers[i]
		for from := req.From; from.Before(req.To); {
			p := spec.Period.Of(from, spec.Loc)
			to := minTime(req.To, p.End)
			im, err := impact(in, s, spec, tierRows, p, from, to, x)
			if err != nil {
				return a, err
			}
			a.Impacts = append(a.Impacts, im)
			from = p.End
		}
	}
	a.MeetsUnplanned, a.MeetsPlanned = true, true
	for _, im := range a.Impacts {
		a.MeetsUnplanned = a.MeetsUnplanned && im.Unplanned.Meets
		a.MeetsPlanned = a.MeetsPlanned && im.Planned.Meets
	}
	a.Verdict = verdict(a)
	return a, nil
}

// NoBudgetError: the SLT has no error budget to spend (a statistic, a
// composite, or a share judged with <= or <).
type NoBudgetError struct{ SLT, Reason string }

func (e *NoBudgetError) Error() string { return "SLT " + e.SLT + ": " + e.Reason }

func noBudget(s *domain.SLT) string {
	switch {
	case s.Spec.Composite != nil:
		return "a composite has no error budget of its own; assess its components"
	case s.Spec.Indicator != nil && s.Spec.Indicator.Kind == domain.IndicatorStatistic:
		return fmt.Sprintf("a %s statistic has no error budget; a change window cannot be priced in it", s.Spec.Indicator.Statistic)
	}
	if _, _, ok := s.Spec.ShareTarget(); !ok {
		return "its objective is judged with <= or <, so it has no error budget"
	}
	return ""
}

func impact(in compliance.Input, s *domain.SLT, spec compliance.EvalSpec, rows []compliance.Row, p compliance.Period, wFrom, wTo time.Time, x float64) (Impact, error) {
	im := Impact{Tier: spec.Tier, Period: p.Key, Start: p.Start, End: p.End, Target: spec.Objective.Target, Op: spec.Objective.Op}
	excl := exclusions(in, s, spec, p)
	hours := func(a, b time.Time) float64 {
		if !b.After(a) {
			return 0
		}
		return spec.Calendar.Business(a, b, excl).Hours()
	}
	now := maxTime(p.Start, minTime(in.At, p.End))
	im.PastHours = hours(p.Start, now)
	im.WindowHours = hours(wFrom, wTo)
	im.RestHours = hours(now, p.End) - im.WindowHours
	var prev *compliance.Row
	for i := range rows {
		r := rows[i]
		switch {
		case r.Period == p.Key:
			im.EligibleSoFar = r.Eligible
			if r.Bad != nil {
				im.BadSoFar = *r.Bad
			}
		case r.Complete && !r.Start.After(p.Start) && r.Eligible > 0 && r.Bad != nil:
			prev = &rows[i]
		}
	}
	switch {
	case im.EligibleSoFar > 0 && im.PastHours > 0:
		im.Basis = "this period so far (" + p.Key + ")"
		im.UnitsPerHour, im.BadRatio = im.EligibleSoFar/im.PastHours, im.BadSoFar/im.EligibleSoFar
	case prev != nil:
		pp := compliance.Period{Key: prev.Period, Start: prev.Start, End: prev.End}
		h := spec.Calendar.Business(pp.Start, pp.End, exclusions(in, s, spec, pp)).Hours()
		if h <= 0 {
			return im, fmt.Errorf("SLT %s: period %s has no time in scope to take rates from", s.Name(), prev.Period)
		}
		im.Basis = "the last complete period (" + prev.Period + ")"
		im.UnitsPerHour, im.BadRatio = prev.Eligible/h, *prev.Bad/prev.Eligible
	default:
		return im, fmt.Errorf("SLT %s has no data to project from: import its feed first", s.Name())
	}
	t, rate, r := im.Target, im.UnitsPerHour, im.BadRatio
	judge := func(sc *Scenario) {
		sc.AllowedBad = (1 - t) * sc.Eligible
		if sc.AllowedBad > 0 {
			sc.Consumes = sc.WindowBad / sc.AllowedBad
			sc.BudgetLeft = 1 - sc.Bad/sc.AllowedBad
		}
		if sc.Eligible > 0 {
			sc.Attainment = 1 - sc.Bad/sc.Eligible
		}
		sc.Meets = domain.Compare(sc.Attainment, im.Op, t)
	}
	base, bad := im.EligibleSoFar+rate*im.RestHours, im.BadSoFar+r*rate*im.RestHours
	im.Without = Scenario{Eligible: base + rate*im.WindowHours, Bad: bad + r*rate*im.WindowHours, WindowBad: r * rate * im.WindowHours}
	im.Unplanned = Scenario{Eligible: base + rate*im.WindowHours, Bad: bad + x*rate*im.WindowHours, WindowBad: x * rate * im.WindowHours}
	im.Planned = Scenario{Eligible: base, Bad: bad}
	judge(&im.Without)
	judge(&im.Unplanned)
	judge(&im.Planned)
	return im, nil
}

// exclusions are the maintenance windows and approved exceptions of the
// period, recurring ones expanded to its end (they are registered already).
func exclusions(in compliance.Input, s *domain.SLT, spec compliance.EvalSpec, p compliance.Period) compliance.IntervalSet {
	ex, _ := compliance.Exclusions(s, spec.Loc, in.Workspace.Maintenance(), in.Exceptions, p.Start, p.End)
	return compliance.ExclusionSet(ex)
}

func verdict(a Assessment) string {
	var worst *Impact
	for i := range a.Impacts {
		if worst == nil || a.Impacts[i].Unplanned.BudgetLeft < worst.Unplanned.BudgetLeft {
			worst = &a.Impacts[i]
		}
	}
	if worst == nil {
		return "the window falls outside the SLT's scope"
	}
	where := worst.Period
	if worst.Tier != "" {
		where = worst.Tier + " " + where
	}
	if worst.WindowHours == 0 {
		return fmt.Sprintf("the window lies outside %s's hours in scope: it costs no budget", a.SLT)
	}
	u, pl := worst.Unplanned, worst.Planned
	msg := fmt.Sprintf("unplanned, the window uses %s of %s's %s budget, leaving %s at the period's end (%s projected)",
		pct(u.Consumes), a.SLT, where, pct(u.BudgetLeft), pct(u.Attainment))
	if u.Meets {
		msg += ": the target still holds"
	} else {
		msg += fmt.Sprintf(": the target of %s would be missed", pct(worst.Target))
	}
	msg += fmt.Sprintf("; registered as maintenance beforehand it is excluded, leaving %s", pct(pl.BudgetLeft))
	if !worst.Without.Meets {
		msg += fmt.Sprintf(" (at its current burn the SLT misses anyway: %s projected without the change)", pct(worst.Without.Attainment))
	}
	return msg
}

// AssessService prices the window for every SLT of a service; SLTs without a
// budget are listed with the reason, not assessed.
func AssessService(in compliance.Input, service string, from, to time.Time, errorRate *float64) ([]Assessment, error) {
	if in.Workspace.Service(service) == nil {
		return nil, fmt.Errorf("service %q does not exist", service)
	}
	out := []Assessment{}
	for _, s := range in.Workspace.SLTs() {
		if s.Spec.Service != service {
			continue
		}
		a, err := Assess(in, Request{SLT: s.Name(), From: from, To: to, ErrorRate: errorRate})
		var nb *NoBudgetError
		switch {
		case errors.As(err, &nb):
			a.Verdict = a.Skipped
		case err != nil:
			return nil, err
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("service %q has no SLTs", service)
	}
	return out, nil
}

func pct(x float64) string {
	return strings.TrimSuffix(strings.TrimRight(strconv.FormatFloat(x*100, 'f', 3, 64), "0"), ".") + "%"
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// Query is a change window [From, To) for one SLT or for every SLT of
// a service. ExpectedErrorRate is the share of units expected to fail during
// the window (nil: all of them, the service is down).
type Query struct {
	SLT               string   `json:"slt"`
	Service           string   `json:"service"`
	From              string   `json:"from"`
	To                string   `json:"to"`
	ExpectedErrorRate *float64 `json:"expected_error_rate"`
	At                string   `json:"at"`
}

// Window prices q's window for its SLT, or for every SLT of its service;
// read gives the evaluation input (at q.At) once the query is whole.
func Window(q Query, read func() (compliance.Input, error)) ([]Assessment, error) {
	none := []Assessment{}
	if (q.SLT == "") == (q.Service == "") {
		return none, errors.New("name an SLT or a service, not both")
	}
	if q.From == "" || q.To == "" {
		return none, errors.New("a change window needs a start and an end (from and to)")
	}
	from, err := compliance.ParseTime(q.From)
	if err != nil {
		return none, fmt.Errorf("from: %w", err)
	}
	to, err := compliance.ParseTime(q.To)
	if err != nil {
		return none, fmt.Errorf("to: %w", err)
	}
	in, err := read()
	if err != nil {
		return none, err
	}
	if q.Service != "" {
		return AssessService(in, q.Service, from, to, q.ExpectedErrorRate)
	}
	a, err := Assess(in, Request{SLT: q.SLT, From: from, To: to, ErrorRate: q.ExpectedErrorRate})
	if err != nil {
		return none, err
	}
	return append(none, a), nil
}
