package stats

import (
	"math"
	"slices"
)

// Summary holds the descriptive statistics of a sample.
// SD and Autocorr1 are NaN when undefined (fewer than two values; a constant
// sample has SD 0 and Autocorr1 NaN).
type Summary struct {
	N         int
	Mean      float64
	SD        float64 // sample standard deviation, divisor n−1
	Min       float64
	Max       float64
	Median    float64
	P05       float64
	P95       float64
	P99       float64
	Autocorr1 float64 // lag-1 autocorrelation (NIST definition)
}

// Mean returns the arithmetic mean Σx/n, computed in two passes (the mean of
// the deviations from a first estimate is added back), so that a large common
// offset does not cost precision. It returns NaN for empty input.
func Mean(x []float64) float64 {
	n := len(x)
	if n == 0 {
		return math.NaN()
	}
	var s float64
	for _, v := range x {
		s += v
	}
	m := s / float64(n)
	var c float64
	for _, v := range x {
		c += v - m
	}
	return m + c/float64(n)
}

// Variance returns the sample variance Σ(x−x̄)²/(n−1), using the corrected
// two-pass algorithm (Chan, Golub & LeVeque): Σ(x−x̄)² − (Σ(x−x̄))²/n.
// It returns NaN for fewer than two values.
func Variance(x []float64) float64 {
	n := len(x)
	if n < 2 {
		return math.NaN()
	}
	m := Mean(x)
	var ss, c float64
	for _, v := range x {
		d := v - m
		ss += d * d
		c += d
	}
	v := (ss - c*c/float64(n)) / float64(n-1)
	if v < 0 {
		v = 0
	}
	return v
}

// StdDev returns the sample standard deviation √Variance (divisor n−1);
// NaN for fewer than two values.
func StdDev(x []float64) float64 { return math.Sqrt(Variance(x)) }

// Autocorr1 returns the lag-1 autocorrelation as NIST defines it:
// r₁ = Σᵢ₌₁ⁿ⁻¹ (xᵢ−x̄)(xᵢ₊₁−x̄) / Σᵢ₌₁ⁿ (xᵢ−x̄)².
// It returns NaN for fewer than two values or constant data.
func Autocorr1(x []float64) float64 {
	if len(x) < 2 {
		return math.NaN()
	}
	m := Mean(x)
	var num, den float64
	for i, v := range x {
		d := v - m
		den += d * d
		if i+1 < len(x) {
			num += d * (x[i+1] - m)
		}
	}
	if den == 0 {
		return math.NaN()
	}
	return num / den
}

// Percentile returns the p-th quantile (0 ≤ p ≤ 1) of sorted data by linear
// interpolation between the closest ranks at position h = (n−1)·p (0-based):
// x[⌊h⌋] + (h−⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). This is Excel PERCENTILE.INC and
// numpy's default; p50 of 1,2,3,4 is 2.5.
//
// If sorted is in fact not sorted, a sorted copy is used (the input is never
// modified). It returns NaN for empty input or p outside [0, 1].
func Percentile(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 || !(p >= 0 && p <= 1) {
		return math.NaN()
	}
	if !slices.IsSorted(sorted) {
		sorted = slices.Clone(sorted)
		slices.Sort(sorted)
	}
	h := float64(n-1) * p
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return sorted[n-1]
	}
	return interpolate(sorted[lo], sorted[lo+1], h-float64(lo))
}

func interpolate(a, b, frac float64) float64 {
	if frac == 0 || a == b {
		return a
	}
	return a + frac*(b-a)
}

// Quantiles returns the percentiles ps (each in [0, 1], same rule as
// Percentile) of unsorted data. It works on a copy with a selection algorithm,
// so it runs in expected O(n·len(ps)) time without a full sort.
func Quantiles(x []float64, ps ...float64) ([]float64, error) {
	if len(x) == 0 {
		return nil, ErrEmpty
	}
	for _, p := range ps {
		if !(p >= 0 && p <= 1) {
			return nil, ErrParam
		}
	}
	w := slices.Clone(x)
	return quantilesInPlace(w, ps), nil
}

// QuantilesInPlace is Quantiles without the copy: it reorders x (for a
// caller whose values are its own, like the evaluator's period values).
func QuantilesInPlace(x []float64, ps ...float64) ([]float64, error) {
	if len(x) == 0 {
		return nil, ErrEmpty
	}
	for _, p := range ps {
		if !(p >= 0 && p <= 1) {
			return nil, ErrParam
		}
	}
	return quantilesInPlace(x, ps), nil
}

// quantilesInPlace reorders w and returns the requested percentiles.
func quantilesInPlace(w []float64, ps []float64) []float64 {
	n := len(w)
	type need struct {
		h  float64
		lo int
	}
	needs := make([]need, len(ps))
	ranks := make([]int, 0, 2*len(ps))
	for i, p := range ps {
		h := float64(n-1) * p
		lo := int(math.Floor(h))
		if lo > n-1 {
			lo = n - 1
		}
		needs[i] = need{h, lo}
		ranks = append(ranks, lo)
		if lo+1 < n {
			ranks = append(ranks, lo+1)
		}
	}
	slices.Sort(ranks)
	ranks = slices.Compact(ranks)
	// Select the ranks in increasing order; each selection leaves everything
	// left of the rank ≤ it, so the next search can start just after it.
	start := 0
	for _, k := range ranks {
		selectKth(w[start:], k-start)
		start = k + 1
		if start >= n {
			break
		}
	}
	out := make([]float64, len(ps))
	for i, nd := range needs {
		if nd.lo >= n-1 {
			out[i] = w[n-1]
			continue
		}
		out[i] = interpolate(w[nd.lo], w[nd.lo+1], nd.h-float64(nd.lo))
	}
	return out
}

// selectKth reorders a so that a[k] is the element that would be there after
// sorting, with a[:k] ≤ a[k] ≤ a[k+1:] (Hoare quickselect, median-of-three
// pivot, falling back to a full sort of the remaining range if it recurses too
// deep, so the worst case stays O(n log n)).
func selectKth(a []float64, k int) {
	lo, hi := 0, len(a)-1
	budget := 2 * (bitsLen(len(a)) + 1)
	for hi > lo {
		if hi-lo < 16 || budget == 0 {
			slices.Sort(a[lo : hi+1])
			return
		}
		budget--
		mid := lo + (hi-lo)/2
		// median of three into a[mid]
		if a[mid] < a[lo] {
			a[mid], a[lo] = a[lo], a[mid]
		}
		if a[hi] < a[lo] {
			a[hi], a[lo] = a[lo], a[hi]
		}
		if a[hi] < a[mid] {
			a[hi], a[mid] = a[mid], a[hi]
		}
		pivot := a[mid]
		i, j := lo, hi
		for i <= j {
			for a[i] < pivot {
				i++
			}
			for a[j] > pivot {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return // j < k < i: a[k] equals the pivot and is in place
		}
	}
}

func bitsLen(n int) int {
	b := 0
	for n > 0 {
		b++
		n >>= 1
	}
	return b
}

// Describe returns the summary statistics of x: n, mean, sample SD, min, max,
// median, p05, p95, p99 (Percentile rule) and the lag-1 autocorrelation.
// It needs at least one value and rejects NaN/±Inf (ErrNotFinite). It works
// in O(n) expected time (percentiles by selection on one copy of x).
func Describe(x []float64) (Summary, error) {
	n := len(x)
	if n == 0 {
		return Summary{}, ErrEmpty
	}
	mn, mx := x[0], x[0]
	for _, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return Summary{}, ErrNotFinite
		}
		if v < mn {
			mn = v
		}
		if v > mx {
			mx = v
		}
	}
	s := Summary{N: n, Mean: Mean(x), Min: mn, Max: mx}
	s.SD = StdDev(x)
	s.Autocorr1 = Autocorr1(x)
	q := quantilesInPlace(slices.Clone(x), []float64{0.05, 0.5, 0.95, 0.99})
	s.P05, s.Median, s.P95, s.P99 = q[0], q[1], q[2], q[3]
	return s, nil
}
