package app

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDialogHelpers(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "evidence.pdf")
	if err := os.WriteFile(p, []byte("%PDF-1.4"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "saved.bin")
	if err := writeFromUI(out, []byte("abc")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "abc" {
		t.Fatalf("writeFromUI wrote %q", b)
	}
	if err := writeFromUI(dir, []byte("x")); err == nil || writeFromUI("", nil) == nil {
		t.Fatal("writeFromUI accepted a folder or an empty path")
	}
	if d, err := folderOf(p); err != nil || d != dir {
		t.Fatalf("folderOf(file) = %q %v", d, err)
	}
	if d, err := folderOf(dir); err != nil || d != dir {
		t.Fatalf("folderOf(dir) = %q %v", d, err)
	}
	if _, err := folderOf(filepath.Join(dir, "gone")); err == nil {
		t.Fatal("folderOf a missing path")
	}
	for goos, want := range map[string]string{"linux": "xdg-open", "darwin": "open", "windows": "explorer"} {
		if c := openFolderCommand(goos, dir); filepath.Base(c.Args[0]) != want || c.Args[1] != dir {
			t.Errorf("%s: %v", goos, c.Args)
		}
	}
}
