package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"slate/internal/domain"
	"slate/internal/manifest"
	"slate/internal/plain"
	"slate/internal/portfolio"
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
		changes, problems := manifest.Merge(ws, text, file)
		if problems != nil {
			return &InvalidError{problems}
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
			if err := tx.PutDefinition(c.Def); err != nil {
				return err
			}
			change := "created"
			if c.Existed {
				change = "updated"
			}
			if _, err := tx.Audit("definition."+change, c.ID, map[string]any{"source": c.Source.String(), "definition": json.RawMessage(c.Canonical)}); err != nil {
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

func defID(d domain.Definition) string { return manifest.ID(d) }

func canonical(d domain.Definition) []byte { return manifest.Canonical(d) }

// Definitions lists definitions of one kind ("" = all kinds), optionally one name.
func (w *Workspace) Definitions(kind string, name string) ([]Document, error) {
	var out []Document
	err := w.store.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		defs, err := manifest.Select(ws, kind, name)
		if err != nil {
			return err
		}
		out = make([]Document, len(defs))
		for i, d := range defs {
			out[i] = Document(manifest.Document(d))
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
		defs, err := manifest.Select(ws, kind, name)
		if err != nil {
			return err
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
	DisplayName  string       `json:"display_name"`
	BusinessUnit string       `json:"business_unit"`
	ProductLine  string       `json:"product_line"`
	Owner        string       `json:"owner"`
	Criticality  string       `json:"criticality"`
	SLTs         []SLTSummary `json:"slts"`
}

// SLTSummary is one SLT as a line of the portfolio.
type SLTSummary struct {
	Name        string   `json:"name"`
	DisplayName string   `json:"display_name"`
	Service     string   `json:"service"`
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
	l := portfolio.LabelOf(ws, s)
	return SLTSummary{Name: s.Name(), DisplayName: l.DisplayName, Service: s.Spec.Service, Type: s.Spec.Type, Indicator: l.Indicator, Objective: l.Objective,
		Period: s.Spec.Period, Owner: s.Spec.Owner, Feed: s.Spec.Feed, Supplier: l.Supplier, Tiers: l.Tiers}
}

// FormatObjective writes an objective as people read it: "≥ 99.5%", "≤ 300 ms"
// (unit: the statistic's unit, see compliance.Unit).
func FormatObjective(s *domain.SLTSpec, unit, op string, target float64) string {
	return plain.Objective(s.ObjectiveOp(op), target, s.RatioLike(), unit)
}
