package improve_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/export"
	"slate/internal/improve"
	"slate/internal/initiative"
	"slate/internal/looptest"
	"slate/internal/safeguard"
	"slate/internal/storage"
)

// The agenda of a service's review lists what happened since the last
// meeting and what to decide; minutes record the meeting and its actions
// at once; the next agenda starts from that meeting; the agenda renders
// through the pack's writers.
func TestAgendaAndMinutes(t *testing.T) {
	clock := &looptest.Clock{T: day(10, 2)}
	st := newWorkspace(t, clock, "")
	if _, err := improve.SyncRCAs(st, clock.T, improve.RuleActor); err != nil {
		t.Fatal(err)
	}
	clock.T = day(10, 20)
	late, _ := improve.AddAction(st, "maria", improve.NewAction{Title: "Recovery plan with ParcelNet", Due: "2026-10-15", Links: improve.Links{SLT: "orders", RCA: "RCA-3"}})
	improve.AddAction(st, "maria", improve.NewAction{Title: "Publish the peak calendar", Due: "2026-11-30", Links: improve.Links{Service: "fulfilment"}})
	improve.AddAction(st, "maria", improve.NewAction{Title: "Checkout runbook", Links: improve.Links{SLT: "checkout"}}) // another service
	if _, err := initiative.Add(st, "maria", initiative.NewImprovement{SLT: "orders", Change: "2026-09-15", Description: "Second sorting shift"}); err != nil {
		t.Fatal(err)
	}
	st.Update(func(tx *storage.Tx) error {
		e := storage.Exception{SLT: "orders", From: day(9, 3), To: day(9, 4), Reason: "warehouse flood", RequestedBy: "søren", RequestedAt: day(10, 5), Status: compliance.StatusApproved, DecidedBy: "ann", DecidedAt: day(10, 6)}
		tx.NewException(&e)
		p := storage.Exception{SLT: "orders", From: day(10, 7), To: day(10, 8), Reason: "strike", RequestedBy: "søren", RequestedAt: day(10, 9), Status: compliance.StatusRequested}
		return tx.NewException(&p)
	})
	if _, err := safeguard.RequestFalsePositive(st, "søren", "orders@2026-07", "counted returns as late deliveries", clock.T); err != nil {
		t.Fatal(err)
	}

	unchanged(t, st, "an agenda is for one service or one supplier", func() error { _, err := improve.BuildAgenda(st, improve.AgendaQuery{}); return err })
	unchanged(t, st, `service "warehouse" does not exist`, func() error {
		_, err := improve.BuildAgenda(st, improve.AgendaQuery{Service: "warehouse"})
		return err
	})
	unchanged(t, st, `meeting date "21.10.2026" is not a date`, func() error {
		_, err := improve.BuildAgenda(st, improve.AgendaQuery{Service: "fulfilment", Date: "21.10.2026"})
		return err
	})
	a, err := improve.BuildAgenda(st, improve.AgendaQuery{Service: "fulfilment", Date: "2026-10-21"})
	if err != nil {
		t.Fatal(err)
	}
	if a.DisplayName != "Order fulfilment" || a.Since != "2026-07-21" || a.LastMeeting != nil || len(a.SLTs) != 1 || a.SLTs[0].SLT != "orders" {
		t.Fatalf("agenda head %+v", a)
	}
	if got := len(a.SLTs[0].Periods); got != 4 || a.SLTs[0].Periods[0].Period != "2026-07" || a.SLTs[0].Periods[3].Complete {
		t.Fatalf("periods since the lookback %+v", a.SLTs[0].Periods)
	}
	if len(a.Breaches) != 3 || a.Breaches[0].RCA != "RCA-3" || a.Breaches[0].Value != "90.000%" || a.Breaches[0].Objective != ">= 95.000%" {
		t.Fatalf("breaches %+v", a.Breaches)
	}
	if len(a.RCAs) != 2 || len(a.Actions) != 2 || !a.Actions[0].Overdue || a.Actions[0].ID != late.ID || len(a.Exceptions) != 1 || len(a.Improvements) != 1 {
		t.Fatalf("RCAs %d, actions %+v, exceptions %d, improvements %d", len(a.RCAs), a.Actions, len(a.Exceptions), len(a.Improvements))
	}
	if len(a.Reviews) != 1 || a.Reviews[0].SLT != "orders" {
		t.Fatalf("reviews due %+v", a.Reviews)
	}
	var ds []string
	for _, d := range a.Decisions {
		ds = append(ds, d.Ref)
	}
	want := "SLT/orders Exception/EX-2 Approval/AP-1 RCA/RCA-3 RCA/RCA-3 RCA/RCA-2 RCA/RCA-2 Action/A-1" // overdue and a team, for each
	if strings.Join(ds, " ") != want {
		t.Fatalf("decisions\n got %s\nwant %s\n%+v", strings.Join(ds, " "), want, a.Decisions)
	}
	if len(a.Items) != 10 || a.Items[4].Summary != "2 open, 1 overdue, 0 closed since 2026-07-21" || !strings.HasPrefix(a.Items[0].Summary, "no earlier meeting recorded") {
		t.Fatalf("outline %+v", a.Items)
	}

	// the agenda renders through the pack's writers
	p := improve.AgendaPack(a)
	p.Meta.Workspace, p.Meta.Fingerprint = "test", "sha256:test"
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	var x, pdf bytes.Buffer
	if err := export.WriteXLSX(&x, p); err != nil || x.Len() == 0 {
		t.Fatalf("xlsx: %v", err)
	}
	if err := export.WritePDF(&pdf, p); err != nil || !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF")) {
		t.Fatalf("pdf: %v", err)
	}

	// minutes: all or nothing
	clock.T = day(10, 21).Add(17 * time.Hour)
	unchanged(t, st, "action 2 of the minutes: due date \"soon\" is not a date", func() error {
		_, _, err := improve.RecordMeeting(st, "maria", improve.Minutes{Service: "fulfilment", Date: "2026-10-21", Attendees: []string{"Søren"},
			Actions: []improve.NewAction{{Title: "ok", Owner: "Søren"}, {Title: "bad", Due: "soon"}}})
		return err
	})
	unchanged(t, st, "minutes need the attendees", func() error {
		_, _, err := improve.RecordMeeting(st, "maria", improve.Minutes{Service: "fulfilment", Date: "2026-10-21"})
		return err
	})
	unchanged(t, st, "meeting date 2026-10-25 is after today", func() error {
		_, _, err := improve.RecordMeeting(st, "maria", improve.Minutes{Service: "fulfilment", Date: "2026-10-25", Attendees: []string{"Søren"}})
		return err
	})
	m, created, err := improve.RecordMeeting(st, "maria", improve.Minutes{Service: "fulfilment", Date: "2026-10-21", Attendees: []string{"Søren", "Marek", "Maria"},
		Decisions: []string{"Keep 95%", "ParcelNet to present a recovery plan"},
		Actions:   []improve.NewAction{{Title: "Weekly backlog call with ParcelNet", Owner: "Marek", Due: "2026-10-28"}}})
	if err != nil || m.ID != "M-1" || len(created) != 1 || created[0].Links.Meeting != "M-1" || created[0].Links.Service != "fulfilment" || created[0].Origin != improve.OriginMeeting {
		t.Fatalf("minutes %+v %+v %v", m, created, err)
	}
	clock.T = day(11, 20)
	next, err := improve.BuildAgenda(st, improve.AgendaQuery{Service: "fulfilment", Date: "2026-11-20"})
	if err != nil || next.LastMeeting == nil || next.LastMeeting.ID != "M-1" || next.Since != "2026-10-21" || !strings.HasPrefix(next.Items[0].Summary, "M-1 on 2026-10-21: 2 decisions, 1 action") {
		t.Fatalf("next agenda %+v, %v", next.Items, err)
	}
	if len(next.Breaches) != 0 || len(next.Exceptions) != 0 {
		t.Fatalf("since the last meeting nothing new missed or was decided: %+v %+v", next.Breaches, next.Exceptions)
	}
	sup, err := improve.BuildAgenda(st, improve.AgendaQuery{Supplier: "parcelnet", Date: "2026-11-20"})
	if err != nil || len(sup.SLTs) != 2 || sup.Scope != "supplier" {
		t.Fatalf("supplier agenda %+v, %v", sup.SLTs, err)
	}
}
