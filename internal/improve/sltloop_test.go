package improve_test

import (
	"context"
	"testing"
	"time"

	"slate/internal/improve"
	"slate/internal/looptest"
)

// One SLT's loop in one read, the agenda with its statuses, and the
// background loop's pass (which applies the root-cause rule).
func TestSLTLoopAgendaRunLoop(t *testing.T) {
	clock := &looptest.Clock{T: day(10, 2)}
	st := newWorkspace(t, clock, "")
	if _, err := improve.ReadSLTLoop(st, "nope", clock.T); err == nil {
		t.Error("an unknown SLT's loop was read")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		improve.RunLoop(ctx, st, &improve.Courier{}, func(err error) { t.Errorf("loop: %v", err) })
		close(done)
	}()
	// the first pass runs at once: wait for the analysis the rule opens
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		l, err := improve.ReadSLTLoop(st, "orders", clock.T)
		if err != nil {
			t.Fatal(err)
		}
		if len(l.RCAs) > 0 {
			if l.Review == nil || l.SLT != "orders" || len(l.Problems) != 0 {
				t.Errorf("loop %+v", l)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the background loop opened no analysis of the run of misses")
		}
	}
	cancel()
	<-done
	ag, err := improve.JudgedAgenda(st, improve.AgendaQuery{Service: "fulfilment", Date: "2026-10-02"})
	if err != nil || len(ag.SLTs) == 0 {
		t.Fatalf("agenda: %v %+v", err, ag.SLTs)
	}
	for _, s := range ag.SLTs {
		if s.Status == nil {
			t.Errorf("%s has no status", s.SLT)
		}
	}
	if _, err := improve.ListMeetings(st, "fulfilment", "parcelnet"); err == nil {
		t.Error("meetings of a service and a supplier at once were listed")
	}
	if ms, err := improve.ListMeetings(st, "fulfilment", ""); err != nil || ms == nil {
		t.Errorf("a service's meetings: %v %v", ms, err)
	}
}
