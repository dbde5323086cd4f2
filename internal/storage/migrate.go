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
	// Bulk, when set, runs before the transaction of every Run, in
	// transactions of its own (work too big for one): it must be safe to
	// run again after a crash part way, since the schema version moves only
	// with Run.
	Bulk func(s *Store) error
}

// migrations run in order; append new steps, never edit old ones.
var migrations = []migration{
	{To: 1, Name: "create meta, defs and audit buckets", Run: func(tx *Tx) error { return nil }},
	{To: 2, Name: "record the data hash of every published batch", Run: backfillDataHashes},
	{To: 3, Name: "create the cmdb bucket", Run: func(tx *Tx) error { _, err := tx.tx.CreateBucketIfNotExists(bucketCMDB); return err }},
	// runMigrations creates the buckets listed in schema.go before the steps run.
	{To: 4, Name: "create the improvement loop's buckets (actions, RCAs, reviews, meetings, improvements, approvals, outbox)", Run: func(tx *Tx) error { return nil }},
	// Its Bulk converts the points before any step reads them (step 2 does).
	{To: 5, Name: "compress stored points into column blocks; index the spans of published batches", Run: func(tx *Tx) error {
		if tx.tx.Bucket(bucketPointsV1) != nil {
			return fmt.Errorf("schema-1 points remain in bucket %q", bucketPointsV1)
		}
		return indexBatchSpans(tx.tx)
	}, Bulk: (*Store).convertV1Points},
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

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
