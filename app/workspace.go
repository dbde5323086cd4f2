package app

import (
	"errors"
	"fmt"

	"slate/internal/defs"
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
type ApplyResult defs.Applied

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
	r, problems, err := defs.Apply(w.store, file, text)
	if problems != nil {
		err = &InvalidError{problems}
	}
	if err == nil && len(r.Created)+len(r.Updated) > 0 {
		afterChange(w.store, nil) // a target or period changed: runs of misses may have too
	}
	return ApplyResult(r), err
}

// Definitions lists definitions of one kind ("" = all kinds), optionally one name.
func (w *Workspace) Definitions(kind string, name string) ([]Document, error) {
	ds, err := defs.Select(w.store, kind, name)
	if err != nil {
		return nil, err
	}
	return convert(ds, func(d domain.Definition) Document { return Document(manifest.Document(d)) }), nil
}

// DefinitionsYAML is Definitions as multi-document YAML (what `apply` reads back).
func (w *Workspace) DefinitionsYAML(kind string, name string) (string, error) {
	return defs.YAML(w.store, kind, name)
}

// Delete removes a definition, refusing while others refer to it.
func (w *Workspace) Delete(kind string, name string) error {
	err := defs.Delete(w.store, kind, name)
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
	ws, err := storage.Read(w.store, (*storage.Tx).Workspace)
	if err != nil {
		return ov, err
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
		ov.Services = append(ov.Services, ServiceSummary{Name: svc.Name(), DisplayName: svc.Metadata.Title(),
			BusinessUnit: svc.Spec.BusinessUnit, ProductLine: svc.Spec.ProductLine,
			Owner: svc.Spec.Owner, Criticality: svc.Spec.Criticality, SLTs: slts})
	}
	return ov, err
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
