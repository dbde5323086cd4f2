package app

import (
	"context"
	"time"

	"slate/internal/defs"
	"slate/internal/domain"
	"slate/internal/importer"
	"slate/internal/ingest"
	"slate/internal/storage"
	"slate/internal/uploads"
	"slate/internal/warm"
)

// Imports brings supplier files into feeds as batches, and manages batches.
type Imports struct {
	store  *storage.Store
	caller Caller
	// jobs runs Start's imports in the background.
	jobs *Jobs
	// uploads holds the files Preview and Start read (imports_upload.go).
	uploads *uploads.Area
}

// On-conflict policies for rows whose key is already stored with another
// value (internal/importer): reject (default), replace or keep.
const (
	ConflictReject  = importer.ConflictReject
	ConflictReplace = importer.ConflictReplace
	ConflictKeep    = importer.ConflictKeep
)

// FindingsLimit caps the findings an ImportResult lists (counts stay exact;
// `slate batch show` and the rejects file have them all).
const FindingsLimit = importer.FindingsLimit

// ImportRequest says what to import and how.
type ImportRequest struct {
	// Upload is the id of the file to import (Imports.Upload, Dialogs.OpenFile, Local.Upload).
	Upload string `json:"upload"`
	Feed   string `json:"feed"`
	// Mapping overrides the feed's saved mapping; when the import succeeds it is saved with the feed.
	Mapping *Mapping `json:"mapping,omitempty"`
	// Sheet of an XLSX ("" = the mapping's sheet, else the first).
	Sheet  string `json:"sheet,omitempty"`
	DryRun bool   `json:"dry_run,omitempty"`
	// OnConflict: reject (default), replace or keep.
	OnConflict string `json:"on_conflict,omitempty"`
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
	HeaderRow int      `json:"header_row"`
	Header    []string `json:"header"`
	// Mapping is the mapping used; MappingFrom says where it came from
	// (request, feed, suggested); MappingSaved that it was saved with the feed.
	Mapping      Mapping `json:"mapping"`
	MappingFrom  string  `json:"mapping_from"`
	MappingSaved bool    `json:"mapping_saved,omitempty"`
	DryRun       bool    `json:"dry_run,omitempty"`
	// Refused: nothing was imported (conflicts under --on-conflict reject).
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

// ErrNoFeed means the feed named in an import is not defined.
var ErrNoFeed = defs.ErrNoFeed

// Suggest proposes a mapping for a file's header and sample rows (the
// import wizard; the CLI and an import without a mapping use the same
// function, ingest.Suggest).
func (im *Imports) Suggest(header []string, samples [][]string, shape string) Suggestion {
	return suggestionOf(ingest.Suggest(header, samples, shape))
}

// scope is which feeds and batches the caller may see and feed.
func (im *Imports) scope() importer.Scope {
	return importer.Scope{Held: im.caller.scoped(), Supplier: im.caller.Supplier}
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
	HeaderRow int      `json:"header_row"`
	Header    []string `json:"header"`
	// Samples are the first data rows as read.
	Samples    [][]string `json:"samples"`
	Suggestion Suggestion `json:"suggestion"`
	// Saved is the feed's saved mapping, if any.
	Saved *Mapping `json:"saved,omitempty"`
}

// Preview reads the start of an uploaded file for the import wizard:
// header, first rows, and a suggested mapping for the feed.
func (im *Imports) Preview(upload, feed, sheet string) (PreviewResult, error) {
	fd, err := im.scope().Feed(im.store, feed)
	if err != nil {
		return PreviewResult{}, err
	}
	src, err := im.uploads.Get(im.caller.Name, upload)
	if err != nil {
		return PreviewResult{}, err
	}
	p, err := importer.PreviewFile(src.Path, src.Name, fd, sheet)
	return PreviewResult{File: p.File, Size: p.Size, Format: p.Format, Encoding: p.Encoding, Delimiter: p.Delimiter,
		Sheet: p.Sheet, Sheets: p.Sheets, HeaderRow: p.HeaderRow, Header: p.Header, Samples: p.Samples,
		Suggestion: suggestionOf(p.Suggestion), Saved: mappingOf(p.Saved)}, err
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
	src, err := im.uploads.Get(im.caller.Name, req.Upload)
	if err != nil {
		return ImportResult{Feed: req.Feed}, err
	}
	res, err := im.run(context.Background(), req, src)
	if err == nil && res.Batch != 0 {
		im.uploads.Done(src.ID)
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
	u, err := im.uploads.Adopt(im.caller.Name, path)
	if err != nil {
		return ImportResult{Feed: req.Feed}, err
	}
	req.Upload = u.ID
	defer im.uploads.Done(u.ID)
	return im.importUpload(req)
}

// run is Import with a context (internal/importer): when ctx ends, the
// import stops at its next checkpoint and nothing it did stays.
func (im *Imports) run(ctx context.Context, req ImportRequest, src uploads.Upload) (ImportResult, error) {
	if err := importer.CheckPolicy(req.OnConflict); err != nil {
		return ImportResult{Feed: req.Feed, File: src.Name, DryRun: req.DryRun}, err
	}
	fd, err := im.scope().Feed(im.store, req.Feed)
	if err != nil {
		return ImportResult{Feed: req.Feed, File: src.Name, DryRun: req.DryRun}, err
	}
	now := im.store.Now()
	r := importer.Request{Path: src.Path, File: src.Name, Feed: fd, Mapping: (*domain.Mapping)(req.Mapping),
		Sheet: req.Sheet, DryRun: req.DryRun, OnConflict: req.OnConflict, Limits: req.Limits, Now: now,
		Progress: req.Progress, SaveMapping: defs.SaveMapping(fd.Name(), src.Name)}
	var follow *warm.Follower
	if !req.DryRun {
		if follow = warm.Start(im.store, fd.Name(), now); follow != nil {
			r.Follow = follow
		}
	}
	res, err := importer.Run(ctx, im.store, r)
	if err == nil && res.Batch != 0 {
		// derived figures: failing to keep them costs the next report time, nothing else
		_, _ = follow.Keep(im.store, res.Batch)
	}
	return importResultOf(res), err
}

// importResultOf is an import's result on the wire.
func importResultOf(r importer.Result) ImportResult {
	return ImportResult{Batch: r.Batch, Feed: r.Feed, File: r.File, Size: r.Size, SHA256: r.SHA256, Format: r.Format,
		Encoding: r.Encoding, Delimiter: r.Delimiter, Sheet: r.Sheet, HeaderRow: r.HeaderRow, Header: r.Header,
		Mapping: Mapping(r.Mapping), MappingFrom: r.MappingFrom, MappingSaved: r.MappingSaved, DryRun: r.DryRun,
		Refused: r.Refused, RefusedReason: r.RefusedReason, Counts: r.Counts, FindingCounts: r.FindingCounts,
		Severities: r.Severities, Findings: r.Findings, FindingsTruncated: r.FindingsTruncated, From: r.From, To: r.To,
		Seconds: r.Seconds}
}

// BatchDetail is one batch with its findings.
type BatchDetail struct {
	Batch
	// Findings lists the first FindingsLimit findings; FindingCounts counts them all by kind.
	Findings          []ingest.Finding `json:"findings"`
	FindingsTruncated bool             `json:"findings_truncated,omitempty"`
	// Points is how many of the batch's points are in the data now.
	Points int `json:"points"`
}

// Batches lists the import batches of a feed ("" = all feeds the caller may
// see), oldest first.
func (im *Imports) Batches(feed string) ([]Batch, error) {
	bs, err := im.scope().Batches(im.store, feed)
	return convert(bs, batchOf), err
}

// Batch shows one batch: counts, findings summary and the first findings.
func (im *Imports) Batch(id uint64) (BatchDetail, error) {
	d, err := im.scope().Batch(im.store, id, FindingsLimit)
	if err != nil {
		return BatchDetail{}, err
	}
	return BatchDetail{Batch: batchOf(d.Batch), Findings: d.Findings, FindingsTruncated: d.Truncated, Points: d.Points}, nil
}

// Revert withdraws a batch: its points leave the data (audited).
func (im *Imports) Revert(id uint64, reason string) (Batch, error) {
	b, err := im.store.RevertBatch(id, reason)
	afterChange(im.store, err)
	return batchOf(b), err
}
