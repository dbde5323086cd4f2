package improve_test

import (
	"strings"
	"testing"
	"time"

	"slate/internal/domain"
	"slate/internal/looptest"
	"slate/internal/storage"
)

// The test workspace: orders are fulfilled by the fulfilment service (owner
// Søren), carried by ParcelNet; the carrier's own SLT belongs to logistics
// (owner Marek). Orders miss March to May and July to September 2026; the
// carrier misses March to July. Checkout success (shop, owner Ann) never misses.
const defs = `apiVersion: slate/v1
kind: Service
metadata: {name: fulfilment, displayName: Order fulfilment}
spec: {owner: Søren}
---
apiVersion: slate/v1
kind: Service
metadata: {name: logistics}
spec: {owner: Marek}
---
apiVersion: slate/v1
kind: Service
metadata: {name: shop}
spec: {owner: Ann}
---
apiVersion: slate/v1
kind: Supplier
metadata: {name: parcelnet}
spec: {contact: Marek}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: orders-feed}
spec: {shape: counts, supplier: parcelnet, unit: orders}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: carrier-feed}
spec: {shape: counts, supplier: parcelnet, unit: parcels}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: checkout-feed}
spec: {shape: counts, unit: checkouts}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: orders, displayName: Orders on time}
spec:
  service: fulfilment
  feed: orders-feed
  type: OLA
  period: month
  indicator: {kind: ratio}
  objective: {target: 0.95}
  assumptions:
    volume: {min: 50, max: 150, per: day}
  review:
    cycle: quarterly
    missedInARow: 3
    changes:
      - {date: "2026-08-10", kind: technology-refresh, note: New warehouse system}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: carrier}
spec: {service: logistics, feed: carrier-feed, type: UC, owner: Marek, period: month, indicator: {kind: ratio}, objective: {target: 0.95}}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: checkout}
spec:
  service: shop
  feed: checkout-feed
  type: SLA
  period: month
  indicator: {kind: ratio}
  objective: {target: 0.9}
  review: {cycle: monthly, metInARow: 6}
`

var monthShare = map[string]map[time.Month]float64{
	"orders-feed":   {1: .97, 2: .96, 3: .90, 4: .91, 5: .92, 6: .97, 7: .90, 8: .90, 9: .90, 10: .97},
	"carrier-feed":  {1: .97, 2: .97, 3: .90, 4: .90, 5: .90, 6: .90, 7: .90, 8: .97, 9: .97, 10: .97},
	"checkout-feed": {1: .99, 2: .99, 3: .99, 4: .99, 5: .99, 6: .99, 7: .99, 8: .99, 9: .99, 10: .99},
}

// newWorkspace stores the definitions and daily counts from 1 January to
// 31 October 2026 (100 units a day; 200 a day for orders in September).
func newWorkspace(t *testing.T, clock *looptest.Clock, extra string) *storage.Store {
	st := looptest.Open(t, clock)
	looptest.Apply(t, st, defs+extra)
	for feed, shares := range monthShare {
		var pts []domain.Point
		for d := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC); d.Month() <= 10 && d.Year() == 2026; d = d.AddDate(0, 0, 1) {
			total := 100.0
			if feed == "orders-feed" && d.Month() == 9 {
				total = 200
			}
			pts = append(pts, domain.Point{At: d.Add(12 * time.Hour), Good: shares[d.Month()] * total, Total: total})
		}
		looptest.Import(t, st, feed, domain.ShapeCounts, pts)
	}
	return st
}

func auditActions(t *testing.T, st *storage.Store) []storage.AuditEvent {
	t.Helper()
	var evs []storage.AuditEvent
	if err := st.View(func(tx *storage.Tx) error {
		var err error
		evs, err = tx.AuditEvents(0)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return evs
}

// unchanged runs fn, which must fail, and checks that it wrote nothing.
func unchanged(t *testing.T, st *storage.Store, want string, fn func() error) {
	t.Helper()
	before := len(auditActions(t, st))
	err := fn()
	if err == nil {
		t.Fatalf("want an error containing %q, got none", want)
	}
	if want != "" && !strings.Contains(err.Error(), want) {
		t.Fatalf("error %q does not say %q", err, want)
	}
	if after := len(auditActions(t, st)); after != before {
		t.Fatalf("a refused change wrote %d audit events", after-before)
	}
}
