package storage

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	bolt "go.etcd.io/bbolt"

	"slate/internal/domain"
)

// BatchStatus is where a batch is in its lifecycle:
// staging → published → reverted, or staging → discarded (refused, dry run, crash).
// In JSON (stored records, the API) it is the word.
type BatchStatus string

const (
	StatusStaging   BatchStatus = "staging"
	StatusPublished BatchStatus = "published"
	StatusReverted  BatchStatus = "reverted"
	StatusDiscarded BatchStatus = "discarded"
)

func (s BatchStatus) String() string { return string(s) }

// Visible reports whether readers see the batch's points.
func (s BatchStatus) Visible() bool { return s == StatusPublished }

// stateCodes are the 1-byte codes of batchstate (the readers' fast check).
var stateCodes = map[BatchStatus]byte{StatusStaging: 1, StatusPublished: 2, StatusReverted: 3, StatusDiscarded: 4}

const publishedCode = 2

// ErrNoBatch means no batch has the id.
var ErrNoBatch = errors.New("no such batch")

// AlreadyImportedError refuses a file whose SHA-256 was already imported into the feed.
type AlreadyImportedError struct {
	Feed  string
	Batch uint64
}

func (e *AlreadyImportedError) Error() string {
	return fmt.Sprintf("this file was already imported into feed %s as batch %d; nothing added (revert batch %d first to import it again)", e.Feed, e.Batch, e.Batch)
}

// BatchCounts are the row counts of an import: Read = Imported + Rejected + Empty.
type BatchCounts struct {
	Read     int `json:"read"`
	Imported int `json:"imported"`
	Rejected int `json:"rejected"`
	Empty    int `json:"empty"`
	// Warnings is the number of imported rows that carry a warning.
	Warnings int `json:"warnings"`
	// Replaced is the number of stored points this batch replaced (--on-conflict replace).
	Replaced int `json:"replaced,omitempty"`
}

// BatchMeta is what the importer tells storage about a batch.
type BatchMeta struct {
	Shape      string          `json:"shape,omitempty"`
	File       string          `json:"file,omitempty"`
	Size       int64           `json:"size,omitempty"`
	SHA256     string          `json:"sha256,omitempty"`
	Format     string          `json:"format,omitempty"`
	Sheet      string          `json:"sheet,omitempty"`
	Encoding   string          `json:"encoding,omitempty"`
	Delimiter  string          `json:"delimiter,omitempty"`
	HeaderRow  int             `json:"headerRow,omitempty"`
	Header     []string        `json:"header,omitempty"`
	Mapping    *domain.Mapping `json:"mapping,omitempty"`
	OnConflict string          `json:"onConflict,omitempty"`
	Counts     BatchCounts     `json:"counts"`
	// Findings counts findings by kind.
	Findings map[string]int `json:"findings,omitempty"`
}

// Batch is one import: its metadata, status and the time range of its points.
type Batch struct {
	ID     uint64      `json:"id"`
	Feed   string      `json:"feed"`
	Status BatchStatus `json:"status"`
	BatchMeta
	From         time.Time `json:"from,omitzero"`
	To           time.Time `json:"to,omitzero"`
	Created      time.Time `json:"created"`
	Published    time.Time `json:"published,omitzero"`
	Reverted     time.Time `json:"reverted,omitzero"`
	SourceChunks int       `json:"sourceChunks,omitempty"`
	SourceBytes  int64     `json:"sourceBytes,omitempty"`
	// SourceLines: the original file is rendered from the batch's points and
	// the lines kept as read (lines.go); the points stay when it is reverted.
	SourceLines bool `json:"sourceLines,omitempty"`
	Purged      bool `json:"purged,omitempty"`
}

func shaKey(feed, sha string) []byte { return []byte(feed + "\x00" + sha) }

func (t *Tx) bucket(name []byte) (*bolt.Bucket, error) {
	if b := t.tx.Bucket(name); b != nil {
		return b, nil
	}
	if !t.tx.Writable() {
		return nil, nil
	}
	return t.tx.CreateBucketIfNotExists(name)
}

// Batch reads one batch record.
func (t *Tx) Batch(id uint64) (Batch, error) {
	var b Batch
	bb := t.tx.Bucket(bucketBatches)
	var v []byte
	if bb != nil {
		v = bb.Get(u64(id))
	}
	if v == nil {
		return b, fmt.Errorf("batch %d: %w", id, ErrNoBatch)
	}
	if err := json.Unmarshal(v, &b); err != nil {
		return b, fmt.Errorf("batch %d is unreadable: %w", id, err)
	}
	return b, nil
}

func (t *Tx) putBatch(b *Batch) error {
	bb, err := t.bucket(bucketBatches)
	if err != nil {
		return err
	}
	v, err := json.Marshal(b)
	if err != nil {
		return err
	}
	if err := bb.Put(u64(b.ID), v); err != nil {
		return err
	}
	sb, err := t.bucket(bucketBatchState)
	if err != nil {
		return err
	}
	if err := sb.Put(u64(b.ID), []byte{stateCodes[b.Status]}); err != nil {
		return err
	}
	return t.putSpan(b)
}

// Batches lists the batches (of one feed, or all with feed ""), oldest first,
// without discarded and staging ones.
func (t *Tx) Batches(feed string) ([]Batch, error) {
	var out []Batch
	bb := t.tx.Bucket(bucketBatches)
	if bb == nil {
		return out, nil
	}
	err := bb.ForEach(func(k, v []byte) error {
		var b Batch
		if err := json.Unmarshal(v, &b); err != nil {
			return fmt.Errorf("batch %d is unreadable: %w", fromU64(k), err)
		}
		if (feed == "" || b.Feed == feed) && (b.Status == StatusPublished || b.Status == StatusReverted) {
			out = append(out, b)
		}
		return nil
	})
	return out, err
}

// FindImported returns the published batch that imported a file with this SHA-256 into feed.
func (t *Tx) FindImported(feed, sha string) (uint64, bool) {
	b := t.tx.Bucket(bucketBatchSHA)
	if b == nil {
		return 0, false
	}
	v := b.Get(shaKey(feed, sha))
	if v == nil {
		return 0, false
	}
	return fromU64(v), true
}

// BatchFindings calls fn with each stored finding (JSON) of a batch, in order.
func (t *Tx) BatchFindings(id uint64, fn func(v []byte) error) error {
	return t.forEachSub(bucketBatchFind, id, func(_, v []byte) error { return fn(v) })
}

// BatchRejects calls fn with each rejected row (JSON) of a batch, in row order.
func (t *Tx) BatchRejects(id uint64, fn func(row uint64, v []byte) error) error {
	return t.forEachSub(bucketBatchRej, id, func(k, v []byte) error { return fn(fromU64(k), v) })
}

func (t *Tx) forEachSub(top []byte, id uint64, fn func(k, v []byte) error) error {
	tb := t.tx.Bucket(top)
	if tb == nil {
		return nil
	}
	b := tb.Bucket(u64(id))
	if b == nil {
		return nil
	}
	return b.ForEach(fn)
}

// BatchSource writes the original file of a batch (decompressed) to w.
func (t *Tx) BatchSource(id uint64, w io.Writer) (int64, error) {
	tb := t.tx.Bucket(bucketBatchSrc)
	var b *bolt.Bucket
	if tb != nil {
		b = tb.Bucket(u64(id))
	}
	if b == nil {
		return 0, fmt.Errorf("batch %d has no stored source file", id)
	}
	zr, err := gzip.NewReader(&chunkReader{c: b.Cursor()})
	if err != nil {
		return 0, fmt.Errorf("batch %d source: %w", id, err)
	}
	n, err := io.Copy(w, zr)
	if err != nil {
		return n, fmt.Errorf("batch %d source: %w", id, err)
	}
	return n, nil
}

func (s *Store) RevertBatch(id uint64, reason string) (Batch, error) {
	var b Batch
	err := s.Update(func(t *Tx) error {
		var err error
		if b, err = t.Batch(id); err != nil {
			return err
		}
		if b.Status != StatusPublished {
			return fmt.Errorf("batch %d is %s; only a published batch can be reverted", id, b.Status)
		}
		b.Status = StatusReverted
		b.Reverted = s.now().UTC()
		if err := t.putBatch(&b); err != nil {
			return err
		}
		if sb := t.tx.Bucket(bucketBatchSHA); sb != nil && b.SHA256 != "" {
			if v := sb.Get(shaKey(b.Feed, b.SHA256)); fromU64(v) == id {
				if err := sb.Delete(shaKey(b.Feed, b.SHA256)); err != nil {
					return err
				}
			}
		}
		// The digest of what is withdrawn, read before the points go.
		d, err := t.BatchDigest(id)
		if err != nil {
			return err
		}
		details, err := withData(map[string]any{
			"batch": id, "feed": b.Feed, "file": b.File, "sha256": b.SHA256, "points": b.Counts.Imported, "reason": reason,
		}, newDataRecord(b.Feed, id, d))
		if err != nil {
			return err
		}
		_, err = t.Audit(ActionRevert, fmt.Sprintf("Batch/%d", id), details)
		return err
	})
	if err != nil {
		return b, err
	}
	if err := s.purge(id); err != nil {
		return b, fmt.Errorf("batch %d reverted; removing its points failed (retried at next open): %w", id, err)
	}
	return s.batch(id)
}

func (s *Store) batch(id uint64) (Batch, error) {
	var b Batch
	err := s.View(func(t *Tx) error {
		var err error
		b, err = t.Batch(id)
		return err
	})
	return b, err
}

// RecoverBatches finishes what a crash interrupted: staging batches are
// discarded and removed, reverted ones lose their remaining points. It reports
// how many batches it cleaned.
func (s *Store) RecoverBatches() (int, error) {
	var ids []uint64
	err := s.Update(func(t *Tx) error {
		bb := t.tx.Bucket(bucketBatches)
		if bb == nil {
			return nil
		}
		var fix []Batch
		err := bb.ForEach(func(k, v []byte) error {
			var b Batch
			if err := json.Unmarshal(v, &b); err != nil {
				return fmt.Errorf("batch %d is unreadable: %w", fromU64(k), err)
			}
			switch b.Status {
			case StatusStaging:
				b.Status = StatusDiscarded
				fix = append(fix, b)
				ids = append(ids, b.ID)
			case StatusDiscarded:
				ids = append(ids, b.ID)
			case StatusReverted:
				if !b.Purged {
					ids = append(ids, b.ID)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		for i := range fix {
			if err := t.putBatch(&fix[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		if err := s.purge(id); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

// purge deletes the points of a reverted or discarded batch in bounded
// transactions; a discarded batch then disappears completely.
func (s *Store) purge(id uint64) error {
	b, err := s.batch(id)
	if err != nil {
		return err
	}
	st := b.Status
	if st != StatusReverted && st != StatusDiscarded {
		return fmt.Errorf("purge batch %d: it is %s", id, b.Status)
	}
	// A reverted batch whose file is rendered from its points keeps them.
	keep := st == StatusReverted && b.SourceLines
	if !keep && (!b.From.IsZero() || !b.To.IsZero()) {
		start := timeKey(b.From)
		for {
			var more bool
			err := s.Update(func(t *Tx) error {
				var err error
				start, more, err = t.deleteBatchPoints(b, start, flushRows/256)
				return err
			})
			if err != nil {
				return err
			}
			if !more {
				break
			}
		}
	}
	return s.Update(func(t *Tx) error {
		if sb := t.tx.Bucket(bucketSupersede); sb != nil {
			if fb := sb.Bucket([]byte(b.Feed)); fb != nil {
				var del [][]byte
				_ = fb.ForEach(func(k, v []byte) error {
					if fromU64(v) == id {
						del = append(del, bytes.Clone(k))
					}
					return nil
				})
				for _, k := range del {
					if err := fb.Delete(k); err != nil {
						return err
					}
				}
			}
		}
		if st == StatusReverted {
			b.Purged = true
			return t.putBatch(&b)
		}
		for _, top := range [][]byte{bucketBatchFind, bucketBatchRej, bucketBatchSrc, bucketBatchLines} {
			if tb := t.tx.Bucket(top); tb != nil && tb.Bucket(u64(id)) != nil {
				if err := tb.DeleteBucket(u64(id)); err != nil {
					return err
				}
			}
		}
		if bb := t.tx.Bucket(bucketBatches); bb != nil {
			if err := bb.Delete(u64(id)); err != nil {
				return err
			}
		}
		if sb := t.tx.Bucket(bucketBatchState); sb != nil {
			return sb.Delete(u64(id))
		}
		return nil
	})
}

// deleteBatchPoints deletes up to limit blocks of batch b from time key start;
// it returns where to continue and whether more may remain.
func (t *Tx) deleteBatchPoints(b Batch, start uint64, limit int) (uint64, bool, error) {
	pb := t.tx.Bucket(bucketPoints)
	if pb == nil {
		return 0, false, nil
	}
	fb := pb.Bucket([]byte(b.Feed))
	if fb == nil {
		return 0, false, nil
	}
	var ib *bolt.Bucket
	if top := t.tx.Bucket(bucketItems); top != nil {
		ib = top.Bucket([]byte(b.Feed))
	}
	// A batch's blocks start inside its [From, To].
	end := timeKey(b.To)
	var seek [8]byte
	binary.BigEndian.PutUint64(seek[:], start)
	c := fb.Cursor()
	n := 0
	k, v := c.Seek(seek[:])
	for k != nil {
		if len(k) != pointKeyLen {
			k, v = c.Next()
			continue
		}
		tk := binary.BigEndian.Uint64(k)
		if tk > end {
			return 0, false, nil
		}
		if n >= limit {
			return tk, true, nil
		}
		if keyBatch(k) != b.ID {
			k, v = c.Next()
			continue
		}
		if ib != nil {
			var it blockIter
			if err := it.init(k, v); err == nil {
				for {
					ok, err := it.next()
					if err != nil || !ok {
						break
					}
					if it.p.ItemID != "" {
						if err := removeItemBatch(ib, it.p.ItemID, b.ID); err != nil {
							return 0, false, err
						}
					}
				}
			}
		}
		kk := bytes.Clone(k)
		if err := c.Delete(); err != nil {
			return 0, false, err
		}
		n++
		k, v = c.Seek(kk)
	}
	return 0, false, nil
}

func removeItemBatch(ib *bolt.Bucket, item string, batch uint64) error {
	v := ib.Get([]byte(item))
	var out []byte
	err := itemEntries(v, func(key, fields []byte) error {
		if keyBatch(key) != batch {
			out = append(out, key...)
			out = binary.AppendUvarint(out, uint64(len(fields)))
			out = append(out, fields...)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(out) == 0 {
		return ib.Delete([]byte(item))
	}
	return ib.Put([]byte(item), out)
}

// chunkReader reads the values of a bucket one after the other.
type chunkReader struct {
	c       *bolt.Cursor
	cur     []byte
	started bool
}

func (r *chunkReader) Read(p []byte) (int, error) {
	for len(r.cur) == 0 {
		var v []byte
		var k []byte
		if !r.started {
			k, v = r.c.First()
			r.started = true
		} else {
			k, v = r.c.Next()
		}
		if k == nil {
			return 0, io.EOF
		}
		r.cur = v
	}
	n := copy(p, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}

// slab hands out byte slices from large blocks that are never reallocated
// while in use; reset makes them all free again.
type slab struct {
	blocks [][]byte
	cur    int
}

func (s *slab) alloc(n int) []byte {
	for {
		if s.cur == len(s.blocks) {
			s.blocks = append(s.blocks, make([]byte, 0, max(1<<20, n)))
		}
		b := s.blocks[s.cur]
		if len(b)+n <= cap(b) {
			start := len(b)
			s.blocks[s.cur] = b[:start+n]
			return b[start : start+n : start+n]
		}
		s.cur++
	}
}

func (s *slab) reset() {
	for i := range s.blocks {
		s.blocks[i] = s.blocks[i][:0]
	}
	s.cur = 0
}
