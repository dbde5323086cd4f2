// Package analysis turns one SLT's per-period results into the statistical
// reading an auditor needs: a control chart with run-rule violations, the
// trend and when it would breach the target, seasonality, a dynamic baseline
// band and a plain-language verdict. It is pure: the caller (app.Analysis)
// supplies the periods and samples; nothing here reads storage or files.
// The formulas are those of internal/stats, described in docs/statistics.md.
package analysis

import (
	"errors"
	"fmt"
	"math"
	"time"

	"slate/internal/plain"
	"slate/internal/stats"
)

// MinPeriods is the fewest complete periods analysed. Below it control limits
// and a slope say nothing (Montgomery asks for 20–25 subgroups for final
// limits; five is the floor for provisional ones).
const MinPeriods = 5

// Alpha is the significance level of the trend tests (two-sided).
const Alpha = 0.05

// DefaultHorizon is how many periods ahead time-to-breach looks by default.
const DefaultHorizon = 12

// Chart kinds.
const (
	ChartAuto   = ""        // Laney p′ when every period has counts and the SLT is a ratio, else XmR
	ChartXmR    = "xmr"     // individuals and moving range
	ChartP      = "p"       // binomial p-chart, limits from the counts alone
	ChartLaneyP = "laney-p" // p-chart with limits widened (or narrowed) by the between-period variation
)

// Time-to-breach statuses.
const (
	BreachNoTarget     = "no_target"        // the series has no target (a tiered SLT's overall row)
	BreachNoTrend      = "no_trend"         // no significant trend (see Trend.Significant)
	BreachAlready      = "already_breached" // the fitted line already fails the target at the last period
	BreachMovingAway   = "moving_away"      // significant trend away from the target
	BreachWithin       = "within_horizon"   // the fitted line crosses the target within the horizon
	BreachBeyond       = "beyond_horizon"   // it crosses, but later than the horizon
	BreachInsufficient = "insufficient"     // too few periods, or constant values
)

// Verdict statuses, from the most to the least urgent. They describe the
// last analysed period: older signals are history (Verdict.Details).
const (
	StatusInsufficient = "insufficient"  // fewer than MinPeriods complete periods
	StatusConstant     = "constant"      // every period has the same value
	StatusSpecialCause = "special_cause" // the last period is worse than usual, or unusual
	StatusImprovement  = "improvement"   // the last period is better than usual
	StatusTrend        = "trend"         // no signal in the last period, but a significant trend
	StatusStable       = "stable"
)

// ErrInput is returned for input that cannot be analysed as given (an unknown
// operator or chart kind, a baseline label that is not a period, mismatched counts).
var ErrInput = errors.New("analysis: invalid input")

// Period is one evaluation period of the SLT (or of one tier).
type Period struct {
	Label    string    `json:"label"` // period key: 2026-10, 2026-W07, 2026-10-05 ...
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
	Complete bool      `json:"complete"` // incomplete periods are left out (reported in Skipped)
	// Value is the attainment (a fraction, 0..1) of a ratio SLT, or the
	// period's statistic (mean, p95 ...) otherwise. NaN means "no data".
	Value float64 `json:"value"`
	// Good and Eligible are the unit counts of a ratio SLT (Eligible = good + bad),
	// 0 when not counted.
	Good     float64 `json:"good"`
	Eligible float64 `json:"eligible"`
	// Met is the compliance engine's verdict on the period (nil: not judged
	// here; a tiered SLT's overall row has one though it has no single target).
	Met *bool `json:"met,omitempty"`
}

// Sample is one sub-period value used for seasonality: an hour's attainment
// (Weight = its eligible units) or a raw value (Weight 1). Weight 0 counts as 1.
type Sample struct {
	At     time.Time `json:"at"`
	Value  float64   `json:"value"`
	Weight float64   `json:"weight"`
}

// PeriodRange names the first and last period of a range by label (inclusive).
type PeriodRange struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// IsZero reports whether no range was given.
func (r PeriodRange) IsZero() bool { return r.From == "" && r.To == "" }

// Input is one SLT series to analyse.
type Input struct {
	SLT  string `json:"slt"`
	Tier string `json:"tier,omitempty"`
	// Ratio says values are good/eligible fractions: percentages in the text,
	// and the p-chart family when counts are present.
	Ratio bool `json:"ratio"`
	// Unit is the unit of a non-ratio value, e.g. "ms" (text only).
	Unit string `json:"unit,omitempty"`
	// Op is ">=" or ">" (higher is better), "<=" or "<" (lower is better):
	// a value meets the target when value Op target.
	Op string `json:"op"`
	// Target is the objective; nil when the series has none.
	Target *float64 `json:"target"`
	// PeriodKind is day, week, month, quarter, year or rolling: future period
	// labels for time-to-breach and the wording ("a month").
	PeriodKind string `json:"period_kind"`
	// Location is the SLT's zone: period labels and seasonal groups (nil = UTC).
	Location *time.Location `json:"-"`
	Periods  []Period       `json:"periods"`
	Samples  []Sample       `json:"samples,omitempty"`
	// Baseline is the phase I range whose periods set the centre line and
	// limits; zero = chosen: the most recent stable stretch (see chooseBaseline).
	Baseline PeriodRange `json:"baseline"`
	// Chart is one of the Chart* kinds (ChartAuto by default).
	Chart string `json:"chart,omitempty"`
	// Rules is "nelson" (default) or "we".
	Rules string `json:"rules,omitempty"`
	// Horizon is how many periods after the last one time-to-breach looks (DefaultHorizon).
	Horizon int `json:"horizon,omitempty"`
	// BandWindow is the number of previous periods the baseline band uses (default 6).
	BandWindow int `json:"band_window,omitempty"`
}

// Result is the analysis of one SLT series. Values are in the series' units
// (fractions for ratio SLTs); slopes are per period.
type Result struct {
	SLT        string   `json:"slt"`
	Tier       string   `json:"tier,omitempty"`
	Ratio      bool     `json:"ratio"`
	Unit       string   `json:"unit,omitempty"`
	Op         string   `json:"op"`
	Target     *float64 `json:"target"`
	PeriodKind string   `json:"period_kind"`
	// Periods is the number of periods analysed; Skipped lists the others.
	Periods  int         `json:"periods"`
	Skipped  []Skipped   `json:"skipped"`
	Baseline BaselineUse `json:"baseline"`
	// Chart, Trend and Band are nil when there are fewer than MinPeriods
	// periods or the values are constant (Verdict.Status says which);
	// Seasonality is nil without samples.
	Chart       *Chart       `json:"chart"`
	Trend       *Trend       `json:"trend"`
	Breach      Breach       `json:"time_to_breach"`
	Seasonality *Seasonality `json:"seasonality"`
	// Adjustment is the day-of-week adjustment of a daily series (nil for
	// other periods); when applied, chart and trend read adjusted values.
	Adjustment *Adjustment `json:"adjustment"`
	Band       *Band       `json:"baseline_band"`
	Capability *Capability `json:"capability"`
	Verdict    Verdict     `json:"verdict"`
}

// Skipped is a period left out of the analysis, with the reason.
type Skipped struct {
	Label  string `json:"label"`
	Reason string `json:"reason"`
}

// BaselineUse is the phase I range actually used (1-based analysed periods).
type BaselineUse struct {
	From      int    `json:"from"`
	To        int    `json:"to"`
	FromLabel string `json:"from_label"`
	ToLabel   string `json:"to_label"`
	// All is true when every period set the limits.
	All bool `json:"all"`
	// Auto is true when Slate chose the range (no --baseline); Why says how.
	// Periods after the range are judged against its limits (phase II),
	// periods before it are drawn but not judged.
	Auto bool   `json:"auto"`
	Why  string `json:"why"`
}

// Chart is the control chart of the per-period values.
type Chart struct {
	// Kind is xmr, p or laney-p; Why says why this chart was chosen.
	Kind string `json:"kind"`
	Why  string `json:"why"`
	// Center is the centre line (the same for every point).
	Center float64 `json:"center"`
	// Sigma is the estimated standard deviation of one period's value (for
	// the p charts, at the average baseline size).
	Sigma float64 `json:"sigma"`
	// VaryingLimits is true when limits differ between points (p charts).
	VaryingLimits bool `json:"varying_limits"`
	// MRBar and MRUCL are the moving-range centre and upper limit (XmR only).
	MRBar float64 `json:"mr_bar,omitempty"`
	MRUCL float64 `json:"mr_ucl,omitempty"`
	// SigmaZ is Laney's σz = MR̄(z)/1.128: the between-period variation in
	// units of the binomial σ (1 = pure binomial noise; laney-p only).
	SigmaZ     float64      `json:"sigma_z,omitempty"`
	Rules      string       `json:"rules"`
	Points     []ChartPoint `json:"points"`
	Violations []Violation  `json:"violations"`
}

// ChartPoint is one period on the chart.
type ChartPoint struct {
	Index    int       `json:"index"` // 1-based
	Label    string    `json:"label"`
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
	Value    float64   `json:"value"`
	Eligible float64   `json:"eligible,omitempty"`
	Center   float64   `json:"center"`
	LCL      float64   `json:"lcl"`
	UCL      float64   `json:"ucl"`
	// MR is the moving range |xᵢ − xᵢ₋₁| (XmR only; nil for the first point).
	MR *float64 `json:"mr,omitempty"`
	// Raw is the value before the seasonal adjustment (nil when not adjusted).
	Raw *float64 `json:"raw,omitempty"`
	// Met is whether the value meets the target (nil without a target).
	Met        *bool `json:"met"`
	InBaseline bool  `json:"in_baseline"`
	// Judged: the run rules are read on this point (phase II, or every point
	// when every period is the baseline or one was given).
	Judged bool `json:"judged"`
	// Rules lists the rules this point completes (nelson-2, we-1 ...).
	Rules []string `json:"rules"`
}

// Violation is one run-rule signal: the rule (nelson-1..8, we-1..4, or mr-1
// for a moving range above its limit on an XmR chart), the 1-based point
// completing the pattern and the span of the pattern, with their period labels.
type Violation struct {
	Rule string `json:"rule"`
	// Direction is better, worse or unusual, judged by the SLT's op.
	Direction   string    `json:"direction"`
	Index       int       `json:"index"`
	Span        [2]int    `json:"span"`
	Label       string    `json:"label"`
	SpanLabels  [2]string `json:"span_labels"`
	Description string    `json:"description"`
}

// Trend is the linear trend of the values against the period number 1..n.
type Trend struct {
	Slope     float64    `json:"slope"`    // OLS, per period
	SlopeCI   [2]float64 `json:"slope_ci"` // 95%
	SlopeSE   float64    `json:"slope_se"`
	Intercept float64    `json:"intercept"` // fitted value at period 0
	R2        float64    `json:"r2"`
	TheilSen  float64    `json:"theil_sen"` // robust slope, per period
	// MannKendallS and MannKendallP are the Mann–Kendall statistic and two-sided p-value.
	MannKendallS float64 `json:"mann_kendall_s"`
	MannKendallP float64 `json:"mann_kendall_p"`
	// Significant is true when the 95% CI of the OLS slope excludes zero and
	// the Mann–Kendall p-value is below Alpha.
	Significant bool `json:"significant"`
	// Direction is improving, worsening or none (not significant), judged by Op.
	Direction string `json:"direction"`
	// FittedLast is the fitted value at the last analysed period.
	FittedLast float64 `json:"fitted_last"`
}

// Breach is when the fitted trend reaches the target.
type Breach struct {
	Status string `json:"status"` // one of the Breach* constants
	// PeriodsAhead is where the fitted line equals the target, in periods
	// after the last analysed one (may be fractional or negative).
	PeriodsAhead *float64 `json:"periods_ahead"`
	// Period is the first future period whose fitted value fails the target,
	// and PeriodStart its start (within_horizon and beyond_horizon only).
	Period      string     `json:"period,omitempty"`
	PeriodStart *time.Time `json:"period_start,omitempty"`
	Horizon     int        `json:"horizon"`
	Message     string     `json:"message"`
}

// Seasonality holds seasonal indices from the samples.
type Seasonality struct {
	HourOfDay *SeasonIndex `json:"hour_of_day"`
	DayOfWeek *SeasonIndex `json:"day_of_week"`
	Samples   int          `json:"samples"`
}

// SeasonIndex is an additive seasonal index: group mean − overall mean
// (weighted by the samples' weights), in the series' units.
type SeasonIndex struct {
	Labels []string  `json:"labels"` // "00".."23", or "Mon".."Sun"
	Index  []float64 `json:"index"`
	Weight []float64 `json:"weight"` // total weight per group (0: no data, index 0)
	Mean   float64   `json:"mean"`
	// Amplitude is the highest minus the lowest index; Best and Worst name
	// the groups with the best and worst index (judged by Op).
	Amplitude float64 `json:"amplitude"`
	Best      string  `json:"best"`
	Worst     string  `json:"worst"`
	// F and P are a one-way analysis of variance across the groups (weighted);
	// nil when there are too few samples. Samples close in time are correlated,
	// so read P as indicative.
	F *float64 `json:"f"`
	P *float64 `json:"p"`
}

// Band is the dynamic baseline: each period judged against the rolling
// median and percentile band of the periods before it.
type Band struct {
	Method string      `json:"method"` // "rolling-median"
	Window int         `json:"window"`
	Lower  float64     `json:"lower_percentile"`
	Upper  float64     `json:"upper_percentile"`
	Points []BandPoint `json:"points"`
	// Outside lists the labels of periods outside their band.
	Outside []string `json:"outside"`
	// Next is the band for the next period (from the last Window periods).
	Next BandPoint `json:"next"`
}

// BandPoint is the band for one period (nil values: no earlier periods).
type BandPoint struct {
	Label   string   `json:"label"`
	Value   *float64 `json:"value,omitempty"`
	Center  *float64 `json:"center"`
	Lower   *float64 `json:"lower"`
	Upper   *float64 `json:"upper"`
	Outside bool     `json:"outside"`
}

// Verdict is the plain-language conclusion: short sentences a manager can
// act on (Text), with the rule jargon one level below (Details).
type Verdict struct {
	Status string `json:"status"` // one of the Status* constants
	// Text is the whole verdict; Control (stability), Capability, Trend and
	// Breach are its parts (empty when they do not apply).
	Text       string `json:"text"`
	Control    string `json:"control"`
	Capability string `json:"capability"`
	Trend      string `json:"trend"`
	Breach     string `json:"breach"`
	// Stable is true when no judged period broke a run rule.
	Stable bool `json:"stable"`
	// Details are the signals, the reference and the figures behind the text.
	Details []string `json:"details"`
}

// Analyze analyses one series. Incomplete periods and periods without a
// value are skipped. Too few periods or constant values are not errors: the
// Result says so in its verdict. Errors are for input that cannot be read.
func Analyze(in Input) (Result, error) {
	switch in.Op {
	case ">=", ">", "<=", "<":
	default:
		return Result{}, fmt.Errorf("%w: operator %q (want >=, >, <= or <)", ErrInput, in.Op)
	}
	switch in.Chart {
	case ChartAuto, ChartXmR, ChartP, ChartLaneyP:
	default:
		return Result{}, fmt.Errorf("%w: chart %q (want xmr, p or laney-p)", ErrInput, in.Chart)
	}
	rules, err := stats.ParseRuleSet(in.Rules)
	if err != nil {
		return Result{}, fmt.Errorf("%w: %v", ErrInput, err)
	}
	if in.Horizon <= 0 {
		in.Horizon = DefaultHorizon
	}
	if in.BandWindow <= 0 {
		in.BandWindow = 6
	}
	if in.Location == nil {
		in.Location = time.UTC
	}
	if in.Rules == "" {
		in.Rules = "nelson"
	}
	res := Result{SLT: in.SLT, Tier: in.Tier, Ratio: in.Ratio, Unit: in.Unit, Op: in.Op, Target: in.Target,
		PeriodKind: in.PeriodKind, Skipped: []Skipped{}}
	res.Breach.Horizon = in.Horizon

	ps := make([]Period, 0, len(in.Periods))
	for _, p := range in.Periods {
		switch {
		case !p.Complete:
			res.Skipped = append(res.Skipped, Skipped{p.Label, "period still running"})
		case math.IsNaN(p.Value) || math.IsInf(p.Value, 0):
			res.Skipped = append(res.Skipped, Skipped{p.Label, "no data"})
		default:
			if p.Eligible < 0 || p.Good < 0 || p.Good > p.Eligible {
				return Result{}, fmt.Errorf("%w: period %s: %g good of %g eligible", ErrInput, p.Label, p.Good, p.Eligible)
			}
			ps = append(ps, p)
		}
	}
	res.Periods = len(ps)
	if s, err := seasonality(in); err == nil {
		res.Seasonality = s
	}
	raw := ps
	if a := dayOfWeekAdjustment(in, ps); a != nil {
		res.Adjustment = a
		if a.Applied {
			ps = a.adjust(in, ps)
		}
	}
	lo, hi, err := baselineBounds(ps, in.Baseline)
	if err != nil {
		return Result{}, err
	}
	auto := in.Baseline.IsZero()
	why := ""
	if auto && len(ps) >= MinPeriods && !constant(values(ps)) {
		lo, hi, why = chooseBaseline(in, ps, rules)
	}
	if len(ps) > 0 {
		res.Baseline = BaselineUse{From: lo + 1, To: hi, FromLabel: ps[lo].Label, ToLabel: ps[hi-1].Label,
			All: lo == 0 && hi == len(ps), Auto: auto, Why: why}
	}

	if len(ps) < MinPeriods {
		res.Breach.Status = BreachInsufficient
		res.Breach.Message = "not enough periods for a trend"
		res.Verdict = Verdict{Status: StatusInsufficient,
			Text: fmt.Sprintf("not enough periods: %d complete %s with data; the analysis needs at least %d",
				len(ps), plain.Plural(len(ps), "period", "periods"), MinPeriods)}
		return res, nil
	}
	vals := values(ps)
	if constant(vals) {
		res.Breach.Status = BreachInsufficient
		res.Breach.Message = "no variation, so no trend"
		if in.Target != nil {
			if fails(in.Op, vals[0], *in.Target) {
				res.Breach.Message = "no variation; every period fails the target"
			} else {
				res.Breach.Message = "no variation; every period meets the target"
			}
		}
		res.Verdict = Verdict{Status: StatusConstant,
			Text: fmt.Sprintf("no variation: every one of the %d periods is %s, so there are no control limits, trend or band to compute",
				len(ps), formatValue(in, vals[0]))}
		return res, nil
	}

	res.Chart, err = buildChart(in, ps, lo, hi, rules)
	if err != nil {
		return Result{}, err
	}
	// phase II: with a chosen reference window, only the periods after it are judged
	judgeFrom := 0
	if auto && !res.Baseline.All {
		judgeFrom = hi
	}
	judge(res.Chart, judgeFrom)
	if res.Adjustment != nil && res.Adjustment.Applied {
		for i := range res.Chart.Points {
			v := raw[i].Value
			res.Chart.Points[i].Raw = &v
			if in.Target != nil {
				met := !fails(in.Op, v, *in.Target)
				res.Chart.Points[i].Met = &met
			}
		}
	}
	// The trend is the current process's: from the chosen reference on (a
	// step change is not a trend), else over every period.
	trendFrom := 0
	if judgeFrom > 0 {
		trendFrom = lo
	}
	res.Trend, res.Breach = trendAndBreach(in, ps[trendFrom:], vals[trendFrom:])
	if b, err := band(in, raw, values(raw)); err == nil {
		res.Band = b
	}
	capFrom := 0
	if judgeFrom > 0 {
		capFrom = lo
	}
	res.Capability = capability(in, raw, capFrom, res.Chart, len(res.Chart.Violations) == 0)
	res.Verdict = verdict(in, ps, res)
	return res, nil
}

func values(ps []Period) []float64 {
	vals := make([]float64, len(ps))
	for i, p := range ps {
		vals[i] = p.Value
	}
	return vals
}

// judge keeps the violations completed at or after point from (0-based) and
// marks the judged points.
func judge(c *Chart, from int) {
	kept := c.Violations[:0]
	for i := range c.Points {
		c.Points[i].Judged = i >= from
		c.Points[i].Rules = []string{}
	}
	for _, v := range c.Violations {
		if v.Index-1 >= from {
			kept = append(kept, v)
			c.Points[v.Index-1].Rules = append(c.Points[v.Index-1].Rules, v.Rule)
		}
	}
	c.Violations = kept
}

// baselineBounds resolves the baseline labels to a 0-based half-open range.
func baselineBounds(ps []Period, r PeriodRange) (int, int, error) {
	if r.IsZero() {
		return 0, len(ps), nil
	}
	find := func(label string) int {
		for i, p := range ps {
			if p.Label == label {
				return i
			}
		}
		return -1
	}
	from, to := 0, len(ps)-1
	if r.From != "" {
		if from = find(r.From); from < 0 {
			return 0, 0, fmt.Errorf("%w: baseline start %q is not an analysed period", ErrInput, r.From)
		}
	}
	if r.To != "" {
		if to = find(r.To); to < 0 {
			return 0, 0, fmt.Errorf("%w: baseline end %q is not an analysed period", ErrInput, r.To)
		}
	}
	if to < from {
		return 0, 0, fmt.Errorf("%w: baseline %s..%s ends before it starts", ErrInput, r.From, r.To)
	}
	if to-from+1 < 2 {
		return 0, 0, fmt.Errorf("%w: baseline %s..%s has one period; limits need at least two", ErrInput, r.From, r.To)
	}
	return from, to + 1, nil
}

func constant(x []float64) bool {
	for _, v := range x[1:] {
		if v != x[0] {
			return false
		}
	}
	return true
}

// fails reports whether v misses target under op.
func fails(op string, v, target float64) bool {
	switch op {
	case "<=":
		return v > target
	case "<":
		return v >= target
	case ">":
		return v <= target
	}
	return v < target
}

// lowerBetter reports whether smaller values are better under op.
func lowerBetter(op string) bool { return op == "<=" || op == "<" }
