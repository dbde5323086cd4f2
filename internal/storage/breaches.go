package storage

import (
	"encoding/json"
	"fmt"
	"time"
)

// BreachMark records that a breach is a false positive: it stays in the log,
// out of the ranking.
type BreachMark struct {
	ID     string    `json:"id"`
	Reason string    `json:"reason"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
	// ApprovedBy is the second person who approved the request (empty for
	// marks made before four eyes were asked for).
	ApprovedBy string `json:"approved_by,omitempty"`
}

// PutBreachMark stores (replaces) a mark.
func (t *Tx) PutBreachMark(m BreachMark) error {
	v, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return t.tx.Bucket(bucketBreachMarks).Put([]byte(m.ID), v)
}

// BreachMarks lists every mark by breach id.
func (t *Tx) BreachMarks() (map[string]BreachMark, error) {
	out := map[string]BreachMark{}
	err := t.tx.Bucket(bucketBreachMarks).ForEach(func(k, v []byte) error {
		var m BreachMark
		if err := json.Unmarshal(v, &m); err != nil {
			return fmt.Errorf("breach mark %s is unreadable: %w", k, err)
		}
		out[string(k)] = m
		return nil
	})
	return out, err
}
