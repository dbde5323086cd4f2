// Package daily reads an SLT or a feed as one value per local date: the
// series that improvement validation (before and after a change) and
// leading-indicator correlation compare. Dates are local dates of a zone
// (compliance.LocalDay: DST-correct, a date starts at its first instant), and
// only complete dates count.
package daily

import (
	"fmt"
	"math"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
)

// Value is one local date's value.
type Value struct {
	// Date is the local date, YYYY-MM-DD; Day its number (days since 1970-01-01).
	Date string `json:"date"`
	Day  int    `json:"-"`
	// Value is the day's attainment (a share), its statistic (an SLT that is
	// a statistic), or a feed's daily value (see Feed).
	Value float64 `json:"value"`
	// Good and Eligible are the units behind a share (0 otherwise).
	Good     float64 `json:"good,omitempty"`
	Eligible float64 `json:"eligible,omitempty"`
}

// Series is one value per complete local date with data, in date order.
type Series struct {
	// Name is "SLT NAME", "SLT NAME tier T" or "feed NAME".
	Name string `json:"name"`
	// Zone is the IANA zone the dates are read in.
	Zone string `json:"zone"`
	// Unit is "share" for attainments, else the feed's unit ("ms", "orders").
	Unit string `json:"unit"`
	// Measure says in words what a value is ("daily attainment", "daily mean").
	Measure string `json:"measure"`
	// HigherIsBetter: an SLT with op >= or >; a feed only when marked inverse.
	HigherIsBetter bool    `json:"higher_is_better"`
	Values         []Value `json:"values"`
	loc            *time.Location
}

// Loc is the series' zone.
func (s Series) Loc() *time.Location { return s.loc }

// ByDay indexes the values by day number.
func (s Series) ByDay() map[int]float64 {
	out := make(map[int]float64, len(s.Values))
	for _, v := range s.Values {
		out[v.Day] = v.Value
	}
	return out
}

// Start is the first instant of local date n in loc.
func Start(n int, loc *time.Location) time.Time {
	return compliance.FirstAt(time.Unix(int64(n)*86400, 0).UTC(), loc)
}

// ParseDate reads YYYY-MM-DD as a local date number.
func ParseDate(s string) (int, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a date (write YYYY-MM-DD)", s)
	}
	return int(t.Unix() / 86400), nil
}

// ZoneOf is an SLT's zone (UTC when it names none).
func ZoneOf(s *domain.SLT) (*time.Location, error) {
	loc, err := domain.LoadZone(s.Spec.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("SLT %s: %w", s.Name(), err)
	}
	return loc, nil
}

// SLT evaluates an SLT per local date of its own zone with the compliance
// engine (the same calendars, tiers, exclusions and indicator rules as its
// reports, with a day as the period): the attainment of each complete date
// with data, or the date's statistic. tier picks one tier of a tiered SLT;
// "" is the SLT's overall attainment (Σgood ÷ Σeligible over its tiers).
func SLT(ev *compliance.Evaluator, name, tier string) (Series, error) {
	ws := ev.In.Workspace
	s := ws.SLT(name)
	if s == nil {
		return Series{}, fmt.Errorf("SLT %q does not exist", name)
	}
	loc, err := ZoneOf(s)
	if err != nil {
		return Series{}, err
	}
	rows, err := ev.SLT(name, &compliance.PeriodSpec{Kind: compliance.Day})
	if err != nil {
		return Series{}, err
	}
	out := Series{Name: "SLT " + name, Zone: loc.String(), Unit: "share", Measure: "daily attainment", loc: loc}
	op := s.Spec.ObjectiveOp(s.Spec.Objective.Op)
	series := rows.Overall
	if tier != "" {
		found := false
		for i, sp := range rows.Plan.Specs {
			if sp.Tier == tier && i < len(rows.Tiers) {
				series, found = rows.Tiers[i], true
				op = sp.Objective.Op
			}
		}
		if !found {
			return Series{}, fmt.Errorf("SLT %s has no tier %q", name, tier)
		}
		out.Name += " tier " + tier
	}
	if !s.Spec.RatioLike() {
		out.Unit, out.Measure = compliance.Unit(ws, &s.Spec), "daily "+s.Spec.Indicator.Statistic
	}
	out.HigherIsBetter = op == ">=" || op == ">"
	for _, r := range series {
		if !r.Complete || r.Attainment == nil || math.IsNaN(*r.Attainment) {
			continue
		}
		n := compliance.LocalDay(r.Start, loc)
		v := Value{Date: compliance.DayKey(n), Day: n, Value: *r.Attainment}
		if r.Good != nil {
			v.Good, v.Eligible = *r.Good, r.Eligible
		}
		out.Values = append(out.Values, v)
	}
	return out, nil
}

// Feed reads a feed per local date of loc: the mean of a value feed, the
// share of bad units of a counts or event feed, and the number of items
// opened of an item feed (0 on a date inside its span with none). Dates
// that end after in.At are left out (they are not complete).
func Feed(in compliance.Input, feed string, loc *time.Location) (Series, error) {
	f := in.Workspace.Feed(feed)
	if f == nil {
		return Series{}, fmt.Errorf("feed %q does not exist", feed)
	}
	days, err := FeedDays(in, feed, loc)
	if err != nil {
		return Series{}, err
	}
	out := Series{Name: "feed " + feed, Zone: loc.String(), Unit: f.Spec.Unit, loc: loc}
	switch f.Spec.Shape {
	case domain.ShapeValue:
		out.Measure = "daily mean"
	case domain.ShapeItem:
		out.Measure, out.Unit = "items opened a day", nonEmpty(f.Spec.Unit, "items")
	default:
		out.Measure, out.Unit = "daily share of bad units", "share"
	}
	lo, hi := math.MaxInt, math.MinInt
	for n := range days {
		lo, hi = min(lo, n), max(hi, n)
	}
	for n := lo; n <= hi; n++ {
		v, ok := days[n]
		if !ok || Start(n+1, loc).After(in.At) {
			continue
		}
		out.Values = append(out.Values, Value{Date: compliance.DayKey(n), Day: n, Value: v})
	}
	return out, nil
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// FeedDays is Feed's rule as a map from local date number to value,
// including the date still running at in.At (the prediction engine reads
// the days before a decision point from it).
func FeedDays(in compliance.Input, feed string, loc *time.Location) (map[int]float64, error) {
	f := in.Workspace.Feed(feed)
	if f == nil {
		return nil, fmt.Errorf("feed %q does not exist", feed)
	}
	type agg struct{ sum, n float64 }
	acc := map[int]*agg{}
	var di struct {
		start, end time.Time
		n          int
	}
	dayOf := func(t time.Time) int {
		if t.Before(di.start) || !t.Before(di.end) {
			di.n = compliance.LocalDay(t, loc)
			di.start, di.end = Start(di.n, loc), Start(di.n+1, loc)
		}
		return di.n
	}
	to := in.At
	if f.Spec.Shape == domain.ShapeItem {
		// an item is stored at its resolution: one opened before in.At may
		// be resolved after it, and was opened all the same
		to = in.At.AddDate(20, 0, 0)
	}
	err := in.Source(feed, time.Unix(0, 0).UTC(), to, func(p domain.Point) error {
		at := p.At
		if f.Spec.Shape == domain.ShapeItem {
			if !p.Opened.Before(in.At) {
				return nil
			}
			at = p.Opened
		}
		k := dayOf(at)
		a := acc[k]
		if a == nil {
			a = &agg{}
			acc[k] = a
		}
		switch f.Spec.Shape {
		case domain.ShapeValue:
			a.sum += p.Value
			a.n++
		case domain.ShapeItem:
			a.sum++
			a.n = 1
		default:
			total := p.Total
			if total == 0 {
				total = max(p.Good, 1)
			}
			a.sum += total - min(max(p.Good, 0), total)
			a.n += total
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("feed %s: %w", feed, err)
	}
	out := make(map[int]float64, len(acc))
	lo, hi := math.MaxInt, math.MinInt
	for k, a := range acc {
		if a.n > 0 {
			out[k] = a.sum / a.n
		}
		lo, hi = min(lo, k), max(hi, k)
	}
	if f.Spec.Shape == domain.ShapeItem {
		for k := lo; k <= hi; k++ {
			if _, ok := out[k]; !ok {
				out[k] = 0 // no item opened that day
			}
		}
	}
	return out, nil
}
