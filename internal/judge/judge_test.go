package judge

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
)

// shop is a small workspace: two ratio SLTs on one counts feed, a p95 on a
// value feed, and a composite of the two ratios; eight months of hourly
// points, with a ten-hour outage on 2026-03-10.
func shop() (*domain.Workspace, map[string][]domain.Point, time.Time) {
	ratio := func(name string, target float64) *domain.SLT {
		return &domain.SLT{Metadata: domain.Meta{Name: name}, Spec: domain.SLTSpec{Service: "shop", Feed: "req", Type: domain.TypeSLA,
			TimeZone: "Europe/Berlin", Period: "month", Indicator: &domain.Indicator{Kind: domain.IndicatorRatio},
			Objective: domain.Objective{Target: target}}}
	}
	p95 := &domain.SLT{Metadata: domain.Meta{Name: "fast"}, Spec: domain.SLTSpec{Service: "shop", Feed: "lat", Type: domain.TypeOLA,
		Period: "month", Indicator: &domain.Indicator{Kind: domain.IndicatorStatistic, Statistic: "p95"},
		Objective: domain.Objective{Op: "<=", Target: 300}}}
	combo := &domain.SLT{Metadata: domain.Meta{Name: "combo"}, Spec: domain.SLTSpec{Service: "shop", Type: domain.TypeSLA,
		TimeZone: "Europe/Berlin", Period: "month", Objective: domain.Objective{Target: 0.99},
		Composite: &domain.Composite{Components: []domain.Component{{SLT: "ok", Weight: 0.5}, {SLT: "ok-strict", Weight: 0.5}}, Rationale: "both"}}}
	ws := domain.NewWorkspace(
		&domain.Service{Metadata: domain.Meta{Name: "shop", DisplayName: "Web Shop"}, Spec: domain.ServiceSpec{Owner: "Dana Fischer"}},
		&domain.Feed{Metadata: domain.Meta{Name: "req"}, Spec: domain.FeedSpec{Shape: domain.ShapeCounts, Interval: domain.Duration(time.Hour)}},
		&domain.Feed{Metadata: domain.Meta{Name: "lat"}, Spec: domain.FeedSpec{Shape: domain.ShapeValue, Interval: domain.Duration(time.Hour), Unit: "ms"}},
		ratio("ok", 0.99), ratio("ok-strict", 0.999), p95, combo)
	start := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	outage := time.Date(2026, 3, 10, 6, 0, 0, 0, time.UTC)
	feeds := map[string][]domain.Point{}
	for t, i := start, 0; t.Before(at); t, i = t.Add(time.Hour), i+1 {
		good := 100.0
		if !t.Before(outage) && t.Before(outage.Add(10*time.Hour)) {
			good = 0
		}
		feeds["req"] = append(feeds["req"], domain.Point{At: t, Good: good, Total: 100})
		feeds["lat"] = append(feeds["lat"], domain.Point{At: t, Value: 200 + float64(i%50)})
	}
	return ws, feeds, at
}

// counting counts the evaluation reads of each feed: the evaluator reads a
// feed from the start of time, the sampler only the analysed periods.
func counting(src compliance.Source) (compliance.Source, map[string]int) {
	var mu sync.Mutex
	reads := map[string]int{}
	return func(feed string, from, to time.Time, fn func(domain.Point) error) error {
		if from.Equal(time.Unix(0, 0)) {
			mu.Lock()
			reads[feed]++
			mu.Unlock()
		}
		return src(feed, from, to, fn)
	}, reads
}

// TestReadEvaluatesEachSLTOnce: one reading of four SLTs (a composite among
// them) evaluates each indicator SLT once, and its analyses and statuses are
// those of SLTs analysed and judged one at a time.
func TestReadEvaluatesEachSLTOnce(t *testing.T) {
	ws, feeds, at := shop()
	src, reads := counting(compliance.SlicePoints(feeds))
	in := compliance.Input{Workspace: ws, At: at, Source: src}
	slts := ws.SLTs()
	var steps []string
	rd, err := Read(in, slts, "2026-03", func(slt string) error { steps = append(steps, slt); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if reads["req"] != 2 || reads["lat"] != 1 || len(reads) != 2 {
		t.Fatalf("evaluation reads per feed %v, want req 2 (ok, ok-strict) and lat 1 (fast); the composite reuses its components' rows", reads)
	}
	if len(steps) != len(slts) || len(rd.Rows) != len(slts) || len(rd.Statuses) != len(slts) {
		t.Fatalf("steps %v, %d rows, %d statuses for %d SLTs", steps, len(rd.Rows), len(rd.Statuses), len(slts))
	}
	for _, s := range slts {
		rows, err := compliance.NewEvaluator(compliance.Input{Workspace: ws, At: at, Source: compliance.SlicePoints(feeds)}).SLT(s.Name(), nil)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Analyze(in, s, rows, Query{To: "2026-03"})
		if err != nil {
			if rd.AnalysisErrors[s.Name()] != err.Error() {
				t.Errorf("%s: analysis error %q, alone %q", s.Name(), rd.AnalysisErrors[s.Name()], err)
			}
			continue
		}
		if got, want := jsonOf(t, rd.Analyses[s.Name()]), jsonOf(t, a); got != want {
			t.Errorf("%s: the reading's analysis differs from one made alone", s.Name())
		}
		st := NewJudge(in, nil).Status(s, rows, "2026-03", &a)
		if jsonOf(t, st) != jsonOf(t, rd.Statuses[s.Name()]) {
			t.Errorf("%s: status %+v, alone %+v", s.Name(), rd.Statuses[s.Name()], st)
		}
	}
	// March had the outage: 1000 bad of 74,400 events is 98.66%, under both ratio targets.
	for _, name := range []string{"ok", "ok-strict", "combo"} {
		if st := rd.Statuses[name]; st.State != compliance.StateMissed {
			t.Errorf("%s in 2026-03: %s (%v), want missed", name, st.State, st.Reasons)
		}
	}
	if st := rd.Statuses["fast"]; st.State == compliance.StateMissed || st.State == compliance.StateNoData {
		t.Errorf("fast in 2026-03: %s (%v), want met", st.State, st.Reasons)
	}
}

func TestWithinAndObjectiveSpeakOfTheThing(t *testing.T) {
	ws, _, _ := shop()
	for _, c := range []struct {
		from, to, field string
	}{
		{"June", "", "from"},
		{"", "2026-13", "to"},
		{"2026-05", "2026-03", "to"},
	} {
		_, err := Within(nil, c.from, c.to, time.UTC)
		var fe *domain.FieldError
		if !asField(err, &fe) || fe.Field != c.field {
			t.Errorf("Within(%q, %q): %v, want a %s field error", c.from, c.to, err, c.field)
		}
	}
	if _, _, err := Objective(ws.SLT("ok"), "gold"); err == nil || err.Error() != `SLT ok has no tier "gold" (tiers: none)` {
		t.Errorf("no tier: %v", err)
	}
	op, target, err := Objective(ws.SLT("fast"), "")
	if err != nil || op != "<=" || target == nil || *target != 300 {
		t.Errorf("fast: %s %v %v", op, target, err)
	}
}

func asField(err error, fe **domain.FieldError) bool {
	f, ok := err.(*domain.FieldError)
	*fe = f
	return ok
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// AnalyzeSLT finds the SLT by name, reads its definition and analyses it.
func TestAnalyzeSLT(t *testing.T) {
	ws, feeds, at := shop()
	in := compliance.Input{Workspace: ws, At: at, Source: compliance.SlicePoints(feeds)}
	if _, _, err := AnalyzeSLT(in, "nope", Query{}); err == nil {
		t.Error("an unknown SLT was analysed")
	}
	def, res, err := AnalyzeSLT(in, "ok", Query{})
	if err != nil || def.Name != "ok" || def.TimeZone != "Europe/Berlin" {
		t.Fatalf("%v %+v", err, def)
	}
	if jsonOf(t, res) == "{}" {
		t.Error("an empty analysis")
	}
}
