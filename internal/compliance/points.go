package compliance

import (
	"time"

	"slate/internal/domain"
)

// The per-point rules of docs/metrics.md, shared by the evaluator and the
// drill-down (internal/drill), so the rows behind a figure add up to it.

// RowUnits are the good and bad units of one ratio or threshold row: a
// threshold row is one unit, good when value op threshold; a ratio row adds
// its good events and the rest of its total (a total of 0 with good events
// counts them as the total).
func (s *EvalSpec) RowUnits(p *domain.Point) (good, bad float64) {
	in := &s.Indicator
	if in.Kind == domain.IndicatorThreshold {
		if in.Threshold != nil && domain.Compare(p.Value, in.Op, *in.Threshold) {
			return 1, 0
		}
		return 0, 1
	}
	total := p.Total
	if total == 0 && p.Good > 0 {
		total = p.Good
	}
	good = min(max(p.Good, 0), total)
	return good, total - good
}

// ProbeUp says whether an availability probe is up: a value probe when
// value op threshold, an event when all of it is good.
func (s *EvalSpec) ProbeUp(p *domain.Point) bool {
	in := &s.Indicator
	if in.Threshold != nil && in.Op != "" {
		return domain.Compare(p.Value, in.Op, *in.Threshold)
	}
	if p.Total > 0 {
		return p.Good >= p.Total
	}
	return p.Good > 0
}

// SliceSeconds is the availability slice in seconds (default a minute).
func (s *EvalSpec) SliceSeconds() int64 {
	if sl := int64(s.Indicator.Slice.D() / time.Second); sl > 0 {
		return sl
	}
	return 60
}

// SliceVerdict judges an availability slice with n probes, up of them up:
// good when all are (or the slice target's share); a slice without probes
// is judged by the indicator's missing rule (exclude: not known).
func (s *EvalSpec) SliceVerdict(n, up int) (known, good bool) {
	in := &s.Indicator
	if n > 0 {
		if st := in.SliceTarget; st != nil {
			return true, float64(up) >= *st*float64(n)
		}
		return true, up == n
	}
	switch in.Missing {
	case "good":
		return true, true
	case "bad":
		return true, false
	}
	return false, false
}

// PeriodEnd is the end of the period (of a rolling SLT: the day) holding t.
func (s *EvalSpec) PeriodEnd(t time.Time) time.Time {
	if s.Period.Kind == Rolling {
		return PeriodSpec{Kind: Day}.Of(t, s.Loc).End
	}
	return s.Period.Of(t, s.Loc).End
}

// PlaceItem places a duration item (docs/metrics.md, duration): in the
// period it was resolved, good when its elapsed business time (minus excl
// and its pauses) is within the goal; or, while open at the end of an
// earlier period with the goal already passed, as bad in that period, at
// its last instant. open says it was unresolved at the evaluation time. An
// open item within its goal is placed nowhere yet (placed false).
func (s *EvalSpec) PlaceItem(p *domain.Point, open bool, excl IntervalSet) (at time.Time, good bool, elapsed time.Duration, placed bool) {
	goal := s.Indicator.Goal.D()
	for end := s.PeriodEnd(p.Opened); ; end = s.PeriodEnd(end) {
		if open && end.After(s.At) || !open && !end.Before(p.Resolved) {
			break
		}
		if el := Elapsed(s.Calendar, excl, p.Opened, end, p.Paused); el > goal {
			return end.Add(-time.Nanosecond), false, el, true
		}
	}
	if open {
		return time.Time{}, false, 0, false
	}
	el := Elapsed(s.Calendar, excl, p.Opened, p.Resolved, p.Paused)
	return p.Resolved, el <= goal, el, true
}

// ItemOpen says whether an item was unresolved at the evaluation time.
func (s *EvalSpec) ItemOpen(p *domain.Point) bool {
	return p.Resolved.IsZero() || !p.Resolved.Before(s.At)
}
