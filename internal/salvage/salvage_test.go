package salvage

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"slate/internal/domain"
	"slate/internal/importer"
	"slate/internal/storage"
)

// TestSalvageWritesKeptFiles: an imported file comes back out of the
// database byte for byte, whether it was kept as lines or compressed, with
// the definitions and the audit trail beside it.
func TestSalvageWritesKeptFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "slate.db")
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	st, err := storage.Open(db, storage.Options{Actor: "tester", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	feed := &domain.Feed{Metadata: domain.Meta{Name: "lat"}, Spec: domain.FeedSpec{Shape: domain.ShapeValue, Unit: "ms"}}
	if err := st.Update(func(tx *storage.Tx) error { return tx.PutDefinition(feed) }); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("time,latency\n")
	for i := range 500 {
		b.WriteString(now.Add(time.Duration(i-1000)*time.Minute).Format(time.RFC3339) + ",12" + string(rune('0'+i%10)) + "\n")
	}
	files := map[string]string{"lines.csv": b.String(), "odd.csv": "time;latency\n2026-01-01 00:00;1,5\n"}
	for _, name := range []string{"lines.csv", "odd.csv"} {
		content := files[name]
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o600)
		if _, err := importer.Run(context.Background(), st, importer.Request{Path: p, File: name, Feed: feed, Now: now}); err != nil {
			t.Fatal(err)
		}
	}
	var lines int
	st.View(func(tx *storage.Tx) error {
		bs, _ := tx.Batches("")
		for _, b := range bs {
			if b.SourceLines {
				lines++
			}
		}
		return nil
	})
	st.Close()
	if lines == 0 {
		t.Fatal("no batch was kept as lines: the test checks nothing")
	}
	out := filepath.Join(dir, "saved")
	res, err := Salvage(db, out)
	if err != nil || len(res.Failed) != 0 {
		t.Fatalf("salvage: %+v %v", res, err)
	}
	for _, want := range []string{"definitions.yaml", "audit.jsonl", "batch-1-lines.csv", "batch-2-odd.csv"} {
		if !slices.Contains(res.Written, want) {
			t.Errorf("%s not written: %v", want, res.Written)
		}
	}
	for _, name := range res.Written {
		for file, content := range files {
			if strings.HasSuffix(name, "-"+file) {
				if got, _ := os.ReadFile(filepath.Join(out, name)); string(got) != content {
					t.Errorf("%s differs from the imported file", name)
				}
			}
		}
	}
}
