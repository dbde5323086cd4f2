package compliance

import (
	"iter"
	"testing"
	"time"

	"slate/internal/domain"
)

func TestBurnRateAlerts(t *testing.T) {
	s := newSLT("web", "month", "UTC", availability(), 0.999)
	ws := domain.NewWorkspace(s)
	at := ts("2026-10-20T00:00:00Z")
	pts := probes(ts("2026-10-01T00:00:00Z"), at, func(t time.Time) bool { return !t.Before(at.Add(-time.Hour)) })
	res, err := Alerts(Input{Workspace: ws, At: at, Source: SlicePoints(map[string][]domain.Point{"web-feed": pts})}, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Alerts) != 4 {
		t.Fatalf("alerts %+v", res.Alerts)
	}
	a := res.Alerts[0]
	if a.Severity != "page" || a.Windows[0].Window != "1h" || a.Windows[0].Bad != 60 || a.Windows[0].Eligible != 60 || !near(*a.Windows[0].BurnRate, 1000) {
		t.Errorf("%+v", a)
	}
	d := res.Alerts[2] // 1d and 2h
	if d.Severity != "ticket" || d.Windows[0].Eligible != 1440 || !near(*d.Windows[0].BurnRate, 60.0/1440/0.001) {
		t.Errorf("%+v", d)
	}
	if len(res.Trends) != 1 || res.Trends[0].MissDate != "2026-10-20" || res.Trends[0].BadSoFar != 60 {
		t.Errorf("trends %+v", res.Trends)
	}
	// healthy: nothing fires; a slow burn projects a future miss date
	pts = probes(ts("2026-10-01T00:00:00Z"), at, func(t time.Time) bool { return !t.Before(at.Add(-24*time.Hour)) && t.Minute() == 0 && t.Hour()%2 == 0 })
	res, _ = Alerts(Input{Workspace: ws, At: at, Source: SlicePoints(map[string][]domain.Point{"web-feed": pts})}, "")
	// 12 bad in the last day: 1d burn 12/1440/0.001 = 8.3 but 2h burn 1/120/0.001 = 8.3 > 3 → ticket only
	for _, a := range res.Alerts {
		if a.Severity == "page" {
			t.Errorf("unexpected page %+v", a)
		}
	}
	if len(res.Trends) != 1 {
		t.Fatalf("trends %+v", res.Trends)
	}
	tr := res.Trends[0]
	// so far 12 bad of 27360, allowed 27.36; rates 12/day bad vs 1.44/day allowed → miss after 15.36/10.56 days
	days := (27.36 - 12) / (12 - 1.44)
	want := at.Add(time.Duration(days * 24 * float64(time.Hour)))
	if tr.MissAt.Sub(want).Abs() > time.Second || tr.MissDate != "2026-10-21" {
		t.Errorf("trend %+v, want miss at %v", tr, want)
	}
}

func TestScaledWindows(t *testing.T) {
	w := ScaledWindows(PeriodSpec{Kind: Week})
	if w[0].Name != "1h" || w[0].Dur != 14*time.Minute {
		t.Errorf("%+v", w)
	}
}

func TestRollback(t *testing.T) {
	r, err := ParseRollbackRule("error_rate > 2% for 15m")
	if err != nil || r.Threshold != 0.02 || r.For != 15*time.Minute || r.Step != time.Minute {
		t.Fatalf("%+v %v", r, err)
	}
	for _, bad := range []string{"error_rate > 0.02", "latency > 1 for 5m", "error_rate >> 1 for 5m", "value > 1 for 5m every 0s"} {
		if _, err := ParseRollbackRule(bad); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
	// 100 requests a minute; minutes 10..29 have 5 errors (5%), minute 40..49 too (10 minutes, too short)
	var pts []domain.Point
	for m := 0; m < 60; m++ {
		g := 100.0
		if m >= 10 && m < 30 || m >= 40 && m < 50 {
			g = 95
		}
		pts = append(pts, domain.Point{At: ts("2026-10-05T12:00:00Z").Add(time.Duration(m) * time.Minute), Good: g, Total: 100})
	}
	res := EvaluateRollback("api", r, iter.Seq[domain.Point](Seq(pts)))
	if !res.Held || len(res.Spans) != 1 {
		t.Fatalf("%+v", res)
	}
	sp := res.Spans[0]
	if !sp.Start.Equal(ts("2026-10-05T12:10:00Z")) || !sp.End.Equal(ts("2026-10-05T12:30:00Z")) || !sp.FiredAt.Equal(ts("2026-10-05T12:25:00Z")) || sp.Buckets != 20 || !near(sp.Peak, 0.05) {
		t.Errorf("%+v", sp)
	}
}

func TestWhatIfAndResolution(t *testing.T) {
	rows := []Row{}
	for i, a := range []float64{0.999, 0.995, 0.990, 0.998, 0.9995, 0.997, 0.996, 0.9991, 0.9985, 0.9999} {
		rows = append(rows, Row{Period: time.Date(2026, time.Month(i+1), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), Attainment: f64(a), Eligible: 1, Complete: true})
	}
	w := WhatIfRows("web", rows, ">=", f64(0.999), 0.998)
	if w.Judged != 10 || w.MetProposed != 6 || w.MetCurrent != 4 || *w.Target90 != 0.995 {
		t.Errorf("%+v", w)
	}
	// 5-minute polling cannot see a monthly 99.99% budget (4.3 minutes)
	warn := ResolutionWarning("web", "", PeriodSpec{Kind: Month}, 5*time.Minute, 1, 0.9999)
	if warn == nil || warn.Kind != "resolution" {
		t.Fatal("no warning")
	}
	if ResolutionWarning("web", "", PeriodSpec{Kind: Month}, time.Minute, 1, 0.9999) != nil {
		t.Error("1-minute polling sees 4.3 minutes")
	}
}

// Rollback and WhatIfNamed look the feed or the SLT up by name on an Input.
func TestRollbackWhatIfByName(t *testing.T) {
	var pts []domain.Point
	for m := range 60 {
		pts = append(pts, domain.Point{At: ts("2026-10-05T12:00:00Z").Add(time.Duration(m) * time.Minute), Good: 90, Total: 100})
	}
	s := &domain.SLT{Metadata: domain.Meta{Name: "web"}, Spec: domain.SLTSpec{Service: "svc", Feed: "api", Type: domain.TypeSLA, Period: "day",
		Indicator: &domain.Indicator{Kind: domain.IndicatorRatio}, Objective: domain.Objective{Target: 0.95}}}
	ws := domain.NewWorkspace(s, &domain.Feed{Metadata: domain.Meta{Name: "api"}, Spec: domain.FeedSpec{Shape: domain.ShapeCounts}})
	in := Input{Workspace: ws, At: ts("2026-10-08T00:00:00Z"), Source: SlicePoints(map[string][]domain.Point{"api": pts})}
	r, _ := ParseRollbackRule("error_rate > 2% for 15m")
	if _, err := Rollback(in, "nope", r, ts("2026-10-05T00:00:00Z"), ts("2026-10-06T00:00:00Z")); err == nil {
		t.Error("an unknown feed was evaluated")
	}
	if res, err := Rollback(in, "api", r, ts("2026-10-05T00:00:00Z"), ts("2026-10-06T00:00:00Z")); err != nil || !res.Held {
		t.Errorf("rollback %v %+v", err, res)
	}
	if _, err := WhatIfNamed(in, "nope", "", 0.9); err == nil {
		t.Error("an unknown SLT was judged")
	}
	if w, err := WhatIfNamed(in, "web", "", 0.85); err != nil || w.Judged != 1 || w.MetProposed != 1 || w.MetCurrent != 0 {
		t.Errorf("what-if %v %+v", err, w)
	}
}
