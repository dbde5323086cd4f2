package cli

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"slate/app"
	"slate/internal/supply"
)

// demoCopy is a private copy of the shared demo workspace, for tests that change it.
func demoCopy(t *testing.T) string {
	t.Helper()
	src := demoDB(t)
	dst := filepath.Join(t.TempDir(), "demo.db")
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return dst
}

// unchanged runs a command that must fail and checks that the definitions,
// the CIs and the audit trail are as they were.
func unchanged(t *testing.T, db string, code int, want string, args ...string) {
	t.Helper()
	before := state(t, db)
	c, _, errs := run(t, append([]string{"--db", db}, args...)...)
	if c != code || !strings.Contains(errs, want) {
		t.Errorf("slate %s: exit %d, stderr %q; want %d and %q", strings.Join(args, " "), c, errs, code, want)
	}
	if after := state(t, db); after != before {
		t.Errorf("slate %s changed the workspace", strings.Join(args, " "))
	}
}

// state is what a refused command must leave as it was: the audit trail,
// the definitions and the stored CIs.
func state(t *testing.T, db string) string {
	t.Helper()
	l := decode[app.CMDBList](t, mustRun(t, "--db", db, "--json", "cmdb", "list"))
	l.At = time.Time{} // the list's own clock
	cis, _ := json.Marshal(l)
	return mustRun(t, "--db", db, "--json", "audit", "log") + mustRun(t, "--db", db, "get", "all", "-o", "yaml") + string(cis)
}

func hasKeys(t *testing.T, what, text string, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if !strings.Contains(text, `"`+k+`":`) {
			t.Errorf("%s: no %q in the JSON", what, k)
		}
	}
}

// The demo's shop chain through the CLI: the gap, the infeasible targets with
// every option impossible, the orphan contract, and the periods where the
// parts met their targets yet the whole missed.
func TestSuppliersCheckCLI(t *testing.T) {
	db := demoDB(t)
	out := mustRun(t, "--db", db, "--json", "suppliers", "check", "--at", "2026-11-28")
	hasKeys(t, "suppliers check", out, "end_to_end", "orphans", "gaps", "overlaps", "feasibility", "best", "options", "periods", "expected", "status")
	rep := decode[supply.ChainReport](t, out)
	if len(rep.EndToEnd) != 1 {
		t.Fatalf("%+v", rep)
	}
	e := rep.EndToEnd[0]
	if e.SLT != "shop-availability" || len(e.Gaps) != 1 || e.Gaps[0].SLT != "checkout-success" || e.Feasibility.Feasible ||
		math.Abs(e.Feasibility.Best-0.995*0.99) > 1e-12 || len(e.Feasibility.Options) != 2 || e.Feasibility.Options[0].Possible {
		t.Errorf("chain %+v", e)
	}
	missed := map[string]string{}
	for _, p := range e.Periods {
		if p.Status != supply.StatusMet {
			missed[p.Period] = p.Status
		}
	}
	if len(e.Periods) != 13 || len(missed) != 2 || missed["2026-02"] != supply.StatusMappingProblem || missed["2026-06"] != supply.StatusMappingProblem {
		t.Errorf("periods %d, not met %v", len(e.Periods), missed)
	}
	if len(rep.Orphans) != 1 || rep.Orphans[0].Contract != "parcelnet-delivery" {
		t.Errorf("orphans %+v", rep.Orphans)
	}
	june := decode[supply.ChainReport](t, mustRun(t, "--db", db, "--json", "suppliers", "check", "--period", "2026-06", "--at", "2026-11-28"))
	if p := june.EndToEnd[0].Periods; len(p) != 1 || p[0].Status != supply.StatusMappingProblem {
		t.Errorf("--period 2026-06: %+v", p)
	}
	text := mustRun(t, "--db", db, "suppliers", "check", "--period", "2026-06", "--at", "2026-11-28")
	for _, want := range []string{"GAP: checkout-success has no contract", "allow at most 98.505% against the end-to-end target of 99.9%",
		"MAPPING PROBLEM", "the parts met their targets, yet the whole missed in 2026-06", "contract parcelnet-delivery (parcelnet)"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if c, _, errs := run(t, "--db", db, "suppliers", "check", "--period", "June"); c != 2 || !strings.Contains(errs, "--period") {
		t.Errorf("bad period: %d %s", c, errs)
	}
}

// A chain with a cycle never gets in: apply refuses it with the cycle, and
// nothing changes.
func TestComponentCycleRefused(t *testing.T) {
	db := demoCopy(t)
	file := filepath.Join(t.TempDir(), "cycle.yaml")
	doc := `apiVersion: slate/v1
kind: SLT
metadata: {name: checkout-success}
spec: {service: payments, feed: checkout-counts, type: SLA, period: month, owner: Jonas Weber, indicator: {kind: ratio}, objective: {target: 0.99},
  components: [{slt: shop-availability, relation: serial}]}
`
	os.WriteFile(file, []byte(doc), 0o600)
	unchanged(t, db, 1, "the components form a cycle: ", "apply", "-f", file)
}

func TestSuppliersMaturityCLI(t *testing.T) {
	db := demoDB(t)
	out := mustRun(t, "--db", db, "--json", "suppliers", "maturity", "--at", "2026-11-28")
	hasKeys(t, "suppliers maturity", out, "suppliers", "thresholds", "latest", "areas", "reliability", "met_share", "credits", "trend", "agreement", "disagrees", "verdict")
	rep := decode[supply.MaturityReport](t, out)
	got := map[string]supply.SupplierMaturity{}
	for _, s := range rep.Suppliers {
		got[s.Supplier] = s
	}
	if p := got["parcelnet"]; !p.Disagrees || p.Agreement != supply.AgreeHighPoor || p.Latest == nil || len(p.Latest.Areas) != 5 || p.Reliability.Trend != supply.TrendWorsening {
		t.Errorf("parcelnet %+v", p)
	}
	if c := got["cloudhost"]; c.Disagrees || c.Agreement != supply.AgreeConsistent {
		t.Errorf("cloudhost %+v", c)
	}
	one := decode[supply.MaturityReport](t, mustRun(t, "--db", db, "--json", "suppliers", "maturity", "--supplier", "cloudhost", "--at", "2026-11-28"))
	if len(one.Suppliers) != 1 {
		t.Errorf("--supplier: %+v", one)
	}
	text := mustRun(t, "--db", db, "suppliers", "maturity", "--at", "2026-11-28")
	if !strings.Contains(text, "DISAGREE: high maturity, poor record") || !strings.Contains(text, "Service level management") {
		t.Errorf("text:\n%s", text)
	}
	unchanged(t, db, 1, `supplier "acme" does not exist (known: cloudhost, parcelnet)`, "suppliers", "maturity", "--supplier", "acme")
}

// Erlang C through the CLI agrees with the published row the engine is
// tested against (200 calls an hour, 180 s, 14 agents, 80% in 20 s).
func TestCapacityCLIPublishedRow(t *testing.T) {
	db := demoDB(t)
	out := mustRun(t, "--db", db, "--json", "capacity", "--arrivals", "100/30min", "--handle-time", "180s", "--servers", "14", "--target", "80% in 20s")
	hasKeys(t, "capacity", out, "result", "traffic_erlangs", "wait_probability", "service_level", "asa_seconds", "occupancy", "required_servers", "table", "verdict", "arrivals_source")
	ans := decode[app.CapacityAnswer](t, out)
	r := ans.Result
	for _, c := range []struct {
		what      string
		got, want float64
		tol       float64
	}{{"traffic", r.Traffic, 10, 1e-12}, {"P(wait)", r.WaitProbability, 0.1741319335950498, 1e-12}, {"service level", r.ServiceLevel, 0.8883500191794669, 1e-12},
		{"ASA", r.ASASeconds, 7.83593701177724, 1e-9}, {"occupancy", r.Occupancy, 0.7142857142857143, 1e-15}} {
		if math.Abs(c.got-c.want) > c.tol {
			t.Errorf("%s = %v, want %v", c.what, c.got, c.want)
		}
	}
	if !r.Meets || r.Required != 14 || r.Table[0].Servers != 11 || ans.Demand != nil || ans.ArrivalsSource != "given" {
		t.Errorf("%+v", ans)
	}
	text := mustRun(t, "--db", db, "capacity", "--arrivals", "200/h", "--handle-time", "3m", "--servers", "14", "--target", "80% in 20s")
	if !strings.Contains(text, "14       71.429%    17.413%      88.835%           7.84 s                   ← smallest that meets 80% in 20s") {
		t.Errorf("text:\n%s", text)
	}
	// From the desk's tickets, with the handle time given: the peak arrivals come from the feed.
	feed := decode[app.CapacityAnswer](t, mustRun(t, "--db", db, "--json", "capacity", "--from-feed", "desk-tickets", "--handle-time", "20m", "--target", "80% in 20s"))
	if feed.Demand == nil || feed.ArrivalsSource != "feed" || feed.HandleTimeSource != "given" || feed.Result.HandleTimeSeconds != 1200 ||
		feed.Result.ArrivalsPerHour != feed.Demand.PeakPerHour || feed.Result.Servers != feed.Result.Required {
		t.Errorf("from feed %+v", feed)
	}
	for _, c := range []struct {
		code int
		want string
		args []string
	}{
		{1, "the handle time must be longer than 0", []string{"--arrivals", "100/h", "--handle-time", "0s", "--servers", "6", "--target", "80% in 20s"}},
		{1, "unstable: 5 erlangs of work arrive", []string{"--arrivals", "100/h", "--handle-time", "3m", "--servers", "5", "--target", "80% in 20s"}},
		{1, `arrivals "lots"`, []string{"--arrivals", "lots", "--handle-time", "3m", "--target", "80% in 20s"}},
		{1, "write the share and the wait", []string{"--arrivals", "100/h", "--handle-time", "3m", "--target", "80%"}},
		{1, `feed "nope" does not exist`, []string{"--from-feed", "nope", "--target", "80% in 20s"}},
		{1, "arrivals come from item feeds", []string{"--from-feed", "shop-latency", "--target", "80% in 20s"}},
		{2, "--target is required", []string{"--arrivals", "100/h", "--handle-time", "3m"}},
		{2, "give --arrivals and --handle-time, or --from-feed FEED", []string{"--arrivals", "100/h", "--target", "80% in 20s"}},
	} {
		unchanged(t, db, c.code, c.want, append([]string{"capacity"}, c.args...)...)
	}
}

func TestChangeAssessCLI(t *testing.T) {
	db := demoDB(t)
	window := []string{"--from", "2026-11-30T09:00", "--to", "2026-11-30T11:00", "--at", "2026-11-28"}
	out := mustRun(t, append([]string{"--db", db, "--json", "change", "assess", "--slt", "hosting-availability"}, window...)...)
	hasKeys(t, "change assess", out, "assessments", "impacts", "window_hours", "unplanned", "planned", "without_change", "consumes", "budget_left", "meets_unplanned", "verdict")
	all := decode[app.ChangeImpact](t, out)
	if len(all.Assessments) != 1 || len(all.Assessments[0].Impacts) != 1 {
		t.Fatalf("%+v", all)
	}
	im := all.Assessments[0].Impacts[0]
	// Down for two hours of one-minute slices: 120 bad units, all of them in the budget.
	if im.Period != "2026-11" || im.WindowHours != 2 || math.Abs(im.Unplanned.WindowBad-im.UnitsPerHour*2) > 1e-9 ||
		math.Abs(im.Unplanned.Consumes-im.Unplanned.WindowBad/im.Unplanned.AllowedBad) > 1e-12 || im.Planned.WindowBad != 0 {
		t.Errorf("%+v", im)
	}
	two := decode[app.ChangeImpact](t, mustRun(t, append([]string{"--db", db, "--json", "change", "assess", "--slt", "hosting-availability", "--expected-error-rate", "2%"}, window...)...))
	if x := two.Assessments[0].Impacts[0].Unplanned.WindowBad; math.Abs(x-0.02*im.Unplanned.WindowBad) > 1e-9 {
		t.Errorf("2%% error rate: %v bad units, want %v", x, 0.02*im.Unplanned.WindowBad)
	}
	svc := decode[app.ChangeImpact](t, mustRun(t, append([]string{"--db", db, "--json", "change", "assess", "--service", "web-shop"}, window...)...))
	skipped := 0
	for _, a := range svc.Assessments {
		if a.Skipped != "" {
			skipped++
		}
	}
	if len(svc.Assessments) != 5 || skipped != 2 {
		t.Errorf("service: %d assessments, %d skipped", len(svc.Assessments), skipped)
	}
	for _, c := range []struct {
		code int
		want string
		args []string
	}{
		{2, "give --slt or --service (one of them)", []string{"--slt", "hosting-availability", "--service", "web-shop", "--from", "2026-11-30", "--to", "2026-12-01"}},
		{2, "--from and --to are required", []string{"--slt", "hosting-availability", "--from", "2026-11-30"}},
		{1, "before now", []string{"--slt", "hosting-availability", "--from", "2026-11-01", "--to", "2026-11-02", "--at", "2026-11-28"}},
		{1, "ends (2026-11-30T09:00:00Z) before it starts", []string{"--slt", "hosting-availability", "--from", "2026-11-30T10:00", "--to", "2026-11-30T09:00", "--at", "2026-11-28"}},
		{1, `SLT "nope" does not exist`, append([]string{"--slt", "nope"}, window...)},
		{1, "has no error budget", append([]string{"--slt", "page-latency-p95"}, window...)},
		{1, "outside 0..1", append([]string{"--slt", "hosting-availability", "--expected-error-rate", "150%"}, window...)},
		{2, "--expected-error-rate", append([]string{"--slt", "hosting-availability", "--expected-error-rate", "lots"}, window...)},
	} {
		unchanged(t, db, c.code, c.want, append([]string{"change", "assess"}, c.args...)...)
	}
}

// A drafted SLT is only written out: nothing is stored until apply.
func TestNewSLTCLI(t *testing.T) {
	db := demoCopy(t)
	args := []string{"new", "slt", "cloudhost-probe-availability", "--template", "supplier-availability-monthly", "--service", "web-shop", "--feed", "shop-probe"}
	log := mustRun(t, "--db", db, "--json", "audit", "log")
	text := mustRun(t, append([]string{"--db", db}, args...)...)
	if !strings.Contains(text, "kind: SLT") || !strings.Contains(text, "target: 0.995") || !strings.Contains(text, "name: cloudhost-probe-availability") {
		t.Errorf("draft:\n%s", text)
	}
	file := filepath.Join(t.TempDir(), "new.yaml")
	res := decode[map[string]string](t, mustRun(t, append([]string{"--db", db, "--json"}, append(args, "-o", file)...)...))
	if b, _ := os.ReadFile(file); string(b) != text || res["yaml"] != text || res["file"] != file {
		t.Errorf("-o wrote %q", b)
	}
	if c, _, _ := run(t, "--db", db, "get", "slt", "cloudhost-probe-availability"); c == 0 || mustRun(t, "--db", db, "--json", "audit", "log") != log {
		t.Fatal("new slt stored something")
	}
	mustRun(t, "--db", db, "apply", "-f", file)
	mustRun(t, "--db", db, "get", "slt", "cloudhost-probe-availability")
	for _, c := range []struct {
		code int
		want string
		args []string
	}{
		{1, `SLT template "bogus" does not exist (templates: supplier-availability-monthly)`, []string{"X", "--template", "bogus", "--service", "web-shop", "--feed", "shop-probe"}},
		{1, "does not follow the naming convention house-style", []string{"ShopThing", "--template", "supplier-availability-monthly", "--service", "web-shop", "--feed", "shop-probe"}},
		{1, `feed "desk-tickets" has shape "item"`, []string{"shop-tickets-up", "--template", "supplier-availability-monthly", "--service", "web-shop", "--feed", "desk-tickets"}},
		{1, `SLT "hosting-availability" exists already`, []string{"hosting-availability", "--template", "supplier-availability-monthly", "--service", "web-shop", "--feed", "shop-probe"}},
		{2, "--template, --service and --feed are required", []string{"x-y"}},
	} {
		unchanged(t, db, c.code, c.want, append([]string{"new", "slt"}, c.args...)...)
	}
}

// A CMDB import is audited and replaces the CI set; a refused export changes
// nothing. The report and the CI list show the finding.
func TestCMDBCLI(t *testing.T) {
	db := demoCopy(t)
	list := decode[app.CMDBList](t, mustRun(t, "--db", db, "--json", "cmdb", "list"))
	if list.Import == nil || list.Import.CIs != 6 || len(list.CIs) != 7 {
		t.Fatalf("the demo's CMDB: %+v", list)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("ci_id,name,verified_at\nweb-shop,Web,2026-11-01\n,Nameless,2026-11-01\nweb-shop,Again,2026-11-02\n"), 0o600)
	unchanged(t, db, 1, "2 problem(s) in the CMDB export, nothing was imported", "cmdb", "import", bad)
	unchanged(t, db, 1, "no such file", "cmdb", "import", filepath.Join(dir, "missing.csv"))
	unchanged(t, db, 2, "name one CMDB export", "cmdb", "import")
	good := filepath.Join(dir, "cmdb.csv")
	os.WriteFile(good, []byte("CI ID;Name;Class;Owned by;Status;Last verified\nweb-shop;Web shop;application;Amélie Laurent;operational;2026-11-20\ncrm;CRM;application;Sales IT;operational;2026-11-21\n"), 0o600)
	out := mustRun(t, "--db", db, "--json", "cmdb", "import", good)
	hasKeys(t, "cmdb import", out, "file", "sha256", "cis", "added", "removed", "changed")
	imp := decode[app.CMDBImport](t, out)
	if imp.CIs != 2 || imp.Added != 1 || imp.Removed != 5 || imp.Changed != 1 || imp.File != "cmdb.csv" {
		t.Errorf("%+v", imp)
	}
	if log := mustRun(t, "--db", db, "--json", "audit", "log"); !strings.Contains(log, `"action": "cmdb.import"`) {
		t.Error("no cmdb.import audit event")
	}
	mustRun(t, "--db", db, "audit", "verify")
	check := mustRun(t, "--db", db, "--json", "cmdb", "check", "--slt", "incident-resolution", "--period", "2026-10", "--at", "2026-11-28")
	hasKeys(t, "cmdb check", check, "rows", "unknown", "unverified", "flagged", "share", "cis", "declared", "message")
	unchanged(t, db, 2, "--period", "cmdb", "check", "--slt", "incident-resolution", "--period", "Oct")
	unchanged(t, db, 1, "is not a month", "cmdb", "check", "--slt", "incident-resolution", "--period", "2026-W40")
}

// The report names the SLT's owner and the data owner, and says which
// periods' rows come from unknown or unverified CIs.
func TestReportOwnersAndCMDB(t *testing.T) {
	db := demoDB(t)
	text := mustRun(t, "--db", db, "report", "--period", "2026-10", "--at", "2026-11-28")
	for _, want := range []string{"owners:", "SLT OWNER", "DATA OWNER", "parcel-delivery-48h   Søren Madsen     Marek Nowak",
		"CMDB (rows from CIs unknown or not verified in the last 90 days):", "of incident-resolution's rows in 2026-10"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q:\n%s", want, text)
		}
	}
	rep := decode[ownersReport](t, mustRun(t, "--db", db, "--json", "report", "--period", "2026-10", "--at", "2026-11-28"))
	if len(rep.CMDB) != 1 || rep.CMDB[0].SLT != "incident-resolution" || rep.CMDB[0].Flagged == 0 || rep.CMDB[0].Share <= 0 {
		t.Errorf("cmdb findings %+v", rep.CMDB)
	}
	for _, r := range rep.Rows {
		if r.SLT == "parcel-delivery-48h" && (r.SLTOwner != "Søren Madsen" || r.DataOwner != "Marek Nowak") {
			t.Errorf("owners %+v", r)
		}
	}
}

// The template round trip through the CLI: a supplier fills in exactly the
// CSV or XLSX template `slate template` wrote, and every row imports.
func TestTemplateRoundTripCLI(t *testing.T) {
	db := demoCopy(t)
	dir := t.TempDir()
	// CSV for the desk's tickets (a mapping with its own column names, local times).
	csvFile := filepath.Join(dir, "desk.csv")
	out := mustRun(t, "--db", db, "template", "--feed", "desk-tickets", "-o", csvFile)
	if !strings.Contains(out, "Send these instructions along") || !strings.Contains(out, "Example row") {
		t.Errorf("csv template output:\n%s", out)
	}
	head, _ := os.ReadFile(csvFile)
	header, err := csv.NewReader(strings.NewReader(string(head))).Read()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.OpenFile(csvFile, os.O_APPEND|os.O_WRONLY, 0)
	w := csv.NewWriter(f)
	for i := range 3 {
		row := make([]string, len(header))
		for j, h := range header {
			row[j] = map[string]string{"Ticket": "RT-" + string(rune('1'+i)), "Created": "2026-11-20 09:0" + string(rune('0'+i)) + ":00",
				"Resolved": "2026-11-20 15:00:00", "On hold (s)": "0", "Priority": "P3", "CI": "web-shop"}[h]
		}
		w.Write(row)
	}
	w.Flush()
	f.Close()
	res := decode[app.ImportResult](t, mustRun(t, "--db", db, "--json", "import", csvFile, "--feed", "desk-tickets"))
	if res.Counts.Imported != 3 || res.Counts.Rejected != 0 || res.MappingFrom != "feed" {
		t.Errorf("csv import %+v %+v", res.Counts, res.Findings)
	}
	// XLSX for the shop probe, filled the way a person does in a spreadsheet.
	xlsxFile := filepath.Join(dir, "probe.xlsx")
	js := mustRun(t, "--db", db, "--json", "template", "--feed", "shop-probe", "-o", xlsxFile)
	hasKeys(t, "template", js, "feed", "file", "format", "layout", "sheet", "columns", "instructions")
	x, err := excelize.OpenFile(xlsxFile)
	if err != nil {
		t.Fatal(err)
	}
	sheet := x.GetSheetName(0)
	cols, _ := x.GetRows(sheet)
	if len(cols) != 1 || strings.Join(cols[0], ",") != "timestamp,ok" {
		t.Fatalf("%s: %v", sheet, cols)
	}
	for i := range 4 {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		x.SetSheetRow(sheet, cell, &[]any{"2026-11-29T10:0" + string(rune('0'+i)) + ":00Z", i % 2})
	}
	if err := x.Save(); err != nil {
		t.Fatal(err)
	}
	x.Close()
	res = decode[app.ImportResult](t, mustRun(t, "--db", db, "--json", "import", xlsxFile, "--feed", "shop-probe"))
	if res.Counts.Imported != 4 || res.Counts.Rejected != 0 {
		t.Errorf("xlsx import %+v %+v", res.Counts, res.Findings)
	}
	unchanged(t, db, 2, "--format pdf: write csv or xlsx", "template", "--feed", "shop-probe", "--format", "pdf", "-o", filepath.Join(dir, "x.pdf"))
	unchanged(t, db, 1, `no such feed "nope"`, "template", "--feed", "nope", "-o", filepath.Join(dir, "x.csv"))
}

// Running the demo again imports neither data nor the CMDB a second time.
func TestDemoAgainChangesNothing(t *testing.T) {
	db := demoCopy(t)
	log := mustRun(t, "--db", db, "--json", "audit", "log")
	out := mustRun(t, "--db", db, "demo", "--now", "2026-11-28", "--data", filepath.Join(t.TempDir(), "data"))
	if strings.Contains(out, "demo CMDB") || mustRun(t, "--db", db, "--json", "audit", "log") != log {
		t.Errorf("the second demo changed something:\n%s", out)
	}
}

type ownersReport struct {
	Rows []struct {
		SLT       string `json:"slt"`
		SLTOwner  string `json:"slt_owner"`
		DataOwner string `json:"data_owner"`
	} `json:"rows"`
	CMDB []struct {
		SLT     string  `json:"slt"`
		Period  string  `json:"period"`
		Flagged int     `json:"flagged"`
		Share   float64 `json:"share"`
	} `json:"cmdb"`
}

func TestSuppliersScopeCLI(t *testing.T) {
	db := demoDB(t)
	out := mustRun(t, "--db", db, "--json", "suppliers", "scope", "--supplier", "parcelnet", "--period", "2026-10")
	hasKeys(t, "suppliers scope", out, "supplier", "contracts", "slts", "feeds", "batches", "actions", "contingency", "assessments")
	sc := decode[app.SupplierScope](t, out)
	if len(sc.Contracts) != 1 || len(sc.Batches) == 0 || len(sc.Actions) == 0 || sc.Contingency == nil || len(sc.Contingency.Contacts) != 2 {
		t.Errorf("%+v", sc)
	}
	text := mustRun(t, "--db", db, "suppliers", "scope", "--supplier", "parcelnet", "--period", "2026-10")
	for _, want := range []string{"contingency plan (last tested 2026-04-02)", "failover: Route parcels through the secondary carrier", "improvement actions: 2"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	unchanged(t, db, 1, `supplier "acme" does not exist`, "suppliers", "scope", "--supplier", "acme")
	unchanged(t, db, 2, "--supplier is required", "suppliers", "scope")
	unchanged(t, db, 2, "--period", "suppliers", "scope", "--supplier", "parcelnet", "--period", "autumn")
}
