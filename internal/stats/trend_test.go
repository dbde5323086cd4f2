package stats

import (
	"errors"
	"math"
	"testing"
	"time"

	"gonum.org/v1/gonum/stat/distuv"
)

func TestFitTrend(t *testing.T) {
	// x = 1..5, y = 2,4,5,4,5: Sxx 10, Sxy 6, Syy 6 → b = 0.6, a = 4 − 1.8 = 2.2,
	// SSE = 6 − 0.6·6 = 2.4, SE = √(2.4/3/10) = √0.08.
	x := []float64{1, 2, 3, 4, 5}
	y := []float64{2, 4, 5, 4, 5}
	tr, err := FitTrend(x, y)
	if err != nil {
		t.Fatal(err)
	}
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: 3}.Quantile(0.975) // 3.182446
	checkNear(t, "t(0.975, 3)", q, 3.182446305284263, 1e-9)
	checkNear(t, "slope", tr.Slope, 0.6, 1e-12)
	checkNear(t, "intercept", tr.Intercept, 2.2, 1e-12)
	checkNear(t, "se", tr.SlopeSE, math.Sqrt(0.08), 1e-12)
	checkNear(t, "ci lo", tr.SlopeCI[0], 0.6-q*math.Sqrt(0.08), 1e-12)
	checkNear(t, "ci hi", tr.SlopeCI[1], 0.6+q*math.Sqrt(0.08), 1e-12)
	checkNear(t, "r2", tr.R2, 0.6, 1e-12)
	// Pairwise slopes sorted: -1, 0, 0, 1/3, 2/3, 3/4, 1, 1, 1.5, 2 → median (2/3 + 3/4)/2 = 17/24.
	checkNear(t, "theil-sen", tr.TheilSen, 17.0/24, 1e-12)
	// y − (17/24)x = 31/24, 62/24, 69/24, 28/24, 35/24 → median 35/24
	checkNear(t, "theil-sen intercept", tr.TheilSenIntercept, 35.0/24, 1e-12)
	// S: pairs (i<j) sgn(yj−yi): from 2: +4; from 4: +1,0,+1; from 5: -1,0; from 4: +1 → S = 6.
	// ties: 4 ×2, 5 ×2 → Var = (5·4·15 − 2·(2·1·9))/18 = (300 − 36)/18 = 14.667.
	checkNear(t, "MK S", tr.MannKendall.S, 6, 0)
	checkNear(t, "MK var", tr.MannKendall.Var, 264.0/18, 1e-12)
	z := 5 / math.Sqrt(264.0/18)
	checkNear(t, "MK z", tr.MannKendall.Z, z, 1e-12)
	checkNear(t, "MK p", tr.MannKendall.P, normalTwoSidedByIntegration(z), 1e-9)
}

func TestMannKendallTextbook(t *testing.T) {
	// Strictly increasing 1..10: S = 45, Var = 10·9·25/18 = 125, z = 44/√125.
	y := make([]float64, 10)
	for i := range y {
		y[i] = float64(i + 1)
	}
	mk, err := MannKendallTest(y)
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "S", mk.S, 45, 0)
	checkNear(t, "var", mk.Var, 125, 1e-12)
	checkNear(t, "z", mk.Z, 44/math.Sqrt(125), 1e-12)
	checkNear(t, "p", mk.P, 2*distuv.UnitNormal.Survival(44/math.Sqrt(125)), 1e-15)
}

func TestTrendErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		x, y []float64
		want error
	}{
		{"length", []float64{1, 2, 3}, []float64{1, 2}, ErrLength},
		{"short", []float64{1, 2}, []float64{1, 2}, ErrTooShort},
		{"constant x", []float64{1, 1, 1}, []float64{1, 2, 3}, ErrConstant},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := FitTrend(tc.x, tc.y); !errors.Is(err, tc.want) {
				t.Errorf("got %v, want %v", err, tc.want)
			}
		})
	}
}

func TestTimeToBreach(t *testing.T) {
	tests := []struct {
		name                      string
		slope, icept, target, now float64
		want                      Breach
	}{
		// attainment 99.9 falling 0.01 per period, target 99.5 → period 40.
		{"falling", -0.01, 99.9, 99.5, 10, Breach{Crosses: true, At: 40, Future: true, Approaching: true}},
		{"already crossed", -0.01, 99.9, 99.5, 50, Breach{Crosses: true, At: 40}},
		{"rising latency", 2, 100, 300, 20, Breach{Crosses: true, At: 100, Future: true, Approaching: true}},
		{"flat", 0, 1, 2, 0, Breach{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := TimeToBreach(tc.slope, tc.icept, tc.target, tc.now)
			if got.Crosses != tc.want.Crosses || !near(got.At, tc.want.At, 1e-9) || got.Future != tc.want.Future || got.Approaching != tc.want.Approaching {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestSeasonal(t *testing.T) {
	// Two days, hours 0 and 12: values 10, 20 (day 1), 12, 22 (day 2); mean 16.
	day := time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)
	ts := []time.Time{day, day.Add(12 * time.Hour), day.Add(24 * time.Hour), day.Add(36 * time.Hour)}
	v := []float64{10, 20, 12, 22}
	s, err := Seasonal(ts, v, HourOfDay, Additive)
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "index h0", s.Index[0], 11-16, 1e-12)
	checkNear(t, "index h12", s.Index[12], 21-16, 1e-12)
	checkNear(t, "index h5 empty", s.Index[5], 0, 0)
	checkNear(t, "adjusted 1", s.Adjusted[0], 15, 1e-12)
	checkNear(t, "adjusted 4", s.Adjusted[3], 17, 1e-12)

	m, err := Seasonal(ts, v, HourOfDay, Multiplicative)
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "mult index h0", m.Index[0], 11.0/16, 1e-12)
	checkNear(t, "mult adjusted 2", m.Adjusted[1], 20/(21.0/16), 1e-12)

	w, err := Seasonal(ts, v, DayOfWeek, Additive) // Monday 3 March, Tuesday 4 March
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "monday", w.Index[time.Monday], 15-16, 1e-12)
	if w.Counts[time.Tuesday] != 2 {
		t.Errorf("tuesday count: got %d, want 2", w.Counts[time.Tuesday])
	}
	if _, err := Seasonal(ts, []float64{1, -1, 1, -1}, MonthOfYear, Multiplicative); !errors.Is(err, ErrParam) {
		t.Errorf("zero mean multiplicative: got %v, want ErrParam", err)
	}
}

func TestBands(t *testing.T) {
	x := []float64{1, 2, 3, 4, 100}
	b, err := RollingMedianBand(x, 3, 0.1, 0.9)
	if err != nil {
		t.Fatal(err)
	}
	// point 5: window 2,3,4 → median 3, p10 = 2.2, p90 = 3.8
	checkNear(t, "median", b.Center[4], 3, 1e-12)
	checkNear(t, "lower", b.Lower[4], 2.2, 1e-12)
	checkNear(t, "upper", b.Upper[4], 3.8, 1e-12)
	// point 2: window {1}; point 3: window 1,2 → p90 1.9 < 3.
	checkNear(t, "point 2", b.Center[1], 1, 0)
	if !math.IsNaN(b.Center[0]) {
		t.Errorf("first point: got %v, want NaN", b.Center[0])
	}
	if want := []int{2, 3, 4, 5}; len(b.Outside) != 4 || b.Outside[3] != 5 {
		t.Errorf("outside: got %v, want %v", b.Outside, want)
	}

	e, err := EWMABand([]float64{10, 12, 10}, 0.5, 2)
	if err != nil {
		t.Fatal(err)
	}
	// after 12: m = 11, v = 0.5·(0 + 0.5·4) = 1 → band at point 3 = 11 ± 2.
	checkNear(t, "ewma centre 3", e.Center[2], 11, 1e-12)
	checkNear(t, "ewma upper 3", e.Upper[2], 13, 1e-12)
	checkNear(t, "ewma lower 2", e.Lower[1], 10, 1e-12)
}

func TestCorrelation(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5}
	y := []float64{2, 4, 5, 4, 5}
	p, err := Pearson(x, y)
	if err != nil {
		t.Fatal(err)
	}
	r := 6 / math.Sqrt(60)
	checkNear(t, "pearson r", p.R, r, 1e-15)
	tt := r * math.Sqrt(3/(1-r*r))
	checkNear(t, "pearson p", p.P, tTwoSidedByIntegration(tt, 3), 1e-9)

	// Spearman: ranks x 1..5, y 1, 2.5, 4.5, 2.5, 4.5.
	s, err := Spearman(x, y)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := Pearson([]float64{1, 2, 3, 4, 5}, []float64{1, 2.5, 4.5, 2.5, 4.5})
	checkNear(t, "spearman", s.R, want.R, 1e-15)
	// Σd² formula without ties: y = 5,6,7,8,7 → ranks 1,2,3.5,5,3.5
	checkNear(t, "ranks", Ranks([]float64{5, 6, 7, 8, 7})[2], 3.5, 0)

	// Perfect monotone: Spearman 1, p 0.
	s2, _ := Spearman([]float64{1, 2, 3, 4}, []float64{1, 8, 27, 64})
	checkNear(t, "monotone", s2.R, 1, 1e-15)

	if _, err := Pearson([]float64{1, 1, 1}, []float64{1, 2, 3}); !errors.Is(err, ErrConstant) {
		t.Errorf("constant: got %v, want ErrConstant", err)
	}
}

func TestCrossCorrelation(t *testing.T) {
	// y is x shifted by 2: y[t] = x[t−2], so x leads y by 2.
	x := []float64{1, 5, 2, 8, 3, 9, 4, 7, 6, 2, 8, 1}
	y := make([]float64, len(x))
	for i := range y {
		if i >= 2 {
			y[i] = x[i-2]
		}
	}
	c, err := CrossCorrelation(x, y, 4)
	if err != nil {
		t.Fatal(err)
	}
	if c.BestLag != 2 || !near(c.BestR, 1, 1e-12) {
		t.Errorf("got lag %d r %v, want lag 2 r 1", c.BestLag, c.BestR)
	}
	if len(c.Lags) != 9 || c.Lags[0] != -4 {
		t.Errorf("lags: got %v", c.Lags)
	}
}
