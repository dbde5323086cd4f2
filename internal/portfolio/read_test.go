package portfolio_test

import (
	"slices"
	"testing"
	"time"

	"slate/internal/domain"
	"slate/internal/improve"
	"slate/internal/looptest"
	"slate/internal/portfolio"
	"slate/internal/readview"
)

func action(id string, l improve.Links) improve.ActionItem {
	return improve.ActionItem{Action: improve.Action{ID: id, Links: l}}
}

// Read lays out every SLT once; FilterLoop keeps the loop's items of what
// the filtered portfolio shows.
func TestReadFilterLoop(t *testing.T) {
	clock := &looptest.Clock{T: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)}
	st := looptest.Open(t, clock)
	looptest.Apply(t, st, `apiVersion: slate/v1
kind: Service
metadata: {name: shop}
spec: {owner: Ann, businessUnit: retail}
---
apiVersion: slate/v1
kind: Service
metadata: {name: depot}
spec: {owner: Bo, businessUnit: logistics}
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
---
apiVersion: slate/v1
kind: SLT
metadata: {name: picking}
spec: {service: depot, feed: f, type: OLA, period: month, indicator: {kind: ratio}, objective: {target: 0.9}}
`)
	looptest.Import(t, st, "f", domain.ShapeCounts, looptest.DailyCounts(time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), 100, []float64{95, 96}))
	in, err := readview.Input(st, clock.T)
	if err != nil {
		t.Fatal(err)
	}
	p, loop, err := portfolio.Read(st, in, "")
	if err != nil || len(p.Services) != 2 || len(p.Problems) != 0 {
		t.Fatalf("read: %v %+v", err, p)
	}
	q := portfolio.Query{BusinessUnit: "retail"}
	shown := portfolio.Filter(p, q)
	loop.OverdueActions = []improve.ActionItem{action("a1", improve.Links{SLT: "checkout"}), action("a2", improve.Links{SLT: "picking"}),
		action("a3", improve.Links{Service: "shop"}), action("a4", improve.Links{Service: "depot"})}
	loop.OpenRCAs = []improve.RCAItem{{RCA: improve.RCA{ID: "r1", SLT: "picking"}}}
	got := portfolio.FilterLoop(loop, q, shown)
	var ids []string
	for _, a := range got.OverdueActions {
		ids = append(ids, a.ID)
	}
	if !slices.Equal(ids, []string{"a1", "a3"}) || len(got.OpenRCAs) != 0 {
		t.Errorf("kept actions %v and %d analyses", ids, len(got.OpenRCAs))
	}
	if all := portfolio.FilterLoop(loop, portfolio.Query{}, p); len(all.OverdueActions) != 4 {
		t.Errorf("no filter kept %d actions", len(all.OverdueActions))
	}
}
