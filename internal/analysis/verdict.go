package analysis

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"slate/internal/plain"
)

// maxDetailSignals is how many signals the details list (the most recent).
const maxDetailSignals = 8

// verdict writes the conclusion: whether the last period behaved as usual
// (judged by direction: better is an improvement, not a problem), whether
// the process can meet its target at all (capability, apart from stability),
// and where the trend goes. Short sentences first; the rules, limits and
// figures behind them go to Details.
func verdict(in Input, ps []Period, r Result) Verdict {
	v := Verdict{Status: StatusStable, Details: []string{}}
	c := r.Chart
	n := len(ps)
	last := ps[n-1].Label
	v.Stable = len(c.Violations) == 0
	var worse, unusual, better bool
	for _, x := range c.Violations {
		if x.Index == n {
			switch x.Direction {
			case Worse:
				worse = true
			case Better:
				better = true
			default:
				unusual = true
			}
		}
	}
	switch {
	case worse:
		v.Status = StatusSpecialCause
		v.Control = fmt.Sprintf("Worse than usual %s: find out what changed.", inPeriod(last))
	case unusual:
		v.Status = StatusSpecialCause
		v.Control = fmt.Sprintf("An unusual pattern %s: find out what changed.", inPeriod(last))
	case better:
		v.Status = StatusImprovement
		v.Control = fmt.Sprintf("Better than usual %s: an improvement; once it holds, make it the new reference.", inPeriod(last))
	case len(c.Violations) > 0:
		x := c.Violations[len(c.Violations)-1]
		word := map[string]string{Worse: "worse than usual", Better: "better than usual"}[x.Direction]
		if word == "" {
			word = "unusual"
		}
		v.Control = fmt.Sprintf("As usual %s; it was last %s %s.", inPeriod(last), word, inPeriod(x.Label))
	default:
		v.Control = "Stable: it varies only by chance."
	}
	if cp := r.Capability; cp != nil {
		v.Capability = cp.Text
	}
	if t := r.Trend; t != nil && t.Significant {
		v.Trend = trendSentence(in, t)
		if v.Status == StatusStable {
			v.Status = StatusTrend
		}
	}
	switch r.Breach.Status {
	case BreachAlready, BreachWithin, BreachBeyond, BreachMovingAway:
		v.Breach = r.Breach.Message
	}
	control := v.Control
	if v.Stable && r.Capability != nil && r.Capability.Incapable {
		control = "" // the capability sentence starts with "Stable, but"
	}
	trend := v.Trend
	if trend != "" && v.Breach != "" && r.Breach.Status != BreachMovingAway {
		trend = strings.TrimSuffix(trend, ".") + "; " + v.Breach + "."
	}
	var parts []string
	for _, s := range []string{control, v.Capability, trend} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	v.Text = strings.Join(parts, " ")
	v.Details = details(in, r)
	return v
}

// trendSentence is a significant trend in words: "Worsening by 0.67
// percentage points a month." or "Improving by 1.7 ms a day."
func trendSentence(in Input, t *Trend) string {
	word := "Worsening"
	if t.Direction == "improving" {
		word = "Improving"
	}
	return fmt.Sprintf("%s by %s a %s.", word, formatSlope(in, math.Abs(t.Slope), false), periodWord(in.PeriodKind))
}

// details are the reference, the adjustment, the chart, each judged signal
// (the most recent first), the trend figures and the capability figures.
func details(in Input, r Result) []string {
	var out []string
	b := r.Baseline
	switch {
	case !b.Auto:
		out = append(out, fmt.Sprintf("Reference (phase I): %s..%s, as given; every period is judged against its limits.", b.FromLabel, b.ToLabel))
	case b.All:
		out = append(out, "Reference (phase I): "+b.Why+".")
	default:
		out = append(out, "Reference (phase I): "+b.Why+"; earlier periods are drawn, not judged.")
	}
	if a := r.Adjustment; a != nil {
		out = append(out, strings.ToUpper(a.Why[:1])+a.Why[1:]+".")
	}
	c := r.Chart
	out = append(out, fmt.Sprintf("%s chart: centre %s, sigma %s, %s rules.", chartName(c.Kind), formatValue(in, c.Center), formatSlope(in, c.Sigma, false), in.Rules))
	vs := c.Violations
	for i := len(vs) - 1; i >= 0; i-- {
		if len(vs)-i > maxDetailSignals {
			out = append(out, fmt.Sprintf("%d earlier %s, the first in %s.", i+1, plain.Plural(i+1, "signal", "signals"), vs[0].Label))
			break
		}
		x := vs[i]
		s := fmt.Sprintf("%s: %s (%s), %s", x.Label, ruleName(x.Rule), x.Direction, x.Description)
		if x.Span[0] != x.Span[1] {
			s += fmt.Sprintf(" (%s to %s)", x.SpanLabels[0], x.SpanLabels[1])
		}
		out = append(out, s+".")
	}
	if len(vs) == 0 {
		out = append(out, "No run rule broken in the judged periods.")
	}
	if t := r.Trend; t != nil {
		out = append(out, strings.ToUpper(trendText(in, t)[:1])+trendText(in, t)[1:]+".")
	}
	if cp := r.Capability; cp != nil && cp.ExpectedMiss != nil {
		out = append(out, fmt.Sprintf("At the reference's centre and spread it would miss the target in %s of %ss.",
			sharePct(*cp.ExpectedMiss), periodWord(in.PeriodKind)))
	}
	return out
}

// sharePct says how often, as "about 16%" with two significant digits, no
// exponent: "fewer than 0.01%" and "more than 99.99%" at the ends.
func sharePct(x float64) string {
	switch {
	case x < 0.0001:
		return "fewer than 0.01%"
	case x > 0.9999:
		return "more than 99.99%"
	}
	return "about " + figures(x*100, 2) + "%"
}

// figures prints v with n significant digits and never an exponent:
// 0.000013 stays 0.000013, 1234 is 1200.
func figures(v float64, n int) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	mag := int(math.Floor(math.Log10(math.Abs(v))))
	r := math.Pow(10, float64(mag-n+1))
	v = math.Round(v/r) * r
	dec := max(n-1-mag, 0)
	return strconv.FormatFloat(v, 'f', dec, 64)
}

func chartName(kind string) string {
	switch kind {
	case ChartLaneyP:
		return "Laney p′"
	case ChartP:
		return "p"
	}
	return "XmR"
}

// ruleName turns nelson-2 into "Nelson 2", we-1 into "Western Electric 1".
func ruleName(rule string) string {
	name, num, _ := strings.Cut(rule, "-")
	switch name {
	case "nelson":
		return "Nelson " + num
	case "we":
		return "Western Electric " + num
	case "mr":
		return "moving range"
	}
	return rule
}

func trendText(in Input, t *Trend) string {
	per := periodWord(in.PeriodKind)
	noun := "the value"
	if in.Ratio {
		noun = "attainment"
	}
	if !t.Significant {
		return fmt.Sprintf("no significant trend (slope %s a %s, 95%% CI %s to %s)",
			formatSlope(in, t.Slope, false), per, formatSlope(in, t.SlopeCI[0], true), formatSlope(in, t.SlopeCI[1], true))
	}
	verb := "rises"
	if t.Slope < 0 {
		verb = "falls"
	}
	return fmt.Sprintf("trend: %s %s %s a %s (95%% CI %s to %s; Theil–Sen %s; Mann–Kendall %s)",
		noun, verb, formatSlope(in, math.Abs(t.Slope), false), per,
		formatSlope(in, t.SlopeCI[0], true), formatSlope(in, t.SlopeCI[1], true),
		formatSlope(in, t.TheilSen, true), formatP(t.MannKendallP))
}

// formatValue prints a value as the SLT shows it (internal/plain): 95%,
// 99.95%, 812 ms.
func formatValue(in Input, v float64) string {
	if in.Ratio {
		return plain.Share(v)
	}
	return plain.Quantity(v, in.Unit)
}

// formatSlope prints a slope by the rules of internal/plain; ratio slopes in
// percentage points (with the unit unless short).
func formatSlope(in Input, v float64, short bool) string {
	if in.Ratio {
		if short {
			return plain.Number(v * 100)
		}
		return plain.Number(v*100) + " percentage points"
	}
	return plain.Quantity(v, in.Unit)
}

func formatP(p float64) string { return plain.P(p) }

// inPeriod is "in 2026-11" or "in 2026-W07", and "on 2026-11-28" for a day.
func inPeriod(label string) string {
	if len(label) == 10 && label[4] == '-' && label[7] == '-' {
		return "on " + label
	}
	return "in " + label
}
