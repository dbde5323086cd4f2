package manifest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"slate/internal/domain"
)

// ID names a definition in the audit trail: Kind/name.
func ID(d domain.Definition) string { return string(d.Kind()) + "/" + d.Name() }

// Canonical is a definition's canonical JSON (its document), as the audit
// trail records it and as changes are compared.
func Canonical(d domain.Definition) []byte {
	b, _ := json.Marshal(Document(d))
	return b
}

// Change is one document of a merged text and what it does to the workspace.
type Change struct {
	Def    domain.Definition
	ID     string
	Source Source
	// Canonical is the document as stored; Existed says a definition of that
	// kind and name was there, Unchanged that it was the same.
	Canonical []byte
	Existed   bool
	Unchanged bool
}

// Merge reads every document of text (file names where it came from) into
// ws and validates the whole workspace: the changes to store, or every
// problem of the text and of the definitions it breaks, with where it is.
func Merge(ws *domain.Workspace, text, file string) ([]Change, Problems) {
	entries, problems := Decode(strings.NewReader(text), file, ws)
	if len(entries) == 0 && len(problems) == 0 {
		return nil, Problems{{Source: Source{File: file}, Problem: domain.Problem{Msg: "no documents found"}}}
	}
	changes := make([]Change, len(entries))
	src := map[string]Source{}
	for i, e := range entries {
		c := Change{Def: e.Def, ID: ID(e.Def), Source: e.Source, Canonical: Canonical(e.Def)}
		if old := ws.Get(e.Def.Kind(), e.Def.Name()); old != nil {
			c.Existed, c.Unchanged = true, bytes.Equal(Canonical(old), c.Canonical)
		}
		src[c.ID] = e.Source
		changes[i] = c
		ws.Put(e.Def)
	}
	// decoding and validation problems together, so one run shows everything to fix;
	// problems of definitions already stored (not in this text) keep an empty source
	for _, p := range ws.ValidateAll() {
		problems = append(problems, Problem{Source: src[string(p.Kind)+"/"+p.Name], Problem: p})
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return changes, nil
}

// Select is the definitions of one kind ("" or "all": every kind),
// optionally the one of that name.
func Select(ws *domain.Workspace, kind, name string) ([]domain.Definition, error) {
	if kind == "" || strings.EqualFold(kind, "all") {
		return ws.Everything(), nil
	}
	k, err := domain.ParseKind(kind)
	if err != nil {
		return nil, err
	}
	if name == "" {
		return ws.All(k), nil
	}
	d := ws.Get(k, name)
	if d == nil {
		return nil, fmt.Errorf("%s %q not found", k, name)
	}
	return []domain.Definition{d}, nil
}
