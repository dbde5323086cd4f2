package serve

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"slate/app"
)

// The supplier and service-design methods over HTTP, as each role sees them:
// readers read, managers import the CMDB and draft SLTs, a supplier gets the
// data set of its own feeds and nothing of the supply chain.
func TestSupplyMethodsByRole(t *testing.T) {
	f := newFixture(t, Options{})
	forbidden := func(user, method string, args ...any) {
		t.Helper()
		if code, body := f.call(user, method, args...); code != http.StatusForbidden {
			t.Errorf("%s %s: %d %s, want 403", user, method, code, body)
		}
	}
	var chain app.ChainReport
	f.ok(&chain, "vera", "Suppliers/Check", app.ChainQuery{})
	if len(chain.EndToEnd) != 1 || len(chain.EndToEnd[0].Gaps) != 1 {
		t.Errorf("chain %+v", chain)
	}
	var mat app.MaturityReport
	f.ok(&mat, "ada", "Suppliers/Maturity", app.MaturityQuery{Supplier: "parcelnet"})
	if len(mat.Suppliers) != 1 || mat.Suppliers[0].Latest == nil {
		t.Errorf("maturity %+v", mat)
	}
	var cap app.CapacityAnswer
	f.ok(&cap, "vera", "Design/Capacity", app.CapacityQuery{Arrivals: "100/h", HandleTime: "3m", Servers: 6, Target: "80% in 20s"})
	if cap.Result.Required != 8 || cap.Result.Meets {
		t.Errorf("capacity %+v", cap.Result)
	}
	if code, body := f.call("vera", "Design/Capacity", app.CapacityQuery{Arrivals: "100/h", HandleTime: "0s", Servers: 6, Target: "80% in 20s"}); code != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "the handle time must be longer than 0") {
		t.Errorf("handle time 0: %d %s", code, body)
	}
	var scope app.SupplierScope
	f.ok(&scope, "vera", "Suppliers/Scope", app.ScopeQuery{Supplier: "cloudhost", Period: "2025-06"})
	if len(scope.Batches) != 1 || scope.Contingency == nil {
		t.Errorf("scope %+v", scope)
	}
	for _, m := range []string{"Suppliers/Check", "Suppliers/Maturity", "Suppliers/Scope", "Design/Capacity", "Design/Change", "CMDB/List", "CMDB/Check"} {
		forbidden("sam", m, nil)
	}
	forbidden("vera", "CMDB/Import", "x")
	forbidden("vera", "Design/NewSLT", app.NewSLTQuery{})
	forbidden("ada", "CMDB/Import", "x")

	// A supplier's data set: its own feed only.
	var ds app.FileData
	f.ok(&ds, "sam", "Suppliers/DataSet", app.DataSetQuery{Supplier: "parcelnet", Period: "2025-06", Feed: "parcel-orders"})
	if ds.Name != "parcelnet-parcel-orders-2025-06-data.xlsx" || ds.Rows != 1 || !bytes.HasPrefix(ds.Data, []byte("PK")) {
		t.Errorf("data set %s, %d rows", ds.Name, ds.Rows)
	}
	for _, q := range []app.DataSetQuery{{Supplier: "cloudhost", Period: "2025-06", Feed: "shop-probe"}, {Supplier: "parcelnet", Period: "2025-06", Feed: "shop-probe"}} {
		if code, body := f.call("sam", "Suppliers/DataSet", q); code != http.StatusUnprocessableEntity {
			t.Errorf("sam gets %+v: %d %s", q, code, body)
		}
	}
	f.ok(&ds, "cleo", "Suppliers/DataSet", app.DataSetQuery{Supplier: "cloudhost", Period: "2025-06", Feed: "shop-probe"})
	if ds.Rows != 2 {
		t.Errorf("cleo's data set: %d rows", ds.Rows)
	}
	var log []struct {
		Actor  string `json:"actor"`
		Action string `json:"action"`
	}
	f.ok(&log, "vera", "Audit/Log", 0)
	var exports []string
	for _, e := range log {
		if e.Action == "export.dataset" {
			exports = append(exports, e.Actor)
		}
	}
	if strings.Join(exports, ",") != "sam,cleo" && strings.Join(exports, ",") != "cleo,sam" {
		t.Errorf("data set downloads audited as %v", exports)
	}

	// The CMDB: a refused export changes nothing; an accepted one is the
	// manager's, in the audit trail.
	var before, after app.CMDBList
	f.ok(&before, "vera", "CMDB/List")
	bad := f.upload("max", "cmdb.csv", []byte("ci_id,verified_at\nweb-01,yesterday\n"))
	if code, body := f.call("max", "CMDB/Import", bad); code != http.StatusUnprocessableEntity || !strings.Contains(body, "is not a date") {
		t.Errorf("bad CMDB: %d %s", code, body)
	}
	f.ok(&after, "vera", "CMDB/List")
	if before.Import != nil || after.Import != nil {
		t.Errorf("a refused CMDB export left %+v", after.Import)
	}
	good := f.upload("max", "cmdb.csv", []byte("ci_id,name,verified_at\nweb-01,Web,2025-06-01\n"))
	var imp app.CMDBImport
	f.ok(&imp, "max", "CMDB/Import", good)
	f.ok(&log, "vera", "Audit/Log", 0)
	if last := log[len(log)-1]; imp.CIs != 1 || last.Action != "cmdb.import" || last.Actor != "max" {
		t.Errorf("import %+v, last event %+v", imp, last)
	}
	var draft app.NewSLT
	f.ok(&draft, "max", "Design/NewSLT", app.NewSLTQuery{Name: "probe-availability", Template: "supplier-availability-monthly", Service: "web-shop", Feed: "shop-probe"})
	var applied app.ApplyResult
	f.ok(&applied, "max", "Workspace/Apply", "draft", draft.YAML)
	if len(applied.Created) != 1 || applied.Created[0] != "SLT/probe-availability" {
		t.Errorf("applied %+v", applied)
	}
}

// The template round trip through the API: a supplier downloads the CSV
// template of its feed, fills it in, uploads it and every row imports; the
// XLSX template has the layout the mapping reads.
func TestTemplateRoundTripAPI(t *testing.T) {
	f := newFixture(t, Options{})
	var lay app.TemplateLayout
	f.ok(&lay, "sam", "Imports/Layout", "parcel-orders")
	if lay.Sheet == "" || len(lay.Columns) == 0 || len(lay.Instructions) == 0 {
		t.Fatalf("layout %+v", lay)
	}
	var tpl app.FileData
	f.ok(&tpl, "sam", "Imports/TemplateCSV", "parcel-orders")
	header, err := csv.NewReader(bytes.NewReader(tpl.Data)).Read()
	if err != nil || tpl.Name != "parcel-orders-template.csv" || tpl.Type != app.MimeCSV {
		t.Fatalf("%s %s %v", tpl.Name, tpl.Type, err)
	}
	for i, c := range lay.Columns {
		if header[i] != c.Header {
			t.Fatalf("CSV header %v, layout %+v", header, lay.Columns)
		}
	}
	filled := bytes.Clone(tpl.Data)
	for _, r := range []map[string]string{{"Order ID": "P-31", "Created": "2025-06-05 09:00:00", "Delivered": "2025-06-06 10:00:00"},
		{"Order ID": "P-32", "Created": "2025-06-05 10:00:00", "Delivered": "2025-06-06 08:00:00"}} {
		var line []string
		for _, h := range header {
			line = append(line, r[h])
		}
		filled = append(filled, []byte(strings.Join(line, ",")+"\n")...)
	}
	var res app.ImportResult
	f.ok(&res, "sam", "Imports/Import", app.ImportRequest{Upload: f.upload("sam", "filled.csv", filled), Feed: "parcel-orders"})
	if res.Counts.Imported != 2 || res.Counts.Rejected != 0 {
		t.Errorf("filled template: %+v %+v", res.Counts, res.Findings)
	}
	f.ok(&tpl, "sam", "Imports/TemplateFile", "parcel-orders")
	x, err := excelize.OpenReader(bytes.NewReader(tpl.Data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows(lay.Sheet)
	if x.GetSheetName(0) != lay.Sheet || len(rows) != 1 || strings.Join(rows[0], ",") != strings.Join(header, ",") {
		t.Errorf("XLSX template: sheet %s, rows %v", x.GetSheetName(0), rows)
	}
	if code, body := f.call("sam", "Imports/TemplateCSV", "shop-probe"); code != http.StatusUnprocessableEntity || !strings.Contains(body, "no such feed") {
		t.Errorf("another supplier's template: %d %s", code, body)
	}
}
