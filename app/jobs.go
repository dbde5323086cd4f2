package app

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"slate/internal/storage"
)

// Jobs runs long work (imports, packs) in the background so the window and
// the browser can show progress and offer Cancel. The same polling calls
// work over Wails bindings and the JSON API, so neither needs push events.
// A caller sees and cancels its own jobs; an admin sees everyone's.
type Jobs struct {
	table  *jobTable
	caller Caller
}

// jobTable holds the jobs of every caller of one open workspace.
type jobTable struct {
	mu   sync.Mutex
	next uint64
	jobs map[uint64]*job
	now  func() time.Time
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
	JobRunning   = "running"
	JobDone      = "done"
	JobFailed    = "failed"
	JobCancelled = "cancelled"
)

type job struct {
	Job
	cancel context.CancelFunc
}

// keepJobs bounds the finished jobs remembered for the UI to read back.
const keepJobs = 50

func newJobTable(now func() time.Time) *jobTable {
	return &jobTable{jobs: map[uint64]*job{}, now: now}
}

// Progress is handed to a job's work to report how far it got.
type Progress func(done, total int64, step string)

// start runs work in the background and returns at once with its id. work
// must return soon after ctx is cancelled, with an error (ctx.Err()); a work
// that returns no error finished, even if Cancel came too late to stop it
// (an import that had already published its batch), and is reported done.
func (v *Jobs) start(kind, title string, work func(ctx context.Context, progress Progress) (any, error)) uint64 {
	j := v.table
	ctx, cancel := context.WithCancel(context.Background())
	j.mu.Lock()
	j.next++
	jb := &job{Job: Job{ID: j.next, Kind: kind, Title: title, State: JobRunning, Started: j.now(), Owner: v.caller.Name}, cancel: cancel}
	j.jobs[jb.ID] = jb
	j.prune()
	j.mu.Unlock()

	progress := func(done, total int64, step string) {
		j.mu.Lock()
		jb.Done, jb.Total = done, total
		if step != "" {
			jb.Step = step
		}
		j.mu.Unlock()
	}
	go func() {
		res, err := work(ctx, progress)
		j.mu.Lock()
		defer j.mu.Unlock()
		jb.Ended = j.now()
		switch {
		case err != nil && (ctx.Err() != nil || errors.Is(err, context.Canceled)):
			jb.State = JobCancelled
		case err != nil:
			jb.State, jb.Error = JobFailed, err.Error()
		default:
			jb.State, jb.Result = JobDone, res
		}
		cancel()
	}()
	return jb.ID
}

// prune forgets the oldest finished jobs beyond keepJobs. Caller holds mu.
func (j *jobTable) prune() {
	if len(j.jobs) <= keepJobs {
		return
	}
	var ids []uint64
	for id, jb := range j.jobs {
		if jb.State != JobRunning {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
	for _, id := range ids[:max(0, len(j.jobs)-keepJobs)] {
		delete(j.jobs, id)
	}
}

// sees reports whether the caller may see a job (another caller's job is
// "not found", not "forbidden": its existence is not the caller's business).
func (v *Jobs) sees(jb *job) bool {
	return v.caller.Role == RoleAdmin || strings.EqualFold(jb.Owner, v.caller.Name)
}

// find returns the job and a copy of its state.
func (v *Jobs) find(id uint64) (*job, Job, error) {
	j := v.table
	j.mu.Lock()
	defer j.mu.Unlock()
	jb, ok := j.jobs[id]
	if !ok || !v.sees(jb) {
		return nil, Job{}, fmt.Errorf("job %d: %w", id, storage.ErrNotFound)
	}
	return jb, jb.Job, nil
}

// Get returns the job's current state.
func (v *Jobs) Get(id uint64) (Job, error) {
	_, state, err := v.find(id)
	return state, err
}

// List returns the caller's jobs still remembered, newest first.
func (v *Jobs) List() []Job {
	j := v.table
	j.mu.Lock()
	defer j.mu.Unlock()
	out := make([]Job, 0, len(j.jobs))
	for _, jb := range j.jobs {
		if v.sees(jb) {
			out = append(out, jb.Job)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].ID > out[b].ID })
	return out
}

// Cancel asks a running job to stop; the work decides where it can stop
// safely (an import rolls back its staging batch, so nothing half-done stays).
func (v *Jobs) Cancel(id uint64) (Job, error) {
	jb, _, err := v.find(id)
	if err != nil {
		return Job{}, err
	}
	jb.cancel()
	return v.Get(id)
}

// Wait blocks until the job ends or ctx is done; for the CLI and tests.
func (j *Jobs) Wait(ctx context.Context, id uint64) (Job, error) {
	for {
		jb, err := j.Get(id)
		if err != nil || jb.State != JobRunning {
			return jb, err
		}
		select {
		case <-ctx.Done():
			return jb, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}
