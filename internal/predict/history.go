// Package predict estimates the probability that an SLT (or a tier of it)
// misses its target in the period in progress and in the next one, and
// shows its own track record: a walk-forward backtest that, at every past
// decision point, fits only on what was known then and compares its
// forecasts with what happened, against a simple baseline.
//
// The engine reads its data through History, a small interface whose every
// answer is "as known at" a time; the extractor only ever sees a View, which
// cuts every read at the decision time whatever the History would return.
// FromCompliance backs History with the compliance engine (the same
// periods, calendars, tiers and exclusions as the reports).
//
// Entry points: FromCompliance, Backtest, Predict; Fit and Model for the
// regression itself. docs/statistics.md ("Violation prediction") explains the
// features, the model, the baseline and what the figures mean.
package predict

import (
	"time"

	"slate/internal/compliance"
)

// Target is one SLT, or one tier of a tiered SLT, whose periods are predicted.
type Target struct {
	SLT    string
	Tier   string
	Period compliance.PeriodSpec
	Loc    *time.Location // the SLT's zone: periods and decision days
	Op     string         // objective operator
	Target float64        // objective target
	// Statistic is true when the attainment is a statistic (mean, p95 ...)
	// rather than a share of good units.
	Statistic bool
	Service   string
	Feed      string
	// Linked are the IDs of targets whose trouble may spill over to this one:
	// other tiers of the SLT, SLTs of the same service or on the same feed.
	Linked []string
}

// ID names a target: the SLT, or SLT/tier.
func (t Target) ID() string {
	if t.Tier == "" {
		return t.SLT
	}
	return t.SLT + "/" + t.Tier
}

// Counts are a target's units over a time range, as the compliance engine
// counts them (docs/metrics.md). Statistic targets fill Values and Value
// (NaN without values) instead of Good and Bad.
type Counts struct {
	Good, Bad, Unknown, Excluded float64
	Values                       float64
	Value                        float64
}

// Outcome is one complete period of a target.
type Outcome struct {
	Key        string
	Start, End time.Time
	Attainment *float64 // nil: no data
	Met        *bool    // nil: no data (neither met nor missed)
}

// Window kinds.
const (
	Maintenance = "maintenance" // a planned maintenance or change window
	Exception   = "exception"   // an approved exception
)

// Window is a maintenance window or an approved exception of a target, with
// the time it became known (registration, or approval).
type Window struct {
	Kind       string
	Start, End time.Time
	Known      time.Time
}

// History is what the engine reads. Every method answers as the data stood
// at time at; callers never ask about anything at or after at, and View
// enforces that for the feature extractor.
type History interface {
	// Targets lists what can be predicted.
	Targets() []Target
	// Now is the latest time the history knows (the end of the backtest).
	Now() time.Time
	// Eval counts the target's units in [from, to), to ≤ at, as known at at.
	// from and to are local midnights of the target's zone.
	Eval(t Target, from, to, at time.Time) Counts
	// Periods lists the target's periods that had ended by at (End ≤ at),
	// oldest first, judged as they were known at at.
	Periods(t Target, at time.Time) []Outcome
	// Windows lists the target's maintenance windows and approved exceptions
	// known at at (Known ≤ at), whenever they take place.
	Windows(t Target, at time.Time) []Window
	// Leads gives, per lead indicator of the target, one value per local day
	// in [from, to), to ≤ at (NaN for a day without data), oriented so that
	// higher is worse. Nil when the target has no lead indicators.
	Leads(t Target, from, to, at time.Time) [][]float64
}

// View is one target as known at At: all the feature extractor sees. Every
// read is cut at At, whatever the History behind it would return.
type View struct {
	T    Target
	At   time.Time
	h    History
	byID map[string]Target
}

// NewView binds a target of h to a decision time.
func NewView(h History, t Target, at time.Time) View {
	byID := map[string]Target{}
	for _, o := range h.Targets() {
		byID[o.ID()] = o
	}
	return View{T: t, At: at, h: h, byID: byID}
}

// Eval counts the target's units in [from, min(to, At)).
func (v View) Eval(from, to time.Time) Counts {
	if to.After(v.At) {
		to = v.At
	}
	if !from.Before(to) {
		return Counts{Value: nan}
	}
	return v.h.Eval(v.T, from, to, v.At)
}

// Periods lists the periods that had ended by At.
func (v View) Periods() []Outcome {
	ps := v.h.Periods(v.T, v.At)
	for i, p := range ps {
		if p.End.After(v.At) {
			out := append([]Outcome(nil), ps[:i]...)
			for _, q := range ps[i+1:] {
				if !q.End.After(v.At) {
					out = append(out, q)
				}
			}
			return out
		}
	}
	return ps
}

// Windows lists the windows known at At.
func (v View) Windows() []Window {
	var out []Window
	for _, w := range v.h.Windows(v.T, v.At) {
		if !w.Known.After(v.At) {
			out = append(out, w)
		}
	}
	return out
}

// Leads gives the lead indicators' daily values in [from, min(to, At)).
func (v View) Leads(from, to time.Time) [][]float64 {
	if to.After(v.At) {
		to = v.At
	}
	if !from.Before(to) {
		return nil
	}
	return v.h.Leads(v.T, from, to, v.At)
}

// Linked views the linked targets at the same time.
func (v View) Linked() []View {
	var out []View
	for _, id := range v.T.Linked {
		if t, ok := v.byID[id]; ok {
			out = append(out, View{T: t, At: v.At, h: v.h, byID: v.byID})
		}
	}
	return out
}

// dayStart is the local midnight that starts t's day in loc.
func dayStart(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc).UTC()
}

// addDays moves a local midnight by n days (DST-correct).
func addDays(t time.Time, n int, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d+n, 0, 0, 0, 0, loc).UTC()
}
