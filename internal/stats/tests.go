package stats

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestResult is the outcome of a two-sample test. Fields that do not apply
// are NaN (DF for a z-test).
type TestResult struct {
	Test       string     // "welch", "mann-whitney", "two-proportion"
	Statistic  float64    // t, U (for the first sample) or z
	DF         float64    // degrees of freedom (Welch)
	P          float64    // two-sided p-value
	Estimate   float64    // mean difference, Hodges–Lehmann shift, or p₁ − p₂ (first − second)
	CI         [2]float64 // confidence interval of Estimate (95% unless stated)
	EffectSize float64    // Hedges g, rank-biserial r, or Cohen h
	EffectName string     // "hedges_g", "rank_biserial", "cohen_h"
	CohenD     float64    // Cohen d (pooled SD), for the power calculation; NaN for proportions
	N1, N2     int
	Exact      bool // p-value from the exact distribution (Mann–Whitney)
}

var unitNormal = distuv.UnitNormal

// WelchTTest compares the means of x and y without assuming equal variances:
// t = (x̄ − ȳ)/√(s₁²/n₁ + s₂²/n₂), Welch–Satterthwaite
// df = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1)),
// p = 2·P(T_df > |t|), CI = (x̄ − ȳ) ± t(1−α/2, df)·SE with α = 1 − conf.
// Effect: Cohen d = (x̄ − ȳ)/s_pooled, s_pooled² = ((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2),
// and Hedges g = d·(1 − 3/(4(n₁+n₂) − 9)). Each sample needs two values and
// at least one sample some variation.
func WelchTTest(x, y []float64, conf float64) (TestResult, error) {
	n1, n2 := len(x), len(y)
	if n1 == 0 || n2 == 0 {
		return TestResult{}, ErrEmpty
	}
	if n1 < 2 || n2 < 2 {
		return TestResult{}, ErrTooShort
	}
	if !(conf > 0 && conf < 1) {
		return TestResult{}, ErrParam
	}
	m1, m2 := Mean(x), Mean(y)
	v1, v2 := Variance(x), Variance(y)
	a, b := v1/float64(n1), v2/float64(n2)
	se2 := a + b
	if se2 == 0 {
		return TestResult{}, ErrConstant
	}
	se := math.Sqrt(se2)
	diff := m1 - m2
	df := se2 * se2 / (a*a/float64(n1-1) + b*b/float64(n2-1))
	t := diff / se
	st := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}
	q := st.Quantile(1 - (1-conf)/2)
	sp := math.Sqrt((float64(n1-1)*v1 + float64(n2-1)*v2) / float64(n1+n2-2))
	d := diff / sp
	return TestResult{
		Test: "welch", Statistic: t, DF: df, P: 2 * st.Survival(math.Abs(t)),
		Estimate: diff, CI: [2]float64{diff - q*se, diff + q*se},
		EffectSize: d * (1 - 3/(4*float64(n1+n2)-9)), EffectName: "hedges_g", CohenD: d,
		N1: n1, N2: n2,
	}, nil
}

// ExactLimit is the largest sample size (each group) for which MannWhitney
// uses the exact distribution of U (when there are no ties).
const ExactLimit = 50

// MannWhitney runs the two-sided Mann–Whitney U (Wilcoxon rank-sum) test.
// U = R₁ − n₁(n₁+1)/2 (R₁ = rank sum of x, ties averaged) counts the pairs
// with x > y (ties count ½). Without ties and with n₁, n₂ ≤ ExactLimit the
// p-value is exact: 2·min(P(U ≤ u), P(U ≥ u)), capped at 1. Otherwise the
// normal approximation is used: z = (U − n₁n₂/2 ∓ ½)/σ with
// σ² = n₁n₂/12·((N+1) − Σ(t³−t)/(N(N−1))) over tie groups of size t.
// Estimate is the Hodges–Lehmann shift (median of all xᵢ − yⱼ) with a 95%
// CI from the ordered differences (exact quantiles of U when exact, else the
// normal approximation). Effect size: rank-biserial r = 2U/(n₁n₂) − 1
// (+1 when every x exceeds every y).
func MannWhitney(x, y []float64) (TestResult, error) {
	n1, n2 := len(x), len(y)
	if n1 == 0 || n2 == 0 {
		return TestResult{}, ErrEmpty
	}
	all := append(slices.Clone(x), y...)
	r := Ranks(all)
	var r1 float64
	for i := 0; i < n1; i++ {
		r1 += r[i]
	}
	u := r1 - float64(n1*(n1+1))/2
	nn := float64(n1 * n2)
	res := TestResult{Test: "mann-whitney", Statistic: u, DF: math.NaN(), N1: n1, N2: n2,
		EffectSize: 2*u/nn - 1, EffectName: "rank_biserial", CohenD: math.NaN()}
	ties := tieCounts(all)
	N := float64(n1 + n2)

	diffs := make([]float64, 0, n1*n2)
	for _, a := range x {
		for _, b := range y {
			diffs = append(diffs, a-b)
		}
	}
	slices.Sort(diffs)
	res.Estimate = Percentile(diffs, 0.5)

	if sp := math.Sqrt((float64(n1-1)*Variance(x) + float64(n2-1)*Variance(y)) / float64(n1+n2-2)); sp > 0 {
		res.CohenD = (Mean(x) - Mean(y)) / sp
	}

	var k int // CI uses the k-th smallest and k-th largest differences (1-based)
	if len(ties) == 0 && n1 <= ExactLimit && n2 <= ExactLimit {
		res.Exact = true
		cdf := uCDF(n1, n2) // cdf[k] = P(U ≤ k)
		ui := int(math.Round(u))
		lower := cdf[ui]
		upper := 1.0
		if ui > 0 {
			upper = 1 - cdf[ui-1]
		}
		res.P = math.Min(1, 2*math.Min(lower, upper))
		// k = smallest u with P(U ≤ u) ≥ α/2 (R's qwilcox), at least 1.
		for k = 0; k < len(cdf) && cdf[k] < 0.025; k++ {
		}
		k = max(k, 1)
	} else {
		var tc float64
		for _, t := range ties {
			ft := float64(t)
			tc += ft*ft*ft - ft
		}
		sigma := math.Sqrt(nn / 12 * ((N + 1) - tc/(N*(N-1))))
		if sigma == 0 {
			return TestResult{}, ErrConstant
		}
		z := u - nn/2
		z -= math.Copysign(0.5, z) * boolTo(z != 0)
		z /= sigma
		res.P = math.Min(1, 2*normalUpper(math.Abs(z)))
		k = int(math.Floor(nn/2 - unitNormal.Quantile(0.975)*math.Sqrt(nn*(N+1)/12)))
	}
	if k >= 1 && k <= len(diffs) {
		res.CI = [2]float64{diffs[k-1], diffs[len(diffs)-k]}
	} else {
		res.CI = [2]float64{math.Inf(-1), math.Inf(1)}
	}
	return res, nil
}

func boolTo(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// uCDF returns P(U ≤ k), k = 0..n1·n2, for the Mann–Whitney U of samples of
// sizes n1 and n2 without ties. Counts follow c(m, n, u) = c(m−1, n, u−n) +
// c(m, n−1, u): the largest value is either an x (beating all n y's) or a y.
func uCDF(n1, n2 int) []float64 {
	size := n1*n2 + 1
	// row[n] holds c(m, n, ·) for the current m.
	row := make([][]float64, n2+1)
	for n := range row {
		row[n] = make([]float64, size)
		row[n][0] = 1 // m = 0
	}
	for m := 1; m <= n1; m++ {
		// c(m, 0, ·) = [1, 0, ...] stays; update n = 1..n2 in increasing n.
		for n := 1; n <= n2; n++ {
			prev := row[n] // c(m−1, n, ·)
			cur := make([]float64, size)
			for u := 0; u < size; u++ {
				v := row[n-1][u] // c(m, n−1, u) (already updated)
				if u >= n {
					v += prev[u-n]
				}
				cur[u] = v
			}
			row[n] = cur
		}
	}
	c := row[n2]
	var total float64
	for _, v := range c {
		total += v
	}
	cdf := make([]float64, size)
	var acc float64
	for u, v := range c {
		acc += v
		cdf[u] = acc / total
	}
	return cdf
}

// TwoProportionZ compares proportions p₁ = x₁/n₁ and p₂ = x₂/n₂:
// pooled p̂ = (x₁+x₂)/(n₁+n₂), z = (p₁ − p₂)/√(p̂(1−p̂)(1/n₁ + 1/n₂)),
// p = 2(1 − Φ(|z|)); CI of p₁ − p₂ = (p₁ − p₂) ± z(1−α/2)·√(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂)
// (Wald, α = 1 − conf); effect size Cohen h = 2·asin√p₁ − 2·asin√p₂.
func TwoProportionZ(x1, n1, x2, n2 float64, conf float64) (TestResult, error) {
	if !(n1 > 0 && n2 > 0) {
		return TestResult{}, ErrEmpty
	}
	if x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2 || !(conf > 0 && conf < 1) {
		return TestResult{}, ErrParam
	}
	p1, p2 := x1/n1, x2/n2
	p := (x1 + x2) / (n1 + n2)
	se0 := math.Sqrt(p * (1 - p) * (1/n1 + 1/n2))
	if se0 == 0 {
		return TestResult{}, ErrConstant
	}
	z := (p1 - p2) / se0
	q := unitNormal.Quantile(1 - (1-conf)/2)
	se := math.Sqrt(p1*(1-p1)/n1 + p2*(1-p2)/n2)
	return TestResult{
		Test: "two-proportion", Statistic: z, DF: math.NaN(), P: 2 * normalUpper(math.Abs(z)),
		Estimate: p1 - p2, CI: [2]float64{p1 - p2 - q*se, p1 - p2 + q*se},
		EffectSize: 2*math.Asin(math.Sqrt(p1)) - 2*math.Asin(math.Sqrt(p2)), EffectName: "cohen_h",
		CohenD: math.NaN(), N1: int(n1), N2: int(n2),
	}, nil
}
