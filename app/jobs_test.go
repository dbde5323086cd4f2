package app

import (
	"context"
	"errors"
	"testing"
	"time"

	"slate/internal/jobs"
	"slate/internal/storage"
)

func TestJobsProgressResultAndFailure(t *testing.T) {
	j := &Jobs{table: jobs.New(time.Now), caller: Caller{Name: "tester", Role: RoleAdmin}}
	release := make(chan struct{})
	id := j.start("test", "counting", func(ctx context.Context, p jobs.Progress) (any, error) {
		p(3, 10, "step three")
		<-release
		return 42, nil
	})
	waitFor(t, func() bool { g, _ := j.Get(id); return g.Done == 3 })
	got, _ := j.Get(id)
	if got.State != JobRunning || got.Total != 10 || got.Step != "step three" {
		t.Fatalf("running job: %+v", got)
	}
	close(release)
	got, err := j.Wait(context.Background(), id)
	if err != nil || got.State != JobDone || got.Result != 42 || got.Ended.IsZero() {
		t.Fatalf("done job: %+v %v", got, err)
	}

	id = j.start("test", "failing", func(context.Context, jobs.Progress) (any, error) { return nil, errors.New("disk full") })
	if got, _ := j.Wait(context.Background(), id); got.State != JobFailed || got.Error != "disk full" {
		t.Fatalf("failed job: %+v", got)
	}
	if _, err := j.Get(999); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("unknown job: %v", err)
	}
}

func TestJobsCancel(t *testing.T) {
	j := &Jobs{table: jobs.New(time.Now), caller: Caller{Name: "tester", Role: RoleAdmin}}
	id := j.start("test", "endless", func(ctx context.Context, p jobs.Progress) (any, error) {
		<-ctx.Done()
		return "partial", ctx.Err()
	})
	if _, err := j.Cancel(id); err != nil {
		t.Fatal(err)
	}
	got, _ := j.Wait(context.Background(), id)
	if got.State != JobCancelled || got.Result != nil {
		t.Fatalf("cancelled job: %+v", got)
	}
	if l := j.List(); len(l) != 1 || l[0].ID != id {
		t.Fatalf("list: %+v", l)
	}

	// Cancel that arrives after the work could no longer stop: the work's
	// own answer (it finished) is what the user sees.
	release := make(chan struct{})
	id = j.start("test", "too late to stop", func(ctx context.Context, p jobs.Progress) (any, error) {
		<-release
		return "published", nil
	})
	j.Cancel(id)
	close(release)
	if got, _ := j.Wait(context.Background(), id); got.State != JobDone || got.Result != "published" {
		t.Fatalf("late cancel: %+v", got)
	}
}

func TestJobsForgetOldFinishedJobs(t *testing.T) {
	j := &Jobs{table: jobs.New(time.Now), caller: Caller{Name: "tester", Role: RoleAdmin}}
	for i := 0; i < jobs.Keep+10; i++ {
		id := j.start("test", "quick", func(context.Context, jobs.Progress) (any, error) { return nil, nil })
		j.Wait(context.Background(), id)
	}
	if n := len(j.List()); n > jobs.Keep+1 {
		t.Fatalf("%d jobs remembered, want at most %d", n, jobs.Keep+1)
	}
}

// waitFor polls cond. The deadline only guards against a hang: it is far beyond
// any real wait, so a slow or busy machine never fails a test here.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached in 3 minutes")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
