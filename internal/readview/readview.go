// Package readview binds the engines in internal/ to a workspace database:
// the definitions, the exceptions (with the time each was decided) and a point
// source that opens its own read transaction per call, so that independent
// SLTs and feeds can be read in parallel. It writes nothing.
package readview

import (
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/storage"
)

// Input reads what the compliance engine needs to evaluate at time at.
func Input(st *storage.Store, at time.Time) (compliance.Input, error) {
	in := compliance.Input{At: at.UTC(), Source: Source(st)}
	err := st.View(func(tx *storage.Tx) error {
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
// read transaction.
func Source(st *storage.Store) compliance.Source {
	return func(feed string, from, to time.Time, fn func(domain.Point) error) error {
		return st.View(func(tx *storage.Tx) error { return tx.ScanPoints(feed, from, to, fn) })
	}
}
