// Command archive writes a reproducible .tar.gz or .zip: entries in name
// order under one top folder, every time stamp set to -mtime (the commit time,
// SOURCE_DATE_EPOCH), owner root, modes 0755 for executables and 0644 for the
// rest, and no gzip name or time. The same inputs give the same bytes.
//
//	go run ./scripts/archive -o dist/slate-1.0.0-linux-amd64.tar.gz -mtime 1795935148 \
//	    slate-1.0.0-linux-amd64/slate=bin/slate slate-1.0.0-linux-amd64/LICENSE=LICENSE
package main

import (
	"archive/tar"
	"archive/zip"
	"compress/flate"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// entry is one file in the archive: its name inside and where it comes from.
type entry struct {
	name, src string
	exec      bool
}

func main() {
	out := flag.String("o", "", "archive to write: NAME.tar.gz or NAME.zip")
	mtime := flag.String("mtime", os.Getenv("SOURCE_DATE_EPOCH"), "time stamp of every entry, in seconds since 1970 (default $SOURCE_DATE_EPOCH)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: archive -o OUT.tar.gz|OUT.zip [-mtime EPOCH] NAME=FILE...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if err := run(*out, *mtime, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "archive:", err)
		os.Exit(1)
	}
}

func run(out, mtime string, args []string) error {
	if out == "" || len(args) == 0 {
		return fmt.Errorf("need -o and at least one NAME=FILE")
	}
	secs, err := strconv.ParseInt(mtime, 10, 64)
	if err != nil {
		return fmt.Errorf("-mtime %q: want seconds since 1970 (SOURCE_DATE_EPOCH)", mtime)
	}
	at := time.Unix(secs, 0).UTC()
	var entries []entry
	for _, a := range args {
		name, src, ok := strings.Cut(a, "=")
		if !ok || name == "" || src == "" || path.IsAbs(name) || strings.Contains(name, "..") {
			return fmt.Errorf("%q: want NAME=FILE with a relative NAME", a)
		}
		fi, err := os.Stat(src)
		if err != nil {
			return err
		}
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s: not a regular file", src)
		}
		entries = append(entries, entry{name: name, src: src, exec: fi.Mode()&0o111 != 0})
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.name, b.name) })
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	switch {
	case strings.HasSuffix(out, ".tar.gz"):
		err = writeTarGz(f, entries, at)
	case strings.HasSuffix(out, ".zip"):
		err = writeZip(f, entries, at)
	default:
		err = fmt.Errorf("%s: the name must end in .tar.gz or .zip", out)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out)
	}
	return err
}

// dirs lists every folder above the entries, parents first.
func dirs(entries []entry) []string {
	var ds []string
	for _, e := range entries {
		for d := path.Dir(e.name); d != "." && d != "/"; d = path.Dir(d) {
			if !slices.Contains(ds, d+"/") {
				ds = append(ds, d+"/")
			}
		}
	}
	slices.Sort(ds)
	return ds
}

func mode(e entry) int64 {
	if e.exec {
		return 0o755
	}
	return 0o644
}

func writeTarGz(w io.Writer, entries []entry, at time.Time) error {
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	hdr := func(name string, typ byte, mode, size int64) *tar.Header {
		return &tar.Header{Typeflag: typ, Name: name, Mode: mode, Size: size, ModTime: at,
			Uname: "root", Gname: "root", Format: tar.FormatUSTAR}
	}
	for _, d := range dirs(entries) {
		if err := tw.WriteHeader(hdr(d, tar.TypeDir, 0o755, 0)); err != nil {
			return err
		}
	}
	for _, e := range entries {
		data, err := os.ReadFile(e.src)
		if err != nil {
			return err
		}
		if err := tw.WriteHeader(hdr(e.name, tar.TypeReg, mode(e), int64(len(data)))); err != nil {
			return fmt.Errorf("%s: %w", e.name, err)
		}
		if _, err := tw.Write(data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func writeZip(w io.Writer, entries []entry, at time.Time) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, d := range dirs(entries) {
		h := &zip.FileHeader{Name: d, Method: zip.Store, Modified: at}
		h.SetMode(os.ModeDir | 0o755)
		if _, err := zw.CreateHeader(h); err != nil {
			return err
		}
	}
	for _, e := range entries {
		data, err := os.ReadFile(e.src)
		if err != nil {
			return err
		}
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: at}
		h.SetMode(os.FileMode(mode(e)))
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}
