package stats

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// Trend is a linear trend fitted to (x, y) pairs.
type Trend struct {
	N         int
	Slope     float64    // OLS slope b = Sxy/Sxx
	Intercept float64    // OLS intercept ȳ − b·x̄
	SlopeSE   float64    // √(SSE/(n−2)/Sxx)
	SlopeCI   [2]float64 // b ± t(0.975, n−2)·SE (95%)
	R2        float64

	TheilSen          float64 // median of pairwise slopes
	TheilSenIntercept float64 // median of yᵢ − slope·xᵢ

	MannKendall MannKendall
}

// MannKendall is the result of the Mann–Kendall trend test (y in x order).
type MannKendall struct {
	S   float64 // Σ_{i<j} sgn(yⱼ − yᵢ)
	Var float64 // n(n−1)(2n+5)/18 − Σ t(t−1)(2t+5)/18 over tie groups
	Z   float64 // (S − sgn(S))/√Var, 0 when S = 0
	P   float64 // two-sided, 2(1 − Φ(|Z|))
}

// FitTrend fits the OLS line with a 95% confidence interval for the slope,
// the Theil–Sen robust slope and the Mann–Kendall test. The pairs are taken
// in x order for Mann–Kendall. It needs at least three points and x that is
// not constant (ErrTooShort, ErrConstant, ErrLength). Theil–Sen and
// Mann–Kendall look at all pairs, O(n²).
func FitTrend(x, y []float64) (Trend, error) {
	n := len(x)
	if len(y) != n {
		return Trend{}, ErrLength
	}
	if n < 3 {
		return Trend{}, ErrTooShort
	}
	mx, my := Mean(x), Mean(y)
	var sxx, sxy, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxx += dx * dx
		sxy += dx * dy
		syy += dy * dy
	}
	if sxx == 0 {
		return Trend{}, ErrConstant
	}
	t := Trend{N: n}
	t.Slope = sxy / sxx
	t.Intercept = my - t.Slope*mx
	sse := math.Max(0, syy-t.Slope*sxy)
	t.SlopeSE = math.Sqrt(sse / float64(n-2) / sxx)
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 2)}.Quantile(0.975)
	t.SlopeCI = [2]float64{t.Slope - q*t.SlopeSE, t.Slope + q*t.SlopeSE}
	if syy > 0 {
		t.R2 = sxy * sxy / (sxx * syy)
	} else {
		t.R2 = 1
	}
	t.TheilSen, t.TheilSenIntercept, _ = TheilSen(x, y)

	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case x[a] < x[b]:
			return -1
		case x[a] > x[b]:
			return 1
		}
		return 0
	})
	ys := make([]float64, n)
	for i, j := range idx {
		ys[i] = y[j]
	}
	t.MannKendall, _ = MannKendallTest(ys)
	return t, nil
}

// TheilSen returns the Theil–Sen slope (the median of (yⱼ−yᵢ)/(xⱼ−xᵢ) over
// all pairs with xᵢ ≠ xⱼ) and intercept (the median of yᵢ − slope·xᵢ).
func TheilSen(x, y []float64) (slope, intercept float64, err error) {
	n := len(x)
	if len(y) != n {
		return 0, 0, ErrLength
	}
	if n < 2 {
		return 0, 0, ErrTooShort
	}
	slopes := make([]float64, 0, n*(n-1)/2)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if dx := x[j] - x[i]; dx != 0 {
				slopes = append(slopes, (y[j]-y[i])/dx)
			}
		}
	}
	if len(slopes) == 0 {
		return 0, 0, ErrConstant
	}
	q, _ := Quantiles(slopes, 0.5)
	slope = q[0]
	res := make([]float64, n)
	for i := range x {
		res[i] = y[i] - slope*x[i]
	}
	q, _ = Quantiles(res, 0.5)
	return slope, q[0], nil
}

// MannKendallTest runs the two-sided Mann–Kendall test for a monotonic trend
// on y in time order: S = Σ_{i<j} sgn(yⱼ−yᵢ), Var(S) with the tie correction,
// Z with continuity correction, p = 2(1−Φ(|Z|)). Needs three values.
func MannKendallTest(y []float64) (MannKendall, error) {
	n := len(y)
	if n < 3 {
		return MannKendall{}, ErrTooShort
	}
	var s float64
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s += float64(sign(y[j] - y[i]))
		}
	}
	fn := float64(n)
	v := fn * (fn - 1) * (2*fn + 5)
	for _, t := range tieCounts(y) {
		ft := float64(t)
		v -= ft * (ft - 1) * (2*ft + 5)
	}
	v /= 18
	r := MannKendall{S: s, Var: v}
	if v <= 0 {
		return r, ErrConstant
	}
	switch {
	case s > 0:
		r.Z = (s - 1) / math.Sqrt(v)
	case s < 0:
		r.Z = (s + 1) / math.Sqrt(v)
	}
	r.P = 2 * normalUpper(math.Abs(r.Z))
	return r, nil
}

// tieCounts returns the sizes (> 1) of groups of equal values.
func tieCounts(x []float64) []int {
	s := slices.Clone(x)
	slices.Sort(s)
	var out []int
	for i := 0; i < len(s); {
		j := i + 1
		for j < len(s) && s[j] == s[i] {
			j++
		}
		if j-i > 1 {
			out = append(out, j-i)
		}
		i = j
	}
	return out
}

// normalUpper returns 1 − Φ(z) without cancellation.
func normalUpper(z float64) float64 { return 0.5 * math.Erfc(z/math.Sqrt2) }

// Breach says when a fitted line y = a + b·x reaches a target.
type Breach struct {
	Crosses     bool    // false when the slope is 0 (the line never reaches the target)
	At          float64 // x where a + b·x = target
	Future      bool    // At lies after now
	Approaching bool    // the fitted line at now is moving towards the target (same as Future for a line)
}

// TimeToBreach returns where the line intercept + slope·x crosses target,
// judged from x = now: At = (target − intercept)/slope. When At ≤ now the
// line has already crossed and is moving away from the side it started on.
func TimeToBreach(slope, intercept, target, now float64) Breach {
	if slope == 0 || math.IsNaN(slope) {
		return Breach{}
	}
	b := Breach{Crosses: true, At: (target - intercept) / slope}
	b.Future = b.At > now
	b.Approaching = b.Future
	return b
}
