package stats

import "math"

// Change-point models.
const (
	ChangeRamp = "ramp" // y = a + b·max(0, t − τ): flat, then a steady drift from τ
	ChangeStep = "step" // y = a + δ·[t ≥ τ]: a jump to a new level at τ
)

// ChangePoint is the best single change of level or slope in a series.
type ChangePoint struct {
	Kind   string  // ChangeRamp or ChangeStep
	Index  int     // 0-based index of τ in the series
	At     float64 // τ = t[Index]
	Before float64 // the level a before the change
	Slope  float64 // ramp: b, the change per unit of t after τ (0 for a step)
	Shift  float64 // step: δ (0 for a ramp)
	Change float64 // how far the fitted line has moved by the last point: b·(t_last − τ) or δ
	SSE    float64 // residual sum of squares of the chosen model
	SSE0   float64 // residual sum of squares of a constant level
}

// MinSegment is the fewest points each side of a change point must have.
const MinSegment = 3

// FindChangePoint fits, by least squares, every ramp y = a + b·max(0, t − t_k)
// and every step y = a + δ·[t ≥ t_k] whose sides have at least MinSegment
// points (a ramp's flat side includes t_k itself), and returns the one with
// the smallest residual sum of squares (ramps before steps, earlier k first,
// on a tie). t must be increasing. Each candidate is one simple regression of
// y on a single regressor hᵢ: b = Σ(h − h̄)(y − ȳ)/Σ(h − h̄)², a = ȳ − b·h̄.
func FindChangePoint(t, y []float64) (ChangePoint, error) {
	n := len(t)
	if len(y) != n {
		return ChangePoint{}, ErrLength
	}
	if n < 2*MinSegment {
		return ChangePoint{}, &NotEnoughData{Have: n, Need: 2 * MinSegment, What: "points"}
	}
	for i := 1; i < n; i++ {
		if !(t[i] > t[i-1]) {
			return ChangePoint{}, ErrParam
		}
	}
	my := Mean(y)
	var syy float64
	for _, v := range y {
		syy += (v - my) * (v - my)
	}
	best := ChangePoint{SSE: math.Inf(1), SSE0: syy}
	h := make([]float64, n)
	try := func(kind string, k int) {
		mh := Mean(h)
		var shh, shy float64
		for i := range h {
			dh := h[i] - mh
			shh += dh * dh
			shy += dh * (y[i] - my)
		}
		if shh == 0 {
			return
		}
		b := shy / shh
		sse := math.Max(0, syy-b*shy)
		if sse < best.SSE {
			best = ChangePoint{Kind: kind, Index: k, At: t[k], Before: my - b*mh, SSE: sse, SSE0: syy}
			if kind == ChangeRamp {
				best.Slope, best.Change = b, b*(t[n-1]-t[k])
			} else {
				best.Shift, best.Change = b, b
			}
		}
	}
	for k := MinSegment - 1; k <= n-1-MinSegment; k++ {
		for i := range h {
			h[i] = math.Max(0, t[i]-t[k])
		}
		try(ChangeRamp, k)
	}
	for k := MinSegment; k <= n-MinSegment; k++ {
		for i := range h {
			h[i] = 0
			if i >= k {
				h[i] = 1
			}
		}
		try(ChangeStep, k)
	}
	if math.IsInf(best.SSE, 1) {
		return ChangePoint{}, ErrConstant
	}
	return best, nil
}
