// Package calibrate checks that a feed measures what its reference feed says
// happened: a synthetic probe against production transaction logs, a
// monitoring tool's availability against the order log. It aligns the two
// series by time bucket, then reports bias, mean absolute error, Bland–Altman
// limits of agreement, Lin's concordance, agreement on good/bad at each SLT's
// threshold (confusion matrix and Cohen's kappa), how each SLT's attainment
// would differ if computed from the reference, and drift of the bias over time.
//
// Align and Compare are pure; Feed reads a workspace through the compliance
// engine's Input. The formulas are in docs/statistics.md ("Calibration").
package calibrate

import (
	"math"
	"sort"
	"time"

	"slate/internal/domain"
)

// Pair is one bucket in which both feeds have data.
type Pair struct {
	// Start is the start of the feed's bucket; RefStart that of the reference
	// bucket paired with it (the same unless the tolerance allowed a neighbour).
	Start     time.Time `json:"start"`
	RefStart  time.Time `json:"ref_start"`
	Feed      float64   `json:"feed"`
	Reference float64   `json:"reference"`
}

// Alignment is the outcome of pairing two series.
type Alignment struct {
	Pairs []Pair `json:"-"`
	// FeedBuckets and RefBuckets count the buckets with data in each feed;
	// Unpaired* those left without a partner.
	FeedBuckets  int `json:"feed_buckets"`
	RefBuckets   int `json:"reference_buckets"`
	UnpairedFeed int `json:"unpaired_feed_buckets"`
	UnpairedRef  int `json:"unpaired_reference_buckets"`
	// Neighbours counts pairs made across buckets (within the tolerance).
	Neighbours int `json:"neighbour_pairs"`
}

type bucket struct {
	k         int64
	sum, good float64
	n         float64
}

// buckets reduces points to one value per bucket of width w (aligned to the
// Unix epoch): the mean value for value feeds, the share of good units
// (Σgood/Σtotal) for counts and event feeds.
func buckets(shape string, pts []domain.Point, w time.Duration) []bucket {
	ws := int64(w / time.Second)
	var out []bucket
	idx := map[int64]int{}
	for _, p := range pts {
		k := floorDiv(p.At.Unix(), ws)
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, bucket{k: k})
		}
		b := &out[i]
		if shape == domain.ShapeValue {
			if math.IsNaN(p.Value) || math.IsInf(p.Value, 0) {
				continue
			}
			b.sum += p.Value
			b.n++
			continue
		}
		total := p.Total
		if total == 0 && p.Good > 0 {
			total = p.Good // an event without a total is one good unit (as the compliance engine reads it)
		}
		if shape == domain.ShapeEvent && total == 0 {
			total = 1
		}
		b.good += min(max(p.Good, 0), total)
		b.n += total
	}
	keep := out[:0]
	for _, b := range out {
		if b.n > 0 {
			keep = append(keep, b)
		}
	}
	sort.Slice(keep, func(i, j int) bool { return keep[i].k < keep[j].k })
	return keep
}

func (b bucket) value(shape string) float64 {
	if shape == domain.ShapeValue {
		return b.sum / b.n
	}
	return b.good / b.n
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// Align pairs the feed's buckets with the reference's. Both are cut into
// buckets of width bucketW aligned to the Unix epoch (whole hours for 1h, as
// availability slices are). A feed bucket is paired with the reference bucket
// that starts at the same instant; when that has no data, with the nearest
// unused reference bucket whose start lies within tolerance (the earlier on a
// tie). Exact pairs are made first, so a neighbour never takes a bucket's own
// partner. Item feeds are not time series and are not aligned.
func Align(shape string, feed, ref []domain.Point, bucketW, tolerance time.Duration) Alignment {
	if bucketW < time.Second {
		bucketW = time.Second
	}
	fb, rb := buckets(shape, feed, bucketW), buckets(shape, ref, bucketW)
	a := Alignment{FeedBuckets: len(fb), RefBuckets: len(rb)}
	rIdx := make(map[int64]int, len(rb))
	for i, b := range rb {
		rIdx[b.k] = i
	}
	used := make([]bool, len(rb))
	match := make([]int, len(fb))
	for i, b := range fb {
		match[i] = -1
		if j, ok := rIdx[b.k]; ok {
			match[i], used[j] = j, true
		}
	}
	reach := int64(tolerance / bucketW)
	for i, b := range fb {
		if match[i] >= 0 {
			continue
		}
		for step := int64(1); step <= reach && match[i] < 0; step++ {
			for _, k := range []int64{b.k - step, b.k + step} {
				if j, ok := rIdx[k]; ok && !used[j] {
					match[i], used[j] = j, true
					a.Neighbours++
					break
				}
			}
		}
	}
	ws := int64(bucketW / time.Second)
	for i, b := range fb {
		j := match[i]
		if j < 0 {
			a.UnpairedFeed++
			continue
		}
		a.Pairs = append(a.Pairs, Pair{
			Start: time.Unix(b.k*ws, 0).UTC(), RefStart: time.Unix(rb[j].k*ws, 0).UTC(),
			Feed: b.value(shape), Reference: rb[j].value(shape),
		})
	}
	for _, u := range used {
		if !u {
			a.UnpairedRef++
		}
	}
	return a
}
