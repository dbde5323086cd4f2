package compliance

import (
	"encoding/json"
	"maps"
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
