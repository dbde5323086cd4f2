// Package importer runs an import: a supplier's CSV or XLSX file read row
// by row (internal/ingest), validated, stored chunk by chunk as a staging
// batch (internal/storage), checked for gaps and conflicts, and published in
// one transaction with its audit event, or discarded whole (dry run,
// refusal, error, cancel). The file is kept with the batch: as its lines when
// the points render them back byte for byte, else compressed. app drives it
// (who may import what, uploads, jobs with progress and cancel).
package importer

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"slate/internal/domain"
	"slate/internal/ingest"
	"slate/internal/plain"
	"slate/internal/storage"
)

// Conflict policies for rows whose key is already stored with another value.
const (
	// ConflictReject refuses the whole import when any row conflicts with stored data (default).
	ConflictReject = "reject"
	// ConflictReplace takes the file's value; the stored one comes back if this batch is reverted.
	ConflictReplace = "replace"
	// ConflictKeep keeps the stored value and rejects the conflicting rows.
	ConflictKeep = "keep"
)

// FindingsLimit caps the findings a Result lists (counts stay exact; the
// batch and its rejects file have them all).
const FindingsLimit = 1000

// Request says what to import and how.
type Request struct {
	// Path is the file to read; File is its name in messages and the batch record.
	Path string
	File string
	Feed *domain.Feed
	// Mapping overrides the feed's saved mapping (nil: the feed's, else suggested).
	Mapping *domain.Mapping
	// Sheet of an XLSX ("" = the mapping's sheet, else the first).
	Sheet  string
	DryRun bool
	// OnConflict: reject (default), replace or keep.
	OnConflict string
	// Limits for hostile files (zero = defaults).
	Limits ingest.Limits
	// Now is the time rows from the future are judged against.
	Now time.Time
	// Progress, when set, is called now and then with bytes (CSV) or rows (XLSX, total 0) done.
	Progress func(done, total int64)
	// SaveMapping stores the mapping used with the feed, inside the
	// publishing transaction and with its audit event; it is called only
	// when the mapping differs from the feed's saved one.
	SaveMapping func(tx *storage.Tx, m domain.Mapping, batch uint64) error
	// Follow, when set, sees the points as they are stored (not in a dry run).
	Follow Follower
}

// A Follower sees an import's points on their way into the store, chunk by
// chunk in file order, on a goroutine of the import's own. Each chunk's
// points are sorted by (time, row) and are exactly those stored, as given
// (the follower makes them what a read gives back). Lost says that what it
// saw is not the batch's points in the order a read of the feed gives: a
// point met a stored one with its key (a duplicate, an update, a conflict).
type Follower interface {
	Points(pts []storage.PendingPoint)
	Lost()
}

// Result is the outcome of one import.
type Result struct {
	Batch     uint64   `json:"batch,omitempty"`
	Feed      string   `json:"feed"`
	File      string   `json:"file"`
	Size      int64    `json:"size"`
	SHA256    string   `json:"sha256"`
	Format    string   `json:"format"`
	Encoding  string   `json:"encoding,omitempty"`
	Delimiter string   `json:"delimiter,omitempty"`
	Sheet     string   `json:"sheet,omitempty"`
	HeaderRow int      `json:"header_row"`
	Header    []string `json:"header"`
	// Mapping is the mapping used; MappingFrom says where it came from
	// (request, feed, suggested); MappingSaved that it was saved with the feed.
	Mapping      domain.Mapping `json:"mapping"`
	MappingFrom  string         `json:"mapping_from"`
	MappingSaved bool           `json:"mapping_saved,omitempty"`
	DryRun       bool           `json:"dry_run,omitempty"`
	// Refused: nothing was imported (conflicts under the reject policy, or nothing to import).
	Refused       bool                `json:"refused,omitempty"`
	RefusedReason string              `json:"refused_reason,omitempty"`
	Counts        storage.BatchCounts `json:"counts"`
	// FindingCounts counts findings by kind; Severities by severity.
	FindingCounts     map[string]int   `json:"finding_counts"`
	Severities        map[string]int   `json:"severities"`
	Findings          []ingest.Finding `json:"findings"`
	FindingsTruncated bool             `json:"findings_truncated,omitempty"`
	From              time.Time        `json:"from,omitzero"`
	To                time.Time        `json:"to,omitzero"`
	Seconds           float64          `json:"seconds"`
}

// CheckPolicy refuses an unknown conflict policy ("" is reject).
func CheckPolicy(p string) error {
	switch p {
	case "", ConflictReject, ConflictReplace, ConflictKeep:
		return nil
	}
	return domain.FieldErrorf("on_conflict", "conflict policy %s: use reject, replace or keep", plain.Clip(p))
}

// Run imports req.Path into req.Feed as one batch. When ctx ends, the import stops at the next
// checkpoint (every few thousand rows, before the gap scan, inside the
// publishing transaction), discards its staging batch and returns ctx's
// error; nothing it did stays in the database or the audit trail.
func Run(ctx context.Context, store *storage.Store, req Request) (Result, error) {
	start := time.Now()
	fd := req.Feed
	res := Result{Feed: fd.Name(), File: req.File, DryRun: req.DryRun,
		FindingCounts: map[string]int{}, Severities: map[string]int{}, Findings: []ingest.Finding{}}
	if err := CheckPolicy(req.OnConflict); err != nil {
		return res, err
	}
	if req.OnConflict == "" {
		req.OnConflict = ConflictReject
	}
	f, err := os.Open(req.Path)
	if err != nil {
		return res, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return res, err
	}
	if !st.Mode().IsRegular() {
		return res, fmt.Errorf("%s is not a regular file", req.File)
	}
	res.Size = st.Size()
	// The SHA-256 is computed while the file is compressed for keeping; it is
	// computed first only when a batch of the same size could be this file
	// (to refuse it before any work) or for a dry run (nothing is kept).
	var sameSize bool
	store.View(func(tx *storage.Tx) error {
		bs, err := tx.Batches(fd.Name())
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
		store.View(func(tx *storage.Tx) error { prev, dup = tx.FindImported(fd.Name(), res.SHA256); return nil })
		if dup {
			return res, &storage.AlreadyImportedError{Feed: fd.Name(), Batch: prev}
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
	o, err := openRows(f, req.File, res.Size, sheet, mapping, req.Limits)
	if err != nil {
		return res, fmt.Errorf("%s: %w", res.File, err)
	}
	defer o.close()
	res.Format, res.Encoding, res.Delimiter, res.Sheet = o.format, o.encoding, o.delimiter, o.sheet
	res.Header, res.HeaderRow = o.table.Header, o.table.HeaderRow
	if mapping == nil {
		sug := ingest.Suggest(o.table.Header, o.table.Samples(20), fd.Spec.Shape)
		if len(sug.Missing) > 0 {
			return res, domain.FieldErrorf("mapping", "%s: cannot tell which column holds %s (header: %s); give a mapping, or name the columns as the feed's template does",
				res.File, strings.Join(sug.Missing, ", "), strings.Join(o.table.Header, ", "))
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
		Now: req.Now, Serials: o.serials, Date1904: o.date1904,
	})
	if err != nil {
		return res, fmt.Errorf("%s: %w", res.File, err)
	}
	meta := storage.BatchMeta{Shape: fd.Spec.Shape, File: res.File, Size: res.Size, SHA256: res.SHA256,
		Format: res.Format, Sheet: res.Sheet, Encoding: res.Encoding, Delimiter: res.Delimiter,
		HeaderRow: res.HeaderRow, Header: res.Header, Mapping: &used, OnConflict: req.OnConflict}
	w, err := store.BeginBatch(fd.Name(), meta)
	if err != nil {
		return res, err
	}
	run := &importRun{ctx: ctx, store: store, req: req, path: req.Path, res: &res, w: w, v: v, shape: fd.Spec.Shape}
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
		res.RefusedReason = fmt.Sprintf("%d rows conflict with data already stored; nothing was imported. Check the conflict findings, then import again choosing on conflict keep (keep the stored values) or replace (take this file's values)", run.storedConflicts)
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
		"feed": fd.Name(), "file": res.File, "size": res.Size, "sha256": res.SHA256, "format": res.Format,
		"sheet": res.Sheet, "mapping": used, "mappingFrom": res.MappingFrom, "onConflict": req.OnConflict,
		"counts": res.Counts, "findings": res.FindingCounts, "from": res.From, "to": res.To,
	}
	saveMapping := (fd.Spec.Mapping == nil || !reflect.DeepEqual(*fd.Spec.Mapping, used)) && req.SaveMapping != nil
	hook := func(tx *storage.Tx) error {
		// The last chance to cancel: failing here rolls the publishing transaction back.
		if err := ctx.Err(); err != nil {
			return err
		}
		if !saveMapping || req.SaveMapping == nil {
			return nil
		}
		return req.SaveMapping(tx, used, w.ID())
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
	o := &opened{format: ingest.Format(path, f), close: func() {}}
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
