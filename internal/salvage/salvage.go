// Package salvage copies what can still be read from a damaged database
// into a new folder, never writing to the database: the definitions (from
// the tree, else rebuilt from the audit trail, read page by page if need
// be), the audit events, and the original file of every published batch.
package salvage

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"slate/internal/importer"
	"slate/internal/manifest"
	"slate/internal/storage"
)

// Result lists what Salvage wrote and what it could not read.
type Result struct {
	Dir     string   `json:"dir"`
	Written []string `json:"written"`
	Failed  []string `json:"failed"`
}

// Salvage copies what can still be read from a (possibly damaged) database
// into dir, never writing to the database: definitions.yaml (for `slate
// apply`), audit.jsonl (the readable events) and the original file of every
// batch whose source is stored (to import again). dir must not exist yet.
func Salvage(path, dir string) (Result, error) {
	res := Result{Dir: dir, Written: []string{}, Failed: []string{}}
	sv, h, err := storage.OpenSalvage(path)
	if err != nil {
		return res, err
	}
	defer sv.Close()
	// When the tree is lost, the pages that survive may still hold the audit
	// trail, and the definitions can be rebuilt from it.
	var scan *storage.PageScan
	scanned := func() (*storage.PageScan, error) {
		if scan == nil {
			ps, err := storage.ScanPages(path, h)
			if err != nil {
				return nil, err
			}
			if len(ps.Events) == 0 {
				return nil, errors.New("no intact audit events in the pages that survive")
			}
			scan = &ps
		}
		return scan, nil
	}
	if err := os.Mkdir(dir, 0o700); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return res, fmt.Errorf("%s already exists: salvage writes into a new folder", dir)
		}
		return res, err
	}
	write := func(name string, fill func(*bytes.Buffer) error) {
		var buf bytes.Buffer
		if err := fill(&buf); err != nil {
			res.Failed = append(res.Failed, fmt.Sprintf("%s: %s", name, storage.Brief(err)))
			return
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o600); err != nil {
			res.Failed = append(res.Failed, fmt.Sprintf("%s: %v", name, err))
			return
		}
		res.Written = append(res.Written, name)
	}
	write("definitions.yaml", func(b *bytes.Buffer) error {
		err := sv.View(func(tx *storage.Tx) error {
			ws, err := tx.Workspace()
			if err != nil {
				return err
			}
			return manifest.Encode(b, ws.Everything())
		})
		if err == nil {
			return nil
		}
		// Rebuilt from the audit trail: read through the tree, else page by page.
		var evs []storage.AuditEvent
		if sv.View(func(tx *storage.Tx) error { var err error; evs, err = tx.AuditEvents(0); return err }) != nil || len(evs) == 0 {
			ps, serr := scanned()
			if serr != nil {
				return fmt.Errorf("%v; %v", storage.Brief(err), serr)
			}
			if ps.Linked == 0 {
				return fmt.Errorf("%v; the audit events found do not link back to event 1, so the definitions cannot be rebuilt", storage.Brief(err))
			}
			evs = ps.Events[:ps.Linked]
		}
		b.Reset()
		fmt.Fprintf(b, "# Rebuilt by slate doctor from audit events 1-%d (the definitions themselves were unreadable).\n", len(evs))
		defs := storage.ReplayDefinitions(evs)
		for _, id := range slices.Sorted(maps.Keys(defs)) {
			fmt.Fprintf(b, "---\n%s\n", defs[id])
		}
		return nil
	})
	write("audit.jsonl", func(b *bytes.Buffer) error {
		var evs []storage.AuditEvent
		err := sv.View(func(tx *storage.Tx) error {
			var err error
			evs, err = tx.AuditEvents(0)
			return err
		})
		if err != nil {
			ps, serr := scanned()
			if serr != nil {
				return fmt.Errorf("%v; %v", storage.Brief(err), serr)
			}
			evs = ps.Events
		}
		w := bufio.NewWriter(b)
		for _, e := range evs {
			line, _ := json.Marshal(e)
			w.Write(append(line, '\n'))
		}
		return w.Flush()
	})
	var batches []storage.Batch
	if err := sv.View(func(tx *storage.Tx) error {
		var err error
		batches, err = tx.Batches("")
		return err
	}); err != nil {
		res.Failed = append(res.Failed, "the original files: the batch list is unreadable: "+storage.Brief(err))
	}
	for _, b := range batches {
		if b.SourceChunks == 0 && !b.SourceLines || b.Status != storage.StatusPublished {
			continue
		}
		name := fmt.Sprintf("batch-%d-%s", b.ID, safeFileName(b.File))
		write(name, func(buf *bytes.Buffer) error {
			return sv.View(func(tx *storage.Tx) error {
				// compressed, or rendered from its points and kept lines; checked against its SHA-256
				_, err := importer.WriteSource(tx, b, buf)
				return err
			})
		})
	}
	return res, nil
}

// safeFileName keeps a stored file name to one harmless path element.
func safeFileName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == '/' || r == 0x7f {
			return '_'
		}
		return r
	}, name)
	if name = strings.TrimLeft(name, "."); name == "" {
		return "source"
	}
	return name
}
