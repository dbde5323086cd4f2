package compliance

import (
	"fmt"

	"slate/internal/domain"
)

// Composite combines component attainments: Σ(wᵢ·attᵢ)/Σwᵢ, per period of the
// composite's own period kind (components are evaluated over the same
// periods). A period where any component has no data has no data.
func (ev *Evaluator) composite(s *domain.SLT, override *PeriodSpec) (SLTRows, error) {
	ps, err := ParsePeriodSpec(s.Spec.Period)
	if err != nil {
		return SLTRows{}, fmt.Errorf("SLT %s: %w", s.Name(), err)
	}
	if override != nil {
		ps = *override
	}
	comps := s.Spec.Composite.Components
	parts := make([][]Row, len(comps))
	weights := make([]float64, len(comps))
	for i, c := range comps {
		r, err := ev.SLT(c.SLT, &ps)
		if err != nil {
			return SLTRows{}, fmt.Errorf("composite %s: %w", s.Name(), err)
		}
		parts[i], weights[i] = r.Overall, c.Weight
	}
	obj := Objective{s.Spec.ObjectiveOp(s.Spec.Objective.Op), s.Spec.Objective.Target}
	rows := CompositeRows(s.Name(), parts, weights, obj)
	MarkRuns(rows, s.Spec.RCAAfter)
	return SLTRows{Name: s.Name(), Tiers: [][]Row{rows}, Overall: rows, Plan: Plan{SLT: s, RCAAfter: s.Spec.RCAAfter}}, nil
}

// CompositeRows aggregates component rows (each in time order) by period key.
func CompositeRows(name string, parts [][]Row, weights []float64, obj Objective) []Row {
	type agg struct {
		row            Row
		n              int
		sum, raw, wsum float64
		nullAtt        bool
		nullRaw        bool
	}
	byKey := map[string]*agg{}
	var order []string
	for i, rows := range parts {
		for _, r := range rows {
			a := byKey[r.Period]
			if a == nil {
				a = &agg{row: Row{SLT: name, Kind: "composite", Period: r.Period, Start: r.Start, End: r.End, Complete: true}}
				byKey[r.Period] = a
				order = append(order, r.Period)
			}
			a.n++
			a.row.Complete = a.row.Complete && r.Complete
			a.row.Points += r.Points
			a.row.Eligible += r.Eligible
			a.row.Unknown += r.Unknown
			a.row.Excluded += r.Excluded
			if r.Attainment == nil {
				a.nullAtt = true
			} else {
				a.sum += weights[i] * *r.Attainment
			}
			if r.AttainmentRaw == nil {
				a.nullRaw = true
			} else {
				a.raw += weights[i] * *r.AttainmentRaw
			}
			a.wsum += weights[i]
		}
	}
	out := make([]Row, 0, len(order))
	for _, k := range order {
		a := byKey[k]
		r := a.row
		if a.n == len(parts) && a.wsum > 0 {
			if !a.nullAtt {
				r.Attainment = ptr(a.sum / a.wsum)
			}
			if !a.nullRaw {
				r.AttainmentRaw = ptr(a.raw / a.wsum)
			}
		}
		if r.Attainment == nil {
			r.Eligible = 0
		}
		r.Judge(obj)
		out = append(out, r)
	}
	sortRows(out)
	return out
}
