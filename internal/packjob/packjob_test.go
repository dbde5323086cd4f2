package packjob_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"slate/internal/domain"
	"slate/internal/looptest"
	"slate/internal/packjob"
	"slate/internal/storage"
)

const defs = `apiVersion: slate/v1
kind: Service
metadata: {name: shop}
spec: {owner: Ann}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: checkout-feed}
spec: {shape: counts, unit: checkouts}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: checkout}
spec: {service: shop, feed: checkout-feed, type: SLA, period: month, indicator: {kind: ratio}, objective: {target: 0.9}}
`

func workspace(t *testing.T) *storage.Store {
	clock := &looptest.Clock{T: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)}
	st := looptest.Open(t, clock)
	looptest.Apply(t, st, defs)
	var good []float64
	for range 61 {
		good = append(good, 95)
	}
	looptest.Import(t, st, "checkout-feed", domain.ShapeCounts, looptest.DailyCounts(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), 100, good))
	return st
}

func TestNormalise(t *testing.T) {
	q := packjob.Query{Period: " 2026-10 ", Formats: []string{"PDF,xlsx", "pdf"}, Services: []string{"b,a", "a"}}
	if err := q.Normalise(); err != nil {
		t.Fatal(err)
	}
	if q.Period != "2026-10" || strings.Join(q.Formats, ",") != "pdf,xlsx" || strings.Join(q.Services, ",") != "a,b" {
		t.Fatalf("normalised to %+v", q)
	}
	for _, bad := range []packjob.Query{{}, {Period: "October"}, {Period: "2026-10", Formats: []string{"docx"}},
		{Period: "2026-10", Supplier: "s", Services: []string{"shop"}}, {Period: "2026-10", Supplier: "s", Anonymize: true}} {
		if err := bad.Normalise(); err == nil {
			t.Errorf("%+v: want an error", bad)
		}
	}
}

// A pack is written, listed and verified; exporting it again does not move
// its fingerprint, new data does.
func TestBuildVerify(t *testing.T) {
	st := workspace(t)
	out := packjob.Folder(st)
	q := packjob.Query{Period: "2026-10", Formats: []string{"xlsx"}, Date: "2026-11-02"}
	if err := q.Normalise(); err != nil {
		t.Fatal(err)
	}
	res, err := packjob.Build(context.Background(), st, q, out, func(int64, int64, string) {})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 || res.Files[0].Name != "review-pack-2026-10.xlsx" || res.SLTs != 1 || res.Fingerprint == "" {
		t.Fatalf("result %+v", res)
	}
	again, err := packjob.Build(context.Background(), st, q, out, func(int64, int64, string) {})
	if err != nil || again.Fingerprint != res.Fingerprint {
		t.Fatalf("a second export moved the fingerprint: %v %s != %s", err, again.Fingerprint, res.Fingerprint)
	}
	files, err := packjob.List(out)
	if err != nil || len(files) != 1 || files[0].Format != "xlsx" {
		t.Fatalf("list: %v %+v", err, files)
	}
	path, err := packjob.Stored(out, res.Files[0].Name)
	if err != nil {
		t.Fatal(err)
	}
	v, err := packjob.Verify(st, path, res.Files[0].Name)
	if err != nil || !v.Match || v.Stored != res.Fingerprint || v.Period != "2026-10" {
		t.Fatalf("verify: %v %+v", err, v)
	}
	looptest.Import(t, st, "checkout-feed", domain.ShapeCounts, looptest.DailyCounts(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), 100, []float64{50}))
	if v, err = packjob.Verify(st, path, res.Files[0].Name); err != nil || v.Match || v.Current == v.Stored {
		t.Fatalf("verify after new data: %v %+v", err, v)
	}
	for _, name := range []string{"", "../x.pdf", ".hidden.pdf", "notes.txt", "missing.pdf"} {
		if _, err := packjob.Stored(out, name); err == nil {
			t.Errorf("Stored(%q): want an error", name)
		}
	}
	os.WriteFile(filepath.Join(out, "junk.xlsx"), []byte("not a pack"), 0o644)
	if _, err := packjob.Verify(st, filepath.Join(out, "junk.xlsx"), "junk.xlsx"); err == nil {
		t.Error("a file that is not a pack verified")
	}
}
