package storage_test

import (
	"path/filepath"
	"testing"

	"slate/internal/storage"
)

// TestGuardLeavesCallersPanics: a bug in a caller's code (here, a write to a
// nil map inside a read transaction) is not reported as a damaged file.
func TestGuardLeavesCallersPanics(t *testing.T) {
	s, err := storage.Open(filepath.Join(t.TempDir(), "slate.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	defer func() {
		if r := recover(); r == nil {
			t.Error("a caller's panic was swallowed")
		}
	}()
	var m map[string]int
	s.View(func(*storage.Tx) error { m["x"] = 1; return nil })
}
