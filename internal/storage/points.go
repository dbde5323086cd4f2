package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"slate/internal/domain"
	"slate/internal/storage/pointblock"
)

// ErrStop, returned from a ScanPoints callback, ends the scan early without error.
var ErrStop = errors.New("stop scan")

// ErrCorruptPoint means a stored point could not be decoded.
var ErrCorruptPoint = errors.New("a stored point is unreadable: the database file is damaged (check it with `slate doctor FILE`)")

// Point keys are 16 bytes: the time (Unix nanoseconds with the sign bit flipped,
// so key order is time order, big-endian), the batch id (4 bytes) and the row of
// the source file (4 bytes). Points with the same time keep file order.
const pointKeyLen = 16

func timeKey(t time.Time) uint64 { return uint64(t.UnixNano()) ^ (1 << 63) }

func keyTime(k uint64) time.Time { return time.Unix(0, int64(k^(1<<63))).UTC() }

func putPointKey(dst []byte, at time.Time, batch uint64, row uint32) {
	binary.BigEndian.PutUint64(dst[0:8], timeKey(at))
	binary.BigEndian.PutUint32(dst[8:12], uint32(batch))
	binary.BigEndian.PutUint32(dst[12:16], row)
}

func pointKey(at time.Time, batch uint64, row uint32) []byte {
	k := make([]byte, pointKeyLen)
	putPointKey(k, at, batch, row)
	return k
}

func keyBatch(k []byte) uint64 { return uint64(binary.BigEndian.Uint32(k[8:12])) }
func keyRow(k []byte) uint32   { return binary.BigEndian.Uint32(k[12:16]) }

// Field flags of the point encoding.
const (
	fValue = 1 << iota
	fGood
	fTotal
	fItem
	fOpened
	fResolved
	fPaused
	fPriority
	fCI
)

// appendPoint encodes the fields of p that are set (At and Batch live in the key).
// Layout: uvarint flags, then float64 bits / int64 nanos / uvarint-length strings
// in flag order.
func appendPoint(dst []byte, p *domain.Point) []byte {
	var f uint64
	if p.Value != 0 {
		f |= fValue
	}
	if p.Good != 0 {
		f |= fGood
	}
	if p.Total != 0 {
		f |= fTotal
	}
	if p.ItemID != "" {
		f |= fItem
	}
	if !p.Opened.IsZero() {
		f |= fOpened
	}
	if !p.Resolved.IsZero() {
		f |= fResolved
	}
	if p.Paused != 0 {
		f |= fPaused
	}
	if p.Priority != "" {
		f |= fPriority
	}
	if p.CI != "" {
		f |= fCI
	}
	dst = binary.AppendUvarint(dst, f)
	if f&fValue != 0 {
		dst = binary.BigEndian.AppendUint64(dst, math.Float64bits(p.Value))
	}
	if f&fGood != 0 {
		dst = binary.BigEndian.AppendUint64(dst, math.Float64bits(p.Good))
	}
	if f&fTotal != 0 {
		dst = binary.BigEndian.AppendUint64(dst, math.Float64bits(p.Total))
	}
	if f&fItem != 0 {
		dst = binary.AppendUvarint(dst, uint64(len(p.ItemID)))
		dst = append(dst, p.ItemID...)
	}
	if f&fOpened != 0 {
		dst = binary.BigEndian.AppendUint64(dst, uint64(p.Opened.UnixNano()))
	}
	if f&fResolved != 0 {
		dst = binary.BigEndian.AppendUint64(dst, uint64(p.Resolved.UnixNano()))
	}
	if f&fPaused != 0 {
		dst = binary.BigEndian.AppendUint64(dst, math.Float64bits(p.Paused))
	}
	if f&fPriority != 0 {
		dst = binary.AppendUvarint(dst, uint64(len(p.Priority)))
		dst = append(dst, p.Priority...)
	}
	if f&fCI != 0 {
		dst = binary.AppendUvarint(dst, uint64(len(p.CI)))
		dst = append(dst, p.CI...)
	}
	return dst
}

// decodeFields reads the fields appendPoint wrote into p (which the caller has
// reset, with At and Batch set) and returns the bytes after them. Strings are
// copied out of the transaction.
func decodeFields(v []byte, p *domain.Point) ([]byte, error) {
	f, n := binary.Uvarint(v)
	if n <= 0 {
		return nil, ErrCorruptPoint
	}
	v = v[n:]
	ok := true
	u64 := func() uint64 {
		if len(v) < 8 {
			ok = false
			return 0
		}
		x := binary.BigEndian.Uint64(v)
		v = v[8:]
		return x
	}
	str := func() string {
		l, n := binary.Uvarint(v)
		if n <= 0 || uint64(len(v)-n) < l {
			ok = false
			return ""
		}
		s := string(v[n : n+int(l)])
		v = v[n+int(l):]
		return s
	}
	if f&fValue != 0 {
		p.Value = math.Float64frombits(u64())
	}
	if f&fGood != 0 {
		p.Good = math.Float64frombits(u64())
	}
	if f&fTotal != 0 {
		p.Total = math.Float64frombits(u64())
	}
	if f&fItem != 0 {
		p.ItemID = str()
	}
	if f&fOpened != 0 {
		p.Opened = time.Unix(0, int64(u64())).UTC()
	}
	if f&fResolved != 0 {
		p.Resolved = time.Unix(0, int64(u64())).UTC()
	}
	if f&fPaused != 0 {
		p.Paused = math.Float64frombits(u64())
	}
	if f&fPriority != 0 {
		p.Priority = str()
	}
	if f&fCI != 0 {
		p.CI = str()
	}
	if !ok {
		return nil, ErrCorruptPoint
	}
	return v, nil
}

// decodePoint fills p from a point key and its field encoding.
func decodePoint(k, v []byte, p *domain.Point) error {
	if len(k) != pointKeyLen {
		return ErrCorruptPoint
	}
	*p = domain.Point{At: keyTime(binary.BigEndian.Uint64(k[0:8])), Batch: keyBatch(k)}
	_, err := decodeFields(v, p)
	return err
}

// visibility answers "is batch id published?" for readers, cached per call.
type visibility struct {
	b     *bolt.Bucket
	cache map[uint64]bool
	// own is a staging batch whose points its writer may see.
	own uint64
	// all sees every batch (integrity checks read what is stored, published or not).
	all bool
}

func newVisibility(tx *bolt.Tx, own uint64) *visibility {
	return &visibility{b: tx.Bucket(bucketBatchState), cache: map[uint64]bool{}, own: own}
}

func (v *visibility) visible(id uint64) bool {
	if v.all || id == v.own && id != 0 {
		return true
	}
	if ok, hit := v.cache[id]; hit {
		return ok
	}
	ok := false
	if v.b != nil {
		s := v.b.Get(u64(id))
		ok = len(s) == 1 && s[0] == publishedCode
	}
	v.cache[id] = ok
	return ok
}

// supersededCursor walks supersede/<feed> alongside a point scan.
type supersededCursor struct {
	c    *bolt.Cursor
	k, v []byte
	vis  *visibility
}

func newSupersededCursor(tx *bolt.Tx, feed string, vis *visibility) *supersededCursor {
	sb := tx.Bucket(bucketSupersede)
	if sb == nil {
		return nil
	}
	fb := sb.Bucket([]byte(feed))
	if fb == nil || isEmpty(fb) {
		return nil
	}
	return &supersededCursor{c: fb.Cursor(), vis: vis}
}

func isEmpty(b *bolt.Bucket) bool {
	k, _ := b.Cursor().First()
	return k == nil
}

// hidden reports whether point key k was replaced by a visible batch. Keys must
// be asked in ascending order.
func (s *supersededCursor) hidden(k []byte) bool {
	if s == nil {
		return false
	}
	if s.k == nil || bytes.Compare(s.k, k) < 0 {
		s.k, s.v = s.c.Seek(k)
	}
	for s.k != nil && bytes.Equal(s.k, k) {
		if s.vis.visible(fromU64(s.v)) {
			return true
		}
		s.k, s.v = s.c.Next()
	}
	return false
}

// Points are stored in compressed column blocks (package pointblock): up to
// pointblock.MaxPoints points of one batch, sorted by (time, row), under a
// 16-byte block key (first time ‖ batch ‖ first row). A block's header holds
// its count, span and value range, so a reader skips a block outside its
// range without decoding it, and a period reads only its own blocks.
//
// Blocks of different batches (and of one batch written out of order) may
// overlap in time; readers merge them. pointmeta/<feed> keeps the widest block
// span so a range scan knows how far back to look, and the latest block end.

// feedMeta is pointmeta/<feed>: 16 bytes, max span and max end (time keys).
type feedMeta struct {
	maxSpan uint64
	maxEnd  uint64
}

func (t *Tx) feedMeta(feed string) feedMeta {
	var m feedMeta
	if b := t.tx.Bucket(bucketPointMeta); b != nil {
		if v := b.Get([]byte(feed)); len(v) == 16 {
			m.maxSpan = binary.BigEndian.Uint64(v[0:8])
			m.maxEnd = binary.BigEndian.Uint64(v[8:16])
		}
	}
	return m
}

func (t *Tx) putFeedMeta(feed string, m feedMeta) error {
	b, err := t.bucket(bucketPointMeta)
	if err != nil {
		return err
	}
	v := make([]byte, 16)
	binary.BigEndian.PutUint64(v[0:8], m.maxSpan)
	binary.BigEndian.PutUint64(v[8:16], m.maxEnd)
	return b.Put([]byte(feed), v)
}

// FeedEnd is the latest time any stored block of feed reaches (published or
// not; zero when the feed has none). Importers use it to skip duplicate checks
// for rows that are newer than everything stored.
func (t *Tx) FeedEnd(feed string) time.Time {
	m := t.feedMeta(feed)
	if m.maxEnd == 0 {
		return time.Time{}
	}
	return keyTime(m.maxEnd)
}

// blockHeader reads a block's count and time span without decoding it.
func blockHeader(v []byte) (n int, span uint64, err error) {
	h, _, err := pointblock.ReadHeader(v)
	if err != nil {
		return 0, 0, ErrCorruptPoint
	}
	return h.N, h.Span, nil
}

// blockIter walks the points of one decoded block.
type blockIter struct {
	batch   uint64
	startTK uint64
	endTK   uint64
	tk      uint64
	row     uint32
	i       int
	blk     pointblock.Block
	p       domain.Point
	key     [pointKeyLen]byte // the current point's logical key
}

// init decodes block (k, v), checking it against its key.
func (b *blockIter) init(k, v []byte) error {
	if len(k) != pointKeyLen {
		return ErrCorruptPoint
	}
	h, err := b.blk.Decode(v)
	if err != nil || timeKeyNs(h.First) != binary.BigEndian.Uint64(k) || h.FirstRow != keyRow(k) {
		return ErrCorruptPoint
	}
	b.batch, b.startTK, b.i = keyBatch(k), timeKeyNs(h.First), -1
	b.endTK = b.startTK + h.Span
	return nil
}

// seek positions the iterator before the first point at or after time key tk.
func (b *blockIter) seek(tk uint64) {
	ns := int64(tk ^ (1 << 63))
	j, _ := slices.BinarySearch(b.blk.Times, ns)
	b.i = j - 1
}

// next moves to the next point; false at the end of the block.
func (b *blockIter) next() (bool, error) {
	b.i++
	if b.i >= b.blk.Len() {
		return false, nil
	}
	b.tk = timeKeyNs(b.blk.Times[b.i])
	b.row = b.blk.Rows[b.i]
	b.blk.Point(b.i, &b.p)
	b.p.Batch = b.batch
	binary.BigEndian.PutUint64(b.key[0:8], b.tk)
	binary.BigEndian.PutUint32(b.key[8:12], uint32(b.batch))
	binary.BigEndian.PutUint32(b.key[12:16], b.row)
	return true, nil
}

// less orders points by (time, batch, row): the logical key order.
func (b *blockIter) less(o *blockIter) bool {
	if b.tk != o.tk {
		return b.tk < o.tk
	}
	if b.batch != o.batch {
		return b.batch < o.batch
	}
	return b.row < o.row
}

func timeKeyNs(ns int64) uint64 { return uint64(ns) ^ (1 << 63) }

// maxBlockBytes bounds an encoded block of more than one point: two blocks
// with their keys and element headers fill a 4 KiB bbolt page
// (16 + 2 × (16 + 16 + 2000) ≤ 4096), so appended pages are nearly full.
const maxBlockBytes = 2000

// blockBuilder collects sorted points of one batch and cuts them into blocks.
type blockBuilder struct {
	blk pointblock.Block
	buf []byte
	// target is how many points make a block, learnt from the blocks written.
	target int
}

func (bb *blockBuilder) n() int { return bb.blk.Len() }

func (bb *blockBuilder) add(p *domain.Point, row uint32) {
	if bb.target == 0 {
		bb.target = 1024
	}
	bb.blk.Add(p, row)
}

// full reports whether the builder holds a block's worth of points.
func (bb *blockBuilder) full() bool { return bb.n() >= bb.target }

// finish encodes the points as one or more blocks (each within maxBlockBytes
// unless it is a single point), passing each block's key and value (in slab
// memory), and its time span and last time key, to put; then it empties the builder.
func (bb *blockBuilder) finish(s *slab, batch uint64, put func(k, v []byte, span, lastTK uint64) error) error {
	n := bb.n()
	for i := 0; i < n; {
		j := n
		for {
			bb.buf = bb.blk.AppendRange(bb.buf[:0], i, j)
			if len(bb.buf) <= maxBlockBytes || j-i == 1 {
				break
			}
			j = i + max(1, int(float64(j-i)*maxBlockBytes/float64(len(bb.buf))*0.95))
		}
		if j-i > 1 || n == 1 {
			perPoint := float64(len(bb.buf)) / float64(j-i)
			bb.target = min(max(16, int(maxBlockBytes*0.96/perPoint)), pointblock.MaxPoints)
		}
		mem := s.alloc(pointKeyLen + len(bb.buf))
		key := mem[:pointKeyLen:pointKeyLen]
		first, last := timeKeyNs(bb.blk.Times[i]), timeKeyNs(bb.blk.Times[j-1])
		binary.BigEndian.PutUint64(key[0:8], first)
		binary.BigEndian.PutUint32(key[8:12], uint32(batch))
		binary.BigEndian.PutUint32(key[12:16], bb.blk.Rows[i])
		val := mem[pointKeyLen:]
		copy(val, bb.buf)
		if err := put(key, val, last-first, last); err != nil {
			return err
		}
		i = j
	}
	bb.blk.Reset()
	return nil
}

// scanner merges the blocks of one feed in (time, batch, row) order.
type scanner struct {
	c      *bolt.Cursor
	vis    *visibility
	sup    *supersededCursor
	fromTK uint64
	endTK  uint64 // exclusive; 0 = open
	heap   []*blockIter
	k, v   []byte // next block not yet loaded
	free   []*blockIter
}

func (t *Tx) newScanner(feed string, from, to time.Time, own uint64) (*scanner, error) {
	pb := t.tx.Bucket(bucketPoints)
	if pb == nil {
		return nil, nil
	}
	fb := pb.Bucket([]byte(feed))
	if fb == nil {
		return nil, nil
	}
	vis := newVisibility(t.tx, own)
	s := &scanner{c: fb.Cursor(), vis: vis, sup: newSupersededCursor(t.tx, feed, vis)}
	if !from.IsZero() {
		s.fromTK = timeKey(from)
	}
	if !to.IsZero() {
		s.endTK = timeKey(to)
	}
	m := t.feedMeta(feed)
	if s.fromTK == 0 {
		s.k, s.v = s.c.First()
	} else {
		seek := uint64(0)
		if s.fromTK > m.maxSpan {
			seek = s.fromTK - m.maxSpan
		}
		var sk [8]byte
		binary.BigEndian.PutUint64(sk[:], seek)
		s.k, s.v = s.c.Seek(sk[:])
	}
	return s, nil
}

// loadable reports whether the pending block starts before the range end.
func (s *scanner) pendingStart() (uint64, bool) {
	for s.k != nil {
		if len(s.k) != pointKeyLen {
			s.k, s.v = s.c.Next()
			continue
		}
		st := binary.BigEndian.Uint64(s.k)
		if s.endTK != 0 && st >= s.endTK {
			s.k = nil
			return 0, false
		}
		return st, true
	}
	return 0, false
}

// load decodes the pending block into the heap (skipping invisible and
// out-of-range blocks) and moves to the next one.
func (s *scanner) load() error {
	k, v := s.k, s.v
	s.k, s.v = s.c.Next()
	if !s.vis.visible(keyBatch(k)) {
		return nil
	}
	var it *blockIter
	if n := len(s.free); n > 0 {
		it, s.free = s.free[n-1], s.free[:n-1]
	} else {
		it = new(blockIter)
	}
	// A block that ends before the range is skipped on its header alone.
	if _, span, err := blockHeader(v); err != nil {
		return err
	} else if binary.BigEndian.Uint64(k)+span < s.fromTK {
		s.free = append(s.free, it)
		return nil
	}
	if err := it.init(k, v); err != nil {
		return err
	}
	it.seek(s.fromTK)
	ok, err := it.next()
	if err != nil {
		return err
	}
	if !ok {
		s.free = append(s.free, it)
		return nil
	}
	s.push(it)
	return nil
}

func (s *scanner) push(it *blockIter) {
	s.heap = append(s.heap, it)
	i := len(s.heap) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !s.heap[i].less(s.heap[p]) {
			break
		}
		s.heap[i], s.heap[p] = s.heap[p], s.heap[i]
		i = p
	}
}

func (s *scanner) down(i int) {
	h := s.heap
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h[r].less(h[l]) {
			m = r
		}
		if !h[m].less(h[i]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// each calls fn for every visible point in order; fn's pointers are valid for the call only.
func (s *scanner) each(fn func(key []byte, p *domain.Point) error) error {
	if s == nil {
		return nil
	}
	for {
		// Load every block that could hold the next point.
		for {
			st, ok := s.pendingStart()
			if !ok || len(s.heap) > 0 && st > s.heap[0].tk {
				break
			}
			if err := s.load(); err != nil {
				return err
			}
		}
		if len(s.heap) == 0 {
			return nil
		}
		it := s.heap[0]
		if s.endTK != 0 && it.tk >= s.endTK {
			return nil
		}
		if !s.sup.hidden(it.key[:]) {
			if err := fn(it.key[:], &it.p); err != nil {
				return err
			}
		}
		ok, err := it.next()
		if err != nil {
			return err
		}
		if !ok {
			last := len(s.heap) - 1
			s.heap[0] = s.heap[last]
			s.heap = s.heap[:last]
			s.free = append(s.free, it)
		}
		if len(s.heap) > 1 {
			s.down(0)
		}
	}
}

// ScanPoints calls fn for every published point of feed with from <= At < to, in time order.
// A zero from or to leaves that side open. Return storage.ErrStop from fn to stop early.
func (t *Tx) ScanPoints(feed string, from, to time.Time, fn func(p domain.Point) error) error {
	return t.scanPoints(feed, from, to, 0, func(k []byte, p *domain.Point) error { return fn(*p) })
}

// scanPoints is ScanPoints that also sees the points of staging batch own and
// gives each point's logical key (time ‖ batch ‖ row).
func (t *Tx) scanPoints(feed string, from, to time.Time, own uint64, fn func(k []byte, p *domain.Point) error) error {
	s, err := t.newScanner(feed, from, to, own)
	if err != nil {
		return err
	}
	err = s.each(fn)
	if errors.Is(err, ErrStop) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("feed %s: %w", feed, err)
	}
	return nil
}

// CountPoints counts the published points of a feed (all time).
func (t *Tx) CountPoints(feed string) (int, error) {
	n := 0
	err := t.scanPoints(feed, time.Time{}, time.Time{}, 0, func([]byte, *domain.Point) error { n++; return nil })
	return n, err
}

// PointFeeds lists the feeds that have stored points (published or not).
func (t *Tx) PointFeeds() []string {
	var out []string
	pb := t.tx.Bucket(bucketPoints)
	if pb == nil {
		return nil
	}
	_ = pb.ForEachBucket(func(k []byte) error { out = append(out, string(k)); return nil })
	return out
}
