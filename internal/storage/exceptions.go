package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrNotFound means the requested record does not exist.
var ErrNotFound = errors.New("not found")

// Exception is a request to exclude [From, To) from one SLT's calculation
// (force majeure), with its evidence and decision.
type Exception struct {
	ID          string     `json:"id"`
	SLT         string     `json:"slt"`
	From        time.Time  `json:"from"`
	To          time.Time  `json:"to"`
	Reason      string     `json:"reason"`
	Evidence    []Evidence `json:"evidence"`
	RequestedBy string     `json:"requested_by"`
	RequestedAt time.Time  `json:"requested_at"`
	// Status is requested, approved or rejected.
	Status    string    `json:"status"`
	DecidedBy string    `json:"decided_by,omitempty"`
	DecidedAt time.Time `json:"decided_at,omitzero"`
	Note      string    `json:"note,omitempty"`
}

// Evidence is a file attached to an exception; its bytes are kept in the
// evidence bucket under their SHA-256.
type Evidence struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// ExceptionKey parses "EX-12" (or "12") into its sequence number.
func ExceptionKey(id string) (uint64, error) {
	n, err := strconv.ParseUint(strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(id)), "EX-"), 10, 64)
	if err != nil || n == 0 {
		return 0, fmt.Errorf("%q is not an exception id (EX-N)", id)
	}
	return n, nil
}

// PutEvidence stores a file's bytes under their SHA-256 (once) and describes it.
func (t *Tx) PutEvidence(name string, data []byte) (Evidence, error) {
	sum := sha256.Sum256(data)
	h := hex.EncodeToString(sum[:])
	b := t.tx.Bucket(bucketEvidence)
	if b.Get([]byte(h)) == nil {
		if err := b.Put([]byte(h), data); err != nil {
			return Evidence{}, err
		}
	}
	return Evidence{Name: name, SHA256: h, Size: int64(len(data))}, nil
}

// EvidenceBytes returns a copy of a stored evidence file.
func (t *Tx) EvidenceBytes(sha string) ([]byte, error) {
	v := t.tx.Bucket(bucketEvidence).Get([]byte(sha))
	if v == nil {
		return nil, fmt.Errorf("evidence %s: %w", sha, ErrNotFound)
	}
	return append([]byte(nil), v...), nil
}

// NewException stores a new exception and gives it the next id (EX-N).
func (t *Tx) NewException(e *Exception) error {
	b := t.tx.Bucket(bucketExceptions)
	n, err := b.NextSequence()
	if err != nil {
		return err
	}
	e.ID = fmt.Sprintf("EX-%d", n)
	return t.PutException(*e)
}

// PutException stores (replaces) an exception.
func (t *Tx) PutException(e Exception) error {
	n, err := ExceptionKey(e.ID)
	if err != nil {
		return err
	}
	v, err := json.Marshal(e)
	if err != nil {
		return err
	}
	return t.tx.Bucket(bucketExceptions).Put(u64(n), v)
}

// Exception reads one exception.
func (t *Tx) Exception(id string) (Exception, error) {
	var e Exception
	n, err := ExceptionKey(id)
	if err != nil {
		return e, err
	}
	v := t.tx.Bucket(bucketExceptions).Get(u64(n))
	if v == nil {
		return e, fmt.Errorf("exception %s: %w", id, ErrNotFound)
	}
	return e, json.Unmarshal(v, &e)
}

// Exceptions lists every exception, oldest first.
func (t *Tx) Exceptions() ([]Exception, error) {
	out := []Exception{}
	err := t.tx.Bucket(bucketExceptions).ForEach(func(k, v []byte) error {
		var e Exception
		if err := json.Unmarshal(v, &e); err != nil {
			return fmt.Errorf("exception %d is unreadable: %w", fromU64(k), err)
		}
		out = append(out, e)
		return nil
	})
	return out, err
}
