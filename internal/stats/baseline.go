package stats

import (
	"math"
	"slices"
)

// Band is a dynamic baseline: for every point, the expected value and a band
// computed from the points before it (so a point is judged against history
// that does not include itself). The first point has NaN values. Outside
// lists the 1-based points that fall outside their band.
type Band struct {
	Center  []float64
	Lower   []float64
	Upper   []float64
	Outside []int
}

// RollingMedianBand returns, for each point i, the median and the lower and
// upper percentiles (Percentile rule, e.g. 0.05 and 0.95) of the previous w
// points (fewer at the start of the series).
func RollingMedianBand(x []float64, w int, lower, upper float64) (Band, error) {
	if len(x) == 0 {
		return Band{}, ErrEmpty
	}
	if w < 1 || !(lower >= 0 && lower <= upper && upper <= 1) {
		return Band{}, ErrParam
	}
	n := len(x)
	b := newBand(n)
	win := make([]float64, 0, w)
	for i := 1; i < n; i++ {
		lo := max(0, i-w)
		win = append(win[:0], x[lo:i]...)
		slices.Sort(win)
		b.Center[i] = Percentile(win, 0.5)
		b.Lower[i] = Percentile(win, lower)
		b.Upper[i] = Percentile(win, upper)
	}
	b.markOutside(x)
	return b, nil
}

// EWMABand returns an exponentially weighted mean ± k exponentially weighted
// standard deviations, each built from the points before i:
// mᵢ = mᵢ₋₁ + λ(xᵢ − mᵢ₋₁), vᵢ = (1−λ)(vᵢ₋₁ + λ(xᵢ − mᵢ₋₁)²), m₁ = x₁, v₁ = 0
// (Finch 2009); the band at point i+1 is mᵢ ± k√vᵢ.
func EWMABand(x []float64, lambda, k float64) (Band, error) {
	if len(x) == 0 {
		return Band{}, ErrEmpty
	}
	if !(lambda > 0 && lambda <= 1) || !(k >= 0) {
		return Band{}, ErrParam
	}
	n := len(x)
	b := newBand(n)
	m, v := x[0], 0.0
	for i := 1; i < n; i++ {
		sd := math.Sqrt(v)
		b.Center[i], b.Lower[i], b.Upper[i] = m, m-k*sd, m+k*sd
		d := x[i] - m
		m += lambda * d
		v = (1 - lambda) * (v + lambda*d*d)
	}
	b.markOutside(x)
	return b, nil
}

func newBand(n int) Band {
	b := Band{Center: make([]float64, n), Lower: make([]float64, n), Upper: make([]float64, n)}
	b.Center[0], b.Lower[0], b.Upper[0] = math.NaN(), math.NaN(), math.NaN()
	return b
}

func (b *Band) markOutside(x []float64) {
	for i := 1; i < len(x); i++ {
		if x[i] < b.Lower[i] || x[i] > b.Upper[i] {
			b.Outside = append(b.Outside, i+1)
		}
	}
}
