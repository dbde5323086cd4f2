// Package compliance evaluates SLTs over feed points: periods, calendars,
// exclusions, tiers, budgets, breaches, burn-rate alerts, composites and
// service credits. Every function is pure over its inputs (definitions, an
// evaluation time and a stream of points); docs/metrics.md states the rules.
package compliance

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period kinds.
const (
	Day     = "day"
	Week    = "week"
	Month   = "month"
	Quarter = "quarter"
	Year    = "year"
	Rolling = "rolling"
)

// PeriodSpec is an SLT's period: a calendar kind, or a rolling window of Days days.
type PeriodSpec struct {
	Kind string
	Days int // rolling only
}

// ParsePeriodSpec reads day, week, month, quarter, year or rolling:Nd ("" = month).
func ParsePeriodSpec(s string) (PeriodSpec, error) {
	switch s {
	case "":
		return PeriodSpec{Kind: Month}, nil
	case Day, Week, Month, Quarter, Year:
		return PeriodSpec{Kind: s}, nil
	}
	if n, ok := strings.CutPrefix(s, "rolling:"); ok {
		if d, ok := strings.CutSuffix(n, "d"); ok {
			if v, err := strconv.Atoi(d); err == nil && v > 0 && v <= 366 {
				return PeriodSpec{Kind: Rolling, Days: v}, nil
			}
		}
	}
	return PeriodSpec{}, fmt.Errorf("period %q is not day, week, month, quarter, year or rolling:Nd", s)
}

func (ps PeriodSpec) String() string {
	if ps.Kind == Rolling {
		return fmt.Sprintf("rolling:%dd", ps.Days)
	}
	return ps.Kind
}

// Nominal is the period's typical length, used to scale alert windows and to
// size error budgets for resolution warnings (month 30 days, quarter 91, year 365).
func (ps PeriodSpec) Nominal() time.Duration {
	d := 24 * time.Hour
	switch ps.Kind {
	case Week:
		return 7 * d
	case Month:
		return 30 * d
	case Quarter:
		return 91 * d
	case Year:
		return 365 * d
	case Rolling:
		return time.Duration(ps.Days) * d
	}
	return d
}

// Period is one evaluation period: [Start, End) in UTC, named by Key.
type Period struct {
	Key   string
	Start time.Time
	End   time.Time
}

// Of is the period containing t. Boundaries are the first instants of local
// dates in loc (see LocalDay): where the clock jumps over midnight a date
// starts when the clock resumes, and a date the zone skips has no period.
// A rolling period is the window of Days local days ending with t's day; its
// key is that end date.
func (ps PeriodSpec) Of(t time.Time, loc *time.Location) Period {
	n := LocalDay(t, loc)
	y, m, d := civilDate(n)
	first, next := n, n+1
	var key string
	switch ps.Kind {
	case Day:
		key = DayKey(n)
	case Week:
		wd := (int(civilWeekday(n)) + 6) % 7
		first, next = n-wd, n-wd+7
		iy, iw := utcDate(y, m, d).ISOWeek()
		key = fmt.Sprintf("%04d-W%02d", iy, iw)
	case Quarter:
		q := (int(m) - 1) / 3
		first, next = civil(y, time.Month(q*3+1), 1), civil(y, time.Month(q*3+4), 1)
		key = fmt.Sprintf("%04d-Q%d", y, q+1)
	case Year:
		first, next = civil(y, 1, 1), civil(y+1, 1, 1)
		key = fmt.Sprintf("%04d", y)
	case Rolling:
		first = n + 1 - ps.Days
		key = DayKey(n)
	default: // month
		first, next = civil(y, m, 1), civil(y, m+1, 1)
		key = fmt.Sprintf("%04d-%02d", y, m)
	}
	return Period{key, dayStart(first, loc), dayStart(next, loc)}
}

// Shift is the period k periods after p (before it when k < 0), in loc. For a
// rolling spec without Days the window length is read from p.
func (ps PeriodSpec) Shift(p Period, k int, loc *time.Location) Period {
	first := LocalDay(p.Start, loc)
	y, m, _ := civilDate(first)
	var n int
	switch ps.Kind {
	case Day:
		n = first + k
	case Rolling: // keyed by its last day
		last := LocalDay(p.End.Add(-time.Nanosecond), loc)
		if ps.Days <= 0 {
			ps.Days = last - first + 1
		}
		n = last + k
	case Week:
		n = first + 7*k
	case Quarter:
		n = civil(y, m+time.Month(3*k), 1)
	case Year:
		n = civil(y+k, 1, 1)
	default:
		n = civil(y, m+time.Month(k), 1)
	}
	return ps.Of(dayStart(n, loc), loc)
}

// KeyKind tells which period kind a key names: 2026 year, 2026-Q3 quarter,
// 2026-W07 week, 2026-10 month, 2026-10-05 day (or the end of a rolling window).
func KeyKind(key string) (string, bool) {
	switch {
	case len(key) == 4 && allDigits(key):
		return Year, true
	case len(key) == 7 && key[4] == '-' && key[5] == 'Q' && key[6] >= '1' && key[6] <= '4' && allDigits(key[:4]):
		return Quarter, true
	case len(key) == 8 && key[4] == '-' && key[5] == 'W' && allDigits(key[:4]+key[6:]):
		return Week, true
	case len(key) == 7 && key[4] == '-' && allDigits(key[:4]+key[5:]):
		return Month, true
	case len(key) == 10:
		if _, err := time.Parse(time.DateOnly, key); err == nil {
			return Day, true
		}
	}
	return "", false
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// ParseKey reads a period key (see KeyKind) as the period it names in loc.
func ParseKey(key string, loc *time.Location) (Period, error) {
	kind, ok := KeyKind(key)
	if !ok {
		return Period{}, &KeyError{Key: key}
	}
	y, _ := strconv.Atoi(key[:4])
	var n int // the first local date of the period
	switch kind {
	case Year:
		n = civil(y, 1, 1)
	case Quarter:
		n = civil(y, time.Month((int(key[6]-'0')-1)*3+1), 1)
	case Week:
		w, _ := strconv.Atoi(key[6:])
		if w < 1 || w > 53 {
			return Period{}, &KeyError{Key: key, Why: fmt.Sprintf("week %d is out of range (1..53)", w)}
		}
		jan4 := civil(y, 1, 4)
		n = jan4 - (int(civilWeekday(jan4))+6)%7 + (w-1)*7
	case Month:
		m, _ := strconv.Atoi(key[5:])
		if m < 1 || m > 12 {
			return Period{}, &KeyError{Key: key, Why: fmt.Sprintf("month %d is out of range (1..12)", m)}
		}
		n = civil(y, time.Month(m), 1)
	case Day:
		d, _ := time.Parse(time.DateOnly, key)
		n = civil(d.Date())
		if !dayStart(n+1, loc).After(dayStart(n, loc)) {
			return Period{}, fmt.Errorf("%s does not exist in %s: the clock skipped that date, so it has no period", key, loc)
		}
	}
	// a period is named by its first date that exists in loc
	for k := n; k < n+7; k++ {
		if s := dayStart(k, loc); dayStart(k+1, loc).After(s) {
			p := PeriodSpec{Kind: kind}.Of(s, loc)
			if p.Key != key {
				return Period{}, &KeyError{Key: key, Why: "no such " + kind + " (it would be " + p.Key + ")"}
			}
			return p, nil
		}
	}
	return Period{}, fmt.Errorf("%q has no day in %s", key, loc)
}

// civil numbers a local date: days since 1970-01-01.
func civil(y int, m time.Month, d int) int {
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// civilDate is the inverse of civil.
func civilDate(n int) (int, time.Month, int) {
	return time.Unix(int64(n)*86400, 0).UTC().Date()
}

// utcDate is a civil date as midnight UTC (for weekdays and ISO weeks).
func utcDate(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// civilWeekday is the weekday of local date n.
func civilWeekday(n int) time.Weekday { return time.Weekday((n%7 + 7 + 4) % 7) } // 1970-01-01 was a Thursday

// DayKey names local date n: 2026-10-05.
func DayKey(n int) string {
	y, m, d := civilDate(n)
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// wallOf is t's local clock reading in loc, held in a UTC time.
func wallOf(t time.Time, loc *time.Location) time.Time {
	_, off := t.In(loc).Zone()
	return t.UTC().Add(time.Duration(off) * time.Second)
}

// zoneReach bounds how far apart an instant and its clock reading can be:
// offsets lie within −12 h and +14 h, and no zone has jumped by more than a day.
const zoneReach = 26 * time.Hour

// FirstAt is the first instant whose local clock in loc reads w or later (w
// holds the wall-clock fields, in UTC). Where the clock jumps over w, that is
// the instant the clock resumes; where it reads w twice, the first time.
// time.Date leaves both cases open (in America/Santiago it puts 2026-09-06
// 00:00 at 23:00 on the 5th; in Pacific/Apia 2011-12-30 00:00 a day early).
func FirstAt(w time.Time, loc *time.Location) time.Time {
	t0 := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), loc)
	// Fast path: t0 shows w and no zone change lies within reach before it,
	// so no earlier instant can show w or later.
	if start, _ := t0.ZoneBounds(); wallOf(t0, loc).Equal(w) && (start.IsZero() || t0.Sub(start) >= zoneReach) {
		return t0.UTC()
	}
	// Walk the zone's segments from the earliest instant that could show w:
	// inside one segment the clock runs with the time, so the first instant
	// showing w or later is max(segment start, w − offset).
	t := w.Add(-zoneReach)
	for range 16 {
		_, off := t.In(loc).Zone()
		_, end := t.In(loc).ZoneBounds()
		c := w.Add(-time.Duration(off) * time.Second)
		if c.Before(t) {
			c = t
		}
		if end.IsZero() || c.Before(end) {
			return c.UTC()
		}
		t = end
	}
	return t0.UTC()
}

// dayStart is the first instant of local date n in loc (a skipped date starts
// where the next one does, so it is empty).
func dayStart(n int, loc *time.Location) time.Time {
	y, m, d := civilDate(n)
	return FirstAt(utcDate(y, m, d), loc)
}

// clockAt is the first instant of local date n whose clock reads min minutes
// after midnight or later; 24:00 is the start of the next date.
func clockAt(n, min int, loc *time.Location) time.Time {
	y, m, d := civilDate(n)
	return FirstAt(utcDate(y, m, d).Add(time.Duration(min)*time.Minute), loc)
}

// LocalDay is the local date (days since 1970-01-01) that t falls in: the
// date whose first instant is the last one at or before t. It is t's calendar
// date in loc except where the clock went back over midnight: the repeated
// hour then belongs to the date that had already begun.
func LocalDay(t time.Time, loc *time.Location) int {
	n := civil(t.In(loc).Date())
	for !t.Before(dayStart(n+1, loc)) {
		n++
	}
	return n
}

// dayIndex maps instants to local day numbers, caching the current day.
type dayIndex struct {
	loc        *time.Location
	start, end instant
	num        int
	ok         bool
}

func (di *dayIndex) of(t time.Time) int {
	if i := instantOf(t); di.ok && !i.before(di.start) && i.before(di.end) {
		return di.num
	}
	n := LocalDay(t, di.loc)
	di.start, di.end, di.num, di.ok = instantOf(dayStart(n, di.loc)), instantOf(dayStart(n+1, di.loc)), n, true
	return n
}

// instant is a time as Unix seconds and nanoseconds: the evaluation's hot
// path compares every point's time with a few fixed ones, and integers
// compare faster than time.Time (exact over every year, unlike UnixNano).
type instant struct {
	sec  int64
	nsec int64
}

func instantOf(t time.Time) instant { return instant{t.Unix(), int64(t.Nanosecond())} }

func (i instant) before(j instant) bool { return i.sec < j.sec || i.sec == j.sec && i.nsec < j.nsec }
