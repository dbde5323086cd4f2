package stats

import (
	"fmt"
	"time"
)

// SeasonPeriod is the seasonal cycle used to group timestamps.
type SeasonPeriod int

// Seasonal cycles. Timestamps are grouped in their own location, so convert
// them with t.In(zone) first.
const (
	HourOfDay   SeasonPeriod = iota // 24 groups, 0..23
	DayOfWeek                       // 7 groups, Sunday = 0 (time.Weekday)
	MonthOfYear                     // 12 groups, January = 0
)

// SeasonModel is additive (value − index) or multiplicative (value / index).
type SeasonModel int

// Seasonal models.
const (
	Additive SeasonModel = iota
	Multiplicative
)

// Seasonality holds seasonal indices and the seasonally adjusted series.
type Seasonality struct {
	Period   SeasonPeriod
	Model    SeasonModel
	Mean     float64   // overall mean
	Index    []float64 // per group; 0 (additive) or 1 (multiplicative) for empty groups
	Counts   []int     // values per group
	Adjusted []float64 // value − index (additive) or value / index (multiplicative)
}

func (p SeasonPeriod) groups() int {
	switch p {
	case HourOfDay:
		return 24
	case DayOfWeek:
		return 7
	case MonthOfYear:
		return 12
	}
	return 0
}

func (p SeasonPeriod) group(t time.Time) int {
	switch p {
	case HourOfDay:
		return t.Hour()
	case DayOfWeek:
		return int(t.Weekday())
	}
	return int(t.Month()) - 1
}

// Seasonal computes seasonal indices: additive index = mean of the group −
// overall mean; multiplicative index = mean of the group / overall mean
// (the overall mean must then be non-zero). Groups without data get the
// neutral index. The adjusted series removes the index from every value.
func Seasonal(ts []time.Time, v []float64, p SeasonPeriod, m SeasonModel) (Seasonality, error) {
	if len(ts) != len(v) {
		return Seasonality{}, ErrLength
	}
	if len(v) == 0 {
		return Seasonality{}, ErrEmpty
	}
	k := p.groups()
	if k == 0 || (m != Additive && m != Multiplicative) {
		return Seasonality{}, fmt.Errorf("%w: season period %d / model %d", ErrParam, p, m)
	}
	mean := Mean(v)
	if m == Multiplicative && mean == 0 {
		return Seasonality{}, fmt.Errorf("%w: multiplicative seasonality needs a non-zero mean", ErrParam)
	}
	sums := make([]float64, k)
	s := Seasonality{Period: p, Model: m, Mean: mean, Index: make([]float64, k), Counts: make([]int, k)}
	for i, t := range ts {
		g := p.group(t)
		sums[g] += v[i] - mean // deviations keep precision for large offsets
		s.Counts[g]++
	}
	for g := range sums {
		dev := 0.0
		if s.Counts[g] > 0 {
			dev = sums[g] / float64(s.Counts[g])
		}
		if m == Additive {
			s.Index[g] = dev
		} else {
			s.Index[g] = (mean + dev) / mean
		}
	}
	s.Adjusted = make([]float64, len(v))
	for i, t := range ts {
		idx := s.Index[p.group(t)]
		if m == Additive {
			s.Adjusted[i] = v[i] - idx
		} else if idx != 0 {
			s.Adjusted[i] = v[i] / idx
		} else {
			s.Adjusted[i] = v[i]
		}
	}
	return s, nil
}
