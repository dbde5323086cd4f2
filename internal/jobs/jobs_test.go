package jobs

import (
	"context"
	"errors"
	"testing"
	"time"
)

// Wait returns a job's end state; another owner's job is not found.
func TestWait(t *testing.T) {
	tb := New(time.Now)
	release := make(chan struct{})
	id := tb.Start("ann", "test", "Test", func(ctx context.Context, p Progress) (any, error) {
		<-release
		return 42, nil
	})
	all := func(string) bool { return true }
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if jb, err := tb.Wait(ctx, id, all); !errors.Is(err, context.Canceled) || jb.State != Running {
		t.Fatalf("a running job's wait, ended by its context: %v %+v", err, jb)
	}
	close(release)
	jb, err := tb.Wait(context.Background(), id, all)
	if err != nil || jb.State != Done || jb.Result != 42 {
		t.Fatalf("wait: %v %+v", err, jb)
	}
	if _, err := tb.Wait(context.Background(), id, func(o string) bool { return o == "bob" }); !errors.Is(err, ErrNotFound) {
		t.Errorf("another owner's job: %v", err)
	}
}
