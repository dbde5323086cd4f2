package storage

import (
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// migration moves the schema from version To-1 to To.
type migration struct {
	To   uint64
	Name string
	Run  func(tx *bolt.Tx) error
	// Bulk, when set, runs before the transaction of Run, in transactions of
	// its own (work too big for one): it must be safe to run again after a
	// crash part way, since the schema version moves only with Run.
	Bulk func(s *Store) error
}

// migrations run in order; append new steps, never edit old ones.
var migrations = []migration{
	{To: 1, Name: "create meta, defs and audit buckets", Run: func(tx *bolt.Tx) error { return nil }},
	{To: 2, Name: "compress stored points into column blocks; index the spans of published batches", Run: func(tx *bolt.Tx) error {
		if tx.Bucket(bucketPointsV1) != nil {
			return fmt.Errorf("schema-1 points remain in bucket %q", bucketPointsV1)
		}
		return indexBatchSpans(tx)
	}, Bulk: (*Store).convertV1Points},
}

// SchemaVersion is the version this build writes.
func SchemaVersion() uint64 { return migrations[len(migrations)-1].To }

func (s *Store) migrate() error {
	var have uint64
	if err := s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketMeta); b != nil {
			have = fromU64(b.Get(keySchema))
		}
		return nil
	}); err != nil {
		return err
	}
	want := SchemaVersion()
	if have > want {
		return fmt.Errorf("%s: schema %d, this Slate knows up to %d: %w", s.path, have, want, ErrNewerSchema)
	}
	if have == want {
		return nil
	}
	if have > 0 {
		// An existing backup is never overwritten: it may be the file as
		// it was before an attempt that did not finish.
		backup := fmt.Sprintf("%s.schema-%d.bak", s.path, have)
		for n := 2; fileExists(backup); n++ {
			backup = fmt.Sprintf("%s.schema-%d.%d.bak", s.path, have, n)
		}
		if _, err := s.Backup(backup); err != nil {
			return fmt.Errorf("backup before migration: %w", err)
		}
	}
	for _, m := range migrations {
		if m.To > have && m.Bulk != nil {
			if err := m.Bulk(s); err != nil {
				return fmt.Errorf("migration to schema %d (%s): %w", m.To, m.Name, err)
			}
		}
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		return runMigrations(tx, have, migrations)
	})
}

func runMigrations(tx *bolt.Tx, have uint64, steps []migration) error {
	for _, name := range topBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	for _, m := range steps {
		if m.To <= have {
			continue
		}
		if err := m.Run(tx); err != nil {
			return fmt.Errorf("migration to schema %d (%s): %w", m.To, m.Name, err)
		}
		if err := tx.Bucket(bucketMeta).Put(keySchema, u64(m.To)); err != nil {
			return err
		}
	}
	return nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
