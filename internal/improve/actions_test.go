package improve_test

import (
	"strings"
	"testing"

	"slate/internal/improve"
	"slate/internal/looptest"
	"slate/internal/storage"
)

func TestActions(t *testing.T) {
	clock := &looptest.Clock{T: day(11, 10)}
	st := newWorkspace(t, clock, "")
	bad := []struct {
		in   improve.NewAction
		want string
	}{
		{improve.NewAction{Title: " ", Owner: "x"}, "needs a title"},
		{improve.NewAction{Title: "x", Owner: "x", Due: "12/01/2026"}, `due date "12/01/2026" is not a date (write YYYY-MM-DD`},
		{improve.NewAction{Title: "x", Links: improve.Links{SLT: "ghost"}}, `SLT "ghost" does not exist`},
		{improve.NewAction{Title: "x", Links: improve.Links{SLT: "orders", Tier: "core"}}, `SLT orders has no tier "core"`},
		{improve.NewAction{Title: "x", Links: improve.Links{Breach: "orders-2026-03"}}, "is not a breach id"},
		{improve.NewAction{Title: "x", Links: improve.Links{Breach: "orders@March"}}, `"March" is not a period key`},
		{improve.NewAction{Title: "x", Links: improve.Links{RCA: "RCA-4"}}, "root-cause analysis RCA-4 does not exist"},
		{improve.NewAction{Title: "x", Links: improve.Links{RCA: "four"}}, `"four" is not a valid root-cause analysis id`},
		{improve.NewAction{Title: "x", Links: improve.Links{Supplier: "dhl"}, Owner: "x"}, `supplier "dhl" does not exist`},
		{improve.NewAction{Title: "x"}, "needs an owner"},
		{improve.NewAction{Title: "x", Owner: "x", Origin: "robot"}, `origin "robot" is not person, meeting or rule`},
	}
	for _, b := range bad {
		unchanged(t, st, b.want, func() error { _, err := improve.AddAction(st, "maria", b.in); return err })
	}
	unchanged(t, st, "no acting user", func() error {
		_, err := improve.AddAction(st, "", improve.NewAction{Title: "x", Owner: "x"})
		return err
	})

	late, err := improve.AddAction(st, "maria", improve.NewAction{Title: "Recovery plan with ParcelNet", Due: "2026-11-05", Links: improve.Links{Breach: "orders@2026-09"}, Note: "asked in the call"})
	if err != nil {
		t.Fatal(err)
	}
	if late.ID != "A-1" || late.Owner != "Søren" || late.Links.SLT != "orders" || late.Links.Period != "2026-09" || late.Links.Service != "fulfilment" ||
		late.Links.Supplier != "parcelnet" || late.Status != improve.ActionOpen || late.CreatedBy != "maria" || len(late.Notes) != 1 {
		t.Fatalf("action %+v", late)
	}
	soon, _ := improve.AddAction(st, "maria", improve.NewAction{Title: "Second carrier", Owner: "Marek", Due: "2026-12-01", Links: improve.Links{Supplier: "parcelnet"}})
	undated, _ := improve.AddAction(st, "maria", improve.NewAction{Title: "Write the runbook", Owner: "Ann", Links: improve.Links{Service: "shop"}})

	list, err := improve.ListActions(st, improve.ActionFilter{})
	if err != nil || len(list) != 3 || list[0].ID != late.ID || !list[0].Overdue || list[0].DaysOverdue != 5 || list[1].ID != soon.ID || list[2].ID != undated.ID {
		t.Fatalf("list (overdue first, then by due date) %+v, %v", list, err)
	}
	if l, _ := improve.ListActions(st, improve.ActionFilter{Overdue: true}); len(l) != 1 {
		t.Fatalf("overdue filter: %d", len(l))
	}
	if l, _ := improve.ListActions(st, improve.ActionFilter{Supplier: "parcelnet"}); len(l) != 2 {
		t.Fatalf("supplier filter: %d", len(l))
	}
	if _, err := improve.ListActions(st, improve.ActionFilter{Status: "someday"}); err == nil {
		t.Fatal("an unknown status filter was accepted")
	}

	st2 := "in progress"
	due := "2026-11-20"
	a, err := improve.UpdateAction(st, "søren", late.ID, improve.ActionPatch{Status: &st2, Due: &due, Note: "ParcelNet asked for a week"})
	if err != nil || a.Status != improve.ActionInProgress || a.Due != due || len(a.History) != 4 {
		t.Fatalf("update %+v, %v", a, err)
	}
	h := a.History[1]
	if h.Field != "due" || h.From != "2026-11-05" || h.To != due || h.Actor != "søren" {
		t.Fatalf("history %+v", a.History)
	}
	if it, _ := improve.GetAction(st, late.ID); it.Overdue {
		t.Fatal("re-planned action still overdue")
	}
	unchanged(t, st, "nothing to change", func() error {
		_, err := improve.UpdateAction(st, "søren", late.ID, improve.ActionPatch{Due: &due})
		return err
	})
	unchanged(t, st, "dropping action A-2 needs a note", func() error {
		_, err := improve.CloseAction(st, "marek", soon.ID, "dropped", "")
		return err
	})
	unchanged(t, st, "an action closes as done or dropped", func() error {
		_, err := improve.CloseAction(st, "marek", soon.ID, "open", "")
		return err
	})
	unchanged(t, st, "action A-9 does not exist", func() error {
		_, err := improve.CloseAction(st, "marek", "A-9", "done", "")
		return err
	})
	done, err := improve.CloseAction(st, "marek", soon.ID, "done", "")
	if err != nil || done.ClosedAt == nil || !done.Closed() {
		t.Fatalf("close %+v, %v", done, err)
	}
	reopen := "open"
	if a, err := improve.UpdateAction(st, "marek", soon.ID, improve.ActionPatch{Status: &reopen}); err != nil || a.ClosedAt != nil {
		t.Fatalf("reopen %+v, %v", a, err)
	}

	var actors []string
	for _, e := range auditActions(t, st) {
		if strings.HasPrefix(e.Action, "action.") {
			actors = append(actors, e.Action+":"+e.Actor)
		}
	}
	want := "action.add:maria action.add:maria action.add:maria action.update:søren action.update:marek action.update:marek"
	if strings.Join(actors, " ") != want {
		t.Fatalf("audit\n got %s\nwant %s", strings.Join(actors, " "), want)
	}
	var n int
	st.View(func(tx *storage.Tx) error {
		all, _ := storage.List[improve.Action](tx, storage.Actions)
		n = len(all)
		return nil
	})
	if n != 3 {
		t.Fatalf("%d actions stored, want 3", n)
	}
}
