package improve

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/export"
	"slate/internal/itsm"
	"slate/internal/readview"
	"slate/internal/report"
	"slate/internal/storage"
)

// RCADueDays is how long an analysis opened by the rule has: its due date
// is this many days after the date it opened (in the workspace's zone).
const RCADueDays = 14

// SyncResult is what one run of the rule did.
type SyncResult struct {
	At time.Time `json:"at"`
	// Opened are the analyses the rule opened in this run.
	Opened []RCA `json:"opened"`
	// Extended are open analyses whose run of misses grew.
	Extended []string `json:"extended"`
	// Queued are the outbox tasks written for integrations.
	Queued []string `json:"queued"`
}

// run is one run of misses that has reached its SLT's rcaAfter.
type run struct {
	key, slt, tier string
	rows           []compliance.Row // the run's missed periods so far
	trigger        int              // index in rows of the period that made the RCA due
	breaches       []string
	priority       float64
}

// Sync applies the root-cause rule now, as Slate (RuleActor): the faces
// run it after imports, withdrawals, definition changes and decisions, and
// before analyses are listed. A read-only store is only read.
func Sync(st *storage.Store) error {
	if st.ReadOnly() {
		return nil
	}
	_, err := SyncRCAs(st, st.Now(), RuleActor)
	return err
}

// SyncRCAs applies the root-cause rule at time at: every run of complete
// missed periods of an SLT (or of one tier of a tiered SLT) that reaches
// the SLT's rcaAfter (compliance.MarkRuns: rca_due) gets one analysis,
// opened by actor (RuleActor when Slate runs the rule on its own). A run is
// known by its SLT, tier and first missed period, so running the rule again
// never opens a second analysis for it; a met period (or one without data)
// ends the run, and the next run opens a new one. An open analysis whose run
// grows is extended with the new periods. Opening writes the analysis, its
// audit event and the integrations' tasks in one transaction.
//
// The faces run it after an import is published or withdrawn, after
// definitions change, after an exception or false-positive decision, and
// before they list analyses; it writes only when something is new.
func SyncRCAs(st *storage.Store, at time.Time, actor string) (SyncResult, error) {
	actor, err := actorOf(actor)
	if err != nil {
		return SyncResult{}, err
	}
	res := SyncResult{At: at.UTC(), Opened: []RCA{}, Extended: []string{}, Queued: []string{}}
	in, err := readview.Input(st, at)
	if err != nil {
		return res, err
	}
	ws := in.Workspace
	var names []string
	for _, s := range ws.SLTs() {
		names = append(names, s.Name())
	}
	all, err := compliance.NewEvaluator(in).All(names)
	if err != nil {
		return res, err
	}
	fps, err := readview.ReadFalsePositives(st)
	if err != nil {
		return res, err
	}
	var runs []run
	for _, name := range names {
		runs = append(runs, runsOf(ws, all[name], fps)...)
	}
	if len(runs) == 0 {
		return res, nil
	}
	err = st.Update(func(tx *storage.Tx) error {
		now := st.Now().UTC()
		for _, r := range runs {
			id, ok := tx.RecordIndex(storage.RCAs, r.key)
			if !ok {
				// an analysis a person opened on one of the run's breaches
				// (OpenRCA) becomes the run's: it grows, no second one opens
				if id, err = holding(tx, r); err != nil {
					return err
				}
				if ok = id != ""; ok {
					if err := tx.PutRecordIndex(storage.RCAs, r.key, id); err != nil {
						return err
					}
				}
			}
			if ok {
				extended, err := extendRCA(tx, actor, now, id, r)
				if err != nil {
					return err
				}
				if extended {
					res.Extended = append(res.Extended, id)
				}
				continue
			}
			rca, queued, err := openRCA(tx, ws, all, actor, now, r)
			if err != nil {
				return err
			}
			res.Opened = append(res.Opened, rca)
			res.Queued = append(res.Queued, queued...)
		}
		return nil
	})
	if err != nil {
		return SyncResult{At: at.UTC(), Opened: []RCA{}, Extended: []string{}, Queued: []string{}}, err
	}
	return res, nil
}

// runsOf finds the due runs of one SLT: per tier for a tiered SLT (its
// overall row misses whenever a tier does, and the tier says which), else
// its own rows (composites included).
func runsOf(ws *domain.Workspace, r compliance.SLTRows, fps map[string]compliance.FalsePositive) []run {
	series := [][]compliance.Row{r.Overall}
	if len(r.Tiers) > 1 || (len(r.Tiers) == 1 && len(r.Tiers[0]) > 0 && r.Tiers[0][0].Tier != "") {
		series = r.Tiers
	}
	var out []run
	for _, rows := range series {
		impact := map[string]float64{}
		for _, b := range compliance.Breaches(ws, rows, fps) {
			if !b.FalsePositive {
				impact[b.ID] = b.Impact
			}
		}
		for i := 0; i < len(rows); i++ {
			if !rows[i].RCADue {
				continue
			}
			start := i - (rows[i].ConsecutiveMisses - 1)
			end := i
			for end+1 < len(rows) && rows[end+1].RCADue && rows[end+1].ConsecutiveMisses == rows[end].ConsecutiveMisses+1 {
				end++
			}
			first := rows[start]
			ru := run{key: compliance.BreachID(first.SLT, first.Tier, first.Period), slt: first.SLT, tier: first.Tier,
				rows: slices.Clone(rows[start : end+1]), trigger: i - start}
			for _, row := range ru.rows {
				id := compliance.BreachID(row.SLT, row.Tier, row.Period)
				ru.breaches = append(ru.breaches, id)
				ru.priority += impact[id]
			}
			ru.priority = math.Round(ru.priority*1e6) / 1e6 // sums of shares carry float noise
			out = append(out, ru)
			i = end
		}
	}
	return out
}

func periodsOf(rows []compliance.Row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Period
	}
	return out
}

func openRCA(tx *storage.Tx, ws *domain.Workspace, all map[string]compliance.SLTRows, actor string, now time.Time, r run) (RCA, []string, error) {
	s := ws.SLT(r.slt)
	id, err := tx.NewRecordID(storage.RCAs)
	if err != nil {
		return RCA{}, nil, err
	}
	loc := Zone(ws)
	today := compliance.LocalDay(now, loc)
	problem := problemStatement(ws, s, r)
	rca := RCA{ID: id, SLT: r.slt, Tier: r.tier, Service: s.Spec.Service, Supplier: supplierOf(ws, s), RunKey: r.key,
		Periods: periodsOf(r.rows), Breaches: r.breaches, Priority: r.priority, Status: RCAOpen, Owner: ownerOf(ws, s),
		Method: MethodFiveWhys, Problem: problem,
		FiveWhys:   []Why{{Why: fmt.Sprintf("Why did %s miss its objective %s?", s.Metadata.Title(), periodList(periodsOf(r.rows)))}},
		RootCauses: []string{}, Team: proposeTeam(ws, all, s, r), Due: compliance.DayKey(today + RCADueDays),
		OpenedAt: now, OpenedBy: actor, Notes: []Note{},
		History: []Change{{At: now, Actor: actor, Field: "created", To: problem}}}
	if err := tx.PutRecord(storage.RCAs, id, rca); err != nil {
		return RCA{}, nil, err
	}
	if err := tx.PutRecordIndex(storage.RCAs, r.key, id); err != nil {
		return RCA{}, nil, err
	}
	if _, err := tx.AuditAs(actor, "rca.open", "RCA/"+id, map[string]any{"run": r.key, "periods": rca.Periods, "owner": rca.Owner, "priority": rca.Priority}); err != nil {
		return RCA{}, nil, err
	}
	trigger := r.rows[r.trigger]
	task := itsm.Task{Event: domain.EventRCAOpened,
		Title:       fmt.Sprintf("Root-cause analysis %s: %s missed %s", id, s.Metadata.Title(), missedText(r.rows)),
		Description: fmt.Sprintf("%s Owner %s, due %s.", problem, rca.Owner, rca.Due),
		SLT:         r.slt, Tier: r.tier, Service: rca.Service, Supplier: rca.Supplier,
		Breach: compliance.BreachID(trigger.SLT, trigger.Tier, trigger.Period), Period: trigger.Period, Periods: rca.Periods,
		Priority: rca.Priority, Due: rca.Due, Owner: rca.Owner, Links: itsm.TaskLinks{RCA: id}}
	queued, err := itsm.Enqueue(tx, ws, actor, now, task)
	return rca, queued, err
}

// holding is the open analysis of r's SLT (and tier) that already holds one
// of r's breaches, or "".
func holding(tx *storage.Tx, r run) (string, error) {
	rcas, err := storage.List[RCA](tx, storage.RCAs)
	if err != nil {
		return "", err
	}
	for _, x := range rcas {
		if x.Status == RCAOpen && x.SLT == r.slt && x.Tier == r.tier && slices.ContainsFunc(x.Breaches, func(b string) bool { return slices.Contains(r.breaches, b) }) {
			return x.ID, nil
		}
	}
	return "", nil
}

// OpenRCA opens an analysis of one breach (slt[/tier]@period, a complete
// missed period at time at) on a person's request; the rule opens analyses
// of runs of misses on its own. When an analysis already holds the breach it
// is named instead and nothing changes. Should the breach become part of a
// run that reaches rcaAfter, the rule extends this analysis rather than
// opening a second. Audited as rca.open; integrations get rca.opened.
func OpenRCA(st *storage.Store, actor, breach string, at time.Time) (RCA, error) {
	actor, err := actorOf(actor)
	if err != nil {
		return RCA{}, err
	}
	slt, tier, _, err := parseBreachID(breach)
	if err != nil {
		return RCA{}, err
	}
	in, err := readview.Input(st, at)
	if err != nil {
		return RCA{}, err
	}
	ws := in.Workspace
	s := ws.SLT(slt)
	if s == nil {
		return RCA{}, fmt.Errorf("SLT %q does not exist", slt)
	}
	if tier != "" && !hasTier(s, tier) {
		return RCA{}, fmt.Errorf("SLT %s has no tier %q", slt, tier)
	}
	var names []string
	for _, x := range ws.SLTs() {
		names = append(names, x.Name())
	}
	all, err := compliance.NewEvaluator(in).All(names)
	if err != nil {
		return RCA{}, err
	}
	var marks map[string]storage.BreachMark
	if err := st.View(func(tx *storage.Tx) error {
		marks, err = tx.BreachMarks()
		return err
	}); err != nil {
		return RCA{}, err
	}
	fps := map[string]compliance.FalsePositive{}
	for id, m := range marks {
		fps[id] = compliance.FalsePositive{Reason: m.Reason, By: m.By}
	}
	rows := all[slt].Rows()
	var found *compliance.Breach
	for _, b := range compliance.Breaches(ws, rows, fps) {
		if b.ID == breach {
			found = &b
		}
	}
	switch {
	case found == nil:
		return RCA{}, fmt.Errorf("there is no breach %s: only a complete missed period (as the breach log lists it) can be analysed", breach)
	case found.FalsePositive:
		return RCA{}, fmt.Errorf("breach %s is a false positive (%s): there is nothing to analyse", breach, found.FPReason)
	}
	r := run{key: breach, slt: slt, tier: tier, breaches: []string{breach}, priority: math.Round(found.Impact*1e6) / 1e6}
	for _, row := range rows {
		if compliance.BreachID(row.SLT, row.Tier, row.Period) == breach {
			r.rows = []compliance.Row{row}
		}
	}
	var rca RCA
	err = st.Update(func(tx *storage.Tx) error {
		rcas, err := storage.List[RCA](tx, storage.RCAs)
		if err != nil {
			return err
		}
		for _, x := range rcas {
			if slices.Contains(x.Breaches, breach) {
				return fmt.Errorf("%s (%s) already analyses breach %s", x.ID, x.Status, breach)
			}
		}
		rca, _, err = openRCA(tx, ws, all, actor, st.Now().UTC(), r)
		return err
	})
	return rca, err
}

// extendRCA adds the periods a still-open run has gained since.
func extendRCA(tx *storage.Tx, actor string, now time.Time, id string, r run) (bool, error) {
	rca, err := storage.Get[RCA](tx, storage.RCAs, id)
	if err != nil {
		return false, err
	}
	periods := periodsOf(r.rows)
	if rca.Status != RCAOpen || len(periods) <= len(rca.Periods) {
		return false, nil
	}
	rca.History = append(rca.History, Change{At: now, Actor: actor, Field: "periods", From: strings.Join(rca.Periods, " "), To: strings.Join(periods, " ")})
	rca.Periods, rca.Breaches, rca.Priority = periods, r.breaches, r.priority
	if err := tx.PutRecord(storage.RCAs, id, rca); err != nil {
		return false, err
	}
	_, err = tx.AuditAs(actor, "rca.extend", "RCA/"+id, map[string]any{"periods": periods, "priority": r.priority})
	return true, err
}

func unitWord(key string, n int) string {
	kind, _ := compliance.KeyKind(key)
	if kind == "" {
		kind = "period"
	}
	if n == 1 {
		return kind
	}
	return kind + "s"
}

// missedText is "3 months in a row", or "in 2026-09" for one period.
func missedText(rows []compliance.Row) string {
	if len(rows) == 1 {
		return periodList(periodsOf(rows))
	}
	return fmt.Sprintf("%d %s in a row", len(rows), unitWord(rows[0].Period, len(rows)))
}

// periodList is "in 2026-06", "in 2026-06 and 2026-07", "in 2026-06, 2026-07 and 2026-08".
func periodList(ps []string) string {
	switch len(ps) {
	case 0:
		return ""
	case 1:
		return "in " + ps[0]
	}
	return "in " + strings.Join(ps[:len(ps)-1], ", ") + " and " + ps[len(ps)-1]
}

// problemStatement says what missed, when and by how much.
func problemStatement(ws *domain.Workspace, s *domain.SLT, r run) string {
	vals := make([]string, 0, len(r.rows))
	for _, row := range r.rows {
		if row.Attainment != nil {
			vals = append(vals, formatValue(ws, s, row.Kind, *row.Attainment))
		}
	}
	who := s.Metadata.Title()
	if r.tier != "" {
		who += " (tier " + r.tier + ")"
	}
	obj := ""
	if row := r.rows[0]; row.Target != nil {
		obj = " " + row.Op + " " + formatValue(ws, s, row.Kind, *row.Target)
	}
	if len(r.rows) == 1 {
		return fmt.Sprintf("%s missed its objective%s %s (%s).", who, obj, periodList(periodsOf(r.rows)), strings.Join(vals, ", "))
	}
	return fmt.Sprintf("%s missed its objective%s %d %s in a row, %s (%s).", who, obj, len(r.rows), unitWord(r.rows[0].Period, len(r.rows)),
		periodList(periodsOf(r.rows)), strings.Join(vals, ", "))
}

// formatValue writes an attainment as reports do: 91.041% for shares, 334.56 ms for statistics.
func formatValue(ws *domain.Workspace, s *domain.SLT, kind string, v float64) string {
	if kind == domain.IndicatorStatistic || !s.Spec.RatioLike() {
		out := export.FormatValue(report.Number(v), "")
		if f := ws.Feed(s.Spec.Feed); f != nil && f.Spec.Unit != "" {
			out += " " + f.Spec.Unit
		}
		return out
	}
	return export.FormatValue(report.Percent(v), "")
}

// proposeTeam proposes a cross-functional team when SLTs linked to this one
// (the same feed, the same supplier, a composite and its components, or a
// documented dependency in common) missed in the run's time and belong to
// services with other owners: one member per owning service, the RCA's
// own service leading. nil when every sharing SLT has the same owner.
func proposeTeam(ws *domain.Workspace, all map[string]compliance.SLTRows, s *domain.SLT, r run) *Team {
	from, to := r.rows[0].Start, r.rows[len(r.rows)-1].End
	type share struct {
		slt, how string
	}
	byService := map[string][]share{}
	var reasons []string
	for _, x := range ws.SLTs() {
		if x.Name() == s.Name() {
			continue
		}
		how := linkBetween(ws, s, x)
		if how == "" || !missedIn(all[x.Name()], from, to) {
			continue
		}
		byService[x.Spec.Service] = append(byService[x.Spec.Service], share{x.Name(), how})
		reasons = append(reasons, fmt.Sprintf("%s (%s: %s)", x.Name(), x.Spec.Service, how))
	}
	ownerOfService := func(svc string, slts []string) string {
		if v := ws.Service(svc); v != nil && v.Spec.Owner != "" {
			return v.Spec.Owner
		}
		if x := ws.SLT(slts[0]); x != nil {
			return x.Spec.Owner
		}
		return ""
	}
	lead := Member{Name: ownerOfService(s.Spec.Service, []string{s.Name()}), Service: s.Spec.Service, SLTs: []string{s.Name()}, Role: "lead"}
	for _, sh := range byService[s.Spec.Service] {
		lead.SLTs = append(lead.SLTs, sh.slt)
	}
	members := []Member{lead}
	owners := map[string]bool{strings.ToLower(lead.Name): true}
	services := make([]string, 0, len(byService))
	for svc := range byService {
		if svc != s.Spec.Service {
			services = append(services, svc)
		}
	}
	slices.Sort(services)
	for _, svc := range services {
		var slts []string
		for _, sh := range byService[svc] {
			slts = append(slts, sh.slt)
		}
		m := Member{Name: ownerOfService(svc, slts), Service: svc, SLTs: slts, Role: "member"}
		owners[strings.ToLower(m.Name)] = true
		members = append(members, m)
	}
	if len(owners) < 2 {
		return nil
	}
	slices.Sort(reasons)
	return &Team{Reason: fmt.Sprintf("%s missed while these linked SLTs also missed: %s", s.Name(), strings.Join(reasons, "; ")), Members: members}
}

// linkBetween says how two SLTs are linked, or "" when they are not.
func linkBetween(ws *domain.Workspace, a, b *domain.SLT) string {
	switch {
	case a.Spec.Feed != "" && a.Spec.Feed == b.Spec.Feed:
		return "same feed " + a.Spec.Feed
	case isComponent(a, b.Name()):
		return "component of " + a.Name()
	case isComponent(b, a.Name()):
		return "composite of " + a.Name()
	}
	if sa, sb := supplierOf(ws, a), supplierOf(ws, b); sa != "" && sa == sb {
		return "same supplier " + sa
	}
	if a.Spec.Assumptions != nil && b.Spec.Assumptions != nil {
		for _, d := range a.Spec.Assumptions.Dependencies {
			for _, e := range b.Spec.Assumptions.Dependencies {
				if strings.EqualFold(strings.TrimSpace(d), strings.TrimSpace(e)) {
					return "shared dependency " + d
				}
			}
		}
	}
	return ""
}

func isComponent(composite *domain.SLT, name string) bool {
	if composite.Spec.Composite == nil {
		return false
	}
	for _, c := range composite.Spec.Composite.Components {
		if c.SLT == name {
			return true
		}
	}
	return false
}

// missedIn reports whether any complete period of the SLT (or a tier) that
// overlaps [from, to) missed.
func missedIn(r compliance.SLTRows, from, to time.Time) bool {
	for _, row := range r.Rows() {
		if row.Complete && row.Met != nil && !*row.Met && row.Start.Before(to) && row.End.After(from) {
			return true
		}
	}
	return false
}
