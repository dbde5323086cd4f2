package compliance

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"slate/internal/stats"
)

// Statistic computes mean, median, min, max or pNN of vals (vals is not
// changed), by internal/stats' one definition (docs/metrics.md): pNN
// interpolates linearly between closest ranks at position (n-1)·p, like
// Excel PERCENTILE.INC and numpy's default, found by selection rather than
// a sort; the mean is two-pass.
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
		return stats.Mean(vals), nil
	case "min":
		return slices.Min(vals), nil
	case "max":
		return slices.Max(vals), nil
	case "median":
		return quantile(vals, 0.5, owned), nil
	}
	if p, ok := strings.CutPrefix(name, "p"); ok {
		v, err := strconv.ParseFloat(p, 64)
		if err == nil && v >= 0 && v <= 100 {
			return quantile(vals, v/100, owned), nil
		}
	}
	return math.NaN(), fmt.Errorf("unknown statistic %q (mean, median, min, max or pNN)", name)
}

func quantile(vals []float64, p float64, owned bool) float64 {
	quantiles := stats.Quantiles
	if owned {
		quantiles = stats.QuantilesInPlace
	}
	q, err := quantiles(vals, p)
	if err != nil {
		return math.NaN()
	}
	return q[0]
}
