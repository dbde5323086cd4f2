package flight

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

// Callers of one key share one computation, later callers get the kept
// result, and a new key (a new data version) computes afresh.
func TestFlightsShareOneComputation(t *testing.T) {
	var f Group
	var runs atomic.Int32
	release := make(chan struct{})
	started := make(chan struct{})
	fn := func(ctx context.Context) (any, error) {
		if runs.Add(1) == 1 {
			close(started)
		}
		<-release
		return "answer", nil
	}
	var wg sync.WaitGroup
	results := make([]any, 10)
	for i := range results {
		wg.Go(func() {
			v, err := f.Do(context.Background(), "v1", fn)
			if err != nil {
				t.Error(err)
			}
			results[i] = v
		})
	}
	<-started
	close(release)
	wg.Wait()
	if runs.Load() != 1 {
		t.Fatalf("%d computations for one key", runs.Load())
	}
	for _, v := range results {
		if v != "answer" {
			t.Fatalf("a caller got %v", v)
		}
	}
	if v, _ := f.Do(context.Background(), "v1", fn); v != "answer" || runs.Load() != 1 {
		t.Fatalf("a later caller got %v after %d runs", v, runs.Load())
	}
	if _, _ = f.Do(context.Background(), "v2", fn); runs.Load() != 2 {
		t.Fatal("a new key did not compute")
	}
}

// When every caller has gone, the computation is cancelled; an error is not
// kept, so the next caller computes again.
func TestFlightsCancelWhenEveryCallerHasGone(t *testing.T) {
	var f Group
	cancelled := make(chan struct{})
	started := make(chan struct{})
	ctx, leave := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := f.Do(ctx, "k", func(ctx context.Context) (any, error) {
			close(started)
			<-ctx.Done()
			close(cancelled)
			return nil, ctx.Err()
		})
		done <- err
	}()
	<-started
	leave()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("the caller who left got %v", err)
	}
	<-cancelled // the computation saw its context end
	v, err := f.Do(context.Background(), "k", func(context.Context) (any, error) { return 42, nil })
	if err != nil || v != 42 {
		t.Fatalf("after a cancelled computation: %v, %v", v, err)
	}
}
