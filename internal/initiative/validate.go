package initiative

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/daily"
	"slate/internal/export"
	"slate/internal/plain"
	"slate/internal/readview"
	"slate/internal/report"
	"slate/internal/stats"
	"slate/internal/storage"
)

// Defaults of a validation.
const (
	// DefaultWindow is how many local days on each side of the change are compared.
	DefaultWindow = 90
	// MinDays is the fewest days each side needs before any test is run.
	MinDays = 3
	// WelchMinDays: with fewer days on a side, or a skewed side, the rank test is used.
	WelchMinDays = 15
	// MaxSkew is the largest |skewness| a side may have for Welch's t-test.
	MaxSkew = 1.0
)

// Options tune a validation; zero values take the defaults (90 days, α = 0.05, power 80%).
type Options struct {
	Window int
	Alpha  float64
	Power  float64
}

// Side is one side of the change.
type Side struct {
	From   string   `json:"from,omitempty"`
	To     string   `json:"to,omitempty"`
	N      int      `json:"n"`
	Mean   *float64 `json:"mean"`
	Median *float64 `json:"median"`
}

// OtherTest is the test not chosen, for reference.
type OtherTest struct {
	Test     string      `json:"test"`
	PValue   float64     `json:"p_value"`
	Effect   float64     `json:"effect"`
	EffectCI *[2]float64 `json:"effect_ci"`
}

// Day is one day of the comparison, for the before/after chart.
type Day struct {
	Date  string  `json:"date"`
	Value float64 `json:"value"`
	Phase string  `json:"phase"` // before, after
}

// Result is an initiative validated on its SLT's data. Effect is after −
// before in the SLT's own terms (a share for attainments: 0.012 is 1.2
// percentage points; the feed's unit for statistics); Direction reads it
// with the SLT's good direction.
type Result struct {
	Improvement    string `json:"improvement"`
	SLT            string `json:"slt"`
	Tier           string `json:"tier,omitempty"`
	Change         string `json:"change"`
	Description    string `json:"description"`
	Measure        string `json:"measure"`
	Unit           string `json:"unit"`
	HigherIsBetter bool   `json:"higher_is_better"`
	Before         Side   `json:"before"`
	After          Side   `json:"after"`
	NBefore        int    `json:"n_before"`
	NAfter         int    `json:"n_after"`
	// Test is welch, mann-whitney, or none (too few days); TestWhy says why.
	Test           string      `json:"test"`
	TestWhy        string      `json:"test_why"`
	PValue         *float64    `json:"p_value"`
	Effect         *float64    `json:"effect"`
	EffectCI       *[2]float64 `json:"effect_ci"`
	EffectSize     *float64    `json:"effect_size"`
	EffectSizeName string      `json:"effect_size_name,omitempty"`
	Other          *OtherTest  `json:"other_test,omitempty"`
	Significant    bool        `json:"significant"`
	// Direction is better, worse (significant either way) or none.
	Direction string  `json:"direction"`
	Alpha     float64 `json:"alpha"`
	Power     float64 `json:"power"`
	// NeededPerGroup is the days per side a test at this effect needs for
	// the power asked; DaysNeeded how many more days after the change that
	// makes, given the days before it (null: the effect is zero, or no
	// number of later days suffices with this baseline).
	NeededPerGroup *int     `json:"needed_per_group"`
	EnoughData     bool     `json:"enough_data"`
	DaysNeeded     *int     `json:"days_needed"`
	Caveats        []string `json:"caveats"`
	Verdict        string   `json:"verdict"`
	Days           []Day    `json:"days"`
}

// Validate validates a stored initiative with the data as of at.
func Validate(st *storage.Store, id string, at time.Time, o Options) (Result, error) {
	imp, err := Get(st, id)
	if err != nil {
		return Result{}, err
	}
	in, err := readview.Input(st, at)
	if err != nil {
		return Result{}, err
	}
	return ValidateWith(compliance.NewEvaluator(in), imp, o)
}

// ValidateWith validates an initiative with an evaluator's data.
func ValidateWith(ev *compliance.Evaluator, imp Improvement, o Options) (Result, error) {
	if o.Window <= 0 {
		o.Window = DefaultWindow
	}
	if o.Alpha == 0 {
		o.Alpha = stats.DefaultAlpha
	}
	if o.Power == 0 {
		o.Power = stats.DefaultPower
	}
	if !(o.Alpha > 0 && o.Alpha < 1) || !(o.Power > 0 && o.Power < 1) {
		return Result{}, fmt.Errorf("alpha %g and power %g must lie between 0 and 1", o.Alpha, o.Power)
	}
	change, err := daily.ParseDate(imp.Change)
	if err != nil {
		return Result{}, err
	}
	s := ev.In.Workspace.SLT(imp.SLT)
	if s == nil {
		return Result{}, fmt.Errorf("SLT %q of %s does not exist any more", imp.SLT, imp.ID)
	}
	series, err := daily.SLT(ev, imp.SLT, imp.Tier)
	if err != nil {
		return Result{}, err
	}
	res := Result{Improvement: imp.ID, SLT: imp.SLT, Tier: imp.Tier, Change: imp.Change, Description: imp.Description,
		Measure: series.Measure, Unit: series.Unit, HigherIsBetter: series.HigherIsBetter, Test: "none",
		Direction: "none", Alpha: o.Alpha, Power: o.Power, Caveats: []string{}, Days: []Day{}}
	var before, after []float64
	for _, v := range series.Values {
		switch {
		case v.Day < change && v.Day >= change-o.Window:
			before = append(before, v.Value)
			res.Days = append(res.Days, Day{v.Date, v.Value, "before"})
			if res.Before.From == "" {
				res.Before.From = v.Date
			}
			res.Before.To = v.Date
		case v.Day > change && v.Day <= change+o.Window:
			after = append(after, v.Value)
			res.Days = append(res.Days, Day{v.Date, v.Value, "after"})
			if res.After.From == "" {
				res.After.From = v.Date
			}
			res.After.To = v.Date
		}
	}
	res.Before.N, res.After.N, res.NBefore, res.NAfter = len(before), len(after), len(before), len(after)
	res.Before.Mean, res.Before.Median = center(before)
	res.After.Mean, res.After.Median = center(after)
	name := displayName(ev, imp.SLT, imp.Tier)
	if len(before) < MinDays || len(after) < MinDays {
		need := max(MinDays-len(after), 0)
		res.DaysNeeded = &need
		res.TestWhy = fmt.Sprintf("a test needs at least %d days on each side of the change", MinDays)
		res.Verdict = fmt.Sprintf("Not enough data yet to judge %s: %d days before the change on %s and %d after (the change day itself is left out); at least %d on each side are needed.",
			name, len(before), imp.Change, len(after), MinDays)
		if len(before) < MinDays {
			res.Verdict += " There are too few days before the change: the SLT has little data from before it."
		}
		return res, nil
	}
	fmtV := func(v float64) string { return formatValue(series.Unit, v) }

	welch, werr := stats.WelchTTest(after, before, 0.95)
	mw, merr := stats.MannWhitney(after, before)
	skewB, skewA := skewness(before), skewness(after)
	useMW := len(before) < WelchMinDays || len(after) < WelchMinDays || math.Abs(skewB) > MaxSkew || math.Abs(skewA) > MaxSkew || math.IsNaN(skewB) || math.IsNaN(skewA) || werr != nil
	switch {
	case werr != nil && merr != nil:
		res.TestWhy = "no test applies: every day has the same value on both sides"
		res.Verdict = fmt.Sprintf("%s had the same value, %s, on every day before and after the change on %s: nothing to test.", name, fmtV(before[0]), imp.Change)
		return res, nil
	case useMW && merr == nil:
		res.Test = mw.Test
		switch {
		case len(before) < WelchMinDays || len(after) < WelchMinDays:
			res.TestWhy = fmt.Sprintf("Mann–Whitney: fewer than %d days on a side, too few to rely on means", WelchMinDays)
		case werr != nil:
			res.TestWhy = "Mann–Whitney: a side has no variation, so Welch's t-test is undefined"
		default:
			res.TestWhy = fmt.Sprintf("Mann–Whitney: the daily values are skewed (skewness %.2f before, %.2f after), so ranks are safer than means", skewB, skewA)
		}
		setTest(&res, mw)
		if werr == nil {
			res.Other = other(welch)
		}
	default:
		res.Test = welch.Test
		res.TestWhy = fmt.Sprintf("Welch's t-test: at least %d days on each side and neither side skewed (skewness %.2f before, %.2f after)", WelchMinDays, skewB, skewA)
		setTest(&res, welch)
		if merr == nil {
			res.Other = other(mw)
		}
	}
	res.Significant = *res.PValue < o.Alpha
	if res.Significant && *res.Effect != 0 {
		res.Direction = "worse"
		if (*res.Effect > 0) == series.HigherIsBetter {
			res.Direction = "better"
		}
	}

	// power: the days needed at the effect observed (Cohen d from the means)
	d := math.NaN()
	if werr == nil {
		d = welch.CohenD
	} else if math.Abs(mean(after)-mean(before)) > 0 {
		d = math.Inf(1) // no spread at all: any difference is certain
	}
	var enoughText string
	switch {
	case math.IsNaN(d) || d == 0:
		res.TestWhy += "; no difference observed, so no number of days can be named"
		enoughText = "no difference between the sides was observed, so no number of days would show one"
	case math.IsInf(d, 0):
		zero := 0
		res.NeededPerGroup, res.DaysNeeded, res.EnoughData = &zero, &zero, true
		enoughText = fmt.Sprintf("enough data: %d days before, %d after", len(before), len(after))
	default:
		n, err := stats.SampleSizeMeans(d, o.Alpha, o.Power)
		if err != nil {
			return Result{}, err
		}
		if res.Test == "mann-whitney" {
			n = int(math.Ceil(float64(n) / stats.ARE))
		}
		res.NeededPerGroup = &n
		nb := float64(len(before))
		if 2*nb <= float64(n) {
			enoughText = fmt.Sprintf("at the difference seen so far a test needs %d days on each side, and the %d days before the change are too few for any number of days after it to make up (use a longer window before the change)", n, len(before))
		} else {
			needAfter := int(math.Ceil(float64(n) * nb / (2*nb - float64(n))))
			more := max(needAfter-len(after), 0)
			res.DaysNeeded = &more
			res.EnoughData = more == 0
			if res.EnoughData {
				enoughText = fmt.Sprintf("enough data: %d days before and %d after (%d a side would do at this effect)", len(before), len(after), n)
			} else {
				enoughText = fmt.Sprintf("not enough data yet: at the difference seen so far, %d more %s after the change are needed to detect it with %.0f%% power", more, plain.Plural(more, "day", "days"), o.Power*100)
			}
		}
	}

	// a trend before the change would pass for an effect of the change
	if mk, err := stats.MannKendallTest(before); err == nil && mk.P < 0.05 {
		way := "falling"
		if mk.S > 0 {
			way = "rising"
		}
		res.Caveats = append(res.Caveats, fmt.Sprintf("%s was already %s before the change (Mann–Kendall %s over the %d days before it): part of the difference may be that trend, not the change", name, way, pText2(mk.P), len(before)))
	}

	effect := signed(series.Unit, *res.Effect)
	ci := fmt.Sprintf("95%% CI %s to %s", signed(series.Unit, res.EffectCI[0]), signed(series.Unit, res.EffectCI[1]))
	if math.IsInf(res.EffectCI[0], 0) || math.IsInf(res.EffectCI[1], 0) {
		ci = "no confidence interval with so few days"
	}
	testName := map[string]string{"welch": "Welch's t-test", "mann-whitney": "Mann–Whitney test"}[res.Test]
	levels := fmt.Sprintf("%s %s → %s", series.Measure, fmtV(centerOf(res.Before, res.Test)), fmtV(centerOf(res.After, res.Test)))
	switch res.Direction {
	case "better":
		res.Verdict = fmt.Sprintf("%s improved after the change on %s: %s (%s, %s), %s %s. %s.", name, imp.Change, levels, effect, ci, testName, pText2(*res.PValue), capitalize(enoughText))
	case "worse":
		res.Verdict = fmt.Sprintf("%s got worse after the change on %s: %s (%s, %s), %s %s. %s.", name, imp.Change, levels, effect, ci, testName, pText2(*res.PValue), capitalize(enoughText))
	default:
		res.Verdict = fmt.Sprintf("No significant change in %s after the change on %s: %s (%s, %s), %s %s. %s.", name, imp.Change, levels, effect, ci, testName, pText2(*res.PValue), capitalize(enoughText))
	}
	for _, c := range res.Caveats {
		res.Verdict += " Caution: " + c + "."
	}
	return res, nil
}

func setTest(res *Result, t stats.TestResult) {
	p, e, es := t.P, t.Estimate, t.EffectSize
	ci := t.CI
	res.PValue, res.Effect, res.EffectCI, res.EffectSize, res.EffectSizeName = &p, &e, &ci, &es, t.EffectName
	if math.IsInf(ci[0], 0) || math.IsInf(ci[1], 0) {
		res.EffectCI = nil
	}
}

func other(t stats.TestResult) *OtherTest {
	o := &OtherTest{Test: t.Test, PValue: t.P, Effect: t.Estimate}
	if !math.IsInf(t.CI[0], 0) && !math.IsInf(t.CI[1], 0) {
		ci := t.CI
		o.EffectCI = &ci
	}
	return o
}

func center(x []float64) (*float64, *float64) {
	if len(x) == 0 {
		return nil, nil
	}
	m := mean(x)
	s := slices.Clone(x)
	slices.Sort(s)
	med := stats.Percentile(s, 0.5)
	return &m, &med
}

// centerOf is the side's mean for Welch, its median for the rank test.
func centerOf(s Side, test string) float64 {
	if test == "mann-whitney" && s.Median != nil {
		return *s.Median
	}
	if s.Mean != nil {
		return *s.Mean
	}
	return math.NaN()
}

func mean(x []float64) float64 { return stats.Mean(x) }

// skewness is the sample skewness g1 = m3 / m2^1.5 (NaN without variation).
func skewness(x []float64) float64 {
	m := mean(x)
	var m2, m3 float64
	for _, v := range x {
		d := v - m
		m2 += d * d
		m3 += d * d * d
	}
	n := float64(len(x))
	m2, m3 = m2/n, m3/n
	if m2 == 0 {
		return math.NaN()
	}
	return m3 / math.Pow(m2, 1.5)
}

func displayName(ev *compliance.Evaluator, slt, tier string) string {
	name := slt
	if s := ev.In.Workspace.SLT(slt); s != nil && s.Metadata.DisplayName != "" {
		name = s.Metadata.DisplayName
	}
	if tier != "" {
		name += " (tier " + tier + ")"
	}
	return name
}

// formatValue writes a level: 96.31% for shares, 412.5 ms for statistics.
func formatValue(unit string, v float64) string {
	if unit == "share" {
		return fmt.Sprintf("%.2f%%", v*100)
	}
	s := export.FormatValue(report.Number(v), "")
	if unit != "" {
		s += " " + unit
	}
	return s
}

// signed writes a difference: +1.23 points for shares, −12.5 ms for statistics.
func signed(unit string, v float64) string {
	sign := "+"
	if v < 0 {
		sign = "−"
	}
	if unit == "share" {
		return fmt.Sprintf("%s%s points", sign, trim(math.Abs(v)*100, 2))
	}
	s := sign + export.FormatValue(report.Number(math.Abs(v)), "")
	if unit != "" {
		s += " " + unit
	}
	return s
}

func trim(v float64, dec int) string {
	s := fmt.Sprintf("%.*f", dec, v)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// pText2 is a p-value as people read it: p = 0.034, or p < 0.001.
func pText2(p float64) string {
	if p < 0.001 {
		return "p < 0.001"
	}
	return "p = " + trim(p, 3)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
