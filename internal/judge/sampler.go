package judge

import (
	"maps"
	"slices"
	"time"

	"slate/internal/analysis"
	"slate/internal/compliance"
	"slate/internal/domain"
)

// Sampler turns the feed's raw points into hourly samples for seasonality:
// per clock hour, the share of good units (ratio, threshold, availability
// probes, duration items by the hour they opened) weighted by the units, or
// the mean value (statistic SLTs) weighted by the count. Points outside the
// tier's calendar or inside exclusions are left out, as the evaluation does.
// It reads points, not availability slices, so a probe counts once.
type Sampler struct {
	spec  compliance.EvalSpec
	cal   bool // filter by the spec's calendar
	kind  string
	hours []hourAcc
	items map[string]hourItem
	// Points come in time order, so calendar and exclusion lookups walk
	// forward through interval lists instead of searching for every point
	// (a calendar lookup per point was half the cost of an analysis).
	business, excluded cursor
	chunkEnd           time.Time
	// the zone offset in force over [zoneStart, zoneEnd), for local hours
	offset             int
	zoneStart, zoneEnd time.Time
}

// cursor answers "is t inside the set" for non-decreasing t in amortised O(1).
type cursor struct {
	set  compliance.IntervalSet
	i    int
	last time.Time
}

func (c *cursor) contains(t time.Time) bool {
	if t.Before(c.last) {
		return c.set.Contains(t) // out of order: search
	}
	c.last = t
	for c.i < len(c.set) && !c.set[c.i].End.After(t) {
		c.i++
	}
	return c.i < len(c.set) && !t.Before(c.set[c.i].Start)
}

// inBusiness reports whether t is business time of the tier's calendar,
// computing the calendar's intervals a month at a time.
func (s *Sampler) inBusiness(t time.Time) bool {
	if !s.cal || s.spec.Calendar == nil {
		return true
	}
	if t.Before(s.business.last) {
		return s.spec.Calendar.Contains(t)
	}
	if !t.Before(s.chunkEnd) {
		s.chunkEnd = t.AddDate(0, 1, 0)
		s.business = cursor{set: s.spec.Calendar.Intervals(t, s.chunkEnd)}
	}
	return s.business.contains(t)
}

type hourAcc struct {
	hour      int64     // local clock hours since 1970-01-01 00:00 local
	start     time.Time // the instant the hour began
	sum, wsum float64
}

type hourItem struct {
	opened time.Time
	good   bool
}

func NewSampler(spec compliance.EvalSpec, overall bool) *Sampler {
	return &Sampler{spec: spec, cal: !overall, kind: spec.Indicator.Kind, items: map[string]hourItem{},
		excluded: cursor{set: spec.Exclusions}}
}

// Read samples the feed's points behind the periods in [from, to) (items:
// every item, since one opened long ago may be resolved inside).
func (s *Sampler) Read(in compliance.Input, feed string, from, to time.Time) error {
	if s.kind == domain.IndicatorDuration {
		from, to = time.Time{}, in.At.AddDate(20, 0, 0)
	}
	if lim := in.At.AddDate(20, 0, 0); to.After(lim) {
		to = lim
	}
	return in.Source(feed, from, to, func(p domain.Point) error {
		s.Add(&p)
		return nil
	})
}

// Add counts one point (points come in time order).
func (s *Sampler) Add(p *domain.Point) {
	in := &s.spec.Indicator
	switch s.kind {
	case domain.IndicatorDuration:
		if p.Opened.IsZero() || p.Resolved.IsZero() || !p.Resolved.Before(s.spec.At) {
			return
		}
		if s.cal && s.spec.Owns != nil && !s.spec.Owns(p.Opened) {
			return
		}
		el := compliance.Elapsed(s.spec.Calendar, s.spec.Exclusions, p.Opened, p.Resolved, p.Paused)
		s.items[p.ItemID+"\x00"+p.Opened.String()] = hourItem{p.Opened, el <= in.Goal.D()}
		return
	}
	if !p.At.Before(s.spec.At) || s.excluded.contains(p.At) || !s.inBusiness(p.At) {
		return
	}
	v, w := 0.0, 1.0
	switch s.kind {
	case domain.IndicatorStatistic:
		v = p.Value
	case domain.IndicatorAvailability:
		if s.spec.ProbeUp(p) {
			v = 1
		}
	case domain.IndicatorThreshold:
		v, _ = s.spec.RowUnits(p)
	default: // ratio
		good, bad := s.spec.RowUnits(p)
		if good+bad <= 0 {
			return
		}
		v, w = good, good+bad
	}
	s.put(p.At, v, w)
}

// put adds sum (a value, good units) with weight w (1, or the units) to t's
// local clock hour in the SLT's zone (Asia/Kolkata's hours start at :30 UTC).
// Calls come in time order, so only the last hour can be open.
func (s *Sampler) put(t time.Time, sum, w float64) {
	if t.Before(s.zoneStart) || !t.Before(s.zoneEnd) {
		lt := t.In(s.spec.Loc)
		_, s.offset = lt.Zone()
		s.zoneStart, s.zoneEnd = lt.ZoneBounds()
		if s.zoneStart.IsZero() {
			s.zoneStart = time.Unix(-1<<40, 0)
		}
		if s.zoneEnd.IsZero() {
			s.zoneEnd = time.Unix(1<<40, 0)
		}
	}
	off := int64(s.offset)
	h := (t.Unix() + off) / 3600
	if t.Unix()+off < 0 && (t.Unix()+off)%3600 != 0 {
		h--
	}
	if n := len(s.hours); n == 0 || s.hours[n-1].hour != h {
		s.hours = append(s.hours, hourAcc{hour: h, start: time.Unix(h*3600-off, 0).UTC()})
	}
	a := &s.hours[len(s.hours)-1]
	a.sum += sum
	a.wsum += w
}

// Samples returns the hourly samples in [from, to), one per local clock hour.
func (s *Sampler) Samples(from, to time.Time) []analysis.Sample {
	items := slices.SortedFunc(maps.Values(s.items), func(a, b hourItem) int { return a.opened.Compare(b.opened) })
	for _, it := range items {
		g := 0.0
		if it.good {
			g = 1
		}
		s.put(it.opened, g, 1)
	}
	clear(s.items)
	var out []analysis.Sample
	for _, a := range s.hours {
		t := a.start
		if t.Before(from) || !t.Before(to) || a.wsum == 0 {
			continue
		}
		out = append(out, analysis.Sample{At: t, Value: a.sum / a.wsum, Weight: a.wsum})
	}
	return out
}
