package stats

import (
	"math"
	"sync"
)

// Control-chart constants for subgroup size n (2 ≤ n ≤ 25), derived rather
// than tabled so that they carry full precision (qcc computes them the same way):
//
//	d2 = E[R/σ]   = ∫ (1 − Φ(x)ⁿ − (1−Φ(x))ⁿ) dx
//	d3 = SD[R/σ], with E[(R/σ)²] = 2 ∫∫_{x<y} (1 − Φ(y)ⁿ − (1−Φ(x))ⁿ + (Φ(y)−Φ(x))ⁿ) dx dy
//	c4 = √(2/(n−1)) · Γ(n/2) / Γ((n−1)/2)
//	A2 = 3/(d2√n), D3 = max(0, 1 − 3d3/d2), D4 = 1 + 3d3/d2
//	A3 = 3/(c4√n), B3 = max(0, 1 − 3√(1−c4²)/c4), B4 = 1 + 3√(1−c4²)/c4
//
// The integrals are evaluated on [−9, 9] with step 0.01 (trapezoid along the
// whole line, Simpson across the x < y edge), accurate well beyond the digits
// printed in Montgomery's Appendix VI.
type Constants struct {
	N                int
	D2, D3, C4       float64
	A2, D3Factor, D4 float64 // D3Factor is the R-chart LCL factor "D3" (D3 is the range SD d3)
	A3, B3, B4       float64
}

// MinSubgroup and MaxSubgroup bound the subgroup sizes ChartConstants supports.
const (
	MinSubgroup = 2
	MaxSubgroup = 25
)

var (
	constMu    sync.Mutex
	constCache = map[int]Constants{}
)

// ChartConstants returns the control-chart constants for subgroup size n
// (ErrParam outside 2..25).
func ChartConstants(n int) (Constants, error) {
	if n < MinSubgroup || n > MaxSubgroup {
		return Constants{}, ErrParam
	}
	constMu.Lock()
	defer constMu.Unlock()
	if c, ok := constCache[n]; ok {
		return c, nil
	}
	d2, d3 := rangeMoments(n)
	c4 := C4(n)
	fn := float64(n)
	c := Constants{N: n, D2: d2, D3: d3, C4: c4}
	c.A2 = 3 / (d2 * math.Sqrt(fn))
	c.D3Factor = math.Max(0, 1-3*d3/d2)
	c.D4 = 1 + 3*d3/d2
	c.A3 = 3 / (c4 * math.Sqrt(fn))
	w := 3 * math.Sqrt(1-c4*c4) / c4
	c.B3 = math.Max(0, 1-w)
	c.B4 = 1 + w
	constCache[n] = c
	return c, nil
}

// C4 returns the bias-correction constant c4(n) = E[s]/σ for normal samples
// of size n ≥ 2: √(2/(n−1))·Γ(n/2)/Γ((n−1)/2) (NaN for n < 2).
func C4(n int) float64 {
	if n < 2 {
		return math.NaN()
	}
	fn := float64(n)
	a, _ := math.Lgamma(fn / 2)
	b, _ := math.Lgamma((fn - 1) / 2)
	return math.Sqrt(2/(fn-1)) * math.Exp(a-b)
}

// rangeMoments integrates the mean and SD of the relative range W = R/σ of n
// standard normal values.
func rangeMoments(n int) (d2, d3 float64) {
	const lo, hi, h = -9.0, 9.0, 0.01
	m := int(math.Round((hi-lo)/h)) + 1
	phi := make([]float64, m)
	for i := range phi {
		phi[i] = 0.5 * math.Erfc(-(lo+float64(i)*h)/math.Sqrt2)
	}
	pw := func(v float64) float64 { return powInt(v, n) }
	// E[W] = ∫ 1 − Φⁿ − (1−Φ)ⁿ
	var ew float64
	for i := 0; i < m; i++ {
		w := 1.0
		if i == 0 || i == m-1 {
			w = 0.5
		}
		ew += w * (1 - pw(phi[i]) - pw(1-phi[i]))
	}
	ew *= h
	// E[W²] = 2 ∫∫_{x<y} (1 − Φ(y)ⁿ − (1−Φ(x))ⁿ + (Φ(y)−Φ(x))ⁿ) dx dy,
	// written with y = x + w (w ≥ 0): Simpson's rule in w (the integrand has
	// an edge at w = 0) and the trapezoid in x (whole line, Gaussian tails).
	var ew2 float64
	for k := 0; k < m; k++ {
		sw := 2.0
		switch {
		case k == 0 || k == m-1:
			sw = 1
		case k%2 == 1:
			sw = 4
		}
		var row float64
		for i := 0; i+k < m; i++ {
			j := i + k
			row += 1 - pw(phi[j]) - pw(1-phi[i]) + pw(phi[j]-phi[i])
		}
		ew2 += sw / 3 * row
	}
	ew2 *= 2 * h * h
	return ew, math.Sqrt(ew2 - ew*ew)
}

func powInt(v float64, n int) float64 {
	r := 1.0
	for n > 0 {
		if n&1 == 1 {
			r *= v
		}
		v *= v
		n >>= 1
	}
	return r
}
