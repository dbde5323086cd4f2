// Package jobs runs long work (imports, packs) in the background and keeps
// its state for the faces to poll: progress in the work's own unit, a step
// in words, the result or error, and a cancel that the work honours where it
// can stop safely. A job belongs to whoever started it.
package jobs

import (
	"context"
	"errors"
	"sort"
	"sync"
	"time"
)

// Job is the state of one background job.
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
	Running   = "running"
	Done      = "done"
	Failed    = "failed"
	Cancelled = "cancelled"
)

// Progress is handed to a job's work to report how far it got.
type Progress func(done, total int64, step string)

// Keep bounds the finished jobs remembered for the faces to read back.
const Keep = 50

// ErrNotFound: no such job (or not one the caller may see).
var ErrNotFound = errors.New("no such job")

// Table holds the jobs of every caller of one open workspace.
type Table struct {
	mu   sync.Mutex
	next uint64
	jobs map[uint64]*entry
	now  func() time.Time
}

type entry struct {
	Job
	cancel context.CancelFunc
}

// New is an empty table whose times come from now.
func New(now func() time.Time) *Table {
	return &Table{jobs: map[uint64]*entry{}, now: now}
}

// Start runs work in the background for owner and returns at once with its
// id. work must return soon after ctx is cancelled, with an error
// (ctx.Err()); a work that returns no error finished, even if Cancel came
// too late to stop it (an import that had already published its batch),
// and is reported done.
func (t *Table) Start(owner, kind, title string, work func(ctx context.Context, progress Progress) (any, error)) uint64 {
	ctx, cancel := context.WithCancel(context.Background())
	t.mu.Lock()
	t.next++
	jb := &entry{Job: Job{ID: t.next, Kind: kind, Title: title, State: Running, Started: t.now(), Owner: owner}, cancel: cancel}
	t.jobs[jb.ID] = jb
	t.prune()
	t.mu.Unlock()

	progress := func(done, total int64, step string) {
		t.mu.Lock()
		jb.Done, jb.Total = done, total
		if step != "" {
			jb.Step = step
		}
		t.mu.Unlock()
	}
	go func() {
		res, err := work(ctx, progress)
		t.mu.Lock()
		defer t.mu.Unlock()
		jb.Ended = t.now()
		switch {
		case err != nil && (ctx.Err() != nil || errors.Is(err, context.Canceled)):
			jb.State = Cancelled
		case err != nil:
			jb.State, jb.Error = Failed, err.Error()
		default:
			jb.State, jb.Result = Done, res
		}
		cancel()
	}()
	return jb.ID
}

// prune forgets the oldest finished jobs beyond Keep. Caller holds mu.
func (t *Table) prune() {
	if len(t.jobs) <= Keep {
		return
	}
	var ids []uint64
	for id, jb := range t.jobs {
		if jb.State != Running {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
	for _, id := range ids[:max(0, len(t.jobs)-Keep)] {
		delete(t.jobs, id)
	}
}

// Get is a job's state, if sees says the caller may see its owner's jobs
// (another caller's job is not found, not forbidden: its existence is not
// the caller's business).
func (t *Table) Get(id uint64, sees func(owner string) bool) (Job, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	jb, ok := t.jobs[id]
	if !ok || !sees(jb.Owner) {
		return Job{}, ErrNotFound
	}
	return jb.Job, nil
}

// List is the jobs the caller may see, newest first.
func (t *Table) List(sees func(owner string) bool) []Job {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]Job, 0, len(t.jobs))
	for _, jb := range t.jobs {
		if sees(jb.Owner) {
			out = append(out, jb.Job)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].ID > out[b].ID })
	return out
}

// Cancel asks a running job to stop; the work decides where it can stop
// safely (an import rolls back its staging batch, so nothing half-done stays).
func (t *Table) Cancel(id uint64, sees func(owner string) bool) (Job, error) {
	t.mu.Lock()
	jb, ok := t.jobs[id]
	t.mu.Unlock()
	if !ok || !sees(jb.Owner) {
		return Job{}, ErrNotFound
	}
	jb.cancel()
	return t.Get(id, sees)
}

// Wait blocks until the job ends or ctx is done, polling its state (for
// the CLI and tests).
func (t *Table) Wait(ctx context.Context, id uint64, sees func(owner string) bool) (Job, error) {
	for {
		jb, err := t.Get(id, sees)
		if err != nil || jb.State != Running {
			return jb, err
		}
		select {
		case <-ctx.Done():
			return jb, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}
