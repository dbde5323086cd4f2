package app

import (
	"time"

	"slate/internal/analysis"
	"slate/internal/domain"
	"slate/internal/judge"
	"slate/internal/storage"
)

// Analysis is the statistical reading of one SLT: control chart, trend,
// time to breach, seasonality, baseline band and verdict (docs/statistics.md,
// "slate analyze").
type Analysis struct {
	store      *storage.Store
	compliance *Compliance
}

// AnalyzeQuery selects an SLT and the periods to analyse. From and To are
// period keys (2026-01, 2026-Q1, a date ...); a period is analysed when it
// starts inside [From, To]. Baseline is "P..P" (period labels of the SLT);
// Tier picks one tier of a tiered SLT (default: its overall rows). At is the
// evaluation time (empty: now). Chart is "", "xmr", "p" or "laney-p"; Rules
// "nelson" (default) or "we".
type AnalyzeQuery struct {
	SLT      string `json:"slt"`
	From     string `json:"from"`
	To       string `json:"to"`
	Baseline string `json:"baseline"`
	Tier     string `json:"tier"`
	At       string `json:"at"`
	Chart    string `json:"chart"`
	Rules    string `json:"rules"`
}

// SLTAnalysis is the definition summary and the analysis of one SLT.
type SLTAnalysis struct {
	At         time.Time          `json:"at"`
	Definition AnalysisDefinition `json:"definition"`
	Analysis   analysis.Result    `json:"analysis"`
}

// AnalysisDefinition is what a reader needs to know about an SLT beside its numbers.
type AnalysisDefinition struct {
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
	Assumptions *Assumptions             `json:"assumptions"`
	Escalation  []domain.EscalationLevel `json:"escalation"`
}

// SLT analyses one SLT from the compliance engine's per-period rows, with
// hourly samples of its feed for seasonality.
func (a *Analysis) SLT(q AnalyzeQuery) (SLTAnalysis, error) {
	at, err := a.compliance.at(q.At)
	if err != nil {
		return SLTAnalysis{}, err
	}
	in, err := a.compliance.input(at)
	if err != nil {
		return SLTAnalysis{}, err
	}
	def, res, err := judge.AnalyzeSLT(in, q.SLT, judge.Query{Tier: q.Tier, From: q.From, To: q.To, Baseline: q.Baseline, Chart: q.Chart, Rules: q.Rules})
	if err != nil {
		return SLTAnalysis{}, err
	}
	return SLTAnalysis{At: at, Definition: analysisDefinitionOf(def), Analysis: res}, nil
}

// analysisDefinitionOf is judge's definition on the wire (its assumptions in
// the wire's casing).
func analysisDefinitionOf(d judge.Definition) AnalysisDefinition {
	return AnalysisDefinition{Name: d.Name, DisplayName: d.DisplayName, Service: d.Service, Type: d.Type, Owner: d.Owner,
		Feed: d.Feed, Indicator: d.Indicator, Statistic: d.Statistic, Period: d.Period, TimeZone: d.TimeZone,
		Supplier: d.Supplier, Op: d.Op, Target: d.Target, Objective: d.Objective, Tiers: d.Tiers, Tier: d.Tier,
		Assumptions: (*Assumptions)(d.Assumptions), Escalation: d.Escalation}
}
