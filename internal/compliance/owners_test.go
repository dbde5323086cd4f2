package compliance

import (
	"testing"

	"slate/internal/domain"
)

// Every row names who answers for the target and who for the data behind it,
// including tier rows, the tiered SLT's overall row, composites and the empty
// row of a period without data.
func TestRowsCarryOwners(t *testing.T) {
	s := newSLT("web", "month", "UTC", availability(), 0.99)
	s.Spec.Owner = "Ann Target"
	tiered := newSLT("tiered", "month", "UTC", availability(), 0.99)
	tiered.Spec.Feed, tiered.Spec.Owner = "web-feed", "Tia Tier"
	tiered.Spec.Tiers = []domain.Tier{{Name: "all", Target: 0.99}}
	comp := &domain.SLT{Metadata: domain.Meta{Name: "both"}, Spec: domain.SLTSpec{Service: "svc", Type: domain.TypeSLA, Period: "month", Owner: "Cora Composite",
		Composite: &domain.Composite{Components: []domain.Component{{SLT: "web", Weight: 1}, {SLT: "tiered", Weight: 1}}, Rationale: "equal"},
		Objective: domain.Objective{Target: 0.9}}}
	feed := &domain.Feed{Metadata: domain.Meta{Name: "web-feed"}, Spec: domain.FeedSpec{Shape: domain.ShapeEvent, Owner: "Dan Data"}}
	ws := domain.NewWorkspace(s, tiered, comp, feed)
	pts := probes(ts("2026-10-01T00:00:00Z"), ts("2026-10-01T01:00:00Z"), nil)
	for _, o := range []ReportOptions{{}, {Period: "2026-11"}} {
		rep := report(t, ws, ts("2026-12-01T00:00:00Z"), map[string][]domain.Point{"web-feed": pts}, nil, o)
		if len(rep.Rows) < 3 {
			t.Fatalf("%+v: %v", o, keys(rep))
		}
		for _, r := range rep.Rows {
			want := map[string][2]string{"web": {"Ann Target", "Dan Data"}, "tiered": {"Tia Tier", "Dan Data"}, "both": {"Cora Composite", ""}}[r.SLT]
			if r.SLTOwner != want[0] || r.DataOwner != want[1] {
				t.Errorf("%s/%s@%s owners %q, %q; want %q", r.SLT, r.Tier, r.Period, r.SLTOwner, r.DataOwner, want)
			}
		}
	}
}
