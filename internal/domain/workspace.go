package domain

import (
	"slices"
	"strings"
)

// Workspace is a consistent set of definitions, indexed by kind and name.
type Workspace struct {
	defs map[Kind]map[string]Definition
}

// NewWorkspace indexes defs; a later definition replaces an earlier one of the same kind and name.
func NewWorkspace(defs ...Definition) *Workspace {
	w := &Workspace{defs: map[Kind]map[string]Definition{}}
	for _, d := range defs {
		w.Put(d)
	}
	return w
}

// Put adds or replaces a definition.
func (w *Workspace) Put(d Definition) {
	m := w.defs[d.Kind()]
	if m == nil {
		m = map[string]Definition{}
		w.defs[d.Kind()] = m
	}
	m[d.Name()] = d
}

// Remove drops a definition.
func (w *Workspace) Remove(k Kind, name string) { delete(w.defs[k], name) }

// Get returns the definition or nil.
func (w *Workspace) Get(k Kind, name string) Definition { return w.defs[k][name] }

// Has reports whether the definition exists.
func (w *Workspace) Has(k Kind, name string) bool { return w.defs[k][name] != nil }

// All lists the definitions of one kind, sorted by name.
func (w *Workspace) All(k Kind) []Definition {
	out := make([]Definition, 0, len(w.defs[k]))
	for _, d := range w.defs[k] {
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b Definition) int { return strings.Compare(a.Name(), b.Name()) })
	return out
}

// Everything lists all definitions in dependency order, then by name.
func (w *Workspace) Everything() []Definition {
	var out []Definition
	for _, k := range Kinds {
		out = append(out, w.All(k)...)
	}
	return out
}

func typed[T Definition](w *Workspace, k Kind) []T {
	all := w.All(k)
	out := make([]T, len(all))
	for i, d := range all {
		out[i] = d.(T)
	}
	return out
}

func one[T Definition](w *Workspace, k Kind, name string) T {
	var zero T
	d, ok := w.defs[k][name].(T)
	if !ok {
		return zero
	}
	return d
}

func (w *Workspace) Calendars() []*Calendar { return typed[*Calendar](w, KindCalendar) }
func (w *Workspace) Services() []*Service   { return typed[*Service](w, KindService) }
func (w *Workspace) Suppliers() []*Supplier { return typed[*Supplier](w, KindSupplier) }
func (w *Workspace) Feeds() []*Feed         { return typed[*Feed](w, KindFeed) }
func (w *Workspace) SLTs() []*SLT           { return typed[*SLT](w, KindSLT) }
func (w *Workspace) Contracts() []*Contract { return typed[*Contract](w, KindContract) }
func (w *Workspace) Maintenance() []*MaintenanceWindow {
	return typed[*MaintenanceWindow](w, KindMaintenance)
}
func (w *Workspace) NamingConventions() []*NamingConvention {
	return typed[*NamingConvention](w, KindNaming)
}
func (w *Workspace) SLTTemplates() []*SLTTemplate { return typed[*SLTTemplate](w, KindSLTTemplate) }
func (w *Workspace) MaturityModels() []*MaturityModel {
	return typed[*MaturityModel](w, KindMaturityModel)
}
func (w *Workspace) MaturityAssessments() []*MaturityAssessment {
	return typed[*MaturityAssessment](w, KindMaturityAssessment)
}
func (w *Workspace) Integrations() []*Integration { return typed[*Integration](w, KindIntegration) }

func (w *Workspace) Calendar(name string) *Calendar { return one[*Calendar](w, KindCalendar, name) }
func (w *Workspace) Service(name string) *Service   { return one[*Service](w, KindService, name) }
func (w *Workspace) Supplier(name string) *Supplier { return one[*Supplier](w, KindSupplier, name) }
func (w *Workspace) Feed(name string) *Feed         { return one[*Feed](w, KindFeed, name) }
func (w *Workspace) SLT(name string) *SLT           { return one[*SLT](w, KindSLT, name) }
func (w *Workspace) Contract(name string) *Contract { return one[*Contract](w, KindContract, name) }
func (w *Workspace) SLTTemplate(name string) *SLTTemplate {
	return one[*SLTTemplate](w, KindSLTTemplate, name)
}
func (w *Workspace) MaturityModel(name string) *MaturityModel {
	return one[*MaturityModel](w, KindMaturityModel, name)
}

// Ref is a reference from one definition to another.
type Ref struct {
	Kind  Kind
	Name  string
	Field string
}

// References lists what a definition refers to.
func References(d Definition) []Ref {
	var refs []Ref
	add := func(k Kind, name, field string) {
		if name != "" {
			refs = append(refs, Ref{k, name, field})
		}
	}
	switch d := d.(type) {
	case *Feed:
		add(KindSupplier, d.Spec.Supplier, "spec.supplier")
		add(KindFeed, d.Spec.CalibrateAgainst, "spec.calibrateAgainst")
	case *SLT:
		add(KindService, d.Spec.Service, "spec.service")
		add(KindFeed, d.Spec.Feed, "spec.feed")
		add(KindCalendar, d.Spec.Calendar, "spec.calendar")
		for i, t := range d.Spec.Tiers {
			add(KindCalendar, t.Calendar, fieldIndex("spec.tiers", i, "calendar"))
		}
		if d.Spec.Composite != nil {
			for i, c := range d.Spec.Composite.Components {
				add(KindSLT, c.SLT, fieldIndex("spec.composite.components", i, "slt"))
			}
		}
		for i, c := range d.Spec.Components {
			add(KindSLT, c.SLT, fieldIndex("spec.components", i, "slt"))
		}
		for i, l := range d.Spec.Leads {
			add(KindFeed, l.Feed, fieldIndex("spec.leads", i, "feed"))
			add(KindSLT, l.SLT, fieldIndex("spec.leads", i, "slt"))
		}
		add(KindSLT, d.Spec.CounterMetric, "spec.counterMetric")
	case *SLTTemplate:
		add(KindCalendar, d.Spec.Calendar, "spec.calendar")
	case *MaturityAssessment:
		add(KindSupplier, d.Spec.Supplier, "spec.supplier")
		add(KindMaturityModel, d.Spec.Model, "spec.model")
	case *Contract:
		add(KindSupplier, d.Spec.Supplier, "spec.supplier")
		add(KindSLT, d.Spec.SLT, "spec.slt")
		for i, s := range d.Spec.Services {
			add(KindService, s, fieldIndex("spec.services", i, ""))
		}
	case *Integration:
		for i, s := range d.Spec.Services {
			add(KindService, s, fieldIndex("spec.services", i, ""))
		}
	case *MaintenanceWindow:
		for i, s := range d.Spec.SLTs {
			add(KindSLT, s, fieldIndex("spec.slts", i, ""))
		}
		for i, s := range d.Spec.Services {
			add(KindService, s, fieldIndex("spec.services", i, ""))
		}
	}
	return refs
}

// Referrers names the definitions that refer to kind/name ("SLT/checkout-latency").
func (w *Workspace) Referrers(k Kind, name string) []string {
	var out []string
	for _, d := range w.Everything() {
		for _, r := range References(d) {
			if r.Kind == k && r.Name == name {
				out = append(out, string(d.Kind())+"/"+d.Name())
				break
			}
		}
	}
	return out
}
