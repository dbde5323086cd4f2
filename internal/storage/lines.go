package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"slate/internal/domain"
)

// The original file of a batch is kept in one of two ways (Batch.SourceLines):
//
//   - as gzip chunks (batchsrc/<id>, AddSource), whatever the file;
//   - as its points plus the lines they do not render (batchlines/<id>): a
//     line format (opaque here, ingest.LineFormat) renders each data line
//     from the point stored for it, and every other line — the header, a
//     rejected row, a line the format does not reproduce — is kept as it
//     was, by row. The points of such a batch stay when it is reverted
//     (invisible), so its file can always be rendered again.
//
// batchlines/<id>: "format" → the line format; 8-byte row → raw text of that
// record (with its line end); "head", "tail" → the text before the first
// data row and after the last.

// SourceLine is a record of a file kept as read.
type SourceLine struct {
	Row uint32
	Raw []byte
}

var (
	keyLineFormat = []byte("format")
	keyLineHead   = []byte("head")
	keyLineTail   = []byte("tail")
)

// KeepLines says the batch's file is its points rendered by format, plus
// head, tail and lines as read; written with the next Flush or Publish
// (instead of source chunks: call it when none were added).
func (w *BatchWriter) KeepLines(format, head, tail []byte, lines []SourceLine) {
	w.lines = &keptLines{format: format, head: head, tail: tail, lines: lines}
}

type keptLines struct {
	format, head, tail []byte
	lines              []SourceLine
}

func (t *Tx) putLines(b *Batch, k *keptLines) error {
	top, err := t.bucket(bucketBatchLines)
	if err != nil {
		return err
	}
	if top.Bucket(u64(b.ID)) != nil {
		if err := top.DeleteBucket(u64(b.ID)); err != nil {
			return err
		}
	}
	lb, err := top.CreateBucket(u64(b.ID))
	if err != nil {
		return err
	}
	size := int64(len(k.format) + len(k.head) + len(k.tail))
	for _, kv := range [][2][]byte{{keyLineFormat, k.format}, {keyLineHead, k.head}, {keyLineTail, k.tail}} {
		if err := lb.Put(kv[0], kv[1]); err != nil {
			return err
		}
	}
	for _, l := range k.lines {
		if err := lb.Put(u64(uint64(l.Row)), l.Raw); err != nil {
			return err
		}
		size += int64(len(l.Raw))
	}
	b.SourceLines, b.SourceChunks, b.SourceBytes = true, 0, size
	return nil
}

// BatchLines gives what a batch kept of its file: the line format, the head
// and tail, and, in row order, each data record as either its stored point
// (raw nil; the point is valid for the call) or the text kept for it.
func (t *Tx) BatchLines(id uint64, format func(format, head, tail []byte) error, fn func(row uint32, p *domain.Point, raw []byte) error) error {
	b, err := t.Batch(id)
	if err != nil {
		return err
	}
	var lb *bolt.Bucket
	if top := t.tx.Bucket(bucketBatchLines); top != nil {
		lb = top.Bucket(u64(id))
	}
	if !b.SourceLines || lb == nil {
		return fmt.Errorf("batch %d keeps no line format", id)
	}
	if err := format(lb.Get(keyLineFormat), lb.Get(keyLineHead), lb.Get(keyLineTail)); err != nil {
		return err
	}
	// Kept lines, by row (8-byte keys sort by row).
	c := lb.Cursor()
	k, v := c.First()
	next := func() {
		for k, v = c.Next(); k != nil && len(k) != 8; k, v = c.Next() {
		}
	}
	if k != nil && len(k) != 8 {
		next()
	}
	emitUntil := func(row uint64) error {
		for k != nil && fromU64(k) < row {
			if err := fn(uint32(fromU64(k)), nil, v); err != nil {
				return err
			}
			next()
		}
		return nil
	}
	lastRow := int64(-1)
	if !b.From.IsZero() || !b.To.IsZero() {
		s := t.rawScanner(b.Feed, batchOnly(id), timeKey(b.From), timeKey(b.To)+1)
		err := s.each(func(key []byte, p *domain.Point) error {
			row := keyRow(key)
			if int64(row) <= lastRow {
				return fmt.Errorf("batch %d: its points are not in the order of its file (row %d after %d)", id, row, lastRow)
			}
			lastRow = int64(row)
			if err := emitUntil(uint64(row)); err != nil {
				return err
			}
			if k != nil && fromU64(k) == uint64(row) {
				return nil // the line is kept as read: its point does not render it
			}
			return fn(row, p, nil)
		})
		if err != nil {
			return err
		}
	}
	return emitUntil(1 << 63)
}
