package storage

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"iter"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"slate/internal/domain"
	"slate/internal/pointhash"
)

// Prior is a stored point with the same key as a point being written: the same
// time (and CI and item id) for time-keyed feeds, the same item id for item feeds.
type Prior struct {
	Point domain.Point
	Row   uint32
	// Own is true when the prior came from the batch being written (an in-file repeat).
	Own bool
	key []byte
}

// Resolution says what to do with a point that has priors.
type Resolution int

const (
	// Write stores the point.
	Write Resolution = iota
	// Skip drops it (the caller has recorded why).
	Skip
	// Replace stores it and hides the priors of other batches once this batch is published.
	Replace
)

// Resolver decides what happens to p given the stored points with its key.
// It is called for every point, with priors possibly empty.
type Resolver func(p *domain.Point, row uint32, priors []Prior) Resolution

// PendingPoint is a point queued for a batch with its source row.
type PendingPoint struct {
	P   domain.Point
	Row uint32
}

type pendingRaw struct {
	key uint64
	v   []byte
}

// BatchWriter stages a batch in many transactions; nothing of it is visible to
// readers until Publish flips its status in one final transaction.
type BatchWriter struct {
	s        *Store
	id       uint64
	feed     string
	item     bool
	pending  []PendingPoint
	findings [][]byte
	rejects  []pendingRaw
	chunks   [][]byte
	nFind    uint64
	nChunk   uint64
	srcBytes int64
	minK     uint64
	maxK     uint64
	has      bool
	replaced int
	written  int
	priors   []Prior
	done     bool
	slab     slab
	blocks   blockBuilder
	lines    *keptLines
	// hash is the batch's data digest, fed as points are written; nil once a
	// flush brought points out of canonical order (Publish then re-reads them).
	hash *pointhash.Hasher
}

// ID is the batch id.
func (w *BatchWriter) ID() uint64 { return w.id }

// Written is the number of points stored so far.
func (w *BatchWriter) Written() int { return w.written }

// Replaced is the number of stored points hidden by this batch so far.
func (w *BatchWriter) Replaced() int { return w.replaced }

// Pending is the number of points waiting for the next Flush.
func (w *BatchWriter) Pending() int { return len(w.pending) }

// BeginBatch creates a staging batch for feed. A file whose SHA-256 was
// already imported into the feed is refused with *AlreadyImportedError.
func (s *Store) BeginBatch(feed string, meta BatchMeta) (*BatchWriter, error) {
	if feed == "" {
		return nil, errors.New("begin batch: feed name is empty")
	}
	w := &BatchWriter{s: s, feed: feed, item: meta.Shape == domain.ShapeItem}
	err := s.Update(func(t *Tx) error {
		if meta.SHA256 != "" {
			if id, ok := t.FindImported(feed, meta.SHA256); ok {
				return &AlreadyImportedError{feed, id}
			}
		}
		bb, err := t.bucket(bucketBatches)
		if err != nil {
			return err
		}
		id, err := bb.NextSequence()
		if err != nil {
			return err
		}
		if id > 1<<32-1 {
			return errors.New("begin batch: batch ids exhausted")
		}
		w.id = id
		w.hash = pointhash.New(feed, id)
		return t.putBatch(&Batch{ID: id, Feed: feed, Status: StatusStaging, BatchMeta: meta, Created: s.now().UTC()})
	})
	if err != nil {
		return nil, err
	}
	return w, nil
}

// Add queues a point; row is its row number in the source file (unique within the batch).
func (w *BatchWriter) Add(p domain.Point, row uint32) {
	w.pending = append(w.pending, PendingPoint{p, row})
}

// AddFinding queues a finding (JSON) to store with the batch.
func (w *BatchWriter) AddFinding(v []byte) { w.findings = append(w.findings, v) }

// AddReject queues a rejected row (JSON) to store with the batch.
func (w *BatchWriter) AddReject(row uint32, v []byte) {
	w.rejects = append(w.rejects, pendingRaw{uint64(row), v})
}

// AddSource queues the next chunk of the gzip-compressed original file.
func (w *BatchWriter) AddSource(chunk []byte) { w.chunks = append(w.chunks, chunk) }

// Flush writes the queued points, findings, rejects and source chunks in one
// transaction. resolve (nil = always Write) sees every point with its priors.
func (w *BatchWriter) Flush(resolve Resolver) error {
	if w.done {
		return errors.New("batch writer is closed")
	}
	err := w.FlushPoints(w.pending, resolve)
	clear(w.pending)
	w.pending = w.pending[:0]
	return err
}

// FlushPoints is Flush for points held by the caller (sorted in place), so
// one goroutine can fill a buffer while another writes the previous one.
// Calls must not overlap.
func (w *BatchWriter) FlushPoints(pts []PendingPoint, resolve Resolver) error {
	return w.flushPoints(pts, false, resolve)
}

// FlushInOrder is FlushPoints for points the caller knows are in ascending
// (time, row) order already (a file read in time order), which saves a pass
// over them. The order is still checked as they are written: out of order,
// the transaction is rolled back with an error and, as after any failed
// flush, the batch is to be discarded.
func (w *BatchWriter) FlushInOrder(pts []PendingPoint, resolve Resolver) error {
	return w.flushPoints(pts, true, resolve)
}

// errOutOfOrder is FlushInOrder given points out of order (a caller's bug).
var errOutOfOrder = errors.New("batch writer: points given as in order are not in (time, row) order")

func (w *BatchWriter) flushPoints(pts []PendingPoint, inOrder bool, resolve Resolver) error {
	if w.done {
		return errors.New("batch writer is closed")
	}
	err := w.s.Update(func(t *Tx) error { return w.flush(t, pts, inOrder, resolve) })
	if err != nil {
		return err
	}
	w.findings = w.findings[:0]
	w.rejects = w.rejects[:0]
	w.chunks = w.chunks[:0]
	return nil
}

func (w *BatchWriter) flush(t *Tx, pending []PendingPoint, inOrder bool, resolve Resolver) error {
	pb, err := t.bucket(bucketPoints)
	if err != nil {
		return err
	}
	fb, err := pb.CreateBucketIfNotExists([]byte(w.feed))
	if err != nil {
		return err
	}
	var ib, sup *bolt.Bucket
	if w.item {
		top, err := t.bucket(bucketItems)
		if err != nil {
			return err
		}
		if ib, err = top.CreateBucketIfNotExists([]byte(w.feed)); err != nil {
			return err
		}
	}
	vis := newVisibility(t.tx, w.id)
	meta := t.feedMeta(w.feed)
	metaBefore := meta
	byTimeRow := func(a, b PendingPoint) int {
		if c := a.P.At.Compare(b.P.At); c != 0 {
			return c
		}
		return cmp.Compare(a.Row, b.Row)
	}
	if !inOrder && !slices.IsSortedFunc(pending, byTimeRow) {
		slices.SortStableFunc(pending, byTimeRow)
	}
	// Appends fill pages completely; anything else keeps the default split.
	fb.FillPercent = bolt.DefaultFillPercent
	if len(pending) > 0 && timeKey(pending[0].P.At) > meta.maxEnd {
		fb.FillPercent = 1.0
	}
	// bbolt keeps references to keys and values until commit, so they live
	// in a slab, reused once the transaction is over.
	w.slab.reset()
	slab := &w.slab
	bb := &w.blocks
	look := &priorLookup{t: t, fb: fb, vis: vis, feed: w.feed, meta: &meta}
	put := func(k, v []byte, span, lastTK uint64) error {
		meta.maxSpan = max(meta.maxSpan, span)
		meta.maxEnd = max(meta.maxEnd, lastTK)
		return fb.Put(k, v)
	}
	writeBlock := func() error { return bb.finish(slab, w.id, put) }
	var sameTK uint64
	var same []int
	for i := range pending {
		pp := &pending[i]
		if inOrder && i > 0 {
			if q := &pending[i-1]; q.P.At.After(pp.P.At) || q.Row >= pp.Row && q.P.At.Equal(pp.P.At) {
				return errOutOfOrder // rolls the transaction back
			}
		}
		tk := timeKey(pp.P.At)
		if tk != sameTK {
			sameTK, same = tk, same[:0]
		}
		w.priors = w.priors[:0]
		if w.item && pp.P.ItemID != "" {
			w.priors, err = itemPriors(w.priors, ib, look, pp.P.ItemID)
		} else {
			if tk <= meta.maxEnd {
				w.priors, err = look.find(w.priors, tk, &pp.P)
			}
			for _, j := range same {
				q := &pending[j]
				if sameIdentity(&q.P, &pp.P) {
					w.priors = append(w.priors, Prior{Point: q.P, Row: q.Row, Own: true, key: pointKey(q.P.At, w.id, q.Row)})
				}
			}
		}
		if err != nil {
			return err
		}
		res := Write
		if resolve != nil {
			res = resolve(&pp.P, pp.Row, w.priors)
		}
		if res == Skip {
			continue
		}
		pp.P.Batch = w.id
		bb.add(&pp.P, pp.Row)
		if w.hash != nil && w.hash.Add(&pp.P, pp.Row) != nil {
			w.hash = nil
		}
		same = append(same, i)
		w.written++
		if !w.has || tk < w.minK {
			w.minK = tk
		}
		if !w.has || tk > w.maxK {
			w.maxK = tk
		}
		w.has = true
		if ib != nil && pp.P.ItemID != "" {
			old := ib.Get([]byte(pp.P.ItemID))
			v := make([]byte, 0, len(old)+pointKeyLen+32)
			v = append(v, old...)
			v = append(v, pointKey(pp.P.At, w.id, pp.Row)...)
			fields := appendPoint(nil, &pp.P)
			v = binary.AppendUvarint(v, uint64(len(fields)))
			v = append(v, fields...)
			if err := ib.Put([]byte(pp.P.ItemID), v); err != nil {
				return err
			}
		}
		if res == Replace {
			for _, pr := range w.priors {
				if pr.Own {
					continue
				}
				if sup == nil {
					top, err := t.bucket(bucketSupersede)
					if err != nil {
						return err
					}
					if sup, err = top.CreateBucketIfNotExists([]byte(w.feed)); err != nil {
						return err
					}
				}
				if err := sup.Put(pr.key, u64(w.id)); err != nil {
					return err
				}
				w.replaced++
			}
		}
		if bb.full() {
			if err := writeBlock(); err != nil {
				return err
			}
		}
	}
	if err := writeBlock(); err != nil {
		return err
	}
	if meta != metaBefore {
		if err := t.putFeedMeta(w.feed, meta); err != nil {
			return err
		}
	}
	if err := w.flushExtras(t); err != nil {
		return err
	}
	b, err := t.Batch(w.id)
	if err != nil {
		return err
	}
	if b.Status != StatusStaging {
		return fmt.Errorf("batch %d is %s, not staging", w.id, b.Status)
	}
	if w.has {
		b.From, b.To = keyTime(w.minK), keyTime(w.maxK)
	}
	b.SourceChunks, b.SourceBytes = int(w.nChunk), w.srcBytes
	return t.putBatch(&b)
}

func (w *BatchWriter) flushExtras(t *Tx) error {
	put := func(top []byte, fn func(b *bolt.Bucket) error) error {
		tb, err := t.bucket(top)
		if err != nil {
			return err
		}
		b, err := tb.CreateBucketIfNotExists(u64(w.id))
		if err != nil {
			return err
		}
		b.FillPercent = 1.0
		return fn(b)
	}
	if len(w.findings) > 0 {
		if err := put(bucketBatchFind, func(b *bolt.Bucket) error {
			for _, v := range w.findings {
				w.nFind++
				if err := b.Put(u64(w.nFind), v); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
	}
	if len(w.rejects) > 0 {
		if err := put(bucketBatchRej, func(b *bolt.Bucket) error {
			b.FillPercent = bolt.DefaultFillPercent
			for _, r := range w.rejects {
				if err := b.Put(u64(r.key), r.v); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
	}
	if len(w.chunks) > 0 {
		if err := put(bucketBatchSrc, func(b *bolt.Bucket) error {
			for _, v := range w.chunks {
				w.nChunk++
				w.srcBytes += int64(len(v))
				if err := b.Put(u64(w.nChunk), v); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
	}
	return nil
}

func sameIdentity(a, b *domain.Point) bool { return a.CI == b.CI && a.ItemID == b.ItemID }

// priorLookup finds stored points by time, decoding (and caching) the blocks
// that may hold them.
type priorLookup struct {
	t     *Tx
	fb    *bolt.Bucket
	vis   *visibility
	feed  string
	meta  *feedMeta
	sup   *bolt.Bucket
	cache map[[pointKeyLen]byte]*decodedBlock
}

type decodedBlock struct {
	tks  []uint64
	rows []uint32
	pts  []domain.Point
}

func (l *priorLookup) superseded(key []byte) bool {
	if l.sup == nil {
		if top := l.t.tx.Bucket(bucketSupersede); top != nil {
			l.sup = top.Bucket([]byte(l.feed))
		}
		if l.sup == nil {
			return false
		}
	}
	by := l.sup.Get(key)
	return by != nil && l.vis.visible(fromU64(by))
}

func (l *priorLookup) block(k, v []byte) (*decodedBlock, error) {
	var ck [pointKeyLen]byte
	copy(ck[:], k)
	if d, ok := l.cache[ck]; ok {
		return d, nil
	}
	var it blockIter
	if err := it.init(k, v); err != nil {
		return nil, err
	}
	d := &decodedBlock{}
	for {
		ok, err := it.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		d.tks = append(d.tks, it.tk)
		d.rows = append(d.rows, it.row)
		d.pts = append(d.pts, it.p)
	}
	if l.cache == nil || len(l.cache) >= 64 {
		l.cache = map[[pointKeyLen]byte]*decodedBlock{}
	}
	l.cache[ck] = d
	return d, nil
}

// find appends the visible points at time key tk with p's identity.
func (l *priorLookup) find(out []Prior, tk uint64, p *domain.Point) ([]Prior, error) {
	seek := uint64(0)
	if tk > l.meta.maxSpan {
		seek = tk - l.meta.maxSpan
	}
	var sk [8]byte
	binary.BigEndian.PutUint64(sk[:], seek)
	c := l.fb.Cursor()
	for k, v := c.Seek(sk[:]); k != nil; k, v = c.Next() {
		if len(k) != pointKeyLen {
			continue
		}
		st := binary.BigEndian.Uint64(k)
		if st > tk {
			break
		}
		batch := keyBatch(k)
		if !l.vis.visible(batch) {
			continue
		}
		_, span, err := blockHeader(v)
		if err != nil {
			return out, err
		}
		if st+span < tk {
			continue
		}
		d, err := l.block(k, v)
		if err != nil {
			return out, err
		}
		j, _ := slices.BinarySearch(d.tks, tk)
		for ; j < len(d.tks) && d.tks[j] == tk; j++ {
			if !sameIdentity(&d.pts[j], p) {
				continue
			}
			key := pointKey(keyTime(tk), batch, d.rows[j])
			if l.superseded(key) {
				continue
			}
			out = append(out, Prior{Point: d.pts[j], Row: d.rows[j], Own: batch == l.vis.own, key: key})
		}
	}
	return out, nil
}

// itemEntries walks an items/<feed> value: (point key, uvarint length, fields)*.
func itemEntries(v []byte, fn func(key, fields []byte) error) error {
	for len(v) > 0 {
		if len(v) < pointKeyLen {
			return ErrCorruptPoint
		}
		key := v[:pointKeyLen]
		v = v[pointKeyLen:]
		l, n := binary.Uvarint(v)
		if n <= 0 || uint64(len(v)-n) < l {
			return ErrCorruptPoint
		}
		if err := fn(key, v[n:n+int(l)]); err != nil {
			return err
		}
		v = v[n+int(l):]
	}
	return nil
}

func itemPriors(out []Prior, ib *bolt.Bucket, l *priorLookup, item string) ([]Prior, error) {
	err := itemEntries(ib.Get([]byte(item)), func(key, fields []byte) error {
		if !l.vis.visible(keyBatch(key)) || l.superseded(key) {
			return nil
		}
		var q domain.Point
		if err := decodePoint(key, fields, &q); err != nil {
			return err
		}
		out = append(out, Prior{Point: q, Row: keyRow(key), Own: keyBatch(key) == l.vis.own, key: bytes.Clone(key)})
		return nil
	})
	return out, err
}

// ScanStaged calls fn for every point visible to this batch (published points
// plus its own staged ones) with from <= At <= to, in time order; own reports
// whether the point belongs to this batch. Used for gap detection before publish.
func (w *BatchWriter) ScanStaged(from, to time.Time, fn func(p *domain.Point, row uint32, own bool) error) error {
	var end time.Time
	if !to.IsZero() {
		end = to.Add(1)
	}
	return w.s.View(func(t *Tx) error {
		return t.scanPoints(w.feed, from, end, w.id, func(k []byte, p *domain.Point) error {
			return fn(p, keyRow(k), keyBatch(k) == w.id)
		})
	})
}

// Range is the time range of the points staged so far.
func (w *BatchWriter) Range() (from, to time.Time, ok bool) {
	if !w.has {
		return time.Time{}, time.Time{}, false
	}
	return keyTime(w.minK), keyTime(w.maxK), true
}

// Audit actions that carry a batch's data digest (DataRecord, under "data").
const (
	ActionImport       = "import"
	ActionRevert       = "batch.revert"
	ActionDataBackfill = "data.backfill"
)

// Publish makes the batch visible in one transaction: final metadata, the
// SHA-256 index, hook (e.g. saving the feed's mapping) and the audit event
// (action "import", object "Batch/N", details with "data": the digest of the
// batch's points, datahash.go). Queued items are flushed first.
func (w *BatchWriter) Publish(meta BatchMeta, details any, hook func(t *Tx) error) error {
	if len(w.pending)+len(w.findings)+len(w.rejects)+len(w.chunks) > 0 {
		if err := w.Flush(nil); err != nil {
			return err
		}
	}
	err := w.s.Update(func(t *Tx) error {
		b, err := t.Batch(w.id)
		if err != nil {
			return err
		}
		if b.Status != StatusStaging {
			return fmt.Errorf("batch %d is %s, not staging", w.id, b.Status)
		}
		if meta.SHA256 != "" {
			if id, ok := t.FindImported(w.feed, meta.SHA256); ok {
				return &AlreadyImportedError{w.feed, id}
			}
			sb, err := t.bucket(bucketBatchSHA)
			if err != nil {
				return err
			}
			if err := sb.Put(shaKey(w.feed, meta.SHA256), u64(w.id)); err != nil {
				return err
			}
		}
		meta.Counts.Replaced = w.replaced
		b.BatchMeta = meta
		if w.lines != nil {
			if err := t.putLines(&b, w.lines); err != nil {
				return err
			}
		}
		b.Status = StatusPublished
		b.Published = w.s.now().UTC()
		if err := t.putBatch(&b); err != nil {
			return err
		}
		if hook != nil {
			if err := hook(t); err != nil {
				return err
			}
		}
		d, err := w.digest(t)
		if err != nil {
			return err
		}
		withHash, err := withData(details, newDataRecord(w.feed, w.id, d))
		if err != nil {
			return err
		}
		_, err = t.Audit(ActionImport, fmt.Sprintf("Batch/%d", w.id), withHash)
		return err
	})
	if err != nil {
		return err
	}
	w.done = true
	return nil
}

// digest is the batch's data digest: the one fed while writing when every
// flush came in canonical order (a file sorted by time), else re-read from
// the stored points. Either way `slate audit verify` re-reads and compares.
func (w *BatchWriter) digest(t *Tx) (pointhash.Digest, error) {
	h := w.hash
	w.hash = nil // Sum ends the stream: a second attempt re-reads
	if h == nil {
		return t.batchDigest(w.feed, w.id, w.has, w.minK, w.maxK)
	}
	if err := t.eachReplaced(w.feed, func(by uint64, k []byte) error {
		if by != w.id {
			return nil
		}
		return h.Replaced(keyTime(binary.BigEndian.Uint64(k)), keyBatch(k), keyRow(k))
	}); err != nil {
		return pointhash.Digest{}, err
	}
	return h.Sum()
}

// Abort discards the batch: it never becomes visible, and its points are removed.
func (w *BatchWriter) Abort() error {
	if w.done {
		return nil
	}
	w.done = true
	w.pending, w.findings, w.rejects, w.chunks = nil, nil, nil, nil
	if err := w.s.Update(func(t *Tx) error {
		b, err := t.Batch(w.id)
		if err != nil {
			return err
		}
		b.Status = StatusDiscarded
		return t.putBatch(&b)
	}); err != nil {
		return err
	}
	return w.s.purge(w.id)
}

// WriteBatch stores points as one published batch (staged in many transactions,
// published atomically with an audit event). Points may come in any order; the
// row numbers recorded are 1, 2, 3... in the order given.
func (s *Store) WriteBatch(feed string, meta BatchMeta, points iter.Seq[domain.Point]) (uint64, error) {
	w, err := s.BeginBatch(feed, meta)
	if err != nil {
		return 0, err
	}
	var row uint32
	for p := range points {
		row++
		w.Add(p, row)
		if w.Pending() >= flushRows {
			if err := w.Flush(nil); err != nil {
				w.Abort()
				return 0, err
			}
		}
	}
	meta.Counts = BatchCounts{Read: int(row), Imported: int(row)}
	details := map[string]any{"feed": feed, "file": meta.File, "sha256": meta.SHA256, "counts": meta.Counts}
	if err := w.Publish(meta, details, nil); err != nil {
		w.Abort()
		return 0, err
	}
	return w.id, nil
}

// flushRows is how many points go into one staging transaction.
const flushRows = 65536

// RevertBatch withdraws a published batch (audited, action "batch.revert"):
// in one transaction its points leave the data as readers see it; they are then
// deleted in the background of this call, in bounded transactions.
