package change

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
)

func approx(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("%s = %.12g, want %.12g", what, got, want)
	}
}

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// checkout (ratio, monthly, 99%): in May 100 checkouts an hour with 1 bad
// (1%); in June, so far, 200 an hour with 1 bad (0.5%).
func workspace() (*compliance.Input, map[string][]domain.Point) {
	slt := &domain.SLT{Metadata: domain.Meta{Name: "checkout"}, Spec: domain.SLTSpec{Service: "shop", Feed: "orders", Type: domain.TypeSLA,
		Period: "month", Owner: "Olga Owner", Indicator: &domain.Indicator{Kind: domain.IndicatorRatio}, Objective: domain.Objective{Target: 0.99}}}
	p95 := &domain.SLT{Metadata: domain.Meta{Name: "latency"}, Spec: domain.SLTSpec{Service: "shop", Feed: "lat", Type: domain.TypeOLA, Period: "month",
		Indicator: &domain.Indicator{Kind: domain.IndicatorStatistic, Statistic: "p95"}, Objective: domain.Objective{Target: 800}}}
	ws := domain.NewWorkspace(slt, p95, &domain.Service{Metadata: domain.Meta{Name: "shop"}})
	var orders []domain.Point
	for t := ts("2026-05-01T00:00:00Z"); t.Before(ts("2026-06-10T00:00:00Z")); t = t.Add(time.Hour) {
		if t.Month() == time.May {
			orders = append(orders, domain.Point{At: t, Good: 99, Total: 100})
		} else {
			orders = append(orders, domain.Point{At: t, Good: 199, Total: 200})
		}
	}
	feeds := map[string][]domain.Point{"orders": orders}
	in := compliance.Input{Workspace: ws, At: ts("2026-06-10T00:00:00Z"), Source: compliance.SlicePoints(feeds)}
	return &in, feeds
}

// By hand, for a 2-hour window on 20 June, everything failing: June has 720
// hours; 216 are measured (43,200 checkouts, 216 bad: 200 an hour, 0.5%
// burn); 502 are still to come besides the window.
//
//	projected eligible  E = 43,200 + 200 · (502 + 2) = 144,000; allowed bad = 1% · E = 1,440
//	without the change  B = 216 + 0.005 · 200 · 504 = 720      → budget left 50%
//	unplanned           B = 216 + 0.005 · 200 · 502 + 1 · 400 = 1,118
//	                    the window's 400 bad use 400 / 1,440 = 27.778% of the budget,
//	                    leaving 1 − 1,118 / 1,440 = 22.361%; attainment 1 − 1,118 / 144,000 = 99.224%: met
//	planned (excluded)  E = 43,200 + 200 · 502 = 143,600, allowed 1,436, B = 718 → budget left 50%
func TestChangeWindowByHand(t *testing.T) {
	in, _ := workspace()
	a, err := Assess(*in, Request{SLT: "checkout", From: ts("2026-06-20T10:00:00Z"), To: ts("2026-06-20T12:00:00Z")})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Impacts) != 1 {
		t.Fatalf("%+v", a)
	}
	im := a.Impacts[0]
	if im.Period != "2026-06" || im.Basis != "this period so far (2026-06)" || im.WindowHours != 2 || im.RestHours != 502 || im.PastHours != 216 {
		t.Fatalf("%+v", im)
	}
	approx(t, "units per hour", im.UnitsPerHour, 200)
	approx(t, "burn", im.BadRatio, 0.005)
	approx(t, "without: eligible", im.Without.Eligible, 144000)
	approx(t, "without: bad", im.Without.Bad, 720)
	approx(t, "without: budget left", im.Without.BudgetLeft, 0.5)
	approx(t, "unplanned: bad", im.Unplanned.Bad, 1118)
	approx(t, "unplanned: window bad", im.Unplanned.WindowBad, 400)
	approx(t, "unplanned: consumes", im.Unplanned.Consumes, 400.0/1440)
	approx(t, "unplanned: budget left", im.Unplanned.BudgetLeft, 1-1118.0/1440)
	approx(t, "unplanned: attainment", im.Unplanned.Attainment, 1-1118.0/144000)
	approx(t, "planned: eligible", im.Planned.Eligible, 143600)
	approx(t, "planned: allowed", im.Planned.AllowedBad, 1436)
	approx(t, "planned: budget left", im.Planned.BudgetLeft, 0.5)
	if !a.MeetsUnplanned || !a.MeetsPlanned || im.Planned.Consumes != 0 || a.Owner != "Olga Owner" {
		t.Errorf("%+v", a)
	}
	if want := "unplanned, the window uses 27.778% of checkout's 2026-06 budget, leaving 22.361% at the period's end (99.224% projected): the target still holds; registered as maintenance beforehand it is excluded, leaving 50%"; a.Verdict != want {
		t.Errorf("verdict\n got %q\nwant %q", a.Verdict, want)
	}
	// Half the checkouts failing for 12 hours: 1,200 bad, 83.333% of the budget;
	// B = 216 + 0.005·200·492 + 0.5·2,400 = 1,908 > 1,440: the month is lost.
	half := 0.5
	a, err = Assess(*in, Request{SLT: "checkout", From: ts("2026-06-20T00:00:00Z"), To: ts("2026-06-20T12:00:00Z"), ErrorRate: &half})
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "12h consumes", a.Impacts[0].Unplanned.Consumes, 1200.0/1440)
	approx(t, "12h bad", a.Impacts[0].Unplanned.Bad, 1908)
	if a.MeetsUnplanned || !a.MeetsPlanned || !strings.Contains(a.Verdict, "the target of 99% would be missed") {
		t.Errorf("%+v", a)
	}
}

// A window in a month without data yet takes its rates from the last
// complete month (May: 100 an hour, 1% burn), and a window across a month's
// end is priced in both months.
func TestChangeWindowNextPeriodAndAcrossPeriods(t *testing.T) {
	in, _ := workspace()
	a, err := Assess(*in, Request{SLT: "checkout", From: ts("2026-06-30T23:00:00Z"), To: ts("2026-07-01T01:00:00Z")})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Impacts) != 2 || a.Impacts[0].Period != "2026-06" || a.Impacts[1].Period != "2026-07" {
		t.Fatalf("%+v", a.Impacts)
	}
	jul := a.Impacts[1]
	if jul.Basis != "the last complete period (2026-05)" || jul.WindowHours != 1 || jul.PastHours != 0 || jul.RestHours != 743 {
		t.Fatalf("%+v", jul)
	}
	approx(t, "July units per hour", jul.UnitsPerHour, 100)
	approx(t, "July burn", jul.BadRatio, 0.01)
	// E = 100 · 744 = 74,400, allowed 744; B = 0.01 · 100 · 743 + 100 = 843: missed
	approx(t, "July bad", jul.Unplanned.Bad, 843)
	approx(t, "July budget left", jul.Unplanned.BudgetLeft, 1-843.0/744)
	if jul.Unplanned.Meets || jul.Without.Meets != true {
		t.Errorf("%+v", jul)
	}
}

// Business hours: only the window's part inside the SLT's calendar counts.
func TestChangeWindowOutsideBusinessHours(t *testing.T) {
	in, _ := workspace()
	cal := &domain.Calendar{Metadata: domain.Meta{Name: "office"}, Spec: domain.CalendarSpec{TimeZone: "UTC",
		Hours: domain.WeeklyHours{Mon: []string{"09:00-17:00"}, Tue: []string{"09:00-17:00"}, Wed: []string{"09:00-17:00"}, Thu: []string{"09:00-17:00"}, Fri: []string{"09:00-17:00"}}}}
	in.Workspace.Put(cal)
	in.Workspace.SLT("checkout").Spec.Calendar = "office"
	a, err := Assess(*in, Request{SLT: "checkout", From: ts("2026-06-20T00:00:00Z"), To: ts("2026-06-21T00:00:00Z")}) // a Saturday
	if err != nil {
		t.Fatal(err)
	}
	if a.Impacts[0].WindowHours != 0 || a.Impacts[0].Unplanned.Consumes != 0 || !strings.Contains(a.Verdict, "outside checkout's hours in scope") {
		t.Errorf("%+v", a)
	}
	b, _ := Assess(*in, Request{SLT: "checkout", From: ts("2026-06-22T16:00:00Z"), To: ts("2026-06-22T20:00:00Z")}) // Monday 16-20
	if b.Impacts[0].WindowHours != 1 {
		t.Errorf("Monday 16:00-20:00 in office hours: %v hours", b.Impacts[0].WindowHours)
	}
}

func TestChangeErrorsAndServiceList(t *testing.T) {
	in, _ := workspace()
	from, to := ts("2026-06-20T10:00:00Z"), ts("2026-06-20T12:00:00Z")
	two := 2.0
	for _, c := range []struct {
		req  Request
		want string
	}{
		{Request{SLT: "nope", From: from, To: to}, `SLT "nope" does not exist`},
		{Request{SLT: "checkout", From: to, To: from}, "ends (2026-06-20T10:00:00Z) before it starts"},
		{Request{SLT: "checkout", From: ts("2026-06-01T00:00:00Z"), To: to}, "before now (2026-06-10T00:00:00Z)"},
		{Request{SLT: "checkout", From: from, To: to, ErrorRate: &two}, "outside 0..1"},
		{Request{SLT: "latency", From: from, To: to}, "a p95 statistic has no error budget"},
	} {
		if _, err := Assess(*in, c.req); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.req, err, c.want)
		}
	}
	_, err := Assess(*in, Request{SLT: "latency", From: from, To: to})
	var nb *NoBudgetError
	if !errors.As(err, &nb) {
		t.Errorf("statistic: %T %v", err, err)
	}
	list, err := AssessService(*in, "shop", from, to, nil)
	if err != nil || len(list) != 2 || list[0].SLT != "checkout" || list[0].Skipped != "" || list[1].Skipped == "" || list[1].Verdict != list[1].Skipped {
		t.Fatalf("%+v %v", list, err)
	}
	if _, err := AssessService(*in, "ghost", from, to, nil); err == nil || !strings.Contains(err.Error(), `service "ghost" does not exist`) {
		t.Errorf("unknown service: %v", err)
	}
	empty := compliance.Input{Workspace: in.Workspace, At: in.At, Source: compliance.SlicePoints(nil)}
	if _, err := Assess(empty, Request{SLT: "checkout", From: from, To: to}); err == nil || !strings.Contains(err.Error(), "no data to project from") {
		t.Errorf("no data: %v", err)
	}
}
