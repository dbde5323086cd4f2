package improve_test

import (
	"strings"
	"testing"

	"slate/internal/improve"
	"slate/internal/looptest"
)

func TestReviews(t *testing.T) {
	clock := &looptest.Clock{T: day(10, 2)}
	st := newWorkspace(t, clock, "")
	sts, err := improve.ReviewStatuses(st, clock.T, improve.ReviewFilter{})
	if err != nil || len(sts) != 3 {
		t.Fatalf("%+v, %v", sts, err)
	}
	by := map[string]improve.ReviewStatus{}
	for _, s := range sts {
		by[s.SLT] = s
	}
	o := by["orders"]
	want := []string{
		"review due because the quarterly review was due on 2026-04-01",
		"review due because it missed 3 months in a row (2026-07 to 2026-09): renegotiate the target, or fund what it takes to meet it",
		"review due because a technology refresh on 2026-08-10 (New warehouse system)",
		"review due because the volume, 200 orders a day in 2026-09, is above the documented 150 a day",
	}
	if !o.Due || strings.Join(o.Reasons, "\n") != strings.Join(want, "\n") || o.NextReview != "2026-04-01" || o.NextReviewBasis != "the first period (2026-01) + the quarterly cycle" {
		t.Fatalf("orders review\n got %q\nwant %q\n%+v", o.Reasons, want, o)
	}
	c := by["checkout"]
	if !c.Due || len(c.Triggers) != 2 || c.Triggers[1].Kind != improve.TriggerMet || !strings.Contains(c.Reasons[1], "it met its target 9 months in a row (2026-01 to 2026-09)") {
		t.Fatalf("checkout review %+v", c)
	}
	if carrier := by["carrier"]; carrier.Due || carrier.NextReview != "" {
		t.Fatalf("the carrier SLT has no review settings: %+v", carrier)
	}

	bad := []struct {
		in   improve.NewReview
		want string
	}{
		{improve.NewReview{SLT: "ghost", Date: "2026-10-01", Decision: "keep"}, `SLT "ghost" does not exist`},
		{improve.NewReview{SLT: "orders", Date: "1 Oct 2026", Decision: "keep"}, `review date "1 Oct 2026" is not a date`},
		{improve.NewReview{SLT: "orders", Date: "2026-10-05", Decision: "keep"}, "is after today (2026-10-02)"},
		{improve.NewReview{SLT: "orders", Date: "2026-10-01"}, "needs its decision"},
		{improve.NewReview{SLT: "orders", Date: "2026-10-01", Decision: "keep", Meeting: "M-3"}, "meeting M-3 does not exist"},
	}
	for _, b := range bad {
		unchanged(t, st, b.want, func() error { _, err := improve.RecordReview(st, "maria", b.in); return err })
	}
	r, err := improve.RecordReview(st, "maria", improve.NewReview{SLT: "orders", Date: "2026-10-01", Decision: "Keep 95%; ParcelNet to present a recovery plan", Attendees: []string{"Søren", "Marek", " ", "Søren"}})
	if err != nil || r.ID != "REV-1" || len(r.Attendees) != 2 || r.RecordedBy != "maria" {
		t.Fatalf("record %+v, %v", r, err)
	}
	sts, _ = improve.ReviewStatuses(st, clock.T, improve.ReviewFilter{SLT: "orders"})
	if o := sts[0]; o.Due || o.NextReview != "2027-01-01" || o.LastReview == nil || o.LastReview.ID != "REV-1" {
		t.Fatalf("a review resets the cycle and the triggers: %+v", o)
	}
	if due, _ := improve.ReviewStatuses(st, clock.T, improve.ReviewFilter{DueOnly: true}); len(due) != 1 || due[0].SLT != "checkout" {
		t.Fatalf("due only: %+v", due)
	}
	if sup, _ := improve.ReviewStatuses(st, clock.T, improve.ReviewFilter{Supplier: "parcelnet"}); len(sup) != 2 {
		t.Fatalf("the supplier's SLTs: %+v", sup)
	}
	if _, err := improve.ReviewStatuses(st, clock.T, improve.ReviewFilter{SLT: "ghost"}); err == nil {
		t.Fatal("unknown SLT accepted")
	}
}
