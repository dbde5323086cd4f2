package readview

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/storage"
)

func TestInput(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	st, err := storage.Open(filepath.Join(t.TempDir(), "slate.db"), storage.Options{Actor: "tester", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	decided := now.Add(-48 * time.Hour)
	err = st.Update(func(tx *storage.Tx) error {
		if err := tx.PutDefinition(&domain.Feed{Metadata: domain.Meta{Name: "lat"}, Spec: domain.FeedSpec{Shape: domain.ShapeValue}}); err != nil {
			return err
		}
		return tx.NewException(&storage.Exception{SLT: "x", From: now.Add(-72 * time.Hour), To: now.Add(-71 * time.Hour), Status: compliance.StatusApproved, DecidedAt: decided})
	})
	if err != nil {
		t.Fatal(err)
	}
	var pts []domain.Point
	for i := range 10 {
		pts = append(pts, domain.Point{At: now.Add(time.Duration(i-10) * time.Hour), Value: float64(i)})
	}
	if _, err := st.WriteBatch("lat", storage.BatchMeta{File: "lat.csv", SHA256: "x"}, slices.Values(pts)); err != nil {
		t.Fatal(err)
	}
	in, err := Input(st, now)
	if err != nil {
		t.Fatal(err)
	}
	if in.Workspace.Feed("lat") == nil || !in.At.Equal(now) {
		t.Fatalf("input %+v", in)
	}
	if len(in.Exceptions) != 1 || in.Exceptions[0].ID != "EX-1" || !in.Exceptions[0].Decided.Equal(decided) || in.Exceptions[0].Status != compliance.StatusApproved {
		t.Errorf("exceptions %+v", in.Exceptions)
	}
	var got []float64
	err = in.Source("lat", now.Add(-5*time.Hour), now.Add(-2*time.Hour), func(p domain.Point) error {
		got = append(got, p.Value)
		return nil
	})
	if err != nil || !slices.Equal(got, []float64{5, 6, 7}) {
		t.Errorf("points in [−5h, −2h): %v %v", got, err)
	}
}
