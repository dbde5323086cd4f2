package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"slate/internal/domain"
)

// Schema 1 kept points in bucket points/<feed>, in blocks of up to 512 points
// of one batch under the same 16-byte keys as today, each value:
//
//	uvarint count ‖ uvarint (last time key − first time key) ‖ per point:
//	uvarint time delta ‖ zigzag varint row delta ‖ point fields (appendPoint)
//
// (about 29 bytes a point with the file). Migration 3 converts them into
// compressed column blocks in blocks/<feed>; this file only reads them.

// v1Iter decodes a schema-1 block point by point.
type v1Iter struct {
	batch uint64
	tk    uint64
	row   uint32
	left  int
	data  []byte
	p     domain.Point
	first bool
}

func (b *v1Iter) init(k, v []byte) error {
	if len(k) != pointKeyLen {
		return ErrCorruptPoint
	}
	c, n := binary.Uvarint(v)
	if n <= 0 || c == 0 || c > 1<<20 {
		return ErrCorruptPoint
	}
	v = v[n:]
	if _, n = binary.Uvarint(v); n <= 0 {
		return ErrCorruptPoint
	}
	*b = v1Iter{batch: keyBatch(k), tk: binary.BigEndian.Uint64(k), row: keyRow(k), left: int(c), data: v[n:], first: true}
	return nil
}

func (b *v1Iter) next() (bool, error) {
	if b.left == 0 {
		return false, nil
	}
	d, k := binary.Uvarint(b.data)
	if k <= 0 {
		return false, ErrCorruptPoint
	}
	b.data = b.data[k:]
	rd, k := binary.Varint(b.data)
	if k <= 0 {
		return false, ErrCorruptPoint
	}
	b.data = b.data[k:]
	if b.first {
		b.first = false
	} else {
		b.tk += d
		b.row = uint32(int64(b.row) + rd)
	}
	b.p = domain.Point{At: keyTime(b.tk), Batch: b.batch}
	rest, err := decodeFields(b.data, &b.p)
	if err != nil {
		return false, err
	}
	b.data = rest
	b.left--
	return true, nil
}

// convertPerTx is how many schema-1 blocks one transaction converts.
var convertPerTx = 256

// convertV1Points moves every feed's schema-1 blocks into compressed blocks,
// in transactions of convertPerTx blocks, deleting each converted block in
// the transaction that writes its points anew: a crash leaves every point in
// exactly one of the two buckets, and the next open carries on.
func (s *Store) convertV1Points() error {
	c := &v1Converter{builders: map[uint64]*blockBuilder{}}
	for {
		done := false
		err := s.Update(func(t *Tx) error {
			var err error
			done, err = c.step(t)
			return err
		})
		if err != nil {
			return fmt.Errorf("compress stored points: %w", err)
		}
		if done {
			return nil
		}
	}
}

type v1Converter struct {
	slab     slab
	builders map[uint64]*blockBuilder
}

// step converts up to convertPerTx blocks of the first feed left; done when none is.
func (c *v1Converter) step(t *Tx) (done bool, err error) {
	tx := t.tx
	old := tx.Bucket(bucketPointsV1)
	if old == nil {
		return true, nil
	}
	feed, _ := old.Cursor().First()
	if feed == nil {
		return true, tx.DeleteBucket(bucketPointsV1)
	}
	feed = bytes.Clone(feed)
	ob := old.Bucket(feed)
	if ob == nil {
		return false, fmt.Errorf("schema-1 points of %q are not a bucket", feed)
	}
	top, err := tx.CreateBucketIfNotExists(bucketPoints)
	if err != nil {
		return false, err
	}
	nb, err := top.CreateBucketIfNotExists(feed)
	if err != nil {
		return false, err
	}
	nb.FillPercent = 1.0
	meta := t.feedMeta(string(feed))
	c.slab.reset()
	put := func(k, v []byte, span, lastTK uint64) error {
		meta.maxSpan = max(meta.maxSpan, span)
		meta.maxEnd = max(meta.maxEnd, lastTK)
		return nb.Put(k, v)
	}
	// One builder per batch; a point that does not follow its builder's last
	// (time, row) starts a new block (batches written out of order have
	// overlapping blocks).
	last := map[uint64][pointKeyLen]byte{}
	var del [][]byte
	cur := ob.Cursor()
	for k, v := cur.First(); k != nil && len(del) < convertPerTx; k, v = cur.Next() {
		var it v1Iter
		if err := it.init(k, v); err != nil {
			return false, fmt.Errorf("feed %s, block %x: %w", feed, k, err)
		}
		bb := c.builders[it.batch]
		if bb == nil {
			bb = &blockBuilder{}
			c.builders[it.batch] = bb
		}
		for {
			ok, err := it.next()
			if err != nil {
				return false, fmt.Errorf("feed %s, block %x: %w", feed, k, err)
			}
			if !ok {
				break
			}
			var pk [pointKeyLen]byte
			putPointKey(pk[:], it.p.At, it.batch, it.row)
			if prev, ok := last[it.batch]; bb.n() > 0 && (ok && bytes.Compare(pk[:], prev[:]) <= 0 || bb.full()) {
				if err := bb.finish(&c.slab, it.batch, put); err != nil {
					return false, err
				}
			}
			bb.add(&it.p, it.row)
			last[it.batch] = pk
		}
		del = append(del, bytes.Clone(k))
	}
	for id, bb := range c.builders {
		if err := bb.finish(&c.slab, id, put); err != nil {
			return false, err
		}
	}
	for _, k := range del {
		if err := ob.Delete(k); err != nil {
			return false, err
		}
	}
	if err := t.putFeedMeta(string(feed), meta); err != nil {
		return false, err
	}
	if k, _ := ob.Cursor().First(); k == nil {
		return false, old.DeleteBucket(feed)
	}
	return false, nil
}
