package compliance

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// percentileOf selects; a sort gives the same numbers, NaNs and ties included.
func TestPercentileBySelectionEqualsSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		n := 1 + rng.IntN(300)
		vals := make([]float64, n)
		for i := range vals {
			switch rng.IntN(10) {
			case 0:
				vals[i] = math.NaN()
			case 1:
				vals[i] = float64(rng.IntN(3)) // ties
			case 2:
				vals[i] = math.Inf(1 - 2*rng.IntN(2))
			default:
				vals[i] = rng.NormFloat64() * 100
			}
		}
		if trial%3 == 0 {
			for i := range vals {
				if math.IsNaN(vals[i]) || math.IsInf(vals[i], 0) {
					vals[i] = 1
				}
			}
		}
		for _, p := range []float64{0, 0.01, 0.5, 0.95, 0.999, 1, rng.Float64()} {
			sorted := slices.Clone(vals)
			slices.Sort(sorted)
			want := Percentile(sorted, p)
			before := slices.Clone(vals)
			got := percentileOf(vals, p, false)
			if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Fatalf("trial %d, p %v, n %d: got %v, want %v", trial, p, n, got, want)
			}
			if !slices.EqualFunc(vals, before, func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }) {
				t.Fatal("percentileOf changed its input")
			}
		}
	}
}
