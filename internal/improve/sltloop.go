package improve

import (
	"fmt"
	"time"

	"slate/internal/compliance"
	"slate/internal/correlate"
	"slate/internal/initiative"
	"slate/internal/readview"
	"slate/internal/safeguard"
	"slate/internal/storage"
)

// SLTLoop is one SLT's improvement loop in one read: its counter-metric,
// leading indicators, excluded shares, review, analyses, live actions,
// initiatives and four-eyes requests. A part that cannot be read is a
// problem in plain words; the rest still shows.
type SLTLoop struct {
	SLT          string
	Counter      *CounterView
	Leads        []correlate.Result
	Excluded     *safeguard.SLTShares
	Review       *ReviewStatus
	RCAs         []RCAItem
	Actions      []ActionItem
	Improvements []initiative.Improvement
	Approvals    []safeguard.Approval
	At           time.Time
	Problems     []string
}

// ReadSLTLoop reads an SLT's loop as of at.
func ReadSLTLoop(st *storage.Store, slt string, at time.Time) (SLTLoop, error) {
	in, err := readview.Input(st, at)
	if err != nil {
		return SLTLoop{}, err
	}
	ws := in.Workspace
	s := ws.SLT(slt)
	if s == nil {
		return SLTLoop{}, fmt.Errorf("SLT %q does not exist", slt)
	}
	out := SLTLoop{SLT: slt, At: at.UTC(), Problems: []string{}}
	problem := func(what string, err error) bool {
		if err != nil {
			out.Problems = append(out.Problems, what+": "+err.Error())
		}
		return err == nil
	}
	if c := ws.SLT(s.Spec.CounterMetric); c != nil {
		rows, err := compliance.NewEvaluator(in).SLT(c.Name(), nil)
		if problem("counter-metric "+c.Name(), err) {
			out.Counter = Counter(ws, c, rows)
		}
	}
	if leads, err := correlate.KeptPairs(in, slt); problem("leads", err) {
		out.Leads = leads
	}
	if shares, err := safeguard.Shares(st, at, slt); problem("excluded shares", err) && len(shares) == 1 {
		out.Excluded = &shares[0]
	}
	if sts, err := ReviewStatuses(st, at, ReviewFilter{SLT: slt}); problem("review", err) && len(sts) == 1 {
		out.Review = &sts[0]
	}
	if out.RCAs, err = ListRCAs(st, RCAFilter{SLT: slt}); err != nil {
		return out, err
	}
	if out.Actions, err = ListActions(st, ActionFilter{SLT: slt, Status: "live"}); err != nil {
		return out, err
	}
	if out.Improvements, err = initiative.List(st, slt); err != nil {
		return out, err
	}
	out.Approvals, err = safeguard.List(st, safeguard.Filter{SLT: slt})
	return out, err
}
