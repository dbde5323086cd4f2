package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func fixedClock() func() time.Time {
	t := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(time.Second); return t }
}

func openTest(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path, Options{Actor: "tester", Now: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDatabaseInUse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "slate.db")
	s := openTest(t, path)
	defer s.Close()
	start := time.Now()
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second open: err = %v, want ErrInUse", err)
	}
	if !strings.Contains(err.Error(), "database in use") {
		t.Errorf("message %q does not say the database is in use", err)
	}
	// the lock wait is one second; this catches a hang, not slowness on busy cores
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("second open took %v: it waits instead of saying the database is in use", d)
	}
}

func TestMigrations(t *testing.T) {
	calls := []uint64{}
	step := func(v uint64) migration {
		return migration{To: v, Name: "step", Run: func(tx *Tx) error { calls = append(calls, v); return nil }}
	}
	steps := []migration{step(1), step(2), step(3)}
	tests := []struct {
		name string
		have uint64
		want []uint64
	}{
		{"fresh file runs every step", 0, []uint64{1, 2, 3}},
		{"old file runs the missing steps in order", 1, []uint64{2, 3}},
		{"current file runs nothing", 3, []uint64{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			calls = []uint64{}
			db, err := bolt.Open(filepath.Join(t.TempDir(), "m.db"), 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			err = db.Update(func(tx *bolt.Tx) error {
				if err := runMigrations(&Tx{tx: tx}, tc.have, steps); err != nil {
					return err
				}
				if got := fromU64(tx.Bucket(bucketMeta).Get(keySchema)); tc.have < 3 && got != 3 {
					t.Errorf("schema = %d, want 3", got)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(calls) != len(tc.want) {
				t.Fatalf("ran %v, want %v", calls, tc.want)
			}
			for i := range calls {
				if calls[i] != tc.want[i] {
					t.Fatalf("ran %v, want %v", calls, tc.want)
				}
			}
		})
	}
}

func TestMigrationBacksUpAndRefusesNewer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "slate.db")
	s := openTest(t, path)
	// Pretend the file is older than this build, then reopen: a backup appears.
	if err := s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, u64(0x7fff)) }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(path, Options{}); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("newer schema: err = %v", err)
	}
	db, _ := bolt.Open(path, 0o600, nil)
	db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, u64(SchemaVersion())) })
	db.Close()
	// An older version: simulate by making the build's list longer.
	old := migrations
	defer func() { migrations = old }()
	migrations = append(append([]migration{}, old...), migration{To: SchemaVersion() + 1, Name: "test step", Run: func(tx *Tx) error { return nil }})
	s = openTest(t, path)
	s.Close()
	if _, err := os.Stat(path + ".schema-" + strconv.FormatUint(old[len(old)-1].To, 10) + ".bak"); err != nil {
		t.Fatalf("no backup before migration: %v", err)
	}
}

func auditSome(t *testing.T, s *Store, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		if err := s.Update(func(tx *Tx) error {
			_, err := tx.Audit("definition.created", "Service/svc-"+string(rune('a'+i)), map[string]int{"i": i})
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
}

func verify(t *testing.T, s *Store) Verification {
	t.Helper()
	var v Verification
	if err := s.View(func(tx *Tx) error { var err error; v, err = tx.VerifyAudit(); return err }); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestAuditTamperInFile changes one byte of a stored event in the file itself.
func TestAuditTamperInFile(t *testing.T) {
	for _, target := range []string{"svc-c", "tester", "definition.created"} {
		t.Run(target, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "slate.db")
			s := openTest(t, path)
			auditSome(t, s, 5)
			if v := verify(t, s); !v.OK || v.Events != 5 {
				t.Fatalf("fresh chain: %+v", v)
			}
			var stored []byte
			s.View(func(tx *Tx) error { stored = bytes.Clone(tx.tx.Bucket(bucketAudit).Get(u64(3))); return nil })
			s.Close()
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			// Flip one byte inside event 3's value (every copy bbolt still has of that page).
			i := bytes.Index(stored, []byte(target))
			if i < 0 {
				t.Fatalf("%q not in event 3", target)
			}
			n := 0
			for off := bytes.Index(raw, stored); off >= 0; {
				raw[off+i] ^= 0x01
				n++
				next := bytes.Index(raw[off+1:], stored)
				if next < 0 {
					break
				}
				off += 1 + next
			}
			if n == 0 {
				t.Fatal("event bytes not found in the file")
			}
			if err := os.WriteFile(path, raw, 0o600); err != nil {
				t.Fatal(err)
			}
			s = openTest(t, path)
			defer s.Close()
			v := verify(t, s)
			if v.OK || v.FirstBad != 3 {
				t.Fatalf("after tampering: %+v, want first bad event 3", v)
			}
		})
	}
}

func TestAuditRemovedAndReordered(t *testing.T) {
	tests := []struct {
		name     string
		tamper   func(b *bolt.Bucket, meta *bolt.Bucket)
		firstBad uint64
	}{
		{"middle event removed", func(b, _ *bolt.Bucket) { b.Delete(u64(2)) }, 2},
		{"last event removed", func(b, _ *bolt.Bucket) { b.Delete(u64(4)) }, 4},
		{"two events swapped", func(b, _ *bolt.Bucket) {
			e2, e3 := bytes.Clone(b.Get(u64(2))), bytes.Clone(b.Get(u64(3)))
			b.Put(u64(2), e3)
			b.Put(u64(3), e2)
		}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openTest(t, filepath.Join(t.TempDir(), "slate.db"))
			defer s.Close()
			auditSome(t, s, 4)
			s.db.Update(func(tx *bolt.Tx) error { tc.tamper(tx.Bucket(bucketAudit), tx.Bucket(bucketMeta)); return nil })
			if v := verify(t, s); v.OK || v.FirstBad != tc.firstBad {
				t.Fatalf("got %+v, want first bad %d", v, tc.firstBad)
			}
		})
	}
}

func TestBackupIsConsistentCopy(t *testing.T) {
	dir := t.TempDir()
	s := openTest(t, filepath.Join(dir, "slate.db"))
	auditSome(t, s, 3)
	if _, err := s.Backup(filepath.Join(dir, "copy.db")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	c := openTest(t, filepath.Join(dir, "copy.db"))
	defer c.Close()
	if v := verify(t, c); !v.OK || v.Events != 3 {
		t.Fatalf("copy: %+v", v)
	}
}
