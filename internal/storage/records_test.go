package storage

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

type note struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

func TestRecords(t *testing.T) {
	s := openTest(t, filepath.Join(t.TempDir(), "slate.db"))
	defer s.Close()
	var ids []string
	err := s.Update(func(tx *Tx) error {
		for _, text := range []string{"first", "second"} {
			id, err := tx.NewRecordID(Actions)
			if err != nil {
				return err
			}
			ids = append(ids, id)
			if err := tx.PutRecord(Actions, id, note{id, text}); err != nil {
				return err
			}
		}
		if err := tx.PutRecordIndex(RCAs, "run-key", "RCA-7"); err != nil {
			return err
		}
		_, err := tx.AuditAs("maria", "action.add", "Action/"+ids[0], nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if ids[0] != "A-1" || ids[1] != "A-2" {
		t.Fatalf("ids %v, want A-1, A-2", ids)
	}
	err = s.View(func(tx *Tx) error {
		got, err := Get[note](tx, Actions, "a-2")
		if err != nil || got.Text != "second" {
			t.Errorf("Get(a-2) = %+v, %v", got, err)
		}
		all, err := List[note](tx, Actions)
		if err != nil || len(all) != 2 || all[0].ID != "A-1" {
			t.Errorf("List = %+v, %v", all, err)
		}
		none, err := List[note](tx, Meetings)
		if err != nil || len(none) != 0 {
			t.Errorf("List(meetings) = %+v, %v; want empty", none, err)
		}
		if _, err := Get[note](tx, Actions, "A-9"); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "action A-9 does not exist") {
			t.Errorf("Get(A-9) error = %v", err)
		}
		if _, err := Get[note](tx, Actions, "RCA-1"); err == nil || !strings.Contains(err.Error(), `"RCA-1" is not a valid action id (write A-N`) {
			t.Errorf("Get(RCA-1) error = %v", err)
		}
		if id, ok := tx.RecordIndex(RCAs, "run-key"); !ok || id != "RCA-7" {
			t.Errorf("RecordIndex = %q, %v", id, ok)
		}
		if _, ok := tx.RecordIndex(RCAs, "other"); ok {
			t.Error("RecordIndex found a key never stored")
		}
		evs, err := tx.AuditEvents(0)
		if err != nil || len(evs) != 1 || evs[0].Actor != "maria" {
			t.Errorf("audit = %+v, %v; want one event by maria", evs, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if v := verify(t, s); !v.OK {
		t.Fatalf("audit chain broken: %+v", v)
	}
	if s.Actor() != "tester" {
		t.Fatalf("AuditAs changed the store's actor to %q", s.Actor())
	}
	err = s.Update(func(tx *Tx) error { _, err := tx.AuditAs(" ", "x", "y", nil); return err })
	if !errors.Is(err, ErrNoActor) {
		t.Fatalf("AuditAs without an actor: %v", err)
	}
}

// A database made before the loop's buckets existed gets them on open, and
// its other data stays.
func TestLoopBucketsMigrate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "slate.db")
	s := openTest(t, path)
	auditSome(t, s, 2)
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketActions, bucketRCAs, bucketOutbox, bucketLoopIndex} {
			tx.DeleteBucket(b)
		}
		return tx.Bucket(bucketMeta).Put(keySchema, u64(1))
	})
	db.Close()
	s = openTest(t, path)
	defer s.Close()
	err = s.View(func(tx *Tx) error {
		for _, b := range [][]byte{bucketActions, bucketRCAs, bucketOutbox, bucketLoopIndex} {
			if tx.tx.Bucket(b) == nil {
				t.Errorf("bucket %s missing after migration", b)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if v := verify(t, s); !v.OK || v.Events != 2 {
		t.Fatalf("audit after migration: %+v", v)
	}
}
