package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/export"
	"slate/internal/manifest"
	"slate/internal/pointhash"
	"slate/internal/storage"
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
	uploads    *uploadArea
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

// Pack formats.
const (
	PackXLSX = "xlsx"
	PackPDF  = "pdf"
)

// FingerprintVersion is the first line of the fingerprint recipe. v2 adds
// each batch's data digest, recomputed from the stored points; v1 packs are
// still recognised by verify-pack.
const FingerprintVersion = "slate-pack-fingerprint/v2"

const fingerprintV1 = "slate-pack-fingerprint/v1"

// folder is the packs folder: "packs" next to the database file. Download
// serves files from it only.
func (p *Packs) folder() string {
	return filepath.Join(filepath.Dir(p.store.Path()), "packs")
}

// PackFileName is the name of a pack file: review-pack-<period>.<format>.
func PackFileName(period, format string) string {
	return "review-pack-" + period + "." + format
}

func (q *PackQuery) normalise() error {
	q.Period = strings.TrimSpace(q.Period)
	if q.Period == "" {
		return errors.New("a pack needs a period (write 2026-10, 2026-Q3, 2026-W07, 2026 or 2026-10-05)")
	}
	if _, ok := compliance.KeyKind(q.Period); !ok {
		return fmt.Errorf("--period %q is not a period key (write 2026, 2026-Q3, 2026-W07, 2026-10 or 2026-10-05)", q.Period)
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
			return time.Time{}, fmt.Errorf("--date: %w", err)
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
	return p.jobs.start("pack", "Review pack "+q.Period, func(ctx context.Context, progress Progress) (any, error) {
		return p.build(ctx, q, p.folder(), progress)
	}), nil
}

// build writes the pack's files into the folder out.
func (p *Packs) build(ctx context.Context, q PackQuery, out string, progress Progress) (PackResult, error) {
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
	b, err := p.collect(ctx, q, at, progress)
	if err != nil {
		return PackResult{}, err
	}
	pack, err := b.pack(ctx, progress)
	if err != nil {
		return PackResult{}, err
	}
	if q.Anonymize {
		b.anon.apply(pack)
	}
	res := PackResult{Period: q.Period, GeneratedAt: at, Fingerprint: b.fp.Fingerprint, Scope: pack.Meta.Scope,
		Anonymized: q.Anonymize, SLTs: len(b.slts), Sections: len(pack.Sections), Files: []PackFile{}}
	done := int64(b.steps - len(q.Formats))
	for _, f := range q.Formats {
		if err := ctx.Err(); err != nil {
			return PackResult{}, err
		}
		progress(done, int64(b.steps), "writing "+strings.ToUpper(f))
		var buf bytes.Buffer
		if f == PackPDF {
			err = export.WritePDF(&buf, pack)
		} else {
			err = export.WriteXLSX(&buf, pack)
		}
		if err != nil {
			return PackResult{}, err
		}
		name := PackFileName(q.Period, f)
		path := filepath.Join(out, name)
		if err := writeFileAtomic(path, buf.Bytes()); err != nil {
			return PackResult{}, err
		}
		sum := sha256.Sum256(buf.Bytes())
		res.Files = append(res.Files, PackFile{Name: name, Path: path, Format: f, Size: int64(buf.Len()), SHA256: hex.EncodeToString(sum[:])})
		done++
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
			"scope": res.Scope, "anonymized": q.Anonymize, "generated_at": at.Format(time.RFC3339),
		})
		return err
	})
	if err != nil {
		return PackResult{}, fmt.Errorf("pack written (%s) but not audited: %w", strings.Join(names, ", "), err)
	}
	progress(int64(b.steps), int64(b.steps), "done")
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

// ---- fingerprint ----

// fingerprint is the data fingerprint and the lines it hashes.
type fingerprint struct {
	Fingerprint string
	Lines       []string
	// AuditSeq and AuditHash are the chain head the pack is anchored to:
	// the newest event that is not a pack export.
	AuditSeq  uint64
	AuditHash string
	// Feeds are the feeds the pack's SLTs read.
	Feeds []string
}

// Head is the anchored chain head as the pack's metadata writes it: SEQ:HASH.
func (fp fingerprint) Head() string {
	if fp.AuditSeq == 0 {
		return ""
	}
	return fmt.Sprintf("%d:%s", fp.AuditSeq, fp.AuditHash)
}

// computeFingerprint follows docs/pack.md: SHA-256 over the lines
//
//	slate-pack-fingerprint/v2
//	definitions <SHA-256 of `slate get all -o yaml`>
//	batch <id> <feed> <SHA-256 of the batch's file> points <n> <data SHA-256>
//	                  (published batches of the feeds the pack's SLTs read, by id;
//	                   the data digest is recomputed from the stored points)
//	audit <seq> <hash>                                 (newest audit event that changes data: not notData)
//
// each ending with "\n"; the fingerprint is "sha256:" and the hex digest.
func computeFingerprint(tx *storage.Tx, ws *domain.Workspace, slts []*domain.SLT) (fingerprint, error) {
	return fingerprintRecipe(tx, ws, slts, FingerprintVersion)
}

// fingerprintRecipe computes the fingerprint of either recipe version.
func fingerprintRecipe(tx *storage.Tx, ws *domain.Workspace, slts []*domain.SLT, version string) (fingerprint, error) {
	var fp fingerprint
	var yml bytes.Buffer
	if err := manifest.Encode(&yml, ws.Everything()); err != nil {
		return fp, err
	}
	sum := sha256.Sum256(yml.Bytes())
	fp.Lines = append(fp.Lines, version, "definitions "+hex.EncodeToString(sum[:]))
	feeds := feedsOf(ws, slts)
	fp.Feeds = slices.Sorted(maps.Keys(feeds))
	batches, err := tx.Batches("")
	if err != nil {
		return fp, err
	}
	slices.SortFunc(batches, func(a, b storage.Batch) int { return compareU64(a.ID, b.ID) })
	ids := map[string][]uint64{}
	for _, b := range batches {
		if b.Status == storage.StatusPublished && feeds[b.Feed] {
			ids[b.Feed] = append(ids[b.Feed], b.ID)
		}
	}
	digests := map[uint64]pointhash.Digest{}
	if version != fingerprintV1 {
		for feed, fids := range ids {
			ds, err := tx.FeedDigests(feed, fids)
			if err != nil {
				return fp, err
			}
			maps.Copy(digests, ds)
		}
	}
	for _, b := range batches {
		if b.Status != storage.StatusPublished || !feeds[b.Feed] {
			continue
		}
		line := fmt.Sprintf("batch %d %s %s", b.ID, b.Feed, b.SHA256)
		if version != fingerprintV1 {
			d := digests[b.ID]
			line += fmt.Sprintf(" points %d %s", d.Points, d.SHA256)
		}
		fp.Lines = append(fp.Lines, line)
	}
	seq, hash, err := dataHead(tx)
	if err != nil {
		return fp, err
	}
	fp.AuditSeq, fp.AuditHash = seq, hash
	fp.Lines = append(fp.Lines, fmt.Sprintf("audit %d %s", seq, hash))
	h := sha256.New()
	for _, l := range fp.Lines {
		h.Write([]byte(l + "\n"))
	}
	fp.Fingerprint = "sha256:" + hex.EncodeToString(h.Sum(nil))
	return fp, nil
}

func compareU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// notData are the audited actions that change nothing a pack shows: the
// exports (of packs and agendas) and the outbox's delivery bookkeeping (an
// attempt, its answer, a retry). The background loop records deliveries on
// its own; they must not make a pack stop matching its data.
var notData = map[string]bool{"export.pack": true, "export.agenda": true,
	"itsm.deliver": true, "itsm.attempt-failed": true, "itsm.retry": true}

// dataHead is the newest audit event that changes what a pack shows
// (notData: exporting twice gives the same fingerprint).
func dataHead(tx *storage.Tx) (uint64, string, error) {
	seq, hash, err := tx.AuditHead()
	if err != nil {
		return 0, "", err
	}
	for seq > 0 {
		evs, err := tx.AuditEvents(seq)
		if err != nil {
			return 0, "", err
		}
		if len(evs) == 0 || evs[0].Seq != seq {
			return 0, "", fmt.Errorf("audit event %d is missing (run slate audit verify)", seq)
		}
		if !notData[evs[0].Action] {
			return seq, evs[0].Hash, nil
		}
		seq--
		hash = ""
	}
	return 0, hash, nil
}

// feedsOf is the set of feeds the SLTs read, through composites.
func feedsOf(ws *domain.Workspace, slts []*domain.SLT) map[string]bool {
	feeds := map[string]bool{}
	seen := map[string]bool{}
	var walk func(s *domain.SLT)
	walk = func(s *domain.SLT) {
		if s == nil || seen[s.Name()] {
			return
		}
		seen[s.Name()] = true
		if s.Spec.Feed != "" {
			feeds[s.Spec.Feed] = true
		}
		if s.Spec.Composite != nil {
			for _, c := range s.Spec.Composite.Components {
				walk(ws.SLT(c.SLT))
			}
		}
	}
	for _, s := range slts {
		walk(s)
	}
	return feeds
}

// scopeSLTs returns the SLTs of the services (all when none), ordered by
// service, then name.
func scopeSLTs(ws *domain.Workspace, services []string) ([]*domain.SLT, error) {
	for _, s := range services {
		if ws.Service(s) == nil {
			return nil, fmt.Errorf("service %q does not exist", s)
		}
	}
	var out []*domain.SLT
	for _, s := range ws.SLTs() {
		if len(services) == 0 || slices.Contains(services, s.Spec.Service) {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b *domain.SLT) int {
		if c := strings.Compare(a.Spec.Service, b.Spec.Service); c != 0 {
			return c
		}
		return strings.Compare(a.Name(), b.Name())
	})
	return out, nil
}

// packScope is written into the file's metadata: "period=P services=a,b" (or *).
func packScope(period string, services []string) string {
	sv := "*"
	if len(services) > 0 {
		esc := make([]string, len(services))
		for i, s := range services {
			esc[i] = url.QueryEscape(s)
		}
		sv = strings.Join(esc, ",")
	}
	return "period=" + period + " services=" + sv
}

var (
	reFingerprint = regexp.MustCompile(`fingerprint (sha256:[0-9a-f]{64})`)
	reHead        = regexp.MustCompile(`head ([0-9]+):([0-9a-f]{64})`)
	rePeriod      = regexp.MustCompile(`period=(\S+)`)
	reServices    = regexp.MustCompile(`services=(\S+)`)
)

// ---- verify ----

// maxPackFile bounds a pack file read back for verification.
const maxPackFile = 256 << 20

// Verify checks an uploaded pack file (Imports.Upload, or a file picked in
// the window) against the data: it reads the fingerprint and scope back from
// the file (PDF keywords, or the XLSX document properties and cover sheet),
// recomputes the fingerprint from the database and says whether the pack
// still matches.
func (p *Packs) Verify(upload string) (PackVerification, error) {
	src, err := p.uploads.get(p.caller.Name, upload)
	if err != nil {
		return PackVerification{}, err
	}
	v, err := p.verifyFile(src.path, src.Name)
	if err == nil && src.owned {
		p.uploads.done(src.ID)
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
	var keywords string
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		v.Format = PackPDF
		keywords, err = pdfKeywords(data)
	case bytes.HasPrefix(data, []byte("PK")):
		v.Format = PackXLSX
		keywords, err = xlsxKeywords(data)
	default:
		return v, fmt.Errorf("%s is neither a PDF nor an XLSX file", name)
	}
	if err != nil {
		return v, fmt.Errorf("%s: %w", name, err)
	}
	m := reFingerprint.FindStringSubmatch(keywords)
	if m == nil {
		return v, fmt.Errorf("%s carries no Slate fingerprint (not a review pack, or its metadata was removed)", name)
	}
	v.Stored = m[1]
	var head *storage.Head
	if m := reHead.FindStringSubmatch(keywords); m != nil {
		seq, _ := strconv.ParseUint(m[1], 10, 64)
		head = &storage.Head{Seq: seq, Hash: m[2]}
		v.Head = m[1] + ":" + m[2]
		keywords = strings.Replace(keywords, m[0], "", 1)
	}
	if m := rePeriod.FindStringSubmatch(keywords); m != nil {
		v.Period = m[1]
	}
	var services []string
	if m := reServices.FindStringSubmatch(keywords); m != nil && m[1] != "*" {
		for s := range strings.SplitSeq(m[1], ",") {
			if u, err := url.QueryUnescape(s); err == nil && u != "" {
				services = append(services, u)
			}
		}
	}
	v.Scope = strings.Join(strings.Fields(strings.TrimPrefix(keywords, "fingerprint "+v.Stored)), " ")
	if services != nil {
		v.Services = services
	}
	var check storage.Verification
	err = p.store.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		real := services
		if anon := strings.Contains(keywords, "anonymized=yes"); anon && len(services) > 0 {
			ps, err := newPseudonyms(tx, ws)
			if err != nil {
				return err
			}
			real = nil
			for _, s := range services {
				r, ok := ps.service(s)
				if !ok {
					v.Message = fmt.Sprintf("the pack covers %s, which no longer matches a service of the workspace", s)
					return nil
				}
				real = append(real, r)
			}
		}
		for _, s := range real {
			if ws.Service(s) == nil {
				v.Message = fmt.Sprintf("the pack covers service %q, which no longer exists", s)
				return nil
			}
		}
		slts, err := scopeSLTs(ws, real)
		if err != nil {
			return err
		}
		fp, err := computeFingerprint(tx, ws, slts)
		if err != nil {
			return err
		}
		v.Current, v.Components, v.Recipe = fp.Fingerprint, fp.Lines, FingerprintVersion
		if v.Current != v.Stored {
			// A pack made by an older Slate: recipe v1 did not cover the stored points.
			if old, err := fingerprintRecipe(tx, ws, slts, fingerprintV1); err == nil && old.Fingerprint == v.Stored {
				v.Current, v.Components, v.Recipe = old.Fingerprint, old.Lines, fingerprintV1
			}
		}
		// Why it may not match: the chain against the pack's head, and the
		// stored points of its feeds against the digests recorded at import.
		check, err = tx.Verify(storage.VerifyOptions{Anchor: head, Feeds: fp.Feeds})
		return err
	})
	if err != nil {
		return v, err
	}
	v.HeadOK = head != nil && check.Anchor != nil && check.Anchor.OK
	v.Match = v.Current != "" && v.Current == v.Stored && (head == nil || v.HeadOK) && check.OK
	switch {
	case v.Message != "":
	case head != nil && !v.HeadOK && check.Anchor != nil:
		v.Message = fmt.Sprintf("the pack does NOT match: the audit trail no longer extends the head it recorded (event %d): %s", head.Seq, check.Anchor.Problem)
	case !check.OK:
		v.Message = "the pack does NOT match: " + check.Problem
	case v.Match && v.Recipe == fingerprintV1:
		v.Message = "the pack matches the data (it was made by an older Slate, whose fingerprint did not cover the stored points; they were checked against the audit trail instead)"
	case v.Match:
		v.Message = "the pack matches the data: definitions, the stored points of every batch, and the audit chain are as they were when it was exported"
	default:
		v.Message = "the pack does NOT match the data: definitions, data batches or the audit trail changed since it was exported (compare the components with the pack's audit appendix)"
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
