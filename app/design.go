package app

import (
	"errors"
	"strings"

	"slate/internal/capacity"
	"slate/internal/change"
	"slate/internal/compliance"
	"slate/internal/manifest"
	"slate/internal/storage"
)

// Design holds the service-design checks: whether a team can hold a
// response-time target (Erlang C), what a change window costs in error
// budget, and new SLTs drafted from templates.
type Design struct {
	store *storage.Store
}

// CapacityQuery is one capacity question. Arrivals ("100/h", "2/min") and
// HandleTime ("3m", "180s") may be left empty with FromFeed: the feed's
// busiest hour of the week and its mean handle time (From and To bound the
// data read; empty: all of it). Servers 0 asks for the smallest team only.
type CapacityQuery capacity.Query

// CapacityAnswer is the Erlang C answer, with the demand read from the feed
// when one was named and where each input came from ("given" or "feed").
type CapacityAnswer capacity.Answer

// Capacity checks whether Servers meet the target for the arrivals and
// handle time (given, or read from a feed), and the smallest team that does.
// An overloaded team (more work than servers) is an error that says how many
// keep up and how many meet the target.
func (d *Design) Capacity(q CapacityQuery) (CapacityAnswer, error) {
	ans, err := capacity.Ask(capacity.Query(q), func() (compliance.Input, error) { return evalInput(d.store, "") })
	return CapacityAnswer(ans), err
}

// ChangeQuery is a change window [From, To) for one SLT or for every SLT of
// a service. ExpectedErrorRate is the share of units expected to fail during
// the window (nil: all of them, the service is down).
type ChangeQuery change.Query

// ChangeImpact is what the window costs each SLT it touches.
type ChangeImpact struct {
	Assessments []change.Assessment `json:"assessments"`
}

// Change prices a change window in error budget, for the change advisory
// board: the budget the window consumes in its period (counted, or excluded
// as registered maintenance), the budget left after it, and whether the SLT
// still meets its target at its current burn.
func (d *Design) Change(q ChangeQuery) (ChangeImpact, error) {
	as, err := change.Window(change.Query(q), func() (compliance.Input, error) { return evalInput(d.store, q.At) })
	return ChangeImpact{Assessments: as}, err
}

// NewSLTQuery drafts an SLT from a template for a service and a feed.
type NewSLTQuery struct {
	Name     string `json:"name"`
	Template string `json:"template"`
	Service  string `json:"service"`
	Feed     string `json:"feed"`
}

// NewSLT is the drafted SLT as a YAML document to review and apply.
type NewSLT struct {
	Name string `json:"name"`
	YAML string `json:"yaml"`
}

// NewSLT drafts an SLT from a template (indicator, period, objective,
// calendar, escalation defaults) for a service and a feed. Nothing is
// stored: review the YAML, then apply it. A name the naming conventions
// refuse, a feed of the wrong shape or a name in use is an error.
func (d *Design) NewSLT(q NewSLTQuery) (NewSLT, error) {
	if strings.TrimSpace(q.Name) == "" || q.Template == "" || q.Service == "" || q.Feed == "" {
		return NewSLT{}, errors.New("a new SLT needs a name, a template, a service and a feed")
	}
	ws, err := storage.Read(d.store, (*storage.Tx).Workspace)
	if err != nil {
		return NewSLT{Name: q.Name}, err
	}
	text, err := manifest.RenderSLT(ws, q.Template, q.Name, q.Service, q.Feed)
	return NewSLT{Name: q.Name, YAML: text}, err
}
