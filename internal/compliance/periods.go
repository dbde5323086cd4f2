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

func date(y int, m time.Month, d int, loc *time.Location) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// Of is the period containing t, with boundaries at local midnight in loc.
// A rolling period is the window of Days local days ending with t's day; its key
// is that end date.
func (ps PeriodSpec) Of(t time.Time, loc *time.Location) Period {
	l := t.In(loc)
	y, m, d := l.Date()
	var p Period
	switch ps.Kind {
	case Day:
		p = Period{l.Format(time.DateOnly), date(y, m, d, loc), date(y, m, d+1, loc)}
	case Week:
		wd := (int(l.Weekday()) + 6) % 7
		iy, iw := l.ISOWeek()
		p = Period{fmt.Sprintf("%04d-W%02d", iy, iw), date(y, m, d-wd, loc), date(y, m, d-wd+7, loc)}
	case Quarter:
		q := (int(m) - 1) / 3
		p = Period{fmt.Sprintf("%04d-Q%d", y, q+1), date(y, time.Month(q*3+1), 1, loc), date(y, time.Month(q*3+4), 1, loc)}
	case Year:
		p = Period{fmt.Sprintf("%04d", y), date(y, 1, 1, loc), date(y+1, 1, 1, loc)}
	case Rolling:
		p = Period{l.Format(time.DateOnly), date(y, m, d+1-ps.Days, loc), date(y, m, d+1, loc)}
	default: // month
		p = Period{fmt.Sprintf("%04d-%02d", y, m), date(y, m, 1, loc), date(y, m+1, 1, loc)}
	}
	p.Start, p.End = p.Start.UTC(), p.End.UTC()
	return p
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
	var t time.Time
	switch kind {
	case Year:
		t = date(y, 1, 1, loc)
	case Quarter:
		t = date(y, time.Month((int(key[6]-'0')-1)*3+1), 1, loc)
	case Week:
		w, _ := strconv.Atoi(key[6:])
		if w < 1 || w > 53 {
			return Period{}, &KeyError{Key: key, Why: fmt.Sprintf("week %d is out of range (1..53)", w)}
		}
		jan4 := date(y, 1, 4, loc)
		wd := (int(jan4.Weekday()) + 6) % 7
		t = date(y, 1, 4-wd+(w-1)*7, loc)
	case Month:
		m, _ := strconv.Atoi(key[5:])
		if m < 1 || m > 12 {
			return Period{}, &KeyError{Key: key, Why: fmt.Sprintf("month %d is out of range (1..12)", m)}
		}
		t = date(y, time.Month(m), 1, loc)
	case Day:
		d, _ := time.Parse(time.DateOnly, key)
		t = date(d.Year(), d.Month(), d.Day(), loc)
	}
	p := PeriodSpec{Kind: kind}.Of(t, loc)
	if p.Key != key {
		return Period{}, &KeyError{Key: key, Why: "no such " + kind + " (it would be " + p.Key + ")"}
	}
	return p, nil
}

// civil numbers a local date: days since 1970-01-01.
func civil(y int, m time.Month, d int) int {
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// civilDate is the inverse of civil.
func civilDate(n int) (int, time.Month, int) {
	return time.Unix(int64(n)*86400, 0).UTC().Date()
}

// dayStart is the first instant of local day n in loc.
func dayStart(n int, loc *time.Location) time.Time {
	y, m, d := civilDate(n)
	return date(y, m, d, loc)
}

// dayIndex maps instants to local day numbers, caching the current day.
type dayIndex struct {
	loc        *time.Location
	start, end time.Time
	num        int
	ok         bool
}

func (di *dayIndex) of(t time.Time) int {
	if di.ok && !t.Before(di.start) && t.Before(di.end) {
		return di.num
	}
	y, m, d := t.In(di.loc).Date()
	di.start, di.end, di.num, di.ok = date(y, m, d, di.loc), date(y, m, d+1, di.loc), civil(y, m, d), true
	return di.num
}
