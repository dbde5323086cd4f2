package app

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"slate/internal/domain"
	"slate/internal/ingest"
	"slate/internal/storage"
)

// Imports brings supplier files into feeds as batches, and manages batches.
type Imports struct {
	store  *storage.Store
	caller Caller
	// jobs runs Start's imports in the background.
	jobs *Jobs
	// uploads holds the files Preview and Start read (imports_upload.go).
	uploads *uploadArea
}

// On-conflict policies for rows whose key is already stored with another value.
const (
	// ConflictReject refuses the whole import when any row conflicts with stored data (default).
	ConflictReject = "reject"
	// ConflictReplace takes the file's value; the stored one comes back if this batch is reverted.
	ConflictReplace = "replace"
	// ConflictKeep keeps the stored value and rejects the conflicting rows.
	ConflictKeep = "keep"
)

// FindingsLimit caps the findings an ImportResult lists (counts stay exact;
// `slate batch show` and the rejects file have them all).
const FindingsLimit = 1000

// ImportRequest says what to import and how.
type ImportRequest struct {
	// Upload is the id of the file to import (Imports.Upload, Dialogs.OpenFile, Local.Upload).
	Upload string `json:"upload"`
	Feed   string `json:"feed"`
	// Mapping overrides the feed's saved mapping; when the import succeeds it is saved with the feed.
	Mapping *domain.Mapping `json:"mapping,omitempty"`
	// Sheet of an XLSX ("" = the mapping's sheet, else the first).
	Sheet  string `json:"sheet,omitempty"`
	DryRun bool   `json:"dryRun,omitempty"`
	// OnConflict: reject (default), replace or keep.
	OnConflict string `json:"onConflict,omitempty"`
	// Limits for hostile files (zero = defaults).
	Limits ingest.Limits `json:"-"`
	// Progress, when set, is called now and then with bytes (CSV) or rows (XLSX, total 0) done.
	Progress func(done, total int64) `json:"-"`
}

// ImportResult is the outcome of one import.
type ImportResult struct {
	Batch     uint64   `json:"batch,omitempty"`
	Feed      string   `json:"feed"`
	File      string   `json:"file"`
	Size      int64    `json:"size"`
	SHA256    string   `json:"sha256"`
	Format    string   `json:"format"`
	Encoding  string   `json:"encoding,omitempty"`
	Delimiter string   `json:"delimiter,omitempty"`
	Sheet     string   `json:"sheet,omitempty"`
	HeaderRow int      `json:"headerRow"`
	Header    []string `json:"header"`
	// Mapping is the mapping used; MappingFrom says where it came from
	// (request, feed, suggested); MappingSaved that it was saved with the feed.
	Mapping      domain.Mapping `json:"mapping"`
	MappingFrom  string         `json:"mappingFrom"`
	MappingSaved bool           `json:"mappingSaved,omitempty"`
	DryRun       bool           `json:"dryRun,omitempty"`
	// Refused: nothing was imported (conflicts under --on-conflict reject).
	Refused       bool                `json:"refused,omitempty"`
	RefusedReason string              `json:"refusedReason,omitempty"`
	Counts        storage.BatchCounts `json:"counts"`
	// FindingCounts counts findings by kind; Severities by severity.
	FindingCounts     map[string]int   `json:"findingCounts"`
	Severities        map[string]int   `json:"severities"`
	Findings          []ingest.Finding `json:"findings"`
	FindingsTruncated bool             `json:"findingsTruncated,omitempty"`
	From              time.Time        `json:"from,omitzero"`
	To                time.Time        `json:"to,omitzero"`
	Seconds           float64          `json:"seconds"`
}

// ErrNoFeed means the feed named in an import is not defined.
var ErrNoFeed = errors.New("no such feed")

// SuggestMapping proposes a mapping for a file's header and sample rows
// (the import wizard and the CLI use the same function).
func SuggestMapping(header []string, samples [][]string, shape string) ingest.Suggestion {
	return ingest.Suggest(header, samples, shape)
}

// Suggest is SuggestMapping for the UI.
func (im *Imports) Suggest(header []string, samples [][]string, shape string) ingest.Suggestion {
	return SuggestMapping(header, samples, shape)
}

// feed is a feed the caller may use: a supplier's own feeds only (another
// supplier's feed is "no such feed", so its name tells nothing).
func (im *Imports) feed(name string) (*domain.Feed, error) {
	var f *domain.Feed
	err := im.store.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		f = ws.Feed(name)
		if f != nil && !im.mayUse(f) {
			f = nil
		}
		return nil
	})
	if err == nil && f == nil {
		err = fmt.Errorf("%w %s (define it first with `slate apply`)", ErrNoFeed, Clip(name))
	}
	return f, err
}

// mayUse reports whether the caller may see and feed f.
func (im *Imports) mayUse(f *domain.Feed) bool {
	return !im.caller.scoped() || f.Spec.Supplier == im.caller.Supplier
}

// mayUseFeed is mayUse by feed name, inside a transaction.
func (im *Imports) mayUseFeed(tx *storage.Tx, name string) (bool, error) {
	if !im.caller.scoped() {
		return true, nil
	}
	ws, err := tx.Workspace()
	if err != nil {
		return false, err
	}
	f := ws.Feed(name)
	return f != nil && im.mayUse(f), nil
}

// formatOf decides CSV or XLSX from the extension, then the content.
func formatOf(path string, f io.ReaderAt) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return "xlsx"
	case ".csv", ".tsv", ".txt":
		return "csv"
	}
	head := make([]byte, 4)
	if n, _ := f.ReadAt(head, 0); n == 4 && bytes.Equal(head, []byte("PK\x03\x04")) {
		return "xlsx"
	}
	return "csv"
}

func fileSHA(f *os.File) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, 1<<62)); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// opened is a file opened for reading rows.
type opened struct {
	table     *ingest.Table
	format    string
	encoding  string
	delimiter string
	// delimiterByte is the CSV delimiter as one byte (empty for XLSX).
	delimiterByte string
	sheet         string
	sheets        []string
	serials       bool
	date1904      bool
	close         func()
	counter       *countingReader
}

type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

func (c *countingReader) pos() int64 { return c.n.Load() }

func openRows(f *os.File, path string, size int64, sheet string, hint *domain.Mapping, lim ingest.Limits) (*opened, error) {
	o := &opened{format: formatOf(path, f), close: func() {}}
	var src ingest.Source
	switch o.format {
	case "xlsx":
		x, err := ingest.NewXLSX(f, size, sheet, lim)
		if err != nil {
			return nil, err
		}
		o.sheet, o.sheets, o.serials, o.date1904 = x.Sheet, x.Sheets, true, x.Date1904
		o.close = func() { x.Close() }
		src = x
	default:
		o.counter = &countingReader{r: io.NewSectionReader(f, 0, size)}
		c, err := ingest.NewCSV(o.counter, 0, lim)
		if err != nil {
			return nil, err
		}
		o.encoding = c.Encoding
		o.delimiter = string(c.Delimiter)
		o.delimiterByte = string(c.Delimiter)
		if c.Delimiter == '\t' {
			o.delimiter = "tab"
		}
		src = c
	}
	t, err := ingest.NewTable(src, hint)
	if err != nil {
		o.close()
		return nil, err
	}
	o.table = t
	return o, nil
}

// PreviewResult shows how a file would be read, before importing it.
type PreviewResult struct {
	File      string   `json:"file"`
	Size      int64    `json:"size"`
	Format    string   `json:"format"`
	Encoding  string   `json:"encoding,omitempty"`
	Delimiter string   `json:"delimiter,omitempty"`
	Sheet     string   `json:"sheet,omitempty"`
	Sheets    []string `json:"sheets,omitempty"`
	HeaderRow int      `json:"headerRow"`
	Header    []string `json:"header"`
	// Samples are the first data rows as read.
	Samples    [][]string        `json:"samples"`
	Suggestion ingest.Suggestion `json:"suggestion"`
	// Saved is the feed's saved mapping, if any.
	Saved *domain.Mapping `json:"saved,omitempty"`
}

// Preview reads the start of an uploaded file for the import wizard:
// header, first rows, and a suggested mapping for the feed.
func (im *Imports) Preview(upload, feed, sheet string) (PreviewResult, error) {
	var res PreviewResult
	fd, err := im.feed(feed)
	if err != nil {
		return res, err
	}
	src, err := im.uploads.get(im.caller.Name, upload)
	if err != nil {
		return res, err
	}
	f, err := os.Open(src.path)
	if err != nil {
		return res, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return res, err
	}
	if sheet == "" && fd.Spec.Mapping != nil {
		sheet = fd.Spec.Mapping.Sheet
	}
	o, err := openRows(f, src.Name, st.Size(), sheet, fd.Spec.Mapping, ingest.Limits{})
	if err != nil {
		return res, fmt.Errorf("%s: %w", src.Name, err)
	}
	defer o.close()
	res = PreviewResult{File: src.Name, Size: st.Size(), Format: o.format, Encoding: o.encoding,
		Delimiter: o.delimiter, Sheet: o.sheet, Sheets: o.sheets, HeaderRow: o.table.HeaderRow,
		Header: o.table.Header, Samples: o.table.Samples(20), Saved: fd.Spec.Mapping}
	res.Suggestion = ingest.Suggest(res.Header, res.Samples, fd.Spec.Shape)
	if res.Samples == nil {
		res.Samples = [][]string{}
	}
	return res, nil
}

// Import reads a CSV or XLSX file into a feed as one batch: every row is
// validated, problems become findings, and the batch is published atomically
// with an audit event (or nothing changes: dry run, refusal, error).
// The upload is removed once its batch is published (the batch keeps the
// original file).
func (im *Imports) Import(req ImportRequest) (ImportResult, error) {
	res, err := im.importUpload(req)
	afterImport(im.store, res, err)
	return res, err
}

// importUpload is Import without the root-cause rule (the demo applies it
// once, after its last file).
func (im *Imports) importUpload(req ImportRequest) (ImportResult, error) {
	src, err := im.uploads.get(im.caller.Name, req.Upload)
	if err != nil {
		return ImportResult{Feed: req.Feed}, err
	}
	res, err := im.run(context.Background(), req, src)
	if err == nil && res.Batch != 0 {
		im.uploads.done(src.ID)
	}
	return res, err
}

// afterImport applies the root-cause rule once a batch is published.
func afterImport(st *storage.Store, res ImportResult, err error) {
	if err == nil && res.Batch != 0 {
		afterChange(st, nil)
	}
}

// importPath imports a file Slate itself chose (the demo data it wrote).
func (im *Imports) importPath(path string, req ImportRequest) (ImportResult, error) {
	u, err := im.uploads.adopt(im.caller.Name, path)
	if err != nil {
		return ImportResult{Feed: req.Feed}, err
	}
	req.Upload = u.ID
	defer im.uploads.done(u.ID)
	return im.importUpload(req)
}

// run is Import with a context: when ctx ends, the import stops at the next
// checkpoint (every few thousand rows, before the gap scan, inside the
// publishing transaction), discards its staging batch and returns ctx's
// error; nothing it did stays in the database or the audit trail.
func (im *Imports) run(ctx context.Context, req ImportRequest, src upload) (ImportResult, error) {
	start := time.Now()
	res := ImportResult{Feed: req.Feed, File: src.Name, DryRun: req.DryRun,
		FindingCounts: map[string]int{}, Severities: map[string]int{}, Findings: []ingest.Finding{}}
	switch req.OnConflict {
	case "":
		req.OnConflict = ConflictReject
	case ConflictReject, ConflictReplace, ConflictKeep:
	default:
		return res, fmt.Errorf("--on-conflict %q: use reject, replace or keep", req.OnConflict)
	}
	fd, err := im.feed(req.Feed)
	if err != nil {
		return res, err
	}
	f, err := os.Open(src.path)
	if err != nil {
		return res, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return res, err
	}
	if !st.Mode().IsRegular() {
		return res, fmt.Errorf("%s is not a regular file", src.Name)
	}
	res.Size = st.Size()
	// The SHA-256 is computed while the file is compressed for keeping; it is
	// computed first only when a batch of the same size could be this file
	// (to refuse it before any work) or for a dry run (nothing is kept).
	var sameSize bool
	im.store.View(func(tx *storage.Tx) error {
		bs, err := tx.Batches(req.Feed)
		for _, b := range bs {
			sameSize = sameSize || b.Status == storage.StatusPublished && b.Size == res.Size
		}
		return err
	})
	if sameSize || req.DryRun {
		if res.SHA256, err = fileSHA(f); err != nil {
			return res, err
		}
		var prev uint64
		var dup bool
		im.store.View(func(tx *storage.Tx) error { prev, dup = tx.FindImported(req.Feed, res.SHA256); return nil })
		if dup {
			return res, &storage.AlreadyImportedError{Feed: req.Feed, Batch: prev}
		}
	}
	loc, err := domain.LoadZone(fd.Spec.TimeZone)
	if err != nil {
		return res, err
	}
	mapping := req.Mapping
	res.MappingFrom = "request"
	if mapping == nil && fd.Spec.Mapping != nil {
		mapping, res.MappingFrom = fd.Spec.Mapping, "feed"
	}
	sheet := req.Sheet
	if sheet == "" && mapping != nil {
		sheet = mapping.Sheet
	}
	o, err := openRows(f, src.Name, res.Size, sheet, mapping, req.Limits)
	if err != nil {
		return res, fmt.Errorf("%s: %w", res.File, err)
	}
	defer o.close()
	res.Format, res.Encoding, res.Delimiter, res.Sheet = o.format, o.encoding, o.delimiter, o.sheet
	res.Header, res.HeaderRow = o.table.Header, o.table.HeaderRow
	if mapping == nil {
		sug := ingest.Suggest(o.table.Header, o.table.Samples(20), fd.Spec.Shape)
		if len(sug.Missing) > 0 {
			return res, fmt.Errorf("%s: cannot tell which column holds %s (header: %s); pass --mapping FILE or name the columns as the template does (`slate template --feed %s`)",
				res.File, strings.Join(sug.Missing, ", "), strings.Join(o.table.Header, ", "), req.Feed)
		}
		m := sug.Mapping
		mapping, res.MappingFrom = &m, "suggested"
	}
	used := *mapping
	if o.format == "xlsx" {
		used.Sheet = o.sheet
	} else {
		used.Sheet = ""
	}
	res.Mapping = used
	v, err := ingest.NewValidator(o.table.Header, ingest.Options{
		Shape: fd.Spec.Shape, Interval: fd.Spec.Interval.D(), Loc: loc, Unit: fd.Spec.Unit, Mapping: used,
		Now: im.store.Now(), Serials: o.serials, Date1904: o.date1904,
	})
	if err != nil {
		return res, fmt.Errorf("%s: %w", res.File, err)
	}
	meta := storage.BatchMeta{Shape: fd.Spec.Shape, File: res.File, Size: res.Size, SHA256: res.SHA256,
		Format: res.Format, Sheet: res.Sheet, Encoding: res.Encoding, Delimiter: res.Delimiter,
		HeaderRow: res.HeaderRow, Header: res.Header, Mapping: &used, OnConflict: req.OnConflict}
	w, err := im.store.BeginBatch(req.Feed, meta)
	if err != nil {
		return res, err
	}
	run := &importRun{ctx: ctx, im: im, req: req, path: src.path, res: &res, w: w, v: v, shape: fd.Spec.Shape}
	if err := run.rows(o); err != nil {
		w.Abort()
		return res, fmt.Errorf("%s: %w", res.File, err)
	}
	if err := ctx.Err(); err != nil {
		w.Abort()
		return res, err
	}
	if err := run.gaps(fd.Spec.Interval.D()); err != nil {
		w.Abort()
		return res, err
	}
	run.handOver()
	if run.sha != "" {
		res.SHA256 = run.sha
	}
	c := &res.Counts
	c.Imported = w.Written()
	c.Replaced = w.Replaced()
	if c.Read != c.Imported+c.Rejected+c.Empty {
		w.Abort()
		return res, fmt.Errorf("internal error: rows read %d ≠ imported %d + rejected %d + empty %d", c.Read, c.Imported, c.Rejected, c.Empty)
	}
	res.From, res.To, _ = w.Range()
	slices.SortStableFunc(res.Findings, func(a, b ingest.Finding) int { return cmp.Compare(a.Row, b.Row) })
	if run.storedConflicts > 0 && req.OnConflict == ConflictReject {
		res.Refused = true
		res.RefusedReason = fmt.Sprintf("%d rows conflict with data already stored; nothing was imported. Check the conflict findings, then import again with --on-conflict keep (keep the stored values) or --on-conflict replace (take this file's values)", run.storedConflicts)
	}
	if !res.Refused && c.Imported == 0 {
		res.Refused, res.RefusedReason = true, nothingToImport(c)
	}
	res.Seconds = time.Since(start).Seconds()
	if req.DryRun || res.Refused {
		if err := w.Abort(); err != nil {
			return res, err
		}
		res.Counts.Imported, res.Counts.Replaced = 0, 0
		if req.DryRun && !res.Refused {
			// A dry run reports what would be imported.
			res.Counts.Imported = c.Read - c.Rejected - c.Empty
		}
		return res, nil
	}
	meta.Counts = res.Counts
	meta.Findings = res.FindingCounts
	meta.SHA256 = res.SHA256
	details := map[string]any{
		"feed": req.Feed, "file": res.File, "size": res.Size, "sha256": res.SHA256, "format": res.Format,
		"sheet": res.Sheet, "mapping": used, "mappingFrom": res.MappingFrom, "onConflict": req.OnConflict,
		"counts": res.Counts, "findings": res.FindingCounts, "from": res.From, "to": res.To,
	}
	saveMapping := fd.Spec.Mapping == nil || !reflect.DeepEqual(*fd.Spec.Mapping, used)
	hook := func(tx *storage.Tx) error {
		// The last chance to cancel: failing here rolls the publishing transaction back.
		if err := ctx.Err(); err != nil {
			return err
		}
		if !saveMapping {
			return nil
		}
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		cur := ws.Feed(req.Feed)
		if cur == nil {
			return fmt.Errorf("%w %q (it was deleted during the import)", ErrNoFeed, req.Feed)
		}
		m := used
		cur.Spec.Mapping = &m
		if err := tx.PutDefinition(cur); err != nil {
			return err
		}
		_, err = tx.Audit("definition.updated", defID(cur), map[string]any{
			"source": fmt.Sprintf("import of %s (batch %d): mapping saved", res.File, w.ID()), "definition": json.RawMessage(canonical(cur)),
		})
		return err
	}
	if err := w.Publish(meta, details, hook); err != nil {
		w.Abort()
		return res, err
	}
	res.Batch = w.ID()
	res.MappingSaved = saveMapping
	res.Seconds = time.Since(start).Seconds()
	return res, nil
}

// nothingToImport says why a file that yields no point publishes nothing: an
// empty batch would still enter the trail and save the mapping as a change.
func nothingToImport(c *storage.BatchCounts) string {
	data := c.Read - c.Empty
	if data == 0 {
		return "the file has no data rows (only a header, or nothing under it): nothing was published and the mapping was not saved"
	}
	return fmt.Sprintf("none of the file's %d data rows can be imported (%d rejected — see the findings): nothing was published and the mapping was not saved; fix the rows and import the file again",
		data, c.Rejected)
}

// importRun is the state of one import. Rows are read and validated on the
// calling goroutine; a writer goroutine stores them chunk by chunk.
type importRun struct {
	ctx   context.Context
	im    *Imports
	req   ImportRequest
	path  string // the file being read
	res   *ImportResult
	w     *storage.BatchWriter
	v     *ingest.Validator
	shape string
	// mu guards res's finding and reject tallies and the queues, which both
	// goroutines feed; the writer hands the queues to the batch at each flush.
	mu    sync.Mutex
	qFind [][]byte
	qRej  []queuedReject
	// storedConflicts counts rows conflicting with stored data (writer only).
	storedConflicts int
	priors          []ingest.Prior
	cur             *chunk // the chunk being written (writer only)
	srcErr          chan error
	chunks          chan []byte
	counter         *countingReader
	// sha is the file's SHA-256, set by startHash before hashDone.
	sha      string
	hashDone chan error
	// keep keeps the file as lines (imports_lines.go); nil: compressed.
	// It runs on the checker goroutine while the import runs; compressNow
	// tells the writer it gave up. tail is the text after the last record
	// (the reader's).
	keep        *lineKeeper
	compressNow atomic.Bool
	tail        []byte
	// gap detection while reading, valid when the file came in time order
	// and did not overlap stored data (else gaps() scans the batch).
	gap      ingest.GapDetector
	gapFound []ingest.Finding
	gapScan  bool
}

type queuedReject struct {
	row uint32
	b   []byte
}

// chunk is a batch of rows on their way to storage. arena holds the raw cells
// of its rows, so a row rejected at write time (duplicate, conflict) can
// still be reported with its cells.
type chunk struct {
	pts     []storage.PendingPoint
	arena   []byte
	offsets []rowSpan
	next    int
	// every record's text in file order, when the file may be kept as lines,
	// and the rows the writer did not store
	raws     []rawRecord
	rawArena []byte
	skipped  map[uint32]bool
}

type rowSpan struct {
	row        uint32
	start, end int
}

func (c *chunk) reset() {
	clear(c.pts)
	c.pts, c.arena, c.offsets, c.next = c.pts[:0], c.arena[:0], c.offsets[:0], 0
	c.raws, c.rawArena = c.raws[:0], c.rawArena[:0]
	clear(c.skipped)
}

// keepRaw remembers a record's text.
func (c *chunk) keepRaw(row int, raw []byte) {
	s := len(c.rawArena)
	c.rawArena = append(c.rawArena, raw...)
	c.raws = append(c.raws, rawRecord{uint32(row), s, len(c.rawArena)})
}

// keep remembers a row's cells (unit separator between cells).
func (c *chunk) keep(row int, cells []string) {
	s := len(c.arena)
	for i, v := range cells {
		if i > 0 {
			c.arena = append(c.arena, 0x1f)
		}
		c.arena = append(c.arena, v...)
	}
	c.offsets = append(c.offsets, rowSpan{uint32(row), s, len(c.arena)})
}

// cells finds a kept row; rows are asked in increasing order within a flush
// (the writer sorts by time, so fall back to a search).
func (c *chunk) cells(row uint32) []string {
	i, ok := slices.BinarySearchFunc(c.offsets, row, func(s rowSpan, r uint32) int { return cmp.Compare(s.row, r) })
	if !ok {
		return []string{}
	}
	sp := c.offsets[i]
	return strings.Split(string(c.arena[sp.start:sp.end]), "\x1f")
}

func (r *importRun) finding(f ingest.Finding) {
	b, _ := json.Marshal(f)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.res.FindingCounts[f.Kind]++
	r.res.Severities[f.Severity]++
	if f.Severity == ingest.SevWarning {
		r.res.Counts.Warnings++
	}
	if len(r.res.Findings) < FindingsLimit {
		r.res.Findings = append(r.res.Findings, f)
	} else {
		r.res.FindingsTruncated = true
	}
	r.qFind = append(r.qFind, b)
}

func (r *importRun) reject(row int, cells []string, fs []ingest.Finding) {
	rr := ingest.RejectedRow{Row: row, Cells: cells, Findings: fs}
	if rr.Cells == nil {
		rr.Cells = []string{}
	}
	b, _ := json.Marshal(rr)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.res.Counts.Rejected++
	r.qRej = append(r.qRej, queuedReject{uint32(row), b})
}

// handOver moves the queued findings and rejects to the batch writer.
func (r *importRun) handOver() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, b := range r.qFind {
		r.w.AddFinding(b)
	}
	for _, q := range r.qRej {
		r.w.AddReject(q.row, q.b)
	}
	clear(r.qFind)
	clear(r.qRej)
	r.qFind, r.qRej = r.qFind[:0], r.qRej[:0]
}

// cancelCheckRows: the reader looks for a cancelled import every this many rows (a power of two).
const cancelCheckRows = 1024

// flushRows is how many rows go into one staging transaction.
const flushRows = 32768

// write stores one chunk (writer goroutine).
func (r *importRun) write(c *chunk) error {
	r.drainSource(false)
	r.handOver()
	if r.compressNow.Load() && r.chunks == nil {
		r.startSource(r.path) // the line check gave up: compress the file after all
	}
	r.cur = c
	err := r.w.FlushPoints(c.pts, r.resolve)
	r.cur = nil
	if err == nil && r.req.Progress != nil {
		if r.counter != nil {
			r.req.Progress(r.counter.pos(), r.res.Size)
		} else {
			r.req.Progress(int64(r.w.Written()), 0)
		}
	}
	return err
}

func (r *importRun) resolve(p *domain.Point, row uint32, priors []storage.Prior) storage.Resolution {
	if len(priors) == 0 {
		return storage.Write
	}
	r.priors = r.priors[:0]
	for _, pr := range priors {
		r.priors = append(r.priors, ingest.Prior{Point: pr.Point, Row: int(pr.Row), Own: pr.Own})
	}
	rel, q := ingest.Classify(r.shape, p, r.priors)
	where := func() string {
		if q.Own {
			return fmt.Sprintf("row %d of this file", q.Row)
		}
		return fmt.Sprintf("batch %d (row %d of its file)", q.Point.Batch, q.Row)
	}
	f := ingest.Finding{Row: int(row), Column: r.res.Mapping.Time, Raw: p.At.Format(time.RFC3339)}
	if r.shape == domain.ShapeItem {
		f.Column, f.Raw = r.res.Mapping.Item, p.ItemID
	}
	switch rel {
	case ingest.RelNew:
		return storage.Write
	case ingest.RelUpdate:
		return storage.Replace
	case ingest.RelDuplicate:
		f.Kind, f.Severity = ingest.KindDuplicate, ingest.SevError
		if q.Own {
			f.Message = fmt.Sprintf("the same as %s; the copy was not imported — delete the repeated row", where())
		} else {
			f.Message = fmt.Sprintf("already imported in %s with the same value; not imported again — nothing to do", where())
		}
	case ingest.RelConflict:
		f.Kind = ingest.KindConflict
		was, now := ingest.Describe(r.shape, &q.Point), ingest.Describe(r.shape, p)
		switch {
		case q.Own:
			f.Severity = ingest.SevError
			f.Message = fmt.Sprintf("%s has the same key with another value (%s, here %s); this later row was not imported — keep the right one", where(), was, now)
		case r.req.OnConflict == ConflictReplace:
			f.Severity = ingest.SevWarning
			f.Message = fmt.Sprintf("replaces %s stored by %s (reverting this batch restores it)", was, where())
			r.finding(f)
			return storage.Replace
		case r.req.OnConflict == ConflictKeep:
			f.Severity = ingest.SevError
			f.Message = fmt.Sprintf("%s already holds %s for this key (here %s); the stored value was kept — use --on-conflict replace to take this file's value", where(), was, now)
		default:
			r.storedConflicts++
			f.Severity = ingest.SevError
			f.Message = fmt.Sprintf("%s already holds %s for this key (here %s); the import is refused — choose --on-conflict keep or replace", where(), was, now)
		}
	}
	r.finding(f)
	var cells []string
	if r.cur != nil {
		cells = r.cur.cells(row)
	}
	r.reject(int(row), cells, []ingest.Finding{f})
	if r.cur != nil && r.keep != nil {
		r.cur.skipped[row] = true
	}
	return storage.Skip
}

// The kept source is stored in small chunks: appending to a bucket makes bbolt
// rewrite its last leaf (at least two values) in every transaction, so big
// chunks would cost time and page in the database map.
const (
	srcChunk = 16 << 10
	srcQueue = 256 // 4 MiB of compressed source waiting for the writer
)

// startSource compresses the original file on another goroutine, in chunks the
// writer stores with the batch.
func (r *importRun) startSource(path string) {
	r.chunks = make(chan []byte, srcQueue)
	r.srcErr = make(chan error, 1)
	go func() {
		defer close(r.chunks)
		f, err := os.Open(path)
		if err != nil {
			r.srcErr <- err
			return
		}
		defer f.Close()
		cw := &chunkWriter{out: r.chunks, size: srcChunk}
		zw, _ := gzip.NewWriterLevel(cw, gzip.BestSpeed)
		_, err = io.Copy(zw, f)
		if cerr := zw.Close(); err == nil {
			err = cerr
		}
		cw.flush()
		r.srcErr <- err
	}()
}

type chunkWriter struct {
	out  chan []byte
	buf  []byte
	size int
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if c.buf == nil {
			c.buf = make([]byte, 0, c.size)
		}
		k := min(len(p), c.size-len(c.buf))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
		if len(c.buf) == c.size {
			c.flush()
		}
	}
	return n, nil
}

func (c *chunkWriter) flush() {
	if len(c.buf) > 0 {
		c.out <- c.buf
		c.buf = nil
	}
}

// drainSource moves compressed chunks to the writer; wait blocks until the compressor is done.
func (r *importRun) drainSource(wait bool) error {
	if r.chunks == nil {
		return nil
	}
	for {
		if wait {
			c, ok := <-r.chunks
			if !ok {
				err := <-r.srcErr
				r.chunks = nil
				if err != nil {
					return fmt.Errorf("keeping the original file: %w", err)
				}
				return nil
			}
			r.w.AddSource(c)
			continue
		}
		select {
		case c, ok := <-r.chunks:
			if !ok {
				return nil
			}
			r.w.AddSource(c)
		default:
			return nil
		}
	}
}

func (r *importRun) rows(o *opened) error {
	r.counter = o.counter
	if !r.req.DryRun {
		r.startHash(r.path)
		if r.keep = newLineKeeper(o, r.v, r.res.Size); r.keep == nil {
			r.startSource(r.path)
		}
		defer func() {
			// Never leave the compressor blocked.
			if r.chunks != nil {
				for range r.chunks {
				}
			}
		}()
	}
	// Chunks go round: the reader fills one, the writer stores one, and
	// (keeping lines) a checker compares one with its stored points while
	// the writer waits for its commit to reach the disk.
	work := make(chan *chunk, 1)
	pool := 2
	if r.keep != nil {
		pool = 3
	}
	free := make(chan *chunk, pool)
	for range pool {
		free <- &chunk{pts: make([]storage.PendingPoint, 0, flushRows), skipped: map[uint32]bool{}}
	}
	done := make(chan error, 1)
	var failed atomic.Bool
	var checking sync.WaitGroup
	go func() {
		var err error
		for c := range work {
			if err == nil {
				if err = r.write(c); err != nil {
					failed.Store(true)
				}
			}
			if err == nil && r.keep != nil {
				checking.Wait() // one chunk at a time, in file order
				checking.Go(func() {
					if r.keep.on && !r.keep.chunk(c, c.skipped) {
						r.compressNow.Store(true)
					}
					c.reset()
					free <- c
				})
				continue
			}
			c.reset()
			free <- c
		}
		checking.Wait()
		done <- err
	}()
	err := r.read(o, work, free, &failed)
	close(work)
	if werr := <-done; werr != nil {
		return werr
	}
	if err != nil {
		return err
	}
	if r.keep != nil {
		if r.keep.on {
			r.keep.tail = r.tail
		}
		if err := r.keep.finish(r.w); err != nil {
			return err
		}
		if !r.keep.on && r.chunks == nil {
			r.startSource(r.path)
		}
	}
	if err := r.drainSource(true); err != nil {
		return err
	}
	if r.hashDone != nil {
		if err := <-r.hashDone; err != nil {
			return fmt.Errorf("reading the file for its SHA-256: %w", err)
		}
	}
	r.handOver()
	if err := r.w.Flush(nil); err != nil {
		return err
	}
	if r.req.Progress != nil {
		r.req.Progress(r.res.Size, r.res.Size)
	}
	return nil
}

// read validates every row into chunks for the writer.
func (r *importRun) read(o *opened, work chan<- *chunk, free <-chan *chunk, failed *atomic.Bool) error {
	var p domain.Point
	c := &r.res.Counts
	cur := <-free
	// Only rows at or before the latest time seen (in storage or earlier in
	// the file) can be duplicates or conflicts; keep the raw cells of those.
	var latest time.Time
	r.im.store.View(func(tx *storage.Tx) error { latest = tx.FeedEnd(r.req.Feed); return nil })
	fileStart := latest
	r.gap = ingest.GapDetector{Interval: r.v.Interval()}
	for n := 1; ; n++ {
		if n&(cancelCheckRows-1) == 0 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
		}
		cells, row, err := o.table.Next()
		if r.keep != nil {
			if errors.Is(err, io.EOF) {
				r.tail = bytes.Clone(o.table.Raw())
			} else if raw := o.table.Raw(); err == nil || raw != nil {
				cur.keepRaw(row, raw)
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			var mr *ingest.MalformedRowError
			if errors.As(err, &mr) {
				c.Read++
				fd := ingest.Finding{Kind: ingest.KindMalformedRow, Severity: ingest.SevError, Row: mr.Row,
					Message: mr.Err.Error() + "; the row was not imported — fix the quoting (a field containing the delimiter or a quote must be wrapped in \"...\", with inner quotes doubled)"}
				r.finding(fd)
				r.reject(mr.Row, nil, []ingest.Finding{fd})
				continue
			}
			return err
		}
		c.Read++
		out, fs := r.v.Row(cells, row, &p)
		for _, fd := range fs {
			r.finding(fd)
		}
		switch out {
		case ingest.Empty:
			c.Empty++
		case ingest.Reject:
			r.reject(row, ingest.CloneCells(cells), slices.Clone(fs))
		default:
			if r.shape == domain.ShapeItem || !p.At.After(latest) {
				cur.keep(row, cells)
				if !p.At.Equal(latest) || latest.Equal(fileStart) {
					// Out of order, or overlapping stored data: scan for gaps later.
					r.gapScan = true
				}
			} else {
				latest = p.At
				if f := r.gap.Next(p.At, row, true); f != nil && len(r.gapFound) <= flushRows {
					r.gapFound = append(r.gapFound, *f)
				}
			}
			cur.pts = append(cur.pts, storage.PendingPoint{P: p, Row: uint32(row)})
		}
		if len(cur.pts) >= flushRows {
			if failed.Load() {
				return nil // the writer's error is reported
			}
			work <- cur
			cur = <-free
		}
	}
	for _, fd := range r.v.Finish() {
		r.finding(fd)
	}
	work <- cur
	return nil
}

// gaps reports missing intervals by walking the batch's range in time order
// (its own points together with published ones).
func (r *importRun) gaps(interval time.Duration) error {
	if interval <= 0 || r.shape == domain.ShapeItem {
		return nil
	}
	from, to, ok := r.w.Range()
	if !ok {
		return nil
	}
	if !r.gapScan {
		for _, f := range r.gapFound {
			f.Column = r.res.Mapping.Time
			r.finding(f)
		}
		if len(r.gapFound) > flushRows {
			r.finding(ingest.Finding{Kind: ingest.KindMissingInterval, Severity: ingest.SevWarning,
				Message: fmt.Sprintf("more than %d gaps; the rest are not listed — is the feed's interval (%s) right?", flushRows, domain.Duration(interval))})
		}
		return nil
	}
	g := ingest.GapDetector{Interval: interval}
	var found []ingest.Finding
	err := r.w.ScanStaged(from, to, func(p *domain.Point, row uint32, own bool) error {
		rw := 0
		if own {
			rw = int(row)
		}
		if f := g.Next(p.At, rw, own); f != nil {
			f.Column = r.res.Mapping.Time
			found = append(found, *f)
			if len(found) >= flushRows {
				return errTooManyGaps
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, errTooManyGaps) {
		return err
	}
	for _, f := range found {
		r.finding(f)
	}
	if errors.Is(err, errTooManyGaps) {
		r.finding(ingest.Finding{Kind: ingest.KindMissingInterval, Severity: ingest.SevWarning,
			Message: fmt.Sprintf("more than %d gaps; the rest are not listed — is the feed's interval (%s) right?", flushRows, domain.Duration(interval))})
	}
	return nil
}

var errTooManyGaps = errors.New("too many gaps")

// BatchDetail is one batch with its findings.
type BatchDetail struct {
	storage.Batch
	// Findings lists the first FindingsLimit findings; FindingCounts are in Batch.Findings.
	FindingsList      []ingest.Finding `json:"findingsList"`
	FindingsTruncated bool             `json:"findingsTruncated,omitempty"`
	// Points is how many of the batch's points are in the data now.
	Points int `json:"points"`
}

// Batches lists the import batches of a feed ("" = all feeds the caller may
// see), oldest first.
func (im *Imports) Batches(feed string) ([]storage.Batch, error) {
	out := []storage.Batch{}
	err := im.store.View(func(tx *storage.Tx) error {
		all, err := tx.Batches(feed)
		if err != nil {
			return err
		}
		for _, b := range all {
			if ok, err := im.mayUseFeed(tx, b.Feed); err != nil {
				return err
			} else if ok {
				out = append(out, b)
			}
		}
		return nil
	})
	return out, err
}

// batch reads a batch the caller may see.
func (im *Imports) batch(tx *storage.Tx, id uint64) (storage.Batch, error) {
	b, err := tx.Batch(id)
	if err != nil {
		return b, err
	}
	ok, err := im.mayUseFeed(tx, b.Feed)
	if err != nil {
		return b, err
	}
	if !ok || b.Status == storage.StatusStaging || b.Status == storage.StatusDiscarded {
		return storage.Batch{}, fmt.Errorf("batch %d: %w", id, storage.ErrNoBatch)
	}
	return b, nil
}

// Batch shows one batch: counts, findings summary and the first findings.
func (im *Imports) Batch(id uint64) (BatchDetail, error) {
	var d BatchDetail
	err := im.store.View(func(tx *storage.Tx) error {
		b, err := im.batch(tx, id)
		if err != nil {
			return err
		}
		d.Batch = b
		d.FindingsList = []ingest.Finding{}
		if err := tx.BatchFindings(id, func(v []byte) error {
			if len(d.FindingsList) >= FindingsLimit {
				d.FindingsTruncated = true
				return storage.ErrStop
			}
			var f ingest.Finding
			if err := json.Unmarshal(v, &f); err != nil {
				return err
			}
			d.FindingsList = append(d.FindingsList, f)
			return nil
		}); err != nil && !errors.Is(err, storage.ErrStop) {
			return err
		}
		if b.Status == storage.StatusPublished && !b.From.IsZero() {
			return tx.ScanPoints(b.Feed, b.From, b.To.Add(1), func(p domain.Point) error {
				if p.Batch == id {
					d.Points++
				}
				return nil
			})
		}
		return nil
	})
	return d, err
}

// Revert withdraws a batch: its points leave the data (audited).
func (im *Imports) Revert(id uint64, reason string) (storage.Batch, error) {
	b, err := im.store.RevertBatch(id, reason)
	afterChange(im.store, err)
	return b, err
}

// writeSource writes the original file of a batch to w, checking its SHA-256
// (a failed check is an error after the bytes were written: the caller
// removes what it wrote).
func (im *Imports) writeSource(id uint64, w io.Writer) (int64, error) {
	var n int64
	err := im.store.View(func(tx *storage.Tx) error {
		b, err := im.batch(tx, id)
		if err != nil {
			return err
		}
		h := sha256.New()
		if b.SourceLines {
			bw := bufio.NewWriterSize(io.MultiWriter(w, h), 1<<16)
			if n, err = writeLines(tx, id, bw); err == nil {
				err = bw.Flush()
			}
		} else {
			n, err = tx.BatchSource(id, io.MultiWriter(w, h))
		}
		if err != nil {
			return err
		}
		if b.SHA256 != "" && hex.EncodeToString(h.Sum(nil)) != b.SHA256 {
			return fmt.Errorf("batch %d: the stored source does not match its SHA-256 %s", id, b.SHA256)
		}
		return nil
	})
	return n, err
}

// writeTemplate writes the supplier data template (XLSX) of a feed to w.
func (im *Imports) writeTemplate(feed string, w io.Writer) error {
	fd, err := im.feed(feed)
	if err != nil {
		return err
	}
	return ingest.WriteTemplate(w, fd)
}

// writeRejects writes every rejected row of a batch with its findings and
// the fix, as CSV or XLSX, and returns the number of rows written.
func (im *Imports) writeRejects(id uint64, w io.Writer, csv bool) (int, error) {
	n := 0
	err := im.store.View(func(tx *storage.Tx) error {
		b, err := im.batch(tx, id)
		if err != nil {
			return err
		}
		info := ingest.RejectsInfo{Batch: id, Feed: b.Feed, File: b.File, Header: b.Header}
		var derr error
		rows := func(yield func(ingest.RejectedRow) bool) {
			derr = tx.BatchRejects(id, func(_ uint64, v []byte) error {
				var r ingest.RejectedRow
				if err := json.Unmarshal(v, &r); err != nil {
					return err
				}
				n++
				if !yield(r) {
					return storage.ErrStop
				}
				return nil
			})
		}
		if csv {
			err = ingest.WriteRejectsCSV(w, info, rows)
		} else {
			err = ingest.WriteRejectsXLSX(w, info, rows)
		}
		if err == nil && derr != nil && !errors.Is(derr, storage.ErrStop) {
			err = derr
		}
		return err
	})
	return n, err
}
