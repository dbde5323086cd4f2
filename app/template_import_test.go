package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"slate/internal/demo"
	"slate/internal/domain"
	"slate/internal/ingest"
	"slate/internal/storage"
)

// A supplier who fills in exactly the template we send gets every row in: for
// every demo feed, as CSV and as XLSX, through the real import into a bbolt file.
func TestDemoTemplatesImport(t *testing.T) {
	dir := t.TempDir()
	a := openImportApp(t, filepath.Join(dir, "slate.db"))
	defer a.Close()
	if _, err := a.Workspace.Apply("demo", demo.Definitions); err != nil {
		t.Fatal(err)
	}
	var ws *domain.Workspace
	a.store.View(func(tx *storage.Tx) (err error) { ws, err = tx.Workspace(); return })
	for _, feed := range ws.Feeds() {
		l, err := ingest.FeedLayout(feed)
		if err != nil {
			t.Fatal(err)
		}
		rows := filledRows(feed)
		for _, format := range []string{"csv", "xlsx"} {
			t.Run(feed.Name()+"/"+format, func(t *testing.T) {
				path := filepath.Join(dir, feed.Name()+"."+format)
				f, err := os.Create(path)
				if err != nil {
					t.Fatal(err)
				}
				if format == "csv" {
					err = l.WriteCSV(f, slices.Values(rows))
				} else {
					err = l.WriteXLSX(f, slices.Values(rows))
				}
				f.Close()
				if err != nil {
					t.Fatal(err)
				}
				res, err := a.Local.Import(path, ImportRequest{Feed: feed.Name()})
				if err != nil {
					t.Fatal(err)
				}
				if res.MappingFrom != "feed" || res.Counts.Imported != len(rows) || res.Counts.Rejected != 0 {
					t.Fatalf("%s: mapping from %s, %+v, findings %+v", res.File, res.MappingFrom, res.Counts, res.Findings)
				}
				got := points(t, a, feed.Name())
				if len(got) != len(rows) {
					t.Fatalf("stored %d points, want %d", len(got), len(rows))
				}
				for i, p := range got {
					p.Batch = 0
					if fmt.Sprint(p) != fmt.Sprint(rows[i]) {
						t.Errorf("row %d:\n got %+v\nwant %+v", i+1, p, rows[i])
					}
				}
				if _, err := a.Imports.Revert(res.Batch, "next format"); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
	verifyAudit(t, a)
}

// filledRows are rows a supplier could send for the feed, in UTC, with only
// what the feed's mapping carries.
func filledRows(feed *domain.Feed) []domain.Point {
	m := feed.Spec.Mapping
	start := time.Date(2024, 5, 6, 7, 0, 0, 0, time.UTC)
	var out []domain.Point
	for i := range 5 {
		at := start.Add(time.Duration(i) * 5 * time.Minute)
		p := domain.Point{At: at}
		if m.CI != "" {
			p.CI = fmt.Sprintf("ci-%d", i)
		}
		switch feed.Spec.Shape {
		case domain.ShapeValue:
			p.Value = 100 + float64(i)*12.25
		case domain.ShapeCounts:
			p.Total, p.Good = 500, float64(500-i)
		case domain.ShapeEvent:
			p.Total, p.Good = 1, float64(i%2)
		case domain.ShapeItem:
			p.ItemID, p.Opened = fmt.Sprintf("T-%d", i), at
			p.Resolved = at.Add(time.Duration(i+1) * time.Hour)
			if m.Paused != "" {
				p.Paused = float64(i * 60)
			}
			if m.Priority != "" {
				p.Priority = "P3"
			}
			p.At = p.Resolved
		}
		out = append(out, p)
	}
	return out
}
