package predict

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"slate/internal/readview"
	"slate/internal/storage"
)

// The ledger reads a real workspace database through readview: definitions,
// batches of points and exceptions with their decision times give the same
// features and track record as the same data in memory.
func TestLedgerOnDatabase(t *testing.T) {
	m := newMixed()
	st, err := storage.Open(filepath.Join(t.TempDir(), "slate.db"), storage.Options{Actor: "tester", Now: func() time.Time { return m.now }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	err = st.Update(func(tx *storage.Tx) error {
		for _, d := range m.ws.Everything() {
			if err := tx.PutDefinition(d); err != nil {
				return err
			}
		}
		for _, e := range m.excs {
			se := storage.Exception{SLT: e.SLT, From: e.Start, To: e.End, Reason: "test", RequestedBy: "ann", RequestedAt: e.Start, Status: e.Status, DecidedBy: "bob", DecidedAt: e.Decided}
			if err := tx.NewException(&se); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, feed := range []string{"probe", "orders-feed", "latency", "tickets", "errors"} {
		if _, err := st.WriteBatch(feed, storage.BatchMeta{File: feed + ".csv", SHA256: feed}, slices.Values(m.points[feed])); err != nil {
			t.Fatalf("%s: %v", feed, err)
		}
	}
	in, err := readview.Input(st, m.now)
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Exceptions) != 4 || !in.Exceptions[0].Decided.Equal(m.excs[0].Decided) {
		t.Fatalf("exceptions %+v", in.Exceptions)
	}
	db, err := FromCompliance(in, SourceOptions{Leads: m.leads})
	if err != nil {
		t.Fatal(err)
	}
	mem, err := FromCompliance(m.inputAt(m.now), SourceOptions{Leads: m.leads})
	if err != nil {
		t.Fatal(err)
	}
	for _, day := range []int{20, 47, 76, 110} {
		at := addDays(dayStart(m.start, berlin), day, berlin)
		for _, tg := range mem.Targets() {
			a, _ := Extract(NewView(db, tg, at))
			b, _ := Extract(NewView(mem, tg, at))
			for j := range a {
				if !sameFloat(a[j], b[j]) {
					t.Errorf("%s at day %d: %s = %v from the database, %v in memory", tg.ID(), day, FeatureNames[j], a[j], b[j])
				}
			}
		}
	}
	ra, errA := Backtest(db, Current, Options{})
	rb, errB := Backtest(mem, Current, Options{})
	if (errA == nil) != (errB == nil) || ra.DecisionPoints != rb.DecisionPoints || ra.Model.Brier != rb.Model.Brier && ra.Model.Brier.Valid() {
		t.Errorf("backtests differ: %v %+v / %v %+v", errA, ra, errB, rb)
	}
}
