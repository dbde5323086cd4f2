// Package flight shares computations between callers that ask the same
// question of the same data.
package flight

import (
	"cmp"
	"context"
	"sync"
)

// Group shares computations between callers that ask the same question of
// the same data: one computation per key runs at a time, callers that come
// while it runs wait for its result, and the last results are kept for the
// callers that come after it. Keys name the data version, so a change to
// the data is a new key and nothing stale is ever served.
//
// A caller that goes away (its context ends) stops waiting; when every
// caller of a computation has gone, the computation is cancelled.
type Group struct {
	// Keep is how many finished results are kept (0: 16).
	Keep  int
	mu    sync.Mutex
	calls map[string]*flight
	kept  []*flight // finished, newest last
}

// keep is how many finished results are kept.
const keep = 16

type flight struct {
	key     string
	done    chan struct{}
	val     any
	err     error
	waiters int
	cancel  context.CancelFunc
}

// Do returns fn's result for key, computing it at most once at a time.
func (f *Group) Do(ctx context.Context, key string, fn func(ctx context.Context) (any, error)) (any, error) {
	f.mu.Lock()
	for _, k := range f.kept {
		if k.key == key {
			f.mu.Unlock()
			return k.val, k.err
		}
	}
	if f.calls == nil {
		f.calls = map[string]*flight{}
	}
	c := f.calls[key]
	if c == nil {
		var cctx context.Context
		cctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		c = &flight{key: key, done: make(chan struct{}), cancel: cancel}
		f.calls[key] = c
		go func() {
			c.val, c.err = fn(cctx)
			cancel()
			f.mu.Lock()
			if f.calls[key] == c {
				delete(f.calls, key)
			}
			if c.err == nil {
				f.kept = append(f.kept, c)
				if n := cmp.Or(f.Keep, keep); len(f.kept) > n {
					f.kept = f.kept[1:]
				}
			}
			f.mu.Unlock()
			close(c.done)
		}()
	}
	c.waiters++
	f.mu.Unlock()
	select {
	case <-c.done:
		return c.val, c.err
	case <-ctx.Done():
		f.mu.Lock()
		if c.waiters--; c.waiters == 0 {
			c.cancel() // nobody wants the answer any more; the next caller starts afresh
			if f.calls[key] == c {
				delete(f.calls, key)
			}
		}
		f.mu.Unlock()
		return nil, ctx.Err()
	}
}

// Forget drops the kept results (benchmarks measure the cold path).
func (f *Group) Forget() {
	f.mu.Lock()
	f.kept = nil
	f.mu.Unlock()
}
