// Package pointhash defines the content hash of one import batch: a SHA-256
// over a canonical stream of the batch's points, independent of how any store
// lays them out on disk. The audit trail records it when a batch is published
// (and reverted); `slate audit verify` and the review pack recompute it from
// the stored points. Changing the stream changes every recorded hash, so it is
// versioned (Version) and documented in docs/security.md.
//
// The stream, all integers big-endian:
//
//	"slate-batch-points/v1\n"
//	feed     uint32 length ‖ UTF-8 bytes
//	batch    uint64
//	per point, in ascending (time, row):
//	  'P' ‖ time int64 Unix ns ‖ row uint32
//	      ‖ value, good, total, paused: float64 IEEE-754 bits (-0 written as +0)
//	      ‖ opened, resolved: byte 0 (unset) | byte 1 ‖ int64 Unix ns
//	      ‖ item, priority, ci: uint32 length ‖ UTF-8 bytes
//	per point of another batch this one replaced, in ascending (time, batch, row):
//	  'R' ‖ time int64 Unix ns ‖ batch uint64 ‖ row uint32
//	'E' ‖ points uint64 ‖ replaced uint64
//
// Fixed-width fields and explicit lengths make the encoding unambiguous; the
// order is checked as points arrive, so two stores holding the same points
// produce the same hash or an error, never a different hash.
package pointhash

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"math"
	"time"

	"slate/internal/domain"
)

// Version names the stream; it is recorded beside every hash.
const Version = "slate-batch-points/v1"

// Digest is the content hash of a batch.
type Digest struct {
	// Points is the number of the batch's own points.
	Points int64 `json:"points"`
	// Replaced is the number of other batches' points it replaced.
	Replaced int64 `json:"replaced,omitempty"`
	// SHA256 is the hex SHA-256 of the canonical stream.
	SHA256 string `json:"sha256"`
}

// Equal reports whether two digests describe the same content.
func (d Digest) Equal(o Digest) bool {
	return d.SHA256 == o.SHA256 && d.Points == o.Points && d.Replaced == o.Replaced
}

// Hasher builds a Digest from points given in canonical order.
type Hasher struct {
	h        hash.Hash
	buf      []byte
	points   int64
	replaced int64
	// order checks
	lastAt    int64
	lastRow   uint32
	lastBatch uint64
	inReplace bool
	err       error
}

// New starts the hash of batch id of feed.
func New(feed string, batch uint64) *Hasher {
	h := &Hasher{h: sha256.New(), buf: make([]byte, 0, 256)}
	h.buf = append(h.buf, Version+"\n"...)
	h.buf = appendString(h.buf, feed)
	h.buf = binary.BigEndian.AppendUint64(h.buf, batch)
	h.flush()
	return h
}

func (h *Hasher) flush() {
	h.h.Write(h.buf)
	h.buf = h.buf[:0]
}

func appendString(b []byte, s string) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(s)))
	return append(b, s...)
}

func appendFloat(b []byte, f float64) []byte {
	if f == 0 {
		f = 0 // -0 and +0 are one value
	}
	return binary.BigEndian.AppendUint64(b, math.Float64bits(f))
}

func appendTime(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(b, 0)
	}
	return binary.BigEndian.AppendUint64(append(b, 1), uint64(t.UnixNano()))
}

// Add hashes the next point of the batch; row is its row in the batch's file.
// Points must come in ascending (time, row) order, before any Replaced.
func (h *Hasher) Add(p *domain.Point, row uint32) error {
	if h.err != nil {
		return h.err
	}
	at := p.At.UnixNano()
	switch {
	case h.inReplace:
		h.err = fmt.Errorf("point at %s row %d after the replaced points", p.At.UTC().Format(time.RFC3339Nano), row)
	case h.points > 0 && (at < h.lastAt || at == h.lastAt && row <= h.lastRow):
		h.err = fmt.Errorf("point at %s row %d out of order", p.At.UTC().Format(time.RFC3339Nano), row)
	}
	if h.err != nil {
		return h.err
	}
	h.lastAt, h.lastRow = at, row
	b := append(h.buf, 'P')
	b = binary.BigEndian.AppendUint64(b, uint64(at))
	b = binary.BigEndian.AppendUint32(b, row)
	b = appendFloat(b, p.Value)
	b = appendFloat(b, p.Good)
	b = appendFloat(b, p.Total)
	b = appendFloat(b, p.Paused)
	b = appendTime(b, p.Opened)
	b = appendTime(b, p.Resolved)
	b = appendString(b, p.ItemID)
	b = appendString(b, p.Priority)
	b = appendString(b, p.CI)
	h.buf = b
	h.points++
	if len(h.buf) >= 32<<10 {
		h.flush()
	}
	return nil
}

// Replaced hashes the key of another batch's point that this batch replaced
// (hid from readers). Keys must come in ascending (time, batch, row) order,
// after every Add.
func (h *Hasher) Replaced(at time.Time, batch uint64, row uint32) error {
	if h.err != nil {
		return h.err
	}
	ns := at.UnixNano()
	if h.inReplace && (ns < h.lastAt || ns == h.lastAt && (batch < h.lastBatch || batch == h.lastBatch && row <= h.lastRow)) {
		h.err = fmt.Errorf("replaced point at %s batch %d row %d out of order", at.UTC().Format(time.RFC3339Nano), batch, row)
		return h.err
	}
	h.inReplace = true
	h.lastAt, h.lastBatch, h.lastRow = ns, batch, row
	b := append(h.buf, 'R')
	b = binary.BigEndian.AppendUint64(b, uint64(ns))
	b = binary.BigEndian.AppendUint64(b, batch)
	b = binary.BigEndian.AppendUint32(b, row)
	h.buf = b
	h.replaced++
	if len(h.buf) >= 32<<10 {
		h.flush()
	}
	return nil
}

// Sum ends the stream and returns the digest (or the first ordering error).
func (h *Hasher) Sum() (Digest, error) {
	if h.err != nil {
		return Digest{}, h.err
	}
	h.buf = append(h.buf, 'E')
	h.buf = binary.BigEndian.AppendUint64(h.buf, uint64(h.points))
	h.buf = binary.BigEndian.AppendUint64(h.buf, uint64(h.replaced))
	h.flush()
	return Digest{Points: h.points, Replaced: h.replaced, SHA256: hex.EncodeToString(h.h.Sum(nil))}, nil
}
