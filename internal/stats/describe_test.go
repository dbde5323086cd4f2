package stats

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestDescribeNIST(t *testing.T) {
	michelso := floats(t, readColumns(t, "testdata/nist-michelso.txt")["y"])
	tests := []struct {
		name                 string
		x                    []float64
		mean, sd, ac, relTol float64
	}{
		// NIST StRD certified values.
		{"Michelso", michelso, 299.8524, 0.0790105478190518, 0.535199668621283, 1e-9},
		{"NumAcc1", []float64{10000001, 10000003, 10000002}, 10000002, 1, -0.5, 1e-9},
		{"NumAcc2", numAcc(1), 1.2, 0.1, -0.999, 1e-8},
		{"NumAcc3", numAcc(1e6), 1000000.2, 0.1, -0.999, 1e-8},
		{"NumAcc4", numAcc(1e7), 10000000.2, 0.1, -0.999, 1e-8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Describe(tc.x)
			if err != nil {
				t.Fatal(err)
			}
			if !relNear(s.Mean, tc.mean, 1e-15) {
				t.Errorf("mean: got %.17g, want %.17g", s.Mean, tc.mean)
			}
			if !relNear(s.SD, tc.sd, tc.relTol) {
				t.Errorf("sd: got %.17g, want %.17g", s.SD, tc.sd)
			}
			if !relNear(s.Autocorr1, tc.ac, tc.relTol) {
				t.Errorf("autocorr1: got %.17g, want %.17g", s.Autocorr1, tc.ac)
			}
			if s.N != len(tc.x) {
				t.Errorf("n: got %d, want %d", s.N, len(tc.x))
			}
		})
	}
}

func TestPercentile(t *testing.T) {
	tests := []struct {
		name string
		x    []float64
		p    float64
		want float64
	}{
		{"p50 of 1..4", []float64{1, 2, 3, 4}, 0.5, 2.5},
		{"p0", []float64{1, 2, 3, 4}, 0, 1},
		{"p100", []float64{1, 2, 3, 4}, 1, 4},
		// numpy.percentile([15, 20, 35, 40, 50], 40) = 29.0: h = 4·0.4 = 1.6 → 20 + 0.6·15
		{"p40 numpy example", []float64{15, 20, 35, 40, 50}, 0.4, 29},
		// Excel PERCENTILE.INC({1,3,2,4}, 0.3) = 1.9
		{"unsorted input", []float64{1, 3, 2, 4}, 0.3, 1.9},
		{"single", []float64{7}, 0.95, 7},
		{"empty", nil, 0.5, math.NaN()},
		{"p out of range", []float64{1, 2}, 1.5, math.NaN()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := slices.Clone(tc.x)
			got := Percentile(tc.x, tc.p)
			if !near(got, tc.want, 1e-12) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
			if !slices.Equal(in, tc.x) {
				t.Errorf("input modified: %v", tc.x)
			}
		})
	}
}

func TestQuantilesMatchSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 3, 17, 100, 1001, 20000} {
		for _, dup := range []bool{false, true} {
			x := make([]float64, n)
			for i := range x {
				x[i] = rng.NormFloat64()
				if dup {
					x[i] = math.Round(x[i] * 3)
				}
			}
			sorted := slices.Clone(x)
			slices.Sort(sorted)
			ps := []float64{0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1}
			got, err := Quantiles(x, ps...)
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range ps {
				if want := Percentile(sorted, p); got[i] != want {
					t.Errorf("n=%d dup=%v p=%v: got %v, want %v", n, dup, p, got[i], want)
				}
			}
		}
	}
}

func TestDescribeSmall(t *testing.T) {
	s, err := Describe([]float64{4, 1, 3, 2})
	if err != nil {
		t.Fatal(err)
	}
	want := Summary{N: 4, Mean: 2.5, SD: math.Sqrt(5.0 / 3), Min: 1, Max: 4, Median: 2.5,
		P05: 1.15, P95: 3.85, P99: 3.97,
		// deviations 1.5,-1.5,0.5,-0.5: (-2.25-0.75-0.25)/5 = -0.65
		Autocorr1: -0.65}
	for _, f := range []struct {
		name      string
		got, want float64
	}{
		{"mean", s.Mean, want.Mean}, {"sd", s.SD, want.SD}, {"min", s.Min, want.Min}, {"max", s.Max, want.Max},
		{"median", s.Median, want.Median}, {"p05", s.P05, want.P05}, {"p95", s.P95, want.P95},
		{"p99", s.P99, want.P99}, {"autocorr1", s.Autocorr1, want.Autocorr1},
	} {
		checkNear(t, f.name, f.got, f.want, 1e-12)
	}
}

func TestDescribeErrors(t *testing.T) {
	tests := []struct {
		name string
		x    []float64
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"nan", []float64{1, math.NaN()}, ErrNotFinite},
		{"inf", []float64{math.Inf(1)}, ErrNotFinite},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Describe(tc.x); !errors.Is(err, tc.want) {
				t.Errorf("got %v, want %v", err, tc.want)
			}
		})
	}
	t.Run("constant", func(t *testing.T) {
		s, err := Describe([]float64{5, 5, 5})
		if err != nil {
			t.Fatal(err)
		}
		if s.SD != 0 || !math.IsNaN(s.Autocorr1) {
			t.Errorf("got sd %v autocorr %v, want 0 and NaN", s.SD, s.Autocorr1)
		}
	})
	t.Run("single", func(t *testing.T) {
		s, err := Describe([]float64{5})
		if err != nil {
			t.Fatal(err)
		}
		if !math.IsNaN(s.SD) || s.Median != 5 {
			t.Errorf("got sd %v median %v, want NaN and 5", s.SD, s.Median)
		}
	})
}

func BenchmarkDescribe10M(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	x := make([]float64, 10_000_000)
	for i := range x {
		x[i] = 100 + 15*rng.NormFloat64()
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Describe(x); err != nil {
			b.Fatal(err)
		}
	}
}
