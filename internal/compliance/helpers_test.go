package compliance

import (
	"math"
	"slices"
	"testing"
	"time"

	"slate/internal/domain"
)

var berlin, _ = time.LoadLocation("Europe/Berlin")

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func f64(v float64) *float64 { return &v }

func dur(s string) domain.Duration {
	d, err := domain.ParseDuration(s)
	if err != nil {
		panic(err)
	}
	return d
}

func newSLT(name, period, zone string, in domain.Indicator, target float64) *domain.SLT {
	return &domain.SLT{Metadata: domain.Meta{Name: name}, Spec: domain.SLTSpec{
		Service: "svc", Feed: name + "-feed", Type: domain.TypeSLA, TimeZone: zone, Period: period,
		Indicator: &in, Objective: domain.Objective{Target: target}}}
}

func availability() domain.Indicator { return domain.Indicator{Kind: domain.IndicatorAvailability} }

func threshold(op string, v float64) domain.Indicator {
	return domain.Indicator{Kind: domain.IndicatorThreshold, Op: op, Threshold: f64(v)}
}

// probes gives one event probe per minute in [from, to), bad when bad(t).
func probes(from, to time.Time, bad func(time.Time) bool) []domain.Point {
	var out []domain.Point
	for t := from; t.Before(to); t = t.Add(time.Minute) {
		g := 1.0
		if bad != nil && bad(t) {
			g = 0
		}
		out = append(out, domain.Point{At: t, Good: g, Total: 1})
	}
	return out
}

func report(t *testing.T, ws *domain.Workspace, at time.Time, feeds map[string][]domain.Point, excs []ExceptionWindow, o ReportOptions) Report {
	t.Helper()
	rep, err := BuildReport(Input{Workspace: ws, Exceptions: excs, At: at, Source: SlicePoints(feeds)}, o)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func findRow(t *testing.T, rep Report, slt, tier, period string) Row {
	t.Helper()
	for _, r := range rep.Rows {
		if r.SLT == slt && r.Tier == tier && r.Period == period {
			return r
		}
	}
	t.Fatalf("no row %s/%s %s in %d rows: %+v", slt, tier, period, len(rep.Rows), keys(rep))
	return Row{}
}

func keys(rep Report) []string {
	var k []string
	for _, r := range rep.Rows {
		k = append(k, r.SLT+"/"+r.Tier+"@"+r.Period)
	}
	return k
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

func wantCounts(t *testing.T, r Row, eligible, good, bad, unknown, excluded float64) {
	t.Helper()
	if r.Eligible != eligible || r.Good == nil || *r.Good != good || *r.Bad != bad || r.Unknown != unknown || r.Excluded != excluded {
		g, b := -1.0, -1.0
		if r.Good != nil {
			g, b = *r.Good, *r.Bad
		}
		t.Fatalf("%s %s: eligible/good/bad/unknown/excluded = %v/%v/%v/%v/%v, want %v/%v/%v/%v/%v",
			r.SLT, r.Period, r.Eligible, g, b, r.Unknown, r.Excluded, eligible, good, bad, unknown, excluded)
	}
}

func wantAtt(t *testing.T, r Row, want float64) {
	t.Helper()
	if r.Attainment == nil || !near(*r.Attainment, want) {
		t.Fatalf("%s/%s %s: attainment %v, want %v", r.SLT, r.Tier, r.Period, deref(r.Attainment), want)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func sortPoints(p []domain.Point) {
	slices.SortStableFunc(p, func(a, b domain.Point) int { return a.At.Compare(b.At) })
}
