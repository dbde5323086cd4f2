package storage

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"

	"slate/internal/domain"
	"slate/internal/pointhash"
)

// The audit trail covers the data: every published batch records, in its
// "import" event, the digest of exactly the points it published (and the
// stored points it replaced), computed with internal/pointhash from the
// points as this file stores them. The canonical stream lives in pointhash,
// apart from the block encoding, so a new point format keeps every hash.

// DataRecord is the "data" member of an import, revert or backfill event.
type DataRecord struct {
	Format string `json:"format"`
	Feed   string `json:"feed"`
	Batch  uint64 `json:"batch"`
	pointhash.Digest
}

func newDataRecord(feed string, id uint64, d pointhash.Digest) DataRecord {
	return DataRecord{Format: pointhash.Version, Feed: feed, Batch: id, Digest: d}
}

// withData returns details (a JSON object, or nothing) with "data" set to rec.
func withData(details any, rec DataRecord) (json.RawMessage, error) {
	m := map[string]json.RawMessage{}
	if details != nil {
		b, err := json.Marshal(details)
		if err != nil {
			return nil, err
		}
		if string(b) != "null" {
			if err := json.Unmarshal(b, &m); err != nil {
				return nil, fmt.Errorf("audit details must be a JSON object to carry the data hash: %w", err)
			}
		}
	}
	r, err := json.Marshal(rec)
	if err != nil {
		return nil, err
	}
	m["data"] = r
	return json.Marshal(m)
}

// batchOnly makes a visibility that sees the points of batch id and no others.
func batchOnly(id uint64) *visibility { return &visibility{cache: map[uint64]bool{}, own: id} }

// batchDigest hashes the stored points of batch id of feed whose time keys
// lie in [fromTK, toTK] (the batch's range; has is false when it has no
// points) and the points it replaced.
func (t *Tx) batchDigest(feed string, id uint64, has bool, fromTK, toTK uint64) (pointhash.Digest, error) {
	h := pointhash.New(feed, id)
	if has {
		s := t.rawScanner(feed, batchOnly(id), fromTK, toTK+1)
		if err := s.each(func(k []byte, p *domain.Point) error { return h.Add(p, keyRow(k)) }); err != nil {
			return pointhash.Digest{}, fmt.Errorf("batch %d: %w", id, err)
		}
	}
	if err := t.eachReplaced(feed, func(by uint64, k []byte) error {
		if by != id {
			return nil
		}
		return h.Replaced(keyTime(binary.BigEndian.Uint64(k)), keyBatch(k), keyRow(k))
	}); err != nil {
		return pointhash.Digest{}, err
	}
	return h.Sum()
}

// BatchDigest hashes the stored points of a batch (of any status) over the
// time range its record names.
func (t *Tx) BatchDigest(id uint64) (pointhash.Digest, error) {
	b, err := t.Batch(id)
	if err != nil {
		return pointhash.Digest{}, err
	}
	has := !b.From.IsZero() || !b.To.IsZero()
	return t.batchDigest(b.Feed, id, has, timeKey(b.From), timeKey(b.To))
}

// rawScanner walks the blocks of feed with time keys in [fromTK, endTK)
// (endTK 0 = open) that vis sees, without hiding replaced points.
func (t *Tx) rawScanner(feed string, vis *visibility, fromTK, endTK uint64) *scanner {
	pb := t.tx.Bucket(bucketPoints)
	if pb == nil {
		return nil
	}
	fb := pb.Bucket([]byte(feed))
	if fb == nil {
		return nil
	}
	s := &scanner{c: fb.Cursor(), vis: vis, fromTK: fromTK, endTK: endTK}
	m := t.feedMeta(feed)
	seek := uint64(0)
	if fromTK > m.maxSpan {
		seek = fromTK - m.maxSpan
	}
	var sk [8]byte
	binary.BigEndian.PutUint64(sk[:], seek)
	s.k, s.v = s.c.Seek(sk[:])
	return s
}

// eachReplaced calls fn with every supersede mark of feed, in key order:
// the batch that replaced the point and the replaced point's key.
func (t *Tx) eachReplaced(feed string, fn func(by uint64, k []byte) error) error {
	sb := t.tx.Bucket(bucketSupersede)
	if sb == nil {
		return nil
	}
	fb := sb.Bucket([]byte(feed))
	if fb == nil {
		return nil
	}
	return fb.ForEach(func(k, v []byte) error {
		if len(k) != pointKeyLen {
			return fmt.Errorf("feed %s: a replaced-point mark has a damaged key", feed)
		}
		return fn(fromU64(v), k)
	})
}

// allBatches sees the points of every batch.
func allBatches() *visibility { return &visibility{cache: map[uint64]bool{}, all: true} }

// FeedDigests hashes, in one pass over feed, every batch in ids: each batch's
// stored points wherever they lie in time, and the points it replaced. Points
// of other batches are skipped.
func (t *Tx) FeedDigests(feed string, ids []uint64) (map[uint64]pointhash.Digest, error) {
	hs := make(map[uint64]*pointhash.Hasher, len(ids))
	for _, id := range ids {
		hs[id] = pointhash.New(feed, id)
	}
	if s := t.rawScanner(feed, allBatches(), 0, 0); s != nil {
		err := s.each(func(k []byte, p *domain.Point) error {
			if h := hs[keyBatch(k)]; h != nil {
				return h.Add(p, keyRow(k))
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("feed %s: %w", feed, err)
		}
	}
	if err := t.eachReplaced(feed, func(by uint64, k []byte) error {
		if h := hs[by]; h != nil {
			return h.Replaced(keyTime(binary.BigEndian.Uint64(k)), keyBatch(k), keyRow(k))
		}
		return nil
	}); err != nil {
		return nil, err
	}
	out := make(map[uint64]pointhash.Digest, len(ids))
	for id, h := range hs {
		d, err := h.Sum()
		if err != nil {
			return nil, fmt.Errorf("feed %s batch %d: %w", feed, id, err)
		}
		out[id] = d
	}
	return out, nil
}

// publishedStates lists the batches readers see (batchstate = published).
func (t *Tx) publishedStates() ([]uint64, error) {
	var out []uint64
	b := t.tx.Bucket(bucketBatchState)
	if b == nil {
		return nil, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		if len(v) == 1 && v[0] == publishedCode {
			out = append(out, fromU64(k))
		}
		return nil
	})
	return out, err
}

// backfillDataHashes is migration 2: batches published before the data
// joined the chain get their digest from the points stored now, in one
// audit event that says so.
func backfillDataHashes(t *Tx) error {
	ids, err := t.publishedStates()
	if err != nil || len(ids) == 0 {
		return err
	}
	byFeed := map[string][]uint64{}
	for _, id := range ids {
		b, err := t.Batch(id)
		if err != nil {
			return err
		}
		byFeed[b.Feed] = append(byFeed[b.Feed], id)
	}
	var recs []DataRecord
	for feed, fids := range byFeed {
		ds, err := t.FeedDigests(feed, fids)
		if err != nil {
			return err
		}
		for _, id := range fids {
			recs = append(recs, newDataRecord(feed, id, ds[id]))
		}
	}
	slices.SortFunc(recs, func(a, b DataRecord) int { return cmpU64(a.Batch, b.Batch) })
	_, err = t.Audit(ActionDataBackfill, "Batches", map[string]any{
		"note": "backfilled at migration: these batches were published before Slate recorded data hashes; " +
			"each hash is of the points stored at this migration, so it vouches for the data from this event on, not for what was imported",
		"batches": recs,
	})
	return err
}

func cmpU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
