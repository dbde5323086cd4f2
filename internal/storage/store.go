// Package storage keeps a Slate workspace in one bbolt file: definitions, data,
// and the hash-chained audit trail.
package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// ErrInUse means another process holds the database file open.
var ErrInUse = errors.New("database in use by another Slate process (close the Slate window or stop `slate serve`, then retry)")

// ErrNewerSchema means the file was written by a newer Slate than this one.
var ErrNewerSchema = errors.New("database was written by a newer version of Slate")

// Store is an open workspace database.
type Store struct {
	db       *bolt.DB
	path     string
	actor    string
	now      func() time.Time
	readOnly bool
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
	// ReadOnly opens the file without writing to it (a shared lock, no
	// migration, no recovery): reading commands, an auditor's copy, a file the
	// user may only read. The file must exist and be of the current schema.
	ReadOnly bool
	// Init allows an empty (0-byte) file to become a new workspace: `slate
	// init` asks for it explicitly; otherwise an empty file is refused.
	Init bool
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

// Open opens the database, migrating it to the current schema; a missing file
// is created (unless ReadOnly). A file that is empty, not a Slate database,
// or damaged is refused with an error that names it and says what to do;
// Slate never maps a file whose header says it is longer than it is.
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
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if o.ReadOnly {
			return nil, fmt.Errorf("%s: %w (create a workspace with `slate init --db %s`, or check the path)", path, ErrNoDatabase, path)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("create database folder: %w", err)
		}
	case err != nil:
		return nil, fmt.Errorf("open database %s: %w", path, err)
	case st.IsDir():
		return nil, fmt.Errorf("%s is a folder, not a database file", path)
	case st.Size() == 0 && o.Init && !o.ReadOnly:
		// bbolt writes a new database into the empty file.
	default:
		if err := checkFile(path); err != nil {
			return nil, err
		}
	}
	var db *bolt.DB
	err = guard(path, func() error {
		var err error
		db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: o.Timeout, FreelistType: bolt.FreelistMapType, ReadOnly: o.ReadOnly})
		return err
	})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("%s: %w", path, ErrInUse)
	}
	if err != nil {
		if errors.Is(err, ErrDamaged) {
			return nil, err
		}
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// The file grows in steps of AllocSize beyond what it holds: bbolt's
	// 16 MiB default would be a third of a compact 10M-point workspace.
	db.AllocSize = allocSize
	s := &Store{db: db, path: path, actor: o.Actor, now: o.Now, readOnly: o.ReadOnly, results: &resultQueue{}}
	if err := s.checkSlate(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// checkFile refuses, before bbolt sees it, a file that is not a database or
// whose header does not fit its size.
func checkFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	err = ReadHeader(f, st.Size()).Check()
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrDamaged):
		return fmt.Errorf("%s: %w%s", path, err, damagedHelp(path))
	case st.Size() == 0:
		return fmt.Errorf("%s: %w. Slate does not take over an empty file silently: to start a new workspace in it, run `slate init --db %s`", path, err, path)
	}
	if what := sniff(path); what != "" {
		err = fmt.Errorf("%w (%s)", err, what)
	}
	return fmt.Errorf("%s: %w. Slate opens only files it created and changed nothing; check the path (--db or SLATE_DB)", path, err)
}

// checkSlate refuses another program's bbolt file. A file with no buckets at
// all is a database bbolt created whose first transaction never landed: new.
func (s *Store) checkSlate() error {
	return s.View(func(tx *Tx) error {
		if b := tx.tx.Bucket(bucketMeta); b != nil && b.Get(keySchema) != nil {
			return nil
		}
		empty := true
		tx.tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return ErrStop })
		if !empty {
			return fmt.Errorf("%s: %w: it is a bbolt database of another program (it has no Slate schema); Slate changed nothing", s.path, ErrNotSlate)
		}
		if s.readOnly {
			return fmt.Errorf("%s: %w: the file holds no workspace yet", s.path, ErrNoDatabase)
		}
		return nil
	})
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

// Close writes the results still queued and releases the file. A read-only
// store writes them after it closed the file, when the file allows (writeBack).
func (s *Store) Close() error {
	err := s.results.flush()
	if cerr := s.db.Close(); err == nil {
		err = cerr
	}
	if s.readOnly && err == nil {
		s.results.writeBack(s.path)
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

// ErrReadOnly means a change was asked of a database opened read-only.
var ErrReadOnly = errors.New("the database is open read-only")

// Update runs fn in one write transaction: all of it lands or none.
func (s *Store) Update(fn func(*Tx) error) error {
	if s.readOnly {
		return fmt.Errorf("%s: %w", s.path, ErrReadOnly)
	}
	return guard(s.path, func() error {
		return s.db.Update(func(tx *bolt.Tx) error { return fn(&Tx{tx, s}) })
	})
}

// View runs fn in a read transaction (a consistent snapshot).
func (s *Store) View(fn func(*Tx) error) error {
	return guard(s.path, func() error {
		return s.db.View(func(tx *bolt.Tx) error { return fn(&Tx{tx, s}) })
	})
}

// Read is View for a read that answers one value: Read(st, (*Tx).Users).
func Read[T any](s *Store, fn func(*Tx) (T, error)) (T, error) {
	var v T
	err := s.View(func(tx *Tx) error {
		var err error
		v, err = fn(tx)
		return err
	})
	return v, err
}

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }

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

// Init makes path a workspace: a missing or empty (0-byte) file becomes a new
// one (created is true); an existing workspace is opened, and upgraded if it
// is older. Anything else is refused as by Open.
func Init(path string, o Options) (s *Store, created bool, err error) {
	st, err := os.Stat(path)
	created = errors.Is(err, fs.ErrNotExist) || err == nil && st.Mode().IsRegular() && st.Size() == 0
	o.Init, o.ReadOnly = true, false
	s, err = Open(path, o)
	return s, created, err
}
