// Package initiative records improvement initiatives (a change made to
// improve an SLT, on a date) and validates them on the SLT's own data: the
// SLT's value per local day before the change against after it, with a
// test fitted to the data, the effect with its confidence interval, and
// whether there are enough days yet to tell (docs/improvement.md).
package initiative

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"slate/internal/domain"
	"slate/internal/storage"
)

// Improvement is a change made to improve an SLT.
type Improvement struct {
	ID      string `json:"id"`
	SLT     string `json:"slt"`
	Tier    string `json:"tier,omitempty"`
	Service string `json:"service"`
	// Change is the local date (in the SLT's zone) the change took effect.
	Change      string    `json:"change"`
	Description string    `json:"description"`
	CreatedAt   time.Time `json:"created_at"`
	CreatedBy   string    `json:"created_by"`
}

// NewImprovement is an initiative to record.
type NewImprovement struct {
	SLT         string `json:"slt"`
	Tier        string `json:"tier,omitempty"`
	Change      string `json:"change"`
	Description string `json:"description"`
}

// Add records an initiative. Audited as improvement.add.
func Add(st *storage.Store, actor string, in NewImprovement) (Improvement, error) {
	actor = strings.TrimSpace(actor)
	if actor == "" {
		return Improvement{}, storage.ErrNoActor
	}
	if strings.TrimSpace(in.Description) == "" {
		return Improvement{}, errors.New("an improvement needs a description (what was changed)")
	}
	if in.Change == "" {
		return Improvement{}, errors.New("an improvement needs the date of the change (YYYY-MM-DD)")
	}
	if _, err := time.Parse(time.DateOnly, in.Change); err != nil {
		return Improvement{}, fmt.Errorf("change date %q is not a date (write YYYY-MM-DD, e.g. 2026-09-01)", in.Change)
	}
	var imp Improvement
	err := st.Update(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		s := ws.SLT(in.SLT)
		if s == nil {
			return fmt.Errorf("SLT %q does not exist", in.SLT)
		}
		if in.Tier != "" && !slices.ContainsFunc(s.Spec.Tiers, func(t domain.Tier) bool { return t.Name == in.Tier }) {
			return fmt.Errorf("SLT %s has no tier %q", in.SLT, in.Tier)
		}
		id, err := tx.NewRecordID(storage.Improvements)
		if err != nil {
			return err
		}
		imp = Improvement{ID: id, SLT: in.SLT, Tier: in.Tier, Service: s.Spec.Service, Change: in.Change,
			Description: strings.TrimSpace(in.Description), CreatedAt: st.Now().UTC(), CreatedBy: actor}
		if err := tx.PutRecord(storage.Improvements, id, imp); err != nil {
			return err
		}
		_, err = tx.AuditAs(actor, "improvement.add", "Improvement/"+id, imp)
		return err
	})
	return imp, err
}

// List lists initiatives (of one SLT, or all), oldest first.
func List(st *storage.Store, slt string) ([]Improvement, error) {
	out := []Improvement{}
	err := st.View(func(tx *storage.Tx) error {
		all, err := storage.List[Improvement](tx, storage.Improvements)
		for _, imp := range all {
			if slt == "" || imp.SLT == slt {
				out = append(out, imp)
			}
		}
		return err
	})
	return out, err
}

// Get reads one initiative.
func Get(st *storage.Store, id string) (Improvement, error) {
	var imp Improvement
	err := st.View(func(tx *storage.Tx) error {
		var err error
		imp, err = storage.Get[Improvement](tx, storage.Improvements, id)
		return err
	})
	return imp, err
}
