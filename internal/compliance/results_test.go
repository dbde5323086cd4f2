package compliance

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"
	"time"

	"slate/internal/domain"
)

// memResults keeps results in memory and counts what was written.
type memResults struct {
	recs   map[string]map[string][]byte
	writes int
}

func (m *memResults) LoadResults(spec string) (map[string][]byte, error) {
	return maps.Clone(m.recs[spec]), nil
}

func (m *memResults) SaveResults(spec string, recs map[string][]byte) error {
	if m.recs == nil {
		m.recs = map[string]map[string][]byte{}
	}
	if m.recs[spec] == nil {
		m.recs[spec] = map[string][]byte{}
	}
	maps.Copy(m.recs[spec], recs)
	m.writes += len(recs)
	return nil
}

func storedReport(t *testing.T, ws *domain.Workspace, at time.Time, feeds map[string][]domain.Point, res Results, batches []BatchSpan, o ReportOptions) string {
	t.Helper()
	in := Input{Workspace: ws, At: at, Source: SlicePoints(feeds), Results: res,
		Batches: func(string) ([]BatchSpan, error) { return batches, nil }}
	rep, err := BuildReport(in, o)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(rep)
	return string(b)
}

// A day in Kolkata ends at 18:30 UTC, inside a 7-minute slice: until that
// slice has ended, the day's figures may still change and are not stored.
func TestStoredResultsWaitForTheLastSlice(t *testing.T) {
	in := availability()
	in.Slice, in.Missing = dur("7m"), "bad"
	s := newSLT("probe", "day", "Asia/Kolkata", in, 0.99)
	ws := domain.NewWorkspace()
	ws.Put(s)
	end := ts("2026-02-02T18:30:00Z") // the end of 2026-02-02 in Kolkata
	// the slice from 18:27 to 18:34 (7-minute slices from the Unix epoch)
	// has a good probe before the end and a bad one after it
	pts := probes(ts("2026-02-01T00:00:00Z"), end.Add(-2*time.Minute), nil)
	pts = append(pts, domain.Point{At: end.Add(-2 * time.Minute), Good: 1, Total: 1}, domain.Point{At: end.Add(2 * time.Minute), Good: 0, Total: 1})
	pts = append(pts, probes(end.Add(5*time.Minute), end.Add(6*time.Hour), nil)...)
	feeds := map[string][]domain.Point{"probe-feed": pts}
	batches := []BatchSpan{{ID: 1, From: pts[0].At, To: pts[len(pts)-1].At}}
	res := &memResults{}
	// at 18:31 the slice is open (the bad probe is in the future)...
	storedReport(t, ws, end.Add(time.Minute), feeds, res, batches, ReportOptions{})
	// ...so an hour later the day is evaluated again, not read back.
	later := end.Add(time.Hour)
	got := storedReport(t, ws, later, feeds, res, batches, ReportOptions{})
	if want := storedReport(t, ws, later, feeds, nil, nil, ReportOptions{}); got != want {
		t.Fatalf("from stored results:\n%s\nfrom scratch:\n%s", got, want)
	}
}

// A report of one period reads that period (and what its runs of misses
// need), and stores it; asked again, it writes nothing more.
func TestStoredResultsReadOnlyWhatIsAsked(t *testing.T) {
	s := newSLT("lat", "month", "UTC", threshold("<=", 300), 0.9)
	ws := domain.NewWorkspace()
	ws.Put(s)
	var pts []domain.Point
	for t := ts("2025-01-01T00:00:00Z"); t.Before(ts("2026-01-01T00:00:00Z")); t = t.Add(time.Hour) {
		v := 100.0
		if t.Month() == time.May || t.Month() == time.June { // two missed months
			v = 400
		}
		pts = append(pts, domain.Point{At: t, Value: v})
	}
	feeds := map[string][]domain.Point{"lat-feed": pts}
	batches := []BatchSpan{{ID: 1, From: pts[0].At, To: pts[len(pts)-1].At}}
	res := &memResults{}
	at := ts("2026-03-01T00:00:00Z")
	storedReport(t, ws, at, feeds, res, batches, ReportOptions{Period: "2025-06"})
	// June, and May and April for its run of misses (April was met: the run ends)
	if res.writes != 3 {
		t.Fatalf("a report of 2025-06 stored %d periods, want 3 (June, May, April)", res.writes)
	}
	got := storedReport(t, ws, at, feeds, res, batches, ReportOptions{Period: "2025-06"})
	if res.writes != 3 {
		t.Fatalf("asked again, %d periods were stored", res.writes)
	}
	if want := storedReport(t, ws, at, feeds, nil, nil, ReportOptions{Period: "2025-06"}); got != want {
		t.Fatalf("from stored results:\n%s\nfrom scratch:\n%s", got, want)
	}
	var rep Report
	json.Unmarshal([]byte(got), &rep)
	if len(rep.Rows) != 1 || rep.Rows[0].ConsecutiveMisses != 2 {
		t.Fatalf("rows %+v, want June with 2 consecutive misses", rep.Rows)
	}
}

// KeepEvaluated stores, from one evaluation of every point, the very
// records an evaluation through stored results writes period by period:
// the same figures and the same dependencies, byte for byte, whatever the
// indicator, period, zone and exclusions.
func TestKeepEvaluatedStoresWhatEvaluationStores(t *testing.T) {
	avail := availability()
	avail.Slice, avail.Missing = dur("7m"), "bad"
	p90 := domain.Indicator{Kind: domain.IndicatorStatistic, Statistic: "p90"}
	cases := []struct {
		slt   *domain.SLT
		value bool
	}{
		{newSLT("lat", "month", "UTC", threshold("<=", 300), 0.9), true},
		{newSLT("p90", "week", "Europe/Berlin", p90, 350), true},
		{newSLT("roll", "rolling:3d", "America/New_York", threshold("<=", 250), 0.9), true},
		{newSLT("probe", "day", "Asia/Kolkata", avail, 0.99), false},
	}
	for _, c := range cases {
		t.Run(c.slt.Name(), func(t *testing.T) {
			if c.slt.Name() == "p90" {
				c.slt.Spec.Objective.Op = "<="
			}
			ws := domain.NewWorkspace()
			ws.Put(c.slt)
			from, to := ts("2026-01-03T05:00:00Z"), ts("2026-03-20T11:00:00Z")
			var pts []domain.Point
			if c.value {
				for t, i := from, 0; t.Before(to); t, i = t.Add(7*time.Minute), i+1 {
					if i%50 == 3 {
						continue // gaps
					}
					pts = append(pts, domain.Point{At: t, Value: float64(100 + (i*37)%320)})
				}
			} else {
				pts = probes(from, to, func(t time.Time) bool { return t.Minute()%17 == 0 || t.Day() == 9 })
				pts = slices.DeleteFunc(pts, func(p domain.Point) bool { return p.At.Day() == 20 && p.At.Hour() < 5 }) // an outage: no probes
			}
			feeds := map[string][]domain.Point{c.slt.Spec.Feed: pts}
			batches := []BatchSpan{{ID: 7, From: pts[0].At, To: pts[len(pts)-1].At}}
			excs := []ExceptionWindow{{ID: "EX-1", SLT: c.slt.Name(), Start: ts("2026-02-11T10:00:00Z"), End: ts("2026-02-12T03:30:00Z"), Status: StatusApproved}}
			at := ts("2026-03-25T00:00:00Z")
			input := func(res Results) Input {
				return Input{Workspace: ws, Exceptions: excs, At: at, Source: SlicePoints(feeds), Results: res,
					Batches: func(string) ([]BatchSpan, error) { return batches, nil }}
			}

			evaluated := &memResults{}
			if _, err := BuildReport(input(evaluated), ReportOptions{}); err != nil {
				t.Fatal(err)
			}
			kept := &memResults{}
			in := input(kept)
			plan, err := PlanSLT(in, c.slt, nil)
			if err != nil {
				t.Fatal(err)
			}
			run := NewRunning(plan.Specs)
			for i := range pts {
				run.Add(&pts[i])
			}
			n, err := in.KeepEvaluated(plan, run.Finish())
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 || n != evaluated.writes {
				t.Fatalf("kept %d periods, an evaluation stored %d", n, evaluated.writes)
			}
			if !maps.EqualFunc(kept.recs, evaluated.recs, func(a, b map[string][]byte) bool {
				return maps.EqualFunc(a, b, func(x, y []byte) bool { return string(x) == string(y) })
			}) {
				for spec, recs := range evaluated.recs {
					for k, v := range recs {
						if string(kept.recs[spec][k]) != string(v) {
							t.Fatalf("period %s: kept\n%s\nevaluation stored\n%s", k, kept.recs[spec][k], v)
						}
					}
				}
				t.Fatalf("kept records %v, evaluation stored %v", kept.recs, evaluated.recs)
			}
		})
	}
}
