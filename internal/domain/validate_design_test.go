package domain

import (
	"strings"
	"testing"
)

func problemText(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Error() + "\n")
	}
	return b.String()
}

func TestDesignKindsValidation(t *testing.T) {
	f := 0.99
	tmpl := &SLTTemplate{Metadata: Meta{Name: "t"}, Spec: SLTTemplateSpec{Type: "XLA", Period: "fortnight",
		Objective: Objective{Target: 1.5}, Review: &Review{Cycle: "monthly", NextReview: "2027-01-01"},
		Escalation: []EscalationLevel{{Level: 2, Authority: "boss"}}}}
	noInd := problemText(Validate(tmpl))
	tmpl.Spec.Indicator = &Indicator{Kind: IndicatorThreshold}
	withInd := problemText(Validate(tmpl))
	sup := &Supplier{Metadata: Meta{Name: "s"}, Spec: SupplierSpec{Contingency: &Contingency{
		Contacts: []Contact{{Name: ""}, {Name: "Bo", Email: "not-an-address"}}, LastTested: "yesterday"}}}
	comp := &SLT{Metadata: Meta{Name: "c"}, Spec: SLTSpec{Service: "x", Type: TypeSLA, Period: "month", Objective: Objective{Target: f},
		Composite:  &Composite{Components: []Component{{SLT: "a", Weight: 1}, {SLT: "b", Weight: 1}}, Rationale: "r"},
		Components: []SupplyComponent{{SLT: "a", Relation: "serial"}, {SLT: "a", Relation: "series"}, {SLT: "c", Relation: ""}},
		CIs:        []string{"web-01", "", "web-01"}}}
	all := noInd + withInd + problemText(Validate(sup)) + problemText(Validate(comp))
	for _, want := range []string{
		"SLTTemplate/t: spec.indicator: is required (a template fixes what the SLT measures)",
		`SLTTemplate/t: spec.type: "XLA" is not one of SLA, OLA, UC`,
		`SLTTemplate/t: spec.period: "fortnight" is not day, week`,
		"SLTTemplate/t: spec.objective.target: 1.5 is outside 0..1",
		"SLTTemplate/t: spec.escalation[0].level: is 2; levels must count up from 1",
		"SLTTemplate/t: spec.review.nextReview: a template has no review date",
		"SLTTemplate/t: spec.indicator.threshold: a threshold indicator needs op and threshold",
		"Supplier/s: spec.contingency.failover: a contingency plan needs a failover or a manual workaround",
		"Supplier/s: spec.contingency.contacts[0].name: is required",
		`Supplier/s: spec.contingency.contacts[0]: "" needs a phone or an email`,
		`Supplier/s: spec.contingency.contacts[1].email: "not-an-address" is not an email address`,
		`Supplier/s: spec.contingency.lastTested: "yesterday" is not a date`,
		`SLT/c: spec.components[1].slt: "a" is listed twice`,
		`SLT/c: spec.components[1].relation: "series" is not serial or parallel`,
		"SLT/c: spec.components[2].slt: an SLT cannot be its own component",
		"SLT/c: spec.components[2].relation: is required",
		"SLT/c: spec.components: a composite aggregates measured attainments with weights; it cannot also declare a supply chain",
		"SLT/c: spec.cis[1]: is empty",
		`SLT/c: spec.cis[2]: "web-01" is listed twice`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
	if strings.Contains(noInd, "spec.service") || strings.Contains(noInd, "spec.feed") {
		t.Errorf("a template has no service or feed to require:\n%s", noInd)
	}
	// A good contingency plan passes.
	sup.Spec.Contingency = &Contingency{Workaround: "phone orders", Contacts: []Contact{{Name: "Bo", Phone: "+1 555"}}}
	if ps := Validate(sup); len(ps) > 0 {
		t.Errorf("valid plan refused: %v", ps)
	}
}

func TestNewKindsParseAndOrder(t *testing.T) {
	for in, want := range map[string]Kind{"namingconventions": KindNaming, "SLTTemplate": KindSLTTemplate, "maturitymodels": KindMaturityModel, "MaturityAssessments": KindMaturityAssessment} {
		if k, err := ParseKind(in); err != nil || k != want {
			t.Errorf("ParseKind(%q) = %v, %v", in, k, err)
		}
	}
	// Everything a kind refers to comes before it.
	pos := map[Kind]int{}
	for i, k := range Kinds {
		pos[k] = i
	}
	for _, d := range []Definition{&SLTTemplate{Spec: SLTTemplateSpec{Calendar: "c"}}, &MaturityAssessment{Spec: MaturityAssessmentSpec{Supplier: "s", Model: "m"}}} {
		for _, r := range References(d) {
			if pos[r.Kind] >= pos[d.Kind()] {
				t.Errorf("%s refers to %s, listed after it", d.Kind(), r.Kind)
			}
		}
	}
}
