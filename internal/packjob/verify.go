package packjob

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"slate/internal/export"
	"slate/internal/pack"
	"slate/internal/plain"
	"slate/internal/storage"
)

// Verification is the outcome of checking a pack file against the data
// (the faces' PackVerification).
type Verification struct {
	File       string
	Format     string
	Stored     string
	Current    string
	Match      bool
	Scope      string
	Period     string
	Services   []string
	Components []string
	Head       string
	HeadOK     bool
	Recipe     string
	Message    string
}

// maxPackFile bounds a pack file read back for verification.
const maxPackFile = 256 << 20

// Verify checks the pack file at path (name is how messages call it)
// against the data: it reads the fingerprint and scope back from the file
// (PDF keywords, or the XLSX document properties and cover sheet),
// recomputes the fingerprint from the store and says whether the pack
// still matches, and if not, why it may not.
func Verify(st *storage.Store, path, name string) (Verification, error) {
	v := Verification{File: name, Services: []string{}, Components: []string{}}
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
	stamp, err := pack.ReadStamp(keywords)
	if err != nil {
		return v, fmt.Errorf("%s carries %w", name, err)
	}
	v.Stored, v.Head, v.Scope, v.Period = stamp.Fingerprint, stamp.Head, stamp.Scope, stamp.Period
	if stamp.Services != nil {
		v.Services = stamp.Services
	}
	var head *storage.Head
	if stamp.Head != "" {
		head = &storage.Head{Seq: stamp.HeadSeq, Hash: stamp.HeadHash}
	}
	c := pack.Check{Stored: stamp.Fingerprint}
	err = st.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		var ps *pack.Pseudonyms
		if stamp.Anonymized {
			if ps, err = pseudonymsOf(tx, ws); err != nil {
				return err
			}
		}
		real, gone := stamp.RealServices(ws, ps)
		if gone != "" {
			v.Message = gone
			return nil
		}
		slts, err := pack.ScopeSLTs(ws, real)
		if stamp.Supplier != "" {
			if ws.Supplier(stamp.Supplier) == nil {
				v.Message = fmt.Sprintf("the pack is a joint review with supplier %q, which no longer exists", stamp.Supplier)
				return nil
			}
			slts, err = SupplierSLTs(ws, stamp.Supplier)
		}
		if err != nil {
			return err
		}
		fp, err := Fingerprint(tx, ws, slts, pack.RecipeV2)
		if err != nil {
			return err
		}
		c.Current, c.Recipe, v.Components = fp.Fingerprint, pack.RecipeV2, fp.Lines
		if c.Current != c.Stored {
			// A pack made by an older Slate: recipe v1 did not cover the stored points.
			if old, err := Fingerprint(tx, ws, slts, pack.RecipeV1); err == nil && old.Fingerprint == c.Stored {
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
		v.Message = c.Verdict(stamp)
	}
	return v, nil
}

// Stored is the path of a pack file of the folder, by name: a plain name
// (no folder, not hidden) of a regular .pdf or .xlsx file there.
func Stored(folder, name string) (string, error) {
	if name == "" || name != filepath.Base(name) || strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") {
		return "", fmt.Errorf("%s is not a pack file name (write e.g. review-pack-2026-10.pdf)", plain.Clip(name))
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf", ".xlsx":
	default:
		return "", fmt.Errorf("%s is not a pack file (.pdf or .xlsx)", plain.Clip(name))
	}
	path := filepath.Join(folder, name)
	st, err := os.Lstat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("pack file %s: %w", plain.Clip(name), storage.ErrNotFound)
		}
		return "", err
	}
	if !st.Mode().IsRegular() {
		return "", fmt.Errorf("%s is not a regular file", plain.Clip(name))
	}
	return path, nil
}

// Read is the content of a pack file of st's packs folder, by name (Stored).
func Read(st *storage.Store, name string) ([]byte, error) {
	path, err := Stored(Folder(st), name)
	if err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// List lists the pack files (.pdf, .xlsx) of the folder, by name.
func List(folder string) ([]File, error) {
	out := []File{}
	entries, err := os.ReadDir(folder)
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
		out = append(out, File{Name: e.Name(), Path: filepath.Join(folder, e.Name()), Format: ext[1:], Size: info.Size()})
	}
	return out, nil
}
