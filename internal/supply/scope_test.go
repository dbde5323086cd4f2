package supply

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/demo"
	"slate/internal/domain"
	"slate/internal/manifest"
	"slate/internal/storage"
)

func demoWorkspace(t *testing.T) *domain.Workspace {
	t.Helper()
	entries, problems := manifest.Decode(strings.NewReader(demo.Definitions), "demo", nil)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	ws := domain.NewWorkspace()
	for _, e := range entries {
		ws.Put(e.Def)
	}
	if ps := ws.ValidateAll(); len(ps) > 0 {
		t.Fatal(ps)
	}
	return ws
}

func TestScopeOfDemoSupplier(t *testing.T) {
	ws := demoWorkspace(t)
	day := func(d int) time.Time { return time.Date(2026, 5, d, 0, 0, 0, 0, time.UTC) }
	batches := []storage.Batch{
		{ID: 1, Feed: "shop-probe", Status: "published", From: day(1), To: day(10), BatchMeta: storage.BatchMeta{File: "probe-1.csv"}},
		{ID: 2, Feed: "shop-probe", Status: "reverted", From: day(11), To: day(20)},
		{ID: 3, Feed: "shop-probe", Status: "discarded", From: day(11), To: day(20)},
		{ID: 4, Feed: "parcel-orders", Status: "published", From: day(1), To: day(30)},
		{ID: 5, Feed: "shop-latency", Status: "published", From: day(21), To: day(30)},
	}
	sc, err := Scope(ws, batches, ScopeOptions{Supplier: "cloudhost"})
	if err != nil {
		t.Fatal(err)
	}
	var slts []string
	for _, s := range sc.SLTs {
		slts = append(slts, s.SLT)
	}
	if strings.Join(sc.Contracts, ",") != "cloudhost-hosting" || strings.Join(sc.Feeds, ",") != "shop-latency,shop-probe" ||
		strings.Join(slts, ",") != "hosting-availability,page-latency-fast,page-latency-p95,shop-availability" ||
		strings.Join(sc.Services, ",") != "web-shop" {
		t.Fatalf("scope %+v", sc)
	}
	if h := sc.SLTs[0]; h.Why != "bound by cloudhost-hosting; computed from shop-probe, which cloudhost delivers" || len(h.Contracts) != 1 {
		t.Errorf("hosting %+v", h)
	}
	if len(sc.Batches) != 3 || sc.Batches[0].File != "probe-1.csv" || sc.Actions == nil || len(sc.Actions) != 0 {
		t.Errorf("batches %+v actions %v", sc.Batches, sc.Actions)
	}
	if sc.Contingency == nil || len(sc.Contingency.Contacts) == 0 {
		t.Errorf("contingency %+v", sc.Contingency)
	}
	w, _ := Scope(ws, batches, ScopeOptions{Supplier: "cloudhost", From: day(12), To: day(21)})
	if len(w.Batches) != 1 || w.Batches[0].ID != 2 {
		t.Errorf("window batches %+v", w.Batches)
	}
	// On a database: the definitions and batches as stored.
	st, err := storage.Open(filepath.Join(t.TempDir(), "s.db"), storage.Options{Actor: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Update(func(tx *storage.Tx) error {
		for _, d := range ws.Everything() {
			if err := tx.PutDefinition(d); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	stored, err := ScopeStore(st, ScopeOptions{Supplier: "parcelnet"})
	if err != nil || strings.Join(stored.Contracts, ",") != "parcelnet-delivery" || len(stored.SLTs) != 1 || len(stored.Batches) != 0 ||
		strings.Join(stored.Assessments, ",") != "parcelnet-2026-10" {
		t.Errorf("stored scope %+v %v", stored, err)
	}
	if _, err := Scope(ws, nil, ScopeOptions{Supplier: "acme"}); err == nil || !strings.Contains(err.Error(), `supplier "acme" does not exist (known: cloudhost, parcelnet)`) {
		t.Errorf("unknown supplier: %v", err)
	}
	if _, err := Scope(ws, nil, ScopeOptions{Supplier: "cloudhost", From: day(5), To: day(4)}); err == nil {
		t.Error("a window ending before it starts was accepted")
	}
}

// The restricted workspace is valid on its own and evaluates every scoped
// SLT exactly as the full workspace does (maintenance windows included).
func TestRestrictedWorkspaceGivesTheSameNumbers(t *testing.T) {
	ws := demoWorkspace(t)
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	feeds := map[string][]domain.Point{}
	for i := range 60 * 24 * 4 {
		at := start.Add(time.Duration(i) * 15 * time.Minute)
		g := 1.0
		if i%97 == 0 || at.Weekday() == time.Sunday && at.Hour() == 1 {
			g = 0 // some bad probes, some inside the Sunday patching window
		}
		feeds["shop-probe"] = append(feeds["shop-probe"], domain.Point{At: at, Good: g, Total: 1})
		feeds["shop-latency"] = append(feeds["shop-latency"], domain.Point{At: at, Value: 300 + float64(i%700)})
		if i%8 == 0 {
			op := at.Add(-time.Duration(i%50) * time.Hour)
			feeds["parcel-orders"] = append(feeds["parcel-orders"], domain.Point{At: at, ItemID: "P" + at.Format("0601021504"), Opened: op, Resolved: at})
		}
	}
	at := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	full, err := compliance.BuildReport(compliance.Input{Workspace: ws, At: at, Source: compliance.SlicePoints(feeds)}, compliance.ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, su := range ws.Suppliers() {
		sc, err := Scope(ws, nil, ScopeOptions{Supplier: su.Name()})
		if err != nil {
			t.Fatal(err)
		}
		r := sc.Restrict(ws)
		if ps := r.ValidateAll(); len(ps) > 0 {
			t.Fatalf("%s: restricted workspace invalid: %v", su.Name(), ps)
		}
		part, err := compliance.BuildReport(compliance.Input{Workspace: r, At: at, Source: compliance.SlicePoints(feeds)}, compliance.ReportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{}
		for _, row := range full.Rows {
			b, _ := json.Marshal(row)
			want[row.SLT+"/"+row.Tier+"@"+row.Period] = string(b)
		}
		n := 0
		for _, row := range part.Rows {
			b, _ := json.Marshal(row)
			if k := row.SLT + "/" + row.Tier + "@" + row.Period; want[k] != string(b) {
				t.Errorf("%s: %s differs:\n got %s\nwant %s", su.Name(), k, b, want[k])
			}
			n++
		}
		if n == 0 {
			t.Errorf("%s: no rows", su.Name())
		}
		if len(part.Credits) == 0 {
			t.Errorf("%s: no credits in the scoped report", su.Name())
		}
		// The original is untouched by the copies' pruning.
		if ws.Feed("shop-latency").Spec.CalibrateAgainst == "" {
			t.Fatal("Restrict changed the original workspace")
		}
	}
}
