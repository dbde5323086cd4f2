package app

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/storage"
)

// propWorkspace has an SLT of every kind whose stored results could go stale
// in its own way: zones with odd offsets, an availability slice that does not
// divide a day, rolling windows (also over availability gaps), tiers with
// calendars, a composite, items.
const propWorkspace = `apiVersion: slate/v1
kind: Calendar
metadata: {name: office}
spec:
  timeZone: Europe/Berlin
  hours: {mon: ["08:00-18:00"], tue: ["08:00-18:00"], wed: ["08:00-18:00"], thu: ["08:00-18:00"], fri: ["08:00-18:00"]}
  holidays: [{date: "2026-01-06", name: Epiphany}]
---
apiVersion: slate/v1
kind: Calendar
metadata: {name: evening}
spec:
  timeZone: Europe/Berlin
  hours: {mon: ["18:00-24:00"], tue: ["18:00-24:00"], wed: ["18:00-24:00"], thu: ["18:00-24:00"], fri: ["18:00-24:00"]}
---
apiVersion: slate/v1
kind: Service
metadata: {name: shop}
spec: {owner: test, criticality: high}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: lat}
spec: {shape: value, interval: 2m, unit: ms}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: req}
spec: {shape: counts, interval: 10m}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: probe}
spec: {shape: event, interval: 1m}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: desk}
spec: {shape: item}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: lat-le}
spec: {service: shop, feed: lat, type: SLA, timeZone: UTC, period: month, indicator: {kind: threshold, op: "<=", threshold: 300}, objective: {op: ">=", target: 0.95}}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: lat-p90}
spec: {service: shop, feed: lat, type: SLA, timeZone: Europe/Berlin, period: week, indicator: {kind: statistic, statistic: p90}, objective: {op: "<=", target: 350}}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: lat-roll}
spec: {service: shop, feed: lat, type: OLA, timeZone: America/New_York, period: "rolling:3d", indicator: {kind: threshold, op: "<=", threshold: 250}, objective: {op: ">=", target: 0.9}}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: req-tiered}
spec:
  service: shop
  feed: req
  type: SLA
  timeZone: Europe/Berlin
  period: day
  indicator: {kind: ratio}
  tiers: [{name: business, calendar: office, op: ">=", target: 0.99}, {name: evening, calendar: evening, op: ">=", target: 0.97}]
---
apiVersion: slate/v1
kind: SLT
metadata: {name: probe-avail}
spec: {service: shop, feed: probe, type: SLA, timeZone: Asia/Kolkata, period: day, indicator: {kind: availability, slice: 7m, missing: bad}, objective: {op: ">=", target: 0.99}}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: probe-roll}
spec: {service: shop, feed: probe, type: OLA, timeZone: UTC, period: "rolling:2d", indicator: {kind: availability, slice: 1m, missing: bad}, objective: {op: ">=", target: 0.98}}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: desk-fix}
spec: {service: shop, feed: desk, type: OLA, timeZone: UTC, period: week, indicator: {kind: duration, goal: 4h}, objective: {op: ">=", target: 0.9}}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: combo}
spec:
  service: shop
  type: SLA
  timeZone: UTC
  period: month
  composite: {components: [{slt: lat-le, weight: 2}, {slt: probe-avail, weight: 1}], rationale: test}
  objective: {target: 0.96}
`

// propStart..propEnd is where the random data falls.
var (
	propStart = time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC)
	propEnd   = time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC)
)

// TestStoredResultsEqualFromScratch: after any sequence of imports (some
// replacing stored points), reverts, exceptions and definition changes, and
// at evaluation times inside and after the data, the report from stored
// results equals the report evaluated from scratch, whole and per period.
func TestStoredResultsEqualFromScratch(t *testing.T) {
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) { storedResultsProperty(t, seed) })
	}
}

func storedResultsProperty(t *testing.T, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 17))
	a, err := OpenWith(filepath.Join(t.TempDir(), "slate.db"), storage.Options{Actor: "prop", Now: func() time.Time { return propEnd }})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Workspace.Apply("ws.yaml", propWorkspace); err != nil {
		t.Fatal(err)
	}
	s := a.store
	randTime := func() time.Time {
		return propStart.Add(time.Duration(rng.Int64N(int64(propEnd.Sub(propStart))))).Truncate(time.Minute)
	}
	var published []uint64
	at := propEnd.Add(24 * time.Hour)
	var log []string
	ops := []func(){
		// an import, sometimes replacing what it meets
		func() {
			feed := []string{"lat", "req", "probe", "desk"}[rng.IntN(4)]
			from := randTime()
			pts := propPoints(rng, feed, from, from.Add(time.Duration(2+rng.IntN(120))*time.Hour))
			replace := rng.IntN(3) == 0
			id, err := writeBatch(s, feed, pts, replace)
			if err != nil {
				t.Fatal(err)
			}
			published = append(published, id)
			log = append(log, fmt.Sprintf("import %d points into %s from %s (replace %v): batch %d", len(pts), feed, from.Format(time.DateTime), replace, id))
		},
		// a revert
		func() {
			if len(published) == 0 {
				return
			}
			i := rng.IntN(len(published))
			if _, err := s.RevertBatch(published[i], "test"); err != nil {
				t.Fatal(err)
			}
			log = append(log, fmt.Sprintf("revert batch %d", published[i]))
			published = slices.Delete(published, i, i+1)
		},
		// an exception, approved, rejected or left requested
		func() {
			slt := []string{"lat-le", "lat-p90", "lat-roll", "req-tiered", "probe-avail", "probe-roll", "desk-fix"}[rng.IntN(7)]
			from := randTime()
			e := storage.Exception{SLT: slt, From: from, To: from.Add(time.Duration(10+rng.IntN(2000)) * time.Minute), Reason: "test",
				RequestedBy: "a", RequestedAt: propEnd, Status: []string{compliance.StatusApproved, compliance.StatusRejected, compliance.StatusRequested}[rng.IntN(3)]}
			if err := s.Update(func(tx *storage.Tx) error {
				if err := tx.NewException(&e); err != nil {
					return err
				}
				_, err := tx.Audit("exception.request", "Exception/"+e.ID, e)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			log = append(log, fmt.Sprintf("exception %s on %s %s–%s, %s", e.ID, slt, e.From.Format(time.DateTime), e.To.Format(time.DateTime), e.Status))
		},
		// a definition change
		func() {
			var doc string
			switch rng.IntN(5) {
			case 0:
				doc = fmt.Sprintf(`{apiVersion: slate/v1, kind: SLT, metadata: {name: lat-le}, spec: {service: shop, feed: lat, type: SLA, timeZone: UTC, period: month, indicator: {kind: threshold, op: "<=", threshold: %d}, objective: {op: ">=", target: 0.95}}}`, 250+10*rng.IntN(10))
			case 1:
				doc = fmt.Sprintf(`{apiVersion: slate/v1, kind: SLT, metadata: {name: lat-p90}, spec: {service: shop, feed: lat, type: SLA, timeZone: Europe/Berlin, period: week, indicator: {kind: statistic, statistic: %s}, objective: {op: "<=", target: 350}}}`, []string{"p90", "p95", "median", "mean"}[rng.IntN(4)])
			case 2:
				doc = fmt.Sprintf(`{apiVersion: slate/v1, kind: Calendar, metadata: {name: office}, spec: {timeZone: Europe/Berlin, hours: {mon: ["08:00-18:00"], tue: ["08:00-18:00"], wed: ["0%d:00-18:00"], thu: ["08:00-18:00"], fri: ["08:00-18:00"]}, holidays: [{date: "2026-0%d-0%d", name: X}]}}`, 6+rng.IntN(3), 1+rng.IntN(2), 1+rng.IntN(9))
			case 3:
				doc = fmt.Sprintf(`{apiVersion: slate/v1, kind: SLT, metadata: {name: probe-roll}, spec: {service: shop, feed: probe, type: OLA, timeZone: UTC, period: "rolling:2d", indicator: {kind: availability, slice: 1m, missing: %s}, objective: {op: ">=", target: 0.98}}}`, []string{"bad", "good", "exclude"}[rng.IntN(3)])
			case 4:
				from := randTime()
				doc = fmt.Sprintf(`{apiVersion: slate/v1, kind: MaintenanceWindow, metadata: {name: mw-%d}, spec: {%s, start: %s, end: %s, registeredAt: 2025-12-01T00:00:00Z, reason: test}}`,
					rng.IntN(4), []string{"services: [shop]", "slts: [probe-avail, lat-roll]", "slts: [req-tiered]"}[rng.IntN(3)],
					from.Format(time.RFC3339), from.Add(time.Duration(30+rng.IntN(600))*time.Minute).Format(time.RFC3339))
			}
			if _, err := a.Workspace.Apply("change.yaml", doc); err != nil {
				t.Fatalf("%s: %v", doc, err)
			}
			log = append(log, "apply "+doc)
		},
		// another evaluation time: inside the data (running periods with data) or after it
		func() {
			switch rng.IntN(3) {
			case 0:
				at = randTime().Add(time.Duration(rng.IntN(3600)) * time.Second)
			case 1: // just after a period's end (a day in UTC or in Kolkata): its last slice may be open
				at = randTime().Truncate(24 * time.Hour).Add([]time.Duration{0, 18*time.Hour + 30*time.Minute}[rng.IntN(2)]).
					Add(time.Duration(rng.IntN(600)) * time.Second)
			default:
				at = propEnd.Add(time.Duration(rng.IntN(100)) * time.Hour)
			}
			log = append(log, "evaluate at "+at.Format(time.RFC3339))
		},
	}
	for step := range 50 {
		ops[rng.IntN(len(ops))]()
		if step%2 == 0 {
			if err := s.FlushResults(); err != nil { // some steps read what the last one stored
				t.Fatal(err)
			}
		}
		period := []string{"", "2026-02", "2026-W05", "2026-01-27", "2026", "2026-Q1", "2026-01"}[rng.IntN(7)]
		if diff := storedVersusScratch(t, a, at, period); diff != "" {
			t.Fatalf("step %d (period %q at %s): the report from stored results differs from evaluating from scratch\nafter:\n  %s\n%s",
				step, period, at.Format(time.RFC3339), strings.Join(log, "\n  "), diff)
		}
	}
}

// storedVersusScratch is where the report of period at time at, read
// through stored results, first differs from the same report evaluated from
// scratch ("" when they are equal).
func storedVersusScratch(t *testing.T, a *App, at time.Time, period string) string {
	t.Helper()
	q := ReportQuery{At: at.Format(time.RFC3339Nano), Period: period}
	stored, err := a.Compliance.Report(q)
	if err != nil {
		t.Fatal(err)
	}
	in, err := a.Compliance.input(at)
	if err != nil {
		t.Fatal(err)
	}
	in.Results = nil
	scratch, err := buildReport(in, q)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := jsonOf(t, stored), jsonOf(t, scratch); got != want {
		return firstDiff(got, want)
	}
	return ""
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-300)
	return fmt.Sprintf("stored:  …%s…\nscratch: …%s…", a[from:min(len(a), i+200)], b[from:min(len(b), i+200)])
}

// propPoints makes a feed's points in [from, to): gaps, ties, spikes.
func propPoints(rng *rand.Rand, feed string, from, to time.Time) []domain.Point {
	var pts []domain.Point
	switch feed {
	case "lat":
		for t := from; t.Before(to); t = t.Add(2 * time.Minute) {
			if rng.IntN(20) == 0 {
				continue
			}
			pts = append(pts, domain.Point{At: t, Value: float64(100+rng.IntN(300)) + float64(rng.IntN(100))/100})
		}
	case "req":
		for t := from; t.Before(to); t = t.Add(10 * time.Minute) {
			total := float64(50 + rng.IntN(50))
			pts = append(pts, domain.Point{At: t, Good: total - float64(rng.IntN(3)), Total: total})
		}
	case "probe":
		for t := from; t.Before(to); t = t.Add(time.Duration(1+rng.IntN(5)) * time.Minute) {
			if rng.IntN(60) == 0 { // an outage of up to an hour: no probes
				t = t.Add(time.Duration(rng.IntN(60)) * time.Minute)
				continue
			}
			good := 1.0
			if rng.IntN(8) == 0 {
				good = 0
			}
			pts = append(pts, domain.Point{At: t.Add(time.Duration(rng.IntN(50)) * time.Second), Good: good, Total: 1})
		}
	case "desk":
		for i := range 1 + rng.IntN(30) {
			opened := from.Add(time.Duration(rng.Int64N(int64(to.Sub(from)))))
			p := domain.Point{ItemID: fmt.Sprintf("T%d", rng.IntN(60)), Opened: opened, At: opened}
			if i%4 != 0 {
				p.Resolved = opened.Add(time.Duration(rng.IntN(8*60)) * time.Minute)
				p.At = p.Resolved
			}
			pts = append(pts, p)
		}
	}
	return pts
}

// writeBatch publishes pts as one batch; replace makes it replace the stored
// points it meets (as --on-conflict replace does), else they stay beside it.
func writeBatch(s *storage.Store, feed string, pts []domain.Point, replace bool) (uint64, error) {
	shape := ""
	if feed == "desk" {
		shape = domain.ShapeItem
	}
	w, err := s.BeginBatch(feed, storage.BatchMeta{Shape: shape})
	if err != nil {
		return 0, err
	}
	for i, p := range pts {
		w.Add(p, uint32(i+1))
	}
	err = w.Flush(func(p *domain.Point, row uint32, priors []storage.Prior) storage.Resolution {
		if replace && len(priors) > 0 && !priors[0].Own {
			return storage.Replace
		}
		return storage.Write
	})
	if err == nil {
		err = w.Publish(storage.BatchMeta{Shape: shape}, nil, nil)
	}
	if err != nil {
		w.Abort()
		return 0, err
	}
	return w.ID(), nil
}

// engineFingerprints pins, per compliance.EngineVersion, what the demo's
// stored results hold (every record the engine stores, evaluating the whole
// history from scratch). Stored results are trusted across runs only while
// the rules that made them are the same: a change that moves any stored
// figure must bump compliance.EngineVersion (records of the old version are
// then never read) and add the new fingerprint here.
var engineFingerprints = map[int]string{
	1: "a940c693fc9c3a3632a31f7c24607cba5c1a458a6c0affc0b4cedecb61533d29",
}

// capturedResults keeps what the engine stores, in memory.
type capturedResults struct{ recs map[string][]byte }

func (c *capturedResults) LoadResults(string) (map[string][]byte, error) { return nil, nil }

func (c *capturedResults) SaveResults(spec string, recs map[string][]byte) error {
	for k, v := range recs {
		c.recs[spec+"|"+k] = v
	}
	return nil
}

func TestEngineVersionFingerprint(t *testing.T) {
	a := openDemo(t)
	in, err := a.Compliance.input(DemoNow)
	if err != nil {
		t.Fatal(err)
	}
	got := &capturedResults{recs: map[string][]byte{}}
	in.Results = got
	if _, err := compliance.BuildReport(in, compliance.ReportOptions{}); err != nil {
		t.Fatal(err)
	}
	// the records, in an order that does not depend on the spec keys (which hold the version)
	var all []string
	for _, v := range got.recs {
		all = append(all, string(v))
	}
	slices.Sort(all)
	if len(all) < 100 {
		t.Fatalf("only %d records stored for the demo", len(all))
	}
	sum := sha256.Sum256([]byte(strings.Join(all, "\n")))
	fp := hex.EncodeToString(sum[:])
	if want := engineFingerprints[compliance.EngineVersion]; fp != want {
		t.Fatalf("the demo's stored figures changed (fingerprint %s, pinned for engine version %d: %q): bump compliance.EngineVersion and pin the new fingerprint",
			fp, compliance.EngineVersion, want)
	}
}
