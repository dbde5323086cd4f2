package storage

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// DoctorReport is what `slate doctor` found in a database file: each check,
// what can still be read, and what to do.
type DoctorReport struct {
	File    string        `json:"file"`
	Size    int64         `json:"size"`
	OK      bool          `json:"ok"`
	Header  *Header       `json:"header,omitempty"`
	Schema  uint64        `json:"schema,omitempty"`
	Checks  []DoctorCheck `json:"checks"`
	Savable []string      `json:"savable"`
	Advice  []string      `json:"advice"`
}

// DoctorCheck is one check and its outcome.
type DoctorCheck struct {
	Name   string `json:"name"`
	OK     bool   `json:"ok"`
	Detail string `json:"detail"`
}

func (r *DoctorReport) check(name string, ok bool, format string, args ...any) {
	r.Checks = append(r.Checks, DoctorCheck{Name: name, OK: ok, Detail: fmt.Sprintf(format, args...)})
}

// Salvage is a read-only view of a possibly damaged database: the file itself
// or, when it was cut short, a copy padded with zeros to the length its header
// names (pages that were lost then read as empty and fail their checks
// instead of crashing the process). Close removes the copy.
type Salvage struct {
	*Store
	Padded bool
	tmp    string
}

// Close closes the store and removes any padded copy.
func (s *Salvage) Close() error {
	err := s.Store.Close()
	if s.tmp != "" {
		os.RemoveAll(s.tmp)
	}
	return err
}

// OpenSalvage opens path read-only for doctor and salvage, whatever its
// schema; the file is never written.
func OpenSalvage(path string) (*Salvage, Header, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, Header{}, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, Header{}, err
	}
	h := ReadHeader(f, st.Size())
	if err := h.Check(); err != nil && (!errors.Is(err, ErrDamaged) || h.Use < 0) {
		f.Close()
		return nil, h, err
	}
	sv := &Salvage{}
	open := path
	if h.Size < h.Need {
		sv.tmp, err = os.MkdirTemp("", "slate-doctor-")
		if err == nil {
			open = filepath.Join(sv.tmp, "padded.db")
			err = padCopy(f, open, h.Need)
		}
		if err != nil {
			f.Close()
			os.RemoveAll(sv.tmp)
			return nil, h, fmt.Errorf("copy the file to read it: %w", err)
		}
		sv.Padded = true
	}
	f.Close()
	var db *bolt.DB
	err = guard(path, func() error {
		var err error
		db, err = bolt.Open(open, 0o400, &bolt.Options{Timeout: time.Second, ReadOnly: true})
		return err
	})
	if errors.Is(err, berrors.ErrTimeout) {
		err = fmt.Errorf("%s: %w", path, ErrInUse)
	}
	if err != nil {
		if sv.tmp != "" {
			os.RemoveAll(sv.tmp)
		}
		return nil, h, err
	}
	sv.Store = &Store{db: db, path: path, actor: osUser(), now: time.Now, readOnly: true}
	return sv, h, nil
}

func padCopy(src *os.File, dst string, size int64) error {
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, io.NewSectionReader(src, 0, size))
	if err == nil {
		err = out.Truncate(size)
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// Doctor checks a database file without changing it: the file and its
// header, every page bbolt can reach (and bbolt's own consistency check), the
// schema, the definitions, the audit chain and the data of every published
// batch. It says what is wrong, what can still be read, and what to do.
func Doctor(path string) (r DoctorReport) {
	r = DoctorReport{File: path, Checks: []DoctorCheck{}, Savable: []string{}, Advice: []string{}}
	defer func() {
		r.OK = true
		for _, c := range r.Checks {
			r.OK = r.OK && c.OK
		}
		if !r.OK {
			r.Advice = append(r.Advice, "restore the latest backup (`slate backup FILE` makes one; an upgrade keeps FILE.schema-N.bak), keep this file for comparison, and check the restored one with `slate doctor`")
		}
	}()
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		r.check("file", false, "%s does not exist", path)
		return r
	case err != nil:
		r.check("file", false, "%v", err)
		return r
	case st.IsDir():
		r.check("file", false, "%s is a folder", path)
		return r
	}
	r.Size = st.Size()
	if r.Size == 0 {
		r.check("file", false, "the file is empty (0 bytes): it holds no workspace")
		r.Advice = append(r.Advice, fmt.Sprintf("if it should be a new workspace, run `slate init --db %s`; otherwise restore the file from a backup", path))
		return r
	}
	r.check("file", true, "%s", byteSize(r.Size))

	sv, h, err := OpenSalvage(path)
	r.Header = &h
	if hdrErr := h.Check(); hdrErr != nil {
		r.check("header", false, "%v", hdrErr)
		if errors.Is(hdrErr, ErrNotSlate) {
			if what := sniff(path); what != "" {
				r.Checks[len(r.Checks)-1].Detail += " (" + what + ")"
			}
			r.Advice = append(r.Advice, "this is not a Slate database: check the path (--db or SLATE_DB)")
		}
	} else {
		m := h.Metas[h.Use]
		r.check("header", true, "bbolt file, %d-byte pages, %d pages, transaction %d", m.PageSize, m.Pages, m.TxID)
	}
	if err != nil {
		if !errors.Is(err, ErrNotSlate) && !errors.Is(err, ErrDamaged) {
			r.check("open", false, "%v", err)
		}
		return r
	}
	defer sv.Close()
	if sv.Padded {
		r.Checks[len(r.Checks)-1].Detail += fmt.Sprintf("; the checks below read a copy padded with %s of empty pages, so whatever was in the lost part shows as damaged", byteSize(h.Need-h.Size))
	}
	r.doctorPages(sv.Store, h, path)
	r.doctorContent(sv.Store)
	switch {
	case !r.passed("audit chain"):
		r.doctorScan(path, h)
	case !r.passed("definitions"):
		var evs []AuditEvent
		if sv.View(func(tx *Tx) error { var err error; evs, err = tx.AuditEvents(0); return err }) == nil && len(evs) > 0 {
			if n := len(ReplayDefinitions(evs)); n > 0 {
				r.Savable = append(r.Savable, fmt.Sprintf("%d definitions as of event %d, rebuilt from the audit trail (`--salvage DIR` writes them for `slate apply`)", n, len(evs)))
			}
		}
	}
	return r
}

func (r *DoctorReport) passed(name string) bool {
	for _, c := range r.Checks {
		if c.Name == name {
			return c.OK
		}
	}
	return false
}

// doctorScan looks for intact audit events page by page when the tree that
// leads to them is lost, and says what they still give.
func (r *DoctorReport) doctorScan(path string, h Header) {
	ps, err := ScanPages(path, h)
	if err != nil || len(ps.Events) == 0 {
		return
	}
	detail := fmt.Sprintf("%d audit events with intact hashes found in the pages that survive", len(ps.Events))
	if ps.Linked > 0 {
		detail += fmt.Sprintf("; events 1–%d link into an unbroken chain", ps.Linked)
	} else {
		detail += "; they do not link back to event 1"
		r.Savable = append(r.Savable, fmt.Sprintf("%d audit events, each hash-checked but not an unbroken chain (`--salvage DIR` writes them)", len(ps.Events)))
	}
	r.check("page scan", true, "%s", detail)
	if ps.Linked > 0 {
		r.Savable = append(r.Savable, fmt.Sprintf("audit events 1–%d, read page by page and hash-checked (`--salvage DIR` writes them)", ps.Linked))
		if n := len(ps.Definitions()); n > 0 {
			r.Savable = append(r.Savable, fmt.Sprintf("%d definitions as of event %d, rebuilt from the audit trail (`--salvage DIR` writes them for `slate apply`)", n, ps.Linked))
		}
	}
}

// doctorPages reads every page reachable from the root on this goroutine
// (faults become errors), checks the freelist page by hand, and only then runs
// bbolt's own check, which runs on a goroutine of its own that nothing could
// recover.
func (r *DoctorReport) doctorPages(s *Store, h Header, path string) {
	buckets, keys := 0, 0
	err := s.View(func(tx *Tx) error {
		var walk func(b *bolt.Bucket, name string) error
		walk = func(b *bolt.Bucket, name string) error {
			buckets++
			var prev []byte
			c := b.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				keys++
				if prev != nil && bytes.Compare(prev, k) >= 0 {
					return fmt.Errorf("bucket %s: keys out of order", name)
				}
				prev = append(prev[:0], k...)
				if v == nil {
					if nb := b.Bucket(k); nb != nil {
						if err := walk(nb, name+"/"+printable(k)); err != nil {
							return err
						}
					}
				}
			}
			return nil
		}
		return tx.tx.ForEach(func(name []byte, b *bolt.Bucket) error { return walk(b, string(name)) })
	})
	if err != nil {
		r.check("pages", false, "reading every page failed after %d buckets and %d keys: %v", buckets, keys, short(err))
		return
	}
	if err := checkFreelist(path, h); err != nil {
		r.check("pages", false, "%d buckets and %d keys read; the freelist page is damaged: %v", buckets, keys, short(err))
		return
	}
	var problems []string
	s.View(func(tx *Tx) error {
		for err := range tx.tx.Check() {
			if len(problems) < 10 {
				problems = append(problems, err.Error())
			}
		}
		return nil
	})
	if len(problems) > 0 {
		r.check("pages", false, "%d buckets and %d keys read; bbolt's consistency check: %v", buckets, keys, problems)
		return
	}
	r.check("pages", true, "%d buckets and %d keys read; bbolt's consistency check passed", buckets, keys)
}

func printable(k []byte) string {
	for _, c := range k {
		if c < 0x20 || c > 0x7e {
			return fmt.Sprintf("%x", k)
		}
	}
	return string(k)
}

// checkFreelist reads the freelist page from the file: bbolt's check loads
// it on a goroutine where a damaged page would crash the process.
func checkFreelist(path string, h Header) error {
	m := h.Metas[h.Use]
	if m.Freelist == boltNoFreelist {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	ps := int64(m.PageSize)
	off := int64(m.Freelist) * ps
	hdr := make([]byte, boltPageHeader+8)
	if n, _ := f.ReadAt(hdr, off); n < len(hdr) {
		return fmt.Errorf("page %d lies past the end of the file", m.Freelist)
	}
	ne := binary.NativeEndian
	if flags := ne.Uint16(hdr[8:]); flags != 0x10 {
		return fmt.Errorf("page %d is not a freelist page (flags %#x)", m.Freelist, flags)
	}
	count, idx := uint64(ne.Uint16(hdr[10:])), uint64(0)
	if count == 0xFFFF {
		count, idx = ne.Uint64(hdr[16:]), 1
	}
	span := (int64(ne.Uint32(hdr[12:])) + 1) * ps
	if off+span > h.Size || uint64(span-boltPageHeader)/8 < idx+count {
		return fmt.Errorf("page %d claims %d free pages, more than it can hold", m.Freelist, count)
	}
	ids := make([]byte, count*8)
	if _, err := f.ReadAt(ids, off+boltPageHeader+int64(idx)*8); err != nil {
		return err
	}
	for i := uint64(0); i < count; i++ {
		if id := ne.Uint64(ids[i*8:]); id < 2 || id >= m.Pages {
			return fmt.Errorf("it lists page %d, outside the file's %d pages", id, m.Pages)
		}
	}
	return nil
}

// doctorContent checks what Slate keeps in the file; each part on its own, so
// one damaged part does not hide the others.
func (r *DoctorReport) doctorContent(s *Store) {
	var schema uint64
	err := s.View(func(tx *Tx) error {
		if b := tx.tx.Bucket(bucketMeta); b != nil {
			schema = fromU64(b.Get(keySchema))
		}
		return nil
	})
	switch want := SchemaVersion(); {
	case err != nil:
		r.check("schema", false, "%s", short(err))
	case schema == 0:
		r.check("schema", false, "no Slate schema: this is not a Slate workspace (or its meta bucket was lost)")
		return
	case schema > want:
		r.check("schema", false, "schema %d is newer than this Slate (%d): use a newer Slate", schema, want)
		return
	case schema < want:
		r.Schema = schema
		r.check("schema", true, "schema %d; this Slate upgrades it to %d on the first read-write open (a backup is kept)", schema, want)
	default:
		r.Schema = schema
		r.check("schema", true, "schema %d (current)", schema)
	}

	var defs int
	err = s.View(func(tx *Tx) error {
		ws, err := tx.Workspace()
		if err == nil {
			defs = len(ws.Everything())
		}
		return err
	})
	if err != nil {
		r.check("definitions", false, "%s", short(err))
	} else {
		r.check("definitions", true, "%d definitions readable", defs)
		if defs > 0 {
			r.Savable = append(r.Savable, fmt.Sprintf("%d definitions (`slate doctor FILE --salvage DIR` writes them as YAML for `slate apply`)", defs))
		}
	}

	var chain Verification
	err = s.View(func(tx *Tx) error { var err error; chain, err = tx.Verify(VerifyOptions{Quick: true}); return err })
	switch {
	case err != nil:
		r.check("audit chain", false, "%s", short(err))
	case !chain.OK:
		r.check("audit chain", false, "%s", chain.Problem)
		if chain.FirstBad > 1 {
			r.Savable = append(r.Savable, fmt.Sprintf("audit events 1–%d are intact (`slate audit log` on a restored copy shows what came after)", chain.FirstBad-1))
		}
	default:
		r.check("audit chain", true, "%d events intact, head %s", chain.Events, chain.Head)
		r.Savable = append(r.Savable, fmt.Sprintf("the whole audit trail (%d events)", chain.Events))
	}

	switch {
	case r.Schema == 0:
		r.check("batch data", false, "not checked: the schema could not be read")
		return
	case r.Schema < SchemaVersion():
		r.check("batch data", true, "not checked: this schema records no data hashes yet")
		return
	}
	if err != nil || !chain.OK {
		r.check("batch data", false, "not checked: the audit chain it is checked against is broken")
		return
	}
	var data Verification
	err = s.View(func(tx *Tx) error { var err error; data, err = tx.Verify(VerifyOptions{}); return err })
	switch {
	case err != nil:
		r.check("batch data", false, "%s", short(err))
	case !data.OK:
		r.check("batch data", false, "%s", data.Problem)
		r.Advice = append(r.Advice, "the data differs from what the audit trail recorded: re-import the batch named above from its original file (`slate batch source N -o FILE` on a restored copy), or restore a backup")
	default:
		r.check("batch data", true, "%d published batches, %d points: every batch matches its recorded hash", data.Batches, data.Points)
		if data.Batches > 0 {
			r.Savable = append(r.Savable, fmt.Sprintf("the data of all %d published batches (%d points)", data.Batches, data.Points))
		}
	}
	var sources int
	s.View(func(tx *Tx) error {
		bs, err := tx.Batches("")
		for _, b := range bs {
			if (b.SourceChunks > 0 || b.SourceLines) && b.Status == StatusPublished {
				sources++
			}
		}
		return err
	})
	if sources > 0 {
		r.Savable = append(r.Savable, fmt.Sprintf("the original files of %d batches (`--salvage DIR` writes them, to import again)", sources))
	}
}

// PageScan is what a scan of the raw pages found when the tree that leads to
// them is lost (a file cut short loses bbolt's newest pages, and with them
// usually the root): audit events whose own hash still checks out, wherever
// a leaf page holds them. Events are immutable, so any intact copy will do.
type PageScan struct {
	// Events are the intact events found, by seq; Linked is the last seq of
	// the unbroken chain 1..Linked among them (Events[:Linked]).
	Events []AuditEvent `json:"-"`
	Linked uint64       `json:"linked"`
}

// ScanPages reads every page of the file (as it is, without padding) and
// collects the audit events of leaf pages, including inline buckets.
func ScanPages(path string, h Header) (PageScan, error) {
	var ps PageScan
	if h.Use < 0 {
		return ps, errors.New("no valid header: the page size is unknown")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return ps, err
	}
	size := int(h.Metas[h.Use].PageSize)
	byseq := map[uint64]AuditEvent{}
	var leaf func(p []byte, depth int)
	leaf = func(p []byte, depth int) {
		ne := binary.NativeEndian
		if len(p) < boltPageHeader || ne.Uint16(p[8:]) != 0x02 || depth > 2 {
			return
		}
		n := int(ne.Uint16(p[10:]))
		for i := range n {
			el := boltPageHeader + i*16
			if el+16 > len(p) {
				return
			}
			flags, pos := ne.Uint32(p[el:]), int(ne.Uint32(p[el+4:]))
			ks, vs := int(ne.Uint32(p[el+8:])), int(ne.Uint32(p[el+12:]))
			k0 := el + pos
			if pos < 0 || ks < 0 || vs < 0 || k0+ks+vs > len(p) || k0+ks+vs < k0 {
				continue
			}
			k, v := p[k0:k0+ks], p[k0+ks:k0+ks+vs]
			if flags&1 != 0 { // a bucket: inline ones carry their page after a 16-byte header
				if len(v) > 16 && ne.Uint64(v) == 0 {
					leaf(v[16:], depth+1)
				}
				continue
			}
			if len(k) != 8 || !bytes.HasPrefix(v, []byte(`{"seq":`)) {
				continue
			}
			var e AuditEvent
			dec := json.NewDecoder(bytes.NewReader(v))
			dec.DisallowUnknownFields()
			if dec.Decode(&e) != nil || e.Seq != fromU64(k) {
				continue
			}
			if sum, err := e.computeHash(); err == nil && sum == e.Hash {
				byseq[e.Seq] = e
			}
		}
	}
	for off := 2 * size; off+boltPageHeader <= len(raw); off += size {
		p := raw[off:]
		over := int(binary.NativeEndian.Uint32(p[12:]))
		end := min(len(raw), off+(over+1)*size)
		if over > len(raw)/size {
			end = min(len(raw), off+size)
		}
		leaf(raw[off:end], 0)
	}
	for seq := uint64(1); ; seq++ {
		e, ok := byseq[seq]
		if !ok || seq > 1 && e.Prev != byseq[seq-1].Hash || seq == 1 && e.Prev != "" {
			break
		}
		ps.Linked = seq
	}
	for _, seq := range slices.Sorted(maps.Keys(byseq)) {
		ps.Events = append(ps.Events, byseq[seq])
	}
	return ps, nil
}

// Definitions replays the definition events of the linked chain: the
// workspace's definitions as of event Linked, as canonical JSON documents
// (each one valid YAML for `slate apply`), by kind/name.
func (ps PageScan) Definitions() map[string]json.RawMessage {
	return ReplayDefinitions(ps.Events[:ps.Linked])
}

// ReplayDefinitions rebuilds the definitions from the definition events of
// a chain that starts at event 1: every create and update carries the whole
// definition as canonical JSON, by kind/name.
func ReplayDefinitions(events []AuditEvent) map[string]json.RawMessage {
	out := map[string]json.RawMessage{}
	for _, e := range events {
		if !strings.HasPrefix(e.Action, "definition.") {
			continue
		}
		var d struct {
			Definition json.RawMessage `json:"definition"`
		}
		if json.Unmarshal(e.Details, &d) != nil {
			continue
		}
		if e.Action == "definition.deleted" {
			delete(out, e.Object)
		} else if len(d.Definition) > 0 {
			out[e.Object] = d.Definition
		}
	}
	return out
}
