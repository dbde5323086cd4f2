package drill

import (
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
)

var at = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

// figure evaluates one SLT of the given indicator over points and returns
// its plan and the row of period key.
func figure(t *testing.T, in domain.Indicator, shape string, pts []domain.Point, excl []compliance.ExceptionWindow, key string) ([]compliance.EvalSpec, compliance.Row) {
	t.Helper()
	s := &domain.SLT{Metadata: domain.Meta{Name: "s"}, Spec: domain.SLTSpec{Service: "svc", Feed: "f", Type: domain.TypeSLA, Period: "month",
		Indicator: &in, Objective: domain.Objective{Target: 0.9}}}
	ws := domain.NewWorkspace(s, &domain.Feed{Metadata: domain.Meta{Name: "f"}, Spec: domain.FeedSpec{Shape: shape}})
	r, err := compliance.NewEvaluator(compliance.Input{Workspace: ws, At: at, Exceptions: excl, Source: compliance.SlicePoints(map[string][]domain.Point{"f": pts})}).SLT("s", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range r.Overall {
		if row.Period == key {
			return r.Plan.Specs, row
		}
	}
	t.Fatalf("no row %s", key)
	return nil, compliance.Row{}
}

func classify(specs []compliance.EvalSpec, kind, shape string, f compliance.Row, pts []domain.Point) ([]Row, Tally) {
	c := New(specs, kind, shape, f.Start, f.End, at)
	from, to := c.Window()
	for i, p := range pts {
		if kind == domain.IndicatorDuration || !p.At.Before(from) && p.At.Before(to) {
			c.Add(&p, uint32(i+2))
		}
	}
	return c.Finish(nil)
}

// TestAvailabilityAddsUp: probes of three slices and a gap; the rows and the
// gap tally give the figure's units, with the missing slice counted bad.
func TestAvailabilityAddsUp(t *testing.T) {
	feb := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	var pts []domain.Point
	for m := range 60 * 24 * 28 {
		if m >= 100 && m < 110 { // ten minutes without a probe
			continue
		}
		good := 1.0
		if m >= 200 && m < 203 {
			good = 0
		}
		pts = append(pts, domain.Point{At: feb.Add(time.Duration(m)*time.Minute + 10*time.Second), Good: good, Total: 1, Batch: 1})
	}
	in := domain.Indicator{Kind: domain.IndicatorAvailability, Missing: "bad"}
	excl := []compliance.ExceptionWindow{{ID: "EX-1", SLT: "s", Start: feb.Add(300 * time.Minute), End: feb.Add(310 * time.Minute), Status: compliance.StatusApproved, Decided: feb}}
	specs, f := figure(t, in, domain.ShapeEvent, pts, excl, "2026-02")
	rows, ty := classify(specs, in.Kind, domain.ShapeEvent, f, pts)
	if g, b := ty.Good+ty.GapGood, ty.Bad+ty.GapBad; g != *f.Good || b != *f.Bad || ty.Excluded+ty.GapExcluded != f.Excluded || ty.GapUnknown != f.Unknown {
		t.Fatalf("rows good %v bad %v excluded %v unknown %v; figure %v %v %v %v", g, b, ty.Excluded+ty.GapExcluded, ty.GapUnknown, *f.Good, *f.Bad, f.Excluded, f.Unknown)
	}
	if ty.GapBad != 10 || ty.Bad != 3 || ty.Excluded != 10 || len(rows) != len(pts) || rows[0].N != 1 {
		t.Errorf("tally %+v, %d rows", ty, len(rows))
	}
	for _, r := range rows {
		if r.Status == Bad && r.Why != "1 of 1 probes in the slice were down" {
			t.Errorf("why %q", r.Why)
		}
	}
}

// TestItemsCountWhereTheyAre: an item resolved late counts bad in its
// month; one still open past its goal at the end of a month counts bad
// there, once; one resolved in time counts good.
func TestItemsCountWhereTheyAre(t *testing.T) {
	d := func(s string) time.Time { v, _ := time.Parse(time.DateOnly, s); return v }
	pts := []domain.Point{
		{At: d("2026-01-10"), ItemID: "a", Opened: d("2026-01-05"), Resolved: d("2026-01-10"), Batch: 1},
		{At: d("2026-02-03"), ItemID: "b", Opened: d("2026-01-29"), Resolved: d("2026-02-03"), Batch: 1},
		{At: d("2026-01-20"), ItemID: "c", Opened: d("2026-01-20"), Resolved: d("2026-01-21"), Batch: 1},
	}
	in := domain.Indicator{Kind: domain.IndicatorDuration, Goal: domain.Duration(48 * time.Hour)}
	specs, f := figure(t, in, domain.ShapeItem, pts, nil, "2026-01")
	rows, ty := classify(specs, in.Kind, domain.ShapeItem, f, pts)
	if ty.Good != *f.Good || ty.Bad != *f.Bad || ty.Good != 1 || ty.Bad != 2 {
		t.Fatalf("tally %+v, figure good %v bad %v", ty, *f.Good, *f.Bad)
	}
	if len(rows) != 3 || rows[2].Item != "b" || rows[2].Why != "over the goal of 48 hours while still open at the end of 2026-01-31" {
		t.Errorf("rows %+v", rows)
	}
	if idx := Select(rows, Bad, "-time", nil); len(idx) != 2 || rows[idx[0]].Item != "b" {
		t.Errorf("bad rows newest first: %v", idx)
	}
}

// TestThresholdRowsSayWhy: each row is one unit; a bad one says the threshold it missed.
func TestThresholdRowsSayWhy(t *testing.T) {
	thr := 300.0
	var pts []domain.Point
	for i, v := range []float64{120, 350, 280, 301} {
		pts = append(pts, domain.Point{At: time.Date(2026, 2, 2, i, 0, 0, 0, time.UTC), Value: v, Batch: 1})
	}
	in := domain.Indicator{Kind: domain.IndicatorThreshold, Op: "<=", Threshold: &thr}
	specs, f := figure(t, in, domain.ShapeValue, pts, nil, "2026-02")
	rows, ty := classify(specs, in.Kind, domain.ShapeValue, f, pts)
	if ty.Good != *f.Good || ty.Bad != *f.Bad || ty.Bad != 2 || rows[1].Why != "not <= 300" || *rows[1].Value != 350 {
		t.Fatalf("tally %+v rows %+v", ty, rows)
	}
	if idx := Select(rows, "", "-value", nil); rows[idx[0]].N != 2 {
		t.Errorf("by value, highest first: %v", idx)
	}
}
