// Package pointblock is the compressed column block in which Slate stores
// the points of a feed: up to MaxPoints points of one import batch, sorted by
// (time, row). Every field is a column (timestamps, source rows, values,
// counts, item fields), each encoded the way that suits it (ints.go,
// floats.go, strings.go), so that regular one-minute latencies cost about two
// bytes a point instead of a dozen.
//
// A block is self-describing: its header carries the number of points, the
// first time and the span (so a reader can skip a block without decoding
// it), the first row, which columns are present, and the minimum and maximum
// of the Value column.
//
//	byte     format (2)
//	uvarint  n (1 … MaxPoints)
//	varint   first time (Unix ns)
//	uvarint  span: last time − first time (ns)
//	uvarint  first row
//	uvarint  column mask (colValue …)
//	[mask has colValue] float64 min, float64 max of Value (little-endian bits)
//	ints     times (n values, ns)
//	ints     rows (n values)
//	then each present column in mask order: floats, nullable times, or strings
package pointblock

import (
	"encoding/binary"
	"errors"
	"math"
	"time"

	"slate/internal/domain"
)

// ErrCorrupt means a block could not be decoded.
var ErrCorrupt = errors.New("point block is unreadable")

// Format is the first byte of every block this package writes.
const Format = 2

// MaxPoints bounds a block (and the memory a decoder needs).
const MaxPoints = 8192

// Columns of a block, in the order they are stored.
const (
	colValue = 1 << iota
	colGood
	colTotal
	colPaused
	colOpened
	colResolved
	colItem
	colPriority
	colCI
	colAll = colCI<<1 - 1
)

// Block is the decoded (or to be encoded) content of one block: one entry
// per point in every present column. Columns not in Mask are empty.
type Block struct {
	Times []int64 // Unix ns
	Rows  []uint32
	// Mask says which columns hold anything but zeros.
	Mask uint32

	Value, Good, Total, Paused []float64
	// Opened and Resolved are Unix ns; NoTime is the zero time.
	Opened, Resolved     []int64
	ItemID, Priority, CI []string

	scratch, conv []int64
}

// NoTime stands for the zero time.Time in Opened and Resolved.
const NoTime = math.MinInt64

// Len is the number of points.
func (b *Block) Len() int { return len(b.Times) }

// Reset empties the block, keeping its memory.
func (b *Block) Reset() {
	b.Times, b.Rows, b.Mask = b.Times[:0], b.Rows[:0], 0
	b.Value, b.Good, b.Total, b.Paused = b.Value[:0], b.Good[:0], b.Total[:0], b.Paused[:0]
	b.Opened, b.Resolved = b.Opened[:0], b.Resolved[:0]
	clear(b.ItemID)
	clear(b.Priority)
	clear(b.CI)
	b.ItemID, b.Priority, b.CI = b.ItemID[:0], b.Priority[:0], b.CI[:0]
}

// Add appends a point (its At and fields; Batch is not stored) and its row.
// A column is kept from its first non-zero value on (padded before it), so
// the columns a feed never fills stay empty, as Decode leaves them, and
// cost nothing per point.
func (b *Block) Add(p *domain.Point, row uint32) {
	n := len(b.Times)
	b.Times = append(b.Times, p.At.UnixNano())
	b.Rows = append(b.Rows, row)
	if p.Value != 0 || b.Mask&colValue != 0 {
		b.Value = addCol(b.Value, n, noNegZero(p.Value), 0)
		b.Mask |= colValue
	}
	if p.Good != 0 || b.Mask&colGood != 0 {
		b.Good = addCol(b.Good, n, noNegZero(p.Good), 0)
		b.Mask |= colGood
	}
	if p.Total != 0 || b.Mask&colTotal != 0 {
		b.Total = addCol(b.Total, n, noNegZero(p.Total), 0)
		b.Mask |= colTotal
	}
	if p.Paused != 0 || b.Mask&colPaused != 0 {
		b.Paused = addCol(b.Paused, n, noNegZero(p.Paused), 0)
		b.Mask |= colPaused
	}
	if !p.Opened.IsZero() || b.Mask&colOpened != 0 {
		b.Opened = addCol(b.Opened, n, unixNano(p.Opened), NoTime)
		b.Mask |= colOpened
	}
	if !p.Resolved.IsZero() || b.Mask&colResolved != 0 {
		b.Resolved = addCol(b.Resolved, n, unixNano(p.Resolved), NoTime)
		b.Mask |= colResolved
	}
	if p.ItemID != "" || b.Mask&colItem != 0 {
		b.ItemID = addCol(b.ItemID, n, p.ItemID, "")
		b.Mask |= colItem
	}
	if p.Priority != "" || b.Mask&colPriority != 0 {
		b.Priority = addCol(b.Priority, n, p.Priority, "")
		b.Mask |= colPriority
	}
	if p.CI != "" || b.Mask&colCI != 0 {
		b.CI = addCol(b.CI, n, p.CI, "")
		b.Mask |= colCI
	}
}

// addCol appends v as the value of point n, after the zeros of the points
// before it when the column is new.
func addCol[T any](col []T, n int, v, zero T) []T {
	for len(col) < n {
		col = append(col, zero)
	}
	return append(col, v)
}

// Canonical makes p's fields what reading it back from a block gives: −0
// is 0 (a zero field is not stored). Times keep their instant (they read
// back in UTC).
func Canonical(p *domain.Point) {
	p.Value, p.Good, p.Total, p.Paused = noNegZero(p.Value), noNegZero(p.Good), noNegZero(p.Total), noNegZero(p.Paused)
}

// IsCanonical reports whether Canonical would leave p as it is (no −0
// field), so a caller can skip copying the point.
func IsCanonical(p *domain.Point) bool {
	return !isNegZero(p.Value) && !isNegZero(p.Good) && !isNegZero(p.Total) && !isNegZero(p.Paused)
}

func isNegZero(v float64) bool { return v == 0 && math.Signbit(v) }

// noNegZero turns −0 into 0: a zero field is not stored, so it reads back as 0.
func noNegZero(v float64) float64 {
	if v == 0 {
		return 0
	}
	return v
}

func unixNano(t time.Time) int64 {
	if t.IsZero() {
		return NoTime
	}
	return t.UnixNano()
}

func fromUnixNano(ns int64) time.Time {
	if ns == NoTime {
		return time.Time{}
	}
	return time.Unix(0, ns).UTC()
}

// Point fills p with point i (Batch untouched, strings shared with the block).
func (b *Block) Point(i int, p *domain.Point) {
	p.At = time.Unix(0, b.Times[i]).UTC()
	p.Value, p.Good, p.Total, p.Paused = 0, 0, 0, 0
	p.Opened, p.Resolved = time.Time{}, time.Time{}
	p.ItemID, p.Priority, p.CI = "", "", ""
	if b.Mask == 0 {
		return
	}
	if b.Mask&colValue != 0 {
		p.Value = b.Value[i]
	}
	if b.Mask&colGood != 0 {
		p.Good = b.Good[i]
	}
	if b.Mask&colTotal != 0 {
		p.Total = b.Total[i]
	}
	if b.Mask&colPaused != 0 {
		p.Paused = b.Paused[i]
	}
	if b.Mask&colOpened != 0 {
		p.Opened = fromUnixNano(b.Opened[i])
	}
	if b.Mask&colResolved != 0 {
		p.Resolved = fromUnixNano(b.Resolved[i])
	}
	if b.Mask&colItem != 0 {
		p.ItemID = b.ItemID[i]
	}
	if b.Mask&colPriority != 0 {
		p.Priority = b.Priority[i]
	}
	if b.Mask&colCI != 0 {
		p.CI = b.CI[i]
	}
}

// Header is what a reader needs to decide whether to decode a block.
type Header struct {
	N        int
	First    int64 // Unix ns of the first point
	Span     uint64
	FirstRow uint32
	Mask     uint32
	// MinValue and MaxValue summarise the Value column (0 when it is absent).
	MinValue, MaxValue float64
}

// Last is the Unix ns of the last point.
func (h Header) Last() int64 { return h.First + int64(h.Span) }

// Append encodes the points of b (sorted by time, then row) after dst.
func (b *Block) Append(dst []byte) []byte {
	n := len(b.Times)
	if n == 0 || n > MaxPoints {
		panic("pointblock: a block holds 1 to MaxPoints points")
	}
	dst = append(dst, Format)
	dst = binary.AppendUvarint(dst, uint64(n))
	dst = binary.AppendVarint(dst, b.Times[0])
	dst = binary.AppendUvarint(dst, uint64(b.Times[n-1]-b.Times[0]))
	dst = binary.AppendUvarint(dst, uint64(b.Rows[0]))
	dst = binary.AppendUvarint(dst, uint64(b.Mask))
	if b.Mask&colValue != 0 {
		lo, hi, nan := b.Value[0], b.Value[0], false
		for _, v := range b.Value {
			if v < lo {
				lo = v
			}
			if v > hi {
				hi = v
			}
			nan = nan || v != v
		}
		if nan {
			lo, hi = math.NaN(), math.NaN() // unknown
		}
		dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(lo))
		dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(hi))
	}
	b.scratch, b.conv = grow(b.scratch, n), grow(b.conv, n)
	scratch, conv := b.scratch, b.conv
	dst = appendInts(dst, b.Times, scratch)
	for i, r := range b.Rows {
		conv[i] = int64(r)
	}
	dst = appendInts(dst, conv, scratch)
	for _, c := range []struct {
		bit uint32
		fs  []float64
	}{{colValue, b.Value}, {colGood, b.Good}, {colTotal, b.Total}, {colPaused, b.Paused}} {
		if b.Mask&c.bit != 0 {
			dst = appendFloats(dst, c.fs, conv, scratch)
		}
	}
	for _, c := range []struct {
		bit uint32
		ts  []int64
	}{{colOpened, b.Opened}, {colResolved, b.Resolved}} {
		if b.Mask&c.bit != 0 {
			dst = appendNullableInts(dst, c.ts, conv, scratch)
		}
	}
	for _, c := range []struct {
		bit uint32
		ss  []string
	}{{colItem, b.ItemID}, {colPriority, b.Priority}, {colCI, b.CI}} {
		if b.Mask&c.bit != 0 {
			dst = appendStrings(dst, c.ss, conv, scratch)
		}
	}
	return dst
}

// AppendRange encodes points i … j−1 of b as a block after dst.
func (b *Block) AppendRange(dst []byte, i, j int) []byte {
	if i == 0 && j == len(b.Times) {
		return b.Append(dst)
	}
	v := Block{Times: b.Times[i:j], Rows: b.Rows[i:j], Mask: b.Mask,
		Value: part(b.Value, i, j), Good: part(b.Good, i, j), Total: part(b.Total, i, j), Paused: part(b.Paused, i, j),
		Opened: part(b.Opened, i, j), Resolved: part(b.Resolved, i, j),
		ItemID: part(b.ItemID, i, j), Priority: part(b.Priority, i, j), CI: part(b.CI, i, j),
		scratch: b.scratch, conv: b.conv}
	dst = v.Append(dst)
	b.scratch, b.conv = v.scratch, v.conv
	return dst
}

// part is col[i:j] of a column in the mask, nil for an empty one.
func part[T any](col []T, i, j int) []T {
	if len(col) == 0 {
		return nil
	}
	return col[i:j]
}

// ReadHeader decodes the header of a block and returns the rest of it.
func ReadHeader(src []byte) (Header, []byte, error) {
	var h Header
	if len(src) < 1 || src[0] != Format {
		return h, nil, ErrCorrupt
	}
	src = src[1:]
	n, k := binary.Uvarint(src)
	if k <= 0 || n == 0 || n > MaxPoints {
		return h, nil, ErrCorrupt
	}
	src = src[k:]
	first, k := binary.Varint(src)
	if k <= 0 {
		return h, nil, ErrCorrupt
	}
	src = src[k:]
	span, k := binary.Uvarint(src)
	// (wrapping arithmetic: MaxInt64 − first always fits in a uint64)
	if k <= 0 || span > uint64(math.MaxInt64)-uint64(first) {
		return h, nil, ErrCorrupt
	}
	src = src[k:]
	row, k := binary.Uvarint(src)
	if k <= 0 || row > math.MaxUint32 {
		return h, nil, ErrCorrupt
	}
	src = src[k:]
	mask, k := binary.Uvarint(src)
	if k <= 0 || mask&^colAll != 0 {
		return h, nil, ErrCorrupt
	}
	src = src[k:]
	h = Header{N: int(n), First: first, Span: span, FirstRow: uint32(row), Mask: uint32(mask)}
	if mask&colValue != 0 {
		if len(src) < 16 {
			return h, nil, ErrCorrupt
		}
		h.MinValue = math.Float64frombits(binary.LittleEndian.Uint64(src))
		h.MaxValue = math.Float64frombits(binary.LittleEndian.Uint64(src[8:]))
		src = src[16:]
	}
	return h, src, nil
}

// Decode fills b with the points of block src. The strings b holds are
// copies (safe after the transaction that read src is over).
func (b *Block) Decode(src []byte) (Header, error) {
	h, src, err := ReadHeader(src)
	if err != nil {
		return h, err
	}
	n := h.N
	b.Reset()
	b.Mask = h.Mask
	b.Times = grow(b.Times, n)
	if src, err = readInts(src, b.Times); err != nil {
		return h, err
	}
	if b.Times[0] != h.First || uint64(b.Times[n-1]-b.Times[0]) != h.Span {
		return h, ErrCorrupt
	}
	for i := 1; i < n; i++ {
		if b.Times[i] < b.Times[i-1] {
			return h, ErrCorrupt
		}
	}
	b.scratch, b.conv = grow(b.scratch, n), grow(b.conv, n)
	if src, err = readInts(src, b.conv); err != nil {
		return h, err
	}
	b.Rows = grow(b.Rows, n)
	for i, r := range b.conv {
		if r < 0 || r > math.MaxUint32 {
			return h, ErrCorrupt
		}
		b.Rows[i] = uint32(r)
	}
	if b.Rows[0] != h.FirstRow {
		return h, ErrCorrupt
	}
	for _, c := range []struct {
		bit uint32
		fs  *[]float64
	}{{colValue, &b.Value}, {colGood, &b.Good}, {colTotal, &b.Total}, {colPaused, &b.Paused}} {
		if h.Mask&c.bit == 0 {
			continue
		}
		*c.fs = grow(*c.fs, n)
		if src, err = readFloats(src, *c.fs, b.conv); err != nil {
			return h, err
		}
	}
	for _, c := range []struct {
		bit uint32
		ts  *[]int64
	}{{colOpened, &b.Opened}, {colResolved, &b.Resolved}} {
		if h.Mask&c.bit == 0 {
			continue
		}
		*c.ts = grow(*c.ts, n)
		if src, err = readNullableInts(src, *c.ts, b.conv); err != nil {
			return h, err
		}
	}
	for _, c := range []struct {
		bit uint32
		ss  *[]string
	}{{colItem, &b.ItemID}, {colPriority, &b.Priority}, {colCI, &b.CI}} {
		if h.Mask&c.bit == 0 {
			continue
		}
		*c.ss = grow(*c.ss, n)
		if src, err = readStrings(src, *c.ss, b.conv); err != nil {
			return h, err
		}
	}
	if len(src) != 0 {
		return h, ErrCorrupt
	}
	return h, nil
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
