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
}

// migrations run in order; append new steps, never edit old ones.
var migrations = []migration{
	{1, "create meta, defs and audit buckets", func(tx *bolt.Tx) error { return nil }},
	// runMigrations creates the buckets listed in schema.go before the steps run.
	{2, "create the improvement loop's buckets (actions, RCAs, reviews, meetings, improvements, approvals, outbox)", func(tx *bolt.Tx) error { return nil }},
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
		backup := fmt.Sprintf("%s.schema-%d.bak", s.path, have)
		os.Remove(backup)
		if _, err := s.Backup(backup); err != nil {
			return fmt.Errorf("backup before migration: %w", err)
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
