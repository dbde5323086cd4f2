package pointhash

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"strings"
	"testing"
	"time"

	"slate/internal/domain"
)

// TestStreamByHand writes the documented stream for two points and one
// replaced key byte by byte and compares its SHA-256 with the Hasher's.
func TestStreamByHand(t *testing.T) {
	t0 := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	opened := time.Date(2026, 9, 30, 8, 0, 0, 0, time.UTC)
	h := New("lat", 7)
	if err := h.Add(&domain.Point{At: t0, Value: 1.5}, 2); err != nil {
		t.Fatal(err)
	}
	if err := h.Add(&domain.Point{At: t0.Add(time.Minute), Good: 9, Total: 10, ItemID: "INC-1", Opened: opened, Priority: "P2", CI: "web"}, 1); err != nil {
		t.Fatal(err)
	}
	if err := h.Replaced(t0, 3, 44); err != nil {
		t.Fatal(err)
	}
	got, err := h.Sum()
	if err != nil {
		t.Fatal(err)
	}

	var s strings.Builder
	be := func(v uint64, n int) {
		for i := n - 1; i >= 0; i-- {
			s.WriteByte(byte(v >> (8 * i)))
		}
	}
	str := func(x string) { be(uint64(len(x)), 4); s.WriteString(x) }
	f := func(x float64) { be(math.Float64bits(x), 8) }
	s.WriteString("slate-batch-points/v1\n")
	str("lat")
	be(7, 8)
	// point 1: 1.5 at t0, row 2
	s.WriteByte('P')
	be(uint64(t0.UnixNano()), 8)
	be(2, 4)
	f(1.5)
	f(0)
	f(0)
	f(0)
	s.WriteByte(0)
	s.WriteByte(0)
	str("")
	str("")
	str("")
	// point 2: row 1, one minute later
	s.WriteByte('P')
	be(uint64(t0.Add(time.Minute).UnixNano()), 8)
	be(1, 4)
	f(0)
	f(9)
	f(10)
	f(0)
	s.WriteByte(1)
	be(uint64(opened.UnixNano()), 8)
	s.WriteByte(0)
	str("INC-1")
	str("P2")
	str("web")
	s.WriteByte('R')
	be(uint64(t0.UnixNano()), 8)
	be(3, 8)
	be(44, 4)
	s.WriteByte('E')
	be(2, 8)
	be(1, 8)
	sum := sha256.Sum256([]byte(s.String()))
	want := Digest{Points: 2, Replaced: 1, SHA256: hex.EncodeToString(sum[:])}
	if !got.Equal(want) {
		t.Fatalf("digest = %+v, want %+v", got, want)
	}
}

func digest(t *testing.T, feed string, batch uint64, pts ...domain.Point) Digest {
	t.Helper()
	h := New(feed, batch)
	for i := range pts {
		if err := h.Add(&pts[i], uint32(i+1)); err != nil {
			t.Fatal(err)
		}
	}
	d, err := h.Sum()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestEveryFieldCounts(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	base := domain.Point{At: t0, Value: 1, Good: 2, Total: 3, Paused: 4, ItemID: "i", Priority: "p", CI: "c", Opened: t0, Resolved: t0.Add(time.Hour)}
	ref := digest(t, "f", 1, base)
	changes := map[string]func(p *domain.Point){
		"time":     func(p *domain.Point) { p.At = p.At.Add(time.Nanosecond) },
		"value":    func(p *domain.Point) { p.Value = math.Nextafter(p.Value, 2) },
		"good":     func(p *domain.Point) { p.Good-- },
		"total":    func(p *domain.Point) { p.Total++ },
		"paused":   func(p *domain.Point) { p.Paused = 0 },
		"item":     func(p *domain.Point) { p.ItemID = "j" },
		"priority": func(p *domain.Point) { p.Priority = "" },
		"ci":       func(p *domain.Point) { p.CI = "ci" },
		"opened":   func(p *domain.Point) { p.Opened = time.Time{} },
		"resolved": func(p *domain.Point) { p.Resolved = p.Resolved.Add(time.Second) },
		// "i"+"p" and "ip"+"" must differ: lengths are part of the stream
		"string boundary": func(p *domain.Point) { p.ItemID, p.Priority = "ip", "" },
	}
	for name, change := range changes {
		p := base
		change(&p)
		if d := digest(t, "f", 1, p); d.Equal(ref) {
			t.Errorf("changing %s left the digest unchanged", name)
		}
	}
	if d := digest(t, "g", 1, base); d.Equal(ref) {
		t.Error("another feed gives the same digest")
	}
	if d := digest(t, "f", 2, base); d.Equal(ref) {
		t.Error("another batch id gives the same digest")
	}
	neg := base
	neg.Paused = 0
	pos := neg
	neg.Value, pos.Value = math.Copysign(0, -1), 0
	if digest(t, "f", 1, neg) != digest(t, "f", 1, pos) {
		t.Error("-0 and +0 hash differently (the store cannot tell them apart)")
	}
}

func TestOrderIsEnforced(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	h := New("f", 1)
	h.Add(&domain.Point{At: t0}, 5)
	if err := h.Add(&domain.Point{At: t0}, 5); err == nil {
		t.Error("the same (time, row) twice was accepted")
	}
	h = New("f", 1)
	h.Add(&domain.Point{At: t0.Add(time.Second)}, 1)
	if err := h.Add(&domain.Point{At: t0}, 2); err == nil {
		t.Error("an earlier time was accepted")
	}
	if _, err := h.Sum(); err == nil {
		t.Error("Sum after an ordering error succeeded")
	}
	h = New("f", 1)
	h.Replaced(t0, 2, 1)
	if err := h.Add(&domain.Point{At: t0}, 1); err == nil {
		t.Error("a point after the replaced keys was accepted")
	}
	h = New("f", 1)
	h.Replaced(t0, 2, 5)
	if err := h.Replaced(t0, 2, 4); err == nil {
		t.Error("replaced keys out of order were accepted")
	}
	empty, err := New("f", 1).Sum()
	if err != nil || empty.Points != 0 || len(empty.SHA256) != 64 {
		t.Errorf("empty batch: %+v, %v", empty, err)
	}
}
