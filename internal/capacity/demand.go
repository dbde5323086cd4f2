package capacity

import (
	"fmt"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
)

// Demand is the load a feed's stored data shows, for a capacity check.
type Demand struct {
	Feed  string    `json:"feed"`
	Shape string    `json:"shape"`
	Zone  string    `json:"time_zone"`
	From  time.Time `json:"from"`
	To    time.Time `json:"to"`
	// Arrivals counts the items opened (item feeds) or events (event feeds) in [From, To).
	Arrivals int `json:"arrivals"`
	// PeakPerHour is the busiest hour of the week on average: for each of
	// the 168 hours of a week (in the feed's zone), the arrivals in it divided
	// by how often that hour occurs in [From, To); the largest of these.
	PeakPerHour float64 `json:"peak_arrivals_per_hour"`
	PeakSlot    string  `json:"peak_slot"`
	// BusiestHour is the single clock hour with the most arrivals.
	BusiestHour      time.Time `json:"busiest_hour"`
	BusiestHourCount int       `json:"busiest_hour_arrivals"`
	// HandleTimeSeconds is the mean of resolved − opened − paused over the
	// items opened and resolved in [From, To) (item feeds only; nil for events,
	// which carry no durations). It includes any time an item waited, so it
	// is an upper bound of the work per item.
	HandleTimeSeconds *float64 `json:"handle_time_seconds"`
	Resolved          int      `json:"resolved"`
	Note              string   `json:"note"`
}

// FromFeed reads a feed's published data in [from, to) (zero from: from the
// start; zero to: up to at) and derives the peak arrivals per hour and the
// mean handle time.
func FromFeed(ws *domain.Workspace, src compliance.Source, feed string, from, to, at time.Time) (Demand, error) {
	f := ws.Feed(feed)
	if f == nil {
		var known []string
		for _, x := range ws.Feeds() {
			if x.Spec.Shape == domain.ShapeItem || x.Spec.Shape == domain.ShapeEvent {
				known = append(known, x.Name())
			}
		}
		return Demand{}, fmt.Errorf("feed %q does not exist (item and event feeds: %v)", feed, known)
	}
	if f.Spec.Shape != domain.ShapeItem && f.Spec.Shape != domain.ShapeEvent {
		return Demand{}, fmt.Errorf("feed %s has %s rows; arrivals come from item feeds (tickets, orders) or event feeds (one row per transaction)", feed, f.Spec.Shape)
	}
	loc, err := domain.LoadZone(f.Spec.TimeZone)
	if err != nil {
		return Demand{}, err
	}
	if to.IsZero() {
		to = at
	}
	if !from.IsZero() && !to.After(from) {
		return Demand{}, fmt.Errorf("the range ends (%s) before it starts (%s)", to.Format(time.RFC3339), from.Format(time.RFC3339))
	}
	d := Demand{Feed: feed, Shape: f.Spec.Shape, Zone: loc.String(), From: from, To: to}
	perHour := map[int64]int{}
	var first, last time.Time
	var handle float64
	scanTo := to
	if f.Spec.Shape == domain.ShapeItem {
		scanTo = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC) // items are stored at their resolution time
	}
	err = src(feed, from, scanTo, func(p domain.Point) error {
		arrived := p.At
		if f.Spec.Shape == domain.ShapeItem {
			arrived = p.Opened
		}
		if arrived.Before(from) || !arrived.Before(to) {
			return nil
		}
		d.Arrivals++
		perHour[arrived.Unix()/3600]++
		if first.IsZero() || arrived.Before(first) {
			first = arrived
		}
		if arrived.After(last) {
			last = arrived
		}
		if f.Spec.Shape == domain.ShapeItem && !p.Open() && p.Resolved.Before(to) {
			handle += p.Resolved.Sub(p.Opened).Seconds() - p.Paused
			d.Resolved++
		}
		return nil
	})
	if err != nil {
		return d, fmt.Errorf("feed %s: %w", feed, err)
	}
	if d.Arrivals == 0 {
		return d, fmt.Errorf("feed %s has no arrivals in the range; import its data first, or widen the range", feed)
	}
	if d.From.IsZero() {
		d.From = first.Truncate(time.Hour)
	}
	if to.After(last.Add(time.Hour)) && from.IsZero() {
		d.To = last.Truncate(time.Hour).Add(time.Hour)
	}
	// How often each hour of the week occurs in the range, and its arrivals.
	var occurs, arrivals [168]float64
	for h := d.From.Truncate(time.Hour); h.Before(d.To); h = h.Add(time.Hour) {
		occurs[slot(h, loc)]++
	}
	for hour, n := range perHour {
		t := time.Unix(hour*3600, 0)
		arrivals[slot(t, loc)] += float64(n)
		if n > d.BusiestHourCount || n == d.BusiestHourCount && t.Before(d.BusiestHour) {
			d.BusiestHour, d.BusiestHourCount = t.UTC(), n
		}
	}
	best := -1
	for i := range arrivals {
		if occurs[i] > 0 && (best < 0 || arrivals[i]/occurs[i] > arrivals[best]/occurs[best]) {
			best = i
		}
	}
	d.PeakPerHour = arrivals[best] / occurs[best]
	d.PeakSlot = fmt.Sprintf("%s %02d:00–%02d:00 (%s), over %g weeks", []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}[best/24], best%24, best%24+1, loc, occurs[best])
	if d.Resolved > 0 {
		h := handle / float64(d.Resolved)
		d.HandleTimeSeconds = &h
		d.Note = fmt.Sprintf("handle time: the mean time from opened to resolved, minus pauses, of %d items; it includes time items waited, so it overstates the work (give the handle time instead when you know it)", d.Resolved)
	} else if f.Spec.Shape == domain.ShapeEvent {
		d.Note = "an event feed has no durations: give the handle time"
	} else {
		d.Note = "no item was resolved in the range: give the handle time"
	}
	return d, nil
}

// slot is the hour of the week of t in loc, Monday 00:00 = 0.
func slot(t time.Time, loc *time.Location) int {
	l := t.In(loc)
	return (int(l.Weekday())+6)%7*24 + l.Hour()
}

// Fill sets what was not given (arrivals, handle time) from a feed's
// demand between from and to (zero: all data): its busiest hour of the
// week and its mean handle time.
func Fill(in *Input, ev compliance.Input, feed string, from, to time.Time, arrivals, handle bool) (Demand, error) {
	d, err := FromFeed(ev.Workspace, ev.Source, feed, from, to, ev.At)
	if err != nil {
		return d, err
	}
	if arrivals {
		in.ArrivalsPerHour = d.PeakPerHour
	}
	if handle {
		if d.HandleTimeSeconds == nil {
			return d, fmt.Errorf("feed %s gives no handle time (%s): give the handle time", feed, d.Note)
		}
		in.HandleTime = time.Duration(*d.HandleTimeSeconds * float64(time.Second)).Round(time.Millisecond)
	}
	return d, nil
}
