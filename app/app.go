// Package app holds Slate's use cases: the services the desktop window binds,
// `slate serve` exposes over HTTP and the CLI calls. It is the only layer the
// three faces use, and the only Go package that imports Wails (desktop build only).
package app

import (
	"fmt"

	"slate/internal/storage"
)

// App is an open workspace with its services.
type App struct {
	store *storage.Store

	Workspace  *Workspace
	Audit      *Audit
	Imports    *Imports
	Compliance *Compliance
	Exceptions *Exceptions
	Jobs       *Jobs
	Analysis   *Analysis
	Packs      *Packs
}

// Open opens the workspace database at path ("" = the default location).
func Open(path string) (*App, error) {
	return OpenWith(path, storage.Options{})
}

// OpenWith opens the database with explicit storage options (tests fix the clock and actor).
func OpenWith(path string, o storage.Options) (*App, error) {
	if path == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	st, err := storage.Open(path, o)
	if err != nil {
		return nil, err
	}
	return wire(st)
}

// wire builds the services on an open store.
func wire(st *storage.Store) (*App, error) {
	a := &App{store: st}
	a.Workspace = &Workspace{store: st}
	a.Audit = &Audit{store: st}
	a.Imports = &Imports{store: st}
	a.Compliance = &Compliance{store: st, flights: &flights{}}
	a.Exceptions = &Exceptions{store: st}
	a.Jobs = newJobs(st.Now)
	a.Imports.jobs = a.Jobs
	a.Analysis = &Analysis{store: st, compliance: a.Compliance}
	a.Packs = &Packs{store: st, compliance: a.Compliance, analysis: a.Analysis, jobs: a.Jobs}
	// Finish what a crash interrupted: staging batches never become visible;
	// remove them (a read-only open leaves them: readers never see them).
	if st.ReadOnly() {
		return a, nil
	}
	if _, err := st.RecoverBatches(); err != nil {
		st.Close()
		return nil, fmt.Errorf("recover interrupted imports: %w", err)
	}
	return a, nil
}

// Close releases the database.
func (a *App) Close() error { return a.store.Close() }

// Store gives the CLI and tests the storage layer for operations with no UI (backup).
func (a *App) Store() *storage.Store { return a.store }

// Bindings lists the services the window binds and `serve` exposes.
func (a *App) Bindings() []any {
	return []any{a.Workspace, a.Audit, a.Imports, a.Compliance, a.Exceptions, a.Jobs, a.Analysis, a.Packs}
}

// Init makes path ("" = the default location) a workspace: a missing or empty
// file becomes a new one (created), an existing workspace is opened and
// upgraded if it is older; any other file is refused.
func Init(path string) (a *App, created bool, err error) {
	if path == "" {
		if path, err = storage.DefaultPath(); err != nil {
			return nil, false, err
		}
	}
	st, created, err := storage.Init(path, storage.Options{})
	if err != nil {
		return nil, false, err
	}
	a, err = wire(st)
	return a, created, err
}
