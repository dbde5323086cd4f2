package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"slate/internal/jobs"
	"slate/internal/storage"
)

// Jobs runs long work (imports, packs) in the background so the window and
// the browser can show progress and offer Cancel. The same polling calls
// work over Wails bindings and the JSON API, so neither needs push events.
// A caller sees and cancels its own jobs; an admin sees everyone's.
type Jobs struct {
	table  *jobs.Table
	caller Caller
}

// Job is the state of one background job as the UI sees it.
type Job struct {
	ID    uint64 `json:"id"`
	Kind  string `json:"kind"`
	Title string `json:"title"`
	// State: running, done, failed or cancelled.
	State string `json:"state"`
	// Done and Total measure progress in the job's own unit (bytes, rows,
	// sections); Total 0 means unknown.
	Done    int64     `json:"done"`
	Total   int64     `json:"total"`
	Step    string    `json:"step,omitempty"`
	Error   string    `json:"error,omitempty"`
	Result  any       `json:"result,omitempty"`
	Started time.Time `json:"started"`
	Ended   time.Time `json:"ended,omitzero"`
	// Owner is who started the job.
	Owner string `json:"owner"`
}

// Job states.
const (
	JobRunning   = jobs.Running
	JobDone      = jobs.Done
	JobFailed    = jobs.Failed
	JobCancelled = jobs.Cancelled
)

// start runs work in the background for the caller (internal/jobs).
func (v *Jobs) start(kind, title string, work func(ctx context.Context, progress jobs.Progress) (any, error)) uint64 {
	return v.table.Start(v.caller.Name, kind, title, work)
}

// sees reports whether the caller may see a job of owner's (an admin sees everyone's).
func (v *Jobs) sees(owner string) bool {
	return v.caller.Role == RoleAdmin || strings.EqualFold(owner, v.caller.Name)
}

func notFound(id uint64, err error) error {
	if errors.Is(err, jobs.ErrNotFound) {
		return fmt.Errorf("job %d: %w", id, storage.ErrNotFound)
	}
	return err
}

// Get returns the job's current state.
func (v *Jobs) Get(id uint64) (Job, error) {
	j, err := v.table.Get(id, v.sees)
	return Job(j), notFound(id, err)
}

// List returns the caller's jobs still remembered, newest first.
func (v *Jobs) List() []Job {
	js := v.table.List(v.sees)
	out := make([]Job, len(js))
	for i, j := range js {
		out[i] = Job(j)
	}
	return out
}

// Cancel asks a running job to stop; the work decides where it can stop
// safely (an import rolls back its staging batch, so nothing half-done stays).
func (v *Jobs) Cancel(id uint64) (Job, error) {
	j, err := v.table.Cancel(id, v.sees)
	return Job(j), notFound(id, err)
}

// Wait blocks until the job ends or ctx is done; for the CLI and tests.
func (j *Jobs) Wait(ctx context.Context, id uint64) (Job, error) {
	jb, err := j.table.Wait(ctx, id, j.sees)
	return Job(jb), notFound(id, err)
}
