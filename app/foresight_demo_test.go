package app

import (
	"math"
	"testing"
	"time"

	"slate/internal/calibrate"
	"slate/internal/demo"
	"slate/internal/predict"
	"slate/internal/readview"
)

// The prediction and calibration engines (internal/predict, internal/calibrate)
// on the demo workspace, read from its database as the faces will read it.

func TestForesightDemo(t *testing.T) {
	a := openDemo(t)
	in, err := readview.Input(a.Store(), DemoNow)
	if err != nil {
		t.Fatal(err)
	}
	l, err := predict.FromCompliance(in, predict.SourceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fc, err := predict.Predict(l, predict.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []predict.Report{fc.Current, fc.Next} {
		t.Logf("%s: %d decision points, %d periods (%d missed), model Brier %.4f AUC %.3f, baseline Brier %.4f AUC %.3f, skill %.3f (p %.2g), use %s",
			r.Horizon, r.DecisionPoints, r.Periods, r.Missed, r.Model.Brier, r.Model.AUC, r.Baseline.Brier, r.Baseline.AUC, r.Skill, r.SkillP, r.Use)
		if r.DecisionPoints < 100 || r.Status != "ok" {
			t.Errorf("%s: track record %s over %d decision points, want ≥ 100", r.Horizon, r.Status, r.DecisionPoints)
		}
	}
	if len(fc.Targets) != 9 || len(fc.Skipped) != 1 {
		t.Errorf("%d targets, skipped %v", len(fc.Targets), fc.Skipped)
	}
	for _, tf := range fc.Targets {
		if !tf.Current.Probability.Valid() || tf.Current.Source != fc.Current.Use {
			t.Errorf("%s/%s: %+v", tf.SLT, tf.Tier, tf.Current)
		}
		// The parcel supplier has missed since mid-year and keeps degrading.
		if tf.SLT == "parcel-delivery-48h" && tf.Current.Probability < 0.5 {
			t.Errorf("parcel delivery: P(miss) %.3f", tf.Current.Probability)
		}
		if tf.SLT == "checkout-success" && tf.Current.Probability > 0.2 {
			t.Errorf("checkout success: P(miss) %.3f", tf.Current.Probability)
		}
	}

	// The transaction log sees the probe read TxlogBias ms high, and the gap
	// grow by TxlogDrift ms a day from TxlogDriftFrom.
	drift := demo.TxlogDriftFrom(DemoNow)
	before, err := calibrate.Feed(in, calibrate.Request{Feed: "shop-latency", To: drift})
	if err != nil {
		t.Fatal(err)
	}
	r := before.Result
	t.Logf("before %s: n %d, bias %.2f ms [%.2f, %.2f], MAE %.2f, limits %.1f..%.1f, CCC %.4f, drift %s",
		drift.Format(time.DateOnly), r.N, r.Bias, r.BiasCI[0], r.BiasCI[1], r.MAE, r.LimitsOfAgreement[0], r.LimitsOfAgreement[1], r.CCC, r.Drift.Status)
	if math.Abs(float64(r.Bias)-demo.TxlogBias) > 0.5 || r.Drift.Status != calibrate.DriftNone {
		t.Errorf("before the drift: bias %.2f, drift %s; want +%.0f ms, none", r.Bias, r.Drift.Status, demo.TxlogBias)
	}
	all, err := calibrate.Feed(in, calibrate.Request{Feed: "shop-latency"})
	if err != nil {
		t.Fatal(err)
	}
	dr := all.Result.Drift
	t.Logf("all: n %d, bias %.2f, unpaired %d/%d, drift %s", all.Result.N, all.Result.Bias, all.Alignment.UnpairedFeed, all.Alignment.UnpairedRef, dr.Message)
	if dr.Status != calibrate.DriftFound || dr.Change == nil {
		t.Fatalf("drift %+v", dr)
	}
	start, _ := time.Parse(time.DateOnly, dr.Change.Start)
	if d := math.Abs(start.Sub(drift).Hours() / 24); d > 3 || math.Abs(float64(dr.Change.SlopePerDay)-demo.TxlogDrift) > 0.03 {
		t.Errorf("drift from %s at %+.3f ms/day, want %s at +%.2f", dr.Change.Start, dr.Change.SlopePerDay, drift.Format(time.DateOnly), demo.TxlogDrift)
	}
	if all.Alignment.UnpairedRef == 0 || all.Alignment.UnpairedFeed == 0 {
		t.Errorf("the probe's lost rows and the outages leave unpaired buckets: %+v", all.Alignment)
	}
}

// BenchmarkPredictDemo: from the demo database to every forecast with both
// track records (readview, ledger, backtests, final fits). x-report is its
// time over that of the compliance report of the same database, timed in the
// same iterations (off the clock), which a busy machine slows alike.
func BenchmarkPredictDemo(b *testing.B) {
	a := openDemo(b)
	var predicted, report time.Duration
	for b.Loop() {
		b.StopTimer()
		t0 := time.Now()
		if _, err := a.Compliance.Report(ReportQuery{At: DemoNow.Format(time.RFC3339)}); err != nil {
			b.Fatal(err)
		}
		report += time.Since(t0)
		b.StartTimer()
		t0 = time.Now()
		in, err := readview.Input(a.Store(), DemoNow)
		if err != nil {
			b.Fatal(err)
		}
		l, err := predict.FromCompliance(in, predict.SourceOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := predict.Predict(l, predict.Options{}); err != nil {
			b.Fatal(err)
		}
		predicted += time.Since(t0)
	}
	b.ReportMetric(float64(predicted)/float64(report), "x-report")
}

// BenchmarkCalibrateDemo: the probe's page latency against the transaction log, 13 months.
func BenchmarkCalibrateDemo(b *testing.B) {
	a := openDemo(b)
	for b.Loop() {
		in, err := readview.Input(a.Store(), DemoNow)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := calibrate.Feed(in, calibrate.Request{Feed: "shop-latency"}); err != nil {
			b.Fatal(err)
		}
	}
}
