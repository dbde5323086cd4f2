package importer

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"slate/internal/domain"
	"slate/internal/ingest"
	"slate/internal/storage"
)

// Preview is how a file would be read, before importing it.
type Preview struct {
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
	Samples    [][]string        `json:"samples"`
	Suggestion ingest.Suggestion `json:"suggestion"`
	// Saved is the feed's saved mapping, if any.
	Saved *domain.Mapping `json:"saved,omitempty"`
}

// PreviewFile reads the start of the file at path (called file in
// messages) for the import wizard: header, first rows, and a suggested
// mapping for the feed (sheet "" = the feed's mapping's, else the first).
func PreviewFile(path, file string, fd *domain.Feed, sheet string) (Preview, error) {
	var res Preview
	f, err := os.Open(path)
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
	o, err := openRows(f, file, st.Size(), sheet, fd.Spec.Mapping, ingest.Limits{})
	if err != nil {
		return res, fmt.Errorf("%s: %w", file, err)
	}
	defer o.close()
	res = Preview{File: file, Size: st.Size(), Format: o.format, Encoding: o.encoding,
		Delimiter: o.delimiter, Sheet: o.sheet, Sheets: o.sheets, HeaderRow: o.table.HeaderRow,
		Header: o.table.Header, Samples: o.table.Samples(20), Saved: fd.Spec.Mapping}
	res.Suggestion = ingest.Suggest(res.Header, res.Samples, fd.Spec.Shape)
	if res.Samples == nil {
		res.Samples = [][]string{}
	}
	return res, nil
}

// Findings reads the first limit findings of batch id (truncated: there are more).
func Findings(tx *storage.Tx, id uint64, limit int) (fs []ingest.Finding, truncated bool, err error) {
	fs = []ingest.Finding{}
	err = tx.BatchFindings(id, func(v []byte) error {
		if len(fs) >= limit {
			truncated = true
			return storage.ErrStop
		}
		var f ingest.Finding
		if err := json.Unmarshal(v, &f); err != nil {
			return err
		}
		fs = append(fs, f)
		return nil
	})
	if errors.Is(err, storage.ErrStop) {
		err = nil
	}
	return fs, truncated, err
}

// Points counts the points of batch b in the data now (a published batch's
// points that later batches did not replace).
func Points(tx *storage.Tx, b storage.Batch) (int, error) {
	if b.Status != storage.StatusPublished || b.From.IsZero() {
		return 0, nil
	}
	n := 0
	err := tx.ScanPoints(b.Feed, b.From, b.To.Add(1), func(p domain.Point) error {
		if p.Batch == b.ID {
			n++
		}
		return nil
	})
	return n, err
}

// WriteSource writes the original file of batch b to w, rendered from its
// kept lines or decompressed, and checks its SHA-256 (a failed check is an
// error after the bytes were written: the caller removes what it wrote).
func WriteSource(tx *storage.Tx, b storage.Batch, w io.Writer) (int64, error) {
	h := sha256.New()
	var n int64
	var err error
	if b.SourceLines {
		bw := bufio.NewWriterSize(io.MultiWriter(w, h), 1<<16)
		if n, err = writeLines(tx, b.ID, bw); err == nil {
			err = bw.Flush()
		}
	} else {
		n, err = tx.BatchSource(b.ID, io.MultiWriter(w, h))
	}
	if err != nil {
		return n, err
	}
	if b.SHA256 != "" && hex.EncodeToString(h.Sum(nil)) != b.SHA256 {
		return n, fmt.Errorf("batch %d: the stored source does not match its SHA-256 %s", b.ID, b.SHA256)
	}
	return n, nil
}

// WriteRejects writes every rejected row of batch b with its findings and
// the fix, as CSV or XLSX, and returns the number of rows written.
func WriteRejects(tx *storage.Tx, b storage.Batch, w io.Writer, csv bool) (int, error) {
	n := 0
	info := ingest.RejectsInfo{Batch: b.ID, Feed: b.Feed, File: b.File, Header: b.Header}
	var derr error
	rows := func(yield func(ingest.RejectedRow) bool) {
		derr = tx.BatchRejects(b.ID, func(_ uint64, v []byte) error {
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
	var err error
	if csv {
		err = ingest.WriteRejectsCSV(w, info, rows)
	} else {
		err = ingest.WriteRejectsXLSX(w, info, rows)
	}
	if err == nil && derr != nil && !errors.Is(derr, storage.ErrStop) {
		err = derr
	}
	return n, err
}

// Feed describes a feed for the import wizard: its shape, the fields a
// mapping needs, its saved mapping, and its published batches.
type Feed struct {
	Name        string `json:"name"`
	DisplayName string `json:"display_name"`
	Shape       string `json:"shape"`
	Supplier    string `json:"supplier,omitempty"`
	Owner       string `json:"owner,omitempty"`
	Unit        string `json:"unit,omitempty"`
	Interval    string `json:"interval,omitempty"`
	TimeZone    string `json:"time_zone"`
	// Required and Optional are mapping fields (time, value, good, total, item, opened...).
	Required []string        `json:"required"`
	Optional []string        `json:"optional"`
	Mapping  *domain.Mapping `json:"mapping,omitempty"`
	// Batches counts published batches; LastImport is when the newest was published.
	Batches    int       `json:"batches"`
	LastImport time.Time `json:"last_import,omitzero"`
	// DataTo is the end of the newest published batch's time range.
	DataTo time.Time `json:"data_to,omitzero"`
}

// Describe describes feed f, whose published batches are among bs.
func Describe(f *domain.Feed, bs []storage.Batch) Feed {
	req, opt := ingest.ShapeFields(f.Spec.Shape)
	fi := Feed{Name: f.Name(), DisplayName: f.Metadata.DisplayName, Shape: f.Spec.Shape, Supplier: f.Spec.Supplier,
		Owner: f.Spec.Owner, Unit: f.Spec.Unit, TimeZone: f.Spec.TimeZone, Required: nonNil(req), Optional: nonNil(opt), Mapping: f.Spec.Mapping}
	if fi.DisplayName == "" {
		fi.DisplayName = f.Name()
	}
	if fi.TimeZone == "" {
		fi.TimeZone = "UTC"
	}
	if f.Spec.Interval.D() > 0 {
		fi.Interval = f.Spec.Interval.String()
	}
	for _, b := range bs {
		if b.Feed != fi.Name || b.Status != storage.StatusPublished {
			continue
		}
		fi.Batches++
		if b.Published.After(fi.LastImport) {
			fi.LastImport = b.Published
		}
		if b.To.After(fi.DataTo) {
			fi.DataTo = b.To
		}
	}
	return fi
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
