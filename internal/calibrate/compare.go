package calibrate

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"gonum.org/v1/gonum/stat/distuv"

	"slate/internal/domain"
	"slate/internal/plain"
	"slate/internal/report"
	"slate/internal/stats"
)

// MinPairs is the fewest paired buckets Compare accepts.
const MinPairs = 10

// MinDriftDays is the fewest days with pairs the drift analysis needs.
const MinDriftDays = 14

// Drift statuses.
const (
	DriftNone         = "none"         // no significant trend in the daily bias
	DriftFound        = "drift"        // the daily bias trends: OLS interval excludes 0 and Mann–Kendall p < 0.05
	DriftInsufficient = "insufficient" // fewer than MinDriftDays days
)

// Classifier judges one bucket: good when value Op Threshold.
type Classifier struct {
	// Name is the SLT (or SLT/tier) whose rule this is; Rule says which part of it.
	Name      string  `json:"name"`
	Rule      string  `json:"rule"`
	Op        string  `json:"op"`
	Threshold float64 `json:"threshold"`
}

// Options tune Compare.
type Options struct {
	// Conf is the confidence level of every interval (default 0.95).
	Conf float64
	// Loc sets the days and months of the drift analysis (default UTC).
	Loc *time.Location
	// Format writes a difference in the drift's message with its unit
	// (default: the number alone).
	Format func(v float64) string
}

func (o Options) format(v float64, signed bool) string {
	s := fmt.Sprintf("%.4g", v)
	if o.Format != nil {
		s = o.Format(v)
	}
	if signed && v > 0 {
		s = "+" + s
	}
	return s
}

// Result is the agreement between a feed and its reference over paired buckets.
// Differences are feed − reference, in the feeds' unit (a share for counts
// and event feeds): a positive bias means the feed reads higher.
type Result struct {
	N                 int              `json:"n"`
	FeedMean          report.Float     `json:"feed_mean"`
	ReferenceMean     report.Float     `json:"reference_mean"`
	Bias              report.Float     `json:"bias"`
	BiasCI            [2]report.Float  `json:"bias_ci"`
	SD                report.Float     `json:"sd_difference"`
	MAE               report.Float     `json:"mae"`
	RMSE              report.Float     `json:"rmse"`
	LimitsOfAgreement [2]report.Float  `json:"limits_of_agreement"`
	LowerLimitCI      [2]report.Float  `json:"lower_limit_ci"`
	UpperLimitCI      [2]report.Float  `json:"upper_limit_ci"`
	CCC               report.Float     `json:"ccc"`
	Pearson           report.Float     `json:"pearson_r"`
	BiasCorrection    report.Float     `json:"bias_correction"`
	Classification    []ClassAgreement `json:"classification"`
	Drift             Drift            `json:"drift"`
	Conf              float64          `json:"confidence"`
}

// ClassAgreement compares the good/bad calls of the feed and the reference
// on each bucket at one threshold.
type ClassAgreement struct {
	Classifier
	BothGood             int          `json:"both_good"`
	FeedGoodReferenceBad int          `json:"feed_good_reference_bad"`
	FeedBadReferenceGood int          `json:"feed_bad_reference_good"`
	BothBad              int          `json:"both_bad"`
	Agreement            report.Float `json:"agreement"`        // share of buckets both call alike
	ChanceAgreement      report.Float `json:"chance_agreement"` // expected from the margins
	Kappa                report.Float `json:"kappa"`            // Cohen's κ; null when both call every bucket alike and constant
}

// MonthBias is the mean difference of one calendar month.
type MonthBias struct {
	Month string          `json:"month"` // 2026-03
	N     int             `json:"n"`
	Bias  report.Float    `json:"bias"`
	CI    [2]report.Float `json:"ci"` // t interval; null with one pair
	// Drifted: the drift's change has moved this month's bias — the month
	// of the change's start (or the next one when it starts in the second
	// half of its month) and every month after.
	Drifted bool `json:"drifted"`
}

// Drift says whether the bias changes over time.
type Drift struct {
	Status  string      `json:"status"`
	Message string      `json:"message"`
	Days    int         `json:"days"`
	Monthly []MonthBias `json:"monthly"`
	// The OLS slope of the daily mean difference against the day number, per
	// day, with its interval, and the Mann–Kendall p-value of the same series.
	SlopePerDay  report.Float    `json:"slope_per_day"`
	SlopeCI      [2]report.Float `json:"slope_ci"`
	MannKendallP report.Float    `json:"mann_kendall_p"`
	// Change is the best single change of the daily bias (when drift is found).
	Change *Change `json:"change,omitempty"`
}

// Change is where the drift starts and how it goes.
type Change struct {
	Kind        string       `json:"kind"`  // ramp (a steady drift) or step (a jump)
	Start       string       `json:"start"` // the first day of the change, YYYY-MM-DD
	Before      report.Float `json:"bias_before"`
	SlopePerDay report.Float `json:"slope_per_day"` // ramp
	Shift       report.Float `json:"shift"`         // step
	// Total is how far the bias has moved by the last day: the fitted bias at
	// the end is Before + Total.
	Total report.Float `json:"total_change"`
}

func f(v float64) report.Float { return report.Float(v) }

func pair2(a [2]float64) [2]report.Float { return [2]report.Float{f(a[0]), f(a[1])} }

// Compare computes the agreement statistics over aligned pairs (see Agree in
// internal/stats for the formulas), the good/bad agreement at each
// classifier, and the drift of the bias. Fewer than MinPairs pairs give
// "not enough data: N paired buckets, need 10".
//
// The intervals treat buckets as independent; neighbouring buckets of real
// monitoring data are correlated, so they are narrower than the truth.
func Compare(pairs []Pair, classes []Classifier, o Options) (Result, error) {
	if o.Conf == 0 {
		o.Conf = 0.95
	}
	if o.Loc == nil {
		o.Loc = time.UTC
	}
	if len(pairs) < MinPairs {
		return Result{N: len(pairs)}, &stats.NotEnoughData{Have: len(pairs), Need: MinPairs, What: "paired buckets"}
	}
	x, y := make([]float64, len(pairs)), make([]float64, len(pairs))
	for i, p := range pairs {
		x[i], y[i] = p.Feed, p.Reference
	}
	a, err := stats.Agree(x, y, o.Conf)
	if err != nil {
		return Result{N: len(pairs)}, err
	}
	r := Result{
		N: a.N, FeedMean: f(stats.Mean(x)), ReferenceMean: f(stats.Mean(y)),
		Bias: f(a.Bias), BiasCI: pair2(a.BiasCI), SD: f(a.SD), MAE: f(a.MAE), RMSE: f(a.RMSE),
		LimitsOfAgreement: pair2(a.LoA), LowerLimitCI: pair2(a.LowerCI), UpperLimitCI: pair2(a.UpperCI),
		CCC: f(a.CCC), Pearson: f(a.Pearson), BiasCorrection: f(a.Accuracy), Conf: o.Conf,
		Classification: []ClassAgreement{},
	}
	for _, c := range classes {
		fb, rb := make([]bool, len(pairs)), make([]bool, len(pairs))
		for i, p := range pairs {
			fb[i] = !domain.Compare(p.Feed, c.Op, c.Threshold)
			rb[i] = !domain.Compare(p.Reference, c.Op, c.Threshold)
		}
		// rows: reference, columns: feed
		k, _ := stats.CohenKappa(rb, fb)
		r.Classification = append(r.Classification, ClassAgreement{Classifier: c,
			BothGood: k.Table[0][0], FeedBadReferenceGood: k.Table[0][1], FeedGoodReferenceBad: k.Table[1][0], BothBad: k.Table[1][1],
			Agreement: f(k.Observed), ChanceAgreement: f(k.Expected), Kappa: f(k.Kappa)})
	}
	r.Drift = drift(pairs, o)
	return r, nil
}

// civil numbers the local date of t: days since 1970-01-01.
func civil(t time.Time, loc *time.Location) int {
	y, m, d := t.In(loc).Date()
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func drift(pairs []Pair, o Options) Drift {
	dr := Drift{Monthly: []MonthBias{}, SlopePerDay: report.NaN, MannKendallP: report.NaN,
		SlopeCI: [2]report.Float{report.NaN, report.NaN}}
	byMonth := map[string][]float64{}
	byDay := map[int][]float64{}
	for _, p := range pairs {
		d := p.Feed - p.Reference
		byMonth[p.Start.In(o.Loc).Format("2006-01")] = append(byMonth[p.Start.In(o.Loc).Format("2006-01")], d)
		byDay[civil(p.Start, o.Loc)] = append(byDay[civil(p.Start, o.Loc)], d)
	}
	tq := func(n int) float64 {
		return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(1 - (1-o.Conf)/2)
	}
	for _, m := range slices.Sorted(maps.Keys(byMonth)) {
		d := byMonth[m]
		mb := MonthBias{Month: m, N: len(d), Bias: f(stats.Mean(d)), CI: [2]report.Float{report.NaN, report.NaN}}
		if len(d) >= 2 {
			h := tq(len(d)) * stats.StdDev(d) / math.Sqrt(float64(len(d)))
			mb.CI = [2]report.Float{f(stats.Mean(d) - h), f(stats.Mean(d) + h)}
		}
		dr.Monthly = append(dr.Monthly, mb)
	}
	days := slices.Sorted(maps.Keys(byDay))
	dr.Days = len(days)
	if len(days) < MinDriftDays {
		dr.Status = DriftInsufficient
		dr.Message = (&stats.NotEnoughData{Have: len(days), Need: MinDriftDays, What: "days with pairs"}).Error()
		return dr
	}
	t, v := make([]float64, len(days)), make([]float64, len(days))
	for i, d := range days {
		t[i], v[i] = float64(d-days[0]), stats.Mean(byDay[d])
	}
	tr, err := stats.FitTrend(t, v)
	if err != nil {
		dr.Status, dr.Message = DriftNone, "the daily bias does not vary"
		return dr
	}
	dr.SlopePerDay, dr.SlopeCI, dr.MannKendallP = f(tr.Slope), pair2(tr.SlopeCI), f(tr.MannKendall.P)
	excludesZero := tr.SlopeCI[0] > 0 || tr.SlopeCI[1] < 0
	if !excludesZero || !(tr.MannKendall.P < 0.05) {
		dr.Status = DriftNone
		dr.Message = fmt.Sprintf("no drift: the daily bias shows no significant trend over %d days (Mann–Kendall %s)", len(days), plain.P(tr.MannKendall.P))
		return dr
	}
	dr.Status = DriftFound
	cp, err := stats.FindChangePoint(t, v)
	if err != nil {
		dr.Message = fmt.Sprintf("drift: the daily bias moves %s a day (Mann–Kendall %s)", o.format(tr.Slope, true), plain.P(tr.MannKendall.P))
		return dr
	}
	start := time.Unix(int64(days[0]+cp.Index)*86400, 0).UTC().Format(time.DateOnly)
	dr.Change = &Change{Kind: cp.Kind, Start: start, Before: f(cp.Before), SlopePerDay: f(cp.Slope), Shift: f(cp.Shift), Total: f(cp.Change)}
	from, _ := time.Parse(time.DateOnly, start)
	if from.Day() > 15 {
		from = from.AddDate(0, 1, 1-from.Day())
	}
	for i := range dr.Monthly {
		dr.Monthly[i].Drifted = dr.Monthly[i].Month >= from.Format("2006-01")
	}
	if cp.Kind == stats.ChangeRamp {
		dr.Message = fmt.Sprintf("drift from %s: the bias moves %s a day, from %s to %s by the last day", start, o.format(cp.Slope, true), o.format(cp.Before, true), o.format(cp.Before+cp.Change, true))
	} else {
		dr.Message = fmt.Sprintf("drift: the bias jumps by %s on %s, from %s to %s", o.format(cp.Shift, true), start, o.format(cp.Before, true), o.format(cp.Before+cp.Shift, true))
	}
	return dr
}
