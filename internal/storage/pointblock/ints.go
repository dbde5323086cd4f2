package pointblock

import (
	"encoding/binary"
	"math/bits"
)

// Integer columns are stored frame-of-reference: each value minus the
// column's minimum, divided by the greatest common divisor of those offsets,
// bit-packed at one width; the few values wider than it keep their high bits
// in an exception list (patched FOR). A column is either its values or their
// deltas, whichever is smaller: regular timestamps and row numbers become
// width 0 (no bits at all), latencies stay values.
//
//	byte     mode: bit 0 = deltas (then varint first value)
//	varint   base (the minimum of what is packed)
//	uvarint  mult (0: everything equals base)
//	byte     width, then ⌈n·width/8⌉ bytes of low bits
//	uvarint  exceptions, each: uvarint index gap, uvarint high bits

const modeDelta = 1

// intPlan is the cheapest layout of one transform of a column.
type intPlan struct {
	base  int64
	mult  uint64
	width int
	bits  int // estimated size
}

// planInts sizes xs as frame-of-reference with exceptions.
func planInts(xs []int64) intPlan {
	if len(xs) == 0 {
		return intPlan{}
	}
	base := xs[0]
	for _, x := range xs[1:] {
		base = min(base, x)
	}
	var g uint64
	for _, x := range xs {
		if u := uint64(x - base); u != 0 && (g == 0 || u%g != 0) {
			if g = gcd(g, u); g == 1 {
				break
			}
		}
	}
	p := intPlan{base: base, mult: g}
	if g == 0 {
		return p
	}
	// The histogram of widths: exact when g is a power of two (the usual
	// 1), else at most one bit too wide (dividing each value is slow).
	var hist [65]int
	top := 0
	shift, over := uint(bits.TrailingZeros64(g)), 0
	if g&(g-1) != 0 {
		shift, over = 0, bits.Len64(g)-1
	}
	for _, x := range xs {
		b := max(0, bits.Len64(uint64(x-base)>>shift)-over)
		hist[b]++
		top = max(top, b)
	}
	p.bits = -1
	for w := 0; w <= top; w++ {
		cost := len(xs) * w
		for b := w + 1; b <= top; b++ {
			if hist[b] > 0 {
				cost += hist[b] * (8 + 8*((b-w+6)/7))
			}
		}
		if p.bits < 0 || cost < p.bits {
			p.bits, p.width = cost, w
		}
	}
	return p
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// appendInts encodes vs; scratch (len(vs) or more) is reused between calls.
func appendInts(dst []byte, vs []int64, scratch []int64) []byte {
	var raw intPlan
	mode := byte(0)
	xs := vs
	if len(vs) > 1 {
		d := scratch[:len(vs)-1]
		for i := 1; i < len(vs); i++ {
			d[i-1] = vs[i] - vs[i-1]
		}
		// Evenly spaced (times, rows): the deltas cost nothing.
		dp := planInts(d)
		if dp.mult == 0 {
			raw, mode, xs = dp, modeDelta, d
		} else if raw = planInts(vs); dp.bits+40 < raw.bits {
			raw, mode, xs = dp, modeDelta, d
		}
	} else {
		raw = planInts(vs)
	}
	dst = append(dst, mode)
	if mode == modeDelta {
		dst = binary.AppendVarint(dst, vs[0])
	}
	dst = binary.AppendVarint(dst, raw.base)
	dst = binary.AppendUvarint(dst, raw.mult)
	if raw.mult == 0 {
		return dst
	}
	w := raw.width
	dst = append(dst, byte(w))
	var bw bitWriter
	nexc := 0
	div := func(u uint64) uint64 { return u / raw.mult }
	if raw.mult&(raw.mult-1) == 0 {
		shift := uint(bits.TrailingZeros64(raw.mult))
		div = func(u uint64) uint64 { return u >> shift }
	}
	for _, x := range xs {
		y := div(uint64(x - raw.base))
		if w < 64 && y>>w != 0 {
			nexc++
		}
		dst = bw.put(dst, y, w)
	}
	dst = bw.flush(dst)
	dst = binary.AppendUvarint(dst, uint64(nexc))
	last := 0
	for i, x := range xs {
		y := div(uint64(x - raw.base))
		if w < 64 && y>>w != 0 {
			dst = binary.AppendUvarint(dst, uint64(i-last))
			dst = binary.AppendUvarint(dst, y>>w)
			last = i
		}
	}
	return dst
}

// readInts decodes n values into out (len n) and returns the rest of src.
func readInts(src []byte, out []int64) ([]byte, error) {
	n := len(out)
	if len(src) < 1 {
		return nil, ErrCorrupt
	}
	mode := src[0]
	src = src[1:]
	if mode&^modeDelta != 0 {
		return nil, ErrCorrupt
	}
	var first int64
	var k int
	if mode == modeDelta {
		if first, k = binary.Varint(src); k <= 0 {
			return nil, ErrCorrupt
		}
		src = src[k:]
	}
	base, k := binary.Varint(src)
	if k <= 0 {
		return nil, ErrCorrupt
	}
	src = src[k:]
	mult, k := binary.Uvarint(src)
	if k <= 0 {
		return nil, ErrCorrupt
	}
	src = src[k:]
	xs := out
	if mode == modeDelta {
		if n == 0 {
			return nil, ErrCorrupt
		}
		xs = out[1:]
	}
	if mult == 0 {
		for i := range xs {
			xs[i] = base
		}
	} else {
		if len(src) < 1 {
			return nil, ErrCorrupt
		}
		w := int(src[0])
		src = src[1:]
		if w > 64 {
			return nil, ErrCorrupt
		}
		nb := (len(xs)*w + 7) / 8
		if len(src) < nb {
			return nil, ErrCorrupt
		}
		unpack(src[:nb], w, xs)
		src = src[nb:]
		nexc, k := binary.Uvarint(src)
		if k <= 0 || nexc > uint64(len(xs)) {
			return nil, ErrCorrupt
		}
		src = src[k:]
		i := 0
		for e := uint64(0); e < nexc; e++ {
			gap, k := binary.Uvarint(src)
			if k <= 0 {
				return nil, ErrCorrupt
			}
			src = src[k:]
			high, k := binary.Uvarint(src)
			if k <= 0 {
				return nil, ErrCorrupt
			}
			src = src[k:]
			if gap > uint64(len(xs)) || i+int(gap) >= len(xs) {
				return nil, ErrCorrupt
			}
			i += int(gap)
			xs[i] |= int64(high << w)
		}
		for j, y := range xs {
			xs[j] = base + int64(uint64(y)*mult)
		}
	}
	if mode == modeDelta {
		out[0] = first
		for i := 1; i < n; i++ {
			out[i] = out[i-1] + out[i]
		}
	}
	return src, nil
}

// bitWriter packs values of up to 64 bits, least significant bit first.
type bitWriter struct {
	acc  uint64
	nacc int
}

// put appends the low w bits of y.
func (b *bitWriter) put(dst []byte, y uint64, w int) []byte {
	if w == 0 {
		return dst
	}
	y &= 1<<w - 1 // (a shift by 64 gives 0, so w = 64 keeps every bit)
	b.acc |= y << b.nacc
	if b.nacc+w >= 64 {
		dst = binary.LittleEndian.AppendUint64(dst, b.acc)
		if b.nacc == 0 {
			b.acc = 0
		} else {
			b.acc = y >> (64 - b.nacc)
		}
		b.nacc += w - 64
	} else {
		b.nacc += w
	}
	return dst
}

// flush appends the bytes still held.
func (b *bitWriter) flush(dst []byte) []byte {
	for ; b.nacc > 0; b.nacc -= min(8, b.nacc) {
		dst = append(dst, byte(b.acc))
		b.acc >>= 8
	}
	return dst
}

// unpack reads len(out) values of w bits (least significant first) from src,
// which holds at least ⌈len(out)·w/8⌉ bytes.
func unpack(src []byte, w int, out []int64) {
	if w == 0 {
		clear(out)
		return
	}
	mask := uint64(1)<<w - 1
	pos := 0 // bit position
	// Fast path: an 8-byte load holds any value of up to 57 bits at any
	// bit offset; the last few values are read from a padded copy.
	var fast int
	if w <= 56 {
		fast = max(0, (len(src)-8)*8/w-1)
		fast = min(fast, len(out))
		for i := 0; i < fast; i++ {
			v := binary.LittleEndian.Uint64(src[pos>>3:])
			out[i] = int64(v >> (pos & 7) & mask)
			pos += w
		}
	}
	for i := fast; i < len(out); i++ {
		var y uint64
		for got := 0; got < w; {
			byteAt := pos >> 3
			off := pos & 7
			take := min(8-off, w-got)
			y |= uint64(src[byteAt]>>off&(1<<take-1)) << got
			got += take
			pos += take
		}
		out[i] = int64(y & mask)
	}
}
