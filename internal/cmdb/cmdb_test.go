package cmdb

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/demo"
	"slate/internal/domain"
	"slate/internal/storage"
)

func TestReadExports(t *testing.T) {
	cis, err := Read(strings.NewReader("CMDB export 2026-11-30\n\nCI ID;Name;Class;Owned by;Operational status;Last verified\nweb-01;Web 1;server;Ops;operational;2026-11-02\ndb-1;DB;server;DBA;retired;\nlb-1;LB;network;Net;operational;2026-10-01T12:30:00Z\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cis) != 3 || cis[0].ID != "web-01" || cis[0].Owner != "Ops" || cis[1].Status != "retired" || !cis[1].VerifiedAt.IsZero() ||
		!cis[2].VerifiedAt.Equal(time.Date(2026, 10, 1, 12, 30, 0, 0, time.UTC)) || !cis[0].VerifiedAt.Equal(time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("%+v", cis)
	}
	_, err = Read(strings.NewReader("ci_id,name,verified_at\na,A,2026-01-01\n,B,2026-01-01\na,again,2026-01-02\nc,C,last tuesday\n"))
	var re *ReadError
	if !errors.As(err, &re) || len(re.Problems) != 3 ||
		!strings.Contains(err.Error(), "row 3, column ci_id: the CI id is empty") ||
		!strings.Contains(err.Error(), `row 4, column ci_id: CI "a" is listed again (first on row 2)`) ||
		!strings.Contains(err.Error(), `row 5, column verified_at: "last tuesday" is not a date`) {
		t.Errorf("problems: %v", err)
	}
	for in, want := range map[string]string{
		"name,class\nx,y\n":                      "no column for the CI id and verified-at",
		"ci_id,verified_at\n":                    "has a header but no CIs",
		"":                                       "no rows",
		"ci_id,name,verified_at\nx,y,\n\"oops\n": "row 3:",
	} {
		_, err := Read(strings.NewReader(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", in, err, want)
		}
	}
}

func openStore(t *testing.T, now time.Time) *storage.Store {
	t.Helper()
	st, err := storage.Open(filepath.Join(t.TempDir(), "s.db"), storage.Options{Actor: "tester", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// An import replaces the CI set and is audited; a refused file changes nothing.
func TestImportReplacesAndAudits(t *testing.T) {
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	st := openStore(t, now)
	imp, err := Import(st, bytes.NewReader(demo.CMDB(now)), "cmdb.csv")
	if err != nil {
		t.Fatal(err)
	}
	if imp.CIs != 6 || imp.Added != 6 || imp.Removed != 0 || len(imp.SHA256) != 64 || !imp.At.Equal(now) {
		t.Fatalf("%+v", imp)
	}
	second := "ci_id,name,verified_at\nweb-shop,Web shop front end (new),2026-11-20\ncrm,CRM,2026-11-01\n"
	imp, err = Import(st, strings.NewReader(second), "cmdb2.csv")
	if err != nil || imp.CIs != 2 || imp.Added != 1 || imp.Changed != 1 || imp.Removed != 5 {
		t.Fatalf("%+v %v", imp, err)
	}
	auditLen := func() int {
		var n int
		st.View(func(tx *storage.Tx) error { ev, err := tx.AuditEvents(0); n = len(ev); return err })
		return n
	}
	before := auditLen()
	if _, err := Import(st, strings.NewReader("ci_id,verified_at\nx,never\n"), "bad.csv"); err == nil || !strings.Contains(err.Error(), "bad.csv: 1 problem(s) in the CMDB export, nothing was imported") {
		t.Fatalf("bad file: %v", err)
	}
	var cis []domain.CI
	var last *storage.CMDBImport
	var events []storage.AuditEvent
	st.View(func(tx *storage.Tx) (err error) {
		cis, _ = tx.CIs()
		last, _ = tx.LastCMDBImport()
		events, err = tx.AuditEvents(0)
		return err
	})
	if len(cis) != 2 || cis[0].ID != "crm" || cis[1].Name != "Web shop front end (new)" || last.File != "cmdb2.csv" || auditLen() != before {
		t.Errorf("after a refused import: %+v %+v", cis, last)
	}
	if e := events[len(events)-1]; e.Action != "cmdb.import" || e.Object != "CMDB" || !strings.Contains(string(e.Details), `"file":"cmdb2.csv"`) {
		t.Errorf("audit %+v", e)
	}
}

// incident (monthly, Berlin) names CIs a, b, c, d. The CMDB knows a (verified
// 10 days before November's end), b (verified 100 days before: stale) and c
// (never verified); d is unknown. November has 20 rows: a 10, b 4, c 2, d 3,
// one without a CI: flagged = 4 + 2 + 3 = 9 of 20 = 45%.
func TestRowsFromUnverifiedCIs(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	end := time.Date(2026, 12, 1, 0, 0, 0, 0, berlin)
	s := &domain.SLT{Metadata: domain.Meta{Name: "incident"}, Spec: domain.SLTSpec{Service: "desk", Feed: "tickets", Type: domain.TypeOLA,
		Period: "month", TimeZone: "Europe/Berlin", Indicator: &domain.Indicator{Kind: domain.IndicatorDuration, Goal: domain.Duration(8 * time.Hour)},
		Objective: domain.Objective{Target: 0.9}, CIs: []string{"a", "d"}}}
	ws := domain.NewWorkspace(s)
	cis := []domain.CI{{ID: "a", VerifiedAt: end.Add(-10 * 24 * time.Hour)}, {ID: "b", VerifiedAt: end.Add(-100 * 24 * time.Hour)}, {ID: "c"}}
	var pts []domain.Point
	add := func(ci string, n int, month time.Month) {
		for i := range n {
			at := time.Date(2026, month, 3+i, 12, 0, 0, 0, berlin)
			pts = append(pts, domain.Point{At: at, ItemID: ci + strconvI(i) + month.String(), Opened: at.Add(-time.Hour), Resolved: at, CI: ci})
		}
	}
	add("a", 10, time.November)
	add("b", 4, time.November)
	add("c", 2, time.November)
	add("d", 3, time.November)
	add("", 1, time.November)
	add("b", 5, time.October)
	src := compliance.SlicePoints(map[string][]domain.Point{"tickets": pts})
	rep, err := Check(ws, src, cis, "incident", "2026-11", time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 20 || rep.WithoutCI != 1 || rep.Unknown != 3 || rep.Unverified != 6 || rep.Flagged != 9 || *rep.Share != 0.45 || !rep.Reference.Equal(end) {
		t.Fatalf("%+v", rep)
	}
	if want := "45% of incident's rows in 2026-11 (9 of 20) come from CIs unknown to the CMDB or not verified in the last 90 days (unknown: d; not verified: b, c); 1 rows name no CI; the SLT's own CIs not verified: d (unknown)"; rep.Message != want {
		t.Errorf("message\n got %q\nwant %q", rep.Message, want)
	}
	if rep.CIs[0].ID != "a" || rep.CIs[0].State != StateVerified || len(rep.Declared) != 2 || rep.Declared[1].State != StateUnknown {
		t.Errorf("%+v %+v", rep.CIs, rep.Declared)
	}
	// In October, b's verification (100 days before December) was 69 days old.
	oct, _ := Check(ws, src, cis, "incident", "2026-10", time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC))
	if oct.Rows != 5 || oct.Flagged != 0 || !strings.HasPrefix(oct.Message, "every row of incident in 2026-10 comes from a CI verified in the last 90 days") {
		t.Errorf("october %+v", oct)
	}
	// The running period is judged at the evaluation time and counts rows up to it.
	run, _ := Check(ws, src, cis, "incident", "", time.Date(2026, 11, 6, 0, 0, 0, 0, time.UTC))
	if run.Period != "2026-11" || run.Rows != 12 || !run.Reference.Equal(time.Date(2026, 11, 6, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("running %+v", run)
	}
	for _, c := range []struct{ slt, period, want string }{
		{"nope", "", `SLT "nope" does not exist`},
		{"incident", "2026-W45", `period "2026-W45" is not a month`},
		{"incident", "someday", "is not a period"},
	} {
		if _, err := Check(ws, src, cis, c.slt, c.period, end); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v", c, err)
		}
	}
}

func strconvI(i int) string { return string(rune('0' + i)) }

func TestDemoCMDB(t *testing.T) {
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	cis, err := Read(bytes.NewReader(demo.CMDB(now)))
	if err != nil || len(cis) != 6 {
		t.Fatalf("%v %v", cis, err)
	}
	s := &domain.SLT{Metadata: domain.Meta{Name: "incident-resolution"}, Spec: domain.SLTSpec{Feed: "desk-tickets", Period: "month",
		CIs: []string{"web-shop", "checkout-api", "payment-gw", "warehouse-wms", "crm"}}}
	rep, err := Check(domain.NewWorkspace(s), compliance.SlicePoints(nil), cis, "incident-resolution", "", now)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, d := range rep.Declared {
		got[d.ID] = d.State
	}
	if got["web-shop"] != StateVerified || got["checkout-api"] != StateVerified || got["payment-gw"] != StateUnverified ||
		got["warehouse-wms"] != StateUnverified || got["crm"] != StateUnknown {
		t.Errorf("%v", got)
	}
}
