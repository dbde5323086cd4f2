package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"slate/app"
	"slate/internal/domain"
	"slate/internal/storage"
)

const complianceDefs = `apiVersion: slate/v1
kind: Service
metadata: {name: shop}
spec: {owner: ops}
---
apiVersion: slate/v1
kind: Supplier
metadata: {name: acme}
spec: {}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: probes}
spec: {shape: event, interval: 1m}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: web-up}
spec:
  service: shop
  feed: probes
  type: SLA
  period: month
  indicator: {kind: availability}
  objective: {target: 0.999}
  impactWeight: 1000
---
apiVersion: slate/v1
kind: Contract
metadata: {name: hosting}
spec:
  supplier: acme
  slt: web-up
  chargePerPeriod: 10000
  currency: EUR
  creditTiers: [{below: 0.999, credit: 5}, {below: 0.99, credit: 10}]
  cap: 8
`

// complianceDB is a database with one availability SLT and September and
// October 2026 of one-minute probes; 120 minutes down on 10 October 10:00–12:00 UTC.
func complianceDB(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	defs := filepath.Join(dir, "defs.yaml")
	os.WriteFile(defs, []byte(complianceDefs), 0o600)
	mustRun(t, "--db", db, "apply", "-f", defs)
	st, err := storage.Open(db, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	down0 := time.Date(2026, 10, 10, 10, 0, 0, 0, time.UTC)
	_, err = st.WriteBatch("probes", storage.BatchMeta{Shape: domain.ShapeEvent, File: "probes.csv"}, func(yield func(domain.Point) bool) {
		for at := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC); at.Before(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)); at = at.Add(time.Minute) {
			g := 1.0
			if !at.Before(down0) && at.Before(down0.Add(2*time.Hour)) {
				g = 0
			}
			if !yield(domain.Point{At: at, Good: g, Total: 1}) {
				return
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return db
}

type reportJSON struct {
	Rows []struct {
		SLT             string   `json:"slt"`
		Tier            string   `json:"tier"`
		Period          string   `json:"period"`
		Eligible        float64  `json:"eligible"`
		Good            *float64 `json:"good"`
		Bad             *float64 `json:"bad"`
		Unknown         float64  `json:"unknown"`
		Excluded        float64  `json:"excluded"`
		Attainment      *float64 `json:"attainment"`
		AttainmentRaw   *float64 `json:"attainment_raw"`
		Target          *float64 `json:"target"`
		Op              string   `json:"op"`
		Met             *bool    `json:"met"`
		Shortfall       *float64 `json:"shortfall"`
		BudgetRemaining *float64 `json:"budget_remaining"`
		Misses          int      `json:"consecutive_misses"`
		RCADue          bool     `json:"rca_due"`
	} `json:"rows"`
	Credits []struct {
		Contract  string   `json:"contract"`
		Period    string   `json:"period"`
		Percent   *float64 `json:"credit_percent"`
		Amount    *float64 `json:"credit_amount"`
		Incentive *float64 `json:"incentive_percent"`
	} `json:"credits"`
}

func decode[T any](t *testing.T, s string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("%v\n%s", err, s)
	}
	return v
}

func TestReportExceptionsBreachesCLI(t *testing.T) {
	db := complianceDB(t)
	at := "2026-11-05T00:00:00Z"
	rep := decode[reportJSON](t, mustRun(t, "--db", db, "report", "--all", "--json", "--at", at))
	if len(rep.Rows) != 2 || rep.Rows[0].Period != "2026-09" || rep.Rows[1].Period != "2026-10" {
		t.Fatalf("rows %+v", rep.Rows)
	}
	oct := rep.Rows[1]
	// October has 31 × 1440 = 44640 slices, 120 bad.
	if oct.Eligible != 44640 || *oct.Bad != 120 || *oct.Met || *oct.Attainment != 1-120.0/44640 || oct.Tier != "" || oct.Op != ">=" {
		t.Fatalf("october %+v", oct)
	}
	// budget: allowed 44.64 bad slices, 120 spent → 1 − 120/44.64
	if d := *oct.BudgetRemaining - (1 - 120/(0.001*44640)); d > 1e-9 || d < -1e-9 {
		t.Errorf("budget %v", *oct.BudgetRemaining)
	}
	if len(rep.Credits) != 2 || *rep.Credits[1].Percent != 5 || *rep.Credits[1].Amount != 500 {
		t.Errorf("credits %+v", rep.Credits)
	}
	text := mustRun(t, "--db", db, "report", "--period", "2026-10", "--at", at)
	if !strings.Contains(text, "MISSED") || !strings.Contains(text, "hosting") || strings.Contains(text, "2026-09") {
		t.Errorf("text report:\n%s", text)
	}

	// breaches: one, ranked 1
	type breachesJSON struct {
		Breaches []struct {
			ID            string  `json:"id"`
			Rank          int     `json:"pareto_rank"`
			BadMinutes    float64 `json:"bad_minutes"`
			Impact        float64 `json:"impact"`
			FalsePositive bool    `json:"false_positive"`
		} `json:"breaches"`
	}
	bl := decode[breachesJSON](t, mustRun(t, "--db", db, "breaches", "--json", "--at", at, "--since", "2026-10"))
	if len(bl.Breaches) != 1 || bl.Breaches[0].ID != "web-up@2026-10" || bl.Breaches[0].Rank != 1 || bl.Breaches[0].BadMinutes != 120 {
		t.Fatalf("breaches %+v", bl)
	}

	// Who acts is who runs the command (the OS user); another person is
	// another account, here another actor opening the same file.
	as := func(actor string, f func(a *app.App) error) {
		t.Helper()
		a, err := app.OpenWith(db, storage.Options{Actor: actor})
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		if err := f(a); err != nil {
			t.Fatal(err)
		}
	}

	// a rejected exception changes nothing
	var id string
	as("alice", func(a *app.App) error {
		x, err := a.Exceptions.Request(app.ExceptionRequest{SLT: "web-up", From: "2026-10-10T10:00:00Z", To: "2026-10-10T12:00:00Z", Reason: "flood in the data centre"})
		id = x.ID
		return err
	})
	if id != "EX-1" {
		t.Fatalf("id %q", id)
	}
	mustRun(t, "--db", db, "exception", "reject", id, "--note", "not force majeure")
	rep = decode[reportJSON](t, mustRun(t, "--db", db, "report", "--json", "--at", at, "--period", "2026-10"))
	if rep.Rows[0].Excluded != 0 || *rep.Rows[0].Bad != 120 {
		t.Fatalf("rejected exception excluded something: %+v", rep.Rows[0])
	}
	if code, _, errs := run(t, "--db", db, "exception", "approve", id, "--note", "x"); code == 0 || !strings.Contains(errs, "already rejected") {
		t.Errorf("approve after reject: %d %s", code, errs)
	}

	// the requester cannot approve under any name; another person can, with evidence stored
	ev := filepath.Join(t.TempDir(), "photo.txt")
	os.WriteFile(ev, []byte("water everywhere"), 0o600)
	id = strings.TrimSpace(mustRun(t, "--db", db, "exception", "request", "--slt", "web-up",
		"--from", "2026-10-10T10:00:00Z", "--to", "2026-10-10T12:00:00Z", "--reason", "flood", "--evidence", ev))
	if code, _, errs := run(t, "--db", db, "exception", "approve", id, "--note", "fine"); code != 1 || !strings.Contains(errs, "cannot also decide") {
		t.Fatalf("self-approval: %d %s", code, errs)
	}
	if code, _, errs := run(t, "--db", db, "exception", "approve", id, "--by", "bob", "--note", "fine"); code != 2 || !strings.Contains(errs, "-by") {
		t.Fatalf("self-approval claiming another name: %d %s", code, errs)
	}
	as("bob", func(a *app.App) error {
		_, err := a.Exceptions.Approve(app.ExceptionDecision{ID: id, Note: "confirmed by the utility"})
		return err
	})
	rep = decode[reportJSON](t, mustRun(t, "--db", db, "report", "--json", "--at", at, "--period", "2026-10"))
	r := rep.Rows[0]
	if r.Excluded != 120 || *r.Bad != 0 || *r.Attainment != 1 || !*r.Met || *r.AttainmentRaw != 1-120.0/44640 {
		t.Fatalf("approved exception: %+v", r)
	}
	list := mustRun(t, "--db", db, "exception", "list")
	if !strings.Contains(list, "EX-2") || !strings.Contains(list, "approved") || !strings.Contains(list, "photo.txt") {
		t.Errorf("list:\n%s", list)
	}
	xs := decode[[]struct {
		Evidence []struct{ SHA256 string } `json:"evidence"`
	}](t, mustRun(t, "--db", db, "exception", "list", "--json"))
	if len(xs) != 2 || len(xs[1].Evidence) != 1 || len(xs[1].Evidence[0].SHA256) != 64 {
		t.Errorf("list json %+v", xs)
	}
	if bl := decode[breachesJSON](t, mustRun(t, "--db", db, "breaches", "--json", "--at", at)); len(bl.Breaches) != 0 {
		t.Errorf("breach survived the approved exception: %+v", bl)
	}
	audit := mustRun(t, "--db", db, "audit", "log")
	for _, a := range []string{"exception.request", "exception.reject", "exception.approve"} {
		if !strings.Contains(audit, a) {
			t.Errorf("audit log lacks %s", a)
		}
	}
	mustRun(t, "--db", db, "audit", "verify")
}

func TestFalsePositiveAlertsWhatIfRollbackCLI(t *testing.T) {
	db := complianceDB(t)
	// one person asks from the command line …
	var ap struct {
		ID     string `json:"id"`
		Status string `json:"status"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "--json", "breach", "false-positive", "web-up@2026-10", "--reason", "probe misconfigured")), &ap); err != nil || ap.Status != "requested" {
		t.Fatalf("request: %+v, %v", ap, err)
	}
	if bl := mustRun(t, "--db", db, "breaches", "--at", "2026-11-05"); strings.Contains(bl, "false positive") {
		t.Errorf("a request alone took the breach out of the ranking:\n%s", bl)
	}
	// … another decides (here through the app, as someone else)
	other, err := app.OpenWith(db, storage.Options{Actor: "ada"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Approvals.Approve(app.ApprovalDecision{ID: ap.ID, Note: "the probe's config is on record"}); err != nil {
		t.Fatal(err)
	}
	other.Close()
	bl := mustRun(t, "--db", db, "breaches", "--at", "2026-11-05")
	if !strings.Contains(bl, "false positive: probe misconfigured") {
		t.Errorf("breaches:\n%s", bl)
	}
	if !strings.Contains(mustRun(t, "--db", db, "audit", "log"), "breach.false-positive") {
		t.Error("not audited")
	}
	if code, _, _ := run(t, "--db", db, "breach", "false-positive", "web-up@2026-10", "--reason", "again"); code == 0 {
		t.Error("a breach already marked was asked for again")
	}
	if code, _, _ := run(t, "--db", db, "breach", "false-positive", "nope", "--reason", "x"); code == 0 {
		t.Error("bad id accepted")
	}

	// one hour into the outage every window burns: pages and tickets
	type alertsJSON struct {
		Alerts []struct {
			Severity string `json:"severity"`
			Rule     string `json:"rule"`
			Windows  []struct {
				Window   string  `json:"window"`
				BurnRate float64 `json:"burn_rate"`
			} `json:"windows"`
		} `json:"alerts"`
		Trends []struct {
			MissDate string `json:"miss_date"`
		} `json:"trends"`
	}
	al := decode[alertsJSON](t, mustRun(t, "--db", db, "alerts", "--json", "--at", "2026-10-10T11:00:00Z"))
	if len(al.Alerts) < 2 || al.Alerts[0].Severity != "page" || al.Alerts[0].Windows[0].BurnRate < 999.99 {
		t.Fatalf("alerts %+v", al)
	}
	if len(al.Trends) != 1 || al.Trends[0].MissDate != "2026-10-10" {
		t.Errorf("trends %+v", al.Trends)
	}
	// ten days later nothing burns, but 120 bad minutes already exceed October's whole budget (44.64)
	if out := mustRun(t, "--db", db, "alerts", "--at", "2026-10-20T00:00:00Z"); strings.Contains(out, "PAGE") || strings.Contains(out, "TICKET") || !strings.Contains(out, "web-up  2026-10  2026-10-20") {
		t.Errorf("quiet alerts: %s", out)
	}

	wi := mustRun(t, "--db", db, "whatif", "--slt", "web-up", "--target", "0.99", "--at", "2026-11-05")
	if !strings.Contains(wi, "met in 2 of 2 periods at ≥ 99% (at the current ≥ 99.9%: 1 of 2)") {
		t.Errorf("whatif:\n%s", wi)
	}
	type whatifJSON struct {
		Target90 float64 `json:"target_met_in_90pct"`
		Warnings []struct {
			Kind string `json:"kind"`
		} `json:"warnings"`
	}
	w := decode[whatifJSON](t, mustRun(t, "--db", db, "whatif", "--json", "--slt", "web-up", "--target", "0.99999", "--at", "2026-11-05"))
	if w.Target90 != 1-120.0/44640 || len(w.Warnings) != 1 || w.Warnings[0].Kind != "resolution" {
		t.Errorf("whatif json %+v", w)
	}

	rb := mustRun(t, "--db", db, "rollback", "--feed", "probes", "--rule", "error_rate > 0.5 for 15m")
	if !strings.Contains(rb, "2026-10-10 10:00  2026-10-10 12:00  2026-10-10 10:15  120") {
		t.Errorf("rollback:\n%s", rb)
	}
	if code, _, errs := run(t, "--db", db, "rollback", "--feed", "probes", "--rule", "error_rate > 0.5"); code == 0 || !strings.Contains(errs, "for DURATION") {
		t.Errorf("bad rule: %d %s", code, errs)
	}
}
