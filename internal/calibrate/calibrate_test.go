package calibrate

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/stats"
)

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func near(a, b, tol float64) bool {
	if math.IsNaN(b) {
		return math.IsNaN(a)
	}
	return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b))
}

func TestAlignHandWorked(t *testing.T) {
	base := ts("2026-03-02T10:00:00Z")
	at := func(min int) time.Time { return base.Add(time.Duration(min) * time.Minute) }
	// Hourly buckets. Feed: 10:00 bucket values 100, 120 (mean 110); 11:00: 90;
	// 13:00: 50. Reference: 10:00: 104; 11:00 none; 12:00: 95; 13:00: 40, 44 (42).
	feed := []domain.Point{{At: at(5), Value: 100}, {At: at(35), Value: 120}, {At: at(70), Value: 90}, {At: at(185), Value: 50}}
	ref := []domain.Point{{At: at(0), Value: 104}, {At: at(130), Value: 95}, {At: at(181), Value: 40}, {At: at(199), Value: 44}}
	a := Align(domain.ShapeValue, feed, ref, time.Hour, 0)
	if len(a.Pairs) != 2 || a.FeedBuckets != 3 || a.RefBuckets != 3 || a.UnpairedFeed != 1 || a.UnpairedRef != 1 {
		t.Fatalf("exact alignment: %+v", a)
	}
	if a.Pairs[0].Feed != 110 || a.Pairs[0].Reference != 104 || a.Pairs[1].Feed != 50 || a.Pairs[1].Reference != 42 {
		t.Errorf("pairs %+v", a.Pairs)
	}
	// With one hour of tolerance the 11:00 feed bucket takes the free 12:00 reference bucket.
	a = Align(domain.ShapeValue, feed, ref, time.Hour, time.Hour)
	if len(a.Pairs) != 3 || a.Neighbours != 1 || a.UnpairedFeed != 0 || a.UnpairedRef != 0 {
		t.Fatalf("tolerant alignment: %+v", a)
	}
	if p := a.Pairs[1]; p.Feed != 90 || p.Reference != 95 || !p.RefStart.Equal(at(120)) {
		t.Errorf("neighbour pair %+v", p)
	}
	// Counts and events compare shares: 95/100 and 3 good events of 4.
	c := Align(domain.ShapeCounts, []domain.Point{{At: at(1), Good: 95, Total: 100}}, []domain.Point{{At: at(2), Good: 180, Total: 200}}, time.Hour, 0)
	if len(c.Pairs) != 1 || c.Pairs[0].Feed != 0.95 || c.Pairs[0].Reference != 0.9 {
		t.Errorf("counts %+v", c.Pairs)
	}
	e := Align(domain.ShapeEvent, []domain.Point{{At: at(1), Good: 1, Total: 1}, {At: at(2), Good: 1, Total: 1}, {At: at(3), Good: 0, Total: 1}, {At: at(4), Good: 1, Total: 1}},
		[]domain.Point{{At: at(1), Good: 1, Total: 1}}, time.Hour, 0)
	if len(e.Pairs) != 1 || e.Pairs[0].Feed != 0.75 || e.Pairs[0].Reference != 1 {
		t.Errorf("events %+v", e.Pairs)
	}
}

func TestCompareHandWorked(t *testing.T) {
	// Ten buckets; the feed reads 2 higher except two buckets (+4, −2):
	// d = 2,2,2,2,2,2,2,2,4,−2 → bias 1.8, MAE 2.2.
	var pairs []Pair
	ref := []float64{700, 750, 820, 790, 805, 640, 900, 770, 798, 810}
	d := []float64{2, 2, 2, 2, 2, 2, 2, 2, 4, -2}
	for i := range ref {
		pairs = append(pairs, Pair{Start: ts("2026-01-01T00:00:00Z").Add(time.Duration(i) * time.Hour), Feed: ref[i] + d[i], Reference: ref[i]})
	}
	r, err := Compare(pairs, []Classifier{{Name: "fast", Op: "<=", Threshold: 800}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !near(float64(r.Bias), 1.8, 1e-12) || !near(float64(r.MAE), 2.2, 1e-12) {
		t.Errorf("bias %v mae %v", r.Bias, r.MAE)
	}
	// At ≤ 800: reference bad at 820, 805, 900, 810; the feed also at 798+4 = 802,
	// and 790+2 = 792 stays good: 5 both good, 1 feed bad/ref good, 4 both bad.
	// pₒ = 0.9; margins ref (6 good, 4 bad), feed (5, 5): pₑ = 0.6·0.5 + 0.4·0.5 = 0.5; κ = 0.8.
	c := r.Classification[0]
	if c.BothGood != 5 || c.FeedBadReferenceGood != 1 || c.FeedGoodReferenceBad != 0 || c.BothBad != 4 {
		t.Errorf("confusion %+v", c)
	}
	if !near(float64(c.Kappa), 0.8, 1e-12) || !near(float64(c.Agreement), 0.9, 1e-12) {
		t.Errorf("kappa %v agreement %v", c.Kappa, c.Agreement)
	}
	if r.Drift.Status != DriftInsufficient || r.Drift.Message != "not enough data: 1 days with pairs, need 14" {
		t.Errorf("drift %+v", r.Drift)
	}
	_, err = Compare(pairs[:4], nil, Options{})
	var ne *stats.NotEnoughData
	if !errors.As(err, &ne) || err.Error() != "not enough data: 4 paired buckets, need 10" {
		t.Errorf("too few pairs: %v", err)
	}
}

// plantedFeeds: a reference latency series and a feed that reads bias higher,
// plus slope per day from driftFrom on (hourly buckets, one value each).
func plantedFeeds(start time.Time, days int, bias, slope float64, driftFrom time.Time) (feed, ref []domain.Point) {
	rnd := rand.New(rand.NewPCG(7, 11))
	for h := range days * 24 {
		at := start.Add(time.Duration(h) * time.Hour)
		truth := 400 + 150*math.Sin(float64(h%24)/24*2*math.Pi) + rnd.NormFloat64()*30
		off := bias
		if at.After(driftFrom) {
			off += slope * at.Sub(driftFrom).Hours() / 24
		}
		ref = append(ref, domain.Point{At: at.Add(10 * time.Minute), Value: truth + rnd.NormFloat64()*3})
		feed = append(feed, domain.Point{At: at.Add(20 * time.Minute), Value: truth + off + rnd.NormFloat64()*3})
	}
	return feed, ref
}

func plantedWorkspace() *domain.Workspace {
	th := 800.0
	return domain.NewWorkspace(
		&domain.Service{Metadata: domain.Meta{Name: "shop"}},
		&domain.Feed{Metadata: domain.Meta{Name: "probe"}, Spec: domain.FeedSpec{Shape: domain.ShapeValue, Unit: "ms", Interval: domain.Duration(time.Hour), CalibrateAgainst: "txlog"}},
		&domain.Feed{Metadata: domain.Meta{Name: "txlog"}, Spec: domain.FeedSpec{Shape: domain.ShapeValue, Unit: "ms"}},
		&domain.SLT{Metadata: domain.Meta{Name: "fast"}, Spec: domain.SLTSpec{Service: "shop", Feed: "probe", Type: domain.TypeOLA, Period: "month",
			Indicator: &domain.Indicator{Kind: domain.IndicatorThreshold, Op: "<=", Threshold: &th}, Objective: domain.Objective{Target: 0.9}}},
		&domain.SLT{Metadata: domain.Meta{Name: "p95"}, Spec: domain.SLTSpec{Service: "shop", Feed: "probe", Type: domain.TypeOLA, Period: "month",
			Indicator: &domain.Indicator{Kind: domain.IndicatorStatistic, Statistic: "p95"}, Objective: domain.Objective{Op: "<=", Target: 600}}},
	)
}

// A planted bias of +6 ms and a drift of +0.5 ms a day from 2026-03-10 are
// found with the right sign and start date.
func TestPlantedBiasAndDrift(t *testing.T) {
	start, driftFrom := ts("2026-01-01T00:00:00Z"), ts("2026-03-10T00:00:00Z")
	feed, ref := plantedFeeds(start, 120, 6, 0.5, driftFrom)
	ws := plantedWorkspace()
	if ps := ws.ValidateAll(); len(ps) > 0 {
		t.Fatal(ps)
	}
	in := compliance.Input{Workspace: ws, At: start.AddDate(0, 0, 120), Source: compliance.SlicePoints(map[string][]domain.Point{"probe": feed, "txlog": ref})}
	rep, err := Feed(in, Request{Feed: "probe", To: driftFrom})
	if err != nil {
		t.Fatal(err)
	}
	r := rep.Result
	if rep.Reference != "txlog" || rep.BucketSeconds != 3600 || r.N != 68*24 {
		t.Fatalf("report %+v n %d", rep, r.N)
	}
	if !(r.BiasCI[0] < 6 && 6 < r.BiasCI[1]) || !near(float64(r.Bias), 6, 0.05) {
		t.Errorf("bias %v CI %v, want +6 inside", r.Bias, r.BiasCI)
	}
	if r.Drift.Status != DriftNone {
		t.Errorf("no drift before %s, got %+v", driftFrom, r.Drift)
	}
	if r.CCC < 0.95 || r.CCC >= 1 {
		t.Errorf("ccc %v", r.CCC)
	}
	// Over the whole span the drift is found, starting within two days of the planted date.
	rep, err = Feed(in, Request{Feed: "probe"})
	if err != nil {
		t.Fatal(err)
	}
	if b, err := json.Marshal(rep); err != nil || !strings.Contains(string(b), `"limits_of_agreement":[`) {
		t.Errorf("report JSON: %v", err)
	}
	dr := rep.Result.Drift
	if dr.Status != DriftFound || dr.Change == nil || dr.Change.Kind != stats.ChangeRamp {
		t.Fatalf("drift %+v", dr)
	}
	got, _ := time.Parse(time.DateOnly, dr.Change.Start)
	if d := got.Sub(driftFrom).Hours() / 24; math.Abs(d) > 2 {
		t.Errorf("drift starts %s, planted %s", dr.Change.Start, driftFrom.Format(time.DateOnly))
	}
	if !near(float64(dr.Change.SlopePerDay), 0.5, 0.05) || !near(float64(dr.Change.Before), 6, 0.05) {
		t.Errorf("change %+v, want +0.5/day from +6", dr.Change)
	}
	if m := dr.Monthly; len(m) != 4 || m[0].Month != "2026-01" || !(m[3].Bias > m[0].Bias+10) {
		t.Errorf("monthly %+v", m)
	}
	// The threshold and p95 SLTs are judged from both feeds, period by period.
	if len(rep.Result.Classification) != 2 || rep.Result.Classification[0].Name != "fast" || rep.Result.Classification[1].Name != "p95" {
		t.Errorf("classifiers %+v", rep.Result.Classification)
	}
	var fast, p95 int
	for _, a := range rep.Attainment {
		switch a.SLT {
		case "fast":
			fast++
		case "p95":
			p95++
			if a.Period == "2026-04" && !(a.Difference > 15) {
				t.Errorf("p95 in April reads %v higher from the probe, want > 15 (drifted by 11 to 26 ms that month)", a.Difference)
			}
		}
	}
	if fast != 4 || p95 != 4 {
		t.Errorf("attainment rows fast %d p95 %d: %+v", fast, p95, rep.Attainment)
	}
}

// A negative step is found as a step, with its sign.
func TestPlantedStep(t *testing.T) {
	start := ts("2026-01-01T00:00:00Z")
	rnd := rand.New(rand.NewPCG(3, 5))
	var pairs []Pair
	for h := range 60 * 24 {
		at := start.Add(time.Duration(h) * time.Hour)
		truth := 500 + rnd.NormFloat64()*20
		off := -3.0
		if !at.Before(ts("2026-02-01T00:00:00Z")) {
			off = -12
		}
		pairs = append(pairs, Pair{Start: at, Feed: truth + off + rnd.NormFloat64()*2, Reference: truth})
	}
	r, err := Compare(pairs, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := r.Drift.Change
	if r.Drift.Status != DriftFound || c == nil || c.Kind != stats.ChangeStep || c.Start != "2026-02-01" || !near(float64(c.Shift), -9, 0.05) {
		t.Fatalf("drift %+v change %+v", r.Drift, c)
	}
}

func TestFeedErrors(t *testing.T) {
	ws := plantedWorkspace()
	in := compliance.Input{Workspace: ws, At: ts("2026-02-01T00:00:00Z"), Source: compliance.SlicePoints(nil)}
	if _, err := Feed(in, Request{Feed: "txlog"}); err == nil || err.Error() != "feed txlog has no reference: set spec.calibrateAgainst to the feed that measures the same quantity" {
		t.Errorf("no reference: %v", err)
	}
	if _, err := Feed(in, Request{Feed: "nope"}); err == nil {
		t.Error("unknown feed accepted")
	}
	if _, err := Feed(in, Request{Feed: "probe"}); err == nil || err.Error() != "not enough data: 0 paired buckets, need 10" {
		t.Errorf("empty feeds: %v", err)
	}
}
