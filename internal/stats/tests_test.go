package stats

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// tTwoSidedByIntegration is an independent p-value: 1 − 2∫₀^|t| f(u) du with
// the Student t density, Simpson's rule on 200 000 intervals.
func tTwoSidedByIntegration(t, nu float64) float64 {
	lg1, _ := math.Lgamma((nu + 1) / 2)
	lg2, _ := math.Lgamma(nu / 2)
	c := math.Exp(lg1-lg2) / math.Sqrt(nu*math.Pi)
	f := func(u float64) float64 { return c * math.Pow(1+u*u/nu, -(nu+1)/2) }
	return 1 - 2*simpson(f, 0, math.Abs(t), 200000)
}

func normalTwoSidedByIntegration(z float64) float64 {
	f := func(u float64) float64 { return math.Exp(-u*u/2) / math.Sqrt(2*math.Pi) }
	return 1 - 2*simpson(f, 0, math.Abs(z), 200000)
}

func simpson(f func(float64) float64, a, b float64, n int) float64 {
	h := (b - a) / float64(n)
	s := f(a) + f(b)
	for i := 1; i < n; i++ {
		w := 2.0
		if i%2 == 1 {
			w = 4
		}
		s += w * f(a+float64(i)*h)
	}
	return s * h / 3
}

// R's "sleep" data (Student 1908).
var (
	sleep1 = []float64{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0}
	sleep2 = []float64{1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4}
)

func TestWelchSleep(t *testing.T) {
	// R: t.test(extra ~ group, data = sleep) → t = -1.8608, df = 17.776,
	// p-value = 0.07939, 95% CI -3.3654832 0.2054832.
	r, err := WelchTTest(sleep1, sleep2, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "t", r.Statistic, -1.8608, 5e-5)
	checkNear(t, "df", r.DF, 17.776, 5e-4)
	checkNear(t, "p", r.P, 0.07939, 5e-6)
	checkNear(t, "ci lo", r.CI[0], -3.3654832, 5e-8)
	checkNear(t, "ci hi", r.CI[1], 0.2054832, 5e-8)
	checkNear(t, "diff", r.Estimate, -1.58, 1e-12)
	checkNear(t, "p by integration", r.P, tTwoSidedByIntegration(r.Statistic, r.DF), 1e-9)
	// Cohen d: pooled s² = (9·3.200556 + 9·4.009)/18 → d = -1.58/1.898479.
	v1, v2 := Variance(sleep1), Variance(sleep2)
	d := -1.58 / math.Sqrt((v1+v2)/2)
	checkNear(t, "cohen d", r.CohenD, d, 1e-12)
	checkNear(t, "hedges g", r.EffectSize, d*(1-3/(4*20.0-9)), 1e-12)
}

func TestWelchHand(t *testing.T) {
	// x = 1,2,3,4 (mean 2.5, s² 5/3), y = 3,5,7 (mean 5, s² 4):
	// se² = 5/12 + 4/3 = 1.75, t = -2.5/√1.75, df = 1.75²/((5/12)²/3 + (4/3)²/2).
	r, err := WelchTTest([]float64{1, 2, 3, 4}, []float64{3, 5, 7}, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	wantT := -2.5 / math.Sqrt(1.75)
	wantDF := 1.75 * 1.75 / (25.0/144/3 + 16.0/9/2)
	checkNear(t, "t", r.Statistic, wantT, 1e-12)
	checkNear(t, "df", r.DF, wantDF, 1e-12)
	checkNear(t, "p (integration)", r.P, tTwoSidedByIntegration(wantT, wantDF), 1e-9)
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: wantDF}.Quantile(0.975)
	checkNear(t, "ci lo", r.CI[0], -2.5-q*math.Sqrt(1.75), 1e-12)

	for _, tc := range []struct {
		name string
		x, y []float64
		want error
	}{
		{"empty", nil, []float64{1, 2}, ErrEmpty},
		{"one value", []float64{1}, []float64{1, 2}, ErrTooShort},
		{"both constant", []float64{1, 1}, []float64{2, 2}, ErrConstant},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := WelchTTest(tc.x, tc.y, 0.95); !errors.Is(err, tc.want) {
				t.Errorf("got %v, want %v", err, tc.want)
			}
		})
	}
}

// exactUByEnumeration counts, over all ways to choose which n1 of the pooled
// ranks 1..N belong to x, how often U ≤ u and U ≥ u.
func exactUByEnumeration(n1, n2 int, u float64) (lower, upper float64) {
	N := n1 + n2
	var total, lo, hi float64
	var rec func(start, left int, rankSum int)
	rec = func(start, left int, rankSum int) {
		if left == 0 {
			uu := float64(rankSum - n1*(n1+1)/2)
			total++
			if uu <= u {
				lo++
			}
			if uu >= u {
				hi++
			}
			return
		}
		for r := start; r <= N-left+1; r++ {
			rec(r+1, left-1, rankSum+r)
		}
	}
	rec(1, n1, 0)
	return lo / total, hi / total
}

func TestMannWhitney(t *testing.T) {
	t.Run("exact, R example", func(t *testing.T) {
		// R ?wilcox.test: wilcox.test(x, y, alternative = "g") → W = 35, p = 0.1272.
		x := []float64{0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46}
		y := []float64{1.15, 0.88, 0.90, 0.74, 1.21}
		r, err := MannWhitney(x, y)
		if err != nil {
			t.Fatal(err)
		}
		if !r.Exact {
			t.Error("want exact p-value")
		}
		checkNear(t, "U", r.Statistic, 35, 0)
		lo, hi := exactUByEnumeration(10, 5, 35)
		checkNear(t, "one-sided p = 0.1272 (R)", hi, 0.1272, 5e-5)
		checkNear(t, "p vs enumeration", r.P, math.Min(1, 2*math.Min(lo, hi)), 1e-12)
		checkNear(t, "rank-biserial", r.EffectSize, 2*35.0/50-1, 1e-12)
	})
	t.Run("exact, all separated", func(t *testing.T) {
		// U = 0 with n = 3, 3: P(U ≤ 0) = 1/C(6,3) = 1/20 → p = 0.1.
		r, err := MannWhitney([]float64{1, 2, 3}, []float64{4, 5, 6})
		if err != nil {
			t.Fatal(err)
		}
		checkNear(t, "U", r.Statistic, 0, 0)
		checkNear(t, "p", r.P, 0.1, 1e-15)
		checkNear(t, "r", r.EffectSize, -1, 0)
		checkNear(t, "HL shift", r.Estimate, -3, 0)
	})
	t.Run("ties, normal approximation (R sleep)", func(t *testing.T) {
		// R: wilcox.test(extra ~ group, data = sleep) → W = 25.5, p-value = 0.06933.
		r, err := MannWhitney(sleep1, sleep2)
		if err != nil {
			t.Fatal(err)
		}
		if r.Exact {
			t.Error("ties: want normal approximation")
		}
		checkNear(t, "U", r.Statistic, 25.5, 0)
		checkNear(t, "p", r.P, 0.06933, 5e-6)
		// Hand: ties in pooled data: -0.1 ×2, 0.8 ×2, 3.4 ×2 → Σ(t³−t) = 18;
		// σ² = 100/12·(21 − 18/380); z = (25.5 − 50 + 0.5)/σ.
		sigma := math.Sqrt(100.0 / 12 * (21 - 18.0/380))
		z := (25.5 - 50 + 0.5) / sigma
		checkNear(t, "p by integration", r.P, normalTwoSidedByIntegration(z), 1e-9)
	})
}

func TestUCDFvsEnumeration(t *testing.T) {
	for _, n := range [][2]int{{1, 1}, {2, 3}, {4, 4}, {7, 5}, {9, 9}} {
		cdf := uCDF(n[0], n[1])
		for u := 0; u <= n[0]*n[1]; u++ {
			lo, _ := exactUByEnumeration(n[0], n[1], float64(u))
			if !near(cdf[u], lo, 1e-12) {
				t.Errorf("n=%v u=%d: got %v, want %v", n, u, cdf[u], lo)
			}
		}
	}
}

func TestTwoProportion(t *testing.T) {
	// 45/100 vs 30/100: pooled 0.375, z = 0.15/√(0.375·0.625·0.02) = 2.190890;
	// R prop.test(c(45,30), c(100,100), correct = FALSE): X-squared = 4.8, p = 0.02846.
	r, err := TwoProportionZ(45, 100, 30, 100, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "z", r.Statistic, 0.15/math.Sqrt(0.375*0.625*0.02), 1e-12)
	checkNear(t, "z² = X-squared", r.Statistic*r.Statistic, 4.8, 1e-12)
	chi := distuv.ChiSquared{K: 1}
	checkNear(t, "p vs chi-square(1)", r.P, chi.Survival(4.8), 1e-12)
	checkNear(t, "p published", r.P, 0.02846, 5e-6)
	se := math.Sqrt(0.45*0.55/100 + 0.3*0.7/100)
	checkNear(t, "ci lo", r.CI[0], 0.15-1.959963984540054*se, 1e-12)
	checkNear(t, "cohen h", r.EffectSize, 2*math.Asin(math.Sqrt(0.45))-2*math.Asin(math.Sqrt(0.3)), 1e-15)
	if _, err := TwoProportionZ(5, 4, 1, 10, 0.95); !errors.Is(err, ErrParam) {
		t.Errorf("x > n: got %v, want ErrParam", err)
	}
	if _, err := TwoProportionZ(0, 10, 0, 10, 0.95); !errors.Is(err, ErrConstant) {
		t.Errorf("all zero: got %v, want ErrConstant", err)
	}
}

func TestSampleSize(t *testing.T) {
	tests := []struct {
		name string
		f    func() (int, error)
		want int
	}{
		// 2·((1.959964 + 0.841621)/0.5)² = 62.79
		{"means d=0.5", func() (int, error) { return SampleSizeMeans(0.5, 0.05, 0.8) }, 63},
		// 2·(2.801585/0.2)² = 392.4
		{"means d=0.2", func() (int, error) { return SampleSizeMeans(0.2, 0.05, 0.8) }, 393},
		// 2·((1.959964 + 1.281552)/0.8)² = 32.8
		{"means d=0.8 power 0.9", func() (int, error) { return SampleSizeMeans(-0.8, 0.05, 0.9) }, 33},
		// (1.959964·√0.495 + 0.841621·√0.49)² / 0.01 = 387.3
		{"proportions 0.5 vs 0.6", func() (int, error) { return SampleSizeProportions(0.5, 0.6, 0.05, 0.8) }, 388},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.f()
			if err != nil || got != tc.want {
				t.Errorf("got %d (%v), want %d", got, err, tc.want)
			}
		})
	}
	if _, err := SampleSizeMeans(0, 0.05, 0.8); !errors.Is(err, ErrParam) {
		t.Errorf("d=0: got %v, want ErrParam", err)
	}
	if ok, msg := Enough(10, 70, 63); ok || msg == "" {
		t.Errorf("got %v %q, want not enough", ok, msg)
	}
}
