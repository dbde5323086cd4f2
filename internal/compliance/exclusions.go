package compliance

import (
	"slices"
	"time"

	"slate/internal/domain"
)

// Exception statuses.
const (
	StatusRequested = "requested"
	StatusApproved  = "approved"
	StatusRejected  = "rejected"
)

// ExceptionWindow is a requested exclusion of [Start, End) for one SLT. Only an
// approved one removes anything.
type ExceptionWindow struct {
	ID     string
	SLT    string
	Start  time.Time
	End    time.Time
	Status string
	// Decided is when the exception was approved or rejected (zero: unknown).
	// Engines that ask what was known at an earlier time (internal/predict)
	// need it; the compliance calculation itself does not.
	Decided time.Time
}

// Exclusion is one window removed from an SLT's calculation, and why.
type Exclusion struct {
	Start  time.Time `json:"start"`
	End    time.Time `json:"end"`
	Source string    `json:"source"` // maintenance or exception
	Ref    string    `json:"ref"`    // window name or exception id
}

// Ignored is a window that does not exclude anything, and why.
type Ignored struct {
	SLT    string    `json:"slt"`
	Source string    `json:"source"`
	Ref    string    `json:"ref"`
	Start  time.Time `json:"start"`
	End    time.Time `json:"end"`
	Reason string    `json:"reason"`
}

// MaintenanceApplies reports whether a window is scoped to the SLT: it names
// the SLT or its service, or names neither (then it covers every SLT).
func MaintenanceApplies(m *domain.MaintenanceWindow, s *domain.SLT) bool {
	if len(m.Spec.SLTs) == 0 && len(m.Spec.Services) == 0 {
		return true
	}
	return slices.Contains(m.Spec.SLTs, s.Name()) || slices.Contains(m.Spec.Services, s.Spec.Service)
}

// Occurrences expands a maintenance window into the instances that start in
// [from, to). A recurring window's clock time is local to its own zone, or to
// def (the SLT's zone) when it has none; From/Until bound the dates, inclusive.
func Occurrences(m *domain.MaintenanceWindow, def *time.Location, from, to time.Time) []Interval {
	sp := m.Spec
	if sp.Recurrence == nil {
		if sp.End.After(sp.Start) && sp.End.After(from) && sp.Start.Before(to) {
			return []Interval{{sp.Start.UTC(), sp.End.UTC()}}
		}
		return nil
	}
	r := sp.Recurrence
	loc := def
	if r.TimeZone != "" {
		l, err := domain.LoadZone(r.TimeZone)
		if err != nil {
			return nil
		}
		loc = l
	}
	at, err := domain.ParseClock(r.At)
	if err != nil || r.Duration <= 0 {
		return nil
	}
	first, last := LocalDay(from.Add(-r.Duration.D()), loc), LocalDay(to, loc)
	if r.From != "" {
		if d, err := time.Parse(time.DateOnly, r.From); err == nil {
			first = max(first, civil(d.Date()))
		}
	}
	if r.Until != "" {
		if d, err := time.Parse(time.DateOnly, r.Until); err == nil {
			last = min(last, civil(d.Date()))
		}
	}
	days := map[time.Weekday]bool{}
	for _, d := range r.Days {
		if wd, ok := domain.ParseWeekday(d); ok {
			days[wd] = true
		}
	}
	var out []Interval
	for n := first; n <= last; n++ {
		_, _, d := civilDate(n)
		switch r.Freq {
		case "weekly":
			if !days[civilWeekday(n)] {
				continue
			}
		case "monthly":
			if d != r.DayOfMonth {
				continue
			}
		case "daily":
		default:
			continue
		}
		// a clock time the zone skips that day starts when the clock resumes
		s := clockAt(n, at, loc)
		e := s.Add(r.Duration.D())
		if e.After(from) && s.Before(to) {
			out = append(out, Interval{s, e})
		}
	}
	return out
}

// Exclusions collects the windows removed from one SLT's calculation over
// [from, to): maintenance instances registered before they started, and
// approved exceptions of the SLT. It also lists the windows that were left in
// (registered late, or exceptions not approved), for the report.
func Exclusions(s *domain.SLT, loc *time.Location, windows []*domain.MaintenanceWindow, exceptions []ExceptionWindow, from, to time.Time) ([]Exclusion, []Ignored) {
	var ex []Exclusion
	var ign []Ignored
	for _, m := range windows {
		if !MaintenanceApplies(m, s) {
			continue
		}
		f := from
		if r := m.Spec.Recurrence; r != nil {
			if m.Spec.RegisteredAt.IsZero() {
				continue
			}
			// occurrences that started before registration never count; skip them.
			f = maxTime(from, m.Spec.RegisteredAt.Add(-r.Duration.D()))
		}
		for _, iv := range Occurrences(m, loc, f, to) {
			if m.Spec.RegisteredAt.Before(iv.Start) {
				ex = append(ex, Exclusion{iv.Start, iv.End, "maintenance", m.Name()})
			} else {
				ign = append(ign, Ignored{s.Name(), "maintenance", m.Name(), iv.Start, iv.End,
					"registered at " + m.Spec.RegisteredAt.UTC().Format(time.RFC3339) + ", not before the window started: request an exception"})
			}
		}
	}
	for _, e := range exceptions {
		if e.SLT != s.Name() || !e.End.After(from) || !e.Start.Before(to) {
			continue
		}
		if e.Status == StatusApproved {
			ex = append(ex, Exclusion{e.Start.UTC(), e.End.UTC(), "exception", e.ID})
		} else {
			ign = append(ign, Ignored{s.Name(), "exception", e.ID, e.Start.UTC(), e.End.UTC(), "exception is " + e.Status + ", not approved"})
		}
	}
	slices.SortFunc(ex, func(a, b Exclusion) int { return a.Start.Compare(b.Start) })
	return ex, ign
}

// ExclusionSet merges exclusions into an interval set.
func ExclusionSet(ex []Exclusion) IntervalSet {
	ivs := make([]Interval, len(ex))
	for i, e := range ex {
		ivs[i] = Interval{e.Start, e.End}
	}
	return NewIntervalSet(ivs)
}
