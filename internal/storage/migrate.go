package storage

import (
	"fmt"
	"os"
)

// migration moves the schema from version To-1 to To.
type migration struct {
	To   uint64
	Name string
	Run  func(tx *Tx) error
}

// migrations run in order; append new steps, never edit old ones.
var migrations = []migration{
	{1, "create meta, defs and audit buckets", func(tx *Tx) error { return nil }},
	{2, "record the data hash of every published batch", backfillDataHashes},
	{3, "create the cmdb bucket", func(tx *Tx) error { _, err := tx.tx.CreateBucketIfNotExists(bucketCMDB); return err }},
	// runMigrations creates the buckets listed in schema.go before the steps run.
	{4, "create the improvement loop's buckets (actions, RCAs, reviews, meetings, improvements, approvals, outbox)", func(tx *Tx) error { return nil }},
}

// SchemaVersion is the version this build writes.
func SchemaVersion() uint64 { return migrations[len(migrations)-1].To }

func (s *Store) migrate() error {
	var have uint64
	if err := s.View(func(tx *Tx) error {
		if b := tx.tx.Bucket(bucketMeta); b != nil {
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
	if s.readOnly {
		return fmt.Errorf("%s: %w: it is at schema %d and this Slate needs %d. Upgrade it once with `slate init --db %s` (a backup is kept beside it), or upgrade a writable copy",
			s.path, ErrNeedsMigration, have, want, s.path)
	}
	if have > 0 {
		backup := fmt.Sprintf("%s.schema-%d.bak", s.path, have)
		os.Remove(backup)
		if _, err := s.Backup(backup); err != nil {
			return fmt.Errorf("backup before migration: %w", err)
		}
	}
	return s.Update(func(tx *Tx) error {
		return runMigrations(tx, have, migrations)
	})
}

func runMigrations(t *Tx, have uint64, steps []migration) error {
	tx := t.tx
	for _, name := range topBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	for _, m := range steps {
		if m.To <= have {
			continue
		}
		if err := m.Run(t); err != nil {
			return fmt.Errorf("migration to schema %d (%s): %w", m.To, m.Name, err)
		}
		if err := tx.Bucket(bucketMeta).Put(keySchema, u64(m.To)); err != nil {
			return err
		}
	}
	return nil
}
