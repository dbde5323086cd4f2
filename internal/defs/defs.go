// Package defs changes the stored definitions: a YAML text applied as a
// whole or not at all, a definition deleted when nothing refers to it, a
// feed's mapping saved by its import. Every change is audited as
// definition.created, .updated or .deleted with the definition's canonical
// form, so the trail can rebuild any version.
package defs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"slate/internal/domain"
	"slate/internal/manifest"
	"slate/internal/storage"
)

// ErrNoFeed means a feed named is not defined (or not the caller's to see).
var ErrNoFeed = errors.New("no such feed")

// Applied says what an apply changed, by definition id (Kind/name).
type Applied struct {
	Created   []string `json:"created"`
	Updated   []string `json:"updated"`
	Unchanged []string `json:"unchanged"`
}

// Apply validates every document of a YAML text (file names where it came
// from) and stores them all, or none when any is wrong: then problems
// lists everything to fix. Unchanged documents are not rewritten, so
// applying the same text twice changes nothing.
func Apply(st *storage.Store, file, text string) (res Applied, problems manifest.Problems, err error) {
	res = Applied{Created: []string{}, Updated: []string{}, Unchanged: []string{}}
	if r := []rune(file); len(r) > 200 {
		file = string(r[:200]) + "…" // a label for messages and the audit trail, not a path
	}
	err = st.Update(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		var changes []manifest.Change
		if changes, problems = manifest.Merge(ws, text, file); problems != nil {
			return errInvalid
		}
		for _, c := range changes {
			switch {
			case c.Unchanged:
				res.Unchanged = append(res.Unchanged, c.ID)
				continue
			case c.Existed:
				res.Updated = append(res.Updated, c.ID)
			default:
				res.Created = append(res.Created, c.ID)
			}
			if err := put(tx, c.Def, c.Existed, c.Source.String()); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, errInvalid) {
		err = nil
	}
	return res, problems, err
}

var errInvalid = errors.New("invalid definitions")

// put stores a definition and audits the change.
func put(tx *storage.Tx, d domain.Definition, existed bool, source string) error {
	if err := tx.PutDefinition(d); err != nil {
		return err
	}
	change := "created"
	if existed {
		change = "updated"
	}
	_, err := tx.Audit("definition."+change, manifest.ID(d), map[string]any{"source": source, "definition": json.RawMessage(manifest.Canonical(d))})
	return err
}

// SaveMapping stores the mapping an import of file used with its feed,
// audited as a definition change, in the import's publishing transaction
// (importer.Request.SaveMapping).
func SaveMapping(feed, file string) func(tx *storage.Tx, m domain.Mapping, batch uint64) error {
	return func(tx *storage.Tx, m domain.Mapping, batch uint64) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		cur := ws.Feed(feed)
		if cur == nil {
			return fmt.Errorf("%w %q (it was deleted during the import)", ErrNoFeed, feed)
		}
		cur.Spec.Mapping = &m
		return put(tx, cur, true, fmt.Sprintf("import of %s (batch %d): mapping saved", file, batch))
	}
}

// Delete removes a definition, refusing while others refer to it.
func Delete(st *storage.Store, kind, name string) error {
	k, err := domain.ParseKind(kind)
	if err != nil {
		return err
	}
	return st.Update(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		d := ws.Get(k, name)
		if d == nil {
			return fmt.Errorf("%s %q not found", k, name)
		}
		if refs := ws.Referrers(k, name); len(refs) > 0 {
			return fmt.Errorf("%s/%s is still referred to by %s; change or delete those first", k, name, strings.Join(refs, ", "))
		}
		if _, err := tx.DeleteDefinition(k, name); err != nil {
			return err
		}
		_, err = tx.Audit("definition.deleted", manifest.ID(d), map[string]any{"definition": json.RawMessage(manifest.Canonical(d))})
		return err
	})
}

// Select reads the definitions of one kind ("" or "all": every kind),
// optionally the one of that name (manifest.Select).
func Select(st *storage.Store, kind, name string) ([]domain.Definition, error) {
	var defs []domain.Definition
	err := st.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		defs, err = manifest.Select(ws, kind, name)
		return err
	})
	return defs, err
}

// YAML is Select as multi-document YAML (what Apply reads back).
func YAML(st *storage.Store, kind, name string) (string, error) {
	defs, err := Select(st, kind, name)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	err = manifest.Encode(&buf, defs)
	return buf.String(), err
}
