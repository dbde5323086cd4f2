// Package readview binds the engines in internal/ to a workspace store
// through storage.Backend: the definitions, the exceptions (with the time
// each was decided), a point source that opens its own read snapshot per
// call (so that independent SLTs and feeds can be read in parallel, and no
// snapshot outlives one scan), the spans of published batches, and the
// stored results the compliance engine reuses and fills.
package readview

import (
	"context"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/storage"
)

// Input reads what the compliance engine needs to evaluate at time at.
func Input(st storage.Backend, at time.Time) (compliance.Input, error) {
	return InputContext(context.Background(), st, at)
}

// InputContext is Input whose point source stops reading, with ctx's error,
// once ctx ends (the caller went away).
func InputContext(ctx context.Context, st storage.Backend, at time.Time) (compliance.Input, error) {
	in := compliance.Input{At: at.UTC(), Source: Source(st), Results: results{st}, Batches: Batches(st)}
	if ctx.Done() != nil {
		in.Source = cancellable(ctx, in.Source)
		if err := ctx.Err(); err != nil {
			return in, err
		}
	}
	err := st.Read(func(tx storage.Snapshot) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		in.Workspace = ws
		excs, err := tx.Exceptions()
		if err != nil {
			return err
		}
		in.Exceptions = Exceptions(excs)
		return nil
	})
	return in, err
}

// Exceptions converts stored exceptions into the engine's windows.
func Exceptions(excs []storage.Exception) []compliance.ExceptionWindow {
	out := make([]compliance.ExceptionWindow, len(excs))
	for i, e := range excs {
		out[i] = compliance.ExceptionWindow{ID: e.ID, SLT: e.SLT, Start: e.From, End: e.To, Status: e.Status, Decided: e.DecidedAt}
	}
	return out
}

// Source streams a feed's published points in time order, each call in its own
// read snapshot.
func Source(st storage.Backend) compliance.Source {
	return func(feed string, from, to time.Time, fn func(domain.Point) error) error {
		return st.Read(func(tx storage.Snapshot) error { return tx.ScanPoints(feed, from, to, fn) })
	}
}

// Batches lists a feed's published batches, for the dependencies of stored results.
func Batches(st storage.Backend) func(feed string) ([]compliance.BatchSpan, error) {
	return func(feed string) ([]compliance.BatchSpan, error) {
		var out []compliance.BatchSpan
		err := st.Read(func(tx storage.Snapshot) error {
			spans, err := tx.BatchSpans(feed)
			for _, b := range spans {
				out = append(out, compliance.BatchSpan{ID: b.ID, From: b.From, To: b.To})
			}
			return err
		})
		return out, err
	}
}

// results keeps the engine's evaluated periods in the store.
type results struct{ st storage.Backend }

func (r results) LoadResults(spec string) (map[string][]byte, error) {
	var out map[string][]byte
	err := r.st.Read(func(tx storage.Snapshot) error {
		var err error
		out, err = tx.LoadResults(spec)
		return err
	})
	return out, err
}

func (r results) SaveResults(spec string, recs map[string][]byte) error {
	return r.st.SaveResults(spec, recs)
}

// cancellable checks ctx every few thousand points.
func cancellable(ctx context.Context, src compliance.Source) compliance.Source {
	return func(feed string, from, to time.Time, fn func(domain.Point) error) error {
		n := 0
		return src(feed, from, to, func(p domain.Point) error {
			if n++; n%4096 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			return fn(p)
		})
	}
}

// FalsePositives are the breaches marked as not real misses, by breach id,
// as compliance.Breaches takes them.
func FalsePositives(marks map[string]storage.BreachMark) map[string]compliance.FalsePositive {
	fps := make(map[string]compliance.FalsePositive, len(marks))
	for id, m := range marks {
		fps[id] = compliance.FalsePositive{Reason: m.Reason, By: m.By}
	}
	return fps
}

// ReadFalsePositives reads the marked breaches of st.
func ReadFalsePositives(st *storage.Store) (map[string]compliance.FalsePositive, error) {
	var marks map[string]storage.BreachMark
	err := st.View(func(tx *storage.Tx) error {
		var err error
		marks, err = tx.BreachMarks()
		return err
	})
	return FalsePositives(marks), err
}

// Rebuild drops every stored result (derived data, kept per complete
// period) and evaluates every SLT as of at to store them again; cleared
// runs once the old results are gone (to forget what was computed from
// them). It returns how many SLTs were evaluated and periods stored; an
// SLT that cannot be evaluated is a problem, the others are stored.
func Rebuild(st *storage.Store, at time.Time, cleared func()) (slts, periods int, problems []string, err error) {
	problems = []string{}
	if err := st.ClearResults(); err != nil {
		return 0, 0, problems, err
	}
	cleared()
	in, err := Input(st, at)
	if err != nil {
		return 0, 0, problems, err
	}
	var names []string
	for _, s := range in.Workspace.SLTs() {
		names = append(names, s.Name())
	}
	if _, err := compliance.NewEvaluator(in).All(names); err != nil {
		problems = append(problems, err.Error())
	}
	if err := st.FlushResults(); err != nil {
		return len(names), 0, problems, err
	}
	err = st.View(func(tx *storage.Tx) error {
		periods = tx.ResultCount()
		return nil
	})
	return len(names), periods, problems, err
}

// Breaches is the breach log of every SLT evaluated on in (bound to st),
// with the false positives st keeps, of the periods starting at or after
// since (a period key or a date; "" = all).
func Breaches(st *storage.Store, in compliance.Input, since string) ([]compliance.Breach, error) {
	rep, err := compliance.BuildReport(in, compliance.ReportOptions{})
	if err != nil {
		return nil, err
	}
	fps, err := ReadFalsePositives(st)
	if err != nil {
		return nil, err
	}
	rows := rep.Rows
	if since != "" {
		if rows, err = compliance.RowsSince(in.Workspace, rows, since); err != nil {
			return nil, err
		}
	}
	return compliance.Breaches(in.Workspace, rows, fps), nil
}
