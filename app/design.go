package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"slate/internal/capacity"
	"slate/internal/change"
	"slate/internal/domain"
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
type CapacityQuery struct {
	Arrivals   string `json:"arrivals"`
	HandleTime string `json:"handle_time"`
	Servers    int    `json:"servers"`
	// Target is the share answered within a wait: "80% in 20s".
	Target   string `json:"target"`
	FromFeed string `json:"from_feed"`
	From     string `json:"from"`
	To       string `json:"to"`
}

// CapacityAnswer is the Erlang C answer, with the demand read from the feed
// when one was named and where each input came from ("given" or "feed").
type CapacityAnswer struct {
	Result           capacity.Result  `json:"result"`
	Demand           *capacity.Demand `json:"demand"`
	ArrivalsSource   string           `json:"arrivals_source"`
	HandleTimeSource string           `json:"handle_time_source"`
}

// Capacity checks whether Servers meet the target for the arrivals and
// handle time (given, or read from a feed), and the smallest team that does.
// An overloaded team (more work than servers) is an error that says how many
// keep up and how many meet the target.
func (d *Design) Capacity(q CapacityQuery) (CapacityAnswer, error) {
	ans := CapacityAnswer{ArrivalsSource: "given", HandleTimeSource: "given"}
	tg, err := capacity.ParseTarget(q.Target)
	if err != nil {
		return ans, err
	}
	in := capacity.Input{Servers: q.Servers, Target: tg}
	if q.Arrivals != "" {
		if in.ArrivalsPerHour, err = capacity.ParseArrivals(q.Arrivals); err != nil {
			return ans, err
		}
	}
	if q.HandleTime != "" {
		h, err := domain.ParseDuration(q.HandleTime)
		if err != nil {
			return ans, fmt.Errorf("handle time: %w", err)
		}
		in.HandleTime = h.D()
	}
	switch {
	case q.FromFeed != "":
		if err := d.demand(q, &in, &ans); err != nil {
			return ans, err
		}
	case q.Arrivals == "" || q.HandleTime == "":
		return ans, errors.New("give the arrivals (e.g. 100/h) and the handle time (e.g. 3m), or a feed to read them from")
	}
	ans.Result, err = capacity.Check(in)
	return ans, err
}

// demand fills what the query left empty from the feed's stored data.
func (d *Design) demand(q CapacityQuery, in *capacity.Input, ans *CapacityAnswer) error {
	var from, to time.Time
	var err error
	if q.From != "" {
		if from, err = ParseTime(q.From); err != nil {
			return err
		}
	}
	if q.To != "" {
		if to, err = ParseTime(q.To); err != nil {
			return err
		}
	}
	ev, err := evalInput(d.store, "")
	if err != nil {
		return err
	}
	dm, err := capacity.Fill(in, ev, q.FromFeed, from, to, q.Arrivals == "", q.HandleTime == "")
	if err != nil {
		return err
	}
	ans.Demand = &dm
	if q.Arrivals == "" {
		ans.ArrivalsSource = "feed"
	}
	if q.HandleTime == "" {
		ans.HandleTimeSource = "feed"
	}
	return nil
}

// ChangeQuery is a change window [From, To) for one SLT or for every SLT of
// a service. ExpectedErrorRate is the share of units expected to fail during
// the window (nil: all of them, the service is down).
type ChangeQuery struct {
	SLT               string   `json:"slt"`
	Service           string   `json:"service"`
	From              string   `json:"from"`
	To                string   `json:"to"`
	ExpectedErrorRate *float64 `json:"expected_error_rate"`
	At                string   `json:"at"`
}

// ChangeImpact is what the window costs each SLT it touches.
type ChangeImpact struct {
	Assessments []change.Assessment `json:"assessments"`
}

// Change prices a change window in error budget, for the change advisory
// board: the budget the window consumes in its period (counted, or excluded
// as registered maintenance), the budget left after it, and whether the SLT
// still meets its target at its current burn.
func (d *Design) Change(q ChangeQuery) (ChangeImpact, error) {
	res := ChangeImpact{Assessments: []change.Assessment{}}
	if (q.SLT == "") == (q.Service == "") {
		return res, errors.New("name an SLT or a service, not both")
	}
	if q.From == "" || q.To == "" {
		return res, errors.New("a change window needs a start and an end (from and to)")
	}
	from, err := ParseTime(q.From)
	if err != nil {
		return res, fmt.Errorf("from: %w", err)
	}
	to, err := ParseTime(q.To)
	if err != nil {
		return res, fmt.Errorf("to: %w", err)
	}
	in, err := evalInput(d.store, q.At)
	if err != nil {
		return res, err
	}
	if q.Service != "" {
		res.Assessments, err = change.AssessService(in, q.Service, from, to, q.ExpectedErrorRate)
		return res, err
	}
	a, err := change.Assess(in, change.Request{SLT: q.SLT, From: from, To: to, ErrorRate: q.ExpectedErrorRate})
	if err != nil {
		return res, err
	}
	res.Assessments = append(res.Assessments, a)
	return res, nil
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
