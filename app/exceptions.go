package app

import (
	"fmt"

	"slate/internal/safeguard"
	"slate/internal/storage"
	"slate/internal/uploads"
)

// Exceptions runs the exception workflow: request → approve or reject. Only an
// approved exception removes its window from the calculation. Every step is audited.
type Exceptions struct {
	store   *storage.Store
	uploads *uploads.Area
	caller  Caller
}

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
	from, to, err := safeguard.ParseException(r.From, r.To, r.Reason)
	if err != nil {
		return Exception{}, err
	}
	var ev *safeguard.Evidence
	var up uploads.Upload
	if r.Evidence != "" {
		if up, err = x.uploads.Get(x.caller.Name, r.Evidence); err != nil {
			return Exception{}, fmt.Errorf("evidence: %w", err)
		}
		data, err := up.Read(MaxEvidence)
		if err != nil {
			return Exception{}, fmt.Errorf("evidence %w", err)
		}
		ev = &safeguard.Evidence{Name: up.Name, Data: data}
	}
	e, err := safeguard.RequestException(x.store, x.store.Actor(), r.SLT, from, to, r.Reason, ev)
	if err == nil && ev != nil {
		x.uploads.Done(up.ID)
	}
	return Exception(e), err
}

// List lists every exception, oldest first.
func (x *Exceptions) List() ([]Exception, error) {
	out, err := storage.Read(x.store, (*storage.Tx).Exceptions)
	return convert(out, func(e storage.Exception) Exception { return Exception(e) }), err
}

// Evidence returns the bytes of an evidence file by SHA-256.
func (x *Exceptions) Evidence(sha string) ([]byte, error) {
	return storage.Read(x.store, func(tx *storage.Tx) ([]byte, error) { return tx.EvidenceBytes(sha) })
}

// Approve approves a requested exception as the caller, who must not be the
// requester (four eyes: by identity, not by a name anyone can type).
func (x *Exceptions) Approve(d ExceptionDecision) (Exception, error) {
	e, err := safeguard.DecideException(x.store, x.store.Actor(), d.ID, true, d.Note)
	afterChange(x.store, err) // an approved exception can end a run of misses
	return Exception(e), err
}

// Reject rejects a requested exception as the caller, who must not be the requester.
func (x *Exceptions) Reject(d ExceptionDecision) (Exception, error) {
	e, err := safeguard.DecideException(x.store, x.store.Actor(), d.ID, false, d.Note)
	return Exception(e), err
}
