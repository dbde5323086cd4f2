package compliance

import (
	"slices"
	"sort"
	"time"
)

// Interval is [Start, End).
type Interval struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// IntervalSet is a sorted list of disjoint intervals.
type IntervalSet []Interval

// NewIntervalSet sorts and merges ivs (overlapping or touching intervals join).
func NewIntervalSet(ivs []Interval) IntervalSet {
	s := make([]Interval, 0, len(ivs))
	for _, iv := range ivs {
		if iv.End.After(iv.Start) {
			s = append(s, Interval{iv.Start.UTC(), iv.End.UTC()})
		}
	}
	slices.SortFunc(s, func(a, b Interval) int { return a.Start.Compare(b.Start) })
	var out IntervalSet
	for _, iv := range s {
		if n := len(out); n > 0 && !iv.Start.After(out[n-1].End) {
			if iv.End.After(out[n-1].End) {
				out[n-1].End = iv.End
			}
			continue
		}
		out = append(out, iv)
	}
	return out
}

// Contains reports whether t lies in one of the intervals.
func (s IntervalSet) Contains(t time.Time) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i].End.After(t) })
	return i < len(s) && !t.Before(s[i].Start)
}

// Overlap is how much of [a, b) the set covers.
func (s IntervalSet) Overlap(a, b time.Time) time.Duration {
	var d time.Duration
	i := sort.Search(len(s), func(i int) bool { return s[i].End.After(a) })
	for ; i < len(s) && s[i].Start.Before(b); i++ {
		lo, hi := maxTime(a, s[i].Start), minTime(b, s[i].End)
		if hi.After(lo) {
			d += hi.Sub(lo)
		}
	}
	return d
}

// setCursor answers Contains quickly for non-decreasing instants.
type setCursor struct {
	s IntervalSet
	i int
}

func (c *setCursor) contains(t time.Time) bool {
	if len(c.s) == 0 {
		return false
	}
	if c.i > 0 && c.s[c.i-1].End.After(t) { // went back in time
		c.i = sort.Search(len(c.s), func(i int) bool { return c.s[i].End.After(t) })
	}
	for c.i < len(c.s) && !c.s[c.i].End.After(t) {
		c.i++
	}
	return c.i < len(c.s) && !t.Before(c.s[c.i].Start)
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
