package importer

import (
	"fmt"
	"io"

	"slate/internal/defs"
	"slate/internal/domain"
	"slate/internal/ingest"
	"slate/internal/plain"
	"slate/internal/storage"
)

// Scope is which feeds and batches a caller may see and feed: all of them,
// or, when Held, the feeds of one supplier. Another supplier's feed or
// batch is "no such feed" or "no such batch", so its name tells nothing.
type Scope struct {
	Held     bool
	Supplier string
}

// Allows reports whether the scope may see and feed f.
func (s Scope) Allows(f *domain.Feed) bool { return !s.Held || f.Spec.Supplier == s.Supplier }

// Feed reads a feed the scope allows.
func (s Scope) Feed(st *storage.Store, name string) (*domain.Feed, error) {
	var f *domain.Feed
	err := st.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		if f = ws.Feed(name); f != nil && !s.Allows(f) {
			f = nil
		}
		return nil
	})
	if err == nil && f == nil {
		err = fmt.Errorf("%w %s (define it first with `slate apply`)", defs.ErrNoFeed, plain.Clip(name))
	}
	return f, err
}

// allowsFeed is Allows by feed name, inside a transaction.
func (s Scope) allowsFeed(tx *storage.Tx, name string) (bool, error) {
	if !s.Held {
		return true, nil
	}
	ws, err := tx.Workspace()
	if err != nil {
		return false, err
	}
	f := ws.Feed(name)
	return f != nil && s.Allows(f), nil
}

// Batches lists the batches of a feed ("" = every feed the scope allows), oldest first.
func (s Scope) Batches(st *storage.Store, feed string) ([]storage.Batch, error) {
	var out []storage.Batch
	err := st.View(func(tx *storage.Tx) error {
		all, err := tx.Batches(feed)
		if err != nil {
			return err
		}
		for _, b := range all {
			if ok, err := s.allowsFeed(tx, b.Feed); err != nil {
				return err
			} else if ok {
				out = append(out, b)
			}
		}
		return nil
	})
	return out, err
}

// batch reads a batch the scope allows; staging and discarded batches are no batch.
func (s Scope) batch(tx *storage.Tx, id uint64) (storage.Batch, error) {
	b, err := tx.Batch(id)
	if err != nil {
		return b, err
	}
	ok, err := s.allowsFeed(tx, b.Feed)
	if err != nil {
		return b, err
	}
	if !ok || b.Status == storage.StatusStaging || b.Status == storage.StatusDiscarded {
		return storage.Batch{}, fmt.Errorf("batch %d: %w", id, storage.ErrNoBatch)
	}
	return b, nil
}

// Detail is one batch with its first findings and how many of its points
// are in the data now.
type Detail struct {
	Batch     storage.Batch
	Findings  []ingest.Finding
	Truncated bool
	Points    int
}

// Batch reads one batch the scope allows with its first limit findings.
func (s Scope) Batch(st *storage.Store, id uint64, limit int) (Detail, error) {
	var d Detail
	err := st.View(func(tx *storage.Tx) error {
		var err error
		if d.Batch, err = s.batch(tx, id); err != nil {
			return err
		}
		if d.Findings, d.Truncated, err = Findings(tx, id, limit); err != nil {
			return err
		}
		d.Points, err = Points(tx, d.Batch)
		return err
	})
	return d, err
}

// WriteSource writes the original file of a batch the scope allows
// (WriteSource checks its SHA-256).
func (s Scope) WriteSource(st *storage.Store, id uint64, w io.Writer) (int64, error) {
	var n int64
	err := st.View(func(tx *storage.Tx) error {
		b, err := s.batch(tx, id)
		if err != nil {
			return err
		}
		n, err = WriteSource(tx, b, w)
		return err
	})
	return n, err
}

// WriteRejects writes the rejected rows of a batch the scope allows
// (WriteRejects), as CSV or XLSX, and returns how many it wrote.
func (s Scope) WriteRejects(st *storage.Store, id uint64, w io.Writer, csv bool) (int, error) {
	n := 0
	err := st.View(func(tx *storage.Tx) error {
		b, err := s.batch(tx, id)
		if err != nil {
			return err
		}
		n, err = WriteRejects(tx, b, w, csv)
		return err
	})
	return n, err
}

// WriteTemplate writes the supplier data template of a feed the scope
// allows: a workbook, or with csv the header line.
func (s Scope) WriteTemplate(st *storage.Store, feed string, w io.Writer, csv bool) error {
	fd, err := s.Feed(st, feed)
	if err != nil {
		return err
	}
	if csv {
		return ingest.WriteTemplateCSV(w, fd)
	}
	return ingest.WriteTemplate(w, fd)
}

// Feeds describes every feed the scope allows, by name.
func (s Scope) Feeds(st *storage.Store) ([]Feed, error) {
	var out []Feed
	err := st.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		bs, err := tx.Batches("")
		if err != nil {
			return err
		}
		for _, f := range ws.Feeds() {
			if s.Allows(f) {
				out = append(out, Describe(f, bs))
			}
		}
		return nil
	})
	return out, err
}
