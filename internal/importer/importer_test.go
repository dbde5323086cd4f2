package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"slate/internal/domain"
	"slate/internal/ingest"
	"slate/internal/storage"
)

var now = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

func open(t *testing.T) *storage.Store {
	t.Helper()
	st, err := storage.Open(filepath.Join(t.TempDir(), "slate.db"), storage.Options{Actor: "tester", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

var lat = &domain.Feed{Metadata: domain.Meta{Name: "lat"}, Spec: domain.FeedSpec{Shape: domain.ShapeValue, Interval: domain.Duration(time.Minute), Unit: "ms"}}

func file(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

const rows = "time,latency\n2026-02-01T00:00:00Z,120\n2026-02-01T00:01:00Z,130\n2026-02-01T00:01:00Z,130\n2026-02-01T00:03:00Z,abc\n2026-02-01T00:04:00Z,150\n"

// TestRunPublishesOneBatch: rows become points, problems findings, and the
// mapping is saved once, inside the publishing transaction.
func TestRunPublishesOneBatch(t *testing.T) {
	st := open(t)
	var saved []domain.Mapping
	var progress int64
	res, err := Run(context.Background(), st, Request{Path: file(t, "lat.csv", rows), File: "lat.csv", Feed: lat, Now: now,
		Progress: func(done, total int64) { progress = done },
		SaveMapping: func(tx *storage.Tx, m domain.Mapping, batch uint64) error {
			saved = append(saved, m)
			_, err := tx.Audit("definition.updated", "Feed/lat", map[string]any{"batch": batch})
			return err
		}})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Counts
	if res.Batch == 0 || c.Read != 5 || c.Imported != 3 || c.Rejected != 2 || c.Read != c.Imported+c.Rejected+c.Empty {
		t.Fatalf("batch %d, counts %+v, findings %v", res.Batch, c, res.FindingCounts)
	}
	for _, kind := range []string{ingest.KindDuplicate, "non_numeric", ingest.KindMissingInterval} {
		if res.FindingCounts[kind] == 0 {
			t.Errorf("no %s finding: %v", kind, res.FindingCounts)
		}
	}
	if len(saved) != 1 || saved[0].Time != "time" || !res.MappingSaved || res.MappingFrom != "suggested" {
		t.Errorf("mapping saved %v (%v, from %s)", saved, res.MappingSaved, res.MappingFrom)
	}
	if progress != res.Size || res.SHA256 == "" {
		t.Errorf("progress %d of %d bytes, sha %q", progress, res.Size, res.SHA256)
	}
	err = st.View(func(tx *storage.Tx) error {
		b, err := tx.Batch(res.Batch)
		if err != nil {
			return err
		}
		if b.Status != storage.StatusPublished {
			t.Errorf("batch status %s", b.Status)
		}
		if n, err := Points(tx, b); err != nil || n != 3 {
			t.Errorf("points %d %v", n, err)
		}
		fs, truncated, err := Findings(tx, b.ID, 1)
		if err != nil || len(fs) != 1 || !truncated {
			t.Errorf("first finding %v, truncated %v, %v", fs, truncated, err)
		}
		var back strings.Builder
		if _, err := WriteSource(tx, b, &back); err != nil || back.String() != rows {
			t.Errorf("source back %q, %v", back.String(), err)
		}
		var rej strings.Builder
		if n, err := WriteRejects(tx, b, &rej, true); err != nil || n != 2 || !strings.Contains(rej.String(), "abc") {
			t.Errorf("rejects %d %v\n%s", n, err, rej.String())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// the same file again is refused before any work
	if _, err := Run(context.Background(), st, Request{Path: file(t, "lat.csv", rows), File: "lat.csv", Feed: lat, Now: now}); !errors.As(err, new(*storage.AlreadyImportedError)) {
		t.Errorf("second import: %v", err)
	}
}

// TestRunChangesNothingUnlessPublished: a dry run, a cancelled import and a
// refused one leave no batch, no point, no saved mapping.
func TestRunChangesNothingUnlessPublished(t *testing.T) {
	st := open(t)
	save := func(*storage.Tx, domain.Mapping, uint64) error { t.Error("mapping saved"); return nil }
	dry, err := Run(context.Background(), st, Request{Path: file(t, "a.csv", rows), File: "a.csv", Feed: lat, Now: now, DryRun: true, SaveMapping: save})
	if err != nil || dry.Batch != 0 || dry.Counts.Imported != 3 {
		t.Fatalf("dry run %+v %v", dry.Counts, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, st, Request{Path: file(t, "b.csv", rows), File: "b.csv", Feed: lat, Now: now, SaveMapping: save}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
	empty, err := Run(context.Background(), st, Request{Path: file(t, "c.csv", "time,latency\n"), File: "c.csv", Feed: lat, Now: now, SaveMapping: save})
	if err != nil || !empty.Refused || !strings.Contains(empty.RefusedReason, "no data rows") {
		t.Fatalf("header only: %+v %v", empty, err)
	}
	st.View(func(tx *storage.Tx) error {
		bs, _ := tx.Batches("")
		for _, b := range bs {
			if b.Status == storage.StatusPublished {
				t.Errorf("batch %d published", b.ID)
			}
		}
		return nil
	})
}

// TestConflictPolicies: a stored key with another value refuses the import
// (reject), rejects the row (keep) or replaces the value (replace); the
// findings speak of the policy, not of a flag.
func TestConflictPolicies(t *testing.T) {
	st := open(t)
	first := "time,latency\n2026-02-01T00:00:00Z,120\n2026-02-01T00:01:00Z,130\n"
	if _, err := Run(context.Background(), st, Request{Path: file(t, "1.csv", first), File: "1.csv", Feed: lat, Now: now}); err != nil {
		t.Fatal(err)
	}
	other := "time,latency\n2026-02-01T00:01:00Z,999\n2026-02-01T00:02:00Z,140\n"
	for _, c := range []struct {
		policy   string
		refused  bool
		imported int
		replaced int
		extra    string // a row of its own, so the file is new
	}{{"", true, 0, 0, "00:03"}, {ConflictKeep, false, 2, 0, "00:04"}, {ConflictReplace, false, 2, 1, "00:05"}} {
		content := other + "2026-02-01T" + c.extra + ":00Z,150\n"
		res, err := Run(context.Background(), st, Request{Path: file(t, c.policy+"2.csv", content), File: "2.csv", Feed: lat, Now: now, OnConflict: c.policy})
		if err != nil {
			t.Fatal(err)
		}
		if res.Refused != c.refused || res.Counts.Imported != c.imported || res.Counts.Replaced != c.replaced {
			t.Errorf("%q: refused %v, imported %d, replaced %d (%s)", c.policy, res.Refused, res.Counts.Imported, res.Counts.Replaced, res.RefusedReason)
		}
		for _, f := range res.Findings {
			if strings.Contains(f.Message, "--") {
				t.Errorf("%q: a finding names a flag: %s", c.policy, f.Message)
			}
		}
		if strings.Contains(res.RefusedReason, "--") {
			t.Errorf("%q: the refusal names a flag: %s", c.policy, res.RefusedReason)
		}
	}
	var fe *domain.FieldError
	if _, err := Run(context.Background(), st, Request{Path: file(t, "3.csv", other), File: "3.csv", Feed: lat, Now: now, OnConflict: "merge"}); !errors.As(err, &fe) || fe.Field != "on_conflict" {
		t.Errorf("unknown policy: %v", err)
	}
}
