package storage

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
)

// AuditEvent is one entry of the tamper-evident trail. Hash is the SHA-256 of
// the event's JSON with Hash empty; Prev is the hash of the event before it.
type AuditEvent struct {
	Seq     uint64          `json:"seq"`
	Time    time.Time       `json:"time"`
	Actor   string          `json:"actor"`
	Action  string          `json:"action"`
	Object  string          `json:"object"`
	Details json.RawMessage `json:"details,omitempty"`
	Prev    string          `json:"prev"`
	Hash    string          `json:"hash"`
}

func (e AuditEvent) computeHash() (string, error) {
	e.Hash = ""
	b, err := json.Marshal(e)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

type chainHead struct {
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
}

// Audit appends an event in the same transaction as the change it records.
func (t *Tx) Audit(action, object string, details any) (AuditEvent, error) {
	b := t.tx.Bucket(bucketAudit)
	head, err := t.auditHead()
	if err != nil {
		return AuditEvent{}, err
	}
	e := AuditEvent{
		Seq:    head.Seq + 1,
		Time:   t.store.now().UTC(),
		Actor:  t.store.actor,
		Action: action,
		Object: object,
		Prev:   head.Hash,
	}
	if details != nil {
		if e.Details, err = json.Marshal(details); err != nil {
			return AuditEvent{}, err
		}
	}
	if e.Hash, err = e.computeHash(); err != nil {
		return AuditEvent{}, err
	}
	v, err := json.Marshal(e)
	if err != nil {
		return AuditEvent{}, err
	}
	if err := b.Put(u64(e.Seq), v); err != nil {
		return AuditEvent{}, err
	}
	hv, _ := json.Marshal(chainHead{e.Seq, e.Hash})
	return e, t.tx.Bucket(bucketMeta).Put(keyAuditHead, hv)
}

func (t *Tx) auditHead() (chainHead, error) {
	var h chainHead
	v := t.tx.Bucket(bucketMeta).Get(keyAuditHead)
	if v == nil {
		return h, nil
	}
	if err := json.Unmarshal(v, &h); err != nil {
		return h, fmt.Errorf("audit chain head is unreadable: %w", err)
	}
	return h, nil
}

// DataVersion moves with every change readers can see: each one (an import
// published or reverted, a definition, an exception, a false positive) is
// audited in the transaction that makes it, so the audit head is the version.
// Staging chunks and stored results do not move it.
func (s *Store) DataVersion() (uint64, error) {
	var v uint64
	err := s.View(func(t *Tx) error {
		h, err := t.auditHead()
		v = h.Seq
		return err
	})
	return v, err
}

// AuditHead is the sequence number and hash of the newest event.
func (t *Tx) AuditHead() (uint64, string, error) {
	h, err := t.auditHead()
	return h.Seq, h.Hash, err
}

// AuditEvents lists events with from ≤ seq (0 = all), oldest first.
func (t *Tx) AuditEvents(from uint64) ([]AuditEvent, error) {
	var out []AuditEvent
	c := t.tx.Bucket(bucketAudit).Cursor()
	for k, v := c.Seek(u64(from)); k != nil; k, v = c.Next() {
		var e AuditEvent
		if err := json.Unmarshal(v, &e); err != nil {
			return nil, fmt.Errorf("audit event %d is unreadable: %w", fromU64(k), err)
		}
		out = append(out, e)
	}
	return out, nil
}

// Verification is the outcome of checking the audit chain.
type Verification struct {
	OK       bool   `json:"ok"`
	Events   uint64 `json:"events"`
	Head     string `json:"head"`
	FirstBad uint64 `json:"first_bad,omitempty"`
	Problem  string `json:"problem,omitempty"`
}

// VerifyAudit walks the chain and names the first event that was altered,
// removed or reordered.
func (t *Tx) VerifyAudit() (Verification, error) {
	var res Verification
	fail := func(seq uint64, format string, args ...any) (Verification, error) {
		res.OK, res.FirstBad, res.Problem = false, seq, fmt.Sprintf(format, args...)
		return res, nil
	}
	head, err := t.auditHead()
	if err != nil {
		return fail(0, "%v", err)
	}
	var prev string
	var want uint64 = 1
	c := t.tx.Bucket(bucketAudit).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		key := fromU64(k)
		if key != want {
			return fail(want, "event %d is missing (next stored event is %d)", want, key)
		}
		var e AuditEvent
		dec := json.NewDecoder(bytes.NewReader(v))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return fail(key, "event %d is unreadable: %v", key, err)
		}
		if e.Seq != key {
			return fail(key, "event stored under %d says it is %d (reordered)", key, e.Seq)
		}
		if e.Prev != prev {
			return fail(key, "event %d does not follow event %d (chain broken)", key, key-1)
		}
		h, err := e.computeHash()
		canon, _ := json.Marshal(e)
		if err != nil || h != e.Hash || !bytes.Equal(canon, v) {
			return fail(key, "event %d was altered (its hash does not match its content)", key)
		}
		prev = e.Hash
		want++
		res.Events = key
	}
	if res.Events != head.Seq || prev != head.Hash {
		return fail(res.Events+1, "the chain ends at event %d but the head says %d (events removed from the end)", res.Events, head.Seq)
	}
	res.OK, res.Head = true, prev
	return res, nil
}
