package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

// Before bbolt maps a file into memory, Slate reads its two header (meta)
// pages itself: a file cut short would otherwise kill the process with SIGBUS
// the first time bbolt touches a page past its end, and a file that is not a
// database at all would be taken for a new one.

// ErrDamaged means the file is a database but cannot be read safely.
var ErrDamaged = errors.New("the database file is damaged")

// ErrNotSlate means the file is not a Slate database (empty, another format,
// or another program's bbolt file).
var ErrNotSlate = errors.New("not a Slate database")

// ErrNoDatabase means there is no database file where a read-only command looked.
var ErrNoDatabase = errors.New("no Slate database here")

// ErrNeedsMigration means a read-only open found an older schema, which only
// a read-write open can bring up to date.
var ErrNeedsMigration = errors.New("the database needs an upgrade that a read-only open cannot make")

// bbolt's file format (go.etcd.io/bbolt internal/common): a 16-byte page
// header, then the meta fields in the machine's byte order; the checksum is
// FNV-64a over the fields before it.
const (
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	boltPageHeader   = 16
	boltMetaLen      = 64 // magic … checksum
	boltNoFreelist   = ^uint64(0)
	boltMinPageSize  = 1024
	boltMaxPageProbe = 14 // bbolt probes page sizes 1 KiB << 0..14
)

// MetaPage is what one of the two header pages says.
type MetaPage struct {
	Offset   int64  `json:"offset"`
	Valid    bool   `json:"valid"`
	Problem  string `json:"problem,omitempty"`
	PageSize uint32 `json:"page_size,omitempty"`
	TxID     uint64 `json:"txid,omitempty"`
	Pages    uint64 `json:"pages,omitempty"` // high-water mark: pages the file must hold
	Root     uint64 `json:"root,omitempty"`
	Freelist uint64 `json:"freelist,omitempty"`
	magic    bool
}

// Header is the outcome of reading a database file's header pages.
type Header struct {
	Size  int64       `json:"size"`
	Metas [2]MetaPage `json:"metas"`
	// Use is the meta page bbolt would use (the valid one with the higher
	// transaction id), -1 when neither is valid.
	Use int `json:"use"`
	// Need is the size in bytes the file must have for that meta page.
	Need int64 `json:"need,omitempty"`
}

func parseMeta(b []byte, off int64) MetaPage {
	m := MetaPage{Offset: off}
	if len(b) < boltPageHeader+boltMetaLen {
		m.Problem = "the file ends inside this header page"
		return m
	}
	f := b[boltPageHeader:]
	ne := binary.NativeEndian
	m.magic = ne.Uint32(f[0:]) == boltMagic
	if !m.magic {
		m.Problem = "no database marker"
		return m
	}
	if v := ne.Uint32(f[4:]); v != boltVersion {
		m.Problem = fmt.Sprintf("file format version %d (this Slate reads version %d)", v, boltVersion)
		return m
	}
	h := fnv.New64a()
	h.Write(f[:56])
	if h.Sum64() != ne.Uint64(f[56:]) {
		m.Problem = "its checksum does not match (the page was overwritten)"
		return m
	}
	m.PageSize = ne.Uint32(f[8:])
	m.Root = ne.Uint64(f[16:])
	m.Freelist = ne.Uint64(f[32:])
	m.Pages = ne.Uint64(f[40:])
	m.TxID = ne.Uint64(f[48:])
	switch {
	case m.PageSize < boltMinPageSize || m.PageSize&(m.PageSize-1) != 0:
		m.Problem = fmt.Sprintf("page size %d is impossible", m.PageSize)
	case m.Pages < 4 || m.Root >= m.Pages || m.Freelist >= m.Pages && m.Freelist != boltNoFreelist:
		m.Problem = fmt.Sprintf("its page numbers are inconsistent (root %d, freelist %d, %d pages)", m.Root, m.Freelist, m.Pages)
	default:
		m.Valid = true
	}
	return m
}

// ReadHeader reads the two meta pages of a bbolt file the way bbolt finds
// them, without mapping the file.
func ReadHeader(f io.ReaderAt, size int64) Header {
	h := Header{Size: size, Use: -1}
	read := func(off int64) []byte {
		buf := make([]byte, 4096)
		n, _ := f.ReadAt(buf, off)
		return buf[:n]
	}
	h.Metas[0] = parseMeta(read(0), 0)
	pageSize := int64(h.Metas[0].PageSize)
	if h.Metas[0].Valid {
		h.Metas[1] = parseMeta(read(pageSize), pageSize)
	} else {
		// The first page is gone: find the second as bbolt does, trying page sizes.
		h.Metas[1] = MetaPage{Offset: -1, Problem: "not found"}
		for i := 0; i <= boltMaxPageProbe; i++ {
			off := int64(boltMinPageSize) << i
			if off >= size-boltMinPageSize {
				break
			}
			m := parseMeta(read(off), off)
			if m.Valid {
				h.Metas[1] = m
				break
			}
			if m.magic && h.Metas[1].Offset < 0 {
				h.Metas[1] = m // report why it failed
			}
		}
	}
	m0, m1 := h.Metas[0], h.Metas[1]
	switch {
	case m0.Valid && (!m1.Valid || m0.TxID >= m1.TxID):
		h.Use = 0
	case m1.Valid:
		h.Use = 1
	}
	if h.Use >= 0 {
		m := h.Metas[h.Use]
		h.Need = int64(m.Pages) * int64(m.PageSize)
	}
	return h
}

// Check says whether the file can be opened: nil, or an error wrapping
// ErrNotSlate or ErrDamaged that says what is wrong.
func (h Header) Check() error {
	if h.Size == 0 {
		return fmt.Errorf("%w: the file is empty (0 bytes)", ErrNotSlate)
	}
	if !h.Metas[0].magic && !h.Metas[1].magic {
		return fmt.Errorf("%w: it does not start with a database header", ErrNotSlate)
	}
	if h.Use < 0 {
		return fmt.Errorf("%w: both header pages are unreadable (first: %s; second: %s)", ErrDamaged, h.Metas[0].Problem, h.Metas[1].Problem)
	}
	if h.Size < h.Need {
		return fmt.Errorf("%w: it is %s long but its header says it holds %s: the file was cut short (an interrupted copy or download, or a full disk)",
			ErrDamaged, byteSize(h.Size), byteSize(h.Need))
	}
	return nil
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// sniff names a few common formats so "not a Slate database" can say what it is.
func sniff(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	b := make([]byte, 512)
	n, _ := io.ReadFull(f, b)
	b = b[:n]
	switch {
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return "it is a zip archive (an XLSX workbook?)"
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return "it is a PDF document"
	case bytes.HasPrefix(b, []byte("SQLite format 3\x00")):
		return "it is an SQLite database"
	case bytes.HasPrefix(b, []byte("\x1f\x8b")):
		return "it is gzip-compressed"
	}
	text := len(b) > 0
	for _, c := range b {
		if c < 0x09 || c > 0x0d && c < 0x20 && c != 0x1b {
			text = false
			break
		}
	}
	if text {
		return "it is a text file"
	}
	return ""
}

// guard runs fn with memory faults turned into panics, and a panic raised
// while reading the file (in bbolt, or in this package's decoding) into an
// error: a damaged page must not kill the process with a goroutine dump.
// bbolt rolls the transaction back before the panic reaches us. A panic in a
// caller's code is not the file's fault and goes on.
func guard(path string, fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer func() {
		debug.SetPanicOnFault(old)
		if r := recover(); r != nil {
			if !panickedReading() {
				panic(r)
			}
			err = &pageError{path, r}
		}
	}()
	return fn()
}

// panickedReading reports whether the panic being recovered was raised in
// bbolt or in this package (called from the deferred function of guard).
func panickedReading() bool {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			return strings.HasPrefix(f.Function, "go.etcd.io/bbolt") || strings.HasPrefix(f.Function, "slate/internal/storage.")
		}
		if !more {
			return false
		}
	}
}

// pageError is a panic or memory fault met while reading the file.
type pageError struct {
	path  string
	cause any
}

func (e *pageError) Error() string {
	return fmt.Sprintf("%s: %v: reading it failed (%v)%s", e.path, ErrDamaged, e.cause, damagedHelp(e.path))
}

func (e *pageError) Unwrap() error { return ErrDamaged }

// Brief is err without the advice a damaged-page error carries, for reports
// that give their own.
func Brief(err error) string { return short(err) }

// short is the error without the advice, for doctor's own report.
func short(err error) string {
	var pe *pageError
	if errors.As(err, &pe) {
		return fmt.Sprintf("a damaged page (%v)", pe.cause)
	}
	return err.Error()
}

// damagedHelp is what a person can do about a damaged file.
func damagedHelp(path string) string {
	return fmt.Sprintf(". Slate changed nothing. Restore your latest backup (made with `slate backup FILE`, or the %s.schema-N.bak kept before an upgrade) and run `slate doctor %s` to see what can be saved",
		path, path)
}
