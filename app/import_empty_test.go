package app

import (
	"strings"
	"testing"

	"slate/internal/storage"
)

// TestNothingToImportPublishesNothing: a header-only file, a file of blank
// rows and a file whose every row is rejected are refused with the reason;
// no batch, no audit event, no saved mapping.
func TestNothingToImportPublishesNothing(t *testing.T) {
	a, dir := newImportApp(t)
	cases := []struct{ name, body, says string }{
		{"header only", "timestamp,value\n", "has no data rows"},
		{"blank rows", "timestamp,value\n,\n,\n", "has no data rows"},
		{"every row rejected", "timestamp,value\n2024-05-01T00:00:00Z,fast\n2024-05-01T00:01:00Z,slow\n", "none of the file's 2 data rows can be imported (2 rejected"},
	}
	events := func() uint64 {
		var seq uint64
		a.store.View(func(tx *storage.Tx) error { seq, _, _ = tx.AuditHead(); return nil })
		return seq
	}
	before := events()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// A mapping given with the request would be saved by an import that publishes.
			m := &Mapping{Time: "timestamp", Value: "value"}
			res, err := a.Local.Import(writeFile(t, dir, strings.ReplaceAll(c.name, " ", "-")+".csv", []byte(c.body)), ImportRequest{Feed: "lat", Mapping: m})
			if err != nil {
				t.Fatal(err)
			}
			if !res.Refused || !strings.Contains(res.RefusedReason, c.says) || res.Batch != 0 || res.MappingSaved {
				t.Fatalf("result: refused %v %q batch %d mapping saved %v", res.Refused, res.RefusedReason, res.Batch, res.MappingSaved)
			}
		})
	}
	if bs, _ := a.Imports.Batches(""); len(bs) != 0 {
		t.Errorf("batches: %+v", bs)
	}
	if after := events(); after != before {
		t.Errorf("the audit trail grew from %d to %d events", before, after)
	}
	f, _ := a.Imports.scope().Feed(a.store, "lat")
	if f.Spec.Mapping != nil {
		t.Errorf("mapping saved: %+v", f.Spec.Mapping)
	}
}
