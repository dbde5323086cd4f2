// Package supply holds the supplier-management engines: whether end-to-end
// SLTs are covered by supplier contracts (gaps, overlaps, orphans) and can be
// met given their components' targets (feasibility), measured per period;
// supplier maturity beside measured reliability; and the scope of a joint
// supplier review. It reads definitions and compliance results; it writes nothing.
package supply

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"slate/internal/compliance"
	"slate/internal/domain"
)

// ChainReport is the end-to-end coverage of a workspace.
type ChainReport struct {
	// EndToEnd has one entry per SLT that declares components.
	EndToEnd []EndToEnd `json:"end_to_end"`
	// Orphans are contracts whose SLT belongs to no end-to-end SLT.
	Orphans []Orphan `json:"orphans"`
}

// EndToEnd is one end-to-end SLT's supply chain, checked.
type EndToEnd struct {
	SLT     string `json:"slt"`
	Service string `json:"service"`
	Owner   string `json:"owner"`
	// Target is the objective (the strictest tier's, for a tiered SLT).
	Target      float64       `json:"target"`
	Op          string        `json:"op"`
	Components  []Component   `json:"components"`
	Gaps        []Gap         `json:"gaps"`
	Overlaps    []Overlap     `json:"overlaps"`
	Feasibility Feasibility   `json:"feasibility"`
	Periods     []PeriodCheck `json:"periods"`
}

// Component is one direct part of an end-to-end SLT.
type Component struct {
	SLT       string   `json:"slt"`
	Relation  string   `json:"relation"`
	Target    float64  `json:"target"`
	Op        string   `json:"op"`
	Contracts []string `json:"contracts"`
	Suppliers []string `json:"suppliers"`
	// Nested: the component declares components of its own.
	Nested bool `json:"nested"`
}

// Gap is a component nobody is contracted for (at the end of its chain).
type Gap struct {
	SLT string `json:"slt"`
	// Chain runs from the end-to-end SLT down to the component.
	Chain   []string `json:"chain"`
	Message string   `json:"message"`
}

// Overlap is a component under more than one contract.
type Overlap struct {
	SLT       string   `json:"slt"`
	Chain     []string `json:"chain"`
	Contracts []string `json:"contracts"`
	Suppliers []string `json:"suppliers"`
	Message   string   `json:"message"`
}

// Orphan is a contract whose SLT is not part of any end-to-end SLT.
type Orphan struct {
	Contract string `json:"contract"`
	Supplier string `json:"supplier"`
	SLT      string `json:"slt"`
	Message  string `json:"message"`
}

// Feasibility says whether the components' targets allow the end-to-end target.
type Feasibility struct {
	// Best is the end-to-end attainment the components' targets allow:
	// serial parts multiply, a parallel group gives 1 − Π(1 − a).
	Best      float64 `json:"best"`
	Feasible  bool    `json:"feasible"`
	Shortfall float64 `json:"shortfall"`
	// Fix is the smallest single-component change that makes the chain
	// feasible; nil when it is feasible, or when no single component can.
	Fix *Fix `json:"fix"`
	// Options say what each component alone would need (To > 1: impossible).
	Options []Fix `json:"options"`
	// Balanced, when no single component can close the gap, is one way with
	// every part raised: each serial part and the parallel group to the n-th
	// root of the target (n parts), parts already above it unchanged.
	Balanced []Fix  `json:"balanced"`
	Verdict  string `json:"verdict"`
}

// Fix is a target change for one component.
type Fix struct {
	SLT  string  `json:"slt"`
	From float64 `json:"from"`
	// To is the target the component would need; above 1 it cannot be reached.
	To       float64 `json:"to"`
	Change   float64 `json:"change"`
	Possible bool    `json:"possible"`
}

// PeriodCheck is the chain judged on measured attainment in one period.
type PeriodCheck struct {
	Period     string   `json:"period"`
	Complete   bool     `json:"complete"`
	Attainment *float64 `json:"attainment"`
	Met        *bool    `json:"met"`
	// Expected is the chain formula over the parts' measured attainments.
	Expected *float64     `json:"expected"`
	Parts    []PartResult `json:"parts"`
	// Status: met, part_missed (a part missed its own target), mapping_problem
	// (every part met its target, yet the whole missed), incomplete (the whole
	// missed, some parts have no data) or no_data.
	Status  string `json:"status"`
	Message string `json:"message"`
}

// PartResult is one component's measured attainment in the period.
type PartResult struct {
	SLT        string   `json:"slt"`
	Attainment *float64 `json:"attainment"`
	Target     *float64 `json:"target"`
	Met        *bool    `json:"met"`
}

// Period check statuses.
const (
	StatusMet            = "met"
	StatusPartMissed     = "part_missed"
	StatusMappingProblem = "mapping_problem"
	StatusIncomplete     = "incomplete"
	StatusNoData         = "no_data"
)

// tolerance absorbs float noise when a product of targets is compared with a target.
const tolerance = 1e-12

// Check reports, for every SLT with components, its gaps, overlaps and
// feasibility, and lists orphan contracts. It refuses a workspace whose
// components form a cycle (apply never stores one).
func Check(ws *domain.Workspace) (ChainReport, error) {
	rep := ChainReport{EndToEnd: []EndToEnd{}, Orphans: []Orphan{}}
	contracts := map[string][]*domain.Contract{}
	for _, c := range ws.Contracts() {
		contracts[c.Spec.SLT] = append(contracts[c.Spec.SLT], c)
	}
	isComponent := map[string]bool{}
	for _, s := range ws.SLTs() {
		for _, c := range s.Spec.Components {
			isComponent[c.SLT] = true
		}
	}
	for _, s := range ws.SLTs() {
		if len(s.Spec.Components) == 0 {
			continue
		}
		e, err := checkOne(ws, s, contracts)
		if err != nil {
			return rep, err
		}
		rep.EndToEnd = append(rep.EndToEnd, e)
	}
	for _, c := range ws.Contracts() {
		s := ws.SLT(c.Spec.SLT)
		if s == nil || isComponent[s.Name()] || len(s.Spec.Components) > 0 {
			continue
		}
		rep.Orphans = append(rep.Orphans, Orphan{Contract: c.Name(), Supplier: c.Spec.Supplier, SLT: s.Name(),
			Message: fmt.Sprintf("contract %s (%s) underpins SLT %s, which belongs to no end-to-end SLT: list it in the components of the end-to-end SLT it supports, or ask what the contract is for", c.Name(), c.Spec.Supplier, s.Name())})
	}
	return rep, nil
}

func checkOne(ws *domain.Workspace, s *domain.SLT, contracts map[string][]*domain.Contract) (EndToEnd, error) {
	target, op, _ := s.Spec.ShareTarget()
	e := EndToEnd{SLT: s.Name(), Service: s.Spec.Service, Owner: s.Spec.Owner, Target: target, Op: op,
		Components: []Component{}, Gaps: []Gap{}, Overlaps: []Overlap{}, Periods: []PeriodCheck{}}
	var links []link
	for _, c := range s.Spec.Components {
		cs := ws.SLT(c.SLT)
		if cs == nil {
			return e, fmt.Errorf("SLT %s: component %q does not exist", s.Name(), c.SLT)
		}
		t, o, ok := cs.Spec.ShareTarget()
		if !ok {
			return e, fmt.Errorf("SLT %s: component %s is not a share judged with >= or >", s.Name(), c.SLT)
		}
		comp := Component{SLT: c.SLT, Relation: c.Relation, Target: t, Op: o, Nested: len(cs.Spec.Components) > 0,
			Contracts: []string{}, Suppliers: []string{}}
		for _, k := range contracts[c.SLT] {
			comp.Contracts = append(comp.Contracts, k.Name())
			comp.Suppliers = append(comp.Suppliers, k.Spec.Supplier)
		}
		e.Components = append(e.Components, comp)
		links = append(links, link{c.SLT, t, c.Relation == domain.RelationParallel})
	}
	if err := cover(ws, &e, []string{s.Name()}, s, contracts, map[string]bool{s.Name(): true}); err != nil {
		return e, err
	}
	e.Feasibility = feasibility(links, target, op)
	return e, nil
}

// cover walks the chain below s: a component under a contract is covered; one
// without a contract is covered by its own components, if it has any, and is
// a gap otherwise. A component under two or more contracts is an overlap.
func cover(ws *domain.Workspace, e *EndToEnd, chain []string, s *domain.SLT, contracts map[string][]*domain.Contract, onPath map[string]bool) error {
	for _, c := range s.Spec.Components {
		path := append(slices.Clone(chain), c.SLT)
		if onPath[c.SLT] {
			return fmt.Errorf("the components form a cycle: %s", strings.Join(path, " → "))
		}
		cs := ws.SLT(c.SLT)
		if cs == nil {
			return fmt.Errorf("SLT %s: component %q does not exist", s.Name(), c.SLT)
		}
		ks := contracts[c.SLT]
		switch {
		case len(ks) > 1:
			o := Overlap{SLT: c.SLT, Chain: path}
			for _, k := range ks {
				o.Contracts = append(o.Contracts, k.Name())
				o.Suppliers = append(o.Suppliers, k.Spec.Supplier)
			}
			o.Message = fmt.Sprintf("%s is under %d contracts (%s): decide which one the SLT's credits and escalations follow, or split the component", c.SLT, len(ks), strings.Join(o.Contracts, ", "))
			e.Overlaps = append(e.Overlaps, o)
		case len(ks) == 1:
		case len(cs.Spec.Components) > 0:
			onPath[c.SLT] = true
			if err := cover(ws, e, path, cs, contracts, onPath); err != nil {
				return err
			}
			delete(onPath, c.SLT)
		default:
			e.Gaps = append(e.Gaps, Gap{SLT: c.SLT, Chain: path,
				Message: fmt.Sprintf("%s has no contract: nobody is bound to deliver it (chain %s); add a Contract for it, or components that are contracted", c.SLT, strings.Join(path, " → "))})
		}
	}
	return nil
}

// link is one component in the chain formula.
type link struct {
	slt      string
	a        float64
	parallel bool
}

// chainValue: the serial parts multiply; the parallel group, in series with
// them, is up when any member is: 1 − Π(1 − aⱼ).
func chainValue(links []link) float64 {
	v, down, group := 1.0, 1.0, false
	for _, l := range links {
		if l.parallel {
			down *= 1 - l.a
			group = true
		} else {
			v *= l.a
		}
	}
	if group {
		v *= 1 - down
	}
	return v
}

func meets(v float64, op string, target float64) bool {
	if op == ">" {
		return v > target-tolerance
	}
	return v >= target-tolerance
}

func feasibility(links []link, target float64, op string) Feasibility {
	f := Feasibility{Best: chainValue(links), Options: []Fix{}, Balanced: []Fix{}}
	f.Feasible = meets(f.Best, op, target)
	if f.Feasible {
		f.Verdict = fmt.Sprintf("feasible: the components' targets allow up to %s against the end-to-end target of %s", pct(f.Best), pct(target))
		return f
	}
	f.Shortfall = target - f.Best
	serial, group := 1.0, false
	for _, l := range links {
		if l.parallel {
			group = true
		} else {
			serial *= l.a
		}
	}
	for i, l := range links {
		fx := Fix{SLT: l.slt, From: l.a, To: math.Inf(1)}
		if l.parallel {
			// the group must reach G = target / serial; the others' downtime is fixed
			g, others := math.Inf(1), 1.0
			if serial > 0 {
				g = target / serial
			}
			for j, m := range links {
				if j != i && m.parallel {
					others *= 1 - m.a
				}
			}
			if g <= 1 && others > 0 {
				fx.To = 1 - (1-g)/others
			}
		} else if rest := chainValue(append(append(slices.Clone(links[:i]), link{l.slt, 1, false}), links[i+1:]...)); rest > 0 {
			fx.To = target / rest
		}
		fx.Possible = fx.To <= 1+tolerance
		fx.To = min(fx.To, math.MaxFloat64)
		fx.Change = fx.To - fx.From
		f.Options = append(f.Options, fx)
		if fx.Possible && (f.Fix == nil || fx.Change < f.Fix.Change) {
			best := fx
			f.Fix = &best
		}
	}
	if f.Fix != nil {
		f.Verdict = fmt.Sprintf("not feasible: the components' targets allow at most %s against the end-to-end target of %s; the smallest single change: raise %s from %s to %s (+%s points)",
			pct(f.Best), pct(target), f.Fix.SLT, pct(f.Fix.From), pct(f.Fix.To), points(f.Fix.Change))
		return f
	}
	n := 0
	for _, l := range links {
		if !l.parallel {
			n++
		}
	}
	if group {
		n++
	}
	share := math.Pow(target, 1/float64(n))
	members := 0
	for _, l := range links {
		if l.parallel {
			members++
		}
	}
	var parts []string
	for _, l := range links {
		need := share
		if l.parallel {
			need = 1 - math.Pow(1-share, 1/float64(members))
		}
		to := max(l.a, need)
		f.Balanced = append(f.Balanced, Fix{SLT: l.slt, From: l.a, To: to, Change: to - l.a, Possible: true})
		if to > l.a {
			parts = append(parts, fmt.Sprintf("%s to %s", l.slt, pct(to)))
		}
	}
	f.Verdict = fmt.Sprintf("not feasible: the components' targets allow at most %s against the end-to-end target of %s, and no single component can close the gap; raise several (for example %s) or lower the end-to-end target to %s",
		pct(f.Best), pct(target), strings.Join(parts, ", "), pct(f.Best))
	return f
}

// pct writes a share as a percentage with up to three decimals (99.9%, 98.505%).
func pct(x float64) string {
	s := strconv.FormatFloat(x*100, 'f', 3, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s + "%"
}

// points writes a difference of shares in percentage points.
func points(x float64) string {
	s := strconv.FormatFloat(x*100, 'f', 3, 64)
	return strings.TrimRight(strings.TrimRight(s, "0"), ".")
}

// CheckAll is Check plus the measured check per period (Measure); period,
// when set, keeps one period key (or the periods starting inside it).
func CheckAll(in compliance.Input, period string) (ChainReport, error) {
	rep, err := Check(in.Workspace)
	if err != nil {
		return rep, err
	}
	ev := compliance.NewEvaluator(in)
	for i := range rep.EndToEnd {
		if rep.EndToEnd[i].Periods, err = Measure(ev, rep.EndToEnd[i], period); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

// Measure judges an end-to-end SLT's chain per period on measured
// attainment: the components are evaluated over the end-to-end SLT's periods
// (as composites are), each against its own target.
func Measure(ev *compliance.Evaluator, e EndToEnd, period string) ([]PeriodCheck, error) {
	ws := ev.In.Workspace
	s := ws.SLT(e.SLT)
	if s == nil {
		return nil, fmt.Errorf("SLT %q does not exist", e.SLT)
	}
	keep, err := periodFilter(period, s)
	if err != nil {
		return nil, err
	}
	ps, err := compliance.ParsePeriodSpec(s.Spec.Period)
	if err != nil {
		return nil, fmt.Errorf("SLT %s: %w", s.Name(), err)
	}
	whole, err := ev.SLT(s.Name(), nil)
	if err != nil {
		return nil, err
	}
	parts := make([]map[string]compliance.Row, len(e.Components))
	for i, c := range e.Components {
		r, err := ev.SLT(c.SLT, &ps)
		if err != nil {
			return nil, err
		}
		parts[i] = map[string]compliance.Row{}
		for _, row := range r.Overall {
			parts[i][row.Period] = row
		}
	}
	out := []PeriodCheck{}
	for _, row := range whole.Overall {
		if !keep(row) {
			continue
		}
		pc := PeriodCheck{Period: row.Period, Complete: row.Complete, Attainment: row.Attainment, Met: row.Met, Parts: []PartResult{}}
		var links []link
		var missed, missing []string
		for i, c := range e.Components {
			pr := PartResult{SLT: c.SLT}
			if p, ok := parts[i][row.Period]; ok {
				pr.Attainment, pr.Target, pr.Met = p.Attainment, p.Target, p.Met
			}
			switch {
			case pr.Met == nil || pr.Attainment == nil:
				missing = append(missing, c.SLT)
			case !*pr.Met:
				missed = append(missed, fmt.Sprintf("%s at %s", c.SLT, pct(*pr.Attainment)))
			}
			if pr.Attainment != nil {
				links = append(links, link{c.SLT, *pr.Attainment, c.Relation == domain.RelationParallel})
			}
			pc.Parts = append(pc.Parts, pr)
		}
		if len(missing) == 0 {
			x := chainValue(links)
			pc.Expected = &x
		}
		pc.Status, pc.Message = judgePeriod(e, pc, missed, missing)
		out = append(out, pc)
	}
	return out, nil
}

func judgePeriod(e EndToEnd, pc PeriodCheck, missed, missing []string) (string, string) {
	switch {
	case pc.Met == nil:
		return StatusNoData, fmt.Sprintf("%s has no data for %s", e.SLT, pc.Period)
	case *pc.Met:
		return StatusMet, fmt.Sprintf("%s met its target in %s", e.SLT, pc.Period)
	case len(missed) > 0:
		return StatusPartMissed, fmt.Sprintf("%s missed in %s, and so did %s: follow up with the supplier of the part", e.SLT, pc.Period, strings.Join(missed, ", "))
	case len(missing) > 0:
		return StatusIncomplete, fmt.Sprintf("%s missed in %s; %s have no data for the period, so the chain cannot say why", e.SLT, pc.Period, strings.Join(missing, ", "))
	}
	msg := fmt.Sprintf("the parts met their targets, yet the whole missed in %s (%s against %s): a mapping problem", pc.Period, pct(*pc.Attainment), pct(e.Target))
	if !e.Feasibility.Feasible {
		msg += fmt.Sprintf(": the component targets allow at most %s", pct(e.Feasibility.Best))
	} else {
		msg += ": the chain misses a dependency, or a part measures something else than what the whole needs"
	}
	return StatusMappingProblem, msg
}

// periodFilter keeps rows of a period key: the key itself, or for a key of
// another kind the periods that start inside it ("" keeps everything).
func periodFilter(key string, s *domain.SLT) (func(compliance.Row) bool, error) {
	if key == "" {
		return func(compliance.Row) bool { return true }, nil
	}
	kind, ok := compliance.KeyKind(key)
	if !ok {
		return nil, fmt.Errorf("period %q is not a period key (write 2026, 2026-Q3, 2026-W07, 2026-10 or 2026-10-05)", key)
	}
	loc, err := domain.LoadZone(s.Spec.TimeZone)
	if err != nil {
		return nil, err
	}
	p, err := compliance.ParseKey(key, loc)
	if err != nil {
		return nil, err
	}
	return func(r compliance.Row) bool {
		rk, _ := compliance.KeyKind(r.Period)
		return r.Period == key || rk != kind && !r.Start.Before(p.Start) && r.Start.Before(p.End)
	}, nil
}
