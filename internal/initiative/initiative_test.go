package initiative_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"slate/internal/domain"
	"slate/internal/initiative"
	"slate/internal/looptest"
	"slate/internal/stats"
	"slate/internal/storage"
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
kind: SLT
metadata: {name: success, displayName: Checkout success}
spec: {service: shop, feed: checkouts, type: SLA, timeZone: Europe/Berlin, period: month, indicator: {kind: ratio}, objective: {target: 0.95}}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: latency-mean, displayName: Mean latency}
spec: {service: shop, feed: latency, type: OLA, timeZone: Europe/Berlin, period: month, indicator: {kind: statistic, statistic: mean}, objective: {op: "<=", target: 450}}
`

var berlin, _ = time.LoadLocation("Europe/Berlin")

// workspace: 120 days of checkouts from 1 June 2026 (1 000 a day) whose
// daily success share is before[i] until the change day and after it
// after; and mean latency per day (one value a day).
func workspace(t *testing.T, success, latency []float64) (*storage.Store, *looptest.Clock) {
	clock := &looptest.Clock{T: looptest.Day(berlin, 2026, 6, 1, len(success)+1)}
	st := looptest.Open(t, clock)
	looptest.Apply(t, st, defs)
	first := looptest.Day(berlin, 2026, 6, 1, 0)
	good := make([]float64, len(success))
	for i, s := range success {
		good[i] = s * 1000
	}
	looptest.Import(t, st, "checkouts", domain.ShapeCounts, looptest.DailyCounts(first, 1000, good))
	if latency != nil {
		looptest.Import(t, st, "latency", domain.ShapeValue, looptest.DailyValues(first, latency))
	}
	return st, clock
}

func series(r *looptest.Rand, n int, mean, sd float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = math.Round((mean+sd*r.Norm())*1000) / 1000 // whole checkouts of 1 000
	}
	return out
}

// A real step change (95% → 97% a day) is significant, in the right
// direction, with the figures of Welch's t-test on the same daily values
// computed without Slate's engine; enough data.
func TestStepChange(t *testing.T) {
	r := looptest.NewRand(1)
	before, after := series(r, 60, 0.95, 0.01), series(r, 40, 0.97, 0.01)
	days := append(append(append([]float64{}, before...), 0.5), after...) // the change day itself is odd and left out
	st, clock := workspace(t, days, nil)
	imp, err := initiative.Add(st, "maria", initiative.NewImprovement{SLT: "success", Change: "2026-07-31", Description: "Retry the payment gateway once"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := initiative.Validate(st, imp.ID, clock.T, initiative.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("step change: %s", res.Verdict)
	want, _ := stats.WelchTTest(after, before, 0.95)
	if res.Test != "welch" || res.NBefore != 60 || res.NAfter != 40 || !res.Significant || res.Direction != "better" {
		t.Fatalf("step change: %+v", res)
	}
	if math.Abs(*res.Effect-want.Estimate) > 1e-12 || math.Abs(*res.PValue-want.P) > 1e-12 || math.Abs(res.EffectCI[0]-want.CI[0]) > 1e-12 {
		t.Fatalf("effect %v CI %v p %v; Welch on the raw days: %v %v %v", *res.Effect, *res.EffectCI, *res.PValue, want.Estimate, want.CI, want.P)
	}
	if math.Abs(*res.Effect-0.02) > 0.006 || res.EffectCI[0] > 0.02 || res.EffectCI[1] < 0.02 {
		t.Fatalf("effect %v (CI %v) misses the planted +2 points", *res.Effect, *res.EffectCI)
	}
	if !res.EnoughData || res.DaysNeeded == nil || *res.DaysNeeded != 0 || res.Before.From != "2026-06-01" || res.After.From != "2026-08-01" {
		t.Fatalf("enough data: %+v", res)
	}
	if !strings.HasPrefix(res.Verdict, "Checkout success improved after the change on 2026-07-31: daily attainment 95.") || !strings.Contains(res.Verdict, "Welch's t-test p < 0.001. Enough data") {
		t.Fatalf("verdict %q", res.Verdict)
	}
	if len(res.Days) != 100 || res.Days[60].Phase != "after" {
		t.Fatalf("chart days %d", len(res.Days))
	}
}

// No change: not significant, and it says how many more days would be
// needed; the number follows the sample-size formula at the observed d.
func TestNoChange(t *testing.T) {
	r := looptest.NewRand(7)
	before, after := series(r, 60, 0.95, 0.01), series(r, 20, 0.95, 0.01)
	st, clock := workspace(t, append(append(append([]float64{}, before...), 0.95), after...), nil)
	imp, _ := initiative.Add(st, "maria", initiative.NewImprovement{SLT: "success", Change: "2026-07-31", Description: "New checkout button"})
	res, err := initiative.Validate(st, imp.ID, clock.T, initiative.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("no change: %s", res.Verdict)
	if res.Significant || res.Direction != "none" || res.EnoughData || res.DaysNeeded == nil || *res.DaysNeeded <= 0 {
		t.Fatalf("no change: %+v", res)
	}
	w, _ := stats.WelchTTest(after, before, 0.95)
	n, _ := stats.SampleSizeMeans(w.CohenD, 0.05, 0.8)
	need := int(math.Ceil(float64(n) * 60 / (120 - float64(n))))
	if res.Test == "mann-whitney" {
		t.Fatalf("20 normal days a side take Welch: %s", res.TestWhy)
	}
	if 2*60 > n && *res.DaysNeeded != need-20 {
		t.Fatalf("days needed %d, want %d (n = %d per side at d = %.3f)", *res.DaysNeeded, need-20, n, w.CohenD)
	}
	if !strings.HasPrefix(res.Verdict, "No significant change in Checkout success after the change on 2026-07-31") ||
		!strings.Contains(res.Verdict, "more days after the change are needed to detect it with 80% power") {
		t.Fatalf("verdict %q", res.Verdict)
	}
}

// Lower is better for a latency: a fall is an improvement; a rise in
// failures is "worse"; a handful of days gets the rank test; too few days
// says so.
func TestDirectionsAndSmallSamples(t *testing.T) {
	r := looptest.NewRand(3)
	lat := append(series(r, 30, 400, 20), series(r, 31, 340, 20)...)
	for i := range lat {
		lat[i] = math.Round(lat[i] * 1000) // ms, not shares: undo the rounding scale
	}
	succ := append(series(r, 30, 0.97, 0.005), series(r, 31, 0.94, 0.005)...)
	st, clock := workspace(t, succ, lat)
	mk := func(slt, change string) string {
		imp, err := initiative.Add(st, "maria", initiative.NewImprovement{SLT: slt, Change: change, Description: "x"})
		if err != nil {
			t.Fatal(err)
		}
		return imp.ID
	}
	res, _ := initiative.Validate(st, mk("latency-mean", "2026-06-30"), clock.T, initiative.Options{})
	if res.Direction != "better" || *res.Effect > 0 || res.HigherIsBetter || res.Unit != "ms" || !strings.Contains(res.Verdict, "Mean latency improved") {
		t.Fatalf("latency fell: %+v", res)
	}
	res, _ = initiative.Validate(st, mk("success", "2026-06-30"), clock.T, initiative.Options{})
	if res.Direction != "worse" || !strings.Contains(res.Verdict, "got worse") {
		t.Fatalf("success fell: %+v", res)
	}
	res, _ = initiative.Validate(st, mk("success", "2026-07-20"), clock.T, initiative.Options{})
	if res.Test != "mann-whitney" || res.NAfter != 11 || !strings.Contains(res.TestWhy, "fewer than 15 days") {
		t.Fatalf("ten days after: %+v", res)
	}
	res, _ = initiative.Validate(st, mk("success", "2026-07-30"), clock.T, initiative.Options{})
	if res.Test != "none" || res.DaysNeeded == nil || *res.DaysNeeded != 2 || !strings.HasPrefix(res.Verdict, "Not enough data yet to judge Checkout success: 59 days before the change on 2026-07-30 and 1 after") {
		t.Fatalf("one day after: %+v", res)
	}
}

func TestAddRefusesBadInput(t *testing.T) {
	st, _ := workspace(t, []float64{0.9, 0.9, 0.9}, nil)
	for _, c := range []struct {
		in   initiative.NewImprovement
		want string
	}{
		{initiative.NewImprovement{SLT: "ghost", Change: "2026-06-02", Description: "x"}, `SLT "ghost" does not exist`},
		{initiative.NewImprovement{SLT: "success", Change: "02/06/2026", Description: "x"}, `change date "02/06/2026" is not a date (write YYYY-MM-DD`},
		{initiative.NewImprovement{SLT: "success", Change: "2026-06-02"}, "needs a description"},
		{initiative.NewImprovement{SLT: "success", Description: "x"}, "needs the date of the change"},
		{initiative.NewImprovement{SLT: "success", Tier: "core", Change: "2026-06-02", Description: "x"}, `SLT success has no tier "core"`},
	} {
		if _, err := initiative.Add(st, "maria", c.in); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.in, err, c.want)
		}
	}
	if _, err := initiative.Add(st, "", initiative.NewImprovement{SLT: "success", Change: "2026-06-02", Description: "x"}); err == nil {
		t.Error("no actor accepted")
	}
	if l, _ := initiative.List(st, ""); len(l) != 0 {
		t.Fatalf("refused input stored %d improvements", len(l))
	}
	if _, err := initiative.Validate(st, "IMP-1", time.Now(), initiative.Options{}); err == nil || !strings.Contains(err.Error(), "improvement IMP-1 does not exist") {
		t.Fatalf("unknown id: %v", err)
	}
	imp, _ := initiative.Add(st, "maria", initiative.NewImprovement{SLT: "success", Change: "2026-06-02", Description: "x"})
	var evs []storage.AuditEvent
	st.View(func(tx *storage.Tx) error { evs, _ = tx.AuditEvents(0); return nil })
	last := evs[len(evs)-1]
	if last.Action != "improvement.add" || last.Actor != "maria" || last.Object != "Improvement/"+imp.ID {
		t.Fatalf("audit %+v", last)
	}
}
