package drill_test

import (
	"testing"
	"time"

	"slate/internal/domain"
	"slate/internal/drill"
	"slate/internal/looptest"
	"slate/internal/readview"
)

// Read classifies a stored period once; Page pages it, each row with its
// batch, and the tally adds up to the figure.
func TestReadPage(t *testing.T) {
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
spec: {shape: counts, unit: checkouts}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: checkout}
spec: {service: shop, feed: f, type: SLA, period: month, indicator: {kind: ratio}, objective: {target: 0.9}}
`)
	good := make([]float64, 31)
	for i := range good {
		good[i] = float64(80 + i%20)
	}
	looptest.Import(t, st, "f", domain.ShapeCounts, looptest.DailyCounts(time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), 100, good))
	in, err := readview.Input(st, clock.T)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []drill.Query{{Period: "2026-10"}, {SLT: "checkout"}, {SLT: "checkout", Period: "2026-10", Status: "odd"},
		{SLT: "checkout", Period: "2026-10", Sort: "size"}} {
		if err := bad.Check(); err == nil {
			t.Errorf("%+v: want an error", bad)
		}
	}
	if q := (drill.Query{SLT: "checkout", Period: "2026-10", Offset: -3, Limit: 9000}); q.Check() != nil || q.Offset != 0 || q.Limit != 5000 {
		t.Errorf("bounds: %+v", q)
	}
	if _, err := drill.Read(st, in, "nope", "", "2026-10"); err == nil {
		t.Fatal("an unknown SLT was read")
	}
	d, err := drill.Read(st, in, "checkout", "", "2026-10")
	if err != nil {
		t.Fatal(err)
	}
	h := d.Head
	if h.All != 31 || h.TimeZone != "UTC" || h.DisplayName != "checkout" || h.CMDB != nil {
		t.Fatalf("head %+v", h)
	}
	if g := h.Figure.Good; g == nil || *g != h.Tally.Good || h.Tally.Good+h.Tally.Bad != 3100 {
		t.Fatalf("tally %+v does not add up to the figure %+v", h.Tally, h.Figure)
	}
	rows, batches, total := d.Page(drill.Query{Sort: "-value", Offset: 5, Limit: 10})
	if total != 31 || len(rows) != 10 || len(batches) != 1 || rows[0].File == "" || rows[0].Findings == nil || rows[0].N == 0 {
		t.Fatalf("page: %d rows of %d, %d batches, %+v", len(rows), total, len(batches), rows)
	}
	if *rows[0].Good < *rows[9].Good {
		t.Errorf("-value: %v before %v", *rows[0].Good, *rows[9].Good)
	}
	if rows, _, total := d.Page(drill.Query{Offset: 40, Limit: 10}); len(rows) != 0 || total != 31 {
		t.Fatalf("past the end: %d rows of %d", len(rows), total)
	}
}
