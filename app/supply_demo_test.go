package app

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"slate/internal/capacity"
	"slate/internal/change"
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

// A change window and the service desk's capacity, priced on the demo data.
func TestDemoChangeAndCapacity(t *testing.T) {
	a := openDemo(t)
	in, err := readview.Input(a.Store(), DemoNow)
	if err != nil {
		t.Fatal(err)
	}
	ts := func(s string) time.Time { x, _ := time.Parse(time.RFC3339, s); return x }
	// Monday morning, two hours of hosting down: a real cost.
	ch, err := change.Assess(in, change.Request{SLT: "hosting-availability", From: ts("2026-11-30T09:00:00Z"), To: ts("2026-11-30T11:00:00Z")})
	if err != nil {
		t.Fatal(err)
	}
	if len(ch.Impacts) != 1 || ch.Impacts[0].Period != "2026-11" || ch.Impacts[0].Unplanned.Consumes <= 0 || ch.Impacts[0].Planned.Consumes != 0 {
		t.Errorf("%+v", ch)
	}
	t.Log(ch.Verdict)
	// Inside the registered Sunday patching window (02:00–04:00 Berlin) a change costs nothing.
	sun, err := change.Assess(in, change.Request{SLT: "hosting-availability", From: ts("2026-11-29T01:00:00Z"), To: ts("2026-11-29T03:00:00Z")})
	if err != nil || sun.Impacts[0].WindowHours != 0 {
		t.Errorf("%+v %v", sun, err)
	}
	list, err := change.AssessService(in, "web-shop", ts("2026-11-30T09:00:00Z"), ts("2026-11-30T11:00:00Z"), nil)
	if err != nil || len(list) != 5 {
		t.Fatalf("%v %v", list, err)
	}
	for _, x := range list {
		t.Logf("%s: %s", x.SLT, x.Verdict)
	}
	d, err := capacity.FromFeed(in.Workspace, in.Source, "desk-tickets", time.Time{}, time.Time{}, DemoNow)
	if err != nil || d.PeakPerHour <= 0 || d.HandleTimeSeconds == nil {
		t.Fatalf("%+v %v", d, err)
	}
	tg, _ := capacity.ParseTarget("80% in 20s")
	res, err := capacity.Check(capacity.Input{ArrivalsPerHour: d.PeakPerHour, HandleTime: time.Duration(*d.HandleTimeSeconds * float64(time.Second)), Target: tg})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("desk: %.2f an hour at peak (%s), mean handle %.0f s: %s", d.PeakPerHour, d.PeakSlot, *d.HandleTimeSeconds, res.Verdict)
}
