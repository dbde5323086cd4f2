package compliance

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"slate/internal/domain"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("zone %s: %v", name, err)
	}
	return loc
}

// hourly is one ratio point per hour in [from, to): 1 good of 1.
func hourly(from, to time.Time) []domain.Point {
	var out []domain.Point
	for t := from; t.Before(to); t = t.Add(time.Hour) {
		out = append(out, domain.Point{At: t, Good: 1, Total: 1})
	}
	return out
}

func dayRows(t *testing.T, zoneName string, from, to time.Time) map[string]Row {
	t.Helper()
	s := newSLT("d", "day", zoneName, domain.Indicator{Kind: domain.IndicatorRatio}, 0.5)
	ws := domain.NewWorkspace(s)
	rep := report(t, ws, to.Add(48*time.Hour), map[string][]domain.Point{"d-feed": hourly(from, to)}, nil, ReportOptions{})
	out := map[string]Row{}
	for _, r := range rep.Rows {
		if _, dup := out[r.Period]; dup {
			t.Fatalf("%s: period %s listed twice: %v", zoneName, r.Period, keys(rep))
		}
		out[r.Period] = r
	}
	return out
}

func wantPeriod(t *testing.T, p Period, key, start, end string) {
	t.Helper()
	if p.Key != key || !p.Start.Equal(ts(start)) || !p.End.Equal(ts(end)) {
		t.Errorf("got %s [%s, %s), want %s [%s, %s)", p.Key, p.Start.UTC().Format(time.RFC3339), p.End.UTC().Format(time.RFC3339), key, start, end)
	}
}

// America/Santiago has no 00:00 on 2026-09-06: the clock jumps from 23:59:59
// on the 5th (−04) to 01:00 on the 6th (−03). The 5th keeps all 24 hours, the
// 6th starts when the clock resumes and has 23; each date is listed once with
// its own figures. On 2026-04-05 the clock goes back from 24:00 to 23:00: the
// 4th has 25 hours.
func TestSantiagoMidnightGap(t *testing.T) {
	loc := zone(t, "America/Santiago")
	p, err := ParseKey("2026-09-05", loc)
	if err != nil {
		t.Fatal(err)
	}
	wantPeriod(t, p, "2026-09-05", "2026-09-05T04:00:00Z", "2026-09-06T04:00:00Z")
	p, _ = ParseKey("2026-09-06", loc)
	wantPeriod(t, p, "2026-09-06", "2026-09-06T04:00:00Z", "2026-09-07T03:00:00Z")
	// the last hour of the 5th, and the first instant of the 6th
	wantPeriod(t, PeriodSpec{Kind: Day}.Of(ts("2026-09-06T03:30:00Z"), loc), "2026-09-05", "2026-09-05T04:00:00Z", "2026-09-06T04:00:00Z")
	wantPeriod(t, PeriodSpec{Kind: Day}.Of(ts("2026-09-06T04:00:00Z"), loc), "2026-09-06", "2026-09-06T04:00:00Z", "2026-09-07T03:00:00Z")
	// the week and the month holding the gap are unaffected at their ends
	wantPeriod(t, PeriodSpec{Kind: Week}.Of(ts("2026-09-06T12:00:00Z"), loc), "2026-W36", "2026-08-31T04:00:00Z", "2026-09-07T03:00:00Z")
	wantPeriod(t, PeriodSpec{Kind: Month}.Of(ts("2026-09-06T12:00:00Z"), loc), "2026-09", "2026-09-01T04:00:00Z", "2026-10-01T03:00:00Z")
	p, _ = ParseKey("2026-04-04", loc)
	wantPeriod(t, p, "2026-04-04", "2026-04-04T03:00:00Z", "2026-04-05T04:00:00Z")

	rows := dayRows(t, "America/Santiago", ts("2026-09-04T04:00:00Z"), ts("2026-09-08T03:00:00Z"))
	for key, n := range map[string]float64{"2026-09-04": 24, "2026-09-05": 24, "2026-09-06": 23, "2026-09-07": 24} {
		if r, ok := rows[key]; !ok || r.Eligible != n {
			t.Errorf("%s: eligible %v (listed %v), want %v", key, r.Eligible, ok, n)
		}
	}

	// Business hours to 24:00 end where the 6th starts: the 5th (a Saturday)
	// keeps its last local hour, 23:00-24:00 = 03:00-04:00 UTC on the 6th.
	cal := compileCal(t, "America/Santiago", domain.WeeklyHours{Sat: []string{"18:00-24:00"}, Sun: []string{"00:00-02:00"}})
	day := civil(2026, 9, 5)
	if got := cal.Day(day); len(got) != 1 || !got[0].Start.Equal(ts("2026-09-05T22:00:00Z")) || !got[0].End.Equal(ts("2026-09-06T04:00:00Z")) {
		t.Errorf("Saturday 18:00-24:00 = %v", got)
	}
	if !cal.Contains(ts("2026-09-06T03:59:59Z")) {
		t.Error("23:59:59 on the 5th is outside 18:00-24:00")
	}
	// Sunday 00:00-02:00 starts when the clock resumes (01:00 -03) and runs one hour
	if got := cal.Day(day + 1); len(got) != 1 || !got[0].Start.Equal(ts("2026-09-06T04:00:00Z")) || !got[0].End.Equal(ts("2026-09-06T05:00:00Z")) {
		t.Errorf("Sunday 00:00-02:00 = %v", got)
	}
	if b := cal.Business(ts("2026-09-05T00:00:00Z"), ts("2026-09-07T00:00:00Z"), nil); b != 7*time.Hour {
		t.Errorf("business time over the weekend = %v, want 7h", b)
	}
}

func compileCal(t *testing.T, zoneName string, h domain.WeeklyHours) *Calendar {
	t.Helper()
	c, err := CompileCalendar(&domain.Calendar{Metadata: domain.Meta{Name: "c"}, Spec: domain.CalendarSpec{TimeZone: zoneName, Hours: h}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Australia/Lord_Howe moves its clock by 30 minutes: 2026-10-04 has 23.5
// hours (02:00 → 02:30), 2026-04-05 has 24.5 (02:00 → 01:30).
func TestLordHoweHalfHourDST(t *testing.T) {
	loc := zone(t, "Australia/Lord_Howe")
	for _, c := range []struct {
		key  string
		want time.Duration
	}{
		{"2026-10-04", 23*time.Hour + 30*time.Minute},
		{"2026-04-05", 24*time.Hour + 30*time.Minute},
		{"2026-07-01", 24 * time.Hour},
	} {
		p, err := ParseKey(c.key, loc)
		if err != nil {
			t.Fatal(err)
		}
		if d := p.End.Sub(p.Start); d != c.want {
			t.Errorf("%s lasts %v, want %v", c.key, d, c.want)
		}
	}
	// 02:00-03:00 on the spring day exists only from 02:30
	cal := compileCal(t, "Australia/Lord_Howe", domain.WeeklyHours{Sun: []string{"02:00-03:00"}})
	if b := cal.Business(ts("2026-10-03T00:00:00Z"), ts("2026-10-05T00:00:00Z"), nil); b != 30*time.Minute {
		t.Errorf("02:00-03:00 on 2026-10-04 = %v of business time, want 30m", b)
	}
	// a recurring window at 02:15 that day starts when the clock resumes (02:30 +11 = 15:30 UTC)
	mw := &domain.MaintenanceWindow{Metadata: domain.Meta{Name: "m"}, Spec: domain.MaintenanceSpec{
		Recurrence: &domain.Recurrence{Freq: "daily", At: "02:15", Duration: dur("30m")}}}
	occ := Occurrences(mw, loc, ts("2026-10-03T12:00:00Z"), ts("2026-10-04T12:00:00Z"))
	if len(occ) != 1 || !occ[0].Start.Equal(ts("2026-10-03T15:30:00Z")) {
		t.Errorf("02:15 on 2026-10-04 = %v, want 2026-10-03T15:30Z", occ)
	}
	rows := dayRows(t, "Australia/Lord_Howe", ts("2026-10-02T13:30:00Z"), ts("2026-10-05T13:00:00Z"))
	if r := rows["2026-10-04"]; r.Eligible != 24 { // hourly points at :30 UTC; 23.5 hours hold 24 of them here
		t.Errorf("2026-10-04: %v points", r.Eligible)
	}
}

// Asia/Kolkata (+05:30, no DST): dates start at 18:30 UTC.
func TestKolkataHalfHourOffset(t *testing.T) {
	loc := zone(t, "Asia/Kolkata")
	p, _ := ParseKey("2026-03-10", loc)
	wantPeriod(t, p, "2026-03-10", "2026-03-09T18:30:00Z", "2026-03-10T18:30:00Z")
	wantPeriod(t, PeriodSpec{Kind: Month}.Of(ts("2026-02-28T18:29:59Z"), loc), "2026-02", "2026-01-31T18:30:00Z", "2026-02-28T18:30:00Z")
	wantPeriod(t, PeriodSpec{Kind: Month}.Of(ts("2026-02-28T18:30:00Z"), loc), "2026-03", "2026-02-28T18:30:00Z", "2026-03-31T18:30:00Z")
	cal := compileCal(t, "Asia/Kolkata", domain.WeeklyHours{Tue: []string{"09:30-18:00"}})
	if got := cal.Day(civil(2026, 3, 10)); len(got) != 1 || !got[0].Start.Equal(ts("2026-03-10T04:00:00Z")) || !got[0].End.Equal(ts("2026-03-10T12:30:00Z")) {
		t.Errorf("Tuesday 09:30-18:00 = %v", got)
	}
}

// Pacific/Apia skipped 2011-12-30 (from 23:59:59 on the 29th, −10, to 00:00 on
// the 31st, +14): that date has no period and no business time; the 29th
// and 31st are whole days; the week holding it has six.
func TestApiaSkippedDate(t *testing.T) {
	loc := zone(t, "Pacific/Apia")
	if _, err := ParseKey("2011-12-30", loc); err == nil {
		t.Error("2011-12-30 in Pacific/Apia was accepted")
	}
	p, _ := ParseKey("2011-12-29", loc)
	wantPeriod(t, p, "2011-12-29", "2011-12-29T10:00:00Z", "2011-12-30T10:00:00Z")
	p, _ = ParseKey("2011-12-31", loc)
	wantPeriod(t, p, "2011-12-31", "2011-12-30T10:00:00Z", "2011-12-31T10:00:00Z")
	w := PeriodSpec{Kind: Week}.Of(ts("2011-12-30T12:00:00Z"), loc)
	if w.Key != "2011-W52" || w.End.Sub(w.Start) != 6*24*time.Hour {
		t.Errorf("week: %s lasting %v", w.Key, w.End.Sub(w.Start))
	}
	m := PeriodSpec{Kind: Month}.Of(ts("2011-12-15T00:00:00Z"), loc)
	if m.Key != "2011-12" || m.End.Sub(m.Start) != 30*24*time.Hour {
		t.Errorf("month: %s lasting %v", m.Key, m.End.Sub(m.Start))
	}
	if s := (PeriodSpec{Kind: Day}).Shift(Period{Key: "2011-12-29", Start: ts("2011-12-29T10:00:00Z"), End: ts("2011-12-30T10:00:00Z")}, 2, loc); s.Key != "2011-12-31" {
		t.Errorf("two days after 2011-12-29: %s", s.Key)
	}
	cal := compileCal(t, "Pacific/Apia", domain.WeeklyHours{Thu: []string{"00:00-24:00"}, Fri: []string{"00:00-24:00"}, Sat: []string{"00:00-24:00"}})
	if b := cal.Business(ts("2011-12-28T00:00:00Z"), ts("2012-01-02T00:00:00Z"), nil); b != 48*time.Hour {
		t.Errorf("Thursday, (Friday skipped) and Saturday = %v of business time, want 48h", b)
	}
	rows := dayRows(t, "Pacific/Apia", ts("2011-12-28T10:00:00Z"), ts("2012-01-01T10:00:00Z"))
	if _, ok := rows["2011-12-30"]; ok {
		t.Error("a row for 2011-12-30")
	}
	for _, k := range []string{"2011-12-28", "2011-12-29", "2011-12-31"} {
		if rows[k].Eligible != 24 {
			t.Errorf("%s: %v points, want 24", k, rows[k].Eligible)
		}
	}
}

// propertyZones have clocks that jump at midnight (Santiago, Havana, Cairo,
// Beirut, Asunción), skip a date (Apia), move by 30 minutes (Lord Howe) or
// two hours (Troll), sit on odd offsets (Kolkata, Kathmandu, Chatham, Eucla)
// or at the ends of the range (Kiritimati +14, Pago Pago −11).
var propertyZones = []string{
	"UTC", "Europe/Berlin", "America/Santiago", "Pacific/Apia", "Australia/Lord_Howe",
	"Asia/Kolkata", "America/Havana", "Africa/Cairo", "Asia/Beirut", "America/Asuncion",
	"America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham", "Australia/Eucla", "Pacific/Kiritimati",
	"Pacific/Pago_Pago", "Asia/Tehran", "Antarctica/Troll", "America/New_York", "Europe/London",
}

// Every instant of a year falls in exactly one period of each kind and in one
// local day: the periods chained from the year's start are contiguous and
// non-empty, Of(t) is the chain's period holding t, LocalDay agrees with the
// day periods, and ParseKey reads each key back. Instants are every 47
// minutes, each zone change and period start ±1 ns, and random ones.
func TestPeriodsPartitionTime(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for _, name := range propertyZones {
		loc := zone(t, name)
		for _, year := range []int{2011, 2026} {
			from := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC).Add(-14 * time.Hour)
			to := from.AddDate(1, 0, 1)
			var instants []time.Time
			for x := from; x.Before(to); x = x.Add(47 * time.Minute) {
				instants = append(instants, x)
			}
			for x := from; x.Before(to); {
				_, end := x.In(loc).ZoneBounds()
				if end.IsZero() || !end.Before(to) {
					break
				}
				instants = append(instants, end.Add(-time.Nanosecond), end, end.Add(time.Nanosecond))
				x = end
			}
			for range 1000 {
				instants = append(instants, from.Add(time.Duration(rnd.Int64N(int64(to.Sub(from))))))
			}
			for _, kind := range []string{Day, Week, Month, Quarter, Year} {
				ps := PeriodSpec{Kind: kind}
				chain := []Period{ps.Of(from, loc)}
				for chain[len(chain)-1].End.Before(to) {
					last := chain[len(chain)-1]
					next := ps.Of(last.End, loc)
					if !next.Start.Equal(last.End) || !next.End.After(next.Start) || next.Key == last.Key {
						t.Fatalf("%s %d %s: %s [%s, %s) follows %s ending %s", name, year, kind, next.Key, next.Start, next.End, last.Key, last.End)
					}
					chain = append(chain, next)
				}
				for _, p := range chain {
					if q, err := ParseKey(p.Key, loc); err != nil || q != p {
						t.Fatalf("%s %s: ParseKey = %+v, %v; want %+v", name, p.Key, q, err, p)
					}
				}
				probe := slices.Clone(instants)
				for i, p := range chain {
					if i > 0 {
						probe = append(probe, p.Start.Add(-time.Nanosecond), p.Start)
					}
				}
				for _, x := range probe {
					i, _ := slices.BinarySearchFunc(chain, x, func(p Period, x time.Time) int {
						switch {
						case !p.End.After(x):
							return -1
						case p.Start.After(x):
							return 1
						}
						return 0
					})
					got := ps.Of(x, loc)
					if i >= len(chain) || got != chain[i] || x.Before(got.Start) || !x.Before(got.End) {
						t.Fatalf("%s %s: %s is in %+v", name, kind, x.Format(time.RFC3339Nano), got)
					}
					if kind == Day && DayKey(LocalDay(x, loc)) != got.Key {
						t.Fatalf("%s: LocalDay(%s) = %s, day period %s", name, x, DayKey(LocalDay(x, loc)), got.Key)
					}
				}
			}
		}
	}
}

// FirstAt agrees with time.Date wherever the clock shows the time once.
func TestFirstAtMatchesTimeDate(t *testing.T) {
	for _, name := range propertyZones {
		loc := zone(t, name)
		for d := 0; d < 366; d += 3 {
			w := time.Date(2026, 1, 1+d, 13, 17, 0, 0, time.UTC)
			want := time.Date(2026, 1, 1+d, 13, 17, 0, 0, loc)
			if got := FirstAt(w, loc); !got.Equal(want) {
				t.Fatalf("%s %s: FirstAt %s, time.Date %s", name, w.Format(time.DateTime), got, want)
			}
		}
	}
}
