package storage

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"slate/internal/domain"
	"slate/internal/pointhash"
)

func openPointsTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "slate.db"), Options{Actor: "test", Now: func() time.Time {
		return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var t0 = time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)

func seq(pts ...domain.Point) func(func(domain.Point) bool) {
	return slices.Values(pts)
}

func scanAll(t *testing.T, s *Store, feed string, from, to time.Time) []domain.Point {
	t.Helper()
	var out []domain.Point
	if err := s.View(func(tx *Tx) error {
		return tx.ScanPoints(feed, from, to, func(p domain.Point) error { out = append(out, p); return nil })
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPointCodecRoundTrip(t *testing.T) {
	cases := []domain.Point{
		{At: t0, Value: 12.5},
		{At: t0.Add(-100 * 365 * 24 * time.Hour), Good: 99, Total: 100},
		{At: t0, Good: 1, Total: 1, CI: "web-01"},
		{At: t0.Add(time.Hour), ItemID: "INC-1", Opened: t0, Resolved: t0.Add(time.Hour), Paused: 60, Priority: "P1", CI: "db"},
		{At: t0, Value: -3.25e-9},
	}
	for i, p := range cases {
		k := pointKey(p.At, 7, uint32(i+1))
		v := appendPoint(nil, &p)
		var q domain.Point
		if err := decodePoint(k, v, &q); err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		p.At = p.At.UTC()
		p.Opened, p.Resolved = utc(p.Opened), utc(p.Resolved)
		p.Batch = 7
		if q != p {
			t.Errorf("case %d: got %+v want %+v", i, q, p)
		}
	}
	if err := decodePoint(make([]byte, 16), []byte{0xff}, new(domain.Point)); err == nil {
		t.Error("garbage decoded without error")
	}
}

func utc(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC()
}

func TestWriteBatchScanRevert(t *testing.T) {
	s := openPointsTest(t)
	var pts []domain.Point
	for i := 200; i > 0; i-- { // reverse order on purpose
		pts = append(pts, domain.Point{At: t0.Add(time.Duration(i) * time.Minute), Value: float64(i)})
	}
	id, err := s.WriteBatch("lat", BatchMeta{File: "a.csv", SHA256: "abc"}, seq(pts...))
	if err != nil {
		t.Fatal(err)
	}
	got := scanAll(t, s, "lat", time.Time{}, time.Time{})
	if len(got) != 200 {
		t.Fatalf("got %d points, want 200", len(got))
	}
	for i := 1; i < len(got); i++ {
		if !got[i-1].At.Before(got[i].At) {
			t.Fatalf("not in time order at %d", i)
		}
	}
	if got[0].Batch != id || got[0].Value != 1 {
		t.Errorf("first point %+v", got[0])
	}
	// Range [from, to).
	r := scanAll(t, s, "lat", t0.Add(10*time.Minute), t0.Add(20*time.Minute))
	if len(r) != 10 || r[0].Value != 10 || r[9].Value != 19 {
		t.Errorf("range scan: %d points %v", len(r), r)
	}
	// ErrStop.
	n := 0
	s.View(func(tx *Tx) error {
		return tx.ScanPoints("lat", time.Time{}, time.Time{}, func(domain.Point) error {
			n++
			if n == 5 {
				return ErrStop
			}
			return nil
		})
	})
	if n != 5 {
		t.Errorf("ErrStop: visited %d", n)
	}
	// Same SHA refused.
	_, err = s.WriteBatch("lat", BatchMeta{File: "a.csv", SHA256: "abc"}, seq(pts...))
	var ai *AlreadyImportedError
	if !errors.As(err, &ai) || ai.Batch != id {
		t.Fatalf("second import: %v", err)
	}
	if _, err := s.RevertBatch(id, "test"); err != nil {
		t.Fatal(err)
	}
	if got := scanAll(t, s, "lat", time.Time{}, time.Time{}); len(got) != 0 {
		t.Errorf("after revert %d points", len(got))
	}
	b, _ := s.batch(id)
	if b.Status != "reverted" || !b.Purged {
		t.Errorf("batch after revert: %+v", b)
	}
	// Reverted file may come again.
	if _, err := s.WriteBatch("lat", BatchMeta{File: "a.csv", SHA256: "abc"}, seq(pts...)); err != nil {
		t.Fatal(err)
	}
	s.View(func(tx *Tx) error {
		v, _ := tx.VerifyAudit()
		if !v.OK || v.Events != 3 {
			t.Errorf("audit: %+v", v)
		}
		return nil
	})
}

func TestStagingInvisibleAndRecovered(t *testing.T) {
	s := openPointsTest(t)
	w, err := s.BeginBatch("f", BatchMeta{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		w.Add(domain.Point{At: t0.Add(time.Duration(i) * time.Second), Value: 1}, uint32(i+1))
	}
	if err := w.Flush(nil); err != nil {
		t.Fatal(err)
	}
	if got := scanAll(t, s, "f", time.Time{}, time.Time{}); len(got) != 0 {
		t.Fatalf("staged points visible: %d", len(got))
	}
	n, err := s.RecoverBatches()
	if err != nil || n != 1 {
		t.Fatalf("recover: %d %v", n, err)
	}
	s.View(func(tx *Tx) error {
		c, _ := tx.tx.Bucket(bucketPoints).Bucket([]byte("f")).Cursor().First()
		if c != nil {
			t.Error("points left after recovery")
		}
		if _, err := tx.Batch(w.ID()); !errors.Is(err, ErrNoBatch) {
			t.Errorf("batch record left: %v", err)
		}
		return nil
	})
}

func TestReplaceAndPriors(t *testing.T) {
	s := openPointsTest(t)
	id1, err := s.WriteBatch("f", BatchMeta{}, seq(
		domain.Point{At: t0, Value: 1},
		domain.Point{At: t0.Add(time.Minute), Value: 2},
	))
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.BeginBatch("f", BatchMeta{})
	if err != nil {
		t.Fatal(err)
	}
	w.Add(domain.Point{At: t0, Value: 10}, 1)
	w.Add(domain.Point{At: t0.Add(time.Minute), Value: 2}, 2)
	w.Add(domain.Point{At: t0.Add(2 * time.Minute), Value: 3}, 3)
	var seen [][]Prior
	err = w.Flush(func(p *domain.Point, row uint32, priors []Prior) Resolution {
		seen = append(seen, slices.Clone(priors))
		if len(priors) == 0 {
			return Write
		}
		if priors[0].Point.Value == p.Value {
			return Skip
		}
		return Replace
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen[0]) != 1 || seen[0][0].Point.Batch != id1 || len(seen[1]) != 1 || len(seen[2]) != 0 {
		t.Fatalf("priors: %+v", seen)
	}
	// Before publish: old values.
	got := scanAll(t, s, "f", time.Time{}, time.Time{})
	if len(got) != 2 || got[0].Value != 1 {
		t.Fatalf("before publish: %+v", got)
	}
	if err := w.Publish(BatchMeta{}, nil, nil); err != nil {
		t.Fatal(err)
	}
	got = scanAll(t, s, "f", time.Time{}, time.Time{})
	vals := []float64{}
	for _, p := range got {
		vals = append(vals, p.Value)
	}
	if !slices.Equal(vals, []float64{10, 2, 3}) {
		t.Fatalf("after publish: %v", vals)
	}
	if _, err := s.RevertBatch(w.ID(), ""); err != nil {
		t.Fatal(err)
	}
	vals = vals[:0]
	for _, p := range scanAll(t, s, "f", time.Time{}, time.Time{}) {
		vals = append(vals, p.Value)
	}
	if !slices.Equal(vals, []float64{1, 2}) {
		t.Fatalf("after revert: %v", vals)
	}
}

func TestItemPriors(t *testing.T) {
	s := openPointsTest(t)
	open := domain.Point{At: t0, ItemID: "T1", Opened: t0}
	if _, err := s.WriteBatch("tickets", BatchMeta{Shape: domain.ShapeItem}, seq(open)); err != nil {
		t.Fatal(err)
	}
	w, _ := s.BeginBatch("tickets", BatchMeta{Shape: domain.ShapeItem})
	w.Add(domain.Point{At: t0.Add(time.Hour), ItemID: "T1", Opened: t0, Resolved: t0.Add(time.Hour)}, 1)
	var n int
	w.Flush(func(p *domain.Point, row uint32, priors []Prior) Resolution {
		n = len(priors)
		return Replace
	})
	w.Publish(BatchMeta{Shape: domain.ShapeItem}, nil, nil)
	if n != 1 {
		t.Fatalf("item priors %d", n)
	}
	got := scanAll(t, s, "tickets", time.Time{}, time.Time{})
	if len(got) != 1 || got[0].Resolved.IsZero() {
		t.Fatalf("items: %+v", got)
	}
}

func TestScanMergesOverlappingBlocks(t *testing.T) {
	s := openPointsTest(t)
	rnd := rand.New(rand.NewPCG(1, 2))
	var all []domain.Point
	var ids []uint64
	for b := 0; b < 4; b++ {
		var pts []domain.Point
		for i := 0; i < 3000; i++ {
			// Interleaved times across batches, shuffled within a batch, some equal times.
			at := t0.Add(time.Duration(rnd.IntN(20000)) * time.Second)
			pts = append(pts, domain.Point{At: at, Value: float64(b*100000 + i), CI: []string{"", "a", "b"}[rnd.IntN(3)]})
		}
		id, err := s.WriteBatch("f", BatchMeta{}, slices.Values(pts))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
		for i := range pts {
			pts[i].Batch = id
		}
		all = append(all, pts...)
	}
	if _, err := s.RevertBatch(ids[2], ""); err != nil {
		t.Fatal(err)
	}
	var want []domain.Point
	for _, p := range all {
		if p.Batch != ids[2] {
			want = append(want, p)
		}
	}
	// Expected order: time, then batch, then row (= position within its batch).
	slices.SortStableFunc(want, func(a, b domain.Point) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return cmp.Compare(a.Batch, b.Batch)
	})
	for trial := 0; trial < 50; trial++ {
		from := t0.Add(time.Duration(rnd.IntN(21000)-500) * time.Second)
		to := from.Add(time.Duration(rnd.IntN(5000)) * time.Second)
		if trial == 0 {
			from, to = time.Time{}, time.Time{}
		}
		var exp []float64
		for _, p := range want {
			if (from.IsZero() || !p.At.Before(from)) && (to.IsZero() || p.At.Before(to)) {
				exp = append(exp, p.Value)
			}
		}
		var got []float64
		for _, p := range scanAll(t, s, "f", from, to) {
			got = append(got, p.Value)
		}
		if !slices.Equal(got, exp) {
			t.Fatalf("range %v..%v: got %d points, want %d", from, to, len(got), len(exp))
		}
	}
}

// FlushInOrder stores what FlushPoints stores for points in order, and
// refuses points out of order without storing any of them.
func TestFlushInOrder(t *testing.T) {
	pts := func(from, n int) []PendingPoint {
		var out []PendingPoint
		for i := from; i < from+n; i++ {
			at := t0.Add(time.Duration(i/2) * time.Minute) // pairs share a time, told apart by row
			out = append(out, PendingPoint{P: domain.Point{At: at, Value: float64(i%7) - 3, CI: fmt.Sprint("ci", i%2)}, Row: uint32(i + 2)})
		}
		return out
	}
	write := func(inOrder bool) ([]domain.Point, pointhash.Digest) {
		s := openPointsTest(t)
		w, err := s.BeginBatch("f", BatchMeta{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range [][]PendingPoint{pts(0, 1000), pts(1000, 3000)} {
			flush := w.FlushPoints
			if inOrder {
				flush = w.FlushInOrder
			}
			if err := flush(c, nil); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Publish(BatchMeta{}, nil, nil); err != nil {
			t.Fatal(err)
		}
		var d pointhash.Digest
		s.View(func(tx *Tx) error { d, err = tx.BatchDigest(w.ID()); return err })
		if err != nil {
			t.Fatal(err)
		}
		return scanAll(t, s, "f", time.Time{}, time.Time{}), d
	}
	got, gd := write(true)
	want, wd := write(false)
	if !slices.Equal(got, want) || len(got) != 4000 || !gd.Equal(wd) {
		t.Fatalf("FlushInOrder stored %d points (digest %v), FlushPoints %d (%v)", len(got), gd, len(want), wd)
	}

	s := openPointsTest(t)
	for _, bad := range [][]PendingPoint{
		append(pts(10, 5), pts(0, 1)...),            // an earlier time
		{pts(0, 2)[1], {P: pts(0, 2)[0].P, Row: 3}}, // the same time, the same row
		{pts(0, 2)[1], {P: pts(0, 2)[1].P, Row: 2}}, // the same time, an earlier row
	} {
		w, err := s.BeginBatch("f", BatchMeta{})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.FlushInOrder(bad, nil); !errors.Is(err, errOutOfOrder) {
			t.Errorf("out of order: %v", err)
		}
	}
	s.View(func(tx *Tx) error {
		if fb := tx.tx.Bucket(bucketPoints).Bucket([]byte("f")); fb != nil {
			if k, _ := fb.Cursor().First(); k != nil {
				t.Error("points stored out of order")
			}
		}
		return nil
	})
}
