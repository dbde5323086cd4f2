package app

import (
	"errors"
	"fmt"
	"strings"

	"slate/internal/compliance"
	"slate/internal/storage"
)

// Exceptions runs the exception workflow: request → approve or reject. Only an
// approved exception removes its window from the calculation. Every step is audited.
type Exceptions struct {
	store   *storage.Store
	uploads *uploadArea
	caller  Caller
}

// Exception is one exception with its evidence and decision.
type Exception = storage.Exception

// ExceptionRequest asks to exclude [From, To) (RFC 3339) from an SLT. The
// requester is the caller: whoever the token (or the OS account) belongs to.
type ExceptionRequest struct {
	SLT    string `json:"slt"`
	From   string `json:"from"`
	To     string `json:"to"`
	Reason string `json:"reason"`
	// Evidence is the upload id of an optional file (an incident report, a
	// supplier's letter), up to MaxEvidence; the upload is used up.
	Evidence string `json:"evidence,omitempty"`
}

// MaxEvidence bounds an evidence file.
const MaxEvidence = 64 << 20

// ExceptionDecision approves or rejects an exception; the decider is the
// caller, who must not be the requester.
type ExceptionDecision struct {
	ID   string `json:"id"`
	Note string `json:"note"`
}

// Request records a new exception (status requested) and returns it with its id.
func (x *Exceptions) Request(r ExceptionRequest) (Exception, error) {
	from, err := ParseTime(r.From)
	if err != nil {
		return Exception{}, fmt.Errorf("from: %w", err)
	}
	to, err := ParseTime(r.To)
	if err != nil {
		return Exception{}, fmt.Errorf("to: %w", err)
	}
	if !to.After(from) {
		return Exception{}, errors.New("the exception must end after it starts")
	}
	if strings.TrimSpace(r.Reason) == "" {
		return Exception{}, errors.New("an exception needs a reason")
	}
	e := Exception{SLT: r.SLT, From: from, To: to, Reason: r.Reason, Evidence: []storage.Evidence{},
		RequestedBy: x.store.Actor(), RequestedAt: x.store.Now().UTC(), Status: compliance.StatusRequested}
	var evidence []byte
	var ev upload
	if r.Evidence != "" {
		if ev, err = x.uploads.get(x.caller.Name, r.Evidence); err != nil {
			return Exception{}, fmt.Errorf("evidence: %w", err)
		}
		if ev.Size > MaxEvidence {
			return Exception{}, fmt.Errorf("evidence %s is %s; attach files of at most %s", ev.Name, sizeText(ev.Size), sizeText(MaxEvidence))
		}
		if evidence, err = readAtMost(ev.path, MaxEvidence); err != nil {
			return Exception{}, fmt.Errorf("evidence %s: %w", ev.Name, err)
		}
	}
	err = x.store.Update(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		if ws.SLT(r.SLT) == nil {
			return fmt.Errorf("SLT %s does not exist", Clip(r.SLT))
		}
		if evidence != nil {
			stored, err := tx.PutEvidence(ev.Name, evidence)
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
	if err == nil && r.Evidence != "" {
		x.uploads.done(ev.ID)
	}
	return e, err
}

// List lists every exception, oldest first.
func (x *Exceptions) List() ([]Exception, error) {
	var out []Exception
	err := x.store.View(func(tx *storage.Tx) error {
		var err error
		out, err = tx.Exceptions()
		return err
	})
	return out, err
}

// Evidence returns the bytes of an evidence file by SHA-256.
func (x *Exceptions) Evidence(sha string) ([]byte, error) {
	var b []byte
	err := x.store.View(func(tx *storage.Tx) error {
		var err error
		b, err = tx.EvidenceBytes(sha)
		return err
	})
	return b, err
}

// Approve approves a requested exception as the caller, who must not be the
// requester (four eyes: by identity, not by a name anyone can type).
func (x *Exceptions) Approve(d ExceptionDecision) (Exception, error) {
	return x.decide(d, compliance.StatusApproved)
}

// Reject rejects a requested exception as the caller, who must not be the requester.
func (x *Exceptions) Reject(d ExceptionDecision) (Exception, error) {
	return x.decide(d, compliance.StatusRejected)
}

func (x *Exceptions) decide(d ExceptionDecision, status string) (Exception, error) {
	by := x.store.Actor()
	if strings.TrimSpace(d.Note) == "" {
		return Exception{}, errors.New("a decision needs a note (--note TEXT)")
	}
	var e Exception
	err := x.store.Update(func(tx *storage.Tx) error {
		var err error
		if e, err = tx.Exception(d.ID); err != nil {
			return err
		}
		if e.Status != compliance.StatusRequested {
			return fmt.Errorf("exception %s is already %s", e.ID, e.Status)
		}
		if strings.EqualFold(strings.TrimSpace(by), strings.TrimSpace(e.RequestedBy)) {
			return fmt.Errorf("exception %s was requested by %s, who cannot also decide it: another person must (four eyes)", e.ID, e.RequestedBy)
		}
		e.Status, e.DecidedBy, e.DecidedAt, e.Note = status, by, x.store.Now().UTC(), d.Note
		if err := tx.PutException(e); err != nil {
			return err
		}
		action := "exception.approve"
		if status == compliance.StatusRejected {
			action = "exception.reject"
		}
		_, err = tx.Audit(action, "Exception/"+e.ID, map[string]string{"by": by, "note": d.Note})
		return err
	})
	afterChange(x.store, err) // an approved exception can end a run of misses
	return e, err
}
