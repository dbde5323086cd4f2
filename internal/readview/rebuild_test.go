package readview_test

import (
	"testing"
	"time"

	"slate/internal/domain"
	"slate/internal/looptest"
	"slate/internal/readview"
)

// Rebuild stores the complete periods again after clearing them.
func TestRebuild(t *testing.T) {
	clock := &looptest.Clock{T: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)}
	st := looptest.Open(t, clock)
	looptest.Apply(t, st, `apiVersion: slate/v1
kind: Service
metadata: {name: shop}
spec: {owner: Ann}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: f}
spec: {shape: counts}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: checkout}
spec: {service: shop, feed: f, type: SLA, period: month, indicator: {kind: ratio}, objective: {target: 0.9}}
`)
	looptest.Import(t, st, "f", domain.ShapeCounts, looptest.DailyCounts(time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC), 100, make([]float64, 90)))
	cleared := 0
	slts, periods, problems, err := readview.Rebuild(st, clock.T, func() { cleared++ })
	if err != nil || slts != 1 || periods < 2 || len(problems) != 0 || cleared != 1 {
		t.Fatalf("rebuild: %v, %d SLTs, %d periods, %v, cleared %d", err, slts, periods, problems, cleared)
	}
	if _, again, _, err := readview.Rebuild(st, clock.T, func() {}); err != nil || again != periods {
		t.Errorf("a second rebuild stored %d periods (%v), the first %d", again, err, periods)
	}
	in, err := readview.Input(st, clock.T)
	if err != nil {
		t.Fatal(err)
	}
	all, err := readview.Breaches(st, in, "")
	if err != nil || len(all) < 2 {
		t.Fatalf("breaches: %v %d", err, len(all))
	}
	if since, err := readview.Breaches(st, in, "2026-10"); err != nil || len(since) >= len(all) || len(since) == 0 {
		t.Errorf("breaches since 2026-10: %v %d of %d", err, len(since), len(all))
	}
}
