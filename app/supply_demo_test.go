package app

import (
	"bytes"
	"strings"
	"testing"

	"slate/internal/cmdb"
	"slate/internal/demo"
	"slate/internal/readview"
	"slate/internal/storage"
	"slate/internal/supply"
)

// The demo shows what the supply-chain engines find, on its 13 months of data:
// the shop's chain has a gap and cannot carry its target, ParcelNet's contract
// supports no end-to-end SLT, ParcelNet's assessment disagrees with its record,
// and the incident SLT's rows come partly from unverified or unknown CIs.
func TestDemoSupplyFindings(t *testing.T) {
	a := openDemo(t)
	in, err := readview.Input(a.Store(), DemoNow)
	if err != nil {
		t.Fatal(err)
	}
	chain, err := supply.CheckAll(in, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(chain.EndToEnd) != 1 || chain.EndToEnd[0].SLT != "shop-availability" {
		t.Fatalf("%+v", chain.EndToEnd)
	}
	e := chain.EndToEnd[0]
	if len(e.Gaps) != 1 || e.Gaps[0].SLT != "checkout-success" || e.Feasibility.Feasible || e.Feasibility.Fix != nil ||
		!strings.Contains(e.Feasibility.Verdict, "allow at most 98.505% against the end-to-end target of 99.9%") {
		t.Errorf("shop chain: %+v", e)
	}
	if len(chain.Orphans) != 1 || chain.Orphans[0].Contract != "parcelnet-delivery" {
		t.Errorf("orphans %+v", chain.Orphans)
	}
	if len(e.Periods) < 12 {
		t.Errorf("periods %+v", e.Periods)
	}
	mat, err := supply.Maturity(in, supply.MaturityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range mat.Suppliers {
		want := map[string]string{"cloudhost": supply.AgreeConsistent, "parcelnet": supply.AgreeHighPoor}[s.Supplier]
		if s.Agreement != want {
			t.Errorf("%s: %s — %s (record %+v)", s.Supplier, s.Agreement, s.Verdict, s.Reliability)
		}
		t.Logf("%s: %s", s.Supplier, s.Verdict)
	}
	if _, err := cmdb.Import(a.Store(), bytes.NewReader(demo.CMDB(DemoNow)), "demo-cmdb.csv"); err != nil {
		t.Fatal(err)
	}
	var rep cmdb.Report
	err = a.Store().View(func(tx *storage.Tx) error {
		list, err := tx.CIs()
		if err != nil {
			return err
		}
		rep, err = cmdb.Check(in.Workspace, in.Source, list, "incident-resolution", "2026-10", DemoNow)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows == 0 || rep.Unknown == 0 || rep.Unverified == 0 || !strings.Contains(rep.Message, "unknown: crm; not verified: ") {
		t.Errorf("%+v", rep)
	}
	t.Log(rep.Message)
	verifyAudit(t, a)
}
