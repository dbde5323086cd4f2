package storage

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"slate/internal/domain"
	"slate/internal/pointhash"
)

// tamperFixture is a database with two batches of feed "lat" (batch 1: 1518
// at every minute of hour 0; batch 2: 1383 in hour 1), one of "other", and a
// replace: batch 4 replaces batch 1's first point.
func tamperFixture(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "slate.db")
	s := openTest(t, path)
	minute := func(batchHour, i int, v float64) domain.Point {
		return domain.Point{At: t0.Add(time.Duration(batchHour)*time.Hour + time.Duration(i)*time.Minute), Value: v}
	}
	var a, b, c []domain.Point
	for i := range 60 {
		a = append(a, minute(0, i, 1518))
		b = append(b, minute(1, i, 1383))
		c = append(c, minute(0, i, 7))
	}
	for _, w := range []struct {
		feed string
		pts  []domain.Point
	}{{"lat", a}, {"lat", b}, {"other", c}} {
		if _, err := s.WriteBatch(w.feed, BatchMeta{File: w.feed + ".csv"}, seq(w.pts...)); err != nil {
			t.Fatal(err)
		}
	}
	bw, err := s.BeginBatch("lat", BatchMeta{File: "fix.csv"})
	if err != nil {
		t.Fatal(err)
	}
	bw.Add(minute(0, 0, 1600), 1)
	if err := bw.Flush(func(*domain.Point, uint32, []Prior) Resolution { return Replace }); err != nil {
		t.Fatal(err)
	}
	if err := bw.Publish(BatchMeta{File: "fix.csv"}, map[string]any{"feed": "lat"}, nil); err != nil {
		t.Fatal(err)
	}
	if v := fullVerify(t, s, VerifyOptions{}); !v.OK || !v.DataChecked || v.Batches != 4 || v.Points != 181 {
		t.Fatalf("fresh database: %+v", v)
	}
	return s, path
}

func fullVerify(t *testing.T, s *Store, o VerifyOptions) Verification {
	t.Helper()
	var v Verification
	if err := s.View(func(tx *Tx) error { var err error; v, err = tx.Verify(o); return err }); err != nil {
		t.Fatal(err)
	}
	return v
}

func headOf(t *testing.T, s *Store) Head {
	var h Head
	s.View(func(tx *Tx) error { var err error; h.Seq, h.Hash, err = tx.AuditHead(); return err })
	return h
}

// flipInFile replaces every copy of old with new in the database file itself
// (bbolt keeps no page checksums: only Slate's hashes can notice).
func flipInFile(t *testing.T, path string, old, new []byte) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(raw, old); n == 0 {
		t.Fatalf("% x not found in the file", old)
	}
	if err := os.WriteFile(path, bytes.ReplaceAll(raw, old, new), 0o600); err != nil {
		t.Fatal(err)
	}
}

// blockBytes returns the stored blocks of one batch of feed, as they are in
// the file, and each re-encoded after edit changed its points.
func blockBytes(t *testing.T, s *Store, feed string, batch uint64, edit func(p *domain.Point)) (old, changed [][]byte) {
	t.Helper()
	s.View(func(tx *Tx) error {
		return tx.tx.Bucket(bucketPoints).Bucket([]byte(feed)).ForEach(func(k, v []byte) error {
			if keyBatch(k) != batch {
				return nil
			}
			var it blockIter
			if err := it.init(k, v); err != nil {
				t.Fatal(err)
			}
			var bb blockBuilder
			for {
				ok, err := it.next()
				if err != nil || !ok {
					break
				}
				p := it.p
				edit(&p)
				bb.add(&p, it.row)
			}
			old = append(old, bytes.Clone(v))
			changed = append(changed, bb.blk.Append(nil))
			return nil
		})
	})
	return old, changed
}

func TestTamperPointValueInFile(t *testing.T) {
	s, path := tamperFixture(t)
	// Every 1383 of batch 2 becomes 1382, in the block's own encoding (the
	// same length, so the file stays a valid bbolt file): the figures
	// change, the chain does not.
	old, changed := blockBytes(t, s, "lat", 2, func(p *domain.Point) {
		if p.Value == 1383 {
			p.Value = 1382
		}
	})
	s.Close()
	for i := range old {
		if len(old[i]) != len(changed[i]) {
			t.Fatalf("the edited block is %d bytes, the stored one %d", len(changed[i]), len(old[i]))
		}
		flipInFile(t, path, old[i], changed[i])
	}
	s = openTest(t, path)
	defer s.Close()
	if v := fullVerify(t, s, VerifyOptions{Quick: true}); !v.OK {
		t.Fatalf("the chain alone should still verify (it does not cover the points): %+v", v)
	}
	v := fullVerify(t, s, VerifyOptions{})
	if v.OK || v.BadBatch != 2 || !strings.Contains(v.Problem, "batch 2 (feed lat): its stored points no longer match") {
		t.Fatalf("got %+v, want batch 2 named", v)
	}
}

// rewriteBlocks decodes every block of feed, lets edit change its points, and
// stores them again with a correct encoding: a careful attacker.
func rewriteBlocks(t *testing.T, s *Store, feed string, edit func(batch uint64, pts []PendingPoint) (uint64, []PendingPoint)) {
	t.Helper()
	err := s.db.Update(func(tx *bolt.Tx) error {
		fb := tx.Bucket(bucketPoints).Bucket([]byte(feed))
		type block struct {
			k   []byte
			pts []PendingPoint
		}
		var blocks []block
		fb.ForEach(func(k, v []byte) error {
			var it blockIter
			if err := it.init(k, v); err != nil {
				return err
			}
			b := block{k: bytes.Clone(k)}
			for {
				ok, err := it.next()
				if err != nil {
					return err
				}
				if !ok {
					break
				}
				b.pts = append(b.pts, PendingPoint{it.p, it.row})
			}
			blocks = append(blocks, b)
			return nil
		})
		var sl slab
		for _, b := range blocks {
			if err := fb.Delete(b.k); err != nil {
				return err
			}
			batch, pts := edit(keyBatch(b.k), b.pts)
			if len(pts) == 0 {
				continue
			}
			var bb blockBuilder
			for i := range pts {
				bb.add(&pts[i].P, pts[i].Row)
			}
			if err := bb.finish(&sl, batch, func(k, v []byte, _, _ uint64) error { return fb.Put(k, v) }); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestTamperPointDeleted(t *testing.T) {
	s, _ := tamperFixture(t)
	defer s.Close()
	rewriteBlocks(t, s, "lat", func(batch uint64, pts []PendingPoint) (uint64, []PendingPoint) {
		if batch == 2 {
			pts = append(pts[:10], pts[11:]...)
		}
		return batch, pts
	})
	v := fullVerify(t, s, VerifyOptions{})
	if v.OK || v.BadBatch != 2 || !strings.Contains(v.Problem, "recorded 60 points") || !strings.Contains(v.Problem, "stored now 59 points") {
		t.Fatalf("got %+v, want batch 2 named with 60 → 59 points", v)
	}
}

func TestTamperBatchesSwapped(t *testing.T) {
	s, _ := tamperFixture(t)
	defer s.Close()
	// Batch 1's points now belong to batch 2 and the other way round: the
	// figures stay, but a revert of batch 2 would now remove the wrong data.
	rewriteBlocks(t, s, "lat", func(batch uint64, pts []PendingPoint) (uint64, []PendingPoint) {
		switch batch {
		case 1:
			return 2, pts
		case 2:
			return 1, pts
		}
		return batch, pts
	})
	v := fullVerify(t, s, VerifyOptions{})
	if v.OK || v.BadBatch != 1 || !strings.Contains(v.Problem, "2 batches have problems") {
		t.Fatalf("got %+v, want batch 1 named first of 2", v)
	}
}

func TestTamperReplaceMarkAndInventedBatch(t *testing.T) {
	t.Run("replace mark removed", func(t *testing.T) {
		s, _ := tamperFixture(t)
		defer s.Close()
		// Batch 1's original 1518 comes back into view.
		s.db.Update(func(tx *bolt.Tx) error {
			fb := tx.Bucket(bucketSupersede).Bucket([]byte("lat"))
			k, _ := fb.Cursor().First()
			return fb.Delete(k)
		})
		if v := fullVerify(t, s, VerifyOptions{}); v.OK || v.BadBatch != 4 {
			t.Fatalf("got %+v, want batch 4 named", v)
		}
	})
	t.Run("batch made visible without an import", func(t *testing.T) {
		s, _ := tamperFixture(t)
		defer s.Close()
		w, _ := s.BeginBatch("lat", BatchMeta{})
		w.Add(domain.Point{At: t0.Add(5 * time.Hour), Value: 1}, 1)
		w.Flush(nil)
		s.db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket(bucketBatchState).Put(u64(w.ID()), []byte{publishedCode})
		})
		v := fullVerify(t, s, VerifyOptions{})
		if v.OK || v.BadBatch != w.ID() || !strings.Contains(v.Problem, "never published it") {
			t.Fatalf("got %+v, want batch %d named", v, w.ID())
		}
	})
}

// rehash rewrites the chain from event from onwards (after edit changed the
// events) with correct hashes and moves the head: all inside the file.
func rehash(t *testing.T, s *Store, edit func(evs []AuditEvent) []AuditEvent) {
	t.Helper()
	err := s.db.Update(func(tx *bolt.Tx) error {
		ab := tx.Bucket(bucketAudit)
		var evs []AuditEvent
		ab.ForEach(func(k, v []byte) error {
			var e AuditEvent
			json.Unmarshal(v, &e)
			evs = append(evs, e)
			return nil
		})
		for _, e := range evs {
			ab.Delete(u64(e.Seq))
		}
		evs = edit(evs)
		prev := ""
		for i := range evs {
			evs[i].Prev = prev
			evs[i].Hash, _ = evs[i].computeHash()
			prev = evs[i].Hash
			v, _ := json.Marshal(evs[i])
			if err := ab.Put(u64(evs[i].Seq), v); err != nil {
				return err
			}
		}
		last := evs[len(evs)-1]
		hv, _ := json.Marshal(chainHead{last.Seq, last.Hash})
		return tx.Bucket(bucketMeta).Put(keyAuditHead, hv)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestTamperChainRehashedNeedsAnchor(t *testing.T) {
	s, _ := tamperFixture(t)
	defer s.Close()
	early := Head{Seq: 2}
	s.View(func(tx *Tx) error {
		evs, _ := tx.AuditEvents(2)
		early.Hash = evs[0].Hash
		return nil
	})
	anchor := headOf(t, s)
	// Event 3 now says it imported another file; everything is re-hashed.
	rehash(t, s, func(evs []AuditEvent) []AuditEvent {
		evs[2].Details = json.RawMessage(strings.Replace(string(evs[2].Details), "other.csv", "innocent.csv", 1))
		return evs
	})
	if v := fullVerify(t, s, VerifyOptions{}); !v.OK {
		t.Fatalf("without an anchor a re-hashed chain cannot be told from an intact one; got %+v", v)
	}
	v := fullVerify(t, s, VerifyOptions{Anchor: &anchor})
	if v.OK || v.Anchor == nil || v.Anchor.OK || !strings.Contains(v.Problem, "was rewritten and the chain re-hashed") {
		t.Fatalf("with the anchor: %+v", v)
	}
	byHash := Head{Hash: anchor.Hash}
	if v := fullVerify(t, s, VerifyOptions{Anchor: &byHash}); v.OK || !strings.Contains(v.Problem, "no event of the chain has the anchored hash") {
		t.Fatalf("anchor by hash only: %+v", v)
	}
	// An anchor from before the rewritten event still holds.
	if v := fullVerify(t, s, VerifyOptions{Anchor: &early}); !v.OK || !v.Anchor.OK {
		t.Fatalf("anchor at event 2, before the rewrite: %+v", v)
	}
}

func TestTamperLastEventRemovedNeedsAnchor(t *testing.T) {
	s, _ := tamperFixture(t)
	defer s.Close()
	anchor := headOf(t, s)
	rehash(t, s, func(evs []AuditEvent) []AuditEvent { return evs[:len(evs)-1] })
	// The removed event published batch 4: without it, batch 4's data is
	// visible but unpublished, so the data pass notices even without an anchor.
	if v := fullVerify(t, s, VerifyOptions{Quick: true}); !v.OK {
		t.Fatalf("the chain alone cannot notice a cut tail: %+v", v)
	}
	if v := fullVerify(t, s, VerifyOptions{}); v.OK || v.BadBatch != 4 || !strings.Contains(v.Problem, "never published it") {
		t.Fatalf("data pass: %+v, want batch 4 named", v)
	}
	v := fullVerify(t, s, VerifyOptions{Quick: true, Anchor: &anchor})
	want := "the anchor records event 4 but the chain now ends at event 3: events were removed from the end and the head moved back"
	if v.OK || v.Anchor == nil || v.Problem != want {
		t.Fatalf("with the anchor: %+v\nwant problem %q", v, want)
	}
}

func TestPublishRecordsDigest(t *testing.T) {
	s, _ := tamperFixture(t)
	defer s.Close()
	var rec DataRecord
	s.View(func(tx *Tx) error {
		evs, _ := tx.AuditEvents(2)
		var d struct{ Data DataRecord }
		json.Unmarshal(evs[0].Details, &d)
		rec = d.Data
		return nil
	})
	// Independently: hash batch 2's points as they were given.
	h := pointhash.New("lat", 2)
	for i := range 60 {
		h.Add(&domain.Point{At: t0.Add(time.Hour + time.Duration(i)*time.Minute), Value: 1383}, uint32(i+1))
	}
	want, _ := h.Sum()
	if rec.Format != pointhash.Version || rec.Batch != 2 || rec.Feed != "lat" || !rec.Digest.Equal(want) {
		t.Fatalf("import event 2 records %+v, want %+v", rec, want)
	}
	// A revert records what it withdrew: the same digest.
	if _, err := s.RevertBatch(2, "test"); err != nil {
		t.Fatal(err)
	}
	s.View(func(tx *Tx) error {
		seq, _, _ := tx.AuditHead()
		evs, _ := tx.AuditEvents(seq)
		var d struct{ Data DataRecord }
		json.Unmarshal(evs[0].Details, &d)
		if evs[0].Action != ActionRevert || !d.Data.Digest.Equal(want) {
			t.Errorf("revert event %s records %+v, want %+v", evs[0].Action, d.Data, want)
		}
		return nil
	})
	if v := fullVerify(t, s, VerifyOptions{}); !v.OK || v.Batches != 3 {
		t.Fatalf("after the revert: %+v", v)
	}
}

// TestMigrationBackfillsDataHashes turns a fresh database into one written
// before data hashes (schema 1, import events without "data") and reopens it.
func TestMigrationBackfillsDataHashes(t *testing.T) {
	s, path := tamperFixture(t)
	rehash(t, s, func(evs []AuditEvent) []AuditEvent {
		for i := range evs {
			var m map[string]json.RawMessage
			json.Unmarshal(evs[i].Details, &m)
			delete(m, "data")
			evs[i].Details, _ = json.Marshal(m)
		}
		return evs
	})
	s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, u64(1)) })
	if v := fullVerify(t, s, VerifyOptions{}); v.OK || !strings.Contains(v.Problem, "has no recorded data hash") {
		t.Fatalf("old-style trail before migration: %+v", v)
	}
	s.Close()
	s = openTest(t, path)
	defer s.Close()
	if _, err := os.Stat(path + ".schema-1.bak"); err != nil {
		t.Fatalf("no backup before the migration: %v", err)
	}
	v := fullVerify(t, s, VerifyOptions{})
	if !v.OK || v.Batches != 4 {
		t.Fatalf("after migration: %+v", v)
	}
	var last AuditEvent
	s.View(func(tx *Tx) error {
		evs, _ := tx.AuditEvents(v.Events)
		last = evs[0]
		return nil
	})
	if last.Action != ActionDataBackfill || !strings.Contains(string(last.Details), "backfilled at migration") {
		t.Fatalf("last event %s %s", last.Action, last.Details)
	}
}

// BenchmarkBatchDigest is the publish-time cost of the data hash: re-reading
// a batch of 1M points and hashing their canonical stream.
func BenchmarkBatchDigest(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "slate.db"), Options{Actor: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	pts := func(yield func(domain.Point) bool) {
		for i := range 1_000_000 {
			if !yield(domain.Point{At: t0.Add(time.Duration(i) * time.Second), Value: float64(i % 977)}) {
				return
			}
		}
	}
	id, err := s.WriteBatch("lat", BatchMeta{}, pts)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s.View(func(tx *Tx) error {
			d, err := tx.BatchDigest(id)
			if err != nil || d.Points != 1_000_000 {
				b.Fatal(d, err)
			}
			return nil
		})
	}
}

// TestDigestOrderOfFlushes: a file sorted by time is hashed while it is
// written; one whose second chunk goes back in time is re-read at publish.
// Both must record the digest of the canonical stream.
func TestDigestOrderOfFlushes(t *testing.T) {
	for _, backwards := range []bool{false, true} {
		s := openTest(t, filepath.Join(t.TempDir(), "slate.db"))
		w, err := s.BeginBatch("lat", BatchMeta{})
		if err != nil {
			t.Fatal(err)
		}
		at := func(i int) domain.Point {
			return domain.Point{At: t0.Add(time.Duration(i) * time.Minute), Value: float64(i)}
		}
		first, second := []int{10, 11, 12}, []int{13, 14}
		if backwards {
			second = []int{1, 2}
		}
		row := uint32(0)
		for _, chunk := range [][]int{first, second} {
			for _, i := range chunk {
				row++
				w.Add(at(i), row)
			}
			if err := w.Flush(nil); err != nil {
				t.Fatal(err)
			}
		}
		if (w.hash == nil) != backwards {
			t.Fatalf("backwards %v: incremental hash kept = %v", backwards, w.hash != nil)
		}
		if err := w.Publish(BatchMeta{}, nil, nil); err != nil {
			t.Fatal(err)
		}
		h := pointhash.New("lat", w.ID())
		order := append(append([]int{}, first...), second...)
		rows := map[int]uint32{}
		for k, i := range order {
			rows[i] = uint32(k + 1)
		}
		if backwards {
			order = append(append([]int{}, second...), first...)
		}
		for _, i := range order {
			p := at(i)
			h.Add(&p, rows[i])
		}
		want, _ := h.Sum()
		var rec DataRecord
		s.View(func(tx *Tx) error {
			evs, _ := tx.AuditEvents(1)
			var d struct{ Data DataRecord }
			json.Unmarshal(evs[0].Details, &d)
			rec = d.Data
			return nil
		})
		if !rec.Digest.Equal(want) {
			t.Errorf("backwards %v: recorded %+v, want %+v", backwards, rec.Digest, want)
		}
		if v := fullVerify(t, s, VerifyOptions{}); !v.OK {
			t.Errorf("backwards %v: %+v", backwards, v)
		}
		s.Close()
	}
}
