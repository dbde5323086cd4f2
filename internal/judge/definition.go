package judge

import (
	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/plain"
)

// Definition is what a reader of an analysis needs to know about the SLT
// beside its numbers: what it measures and the objective analysed.
type Definition struct {
	Name        string   `json:"name"`
	DisplayName string   `json:"display_name"`
	Service     string   `json:"service"`
	Type        string   `json:"type"`
	Owner       string   `json:"owner"`
	Feed        string   `json:"feed,omitempty"`
	Indicator   string   `json:"indicator"`
	Statistic   string   `json:"statistic,omitempty"`
	Period      string   `json:"period"`
	TimeZone    string   `json:"time_zone"`
	Supplier    string   `json:"supplier,omitempty"`
	Op          string   `json:"op"`
	Target      *float64 `json:"target"`
	// Objective is the analysed objective as people read it (">= 95%").
	Objective   string                   `json:"objective"`
	Tiers       []domain.Tier            `json:"tiers"`
	Tier        string                   `json:"tier,omitempty"`
	Assumptions *domain.Assumptions      `json:"assumptions"`
	Escalation  []domain.EscalationLevel `json:"escalation"`
}

// DefinitionOf describes s with the objective of its tier (Objective's
// rules; "" = the SLT's own).
func DefinitionOf(ws *domain.Workspace, s *domain.SLT, tier string) (Definition, error) {
	sp := &s.Spec
	d := Definition{Name: s.Name(), DisplayName: s.Metadata.DisplayName, Service: sp.Service, Type: sp.Type,
		Owner: sp.Owner, Feed: sp.Feed, Period: sp.Period, TimeZone: sp.TimeZone, Tier: tier,
		Tiers: sp.Tiers, Assumptions: sp.Assumptions, Escalation: sp.Escalation}
	if d.DisplayName == "" {
		d.DisplayName = s.Name()
	}
	if d.Period == "" {
		d.Period = "month"
	}
	if d.TimeZone == "" {
		d.TimeZone = "UTC"
	}
	switch {
	case sp.Composite != nil:
		d.Indicator = "composite"
	case sp.Indicator != nil:
		d.Indicator, d.Statistic = sp.Indicator.Kind, sp.Indicator.Statistic
	}
	if d.Tiers == nil {
		d.Tiers = []domain.Tier{}
	}
	if d.Escalation == nil {
		d.Escalation = []domain.EscalationLevel{}
	}
	if f := ws.Feed(sp.Feed); f != nil {
		d.Supplier = f.Spec.Supplier
	}
	var err error
	if d.Op, d.Target, err = Objective(s, tier); err != nil {
		return d, err
	}
	if d.Target != nil {
		d.Objective = plain.Objective(d.Op, *d.Target, sp.RatioLike(), compliance.Unit(ws, sp))
	}
	return d, nil
}
