package pointblock

import (
	"cmp"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"slate/internal/domain"
)

var t0 = time.Date(2016, 9, 1, 0, 0, 0, 0, time.UTC)

// roundTrip encodes pts (with rows) and checks that decoding gives them back.
func roundTrip(t testing.TB, pts []domain.Point, rows []uint32) []byte {
	t.Helper()
	var b Block
	for i := range pts {
		b.Add(&pts[i], rows[i])
	}
	enc := b.Append(nil)
	var d Block
	h, err := d.Decode(enc)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if h.N != len(pts) || d.Len() != len(pts) {
		t.Fatalf("decoded %d points, want %d", d.Len(), len(pts))
	}
	for i := range pts {
		var p domain.Point
		d.Point(i, &p)
		want := pts[i]
		want.Batch = 0
		for _, f := range []*float64{&want.Value, &want.Good, &want.Total, &want.Paused} {
			if *f == 0 {
				*f = 0 // −0 reads back as 0, as in every format before
			}
		}
		if !samePoint(p, want) || d.Rows[i] != rows[i] {
			t.Fatalf("point %d: got %+v row %d, want %+v row %d", i, p, d.Rows[i], want, rows[i])
		}
	}
	return enc
}

// samePoint compares bit for bit (NaN equals NaN) and times by instant and zero-ness.
func samePoint(a, b domain.Point) bool {
	fb := math.Float64bits
	return a.At.Equal(b.At) && a.At.Location() == time.UTC &&
		fb(a.Value) == fb(b.Value) && fb(a.Good) == fb(b.Good) && fb(a.Total) == fb(b.Total) && fb(a.Paused) == fb(b.Paused) &&
		a.Opened.IsZero() == b.Opened.IsZero() && a.Opened.Equal(b.Opened) &&
		a.Resolved.IsZero() == b.Resolved.IsZero() && a.Resolved.Equal(b.Resolved) &&
		a.ItemID == b.ItemID && a.Priority == b.Priority && a.CI == b.CI
}

// minuteLatencies is the benchmark's shape: one latency (ms, 2 decimals) a minute.
func minuteLatencies(n int, seed uint64) ([]domain.Point, []uint32) {
	rng := rand.New(rand.NewPCG(seed, 1))
	pts := make([]domain.Point, n)
	rows := make([]uint32, n)
	for i := range pts {
		v := 120 * math.Exp(0.3*rng.NormFloat64())
		v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'f', 2, 64), 64)
		pts[i] = domain.Point{At: t0.Add(time.Duration(i) * time.Minute), Value: v}
		rows[i] = uint32(i + 2)
	}
	return pts, rows
}

func TestRoundTripShapes(t *testing.T) {
	lat, latRows := minuteLatencies(1000, 1)
	t.Run("latencies", func(t *testing.T) {
		enc := roundTrip(t, lat, latRows)
		// two decimals of a lognormal around 120 ms: about 15 bits a point
		if per := float64(len(enc)) / 1000; per > 2.1 {
			t.Errorf("%.2f bytes a point, want at most 2.1", per)
		}
	})
	t.Run("counts with CIs", func(t *testing.T) {
		var pts []domain.Point
		var rows []uint32
		for i := range 500 {
			pts = append(pts, domain.Point{At: t0.Add(time.Duration(i/2) * 5 * time.Minute), Good: float64(990 + i%7), Total: 1000, CI: []string{"web-01", "web-02"}[i%2]})
			rows = append(rows, uint32(i+1))
		}
		roundTrip(t, pts, rows)
	})
	t.Run("items", func(t *testing.T) {
		var pts []domain.Point
		var rows []uint32
		for i := range 300 {
			p := domain.Point{ItemID: "INC" + strconv.Itoa(100000+i), Opened: t0.Add(time.Duration(i) * time.Hour), Priority: "P" + strconv.Itoa(i%4+1)}
			if i%3 != 0 {
				p.Resolved = p.Opened.Add(time.Duration(i%17) * time.Hour)
				p.Paused = float64(i % 5 * 60)
			}
			p.At = p.Resolved
			if p.At.IsZero() {
				p.At = p.Opened
			}
			pts = append(pts, p)
			rows = append(rows, uint32(300-i)) // rows need not follow time
		}
		sortByTime(pts, rows)
		roundTrip(t, pts, rows)
	})
	t.Run("awkward floats", func(t *testing.T) {
		vals := []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 1e300, -1e-300, math.SmallestNonzeroFloat64, 0.1, 1.0 / 3, math.MaxFloat64, 0}
		var pts []domain.Point
		var rows []uint32
		for i, v := range vals {
			pts = append(pts, domain.Point{At: t0.Add(time.Duration(i) * time.Nanosecond), Value: v, Good: -v, Total: v})
			rows = append(rows, uint32(i))
		}
		roundTrip(t, pts, rows)
	})
	t.Run("epoch and extreme times", func(t *testing.T) {
		pts := []domain.Point{
			{At: time.Unix(0, math.MinInt64+1).UTC(), Opened: time.Unix(0, 0).UTC()},
			{At: time.Unix(0, 0).UTC(), Resolved: time.Unix(0, 0).UTC(), Opened: time.Unix(0, -5).UTC()},
			{At: time.Unix(0, math.MaxInt64).UTC()},
		}
		roundTrip(t, pts, []uint32{0, math.MaxUint32, 7})
	})
	t.Run("one point", func(t *testing.T) {
		roundTrip(t, lat[:1], latRows[:1])
	})
	t.Run("full block", func(t *testing.T) {
		pts, rows := minuteLatencies(MaxPoints, 2)
		roundTrip(t, pts, rows)
	})
}

func sortByTime(pts []domain.Point, rows []uint32) {
	type pr struct {
		p   domain.Point
		row uint32
	}
	all := make([]pr, len(pts))
	for i := range pts {
		all[i] = pr{pts[i], rows[i]}
	}
	slices.SortStableFunc(all, func(a, b pr) int {
		if c := a.p.At.Compare(b.p.At); c != 0 {
			return c
		}
		return cmp.Compare(a.row, b.row)
	})
	for i := range all {
		pts[i], rows[i] = all[i].p, all[i].row
	}
}

func TestIntsEveryWidth(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for w := 0; w <= 64; w++ {
		for _, n := range []int{1, 2, 7, 64, 65, 1000} {
			vs := make([]int64, n)
			for i := range vs {
				vs[i] = int64(rng.Uint64() >> (64 - w) * uint64(min(w, 1)))
				if w == 64 && i%2 == 0 {
					vs[i] = math.MinInt64 + int64(i)
				}
			}
			if n > 3 {
				vs[n/2] = math.MaxInt64 // an outlier: an exception
			}
			enc := appendInts(nil, vs, make([]int64, n))
			got := make([]int64, n)
			rest, err := readInts(enc, got)
			if err != nil || len(rest) != 0 || !reflect.DeepEqual(got, vs) {
				t.Fatalf("width %d n %d: err %v rest %d\n got %v\nwant %v", w, n, err, len(rest), got, vs)
			}
		}
	}
}

func TestHeaderSkipsWithoutDecoding(t *testing.T) {
	pts, rows := minuteLatencies(100, 5)
	var b Block
	for i := range pts {
		b.Add(&pts[i], rows[i])
	}
	h, _, err := ReadHeader(b.Append(nil))
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := pts[0].Value, pts[0].Value
	for _, p := range pts {
		lo, hi = min(lo, p.Value), max(hi, p.Value)
	}
	want := Header{N: 100, First: t0.UnixNano(), Span: uint64(99 * time.Minute), FirstRow: 2, Mask: colValue, MinValue: lo, MaxValue: hi}
	if h != want {
		t.Fatalf("header %+v, want %+v", h, want)
	}
	if h.Last() != pts[99].At.UnixNano() {
		t.Fatal("Last is not the last point's time")
	}
}

func TestCorruptBlocksAreRefused(t *testing.T) {
	pts, rows := minuteLatencies(300, 6)
	var b Block
	for i := range pts {
		b.Add(&pts[i], rows[i])
	}
	enc := b.Append(nil)
	var d Block
	for cut := range len(enc) {
		if _, err := d.Decode(enc[:cut]); err == nil {
			t.Fatalf("a block cut to %d of %d bytes decoded", cut, len(enc))
		}
	}
	if _, err := d.Decode(append(enc, 0)); err == nil {
		t.Fatal("a block with a trailing byte decoded")
	}
	bad := append([]byte(nil), enc...)
	bad[0] = 1
	if _, err := d.Decode(bad); err == nil {
		t.Fatal("a block of an unknown format decoded")
	}
}

// FuzzBlock builds a block from arbitrary bytes, checks that it round-trips,
// then decodes arbitrary bytes as a block, which must fail cleanly or give
// points that encode again.
func FuzzBlock(f *testing.F) {
	pts, rows := minuteLatencies(40, 7)
	var b Block
	for i := range pts {
		b.Add(&pts[i], rows[i])
	}
	f.Add(b.Append(nil))
	f.Add([]byte{Format, 1, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Add([]byte("\x02\x03\x80\x80\x01\x02\x05\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// 1. data as points
		pts, rows := pointsFrom(data)
		if len(pts) > 0 {
			roundTrip(t, pts, rows)
		}
		// 2. data as a block
		var d Block
		h, err := d.Decode(data)
		if err != nil {
			return
		}
		if h.N != d.Len() {
			t.Fatalf("header says %d points, decoded %d", h.N, d.Len())
		}
		got := make([]domain.Point, d.Len())
		for i := range got {
			d.Point(i, &got[i])
		}
		roundTrip(t, got, append([]uint32(nil), d.Rows...))
	})
}

// pointsFrom reads points from fuzz bytes: 1 byte of field flags, then the fields.
func pointsFrom(data []byte) ([]domain.Point, []uint32) {
	var pts []domain.Point
	var rows []uint32
	at := int64(0)
	row := uint32(0)
	take := func(n int) []byte {
		if len(data) < n {
			data = nil
			return nil
		}
		b := data[:n]
		data = data[n:]
		return b
	}
	u64 := func() uint64 {
		if b := take(8); b != nil {
			return binary.LittleEndian.Uint64(b)
		}
		return 0
	}
	for len(data) > 0 && len(pts) < MaxPoints {
		fl := take(1)[0]
		step, _ := binary.Uvarint(take(2))
		at += int64(step) * int64(time.Second) / 4
		if fl&0x80 != 0 {
			row += uint32(step)
		} else {
			row -= uint32(step)
		}
		p := domain.Point{At: time.Unix(0, at).UTC()}
		if fl&1 != 0 {
			p.Value = math.Float64frombits(u64())
		}
		if fl&2 != 0 {
			p.Good = float64(int64(u64()) % 1e6)
		}
		if fl&4 != 0 {
			p.Total = float64(int32(u64())) / 100
		}
		if fl&8 != 0 {
			p.Opened = time.Unix(0, int64(u64())).UTC()
		}
		if fl&16 != 0 {
			p.Resolved = time.Unix(0, at).UTC()
		}
		if fl&32 != 0 {
			p.ItemID = string(take(int(fl & 7)))
		}
		if fl&64 != 0 {
			p.CI = []string{"a", "b", ""}[fl%3]
		}
		pts = append(pts, p)
		rows = append(rows, row)
	}
	sortByTime(pts, rows)
	return pts, rows
}

func BenchmarkDecodeLatencies(b *testing.B) {
	pts, rows := minuteLatencies(1000, 8)
	var blk Block
	for i := range pts {
		blk.Add(&pts[i], rows[i])
	}
	enc := blk.Append(nil)
	var d Block
	b.SetBytes(int64(len(enc)))
	for b.Loop() {
		if _, err := d.Decode(enc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(enc))/1000, "bytes/point")
}

func BenchmarkEncodeLatencies(b *testing.B) {
	pts, rows := minuteLatencies(1000, 9)
	var blk Block
	for i := range pts {
		blk.Add(&pts[i], rows[i])
	}
	var buf []byte
	for b.Loop() {
		buf = blk.Append(buf[:0])
	}
}

// IsCanonical is true exactly when Canonical changes nothing.
func TestIsCanonical(t *testing.T) {
	negZero := math.Copysign(0, -1)
	vals := []float64{0, negZero, 1, -1, math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64}
	for _, v := range vals {
		for _, g := range vals {
			for _, tot := range vals {
				for _, pa := range vals {
					p := domain.Point{At: time.Unix(1, 0), Value: v, Good: g, Total: tot, Paused: pa}
					q := p
					Canonical(&q)
					same := math.Float64bits(p.Value) == math.Float64bits(q.Value) && math.Float64bits(p.Good) == math.Float64bits(q.Good) &&
						math.Float64bits(p.Total) == math.Float64bits(q.Total) && math.Float64bits(p.Paused) == math.Float64bits(q.Paused)
					if IsCanonical(&p) != same {
						t.Fatalf("%+v: IsCanonical %v, Canonical changes it: %v", p, IsCanonical(&p), !same)
					}
				}
			}
		}
	}
}

// appendFloats finds k and converts in one pass; it must write what the two
// passes it replaced wrote (find the fewest decimals, then convert at them).
func TestAppendFloatsOnePassSameAsTwo(t *testing.T) {
	twoPass := func(fs []float64) []byte {
		k := 0
	values:
		for _, v := range fs {
			for {
				if _, ok := decimal(v, k); ok {
					continue values
				}
				if k++; k > maxDecimals {
					k = -1
					break values
				}
			}
		}
		conv := make([]int64, len(fs))
		if k >= 0 {
			ok := true
			for i, v := range fs {
				if conv[i], ok = decimal(v, k); !ok {
					break
				}
			}
			if ok {
				return appendInts([]byte{kindDecimal, byte(k)}, conv, make([]int64, len(fs)))
			}
		}
		return nil // XOR: the same code in both
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		fs := make([]float64, 1+rng.IntN(50))
		for i := range fs {
			switch rng.IntN(8) {
			case 0:
				fs[i] = rng.NormFloat64() // no decimals hold it
			case 1:
				fs[i] = math.Copysign(0, -1)
			default:
				d := rng.IntN(maxDecimals + 1)
				fs[i], _ = strconv.ParseFloat(strconv.FormatFloat((rng.Float64()-0.5)*math.Pow(10, float64(rng.IntN(8))), 'f', d, 64), 64)
			}
		}
		got := appendFloats(nil, fs, make([]int64, len(fs)), make([]int64, len(fs)))
		if want := twoPass(fs); want != nil && !slices.Equal(got, want) || want == nil && got[0] != kindXOR {
			t.Fatalf("%v: %x, want %x", fs, got, want)
		}
	}
}

// Add keeps only the columns points fill; the blocks it builds encode, whole
// and in ranges, to the bytes of blocks holding every column in full.
func TestAddSparseColumnsEncodeAsFull(t *testing.T) {
	full := func(pts []domain.Point, rows []uint32) *Block {
		var b Block
		for i := range pts {
			p := &pts[i]
			b.Times = append(b.Times, p.At.UnixNano())
			b.Rows = append(b.Rows, rows[i])
			b.Value = append(b.Value, noNegZero(p.Value))
			b.Good = append(b.Good, noNegZero(p.Good))
			b.Total = append(b.Total, noNegZero(p.Total))
			b.Paused = append(b.Paused, noNegZero(p.Paused))
			b.Opened = append(b.Opened, unixNano(p.Opened))
			b.Resolved = append(b.Resolved, unixNano(p.Resolved))
			b.ItemID = append(b.ItemID, p.ItemID)
			b.Priority = append(b.Priority, p.Priority)
			b.CI = append(b.CI, p.CI)
			for bit, set := range map[uint32]bool{colValue: p.Value != 0, colGood: p.Good != 0, colTotal: p.Total != 0,
				colPaused: p.Paused != 0, colOpened: !p.Opened.IsZero(), colResolved: !p.Resolved.IsZero(),
				colItem: p.ItemID != "", colPriority: p.Priority != "", colCI: p.CI != ""} {
				if set {
					b.Mask |= bit
				}
			}
		}
		return &b
	}
	rng := rand.New(rand.NewPCG(9, 10))
	negZero := math.Copysign(0, -1)
	var sparse Block
	for range 2000 {
		n := 1 + rng.IntN(40)
		pts, rows := make([]domain.Point, n), make([]uint32, n)
		odds := rng.IntN(4) + 1 // how rarely a field is set
		num := func() float64 {
			switch rng.IntN(odds * 3) {
			case 0:
				return float64(rng.IntN(1000)) / 10
			case 1:
				return negZero
			}
			return 0
		}
		for i := range pts {
			rows[i] = uint32(i + 2)
			p := domain.Point{At: t0.Add(time.Duration(i) * time.Minute), Value: num(), Good: num(), Total: num(), Paused: num()}
			if rng.IntN(odds*2) == 0 {
				p.Opened = t0.Add(-time.Duration(rng.IntN(1000)) * time.Minute)
			}
			if rng.IntN(odds*2) == 0 {
				p.Resolved = t0.Add(time.Duration(rng.IntN(1000)) * time.Minute)
			}
			if rng.IntN(odds*2) == 0 {
				p.ItemID = "INC" + strconv.Itoa(i)
			}
			if rng.IntN(odds*2) == 0 {
				p.Priority = "P1"
			}
			if rng.IntN(odds*2) == 0 {
				p.CI = "db-1"
			}
			pts[i] = p
		}
		sparse.Reset()
		for i := range pts {
			sparse.Add(&pts[i], rows[i])
		}
		want := full(pts, rows)
		if sparse.Mask != want.Mask || !slices.Equal(sparse.Append(nil), want.Append(nil)) {
			t.Fatalf("%+v: the sparse block encodes otherwise (mask %b, want %b)", pts, sparse.Mask, want.Mask)
		}
		i := rng.IntN(n)
		j := i + 1 + rng.IntN(n-i)
		if !slices.Equal(sparse.AppendRange(nil, i, j), want.AppendRange(nil, i, j)) {
			t.Fatalf("%+v: points %d…%d encode otherwise", pts, i, j)
		}
		for k := range pts {
			var got, exp domain.Point
			sparse.Point(k, &got)
			want.Point(k, &exp)
			if !reflect.DeepEqual(got, exp) {
				t.Fatalf("point %d: %+v, want %+v", k, got, exp)
			}
		}
	}
}
