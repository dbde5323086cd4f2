// Package app holds Slate's use cases: the services the desktop window binds,
// `slate serve` exposes over HTTP and the CLI calls. It is the only layer the
// three faces use, and the only Go package that imports Wails (desktop build only).
package app

import (
	"context"
	"fmt"

	"slate/internal/flight"
	"slate/internal/improve"
	"slate/internal/jobs"
	"slate/internal/storage"
	"slate/internal/uploads"
)

// App is an open workspace with its services, as one caller sees it: Open
// gives the person at the keyboard (the OS user, role admin); As gives the
// view of another caller (a `slate serve` user), whose changes the audit
// trail names.
type App struct {
	store  *storage.Store
	caller Caller
	shared *shared

	Workspace  *Workspace
	Audit      *Audit
	Imports    *Imports
	Compliance *Compliance
	Exceptions *Exceptions
	Jobs       *Jobs
	Analysis   *Analysis
	Packs      *Packs
	Session    *Session
	Users      *Users
	Suppliers  *Suppliers
	Design     *Design
	CMDB       *CMDB
	Foresight  *Foresight

	// The improvement loop (docs/improvement.md).
	Actions      *Actions
	RCAs         *RCAs
	Reviews      *Reviews
	Meetings     *Meetings
	Improvements *Improvements
	Integrations *Integrations
	Approvals    *Approvals

	// Local reads and writes files by path for the person's own shell (the
	// CLI); it is never bound or served, and views made by As have none.
	Local *Local
}

// shared is the state every view of one open workspace shares.
type shared struct {
	jobs    *jobs.Table
	uploads *uploads.Area
	flights *flight.Group
	drill   *flight.Group
	loop    *improve.Courier
	// anchorKey is where the anchor key is looked for (App.SetAnchorKey).
	anchorKey string
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

// wire builds the services on an open store, as the OS user (the person at
// the keyboard, every right).
func wire(st *storage.Store) (*App, error) {
	sh := &shared{jobs: jobs.New(st.Now), uploads: uploads.New(st.Path()),
		flights: &flight.Group{}, drill: &flight.Group{Keep: 4}, loop: &improve.Courier{}}
	a := newView(st, Caller{Name: st.Actor(), Role: RoleAdmin}, sh)
	a.Local = &Local{app: a}
	// Finish what a crash interrupted: staging batches never become visible;
	// remove them (a read-only open leaves them: readers never see them).
	if st.ReadOnly() {
		return a, nil
	}
	if _, err := st.RecoverBatches(); err != nil {
		st.Close()
		return nil, fmt.Errorf("recover interrupted imports: %w", err)
	}
	sh.uploads.Sweep()
	return a, nil
}

// As is the workspace as caller sees it: the same database and background
// jobs, with caller named in every audit event and supplier callers held to
// their own feeds. Views are cheap (one per API call) and never closed.
func (a *App) As(c Caller) *App {
	return newView(a.store.As(c.Name), c, a.shared)
}

func newView(st *storage.Store, c Caller, sh *shared) *App {
	a := &App{store: st, caller: c, shared: sh}
	a.Workspace = &Workspace{store: st}
	a.Audit = &Audit{store: st, keyPath: sh.anchorKey}
	a.Jobs = &Jobs{table: sh.jobs, caller: c}
	a.Imports = &Imports{store: st, caller: c, jobs: a.Jobs, uploads: sh.uploads}
	a.Compliance = &Compliance{store: st, flights: sh.flights, drill: sh.drill}
	a.Exceptions = &Exceptions{store: st, uploads: sh.uploads, caller: c}
	a.Analysis = &Analysis{store: st, compliance: a.Compliance}
	a.Packs = &Packs{store: st, jobs: a.Jobs, uploads: sh.uploads, caller: c}
	a.Session = &Session{caller: c}
	a.Users = &Users{store: st}
	a.Actions = &Actions{store: st}
	a.Suppliers = &Suppliers{store: st, caller: c}
	a.Design = &Design{store: st}
	a.CMDB = &CMDB{store: st, caller: c, uploads: sh.uploads}
	a.Foresight = &Foresight{store: st, flights: sh.flights}
	a.RCAs = &RCAs{store: st}
	a.Reviews = &Reviews{store: st}
	a.Meetings = &Meetings{store: st}
	a.Improvements = &Improvements{store: st}
	a.Integrations = &Integrations{store: st, loop: sh.loop}
	a.Approvals = &Approvals{store: st}
	return a
}

// WithContext is this view with its compliance screens (Report, Dashboard)
// tied to ctx: when ctx ends (the client of a server request went away) the
// caller stops waiting, and a computation nobody waits for any more stops.
func (a *App) WithContext(ctx context.Context) *App {
	v := *a
	c := *a.Compliance
	c.ctx = ctx
	v.Compliance = &c
	return &v
}

// Close releases the database.
func (a *App) Close() error { return a.store.Close() }

// Store gives the CLI and tests the storage layer for operations with no UI (backup).
func (a *App) Store() *storage.Store { return a.store }

// DataVersion changes with every change committed to the workspace (import,
// definition, decision): what the API's ETags are made of.
func (a *App) DataVersion() (uint64, error) { return a.Compliance.dbVersion() }

// Caller is who this view of the App acts as.
func (a *App) Caller() Caller { return a.caller }

// Bindings lists the services the window binds and `serve` exposes; every
// exported method of each is an API method and needs a rule in internal/access/access.go.
func (a *App) Bindings() []any {
	return []any{a.Workspace, a.Audit, a.Imports, a.Compliance, a.Exceptions, a.Jobs, a.Analysis, a.Packs, a.Session, a.Users,
		a.Actions, a.RCAs, a.Reviews, a.Meetings, a.Improvements, a.Integrations, a.Approvals, a.Suppliers, a.Design, a.CMDB, a.Foresight}
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
