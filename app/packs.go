package app

import (
	"context"
	"path/filepath"
	"slate/internal/jobs"
	"slate/internal/packjob"
	"strings"
	"time"

	"slate/internal/storage"
	"slate/internal/uploads"
)

// Packs builds the service review pack (docs/pack.md): the workspace's
// compliance, analysis, breaches, exceptions, credits, data quality and audit
// trail for one period, as XLSX and PDF, with a data fingerprint that
// VerifyPack recomputes.
type Packs struct {
	store   *storage.Store
	jobs    *Jobs
	uploads *uploads.Area
	caller  Caller
}

// PackQuery selects what a pack covers. The files go to the packs folder
// ("packs" next to the database); the CLI writes them where its user says (Local.BuildPack).
type PackQuery struct {
	// Period is a period key: 2026-10, 2026-Q3, 2026-W07, 2026 or 2026-10-05.
	Period string `json:"period"`
	// Services limits the pack to these services' SLTs (empty: every service).
	Services []string `json:"services,omitempty"`
	// Formats: "xlsx", "pdf" (empty: both).
	Formats []string `json:"formats,omitempty"`
	// Anonymize replaces people, supplier and service names with stable pseudonyms.
	Anonymize bool `json:"anonymize,omitempty"`
	// Supplier scopes the pack to a joint review with one supplier: its
	// contracts and SLTs, its maturity, improvement actions and contingency
	// plan, with the data set (each feed's rows of the period, in the feed's
	// own layout) written beside the pack files.
	Supplier string `json:"supplier,omitempty"`
	// Date fixes the generation time (RFC 3339 or a date); empty: the
	// SOURCE_DATE_EPOCH environment variable (Unix seconds) or now. The pack
	// is evaluated as of this time.
	Date string `json:"date,omitempty"`
}

// PackFile is one file of a pack.
type PackFile packjob.File

// PackResult says what Build wrote.
type PackResult struct {
	Period      string     `json:"period"`
	GeneratedAt time.Time  `json:"generated_at"`
	Fingerprint string     `json:"fingerprint"`
	Scope       string     `json:"scope"`
	Anonymized  bool       `json:"anonymized"`
	Supplier    string     `json:"supplier,omitempty"`
	SLTs        int        `json:"slts"`
	Sections    int        `json:"sections"`
	Files       []PackFile `json:"files"`
}

// PackVerification is the outcome of checking a pack file against the data.
type PackVerification struct {
	File   string `json:"file"`
	Format string `json:"format"`
	// Stored is the fingerprint read from the file; Current is recomputed from the database.
	Stored   string   `json:"stored"`
	Current  string   `json:"current"`
	Match    bool     `json:"match"`
	Scope    string   `json:"scope"`
	Period   string   `json:"period,omitempty"`
	Services []string `json:"services"`
	// Components are the lines the current fingerprint was computed from (docs/pack.md).
	Components []string `json:"components"`
	// Head is the audit chain head the pack recorded (SEQ:HASH; empty for
	// packs made before Slate wrote it); HeadOK says the stored chain still
	// extends it.
	Head   string `json:"head,omitempty"`
	HeadOK bool   `json:"head_ok,omitempty"`
	// Recipe is the fingerprint recipe the pack was made with.
	Recipe  string `json:"recipe,omitempty"`
	Message string `json:"message"`
}

// PackDownload is a produced pack file's bytes (base64 in JSON).
type PackDownload struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Data        []byte `json:"data"`
}

// Pack formats; PackData marks a supplier's data set file beside the pack.
const (
	PackXLSX = packjob.XLSX
	PackPDF  = packjob.PDF
	PackData = packjob.Data
)

// Build writes the pack's files into the packs folder and audits the export.
func (p *Packs) Build(q PackQuery) (PackResult, error) {
	return p.build(context.Background(), q, packjob.Folder(p.store), func(int64, int64, string) {})
}

// Start builds the pack as a background job (Jobs.Get shows progress per
// section and SLT; the result is a PackResult).
func (p *Packs) Start(q PackQuery) (uint64, error) {
	pq := packjob.Query(q)
	if err := pq.Normalise(); err != nil {
		return 0, err
	}
	if _, err := packjob.GeneratedAt(p.store, q.Date); err != nil {
		return 0, err
	}
	title := "Review pack " + pq.Period
	if pq.Supplier != "" {
		title += " with " + pq.Supplier
	}
	return p.jobs.start("pack", title, func(ctx context.Context, progress jobs.Progress) (any, error) {
		return p.build(ctx, q, packjob.Folder(p.store), progress)
	}), nil
}

// build writes the pack's files into the folder out (internal/packjob).
func (p *Packs) build(ctx context.Context, q PackQuery, out string, progress jobs.Progress) (PackResult, error) {
	pq := packjob.Query(q)
	if err := pq.Normalise(); err != nil {
		return PackResult{}, err
	}
	r, err := packjob.Build(ctx, p.store, pq, out, progress)
	if err != nil {
		return PackResult{}, err
	}
	return PackResult{Period: r.Period, GeneratedAt: r.GeneratedAt, Fingerprint: r.Fingerprint, Scope: r.Scope, Anonymized: r.Anonymized,
		Supplier: r.Supplier, SLTs: r.SLTs, Sections: r.Sections, Files: convert(r.Files, func(f packjob.File) PackFile { return PackFile(f) })}, nil
}

// Verify checks an uploaded pack file (Imports.Upload, or a file picked in
// the window) against the data: it reads the fingerprint and scope back from
// the file (PDF keywords, or the XLSX document properties and cover sheet),
// recomputes the fingerprint from the database and says whether the pack
// still matches.
func (p *Packs) Verify(upload string) (PackVerification, error) {
	src, err := p.uploads.Get(p.caller.Name, upload)
	if err != nil {
		return PackVerification{}, err
	}
	v, err := packjob.Verify(p.store, src.Path, src.Name)
	if err == nil && src.Owned {
		p.uploads.Done(src.ID)
	}
	return PackVerification(v), err
}

// VerifyStored checks a pack file of the packs folder (List), by name.
func (p *Packs) VerifyStored(name string) (PackVerification, error) {
	path, err := packjob.Stored(packjob.Folder(p.store), name)
	if err != nil {
		return PackVerification{}, err
	}
	v, err := packjob.Verify(p.store, path, name)
	return PackVerification(v), err
}

// Download returns a pack file from the packs folder by name.
func (p *Packs) Download(name string) (PackDownload, error) {
	data, err := packjob.Read(p.store, name)
	if err != nil {
		return PackDownload{}, err
	}
	ct := MimePDF
	if strings.EqualFold(filepath.Ext(name), ".xlsx") {
		ct = MimeXLSX
	}
	return PackDownload{Name: name, ContentType: ct, Data: data}, nil
}

// List lists the pack files in the packs folder, by name.
func (p *Packs) List() ([]PackFile, error) {
	fs, err := packjob.List(packjob.Folder(p.store))
	return convert(fs, func(f packjob.File) PackFile { return PackFile(f) }), err
}
