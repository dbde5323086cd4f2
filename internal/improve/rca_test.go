package improve_test

import (
	"strings"
	"testing"
	"time"

	"slate/internal/improve"
	"slate/internal/itsm"
	"slate/internal/looptest"
)

func day(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }

// The rule opens one analysis per run of misses, once: not before the
// third complete miss, never twice for the same run, again for a new run
// after a met month; a run that goes on extends its analysis. Breaches
// shared with an SLT of another owner's service propose a team; the
// integration's task is queued with the opening.
func TestSyncRCAs(t *testing.T) {
	clock := &looptest.Clock{T: day(5, 20)}
	st := newWorkspace(t, clock, `---
apiVersion: slate/v1
kind: Integration
metadata: {name: drop}
spec: {dropFolder: {path: "`+t.TempDir()+`"}, events: [rca.opened]}
`)
	res, err := improve.SyncRCAs(st, clock.T, improve.RuleActor)
	if err != nil || len(res.Opened) != 0 {
		t.Fatalf("two complete misses open nothing: %+v, %v", res, err)
	}

	clock.T = day(6, 2)
	res, err = improve.SyncRCAs(st, clock.T, improve.RuleActor)
	if err != nil || len(res.Opened) != 2 || len(res.Queued) != 2 {
		t.Fatalf("the third miss opens the orders and carrier analyses with their tasks: %+v, %v", res, err)
	}
	orders := res.Opened[1]
	if orders.SLT != "orders" {
		orders = res.Opened[0]
	}
	if orders.ID == "" || orders.RunKey != "orders@2026-03" || strings.Join(orders.Periods, " ") != "2026-03 2026-04 2026-05" ||
		orders.Owner != "Søren" || orders.Method != improve.MethodFiveWhys || orders.Status != improve.RCAOpen || orders.Due != "2026-06-16" ||
		orders.OpenedBy != "slate" || orders.Supplier != "parcelnet" {
		t.Fatalf("orders analysis %+v", orders)
	}
	if want := "Orders on time missed its objective >= 95.000% 3 months in a row, in 2026-03, 2026-04 and 2026-05 (90.000%, 91.000%, 92.000%)."; orders.Problem != want {
		t.Fatalf("problem statement\n got %s\nwant %s", orders.Problem, want)
	}
	// priority: (0.95 − a)/0.05 budgets overspent each month: 1 + 0.8 + 0.6
	if d := orders.Priority - 2.4; d > 1e-9 || d < -1e-9 {
		t.Fatalf("priority %v, want 2.4", orders.Priority)
	}
	if orders.Team == nil || len(orders.Team.Members) != 2 || orders.Team.Members[0].Name != "Søren" || orders.Team.Members[0].Role != "lead" ||
		orders.Team.Members[1].Name != "Marek" || orders.Team.Members[1].Service != "logistics" || !strings.Contains(orders.Team.Reason, "same supplier parcelnet") {
		t.Fatalf("proposed team %+v", orders.Team)
	}
	out, _ := itsm.List(st, itsm.Filter{})
	if len(out) != 2 || out[0].Task.Links.RCA == "" || out[0].Task.Priority == 0 || !strings.HasPrefix(out[0].Task.Title, "Root-cause analysis RCA-") {
		t.Fatalf("outbox %+v", out)
	}

	again, err := improve.SyncRCAs(st, clock.T, improve.RuleActor)
	if err != nil || len(again.Opened)+len(again.Extended) != 0 {
		t.Fatalf("running the rule again changed something: %+v, %v", again, err)
	}
	events := len(auditActions(t, st))

	clock.T = day(7, 3) // orders met June (run over); the carrier missed June too
	res, _ = improve.SyncRCAs(st, clock.T, improve.RuleActor)
	if len(res.Opened) != 0 || len(res.Extended) != 1 {
		t.Fatalf("June: %+v", res)
	}
	carrier, err := improve.GetRCA(st, res.Extended[0])
	if err != nil || carrier.SLT != "carrier" || strings.Join(carrier.Periods, " ") != "2026-03 2026-04 2026-05 2026-06" {
		t.Fatalf("extended carrier analysis %+v, %v", carrier, err)
	}
	if n := len(auditActions(t, st)); n != events+1 {
		t.Fatalf("extending wrote %d events, want 1", n-events)
	}

	clock.T = day(10, 2) // orders missed July to September: a new run; the carrier's run ended in July
	res, _ = improve.SyncRCAs(st, clock.T, improve.RuleActor)
	if len(res.Opened) != 1 || res.Opened[0].RunKey != "orders@2026-07" || len(res.Extended) != 1 || res.Extended[0] != carrier.ID {
		t.Fatalf("the second run of orders: %+v", res)
	}
	if tm := res.Opened[0].Team; tm == nil || !strings.Contains(tm.Reason, "carrier (logistics: same supplier parcelnet)") {
		t.Fatalf("the carrier missed July too, inside the new run: %+v", tm)
	}
	list, _ := improve.ListRCAs(st, improve.RCAFilter{SLT: "orders"})
	if len(list) != 2 {
		t.Fatalf("orders analyses %+v", list)
	}
	if list, _ := improve.ListRCAs(st, improve.RCAFilter{Status: "open"}); len(list) != 3 {
		t.Fatalf("open analyses %d, want 3", len(list))
	}
	if _, err := improve.ListRCAs(st, improve.RCAFilter{Status: "pending"}); err == nil {
		t.Fatal("an unknown status filter was accepted")
	}
	if _, err := improve.SyncRCAs(st, clock.T, ""); err == nil {
		t.Fatal("the rule ran without an actor")
	}
}

// Closing needs a root cause and a linked action, and a complete method;
// anything missing is said at once and nothing changes.
func TestCloseRCA(t *testing.T) {
	clock := &looptest.Clock{T: day(6, 2)}
	st := newWorkspace(t, clock, "")
	res, err := improve.SyncRCAs(st, clock.T, improve.RuleActor)
	if err != nil || len(res.Opened) == 0 {
		t.Fatal(res, err)
	}
	id := res.Opened[0].ID
	unchanged(t, st, "no root cause is recorded; no action is linked to it", func() error {
		_, err := improve.CloseRCA(st, "maria", id, "done")
		return err
	})
	unchanged(t, st, "method \"fishbone\" is not five whys or apollo", func() error {
		m := "fishbone"
		_, err := improve.UpdateRCA(st, "maria", id, improve.RCAPatch{Method: &m})
		return err
	})
	unchanged(t, st, "due date \"16.06.2026\" is not a date", func() error {
		d := "16.06.2026"
		_, err := improve.UpdateRCA(st, "maria", id, improve.RCAPatch{Due: &d})
		return err
	})
	unchanged(t, st, "root-cause analysis RCA-99 does not exist", func() error {
		_, err := improve.CloseRCA(st, "maria", "RCA-99", "")
		return err
	})
	whys := []improve.Why{
		{Why: "Why were orders late?", Because: "The carrier collected late"},
		{Why: "Why did the carrier collect late?", Because: "Its hub was over capacity"},
	}
	roots := []string{"The carrier's hub has no capacity plan for peaks"}
	r, err := improve.UpdateRCA(st, "maria", id, improve.RCAPatch{FiveWhys: &whys, RootCauses: &roots, Note: "draft from the ops call"})
	if err != nil || len(r.FiveWhys) != 2 || len(r.History) != 4 {
		t.Fatalf("update %+v, %v", r, err)
	}
	unchanged(t, st, "no action is linked to it", func() error {
		_, err := improve.CloseRCA(st, "maria", id, "done")
		return err
	})
	a, err := improve.AddAction(st, "maria", improve.NewAction{Title: "Agree a peak capacity plan with the carrier", Due: "2026-06-30", Links: improve.Links{RCA: strings.ToLower(id)}})
	if err != nil || a.Links.RCA != id || a.Owner != r.Owner {
		t.Fatalf("action %+v, %v", a, err)
	}
	closed, err := improve.CloseRCA(st, "maria", id, "Capacity plan agreed")
	if err != nil || closed.Status != improve.RCAClosed || closed.ClosedBy != "maria" {
		t.Fatalf("close %+v, %v", closed, err)
	}
	unchanged(t, st, "was closed on", func() error {
		o := "x"
		_, err := improve.UpdateRCA(st, "maria", id, improve.RCAPatch{Owner: &o})
		return err
	})
	it, _ := improve.GetRCA(st, id)
	if len(it.Actions) != 1 || it.Actions[0] != a.ID {
		t.Fatalf("linked actions %v", it.Actions)
	}

	// Apollo needs evidence for every cause and a solution
	other := res.Opened[len(res.Opened)-1].ID
	if other == id {
		t.Fatal("want two analyses")
	}
	apollo := "apollo"
	chart := improve.Apollo{PrimaryEffect: "Parcels late", Causes: []improve.Cause{{Effect: "Parcels late", Cause: "Hub full", Kind: "condition"}}}
	if _, err := improve.UpdateRCA(st, "maria", other, improve.RCAPatch{Method: &apollo, Apollo: &chart, RootCauses: &roots}); err != nil {
		t.Fatal(err)
	}
	if _, err := improve.AddAction(st, "maria", improve.NewAction{Title: "Second hub", Links: improve.Links{RCA: other}}); err != nil {
		t.Fatal(err)
	}
	unchanged(t, st, "cause 1 (Hub full) has no evidence; the Apollo chart has no solution", func() error {
		_, err := improve.CloseRCA(st, "maria", other, "")
		return err
	})
	unchanged(t, st, "kind \"weather\" is not action or condition", func() error {
		bad := improve.Apollo{Causes: []improve.Cause{{Cause: "Snow", Kind: "weather"}}}
		_, err := improve.UpdateRCA(st, "maria", other, improve.RCAPatch{Apollo: &bad})
		return err
	})
}

// A person may open an analysis of one breach before any run is due; when
// the breach's run reaches rcaAfter, the rule grows that analysis instead of
// opening a second. A breach already analysed, a met period and an unknown
// SLT are refused and change nothing.
func TestOpenRCAOnABreach(t *testing.T) {
	clock := &looptest.Clock{T: day(9, 2)}
	st := newWorkspace(t, clock, "")
	if _, err := improve.SyncRCAs(st, clock.T, improve.RuleActor); err != nil {
		t.Fatal(err)
	}
	first, _ := improve.ListRCAs(st, improve.RCAFilter{SLT: "orders"})
	if len(first) != 1 || first[0].RunKey != "orders@2026-03" {
		t.Fatalf("the March run's analysis: %+v", first)
	}
	unchanged(t, st, first[0].ID+" (open) already analyses breach orders@2026-04", func() error {
		_, err := improve.OpenRCA(st, "maria", "orders@2026-04", clock.T)
		return err
	})
	unchanged(t, st, "there is no breach orders@2026-06", func() error {
		_, err := improve.OpenRCA(st, "maria", "orders@2026-06", clock.T)
		return err
	})
	unchanged(t, st, `SLT "ghost" does not exist`, func() error {
		_, err := improve.OpenRCA(st, "maria", "ghost@2026-06", clock.T)
		return err
	})
	unchanged(t, st, "is not a breach id", func() error {
		_, err := improve.OpenRCA(st, "maria", "orders-2026-08", clock.T)
		return err
	})

	// July and August missed: a run of two, not due yet; the August breach is analysed at once
	r, err := improve.OpenRCA(st, "maria", "orders@2026-08", clock.T)
	if err != nil {
		t.Fatal(err)
	}
	if r.OpenedBy != "maria" || strings.Join(r.Periods, " ") != "2026-08" || r.RunKey != "orders@2026-08" ||
		r.Problem != "Orders on time missed its objective >= 95.000% in 2026-08 (90.000%)." || r.Priority != 1 {
		t.Fatalf("opened %+v", r)
	}
	clock.T = day(10, 2) // September missed too: the run July–September is due
	res, err := improve.SyncRCAs(st, clock.T, improve.RuleActor)
	if err != nil || len(res.Opened) != 0 || len(res.Extended) != 1 || res.Extended[0] != r.ID {
		t.Fatalf("the rule grows the person's analysis: %+v, %v", res, err)
	}
	got, _ := improve.GetRCA(st, r.ID)
	if strings.Join(got.Periods, " ") != "2026-07 2026-08 2026-09" || len(got.Breaches) != 3 {
		t.Fatalf("grown %+v", got)
	}
	if again, _ := improve.SyncRCAs(st, clock.T, improve.RuleActor); len(again.Opened)+len(again.Extended) != 0 {
		t.Fatalf("a second run of the rule changes nothing: %+v", again)
	}
	if all, _ := improve.ListRCAs(st, improve.RCAFilter{SLT: "orders"}); len(all) != 2 {
		t.Fatalf("analyses of orders: %d", len(all))
	}
}
