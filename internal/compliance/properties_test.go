package compliance

import (
	"math"
	"math/rand"
	"testing"
	"time"

	"slate/internal/domain"
)

// Random workloads (fixed seeds): attainment in [0, 1], good + bad = eligible,
// and adding exclusions never raises eligible.
func TestProperties(t *testing.T) {
	rng := rand.New(rand.NewSource(42))
	kinds := []domain.Indicator{availability(), threshold("<=", 0.5), {Kind: domain.IndicatorRatio}, {Kind: domain.IndicatorDuration, Goal: dur("3h")}}
	periods := []string{"day", "week", "month", "rolling:3d"}
	for iter := 0; iter < 60; iter++ {
		in := kinds[rng.Intn(len(kinds))]
		if in.Kind == domain.IndicatorAvailability {
			in.Missing = []string{"", "good", "bad"}[rng.Intn(3)]
		}
		s := newSLT("x", periods[rng.Intn(len(periods))], []string{"UTC", "Europe/Berlin", "America/New_York"}[rng.Intn(3)], in, 0.9)
		if rng.Intn(2) == 0 {
			s.Spec.Calendar = "office"
		}
		start := ts("2026-03-20T00:00:00Z")
		var pts []domain.Point
		for at := start; at.Before(start.Add(15 * 24 * time.Hour)); at = at.Add(time.Duration(1+rng.Intn(40)) * time.Minute) {
			p := domain.Point{At: at, Value: rng.Float64(), Total: float64(rng.Intn(5)), Good: 0}
			p.Good = float64(rng.Intn(int(p.Total) + 1))
			if in.Kind == domain.IndicatorAvailability {
				p.Total, p.Good = 1, float64(rng.Intn(10)/9)
			}
			if in.Kind == domain.IndicatorDuration {
				p.Opened = at.Add(-time.Duration(rng.Intn(600)) * time.Minute)
				p.Resolved = at
				if rng.Intn(8) == 0 {
					p.Resolved = time.Time{}
				}
			}
			pts = append(pts, p)
		}
		sortPoints(pts)
		var excs []ExceptionWindow
		base := domain.NewWorkspace(s, officeHours("office", "2026-03-25"))
		at := start.Add(time.Duration(rng.Intn(16*24)) * time.Hour)
		feeds := map[string][]domain.Point{"x-feed": pts}
		prev := report(t, base, at, feeds, nil, ReportOptions{})
		for k := 0; k < 3; k++ {
			ws0 := start.Add(time.Duration(rng.Intn(15*24*60)) * time.Minute)
			excs = append(excs, ExceptionWindow{ID: "e", SLT: "x", Status: StatusApproved, Start: ws0, End: ws0.Add(time.Duration(rng.Intn(3000)) * time.Minute)})
			if rng.Intn(2) == 0 {
				m := maintenance("m"+string(rune('a'+k)), ws0.Format(time.RFC3339), ws0.Add(5*time.Hour).Format(time.RFC3339), "2026-01-01T00:00:00Z")
				base.Put(m)
			}
			next := report(t, base, at, feeds, excs, ReportOptions{})
			check(t, iter, prev)
			check(t, iter, next)
			if in.Kind != domain.IndicatorDuration {
				byKey := map[string]Row{}
				for _, r := range prev.Rows {
					byKey[r.Period] = r
				}
				for _, r := range next.Rows {
					if p, ok := byKey[r.Period]; ok && r.Eligible > p.Eligible {
						t.Fatalf("iter %d: %s eligible rose from %v to %v with more exclusions", iter, r.Period, p.Eligible, r.Eligible)
					}
				}
			}
			prev = next
		}
	}
}

func check(t *testing.T, iter int, rep Report) {
	t.Helper()
	for _, r := range rep.Rows {
		if r.Good != nil && *r.Good+*r.Bad != r.Eligible {
			t.Fatalf("iter %d %s: good %v + bad %v != eligible %v", iter, r.Period, *r.Good, *r.Bad, r.Eligible)
		}
		for _, a := range []*float64{r.Attainment, r.AttainmentRaw} {
			if a != nil && (*a < 0 || *a > 1) {
				t.Fatalf("iter %d %s: attainment %v", iter, r.Period, *a)
			}
		}
		if (r.Eligible == 0) != (r.Attainment == nil) || (r.Met == nil) != (r.Attainment == nil) {
			t.Fatalf("iter %d %s: eligible %v attainment %v met %v", iter, r.Period, r.Eligible, deref(r.Attainment), r.Met)
		}
		if r.Eligible < 0 || r.Unknown < 0 || r.Excluded < 0 {
			t.Fatalf("negative counts %+v", r)
		}
	}
}

func TestRollingWindow(t *testing.T) {
	s := newSLT("r", "rolling:3d", "UTC", threshold("<=", 1), 0.5)
	ws := domain.NewWorkspace(s)
	var pts []domain.Point
	for d := 0; d < 5; d++ { // day d: d bad rows and 4-d good... one good and one bad value per day, bad on days 1 and 2
		v := 0.0
		if d == 1 || d == 2 {
			v = 5
		}
		pts = append(pts, domain.Point{At: ts("2026-10-01T12:00:00Z").AddDate(0, 0, d), Value: v})
	}
	rep := report(t, ws, ts("2026-10-10T00:00:00Z"), map[string][]domain.Point{"r-feed": pts}, nil, ReportOptions{})
	if len(rep.Rows) != 5 {
		t.Fatalf("rows %v", keys(rep))
	}
	r := findRow(t, rep, "r", "", "2026-10-04") // Oct 2, 3, 4 → 2 bad of 3
	wantCounts(t, r, 3, 1, 2, 0, 0)
	if !r.Start.Equal(ts("2026-10-02T00:00:00Z")) || !r.End.Equal(ts("2026-10-05T00:00:00Z")) {
		t.Errorf("window %v %v", r.Start, r.End)
	}
	wantCounts(t, findRow(t, rep, "r", "", "2026-10-05"), 3, 2, 1, 0, 0)
	if r.ConsecutiveMisses != 2 {
		t.Errorf("misses %d", r.ConsecutiveMisses)
	}
	// statistic over a rolling window: median of Oct 3..5 (5, 0, 0) is 0; of Oct 2..4 (5, 5, 0) is 5
	st := newSLT("st", "rolling:3d", "UTC", domain.Indicator{Kind: domain.IndicatorStatistic, Statistic: "median"}, 1)
	ws = domain.NewWorkspace(st)
	rep = report(t, ws, ts("2026-10-10T00:00:00Z"), map[string][]domain.Point{"st-feed": pts}, nil, ReportOptions{})
	r = findRow(t, rep, "st", "", "2026-10-05")
	if r.Eligible != 3 || *r.Attainment != 0 || r.Good != nil || r.Op != "<=" || !*r.Met {
		t.Errorf("%+v", r)
	}
	r = findRow(t, rep, "st", "", "2026-10-04")
	if *r.Attainment != 5 || *r.Met {
		t.Errorf("%+v", r)
	}
}

func TestConsecutiveMissesAndFilter(t *testing.T) {
	s := newSLT("m", "month", "UTC", threshold("<=", 1), 0.9)
	s.Spec.RCAAfter = 2
	ws := domain.NewWorkspace(s)
	var pts []domain.Point
	for m := 1; m <= 4; m++ {
		v := 5.0
		if m == 1 {
			v = 0
		}
		pts = append(pts, domain.Point{At: time.Date(2026, time.Month(m), 3, 0, 0, 0, 0, time.UTC), Value: v})
	}
	rep := report(t, ws, ts("2026-04-10T00:00:00Z"), map[string][]domain.Point{"m-feed": pts}, nil, ReportOptions{})
	want := []struct {
		key  string
		runs int
		rca  bool
	}{{"2026-01", 0, false}, {"2026-02", 1, false}, {"2026-03", 2, true}, {"2026-04", 2, false}}
	for _, w := range want {
		r := findRow(t, rep, "m", "", w.key)
		if r.ConsecutiveMisses != w.runs || r.RCADue != w.rca {
			t.Errorf("%s: %d %v", w.key, r.ConsecutiveMisses, r.RCADue)
		}
	}
	rep = report(t, ws, ts("2026-04-10T00:00:00Z"), map[string][]domain.Point{"m-feed": pts}, nil, ReportOptions{Period: "2026-Q1"})
	if len(rep.Rows) != 3 {
		t.Errorf("quarter filter: %v", keys(rep))
	}
	rep = report(t, ws, ts("2026-09-10T00:00:00Z"), map[string][]domain.Point{"m-feed": pts}, nil, ReportOptions{Period: "2026-08"})
	if len(rep.Rows) != 1 || rep.Rows[0].Attainment != nil || rep.Rows[0].Met != nil || rep.Rows[0].Eligible != 0 {
		t.Errorf("no-data period: %+v", rep.Rows)
	}
	bs := Breaches(ws, report(t, ws, ts("2026-04-10T00:00:00Z"), map[string][]domain.Point{"m-feed": pts}, nil, ReportOptions{}).Rows,
		map[string]FalsePositive{"m@2026-02": {Reason: "probe bug"}})
	if len(bs) != 2 || bs[0].ID != "m@2026-03" || bs[0].Frequency != 1 || bs[1].FalsePositive != true || bs[1].ParetoRank != 0 {
		t.Errorf("breaches %+v", bs)
	}
	// 0% against 90%: a shortfall of 0.9 where 0.1 is allowed, nine budgets
	if math.Abs(bs[0].Impact-9) > 1e-9 || bs[0].Priority != bs[0].Impact || bs[0].BudgetsOverspent != bs[0].Impact {
		t.Errorf("impact %+v", bs[0])
	}
}

// The example: a daily SLT missed on 26 and 27 April, had no rows at
// all until 25 October and missed again. The days between have no data, so
// the run ends: 25 October is the first miss of a new run, and no RCA is due.
// A run of three adjacent misses, and one broken by a listed no-data day
// (points outside the calendar), show the other two cases.
func TestRunEndsAtPeriodsWithoutRows(t *testing.T) {
	s := newSLT("d", "day", "Europe/Berlin", threshold("<=", 1), 0.9)
	s.Spec.Calendar = "weekdays"
	cal := &domain.Calendar{Metadata: domain.Meta{Name: "weekdays"}, Spec: domain.CalendarSpec{TimeZone: "Europe/Berlin"}}
	h := []string{"00:00-24:00"}
	cal.Spec.Hours = domain.WeeklyHours{Mon: h, Tue: h, Wed: h, Thu: h, Fri: h}
	ws := domain.NewWorkspace(s, cal)
	bad := func(day string) domain.Point { return domain.Point{At: ts(day + "T10:00:00Z"), Value: 5} }
	pts := []domain.Point{
		bad("2026-04-27"), bad("2026-04-28"), // Monday, Tuesday
		bad("2026-10-26"),                                       // Monday, after half a year without rows
		bad("2026-11-02"), bad("2026-11-03"), bad("2026-11-04"), // three in a row
		bad("2026-11-05"), {At: ts("2026-11-07T10:00:00Z"), Value: 5}, bad("2026-11-09"), // Saturday: a row, no data
	}
	rep := report(t, ws, ts("2026-12-01T00:00:00Z"), map[string][]domain.Point{"d-feed": pts}, nil, ReportOptions{})
	for _, w := range []struct {
		key  string
		runs int
		rca  bool
	}{
		{"2026-04-27", 1, false}, {"2026-04-28", 2, false}, {"2026-10-26", 1, false},
		{"2026-11-02", 1, false}, {"2026-11-03", 2, false}, {"2026-11-04", 3, true}, {"2026-11-05", 4, true},
		{"2026-11-07", 0, false}, {"2026-11-09", 1, false},
	} {
		r := findRow(t, rep, "d", "", w.key)
		if r.ConsecutiveMisses != w.runs || r.RCADue != w.rca {
			t.Errorf("%s: consecutive_misses %d rca_due %v, want %d %v", w.key, r.ConsecutiveMisses, r.RCADue, w.runs, w.rca)
		}
	}
	// rolling windows: one per day with points; a day without points between two ends the run
	rs := newSLT("r", "rolling:2d", "UTC", threshold("<=", 1), 0.9)
	rep = report(t, domain.NewWorkspace(rs), ts("2026-12-01T00:00:00Z"), map[string][]domain.Point{"r-feed": {
		bad("2026-11-02"), bad("2026-11-03"), bad("2026-11-04"), bad("2026-11-06"),
	}}, nil, ReportOptions{})
	for key, runs := range map[string]int{"2026-11-03": 2, "2026-11-04": 3, "2026-11-06": 1} {
		if r := findRow(t, rep, "r", "", key); r.ConsecutiveMisses != runs {
			t.Errorf("rolling %s: %d, want %d", key, r.ConsecutiveMisses, runs)
		}
	}
}

// Priority is one unit for every kind of SLT: impact weight × error budgets
// overspent. By hand:
//   - avail (availability, >= 99.9%, weight 5, priced at 180 a bad minute):
//     99.8% → 0.001 short of an allowed 0.001: 1 budget → 5 (cost 15,552
//     for 86.4 bad minutes, shown, not ranked, and the bad minutes not counted twice);
//   - p95 (statistic, <= 450 ms, weight 2): 495 ms → 45 of 450: 0.1 → 0.2;
//   - ratio (>= 95%, weight 1): 90% twice → 0.05 of 0.05: 1 each → 2.
//
// Total 7.2: avail 5 (69.4444%), ratio 2 (97.2222%), p95 0.2 (100%); the vital
// few are avail and ratio (they start below 80%).
func TestParetoOneUnit(t *testing.T) {
	av := newSLT("avail", "month", "UTC", availability(), 0.999)
	av.Spec.ImpactWeight, av.Spec.CostPerBadMinute = 5, 180
	st := newSLT("p95", "month", "UTC", domain.Indicator{Kind: domain.IndicatorStatistic, Statistic: "p95"}, 450)
	st.Spec.ImpactWeight = 2
	ra := newSLT("ratio", "month", "UTC", domain.Indicator{Kind: domain.IndicatorRatio}, 0.95)
	ws := domain.NewWorkspace(av, st, ra)
	row := func(slt, kind, period, op string, target, att, eligible float64) Row {
		r := Row{SLT: slt, Kind: kind, Period: period, Start: ts(period + "-01T00:00:00Z"), Complete: true, Eligible: eligible, Attainment: f64(att)}
		if kind != domain.IndicatorStatistic {
			r.Good, r.Bad = f64(att*eligible), f64((1-att)*eligible)
		}
		if kind == domain.IndicatorAvailability {
			r.BadMinutes = r.Bad
		}
		r.Judge(Objective{op, target})
		return r
	}
	rows := []Row{
		row("avail", domain.IndicatorAvailability, "2026-03", ">=", 0.999, 0.998, 43200),
		row("p95", domain.IndicatorStatistic, "2026-03", "<=", 450, 495, 1000),
		row("ratio", domain.IndicatorRatio, "2026-03", ">=", 0.95, 0.90, 400),
		row("ratio", domain.IndicatorRatio, "2026-04", ">=", 0.95, 0.90, 500),
	}
	bs := Breaches(ws, rows, nil)
	want := map[string]struct {
		impact, share float64
		rank          int
		vital         bool
	}{
		"avail@2026-03": {5, 5 / 7.2, 1, true},
		"ratio@2026-03": {1, 7 / 7.2, 2, true},
		"ratio@2026-04": {1, 7 / 7.2, 2, true},
		"p95@2026-03":   {0.2, 1, 3, false},
	}
	for _, b := range bs {
		w := want[b.ID]
		if math.Abs(b.Impact-w.impact) > 1e-9 || math.Abs(b.ParetoShare-w.share) > 1e-6 || b.ParetoRank != w.rank || b.VitalFew != w.vital {
			t.Errorf("%s: impact %v share %v rank %d vital %v, want %+v", b.ID, b.Impact, b.ParetoShare, b.ParetoRank, b.VitalFew, w)
		}
	}
	if a := bs[0]; a.ID != "avail@2026-03" || a.Cost == nil || math.Abs(*a.Cost-15552) > 1e-6 || a.Weight != 5 {
		t.Errorf("avail %+v", a)
	}
}
