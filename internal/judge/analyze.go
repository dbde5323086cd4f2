// Package judge reads one SLT's evaluated rows as a whole: the analysis of
// its series (objective, periods, hourly samples of its feed) and its status
// in a reporting period, the one rule (compliance.JudgeStatus) fed with the
// rows, the analysis' concerns and the running period's alerts. The
// dashboard, the pack, `slate report`, `slate analyze` and the API all call
// it, so they never disagree.
package judge

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"slate/internal/analysis"
	"slate/internal/compliance"
	"slate/internal/domain"
)

// Query selects what of an SLT's history is analysed. From and To are
// period keys (2026-01, 2026-Q1, a date ...); a period is analysed when it
// starts inside [From, To]. Baseline is "FIRST..LAST" (period labels of the
// SLT); Tier picks one tier of a tiered SLT (default: its overall rows).
// Chart is "", "xmr", "p" or "laney-p"; Rules "nelson" (default) or "we".
type Query struct {
	Tier     string
	From     string
	To       string
	Baseline string
	Chart    string
	Rules    string
}

// Zone is the SLT's time zone (UTC when it names none or an unknown one).
func Zone(s *domain.SLT) *time.Location {
	loc, err := domain.LoadZone(s.Spec.TimeZone)
	if err != nil || loc == nil {
		return time.UTC
	}
	return loc
}

// Objective is what the series of an SLT (or of its tier) is judged against:
// the tier's op and target, or the SLT's own; a tiered SLT's overall rows
// have an op but no single target (nil).
func Objective(s *domain.SLT, tier string) (op string, target *float64, err error) {
	sp := &s.Spec
	if tier != "" {
		for _, t := range sp.Tiers {
			if t.Name == tier {
				v := t.Target
				return sp.ObjectiveOp(t.Op), &v, nil
			}
		}
		return "", nil, fmt.Errorf("SLT %s has no tier %q (tiers: %s)", s.Name(), tier, TierNames(sp.Tiers))
	}
	op = sp.ObjectiveOp(sp.Objective.Op)
	if len(sp.Tiers) == 0 {
		v := sp.Objective.Target
		target = &v
	}
	return op, target, nil
}

// TierNames lists tiers for a message ("none" without).
func TierNames(ts []domain.Tier) string {
	if len(ts) == 0 {
		return "none"
	}
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}

// Series is the rows of one tier of an evaluated SLT, or its overall rows.
func Series(r compliance.SLTRows, tier string) []compliance.Row {
	if tier != "" {
		for i, e := range r.Plan.Specs {
			if e.Tier == tier && i < len(r.Tiers) {
				return r.Tiers[i]
			}
		}
	}
	return r.Overall
}

// Input is the analysis input of one SLT (or tier) series: the same for
// `slate analyze`, the pack and the status rule, so all read the same chart,
// trend and capability. op and target are Objective's.
func Input(ws *domain.Workspace, s *domain.SLT, op string, target *float64, series []compliance.Row, loc *time.Location) analysis.Input {
	sp := &s.Spec
	ain := analysis.Input{SLT: s.Name(), Ratio: sp.RatioLike(), Op: op, Target: target,
		PeriodKind: PeriodKind(sp.Period), Location: loc, Unit: compliance.Unit(ws, sp)}
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

// PeriodKind maps an SLT period (month, rolling:28d ...) to analysis' kinds.
func PeriodKind(p string) string {
	if p == "" {
		return "month"
	}
	if strings.HasPrefix(p, "rolling:") {
		return "rolling"
	}
	return p
}

// Within keeps the rows whose period starts inside [from, to]: from the
// start of the from period to the end of the to period (keys read in loc).
func Within(rows []compliance.Row, from, to string, loc *time.Location) ([]compliance.Row, error) {
	lo, hi := time.Time{}, time.Time{}
	if from != "" {
		p, err := compliance.ParseKey(from, loc)
		if err != nil {
			return nil, domain.FieldErrorf("from", "the first period %q is not a period key (2026-10, 2026-Q3, 2026-W07, 2026, 2026-10-05)", from)
		}
		lo = p.Start
	}
	if to != "" {
		p, err := compliance.ParseKey(to, loc)
		if err != nil {
			return nil, domain.FieldErrorf("to", "the last period %q is not a period key (2026-10, 2026-Q3, 2026-W07, 2026, 2026-10-05)", to)
		}
		hi = p.End
	}
	if !lo.IsZero() && !hi.IsZero() && !hi.After(lo) {
		return nil, domain.FieldErrorf("to", "the last period %s is before the first %s", to, from)
	}
	var out []compliance.Row
	for _, r := range rows {
		if (lo.IsZero() || !r.Start.Before(lo)) && (hi.IsZero() || r.Start.Before(hi)) {
			out = append(out, r)
		}
	}
	return out, nil
}

// Analyze analyses one evaluated SLT (or tier) as q selects, with hourly
// samples of its feed (read through in.Source) for seasonality. It reads
// points, never evaluates: rows are the SLT's evaluation at in.At.
func Analyze(in compliance.Input, s *domain.SLT, rows compliance.SLTRows, q Query) (analysis.Result, error) {
	op, target, err := Objective(s, q.Tier)
	if err != nil {
		return analysis.Result{}, err
	}
	loc, err := domain.LoadZone(s.Spec.TimeZone)
	if err != nil {
		return analysis.Result{}, fmt.Errorf("SLT %s: %w", s.Name(), err)
	}
	series, err := Within(Series(rows, q.Tier), q.From, q.To, loc)
	if err != nil {
		return analysis.Result{}, err
	}
	ain := Input(in.Workspace, s, op, target, series, loc)
	ain.Tier, ain.Chart, ain.Rules = q.Tier, q.Chart, q.Rules
	if q.Baseline != "" {
		from, to, ok := strings.Cut(q.Baseline, "..")
		if !ok || from == "" || to == "" {
			return analysis.Result{}, domain.FieldErrorf("baseline", "baseline %q: write FIRST..LAST period, e.g. 2025-12..2026-05", q.Baseline)
		}
		ain.Baseline = analysis.PeriodRange{From: strings.TrimSpace(from), To: strings.TrimSpace(to)}
	}
	if s.Spec.Composite == nil && len(series) > 0 && len(rows.Plan.Specs) > 0 {
		spec := rows.Plan.Specs[0]
		for _, e := range rows.Plan.Specs {
			if e.Tier == q.Tier {
				spec = e
			}
		}
		samp := NewSampler(spec, q.Tier == "" && len(rows.Plan.Specs) > 1)
		from, to := series[0].Start, series[len(series)-1].End
		if err := samp.Read(in, rows.Plan.Feed, from, to); err != nil {
			return analysis.Result{}, err
		}
		ain.Samples = samp.Samples(from, to)
	}
	res, err := analysis.Analyze(ain)
	if err != nil {
		return analysis.Result{}, errors.New(strings.TrimPrefix(err.Error(), "analysis: invalid input: "))
	}
	return res, nil
}

// AnalyzeSLT is the analysis of an SLT by name (or of one tier of it, q.Tier)
// with its definition as the analysis reads it: the SLT is evaluated on in.
func AnalyzeSLT(in compliance.Input, slt string, q Query) (Definition, analysis.Result, error) {
	s := in.Workspace.SLT(slt)
	if s == nil {
		return Definition{}, analysis.Result{}, fmt.Errorf("SLT %q does not exist", slt)
	}
	if _, err := domain.LoadZone(s.Spec.TimeZone); err != nil {
		return Definition{}, analysis.Result{}, fmt.Errorf("SLT %s: %w", s.Name(), err)
	}
	def, err := DefinitionOf(in.Workspace, s, q.Tier)
	if err != nil {
		return Definition{}, analysis.Result{}, err
	}
	rows, err := compliance.NewEvaluator(in).SLT(s.Name(), nil)
	if err != nil {
		return Definition{}, analysis.Result{}, err
	}
	res, err := Analyze(in, s, rows, q)
	return def, res, err
}
