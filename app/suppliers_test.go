package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"slate/internal/compliance"
	"slate/internal/demo"
)

// A supplier's data set is the data the numbers come from: each feed of its
// review scope, downloaded as the feed's own XLSX and imported as it is into
// a workspace with the same definitions and nothing else, gives the very same
// figures for every scoped SLT in the review period.
func TestSupplierDataSetGivesTheSameNumbers(t *testing.T) {
	a := openDemo(t)
	fresh := openImportApp(t, filepath.Join(t.TempDir(), "fresh.db"))
	defer fresh.Close()
	if _, err := fresh.Workspace.Apply("demo", demo.Definitions); err != nil {
		t.Fatal(err)
	}
	const period = "2026-10"
	slts := map[string]bool{}
	for _, supplier := range []string{"cloudhost", "parcelnet"} {
		sc, err := a.Suppliers.Scope(ScopeQuery{Supplier: supplier, Period: period})
		if err != nil {
			t.Fatal(err)
		}
		if len(sc.Batches) == 0 {
			t.Fatalf("%s has no batches in %s", supplier, period)
		}
		if supplier == "parcelnet" && len(sc.Actions) == 0 {
			t.Errorf("ParcelNet's review has no improvement backlog")
		}
		for _, s := range sc.SLTs {
			slts[s.SLT] = true
		}
		for _, feed := range sc.Feeds {
			fd, err := a.Suppliers.DataSet(DataSetQuery{Supplier: supplier, Period: period, Feed: feed})
			if err != nil {
				t.Fatal(err)
			}
			if fd.Rows == 0 || fd.Name != fmt.Sprintf("%s-%s-%s-data.xlsx", supplier, feed, period) {
				t.Fatalf("%s: %d rows", fd.Name, fd.Rows)
			}
			up, err := fresh.Imports.Upload(UploadChunk{Name: fd.Name, Size: fd.Size, Data: fd.Data})
			if err != nil {
				t.Fatal(err)
			}
			res, err := fresh.Imports.Import(ImportRequest{Upload: up.ID, Feed: feed})
			if err != nil || res.Counts.Imported != fd.Rows || res.Counts.Rejected != 0 || res.MappingFrom != "feed" {
				t.Fatalf("%s: %+v %+v %v", fd.Name, res.Counts, res.Findings, err)
			}
		}
	}
	want, err := a.Compliance.Report(ReportQuery{Period: period, At: "2026-11-28"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := fresh.Compliance.Report(ReportQuery{Period: period, At: "2026-11-28"})
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]compliance.Row{}
	for _, r := range got.Rows {
		rows[r.SLT+"/"+r.Tier+"/"+r.Period] = r
	}
	compared := 0
	for _, w := range want.Rows {
		if !slts[w.SLT] || w.Kind == "composite" {
			continue
		}
		g, ok := rows[w.SLT+"/"+w.Tier+"/"+w.Period]
		if !ok || g.Eligible != w.Eligible || num(g.Good) != num(w.Good) || num(g.Bad) != num(w.Bad) || num(g.Attainment) != num(w.Attainment) {
			t.Errorf("%s %s %s: from the data set %s of %v, in the workspace %s of %v", w.SLT, w.Tier, w.Period, num(g.Attainment), g.Eligible, num(w.Attainment), w.Eligible)
		}
		compared++
	}
	if compared < 6 {
		t.Errorf("compared only %d rows", compared)
	}
	log, err := a.Audit.Log(0)
	if err != nil {
		t.Fatal(err)
	}
	exports := 0
	for _, e := range log {
		if e.Action == "export.dataset" {
			exports++
		}
	}
	if exports != 3 {
		t.Errorf("%d data set downloads audited, want 3", exports)
	}
	verifyAudit(t, a)
	if _, err := a.Suppliers.DataSet(DataSetQuery{Supplier: "cloudhost", Period: period, Feed: "parcel-orders"}); err == nil || !strings.Contains(err.Error(), `feed "parcel-orders" is not in cloudhost's review scope`) {
		t.Errorf("a feed outside the scope: %v", err)
	}
	if _, err := a.Suppliers.DataSet(DataSetQuery{Supplier: "acme", Period: period, Feed: "shop-probe"}); err == nil || !strings.Contains(err.Error(), `supplier "acme" does not exist`) {
		t.Errorf("unknown supplier: %v", err)
	}
}

// The demo imports its CMDB; the drill-down of the incident SLT's October
// counts the rows from unknown and stale CIs, and the report says so too.
func TestCMDBInTheDrillDownAndReport(t *testing.T) {
	a := openDemo(t)
	l, err := a.CMDB.List()
	if err != nil || l.Import == nil || l.Import.CIs != 6 {
		t.Fatalf("%+v %v", l, err)
	}
	page, err := a.Compliance.Rows(RowsQuery{SLT: "incident-resolution", Period: "2026-10", At: "2026-11-28"})
	if err != nil {
		t.Fatal(err)
	}
	c := page.CMDB
	if c == nil || c.Unknown == 0 || c.Unverified == 0 || c.Rows == 0 || c.Flagged != c.Unknown+c.Unverified {
		t.Fatalf("drill-down CMDB %+v", c)
	}
	rep, err := a.Compliance.Report(ReportQuery{Period: "2026-10", At: "2026-11-28"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.CMDB) != 1 || rep.CMDB[0].Message != c.Message || rep.CMDB[0].Flagged != c.Flagged {
		t.Errorf("report %+v, drill-down %+v", rep.CMDB, c)
	}
	comp, err := a.Compliance.Rows(RowsQuery{SLT: "customer-experience", Period: "2026-10", At: "2026-11-28"})
	if err != nil || comp.CMDB != nil {
		t.Errorf("a composite has no rows to check: %+v %v", comp.CMDB, err)
	}
}

func num(v *float64) string {
	if v == nil {
		return "nil"
	}
	return fmt.Sprint(*v)
}
