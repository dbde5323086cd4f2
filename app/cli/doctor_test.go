package cli

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// doctor --rebuild-results stores the complete periods again; the report
// before and after it is the same (stored results are derived data).
func TestDoctorRebuildResults(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	mustRun(t, "--db", db, "demo", "--now", "2026-11-28")
	before := mustRun(t, "--db", db, "--json", "report", "--at", "2026-11-28")
	var out struct {
		OK      bool
		Results struct {
			SLTs, Periods int
			Problems      []string
		}
	}
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "--json", "doctor", "--rebuild-results")), &out); err != nil {
		t.Fatal(err)
	}
	r := out.Results
	if r.SLTs < 8 || r.Periods < r.SLTs || len(r.Problems) != 0 {
		t.Fatalf("rebuild: %+v", r)
	}
	if after := mustRun(t, "--db", db, "--json", "report", "--at", "2026-11-28"); after != before {
		t.Fatal("the report changed after rebuilding the stored results")
	}
}
