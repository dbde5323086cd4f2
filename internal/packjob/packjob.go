// Package packjob makes the service review pack of a workspace
// (docs/pack.md): it collects the pack's input from the store (each SLT
// evaluated once, internal/judge), lays it out (internal/pack), writes the
// files atomically and audits the export; and it verifies a pack file
// against the data it was made from.
package packjob

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/export"
	"slate/internal/improve"
	"slate/internal/jobs"
	"slate/internal/pack"
	"slate/internal/storage"
	"slate/internal/uploads"
)

// Pack formats; Data marks a supplier's data set file beside the pack.
const (
	XLSX = "xlsx"
	PDF  = "pdf"
	Data = "data"
)

// Query selects what a pack covers (the faces' PackQuery).
type Query struct {
	Period    string
	Services  []string
	Formats   []string
	Anonymize bool
	Supplier  string
	Date      string
}

// File is one file of a pack.
type File struct {
	Name   string `json:"name"`
	Path   string `json:"path"`
	Format string `json:"format"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Result says what Build wrote.
type Result struct {
	Period      string
	GeneratedAt time.Time
	Fingerprint string
	Scope       string
	Anonymized  bool
	Supplier    string
	SLTs        int
	Sections    int
	Files       []File
}

// Folder is the packs folder of a store: "packs" next to the database file.
func Folder(st *storage.Store) string {
	return filepath.Join(filepath.Dir(st.Path()), "packs")
}

// WorkspaceName is how a file names its workspace: the database file's
// name without its extension.
func WorkspaceName(st *storage.Store) string {
	base := filepath.Base(st.Path())
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// FileName is the name of a pack file: review-pack-<period>.<format>.
func FileName(period, format string) string {
	return "review-pack-" + period + "." + format
}

// fileName is the name of the query's pack file: a supplier's pack is
// review-pack-<period>-<supplier>.<format>.
func (q Query) fileName(format string) string {
	if q.Supplier == "" {
		return FileName(q.Period, format)
	}
	return FileName(q.Period+"-"+uploads.CleanName(q.Supplier), format)
}

// Normalise checks the query and puts it in canonical form: formats
// lower-case (both when none), services and formats sorted without repeats.
func (q *Query) Normalise() error {
	q.Period = strings.TrimSpace(q.Period)
	if q.Period == "" {
		return errors.New("a pack needs a period (write 2026-10, 2026-Q3, 2026-W07, 2026 or 2026-10-05)")
	}
	if _, ok := compliance.KeyKind(q.Period); !ok {
		return domain.FieldErrorf("period", "period %q is not a period key (write 2026, 2026-Q3, 2026-W07, 2026-10 or 2026-10-05)", q.Period)
	}
	fs := commaList(q.Formats, strings.ToLower)
	for _, f := range fs {
		if f != XLSX && f != PDF {
			return fmt.Errorf("format %q: write xlsx, pdf or xlsx,pdf", f)
		}
	}
	if len(fs) == 0 {
		fs = []string{PDF, XLSX}
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

// GeneratedAt is the pack's time: date, else SOURCE_DATE_EPOCH, else the
// store's clock.
func GeneratedAt(st *storage.Store, date string) (time.Time, error) {
	if date != "" {
		t, err := compliance.ParseTime(date)
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
	return st.Now().UTC().Truncate(time.Second), nil
}

// Build writes the pack's files into the folder out and audits the export.
// The query must be normalised.
func Build(ctx context.Context, st *storage.Store, q Query, out string, progress jobs.Progress) (Result, error) {
	at, err := GeneratedAt(st, q.Date)
	if err != nil {
		return Result{}, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return Result{}, err
	}
	// the pack lists root-cause analyses: the rule runs first
	if err := improve.Sync(st); err != nil {
		return Result{}, fmt.Errorf("root-cause rule: %w", err)
	}
	in, steps, data, err := Collect(ctx, st, q, at, progress)
	if err != nil {
		return Result{}, err
	}
	pk, err := pack.Build(in)
	if err != nil {
		return Result{}, err
	}
	res := Result{Period: q.Period, GeneratedAt: at, Fingerprint: in.Fingerprint.Fingerprint, Scope: pk.Meta.Scope,
		Anonymized: q.Anonymize, Supplier: q.Supplier, SLTs: len(in.SLTs), Sections: len(pk.Sections), Files: []File{}}
	add := func(name, format string, data []byte) error {
		path := filepath.Join(out, name)
		if err := writeFileAtomic(path, data); err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		res.Files = append(res.Files, File{Name: name, Path: path, Format: format, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])})
		return nil
	}
	done := int64(steps - len(q.Formats))
	for _, f := range q.Formats {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		progress(done, int64(steps), "writing "+strings.ToUpper(f))
		var buf bytes.Buffer
		if f == PDF {
			err = export.WritePDF(&buf, pk)
		} else {
			err = export.WriteXLSX(&buf, pk)
		}
		if err != nil {
			return Result{}, err
		}
		if err := add(q.fileName(f), f, buf.Bytes()); err != nil {
			return Result{}, err
		}
		done++
	}
	for _, d := range data {
		if err := add(d.name, Data, d.data); err != nil {
			return Result{}, err
		}
	}
	names := make([]string, len(res.Files))
	files := make([]map[string]any, len(res.Files))
	for i, f := range res.Files {
		names[i] = f.Name
		files[i] = map[string]any{"name": f.Name, "sha256": f.SHA256, "size": f.Size}
	}
	err = st.Update(func(tx *storage.Tx) error {
		_, err := tx.Audit("export.pack", "Pack/"+q.Period, map[string]any{
			"period": q.Period, "formats": q.Formats, "fingerprint": res.Fingerprint, "files": files,
			"scope": res.Scope, "anonymized": q.Anonymize, "generated_at": at.Format(time.RFC3339), "supplier": q.Supplier,
		})
		return err
	})
	if err != nil {
		return Result{}, fmt.Errorf("pack written (%s) but not audited: %w", strings.Join(names, ", "), err)
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
