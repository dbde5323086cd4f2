package safeguard

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/plain"
	"slate/internal/storage"
)

// Evidence is a file attached to an exception request.
type Evidence struct {
	Name string
	Data []byte
}

// CheckException refuses an exception request that cannot be made: a
// window that does not end after it starts, or no reason.
func CheckException(from, to time.Time, reason string) error {
	if !to.After(from) {
		return errors.New("the exception must end after it starts")
	}
	if strings.TrimSpace(reason) == "" {
		return domain.FieldErrorf("reason", "an exception needs a reason")
	}
	return nil
}

// ParseException reads an exception's window [from, to) as a request
// writes it (RFC 3339 or a date) and refuses a request that cannot be made.
func ParseException(from, to, reason string) (time.Time, time.Time, error) {
	f, err := compliance.ParseTime(from)
	if err != nil {
		return f, time.Time{}, fmt.Errorf("from: %w", err)
	}
	t, err := compliance.ParseTime(to)
	if err != nil {
		return f, t, fmt.Errorf("to: %w", err)
	}
	return f, t, CheckException(f, t, reason)
}

// RequestException records a force-majeure exception of slt over [from,
// to) asked for by actor (status requested), with its evidence, audited.
// Only an approved exception removes its window from the figures.
func RequestException(st *storage.Store, actor, slt string, from, to time.Time, reason string, ev *Evidence) (storage.Exception, error) {
	if err := CheckException(from, to, reason); err != nil {
		return storage.Exception{}, err
	}
	e := storage.Exception{SLT: slt, From: from, To: to, Reason: reason, Evidence: []storage.Evidence{},
		RequestedBy: actor, RequestedAt: st.Now().UTC(), Status: compliance.StatusRequested}
	err := st.Update(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		if ws.SLT(slt) == nil {
			return fmt.Errorf("SLT %s does not exist", plain.Clip(slt))
		}
		if ev != nil {
			stored, err := tx.PutEvidence(ev.Name, ev.Data)
			if err != nil {
				return err
			}
			e.Evidence = append(e.Evidence, stored)
		}
		if err := tx.NewException(&e); err != nil {
			return err
		}
		_, err = tx.Audit("exception.request", "Exception/"+e.ID, e)
		return err
	})
	return e, err
}

// DecideException approves or rejects a requested exception as actor, who
// must not be its requester (four eyes, by identity), with a note; audited.
func DecideException(st *storage.Store, actor, id string, approve bool, note string) (storage.Exception, error) {
	if strings.TrimSpace(note) == "" {
		return storage.Exception{}, domain.FieldErrorf("note", "a decision needs a note for the audit trail")
	}
	status, action := compliance.StatusRejected, "exception.reject"
	if approve {
		status, action = compliance.StatusApproved, "exception.approve"
	}
	var e storage.Exception
	err := st.Update(func(tx *storage.Tx) error {
		var err error
		if e, err = tx.Exception(id); err != nil {
			return err
		}
		if e.Status != compliance.StatusRequested {
			return fmt.Errorf("exception %s is already %s", e.ID, e.Status)
		}
		if strings.EqualFold(strings.TrimSpace(actor), strings.TrimSpace(e.RequestedBy)) {
			return fmt.Errorf("exception %s was requested by %s, who cannot also decide it: another person must (four eyes)", e.ID, e.RequestedBy)
		}
		e.Status, e.DecidedBy, e.DecidedAt, e.Note = status, actor, st.Now().UTC(), note
		if err := tx.PutException(e); err != nil {
			return err
		}
		_, err = tx.Audit(action, "Exception/"+e.ID, map[string]string{"by": actor, "note": note})
		return err
	})
	return e, err
}
