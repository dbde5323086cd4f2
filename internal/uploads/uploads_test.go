package uploads

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestChunksOwnersAndSweep: a file comes in chunks in order, belongs to its
// sender, is removed once used, and what an earlier run left is swept.
func TestChunksOwnersAndSweep(t *testing.T) {
	u := New(filepath.Join(t.TempDir(), "slate.db"))
	f, err := u.Put("ann", Chunk{Name: "../../etc/orders.csv", Size: 6, Data: []byte("abc")})
	if err != nil || f.Name != "orders.csv" || f.Complete || f.Received != 3 {
		t.Fatalf("first chunk: %+v %v", f, err)
	}
	if _, err := u.Get("ann", f.ID); err == nil || !strings.Contains(err.Error(), "not complete (3 bytes of 6 bytes received)") {
		t.Errorf("incomplete: %v", err)
	}
	if _, err := u.Put("ann", Chunk{ID: f.ID, Offset: 1, Data: []byte("x")}); err == nil {
		t.Error("a chunk out of order was taken")
	}
	if f, err = u.Put("ann", Chunk{ID: f.ID, Offset: 3, Data: []byte("def")}); err != nil || !f.Complete {
		t.Fatalf("last chunk: %+v %v", f, err)
	}
	if _, err := u.Get("bob", f.ID); err == nil || !strings.Contains(err.Error(), "no such upload") {
		t.Errorf("another owner: %v", err)
	}
	up, err := u.Get("ann", f.ID)
	if err != nil || !up.Owned || filepath.Dir(filepath.Dir(up.Path)) != u.Dir() {
		t.Fatalf("get: %+v %v", up, err)
	}
	if b, _ := os.ReadFile(up.Path); string(b) != "abcdef" {
		t.Errorf("stored %q", b)
	}
	u.Done(f.ID)
	if _, err := os.Stat(up.Path); !os.IsNotExist(err) {
		t.Errorf("used upload still there: %v", err)
	}
	if _, err := u.Put("ann", Chunk{Name: "big.csv", Size: MaxSize + 1}); err == nil || !strings.Contains(err.Error(), "may be at most 512.0 MiB") {
		t.Errorf("too big: %v", err)
	}
	left := filepath.Join(u.Dir(), "0123456789abcdef01234567")
	other := filepath.Join(u.Dir(), "not-an-upload")
	os.MkdirAll(left, 0o700)
	os.MkdirAll(other, 0o700)
	u.Sweep()
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Error("a folder left by an earlier run was kept")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("a folder not named like an upload was removed")
	}
}

// Read reads an upload of at most max bytes and names the sizes otherwise.
func TestRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "letter.pdf")
	if err := os.WriteFile(path, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	up := Upload{File: File{Name: "letter.pdf", Size: 5}, Path: path}
	if b, err := up.Read(5); err != nil || string(b) != "hello" {
		t.Fatalf("read %q %v", b, err)
	}
	if _, err := up.Read(4); err == nil || !strings.Contains(err.Error(), "attach files of at most") {
		t.Errorf("a file over the bound: %v", err)
	}
	up.Size = 3 // grew after the upload was registered
	if _, err := up.Read(4); err == nil || !strings.Contains(err.Error(), "is over") {
		t.Errorf("a file that grew: %v", err)
	}
}

// A Download refuses to grow past MaxDownload and keeps what it had.
func TestDownloadBound(t *testing.T) {
	var d Download
	if _, err := d.Write(make([]byte, MaxDownload-1)); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Write([]byte("ab")); err != ErrTooBig || d.Len() != MaxDownload-1 {
		t.Errorf("past the bound: %v, %d bytes", err, d.Len())
	}
}

// WriteFile refuses a folder and the guarded file, and leaves nothing when
// filling fails.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	guard := filepath.Join(dir, "slate.db")
	os.WriteFile(guard, []byte("db"), 0o644)
	fill := func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }
	if WriteFile(dir, guard, false, fill) == nil || WriteFile(guard, guard, false, fill) == nil || WriteFile("", guard, false, fill) == nil {
		t.Fatal("wrote over a folder, the database or nothing")
	}
	out := filepath.Join(dir, "out.txt")
	if err := WriteFile(out, guard, true, fill); err != nil {
		t.Fatal(err)
	}
	if WriteFile(out, guard, true, fill) == nil {
		t.Error("excl wrote over an existing file")
	}
	failed := filepath.Join(dir, "failed.txt")
	if WriteFile(failed, guard, false, func(io.Writer) error { return io.ErrUnexpectedEOF }) == nil {
		t.Fatal("a failed fill succeeded")
	}
	if _, err := os.Stat(failed); !os.IsNotExist(err) {
		t.Errorf("a failed fill left %s", failed)
	}
}
