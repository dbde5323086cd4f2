// Package safeguard keeps targets from being met on paper only: what takes
// units out of an SLT's count (a breach called a false positive, a pause
// that turns a late item into an on-time one) needs a second person
// (four eyes: whoever decides is not who asked), the share of units or
// time an SLT excludes is reported per period and a rise is flagged, and an
// SLT's counter-metric is named beside it. docs/improvement.md states the rules.
package safeguard

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/readview"
	"slate/internal/storage"
)

// Approval kinds.
const (
	KindFalsePositive = "false_positive"
	KindClockPause    = "clock_pause"
)

// Approval is a request that needs a second person's decision.
type Approval struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
	// Subject is the breach id (false positive) or SLT:item (clock pause).
	Subject string `json:"subject"`
	SLT     string `json:"slt"`
	Item    string `json:"item,omitempty"`
	// PausedSeconds is the pause a clock-pause request confirms.
	PausedSeconds float64   `json:"paused_seconds,omitempty"`
	Reason        string    `json:"reason"`
	RequestedBy   string    `json:"requested_by"`
	RequestedAt   time.Time `json:"requested_at"`
	// Status is requested, approved or rejected.
	Status    string    `json:"status"`
	DecidedBy string    `json:"decided_by,omitempty"`
	DecidedAt time.Time `json:"decided_at,omitzero"`
	Note      string    `json:"note,omitempty"`
}

func actorOf(actor string) (string, error) {
	a := strings.TrimSpace(actor)
	if a == "" {
		return "", storage.ErrNoActor
	}
	return a, nil
}

// RequestFalsePositive asks for a breach (slt[/tier]@period, a missed
// complete period at time at) to be called a false positive. Nothing leaves
// the breach log until a second person approves (Decide). Audited as
// approval.request.
func RequestFalsePositive(st *storage.Store, actor, breach, reason string, at time.Time) (Approval, error) {
	actor, err := actorOf(actor)
	if err != nil {
		return Approval{}, err
	}
	if strings.TrimSpace(reason) == "" {
		return Approval{}, errors.New("a false positive needs a reason (why the breach is not a real miss)")
	}
	name, period, ok := strings.Cut(breach, "@")
	if !ok || name == "" || period == "" {
		return Approval{}, fmt.Errorf("%q is not a breach id (write SLT@PERIOD or SLT/TIER@PERIOD, as the breach log shows)", breach)
	}
	slt, _, _ := strings.Cut(name, "/")
	in, err := readview.Input(st, at)
	if err != nil {
		return Approval{}, err
	}
	if in.Workspace.SLT(slt) == nil {
		return Approval{}, fmt.Errorf("SLT %q does not exist", slt)
	}
	rows, err := compliance.NewEvaluator(in).SLT(slt, nil)
	if err != nil {
		return Approval{}, err
	}
	if !slices.ContainsFunc(compliance.Breaches(in.Workspace, rows.Rows(), nil), func(b compliance.Breach) bool { return b.ID == breach }) {
		return Approval{}, fmt.Errorf("there is no breach %s: only a complete missed period (as the breach log lists it) can be called a false positive", breach)
	}
	a := Approval{Kind: KindFalsePositive, Subject: breach, SLT: slt, Reason: strings.TrimSpace(reason)}
	return a, request(st, actor, &a, func(tx *storage.Tx) error {
		marks, err := tx.BreachMarks()
		if err != nil {
			return err
		}
		if m, ok := marks[breach]; ok {
			return fmt.Errorf("breach %s is already a false positive (%s, by %s)", breach, m.Reason, m.By)
		}
		return nil
	})
}

// RequestPauseConfirmation asks a second person to confirm the pause
// recorded on an item of a duration SLT's feed (a ticket on hold, waiting
// for the customer). Audited as approval.request.
func RequestPauseConfirmation(st *storage.Store, actor, slt, item, reason string, at time.Time) (Approval, error) {
	actor, err := actorOf(actor)
	if err != nil {
		return Approval{}, err
	}
	if strings.TrimSpace(reason) == "" {
		return Approval{}, errors.New("a pause confirmation needs a reason (why the clock was stopped)")
	}
	in, err := readview.Input(st, at)
	if err != nil {
		return Approval{}, err
	}
	s := in.Workspace.SLT(slt)
	if s == nil {
		return Approval{}, fmt.Errorf("SLT %q does not exist", slt)
	}
	if s.Spec.Indicator == nil || s.Spec.Indicator.Kind != domain.IndicatorDuration {
		return Approval{}, fmt.Errorf("SLT %s is not a duration SLT: only an item's clock can be paused", slt)
	}
	var paused float64
	found := false
	err = in.Source(s.Spec.Feed, time.Unix(0, 0).UTC(), at.AddDate(20, 0, 0), func(p domain.Point) error {
		if p.ItemID == item {
			found, paused = true, p.Paused
		}
		return nil
	})
	switch {
	case err != nil:
		return Approval{}, err
	case !found:
		return Approval{}, fmt.Errorf("feed %s has no item %q", s.Spec.Feed, item)
	case paused <= 0:
		return Approval{}, fmt.Errorf("item %s has no pause to confirm", item)
	}
	a := Approval{Kind: KindClockPause, Subject: slt + ":" + item, SLT: slt, Item: item, PausedSeconds: paused, Reason: strings.TrimSpace(reason)}
	return a, request(st, actor, &a, nil)
}

// request stores a new request unless one for the same subject is open or approved.
func request(st *storage.Store, actor string, a *Approval, check func(*storage.Tx) error) error {
	return st.Update(func(tx *storage.Tx) error {
		if check != nil {
			if err := check(tx); err != nil {
				return err
			}
		}
		all, err := storage.List[Approval](tx, storage.Approvals)
		if err != nil {
			return err
		}
		for _, o := range all {
			if o.Kind == a.Kind && o.Subject == a.Subject && o.Status != compliance.StatusRejected {
				return fmt.Errorf("%s was already asked for in %s (%s by %s)", a.Subject, o.ID, o.Status, o.RequestedBy)
			}
		}
		if a.ID, err = tx.NewRecordID(storage.Approvals); err != nil {
			return err
		}
		a.RequestedBy, a.RequestedAt, a.Status = actor, st.Now().UTC(), compliance.StatusRequested
		if err := tx.PutRecord(storage.Approvals, a.ID, a); err != nil {
			return err
		}
		_, err = tx.AuditAs(actor, "approval.request", "Approval/"+a.ID, a)
		return err
	})
}

// Decide approves or rejects a request as actor, who must not be the
// requester (names compared without case), with a note. Approving a false
// positive marks the breach in the same transaction (it stays in the log,
// out of the ranking, as docs/metrics.md says); approving a clock pause
// confirms it. Audited as approval.approve or approval.reject (and
// breach.false-positive).
func Decide(st *storage.Store, actor, id string, approve bool, note string) (Approval, error) {
	actor, err := actorOf(actor)
	if err != nil {
		return Approval{}, err
	}
	if strings.TrimSpace(note) == "" {
		return Approval{}, errors.New("a decision needs a note")
	}
	var a Approval
	err = st.Update(func(tx *storage.Tx) error {
		if a, err = storage.Get[Approval](tx, storage.Approvals, id); err != nil {
			return err
		}
		if a.Status != compliance.StatusRequested {
			return fmt.Errorf("%s is already %s (by %s)", a.ID, a.Status, a.DecidedBy)
		}
		if strings.EqualFold(actor, a.RequestedBy) {
			return fmt.Errorf("%s was asked for by %s, who cannot also decide it: a second person must", a.ID, a.RequestedBy)
		}
		now := st.Now().UTC()
		a.Status, a.DecidedBy, a.DecidedAt, a.Note = compliance.StatusRejected, actor, now, strings.TrimSpace(note)
		action := "approval.reject"
		if approve {
			a.Status, action = compliance.StatusApproved, "approval.approve"
		}
		if err := tx.PutRecord(storage.Approvals, a.ID, a); err != nil {
			return err
		}
		if _, err := tx.AuditAs(actor, action, "Approval/"+a.ID, map[string]string{"subject": a.Subject, "note": a.Note}); err != nil {
			return err
		}
		if approve && a.Kind == KindFalsePositive {
			m := storage.BreachMark{ID: a.Subject, Reason: a.Reason, By: a.RequestedBy, At: now, ApprovedBy: actor}
			if err := tx.PutBreachMark(m); err != nil {
				return err
			}
			_, err = tx.AuditAs(actor, "breach.false-positive", "Breach/"+a.Subject, map[string]string{"reason": a.Reason, "requested_by": a.RequestedBy, "approval": a.ID})
		}
		return err
	})
	return a, err
}

// Filter selects approval requests; zero fields select everything.
type Filter struct {
	Status string `json:"status,omitempty"`
	Kind   string `json:"kind,omitempty"`
	SLT    string `json:"slt,omitempty"`
}

// List lists approval requests: waiting ones first, oldest first.
func List(st *storage.Store, f Filter) ([]Approval, error) {
	out := []Approval{}
	err := st.View(func(tx *storage.Tx) error {
		all, err := storage.List[Approval](tx, storage.Approvals)
		for _, a := range all {
			if (f.Status == "" || a.Status == f.Status) && (f.Kind == "" || a.Kind == f.Kind) && (f.SLT == "" || a.SLT == f.SLT) {
				out = append(out, a)
			}
		}
		return err
	})
	slices.SortStableFunc(out, func(a, b Approval) int {
		wa, wb := a.Status == compliance.StatusRequested, b.Status == compliance.StatusRequested
		if wa != wb {
			if wa {
				return -1
			}
			return 1
		}
		return a.RequestedAt.Compare(b.RequestedAt)
	})
	return out, err
}
