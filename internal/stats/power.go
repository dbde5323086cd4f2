package stats

import (
	"fmt"
	"math"
)

// Defaults for sample-size planning.
const (
	DefaultAlpha = 0.05
	DefaultPower = 0.80
)

// ARE is the asymptotic relative efficiency of the Mann–Whitney test to the
// t-test for normal data (3/π): the rank test needs n/ARE values per group.
const ARE = 3 / math.Pi

func zQuantiles(alpha, power float64) (float64, float64, error) {
	if !(alpha > 0 && alpha < 1) || !(power > 0 && power < 1) {
		return 0, 0, fmt.Errorf("%w: alpha %g, power %g", ErrParam, alpha, power)
	}
	return unitNormal.Quantile(1 - alpha/2), unitNormal.Quantile(power), nil
}

// SampleSizeMeans returns the minimum number per group to detect a
// standardised mean difference d (Cohen d) with a two-sided test at level
// alpha with the given power (normal approximation):
// n = ⌈2·((z(1−α/2) + z(power))/d)²⌉. d = 0.5, α = 0.05, power 0.8 → 63.
func SampleSizeMeans(d, alpha, power float64) (int, error) {
	za, zb, err := zQuantiles(alpha, power)
	if err != nil {
		return 0, err
	}
	d = math.Abs(d)
	if !(d > 0) || math.IsInf(d, 0) {
		return 0, fmt.Errorf("%w: effect size %g", ErrParam, d)
	}
	return int(math.Ceil(2 * math.Pow((za+zb)/d, 2))), nil
}

// SampleSizeProportions returns the minimum number per group to detect the
// difference between proportions p1 and p2 (two-sided, level alpha, given power):
// n = ⌈(z(1−α/2)·√(2p̄(1−p̄)) + z(power)·√(p₁(1−p₁) + p₂(1−p₂)))² / (p₁ − p₂)²⌉,
// p̄ = (p₁+p₂)/2 (Fleiss, without continuity correction).
func SampleSizeProportions(p1, p2, alpha, power float64) (int, error) {
	za, zb, err := zQuantiles(alpha, power)
	if err != nil {
		return 0, err
	}
	if !(p1 >= 0 && p1 <= 1 && p2 >= 0 && p2 <= 1) || p1 == p2 {
		return 0, fmt.Errorf("%w: proportions %g and %g", ErrParam, p1, p2)
	}
	pb := (p1 + p2) / 2
	num := za*math.Sqrt(2*pb*(1-pb)) + zb*math.Sqrt(p1*(1-p1)+p2*(1-p2))
	return int(math.Ceil(num * num / ((p1 - p2) * (p1 - p2)))), nil
}

// Enough compares the observed group sizes with the minimum per group and
// returns whether both reach it, and a verdict in plain words.
func Enough(n1, n2, minN int) (bool, string) {
	if n1 >= minN && n2 >= minN {
		return true, fmt.Sprintf("enough data: %d and %d values, %d per group needed", n1, n2, minN)
	}
	return false, fmt.Sprintf("not enough data yet: %d and %d values, %d per group needed", n1, n2, minN)
}
