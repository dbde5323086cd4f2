package importer_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"slate/internal/defs"
	"slate/internal/domain"
	"slate/internal/importer"
	"slate/internal/looptest"
	"slate/internal/storage"
)

// A supplier's scope sees and feeds its own feeds and batches only; another
// supplier's are "no such feed" and "no such batch".
func TestScope(t *testing.T) {
	st := looptest.Open(t, &looptest.Clock{T: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)})
	looptest.Apply(t, st, `apiVersion: slate/v1
kind: Supplier
metadata: {name: a}
spec: {contact: Ann}
---
apiVersion: slate/v1
kind: Supplier
metadata: {name: b}
spec: {contact: Bob}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: fa}
spec: {shape: counts, supplier: a}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: fb}
spec: {shape: counts, supplier: b}
`)
	day := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	looptest.Import(t, st, "fa", domain.ShapeCounts, looptest.DailyCounts(day, 10, []float64{9, 8}))
	looptest.Import(t, st, "fb", domain.ShapeCounts, looptest.DailyCounts(day, 10, []float64{7}))
	all, err := importer.Scope{}.Batches(st, "")
	if err != nil || len(all) != 2 {
		t.Fatalf("everyone's batches: %v %d", err, len(all))
	}
	a := importer.Scope{Held: true, Supplier: "a"}
	own, err := a.Batches(st, "")
	if err != nil || len(own) != 1 || own[0].Feed != "fa" {
		t.Fatalf("a's batches: %v %+v", err, own)
	}
	if _, err := a.Feed(st, "fb"); !errors.Is(err, defs.ErrNoFeed) {
		t.Errorf("another supplier's feed: %v", err)
	}
	if f, err := a.Feed(st, "fa"); err != nil || f.Name() != "fa" {
		t.Errorf("its own feed: %v", err)
	}
	var other uint64
	for _, b := range all {
		if b.Feed == "fb" {
			other = b.ID
		}
	}
	if _, err := a.Batch(st, other, 10); !errors.Is(err, storage.ErrNoBatch) {
		t.Errorf("another supplier's batch: %v", err)
	}
	var buf bytes.Buffer
	if _, err := a.WriteRejects(st, other, &buf, true); !errors.Is(err, storage.ErrNoBatch) || buf.Len() != 0 {
		t.Errorf("another supplier's rejects: %v, %d bytes", err, buf.Len())
	}
	d, err := a.Batch(st, own[0].ID, 10)
	if err != nil || d.Points != 2 || d.Findings == nil && d.Truncated {
		t.Errorf("its own batch: %v %+v", err, d)
	}
	if fs, err := a.Feeds(st); err != nil || len(fs) != 1 || fs[0].Name != "fa" || fs[0].Batches != 1 {
		t.Errorf("a's feeds: %v %+v", err, fs)
	}
	if err := a.WriteTemplate(st, "fa", &buf, true); err != nil || buf.Len() == 0 {
		t.Errorf("template: %v", err)
	}
}
