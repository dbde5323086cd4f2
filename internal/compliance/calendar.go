package compliance

import (
	"fmt"
	"time"

	"slate/internal/domain"
)

// Calendar is compiled business time: weekly hours and holidays in a zone.
// A nil *Calendar is 24x7: every instant is in scope.
type Calendar struct {
	Name     string
	loc      *time.Location
	week     [7][]domain.MinuteRange // by time.Weekday
	holidays map[int]bool            // civil day numbers in loc
}

// CompileCalendar checks and compiles a calendar definition.
func CompileCalendar(c *domain.Calendar) (*Calendar, error) {
	if c == nil {
		return nil, nil
	}
	loc, err := domain.LoadZone(c.Spec.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("calendar %s: %w", c.Name(), err)
	}
	cal := &Calendar{Name: c.Name(), loc: loc, holidays: map[int]bool{}}
	for _, wd := range domain.Weekdays {
		for _, r := range c.Spec.Hours.Day(wd) {
			mr, err := domain.ParseRange(r)
			if err != nil {
				return nil, fmt.Errorf("calendar %s: %s: %w", c.Name(), domain.WeekdayKey(wd), err)
			}
			cal.week[wd] = append(cal.week[wd], mr)
		}
	}
	for _, h := range c.Spec.Holidays {
		d, err := time.Parse(time.DateOnly, h.Date)
		if err != nil {
			return nil, fmt.Errorf("calendar %s: holiday %q is not a date", c.Name(), h.Date)
		}
		cal.holidays[civil(d.Date())] = true
	}
	return cal, nil
}

// Zone is the calendar's time zone (UTC for 24x7).
func (c *Calendar) Zone() *time.Location {
	if c == nil {
		return time.UTC
	}
	return c.loc
}

// Day lists the open intervals of local day n (none on holidays). Clock times are
// local: on a DST change day 09:00-17:00 is still eight wall-clock hours, and a
// range crossing the change is shorter or longer in real time. A range starts
// and ends at the first instant its clock time is reached (FirstAt): 00:00 and
// 24:00 are where the date starts and the next one starts, even when the clock
// never shows them; a date the zone skips has no business time.
func (c *Calendar) Day(n int) []Interval {
	if c.holidays[n] {
		return nil
	}
	var out []Interval
	for _, r := range c.week[civilWeekday(n)] {
		s, e := clockAt(n, r.From, c.loc), clockAt(n, r.To, c.loc)
		if e.After(s) {
			out = append(out, Interval{s, e})
		}
	}
	return out
}

// Contains reports whether t is business time.
func (c *Calendar) Contains(t time.Time) bool {
	if c == nil {
		return true
	}
	for _, iv := range c.Day(LocalDay(t, c.loc)) {
		if !t.Before(iv.Start) && t.Before(iv.End) {
			return true
		}
	}
	return false
}

// Intervals lists business time inside [from, to).
func (c *Calendar) Intervals(from, to time.Time) IntervalSet {
	if !to.After(from) {
		return nil
	}
	if c == nil {
		return IntervalSet{{from.UTC(), to.UTC()}}
	}
	var out []Interval
	for n := LocalDay(from, c.loc); ; n++ {
		if !dayStart(n, c.loc).Before(to) {
			break
		}
		for _, iv := range c.Day(n) {
			s, e := maxTime(iv.Start, from), minTime(iv.End, to)
			if e.After(s) {
				out = append(out, Interval{s.UTC(), e.UTC()})
			}
		}
	}
	return NewIntervalSet(out)
}

// Business is the business time in [from, to), minus the part covered by excl.
func (c *Calendar) Business(from, to time.Time, excl IntervalSet) time.Duration {
	var d time.Duration
	for _, iv := range c.Intervals(from, to) {
		d += iv.End.Sub(iv.Start)
		if len(excl) > 0 {
			d -= excl.Overlap(iv.Start, iv.End)
		}
	}
	return d
}

// OpenShare is the share of a plain week (no holidays, no DST) that is business time.
func (c *Calendar) OpenShare() float64 {
	if c == nil {
		return 1
	}
	open := 0
	for _, rs := range c.week {
		for _, r := range rs {
			open += r.To - r.From
		}
	}
	return float64(open) / (7 * 24 * 60)
}

// calCursor answers Contains for a stream of instants, caching the current day.
type calCursor struct {
	c   *Calendar
	di  dayIndex
	ivs []Interval
	day int
	set bool
}

func newCalCursor(c *Calendar) *calCursor {
	cc := &calCursor{c: c}
	if c != nil {
		cc.di.loc = c.loc
	}
	return cc
}

func (cc *calCursor) contains(t time.Time) bool {
	if cc.c == nil {
		return true
	}
	n := cc.di.of(t)
	if !cc.set || n != cc.day {
		cc.ivs, cc.day, cc.set = cc.c.Day(n), n, true
	}
	for _, iv := range cc.ivs {
		if !t.Before(iv.Start) && t.Before(iv.End) {
			return true
		}
	}
	return false
}
