package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"slate/internal/cmdb"
	"slate/internal/demo"
	"slate/internal/storage"
)

// LoadDemo fills the workspace with the demo definitions. Applying it again
// changes nothing.
func (w *Workspace) LoadDemo() (ApplyResult, error) {
	return w.Apply("demo workspace", demo.Definitions)
}

// DemoResult is what loading the demo workspace did.
type DemoResult struct {
	Definitions ApplyResult      `json:"definitions"`
	DataDir     string           `json:"data_dir,omitempty"`
	Data        []DemoDataResult `json:"data,omitempty"`
	// CMDB is the demo CMDB's import; nil when it was imported already.
	CMDB *CMDBImport `json:"cmdb,omitempty"`
}

// DemoDataResult is one demo file's import.
type DemoDataResult struct {
	File     string `json:"file"`
	Feed     string `json:"feed"`
	Batch    uint64 `json:"batch,omitempty"`
	Imported int    `json:"imported"`
	Rejected int    `json:"rejected"`
	// Skipped: the file was already imported (running the demo again adds nothing).
	Skipped bool `json:"skipped,omitempty"`
}

// LoadDemo fills the workspace with the demo definitions and, when dataDir is
// not empty, writes 13 months of supplier files up to now into dataDir and
// imports them, and the demo CMDB as of now. The files stay there so a user
// can try the import wizard on real-looking supplier exports.
func (a *App) LoadDemo(dataDir string, now time.Time) (DemoResult, error) {
	var res DemoResult
	var err error
	if res.Definitions, err = a.Workspace.LoadDemo(); err != nil || dataDir == "" {
		return res, err
	}
	res.DataDir = dataDir
	if res.Data, err = ImportDemoData(a.Imports, dataDir, now); err != nil {
		return res, err
	}
	// the demo CMDB as of now, unless that very export is the last import
	imp, err := cmdb.ImportOnce(a.store, demo.CMDB(now), "demo-cmdb.csv")
	if res.CMDB = (*CMDBImport)(imp); err != nil {
		return res, fmt.Errorf("demo CMDB: %w", err)
	}
	// the improvement loop on the demo data: the RCA of ParcelNet's run of
	// misses, its actions and an initiative (internal/demo.SeedLoop)
	return res, demo.SeedLoop(a.store, now, a.store.Actor())
}

// ImportDemoData writes the demo workspace's supplier files (13 months up to
// now) into dir and imports them through the normal pipeline, in the order
// suppliers would have sent them. The demo definitions must be loaded first
// (Workspace.LoadDemo). Files already imported are skipped, so running it
// again with the same now adds nothing.
func ImportDemoData(im *Imports, dir string, now time.Time) ([]DemoDataResult, error) {
	files, err := demo.WriteData(dir, now)
	if err != nil {
		return nil, fmt.Errorf("demo data: %w", err)
	}
	out := make([]DemoDataResult, 0, len(files))
	for _, f := range files {
		r := DemoDataResult{File: filepath.Base(f.Path), Feed: f.Feed}
		res, err := im.importPath(f.Path, ImportRequest{Feed: f.Feed})
		var dup *storage.AlreadyImportedError
		switch {
		case errors.As(err, &dup):
			r.Skipped, r.Batch = true, dup.Batch
		case err != nil:
			return out, fmt.Errorf("demo data %s: %w", r.File, err)
		case res.Refused:
			return out, fmt.Errorf("demo data %s: %s", r.File, res.RefusedReason)
		default:
			r.Batch, r.Imported, r.Rejected = res.Batch, res.Counts.Imported, res.Counts.Rejected
		}
		out = append(out, r)
	}
	return out, nil
}
