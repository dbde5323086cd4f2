package analysis

import (
	"fmt"
	"math"

	"slate/internal/compliance"
	"slate/internal/stats"
)

// trendAndBreach fits the trend on x = 1..n and projects it to the target.
// A trend is significant only when the OLS slope's 95% CI excludes zero and
// the Mann–Kendall test agrees (p < 0.05): the rank test is not moved by one
// outlying period or skewed values, the OLS line is what gets projected, so
// requiring both keeps a single bad month (or a seasonal peak) from
// producing a "trend" and a breach date.
func trendAndBreach(in Input, ps []Period, vals []float64) (*Trend, Breach) {
	n := len(vals)
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(i + 1)
	}
	b := Breach{Horizon: in.Horizon}
	ft, err := stats.FitTrend(x, vals)
	if err != nil {
		b.Status, b.Message = BreachInsufficient, "no trend could be fitted: "+err.Error()
		return nil, b
	}
	t := &Trend{Slope: ft.Slope, SlopeCI: ft.SlopeCI, SlopeSE: ft.SlopeSE, Intercept: ft.Intercept, R2: ft.R2,
		TheilSen: ft.TheilSen, MannKendallS: ft.MannKendall.S, MannKendallP: ft.MannKendall.P}
	t.FittedLast = ft.Intercept + ft.Slope*float64(n)
	t.Significant = (ft.SlopeCI[0] > 0 || ft.SlopeCI[1] < 0) && ft.MannKendall.P < Alpha
	t.Direction = "none"
	if t.Significant {
		better := ft.Slope > 0
		if lowerBetter(in.Op) {
			better = !better
		}
		t.Direction = map[bool]string{true: "improving", false: "worsening"}[better]
	}

	if in.Target == nil {
		b.Status, b.Message = BreachNoTarget, "no target to project to"
		return t, b
	}
	target := *in.Target
	if !t.Significant {
		b.Status, b.Message = BreachNoTrend, "no significant trend, so no time to breach"
		if fails(in.Op, vals[n-1], target) {
			b.Message = "no significant trend; the last period already misses the target"
		}
		return t, b
	}
	ahead := (target-ft.Intercept)/ft.Slope - float64(n)
	b.PeriodsAhead = &ahead
	last := ps[n-1].Label
	switch {
	case fails(in.Op, t.FittedLast, target):
		b.Status = BreachAlready
		b.Message = fmt.Sprintf("the fitted trend is already %s target (%s in %s)",
			side(in.Op), formatValue(in, t.FittedLast), last)
	case t.Direction == "improving":
		b.Status = BreachMovingAway
		b.Message = "the trend moves away from the target"
	default:
		// The line fails strictly after the crossing x* = n + ahead, so the
		// first failing period is ⌊x*⌋ + 1.
		k := int(math.Floor(ahead)) + 1
		fp := futurePeriod(in, ps[n-1], k)
		b.Period = fp.Label
		start := fp.Start
		b.PeriodStart = &start
		if k <= in.Horizon {
			b.Status = BreachWithin
			b.Message = fmt.Sprintf("at this rate it crosses %s in %s", formatValue(in, target), fp.Label)
		} else {
			b.Status = BreachBeyond
			b.Message = fmt.Sprintf("at this rate it crosses %s in %s, beyond the %d-%s horizon",
				formatValue(in, target), fp.Label, in.Horizon, periodWord(in.PeriodKind))
		}
	}
	return t, b
}

func side(op string) string {
	if lowerBetter(op) {
		return "above"
	}
	return "below"
}

// futurePeriod is the period k steps after last, labelled as the compliance
// engine labels periods (month 2026-06, week 2026-W07, quarter 2026-Q3,
// year 2026, day and rolling 2026-06-01), with its boundaries.
func futurePeriod(in Input, last Period, k int) Period {
	kind := in.PeriodKind
	if kind == "" {
		kind = compliance.Month
	}
	p := compliance.PeriodSpec{Kind: kind}.Shift(compliance.Period{Key: last.Label, Start: last.Start, End: last.End}, k, in.Location)
	return Period{Label: p.Key, Start: p.Start, End: p.End}
}

// periodWord is the period in words: month, week, day ...
func periodWord(kind string) string {
	switch kind {
	case "day", "rolling":
		return "day"
	case "week", "quarter", "year":
		return kind
	}
	return "month"
}

// band computes the rolling-median baseline band (5th–95th percentile of
// the previous BandWindow periods).
func band(in Input, ps []Period, vals []float64) (*Band, error) {
	const lo, hi = 0.05, 0.95
	w := in.BandWindow
	rb, err := stats.RollingMedianBand(vals, w, lo, hi)
	if err != nil {
		return nil, err
	}
	b := &Band{Method: "rolling-median", Window: w, Lower: lo, Upper: hi, Points: make([]BandPoint, len(vals)), Outside: []string{}}
	for i, p := range ps {
		v := vals[i]
		bp := BandPoint{Label: p.Label, Value: &v}
		if i > 0 {
			bp.Center, bp.Lower, bp.Upper = fp(rb.Center[i]), fp(rb.Lower[i]), fp(rb.Upper[i])
		}
		b.Points[i] = bp
	}
	for _, k := range rb.Outside {
		b.Points[k-1].Outside = true
		b.Outside = append(b.Outside, ps[k-1].Label)
	}
	// The band for the next period uses the last w values (the same rule).
	next, err := stats.RollingMedianBand(append(vals[max(0, len(vals)-w):len(vals):len(vals)], 0), w, lo, hi)
	if err == nil {
		j := len(next.Center) - 1
		b.Next = BandPoint{Label: futurePeriod(in, ps[len(ps)-1], 1).Label,
			Center: fp(next.Center[j]), Lower: fp(next.Lower[j]), Upper: fp(next.Upper[j])}
	}
	return b, nil
}

func fp(v float64) *float64 { return &v }
