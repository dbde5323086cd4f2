package analysis

import (
	"fmt"
	"strings"
	"time"

	"gonum.org/v1/gonum/stat/distuv"

	"slate/internal/stats"
)

// Signal directions: a signal says the process moved in the good direction
// (better), the bad one (worse), or changed its pattern without a side
// (unusual: alternation, hugging or avoiding the centre line).
const (
	Better  = "better"
	Worse   = "worse"
	Unusual = "unusual"
)

// Baseline choice. A baseline of every period lets a process that changed
// flag its own past ("above UCL" for the good months before a decline); the
// reference is instead the most recent stretch that is stable on its own
// limits (phase I), and the periods after it are judged against those limits
// (phase II). Periods before the reference are drawn but not judged.
const (
	minAutoPeriods = 2 * MinPeriods // fewer: every period sets the limits
	maxBaseline    = 24             // periods in a chosen reference, at most
)

// chooseBaseline returns the phase I range [lo, hi) and why it was chosen:
// the most recent stretch of consecutive periods, ending before the last
// one, in which no run rule fires against the stretch's own limits; of the
// stretches ending at the same period, the longest (at most 24). It has at
// least MinPeriods periods; when no stretch is stable, every period sets the
// limits.
func chooseBaseline(in Input, ps []Period, rules stats.RuleSet) (int, int, string) {
	n := len(ps)
	if n < minAutoPeriods {
		return 0, n, fmt.Sprintf("every period (%d): too few for a separate reference", n)
	}
	word := periodWord(in.PeriodKind) + "s"
	for end := n - 1; end >= MinPeriods; end-- {
		for L := min(maxBaseline, end); L >= MinPeriods; L-- {
			a := end - L
			c, err := buildChart(in, ps[a:end], 0, L, rules)
			if err != nil || len(c.Violations) > 0 {
				continue // no limits (no variation, no bad unit), or not stable
			}
			return a, end, fmt.Sprintf("%s..%s, the most recent %d %s in a row without a run-rule signal; the periods after it are judged against its limits",
				ps[a].Label, ps[end-1].Label, L, word)
		}
	}
	return 0, n, fmt.Sprintf("every period (%d): no %d %s in a row were free of run-rule signals", n, MinPeriods, word)
}

// Adjustment is the seasonal adjustment of a daily series: when the
// day-of-week pattern is significant, each day's index (its weekday's mean −
// the overall mean) is subtracted before charting and trend fitting, so a
// quiet weekend is not a special cause. Met and capability still read the
// raw values.
type Adjustment struct {
	Kind   string    `json:"kind"` // "day-of-week"
	Labels []string  `json:"labels"`
	Index  []float64 `json:"index"`
	Days   []int     `json:"days"` // periods per weekday
	F      float64   `json:"f"`
	P      float64   `json:"p"`
	// Applied is true when P < AdjustAlpha: the chart and trend use value − index.
	Applied bool   `json:"applied"`
	Why     string `json:"why"`
}

// AdjustAlpha is the significance the weekday pattern needs before values are adjusted.
const AdjustAlpha = 0.01

// minAdjustDays is the fewest daily periods (three of each weekday) for an adjustment.
const minAdjustDays = 21

// dayOfWeekAdjustment tests daily values for a weekday pattern (one-way
// analysis of variance across the seven weekdays of the SLT's zone).
func dayOfWeekAdjustment(in Input, ps []Period) *Adjustment {
	if in.PeriodKind != "day" || len(ps) < minAdjustDays {
		return nil
	}
	ss := make([]Sample, len(ps))
	g := make([]int, len(ps))
	var mean float64
	for i, p := range ps {
		ss[i] = Sample{At: p.Start, Value: p.Value, Weight: 1}
		g[i] = (int(p.Start.In(in.Location).Weekday()) + 6) % 7
		mean += p.Value
	}
	mean /= float64(len(ps))
	f, pv := anova(ss, g, 7)
	if f == nil {
		return nil
	}
	a := &Adjustment{Kind: "day-of-week", Labels: weekdayLabels, Index: make([]float64, 7), Days: make([]int, 7), F: *f, P: *pv}
	sum := make([]float64, 7)
	for i, p := range ps {
		sum[g[i]] += p.Value
		a.Days[g[i]]++
	}
	for k := range 7 {
		if a.Days[k] > 0 {
			a.Index[k] = sum[k]/float64(a.Days[k]) - mean
		}
	}
	a.Applied = a.P < AdjustAlpha
	if a.Applied {
		a.Why = fmt.Sprintf("values adjusted for the day-of-week pattern (analysis of variance %s): each day's weekday index is subtracted", formatP(a.P))
	} else {
		a.Why = fmt.Sprintf("no day-of-week adjustment: the weekday pattern is not significant (%s)", formatP(a.P))
	}
	return a
}

// adjust returns the periods with each value minus its weekday's index.
func (a *Adjustment) adjust(in Input, ps []Period) []Period {
	out := make([]Period, len(ps))
	for i, p := range ps {
		out[i] = p
		out[i].Value = p.Value - a.Index[(int(p.Start.In(in.Location).Weekday())+6)%7]
	}
	return out
}

// direction tells which way signal v points, judged by the SLT's op.
func direction(in Input, c *Chart, vals []float64, v stats.Violation) string {
	i := v.Index - 1
	var d float64
	switch {
	case strings.HasPrefix(v.Rule, "mr-"):
		d = vals[i] - vals[i-1]
	case v.Rule == "nelson-3":
		d = vals[i] - vals[v.Span[0]-1]
	case v.Rule == "nelson-4", v.Rule == "nelson-7", v.Rule == "nelson-8":
		return Unusual
	default:
		d = vals[i] - c.Points[i].Center
	}
	switch {
	case d == 0:
		return Unusual
	case (d > 0) != lowerBetter(in.Op):
		return Better
	}
	return Worse
}

// Capability says whether the process, as it is, meets its target: how many
// analysed periods missed (all of them, and since the reference started:
// the current process), and the share of periods a stable process with the
// reference's centre and spread would miss.
type Capability struct {
	Periods      int      `json:"periods"`
	Missed       int      `json:"missed"`
	MissedLabels []string `json:"missed_labels"`
	// Since is the first period of the current process (the reference's
	// start); PeriodsSince and MissedSince count from it.
	Since        string `json:"since"`
	PeriodsSince int    `json:"periods_since"`
	MissedSince  int    `json:"missed_since"`
	// ExpectedMiss is Φ((target − centre)/σ) (for <=, the upper tail) with the
	// chart's centre and σ: nil without a target or a chart.
	ExpectedMiss *float64 `json:"expected_miss_share"`
	// Capable: nothing missed and the control limits stay clear of the target
	// (ExpectedMiss below 0.135%, the 3-sigma tail).
	Capable bool `json:"capable"`
	// Incapable: the current process missed, and not by a special cause: it
	// is stable, or at its usual level misses often (ExpectedMiss of 5% or
	// more). Watching it will not help; it must change.
	Incapable bool   `json:"incapable"`
	Text      string `json:"text"`
}

const (
	capableTail   = 0.00135 // the miss share of a limit 3 sigma from the target
	incapableMiss = 0.05
)

func capability(in Input, ps []Period, from int, c *Chart, stable bool) *Capability {
	if in.Target == nil && !anyMet(ps) {
		return nil
	}
	cp := &Capability{MissedLabels: []string{}, Since: ps[from].Label}
	for i, p := range ps {
		cp.Periods++
		if i >= from {
			cp.PeriodsSince++
		}
		met := p.Met
		if met == nil && in.Target != nil {
			m := !fails(in.Op, p.Value, *in.Target)
			met = &m
		}
		if met != nil && !*met {
			cp.Missed++
			cp.MissedLabels = append(cp.MissedLabels, p.Label)
			if i >= from {
				cp.MissedSince++
			}
		}
	}
	if in.Target != nil && c != nil && c.Sigma > 0 {
		e := distuv.UnitNormal.CDF((*in.Target - c.Center) / c.Sigma)
		if lowerBetter(in.Op) {
			e = 1 - e
		}
		cp.ExpectedMiss = &e
	}
	often := cp.ExpectedMiss != nil && *cp.ExpectedMiss >= incapableMiss
	cp.Capable = cp.Missed == 0 && (cp.ExpectedMiss == nil || *cp.ExpectedMiss < capableTail)
	cp.Incapable = cp.MissedSince > 0 && (stable || often)
	per := periodWord(in.PeriodKind) + "s"
	target := "its tiers' targets"
	if in.Target != nil {
		target = "the " + formatValue(in, *in.Target) + " target"
	}
	since := ""
	if from > 0 {
		since = " since " + cp.Since
	}
	switch {
	case cp.Capable:
		cp.Text = fmt.Sprintf("It met %s in all %d %s, with room to spare.", target, cp.Periods, per)
	case cp.Missed == 0:
		cp.Text = fmt.Sprintf("It met %s in all %d %s, but its control limits reach past it: expect an occasional miss.", target, cp.Periods, per)
	case cp.MissedSince == 0:
		cp.Text = fmt.Sprintf("It met %s in every %s since %s; before, it missed in %d of %d (%s).",
			target, periodWord(in.PeriodKind), cp.Since, cp.Missed, cp.Periods-cp.PeriodsSince, listLabels(cp.MissedLabels, 4))
	case cp.Incapable && stable:
		cp.Text = fmt.Sprintf("Stable, but at this level it misses %s in %d of %d %s%s: the process must change, not be watched.",
			target, cp.MissedSince, cp.PeriodsSince, per, since)
	case cp.Incapable:
		cp.Text = fmt.Sprintf("At its usual level it misses %s (in %d of %d %s%s): the process must change, not only the odd period.",
			target, cp.MissedSince, cp.PeriodsSince, per, since)
	default:
		cp.Text = fmt.Sprintf("It missed %s in %d of %d %s (%s); at its usual level it meets it.", target, cp.Missed, cp.Periods, per, listLabels(cp.MissedLabels, 4))
	}
	return cp
}

func anyMet(ps []Period) bool {
	for _, p := range ps {
		if p.Met != nil {
			return true
		}
	}
	return false
}

// listLabels joins up to max labels, then says how many more.
func listLabels(ls []string, max int) string {
	if len(ls) <= max {
		return strings.Join(ls, ", ")
	}
	return strings.Join(ls[:max], ", ") + fmt.Sprintf(" and %d more", len(ls)-max)
}

// Concerns are the analysis' reasons to call a period at risk, for the
// status rule (compliance.Status): a signal in the bad direction (or an
// unusual pattern) in a judged period starting in [from, to); a significant
// worsening trend that already fails or will within the horizon; and a
// process that cannot meet its target as it is. Improvements, signals
// outside the range and trends away from the target raise none.
func (r Result) Concerns(from, to time.Time) []string {
	var out []string
	if c := r.Chart; c != nil {
		seen := map[int]bool{}
		for _, v := range c.Violations {
			p := c.Points[v.Index-1]
			if v.Direction == Better || seen[v.Index] || p.Start.Before(from) || !p.Start.Before(to) {
				continue
			}
			seen[v.Index] = true
			word := "worse than usual"
			if v.Direction == Unusual {
				word = "an unusual pattern"
			}
			out = append(out, fmt.Sprintf("%s %s (%s)", word, inPeriod(p.Label), v.Description))
		}
	}
	if t := r.Trend; t != nil && t.Direction == "worsening" {
		switch r.Breach.Status {
		case BreachAlready, BreachWithin:
			out = append(out, "worsening: "+r.Breach.Message)
		}
	}
	if cp := r.Capability; cp != nil && cp.Incapable {
		out = append(out, fmt.Sprintf("at its usual level it misses its target (it did in %d of %d %ss%s)", cp.MissedSince, cp.PeriodsSince,
			periodWord(r.PeriodKind), map[bool]string{true: " since " + cp.Since, false: ""}[cp.PeriodsSince < cp.Periods]))
	}
	return out
}
