package stats

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Agreement compares paired measurements of one quantity by two methods
// (x the method under test, y the reference), on the differences dᵢ = xᵢ − yᵢ.
type Agreement struct {
	N        int
	Bias     float64    // d̄, mean difference: > 0 means x reads higher than y
	BiasCI   [2]float64 // d̄ ± t(1−α/2, n−1)·s_d/√n
	SD       float64    // s_d, sample standard deviation of d (divisor n − 1)
	MAE      float64    // mean |dᵢ|
	RMSE     float64    // √(mean dᵢ²)
	LoA      [2]float64 // Bland–Altman limits of agreement d̄ ∓ z·s_d, z = Φ⁻¹(1−α/2) (1.96 at 95%)
	LowerCI  [2]float64 // confidence interval of the lower limit
	UpperCI  [2]float64 // confidence interval of the upper limit
	CCC      float64    // Lin's concordance correlation coefficient
	Pearson  float64    // Pearson r of x and y (precision only; CCC = r·accuracy)
	Accuracy float64    // Lin's bias correction factor C_b = CCC / r
}

// Agree computes the agreement statistics at confidence conf (0.95):
//   - bias d̄ with its t interval, MAE, RMSE;
//   - Bland–Altman limits d̄ ± z·s_d, each with the approximate interval of
//     Bland & Altman (1999): limit ± t(1−α/2, n−1)·s_d·√(1/n + z²/(2(n−1)));
//   - Lin's concordance ρc = 2s_xy/(s_x² + s_y² + (x̄ − ȳ)²) with moments
//     divided by n (Lin 1989), which is 1 only when every pair is equal.
//
// It needs three pairs; CCC and Pearson are NaN when either series is constant.
func Agree(x, y []float64, conf float64) (Agreement, error) {
	n := len(x)
	if len(y) != n {
		return Agreement{}, ErrLength
	}
	if n < 3 {
		return Agreement{}, &NotEnoughData{Have: n, Need: 3, What: "pairs"}
	}
	if !(conf > 0 && conf < 1) {
		return Agreement{}, ErrParam
	}
	d := make([]float64, n)
	var abs, sq float64
	for i := range x {
		if math.IsNaN(x[i]) || math.IsNaN(y[i]) || math.IsInf(x[i], 0) || math.IsInf(y[i], 0) {
			return Agreement{}, ErrNotFinite
		}
		d[i] = x[i] - y[i]
		abs += math.Abs(d[i])
		sq += d[i] * d[i]
	}
	fn := float64(n)
	a := Agreement{N: n, Bias: Mean(d), SD: StdDev(d), MAE: abs / fn, RMSE: math.Sqrt(sq / fn)}
	alpha := 1 - conf
	tq := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: fn - 1}.Quantile(1 - alpha/2)
	z := distuv.UnitNormal.Quantile(1 - alpha/2)
	se := a.SD / math.Sqrt(fn)
	a.BiasCI = [2]float64{a.Bias - tq*se, a.Bias + tq*se}
	a.LoA = [2]float64{a.Bias - z*a.SD, a.Bias + z*a.SD}
	seL := a.SD * math.Sqrt(1/fn+z*z/(2*(fn-1)))
	a.LowerCI = [2]float64{a.LoA[0] - tq*seL, a.LoA[0] + tq*seL}
	a.UpperCI = [2]float64{a.LoA[1] - tq*seL, a.LoA[1] + tq*seL}

	mx, my := Mean(x), Mean(y)
	var sxx, syy, sxy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxx += dx * dx
		syy += dy * dy
		sxy += dx * dy
	}
	sxx, syy, sxy = sxx/fn, syy/fn, sxy/fn
	a.CCC, a.Pearson, a.Accuracy = math.NaN(), math.NaN(), math.NaN()
	if den := sxx + syy + (mx-my)*(mx-my); den > 0 {
		a.CCC = 2 * sxy / den
	}
	if sxx > 0 && syy > 0 {
		a.Pearson = sxy / math.Sqrt(sxx*syy)
		a.Accuracy = a.CCC / a.Pearson
	}
	return a, nil
}

// Kappa is the agreement of two binary classifications of the same items.
type Kappa struct {
	// Table[i][j] counts items the first rater put in class i and the second
	// in class j (0 = good, 1 = bad).
	Table    [2][2]int
	N        int
	Observed float64 // pₒ, share of items both put in the same class
	Expected float64 // pₑ, the agreement expected by chance from the margins
	Kappa    float64 // (pₒ − pₑ)/(1 − pₑ); NaN when pₑ = 1 (both raters constant and equal)
}

// CohenKappa compares two raters' binary calls a and b (true = bad):
// pₒ = (n₀₀ + n₁₁)/n, pₑ = (n₀·/n)(n·₀/n) + (n₁·/n)(n·₁/n), κ = (pₒ − pₑ)/(1 − pₑ).
func CohenKappa(a, b []bool) (Kappa, error) {
	if len(a) != len(b) {
		return Kappa{}, ErrLength
	}
	if len(a) == 0 {
		return Kappa{}, ErrEmpty
	}
	var k Kappa
	for i := range a {
		k.Table[boolIdx(a[i])][boolIdx(b[i])]++
	}
	k.N = len(a)
	n := float64(k.N)
	k.Observed = float64(k.Table[0][0]+k.Table[1][1]) / n
	r0, r1 := float64(k.Table[0][0]+k.Table[0][1])/n, float64(k.Table[1][0]+k.Table[1][1])/n
	c0, c1 := float64(k.Table[0][0]+k.Table[1][0])/n, float64(k.Table[0][1]+k.Table[1][1])/n
	k.Expected = r0*c0 + r1*c1
	k.Kappa = math.NaN()
	if k.Expected < 1 {
		k.Kappa = (k.Observed - k.Expected) / (1 - k.Expected)
	}
	return k, nil
}

func boolIdx(b bool) int {
	if b {
		return 1
	}
	return 0
}
