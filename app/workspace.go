package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/manifest"
	"slate/internal/plain"
	"slate/internal/storage"
)

// Workspace manages the definitions: services, suppliers, contracts,
// calendars, feeds, SLTs and maintenance windows.
type Workspace struct {
	store *storage.Store
}

// ApplyResult says what an apply changed.
type ApplyResult struct {
	Created   []string `json:"created"`
	Updated   []string `json:"updated"`
	Unchanged []string `json:"unchanged"`
}

// ErrInvalid marks definitions that failed validation; nothing was changed.
var ErrInvalid = errors.New("invalid definitions")

// InvalidError carries every problem of a refused apply.
type InvalidError struct{ Problems manifest.Problems }

func (e *InvalidError) Error() string {
	return fmt.Sprintf("%d problem(s), nothing was changed:\n%s", len(e.Problems), e.Problems.Error())
}

func (e *InvalidError) Unwrap() error { return ErrInvalid }

// Apply validates every document of a YAML text (file names where it came from)
// and stores them all, or none when any is wrong. Unchanged documents are not
// rewritten, so applying the same text twice changes nothing.
func (w *Workspace) Apply(file string, text string) (ApplyResult, error) {
	res := ApplyResult{Created: []string{}, Updated: []string{}, Unchanged: []string{}}
	if r := []rune(file); len(r) > 200 {
		file = string(r[:200]) + "…" // a label for messages and the audit trail, not a path
	}
	err := w.store.Update(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		entries, problems := manifest.Decode(strings.NewReader(text), file, ws)
		if len(entries) == 0 && len(problems) == 0 {
			return &InvalidError{manifest.Problems{{Source: manifest.Source{File: file}, Problem: domain.Problem{Msg: "no documents found"}}}}
		}
		before := map[string][]byte{}
		for _, e := range entries {
			id := defID(e.Def)
			if old := ws.Get(e.Def.Kind(), e.Def.Name()); old != nil {
				before[id] = canonical(old)
			}
			ws.Put(e.Def)
		}
		// Report decoding and validation problems together, so one run shows everything to fix.
		if problems = append(problems, locate(ws.ValidateAll(), entries)...); len(problems) > 0 {
			return &InvalidError{problems}
		}
		for _, e := range entries {
			id := defID(e.Def)
			old, existed := before[id]
			now := canonical(e.Def)
			switch {
			case existed && bytes.Equal(old, now):
				res.Unchanged = append(res.Unchanged, id)
				continue
			case existed:
				res.Updated = append(res.Updated, id)
			default:
				res.Created = append(res.Created, id)
			}
			if err := tx.PutDefinition(e.Def); err != nil {
				return err
			}
			change := "created"
			if existed {
				change = "updated"
			}
			if _, err := tx.Audit("definition."+change, id, map[string]any{"source": e.Source.String(), "definition": json.RawMessage(now)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil && len(res.Created)+len(res.Updated) > 0 {
		afterChange(w.store, nil) // a target or period changed: runs of misses may have too
	}
	return res, err
}

func defID(d domain.Definition) string { return string(d.Kind()) + "/" + d.Name() }

func canonical(d domain.Definition) []byte {
	b, _ := json.Marshal(manifest.Document(d))
	return b
}

// locate attaches file positions to workspace problems; problems of definitions
// already stored (not in this file) keep an empty source.
func locate(ps []domain.Problem, entries []manifest.Entry) manifest.Problems {
	src := map[string]manifest.Source{}
	for _, e := range entries {
		src[defID(e.Def)] = e.Source
	}
	out := make(manifest.Problems, 0, len(ps))
	for _, p := range ps {
		out = append(out, manifest.Problem{Source: src[string(p.Kind)+"/"+p.Name], Problem: p})
	}
	return out
}

// Definitions lists definitions of one kind ("" = all kinds), optionally one name.
func (w *Workspace) Definitions(kind string, name string) ([]manifest.Doc, error) {
	var out []manifest.Doc
	err := w.store.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		var defs []domain.Definition
		if kind == "" || strings.EqualFold(kind, "all") {
			defs = ws.Everything()
		} else {
			k, err := domain.ParseKind(kind)
			if err != nil {
				return err
			}
			if name != "" {
				d := ws.Get(k, name)
				if d == nil {
					return fmt.Errorf("%s %q not found", k, name)
				}
				defs = []domain.Definition{d}
			} else {
				defs = ws.All(k)
			}
		}
		out = make([]manifest.Doc, len(defs))
		for i, d := range defs {
			out[i] = manifest.Document(d)
		}
		return nil
	})
	return out, err
}

// DefinitionsYAML is Definitions as multi-document YAML (what `apply` reads back).
func (w *Workspace) DefinitionsYAML(kind string, name string) (string, error) {
	var buf bytes.Buffer
	err := w.store.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		defs := ws.Everything()
		if kind != "" && !strings.EqualFold(kind, "all") {
			k, err := domain.ParseKind(kind)
			if err != nil {
				return err
			}
			defs = ws.All(k)
			if name != "" {
				d := ws.Get(k, name)
				if d == nil {
					return fmt.Errorf("%s %q not found", k, name)
				}
				defs = []domain.Definition{d}
			}
		}
		return manifest.Encode(&buf, defs)
	})
	return buf.String(), err
}

// Delete removes a definition, refusing while others refer to it.
func (w *Workspace) Delete(kind string, name string) error {
	k, err := domain.ParseKind(kind)
	if err != nil {
		return err
	}
	err = w.store.Update(func(tx *storage.Tx) error {
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
		_, err = tx.Audit("definition.deleted", defID(d), map[string]any{"definition": json.RawMessage(canonical(d))})
		return err
	})
	afterChange(w.store, err)
	return err
}

// Overview is the first screen: the workspace's services and their SLTs.
type Overview struct {
	App      string           `json:"app"`
	Version  string           `json:"version"`
	Database string           `json:"database"`
	Services []ServiceSummary `json:"services"`
}

// ServiceSummary is one service with its SLTs.
type ServiceSummary struct {
	Name         string       `json:"name"`
	DisplayName  string       `json:"displayName"`
	BusinessUnit string       `json:"businessUnit"`
	ProductLine  string       `json:"productLine"`
	Owner        string       `json:"owner"`
	Criticality  string       `json:"criticality"`
	SLTs         []SLTSummary `json:"slts"`
}

// SLTSummary is one SLT as a line of the portfolio.
type SLTSummary struct {
	Name        string   `json:"name"`
	DisplayName string   `json:"displayName"`
	Type        string   `json:"type"`
	Indicator   string   `json:"indicator"`
	Objective   string   `json:"objective"`
	Period      string   `json:"period"`
	Owner       string   `json:"owner"`
	Feed        string   `json:"feed"`
	Supplier    string   `json:"supplier"`
	Tiers       []string `json:"tiers"`
}

// Overview lists services with their SLTs, sorted by business unit and name.
func (w *Workspace) Overview() (Overview, error) {
	ov := Overview{App: "Slate", Version: Version, Database: w.store.Path(), Services: []ServiceSummary{}}
	err := w.store.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		bySvc := map[string][]SLTSummary{}
		for _, s := range ws.SLTs() {
			bySvc[s.Spec.Service] = append(bySvc[s.Spec.Service], summarize(ws, s))
		}
		for _, svc := range ws.Services() {
			slts := bySvc[svc.Name()]
			if slts == nil {
				slts = []SLTSummary{}
			}
			ov.Services = append(ov.Services, ServiceSummary{
				Name: svc.Name(), DisplayName: displayName(svc.Metadata),
				BusinessUnit: svc.Spec.BusinessUnit, ProductLine: svc.Spec.ProductLine,
				Owner: svc.Spec.Owner, Criticality: svc.Spec.Criticality, SLTs: slts,
			})
		}
		return nil
	})
	return ov, err
}

func displayName(m domain.Meta) string {
	if m.DisplayName != "" {
		return m.DisplayName
	}
	return m.Name
}

func summarize(ws *domain.Workspace, s *domain.SLT) SLTSummary {
	sum := SLTSummary{
		Name: s.Name(), DisplayName: displayName(s.Metadata), Type: s.Spec.Type,
		Period: s.Spec.Period, Owner: s.Spec.Owner, Feed: s.Spec.Feed, Tiers: []string{},
	}
	switch {
	case s.Spec.Composite != nil:
		sum.Indicator = "composite"
	case s.Spec.Indicator != nil:
		sum.Indicator = s.Spec.Indicator.Kind
		if s.Spec.Indicator.Statistic != "" {
			sum.Indicator += " (" + s.Spec.Indicator.Statistic + ")"
		}
	}
	if f := ws.Feed(s.Spec.Feed); f != nil {
		sum.Supplier = f.Spec.Supplier
	}
	if len(s.Spec.Tiers) == 0 {
		sum.Objective = FormatObjective(&s.Spec, compliance.Unit(ws, &s.Spec), s.Spec.Objective.Op, s.Spec.Objective.Target)
	}
	for _, t := range s.Spec.Tiers {
		sum.Tiers = append(sum.Tiers, t.Name+": "+FormatObjective(&s.Spec, compliance.Unit(ws, &s.Spec), t.Op, t.Target))
	}
	return sum
}

// FormatObjective writes an objective as people read it: "≥ 99.5%", "≤ 300 ms"
// (unit: the statistic's unit, see compliance.Unit).
func FormatObjective(s *domain.SLTSpec, unit, op string, target float64) string {
	return plain.Objective(s.ObjectiveOp(op), target, s.RatioLike(), unit)
}

func trimFloat(v float64) string { return plain.Target(v, false, "") }
