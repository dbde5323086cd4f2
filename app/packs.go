package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slate/internal/jobs"
	"slices"
	"strconv"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/export"
	"slate/internal/pack"
	"slate/internal/storage"
	"slate/internal/uploads"
)

// Packs builds the service review pack (docs/pack.md): the workspace's
// compliance, analysis, breaches, exceptions, credits, data quality and audit
// trail for one period, as XLSX and PDF, with a data fingerprint that
// VerifyPack recomputes.
type Packs struct {
	store      *storage.Store
	compliance *Compliance
	analysis   *Analysis
	jobs       *Jobs
	uploads    *uploads.Area
	caller     Caller
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
type PackFile struct {
	Name   string `json:"name"`
	Path   string `json:"path"`
	Format string `json:"format"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

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
	PackXLSX = "xlsx"
	PackPDF  = "pdf"
	PackData = "data"
)

// FingerprintVersion is the first line of the fingerprint recipe (internal/pack).
const FingerprintVersion = pack.RecipeV2

// folder is the packs folder: "packs" next to the database file. Download
// serves files from it only.
func (p *Packs) folder() string {
	return filepath.Join(filepath.Dir(p.store.Path()), "packs")
}

// PackFileName is the name of a pack file: review-pack-<period>.<format>.
func PackFileName(period, format string) string {
	return "review-pack-" + period + "." + format
}

// fileName is the name of the query's pack file: a supplier's pack is
// review-pack-<period>-<supplier>.<format>.
func (q PackQuery) fileName(format string) string {
	if q.Supplier == "" {
		return PackFileName(q.Period, format)
	}
	return PackFileName(q.Period+"-"+uploads.CleanName(q.Supplier), format)
}

func (q *PackQuery) normalise() error {
	q.Period = strings.TrimSpace(q.Period)
	if q.Period == "" {
		return errors.New("a pack needs a period (write 2026-10, 2026-Q3, 2026-W07, 2026 or 2026-10-05)")
	}
	if _, ok := compliance.KeyKind(q.Period); !ok {
		return domain.FieldErrorf("period", "period %q is not a period key (write 2026, 2026-Q3, 2026-W07, 2026-10 or 2026-10-05)", q.Period)
	}
	fs := commaList(q.Formats, strings.ToLower)
	for _, f := range fs {
		if f != PackXLSX && f != PackPDF {
			return fmt.Errorf("format %q: write xlsx, pdf or xlsx,pdf", f)
		}
	}
	if len(fs) == 0 {
		fs = []string{PackPDF, PackXLSX}
	}
	q.Formats = fs
	q.Services = commaList(q.Services, func(s string) string { return s })
	q.Supplier = strings.TrimSpace(q.Supplier)
	switch {
	case q.Supplier != "" && len(q.Services) > 0:
		return domain.FieldErrorf("supplier", "a supplier's pack covers its own contracts and SLTs: give a supplier or services, not both")
	case q.Supplier != "" && q.Anonymize:
		return domain.FieldErrorf("supplier", "a joint supplier review names both sides: it is not anonymised")
	}
	return nil
}

// commaList reads values given as repeated flags, comma lists or both:
// trimmed, normalised by norm, without blanks or repeats, sorted.
func commaList(items []string, norm func(string) string) []string {
	var out []string
	for _, it := range items {
		for part := range strings.SplitSeq(it, ",") {
			if part = norm(strings.TrimSpace(part)); part != "" && !slices.Contains(out, part) {
				out = append(out, part)
			}
		}
	}
	slices.Sort(out)
	return out
}

// generatedAt is the pack's time: Date, else SOURCE_DATE_EPOCH, else the clock.
func (p *Packs) generatedAt(date string) (time.Time, error) {
	if date != "" {
		t, err := ParseTime(date)
		if err != nil {
			return time.Time{}, domain.FieldErrorf("date", "the pack's date: %w", err)
		}
		return t, nil
	}
	if s := strings.TrimSpace(os.Getenv("SOURCE_DATE_EPOCH")); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return p.store.Now().UTC().Truncate(time.Second), nil
}

// Build writes the pack's files into the packs folder and audits the export.
func (p *Packs) Build(q PackQuery) (PackResult, error) {
	return p.build(context.Background(), q, p.folder(), func(int64, int64, string) {})
}

// Start builds the pack as a background job (Jobs.Get shows progress per
// section and SLT; the result is a PackResult).
func (p *Packs) Start(q PackQuery) (uint64, error) {
	if err := q.normalise(); err != nil {
		return 0, err
	}
	if _, err := p.generatedAt(q.Date); err != nil {
		return 0, err
	}
	title := "Review pack " + q.Period
	if q.Supplier != "" {
		title += " with " + q.Supplier
	}
	return p.jobs.start("pack", title, func(ctx context.Context, progress jobs.Progress) (any, error) {
		return p.build(ctx, q, p.folder(), progress)
	}), nil
}

// build writes the pack's files into the folder out.
func (p *Packs) build(ctx context.Context, q PackQuery, out string, progress jobs.Progress) (PackResult, error) {
	if err := q.normalise(); err != nil {
		return PackResult{}, err
	}
	at, err := p.generatedAt(q.Date)
	if err != nil {
		return PackResult{}, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return PackResult{}, err
	}
	// the pack lists root-cause analyses: the rule runs first, as Slate (it
	// writes only when a run of misses opened or grew an analysis)
	if err := syncRCAs(p.store); err != nil {
		return PackResult{}, fmt.Errorf("root-cause rule: %w", err)
	}
	in, steps, data, err := p.collect(ctx, q, at, progress)
	if err != nil {
		return PackResult{}, err
	}
	pk, err := pack.Build(in)
	if err != nil {
		return PackResult{}, err
	}
	res := PackResult{Period: q.Period, GeneratedAt: at, Fingerprint: in.Fingerprint.Fingerprint, Scope: pk.Meta.Scope,
		Anonymized: q.Anonymize, Supplier: q.Supplier, SLTs: len(in.SLTs), Sections: len(pk.Sections), Files: []PackFile{}}
	done := int64(steps - len(q.Formats))
	for _, f := range q.Formats {
		if err := ctx.Err(); err != nil {
			return PackResult{}, err
		}
		progress(done, int64(steps), "writing "+strings.ToUpper(f))
		var buf bytes.Buffer
		if f == PackPDF {
			err = export.WritePDF(&buf, pk)
		} else {
			err = export.WriteXLSX(&buf, pk)
		}
		if err != nil {
			return PackResult{}, err
		}
		name := q.fileName(f)
		path := filepath.Join(out, name)
		if err := writeFileAtomic(path, buf.Bytes()); err != nil {
			return PackResult{}, err
		}
		sum := sha256.Sum256(buf.Bytes())
		res.Files = append(res.Files, PackFile{Name: name, Path: path, Format: f, Size: int64(buf.Len()), SHA256: hex.EncodeToString(sum[:])})
		done++
	}
	for _, d := range data {
		path := filepath.Join(out, d.name)
		if err := writeFileAtomic(path, d.data); err != nil {
			return PackResult{}, err
		}
		sum := sha256.Sum256(d.data)
		res.Files = append(res.Files, PackFile{Name: d.name, Path: path, Format: PackData, Size: int64(len(d.data)), SHA256: hex.EncodeToString(sum[:])})
	}
	names := make([]string, len(res.Files))
	files := make([]map[string]any, len(res.Files))
	for i, f := range res.Files {
		names[i] = f.Name
		files[i] = map[string]any{"name": f.Name, "sha256": f.SHA256, "size": f.Size}
	}
	err = p.store.Update(func(tx *storage.Tx) error {
		_, err := tx.Audit("export.pack", "Pack/"+q.Period, map[string]any{
			"period": q.Period, "formats": q.Formats, "fingerprint": res.Fingerprint, "files": files,
			"scope": res.Scope, "anonymized": q.Anonymize, "generated_at": at.Format(time.RFC3339), "supplier": q.Supplier,
		})
		return err
	})
	if err != nil {
		return PackResult{}, fmt.Errorf("pack written (%s) but not audited: %w", strings.Join(names, ", "), err)
	}
	progress(int64(steps), int64(steps), "done")
	return res, nil
}

func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".pack-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// ---- verify ----

// maxPackFile bounds a pack file read back for verification.
const maxPackFile = 256 << 20

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
	v, err := p.verifyFile(src.Path, src.Name)
	if err == nil && src.Owned {
		p.uploads.Done(src.ID)
	}
	return v, err
}

// VerifyStored checks a pack file of the packs folder (List), by name.
func (p *Packs) VerifyStored(name string) (PackVerification, error) {
	path, err := p.stored(name)
	if err != nil {
		return PackVerification{}, err
	}
	return p.verifyFile(path, name)
}

// verifyFile verifies the pack file at path; name is how messages call it.
func (p *Packs) verifyFile(path, name string) (PackVerification, error) {
	v := PackVerification{File: name, Services: []string{}, Components: []string{}}
	f, err := os.Open(path)
	if err != nil {
		return v, err
	}
	data, err := io.ReadAll(io.LimitReader(f, maxPackFile+1))
	f.Close()
	if err != nil {
		return v, err
	}
	if len(data) > maxPackFile {
		return v, fmt.Errorf("%s is over %d MiB: not a review pack", name, maxPackFile>>20)
	}
	format, keywords, err := export.ReadKeywords(data)
	if errors.Is(err, export.ErrNotPackFile) {
		return v, fmt.Errorf("%s is %w", name, err)
	}
	if err != nil {
		return v, fmt.Errorf("%s: %w", name, err)
	}
	v.Format = format
	st, err := pack.ReadStamp(keywords)
	if err != nil {
		return v, fmt.Errorf("%s carries %w", name, err)
	}
	v.Stored, v.Head, v.Scope, v.Period = st.Fingerprint, st.Head, st.Scope, st.Period
	if st.Services != nil {
		v.Services = st.Services
	}
	var head *storage.Head
	if st.Head != "" {
		head = &storage.Head{Seq: st.HeadSeq, Hash: st.HeadHash}
	}
	c := pack.Check{Stored: st.Fingerprint}
	err = p.store.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		var ps *pack.Pseudonyms
		if st.Anonymized {
			if ps, err = pseudonymsOf(tx, ws); err != nil {
				return err
			}
		}
		real, gone := st.RealServices(ws, ps)
		if gone != "" {
			v.Message = gone
			return nil
		}
		slts, err := pack.ScopeSLTs(ws, real)
		if st.Supplier != "" {
			if ws.Supplier(st.Supplier) == nil {
				v.Message = fmt.Sprintf("the pack is a joint review with supplier %q, which no longer exists", st.Supplier)
				return nil
			}
			slts, err = supplierSLTs(ws, st.Supplier)
		}
		if err != nil {
			return err
		}
		fp, err := fingerprintOf(tx, ws, slts, pack.RecipeV2)
		if err != nil {
			return err
		}
		c.Current, c.Recipe, v.Components = fp.Fingerprint, pack.RecipeV2, fp.Lines
		if c.Current != c.Stored {
			// A pack made by an older Slate: recipe v1 did not cover the stored points.
			if old, err := fingerprintOf(tx, ws, slts, pack.RecipeV1); err == nil && old.Fingerprint == c.Stored {
				c.Current, c.Recipe, v.Components = old.Fingerprint, pack.RecipeV1, old.Lines
			}
		}
		// Why it may not match: the chain against the pack's head, and the
		// stored points of its feeds against the digests recorded at import.
		check, err := tx.Verify(storage.VerifyOptions{Anchor: head, Feeds: fp.Feeds})
		c.ChainOK, c.Problem = check.OK, check.Problem
		if check.Anchor != nil {
			c.HeadChecked, c.HeadOK, c.HeadProblem = true, check.Anchor.OK, check.Anchor.Problem
		}
		return err
	})
	if err != nil {
		return v, err
	}
	v.Current, v.Recipe, v.HeadOK = c.Current, c.Recipe, head != nil && c.HeadOK
	v.Match = c.Match(head != nil)
	if v.Message == "" {
		v.Message = c.Verdict(st)
	}
	return v, nil
}

// stored is the path of a pack file of the packs folder, by name: a plain
// name (no folder, not hidden) of a regular .pdf or .xlsx file there.
func (p *Packs) stored(name string) (string, error) {
	if name == "" || name != filepath.Base(name) || strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") {
		return "", fmt.Errorf("%s is not a pack file name (write e.g. review-pack-2026-10.pdf)", Clip(name))
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf", ".xlsx":
	default:
		return "", fmt.Errorf("%s is not a pack file (.pdf or .xlsx)", Clip(name))
	}
	path := filepath.Join(p.folder(), name)
	st, err := os.Lstat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("pack file %s: %w", Clip(name), storage.ErrNotFound)
		}
		return "", err
	}
	if !st.Mode().IsRegular() {
		return "", fmt.Errorf("%s is not a regular file", Clip(name))
	}
	return path, nil
}

// Download returns a pack file from the packs folder by name.
func (p *Packs) Download(name string) (PackDownload, error) {
	path, err := p.stored(name)
	if err != nil {
		return PackDownload{}, err
	}
	ct := MimePDF
	if strings.EqualFold(filepath.Ext(name), ".xlsx") {
		ct = MimeXLSX
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return PackDownload{}, err
	}
	return PackDownload{Name: name, ContentType: ct, Data: data}, nil
}

// List lists the pack files in the packs folder, by name.
func (p *Packs) List() ([]PackFile, error) {
	out := []PackFile{}
	entries, err := os.ReadDir(p.folder())
	if errors.Is(err, os.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return out, err
	}
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if !e.Type().IsRegular() || (ext != ".pdf" && ext != ".xlsx") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, PackFile{Name: e.Name(), Path: filepath.Join(p.folder(), e.Name()), Format: ext[1:], Size: info.Size()})
	}
	return out, nil
}
