package app

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"slate/internal/improve"
	"slate/internal/itsm"
)

// auditTail is the audit events after the first n.
func auditTail(t *testing.T, a *App, n int) []AuditEvent {
	t.Helper()
	evs, err := a.Audit.Log(0)
	if err != nil {
		t.Fatal(err)
	}
	return evs[n:]
}

func auditLen(t *testing.T, a *App) int { return len(auditTail(t, a, 0)) }

// refused runs fn, which must fail saying want, and checks nothing was audited.
func refused(t *testing.T, a *App, want string, fn func() error) {
	t.Helper()
	n := auditLen(t, a)
	err := fn()
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("want an error saying %q, got %v", want, err)
	}
	if evs := auditTail(t, a, n); len(evs) > 0 {
		t.Fatalf("a refused change wrote %d audit events (%s)", len(evs), evs[0].Action)
	}
}

// The loop's services act as their caller: a manager's view names her in
// every record and audit event, and no request field can name anyone else.
// Bad input changes nothing; closing an RCA needs a root cause.
func TestLoopServicesActAsTheCaller(t *testing.T) {
	a := openDemo(t)
	maria := a.As(Caller{Name: "maria", Role: RoleManager})

	rcas, err := maria.RCAs.List(RCAFilter{})
	if err != nil || len(rcas) != 1 || len(rcas[0].FiveWhys) != 4 || len(rcas[0].Actions) != 2 {
		t.Fatalf("RCAs %+v, %v", rcas, err)
	}
	rca := rcas[0]
	acts, _ := maria.Actions.List(ActionQuery{RCA: rca.ID})
	if len(acts) != 2 || !acts[0].Overdue || acts[1].Overdue {
		t.Fatalf("the demo's actions, overdue first: %+v", acts)
	}

	refused(t, a, `SLT "ghost" does not exist`, func() error {
		_, err := maria.Actions.Add(NewAction{Title: "x", Links: Links{SLT: "ghost"}})
		return err
	})
	refused(t, a, `due date "28/11/2026" is not a date (write YYYY-MM-DD`, func() error {
		_, err := maria.Actions.Add(NewAction{Title: "x", Due: "28/11/2026", Links: Links{RCA: rca.ID}})
		return err
	})
	refused(t, a, "cannot be closed yet: no root cause is recorded", func() error {
		_, err := maria.RCAs.Close(RCAClose{ID: rca.ID})
		return err
	})
	refused(t, a, `change date "2026-13-01" is not a date`, func() error {
		_, err := maria.Improvements.Add(NewImprovement{SLT: "parcel-delivery-48h", Change: "2026-13-01", Description: "x"})
		return err
	})
	refused(t, a, `meeting date "28.11.2026" is not a date`, func() error {
		_, err := maria.Meetings.Record(Minutes{Service: "order-fulfilment", Date: "28.11.2026", Attendees: []string{"maria"}})
		return err
	})
	refused(t, a, "action 2 of the minutes: an action needs a title", func() error {
		_, err := maria.Meetings.Record(Minutes{Service: "order-fulfilment", Date: "2026-11-28", Attendees: []string{"maria"},
			Actions: []NewAction{{Title: "Ask ParcelNet for the hub plan"}, {Title: " "}}})
		return err
	})
	refused(t, a, `SLT "ghost" does not exist`, func() error {
		_, err := maria.Reviews.Record(NewReview{SLT: "ghost", Date: "2026-11-28", Decision: "keep"})
		return err
	})

	act, err := maria.Actions.Add(NewAction{Title: "Audit the hub's shift plan", Due: "2026-12-05", Links: Links{RCA: rca.ID, Breach: "parcel-delivery-48h@2026-10"}})
	if err != nil || act.CreatedBy != "maria" || act.Origin != improve.OriginPerson || act.Owner != rca.Owner || act.Links.Supplier != "parcelnet" {
		t.Fatalf("action %+v, %v", act, err)
	}
	n := auditLen(t, a)
	whys := convert(rca.FiveWhys, func(y improve.Why) Why { return Why(y) })
	whys[3].Because = "The shift plan was fixed in the 2024 contract and nobody owns its review."
	causes := []string{"No one owns the hub's capacity plan against our volumes."}
	if _, err := maria.RCAs.Update(RCAUpdate{ID: rca.ID, FiveWhys: &whys, RootCauses: &causes}); err != nil {
		t.Fatal(err)
	}
	closed, err := maria.RCAs.Close(RCAClose{ID: rca.ID, Conclusion: "capacity review added to the contract"})
	if err != nil || closed.ClosedBy != "maria" {
		t.Fatalf("close %+v, %v", closed, err)
	}
	for _, ev := range auditTail(t, a, n) {
		if ev.Actor != "maria" {
			t.Errorf("%s by %s, not the caller", ev.Action, ev.Actor)
		}
	}

	rev, err := maria.Reviews.Record(NewReview{SLT: "parcel-delivery-48h", Date: "2026-11-28", Decision: "keep 95%, fund the second shift", Attendees: []string{"maria", "Søren Madsen"}})
	if err != nil || rev.RecordedBy != "maria" {
		t.Fatalf("review %+v, %v", rev, err)
	}
	if due, _ := a.Reviews.List(ReviewFilter{SLT: "parcel-delivery-48h", DueOnly: true}); len(due) != 0 {
		t.Fatalf("a review recorded today resets the triggers: %+v", due)
	}

	rec, err := maria.Meetings.Record(Minutes{Service: "order-fulfilment", Date: "2026-11-28", Attendees: []string{"maria", "Søren Madsen"},
		Decisions: []string{"keep the target"}, Actions: []NewAction{{Title: "Ask ParcelNet for the hub plan", Due: "2026-12-10"}}})
	if err != nil || len(rec.Actions) != 1 || rec.Actions[0].Links.Meeting != rec.Meeting.ID || rec.Actions[0].Origin != improve.OriginMeeting || rec.Meeting.RecordedBy != "maria" {
		t.Fatalf("minutes %+v, %v", rec, err)
	}
}

// A false positive needs two people: the manager asks, she cannot decide
// her own request, and another person's approval marks the breach.
func TestFalsePositiveNeedsTwoPeople(t *testing.T) {
	a := openDemo(t)
	maria := a.As(Caller{Name: "maria", Role: RoleManager})
	ap, err := maria.Approvals.RequestFalsePositive(FalsePositiveRequest{Breach: "parcel-delivery-48h@2026-06", Reason: "courier strike"})
	if err != nil || ap.RequestedBy != "maria" {
		t.Fatalf("request %+v, %v", ap, err)
	}
	refused(t, a, "cannot also decide it", func() error {
		_, err := a.As(Caller{Name: "Maria", Role: RoleAdmin}).Approvals.Approve(ApprovalDecision{ID: ap.ID, Note: "fine"})
		return err
	})
	log, _ := a.Compliance.Breaches(BreachQuery{})
	for _, b := range log.Breaches {
		if b.ID == ap.Subject && b.FalsePositive {
			t.Fatal("the breach left the ranking before anyone approved")
		}
	}
	ok, err := a.As(Caller{Name: "ada", Role: RoleApprover}).Approvals.Approve(ApprovalDecision{ID: ap.ID, Note: "the strike is on record"})
	if err != nil || ok.DecidedBy != "ada" {
		t.Fatalf("approve %+v, %v", ok, err)
	}
	log, _ = a.Compliance.Breaches(BreachQuery{})
	marked := false
	for _, b := range log.Breaches {
		marked = marked || (b.ID == ap.Subject && b.FalsePositive)
	}
	if !marked {
		t.Fatal("the approved false positive is not marked in the breach log")
	}
}

// The agenda has each SLT's status (the one rule), and exports as a PDF and
// a workbook that real readers open, audited as export.agenda.
func TestAgendaFaces(t *testing.T) {
	a := openDemo(t)
	ag, err := a.Meetings.Agenda(AgendaQuery{Service: "order-fulfilment", Date: "2026-11-28"})
	if err != nil || len(ag.SLTs) != 1 || ag.SLTs[0].Status == nil || ag.SLTs[0].Status.State != "missed" || len(ag.RCAs) != 1 || len(ag.Actions) != 2 {
		t.Fatalf("agenda %+v, %v", ag, err)
	}
	refused(t, a, `meeting date "2026/11/28" is not a date`, func() error {
		_, err := a.Meetings.AgendaFile(AgendaFileQuery{Service: "order-fulfilment", Date: "2026/11/28", Format: "pdf"})
		return err
	})
	refused(t, a, `service "nowhere" does not exist`, func() error {
		_, err := a.Meetings.Agenda(AgendaQuery{Service: "nowhere"})
		return err
	})
	n := auditLen(t, a)
	pdf, err := a.Meetings.AgendaFile(AgendaFileQuery{Service: "order-fulfilment", Date: "2026-11-28", Format: "pdf"})
	if err != nil || pdf.Type != MimePDF || !bytes.HasPrefix(pdf.Data, []byte("%PDF")) {
		t.Fatalf("pdf %s %d, %v", pdf.Type, pdf.Size, err)
	}
	if cmd := exec.Command("pdftotext", "-", "-"); true {
		cmd.Stdin = bytes.NewReader(pdf.Data)
		if out, err := cmd.Output(); err == nil {
			for _, want := range []string{"Service review agenda", "RCA-1", "A-1", "Decisions asked for"} {
				if !strings.Contains(string(out), want) {
					t.Errorf("the agenda PDF lacks %q", want)
				}
			}
		}
	}
	x, err := a.Meetings.AgendaFile(AgendaFileQuery{Service: "order-fulfilment", Date: "2026-11-28", Format: "xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(bytes.NewReader(x.Data))
	if err != nil {
		t.Fatalf("the agenda workbook does not open: %v", err)
	}
	defer wb.Close()
	if len(wb.GetSheetList()) < 2 {
		t.Fatalf("sheets %v", wb.GetSheetList())
	}
	evs := auditTail(t, a, n)
	if len(evs) != 2 || evs[0].Action != "export.agenda" || evs[0].Actor != "tester" {
		t.Fatalf("audit %+v", evs)
	}
}

// The dashboard flags the loop: the overdue action, the open RCA and the
// review due, and keeps them out of a view filtered to another supplier.
func TestDashboardLoop(t *testing.T) {
	a := openDemo(t)
	d, err := a.Compliance.Dashboard(DashboardQuery{})
	if err != nil {
		t.Fatal(err)
	}
	l := d.Loop
	if len(l.OverdueActions) != 1 || l.OverdueActions[0].ID != "A-1" || l.OverdueActions[0].DaysOverdue != 6 || l.LiveActions != 2 ||
		len(l.OpenRCAs) != 1 || l.OpenRCAs[0].SLT != "parcel-delivery-48h" || len(l.ReviewsDue) != 1 || l.Today != "2026-11-28" {
		t.Fatalf("loop %+v", l)
	}
	other, err := a.Compliance.Dashboard(DashboardQuery{Supplier: "cloudhost"})
	if err != nil || len(other.Loop.OverdueActions)+len(other.Loop.OpenRCAs)+len(other.Loop.ReviewsDue) != 0 {
		t.Fatalf("filtered to cloudhost: %+v, %v", other.Loop, err)
	}
	mine, _ := a.Compliance.Dashboard(DashboardQuery{Supplier: "parcelnet"})
	if len(mine.Loop.OverdueActions) != 1 || len(mine.Loop.OpenRCAs) != 1 {
		t.Fatalf("filtered to parcelnet: %+v", mine.Loop)
	}
}

// hook is an ITSM tool's webhook: it checks every delivery's signature and
// answers with a ticket number, or refuses (503) while down.
type hook struct {
	mu   sync.Mutex
	down bool
	got  []itsm.Task
	errs []error
}

func (h *hook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.down {
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
		return
	}
	body, _ := io.ReadAll(r.Body)
	if err := itsm.Verify([]byte("s3cret-key"), r.Header, body, DemoNow, 5*time.Minute); err != nil {
		h.errs = append(h.errs, err)
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	var task itsm.Task
	json.Unmarshal(body, &task)
	h.got = append(h.got, task)
	json.NewEncoder(w).Encode(map[string]any{"result": map[string]string{"number": "INC-" + task.ID}})
}

func integration(t *testing.T, a *App, url string) {
	t.Helper()
	t.Setenv("SLATE_TEST_HOOK_KEY", "s3cret-key")
	if _, err := a.Workspace.Apply("hook.yaml", `apiVersion: slate/v1
kind: Integration
metadata: {name: servicenow}
spec:
  webhook: {url: "`+url+`", secretEnv: SLATE_TEST_HOOK_KEY, timeout: 5s}
  events: [action.created]
`); err != nil {
		t.Fatal(err)
	}
}

// An action added through the face reaches the webhook with a valid HMAC;
// while the receiver is down the task waits in the outbox with the reason,
// and after it comes back a retry delivers it with its ticket number.
func TestWebhookThroughTheFace(t *testing.T) {
	a := openDemo(t)
	h := &hook{down: true}
	srv := httptest.NewServer(h)
	defer srv.Close()
	integration(t, a, srv.URL+"/tasks")
	maria := a.As(Caller{Name: "maria", Role: RoleManager})
	act, err := maria.Actions.Add(NewAction{Title: "Escalate to ParcelNet's account manager", Links: Links{SLT: "parcel-delivery-48h"}})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := a.Integrations.Outbox(OutboxFilter{Status: itsm.StatusPending})
	if len(out) != 1 || out[0].Task.Links.Action != act.ID || out[0].Task.Supplier != "parcelnet" {
		t.Fatalf("outbox %+v", out)
	}
	rep, err := maria.Integrations.Deliver()
	if err != nil || rep.Failed != 1 || !strings.Contains(rep.Outcomes[0].Error, "503") {
		t.Fatalf("while down: %+v, %v", rep, err)
	}
	out, _ = a.Integrations.Outbox(OutboxFilter{})
	if out[0].Status != itsm.StatusPending || out[0].Attempts != 1 || out[0].LastError == "" {
		t.Fatalf("the task must wait with its reason: %+v", out[0])
	}
	h.mu.Lock()
	h.down = false
	h.mu.Unlock()
	if rep, _ := maria.Integrations.Deliver(); rep.Attempted != 0 || rep.Waiting != 1 {
		t.Fatalf("before its backoff ends the task waits: %+v", rep)
	}
	ids, err := maria.Integrations.Retry(out[0].ID)
	if err != nil || len(ids) != 1 {
		t.Fatalf("retry %v, %v", ids, err)
	}
	if rep, err = maria.Integrations.Deliver(); err != nil || rep.Delivered != 1 {
		t.Fatalf("after it came back: %+v, %v", rep, err)
	}
	out, _ = a.Integrations.Outbox(OutboxFilter{})
	if out[0].Status != itsm.StatusDelivered || out[0].RemoteRef != "INC-"+out[0].ID || len(h.got) != 1 || len(h.errs) != 0 {
		t.Fatalf("delivered %+v (receiver errors %v)", out[0], h.errs)
	}
	var actors []string
	for _, ev := range auditTail(t, a, 0) {
		if strings.HasPrefix(ev.Action, "itsm.") {
			actors = append(actors, ev.Action+" "+ev.Actor)
		}
	}
	if want := "itsm.queue maria,itsm.attempt-failed maria,itsm.retry maria,itsm.deliver maria"; strings.Join(actors, ",") != want {
		t.Fatalf("audit %v, want %s", actors, want)
	}
	if _, err := a.Integrations.Retry(out[0].ID); err == nil || !strings.Contains(err.Error(), "already delivered") {
		t.Fatalf("retrying a delivered task: %v", err)
	}
}

// The background loop (the window's and slate serve's) delivers a waiting
// task on its first pass, as Slate, and stops when its context ends.
func TestRunLoopDeliversAndStops(t *testing.T) {
	a := openDemo(t)
	h := &hook{}
	srv := httptest.NewServer(h)
	defer srv.Close()
	integration(t, a, srv.URL)
	if _, err := a.Actions.Add(NewAction{Title: "Check the hub's staffing", Links: Links{SLT: "parcel-delivery-48h"}}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	var errs []error
	go func() {
		defer close(done)
		a.RunLoop(ctx, func(err error) { errs = append(errs, err) })
	}()
	// wait for the first pass to record the delivery (the go test deadline bounds it)
	for {
		out, err := a.Integrations.Outbox(OutboxFilter{Status: itsm.StatusDelivered})
		if err != nil {
			t.Fatal(err)
		}
		if len(out) == 1 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
	if len(errs) > 0 || len(h.got) != 1 {
		t.Fatalf("loop errors: %v; deliveries %d", errs, len(h.got))
	}
	evs := auditTail(t, a, 0)
	if last := evs[len(evs)-1]; last.Action != "itsm.deliver" || last.Actor != improve.RuleActor {
		t.Fatalf("the loop delivers as Slate: %+v", last)
	}
}

// A pack keeps matching its data while agendas are exported and the outbox
// delivers (neither changes what a pack shows); a new action does change it.
func TestPackMatchesAcrossExportsAndDeliveries(t *testing.T) {
	a := openDemo(t)
	h := &hook{down: true}
	srv := httptest.NewServer(h)
	defer srv.Close()
	integration(t, a, srv.URL)
	if _, err := a.Actions.Add(NewAction{Title: "Check the hub's staffing", Links: Links{SLT: "parcel-delivery-48h"}}); err != nil {
		t.Fatal(err)
	}
	res, err := a.Packs.Build(PackQuery{Period: "2026-10", Date: packDate, Formats: []string{PackPDF}})
	if err != nil {
		t.Fatal(err)
	}
	matches := func() bool {
		t.Helper()
		v, err := a.Local.VerifyPack(packFile(t, res, PackPDF))
		if err != nil {
			t.Fatal(err)
		}
		return v.Match
	}
	if !matches() {
		t.Fatal("a fresh pack does not match")
	}
	if _, err := a.Meetings.AgendaFile(AgendaFileQuery{Service: "order-fulfilment", Format: PackXLSX}); err != nil {
		t.Fatal(err)
	}
	if rep, err := a.Integrations.Deliver(); err != nil || rep.Failed != 1 {
		t.Fatalf("deliver %+v, %v", rep, err)
	}
	a.Integrations.Retry("")
	if !matches() {
		t.Fatal("an agenda export or a delivery attempt made the pack stop matching")
	}
	if _, err := a.Actions.Add(NewAction{Title: "Another", Links: Links{SLT: "parcel-delivery-48h"}}); err != nil {
		t.Fatal(err)
	}
	if matches() {
		t.Fatal("the pack still matches after an action was added")
	}
}

// The pack for the demo period shows the loop: the parcel RCA with its Five
// Whys draft, its two actions (one overdue) and the review due, in the
// workbook and the PDF (read back by real readers); an anonymised pack
// names none of the loop's people.
func TestPackShowsTheLoop(t *testing.T) {
	a := openDemo(t)
	res, err := a.Local.BuildPack(PackQuery{Period: "2026-10", Date: packDate}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenFile(packFile(t, res, PackXLSX))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	sheet := func(name string) string {
		rows, err := wb.GetRows(name)
		if err != nil {
			t.Fatalf("sheet %s: %v", name, err)
		}
		var b strings.Builder
		for _, r := range rows {
			b.WriteString(strings.Join(r, " | ") + "\n")
		}
		return b.String()
	}
	rca, acts, revs := sheet("Root-cause analyses"), sheet("Actions"), sheet("Reviews")
	for _, want := range []string{"parcel-delivery-48h | — | 2026-10 | 5 | RCA-1", "RCA-1 | parcel-delivery-48h |", "Why did the sorting shifts stay as they were? | (not answered yet)"} {
		if !strings.Contains(rca, want) {
			t.Errorf("the RCA sheet lacks %q:\n%s", want, rca)
		}
	}
	lines := strings.Split(acts, "\n")
	first, second := -1, -1
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "A-1 |"):
			first = i
		case strings.HasPrefix(l, "A-2 |"):
			second = i
		}
	}
	if first < 0 || second < first || !strings.Contains(lines[first], "| 6 |") {
		t.Errorf("the actions sheet, overdue first (A-1, 6 days):\n%s", acts)
	}
	if !strings.Contains(revs, "Parcels delivered within 48 hours | Søren Madsen | quarterly") || !strings.Contains(revs, "review due because it missed 5 months in a row") {
		t.Errorf("the reviews sheet:\n%s", revs)
	}
	if out, err := exec.Command("pdftotext", "-layout", packFile(t, res, PackPDF), "-").Output(); err == nil {
		for _, want := range []string{"Root-cause analyses", "Actions, overdue first", "Review status on 2026-11-28", "Agree a recovery plan with"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("the pack PDF lacks %q", want)
			}
		}
	}

	anon, err := a.Local.BuildPack(PackQuery{Period: "2026-10", Date: packDate, Anonymize: true, Formats: []string{PackXLSX}}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	wa, err := excelize.OpenFile(packFile(t, anon, PackXLSX))
	if err != nil {
		t.Fatal(err)
	}
	defer wa.Close()
	for _, s := range []string{"Root-cause analyses", "Actions", "Reviews"} {
		rows, err := wa.GetRows(s)
		if err != nil || len(rows) < 3 {
			t.Fatalf("the anonymised pack's %s sheet: %d rows, %v", s, len(rows), err)
		}
		for _, r := range rows {
			if l := strings.Join(r, " "); strings.Contains(l, "Søren") || strings.Contains(l, "ParcelNet") {
				t.Fatalf("the anonymised %s sheet names a person or supplier: %s", s, l)
			}
		}
	}
}
