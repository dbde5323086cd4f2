package predict

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"slate/internal/stats"
)

func TestBacktestStrongLead(t *testing.T) {
	s := newSynth(20, 13, modeLead, 1)
	l := s.ledger(t, s.now)
	for hz := range 2 {
		r, err := Backtest(l, hz, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d points, %d periods (%d missed), model Brier %.4f AUC %.3f, baseline Brier %.4f AUC %.3f, climatology %.4f, skill %.3f p %.3g, use %s",
			r.Horizon, r.DecisionPoints, r.Periods, r.Missed, r.Model.Brier, r.Model.AUC, r.Baseline.Brier, r.Baseline.AUC, r.Climatology, r.Skill, r.SkillP, r.Use)
		if hz == Current && (r.Model.AUC < 0.8 || !(r.Skill > 0) || r.Use != "model") {
			t.Errorf("strong lead: AUC %.3f skill %.3f use %s, want AUC ≥ 0.8 and skill > 0 (model used)", r.Model.AUC, r.Skill, r.Use)
		}
	}
}

func TestBacktestNoise(t *testing.T) {
	for _, mode := range []int{modeNoise, modeFuture} {
		s := newSynth(20, 13, mode, 2)
		l := s.ledger(t, s.now)
		r, err := Backtest(l, Current, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("mode %d: %d points, %d periods (%d missed), model Brier %.4f AUC %.3f, baseline Brier %.4f AUC %.3f, climatology %.4f, skill %.3f p %.3g, use %s",
			mode, r.DecisionPoints, r.Periods, r.Missed, r.Model.Brier, r.Model.AUC, r.Baseline.Brier, r.Baseline.AUC, r.Climatology, r.Skill, r.SkillP, r.Use)
		if math.Abs(float64(r.Model.AUC)-0.5) > 0.1 || r.Use != "baseline" {
			t.Errorf("mode %d: AUC %.3f use %s, want 0.5 ± 0.1 and no skill claimed", mode, r.Model.AUC, r.Use)
		}
	}
}

func TestNotEnoughData(t *testing.T) {
	s := newSynth(2, 3, modeLead, 3)
	r, err := Backtest(s.ledger(t, s.now), Current, Options{})
	var ne *stats.NotEnoughData
	if !errors.As(err, &ne) || !errors.Is(err, stats.ErrTooShort) {
		t.Fatalf("err %v", err)
	}
	if r.Status != "insufficient" || r.Message != err.Error() || r.Use != "baseline" || r.Model.Brier.Valid() {
		t.Errorf("report %+v", r)
	}
	if want := fmt.Sprintf("not enough data: %d decision points, need %d", r.DecisionPoints, MinDecisionPoints); err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	fc, err := Predict(s.ledger(t, s.now), Options{})
	if !errors.As(err, &ne) || fc.Status != "insufficient" {
		t.Fatalf("predict: %v %+v", err, fc.Status)
	}
	if _, err := json.Marshal(fc); err != nil {
		t.Errorf("forecast without probabilities does not encode: %v", err)
	}
	for _, tf := range fc.Targets {
		if tf.Current.Probability.Valid() || tf.Current.Source != "none" {
			t.Errorf("%s: a probability without a track record: %+v", tf.SLT, tf.Current)
		}
	}
}

func TestPredictStrongLead(t *testing.T) {
	s := newSynth(20, 13, modeLead, 4)
	l := s.ledger(t, s.now)
	at := time.Date(2026, 10, 20, 9, 30, 0, 0, time.UTC)
	fc, err := Predict(l, Options{At: at})
	if err != nil {
		t.Fatal(err)
	}
	if fc.Status != "ok" || fc.Current.Use != "model" || len(fc.Targets) != 20 || !fc.At.Equal(at) {
		t.Fatalf("forecast %s, use %s, %d targets", fc.Status, fc.Current.Use, len(fc.Targets))
	}
	// On 20 October the month is not over: compare the forecasts with how it
	// is going to end, known to the generator.
	var hit, n float64
	for _, tf := range fc.Targets {
		if tf.Current.Source != "model" || !tf.Current.Probability.Valid() || len(tf.Features) != len(FeatureNames) {
			t.Fatalf("%s: %+v", tf.SLT, tf.Current)
		}
		if tf.Period.Key != "2026-10" || tf.NextPeriod.Key != "2026-11" {
			t.Errorf("%s: periods %s, %s", tf.SLT, tf.Period.Key, tf.NextPeriod.Key)
		}
		if !tf.AsOf.Equal(time.Date(2026, 10, 20, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("as of %s", tf.AsOf)
		}
		bad := s.bad[tf.SLT+"@2026-10"]
		if (tf.Current.Probability > 0.5) == bad {
			hit++
		}
		n++
	}
	if hit/n < 0.8 {
		t.Errorf("the forecasts of 20 October are right for %v of %v SLTs", hit, n)
	}
	b, err := json.Marshal(fc)
	if err != nil || !strings.Contains(string(b), `"track_record_current":{"horizon":"current","status":"ok"`) || fc.ModelCurrent == nil || len(fc.ModelCurrent.Coef) != len(FeatureNames) {
		t.Errorf("forecast JSON: %v %.300s", err, b)
	}
	// The model published with the forecast recomputes its probabilities.
	for _, tf := range fc.Targets {
		x := make([]float64, len(tf.Features))
		for j, f := range tf.Features {
			x[j] = f.Value
		}
		if p := fc.ModelCurrent.Prob(x); math.Abs(p-float64(tf.Current.Model)) > 1e-12 {
			t.Errorf("%s: model_current gives %v, the forecast says %v", tf.SLT, p, tf.Current.Model)
		}
	}
	if fc.Current.To.After(at) {
		t.Errorf("the track record reaches %s, after the forecast time", fc.Current.To)
	}
	// Forecasting at an earlier time uses only what was known then.
	early, err := Predict(l, Options{At: time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if early.Targets[0].Period.Key != "2026-06" || !early.Targets[0].AsOf.Equal(time.Date(2026, 6, 10, 0, 0, 0, 0, time.UTC)) || early.Current.To.After(early.At) {
		t.Errorf("early forecast: %+v, track record to %s", early.Targets[0].Period, early.Current.To)
	}
}
