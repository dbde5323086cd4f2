package safeguard_test

import (
	"strings"
	"testing"

	"slate/internal/compliance"
	"slate/internal/looptest"
	"slate/internal/safeguard"
)

// An exception needs a window, a reason and a second person to decide it,
// with a note; refusals write nothing to the trail.
func TestExceptionFourEyes(t *testing.T) {
	clock := &looptest.Clock{T: day(11, 2)}
	st := workspace(t, clock)
	for _, c := range []struct{ slt, reason, want string }{
		{"success", " ", "needs a reason"},
		{"ghost", "storm", `SLT "ghost" does not exist`},
	} {
		if _, err := safeguard.RequestException(st, "maria", c.slt, day(3, 1), day(3, 2), c.reason, nil); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.slt, err, c.want)
		}
	}
	if _, err := safeguard.RequestException(st, "maria", "success", day(3, 2), day(3, 1), "storm", nil); err == nil || !strings.Contains(err.Error(), "must end after it starts") {
		t.Errorf("backwards window: %v", err)
	}
	if n := len(events(t, st)); n != 1 {
		t.Fatalf("refused requests wrote %d events", n-1)
	}
	e, err := safeguard.RequestException(st, "maria", "success", day(3, 1), day(3, 2), "storm", &safeguard.Evidence{Name: "report.pdf", Data: []byte("%PDF")})
	if err != nil || e.Status != compliance.StatusRequested || len(e.Evidence) != 1 || e.RequestedBy != "maria" {
		t.Fatalf("request %+v, %v", e, err)
	}
	if _, err := safeguard.DecideException(st, "Maria", e.ID, true, "ok"); err == nil || !strings.Contains(err.Error(), "who cannot also decide it") {
		t.Fatalf("self-approval: %v", err)
	}
	if _, err := safeguard.DecideException(st, "bob", e.ID, true, " "); err == nil || !strings.Contains(err.Error(), "needs a note") {
		t.Fatalf("no note: %v", err)
	}
	d, err := safeguard.DecideException(st, "bob", e.ID, true, "the storm is on record")
	if err != nil || d.Status != compliance.StatusApproved || d.DecidedBy != "bob" {
		t.Fatalf("approve %+v, %v", d, err)
	}
	if _, err := safeguard.DecideException(st, "ann", e.ID, false, "no"); err == nil || !strings.Contains(err.Error(), "is already approved") {
		t.Fatalf("second decision: %v", err)
	}
	ev := events(t, st)
	if got := strings.Join(ev[1:], " "); !strings.HasPrefix(got, "exception.request:") || !strings.Contains(got, " exception.approve:") || len(ev) != 3 {
		t.Fatalf("trail %s", got)
	}
}
