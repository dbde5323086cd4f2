package anchor_test

import (
	"path/filepath"
	"testing"
	"time"

	"slate/internal/anchor"
	"slate/internal/looptest"
	"slate/internal/storage"
)

// An anchor of the stored head is signed with the key, checks against the
// chain, and a head the chain does not extend is a problem, not an error.
func TestHeadCheck(t *testing.T) {
	st := looptest.Open(t, &looptest.Clock{T: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)})
	if _, err := anchor.Head(st, ""); err == nil {
		t.Fatal("an empty trail was anchored")
	}
	if err := st.Update(func(tx *storage.Tx) error { _, err := tx.Audit("test.event", "Test/1", nil); return err }); err != nil {
		t.Fatal(err)
	}
	key := filepath.Join(t.TempDir(), "anchor.key")
	if _, err := anchor.GenerateKey(key); err != nil {
		t.Fatal(err)
	}
	an, err := anchor.Head(st, key)
	if err != nil || !an.Signed() || an.Seq == 0 {
		t.Fatalf("head: %v %+v", err, an)
	}
	v, sig, err := anchor.Check(st, key, an.JSON(), true)
	if err != nil || !v.OK || sig == "" || v.Anchor == nil || !v.Anchor.OK {
		t.Fatalf("check: %v %q %+v", err, sig, v)
	}
	bad := an
	bad.Hash = "4f2a9c1e8b7d6a5f4e3d2c1b0a99887766554433221100ffeeddccbbaa998877"
	if v, _, err = anchor.Check(st, key, bad.JSON(), true); err != nil || v.Problem == "" {
		t.Errorf("a forged anchor: %v %+v", err, v)
	}
	if _, _, err := anchor.Check(st, "", "not an anchor", true); err == nil {
		t.Error("an unreadable anchor was accepted")
	}
}
