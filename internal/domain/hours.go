package domain

import (
	"fmt"
	"strings"
	"time"
)

// Weekdays in calendar order, Monday first.
var Weekdays = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

var weekdayKeys = map[time.Weekday]string{
	time.Monday: "mon", time.Tuesday: "tue", time.Wednesday: "wed", time.Thursday: "thu",
	time.Friday: "fri", time.Saturday: "sat", time.Sunday: "sun",
}

// WeekdayKey is the three-letter key of a weekday ("mon").
func WeekdayKey(d time.Weekday) string { return weekdayKeys[d] }

// ParseWeekday reads "mon".."sun" (any case, or the full English name).
func ParseWeekday(s string) (time.Weekday, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for d, k := range weekdayKeys {
		if s == k || s == strings.ToLower(d.String()) {
			return d, true
		}
	}
	return 0, false
}

// Day returns the ranges of one weekday.
func (h *WeeklyHours) Day(d time.Weekday) []string {
	switch d {
	case time.Monday:
		return h.Mon
	case time.Tuesday:
		return h.Tue
	case time.Wednesday:
		return h.Wed
	case time.Thursday:
		return h.Thu
	case time.Friday:
		return h.Fri
	case time.Saturday:
		return h.Sat
	}
	return h.Sun
}

// MinuteRange is [From, To) in minutes after local midnight.
type MinuteRange struct{ From, To int }

func (r MinuteRange) String() string {
	return fmt.Sprintf("%02d:%02d-%02d:%02d", r.From/60, r.From%60, r.To/60, r.To%60)
}

// ParseClock reads "HH:MM" (00:00 to 24:00) as minutes after midnight.
func ParseClock(s string) (int, error) {
	var h, m int
	if n, err := fmt.Sscanf(s, "%d:%d", &h, &m); err != nil || n != 2 || len(s) != 5 || h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0) {
		return 0, fmt.Errorf("%q is not a time of day (write HH:MM, 00:00 to 24:00)", s)
	}
	return h*60 + m, nil
}

// ParseRange reads "HH:MM-HH:MM".
func ParseRange(s string) (MinuteRange, error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return MinuteRange{}, fmt.Errorf("%q is not a range (write HH:MM-HH:MM)", s)
	}
	from, err := ParseClock(strings.TrimSpace(a))
	if err != nil {
		return MinuteRange{}, err
	}
	to, err := ParseClock(strings.TrimSpace(b))
	if err != nil {
		return MinuteRange{}, err
	}
	if to <= from {
		return MinuteRange{}, fmt.Errorf("%q ends before it starts", s)
	}
	return MinuteRange{from, to}, nil
}
