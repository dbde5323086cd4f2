package analysis

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"slate/internal/plain"
)

// maxSignals is how many rules the verdict names before summarising the rest.
const maxSignals = 3

// verdict writes the plain-language conclusion from the chart, trend and breach.
func verdict(in Input, ps []Period, r Result) Verdict {
	v := Verdict{Status: StatusStable}
	if r.Chart != nil {
		v.Control = controlText(r.Chart, len(ps))
		if len(r.Chart.Violations) > 0 {
			v.Status = StatusSpecialCause
		}
	}
	if t := r.Trend; t != nil {
		v.Trend = trendText(in, t)
		if t.Significant && v.Status == StatusStable {
			v.Status = StatusTrend
		}
	}
	switch r.Breach.Status {
	case BreachAlready, BreachWithin, BreachBeyond, BreachMovingAway:
		v.Breach = r.Breach.Message
	}
	var parts []string
	for _, s := range []string{v.Control, v.Trend, v.Breach} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	v.Text = strings.Join(parts, "; ")
	return v
}

// controlText names the signals of the most recent period that completed a
// rule (what needs attention now), then how many earlier periods signalled.
func controlText(c *Chart, n int) string {
	if len(c.Violations) == 0 {
		return fmt.Sprintf("common-cause variation only (%s chart, %d periods, no run rule broken)", chartName(c.Kind), n)
	}
	last := c.Violations[len(c.Violations)-1].Index
	var now []Violation
	earlier := map[int]bool{}
	first := last
	for _, v := range c.Violations {
		if v.Index == last {
			now = append(now, v)
		} else {
			earlier[v.Index] = true
			first = min(first, v.Index)
		}
	}
	slices.SortStableFunc(now, func(a, b Violation) int { return cmp.Compare(ruleOrder(a.Rule), ruleOrder(b.Rule)) })
	var parts []string
	for i, v := range now {
		if i == maxSignals {
			parts = append(parts, fmt.Sprintf("and %d more %s", len(now)-maxSignals, plural(len(now)-maxSignals, "rule", "rules")))
			break
		}
		s := fmt.Sprintf("%s, %s", ruleName(v.Rule), v.Description)
		if v.Span[0] != v.Span[1] {
			s += fmt.Sprintf(" (%s to %s)", v.SpanLabels[0], v.SpanLabels[1])
		}
		parts = append(parts, s)
	}
	text := fmt.Sprintf("special cause in %s: %s", now[0].Label, strings.Join(parts, "; "))
	if len(earlier) > 0 {
		text += fmt.Sprintf("; earlier signals in %d %s, the first in %s", len(earlier), plural(len(earlier), "period", "periods"), c.Points[first-1].Label)
	}
	return text
}

// ruleOrder sorts Nelson and Western Electric rules by number, the moving range last.
func ruleOrder(rule string) int {
	_, num, _ := strings.Cut(rule, "-")
	k, err := strconv.Atoi(num)
	if err != nil || strings.HasPrefix(rule, "mr-") {
		return 100
	}
	return k
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
