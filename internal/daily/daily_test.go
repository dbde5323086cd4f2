package daily_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/daily"
	"slate/internal/domain"
	"slate/internal/looptest"
	"slate/internal/readview"
)

const defs = `apiVersion: slate/v1
kind: Service
metadata: {name: shop}
spec: {owner: Ann}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: checkouts}
spec: {shape: counts, unit: checkouts}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: latency}
spec: {shape: value, unit: ms}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: tickets}
spec: {shape: item, unit: tickets}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: success}
spec: {service: shop, feed: checkouts, type: SLA, timeZone: Europe/Berlin, period: month, indicator: {kind: ratio}, objective: {target: 0.9}}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: p95}
spec: {service: shop, feed: latency, type: OLA, timeZone: Europe/Berlin, period: month, indicator: {kind: statistic, statistic: mean}, objective: {op: "<=", target: 300}}
`

// Daily values are the compliance engine's figures with a day as the
// period, dated by local date (a 23-hour DST day is one date), complete
// dates only.
func TestDailySeries(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	clock := &looptest.Clock{T: time.Date(2026, 4, 2, 15, 0, 0, 0, berlin)} // 2 April running
	st := looptest.Open(t, clock)
	looptest.Apply(t, st, defs)
	first := looptest.Day(berlin, 2026, 3, 25, 0)
	good := []float64{90, 80, 100, 70, 95, 60, 85, 75, 99} // 25 March … 2 April
	looptest.Import(t, st, "checkouts", domain.ShapeCounts, looptest.DailyCounts(first, 100, good))
	looptest.Import(t, st, "latency", domain.ShapeValue, append(looptest.DailyValues(first, []float64{100, 200, 300, 400, 500, 600, 700, 800, 900}),
		domain.Point{At: first.Add(13 * time.Hour).UTC(), Value: 300})) // a second value on 25 March
	in, err := readview.Input(st, clock.T)
	if err != nil {
		t.Fatal(err)
	}
	ev := compliance.NewEvaluator(in)
	s, err := daily.SLT(ev, "success", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Values) != 8 {
		t.Fatalf("%d days, want 8 complete ones (2 April still runs): %+v", len(s.Values), s.Values)
	}
	for i, v := range s.Values {
		want := good[i] / 100
		if v.Value != want || v.Date != first.AddDate(0, 0, i).Format(time.DateOnly) || v.Eligible != 100 {
			t.Errorf("day %d: %+v, want %s = %v", i, v, first.AddDate(0, 0, i).Format(time.DateOnly), want)
		}
	}
	if !s.HigherIsBetter || s.Unit != "share" || s.Zone != "Europe/Berlin" {
		t.Errorf("series header %+v", s)
	}

	m, err := daily.SLT(ev, "p95", "")
	if err != nil {
		t.Fatal(err)
	}
	if m.Values[0].Value != 200 || m.Values[1].Value != 200 || m.HigherIsBetter || m.Unit != "ms" || m.Measure != "daily mean" {
		t.Errorf("daily mean series %+v", m)
	}
	if _, err := daily.SLT(ev, "success", "core"); err == nil || !strings.Contains(err.Error(), `has no tier "core"`) {
		t.Errorf("unknown tier: %v", err)
	}
	if _, err := daily.SLT(ev, "nope", ""); err == nil || !strings.Contains(err.Error(), `SLT "nope" does not exist`) {
		t.Errorf("unknown SLT: %v", err)
	}

	f, err := daily.Feed(in, "checkouts", berlin)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Values) != 8 || math.Abs(f.Values[1].Value-0.2) > 1e-12 || f.Measure != "daily share of bad units" {
		t.Errorf("counts feed per day: %+v", f)
	}
}

// Items count on the local date they were opened, also when resolved after
// the evaluation time; a date inside the span with none opened is 0.
func TestDailyItemsOpened(t *testing.T) {
	clock := &looptest.Clock{T: time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC)}
	st := looptest.Open(t, clock)
	looptest.Apply(t, st, defs)
	d := func(day, hour int) time.Time { return time.Date(2026, 5, day, hour, 0, 0, 0, time.UTC) }
	looptest.Import(t, st, "tickets", domain.ShapeItem, []domain.Point{
		looptest.Item("T1", d(1, 9), d(1, 12), 0),
		looptest.Item("T2", d(1, 10), d(12, 9), 0), // resolved after the evaluation time
		looptest.Item("T3", d(3, 9), time.Time{}, 0),
		looptest.Item("T4", d(11, 9), time.Time{}, 0), // opened after it
	})
	in, err := readview.Input(st, clock.T)
	if err != nil {
		t.Fatal(err)
	}
	f, err := daily.Feed(in, "tickets", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, v := range f.Values {
		got[v.Date] = v.Value
	}
	if len(got) != 3 || got["2026-05-01"] != 2 || got["2026-05-02"] != 0 || got["2026-05-03"] != 1 || f.Unit != "tickets" {
		t.Fatalf("items opened per day %v (%+v)", got, f)
	}
}
