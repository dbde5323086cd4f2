package storage

import (
	"time"

	"slate/internal/domain"
)

// Backend is what Slate's evaluation engines read and write through
// (internal/readview binds them to it): definitions, exceptions and false
// positives, the published points of a feed, the spans of its published
// batches, stored results, and the data version. *Store, one bbolt file, is
// the embedded implementation; a team server could put another behind the
// same interface (PostgreSQL, or a distributed SQL engine) without touching
// the engines. docs/storage.md states the rules an implementation keeps.
type Backend interface {
	// Read runs fn on one consistent snapshot of the data. A Read never
	// waits for a writer, nor a writer for it; keep it short (one feed scan,
	// one set of records), since the snapshot holds old versions alive.
	Read(fn func(Snapshot) error) error
	// SaveResults stores evaluated figures of one spec (derived data). It
	// must not make the caller wait for a writer: it may queue and write
	// later, or lose them; records carry what they depend on and are checked
	// when read.
	SaveResults(spec string, recs map[string][]byte) error
	// DataVersion moves with every change readers can see, and only then.
	DataVersion() (uint64, error)
}

// Snapshot is one consistent view of the data (a read transaction).
type Snapshot interface {
	// Workspace is every definition.
	Workspace() (*domain.Workspace, error)
	// Exceptions lists every exception, oldest first.
	Exceptions() ([]Exception, error)
	// BreachMarks lists the breaches marked false positive, by breach id.
	BreachMarks() (map[string]BreachMark, error)
	// ScanPoints calls fn with every published, not replaced point of feed
	// with from ≤ At < to (zero: open), in (time, batch, row) order; ErrStop
	// from fn ends the scan without error.
	ScanPoints(feed string, from, to time.Time, fn func(domain.Point) error) error
	// BatchSpans lists the published batches of feed that hold points, with
	// the time range of their points, by id.
	BatchSpans(feed string) ([]BatchSpan, error)
	// LoadResults returns the stored records of one spec by period key
	// (including those saved and not yet written).
	LoadResults(spec string) (map[string][]byte, error)
}

// Read runs fn in a read transaction (bbolt: MVCC, no lock against writers).
func (s *Store) Read(fn func(Snapshot) error) error {
	return s.View(func(t *Tx) error { return fn(t) })
}

var _ Backend = (*Store)(nil)
