// Package storage keeps a Slate workspace in one bbolt file: definitions, data,
// and the hash-chained audit trail.
package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// ErrInUse means another process holds the database file open.
var ErrInUse = errors.New("database in use by another Slate process (close the Slate window or stop `slate serve`, then retry)")

// ErrNewerSchema means the file was written by a newer Slate than this one.
var ErrNewerSchema = errors.New("database was written by a newer version of Slate")

// Store is an open workspace database.
type Store struct {
	db    *bolt.DB
	path  string
	actor string
	now   func() time.Time
	// results is shared by every view of the store (one writer goroutine).
	results *resultQueue
}

// allocSize is how far the file grows past its data when it must grow.
const allocSize = 2 << 20

// Options tune Open; the zero value is right for normal use.
type Options struct {
	// Timeout for acquiring the file lock (default 1 s).
	Timeout time.Duration
	// Actor recorded in audit events (default: the OS user).
	Actor string
	// Now is the clock (tests fix it).
	Now func() time.Time
}

// DefaultPath is where the database lives unless --db or SLATE_DB say otherwise.
func DefaultPath() (string, error) {
	if p := os.Getenv("SLATE_DB"); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no user config directory (set SLATE_DB or --db): %w", err)
	}
	return filepath.Join(dir, "slate", "slate.db"), nil
}

// Open opens or creates the database, migrating it to the current schema.
func Open(path string, o Options) (*Store, error) {
	if o.Timeout == 0 {
		o.Timeout = time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Actor == "" {
		o.Actor = osUser()
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("create database folder: %w", err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: o.Timeout, FreelistType: bolt.FreelistMapType})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("%s: %w", path, ErrInUse)
	}
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// The file grows in steps of AllocSize beyond what it holds: bbolt's
	// 16 MiB default would be a third of a compact 10M-point workspace.
	db.AllocSize = allocSize
	s := &Store{db: db, path: path, actor: o.Actor, now: o.Now, results: &resultQueue{}}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	return "unknown"
}

// Close writes the results still queued and releases the file.
func (s *Store) Close() error {
	err := s.results.flush()
	if cerr := s.db.Close(); err == nil {
		err = cerr
	}
	return err
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Actor is who the audit trail names for changes made through this store.
func (s *Store) Actor() string { return s.actor }

// Now is the store's clock.
func (s *Store) Now() time.Time { return s.now() }

// Backup writes a consistent copy of the database to path (safe while others write).
func (s *Store) Backup(path string) (int64, error) {
	var n int64
	err := s.db.View(func(tx *bolt.Tx) error {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return fmt.Errorf("backup: %w", err)
		}
		n, err = tx.WriteTo(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
			return fmt.Errorf("backup: %w", err)
		}
		return nil
	})
	return n, err
}

// Tx is a read or write transaction with Slate's typed accessors.
type Tx struct {
	tx    *bolt.Tx
	store *Store
}

// Update runs fn in one write transaction: all of it lands or none.
func (s *Store) Update(fn func(*Tx) error) error {
	return s.db.Update(func(tx *bolt.Tx) error { return fn(&Tx{tx, s}) })
}

// View runs fn in a read transaction (a consistent snapshot).
func (s *Store) View(fn func(*Tx) error) error {
	return s.db.View(func(tx *bolt.Tx) error { return fn(&Tx{tx, s}) })
}

func u64(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func fromU64(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}
