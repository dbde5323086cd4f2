package app

import (
	"slate/internal/improve"
	"slate/internal/storage"
)

// The improvement loop's services (docs/improvement.md): actions,
// root-cause analyses and reviews here; meetings and improvement
// initiatives in meetings.go; the ITSM outbox and four-eyes requests in
// integrations.go. Each is a thin face over internal/improve,
// internal/initiative, internal/itsm and internal/safeguard: the acting
// user is always the caller (the view's store), never a request field.

// RCA is a root-cause analysis of one run of missed periods.
type RCA improve.RCA

// RCA statuses and methods.
const (
	RCAOpen        = improve.RCAOpen
	RCAClosed      = improve.RCAClosed
	MethodFiveWhys = improve.MethodFiveWhys
	MethodApollo   = improve.MethodApollo
)

// Why is one step of a Five Whys chain: the question and its answer. The
// chain ends in root causes (RCA.RootCauses).
type Why improve.Why

// RCAItem is an analysis with its linked actions and whether it is overdue.
type RCAItem improve.RCAItem

// RCAFilter selects analyses (status open or closed, SLT, service, supplier).
type RCAFilter improve.RCAFilter

// RCAUpdate changes an open analysis; absent fields stay. Method is
// five_whys or apollo.
type RCAUpdate struct {
	ID         string          `json:"id"`
	Owner      *string         `json:"owner,omitempty"`
	Method     *string         `json:"method,omitempty"`
	Problem    *string         `json:"problem,omitempty"`
	Due        *string         `json:"due,omitempty"`
	FiveWhys   *[]Why          `json:"five_whys,omitempty"`
	Apollo     *improve.Apollo `json:"apollo,omitempty"`
	RootCauses *[]string       `json:"root_causes,omitempty"`
	Team       *improve.Team   `json:"team,omitempty"`
	Note       string          `json:"note,omitempty"`
}

// NewRCA asks for an analysis of one breach (SLT@PERIOD or
// SLT/TIER@PERIOD, as the breach log shows it).
type NewRCA struct {
	Breach string `json:"breach"`
}

// RCAClose closes an analysis with its conclusion.
type RCAClose struct {
	ID         string `json:"id"`
	Conclusion string `json:"conclusion,omitempty"`
}

// RCAs keeps the root-cause analyses the run-of-misses rule opens.
type RCAs struct {
	store *storage.Store
}

// List applies the root-cause rule (so a run of misses that reached its
// SLT's rcaAfter since the last change has its analysis), then lists
// analyses: open ones first, the highest priority first.
func (x *RCAs) List(f RCAFilter) ([]RCAItem, error) {
	if err := improve.Sync(x.store); err != nil {
		return nil, err
	}
	items, err := improve.ListRCAs(x.store, improve.RCAFilter(f))
	return convert(items, func(r improve.RCAItem) RCAItem { return RCAItem(r) }), err
}

// Get reads one analysis with its linked actions.
func (x *RCAs) Get(id string) (RCAItem, error) {
	it, err := improve.GetRCA(x.store, id)
	return RCAItem(it), err
}

// Open opens an analysis of one breach as the caller (the rule opens those
// of runs of misses on its own); when one already holds the breach, the
// error names it.
func (x *RCAs) Open(in NewRCA) (RCA, error) {
	r, err := improve.OpenRCA(x.store, x.store.Actor(), in.Breach, x.store.Now())
	return RCA(r), err
}

// Update changes an open analysis as the caller.
func (x *RCAs) Update(u RCAUpdate) (RCA, error) {
	var whys *[]improve.Why
	if u.FiveWhys != nil {
		w := convert(*u.FiveWhys, func(y Why) improve.Why { return improve.Why(y) })
		whys = &w
	}
	r, err := improve.UpdateRCA(x.store, x.store.Actor(), u.ID, improve.RCAPatch{Owner: u.Owner, Method: u.Method, Problem: u.Problem,
		Due: u.Due, FiveWhys: whys, Apollo: u.Apollo, RootCauses: u.RootCauses, Team: u.Team, Note: u.Note})
	return RCA(r), err
}

// Close closes an analysis as the caller: it needs a root cause, a linked
// action that is not dropped and its method complete; otherwise nothing
// changes and the error lists what is missing.
func (x *RCAs) Close(c RCAClose) (RCA, error) {
	r, err := improve.CloseRCA(x.store, x.store.Actor(), c.ID, c.Conclusion)
	return RCA(r), err
}

// Review is a recorded review of an SLT: its date, what was decided and
// who took part. It resets the SLT's review cycle and its triggers.
type Review improve.Review

// NewReview is a review to record: its SLT, date (on or before today),
// decision and attendees.
type NewReview improve.NewReview

// ReviewStatus is where an SLT stands in its review cycle: the next review
// date and, when due, why.
type ReviewStatus improve.ReviewStatus

// ReviewFilter selects SLTs (one, a service's, a supplier's), or only those due.
type ReviewFilter improve.ReviewFilter

// Reviews evaluates the SLTs' review cycles and renegotiation triggers and
// records reviews.
type Reviews struct {
	store *storage.Store
}

// List evaluates each selected SLT's review cycle and triggers now.
func (x *Reviews) List(f ReviewFilter) ([]ReviewStatus, error) {
	sts, err := improve.ReviewStatuses(x.store, x.store.Now(), improve.ReviewFilter(f))
	return convert(sts, func(s improve.ReviewStatus) ReviewStatus { return ReviewStatus(s) }), err
}

// History lists recorded reviews (of one SLT, or all), the latest first.
func (x *Reviews) History(slt string) ([]Review, error) {
	rs, err := improve.ListReviews(x.store, slt)
	return convert(rs, func(r improve.Review) Review { return Review(r) }), err
}

// Record records a review as the caller; it resets the SLT's cycle and triggers.
func (x *Reviews) Record(in NewReview) (Review, error) {
	r, err := improve.RecordReview(x.store, x.store.Actor(), improve.NewReview(in))
	return Review(r), err
}

// afterChange applies the root-cause rule after a change that succeeded.
// The change stands whatever the rule does; a failure of the rule is not
// lost, since it runs again before any listing of analyses and on the
// background loop (RunLoop), where its error is reported.
func afterChange(st *storage.Store, err error) {
	if err == nil {
		improve.Sync(st)
	}
}
