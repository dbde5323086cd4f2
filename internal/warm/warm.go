// Package warm evaluates the SLTs of a feed's first import while the import
// stores it, and keeps their figures as stored results once it is published.
//
// After an import the root-cause rule evaluates every SLT over its whole
// history; for a feed's first import that is every point just written, read
// back from the blocks. Following the points on their way in costs the
// evaluation but not the second read, and runs beside the import instead of
// after it. The figures kept are what that evaluation through stored
// results would have stored (compliance.KeepEvaluated), with the same
// dependencies, so anything that changed meanwhile (another batch, an
// exception, a definition) only makes them unused, never wrong.
package warm

import (
	"sync/atomic"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/readview"
	"slate/internal/storage"
	"slate/internal/storage/pointblock"
)

// Follower evaluates one import's points (an importer.Follower).
type Follower struct {
	feed   string
	in     compliance.Input
	plans  []compliance.Plan
	run    *compliance.Running
	lastAt time.Time
	seen   bool
	lost   atomic.Bool
	p      domain.Point
}

// Start returns a follower for an import into feed at time at, or nil when
// there is nothing to gain: the feed already has published data (its
// figures then read other batches too), or no SLT keeps stored results of
// it. It reads the definitions and exceptions as they are now.
func Start(st *storage.Store, feed string, at time.Time) *Follower {
	if st.ReadOnly() {
		return nil
	}
	in, err := readview.Input(st, at)
	if err != nil {
		return nil
	}
	if spans, err := in.Batches(feed); err != nil || len(spans) > 0 {
		return nil
	}
	f := &Follower{feed: feed, in: in}
	var specs []compliance.EvalSpec
	for _, s := range in.Workspace.SLTs() {
		// items are evaluated whole, composites from their components:
		// neither keeps figures of its own per feed
		if s.Spec.Feed != feed || s.Spec.Composite != nil || s.Spec.Indicator == nil || s.Spec.Indicator.Kind == domain.IndicatorDuration {
			continue
		}
		plan, err := compliance.PlanSLT(in, s, nil)
		if err != nil || plan.Feed != feed || len(plan.Specs) == 0 {
			continue
		}
		f.plans = append(f.plans, plan)
		specs = append(specs, plan.Specs...)
	}
	if len(specs) == 0 {
		return nil
	}
	f.run = compliance.NewRunning(specs)
	return f
}

// Points counts a stored chunk, as a read of the feed gives it back.
func (f *Follower) Points(pts []storage.PendingPoint) {
	if f.lost.Load() {
		return
	}
	for i := range pts {
		f.p = pts[i].P
		if f.seen && f.p.At.Before(f.lastAt) {
			f.lost.Store(true) // the file is not in time order: a read interleaves its chunks
			return
		}
		f.seen, f.lastAt = true, f.p.At
		f.p.At = f.p.At.UTC()
		pointblock.Canonical(&f.p)
		f.run.Add(&f.p)
	}
}

// Lost says the points seen are not the feed's data in read order.
func (f *Follower) Lost() { f.lost.Store(true) }

// Keep stores the figures of the complete periods once batch is published,
// when batch is then the feed's only data; it returns how many periods it
// stored. They are derived data: on any error nothing is lost but time.
func (f *Follower) Keep(st *storage.Store, batch uint64) (int, error) {
	if f == nil || f.lost.Load() || !f.seen {
		return 0, nil
	}
	spans, err := f.in.Batches(f.feed)
	if err != nil || len(spans) != 1 || spans[0].ID != batch {
		return 0, err
	}
	series := f.run.Finish()
	n := 0
	for _, plan := range f.plans {
		k, err := f.in.KeepEvaluated(plan, series[:len(plan.Specs)])
		n += k
		if err != nil {
			return n, err
		}
		series = series[len(plan.Specs):]
	}
	return n, st.FlushResults()
}
