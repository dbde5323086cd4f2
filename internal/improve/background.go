package improve

import (
	"context"
	"fmt"
	"sync"
	"time"

	"slate/internal/itsm"
	"slate/internal/storage"
)

// How often the background loop applies the root-cause rule and delivers
// the ITSM outbox.
const (
	DeliverEvery = time.Minute
	SyncEvery    = 10 * time.Minute
)

// Courier delivers the ITSM outbox one delivery at a time, whether the
// background loop or a person asked.
type Courier struct{ mu sync.Mutex }

// Deliver delivers what is due, as st's actor.
func (c *Courier) Deliver(ctx context.Context, st *storage.Store) (itsm.Report, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d := &itsm.Deliverer{Store: st, Actor: st.Actor()}
	return d.Deliver(ctx)
}

// RunLoop is the loop's background work until ctx ends, as st's actor:
// the root-cause rule every SyncEvery and the outbox's delivery every
// DeliverEvery (not on a read-only store). Failures go to report and the
// loop goes on.
func RunLoop(ctx context.Context, st *storage.Store, c *Courier, report func(error)) {
	var lastSync time.Time
	pass := func() {
		if time.Since(lastSync) >= SyncEvery {
			if err := Sync(st); err != nil && ctx.Err() == nil {
				report(fmt.Errorf("root-cause rule: %w", err))
			}
			lastSync = time.Now()
		}
		if st.ReadOnly() {
			return
		}
		if _, err := c.Deliver(ctx, st); err != nil && ctx.Err() == nil {
			report(fmt.Errorf("ITSM delivery: %w", err))
		}
	}
	pass()
	t := time.NewTicker(DeliverEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			pass()
		}
	}
}
