package app

import (
	"time"

	"slate/internal/correlate"
	"slate/internal/improve"
	"slate/internal/initiative"
	"slate/internal/readview"
	"slate/internal/safeguard"
)

// CorrelateQuery asks whether one daily series leads another: Lead and Lag
// name a feed or an SLT ("feed:NAME", "slt:NAME", "slt:NAME/TIER", or a bare
// name); MaxLag is in days (0: 14; at most 90).
type CorrelateQuery struct {
	Lead   string `json:"lead"`
	Lag    string `json:"lag"`
	MaxLag int    `json:"max_lag,omitempty"`
}

// Correlation is one cross-correlation of two daily series: every lag, the
// best one with its coefficient and p-value, and a sentence.
type Correlation correlate.Result

// CounterMetric is the counter-metric an SLT names, read beside it: its
// latest complete period.
type CounterMetric improve.CounterView

// ExcludedShares are an SLT's shares of units (or clock time) taken out of
// its count per period, the rises flagged, and its decisive pauses.
type ExcludedShares safeguard.SLTShares

// SLTLoop is the improvement loop around one SLT, for its page: the
// counter-metric beside it, the leads kept for it, what it excludes, its
// review, and its analyses, live actions and initiatives.
type SLTLoop struct {
	SLT     string         `json:"slt"`
	Counter *CounterMetric `json:"counter_metric"`
	// Leads are the kept pairs (spec.leads), each correlated on the data.
	Leads        []Correlation   `json:"leads"`
	Excluded     *ExcludedShares `json:"excluded"`
	Review       ReviewStatus    `json:"review"`
	RCAs         []RCAItem       `json:"rcas"`
	Actions      []ActionItem    `json:"actions"`
	Improvements []Improvement   `json:"improvements"`
	Approvals    []Approval      `json:"approvals"`
	At           time.Time       `json:"at"`
	Problems     []string        `json:"problems"`
}

// Correlate cross-correlates two daily series on the stored data.
func (x *Analysis) Correlate(q CorrelateQuery) (Correlation, error) {
	in, err := readview.Input(x.store, x.store.Now())
	if err != nil {
		return Correlation{}, err
	}
	r, err := correlate.ByName(in, q.Lead, q.Lag, q.MaxLag)
	return Correlation(r), err
}

// Loop reads the improvement loop around one SLT now. A part that cannot
// be computed is named in Problems; the rest still shows.
func (x *Analysis) Loop(slt string) (SLTLoop, error) {
	l, err := improve.ReadSLTLoop(x.store, slt, x.store.Now())
	if l.SLT == "" {
		return SLTLoop{}, err
	}
	out := SLTLoop{SLT: l.SLT, Counter: (*CounterMetric)(l.Counter), Excluded: (*ExcludedShares)(l.Excluded), At: l.At, Problems: l.Problems,
		Leads:        convert(l.Leads, func(r correlate.Result) Correlation { return Correlation(r) }),
		RCAs:         convert(l.RCAs, func(r improve.RCAItem) RCAItem { return RCAItem(r) }),
		Actions:      convert(l.Actions, func(a improve.ActionItem) ActionItem { return ActionItem(a) }),
		Improvements: convert(l.Improvements, func(i initiative.Improvement) Improvement { return Improvement(i) }),
		Approvals:    convert(l.Approvals, func(a safeguard.Approval) Approval { return Approval(a) })}
	if l.Review != nil {
		out.Review = ReviewStatus(*l.Review)
	}
	return out, err
}

// Excluded reports, per SLT (one, or all; composites have no units of
// their own), the share of units or clock time taken out of its count per
// period, with the rises flagged and the decisive pauses waiting for a
// second person.
func (x *Analysis) Excluded(slt string) ([]ExcludedShares, error) {
	ss, err := safeguard.Shares(x.store, x.store.Now(), slt)
	return convert(ss, func(s safeguard.SLTShares) ExcludedShares { return ExcludedShares(s) }), err
}
