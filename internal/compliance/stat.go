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
	return statistic(name, vals, false)
}

// statistic is Statistic; owned says vals may be reordered (no copy).
func statistic(name string, vals []float64, owned bool) (float64, error) {
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
		return percentileOf(vals, 0.5, owned), nil
	}
	if p, ok := strings.CutPrefix(name, "p"); ok {
		v, err := strconv.ParseFloat(p, 64)
		if err == nil && v >= 0 && v <= 100 {
			return percentileOf(vals, v/100, owned), nil
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

// percentileOf is Percentile of vals as if sorted (NaNs first, as
// slices.Sort puts them), found by selection in linear time: a period's p95
// no longer costs a sort of all its values. owned: vals may be reordered.
func percentileOf(vals []float64, p float64, owned bool) float64 {
	n := len(vals)
	if n == 0 {
		return math.NaN()
	}
	pos := p * float64(n-1)
	lo := int(math.Floor(pos))
	s := vals
	if !owned {
		s = slices.Clone(vals)
	}
	// NaNs first, then select among the numbers.
	nan := 0
	for i, v := range s {
		if v != v {
			s[i], s[nan] = s[nan], s[i]
			nan++
		}
	}
	nums := s[nan:]
	if lo >= n-1 {
		if len(nums) == 0 {
			return math.NaN()
		}
		return slices.Max(nums)
	}
	if lo < nan {
		return math.NaN() // sorted[lo] is NaN, and so is the interpolation
	}
	a := selectKth(nums, lo-nan)
	b := slices.Min(nums[lo-nan+1:])
	return a + (b-a)*(pos-float64(lo))
}

// selectKth moves the k-th smallest of s (no NaNs) to s[k], smaller ones
// before it and larger ones after it, and returns it (quickselect with a
// median-of-three pivot; a sort when the partitions stop shrinking).
func selectKth(s []float64, k int) float64 {
	lo, hi := 0, len(s)-1
	for budget := 2 * 64; hi > lo; budget-- {
		if hi-lo < 16 || budget == 0 {
			slices.Sort(s[lo : hi+1])
			break
		}
		m := lo + (hi-lo)/2
		if s[m] < s[lo] {
			s[m], s[lo] = s[lo], s[m]
		}
		if s[hi] < s[lo] {
			s[hi], s[lo] = s[lo], s[hi]
		}
		if s[hi] < s[m] {
			s[hi], s[m] = s[m], s[hi]
		}
		pivot := s[m]
		i, j := lo, hi
		for i <= j {
			for s[i] < pivot {
				i++
			}
			for s[j] > pivot {
				j--
			}
			if i <= j {
				s[i], s[j] = s[j], s[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return s[k]
		}
	}
	return s[k]
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
