package defs_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"slate/internal/defs"
	"slate/internal/domain"
	"slate/internal/looptest"
	"slate/internal/storage"
)

const text = `apiVersion: slate/v1
kind: Service
metadata: {name: shop}
spec: {owner: Ann}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: f}
spec: {shape: counts}
`

func actions(t *testing.T, st *storage.Store) []string {
	t.Helper()
	var out []string
	if err := st.View(func(tx *storage.Tx) error {
		evs, err := tx.AuditEvents(0)
		for _, e := range evs {
			out = append(out, e.Action+" "+e.Object)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestApplyDeleteSave(t *testing.T) {
	st := looptest.Open(t, &looptest.Clock{T: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)})
	res, problems, err := defs.Apply(st, "a.yaml", text)
	if err != nil || problems != nil || len(res.Created) != 2 || len(res.Updated)+len(res.Unchanged) != 0 {
		t.Fatalf("apply: %v %v %+v", err, problems, res)
	}
	if res, _, _ = defs.Apply(st, "a.yaml", text); len(res.Unchanged) != 2 || len(res.Created)+len(res.Updated) != 0 {
		t.Fatalf("applying twice changed %+v", res)
	}
	before := len(actions(t, st))
	if _, problems, err = defs.Apply(st, "b.yaml", "apiVersion: slate/v1\nkind: Feed\nmetadata: {name: g}\nspec: {shape: nonsense}\n"); err != nil || problems == nil {
		t.Fatalf("an invalid text: %v %v", err, problems)
	}
	if len(actions(t, st)) != before {
		t.Fatal("an invalid text was audited")
	}
	if err := defs.Delete(st, "Feed", "nope"); err == nil {
		t.Error("deleted a feed that does not exist")
	}
	save := defs.SaveMapping("f", "data.csv")
	if err := st.Update(func(tx *storage.Tx) error { return save(tx, domain.Mapping{Time: "when"}, 7) }); err != nil {
		t.Fatal(err)
	}
	y, err := defs.YAML(st, "Feed", "f")
	if err != nil || !strings.Contains(y, "when") {
		t.Fatalf("the saved mapping is not stored: %v\n%s", err, y)
	}
	if err := defs.Delete(st, "Feed", "f"); err != nil {
		t.Fatal(err)
	}
	if err := st.Update(func(tx *storage.Tx) error { return save(tx, domain.Mapping{}, 8) }); !errors.Is(err, defs.ErrNoFeed) {
		t.Errorf("saving the mapping of a deleted feed: %v", err)
	}
	got := strings.Join(actions(t, st), "; ")
	if want := "definition.created Service/shop; definition.created Feed/f; definition.updated Feed/f; definition.deleted Feed/f"; got != want {
		t.Errorf("audit trail\n%s, want\n%s", got, want)
	}
}
