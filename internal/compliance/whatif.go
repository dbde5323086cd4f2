package compliance

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"slate/internal/domain"
	"slate/internal/plain"
)

// ResolutionWarning says whether the measurement can see the error budget: the
// resolution (the feed's interval, or the availability slice when coarser)
// must not exceed the budget of bad time in a nominal period ((1 − target) ×
// period length × the calendar's share of business time).
func ResolutionWarning(slt string, tier string, ps PeriodSpec, resolution time.Duration, openShare, target float64) *Warning {
	if resolution <= 0 || target <= 0 || target >= 1 {
		return nil
	}
	budget := time.Duration((1 - target) * openShare * float64(ps.Nominal()))
	if budget >= resolution {
		return nil
	}
	return &Warning{SLT: slt, Tier: tier, Kind: "resolution", Message: fmt.Sprintf(
		"measurement resolution %s is coarser than the %s error budget of %s at %s: one bad sample spends more than the whole budget",
		fmtDur(resolution), ps.String(), fmtDur(budget), fmtPct(target))}
}

func fmtDur(d time.Duration) string {
	switch {
	case d >= time.Hour:
		return plain.Number(d.Hours()) + "h"
	case d >= time.Minute:
		return plain.Number(d.Minutes()) + "m"
	}
	return plain.Number(d.Seconds()) + "s"
}

func fmtPct(v float64) string { return plain.Target(v, true, "") }

// ResolutionWarnings checks an SLT (each tier) at its own targets, or at target when given.
func ResolutionWarnings(ws *domain.Workspace, s *domain.SLT, target *float64) []Warning {
	in := s.Spec.Indicator
	if in == nil || !s.Spec.RatioLike() || in.Kind == domain.IndicatorDuration {
		return nil
	}
	var res time.Duration
	if f := ws.Feed(s.Spec.Feed); f != nil {
		res = f.Spec.Interval.D()
	}
	if in.Kind == domain.IndicatorAvailability {
		sl := in.Slice.D()
		if sl <= 0 {
			sl = time.Minute
		}
		res = max(res, sl)
	}
	ps, err := ParsePeriodSpec(s.Spec.Period)
	if err != nil {
		return nil
	}
	share := func(name string) float64 {
		if c := ws.Calendar(name); c != nil {
			if cc, err := CompileCalendar(c); err == nil {
				return cc.OpenShare()
			}
		}
		return 1
	}
	var out []Warning
	check := func(tier, cal string, t float64) {
		if target != nil {
			t = *target
		}
		if w := ResolutionWarning(s.Name(), tier, ps, res, share(cal), t); w != nil {
			out = append(out, *w)
		}
	}
	if len(s.Spec.Tiers) == 0 {
		check("", s.Spec.Calendar, s.Spec.Objective.Target)
	}
	for _, t := range s.Spec.Tiers {
		check(t.Name, t.Calendar, t.Target)
	}
	return out
}

// WhatIfPeriod is one past period judged at the proposed target.
type WhatIfPeriod struct {
	Period      string   `json:"period"`
	Attainment  *float64 `json:"attainment"`
	MetCurrent  *bool    `json:"met_current"`
	MetProposed *bool    `json:"met_proposed"`
}

// WhatIf is how an SLT's history fares at another target.
type WhatIf struct {
	SLT            string         `json:"slt"`
	Tier           string         `json:"tier,omitempty"`
	Ratio          bool           `json:"ratio"`          // targets and attainments are shares (0..1), else values in Unit
	Unit           string         `json:"unit,omitempty"` // of a statistic SLT ("ms")
	Op             string         `json:"op"`
	CurrentTarget  *float64       `json:"current_target"`
	ProposedTarget float64        `json:"proposed_target"`
	Periods        []WhatIfPeriod `json:"periods"`
	Judged         int            `json:"judged"`
	MetCurrent     int            `json:"met_current"`
	MetProposed    int            `json:"met_proposed"`
	// Target90 is the strictest target met in at least 90% of the judged periods.
	Target90 *float64  `json:"target_met_in_90pct"`
	Warnings []Warning `json:"warnings"`
}

// WhatIfRows judges complete overall rows of an SLT at the proposed target.
func WhatIfRows(slt string, rows []Row, op string, current *float64, proposed float64) WhatIf {
	w := WhatIf{SLT: slt, Op: op, CurrentTarget: current, ProposedTarget: proposed, Periods: []WhatIfPeriod{}, Warnings: []Warning{}}
	var atts []float64
	for _, r := range rows {
		if !r.Complete {
			continue
		}
		p := WhatIfPeriod{Period: r.Period, Attainment: r.Attainment}
		if r.Attainment != nil {
			a := *r.Attainment
			atts = append(atts, a)
			w.Judged++
			p.MetProposed = ptr(domain.Compare(a, op, proposed))
			if *p.MetProposed {
				w.MetProposed++
			}
			if current != nil {
				p.MetCurrent = ptr(domain.Compare(a, op, *current))
				if *p.MetCurrent {
					w.MetCurrent++
				}
			}
		}
		w.Periods = append(w.Periods, p)
	}
	w.Target90 = Target90(atts, op)
	return w
}

// Target90 is the strictest target that at least 90% of the attainments meet:
// for ≥ the value at rank ⌊0.1·n⌋ from the bottom, for ≤ from the top.
func Target90(atts []float64, op string) *float64 {
	n := len(atts)
	if n == 0 {
		return nil
	}
	s := slices.Clone(atts)
	slices.Sort(s)
	k := int(math.Floor(0.1 * float64(n)))
	if op == "<=" || op == "<" {
		return ptr(s[n-1-k])
	}
	return ptr(s[k])
}

// CheckTarget refuses a target the SLT cannot have: a share outside 0..1 (with
// the fix: 95 is written 95% or 0.95), or a number that is not finite.
func CheckTarget(s *domain.SLT, target float64) error {
	if math.IsNaN(target) || math.IsInf(target, 0) {
		return fmt.Errorf("target %v is not a number", target)
	}
	if !s.Spec.RatioLike() {
		return nil
	}
	if target > 1 && target <= 100 {
		return fmt.Errorf("target %s for %s is not a share (0..1): write %s%% or %s",
			plain.Number(target), s.Name(), plain.Number(target), plain.Number(target/100))
	}
	if target < 0 || target > 1 {
		return fmt.Errorf("target %s for %s is not a share: write a percentage such as 99.5%% or a fraction such as 0.995", plain.Number(target), s.Name())
	}
	return nil
}

// WhatIfSLT judges the evaluated rows of SLT s (or of its tier) at a
// proposed target: op and the current target are the tier's or the SLT's,
// with the resolution warnings the proposal raises.
func WhatIfSLT(ws *domain.Workspace, s *domain.SLT, rows SLTRows, tier string, target float64) (WhatIf, error) {
	var current *float64
	op := s.Spec.ObjectiveOp(s.Spec.Objective.Op)
	if len(s.Spec.Tiers) == 0 {
		if tier != "" {
			return WhatIf{}, fmt.Errorf("SLT %q has no tiers (leave the tier out)", s.Name())
		}
		v := s.Spec.Objective.Target
		current = &v
	}
	series := rows.Overall
	if tier != "" {
		i := slices.IndexFunc(s.Spec.Tiers, func(t domain.Tier) bool { return t.Name == tier })
		if i < 0 || i >= len(rows.Tiers) {
			names := make([]string, len(s.Spec.Tiers))
			for k, t := range s.Spec.Tiers {
				names[k] = t.Name
			}
			return WhatIf{}, fmt.Errorf("SLT %q has no tier %q (tiers: %s)", s.Name(), tier, strings.Join(names, ", "))
		}
		t := s.Spec.Tiers[i]
		op, current, series = s.Spec.ObjectiveOp(t.Op), &t.Target, rows.Tiers[i]
	}
	w := WhatIfRows(s.Name(), series, op, current, target)
	w.Tier, w.Ratio, w.Unit = tier, s.Spec.RatioLike(), Unit(ws, &s.Spec)
	for _, x := range ResolutionWarnings(ws, s, &target) {
		if tier == "" || x.Tier == tier {
			w.Warnings = append(w.Warnings, x)
		}
	}
	return w, nil
}

// WhatIfNamed judges every complete past period of the SLT named slt (or
// one tier of it) at a proposed target, evaluated on in.
func WhatIfNamed(in Input, slt, tier string, target float64) (WhatIf, error) {
	s := in.Workspace.SLT(slt)
	if s == nil {
		return WhatIf{}, fmt.Errorf("SLT %q does not exist", slt)
	}
	if err := CheckTarget(s, target); err != nil {
		return WhatIf{}, err
	}
	rows, err := NewEvaluator(in).SLT(slt, nil)
	if err != nil {
		return WhatIf{}, err
	}
	return WhatIfSLT(in.Workspace, s, rows, tier, target)
}
