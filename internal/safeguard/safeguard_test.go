package safeguard_test

import (
	"strings"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/looptest"
	"slate/internal/safeguard"
	"slate/internal/storage"
)

const defs = `apiVersion: slate/v1
kind: Service
metadata: {name: shop}
spec: {owner: Ann}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: checkouts}
spec: {shape: counts, unit: checkouts}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: tickets}
spec: {shape: item, unit: tickets}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: success, displayName: Checkout success}
spec: {service: shop, feed: checkouts, type: SLA, period: month, indicator: {kind: ratio}, objective: {target: 0.95}, counterMetric: resolution}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: resolution}
spec: {service: shop, feed: tickets, type: OLA, period: month, indicator: {kind: duration, goal: 8h}, objective: {target: 0.9}}
`

func day(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }

// checkouts: 100 a day at noon, January to October 2026; 90 good a day in
// March (a missed month), 97 otherwise.
func workspace(t *testing.T, clock *looptest.Clock) *storage.Store {
	st := looptest.Open(t, clock)
	looptest.Apply(t, st, defs)
	var pts []domain.Point
	for d := day(1, 1); d.Before(day(11, 1)); d = d.AddDate(0, 0, 1) {
		good := 97.0
		if d.Month() == 3 {
			good = 90
		}
		pts = append(pts, domain.Point{At: d.Add(12 * time.Hour), Good: good, Total: 100})
	}
	looptest.Import(t, st, "checkouts", domain.ShapeCounts, pts)
	return st
}

func events(t *testing.T, st *storage.Store) []string {
	var out []string
	st.View(func(tx *storage.Tx) error {
		evs, _ := tx.AuditEvents(0)
		for _, e := range evs {
			out = append(out, e.Action+":"+e.Actor)
		}
		return nil
	})
	return out
}

// A false positive needs a second person: the request changes nothing in
// the breach log; the requester cannot decide it; another person's
// approval marks the breach, naming both.
func TestFalsePositiveFourEyes(t *testing.T) {
	clock := &looptest.Clock{T: day(11, 2)}
	st := workspace(t, clock)
	for _, c := range []struct{ breach, reason, want string }{
		{"success-2026-03", "x", "is not a breach id"},
		{"ghost@2026-03", "x", `SLT "ghost" does not exist`},
		{"success@2026-04", "x", "there is no breach success@2026-04"},
		{"success@2026-03", " ", "needs a reason"},
	} {
		if _, err := safeguard.RequestFalsePositive(st, "maria", c.breach, c.reason, clock.T); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.breach, err, c.want)
		}
	}
	if n := len(events(t, st)); n != 1 { // the import
		t.Fatalf("refused requests wrote %d events", n-1)
	}
	a, err := safeguard.RequestFalsePositive(st, "maria", "success@2026-03", "The probe counted test orders as failures", clock.T)
	if err != nil || a.ID != "AP-1" || a.Status != "requested" {
		t.Fatalf("request %+v, %v", a, err)
	}
	if _, err := safeguard.RequestFalsePositive(st, "bob", "success@2026-03", "again", clock.T); err == nil || !strings.Contains(err.Error(), "already asked for in AP-1") {
		t.Fatalf("a second request: %v", err)
	}
	var marks map[string]storage.BreachMark
	st.View(func(tx *storage.Tx) error { marks, _ = tx.BreachMarks(); return nil })
	if len(marks) != 0 {
		t.Fatal("a request marked the breach before anyone approved it")
	}
	if _, err := safeguard.Decide(st, "MARIA", a.ID, true, "fine"); err == nil || !strings.Contains(err.Error(), "was asked for by maria, who cannot also decide it") {
		t.Fatalf("self-approval: %v", err)
	}
	if _, err := safeguard.Decide(st, "bob", a.ID, true, ""); err == nil || !strings.Contains(err.Error(), "needs a note") {
		t.Fatalf("no note: %v", err)
	}
	d, err := safeguard.Decide(st, "bob", a.ID, true, "checked the probe logs")
	if err != nil || d.Status != "approved" || d.DecidedBy != "bob" {
		t.Fatalf("decide %+v, %v", d, err)
	}
	st.View(func(tx *storage.Tx) error { marks, _ = tx.BreachMarks(); return nil })
	if m := marks["success@2026-03"]; m.By != "maria" || m.ApprovedBy != "bob" || m.Reason != a.Reason {
		t.Fatalf("mark %+v", m)
	}
	if _, err := safeguard.Decide(st, "carol", a.ID, false, "no"); err == nil || !strings.Contains(err.Error(), "already approved") {
		t.Fatalf("deciding twice: %v", err)
	}
	if _, err := safeguard.RequestFalsePositive(st, "carol", "success@2026-03", "x", clock.T); err == nil || !strings.Contains(err.Error(), "already a false positive") {
		t.Fatalf("request after the mark: %v", err)
	}
	want := "import:os-user approval.request:maria approval.approve:bob breach.false-positive:bob"
	if got := strings.Join(events(t, st), " "); got != want {
		t.Fatalf("audit\n got %s\nwant %s", got, want)
	}
	if l, _ := safeguard.List(st, safeguard.Filter{Status: "approved"}); len(l) != 1 {
		t.Fatalf("list %+v", l)
	}
}

// The excluded share per period, and a month that excludes far more than
// usual is flagged; an exception's impact is measured before approval.
func TestExcludedShareRises(t *testing.T) {
	clock := &looptest.Clock{T: day(11, 2)}
	st := workspace(t, clock)
	err := st.Update(func(tx *storage.Tx) error {
		add := func(from, to time.Time, status string) error {
			e := storage.Exception{SLT: "success", From: from, To: to, Reason: "storm", RequestedBy: "ann", RequestedAt: from, Status: status, DecidedBy: "bob", DecidedAt: to}
			return tx.NewException(&e)
		}
		for m := time.January; m <= time.September; m++ { // one day a month
			if err := add(day(m, 10), day(m, 11), compliance.StatusApproved); err != nil {
				return err
			}
		}
		if err := add(day(10, 5), day(10, 10), compliance.StatusApproved); err != nil { // five days in October
			return err
		}
		return add(day(10, 20), day(10, 24), compliance.StatusRequested)
	})
	if err != nil {
		t.Fatal(err)
	}
	all, err := safeguard.Shares(st, clock.T, "success")
	if err != nil || len(all) != 1 {
		t.Fatal(all, err)
	}
	s := all[0]
	if s.CounterMetric != "resolution" || s.Measure != "units excluded" || len(s.Periods) != 10 {
		t.Fatalf("shares %+v", s)
	}
	jan, oct := s.Periods[0], s.Periods[9]
	if jan.Excluded != 100 || jan.Units != 3100 || jan.Rising || oct.Excluded != 500 || !oct.Rising {
		t.Fatalf("january %+v, october %+v", jan, oct)
	}
	if len(s.Rising) != 1 || !strings.HasPrefix(s.Rising[0], "units excluded 16.1% in 2026-10, against a usual 3.2%") {
		t.Fatalf("rising %q", s.Rising)
	}
	for _, p := range s.Periods[3:9] {
		if p.Rising {
			t.Fatalf("a usual month flagged: %+v", p)
		}
	}
	imp, err := safeguard.ExceptionImpactOf(st, clock.T, "EX-11")
	if err != nil || imp.Status != "requested" || len(imp.Periods) != 1 || imp.Periods[0].Affected != 400 || !imp.Large {
		t.Fatalf("impact of the requested exception %+v, %v", imp, err)
	}
	small, _ := safeguard.ExceptionImpactOf(st, clock.T, "EX-1")
	if small.Large || small.MaxShare < 0.032 || small.MaxShare > 0.033 {
		t.Fatalf("impact of a one-day exception %+v", small)
	}
	if cm := safeguard.CounterMetrics(func() *domain.Workspace {
		var ws *domain.Workspace
		st.View(func(tx *storage.Tx) error { ws, _ = tx.Workspace(); return nil })
		return ws
	}()); len(cm) != 1 || cm[0].Counter != "resolution" {
		t.Fatalf("counter metrics %+v", cm)
	}
}

// A pause that turns a late ticket into an on-time one is listed until a
// second person confirms it; the clock-stopped share counts pauses.
func TestDecisivePauses(t *testing.T) {
	clock := &looptest.Clock{T: day(3, 1)}
	st := workspace(t, clock)
	h := func(d, hour int) time.Time { return time.Date(2026, 2, d, hour, 0, 0, 0, time.UTC) }
	looptest.Import(t, st, "tickets", domain.ShapeItem, []domain.Point{
		looptest.Item("T1", h(2, 8), h(2, 12), 0),               // 4 h, no pause
		looptest.Item("T2", h(3, 8), h(3, 20), 6*time.Hour),     // 12 h, 6 h paused: on time only by the pause
		looptest.Item("T3", h(4, 8), h(4, 14), 2*time.Hour),     // 6 h with a 2 h pause: on time anyway
		looptest.Item("T4", h(5, 0), h(5, 23), 10*time.Hour),    // 23 h, 10 h paused: late all the same
		looptest.Item("T5", h(6, 8), time.Time{}, 0),            // open
		looptest.Item("T6", h(7, 0), h(7, 10), 3*time.Hour+1e9), // 10 h, 3 h paused: on time by the pause
	})
	all, err := safeguard.Shares(st, clock.T, "resolution")
	if err != nil {
		t.Fatal(err)
	}
	s := all[0]
	if s.Measure != "clock stopped" || len(s.Periods) != 1 || s.Periods[0].Units != 55 || s.Periods[0].Excluded < 21 || s.Periods[0].Excluded > 21.001 {
		t.Fatalf("clock stopped %+v", s.Periods)
	}
	if len(s.Pauses) != 2 || s.Pauses[0].Item != "T2" || s.Pauses[1].Item != "T6" || s.Unconfirmed != 2 || s.Pauses[0].WithoutHours != 12 || s.Pauses[0].WithHours != 6 {
		t.Fatalf("decisive pauses %+v", s.Pauses)
	}
	for _, c := range []struct{ slt, item, want string }{
		{"success", "T2", "not a duration SLT"},
		{"resolution", "T9", `feed tickets has no item "T9"`},
		{"resolution", "T1", "item T1 has no pause to confirm"},
	} {
		if _, err := safeguard.RequestPauseConfirmation(st, "priya", c.slt, c.item, "customer away", clock.T); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %s: %v, want %q", c.slt, c.item, err, c.want)
		}
	}
	a, err := safeguard.RequestPauseConfirmation(st, "priya", "resolution", "T2", "waiting for the customer's logs", clock.T)
	if err != nil || a.PausedSeconds != 6*3600 {
		t.Fatalf("request %+v, %v", a, err)
	}
	if _, err := safeguard.Decide(st, "jonas", a.ID, true, "ticket history shows the wait"); err != nil {
		t.Fatal(err)
	}
	all, _ = safeguard.Shares(st, clock.T, "resolution")
	if s := all[0]; s.Unconfirmed != 1 || !s.Pauses[0].Confirmed || s.Pauses[0].Approval != a.ID {
		t.Fatalf("after confirmation %+v", s.Pauses)
	}
}
