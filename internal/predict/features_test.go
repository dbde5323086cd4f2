package predict

import (
	"math"
	"testing"
)

func TestStressHandWorked(t *testing.T) {
	share := Target{Op: ">=", Target: 0.99}
	cases := []struct {
		name string
		t    Target
		att  float64
		want float64
	}{
		// 2% bad against a 1% budget burns it twice as fast.
		{"share", share, 0.98, 2},
		{"share met", share, 0.995, 0.5},
		// A mean of 900 ms against ≤ 450 ms; a throughput of 50 against ≥ 100.
		{"statistic ≤", Target{Statistic: true, Op: "<=", Target: 450}, 900, 2},
		{"statistic ≥", Target{Statistic: true, Op: ">=", Target: 100}, 50, 2},
		// A 100% target has no budget: any bad unit is the highest stress.
		{"no budget", Target{Op: ">=", Target: 1}, 0.9999, 64},
	}
	for _, c := range cases {
		if got := stressOf(c.t, c.att); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: stress %v, want %v", c.name, got, c.want)
		}
	}
	if got := logStress(1000); got != 6 {
		t.Errorf("log stress is clamped at 6, got %v", got)
	}
	// Half the period gone at 1.5× the budget rate leaves (1 − 0.75)/0.5 =
	// 0.5 of the rate for the rest; at the recent rate 1 that is 2× too much.
	if got := headroom(0.5, 1.5, 1); math.Abs(got-(-1)) > 1e-12 {
		t.Errorf("headroom %v, want −1", got)
	}
	if got := headroom(0.8, 1.3, 0.1); got != -8 {
		t.Errorf("spent budget: headroom %v, want −8", got)
	}
}
