// Package itsm pushes the improvement loop's tasks (a root-cause analysis
// opened, an action created) to ITSM tools through Integration definitions:
// a webhook signed with HMAC-SHA256, or a file in a drop folder. A task is
// first written to an outbox in the database, in the same transaction as
// the change it reports, and a Deliverer sends it later with retries and
// backoff: a receiver that is down delays a task, it never loses one.
package itsm

import (
	"fmt"
	"slices"
	"time"

	"slate/internal/domain"
	"slate/internal/storage"
)

// Schema names the task format; receivers can switch on it.
const Schema = "slate-task/v1"

// Task is the JSON a receiver gets.
type Task struct {
	Schema string `json:"schema"`
	// ID is the outbox entry's id: the same on every retry, so a receiver
	// can recognise a task it already has.
	ID        string    `json:"id"`
	Event     string    `json:"event"`
	CreatedAt time.Time `json:"created_at"`
	Title     string    `json:"title"`
	// Description says in words what happened and what is asked.
	Description string `json:"description"`
	SLT         string `json:"slt,omitempty"`
	Tier        string `json:"tier,omitempty"`
	Service     string `json:"service,omitempty"`
	Supplier    string `json:"supplier,omitempty"`
	// Breach is the breach that made the task (slt[/tier]@period), Period
	// its period, Periods every period of a run of misses.
	Breach  string   `json:"breach,omitempty"`
	Period  string   `json:"period,omitempty"`
	Periods []string `json:"periods,omitempty"`
	// Priority is in weighted error budgets overspent (docs/metrics.md,
	// "Breaches"), summed over the breaches behind the task.
	Priority float64   `json:"priority"`
	Due      string    `json:"due,omitempty"`
	Owner    string    `json:"owner,omitempty"`
	Links    TaskLinks `json:"links"`
}

// TaskLinks point back into Slate.
type TaskLinks struct {
	RCA     string `json:"rca,omitempty"`
	Action  string `json:"action,omitempty"`
	Review  string `json:"review,omitempty"`
	Meeting string `json:"meeting,omitempty"`
}

// Entry statuses: pending until a receiver accepted the task.
const (
	StatusPending   = "pending"
	StatusDelivered = "delivered"
)

// Entry is one task on its way to one integration.
type Entry struct {
	ID          string    `json:"id"`
	Integration string    `json:"integration"`
	Event       string    `json:"event"`
	Task        Task      `json:"task"`
	Status      string    `json:"status"`
	CreatedAt   time.Time `json:"created_at"`
	Attempts    int       `json:"attempts"`
	NextAttempt time.Time `json:"next_attempt,omitzero"`
	LastAttempt time.Time `json:"last_attempt,omitzero"`
	// LastError is why the last attempt failed (empty after a success).
	LastError   string    `json:"last_error,omitempty"`
	DeliveredAt time.Time `json:"delivered_at,omitzero"`
	// RemoteRef is the receiver's reference for the task (its ticket
	// number, from the webhook's answer), or the file a drop folder got.
	RemoteRef string `json:"remote_ref,omitempty"`
	// History keeps the last attempts, newest last.
	History []Attempt `json:"history"`
}

// Attempt is one delivery attempt.
type Attempt struct {
	At    time.Time `json:"at"`
	OK    bool      `json:"ok"`
	Error string    `json:"error,omitempty"`
}

// keepAttempts bounds an entry's history.
const keepAttempts = 20

// Enqueue writes task into the outbox once for every integration of ws
// that receives its event for its service, inside tx: the task exists if
// and only if the change that made it does. It returns the entries' ids.
func Enqueue(tx *storage.Tx, ws *domain.Workspace, actor string, now time.Time, task Task) ([]string, error) {
	var ids []string
	for _, in := range ws.Integrations() {
		if !in.Spec.Receives(task.Event, task.Service) {
			continue
		}
		id, err := tx.NewRecordID(storage.Outbox)
		if err != nil {
			return nil, err
		}
		t := task
		t.Schema, t.ID, t.CreatedAt = Schema, id, now.UTC()
		e := Entry{ID: id, Integration: in.Name(), Event: task.Event, Task: t, Status: StatusPending,
			CreatedAt: now.UTC(), NextAttempt: now.UTC(), History: []Attempt{}}
		if err := tx.PutRecord(storage.Outbox, id, e); err != nil {
			return nil, err
		}
		if _, err := tx.AuditAs(actor, "itsm.queue", "Outbox/"+id, map[string]string{"integration": in.Name(), "event": task.Event, "title": task.Title}); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// Filter selects outbox entries.
type Filter struct {
	// Status is pending or delivered ("" = both).
	Status      string
	Integration string
}

// List reads the outbox: pending entries first (the oldest first), then
// delivered ones, newest first.
func List(st *storage.Store, f Filter) ([]Entry, error) {
	switch f.Status {
	case "", StatusPending, StatusDelivered:
	default:
		return nil, fmt.Errorf("status %q is not pending or delivered", f.Status)
	}
	var all []Entry
	err := st.View(func(tx *storage.Tx) error {
		var err error
		all, err = storage.List[Entry](tx, storage.Outbox)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := []Entry{}
	for _, e := range all {
		if (f.Status == "" || e.Status == f.Status) && (f.Integration == "" || e.Integration == f.Integration) {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b Entry) int {
		switch {
		case a.Status != b.Status:
			if a.Status == StatusPending {
				return -1
			}
			return 1
		case a.Status == StatusPending:
			return a.CreatedAt.Compare(b.CreatedAt)
		}
		return b.DeliveredAt.Compare(a.DeliveredAt)
	})
	return out, nil
}

// Retry makes pending entries due now: the one named, or every pending
// entry when id is "". It returns the ids made due. Audited.
func Retry(st *storage.Store, actor, id string) ([]string, error) {
	now := st.Now().UTC()
	var ids []string
	err := st.Update(func(tx *storage.Tx) error {
		var entries []Entry
		if id != "" {
			e, err := storage.Get[Entry](tx, storage.Outbox, id)
			if err != nil {
				return err
			}
			if e.Status == StatusDelivered {
				return fmt.Errorf("outbox task %s was already delivered on %s (remote reference %q)", e.ID, e.DeliveredAt.Format(time.RFC3339), e.RemoteRef)
			}
			entries = []Entry{e}
		} else {
			all, err := storage.List[Entry](tx, storage.Outbox)
			if err != nil {
				return err
			}
			for _, e := range all {
				if e.Status == StatusPending {
					entries = append(entries, e)
				}
			}
		}
		for _, e := range entries {
			e.NextAttempt = now
			if err := tx.PutRecord(storage.Outbox, e.ID, e); err != nil {
				return err
			}
			ids = append(ids, e.ID)
		}
		if len(ids) == 0 {
			return nil
		}
		_, err := tx.AuditAs(actor, "itsm.retry", "Outbox", map[string]any{"tasks": ids})
		return err
	})
	return ids, err
}
