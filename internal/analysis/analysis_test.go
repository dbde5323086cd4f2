package analysis

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/gonum/stat/distuv"

	"slate/internal/stats"
)

// monthly builds complete monthly periods from start with the given values.
func monthly(y int, m time.Month, vals ...float64) []Period {
	ps := make([]Period, len(vals))
	for i, v := range vals {
		s := time.Date(y, m+time.Month(i), 1, 0, 0, 0, 0, time.UTC)
		ps[i] = Period{Label: s.Format("2006-01"), Start: s, End: s.AddDate(0, 1, 0), Complete: true, Value: v}
	}
	return ps
}

func near(t *testing.T, name string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.10g, want %.10g", name, got, want)
	}
}

func ptr(v float64) *float64 { return &v }

// A baseline of eight months varying around 11, then nine months at 10.5:
// the only pattern is nine in a row below the centre line, completed by the
// 17th point (2026-05), starting at the 9th (2025-09).
func TestNelson2WithBaseline(t *testing.T) {
	vals := []float64{8, 9, 14, 13, 8, 9, 14, 13}
	for range 9 {
		vals = append(vals, 10.5)
	}
	res, err := Analyze(Input{SLT: "x", Op: "<=", PeriodKind: "month", Periods: monthly(2025, 1, vals...),
		Baseline: PeriodRange{From: "2025-01", To: "2025-08"}})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Chart
	if c.Kind != ChartXmR {
		t.Fatalf("chart %s, want xmr", c.Kind)
	}
	// Hand-worked: centre = 88/8 = 11; moving ranges 1,5,1,5,1,5,1 → MR̄ = 19/7;
	// σ̂ = MR̄/1.128; limits 11 ± 3σ̂.
	mr := 19.0 / 7
	sigma := mr / 1.128
	near(t, "centre", c.Center, 11, 1e-12)
	near(t, "mr_bar", c.MRBar, mr, 1e-12)
	near(t, "sigma", c.Sigma, sigma, 1e-12)
	near(t, "ucl", c.Points[16].UCL, 11+3*sigma, 1e-12)
	near(t, "lcl", c.Points[16].LCL, 11-3*sigma, 1e-12)
	if res.Baseline.From != 1 || res.Baseline.To != 8 || res.Baseline.All || !c.Points[7].InBaseline || c.Points[8].InBaseline {
		t.Errorf("baseline %+v", res.Baseline)
	}
	if len(c.Violations) != 1 {
		t.Fatalf("violations %+v, want one nelson-2", c.Violations)
	}
	v := c.Violations[0]
	if v.Rule != "nelson-2" || v.Index != 17 || v.Span != [2]int{9, 17} || v.Label != "2026-05" || v.SpanLabels != [2]string{"2025-09", "2026-05"} {
		t.Errorf("violation %+v", v)
	}
	if got := c.Points[16].Rules; len(got) != 1 || got[0] != "nelson-2" {
		t.Errorf("point 17 rules %v", got)
	}
	// Lower is better (op <=): nine months below the centre line is an
	// improvement, not a problem; the rule is named one level below.
	if v.Direction != Better {
		t.Errorf("direction %q, want better", v.Direction)
	}
	want := "Better than usual in 2026-05: an improvement; once it holds, make it the new reference."
	if res.Verdict.Control != want || res.Verdict.Status != StatusImprovement || !strings.HasPrefix(res.Verdict.Text, want) {
		t.Errorf("verdict %q (%s)\nwant %q", res.Verdict.Control, res.Verdict.Status, want)
	}
	if !slices.Contains(res.Verdict.Details, "2026-05: Nelson 2 (better), nine points in a row below the centre line (2025-09 to 2026-05).") {
		t.Errorf("details %q", res.Verdict.Details)
	}
	if cs := res.Concerns(time.Time{}, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)); len(cs) != 0 {
		t.Errorf("an improvement raised concerns: %q", cs)
	}
	// The same values with higher = better: the run is worse than usual.
	res, _ = Analyze(Input{SLT: "x", Op: ">=", PeriodKind: "month", Periods: monthly(2025, 1, vals...),
		Baseline: PeriodRange{From: "2025-01", To: "2025-08"}})
	if res.Verdict.Status != StatusSpecialCause || res.Chart.Violations[0].Direction != Worse ||
		!strings.HasPrefix(res.Verdict.Text, "Worse than usual in 2026-05: find out what changed.") {
		t.Errorf("higher is better: %+v", res.Verdict)
	}
	if cs := res.Concerns(time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)); len(cs) != 1 ||
		cs[0] != "worse than usual in 2026-05 (nine points in a row below the centre line)" {
		t.Errorf("concerns %q", cs)
	}
	// ... but not for a report of another month
	if cs := res.Concerns(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)); len(cs) != 0 {
		t.Errorf("concerns outside the period: %q", cs)
	}
}

// A falling attainment: 99.1, 98.4, 98.1, 97.4, 97.1, 96.4 % in 2026-01..06,
// target 95%. By hand (x = 1..6, x̄ = 3.5, ȳ = 97.75, Sxx = 17.5):
// Sxy = −9.05, slope −0.517142857 points a month, intercept 99.56;
// residuals ±0.0571429, ±0.1257143, ±0.0914286, SSE = 0.0548571,
// SE = √(SSE/4/17.5) = 0.0279941, t(0.975, 4) = 2.776445, CI −0.594867..−0.439419.
// The line reaches 95 at x = 4.56/0.517142857 = 8.817680, so the first
// failing month is the 9th: 2026-09, 2.81768 months after June.
// Mann–Kendall: S = −15, Var = 6·5·17/18, Z = −14/√Var = −2.630142.
// Six falling points also complete Nelson 3 at June.
func TestTrendAndTimeToBreach(t *testing.T) {
	ps := monthly(2026, 1, 0.991, 0.984, 0.981, 0.974, 0.971, 0.964)
	res, err := Analyze(Input{SLT: "x", Ratio: true, Op: ">=", Target: ptr(0.95), PeriodKind: "month", Periods: ps})
	if err != nil {
		t.Fatal(err)
	}
	tr := res.Trend
	near(t, "slope", tr.Slope, -0.00517142857, 1e-8)
	near(t, "intercept", tr.Intercept, 0.9956, 1e-8)
	near(t, "se", tr.SlopeSE, 0.000279941, 1e-5)
	near(t, "ci lo", tr.SlopeCI[0], -0.00594867, 1e-5)
	near(t, "ci hi", tr.SlopeCI[1], -0.00439419, 1e-5)
	z := -14 / math.Sqrt(6*5*17/18.0)
	near(t, "z", z, -2.630142, 1e-6)
	near(t, "mk p", tr.MannKendallP, math.Erfc(-z/math.Sqrt2), 1e-9)
	if tr.MannKendallS != -15 || !tr.Significant || tr.Direction != "worsening" {
		t.Errorf("trend %+v", tr)
	}
	b := res.Breach
	if b.Status != BreachWithin || b.Period != "2026-09" || b.PeriodsAhead == nil {
		t.Fatalf("breach %+v", b)
	}
	near(t, "periods ahead", *b.PeriodsAhead, 2.817680, 1e-6)
	if !b.PeriodStart.Equal(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("period start %v", b.PeriodStart)
	}
	if b.Message != "at this rate it crosses 95% in 2026-09" {
		t.Errorf("message %q", b.Message)
	}
	if res.Verdict.Trend != "Worsening by 0.517 percentage points a month." {
		t.Errorf("trend text %q", res.Verdict.Trend)
	}
	if !slices.ContainsFunc(res.Verdict.Details, func(d string) bool {
		return strings.HasPrefix(d, "Trend: attainment falls 0.517 percentage points a month (95% CI -0.595 to -0.439")
	}) {
		t.Errorf("details %q", res.Verdict.Details)
	}
	if len(res.Chart.Violations) != 1 || res.Chart.Violations[0].Rule != "nelson-3" || res.Chart.Violations[0].Span != [2]int{1, 6} ||
		res.Chart.Violations[0].Direction != Worse {
		t.Errorf("violations %+v", res.Chart.Violations)
	}
	wantText := "Worse than usual in 2026-06: find out what changed. It met the 95% target in all 6 months, with room to spare. " +
		"Worsening by 0.517 percentage points a month; at this rate it crosses 95% in 2026-09."
	if res.Verdict.Text != wantText {
		t.Errorf("verdict\n%q\nwant\n%q", res.Verdict.Text, wantText)
	}

	// A three-month horizon ends in 2026-09's predecessor: beyond it.
	res, _ = Analyze(Input{SLT: "x", Ratio: true, Op: ">=", Target: ptr(0.95), PeriodKind: "month", Periods: ps, Horizon: 2})
	if res.Breach.Status != BreachBeyond || res.Breach.Period != "2026-09" {
		t.Errorf("horizon 2: %+v", res.Breach)
	}
	// At a 97% target the fitted June value 96.457% already fails.
	res, _ = Analyze(Input{SLT: "x", Ratio: true, Op: ">=", Target: ptr(0.97), PeriodKind: "month", Periods: ps})
	if res.Breach.Status != BreachAlready || res.Breach.Message != "the fitted trend is already below target (96.457% in 2026-06)" {
		t.Errorf("already: %+v", res.Breach)
	}
	// Lower is better: the same values falling move away from a ceiling.
	res, _ = Analyze(Input{SLT: "x", Ratio: true, Op: "<=", Target: ptr(0.999), PeriodKind: "month", Periods: ps})
	if res.Breach.Status != BreachMovingAway || res.Trend.Direction != "improving" {
		t.Errorf("moving away: %+v %+v", res.Breach, res.Trend)
	}
	res, _ = Analyze(Input{SLT: "x", Ratio: true, Op: ">=", PeriodKind: "month", Periods: ps})
	if res.Breach.Status != BreachNoTarget {
		t.Errorf("no target: %+v", res.Breach)
	}
}

// Latency rising towards a 800 ms ceiling: 710, 722, 728, 741, 749, 762 ms.
// By hand: ȳ = 735.333, Sxy = 177, slope = 177/17.5 = 10.1142857 ms a month,
// intercept 699.933333; the line reaches 800 at x = 9.893597, so the first
// failing month is the 10th, 2026-10.
func TestTimeToBreachLowerIsBetter(t *testing.T) {
	ps := monthly(2026, 1, 710, 722, 728, 741, 749, 762)
	res, err := Analyze(Input{SLT: "lat", Unit: "ms", Op: "<=", Target: ptr(800), PeriodKind: "month", Periods: ps})
	if err != nil {
		t.Fatal(err)
	}
	near(t, "slope", res.Trend.Slope, 10.1142857, 1e-8)
	near(t, "intercept", res.Trend.Intercept, 699.933333, 1e-8)
	near(t, "periods ahead", *res.Breach.PeriodsAhead, 9.893597-6, 1e-6)
	if res.Breach.Status != BreachWithin || res.Breach.Period != "2026-10" || res.Trend.Direction != "worsening" {
		t.Errorf("breach %+v trend %+v", res.Breach, res.Trend)
	}
	if res.Breach.Message != "at this rate it crosses 800 ms in 2026-10" {
		t.Errorf("message %q", res.Breach.Message)
	}
	if res.Verdict.Trend != "Worsening by 10.1 ms a month." {
		t.Errorf("trend text %q", res.Verdict.Trend)
	}
}

// Laney p′ by hand: n = 100, 200, 100, 200, 100 with 5, 8, 7, 6, 4 bad.
// p̄ = 30/700 = 0.0428571; σpᵢ = √(p̄(1−p̄)/nᵢ) = 0.0202535 (n 100), 0.0143214 (n 200);
// zᵢ = (pᵢ − p̄)/σpᵢ = 0.352673, −0.199502, 1.340157, −0.897758, −0.141069;
// moving ranges 0.552175, 1.539659, 2.237915, 0.756689, MR̄ = 1.271610,
// σz = MR̄/1.128 = 1.127313. Attainment limits 1 − p̄ ± 3σz·σpᵢ:
// n 100: 0.888647..1 (clipped), n 200: 0.908709..1.
func TestLaneyPChart(t *testing.T) {
	n := []float64{100, 200, 100, 200, 100}
	bad := []float64{5, 8, 7, 6, 4}
	ps := monthly(2026, 1, 0, 0, 0, 0, 0)
	for i := range ps {
		ps[i].Eligible, ps[i].Good = n[i], n[i]-bad[i]
		ps[i].Value = ps[i].Good / n[i]
	}
	res, err := Analyze(Input{SLT: "r", Ratio: true, Op: ">=", Target: ptr(0.9), PeriodKind: "month", Periods: ps})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Chart
	if c.Kind != ChartLaneyP || !c.VaryingLimits {
		t.Fatalf("chart %s varying %v", c.Kind, c.VaryingLimits)
	}
	near(t, "centre", c.Center, 1-30.0/700, 1e-12)
	near(t, "sigma_z", c.SigmaZ, 1.127313, 1e-6)
	near(t, "lcl n=100", c.Points[0].LCL, 0.888647, 1e-6)
	near(t, "lcl n=200", c.Points[1].LCL, 0.908709, 1e-6)
	if c.Points[0].UCL != 1 || c.Points[1].UCL != 1 {
		t.Errorf("ucl not clipped to 1: %v %v", c.Points[0].UCL, c.Points[1].UCL)
	}
	// The plain p-chart has the binomial limits: 1 − p̄ − 3σp.
	res, err = Analyze(Input{SLT: "r", Ratio: true, Op: ">=", PeriodKind: "month", Periods: ps, Chart: ChartP})
	if err != nil {
		t.Fatal(err)
	}
	near(t, "p lcl n=100", res.Chart.Points[0].LCL, 1-30.0/700-3*0.0202535, 1e-5)
	// The p-chart agrees with stats.PChart on the bad proportion, mirrored.
	pc, err := stats.PChart(bad, n, stats.ChartOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range ps {
		near(t, "mirror lcl", res.Chart.Points[i].LCL, 1-pc.UCL[i], 1e-12)
	}
	if _, err := Analyze(Input{SLT: "r", Op: ">=", Periods: monthly(2026, 1, 1, 2, 3, 4, 5), Chart: ChartLaneyP}); !errors.Is(err, ErrInput) {
		t.Errorf("laney-p without counts: %v", err)
	}
	// A baseline without bad units (or without variation) sets no limits:
	// a clear error, whichever chart.
	for i := range 2 {
		ps[i].Good, ps[i].Value = ps[i].Eligible, 1
	}
	base := PeriodRange{From: "2026-01", To: "2026-02"}
	for _, kind := range []string{ChartAuto, ChartP, ChartXmR} {
		_, err = Analyze(Input{Ratio: true, Op: ">=", Periods: ps, Baseline: base, Chart: kind})
		if !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), "baseline 2026-01..2026-02") {
			t.Errorf("%q chart on an all-good baseline: %v", kind, err)
		}
	}
}

func TestConstantSeries(t *testing.T) {
	res, err := Analyze(Input{SLT: "c", Ratio: true, Op: ">=", Target: ptr(0.999), PeriodKind: "month",
		Periods: monthly(2026, 1, 1, 1, 1, 1, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict.Status != StatusConstant || res.Chart != nil || res.Trend != nil || res.Band != nil {
		t.Fatalf("constant: %+v", res)
	}
	want := "no variation: every one of the 6 periods is 100%, so there are no control limits, trend or band to compute"
	if res.Verdict.Text != want {
		t.Errorf("verdict %q", res.Verdict.Text)
	}
	if res.Breach.Status != BreachInsufficient || res.Breach.Message != "no variation; every period meets the target" {
		t.Errorf("breach %+v", res.Breach)
	}
	// Constant counts too: the p charts are never reached.
	ps := monthly(2026, 1, 0.99, 0.99, 0.99, 0.99, 0.99)
	for i := range ps {
		ps[i].Good, ps[i].Eligible = 99, 100
	}
	if res, err := Analyze(Input{Ratio: true, Op: ">=", Periods: ps}); err != nil || res.Verdict.Status != StatusConstant {
		t.Errorf("constant counts: %v %+v", err, res.Verdict)
	}
	if _, err := json.Marshal(res); err != nil {
		t.Errorf("json: %v", err)
	}
}

func TestTooShort(t *testing.T) {
	ps := monthly(2026, 1, 0.97, 0.95, 0.96, 0.94, 0.93)
	ps[4].Complete = false
	res, err := Analyze(Input{SLT: "s", Ratio: true, Op: ">=", Target: ptr(0.95), PeriodKind: "month", Periods: ps})
	if err != nil {
		t.Fatal(err)
	}
	want := "not enough periods: 4 complete periods with data; the analysis needs at least 5"
	if res.Verdict.Status != StatusInsufficient || res.Verdict.Text != want {
		t.Errorf("verdict %+v", res.Verdict)
	}
	if res.Periods != 4 || len(res.Skipped) != 1 || res.Skipped[0] != (Skipped{"2026-05", "period still running"}) {
		t.Errorf("periods %d skipped %+v", res.Periods, res.Skipped)
	}
	if res.Chart != nil || res.Trend != nil {
		t.Error("chart or trend from four periods")
	}
	ps = monthly(2026, 1, 0.97, math.NaN())
	res, _ = Analyze(Input{Op: ">=", Periods: ps})
	if res.Verdict.Text != "not enough periods: 1 complete period with data; the analysis needs at least 5" || res.Skipped[0].Reason != "no data" {
		t.Errorf("one period: %+v", res)
	}
	if _, err := json.Marshal(res); err != nil {
		t.Errorf("json: %v", err)
	}
}

func TestStableVerdictAndBand(t *testing.T) {
	// No run rule, no trend: 5, 7, 6, 5, 7, 6, 5, 7. The band for the
	// 8th month is from months 2..7 (7, 6, 5, 7, 6, 5): median 6,
	// 5th percentile 5 (position 0.25 between 5 and 5), 95th 7.
	ps := monthly(2026, 1, 5, 7, 6, 5, 7, 6, 5, 7)
	res, err := Analyze(Input{SLT: "s", Op: "<=", Target: ptr(10), PeriodKind: "month", Periods: ps})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict.Status != StatusStable || res.Verdict.Text != "Stable: it varies only by chance. It met the 10 target in all 8 months, with room to spare." {
		t.Errorf("verdict %+v", res.Verdict)
	}
	if res.Breach.Status != BreachNoTrend {
		t.Errorf("breach %+v", res.Breach)
	}
	bp := res.Band.Points[7]
	if *bp.Center != 6 || *bp.Lower != 5 || *bp.Upper != 7 || bp.Outside {
		t.Errorf("band point 8 %+v", bp)
	}
	if res.Band.Points[0].Center != nil {
		t.Error("first band point has a centre")
	}
	// Next period: the last six values 6, 5, 7, 6, 5, 7 → median 6.
	if res.Band.Next.Label != "2026-09" || *res.Band.Next.Center != 6 {
		t.Errorf("next %+v", res.Band.Next)
	}
}

func TestSeasonality(t *testing.T) {
	// Hour 09 UTC (10 Berlin in winter): attainment 1 with 3 units and 0.5
	// with 1 unit; hour 10 UTC: 0 with 1 unit. Weighted mean = (3 + 0.5 + 0)/5 = 0.7;
	// hour 10 Berlin: (3 + 0.5)/4 = 0.875 → +0.175; hour 11 Berlin: 0 → −0.7.
	berlin, _ := time.LoadLocation("Europe/Berlin")
	day := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC) // a Monday
	ss := []Sample{{day, 1, 3}, {day.AddDate(0, 0, 1), 0.5, 1}, {day.Add(time.Hour), 0, 1}}
	res, err := Analyze(Input{Ratio: true, Op: ">=", Location: berlin, Periods: monthly(2026, 1, 1), Samples: ss})
	if err != nil {
		t.Fatal(err)
	}
	h := res.Seasonality.HourOfDay
	near(t, "mean", h.Mean, 0.7, 1e-12)
	near(t, "hour 10", h.Index[10], 0.175, 1e-12)
	near(t, "hour 11", h.Index[11], -0.7, 1e-12)
	if h.Weight[10] != 4 || h.Best != "10" || h.Worst != "11" || h.Index[9] != 0 {
		t.Errorf("hour of day %+v", h)
	}
	d := res.Seasonality.DayOfWeek
	if d.Labels[0] != "Mon" || d.Weight[0] != 4 || d.Weight[1] != 1 {
		t.Errorf("day of week %+v", d)
	}

	// Unit weights: the indices equal stats.Seasonal's additive ones.
	var ts []time.Time
	var vs []float64
	ss = nil
	for i := range 500 {
		at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i*7) * time.Hour)
		v := 100 + float64((i*37)%23) + 5*math.Sin(float64(at.Hour()))
		ts, vs = append(ts, at), append(vs, v)
		ss = append(ss, Sample{At: at, Value: v})
	}
	res, _ = Analyze(Input{Op: "<=", Periods: monthly(2026, 1, 1), Samples: ss})
	want, err := stats.Seasonal(ts, vs, stats.HourOfDay, stats.Additive)
	if err != nil {
		t.Fatal(err)
	}
	for hr := range 24 {
		near(t, "index", res.Seasonality.HourOfDay.Index[hr], want.Index[hr], 1e-9)
	}

	// ANOVA by hand: {1, 2, 3} at hour 0 and {4, 5, 6} at hour 1: SSB = 13.5,
	// SSW = 4, F = 13.5/(4/4) = 13.5 on (1, 4) df; its p equals the two-sided
	// p of t = √13.5 on 4 df.
	ss = nil
	for i, v := range []float64{1, 2, 3, 4, 5, 6} {
		ss = append(ss, Sample{At: time.Date(2026, 1, 1+i, i/3, 0, 0, 0, time.UTC), Value: v})
	}
	res, _ = Analyze(Input{Op: ">=", Periods: monthly(2026, 1, 1), Samples: ss})
	h = res.Seasonality.HourOfDay
	near(t, "F", *h.F, 13.5, 1e-12)
	tp := 2 * distuv.StudentsT{Mu: 0, Sigma: 1, Nu: 4}.Survival(math.Sqrt(13.5))
	near(t, "p", *h.P, tp, 1e-9)
}

func TestFuturePeriods(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	wk := Period{Label: "2026-W52", Start: time.Date(2026, 12, 20, 23, 0, 0, 0, time.UTC)}
	for _, c := range []struct {
		kind string
		last Period
		k    int
		want string
	}{
		{"week", wk, 2, "2027-W01"}, // 2026 has 53 ISO weeks
		{"week", wk, 1, "2026-W53"},
		{"month", Period{Start: time.Date(2026, 10, 31, 23, 0, 0, 0, time.UTC)}, 3, "2027-02"},
		{"quarter", Period{Start: time.Date(2026, 9, 30, 22, 0, 0, 0, time.UTC)}, 2, "2027-Q2"},
		{"day", Period{Start: time.Date(2026, 3, 28, 23, 0, 0, 0, time.UTC)}, 1, "2026-03-30"},
		{"year", Period{Start: time.Date(2025, 12, 31, 23, 0, 0, 0, time.UTC)}, 1, "2027"},
		{"rolling", Period{Start: time.Date(2026, 2, 1, 23, 0, 0, 0, time.UTC), End: time.Date(2026, 3, 1, 23, 0, 0, 0, time.UTC)}, 1, "2026-03-02"},
	} {
		if got := futurePeriod(Input{PeriodKind: c.kind, Location: berlin}, c.last, c.k).Label; got != c.want {
			t.Errorf("%s +%d: %s, want %s", c.kind, c.k, got, c.want)
		}
	}
}

func TestInvalidInput(t *testing.T) {
	ps := monthly(2026, 1, 1, 2, 3, 4, 5)
	for _, in := range []Input{
		{Op: "==", Periods: ps},
		{Op: ">=", Periods: ps, Chart: "bar"},
		{Op: ">=", Periods: ps, Rules: "iso"},
		{Op: ">=", Periods: ps, Baseline: PeriodRange{From: "2025-01", To: "2026-03"}},
		{Op: ">=", Periods: ps, Baseline: PeriodRange{From: "2026-03", To: "2026-02"}},
		{Op: ">=", Periods: ps, Baseline: PeriodRange{From: "2026-03", To: "2026-03"}},
		{Op: ">=", Periods: []Period{{Label: "x", Complete: true, Value: 1, Good: 5, Eligible: 4}}},
	} {
		if _, err := Analyze(in); !errors.Is(err, ErrInput) {
			t.Errorf("%+v: err %v", in, err)
		}
	}
}

// Acceptance: a p95 latency SLT (<=) that got better is an improvement, not
// a problem. Eight months around 500 ms, then six around 400 ms; the reference
// is chosen (no --baseline): no concern is raised for any period, and no
// signal points the worse way.
func TestLowerIsBetterImprovementIsNoProblem(t *testing.T) {
	vals := []float64{505, 498, 502, 495, 507, 499, 503, 496, 402, 398, 405, 396, 401, 399}
	res, err := Analyze(Input{SLT: "p95", Unit: "ms", Op: "<=", Target: ptr(450), PeriodKind: "month", Periods: monthly(2025, 1, vals...)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict.Status == StatusSpecialCause || strings.Contains(res.Verdict.Text, "Worse") {
		t.Errorf("verdict %+v", res.Verdict)
	}
	for _, v := range res.Chart.Violations {
		if v.Direction != Better {
			t.Errorf("signal %+v on an improvement", v)
		}
	}
	if cs := res.Concerns(time.Time{}, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)); len(cs) != 0 {
		t.Errorf("concerns %q", cs)
	}
	if !res.Baseline.Auto || res.Baseline.Why == "" {
		t.Errorf("baseline %+v", res.Baseline)
	}
}

// Acceptance: a stable process around its target misses it again and again;
// the verdict says so apart from stability, and the status rule gets a concern.
func TestStableButIncapable(t *testing.T) {
	vals := []float64{0.948, 0.953, 0.951, 0.946, 0.955, 0.949, 0.952, 0.947, 0.954, 0.950, 0.945, 0.953}
	res, err := Analyze(Input{SLT: "inc", Ratio: true, Op: ">=", Target: ptr(0.95), PeriodKind: "month", Periods: monthly(2026, 1, vals...)})
	if err != nil {
		t.Fatal(err)
	}
	cp := res.Capability
	if !res.Verdict.Stable || cp == nil || !cp.Incapable || cp.Missed != 5 || cp.Periods != 12 {
		t.Fatalf("verdict %+v capability %+v", res.Verdict, cp)
	}
	want := "Stable, but at this level it misses the 95% target in 5 of 12 months: the process must change, not be watched."
	if res.Verdict.Text != want {
		t.Errorf("verdict %q\nwant %q", res.Verdict.Text, want)
	}
	if cs := res.Concerns(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)); len(cs) != 1 ||
		!strings.HasPrefix(cs[0], "at its usual level it misses its target") {
		t.Errorf("concerns %q", cs)
	}
	// the same level well above the target is capable
	for i := range vals {
		vals[i] += 0.04
	}
	res, _ = Analyze(Input{SLT: "inc", Ratio: true, Op: ">=", Target: ptr(0.95), PeriodKind: "month", Periods: monthly(2026, 1, vals...)})
	if res.Capability == nil || !res.Capability.Capable || res.Verdict.Text != "Stable: it varies only by chance. It met the 95% target in all 12 months, with room to spare." {
		t.Errorf("capable: %+v %+v", res.Capability, res.Verdict)
	}
}

// A process that changed and stayed there: the reference is the stable
// stretch since the change, the good past is drawn but not judged (no "above
// the limit" for it), and the verdict says the level cannot meet the target.
func TestChosenBaselineAfterAChange(t *testing.T) {
	vals := []float64{0.995, 0.996, 0.994, 0.995, 0.997, 0.995, 0.970, 0.971, 0.969, 0.972, 0.970, 0.971}
	res, err := Analyze(Input{SLT: "c", Ratio: true, Op: ">=", Target: ptr(0.99), PeriodKind: "month", Periods: monthly(2026, 1, vals...)})
	if err != nil {
		t.Fatal(err)
	}
	b := res.Baseline
	if !b.Auto || b.All || b.FromLabel != "2026-07" || b.ToLabel != "2026-11" {
		t.Fatalf("baseline %+v", b)
	}
	if len(res.Chart.Violations) != 0 || res.Chart.Points[0].Judged || !res.Chart.Points[11].Judged {
		t.Errorf("signals %+v", res.Chart.Violations)
	}
	want := "Stable, but at this level it misses the 99% target in 6 of 6 months since 2026-07: the process must change, not be watched."
	if res.Verdict.Text != want {
		t.Errorf("verdict %q\nwant %q", res.Verdict.Text, want)
	}
}

// A daily series with quiet weekends: the weekday pattern is removed before
// the chart reads it, so weekends are not special causes; raw values stay.
func TestDailyValuesAdjustedForWeekdays(t *testing.T) {
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC) // a Monday
	var ps []Period
	for d := range 56 {
		s := start.AddDate(0, 0, d)
		v := 320 + float64((d*7)%5) // 320..324, no weekly period
		if wd := s.Weekday(); wd == time.Saturday || wd == time.Sunday {
			v -= 25
		}
		ps = append(ps, Period{Label: s.Format(time.DateOnly), Start: s, End: s.AddDate(0, 0, 1), Complete: true, Value: v})
	}
	res, err := Analyze(Input{SLT: "d", Unit: "ms", Op: "<=", Target: ptr(450), PeriodKind: "day", Periods: ps})
	if err != nil {
		t.Fatal(err)
	}
	a := res.Adjustment
	if a == nil || !a.Applied || a.P >= AdjustAlpha || math.Abs(a.Index[5]-a.Index[0]) < 20 {
		t.Fatalf("adjustment %+v", a)
	}
	if len(res.Chart.Violations) != 0 {
		t.Errorf("weekend signals after adjustment: %+v", res.Chart.Violations)
	}
	p := res.Chart.Points[5] // a Saturday
	if p.Raw == nil || *p.Raw != ps[5].Value || p.Value == *p.Raw {
		t.Errorf("point %+v", p)
	}
	// unadjusted, the weekday swing would widen the limits several times over
	un, _ := Analyze(Input{SLT: "d", Unit: "ms", Op: "<=", Target: ptr(450), PeriodKind: "week", Periods: ps})
	if un.Adjustment != nil || !(un.Chart.Sigma > 3*res.Chart.Sigma) {
		t.Errorf("unadjusted sigma %v, adjusted %v", un.Chart.Sigma, res.Chart.Sigma)
	}
}
