package domain

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
)

// This file validates the supply-chain and service-design parts of a
// workspace: contingency plans, supply components, CIs, naming conventions,
// SLT templates and maturity questionnaires.

func (c *checker) contingency(p *Contingency) {
	const f = "spec.contingency."
	if strings.TrimSpace(p.Failover) == "" && strings.TrimSpace(p.Workaround) == "" {
		c.add(f+"failover", "a contingency plan needs a failover or a manual workaround (or both)")
	}
	if len(p.Contacts) == 0 {
		c.add(f+"contacts", "a contingency plan needs at least one contact to call when it runs")
	}
	for i, ct := range p.Contacts {
		field := fieldIndex(f+"contacts", i, "")
		if strings.TrimSpace(ct.Name) == "" {
			c.add(field+".name", "is required")
		}
		if ct.Phone == "" && ct.Email == "" {
			c.add(field, "%q needs a phone or an email", ct.Name)
		}
		if ct.Email != "" && !strings.Contains(strings.Trim(ct.Email, "@"), "@") {
			c.add(field+".email", "%q is not an email address", ct.Email)
		}
	}
	c.date(f+"lastTested", p.LastTested)
}

func (c *checker) supplyComponents(s *SLTSpec) {
	if len(s.Components) == 0 {
		return
	}
	seen := map[string]bool{}
	parallel := 0
	for i, comp := range s.Components {
		field := fieldIndex("spec.components", i, "")
		switch {
		case comp.SLT == "":
			c.add(field+".slt", "is required")
		case comp.SLT == c.d.Name():
			c.add(field+".slt", "an SLT cannot be its own component")
		case seen[comp.SLT]:
			c.add(field+".slt", "%q is listed twice", comp.SLT)
		}
		seen[comp.SLT] = true
		switch comp.Relation {
		case RelationSerial:
		case RelationParallel:
			parallel++
		case "":
			c.add(field+".relation", "is required: serial (the service needs this part) or parallel (one of a redundant group)")
		default:
			c.add(field+".relation", "%q is not serial or parallel", comp.Relation)
		}
	}
	if s.Composite != nil {
		c.add("spec.components", "a composite aggregates measured attainments with weights; it cannot also declare a supply chain (its attainment is not the product of parts). Declare components on the SLT that measures the end-to-end service")
	}
	if parallel == 1 {
		c.add("spec.components", "one parallel component has nothing to be redundant with: a parallel group needs at least two members (make it serial)")
	}
	if _, _, ok := s.ShareTarget(); !ok {
		c.add("spec.components", "an end-to-end SLT with components must be a share with a >= or > objective (its attainment is the product of its parts)")
	}
}

func (c *checker) ciList(field string, cis []string) {
	seen := map[string]bool{}
	for i, id := range cis {
		switch {
		case strings.TrimSpace(id) == "":
			c.add(fieldIndex(field, i, ""), "is empty; write the CI id as the CMDB has it")
		case seen[id]:
			c.add(fieldIndex(field, i, ""), "%q is listed twice", id)
		}
		seen[id] = true
	}
}

// ShareTarget is the target an end-to-end calculation compares with: the
// objective of a share SLT judged with >= or >, or with tiers the strictest
// (highest) tier target. ok is false for statistics and <=/< objectives.
func (s *SLTSpec) ShareTarget() (target float64, op string, ok bool) {
	if !s.RatioLike() {
		return 0, "", false
	}
	if len(s.Tiers) == 0 {
		op = s.ObjectiveOp(s.Objective.Op)
		return s.Objective.Target, op, op == ">=" || op == ">"
	}
	target = math.Inf(-1)
	for _, t := range s.Tiers {
		o := s.ObjectiveOp(t.Op)
		if o != ">=" && o != ">" {
			return 0, "", false
		}
		if t.Target > target || t.Target == target && o == ">" {
			target, op = t.Target, o
		}
	}
	return target, op, true
}

// checkSupplyChain: components must exist (checked as references), be shares
// judged with >= or >, and never lead back to the SLT.
func (w *Workspace) checkSupplyChain(c *checker, s *SLT) {
	for i, comp := range s.Spec.Components {
		cs := w.SLT(comp.SLT)
		if cs == nil || comp.SLT == s.Name() {
			continue
		}
		if _, _, ok := cs.Spec.ShareTarget(); !ok {
			c.add(fieldIndex("spec.components", i, "slt"), "%q is not a share judged with >= or >; only such SLTs can multiply up to an end-to-end attainment", comp.SLT)
		}
	}
	if path := w.componentCycle(s.Name(), s.Name(), nil, map[string]bool{}); path != nil {
		c.add("spec.components", "the components form a cycle: %s", strings.Join(path, " → "))
	}
}

// componentCycle returns the chain from root back to root, or nil.
func (w *Workspace) componentCycle(root, name string, path []string, seen map[string]bool) []string {
	path = append(path, name)
	if seen[name] {
		return nil
	}
	seen[name] = true
	s := w.SLT(name)
	if s == nil {
		return nil
	}
	for _, comp := range s.Spec.Components {
		if comp.SLT == root {
			return append(slices.Clone(path), root)
		}
		if p := w.componentCycle(root, comp.SLT, path, seen); p != nil {
			return p
		}
	}
	return nil
}

func (c *checker) naming(s *NamingConventionSpec) {
	if len(s.Rules) == 0 {
		c.add("spec.rules", "a naming convention needs at least one rule {kind, pattern}")
	}
	for i, r := range s.Rules {
		field := fieldIndex("spec.rules", i, "")
		if k, err := ParseKind(r.Kind); err != nil || string(k) != r.Kind {
			c.add(field+".kind", "%q is not a kind (one of %s)", r.Kind, kindList())
		}
		if r.Pattern == "" {
			c.add(field+".pattern", "is required (a regular expression the whole name must match)")
		} else if _, err := regexp.Compile(anchored(r.Pattern)); err != nil {
			c.add(field+".pattern", "%q is not a regular expression: %v", r.Pattern, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		}
	}
}

func anchored(p string) string { return `^(?:` + p + `)$` }

// checkNaming applies every naming rule for d's kind to its name.
func (w *Workspace) checkNaming(c *checker, d Definition) {
	for _, nc := range w.NamingConventions() {
		for i, r := range nc.Spec.Rules {
			if r.Kind != string(d.Kind()) {
				continue
			}
			re, err := regexp.Compile(anchored(r.Pattern))
			if err != nil || re.MatchString(d.Name()) {
				continue
			}
			msg := fmt.Sprintf("%q does not follow the naming convention %s (rule %d for %s: %s)", d.Name(), nc.Name(), i+1, r.Kind, r.Pattern)
			if r.Description != "" {
				msg += ": " + r.Description
			}
			c.add("metadata.name", "%s", msg)
		}
	}
}

func (c *checker) sltTemplate(t *SLTTemplateSpec) {
	// A template is checked as the SLT it would render, minus service and feed.
	s := &SLTSpec{Type: t.Type, TimeZone: t.TimeZone, Period: t.Period, Indicator: t.Indicator, Objective: t.Objective,
		Calendar: t.Calendar, Escalation: t.Escalation, Review: t.Review, ImpactWeight: t.ImpactWeight, RCAAfter: t.RCAAfter}
	if t.Indicator == nil {
		c.add("spec.indicator", "is required (a template fixes what the SLT measures)")
		s.Indicator = &Indicator{Kind: IndicatorRatio} // check the rest as a share
	}
	sub := &checker{d: c.d}
	sub.slt(s)
	for _, p := range sub.problems {
		if p.Field == "spec.service" || p.Field == "spec.feed" {
			continue
		}
		if t.Indicator == nil && strings.HasPrefix(p.Field, "spec.indicator") {
			continue
		}
		c.problems = append(c.problems, p)
	}
	if t.Review != nil && t.Review.NextReview != "" {
		c.add("spec.review.nextReview", "a template has no review date; set it on each SLT")
	}
}

var idPattern = regexp.MustCompile(`^[a-z0-9]([a-z0-9._-]{0,62}[a-z0-9])?$`)

func (c *checker) maturityModel(s *MaturityModelSpec) {
	if len(s.Areas) == 0 {
		c.add("spec.areas", "a maturity model needs at least one area with questions")
	}
	areas, questions := map[string]bool{}, map[string]string{}
	for i, a := range s.Areas {
		af := fieldIndex("spec.areas", i, "")
		c.id(af+".id", a.ID, areas)
		if strings.TrimSpace(a.Name) == "" {
			c.add(af+".name", "is required")
		}
		c.weight(af+".weight", a.Weight)
		if len(a.Questions) == 0 {
			c.add(af+".questions", "area %q has no questions", a.ID)
		}
		for j, q := range a.Questions {
			qf := fieldIndex(af+".questions", j, "")
			if first, ok := questions[q.ID]; ok && q.ID != "" {
				c.add(qf+".id", "%q is already a question of area %q (question ids are unique in a model)", q.ID, first)
			} else {
				c.id(qf+".id", q.ID, nil)
			}
			questions[q.ID] = a.ID
			if strings.TrimSpace(q.Text) == "" {
				c.add(qf+".text", "is required")
			}
			c.weight(qf+".weight", q.Weight)
			if len(q.Levels) != 0 && len(q.Levels) != MaturityMax {
				c.add(qf+".levels", "has %d entries; describe all five scores 1..5, or none", len(q.Levels))
			}
		}
	}
}

func (c *checker) id(field, id string, seen map[string]bool) {
	switch {
	case id == "":
		c.add(field, "is required")
	case !idPattern.MatchString(id):
		c.add(field, "%q must be lower-case letters, digits, '.', '_' or '-'", id)
	case seen != nil && seen[id]:
		c.add(field, "%q is used twice", id)
	}
	if seen != nil {
		seen[id] = true
	}
}

func (c *checker) weight(field string, w float64) {
	if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
		c.add(field, "%v must be greater than 0 (or left out for 1)", w)
	}
}

func (c *checker) maturityAssessment(s *MaturityAssessmentSpec) {
	for _, r := range [][2]string{{"spec.supplier", s.Supplier}, {"spec.model", s.Model}, {"spec.assessor", s.Assessor}} {
		if strings.TrimSpace(r[1]) == "" {
			c.add(r[0], "is required")
		}
	}
	if s.Date == "" {
		c.add("spec.date", "is required (YYYY-MM-DD)")
	}
	c.date("spec.date", s.Date)
	if len(s.Answers) == 0 {
		c.add("spec.answers", "an assessment needs answers {question, score 1..5, evidence}")
	}
	seen := map[string]bool{}
	for i, a := range s.Answers {
		f := fieldIndex("spec.answers", i, "")
		switch {
		case a.Question == "":
			c.add(f+".question", "is required")
		case seen[a.Question]:
			c.add(f+".question", "%q is answered twice", a.Question)
		}
		seen[a.Question] = true
		if a.Score < MaturityMin || a.Score > MaturityMax {
			c.add(f+".score", "%d is outside %d..%d", a.Score, MaturityMin, MaturityMax)
		}
	}
}

// checkAssessment: every answer names a question of the model, and a supplier
// has one assessment per model and date.
func (w *Workspace) checkAssessment(c *checker, a *MaturityAssessment) {
	if m := w.MaturityModel(a.Spec.Model); m != nil {
		for i, ans := range a.Spec.Answers {
			if q, _ := m.Question(ans.Question); q == nil && ans.Question != "" {
				c.add(fieldIndex("spec.answers", i, "question"), "%q is not a question of maturity model %q", ans.Question, m.Name())
			}
		}
	}
	for _, o := range w.MaturityAssessments() {
		if o.Name() < a.Name() && o.Spec.Supplier == a.Spec.Supplier && o.Spec.Model == a.Spec.Model && o.Spec.Date == a.Spec.Date {
			c.add("spec.date", "supplier %q already has an assessment against %q on %s (%s)", a.Spec.Supplier, a.Spec.Model, a.Spec.Date, o.Name())
		}
	}
}
