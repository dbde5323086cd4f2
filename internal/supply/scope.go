package supply

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"slate/internal/domain"
	"slate/internal/storage"
)

// SupplierScope is what a joint review with one supplier covers: its
// contracts, the SLTs it is bound to or whose data it delivers, the feeds and
// batches those numbers come from, its contingency plan and its assessments.
type SupplierScope struct {
	Supplier    string `json:"supplier"`
	DisplayName string `json:"display_name"`
	Contact     string `json:"contact"`
	Email       string `json:"email"`
	// Contingency is the supplier's plan (failover, workaround, contacts); nil without one.
	Contingency     *domain.Contingency `json:"contingency"`
	ContingencyPlan string              `json:"contingency_plan"`
	Contracts       []string            `json:"contracts"`
	SLTs            []ScopedSLT         `json:"slts"`
	Feeds           []string            `json:"feeds"`
	Services        []string            `json:"services"`
	Assessments     []string            `json:"assessments"`
	// Batches are the published and reverted imports of the scoped feeds
	// (overlapping the review window, when one is given): the shared data set.
	Batches []BatchRef `json:"batches"`
	// Actions are the improvement actions linked to the supplier: the agreed
	// backlog a joint review goes through. Slate has no actions yet; the
	// feature that adds them fills this field, and it stays empty until then.
	Actions []string `json:"actions"`
}

// ScopedSLT is an SLT in a supplier's scope, and why it is there.
type ScopedSLT struct {
	SLT string `json:"slt"`
	// Contracts bind the supplier to the SLT (empty when it only delivers the data).
	Contracts []string `json:"contracts"`
	Feed      string   `json:"feed"`
	Why       string   `json:"why"`
}

// BatchRef names one import batch of a scoped feed.
type BatchRef struct {
	ID       uint64    `json:"id"`
	Feed     string    `json:"feed"`
	Status   string    `json:"status"`
	File     string    `json:"file"`
	SHA256   string    `json:"sha256"`
	From     time.Time `json:"from,omitzero"`
	To       time.Time `json:"to,omitzero"`
	Imported time.Time `json:"imported,omitzero"`
}

// ScopeOptions choose the supplier and, optionally, the review window
// [From, To) that batches must overlap.
type ScopeOptions struct {
	Supplier string
	From, To time.Time
}

// Scope works out a supplier's review scope from the definitions and the
// batches (all of them; the scope keeps those of its feeds).
func Scope(ws *domain.Workspace, batches []storage.Batch, o ScopeOptions) (SupplierScope, error) {
	su := ws.Supplier(o.Supplier)
	if su == nil {
		return SupplierScope{}, fmt.Errorf("supplier %q does not exist (known: %s)", o.Supplier, names(ws.Suppliers()))
	}
	if !o.From.IsZero() && !o.To.IsZero() && !o.To.After(o.From) {
		return SupplierScope{}, fmt.Errorf("the review window ends (%s) before it starts (%s)", o.To.Format(time.RFC3339), o.From.Format(time.RFC3339))
	}
	sc := SupplierScope{Supplier: su.Name(), DisplayName: su.Metadata.DisplayName, Contact: su.Spec.Contact, Email: su.Spec.Email,
		Contingency: su.Spec.Contingency, ContingencyPlan: su.Spec.ContingencyPlan,
		Contracts: []string{}, SLTs: []ScopedSLT{}, Feeds: []string{}, Services: []string{}, Assessments: []string{}, Batches: []BatchRef{}, Actions: []string{}}
	bound := map[string][]string{}
	services := map[string]bool{}
	for _, c := range ws.Contracts() {
		if c.Spec.Supplier == su.Name() {
			sc.Contracts = append(sc.Contracts, c.Name())
			bound[c.Spec.SLT] = append(bound[c.Spec.SLT], c.Name())
			for _, s := range c.Spec.Services {
				services[s] = true
			}
		}
	}
	feeds := map[string]bool{}
	for _, f := range ws.Feeds() {
		if f.Spec.Supplier == su.Name() {
			feeds[f.Name()] = true
		}
	}
	for _, s := range ws.SLTs() {
		ks, delivers := bound[s.Name()], feeds[s.Spec.Feed]
		if len(ks) == 0 && !delivers {
			continue
		}
		x := ScopedSLT{SLT: s.Name(), Contracts: append([]string{}, ks...), Feed: s.Spec.Feed}
		var why []string
		if len(ks) > 0 {
			why = append(why, "bound by "+strings.Join(ks, ", "))
		}
		if delivers {
			why = append(why, "computed from "+s.Spec.Feed+", which "+su.Name()+" delivers")
		}
		x.Why = strings.Join(why, "; ")
		sc.SLTs = append(sc.SLTs, x)
		services[s.Spec.Service] = true
		if s.Spec.Feed != "" {
			feeds[s.Spec.Feed] = true
		}
	}
	sc.Feeds = sortedKeys(feeds)
	sc.Services = sortedKeys(services)
	for _, a := range ws.MaturityAssessments() {
		if a.Spec.Supplier == su.Name() {
			sc.Assessments = append(sc.Assessments, a.Name())
		}
	}
	for _, b := range batches {
		if !feeds[b.Feed] || b.Status != storage.StatusPublished && b.Status != storage.StatusReverted {
			continue
		}
		if !o.From.IsZero() && !b.To.IsZero() && b.To.Before(o.From) || !o.To.IsZero() && !b.From.IsZero() && !b.From.Before(o.To) {
			continue
		}
		sc.Batches = append(sc.Batches, BatchRef{ID: b.ID, Feed: b.Feed, Status: b.Status.String(), File: b.File, SHA256: b.SHA256, From: b.From, To: b.To, Imported: b.Published})
	}
	slices.SortFunc(sc.Batches, func(a, b BatchRef) int { return int(a.ID) - int(b.ID) })
	return sc, nil
}

// ScopeStore is Scope on a workspace database: its definitions and batches,
// read in one transaction.
func ScopeStore(st *storage.Store, o ScopeOptions) (SupplierScope, error) {
	var sc SupplierScope
	err := st.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		batches, err := tx.Batches("")
		if err != nil {
			return err
		}
		sc, err = Scope(ws, batches, o)
		return err
	})
	return sc, err
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Restrict builds the workspace a supplier-scoped pack is computed from: the
// supplier, its contracts and assessments (with their model), the scoped SLTs
// with everything they need to be evaluated exactly as in the full workspace
// (composite parts, services, feeds, calendars, the maintenance windows that
// apply to them) and the naming conventions. References that lead out of the
// scope and play no part in the numbers are dropped from the copies: supply
// components, calibration references, services and SLTs of maintenance
// windows that are not in the scope.
func (sc SupplierScope) Restrict(ws *domain.Workspace) *domain.Workspace {
	out := domain.NewWorkspace()
	add := func(d domain.Definition) {
		if d != nil && !out.Has(d.Kind(), d.Name()) {
			out.Put(clone(d))
		}
	}
	add(ws.Supplier(sc.Supplier))
	var queue []string
	for _, s := range sc.SLTs {
		queue = append(queue, s.SLT)
	}
	for _, k := range sc.Contracts {
		c := ws.Contract(k)
		add(c)
		queue = append(queue, c.Spec.SLT)
		for _, s := range c.Spec.Services {
			add(ws.Service(s))
		}
	}
	for len(queue) > 0 {
		s := ws.SLT(queue[0])
		queue = queue[1:]
		if s == nil || out.Has(domain.KindSLT, s.Name()) {
			continue
		}
		add(s)
		for _, r := range domain.References(s) {
			switch r.Kind {
			case domain.KindSLT:
				if strings.HasPrefix(r.Field, "spec.composite.") {
					queue = append(queue, r.Name)
				}
			case domain.KindFeed:
				f := ws.Feed(r.Name)
				add(f)
				if f != nil && f.Spec.Supplier != "" {
					add(ws.Supplier(f.Spec.Supplier))
				}
			default:
				add(ws.Get(r.Kind, r.Name))
			}
		}
	}
	for _, name := range sc.Assessments {
		a := ws.Get(domain.KindMaturityAssessment, name).(*domain.MaturityAssessment)
		add(ws.MaturityModel(a.Spec.Model))
		add(a)
	}
	for _, nc := range ws.NamingConventions() {
		add(nc)
	}
	// Copies lose what leads out of the scope.
	for _, s := range out.SLTs() {
		s.Spec.Components = nil
	}
	for _, f := range out.Feeds() {
		if !out.Has(domain.KindFeed, f.Spec.CalibrateAgainst) {
			f.Spec.CalibrateAgainst = ""
		}
	}
	for _, m := range ws.Maintenance() {
		slts := keep(m.Spec.SLTs, func(n string) bool { return out.Has(domain.KindSLT, n) })
		svcs := keep(m.Spec.Services, func(n string) bool { return out.Has(domain.KindService, n) })
		global := len(m.Spec.SLTs) == 0 && len(m.Spec.Services) == 0
		if !global && len(slts) == 0 && len(svcs) == 0 {
			continue
		}
		c := clone(m).(*domain.MaintenanceWindow)
		c.Spec.SLTs, c.Spec.Services = slts, svcs
		out.Put(c)
	}
	return out
}

func keep(list []string, ok func(string) bool) []string {
	var out []string
	for _, s := range list {
		if ok(s) {
			out = append(out, s)
		}
	}
	return out
}

// clone copies a definition through its stored form, so edits to the copy
// never reach the original.
func clone(d domain.Definition) domain.Definition {
	meta, spec := d.Parts()
	b, err := json.Marshal(struct {
		M *domain.Meta `json:"m"`
		S any          `json:"s"`
	}{meta, spec})
	if err != nil {
		panic(err) // definitions always marshal
	}
	c := domain.New(d.Kind())
	cm, cs := c.Parts()
	if err := json.Unmarshal(b, &struct {
		M *domain.Meta `json:"m"`
		S any          `json:"s"`
	}{cm, cs}); err != nil {
		panic(err)
	}
	return c
}
