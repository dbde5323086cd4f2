package app

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/storage"
)

// TestFirstImportKeepsExactResults: a feed's first import is evaluated as
// it is stored (internal/warm) and its complete periods kept as results.
// Whatever the SLT kind (zones, calendars and tiers, rolling windows,
// availability slices, statistics), with exceptions and maintenance
// windows set before the import, and whether or not the file lets warm
// follow it (rows out of time order, a repeated row), every report read
// from stored results equals the one evaluated from scratch; and a file in
// time order leaves its periods stored, so the report reads no blocks.
func TestFirstImportKeepsExactResults(t *testing.T) {
	for seed := range uint64(8) {
		for _, feed := range []string{"lat", "req", "probe"} {
			t.Run(fmt.Sprintf("%s seed %d", feed, seed), func(t *testing.T) { firstImportProperty(t, feed, seed) })
		}
	}
}

func firstImportProperty(t *testing.T, feed string, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 29))
	dir := t.TempDir()
	a, err := OpenWith(filepath.Join(dir, "slate.db"), storage.Options{Actor: "prop", Now: func() time.Time { return propEnd }})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Workspace.Apply("ws.yaml", propWorkspace); err != nil {
		t.Fatal(err)
	}
	randTime := func() time.Time {
		return propStart.Add(time.Duration(rng.Int64N(int64(propEnd.Sub(propStart))))).Truncate(time.Minute)
	}
	// exceptions and a maintenance window, decided before the import
	for range rng.IntN(4) {
		slt := []string{"lat-le", "lat-p90", "lat-roll", "req-tiered", "probe-avail", "probe-roll"}[rng.IntN(6)]
		from := randTime()
		e := storage.Exception{SLT: slt, From: from, To: from.Add(time.Duration(10+rng.IntN(2000)) * time.Minute), Reason: "test",
			RequestedBy: "a", RequestedAt: propEnd, Status: []string{compliance.StatusApproved, compliance.StatusRequested}[rng.IntN(2)]}
		if err := a.store.Update(func(tx *storage.Tx) error { return tx.NewException(&e) }); err != nil {
			t.Fatal(err)
		}
	}
	if rng.IntN(2) == 0 {
		from := randTime()
		doc := fmt.Sprintf(`{apiVersion: slate/v1, kind: MaintenanceWindow, metadata: {name: mw}, spec: {services: [shop], start: %s, end: %s, registeredAt: 2025-12-01T00:00:00Z, reason: test}}`,
			from.Format(time.RFC3339), from.Add(time.Duration(30+rng.IntN(600))*time.Minute).Format(time.RFC3339))
		if _, err := a.Workspace.Apply("mw.yaml", doc); err != nil {
			t.Fatal(err)
		}
	}

	// the first file: weeks of data, sometimes out of order or with a repeated row
	from := propStart.Add(time.Duration(rng.IntN(72)) * time.Hour)
	pts := propPoints(rng, feed, from, from.Add(time.Duration(20+rng.IntN(15))*24*time.Hour))
	if feed == "lat" && rng.IntN(2) == 0 {
		// dense: the file spans more than one chunk of the import
		pts = pts[:0]
		for t := from; t.Before(from.Add(12 * 24 * time.Hour)); t = t.Add(20 * time.Second) {
			pts = append(pts, domain.Point{At: t, Value: float64(100+rng.IntN(300)) + float64(rng.IntN(100))/100})
		}
	}
	lines := make([]string, 0, len(pts)+1)
	for _, p := range pts {
		lines = append(lines, csvLine(feed, p))
	}
	disorder := ""
	switch rng.IntN(4) {
	case 0: // one row from the first half swapped with one from the second (another chunk, when there are two)
		i, j := rng.IntN(len(lines)/2), len(lines)/2+rng.IntN(len(lines)/2)
		lines[i], lines[j] = lines[j], lines[i]
		disorder = "swapped rows"
	case 1: // the writer, not the reader, finds the copy
		lines = append(lines, lines[rng.IntN(len(lines)/2)])
		disorder = "a repeated row"
	}
	header := map[string]string{"lat": "timestamp,value", "req": "timestamp,good,total", "probe": "timestamp,ok"}[feed]
	path := writeFile(t, dir, feed+".csv", []byte(header+"\n"+strings.Join(lines, "\n")+"\n"))
	res, err := a.Local.Import(path, ImportRequest{Feed: feed})
	if err != nil || res.Batch == 0 {
		t.Fatalf("import: batch %d, %v (%s)", res.Batch, err, res.RefusedReason)
	}
	var kept int
	a.store.View(func(tx *storage.Tx) error { kept = tx.ResultCount(); return nil })
	t.Logf("%d rows (%s): %d periods kept", len(lines), disorder, kept)
	if disorder == "" && kept == 0 {
		t.Fatalf("a first import in time order kept no results")
	}

	for _, at := range []time.Time{propEnd, propEnd.Add(50 * time.Hour), from.Add(9*24*time.Hour + 7*time.Minute)} {
		for _, period := range []string{"", "2026-01", "2026-W03", "2026-01-20"} {
			if diff := storedVersusScratch(t, a, at, period); diff != "" {
				t.Fatalf("%d points into %s from %s (%s; %d periods kept), period %q at %s: stored results differ from scratch\n%s",
					len(pts), feed, from.Format(time.DateTime), disorder, kept, period, at.Format(time.RFC3339), diff)
			}
		}
	}
}

// csvLine is a point as a row of the test files (header in firstImportProperty).
func csvLine(feed string, p domain.Point) string {
	ts := p.At.Format(time.RFC3339)
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	switch feed {
	case "lat":
		return ts + "," + f(p.Value)
	case "req":
		return ts + "," + f(p.Good) + "," + f(p.Total)
	default:
		return ts + "," + f(p.Good)
	}
}
