package analysis

import (
	"fmt"
	"math"
	"time"

	"gonum.org/v1/gonum/mathext"

	"slate/internal/stats"
)

var weekdayLabels = []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

// seasonality computes hour-of-day and day-of-week indices from the samples
// in the SLT's zone. Indices are weighted (an hour's attainment counts by its
// eligible units, so a quiet hour with one failed unit does not dominate);
// the analysis of variance treats each sample as one observation.
func seasonality(in Input) (*Seasonality, error) {
	var ss []Sample
	for _, s := range in.Samples {
		if !math.IsNaN(s.Value) && !math.IsInf(s.Value, 0) && s.Weight >= 0 {
			ss = append(ss, s)
		}
	}
	if len(ss) == 0 {
		return nil, stats.ErrEmpty
	}
	hours := make([]string, 24)
	for h := range hours {
		hours[h] = fmt.Sprintf("%02d", h)
	}
	return &Seasonality{
		Samples: len(ss),
		HourOfDay: seasonIndex(in, ss, hours, func(t time.Time) int {
			return t.In(in.Location).Hour()
		}),
		DayOfWeek: seasonIndex(in, ss, weekdayLabels, func(t time.Time) int {
			return (int(t.In(in.Location).Weekday()) + 6) % 7 // Monday first
		}),
	}, nil
}

func seasonIndex(in Input, ss []Sample, labels []string, group func(time.Time) int) *SeasonIndex {
	k := len(labels)
	si := &SeasonIndex{Labels: labels, Index: make([]float64, k), Weight: make([]float64, k)}
	g := make([]int, len(ss))
	w := make([]float64, len(ss))
	// Two passes (weighted mean first, then deviations from it) keep
	// precision for values near 1 such as 0.9995.
	var wsum, sum float64
	for i, s := range ss {
		g[i] = group(s.At)
		w[i] = s.Weight
		if w[i] == 0 {
			w[i] = 1
		}
		wsum += w[i]
		sum += w[i] * s.Value
	}
	mean := sum / wsum
	var corr float64
	for i, s := range ss {
		corr += w[i] * (s.Value - mean)
	}
	mean += corr / wsum
	si.Mean = mean
	dev := make([]float64, k)
	for i, s := range ss {
		dev[g[i]] += w[i] * (s.Value - mean)
		si.Weight[g[i]] += w[i]
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for j := range dev {
		if si.Weight[j] == 0 {
			continue
		}
		si.Index[j] = dev[j] / si.Weight[j]
		if si.Index[j] < lo {
			lo = si.Index[j]
		}
		if si.Index[j] > hi {
			hi = si.Index[j]
		}
	}
	si.Amplitude = hi - lo
	best, worst := -1, -1
	for j := range si.Index {
		if si.Weight[j] == 0 {
			continue
		}
		better := func(a, b float64) bool {
			if lowerBetter(in.Op) {
				return a < b
			}
			return a > b
		}
		if best < 0 || better(si.Index[j], si.Index[best]) {
			best = j
		}
		if worst < 0 || better(si.Index[worst], si.Index[j]) {
			worst = j
		}
	}
	si.Best, si.Worst = labels[best], labels[worst]
	si.F, si.P = anova(ss, g, k)
	return si
}

// anova is the unweighted one-way analysis of variance of the sample values
// across the groups: F = (SSB/(k−1)) / (SSW/(N−k)) with k the non-empty groups.
func anova(ss []Sample, g []int, groups int) (*float64, *float64) {
	n := make([]float64, groups)
	sum := make([]float64, groups)
	var total float64
	for i, s := range ss {
		n[g[i]]++
		sum[g[i]] += s.Value
		total += s.Value
	}
	N := float64(len(ss))
	grand := total / N
	means := make([]float64, groups)
	k := 0
	var ssb float64
	for j := range n {
		if n[j] > 0 {
			k++
			means[j] = sum[j] / n[j]
			ssb += n[j] * (means[j] - grand) * (means[j] - grand)
		}
	}
	var ssw float64
	for i, s := range ss {
		d := s.Value - means[g[i]]
		ssw += d * d
	}
	if k < 2 || N-float64(k) < 1 || !(ssw > 0) {
		return nil, nil
	}
	df1, df2 := float64(k-1), N-float64(k)
	f := (ssb / df1) / (ssw / df2)
	// P(F > f) = I_x(df2/2, df1/2) with x = df2/(df2 + df1·f): the
	// incomplete beta keeps tiny p-values that 1 − CDF rounds to 0.
	p := mathext.RegIncBeta(df2/2, df1/2, df2/(df2+df1*f))
	return &f, &p
}
