package app

import (
	"context"
	"io"
	"path/filepath"
	"slate/internal/packjob"
	"slate/internal/uploads"
	"strings"
)

// Local is what the person's own shell does with paths: read a file they
// name, write a file where they say. The CLI uses it. It is never bound to
// the window nor served over HTTP, and views made by App.As have none: no
// API caller can make Slate read or write a path of its choosing.
type Local struct {
	app *App
}

// Upload registers a file as an upload read where it is (never copied or
// removed), so the API's methods that take an upload id can read it.
func (l *Local) Upload(path string) (UploadedFile, error) {
	f, err := l.app.shared.uploads.Adopt(l.app.caller.Name, path)
	return UploadedFile(f), err
}

// Import imports the file at path (Imports.Import with the file as an upload).
func (l *Local) Import(path string, req ImportRequest) (ImportResult, error) {
	u, err := l.Upload(path)
	if err != nil {
		return ImportResult{Feed: req.Feed}, err
	}
	defer l.app.shared.uploads.Done(u.ID)
	req.Upload = u.ID
	return l.app.Imports.Import(req)
}

// VerifyPack checks the pack file at path against the data (Packs.Verify).
func (l *Local) VerifyPack(path string) (PackVerification, error) {
	u, err := l.Upload(path)
	if err != nil {
		return PackVerification{File: path}, err
	}
	defer l.app.shared.uploads.Done(u.ID)
	v, err := l.app.Packs.Verify(u.ID)
	v.File = path
	return v, err
}

// BuildPack writes the pack's files into the folder out ("" = the packs folder).
func (l *Local) BuildPack(q PackQuery, out string) (PackResult, error) {
	if out == "" {
		out = packjob.Folder(l.app.Store())
	}
	return l.app.Packs.build(context.Background(), q, out, func(int64, int64, string) {})
}

// Template writes a feed's supplier template to path: format "csv" (the
// header line) or "xlsx" (with the instructions sheet).
func (l *Local) Template(feed, path, format string) error {
	return uploads.WriteFile(path, l.app.store.Path(), false, func(w io.Writer) error {
		return l.app.Imports.scope().WriteTemplate(l.app.store, feed, w, format == "csv")
	})
}

// ImportCMDB makes the CMDB export at path the stored CI set (CMDB.Import).
func (l *Local) ImportCMDB(path string) (CMDBImport, error) {
	u, err := l.Upload(path)
	if err != nil {
		return CMDBImport{}, err
	}
	defer l.app.shared.uploads.Done(u.ID)
	return l.app.CMDB.Import(u.ID)
}

// NewSLT writes a drafted SLT (Design.NewSLT) to path.
func (l *Local) NewSLT(q NewSLTQuery, path string) (NewSLT, error) {
	res, err := l.app.Design.NewSLT(q)
	if err != nil {
		return res, err
	}
	return res, uploads.WriteFile(path, l.app.store.Path(), false, func(w io.Writer) error { _, err := io.WriteString(w, res.YAML); return err })
}

// Rejects writes a batch's rejects report to path, CSV when path ends in
// .csv, else XLSX, and returns the number of rows written.
func (l *Local) Rejects(id uint64, path string) (int, error) {
	var n int
	err := uploads.WriteFile(path, l.app.store.Path(), false, func(w io.Writer) error {
		var err error
		n, err = l.app.Imports.scope().WriteRejects(l.app.store, id, w, strings.EqualFold(filepath.Ext(path), ".csv"))
		return err
	})
	return n, err
}

// Source writes the original file of a batch to path, which must not exist,
// checking its SHA-256.
func (l *Local) Source(id uint64, path string) (int64, error) {
	var n int64
	err := uploads.WriteFile(path, l.app.store.Path(), true, func(w io.Writer) error {
		var err error
		n, err = l.app.Imports.scope().WriteSource(l.app.store, id, w)
		return err
	})
	return n, err
}

// Agenda writes a meeting's agenda to path: a workbook when path ends in
// .xlsx, else a PDF (Meetings.AgendaFile).
func (l *Local) Agenda(q AgendaFileQuery, path string) (FileData, error) {
	q.Format = PackPDF
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		q.Format = PackXLSX
	}
	f, err := l.app.Meetings.AgendaFile(q)
	if err != nil {
		return f, err
	}
	return f, uploads.WriteFile(path, l.app.store.Path(), false, func(w io.Writer) error { _, err := w.Write(f.Data); return err })
}
