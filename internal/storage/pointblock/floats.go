package pointblock

import (
	"encoding/binary"
	"math"
	"math/bits"
)

// Float columns are decimals when every value is exactly k-decimal (what a
// supplier file holds: 123.45 is stored as the integer 12345 and k = 2, and
// reads back bit for bit, as strconv.ParseFloat("123.45") gives it), else
// the XOR encoding of Gorilla (Pelkonen et al., VLDB 2015).
//
//	byte  kind: 0 decimal, then byte k and an ints column
//	            1 XOR, then uvarint byte length and the bit stream
const (
	kindDecimal = 0
	kindXOR     = 1
	maxDecimals = 15
)

var pow10 = func() (p [maxDecimals + 1]float64) {
	p[0] = 1
	for i := 1; i <= maxDecimals; i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// decimal reports the integer v·10^k when it reads back as exactly v.
func decimal(v float64, k int) (int64, bool) {
	s := math.Round(v * pow10[k])
	if !(math.Abs(s) < 1<<53) {
		return 0, false // also NaN and ±Inf
	}
	i := int64(s)
	return i, math.Float64bits(float64(i)/pow10[k]) == math.Float64bits(v)
}

func appendFloats(dst []byte, fs []float64, conv, scratch []int64) []byte {
	// Decimal when one k, the fewest decimals holding every value exactly,
	// converts them all. k is found in the same pass as the conversion: a
	// value is converted at the k of its time, and those before the last
	// growth of k again.
	k, redo, ok := 0, 0, true
	for i, v := range fs {
		for {
			var exact bool
			if conv[i], exact = decimal(v, k); exact {
				break
			}
			if k++; k > maxDecimals {
				ok = false
				break
			}
			redo = i
		}
		if !ok {
			break
		}
	}
	for i := 0; ok && i < redo; i++ {
		conv[i], ok = decimal(fs[i], k)
	}
	if ok {
		dst = append(dst, kindDecimal, byte(k))
		return appendInts(dst, conv[:len(fs)], scratch)
	}
	dst = append(dst, kindXOR)
	var stream []byte
	var bw bitWriter
	prev := math.Float64bits(fs[0])
	stream = bw.put(stream, prev, 64)
	lead, trail := -1, 0
	for _, f := range fs[1:] {
		cur := math.Float64bits(f)
		x := cur ^ prev
		prev = cur
		if x == 0 {
			stream = bw.put(stream, 0, 1)
			continue
		}
		l, t := bits.LeadingZeros64(x), bits.TrailingZeros64(x)
		if lead >= 0 && l >= lead && t >= trail {
			stream = bw.put(stream, 0b01, 2) // 1 then 0: same window
			stream = bw.put(stream, x>>trail, 64-lead-trail)
			continue
		}
		lead, trail = l, t
		stream = bw.put(stream, 0b11, 2) // 1 then 1: new window
		stream = bw.put(stream, uint64(l), 6)
		stream = bw.put(stream, uint64(64-l-t-1), 6)
		stream = bw.put(stream, x>>t, 64-l-t)
	}
	stream = bw.flush(stream)
	dst = binary.AppendUvarint(dst, uint64(len(stream)))
	return append(dst, stream...)
}

func readFloats(src []byte, out []float64, conv []int64) ([]byte, error) {
	if len(src) < 1 {
		return nil, ErrCorrupt
	}
	kind := src[0]
	src = src[1:]
	switch kind {
	case kindDecimal:
		if len(src) < 1 || src[0] > maxDecimals {
			return nil, ErrCorrupt
		}
		k := int(src[0])
		ints := conv[:len(out)]
		rest, err := readInts(src[1:], ints)
		if err != nil {
			return nil, err
		}
		p := pow10[k]
		for i, x := range ints {
			out[i] = float64(x) / p
		}
		return rest, nil
	case kindXOR:
		l, k := binary.Uvarint(src)
		if k <= 0 || l > uint64(len(src)-k) {
			return nil, ErrCorrupt
		}
		r := bitReader{src: src[k : k+int(l)]}
		prev := r.get(64)
		out[0] = math.Float64frombits(prev)
		lead, trail := -1, 0
		for i := 1; i < len(out); i++ {
			switch {
			case r.get(1) == 0:
			case r.get(1) == 0:
				if lead < 0 {
					return nil, ErrCorrupt
				}
				prev ^= r.get(64-lead-trail) << trail
			default:
				lead = int(r.get(6))
				n := int(r.get(6)) + 1
				if lead+n > 64 {
					return nil, ErrCorrupt
				}
				trail = 64 - lead - n
				prev ^= r.get(n) << trail
			}
			out[i] = math.Float64frombits(prev)
		}
		if r.bad {
			return nil, ErrCorrupt
		}
		return src[k+int(l):], nil
	}
	return nil, ErrCorrupt
}

// bitReader reads what bitWriter wrote; reading past the end sets bad.
type bitReader struct {
	src []byte
	pos int // bit position
	bad bool
}

func (r *bitReader) get(w int) uint64 {
	var y uint64
	for got := 0; got < w; {
		at := r.pos >> 3
		if at >= len(r.src) {
			r.bad = true
			return 0
		}
		off := r.pos & 7
		take := min(8-off, w-got)
		y |= uint64(r.src[at]>>off&(1<<take-1)) << got
		got += take
		r.pos += take
	}
	return y
}

// Times of items may be unset: a column of flags says which are (when any
// is), then an ints column holds the set ones.
//
//	byte  0 every value set, 1 some unset (then an ints column of 0/1)
func appendNullableInts(dst []byte, ts, conv, scratch []int64) []byte {
	set := conv[:0]
	nulls := 0
	for _, t := range ts {
		if t == NoTime {
			nulls++
		}
	}
	if nulls == 0 {
		dst = append(dst, 0)
		return appendInts(dst, ts, scratch)
	}
	dst = append(dst, 1)
	flags := conv[:len(ts)]
	for i, t := range ts {
		flags[i] = 0
		if t != NoTime {
			flags[i] = 1
		}
	}
	dst = appendInts(dst, flags, scratch)
	for _, t := range ts {
		if t != NoTime {
			set = append(set, t)
		}
	}
	if len(set) == 0 {
		return dst
	}
	return appendInts(dst, set, scratch)
}

func readNullableInts(src []byte, out, conv []int64) ([]byte, error) {
	if len(src) < 1 || src[0] > 1 {
		return nil, ErrCorrupt
	}
	if src[0] == 0 {
		return readInts(src[1:], out)
	}
	flags := conv[:len(out)]
	src, err := readInts(src[1:], flags)
	if err != nil {
		return nil, err
	}
	n := 0
	for _, f := range flags {
		if f != 0 && f != 1 {
			return nil, ErrCorrupt
		}
		n += int(f)
	}
	vals := out[len(out)-n:] // filled from the back, so nothing is overwritten early
	if n > 0 {
		if src, err = readInts(src, vals); err != nil {
			return nil, err
		}
	}
	j := len(out) - n
	for i := range out {
		if flags[i] == 1 {
			out[i] = out[j]
			j++
		} else {
			out[i] = NoTime
		}
	}
	return src, nil
}
