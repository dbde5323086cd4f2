package storage

import (
	"encoding/json"
	"fmt"
	"time"

	"slate/internal/domain"
)

// CMDBImport records a CMDB import: the file it came from and what changed.
type CMDBImport struct {
	File    string    `json:"file"`
	SHA256  string    `json:"sha256"`
	Size    int64     `json:"size"`
	At      time.Time `json:"at"`
	CIs     int       `json:"cis"`
	Added   int       `json:"added"`
	Removed int       `json:"removed"`
	Changed int       `json:"changed"`
}

// ReplaceCIs makes cis the stored CI set (a CMDB export is a full snapshot),
// records the import and audits it (cmdb.import), all in this transaction.
// It fills imp's At and change counts.
func (t *Tx) ReplaceCIs(cis []domain.CI, imp *CMDBImport) error {
	b := t.tx.Bucket(bucketCMDB)
	if b == nil {
		return fmt.Errorf("the cmdb bucket is missing (the database schema is older than this build)")
	}
	old := map[string][]byte{}
	if err := b.ForEach(func(k, v []byte) error { old[string(k)] = v; return nil }); err != nil {
		return err
	}
	imp.At, imp.CIs, imp.Added, imp.Removed, imp.Changed = t.store.now().UTC(), len(cis), 0, 0, 0
	seen := map[string]bool{}
	for _, ci := range cis {
		if ci.ID == "" || seen[ci.ID] {
			return fmt.Errorf("CI id %q is empty or repeated", ci.ID)
		}
		seen[ci.ID] = true
		ci.VerifiedAt = ci.VerifiedAt.UTC()
		v, err := json.Marshal(ci)
		if err != nil {
			return err
		}
		switch prev, ok := old[ci.ID]; {
		case !ok:
			imp.Added++
		case string(prev) != string(v):
			imp.Changed++
		}
		if err := b.Put([]byte(ci.ID), v); err != nil {
			return err
		}
	}
	for k := range old {
		if !seen[k] {
			imp.Removed++
			if err := b.Delete([]byte(k)); err != nil {
				return err
			}
		}
	}
	rec, err := json.Marshal(imp)
	if err != nil {
		return err
	}
	if err := t.tx.Bucket(bucketMeta).Put(keyCMDB, rec); err != nil {
		return err
	}
	_, err = t.Audit("cmdb.import", "CMDB", imp)
	return err
}

// CIs lists the stored CIs, by id.
func (t *Tx) CIs() ([]domain.CI, error) {
	var out []domain.CI
	b := t.tx.Bucket(bucketCMDB)
	if b == nil {
		return out, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		var ci domain.CI
		if err := json.Unmarshal(v, &ci); err != nil {
			return fmt.Errorf("stored CI %s is unreadable: %w", k, err)
		}
		out = append(out, ci)
		return nil
	})
	return out, err
}

// LastCMDBImport is the latest CMDB import, or nil when there was none.
func (t *Tx) LastCMDBImport() (*CMDBImport, error) {
	v := t.tx.Bucket(bucketMeta).Get(keyCMDB)
	if v == nil {
		return nil, nil
	}
	var imp CMDBImport
	if err := json.Unmarshal(v, &imp); err != nil {
		return nil, fmt.Errorf("the CMDB import record is unreadable: %w", err)
	}
	return &imp, nil
}
