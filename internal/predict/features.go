package predict

import (
	"math"
	"time"

	"slate/internal/stats"
)

var nan = math.NaN()

// Features, in the order of a feature vector. Stresses are log₂ of how hard
// the target is pushed: for shares the burn rate (bad/eligible)/(1 − target),
// for statistics value/target (target/value for ≥ objectives), so that 0
// (stress 1) is exactly the target in every kind, and they are clamped to
// [−4, 6]. docs/statistics.md describes each.
var FeatureNames = []string{
	"elapsed",            // share of the current period gone at the decision time
	"stress_to_date",     // the period so far (the last period's when it has no data yet)
	"stress_1d",          // the last day
	"stress_7d",          // the last 7 days
	"stress_28d",         // the last 28 days
	"budget_burned",      // elapsed × burn rate so far: share of the period's budget spent
	"headroom",           // log₂(burn rate the rest of the period can afford / the last 7 days' rate)
	"projected_miss",     // 1 when the baseline's projection says the period misses
	"trend",              // OLS slope of the stress over the last 6 complete periods
	"special_cause",      // 1 when an XmR chart flags one of the last 3 periods on the bad side
	"last_missed",        // 1 when the last complete period missed
	"recent_miss_rate",   // share of the last 6 complete periods missed
	"seasonal_miss_rate", // share of past periods of the same season (weekday, month...) missed
	"maintenance_ahead",  // log(1 + hours) of known windows in the rest of the period
	"maintenance_next",   // log(1 + hours) of known windows in the next period
	"excluded_share",     // excluded units / units so far this period
	"exceptions_90d",     // approved exceptions known in the last 90 days
	"unknown_share",      // units without data / units so far this period
	"linked_stress",      // highest 7-day stress of the linked targets
	"linked_missed",      // share of linked targets whose last period missed
	"lead",               // mean z-score of the lead indicators (last 7 days vs the 56 before)
}

const (
	fElapsed = iota
	fStressToDate
	fStress1d
	fStress7d
	fStress28d
	fBudgetBurned
	fHeadroom
	fProjectedMiss
	fTrend
	fSpecialCause
	fLastMissed
	fRecentMissRate
	fSeasonalMissRate
	fMaintenanceAhead
	fMaintenanceNext
	fExcludedShare
	fExceptions90d
	fUnknownShare
	fLinkedStress
	fLinkedMissed
	fLead
	nFeatures
)

const (
	minLogStress = -4.0
	maxLogStress = 6.0
)

// stressOf is how hard an attainment pushes the target (1 = exactly at it);
// NaN without an attainment.
func stressOf(t Target, att float64) float64 {
	if math.IsNaN(att) {
		return nan
	}
	lo, hi := math.Exp2(minLogStress), math.Exp2(maxLogStress)
	if !t.Statistic {
		budget := 1 - t.Target
		if budget <= 0 {
			if att < 1 {
				return hi
			}
			return lo
		}
		return (1 - att) / budget
	}
	switch t.Op {
	case ">=", ">":
		if att <= 0 {
			return hi
		}
		return t.Target / att
	}
	if t.Target <= 0 {
		if att <= t.Target {
			return lo
		}
		return hi
	}
	return att / t.Target
}

func attainment(t Target, c Counts) float64 {
	if t.Statistic {
		if c.Values == 0 {
			return nan
		}
		return c.Value
	}
	if e := c.Good + c.Bad; e > 0 {
		return c.Good / e
	}
	return nan
}

func logStress(s float64) float64 {
	if math.IsNaN(s) {
		return nan
	}
	if s <= 0 {
		return minLogStress
	}
	return math.Min(maxLogStress, math.Max(minLogStress, math.Log2(s)))
}

func or(v ...float64) float64 {
	for _, x := range v {
		if !math.IsNaN(x) {
			return x
		}
	}
	return minLogStress
}

// window counts the d local days before the decision time.
func window(v View, days int) Counts {
	at := dayStart(v.At, v.T.Loc)
	return v.Eval(addDays(at, -days, v.T.Loc), at)
}

// Decision is what a forecast at a decision time is about, besides the
// features: the period in progress, the next one, and the baseline's call.
type Decision struct {
	Period Period // the period in progress
	Next   Period // the one after it
	// OnCourseToMiss: the baseline (the burn rate so far, projected to the
	// period end) says the period misses.
	OnCourseToMiss bool
}

// Period is a period key with its bounds.
type Period struct {
	Key   string    `json:"key"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// Extract computes the feature vector of a view (see FeatureNames) and what
// the forecast is about. It reads nothing but the view.
func Extract(v View) ([]float64, Decision) {
	x := make([]float64, nFeatures)
	t, at, loc := v.T, v.At, v.T.Loc
	p := t.Period.Of(at, loc)
	np := t.Period.Of(p.End, loc) // for rolling periods: the window ending a day later
	d := Decision{Period: Period{p.Key, p.Start, p.End}, Next: Period{np.Key, np.Start, np.End}}
	f := float64(at.Sub(p.Start)) / float64(p.End.Sub(p.Start))
	x[fElapsed] = math.Max(0, math.Min(1, f))

	periods := v.Periods()
	var known []Outcome // complete periods with data
	lastStress := nan
	for _, o := range periods {
		if o.Met != nil && o.Attainment != nil {
			known = append(known, o)
		}
	}
	if len(known) > 0 {
		lastStress = logStress(stressOf(t, *known[len(known)-1].Attainment))
	}

	ptd := v.Eval(p.Start, dayStart(at, loc))
	sPTD := logStress(stressOf(t, attainment(t, ptd)))
	s28 := logStress(stressOf(t, attainment(t, window(v, 28))))
	s7 := logStress(stressOf(t, attainment(t, window(v, 7))))
	s1 := logStress(stressOf(t, attainment(t, window(v, 1))))
	x[fStressToDate] = or(sPTD, lastStress)
	x[fStress28d] = or(s28, x[fStressToDate])
	x[fStress7d] = or(s7, x[fStress28d])
	x[fStress1d] = or(s1, x[fStress7d])
	rPTD, r7 := math.Exp2(x[fStressToDate]), math.Exp2(x[fStress7d])
	x[fBudgetBurned] = math.Min(8, x[fElapsed]*rPTD)
	x[fHeadroom] = headroom(x[fElapsed], rPTD, r7)
	// The baseline: the burn rate so far, projected to the period end; before
	// the period has data, the last period's outcome.
	d.OnCourseToMiss = x[fStressToDate] >= 0
	if math.IsNaN(sPTD) && len(known) > 0 {
		d.OnCourseToMiss = !*known[len(known)-1].Met
	}
	if d.OnCourseToMiss {
		x[fProjectedMiss] = 1
	}

	// Trend and special causes over the stresses of past periods.
	var st []float64
	for _, o := range known[max(0, len(known)-24):] {
		st = append(st, logStress(stressOf(t, *o.Attainment)))
	}
	if n := len(st); n >= 3 {
		recent := st[max(0, n-6):]
		xs := make([]float64, len(recent))
		for i := range xs {
			xs[i] = float64(i)
		}
		if tr, err := stats.FitTrend(xs, recent); err == nil {
			x[fTrend] = tr.Slope
		}
	}
	if len(st) >= 5 {
		if ch, err := stats.XmR(st, stats.ChartOptions{Rules: stats.RulesNelson}); err == nil {
			for _, viol := range ch.X.Violations {
				i := viol.Index - 1
				if i >= len(st)-3 && st[i] > ch.X.CL() {
					x[fSpecialCause] = 1
				}
			}
		}
	}

	// Misses: last, recent and seasonal.
	if n := len(known); n > 0 {
		if !*known[n-1].Met {
			x[fLastMissed] = 1
		}
		var m float64
		recent := known[max(0, n-6):]
		for _, o := range recent {
			if !*o.Met {
				m++
			}
		}
		x[fRecentMissRate] = m / float64(len(recent))
		slot := season(t, p.Start)
		var all, allMiss, same, sameMiss float64
		for _, o := range known {
			miss := 0.0
			if !*o.Met {
				miss = 1
			}
			all++
			allMiss += miss
			if season(t, o.Start) == slot {
				same++
				sameMiss += miss
			}
		}
		// shrunk towards the overall rate with the weight of one period
		x[fSeasonalMissRate] = (sameMiss + allMiss/all) / (same + 1)
	}

	// Windows known at the decision time.
	ahead, next, exc := 0.0, 0.0, 0.0
	from90 := at.Add(-90 * 24 * time.Hour)
	for _, w := range v.Windows() {
		switch w.Kind {
		case Maintenance:
			ahead += overlapHours(w.Start, w.End, at, p.End)
			next += overlapHours(w.Start, w.End, np.Start, np.End)
		case Exception:
			if w.End.After(from90) && w.Start.Before(at) {
				exc++
			}
		}
	}
	x[fMaintenanceAhead], x[fMaintenanceNext], x[fExceptions90d] = math.Log1p(ahead), math.Log1p(next), exc
	units := ptd.Good + ptd.Bad
	if t.Statistic {
		units = ptd.Values
	}
	if u := units + ptd.Excluded; u > 0 {
		x[fExcludedShare] = ptd.Excluded / u
	}
	if u := units + ptd.Unknown; u > 0 {
		x[fUnknownShare] = ptd.Unknown / u
	}

	// Linked targets.
	x[fLinkedStress] = minLogStress
	var linked, linkedMiss float64
	for _, lv := range v.Linked() {
		ls := logStress(stressOf(lv.T, attainment(lv.T, window(lv, 7))))
		if !math.IsNaN(ls) {
			x[fLinkedStress] = math.Max(x[fLinkedStress], ls)
		}
		ps := lv.Periods()
		for i := len(ps) - 1; i >= 0; i-- {
			if ps[i].Met != nil {
				linked++
				if !*ps[i].Met {
					linkedMiss++
				}
				break
			}
		}
	}
	if linked > 0 {
		x[fLinkedMissed] = linkedMiss / linked
	}

	x[fLead] = leadScore(v)
	for j, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			x[j] = 0 // never reached by the rules above; keeps a model and JSON safe
		}
	}
	return x, d
}

// headroom compares the stress the rest of the period can bear without a
// miss, (1 − f·s)/(1 − f) for elapsed share f and stress so far s, with the
// last 7 days' stress r: log₂ of their ratio, in [−8, 8]. Negative: at the
// recent rate the period misses; −8: it is already lost (budget spent).
func headroom(f, s, r float64) float64 {
	const lim = 8.0
	if f >= 1 {
		f = 1 - 1e-9
	}
	need := (1 - f*s) / (1 - f)
	if need <= 0 {
		return -lim
	}
	return math.Max(-lim, math.Min(lim, math.Log2(need)-math.Log2(r)))
}

// season is the seasonal slot of a period starting at s: the weekday for
// daily (and rolling) periods, the month for weeks and months, the quarter
// for quarters; years have one slot.
func season(t Target, s time.Time) int {
	l := s.In(t.Loc)
	switch t.Period.Kind {
	case "day":
		return int(l.Weekday())
	case "rolling":
		return int(l.AddDate(0, 0, t.Period.Days-1).Weekday())
	case "week", "month":
		return int(l.Month())
	case "quarter":
		return (int(l.Month()) - 1) / 3
	}
	return 0
}

func overlapHours(a, b, from, to time.Time) float64 {
	s, e := a, b
	if from.After(s) {
		s = from
	}
	if to.Before(e) {
		e = to
	}
	if !e.After(s) {
		return 0
	}
	return e.Sub(s).Hours()
}

// leadScore is the mean over lead indicators of z = (mean of the last 7
// days − mean of the 56 days before)/(sd of those 56 days), each clamped to
// ±10; an indicator with fewer than 14 base days or no variation counts 0.
func leadScore(v View) float64 {
	at := dayStart(v.At, v.T.Loc)
	leads := v.Leads(addDays(at, -63, v.T.Loc), at)
	if len(leads) == 0 {
		return 0
	}
	var sum float64
	for _, days := range leads {
		if len(days) < 63 {
			continue
		}
		base, recent := finite(days[:56]), finite(days[56:])
		if len(base) < 14 || len(recent) == 0 {
			continue
		}
		sd := stats.StdDev(base)
		if !(sd > 0) {
			continue
		}
		sum += math.Max(-10, math.Min(10, (stats.Mean(recent)-stats.Mean(base))/sd))
	}
	return sum / float64(len(leads))
}

func finite(x []float64) []float64 {
	var out []float64
	for _, v := range x {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			out = append(out, v)
		}
	}
	return out
}
