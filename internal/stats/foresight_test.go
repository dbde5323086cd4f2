package stats

import (
	"errors"
	"math"
	"testing"
)

// Challenger O-ring data (Dalal, Fowlkes & Hoadley 1989): launch temperature
// (°F) and whether any O-ring was damaged. The maximum-likelihood logistic fit
// published in textbooks (R: glm(fail ~ temp, binomial)) is
// intercept 15.0429, slope −0.2322.
var challengerTemp = []float64{66, 70, 69, 68, 67, 72, 73, 70, 57, 63, 70, 78, 67, 53, 67, 75, 70, 81, 76, 79, 75, 76, 58}
var challengerFail = []float64{0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1}

func TestFitLogisticChallenger(t *testing.T) {
	x := make([][]float64, len(challengerTemp))
	for i, v := range challengerTemp {
		x[i] = []float64{v}
	}
	m, err := FitLogistic(x, challengerFail, LogisticOptions{})
	if err != nil || !m.Converged {
		t.Fatalf("fit: %v converged %v", err, m.Converged)
	}
	checkNear(t, "intercept", m.Intercept, 15.0429, 5e-5)
	checkNear(t, "slope", m.Coef[0], -0.2322, 5e-5)
	// The published deviance of this fit is 20.315 (null deviance 28.267).
	checkNear(t, "deviance", -2*m.LogLik, 20.315, 5e-4)
	checkNear(t, "P(fail | 31°F)", m.Prob([]float64{31}, 0), 0.99961, 5e-5)
}

// With a penalty, the estimate is where the penalised score vanishes:
// Σ(yᵢ − μᵢ) = 0 for the intercept and Σ(yᵢ − μᵢ)xᵢⱼ = λbⱼ for each slope.
func TestFitLogisticRidgeScore(t *testing.T) {
	x := [][]float64{{0.5, 1}, {1.5, -1}, {-0.3, 0.2}, {2, 2}, {-1, 0.5}, {0.1, -2}, {1.2, 0.3}, {-2, -1}}
	y := []float64{1, 0, 0, 1, 0, 1, 1, 0}
	const lambda = 2.5
	m, err := FitLogistic(x, y, LogisticOptions{Lambda: lambda})
	if err != nil || !m.Converged {
		t.Fatalf("fit: %v", err)
	}
	var g0 float64
	g := make([]float64, 2)
	for i := range x {
		r := y[i] - m.Prob(x[i], 0)
		g0 += r
		for j := range g {
			g[j] += r * x[i][j]
		}
	}
	checkNear(t, "intercept score", g0, 0, 1e-9)
	for j := range g {
		checkNear(t, "slope score", g[j], lambda*m.Coef[j], 1e-9)
	}
	// A warm start from the answer stays there in one step.
	again, _ := FitLogistic(x, y, LogisticOptions{Lambda: lambda, Start: &m})
	if again.Iter > 2 || !near(again.Coef[0], m.Coef[0], 1e-12) {
		t.Errorf("warm start: %d steps, %v vs %v", again.Iter, again.Coef, m.Coef)
	}
	// Weights of 2 equal listing every row twice.
	w := make([]float64, len(y))
	var x2 [][]float64
	var y2 []float64
	for i := range w {
		w[i] = 2
		x2 = append(x2, x[i], x[i])
		y2 = append(y2, y[i], y[i])
	}
	a, _ := FitLogistic(x, y, LogisticOptions{Lambda: lambda, Weights: w})
	b, _ := FitLogistic(x2, y2, LogisticOptions{Lambda: lambda})
	checkNear(t, "weighted = repeated", a.Coef[1], b.Coef[1], 1e-10)
	// An offset that is a multiple of a column moves that column's slope by
	// exactly the multiple (the fit is the same line).
	off := make([]float64, len(y))
	for i := range off {
		off[i] = 0.7 * x[i][0]
	}
	plain, _ := FitLogistic(x, y, LogisticOptions{})
	shifted, _ := FitLogistic(x, y, LogisticOptions{Offset: off})
	checkNear(t, "offset slope", shifted.Coef[0], plain.Coef[0]-0.7, 1e-8)
	checkNear(t, "offset intercept", shifted.Intercept, plain.Intercept, 1e-8)
}

func TestFitLogisticErrors(t *testing.T) {
	if _, err := FitLogistic(nil, nil, LogisticOptions{Lambda: 1}); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty: %v", err)
	}
	if _, err := FitLogistic([][]float64{{1}, {math.NaN()}}, []float64{0, 1}, LogisticOptions{Lambda: 1}); !errors.Is(err, ErrNotFinite) {
		t.Errorf("NaN: %v", err)
	}
	if _, err := FitLogistic([][]float64{{1}, {2}}, []float64{0, 2}, LogisticOptions{Lambda: 1}); !errors.Is(err, ErrParam) {
		t.Errorf("y=2: %v", err)
	}
}

func TestScores(t *testing.T) {
	p := []float64{0.1, 0.4, 0.35, 0.8}
	y := []float64{0, 0, 1, 1}
	b, _ := Brier(p, y)
	checkNear(t, "brier", b, (0.01+0.16+0.4225+0.04)/4, 1e-15)
	// Positives 0.35 and 0.8 beat 3 of the 4 (positive, negative) pairs.
	a, _ := AUC(p, y)
	checkNear(t, "auc", a, 0.75, 1e-15)
	// Ties count half: every score equal gives 0.5.
	a, _ = AUC([]float64{0.3, 0.3, 0.3}, []float64{1, 0, 0})
	checkNear(t, "auc ties", a, 0.5, 1e-15)
	if _, err := AUC([]float64{0.2, 0.4}, []float64{0, 0}); !errors.Is(err, ErrConstant) {
		t.Errorf("one class: %v", err)
	}
	bins, _ := Reliability([]float64{0.05, 0.15, 0.12, 0.95, 1}, []float64{0, 1, 0, 1, 1}, 10)
	if bins[1].N != 2 || bins[1].Events != 1 || !near(bins[1].Predicted, 0.135, 1e-15) || bins[1].Observed != 0.5 {
		t.Errorf("bin 2: %+v", bins[1])
	}
	if bins[9].N != 2 || bins[9].Observed != 1 { // 1.0 falls in the last bin
		t.Errorf("bin 10: %+v", bins[9])
	}
	if !math.IsNaN(bins[5].Observed) {
		t.Errorf("empty bin: %+v", bins[5])
	}
}

func TestAgreeHandWorked(t *testing.T) {
	// d = 1, 0, 3: d̄ = 4/3, s_d² = (1/9 + 16/9 + 25/9)/2 = 7/3, MAE 4/3, RMSE √(10/3).
	// x̄ = 12, ȳ = 32/3, s_x² = 8/3, s_y² = 14/9, s_xy = 4/3 (divisor n):
	// CCC = (8/3)/(8/3 + 14/9 + 16/9) = 4/9.
	a, err := Agree([]float64{10, 12, 14}, []float64{9, 12, 11}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "bias", a.Bias, 4.0/3, 1e-14)
	checkNear(t, "sd", a.SD, math.Sqrt(7.0/3), 1e-14)
	checkNear(t, "mae", a.MAE, 4.0/3, 1e-14)
	checkNear(t, "rmse", a.RMSE, math.Sqrt(10.0/3), 1e-14)
	checkNear(t, "ccc", a.CCC, 4.0/9, 1e-14)
	// t(0.975, 2) = 4.302652729911275; z(0.975) = 1.959963984540054.
	se := math.Sqrt(7.0/3) / math.Sqrt(3)
	checkNear(t, "bias CI low", a.BiasCI[0], 4.0/3-4.302652729911275*se, 1e-9)
	checkNear(t, "LoA high", a.LoA[1], 4.0/3+1.959963984540054*math.Sqrt(7.0/3), 1e-9)
	if _, err := Agree([]float64{1, 2}, []float64{1, 2}, 0.95); err == nil || err.Error() != "not enough data: 2 pairs, need 3" {
		t.Errorf("two pairs: %v", err)
	}
	// Identical series agree perfectly.
	a, _ = Agree([]float64{1, 5, 2, 8}, []float64{1, 5, 2, 8}, 0.95)
	if a.CCC != 1 || a.Bias != 0 {
		t.Errorf("identical: %+v", a)
	}
}

func TestCohenKappaHandWorked(t *testing.T) {
	// 20 good/good, 5 good/bad, 10 bad/good, 15 bad/bad: pₒ = 35/50 = 0.7,
	// pₑ = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4.
	var a, b []bool
	add := func(n int, x, y bool) {
		for range n {
			a, b = append(a, x), append(b, y)
		}
	}
	add(20, false, false)
	add(5, false, true)
	add(10, true, false)
	add(15, true, true)
	k, _ := CohenKappa(a, b)
	if k.Table != [2][2]int{{20, 5}, {10, 15}} {
		t.Errorf("table %v", k.Table)
	}
	checkNear(t, "po", k.Observed, 0.7, 1e-15)
	checkNear(t, "pe", k.Expected, 0.5, 1e-15)
	checkNear(t, "kappa", k.Kappa, 0.4, 1e-15)
}

func TestFindChangePoint(t *testing.T) {
	var ts, ramp, step []float64
	for i := range 20 {
		ts = append(ts, float64(i))
		ramp = append(ramp, 5+2*math.Max(0, float64(i)-9))
		s := 1.0
		if i >= 7 {
			s = 4
		}
		step = append(step, s)
	}
	cp, err := FindChangePoint(ts, ramp)
	if err != nil || cp.Kind != ChangeRamp || cp.Index != 9 || !near(cp.Slope, 2, 1e-12) || !near(cp.Before, 5, 1e-12) || !near(cp.Change, 20, 1e-12) || cp.SSE > 1e-18 {
		t.Errorf("ramp: %+v %v", cp, err)
	}
	cp, err = FindChangePoint(ts, step)
	if err != nil || cp.Kind != ChangeStep || cp.Index != 7 || !near(cp.Shift, 3, 1e-12) || !near(cp.Before, 1, 1e-12) {
		t.Errorf("step: %+v %v", cp, err)
	}
	if _, err := FindChangePoint(ts[:5], ramp[:5]); !errors.Is(err, ErrTooShort) {
		t.Errorf("short: %v", err)
	}
}
