package improve

import (
	"slices"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/storage"
)

// Summary is the improvement loop at a glance, as the dashboard shows it:
// the actions overdue, the analyses open (overdue ones first) and the
// reviews due. Its rules are those of the lists and the agenda (one rule,
// one place): an action is overdue as ListActions says, a review due as
// ReviewStatuses says.
type Summary struct {
	// Today is the workspace's local date the summary was read on.
	Today string `json:"today"`
	// OverdueActions are live actions past their due date, the longest overdue first.
	OverdueActions []ActionItem `json:"overdue_actions"`
	// LiveActions counts open and in-progress actions (overdue ones included).
	LiveActions int `json:"live_actions"`
	// OpenRCAs are the open analyses: overdue ones first, then by priority.
	OpenRCAs []RCAItem `json:"open_rcas"`
	// ReviewsDue are the SLTs whose review is due, with why.
	ReviewsDue []ReviewStatus `json:"reviews_due"`
}

// Summarize reads the loop's records at time at, judging reviews on rows
// the caller already evaluated at at (every SLT's, as compliance.Evaluator.All
// gives them): the dashboard has them, so nothing is evaluated twice.
func Summarize(st *storage.Store, ws *domain.Workspace, all map[string]compliance.SLTRows, at time.Time) (Summary, error) {
	today := Today(ws, at)
	sum := Summary{Today: today, OverdueActions: []ActionItem{}, OpenRCAs: []RCAItem{}, ReviewsDue: []ReviewStatus{}}
	var actions []Action
	var reviews []Review
	var rcas []RCAItem
	err := st.View(func(tx *storage.Tx) error {
		var err error
		if actions, err = storage.List[Action](tx, storage.Actions); err != nil {
			return err
		}
		if reviews, err = storage.List[Review](tx, storage.Reviews); err != nil {
			return err
		}
		rcas, err = rcaItems(tx, ws, today, RCAFilter{Status: RCAOpen})
		return err
	})
	if err != nil {
		return sum, err
	}
	for _, it := range selectActions(actions, ActionFilter{Status: "live"}, today) {
		sum.LiveActions++
		if it.Overdue {
			sum.OverdueActions = append(sum.OverdueActions, it)
		}
	}
	slices.SortStableFunc(rcas, func(a, b RCAItem) int {
		if a.Overdue != b.Overdue {
			if a.Overdue {
				return -1
			}
			return 1
		}
		return 0 // rcaItems' order: the highest priority first
	})
	sum.OpenRCAs = append(sum.OpenRCAs, rcas...)
	slices.SortStableFunc(reviews, func(x, y Review) int { return strings.Compare(y.Date, x.Date) })
	var names []string
	for _, s := range ws.SLTs() {
		names = append(names, s.Name())
	}
	for _, rs := range reviewStatuses(ws, all, reviews, names, today) {
		if rs.Due {
			sum.ReviewsDue = append(sum.ReviewsDue, rs)
		}
	}
	return sum, nil
}

// Counter is counter-metric c's latest complete period, as the agenda reads
// it beside the SLT that names it (r: c's rows).
func Counter(ws *domain.Workspace, c *domain.SLT, r compliance.SLTRows) *CounterView {
	return counterView(ws, c, r)
}
