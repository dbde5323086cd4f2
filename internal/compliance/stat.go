package compliance

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Statistic computes mean, median, min, max or pNN of vals (vals is not changed).
// pNN interpolates linearly between closest ranks at position (n-1)·p, like
// Excel PERCENTILE.INC and numpy's default; the mean is two-pass.
func Statistic(name string, vals []float64) (float64, error) {
	if len(vals) == 0 {
		return math.NaN(), fmt.Errorf("no values")
	}
	switch name {
	case "mean":
		return mean(vals), nil
	case "min":
		return slices.Min(vals), nil
	case "max":
		return slices.Max(vals), nil
	case "median":
		return percentileOf(vals, 0.5), nil
	}
	if p, ok := strings.CutPrefix(name, "p"); ok {
		v, err := strconv.ParseFloat(p, 64)
		if err == nil && v >= 0 && v <= 100 {
			return percentileOf(vals, v/100), nil
		}
	}
	return math.NaN(), fmt.Errorf("unknown statistic %q (mean, median, min, max or pNN)", name)
}

func mean(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	m := s / float64(len(x))
	var c float64
	for _, v := range x {
		c += v - m
	}
	return m + c/float64(len(x))
}

func percentileOf(vals []float64, p float64) float64 {
	s := slices.Clone(vals)
	slices.Sort(s)
	return Percentile(s, p)
}

// Percentile of sorted values, p in [0, 1], PERCENTILE.INC interpolation.
func Percentile(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	pos := p * float64(n-1)
	lo := int(math.Floor(pos))
	if lo >= n-1 {
		return sorted[n-1]
	}
	frac := pos - float64(lo)
	return sorted[lo] + (sorted[lo+1]-sorted[lo])*frac
}
