package correlate_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"slate/internal/correlate"
	"slate/internal/domain"
	"slate/internal/looptest"
	"slate/internal/readview"
)

const defs = `apiVersion: slate/v1
kind: Service
metadata: {name: fulfilment}
spec: {owner: Søren}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: orders}
spec: {shape: counts, unit: orders}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: backlog, displayName: Warehouse backlog}
spec: {shape: value, unit: parcels}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: weather}
spec: {shape: value, unit: mm}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: on-time, displayName: Orders on time}
spec:
  service: fulfilment
  feed: orders
  type: OLA
  timeZone: Europe/Berlin
  period: month
  indicator: {kind: ratio}
  objective: {target: 0.9}
  leads:
    - {feed: backlog, maxLag: 7d}
    - {feed: weather}
`

// The backlog moves three days before the share of orders on time (more
// parcels waiting, fewer on time), on top of a drift in both over the
// months; the weather is unrelated.
func TestLeadingIndicator(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	const n = 240
	clock := &looptest.Clock{T: looptest.Day(berlin, 2026, 1, 1, n)}
	st := looptest.Open(t, clock)
	looptest.Apply(t, st, defs)
	r := looptest.NewRand(42)
	backlog, rain, good := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range backlog {
		backlog[i] = 300 + 60*r.Norm() + 0.5*float64(i)
		rain[i] = math.Abs(5 * r.Norm())
	}
	for i := range good {
		prev := 300.0
		if i >= 3 {
			prev = backlog[i-3] - 0.5*float64(i-3)
		}
		good[i] = 1000 * (0.95 - 0.0003*(prev-300) + 0.006*r.Norm() - 0.0001*float64(i))
	}
	first := looptest.Day(berlin, 2026, 1, 1, 0)
	looptest.Import(t, st, "orders", domain.ShapeCounts, looptest.DailyCounts(first, 1000, good))
	looptest.Import(t, st, "backlog", domain.ShapeValue, looptest.DailyValues(first, backlog))
	looptest.Import(t, st, "weather", domain.ShapeValue, looptest.DailyValues(first, rain))
	in, err := readview.Input(st, clock.T)
	if err != nil {
		t.Fatal(err)
	}
	lead, _ := correlate.ParseRef(in.Workspace, "backlog")
	res, err := correlate.Correlate(in, lead, correlate.Ref{SLT: "on-time"}, 14)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res.Sentence)
	if res.BestLag == nil || *res.BestLag != 3 || *res.R > -0.5 || !res.Significant || !res.Leads || res.Tested != 29 || res.Days != n {
		t.Fatalf("backlog → on time: %+v", res)
	}
	want := "Warehouse backlog (daily mean) rises 3 days before Orders on time (daily attainment) falls (r = "
	if !strings.HasPrefix(res.Sentence, want) || !strings.HasSuffix(res.Sentence, ": a leading indicator, Orders on time gets worse 3 days after Warehouse backlog does.") {
		t.Fatalf("sentence %q", res.Sentence)
	}
	if *res.PAdjusted != math.Min(1, *res.PValue*29) {
		t.Fatalf("adjusted p %v for p %v over 29 lags", *res.PAdjusted, *res.PValue)
	}

	if byName, err := correlate.ByName(in, "backlog", "on-time", 14); err != nil || *byName.BestLag != 3 {
		t.Fatalf("by name: %v %+v", err, byName)
	}
	for _, bad := range [][2]string{{"nope", "on-time"}, {"backlog", "nope"}} {
		if _, err := correlate.ByName(in, bad[0], bad[1], 14); err == nil {
			t.Errorf("%v: want an error", bad)
		}
	}
	if _, err := correlate.ByName(in, "backlog", "on-time", 91); err == nil {
		t.Error("a lag of 91 days was tried")
	}
	rev, _ := correlate.Correlate(in, correlate.Ref{SLT: "on-time"}, lead, 14)
	if *rev.BestLag != -3 || !strings.Contains(rev.Sentence, "it is the other way round, Warehouse backlog leads") {
		t.Fatalf("the pair the other way round: %s", rev.Sentence)
	}

	pairs, err := correlate.KeptPairs(in, "on-time")
	if err != nil || len(pairs) != 2 || pairs[0].MaxLag != 7 || pairs[1].MaxLag != 14 {
		t.Fatalf("kept pairs %+v, %v", pairs, err)
	}
	t.Log(pairs[1].Sentence)
	if pairs[1].Significant || !strings.HasPrefix(pairs[1].Sentence, "No reliable link between weather (daily mean) and Orders on time") {
		t.Fatalf("the weather has no link: %+v", pairs[1])
	}
	if pl := correlate.PredictLeads(in.Workspace); len(pl["on-time"]) != 2 || pl["on-time"][0].Feed != "backlog" {
		t.Fatalf("prediction leads %+v", pl)
	}

	for _, c := range []struct {
		lead, lag string
		lagDays   int
		want      string
	}{
		{"ghost", "on-time", 14, `"ghost" is neither an SLT nor a feed`},
		{"feed:on-time", "on-time", 14, `feed "on-time" does not exist`},
		{"slt:on-time/core", "backlog", 14, `SLT on-time has no tier "core"`},
		{"backlog", "backlog", 14, "cannot lead itself"},
		{"backlog", "on-time", 120, "the longest lag must be 1 to 90 days"},
	} {
		a, errA := correlate.ParseRef(in.Workspace, c.lead)
		b, errB := correlate.ParseRef(in.Workspace, c.lag)
		err := errA
		if err == nil {
			err = errB
		}
		if err == nil {
			_, err = correlate.Correlate(in, a, b, c.lagDays)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s → %s: %v, want %q", c.lead, c.lag, err, c.want)
		}
	}
}
