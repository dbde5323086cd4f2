package compliance

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"slate/internal/stats"
)

// The statistic selects (in place when the values are its own); the one
// definition, stats.Percentile on the sorted values, gives the same numbers,
// ties and infinities included. (Points never hold NaN: ingest refuses it.)
func TestStatisticBySelectionEqualsSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		n := 1 + rng.IntN(300)
		vals := make([]float64, n)
		for i := range vals {
			switch rng.IntN(10) {
			case 1:
				vals[i] = float64(rng.IntN(3)) // ties
			case 2:
				if trial%3 == 0 {
					vals[i] = math.Inf(1 - 2*rng.IntN(2))
					continue
				}
				fallthrough
			default:
				vals[i] = rng.NormFloat64() * 100
			}
		}
		for _, p := range []float64{0, 0.01, 0.5, 0.95, 0.999, 1, rng.Float64()} {
			sorted := slices.Clone(vals)
			slices.Sort(sorted)
			want := stats.Percentile(sorted, p)
			before := slices.Clone(vals)
			got := quantile(vals, p, false)
			same := func(a, b float64) bool {
				return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
			}
			if !same(got, want) {
				t.Fatalf("trial %d, p %v, n %d: got %v, want %v", trial, p, n, got, want)
			}
			if !slices.EqualFunc(vals, before, same) {
				t.Fatal("the statistic changed values it does not own")
			}
			if owned := quantile(slices.Clone(vals), p, true); !same(owned, want) {
				t.Fatalf("trial %d, p %v: in place %v, want %v", trial, p, owned, want)
			}
		}
	}
}
