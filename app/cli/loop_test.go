package cli

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"slate/internal/itsm"
)

// jsonOf runs a command with --json and decodes its output.
func jsonOf(t *testing.T, out any, args ...string) {
	t.Helper()
	text := mustRun(t, append(args, "--json")...)
	if err := json.Unmarshal([]byte(text), out); err != nil {
		t.Fatalf("slate %s --json: %v\n%s", strings.Join(args, " "), err, text)
	}
}

func auditCount(t *testing.T, db string) int {
	t.Helper()
	var evs []map[string]any
	jsonOf(t, &evs, "--db", db, "audit", "log")
	return len(evs)
}

// The improvement loop from the command line, on the demo: every command
// answers --json, the demo's loop is there (the parcel RCA with its Five
// Whys draft, two actions one overdue, the review due, the Order
// fulfilment agenda listing them), changes are made as the OS user and
// audited, and bad input is refused with a clear message and changes nothing.
func TestLoopCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	mustRun(t, "--db", db, "demo")
	me, _ := user.Current()

	var acts []struct {
		ID      string `json:"id"`
		Overdue bool   `json:"overdue"`
		Links   struct {
			RCA string `json:"rca"`
		} `json:"links"`
	}
	jsonOf(t, &acts, "--db", db, "action", "list")
	if len(acts) != 2 || !acts[0].Overdue || acts[1].Overdue || acts[0].Links.RCA != "RCA-1" {
		t.Fatalf("action list: %+v", acts)
	}
	text := mustRun(t, "--db", db, "action", "list")
	if !strings.HasPrefix(text, "ID ") || !strings.Contains(strings.Split(text, "\n")[1], "overdue") {
		t.Fatalf("the human list is a headed table, overdue first:\n%s", text)
	}
	var rcas []struct {
		ID       string           `json:"id"`
		SLT      string           `json:"slt"`
		FiveWhys []map[string]any `json:"five_whys"`
		Actions  []string         `json:"actions"`
	}
	jsonOf(t, &rcas, "--db", db, "rca", "list")
	if len(rcas) != 1 || rcas[0].SLT != "parcel-delivery-48h" || len(rcas[0].FiveWhys) != 4 || len(rcas[0].Actions) != 2 {
		t.Fatalf("rca list: %+v", rcas)
	}
	var due []struct {
		SLT     string   `json:"slt"`
		Due     bool     `json:"due"`
		Reasons []string `json:"reasons"`
	}
	jsonOf(t, &due, "--db", db, "review", "list", "--due")
	if len(due) != 1 || !due[0].Due || !strings.Contains(due[0].Reasons[0], "months in a row") {
		t.Fatalf("review list --due: %+v", due)
	}
	var ag struct {
		RCAs      []map[string]any `json:"rcas"`
		Actions   []map[string]any `json:"actions"`
		Reviews   []map[string]any `json:"reviews_due"`
		Decisions []map[string]any `json:"decisions"`
	}
	jsonOf(t, &ag, "--db", db, "meeting", "agenda", "--service", "order-fulfilment")
	if len(ag.RCAs) != 1 || len(ag.Actions) != 2 || len(ag.Reviews) != 1 || len(ag.Decisions) == 0 {
		t.Fatalf("agenda: %+v", ag)
	}
	var v map[string]any
	jsonOf(t, &v, "--db", db, "improvement", "validate", "imp-1")
	for _, k := range []string{"test", "p_value", "effect", "effect_ci", "n_before", "n_after", "enough_data", "days_needed", "verdict"} {
		if _, ok := v[k]; !ok {
			t.Errorf("improvement validate --json has no %q", k)
		}
	}
	var c struct {
		BestLag  int    `json:"best_lag"`
		Leads    bool   `json:"leads"`
		Sentence string `json:"sentence"`
	}
	jsonOf(t, &c, "--db", db, "correlate", "--lead", "warehouse-backlog", "--lag", "parcel-delivery-48h", "--max-lag", "2w")
	if c.BestLag != 2 || !c.Leads || !strings.Contains(c.Sentence, "rises 2 days before") {
		t.Fatalf("correlate: %+v", c)
	}
	// every other read command answers JSON
	for _, args := range [][]string{{"action", "show", "A-1"}, {"rca", "show", "RCA-1"}, {"review", "list"}, {"review", "history"},
		{"meeting", "list"}, {"improvement", "list"}, {"itsm", "outbox"}, {"itsm", "deliver"}, {"approval", "list"}, {"excluded"}} {
		var any_ any
		jsonOf(t, &any_, append([]string{"--db", db}, args...)...)
	}

	// bad input: a clear error, and nothing changes
	n := auditCount(t, db)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"action", "add", "--title", "x", "--slt", "ghost"}, 1, `SLT "ghost" does not exist`},
		{[]string{"action", "add", "--title", "x", "--rca", "RCA-1", "--due", "12/01/2026"}, 1, `due date "12/01/2026" is not a date (write YYYY-MM-DD`},
		{[]string{"action", "update", "A-1", "--due", "next week"}, 1, `is not a date`},
		{[]string{"action", "close", "A-9"}, 1, "action A-9 does not exist"},
		{[]string{"rca", "close", "RCA-1"}, 1, "RCA-1 cannot be closed yet: no root cause is recorded"},
		{[]string{"rca", "update", "RCA-1", "--answer", "9:x"}, 1, "RCA-1 has 4 whys"},
		{[]string{"rca", "open", "parcel-delivery-48h@2026-07"}, 1, "RCA-1 (open) already analyses breach parcel-delivery-48h@2026-07"},
		{[]string{"rca", "open", "shop-availability@2026-13"}, 1, "there is no breach shop-availability@2026-13"},
		{[]string{"review", "record", "--slt", "ghost", "--date", "2026-01-05", "--decision", "keep"}, 1, `SLT "ghost" does not exist`},
		{[]string{"review", "record", "--slt", "parcel-delivery-48h", "--date", "5 Jan", "--decision", "keep"}, 1, "is not a date"},
		{[]string{"meeting", "agenda", "--service", "order-fulfilment", "--date", "2026/12/01"}, 1, `meeting date "2026/12/01" is not a date`},
		{[]string{"meeting", "agenda", "--service", "nowhere"}, 1, `service "nowhere" does not exist`},
		{[]string{"meeting", "agenda"}, 2, "give --service or --supplier"},
		{[]string{"meeting", "record", "--service", "order-fulfilment", "--date", "2026-01-05", "--attendees", "a", "--action", "x;when=soon"}, 2, `unknown key "when"`},
		{[]string{"improvement", "add", "--slt", "ghost", "--change", "2026-10-01", "--description", "x"}, 1, `SLT "ghost" does not exist`},
		{[]string{"improvement", "add", "--slt", "parcel-delivery-48h", "--change", "01.10.2026", "--description", "x"}, 1, `change date "01.10.2026" is not a date`},
		{[]string{"correlate", "--lead", "ghost", "--lag", "parcel-delivery-48h"}, 1, `lead: "ghost" is neither an SLT nor a feed`},
		{[]string{"correlate", "--lead", "warehouse-backlog", "--lag", "parcel-delivery-48h", "--max-lag", "soon"}, 2, "is not a number of days"},
		{[]string{"breach", "false-positive", "parcel-delivery-48h@2026-13", "--reason", "x"}, 1, "there is no breach"},
		{[]string{"itsm", "retry", "T-7"}, 1, "outbox task T-7 does not exist"},
		{[]string{"approval", "approve", "AP-3", "--note", "x"}, 1, "AP-3 does not exist"},
	} {
		code, _, errs := run(t, append([]string{"--db", db}, tc.args...)...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("slate %s: exit %d, stderr %q; want %d and %q", strings.Join(tc.args, " "), code, errs, tc.code, tc.want)
		}
	}
	if got := auditCount(t, db); got != n {
		t.Fatalf("refused commands wrote %d audit events", got-n)
	}

	// changes, as the OS user, each audited
	var a struct {
		ID        string `json:"id"`
		CreatedBy string `json:"created_by"`
	}
	jsonOf(t, &a, "--db", db, "action", "add", "--title", "Audit the hub's shift plan", "--rca", "RCA-1", "--breach", "parcel-delivery-48h@2026-10", "--due", "2027-01-15")
	if a.ID != "A-3" || a.CreatedBy != me.Username {
		t.Fatalf("action add: %+v", a)
	}
	mustRun(t, "--db", db, "action", "update", "A-3", "--status", "in progress", "--note", "started")
	mustRun(t, "--db", db, "rca", "update", "RCA-1", "--answer", "4:The shift plan was fixed in 2024 and nobody reviews it.",
		"--root-cause", "No one owns the hub's capacity plan against our volumes.")
	var closed struct {
		Status string `json:"status"`
	}
	jsonOf(t, &closed, "--db", db, "rca", "close", "RCA-1", "--conclusion", "capacity review added to the contract")
	if closed.Status != "closed" {
		t.Fatalf("rca close: %+v", closed)
	}
	mustRun(t, "--db", db, "action", "close", "A-2", "--dropped", "--note", "the second carrier covers it")
	var opened struct {
		ID       string `json:"id"`
		OpenedBy string `json:"opened_by"`
	}
	jsonOf(t, &opened, "--db", db, "rca", "open", "shop-availability/core-hours@2026-06")
	if opened.ID != "RCA-2" || opened.OpenedBy != me.Username {
		t.Fatalf("rca open: %+v", opened)
	}
	mustRun(t, "--db", db, "review", "record", "--slt", "parcel-delivery-48h", "--date", time.Now().Format(time.DateOnly), "--decision", "keep 95%", "--attendees", "Søren Madsen, maria")
	var rec struct {
		Meeting struct {
			ID string `json:"id"`
		} `json:"meeting"`
		Actions []struct {
			ID    string `json:"id"`
			Owner string `json:"owner"`
			Due   string `json:"due"`
		} `json:"actions"`
	}
	jsonOf(t, &rec, "--db", db, "meeting", "record", "--service", "order-fulfilment", "--date", time.Now().Format(time.DateOnly), "--attendees", "maria,Søren Madsen",
		"--decision", "keep the target", "--action", "Ask ParcelNet for the hub plan;owner=Søren Madsen;due=2027-01-10")
	if rec.Meeting.ID != "M-1" || len(rec.Actions) != 1 || rec.Actions[0].Owner != "Søren Madsen" || rec.Actions[0].Due != "2027-01-10" {
		t.Fatalf("meeting record: %+v", rec)
	}
	mustRun(t, "--db", db, "improvement", "add", "--slt", "parcel-delivery-48h", "--change", "2026-11-01", "--description", "secondary carrier above 400 parcels")
	var ap struct {
		ID string `json:"id"`
	}
	jsonOf(t, &ap, "--db", db, "breach", "false-positive", "parcel-delivery-48h@2026-06", "--reason", "courier strike")
	code, _, errs := run(t, "--db", db, "approval", "approve", ap.ID, "--note", "mine")
	if code != 1 || !strings.Contains(errs, "cannot also decide it: a second person must") {
		t.Fatalf("deciding one's own request: %d %s", code, errs)
	}
	var evs []struct {
		Action string `json:"action"`
		Actor  string `json:"actor"`
	}
	jsonOf(t, &evs, "--db", db, "audit", "log")
	got := map[string]string{}
	for _, ev := range evs[n:] {
		got[ev.Action] = ev.Actor
	}
	for _, want := range []string{"action.add", "action.update", "rca.update", "rca.close", "review.record", "meeting.record", "improvement.add", "approval.request", "rca.open"} {
		if got[want] != me.Username {
			t.Errorf("%s: audited as %q, want the OS user %q", want, got[want], me.Username)
		}
	}
	if _, ok := got["approval.approve"]; ok {
		t.Error("the refused approval was audited")
	}

	// the agenda as a file, through the pack's writers
	dir := t.TempDir()
	pdf := filepath.Join(dir, "agenda.pdf")
	mustRun(t, "--db", db, "meeting", "agenda", "--service", "order-fulfilment", "-o", pdf)
	if out, err := exec.Command("qpdf", "--check", pdf).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	if out, err := exec.Command("pdftotext", pdf, "-").Output(); err == nil && !strings.Contains(string(out), "RCA-1") {
		t.Errorf("the agenda PDF does not list RCA-1")
	}
	mustRun(t, "--db", db, "meeting", "agenda", "--supplier", "parcelnet", "-o", filepath.Join(dir, "agenda.xlsx"))
	if code, _, errs := run(t, "--db", db, "meeting", "agenda", "--service", "order-fulfilment", "-o", filepath.Join(dir, "agenda.docx")); code != 2 || !strings.Contains(errs, ".pdf or an .xlsx") {
		t.Errorf("-o agenda.docx: %d %s", code, errs)
	}
}

// webhook is an ITSM tool that checks signatures and can be down.
type webhook struct {
	mu   sync.Mutex
	down bool
	got  []itsm.Task
	bad  []error
}

func (h *webhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.down {
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
		return
	}
	body, _ := io.ReadAll(r.Body)
	if err := itsm.Verify([]byte("cli-hook-key"), r.Header, body, time.Now(), 5*time.Minute); err != nil {
		h.bad = append(h.bad, err)
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	var task itsm.Task
	json.Unmarshal(body, &task)
	h.got = append(h.got, task)
	w.Header().Set("Location", "/tickets/INC-"+task.ID)
	w.WriteHeader(http.StatusCreated)
}

// A task made from the command line reaches a local webhook with a valid
// HMAC; while the receiver is down it waits in the outbox, shown with its
// error, and `itsm retry` + `itsm deliver` send it once the receiver is back.
func TestItsmCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	mustRun(t, "--db", db, "demo", "--definitions-only")
	h := &webhook{down: true}
	srv := httptest.NewServer(h)
	defer srv.Close()
	t.Setenv("SLATE_CLI_HOOK_KEY", "cli-hook-key")
	yml := filepath.Join(dir, "hook.yaml")
	os.WriteFile(yml, []byte("apiVersion: slate/v1\nkind: Integration\nmetadata: {name: desk}\nspec:\n  webhook: {url: \""+srv.URL+"/hook\", secretEnv: SLATE_CLI_HOOK_KEY}\n"), 0o600)
	mustRun(t, "--db", db, "apply", "-f", yml)
	mustRun(t, "--db", db, "action", "add", "--title", "Review the checkout error budget", "--service", "payments")

	type entry struct {
		ID        string `json:"id"`
		Status    string `json:"status"`
		Attempts  int    `json:"attempts"`
		LastError string `json:"last_error"`
		RemoteRef string `json:"remote_ref"`
	}
	var out []entry
	jsonOf(t, &out, "--db", db, "itsm", "outbox")
	if len(out) != 1 || out[0].Status != "pending" || out[0].Attempts != 0 {
		t.Fatalf("outbox: %+v", out)
	}
	var rep struct {
		Attempted, Delivered, Failed, Waiting int
	}
	jsonOf(t, &rep, "--db", db, "itsm", "deliver")
	if rep.Attempted != 1 || rep.Failed != 1 {
		t.Fatalf("deliver while down: %+v", rep)
	}
	jsonOf(t, &out, "--db", db, "itsm", "outbox")
	if out[0].Status != "pending" || !strings.Contains(out[0].LastError, "503") {
		t.Fatalf("the task waits with its reason: %+v", out)
	}
	if text := mustRun(t, "--db", db, "itsm", "outbox"); !strings.Contains(text, "503") || !strings.Contains(text, "pending") {
		t.Fatalf("outbox table:\n%s", text)
	}
	h.mu.Lock()
	h.down = false
	h.mu.Unlock()
	mustRun(t, "--db", db, "itsm", "retry", out[0].ID)
	jsonOf(t, &rep, "--db", db, "itsm", "deliver")
	if rep.Delivered != 1 {
		t.Fatalf("deliver after it came back: %+v", rep)
	}
	jsonOf(t, &out, "--db", db, "itsm", "outbox")
	if out[0].Status != "delivered" || out[0].RemoteRef != "/tickets/INC-"+out[0].ID || len(h.got) != 1 || len(h.bad) != 0 {
		t.Fatalf("delivered: %+v (signature errors %v)", out, h.bad)
	}
	if h.got[0].Event != "action.created" || h.got[0].Service != "payments" || h.got[0].Links.Action != "A-1" {
		t.Fatalf("the task: %+v", h.got[0])
	}
}
