package cli

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestIndependentRecomputation checks `slate report --json` against a second,
// deliberately naive implementation of METRICS.md written here: minute by
// minute and row by row, with the standard library's time zone handling and
// nothing from internal/compliance. The workspace is one the engine's own
// tests never use: New York business hours with a Saturday shift and a
// holiday, the March DST change, data gaps, a maintenance window registered in
// time and one registered late, and every row-based indicator kind. The files
// go through the real import pipeline.
func TestIndependentRecomputation(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	w := newIndependentWorld(ny)
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	mustRun(t, "--db", db, "apply", "-f", write("defs.yaml", independentDefs))
	for _, f := range []struct{ feed, name, text string }{
		{"probe", "probe.csv", w.probeCSV()},
		{"reqs", "reqs.csv", w.reqsCSV()},
		{"lat", "lat.csv", w.latCSV()},
		{"tickets", "tickets.csv", w.ticketsCSV()},
	} {
		out := mustRun(t, "--db", db, "import", write(f.name, f.text), "--feed", f.feed, "--json")
		if !strings.Contains(out, `"rejected": 0`) {
			t.Fatalf("import %s rejected rows: %s", f.name, out)
		}
	}
	at := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	rep := decode[reportJSON](t, mustRun(t, "--db", db, "report", "--all", "--at", at.Format(time.RFC3339), "--json"))

	want := map[string]naiveRow{}
	for _, m := range []time.Month{2, 3, 4} {
		from := time.Date(2026, m, 1, 0, 0, 0, 0, ny)
		to := from.AddDate(0, 1, 0)
		key := from.Format("2006-01")
		want["avail@"+key] = w.availability(from, to, at)
		want["ratio@"+key] = w.ratio(from, to)
		want["dur@"+key] = w.duration(from, to)
	}
	for wk := time.Date(2026, 2, 23, 0, 0, 0, 0, ny); wk.Before(w.end); wk = wk.AddDate(0, 0, 7) {
		y, n := wk.ISOWeek()
		want[fmt.Sprintf("thr@%d-W%02d", y, n)] = w.threshold(wk, wk.AddDate(0, 0, 7))
	}

	seen := map[string]bool{}
	for _, r := range rep.Rows {
		id := r.SLT + "@" + r.Period
		nv, ok := want[id]
		if !ok {
			if r.Eligible+r.Unknown+r.Excluded != 0 {
				t.Errorf("%s: the report has a row the naive count does not expect: %+v", id, r)
			}
			continue
		}
		seen[id] = true
		if r.Eligible != nv.eligible || r.Unknown != nv.unknown || r.Excluded != nv.excluded ||
			r.Good == nil || *r.Good != nv.good || r.Bad == nil || *r.Bad != nv.bad {
			t.Errorf("%s counts: report eligible %v good %v bad %v unknown %v excluded %v; naive %+v",
				id, r.Eligible, deref(r.Good), deref(r.Bad), r.Unknown, r.Excluded, nv)
		}
		if r.Attainment == nil || math.Abs(*r.Attainment-nv.good/nv.eligible) > 1e-9 {
			t.Errorf("%s attainment: report %v, naive %v", id, deref(r.Attainment), nv.good/nv.eligible)
		}
		if r.AttainmentRaw == nil || math.Abs(*r.AttainmentRaw-nv.raw) > 1e-9 {
			t.Errorf("%s raw attainment: report %v, naive %v", id, deref(r.AttainmentRaw), nv.raw)
		}
	}
	for id, nv := range want {
		if !seen[id] && nv.eligible > 0 {
			t.Errorf("%s: the report has no row; naive %+v", id, nv)
		}
	}
	// The data must make the comparison meaningful, not trivially equal.
	for id, cond := range map[string]bool{
		"avail@2026-03 has unknown slices":  want["avail@2026-03"].unknown > 0,
		"avail@2026-03 has excluded slices": want["avail@2026-03"].excluded > 0,
		"avail@2026-03 has bad slices":      want["avail@2026-03"].bad > 0,
		"dur@2026-03 has late tickets":      want["dur@2026-03"].bad > 0,
		"thr has a week with exclusions":    want["thr@2026-W11"].excluded > 0,
		"ratio@2026-03 has failures":        want["ratio@2026-03"].bad > 0,
	} {
		if !cond {
			t.Errorf("fixture too tame: %s", id)
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

const independentDefs = `apiVersion: slate/v1
kind: Calendar
metadata: {name: biz-ny}
spec:
  timeZone: America/New_York
  hours:
    mon: ["09:00-17:00"]
    tue: ["09:00-17:00"]
    wed: ["09:00-17:00"]
    thu: ["09:00-17:00"]
    fri: ["09:00-17:00"]
    sat: ["10:00-14:00"]
  holidays:
    - {date: "2026-03-17", name: Parade day}
---
apiVersion: slate/v1
kind: Service
metadata: {name: svc}
spec: {owner: Ops}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: probe}
spec: {shape: event, interval: 1m, mapping: {time: at, timeLayout: rfc3339, ok: up}}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: reqs}
spec: {shape: counts, interval: 1h, mapping: {time: at, timeLayout: rfc3339, good: ok, total: all}}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: lat}
spec: {shape: value, interval: 5m, unit: ms, mapping: {time: at, timeLayout: rfc3339, value: ms}}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: tickets}
spec: {shape: item, mapping: {timeLayout: rfc3339, item: id, opened: opened, resolved: resolved}}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: avail}
spec: {service: svc, feed: probe, type: SLA, timeZone: America/New_York, period: month, calendar: biz-ny,
  indicator: {kind: availability}, objective: {target: 0.99}}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: ratio}
spec: {service: svc, feed: reqs, type: SLA, timeZone: America/New_York, period: month,
  indicator: {kind: ratio}, objective: {target: 0.98}}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: thr}
spec: {service: svc, feed: lat, type: OLA, timeZone: America/New_York, period: week,
  indicator: {kind: threshold, op: "<=", threshold: 300}, objective: {target: 0.9}}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: dur}
spec: {service: svc, feed: tickets, type: OLA, timeZone: America/New_York, period: month, calendar: biz-ny,
  indicator: {kind: duration, goal: 4h}, objective: {target: 0.8}}
---
apiVersion: slate/v1
kind: MaintenanceWindow
metadata: {name: planned}
spec: {slts: [avail, thr, dur], start: 2026-03-10T14:00:00Z, end: 2026-03-10T16:30:00Z,
  registeredAt: 2026-03-01T00:00:00Z, reason: planned}
---
apiVersion: slate/v1
kind: MaintenanceWindow
metadata: {name: late}
spec: {slts: [avail, thr, dur], start: 2026-03-20T15:00:00Z, end: 2026-03-20T16:00:00Z,
  registeredAt: 2026-03-20T17:00:00Z, reason: "registered after it started, so it must not count"}
`

// independentWorld is the generated data and the naive rules that judge it.
type independentWorld struct {
	ny         *time.Location
	start, end time.Time
	probes     map[int64][]bool // minute (Unix seconds) → probe results in that minute
	probeRows  []string
	reqs       []struct {
		at        time.Time
		ok, total int
	}
	lat []struct {
		at time.Time
		ms float64
	}
	tickets []struct {
		id               string
		opened, resolved time.Time // resolved zero = still open
	}
	excl [][2]time.Time // the maintenance window registered in time
}

type naiveRow struct{ eligible, good, bad, unknown, excluded, raw float64 }

func newIndependentWorld(ny *time.Location) *independentWorld {
	w := &independentWorld{ny: ny, probes: map[int64][]bool{},
		start: time.Date(2026, 2, 25, 6, 0, 0, 0, time.UTC), end: time.Date(2026, 4, 20, 18, 0, 0, 0, time.UTC),
		excl: [][2]time.Time{{time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC), time.Date(2026, 3, 10, 16, 30, 0, 0, time.UTC)}}}
	rnd := rand.New(rand.NewPCG(20261128, 7))
	down := 0
	for m := w.start; m.Before(w.end); m = m.Add(time.Minute) {
		if down == 0 && rnd.IntN(4000) == 0 {
			down = 5 + rnd.IntN(40)
		}
		gap := rnd.IntN(300) == 0 && !w.excluded(m)
		if !gap {
			first := down == 0
			w.probes[m.Unix()] = append(w.probes[m.Unix()], first)
			w.probeRows = append(w.probeRows, fmt.Sprintf("%s,%d", m.Add(7*time.Second).Format(time.RFC3339), b2i(first)))
			if rnd.IntN(20) == 0 { // a second probe in the same minute, sometimes failing
				second := rnd.IntN(3) > 0
				w.probes[m.Unix()] = append(w.probes[m.Unix()], second)
				w.probeRows = append(w.probeRows, fmt.Sprintf("%s,%d", m.Add(41*time.Second).Format(time.RFC3339), b2i(second)))
			}
		}
		if down > 0 {
			down--
		}
		if m.Minute()%5 == 0 {
			ms := 120 + rnd.ExpFloat64()*70
			w.lat = append(w.lat, struct {
				at time.Time
				ms float64
			}{m, math.Round(ms*10) / 10})
		}
		if m.Minute() == 0 {
			total := 50 + rnd.IntN(500)
			w.reqs = append(w.reqs, struct {
				at        time.Time
				ok, total int
			}{m, total - rnd.IntN(total/25+1), total})
		}
	}
	for i := range 900 {
		opened := w.start.Add(time.Duration(rnd.Int64N(int64(w.end.Sub(w.start)))))
		opened = opened.Truncate(time.Minute)
		tk := struct {
			id               string
			opened, resolved time.Time
		}{id: fmt.Sprintf("T%04d", i), opened: opened}
		if rnd.IntN(30) > 0 {
			tk.resolved = opened.Add(time.Duration(rnd.ExpFloat64()*30) * time.Hour).Truncate(time.Minute)
			if !tk.resolved.Before(w.end) {
				tk.resolved = time.Time{}
			}
		}
		w.tickets = append(w.tickets, tk)
	}
	return w
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (w *independentWorld) probeCSV() string {
	return "at,up\n" + strings.Join(w.probeRows, "\n") + "\n"
}

func (w *independentWorld) reqsCSV() string {
	var b strings.Builder
	b.WriteString("at,ok,all\n")
	for _, r := range w.reqs {
		fmt.Fprintf(&b, "%s,%d,%d\n", r.at.Format(time.RFC3339), r.ok, r.total)
	}
	return b.String()
}

func (w *independentWorld) latCSV() string {
	var b strings.Builder
	b.WriteString("at,ms\n")
	for _, r := range w.lat {
		fmt.Fprintf(&b, "%s,%g\n", r.at.Format(time.RFC3339), r.ms)
	}
	return b.String()
}

func (w *independentWorld) ticketsCSV() string {
	var b strings.Builder
	b.WriteString("id,opened,resolved\n")
	for _, tk := range w.tickets {
		res := ""
		if !tk.resolved.IsZero() {
			res = tk.resolved.Format(time.RFC3339)
		}
		fmt.Fprintf(&b, "%s,%s,%s\n", tk.id, tk.opened.Format(time.RFC3339), res)
	}
	return b.String()
}

// inCalendar: Mon–Fri 09:00–17:00 and Sat 10:00–14:00 New York wall time, not on 17 March.
func (w *independentWorld) inCalendar(t time.Time) bool {
	l := t.In(w.ny)
	if l.Month() == 3 && l.Day() == 17 {
		return false
	}
	mins := l.Hour()*60 + l.Minute()
	switch l.Weekday() {
	case time.Sunday:
		return false
	case time.Saturday:
		return mins >= 10*60 && mins < 14*60
	default:
		return mins >= 9*60 && mins < 17*60
	}
}

func (w *independentWorld) excluded(t time.Time) bool {
	for _, e := range w.excl {
		if !t.Before(e[0]) && t.Before(e[1]) {
			return true
		}
	}
	return false
}

// availability walks every minute slice of [from, to) that exists at `at`.
func (w *independentWorld) availability(from, to, at time.Time) naiveRow {
	var r naiveRow
	var rawGood, rawAll float64
	for m := from; m.Before(to) && m.Before(at); m = m.Add(time.Minute) {
		if !w.inCalendar(m) {
			continue
		}
		ps, ok := w.probes[m.Unix()]
		if !ok {
			r.unknown++
			continue
		}
		good := true
		for _, p := range ps {
			good = good && p
		}
		rawAll++
		if good {
			rawGood++
		}
		switch {
		case w.excluded(m):
			r.excluded++
		case good:
			r.good++
		default:
			r.bad++
		}
	}
	r.eligible = r.good + r.bad
	r.raw = rawGood / rawAll
	return r
}

func (w *independentWorld) ratio(from, to time.Time) naiveRow {
	var r naiveRow
	for _, q := range w.reqs {
		if !q.at.Before(from) && q.at.Before(to) {
			r.good += float64(q.ok)
			r.bad += float64(q.total - q.ok)
		}
	}
	r.eligible = r.good + r.bad
	r.raw = r.good / r.eligible
	return r
}

func (w *independentWorld) threshold(from, to time.Time) naiveRow {
	var r naiveRow
	var rawGood, rawAll float64
	for _, v := range w.lat {
		if v.at.Before(from) || !v.at.Before(to) {
			continue
		}
		good := v.ms <= 300
		rawAll++
		if good {
			rawGood++
		}
		switch {
		case w.excluded(v.at):
			r.excluded++
		case good:
			r.good++
		default:
			r.bad++
		}
	}
	r.eligible = r.good + r.bad
	r.raw = rawGood / rawAll
	return r
}

// duration: business minutes from opened, minus the planned window for the
// adjusted figure; a ticket counts in the period it was resolved in, or, when
// its 4 hours ran out while it was still open, in the period where that
// period's end found it expired (and never again).
func (w *independentWorld) duration(from, to time.Time) naiveRow {
	const goal = 4 * 60
	var r naiveRow
	var rawGood, rawAll float64
	elapsed := func(a, b time.Time, adjusted bool) int {
		n := 0
		for m := a; m.Before(b); m = m.Add(time.Minute) {
			if w.inCalendar(m) && !(adjusted && w.excluded(m)) {
				n++
			}
		}
		return n
	}
	// periodOf is the start of the month (New York) a ticket is judged in.
	periodOf := func(opened, resolved time.Time, adjusted bool) (time.Time, bool) {
		for p := time.Date(opened.In(w.ny).Year(), opened.In(w.ny).Month(), 1, 0, 0, 0, 0, w.ny); p.Before(w.end.AddDate(0, 2, 0)); p = p.AddDate(0, 1, 0) {
			pend := p.AddDate(0, 1, 0)
			if !resolved.IsZero() && resolved.Before(pend) {
				return p, elapsed(opened, resolved, adjusted) <= goal
			}
			if elapsed(opened, pend, adjusted) > goal {
				return p, false
			}
		}
		return time.Time{}, false
	}
	for _, tk := range w.tickets {
		if p, good := periodOf(tk.opened, tk.resolved, true); p.Equal(from) {
			if good {
				r.good++
			} else {
				r.bad++
			}
		}
		if p, good := periodOf(tk.opened, tk.resolved, false); p.Equal(from) {
			rawAll++
			if good {
				rawGood++
			}
		}
	}
	r.eligible = r.good + r.bad
	r.raw = rawGood / rawAll
	return r
}
