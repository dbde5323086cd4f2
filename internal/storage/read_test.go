package storage

import (
	"errors"
	"path/filepath"
	"testing"
)

// Read answers one value of a read transaction, or its error.
func TestRead(t *testing.T) {
	s := openTest(t, filepath.Join(t.TempDir(), "slate.db"))
	defer s.Close()
	us, err := Read(s, (*Tx).Users)
	if err != nil || len(us) != 0 {
		t.Fatalf("users of a new store: %v %v", us, err)
	}
	boom := errors.New("boom")
	if n, err := Read(s, func(*Tx) (int, error) { return 7, boom }); n != 7 || !errors.Is(err, boom) {
		t.Errorf("Read = %d, %v", n, err)
	}
}
