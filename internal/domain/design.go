package domain

import "time"

// NamingConvention declares, per kind, a regular expression every name of that
// kind must match (the whole name). `apply` refuses definitions that break it.
type NamingConvention struct {
	Metadata Meta                 `json:"metadata"`
	Spec     NamingConventionSpec `json:"spec"`
}

// NamingConventionSpec lists the rules; several conventions may apply to one kind.
type NamingConventionSpec struct {
	Rules []NamingRule `json:"rules" yaml:"rules"`
}

// NamingRule is one kind's naming pattern.
type NamingRule struct {
	Kind string `json:"kind" yaml:"kind"`
	// Pattern is a regular expression (Go RE2 syntax) the whole name must match.
	Pattern string `json:"pattern" yaml:"pattern"`
	// Description explains the rule to whoever breaks it, with an example.
	Description string `json:"description,omitempty" yaml:"description,omitempty"`
}

// SLTTemplate holds the defaults of a standard kind of SLT (a monthly supplier
// availability UC, a ticket-resolution OLA); `slate new slt` renders an SLT
// from it for a service and a feed.
type SLTTemplate struct {
	Metadata Meta            `json:"metadata"`
	Spec     SLTTemplateSpec `json:"spec"`
}

// SLTTemplateSpec is the part of an SLTSpec a template fixes.
type SLTTemplateSpec struct {
	Type      string     `json:"type" yaml:"type"`
	TimeZone  string     `json:"timeZone,omitempty" yaml:"timeZone,omitempty"`
	Period    string     `json:"period" yaml:"period"`
	Indicator *Indicator `json:"indicator" yaml:"indicator"`
	Objective Objective  `json:"objective" yaml:"objective"`
	Calendar  string     `json:"calendar,omitempty" yaml:"calendar,omitempty"`
	// Escalation is the default escalation path; authorities are roles here.
	Escalation []EscalationLevel `json:"escalation,omitempty" yaml:"escalation,omitempty"`
	// Review is the default review cycle and renegotiation triggers (no date).
	Review       *Review `json:"review,omitempty" yaml:"review,omitempty"`
	ImpactWeight float64 `json:"impactWeight,omitempty" yaml:"impactWeight,omitempty"`
	RCAAfter     int     `json:"rcaAfter,omitempty" yaml:"rcaAfter,omitempty"`
}

// MaturityModel is a supplier maturity questionnaire: questions in weighted
// areas, each answered with a score from 1 (initial) to 5 (optimising).
type MaturityModel struct {
	Metadata Meta              `json:"metadata"`
	Spec     MaturityModelSpec `json:"spec"`
}

// MaturityModelSpec lists the areas of a questionnaire.
type MaturityModelSpec struct {
	Areas []MaturityArea `json:"areas" yaml:"areas"`
}

// MaturityArea is one practice area (service level management, incident
// management...) with its weight in the overall score (default 1).
type MaturityArea struct {
	ID        string             `json:"id" yaml:"id"`
	Name      string             `json:"name" yaml:"name"`
	Weight    float64            `json:"weight,omitempty" yaml:"weight,omitempty"`
	Questions []MaturityQuestion `json:"questions" yaml:"questions"`
}

// MaturityQuestion is one question; its id is unique in the model.
type MaturityQuestion struct {
	ID     string  `json:"id" yaml:"id"`
	Text   string  `json:"text" yaml:"text"`
	Weight float64 `json:"weight,omitempty" yaml:"weight,omitempty"`
	// Levels, when given, say what each score 1..5 means (five entries).
	Levels []string `json:"levels,omitempty" yaml:"levels,omitempty"`
}

// MaturityScores are the ends of the answer scale.
const (
	MaturityMin = 1
	MaturityMax = 5
)

// MaturityAssessment is one supplier's answers to a maturity model on a date.
type MaturityAssessment struct {
	Metadata Meta                   `json:"metadata"`
	Spec     MaturityAssessmentSpec `json:"spec"`
}

// MaturityAssessmentSpec records who assessed whom, when, against which model.
type MaturityAssessmentSpec struct {
	Supplier string `json:"supplier" yaml:"supplier"`
	Model    string `json:"model" yaml:"model"`
	// Date is when the assessment was made (YYYY-MM-DD).
	Date     string           `json:"date" yaml:"date"`
	Assessor string           `json:"assessor" yaml:"assessor"`
	Answers  []MaturityAnswer `json:"answers" yaml:"answers"`
	Notes    string           `json:"notes,omitempty" yaml:"notes,omitempty"`
}

// MaturityAnswer scores one question, with the evidence it rests on.
type MaturityAnswer struct {
	Question string `json:"question" yaml:"question"`
	Score    int    `json:"score" yaml:"score"`
	Evidence string `json:"evidence,omitempty" yaml:"evidence,omitempty"`
}

// CI is a configuration item as a CMDB export lists it. CIs are data (a CMDB
// import replaces the set), not definitions.
type CI struct {
	ID     string `json:"id"`
	Name   string `json:"name,omitempty"`
	Class  string `json:"class,omitempty"`
	Owner  string `json:"owner,omitempty"`
	Status string `json:"status,omitempty"`
	// VerifiedAt is when the CI's record was last checked against reality.
	VerifiedAt time.Time `json:"verified_at,omitzero"`
}

func (d *NamingConvention) Kind() Kind            { return KindNaming }
func (d *SLTTemplate) Kind() Kind                 { return KindSLTTemplate }
func (d *MaturityModel) Kind() Kind               { return KindMaturityModel }
func (d *MaturityAssessment) Kind() Kind          { return KindMaturityAssessment }
func (d *NamingConvention) Name() string          { return d.Metadata.Name }
func (d *SLTTemplate) Name() string               { return d.Metadata.Name }
func (d *MaturityModel) Name() string             { return d.Metadata.Name }
func (d *MaturityAssessment) Name() string        { return d.Metadata.Name }
func (d *NamingConvention) Parts() (*Meta, any)   { return &d.Metadata, &d.Spec }
func (d *SLTTemplate) Parts() (*Meta, any)        { return &d.Metadata, &d.Spec }
func (d *MaturityModel) Parts() (*Meta, any)      { return &d.Metadata, &d.Spec }
func (d *MaturityAssessment) Parts() (*Meta, any) { return &d.Metadata, &d.Spec }

// Question finds a question of the model and its area, or nil.
func (m *MaturityModel) Question(id string) (*MaturityQuestion, *MaturityArea) {
	for i := range m.Spec.Areas {
		a := &m.Spec.Areas[i]
		for j := range a.Questions {
			if a.Questions[j].ID == id {
				return &a.Questions[j], a
			}
		}
	}
	return nil, nil
}

// WeightOr is w, or 1 when unset: weights default to 1.
func WeightOr(w float64) float64 {
	if w == 0 {
		return 1
	}
	return w
}

// NewSLT renders an SLT from the template for a service and a feed. The owner
// is the service's owner when known (owner may be empty); everything else is
// the template's. The SLT still has to be reviewed and applied.
func (t *SLTTemplate) NewSLT(name, service, feed, owner string) *SLT {
	sp := t.Spec
	s := &SLT{Metadata: Meta{Name: name}, Spec: SLTSpec{
		Service: service, Feed: feed, Type: sp.Type, Owner: owner, TimeZone: sp.TimeZone, Period: sp.Period,
		Objective: sp.Objective, Calendar: sp.Calendar, ImpactWeight: sp.ImpactWeight, RCAAfter: sp.RCAAfter,
	}}
	if sp.Indicator != nil {
		in := *sp.Indicator
		s.Spec.Indicator = &in
	}
	s.Spec.Escalation = append([]EscalationLevel(nil), sp.Escalation...)
	if sp.Review != nil {
		r := *sp.Review
		r.Triggers = append([]string(nil), sp.Review.Triggers...)
		s.Spec.Review = &r
	}
	if t.Metadata.Description != "" {
		s.Metadata.Description = "From template " + t.Name() + ": " + t.Metadata.Description
	} else {
		s.Metadata.Description = "From template " + t.Name() + "."
	}
	return s
}
