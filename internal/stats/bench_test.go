package stats

import (
	"math/rand/v2"
	"testing"
)

func benchData(n int) []float64 {
	rng := rand.New(rand.NewPCG(5, 6))
	x := make([]float64, n)
	for i := range x {
		x[i] = 99.9 + 0.05*rng.NormFloat64()
	}
	return x
}

func BenchmarkXmR100k(b *testing.B) {
	x := benchData(100_000)
	for b.Loop() {
		if _, err := XmR(x, ChartOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkXbarR10k(b *testing.B) {
	x := benchData(50_000)
	groups := make([][]float64, 10_000)
	for i := range groups {
		groups[i] = x[5*i : 5*i+5]
	}
	for b.Loop() {
		if _, err := XbarR(groups, ChartOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEWMA100k(b *testing.B) {
	x := benchData(100_000)
	for b.Loop() {
		if _, err := EWMA(x, EWMAOptions{Lambda: 0.2, L: 3}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFitTrend2k(b *testing.B) {
	y := benchData(2000)
	x := make([]float64, len(y))
	for i := range x {
		x[i] = float64(i)
	}
	for b.Loop() {
		if _, err := FitTrend(x, y); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMannWhitneyExact50(b *testing.B) {
	x, y := benchData(50), benchData(100)[50:]
	for b.Loop() {
		if _, err := MannWhitney(x, y); err != nil {
			b.Fatal(err)
		}
	}
}
