package app

import (
	"slate/internal/improve"
	"slate/internal/storage"
)

// Action is one improvement action.
type Action improve.Action

// ActionItem is an action as lists show it: with whether it is overdue.
type ActionItem improve.ActionItem

// Links tie an action to what it is about: an SLT, tier, period or breach
// (SLT@PERIOD; it sets the SLT, tier and period); the RCA, review, meeting
// or improvement it came from; the service and supplier concerned (taken
// from the SLT when not given).
type Links improve.Links

// Action statuses: open and in progress are live, done and dropped closed.
const (
	ActionOpen       = improve.ActionOpen
	ActionInProgress = improve.ActionInProgress
	ActionDone       = improve.ActionDone
	ActionDropped    = improve.ActionDropped
)

// ActionQuery selects actions; empty fields select everything. Status is
// open, in_progress, done, dropped or live (open and in progress).
type ActionQuery improve.ActionFilter

// NewAction is an action a person adds. Owner defaults to the owner of the
// linked RCA or SLT; Due is YYYY-MM-DD.
type NewAction struct {
	Title string `json:"title"`
	Owner string `json:"owner,omitempty"`
	Due   string `json:"due,omitempty"`
	Links Links  `json:"links"`
	Note  string `json:"note,omitempty"`
}

// ActionUpdate changes an action's fields; absent fields stay. A status of
// done or dropped closes it (dropped needs a note), open or in_progress
// reopens it.
type ActionUpdate struct {
	ID     string  `json:"id"`
	Title  *string `json:"title,omitempty"`
	Owner  *string `json:"owner,omitempty"`
	Due    *string `json:"due,omitempty"`
	Status *string `json:"status,omitempty"`
	Links  *Links  `json:"links,omitempty"`
	Note   string  `json:"note,omitempty"`
}

// ActionClose closes an action as done or dropped (dropped needs a note).
type ActionClose struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Note   string `json:"note,omitempty"`
}

// Actions keeps the improvement actions (docs/improvement.md): who does
// what by when about which miss, and which are overdue. Every change is
// audited with the caller.
type Actions struct {
	store *storage.Store
}

// List lists actions: overdue first (the longest overdue first), then live
// ones by due date, then closed ones, the latest closed first.
func (x *Actions) List(q ActionQuery) ([]ActionItem, error) {
	items, err := improve.ListActions(x.store, improve.ActionFilter(q))
	return convert(items, func(a improve.ActionItem) ActionItem { return ActionItem(a) }), err
}

// Get reads one action with its notes and history.
func (x *Actions) Get(id string) (ActionItem, error) {
	it, err := improve.GetAction(x.store, id)
	return ActionItem(it), err
}

// Add records an action as the caller. Integrations that take
// action.created get it as a task.
func (x *Actions) Add(in NewAction) (Action, error) {
	a, err := improve.AddAction(x.store, x.store.Actor(), in.engine())
	return Action(a), err
}

// engine is the action as the engine takes it, made by a person (a
// meeting's minutes make theirs with origin meeting).
func (in NewAction) engine() improve.NewAction {
	return improve.NewAction{Title: in.Title, Owner: in.Owner, Due: in.Due, Links: improve.Links(in.Links), Note: in.Note, Origin: improve.OriginPerson}
}

// Update changes an action as the caller; each changed field goes into its history.
func (x *Actions) Update(u ActionUpdate) (Action, error) {
	a, err := improve.UpdateAction(x.store, x.store.Actor(), u.ID, improve.ActionPatch{Title: u.Title, Owner: u.Owner, Due: u.Due,
		Status: u.Status, Links: (*improve.Links)(u.Links), Note: u.Note})
	return Action(a), err
}

// Close sets an action done or dropped as the caller.
func (x *Actions) Close(c ActionClose) (Action, error) {
	a, err := improve.CloseAction(x.store, x.store.Actor(), c.ID, c.Status, c.Note)
	return Action(a), err
}
