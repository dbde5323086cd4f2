package storage

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"slate/internal/domain"
)

// appendV1Block encodes points (sorted by time, then row) as a schema-1 block.
func appendV1Block(dst []byte, pts []domain.Point, rows []uint32) []byte {
	first, last := timeKey(pts[0].At), timeKey(pts[len(pts)-1].At)
	dst = binary.AppendUvarint(dst, uint64(len(pts)))
	dst = binary.AppendUvarint(dst, last-first)
	prevTK, prevRow := first, rows[0]
	for i := range pts {
		tk := timeKey(pts[i].At)
		dst = binary.AppendUvarint(dst, tk-prevTK)
		dst = binary.AppendVarint(dst, int64(rows[i])-int64(prevRow))
		dst = appendPoint(dst, &pts[i])
		prevTK, prevRow = tk, rows[i]
	}
	return dst
}

// downgradeToV1 rewrites every stored block in the schema-1 format (blocks of
// at most 512 points in bucket "points") and marks the file schema 1: a
// database as the Slate before compressed blocks left it.
func downgradeToV1(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		old, err := tx.CreateBucket(bucketPointsV1)
		if err != nil {
			return err
		}
		top := tx.Bucket(bucketPoints)
		err = top.ForEachBucket(func(feed []byte) error {
			ob, err := old.CreateBucket(feed)
			if err != nil {
				return err
			}
			return top.Bucket(feed).ForEach(func(k, v []byte) error {
				var it blockIter
				if err := it.init(k, v); err != nil {
					return err
				}
				var pts []domain.Point
				var rows []uint32
				for {
					ok, err := it.next()
					if err != nil {
						return err
					}
					if !ok {
						break
					}
					pts, rows = append(pts, it.p), append(rows, it.row)
				}
				for i := 0; i < len(pts); i += 512 {
					j := min(len(pts), i+512)
					if err := ob.Put(pointKey(pts[i].At, it.batch, rows[i]), appendV1Block(nil, pts[i:j], rows[i:j])); err != nil {
						return err
					}
				}
				return nil
			})
		})
		if err != nil {
			return err
		}
		if err := tx.DeleteBucket(bucketPoints); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, u64(1))
	})
	if err != nil {
		t.Fatal(err)
	}
}

type storedPoint struct {
	P   domain.Point
	Row uint32
}

func everyPoint(t *testing.T, s *Store) map[string][]storedPoint {
	t.Helper()
	out := map[string][]storedPoint{}
	err := s.View(func(tx *Tx) error {
		for _, feed := range tx.PointFeeds() {
			err := tx.ScanPointRows(feed, time.Time{}, time.Time{}, func(p *domain.Point, row uint32) error {
				out[feed] = append(out[feed], storedPoint{*p, row})
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestMigrationCompressesSchema1Points(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "slate.db")
	s := openTest(t, path)
	// Latencies a minute apart over two months, in two batches that overlap.
	var lat []domain.Point
	for i := range 90_000 {
		lat = append(lat, domain.Point{At: t0.Add(time.Duration(i) * time.Minute), Value: float64(100+i%400) / 4})
	}
	if _, err := s.WriteBatch("lat", BatchMeta{}, slices.Values(lat[:60_000])); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriteBatch("lat", BatchMeta{}, slices.Values(lat[50_000:])); err != nil { // rows 50k–60k twice
		t.Fatal(err)
	}
	// Counts with CIs, written out of time order; one batch reverted.
	var counts []domain.Point
	for i := range 3000 {
		counts = append(counts, domain.Point{At: t0.Add(time.Duration(3000-i) * 5 * time.Minute), Good: float64(90 + i%11), Total: 100, CI: fmt.Sprintf("web-%02d", i%3)})
	}
	if _, err := s.WriteBatch("req", BatchMeta{}, slices.Values(counts)); err != nil {
		t.Fatal(err)
	}
	gone, err := s.WriteBatch("req", BatchMeta{}, slices.Values(counts[:100]))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RevertBatch(gone, "test"); err != nil {
		t.Fatal(err)
	}
	// Tickets, one replaced by a later batch.
	tickets := []domain.Point{
		{At: t0, ItemID: "T1", Opened: t0, Priority: "P1"},
		{At: t0.Add(3 * time.Hour), ItemID: "T2", Opened: t0.Add(time.Hour), Resolved: t0.Add(3 * time.Hour), Paused: 600},
	}
	if _, err := s.WriteBatch("desk", BatchMeta{Shape: domain.ShapeItem}, slices.Values(tickets)); err != nil {
		t.Fatal(err)
	}
	w, err := s.BeginBatch("desk", BatchMeta{Shape: domain.ShapeItem})
	if err != nil {
		t.Fatal(err)
	}
	w.Add(domain.Point{At: t0.Add(2 * time.Hour), ItemID: "T1", Opened: t0, Resolved: t0.Add(2 * time.Hour), Priority: "P1"}, 1)
	if err := w.Flush(func(*domain.Point, uint32, []Prior) Resolution { return Replace }); err != nil {
		t.Fatal(err)
	}
	if err := w.Publish(BatchMeta{Shape: domain.ShapeItem}, nil, nil); err != nil {
		t.Fatal(err)
	}
	want := everyPoint(t, s)
	if len(want["lat"]) != 100_000 || len(want["req"]) != 3000 || len(want["desk"]) != 2 {
		t.Fatalf("before: %d %d %d points", len(want["lat"]), len(want["req"]), len(want["desk"]))
	}
	s.Close()

	downgradeToV1(t, path)
	// A crash after three converting transactions: the tickets and part of
	// the latencies are converted, the schema is still 1.
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int) { convertPerTx = n }(convertPerTx)
	convertPerTx = 50
	conv := &v1Converter{builders: map[uint64]*blockBuilder{}}
	for range 3 {
		if err := db.Update(func(tx *bolt.Tx) error { _, err := conv.step(&Tx{tx: tx}); return err }); err != nil {
			t.Fatal(err)
		}
	}
	db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketPointsV1).Bucket([]byte("lat")) == nil || tx.Bucket(bucketPoints).Bucket([]byte("lat")) == nil {
			t.Fatal("the latencies should be half converted")
		}
		return nil
	})
	db.Close()

	s = openTest(t, path)
	if got := everyPoint(t, s); !reflect.DeepEqual(got, want) {
		for feed := range want {
			if !reflect.DeepEqual(got[feed], want[feed]) {
				t.Errorf("feed %s: %d points after migration, %d before", feed, len(got[feed]), len(want[feed]))
			}
		}
		t.Fatal("points differ after migration")
	}
	s.View(func(tx *Tx) error {
		if tx.tx.Bucket(bucketPointsV1) != nil {
			t.Error("schema-1 bucket left")
		}
		if v := fromU64(tx.tx.Bucket(bucketMeta).Get(keySchema)); v != SchemaVersion() {
			t.Errorf("schema %d after migration, want %d", v, SchemaVersion())
		}
		return nil
	})
	if _, err := os.Stat(path + ".schema-1.bak"); err != nil {
		t.Errorf("no backup of the schema-1 file: %v", err)
	}
	// The converted store goes on working: a revert removes its points.
	var ids []uint64
	s.View(func(tx *Tx) error {
		bs, _ := tx.Batches("lat")
		for _, b := range bs {
			ids = append(ids, b.ID)
		}
		return nil
	})
	if _, err := s.RevertBatch(ids[1], "test"); err != nil {
		t.Fatal(err)
	}
	if n := len(everyPoint(t, s)["lat"]); n != 60_000 {
		t.Fatalf("after reverting the second batch: %d points, want 60000", n)
	}
}
