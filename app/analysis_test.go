package app

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"slate/internal/analysis"
	"slate/internal/compliance"
)

// The parcel supplier drifts below 95% from June 2026: the analysis must say
// so from the compliance engine's own periods.
func TestAnalysisParcelDelivery(t *testing.T) {
	a := openDemo(t)
	res, err := a.Analysis.SLT(AnalyzeQuery{SLT: "parcel-delivery-48h"})
	if err != nil {
		t.Fatal(err)
	}
	d, r := res.Definition, res.Analysis
	if d.Owner == "" || d.Type != "UC" || d.Indicator != "duration" || d.Objective != "≥ 95%" || d.Supplier == "" || d.Assumptions == nil {
		t.Errorf("definition %+v", d)
	}
	// The periods are the report's complete rows, the running month left out.
	rep, err := a.Compliance.Report(ReportQuery{SLT: "parcel-delivery-48h"})
	if err != nil {
		t.Fatal(err)
	}
	var complete []compliance.Row
	for _, row := range rep.Rows {
		if row.Complete {
			complete = append(complete, row)
		}
	}
	c := r.Chart
	if r.Periods != len(complete) || len(c.Points) != 12 || len(r.Skipped) != 1 || r.Skipped[0].Label != "2026-11" {
		t.Fatalf("periods %d points %d skipped %+v", r.Periods, len(c.Points), r.Skipped)
	}
	for i, row := range complete {
		if c.Points[i].Label != row.Period || c.Points[i].Value != *row.Attainment || c.Points[i].Eligible != row.Eligible {
			t.Errorf("point %d %+v, row %+v", i+1, c.Points[i], row)
		}
	}
	// The reference is chosen (phase I): Laney p′ centre = 1 − Σbad/Σeligible over its months.
	var bad, elig float64
	for _, row := range complete[r.Baseline.From-1 : r.Baseline.To] {
		bad += *row.Bad
		elig += row.Eligible
	}
	if !r.Baseline.Auto || r.Baseline.All || r.Baseline.ToLabel != "2026-09" || !strings.Contains(r.Baseline.Why, "without a run-rule signal") {
		t.Errorf("baseline %+v", r.Baseline)
	}
	if c.Kind != analysis.ChartLaneyP || math.Abs(c.Center-(1-bad/elig)) > 1e-12 {
		t.Errorf("chart %s centre %v, want %v", c.Kind, c.Center, 1-bad/elig)
	}
	if !r.Trend.Significant || r.Trend.Direction != "worsening" || r.Breach.Status != analysis.BreachAlready {
		t.Errorf("trend %+v breach %+v", r.Trend, r.Breach)
	}
	// ParcelNet's deliveries got slower month by month: worse than usual, a
	// level that misses the target, a worsening trend, in short sentences.
	if r.Verdict.Status != analysis.StatusSpecialCause || !strings.HasPrefix(r.Verdict.Text, "Worse than usual in 2026-10: find out what changed. ") ||
		!strings.Contains(r.Verdict.Text, "misses the 95% target (in 5 of 6 months since 2026-05)") || !strings.Contains(r.Verdict.Text, "Worsening by 1.18 percentage points a month") ||
		!strings.Contains(r.Verdict.Text, "already below target") {
		t.Errorf("verdict %+v", r.Verdict)
	}
	if r.Seasonality == nil || r.Seasonality.Samples == 0 || r.Band == nil {
		t.Errorf("seasonality %+v band %+v", r.Seasonality, r.Band)
	}

	// With the good months as the baseline, the drift is a run below the centre.
	res, err = a.Analysis.SLT(AnalyzeQuery{SLT: "parcel-delivery-48h", Baseline: "2025-11..2026-05"})
	if err != nil {
		t.Fatal(err)
	}
	r = res.Analysis
	if r.Baseline.From != 1 || r.Baseline.To != 7 || r.Baseline.All {
		t.Errorf("baseline %+v", r.Baseline)
	}
	found := false
	for _, v := range r.Chart.Violations {
		if v.Rule == "nelson-2" && v.Label == "2026-10" {
			found = true
		}
	}
	if !found || !slices.ContainsFunc(r.Verdict.Details, func(d string) bool {
		return strings.HasPrefix(d, "2026-10: Nelson 2 (worse), nine points in a row below the centre line")
	}) {
		t.Errorf("no nelson-2 in 2026-10: %+v\n%s", r.Chart.Violations, r.Verdict.Text)
	}
	if _, err := json.Marshal(res); err != nil {
		t.Fatal(err)
	}
}

func TestAnalysisQueries(t *testing.T) {
	a := openDemo(t)
	// A tier has its own target; daily and weekly SLTs label their periods.
	res, err := a.Analysis.SLT(AnalyzeQuery{SLT: "shop-availability", Tier: "core-hours"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Definition.Tier != "core-hours" || *res.Analysis.Target != 0.999 || res.Definition.Objective != "≥ 99.9%" || len(res.Definition.Escalation) != 3 {
		t.Errorf("tier: %+v", res.Definition)
	}
	// The core-hours calendar keeps samples inside business hours (Berlin):
	// one probe a minute, so their weight is the tier's eligible minutes.
	var w float64
	for h, x := range res.Analysis.Seasonality.HourOfDay.Weight {
		if x > 0 && (h < 7 || h > 19) {
			t.Errorf("core-hours sample at %02d h", h)
		}
		w += x
	}
	rep, err := a.Compliance.Report(ReportQuery{SLT: "shop-availability"})
	if err != nil {
		t.Fatal(err)
	}
	var elig float64
	for _, row := range rep.Rows {
		if row.Tier == "core-hours" {
			elig += row.Eligible
		}
	}
	if w != elig {
		t.Errorf("core-hours sample weight %v, eligible minutes %v", w, elig)
	}
	res, err = a.Analysis.SLT(AnalyzeQuery{SLT: "shop-availability"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Analysis.Target != nil || res.Analysis.Breach.Status != analysis.BreachNoTarget && res.Analysis.Breach.Status != analysis.BreachNoTrend {
		t.Errorf("overall of a tiered SLT: target %v breach %+v", res.Analysis.Target, res.Analysis.Breach)
	}

	res, err = a.Analysis.SLT(AnalyzeQuery{SLT: "payment-auth-mean", From: "2026-10-01", To: "2026-10-31"})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Analysis
	if r.Periods != 31 || r.Chart.Kind != analysis.ChartXmR || r.Unit != "ms" || r.Op != "<=" || r.Chart.Points[0].Label != "2026-10-01" {
		t.Errorf("payment-auth-mean: periods %d chart %s unit %q op %s first %s", r.Periods, r.Chart.Kind, r.Unit, r.Op, r.Chart.Points[0].Label)
	}
	res, err = a.Analysis.SLT(AnalyzeQuery{SLT: "page-latency-fast", From: "2026-09"})
	if err != nil {
		t.Fatal(err)
	}
	if p := res.Analysis.Chart.Points; !strings.HasPrefix(p[0].Label, "2026-W3") {
		t.Errorf("weekly labels: %s", p[0].Label)
	}
	// A composite has no feed of its own: no samples, XmR on its attainment.
	res, err = a.Analysis.SLT(AnalyzeQuery{SLT: "customer-experience"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Analysis.Seasonality != nil || res.Analysis.Chart.Kind != analysis.ChartXmR || res.Definition.Indicator != "composite" {
		t.Errorf("composite: %+v", res.Analysis)
	}

	for _, c := range []struct {
		q    AnalyzeQuery
		want string
	}{
		{AnalyzeQuery{SLT: "nope"}, `SLT "nope" does not exist`},
		{AnalyzeQuery{SLT: "shop-availability", Tier: "gold"}, `no tier "gold" (tiers: core-hours, off-hours)`},
		{AnalyzeQuery{SLT: "parcel-delivery-48h", Baseline: "2026-01"}, "write FIRST..LAST"},
		{AnalyzeQuery{SLT: "parcel-delivery-48h", Baseline: "2024-01..2026-03"}, `baseline start "2024-01" is not an analysed period`},
		{AnalyzeQuery{SLT: "parcel-delivery-48h", From: "October"}, "not a period key"},
		{AnalyzeQuery{SLT: "parcel-delivery-48h", From: "2026-06", To: "2026-03"}, "is before the first"},
		{AnalyzeQuery{SLT: "payment-auth-mean", Chart: "p"}, "needs a ratio SLT"},
	} {
		if _, err := a.Analysis.SLT(c.q); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.q, err, c.want)
		}
	}
	// Too few periods is a verdict, not an error.
	res, err = a.Analysis.SLT(AnalyzeQuery{SLT: "parcel-delivery-48h", From: "2026-08", To: "2026-10"})
	if err != nil || res.Analysis.Verdict.Status != analysis.StatusInsufficient {
		t.Errorf("three months: %v %+v", err, res.Analysis.Verdict)
	}
}

// The hourly samples are read from the same points the engine evaluates:
// for the hosting probe (24x7, one probe a minute, so one probe per slice)
// their weights add up to the points the report read less the excluded slices.
func TestAnalysisSamplesMatchPoints(t *testing.T) {
	a := openDemo(t)
	res, err := a.Analysis.SLT(AnalyzeQuery{SLT: "hosting-availability"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := a.Compliance.Report(ReportQuery{SLT: "hosting-availability"})
	if err != nil {
		t.Fatal(err)
	}
	var points float64
	for _, row := range rep.Rows {
		points += float64(row.Points)
	}
	var w float64
	for _, x := range res.Analysis.Seasonality.HourOfDay.Weight {
		w += x
	}
	var excluded float64
	for _, row := range rep.Rows {
		excluded += row.Excluded
	}
	t.Logf("sample weight %v, report points %v, excluded %v", w, points, excluded)
	if w != points-excluded || excluded == 0 {
		t.Errorf("sample weight %v, report points %v (excluded slices %v)", w, points, excluded)
	}
}

// BenchmarkAnalyzeSLT: `slate analyze` of an SLT with 13 months of 1-minute
// probe data (issue target ≤ 300 ms).
func BenchmarkAnalyzeSLT(b *testing.B) {
	a := openDemo(b)
	b.ResetTimer()
	for b.Loop() {
		res, err := a.Analysis.SLT(AnalyzeQuery{SLT: "shop-availability", Tier: "core-hours"})
		if err != nil {
			b.Fatal(err)
		}
		if res.Analysis.Chart == nil || res.Analysis.Seasonality == nil {
			b.Fatal("no chart or seasonality")
		}
	}
}
