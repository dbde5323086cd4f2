package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slate/internal/jobs"
	"strings"
	"time"

	"slate/internal/importer"
	"slate/internal/ingest"
	"slate/internal/uploads"
)

// Job kinds started by Imports.
const (
	JobImport = "import"
	JobCheck  = "import-check"
)

// Start runs an import (or, with DryRun, the validation of one) as a
// background job and returns its id at once; Jobs.Get reports progress (bytes
// of a CSV, rows of an XLSX) and, when done, the ImportResult. Jobs.Cancel
// stops it: the staging batch is discarded and nothing changes — no points,
// no batch, no saved mapping, no audit event.
func (im *Imports) Start(req ImportRequest) (uint64, error) {
	if strings.TrimSpace(req.Upload) == "" {
		return 0, errors.New("choose a file to import")
	}
	if err := importer.CheckPolicy(req.OnConflict); err != nil {
		return 0, err
	}
	if _, err := im.scope().Feed(im.store, req.Feed); err != nil {
		return 0, err
	}
	src, err := im.uploads.Get(im.caller.Name, req.Upload)
	if err != nil {
		return 0, err
	}
	kind, title := JobImport, fmt.Sprintf("Import %s into %s", src.Name, req.Feed)
	if req.DryRun {
		kind, title = JobCheck, fmt.Sprintf("Check %s for %s", src.Name, req.Feed)
	}
	return im.jobs.start(kind, title, func(ctx context.Context, progress jobs.Progress) (any, error) {
		step := "Reading and validating rows"
		if !req.DryRun {
			step = "Reading, validating and storing rows"
		}
		progress(0, src.Size, step)
		caller := req.Progress
		req.Progress = func(done, total int64) {
			progress(done, total, step)
			if caller != nil {
				caller(done, total)
			}
		}
		res, err := im.run(ctx, req, src)
		if err != nil {
			return nil, err
		}
		afterImport(im.store, res, nil)
		if res.Batch != 0 {
			// The upload is in the database now (the batch keeps the original).
			im.uploads.Done(src.ID)
		}
		return res, nil
	}), nil
}

// FeedInfo describes a feed for the import wizard: its shape, the fields a
// mapping needs, and its saved mapping.
type FeedInfo struct {
	Name        string `json:"name"`
	DisplayName string `json:"display_name"`
	Shape       string `json:"shape"`
	Supplier    string `json:"supplier,omitempty"`
	Owner       string `json:"owner,omitempty"`
	Unit        string `json:"unit,omitempty"`
	Interval    string `json:"interval,omitempty"`
	TimeZone    string `json:"time_zone"`
	// Required and Optional are mapping fields (time, value, good, total, item, opened...).
	Required []string `json:"required"`
	Optional []string `json:"optional"`
	Mapping  *Mapping `json:"mapping,omitempty"`
	// Batches counts published batches; LastImport is when the newest was published.
	Batches    int       `json:"batches"`
	LastImport time.Time `json:"last_import,omitzero"`
	// DataTo is the end of the newest published batch's time range.
	DataTo time.Time `json:"data_to,omitzero"`
}

// Feeds lists the feeds the caller can import into, by name (a supplier: its own).
func (im *Imports) Feeds() ([]FeedInfo, error) {
	fs, err := im.scope().Feeds(im.store)
	return convert(fs, func(d importer.Feed) FeedInfo {
		return FeedInfo{Name: d.Name, DisplayName: d.DisplayName, Shape: d.Shape, Supplier: d.Supplier,
			Owner: d.Owner, Unit: d.Unit, Interval: d.Interval, TimeZone: d.TimeZone, Required: d.Required,
			Optional: d.Optional, Mapping: mappingOf(d.Mapping), Batches: d.Batches, LastImport: d.LastImport, DataTo: d.DataTo}
	}), err
}

// FileData is a file's bytes for the UI (base64 in JSON): the browser saves it
// as a download.
type FileData struct {
	Name string `json:"name"`
	// Type is the MIME type.
	Type string `json:"type"`
	Size int64  `json:"size"`
	Data []byte `json:"data"`
	// Rows is the number of data rows, where that means something (rejects).
	Rows int `json:"rows,omitempty"`
}

// MIME types of the files Slate writes.
const (
	MimeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	MimeCSV  = "text/csv"
	MimePDF  = "application/pdf"
	MimeZIP  = "application/zip"
)

// RejectsFile is the rejects report of a batch as a download: format "xlsx"
// (default) or "csv".
func (im *Imports) RejectsFile(id uint64, format string) (FileData, error) {
	format = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(format), "."))
	mime := MimeXLSX
	switch format {
	case "", "xlsx":
		format = "xlsx"
	case "csv":
		mime = MimeCSV
	default:
		return FileData{}, fmt.Errorf("rejects format %s: use xlsx or csv", Clip(format))
	}
	buf := &uploads.Download{}
	n, err := im.scope().WriteRejects(im.store, id, buf, format == "csv")
	if errors.Is(err, uploads.ErrTooBig) {
		return FileData{}, fmt.Errorf("the rejects report of batch %d is over %d MiB, too big to download here; write it with `slate batch rejects %d -o FILE`", id, uploads.MaxDownload>>20, id)
	}
	if err != nil {
		return FileData{}, err
	}
	return FileData{Name: fmt.Sprintf("rejects-batch-%d.%s", id, format), Type: mime, Size: int64(buf.Len()), Data: buf.Bytes(), Rows: n}, nil
}

// TemplateFile is the supplier data template (XLSX) of a feed as a download:
// the columns the feed's mapping reads, with an example row.
func (im *Imports) TemplateFile(feed string) (FileData, error) {
	return im.template(feed, TemplateFileName(feed), MimeXLSX)
}

// TemplateCSV is the CSV template of a feed as a download: the header line
// its mapping reads, with the delimiter of its decimal convention. Layout
// gives the instructions to send along.
func (im *Imports) TemplateCSV(feed string) (FileData, error) {
	return im.template(feed, strings.TrimSuffix(TemplateFileName(feed), ".xlsx")+".csv", MimeCSV)
}

// template is a feed's template as a download, a workbook or (MimeCSV) a header line.
func (im *Imports) template(feed, name, mime string) (FileData, error) {
	var buf bytes.Buffer
	if err := im.scope().WriteTemplate(im.store, feed, &buf, mime == MimeCSV); err != nil {
		return FileData{}, err
	}
	return FileData{Name: name, Type: mime, Size: int64(buf.Len()), Data: buf.Bytes()}, nil
}

// TemplateLayout is the file a feed's mapping reads (sheet, columns in order,
// time zone), with the template's instructions line by line.
type TemplateLayout struct {
	Feed string `json:"feed"`
	// Sheet is the XLSX sheet holding the rows; Saved says the layout
	// follows the feed's saved mapping (else the template's own names).
	Sheet        string                `json:"sheet"`
	Saved        bool                  `json:"saved"`
	Columns      []ingest.LayoutColumn `json:"columns"`
	TimeZone     string                `json:"time_zone"`
	Instructions [][]string            `json:"instructions"`
}

// Layout is the layout of a feed's files and the instructions its template
// carries (for a CSV template, which has no second sheet, to send along).
func (im *Imports) Layout(feed string) (TemplateLayout, error) {
	fd, err := im.scope().Feed(im.store, feed)
	if err != nil {
		return TemplateLayout{}, err
	}
	l, err := ingest.FeedLayout(fd)
	if err != nil {
		return TemplateLayout{}, err
	}
	return TemplateLayout{Feed: fd.Name(), Sheet: l.Sheet, Saved: l.Saved, Columns: l.Columns, TimeZone: l.Zone, Instructions: l.Instructions()}, nil
}

// TemplateFileName is the name a feed's template is saved under.
func TemplateFileName(feed string) string {
	if n := uploads.CleanName(feed); n != "" {
		feed = n
	}
	return feed + "-template.xlsx"
}
