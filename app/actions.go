package app

import (
	"slate/internal/improve"
	"slate/internal/storage"
)

// Actions reads the improvement actions (docs/improvement.md): who does
// what by when about which miss, and which are overdue.
type Actions struct {
	store *storage.Store
}

// ActionQuery selects actions; empty fields select everything. Status is
// open, in_progress, done, dropped or live (open and in progress).
type ActionQuery improve.ActionFilter

// ActionItem is an action with whether it is overdue today (in the workspace's zone).
type ActionItem improve.ActionItem

// List lists actions: overdue first (the longest overdue first), then live
// ones by due date, then closed ones, the latest closed first.
func (x *Actions) List(q ActionQuery) ([]ActionItem, error) {
	items, err := improve.ListActions(x.store, improve.ActionFilter(q))
	return convert(items, func(it improve.ActionItem) ActionItem { return ActionItem(it) }), err
}
