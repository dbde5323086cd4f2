package predict

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
)

var berlin, _ = time.LoadLocation("Europe/Berlin")

func f64(v float64) *float64 { return &v }

// mixed is a workspace with every indicator kind the ledger reads, tiers on
// business-hour calendars, rolling and weekly periods, maintenance windows
// registered early and late, exceptions decided at different times, and a
// lead feed; points for four months.
type mixed struct {
	ws     *domain.Workspace
	points map[string][]domain.Point
	excs   []compliance.ExceptionWindow
	start  time.Time
	now    time.Time
	leads  map[string][]Lead
}

func newMixed() *mixed {
	rnd := rand.New(rand.NewPCG(5, 8))
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, berlin).UTC()
	m := &mixed{start: start, now: start.AddDate(0, 4, 0), points: map[string][]domain.Point{}, leads: map[string][]Lead{"orders": {{Feed: "errors"}}}}
	office := &domain.Calendar{Metadata: domain.Meta{Name: "office"}, Spec: domain.CalendarSpec{TimeZone: "Europe/Berlin",
		Hours: domain.WeeklyHours{Mon: []string{"08:00-18:00"}, Tue: []string{"08:00-18:00"}, Wed: []string{"08:00-18:00"}, Thu: []string{"08:00-18:00"}, Fri: []string{"08:00-18:00"}}}}
	night := &domain.Calendar{Metadata: domain.Meta{Name: "night"}, Spec: domain.CalendarSpec{TimeZone: "Europe/Berlin",
		Hours: domain.WeeklyHours{Mon: []string{"00:00-08:00", "18:00-24:00"}, Tue: []string{"00:00-08:00", "18:00-24:00"}, Wed: []string{"00:00-08:00", "18:00-24:00"},
			Thu: []string{"00:00-08:00", "18:00-24:00"}, Fri: []string{"00:00-08:00", "18:00-24:00"}, Sat: []string{"00:00-24:00"}, Sun: []string{"00:00-24:00"}}}}
	feed := func(name, shape string) *domain.Feed {
		return &domain.Feed{Metadata: domain.Meta{Name: name}, Spec: domain.FeedSpec{Shape: shape}}
	}
	slt := func(name, feed, period string, in domain.Indicator, op string, target float64) *domain.SLT {
		return &domain.SLT{Metadata: domain.Meta{Name: name}, Spec: domain.SLTSpec{Service: "shop", Feed: feed, Type: domain.TypeSLA, TimeZone: "Europe/Berlin",
			Period: period, Indicator: &in, Objective: domain.Objective{Op: op, Target: target}}}
	}
	avail := slt("uptime", "probe", "month", domain.Indicator{Kind: domain.IndicatorAvailability, Slice: domain.Duration(5 * time.Minute)}, "", 0)
	avail.Spec.Objective = domain.Objective{}
	avail.Spec.Tiers = []domain.Tier{{Name: "core", Calendar: "office", Target: 0.995}, {Name: "night", Calendar: "night", Target: 0.99}}
	desk := slt("desk", "tickets", "week", domain.Indicator{Kind: domain.IndicatorDuration, Goal: domain.Duration(8 * time.Hour)}, "", 0.85)
	desk.Spec.Calendar = "office"
	m.ws = domain.NewWorkspace(office, night, &domain.Service{Metadata: domain.Meta{Name: "shop"}},
		feed("probe", domain.ShapeEvent), feed("orders-feed", domain.ShapeCounts), feed("latency", domain.ShapeValue), feed("tickets", domain.ShapeItem), feed("errors", domain.ShapeValue),
		avail, desk,
		slt("orders", "orders-feed", "month", domain.Indicator{Kind: domain.IndicatorRatio}, "", 0.99),
		slt("orders-7d", "orders-feed", "rolling:7d", domain.Indicator{Kind: domain.IndicatorRatio}, "", 0.99),
		slt("p95", "latency", "month", domain.Indicator{Kind: domain.IndicatorStatistic, Statistic: "p95"}, "<=", 520),
		slt("mean", "latency", "day", domain.Indicator{Kind: domain.IndicatorStatistic, Statistic: "mean"}, "<=", 330),
		slt("fast", "latency", "week", domain.Indicator{Kind: domain.IndicatorThreshold, Op: "<=", Threshold: f64(500)}, "", 0.95),
		&domain.MaintenanceWindow{Metadata: domain.Meta{Name: "patch"}, Spec: domain.MaintenanceSpec{Services: []string{"shop"},
			Recurrence:   &domain.Recurrence{Freq: "weekly", Days: []string{"sun"}, At: "02:00", Duration: domain.Duration(2 * time.Hour), TimeZone: "Europe/Berlin"},
			RegisteredAt: start.AddDate(0, 0, -10)}},
		&domain.MaintenanceWindow{Metadata: domain.Meta{Name: "planned"}, Spec: domain.MaintenanceSpec{SLTs: []string{"uptime", "orders"},
			Start: start.AddDate(0, 2, 3).Add(10 * time.Hour), End: start.AddDate(0, 2, 3).Add(14 * time.Hour), RegisteredAt: start.AddDate(0, 1, 20)}},
		&domain.MaintenanceWindow{Metadata: domain.Meta{Name: "late"}, Spec: domain.MaintenanceSpec{SLTs: []string{"uptime"},
			Start: start.AddDate(0, 1, 10).Add(9 * time.Hour), End: start.AddDate(0, 1, 10).Add(11 * time.Hour), RegisteredAt: start.AddDate(0, 1, 12)}},
	)
	m.excs = []compliance.ExceptionWindow{
		{ID: "EX-1", SLT: "orders", Start: start.AddDate(0, 0, 40), End: start.AddDate(0, 0, 41), Status: compliance.StatusApproved, Decided: start.AddDate(0, 0, 55)},
		{ID: "EX-2", SLT: "uptime", Start: start.AddDate(0, 0, 70), End: start.AddDate(0, 0, 70).Add(6 * time.Hour), Status: compliance.StatusApproved, Decided: start.AddDate(0, 0, 71)},
		{ID: "EX-3", SLT: "orders", Start: start.AddDate(0, 0, 80), End: start.AddDate(0, 0, 81), Status: compliance.StatusRejected, Decided: start.AddDate(0, 0, 83)},
		{ID: "EX-4", SLT: "p95", Start: start.AddDate(0, 0, 90), End: start.AddDate(0, 0, 91), Status: compliance.StatusApproved, Decided: start.AddDate(0, 0, 110)},
	}
	down := false
	for t := start; t.Before(m.now); t = t.Add(time.Minute) {
		if rnd.IntN(4000) == 0 {
			down = !down
		}
		if t.Minute()%5 == 0 && rnd.IntN(30) != 0 { // gaps: some slices without probes
			g := 1.0
			if down || rnd.IntN(300) == 0 {
				g = 0
			}
			m.points["probe"] = append(m.points["probe"], domain.Point{At: t, Good: g, Total: 1})
		}
		if t.Minute() == 0 {
			bad := float64(rnd.IntN(12))
			if down {
				bad += 300
			}
			m.points["orders-feed"] = append(m.points["orders-feed"], domain.Point{At: t, Good: 1000 - bad, Total: 1000})
			m.points["errors"] = append(m.points["errors"], domain.Point{At: t, Value: bad + rnd.NormFloat64()})
		}
		if t.Minute()%10 == 3 {
			v := 300 + 60*rnd.NormFloat64()
			if down {
				v += 400
			}
			m.points["latency"] = append(m.points["latency"], domain.Point{At: t, Value: v})
		}
		if t.Minute() == 17 && rnd.IntN(3) == 0 {
			res := t.Add(time.Duration(rnd.ExpFloat64()*20*float64(time.Hour)) + time.Minute)
			m.points["tickets"] = append(m.points["tickets"], domain.Point{At: res, ItemID: fmt.Sprintf("T%d", len(m.points["tickets"])), Opened: t, Resolved: res})
		}
	}
	tk := m.points["tickets"]
	slices.SortStableFunc(tk, func(a, b domain.Point) int { return a.At.Compare(b.At) })
	return m
}

// inputAt is what Slate would have held at time at: points with timestamps
// before at (tickets resolved later still open), the maintenance windows
// registered by then, the exceptions with the status they had then.
func (m *mixed) inputAt(at time.Time) compliance.Input {
	ws := domain.NewWorkspace()
	for _, d := range m.ws.Everything() {
		if mw, ok := d.(*domain.MaintenanceWindow); ok && mw.Spec.RegisteredAt.After(at) {
			continue
		}
		ws.Put(d)
	}
	var excs []compliance.ExceptionWindow
	for _, e := range m.excs {
		if e.Decided.After(at) {
			e.Status, e.Decided = compliance.StatusRequested, time.Time{}
		}
		excs = append(excs, e)
	}
	cut := map[string][]domain.Point{}
	for feed, pts := range m.points {
		for _, p := range pts {
			if feed == "tickets" {
				if !p.Opened.Before(at) {
					continue
				}
				if !p.Resolved.Before(at) {
					p.Resolved, p.At = time.Time{}, p.Opened
				}
			} else if !p.At.Before(at) {
				continue
			}
			cut[feed] = append(cut[feed], p)
		}
		slices.SortStableFunc(cut[feed], func(a, b domain.Point) int { return a.At.Compare(b.At) })
	}
	return compliance.Input{Workspace: ws, Exceptions: excs, At: at, Source: compliance.SlicePoints(cut)}
}

func sameFloat(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }

// The extractor sees exactly what was known at the decision time: features
// computed from the full history at T equal those computed from a history
// that ends at T, for every target and many decision times, including
// exceptions approved later, maintenance registered later, tickets still
// open at T, slices without probes and business-hour tiers.
func TestNoLookAhead(t *testing.T) {
	m := newMixed()
	full, err := FromCompliance(m.inputAt(m.now), SourceOptions{Leads: m.leads})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(full.Targets()); n != 8 {
		t.Fatalf("%d targets: %v", n, full.Targets())
	}
	checked := 0
	for day := 3; day < 120; day += 9 {
		at := addDays(dayStart(m.start, berlin), day, berlin)
		cut, err := FromCompliance(m.inputAt(at), SourceOptions{Leads: m.leads})
		if err != nil {
			t.Fatal(err)
		}
		for _, tg := range full.Targets() {
			xf, df := Extract(NewView(full, tg, at))
			xc, dc := Extract(NewView(cut, tg, at))
			for j := range xf {
				if !sameFloat(xf[j], xc[j]) {
					t.Errorf("%s at %s: %s = %v from the full history, %v from the history up to then", tg.ID(), at.Format(time.DateOnly), FeatureNames[j], xf[j], xc[j])
				}
			}
			if df != dc {
				t.Errorf("%s at %s: decision %+v vs %+v", tg.ID(), at.Format(time.DateOnly), df, dc)
			}
			pf, pc := full.Periods(tg, at), cut.Periods(tg, at)
			if len(pf) != len(pc) {
				t.Fatalf("%s at %s: %d periods vs %d", tg.ID(), at.Format(time.DateOnly), len(pf), len(pc))
			}
			for i := range pf {
				if pf[i].Key != pc[i].Key || (pf[i].Met == nil) != (pc[i].Met == nil) || (pf[i].Met != nil && *pf[i].Met != *pc[i].Met) ||
					(pf[i].Attainment != nil && !sameFloat(*pf[i].Attainment, *pc[i].Attainment)) {
					t.Errorf("%s at %s: period %s differs", tg.ID(), at.Format(time.DateOnly), pf[i].Key)
				}
			}
			checked++
		}
	}
	if checked < 100 {
		t.Fatalf("only %d comparisons", checked)
	}
	// The exception approved on day 55 changes what day 40 looked like, but
	// only from day 55 on: the ledger answers from the right epoch.
	orders := full.Targets()[slices.IndexFunc(full.Targets(), func(t Target) bool { return t.SLT == "orders" })]
	day40, day41 := addDays(dayStart(m.start, berlin), 40, berlin), addDays(dayStart(m.start, berlin), 41, berlin)
	before := full.Eval(orders, day40, day41, addDays(dayStart(m.start, berlin), 50, berlin))
	after := full.Eval(orders, day40, day41, addDays(dayStart(m.start, berlin), 60, berlin))
	if before.Excluded != 0 || after.Excluded == 0 || after.Good+after.Bad != 0 {
		t.Errorf("day 40 of orders: excluded %v before the approval, %v after (eligible %v)", before.Excluded, after.Excluded, after.Good+after.Bad)
	}
}

// leaky is a History that answers Leads with the days up to the end of the
// period in progress instead of the days asked for: what an engine that
// peeked ahead would see.
type leaky struct{ *Ledger }

func (l leaky) Leads(t Target, from, to, at time.Time) [][]float64 {
	shift := t.Period.Of(at, t.Loc).End.Sub(to)
	return l.Ledger.Leads(t, from.Add(shift), to.Add(shift), l.Now())
}

// The future-only signal of modeFuture is strong: an engine that saw the
// rest of the period would forecast almost perfectly. The real engine, which cannot, stays
// at chance (TestBacktestNoise). This shows the no-look-ahead test has teeth.
func TestFutureSignalWouldBeExploited(t *testing.T) {
	s := newSynth(20, 13, modeFuture, 2)
	r, err := Backtest(leaky{s.ledger(t, s.now)}, Current, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("a peeking engine: AUC %.3f, Brier %.4f", r.Model.AUC, r.Model.Brier)
	if r.Model.AUC < 0.8 {
		t.Errorf("a peeking engine reaches AUC %.3f only; the planted future signal is too weak to prove anything", r.Model.AUC)
	}
}
