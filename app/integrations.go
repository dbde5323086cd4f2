package app

import (
	"context"

	"slate/internal/improve"
	"slate/internal/itsm"
	"slate/internal/safeguard"
	"slate/internal/storage"
)

// OutboxEntry is one task on its way to one ITSM integration: pending
// (with its attempts and the last error) or delivered (with the
// receiver's reference).
type OutboxEntry itsm.Entry

// Outbox statuses: a task is pending until a receiver accepts it.
const (
	OutboxPending   = itsm.StatusPending
	OutboxDelivered = itsm.StatusDelivered
)

// OutboxFilter selects outbox tasks: Status pending or delivered ("" = both).
type OutboxFilter struct {
	Status      string `json:"status,omitempty"`
	Integration string `json:"integration,omitempty"`
}

// DeliveryReport sums up one delivery pass.
type DeliveryReport itsm.Report

// Integrations shows the outbox of tasks pushed to ITSM tools and sends them.
type Integrations struct {
	store *storage.Store
	loop  *improve.Courier
}

// Outbox lists the tasks: pending first (the oldest first), then delivered
// ones, the newest first.
func (x *Integrations) Outbox(f OutboxFilter) ([]OutboxEntry, error) {
	es, err := itsm.List(x.store, itsm.Filter{Status: f.Status, Integration: f.Integration})
	return convert(es, func(e itsm.Entry) OutboxEntry { return OutboxEntry(e) }), err
}

// Retry makes a pending task (id "" = every pending task) due now, as the
// caller; the next delivery pass sends it. It returns the ids made due.
func (x *Integrations) Retry(id string) ([]string, error) {
	ids, err := itsm.Retry(x.store, x.store.Actor(), id)
	if ids == nil {
		ids = []string{}
	}
	return ids, err
}

// Deliver runs one delivery pass now: every pending task that is due is
// sent, one at a time, and each outcome recorded (audited).
func (x *Integrations) Deliver() (DeliveryReport, error) {
	r, err := x.loop.Deliver(context.Background(), x.store)
	return DeliveryReport(r), err
}

// RunLoop keeps the improvement loop moving while the window or `slate
// serve` is open (improve.RunLoop: the root-cause rule and the outbox's
// delivery, as Slate itself); it returns when ctx ends.
func (a *App) RunLoop(ctx context.Context, report func(error)) {
	improve.RunLoop(ctx, a.store.As(improve.RuleActor), a.shared.loop, report)
}

// Approval is a request that needs a second person's decision: a breach
// called a false positive, or a pause that alone makes an item on time.
type Approval safeguard.Approval

// ApprovalFilter selects requests: Status requested, approved or rejected;
// Kind false_positive or clock_pause.
type ApprovalFilter safeguard.Filter

// FalsePositiveRequest asks for a breach (SLT@PERIOD or SLT/TIER@PERIOD, as
// the breach log shows it) to be called a false positive.
type FalsePositiveRequest struct {
	Breach string `json:"breach"`
	Reason string `json:"reason"`
}

// PauseRequest asks a second person to confirm the pause recorded on an
// item of a duration SLT's feed.
type PauseRequest struct {
	SLT    string `json:"slt"`
	Item   string `json:"item"`
	Reason string `json:"reason"`
}

// ApprovalDecision approves or rejects a request; the decider is the
// caller, who must not be the requester.
type ApprovalDecision struct {
	ID   string `json:"id"`
	Note string `json:"note"`
}

// Approvals is four eyes for what takes units out of an SLT's count: one
// person asks, another decides.
type Approvals struct {
	store *storage.Store
}

// List lists requests: waiting ones first, the oldest first.
func (x *Approvals) List(f ApprovalFilter) ([]Approval, error) {
	as, err := safeguard.List(x.store, safeguard.Filter(f))
	return convert(as, func(a safeguard.Approval) Approval { return Approval(a) }), err
}

// RequestFalsePositive asks, as the caller, for a breach to be called a
// false positive; nothing leaves the breach ranking until another person
// approves.
func (x *Approvals) RequestFalsePositive(r FalsePositiveRequest) (Approval, error) {
	a, err := safeguard.RequestFalsePositive(x.store, x.store.Actor(), r.Breach, r.Reason, x.store.Now())
	return Approval(a), err
}

// RequestPause asks, as the caller, for a decisive pause to be confirmed.
func (x *Approvals) RequestPause(r PauseRequest) (Approval, error) {
	a, err := safeguard.RequestPauseConfirmation(x.store, x.store.Actor(), r.SLT, r.Item, r.Reason, x.store.Now())
	return Approval(a), err
}

// Approve approves a request as the caller (not its requester); an
// approved false positive marks the breach.
func (x *Approvals) Approve(d ApprovalDecision) (Approval, error) {
	return x.decide(d, true)
}

// Reject rejects a request as the caller (not its requester).
func (x *Approvals) Reject(d ApprovalDecision) (Approval, error) {
	return x.decide(d, false)
}

func (x *Approvals) decide(d ApprovalDecision, approve bool) (Approval, error) {
	a, err := safeguard.Decide(x.store, x.store.Actor(), d.ID, approve, d.Note)
	afterChange(x.store, err) // a false positive can end a run of misses
	return Approval(a), err
}
