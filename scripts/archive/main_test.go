package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestArchivesAreReproducible(t *testing.T) {
	dir := t.TempDir()
	bin, doc := filepath.Join(dir, "slate"), filepath.Join(dir, "README.md")
	os.WriteFile(bin, []byte("#!/bin/sh\necho slate\n"), 0o700)
	os.WriteFile(doc, []byte("# Slate\n"), 0o600)
	const epoch = 1795935148
	at := time.Unix(epoch, 0).UTC()
	args := []string{"top/slate=" + bin, "top/README.md=" + doc}
	for _, ext := range []string{".tar.gz", ".zip"} {
		a, b := filepath.Join(dir, "a"+ext), filepath.Join(dir, "b"+ext)
		if err := run(a, "1795935148", args); err != nil {
			t.Fatal(err)
		}
		// Later, with the inputs touched and listed in another order: same bytes.
		os.Chtimes(bin, time.Now(), time.Now())
		if err := run(b, "1795935148", []string{args[1], args[0]}); err != nil {
			t.Fatal(err)
		}
		ra, _ := os.ReadFile(a)
		rb, _ := os.ReadFile(b)
		if !bytes.Equal(ra, rb) {
			t.Fatalf("%s: two runs differ", ext)
		}
	}

	// The tar.gz as a reader sees it.
	f, _ := os.Open(filepath.Join(dir, "a.tar.gz"))
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	if gz.Name != "" || !gz.ModTime.IsZero() {
		t.Errorf("gzip header carries name %q, time %v", gz.Name, gz.ModTime)
	}
	tr := tar.NewReader(gz)
	var names []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
		if !h.ModTime.Equal(at) || h.Uid != 0 || h.Gid != 0 || h.Uname != "root" {
			t.Errorf("%s: mtime %v uid %d gid %d uname %q", h.Name, h.ModTime, h.Uid, h.Gid, h.Uname)
		}
		want := map[string]int64{"top/": 0o755, "top/README.md": 0o644, "top/slate": 0o755}[h.Name]
		if h.Mode != want {
			t.Errorf("%s: mode %o, want %o", h.Name, h.Mode, want)
		}
	}
	if !slices.Equal(names, []string{"top/", "top/README.md", "top/slate"}) {
		t.Errorf("tar entries %v", names)
	}

	// The zip as a reader sees it.
	zr, err := zip.OpenReader(filepath.Join(dir, "a.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	names = nil
	for _, zf := range zr.File {
		names = append(names, zf.Name)
		if !zf.Modified.Equal(at) {
			t.Errorf("%s: modified %v", zf.Name, zf.Modified)
		}
	}
	if !slices.Equal(names, []string{"top/", "top/README.md", "top/slate"}) {
		t.Errorf("zip entries %v", names)
	}
	if m := zr.File[2].Mode(); m.Perm() != 0o755 {
		t.Errorf("slate in zip: mode %v", m)
	}
}

func TestArchiveRefusesBadNames(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "f")
	os.WriteFile(src, []byte("x"), 0o644)
	for _, arg := range []string{"../f=" + src, "/abs=" + src, "noequals", "x=" + filepath.Join(dir, "missing")} {
		if err := run(filepath.Join(dir, "o.zip"), "0", []string{arg}); err == nil {
			t.Errorf("%q accepted", arg)
		}
	}
	if err := run(filepath.Join(dir, "o.rar"), "0", []string{"f=" + src}); err == nil {
		t.Error(".rar accepted")
	}
	if err := run(filepath.Join(dir, "o.zip"), "yesterday", []string{"f=" + src}); err == nil {
		t.Error("-mtime yesterday accepted")
	}
}
