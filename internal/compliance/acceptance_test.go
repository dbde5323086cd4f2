package compliance

import (
	"testing"
	"time"

	"slate/internal/domain"
)

// A DST change day in Berlin has 23 (March) or 25 (October) hours: 1380 or
// 1500 one-minute slices. 30 bad minutes: 1350/1380 and 1470/1500.
func TestDSTDay(t *testing.T) {
	s := newSLT("web", "day", "Europe/Berlin", availability(), 0.99)
	ws := domain.NewWorkspace(s)
	for _, c := range []struct {
		day        string
		from, to   string
		slices     float64
		badFrom    string
		attainment float64
	}{
		{"2026-03-29", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z", 1380, "2026-03-29T01:00:00Z", 1350.0 / 1380},
		{"2026-10-25", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z", 1500, "2026-10-25T00:30:00Z", 1470.0 / 1500},
	} {
		badFrom := ts(c.badFrom)
		pts := probes(ts(c.from), ts(c.to), func(t time.Time) bool { return !t.Before(badFrom) && t.Before(badFrom.Add(30*time.Minute)) })
		rep := report(t, ws, ts("2027-01-01T00:00:00Z"), map[string][]domain.Point{"web-feed": pts}, nil, ReportOptions{})
		if len(rep.Rows) != 1 {
			t.Fatalf("%s: %d rows %v", c.day, len(rep.Rows), keys(rep))
		}
		r := findRow(t, rep, "web", "", c.day)
		wantCounts(t, r, c.slices, c.slices-30, 30, 0, 0)
		wantAtt(t, r, c.attainment)
		if *r.BadMinutes != 30 || r.Missing != "exclude" || *r.Met || !r.Complete {
			t.Errorf("%s: %+v", c.day, r)
		}
	}
}

func officeHours(name string, holidays ...string) *domain.Calendar {
	c := &domain.Calendar{Metadata: domain.Meta{Name: name}, Spec: domain.CalendarSpec{TimeZone: "Europe/Berlin"}}
	h := []string{"09:00-17:00"}
	c.Spec.Hours = domain.WeeklyHours{Mon: h, Tue: h, Wed: h, Thu: h, Fri: h}
	for _, d := range holidays {
		c.Spec.Holidays = append(c.Spec.Holidays, domain.Holiday{Date: d})
	}
	return c
}

// Rows on a holiday, outside hours or at the weekend are out of scope.
func TestHoliday(t *testing.T) {
	s := newSLT("api", "month", "Europe/Berlin", threshold("<=", 500), 0.9)
	s.Spec.Calendar = "office"
	ws := domain.NewWorkspace(s, officeHours("office", "2026-10-05"))
	pts := []domain.Point{
		{At: ts("2026-10-05T08:00:00Z"), Value: 900}, // Monday 10:00 local, holiday
		{At: ts("2026-10-06T06:30:00Z"), Value: 900}, // 08:30 local, before hours
		{At: ts("2026-10-06T08:00:00Z"), Value: 100}, // 10:00, good
		{At: ts("2026-10-06T14:59:00Z"), Value: 600}, // 16:59, bad
		{At: ts("2026-10-06T15:00:00Z"), Value: 900}, // 17:00, closed
		{At: ts("2026-10-10T10:00:00Z"), Value: 900}, // Saturday
	}
	rep := report(t, ws, ts("2026-11-01T00:00:00Z"), map[string][]domain.Point{"api-feed": pts}, nil, ReportOptions{})
	r := findRow(t, rep, "api", "", "2026-10")
	wantCounts(t, r, 2, 1, 1, 0, 0)
	wantAtt(t, r, 0.5)
	if r.Points != 6 || *r.Met {
		t.Errorf("%+v", r)
	}
	// business-time arithmetic: Friday 16:00 to Tuesday 10:00 over the Monday holiday = 1h + 1h
	cal, _ := CompileCalendar(officeHours("office", "2026-10-05"))
	if d := cal.Business(ts("2026-10-02T14:00:00Z"), ts("2026-10-06T08:00:00Z"), nil); d != 2*time.Hour {
		t.Errorf("business time = %v", d)
	}
}

func maintenance(name string, start, end, registered string) *domain.MaintenanceWindow {
	return &domain.MaintenanceWindow{Metadata: domain.Meta{Name: name}, Spec: domain.MaintenanceSpec{
		Start: ts(start), End: ts(end), RegisteredAt: ts(registered)}}
}

// Two one-hour outages: one in a window registered a day early (excluded), one
// in a window registered after it started (not excluded: 60 bad minutes stay).
func TestMaintenanceRegisteredLate(t *testing.T) {
	s := newSLT("web", "day", "UTC", availability(), 0.99)
	early := maintenance("early", "2026-10-05T02:00:00Z", "2026-10-05T03:00:00Z", "2026-10-04T12:00:00Z")
	late := maintenance("late", "2026-10-05T10:00:00Z", "2026-10-05T11:00:00Z", "2026-10-05T10:30:00Z")
	ws := domain.NewWorkspace(s, early, late)
	down := func(t time.Time) bool {
		return t.Hour() == 2 || t.Hour() == 10
	}
	pts := probes(ts("2026-10-05T00:00:00Z"), ts("2026-10-06T00:00:00Z"), down)
	rep := report(t, ws, ts("2026-10-07T00:00:00Z"), map[string][]domain.Point{"web-feed": pts}, nil, ReportOptions{})
	r := findRow(t, rep, "web", "", "2026-10-05")
	wantCounts(t, r, 1380, 1320, 60, 0, 60)
	wantAtt(t, r, 1320.0/1380)
	if !near(*r.AttainmentRaw, 1320.0/1440) {
		t.Errorf("raw %v", *r.AttainmentRaw)
	}
	if len(rep.Ignored) != 1 || rep.Ignored[0].Ref != "late" {
		t.Errorf("ignored %+v", rep.Ignored)
	}
}

// A recurring window counts only for occurrences that start after it was registered.
func TestRecurringMaintenance(t *testing.T) {
	m := &domain.MaintenanceWindow{Metadata: domain.Meta{Name: "nightly"}, Spec: domain.MaintenanceSpec{
		RegisteredAt: ts("2026-10-06T00:30:00Z"),
		Recurrence:   &domain.Recurrence{Freq: "weekly", Days: []string{"mon", "tue", "wed"}, At: "01:00", Duration: dur("30m"), TimeZone: "Europe/Berlin"}}}
	s := newSLT("web", "day", "UTC", availability(), 0.9)
	ex, _ := Exclusions(s, time.UTC, []*domain.MaintenanceWindow{m}, nil, time.Unix(0, 0), ts("2026-10-09T00:00:00Z"))
	// Mon 10-05 01:00 local was before registration; Tue 10-06 01:00 local = 2026-10-05T23:00Z too; Wed 10-07 01:00 local counts.
	if len(ex) != 1 || !ex[0].Start.Equal(ts("2026-10-06T23:00:00Z")) || !ex[0].End.Equal(ts("2026-10-06T23:30:00Z")) {
		t.Fatalf("exclusions %+v", ex)
	}
}

// A rejected (or still requested) exception excludes nothing; an approved one does.
func TestRejectedException(t *testing.T) {
	s := newSLT("web", "day", "UTC", availability(), 0.99)
	ws := domain.NewWorkspace(s)
	pts := probes(ts("2026-10-05T00:00:00Z"), ts("2026-10-06T00:00:00Z"), func(t time.Time) bool { return t.Hour() == 5 })
	win := ExceptionWindow{ID: "EX-1", SLT: "web", Start: ts("2026-10-05T05:00:00Z"), End: ts("2026-10-05T06:00:00Z")}
	for _, c := range []struct {
		status             string
		good, bad, exclude float64
	}{{StatusRejected, 1380, 60, 0}, {StatusRequested, 1380, 60, 0}, {StatusApproved, 1380, 0, 60}} {
		w := win
		w.Status = c.status
		rep := report(t, ws, ts("2026-10-07T00:00:00Z"), map[string][]domain.Point{"web-feed": pts}, []ExceptionWindow{w}, ReportOptions{})
		r := findRow(t, rep, "web", "", "2026-10-05")
		wantCounts(t, r, c.good+c.bad, c.good, c.bad, 0, c.exclude)
	}
}

func ticket(id, opened, resolved string) domain.Point {
	p := domain.Point{ItemID: id, Opened: ts(opened)}
	p.At = p.Opened
	if resolved != "" {
		p.Resolved = ts(resolved)
		p.At = p.Resolved
	}
	return p
}

// Goal 8h, 24x7, monthly. A: opened Oct 31 10:00, still open: at the end of
// October it has run 14h > 8h, so it is bad in October and not again in
// November. B: opened Oct 31 12:00, resolved Nov 2: bad in October (12h at
// month end). C: opened Oct 31 20:00, resolved Nov 1 02:00 (6h): good in
// November. D: opened Nov 10, open 2h at evaluation: not counted yet.
func TestTicketOpenAtPeriodEnd(t *testing.T) {
	s := newSLT("tickets", "month", "UTC", domain.Indicator{Kind: domain.IndicatorDuration, Goal: dur("8h")}, 0.9)
	ws := domain.NewWorkspace(s)
	pts := []domain.Point{
		ticket("A", "2026-10-31T10:00:00Z", ""),
		ticket("B", "2026-10-31T12:00:00Z", "2026-11-02T00:00:00Z"),
		ticket("C", "2026-10-31T20:00:00Z", "2026-11-01T02:00:00Z"),
		ticket("D", "2026-11-10T08:00:00Z", ""),
		ticket("E", "2026-10-20T08:00:00Z", "2026-10-20T09:00:00Z"),
	}
	// time order by At, as the store gives them
	pts = []domain.Point{pts[4], pts[0], pts[2], pts[1], pts[3]}
	rep := report(t, ws, ts("2026-11-10T10:00:00Z"), map[string][]domain.Point{"tickets-feed": pts}, nil, ReportOptions{})
	oct := findRow(t, rep, "tickets", "", "2026-10")
	wantCounts(t, oct, 3, 1, 2, 0, 0)
	nov := findRow(t, rep, "tickets", "", "2026-11")
	wantCounts(t, nov, 1, 1, 0, 0, 0)
	if nov.Complete || !oct.Complete {
		t.Errorf("complete flags %v %v", oct.Complete, nov.Complete)
	}
}

// Business-hours tickets with pauses: opened Friday 16:00 (office hours, goal
// 4h), resolved Tuesday 11:00 with 1h paused: 1h Friday + 0 Monday holiday +
// 2h Tuesday − 1h = 2h: good.
func TestTicketBusinessTimeWithPause(t *testing.T) {
	s := newSLT("desk", "month", "Europe/Berlin", domain.Indicator{Kind: domain.IndicatorDuration, Goal: dur("4h")}, 0.9)
	s.Spec.Calendar = "office"
	ws := domain.NewWorkspace(s, officeHours("office", "2026-10-05"))
	p := ticket("T", "2026-10-02T14:00:00Z", "2026-10-06T09:00:00Z")
	p.Paused = 3600
	q := ticket("U", "2026-10-02T14:00:00Z", "2026-10-06T09:00:00Z")  // no pause: 3h, still good
	r2 := ticket("V", "2026-10-02T14:00:00Z", "2026-10-06T12:00:00Z") // 1h + 5h = 6h: bad
	rep := report(t, ws, ts("2026-11-01T00:00:00Z"), map[string][]domain.Point{"desk-feed": {p, q, r2}}, nil, ReportOptions{})
	wantCounts(t, findRow(t, rep, "desk", "", "2026-10"), 3, 2, 1, 0, 0)
}

// Probes cover 40 of the first 60 minutes (2 bad); the day is evaluated at
// 01:00, so later slices do not exist. Default missing=exclude: 20 unknown,
// 38/40. missing=bad: 38/60. missing=good: 58/60.
func TestUnknownSlices(t *testing.T) {
	var pts []domain.Point
	for m := 0; m < 60; m++ {
		if m >= 20 && m < 40 {
			continue
		}
		g := 1.0
		if m == 45 || m == 50 {
			g = 0
		}
		pts = append(pts, domain.Point{At: ts("2026-10-05T00:00:00Z").Add(time.Duration(m)*time.Minute + 17*time.Second), Good: g, Total: 1})
	}
	at := ts("2026-10-05T01:00:00Z")
	for _, c := range []struct {
		missing                 string
		eligible, good, unknown float64
	}{{"", 40, 38, 20}, {"exclude", 40, 38, 20}, {"bad", 60, 38, 0}, {"good", 60, 58, 0}} {
		in := availability()
		in.Missing = c.missing
		ws := domain.NewWorkspace(newSLT("web", "day", "UTC", in, 0.9))
		r := findRow(t, report(t, ws, at, map[string][]domain.Point{"web-feed": pts}, nil, ReportOptions{}), "web", "", "2026-10-05")
		wantCounts(t, r, c.eligible, c.good, c.eligible-c.good, c.unknown, 0)
		if r.Complete {
			t.Error("day not over yet")
		}
	}
	// two probes in one slice, one bad: the slice is bad, unless a slice target of 50% is set
	two := []domain.Point{{At: ts("2026-10-05T00:00:10Z"), Good: 1, Total: 1}, {At: ts("2026-10-05T00:00:40Z"), Good: 0, Total: 1}}
	in := availability()
	ws := domain.NewWorkspace(newSLT("web", "day", "UTC", in, 0.9))
	at = ts("2026-10-05T00:01:00Z")
	wantCounts(t, findRow(t, report(t, ws, at, map[string][]domain.Point{"web-feed": two}, nil, ReportOptions{}), "web", "", "2026-10-05"), 1, 0, 1, 0, 0)
	in.SliceTarget = f64(0.5)
	ws = domain.NewWorkspace(newSLT("web", "day", "UTC", in, 0.9))
	wantCounts(t, findRow(t, report(t, ws, at, map[string][]domain.Point{"web-feed": two}, nil, ReportOptions{}), "web", "", "2026-10-05"), 1, 1, 0, 0, 0)
}

// Core hours (office, 99%) miss with 8/10; extended hours (95%) meet with 10/10:
// the SLT is missed only because of its core tier.
func TestTieredMissesCoreOnly(t *testing.T) {
	s := newSLT("orders", "month", "Europe/Berlin", threshold("<=", 500), 0)
	s.Spec.Tiers = []domain.Tier{{Name: "core", Calendar: "office", Target: 0.99}, {Name: "extended", Calendar: "evenings", Target: 0.95}}
	ev := &domain.Calendar{Metadata: domain.Meta{Name: "evenings"}, Spec: domain.CalendarSpec{TimeZone: "Europe/Berlin"}}
	e := []string{"17:00-22:00"}
	ev.Spec.Hours = domain.WeeklyHours{Mon: e, Tue: e, Wed: e, Thu: e, Fri: e}
	ws := domain.NewWorkspace(s, officeHours("office"), ev)
	var pts []domain.Point
	for i := 0; i < 10; i++ {
		v := 100.0
		if i < 2 {
			v = 900
		}
		day := ts("2026-10-05T00:00:00Z").AddDate(0, 0, i)
		for day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
			day = day.AddDate(0, 0, 2)
		}
		pts = append(pts, domain.Point{At: day.Add(10 * time.Hour), Value: v}, domain.Point{At: day.Add(18 * time.Hour), Value: 100})
	}
	sortPoints(pts)
	rep := report(t, ws, ts("2026-11-01T00:00:00Z"), map[string][]domain.Point{"orders-feed": pts}, nil, ReportOptions{})
	core := findRow(t, rep, "orders", "core", "2026-10")
	ext := findRow(t, rep, "orders", "extended", "2026-10")
	all := findRow(t, rep, "orders", "", "2026-10")
	wantAtt(t, core, 0.8)
	wantAtt(t, ext, 1)
	if *core.Met || !*ext.Met || all.Met == nil || *all.Met || all.Kind != "tiered" {
		t.Fatalf("core %v ext %v all %+v", *core.Met, *ext.Met, all)
	}
	wantAtt(t, all, 18.0/20)
	bs := Breaches(ws, rep.Rows, nil)
	if len(bs) != 1 || bs[0].ID != "orders/core@2026-10" {
		t.Errorf("breaches %+v", bs)
	}
}

// Composite: weights 2 and 1 over attainments 0.9 and 0.6 → (1.8+0.6)/3 = 0.8.
func TestComposite(t *testing.T) {
	a := newSLT("a", "month", "UTC", threshold("<=", 1), 0.9)
	b := newSLT("b", "month", "UTC", threshold("<=", 1), 0.9)
	c := &domain.SLT{Metadata: domain.Meta{Name: "journey"}, Spec: domain.SLTSpec{Service: "svc", Type: domain.TypeSLA, Period: "month",
		Composite: &domain.Composite{Components: []domain.Component{{SLT: "a", Weight: 2}, {SLT: "b", Weight: 1}}, Rationale: "checkout matters twice"},
		Objective: domain.Objective{Target: 0.75}}}
	ws := domain.NewWorkspace(a, b, c)
	mk := func(good, n int) []domain.Point {
		var p []domain.Point
		for i := 0; i < n; i++ {
			v := 0.0
			if i >= good {
				v = 5
			}
			p = append(p, domain.Point{At: ts("2026-10-01T00:00:00Z").Add(time.Duration(i) * time.Hour), Value: v})
		}
		return p
	}
	rep := report(t, ws, ts("2026-11-01T00:00:00Z"), map[string][]domain.Point{"a-feed": mk(9, 10), "b-feed": mk(3, 5)}, nil, ReportOptions{})
	r := findRow(t, rep, "journey", "", "2026-10")
	wantAtt(t, r, 0.8)
	if !*r.Met || r.Kind != "composite" || r.Good != nil || r.BudgetRemaining != nil {
		t.Errorf("%+v", r)
	}
}

// Credit tiers: below 99.5% → 5%, below 99% → 10%, below 95% → 30%, cap 20%.
func TestCreditTiersWithCap(t *testing.T) {
	tiers := []domain.CreditTier{{Below: 0.995, Credit: 5}, {Below: 0.99, Credit: 10}, {Below: 0.95, Credit: 30}}
	for _, c := range []struct{ att, want float64 }{
		{0.999, 0}, {0.995, 0}, {0.9949, 5}, {0.99, 5}, {0.985, 10}, {0.95, 10}, {0.90, 20}, {0, 20},
	} {
		if got := CreditPercent(tiers, 20, c.att); got != c.want {
			t.Errorf("credit at %v = %v, want %v", c.att, got, c.want)
		}
	}
	con := &domain.Contract{Metadata: domain.Meta{Name: "hosting"}, Spec: domain.ContractSpec{Supplier: "acme", SLT: "web", ChargePerPeriod: 10000,
		CreditTiers: tiers, Cap: 20, EarnBack: []domain.IncentiveTier{{Above: 0.999, Incentive: 2}, {Above: 0.9995, Incentive: 4}}, IncentiveCap: 3}}
	cr := CreditFor(con, Row{Period: "2026-10", Attainment: f64(0.9), Met: new(bool)})
	if *cr.CreditPercent != 20 || *cr.CreditAmount != 2000 || *cr.IncentivePercent != 0 {
		t.Errorf("%+v", cr)
	}
	met := true
	cr = CreditFor(con, Row{Period: "2026-10", Attainment: f64(0.9999), Met: &met})
	if *cr.CreditPercent != 0 || *cr.IncentivePercent != 3 || *cr.IncentiveAmount != 300 {
		t.Errorf("%+v", cr)
	}
	if cr := CreditFor(con, Row{Period: "2026-10"}); cr.CreditPercent != nil {
		t.Errorf("no data should give null credit: %+v", cr)
	}
}
