package storage

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// RecordKind is one bucket of the improvement loop's records (actions,
// root-cause analyses, reviews, meetings, improvements, approvals and the
// outbox): JSON values under 8-byte sequence keys, with ids PREFIX-N
// ("A-12"). The record types belong to the engines that use them
// (internal/improve, internal/itsm …); storage keeps bytes, ids, unique
// keys and the audit trail.
type RecordKind struct {
	bucket []byte
	prefix string
	// Noun names one record in errors ("action A-3 does not exist").
	Noun string
}

// The improvement loop's record kinds.
var (
	Actions      = RecordKind{bucketActions, "A", "action"}
	RCAs         = RecordKind{bucketRCAs, "RCA", "root-cause analysis"}
	Reviews      = RecordKind{bucketReviews, "REV", "review"}
	Meetings     = RecordKind{bucketMeetings, "M", "meeting"}
	Improvements = RecordKind{bucketImprovements, "IMP", "improvement"}
	Approvals    = RecordKind{bucketApprovals, "AP", "approval request"}
	Outbox       = RecordKind{bucketOutbox, "T", "outbox task"}
)

// Prefix is the id prefix ("A" for actions).
func (k RecordKind) Prefix() string { return k.prefix }

// ErrNoActor is returned when a change names nobody as its actor.
var ErrNoActor = errors.New("no acting user: every change must say who makes it")

// Seq parses "A-12", "a-12" or "12" into 12.
func (k RecordKind) Seq(id string) (uint64, error) {
	s := strings.ToUpper(strings.TrimSpace(id))
	s = strings.TrimPrefix(s, k.prefix+"-")
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil || n == 0 {
		return 0, fmt.Errorf("%q is not a valid %s id (write %s-N, e.g. %s-1)", id, k.Noun, k.prefix, k.prefix)
	}
	return n, nil
}

// ID formats a sequence number as the kind's id.
func (k RecordKind) ID(seq uint64) string { return fmt.Sprintf("%s-%d", k.prefix, seq) }

func (t *Tx) recordBucket(k RecordKind, create bool) (*bolt.Bucket, error) {
	if b := t.tx.Bucket(k.bucket); b != nil || !create {
		return b, nil
	}
	return t.tx.CreateBucketIfNotExists(k.bucket)
}

// NewRecordID reserves the next id of the kind.
func (t *Tx) NewRecordID(k RecordKind) (string, error) {
	b, err := t.recordBucket(k, true)
	if err != nil {
		return "", err
	}
	n, err := b.NextSequence()
	if err != nil {
		return "", err
	}
	return k.ID(n), nil
}

// PutRecord stores (replaces) the record with id.
func (t *Tx) PutRecord(k RecordKind, id string, v any) error {
	n, err := k.Seq(id)
	if err != nil {
		return err
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	b, err := t.recordBucket(k, true)
	if err != nil {
		return err
	}
	return b.Put(u64(n), raw)
}

// GetRecord reads the record with id into v; the error wraps ErrNotFound
// when there is none.
func (t *Tx) GetRecord(k RecordKind, id string, v any) error {
	n, err := k.Seq(id)
	if err != nil {
		return err
	}
	b, _ := t.recordBucket(k, false)
	var raw []byte
	if b != nil {
		raw = b.Get(u64(n))
	}
	if raw == nil {
		return fmt.Errorf("%s %s does not exist: %w", k.Noun, k.ID(n), ErrNotFound)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("%s %s is unreadable: %w", k.Noun, k.ID(n), err)
	}
	return nil
}

// EachRecord calls fn with every record of the kind, oldest first; the
// bytes are valid only during the call.
func (t *Tx) EachRecord(k RecordKind, fn func(id string, raw []byte) error) error {
	b, _ := t.recordBucket(k, false)
	if b == nil {
		return nil
	}
	return b.ForEach(func(key, v []byte) error { return fn(k.ID(fromU64(key)), v) })
}

// Get reads one record of type T.
func Get[T any](t *Tx, k RecordKind, id string) (T, error) {
	var v T
	err := t.GetRecord(k, id, &v)
	return v, err
}

// List reads every record of type T, oldest first.
func List[T any](t *Tx, k RecordKind) ([]T, error) {
	out := []T{}
	err := t.EachRecord(k, func(id string, raw []byte) error {
		var v T
		if err := json.Unmarshal(raw, &v); err != nil {
			return fmt.Errorf("%s %s is unreadable: %w", k.Noun, id, err)
		}
		out = append(out, v)
		return nil
	})
	return out, err
}

// RecordIndex finds the id stored under a unique key of the kind (for
// example one root-cause analysis per run of misses).
func (t *Tx) RecordIndex(k RecordKind, key string) (string, bool) {
	idx := t.tx.Bucket(bucketLoopIndex)
	if idx == nil {
		return "", false
	}
	b := idx.Bucket(k.bucket)
	if b == nil {
		return "", false
	}
	v := b.Get([]byte(key))
	return string(v), v != nil
}

// PutRecordIndex stores id under a unique key of the kind.
func (t *Tx) PutRecordIndex(k RecordKind, key, id string) error {
	idx, err := t.tx.CreateBucketIfNotExists(bucketLoopIndex)
	if err != nil {
		return err
	}
	b, err := idx.CreateBucketIfNotExists(k.bucket)
	if err != nil {
		return err
	}
	return b.Put([]byte(key), []byte(id))
}

// AuditAs appends an audit event that names actor, whoever the store was
// opened as: the engines of the improvement loop take the acting user from
// their caller (the token's user under `slate serve`, the OS user in the CLI).
func (t *Tx) AuditAs(actor, action, object string, details any) (AuditEvent, error) {
	if strings.TrimSpace(actor) == "" {
		return AuditEvent{}, ErrNoActor
	}
	view := *t.store
	view.actor = actor
	return (&Tx{t.tx, &view}).Audit(action, object, details)
}
