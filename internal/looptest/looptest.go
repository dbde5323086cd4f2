// Package looptest builds small workspaces in real database files for the
// tests of the improvement loop's packages (daily, improve, initiative,
// correlate, itsm, safeguard). Only tests import it.
package looptest

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"slate/internal/domain"
	"slate/internal/manifest"
	"slate/internal/storage"
)

// Clock is a settable clock for a store.
type Clock struct{ T time.Time }

// Now reads the clock.
func (c *Clock) Now() time.Time { return c.T }

// Open creates a database in t.TempDir() whose clock is c.
func Open(t testing.TB, c *Clock) *storage.Store {
	t.Helper()
	st, err := storage.Open(filepath.Join(t.TempDir(), "slate.db"), storage.Options{Actor: "os-user", Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Apply validates and stores every definition of a slate/v1 YAML text.
func Apply(t testing.TB, st *storage.Store, yml string) {
	t.Helper()
	entries, problems := manifest.Decode(strings.NewReader(yml), "test.yaml", nil)
	if len(problems) > 0 {
		t.Fatalf("definitions: %v", problems)
	}
	err := st.Update(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		for _, e := range entries {
			ws.Put(e.Def)
		}
		if ps := ws.ValidateAll(); len(ps) > 0 {
			return fmt.Errorf("invalid workspace: %v", ps)
		}
		for _, e := range entries {
			if err := tx.PutDefinition(e.Def); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Import writes points of a feed of shape into a published batch (sorted by time).
func Import(t testing.TB, st *storage.Store, feed, shape string, pts []domain.Point) {
	t.Helper()
	slices.SortStableFunc(pts, func(a, b domain.Point) int { return a.At.Compare(b.At) })
	name := fmt.Sprintf("%s-%d.csv", feed, len(pts))
	meta := storage.BatchMeta{Shape: shape, File: name, SHA256: fmt.Sprintf("%s-%d-%d", feed, len(pts), pts[0].At.Unix())}
	if _, err := st.WriteBatch(feed, meta, slices.Values(pts)); err != nil {
		t.Fatalf("import %s: %v", feed, err)
	}
}

// Day is local midnight of date y-m-d plus n days in loc.
func Day(loc *time.Location, y int, m time.Month, d, n int) time.Time {
	return time.Date(y, m, d+n, 0, 0, 0, 0, loc)
}

// DailyCounts is one counts point at noon per day from first for len(good)
// days, with total units each and good[i] of them good.
func DailyCounts(first time.Time, total float64, good []float64) []domain.Point {
	out := make([]domain.Point, len(good))
	for i, g := range good {
		d := first.AddDate(0, 0, i)
		out[i] = domain.Point{At: time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, d.Location()).UTC(), Good: math.Round(g), Total: total}
	}
	return out
}

// DailyValues is one value point at noon per day from first.
func DailyValues(first time.Time, vals []float64) []domain.Point {
	out := make([]domain.Point, len(vals))
	for i, v := range vals {
		d := first.AddDate(0, 0, i)
		out[i] = domain.Point{At: time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, d.Location()).UTC(), Value: v}
	}
	return out
}

// Item is a resolved item (At = resolved) or an open one (At = opened).
func Item(id string, opened, resolved time.Time, paused time.Duration) domain.Point {
	p := domain.Point{ItemID: id, Opened: opened.UTC(), At: opened.UTC(), Paused: paused.Seconds()}
	if !resolved.IsZero() {
		p.Resolved, p.At = resolved.UTC(), resolved.UTC()
	}
	return p
}

// Rand is a small deterministic generator (SplitMix64) for test data.
type Rand struct{ s uint64 }

// NewRand seeds a generator.
func NewRand(seed uint64) *Rand { return &Rand{seed} }

// Float is uniform in [0, 1).
func (r *Rand) Float() float64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	z ^= z >> 31
	return float64(z>>11) / (1 << 53)
}

// Norm is standard normal (Box–Muller).
func (r *Rand) Norm() float64 {
	u := r.Float()
	for u == 0 {
		u = r.Float()
	}
	return math.Sqrt(-2*math.Log(u)) * math.Cos(2*math.Pi*r.Float())
}
