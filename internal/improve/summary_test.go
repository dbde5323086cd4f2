package improve_test

import (
	"slices"
	"testing"

	"slate/internal/compliance"
	"slate/internal/improve"
	"slate/internal/looptest"
	"slate/internal/readview"
)

// The dashboard's summary says what the lists and the review statuses say
// (one rule each): the overdue actions of ListActions, the open analyses of
// ListRCAs with the overdue one first, the reviews due of ReviewStatuses.
func TestSummaryAgreesWithTheLists(t *testing.T) {
	clock := &looptest.Clock{T: day(10, 2)}
	st := newWorkspace(t, clock, "")
	if _, err := improve.SyncRCAs(st, clock.T, improve.RuleActor); err != nil {
		t.Fatal(err)
	}
	late, _ := improve.AddAction(st, "maria", improve.NewAction{Title: "Recovery plan", Due: "2026-09-20", Links: improve.Links{SLT: "orders"}})
	improve.AddAction(st, "maria", improve.NewAction{Title: "Second carrier", Owner: "Marek", Due: "2026-12-01", Links: improve.Links{Supplier: "parcelnet"}})
	done, _ := improve.AddAction(st, "maria", improve.NewAction{Title: "Old plan", Due: "2026-08-01", Links: improve.Links{SLT: "orders"}})
	if _, err := improve.CloseAction(st, "maria", done.ID, "done", ""); err != nil {
		t.Fatal(err)
	}
	clock.T = day(10, 20) // the first analysis (opened 2 October, 14 days) is overdue now

	in, err := readview.Input(st, clock.T)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range in.Workspace.SLTs() {
		names = append(names, s.Name())
	}
	all, err := compliance.NewEvaluator(in).All(names)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := improve.Summarize(st, in.Workspace, all, clock.T)
	if err != nil {
		t.Fatal(err)
	}
	overdue, _ := improve.ListActions(st, improve.ActionFilter{Overdue: true})
	if sum.Today != "2026-10-20" || sum.LiveActions != 2 || len(sum.OverdueActions) != 1 || sum.OverdueActions[0].ID != late.ID ||
		len(overdue) != 1 || sum.OverdueActions[0].DaysOverdue != overdue[0].DaysOverdue {
		t.Fatalf("actions: summary %+v, list %+v", sum, overdue)
	}
	open, _ := improve.ListRCAs(st, improve.RCAFilter{Status: improve.RCAOpen})
	if len(open) == 0 || len(sum.OpenRCAs) != len(open) {
		t.Fatalf("open analyses: summary %d, list %d", len(sum.OpenRCAs), len(open))
	}
	for i, r := range sum.OpenRCAs {
		if i > 0 && r.Overdue && !sum.OpenRCAs[i-1].Overdue {
			t.Fatalf("an overdue analysis after one that is not: %+v", sum.OpenRCAs)
		}
		if !slices.ContainsFunc(open, func(o improve.RCAItem) bool { return o.ID == r.ID && o.Overdue == r.Overdue }) {
			t.Fatalf("%s is not what ListRCAs says", r.ID)
		}
	}
	if !sum.OpenRCAs[0].Overdue {
		t.Fatalf("the analysis due on %s is not overdue on %s", sum.OpenRCAs[0].Due, sum.Today)
	}
	due, _ := improve.ReviewStatuses(st, clock.T, improve.ReviewFilter{DueOnly: true})
	if len(due) == 0 || len(sum.ReviewsDue) != len(due) {
		t.Fatalf("reviews due: summary %d, statuses %d", len(sum.ReviewsDue), len(due))
	}
	for i := range due {
		if sum.ReviewsDue[i].SLT != due[i].SLT || !slices.Equal(sum.ReviewsDue[i].Reasons, due[i].Reasons) {
			t.Fatalf("review %d: summary %+v, statuses %+v", i, sum.ReviewsDue[i], due[i])
		}
	}
}
