package compliance

import (
	"time"

	"slate/internal/domain"
)

// AlertInput is in with item feeds read only as far back as burn-rate alerts
// and trends look: the longest scaled window or the running period, whichever
// starts first, for every SLT. (Alerts reads only that far back for other
// feeds already; items it reads from the start, as a report must.) The
// figures are the same; only less is read.
func AlertInput(in Input) Input {
	ws := in.Workspace
	cut := in.At
	for _, s := range ws.SLTs() {
		ps, err := ParsePeriodSpec(s.Spec.Period)
		loc, err2 := domain.LoadZone(s.Spec.TimeZone)
		if err != nil || err2 != nil {
			return in
		}
		cut = minTime(cut, ps.Of(in.At, loc).Start)
		for _, w := range ScaledWindows(ps) {
			cut = minTime(cut, in.At.Add(-w.Dur))
		}
	}
	items := ItemFeeds(ws)
	src := in.Source
	in.Source = func(feed string, from, to time.Time, fn func(domain.Point) error) error {
		if items[feed] {
			fn = SkipResolvedBefore(cut, fn)
		}
		return src(feed, from, to, fn)
	}
	in.Results = nil // a filtered source must never fill stored results
	return in
}

// ItemFeeds names the feeds of tickets or orders: their items count in the
// period they are resolved, so reading from a cut must not drop older openings.
func ItemFeeds(ws *domain.Workspace) map[string]bool {
	items := map[string]bool{}
	for _, f := range ws.Feeds() {
		if f.Spec.Shape == domain.ShapeItem {
			items[f.Name()] = true
		}
	}
	return items
}

// SkipResolvedBefore drops items resolved before cut: an item counts where it
// was resolved or earlier (docs/metrics.md, duration), so such items add
// nothing to periods or windows from cut on. Open items and items resolved
// later are kept, however long ago they opened.
func SkipResolvedBefore(cut time.Time, fn func(domain.Point) error) func(domain.Point) error {
	return func(p domain.Point) error {
		if !p.Resolved.IsZero() && p.Resolved.Before(cut) {
			return nil
		}
		return fn(p)
	}
}
