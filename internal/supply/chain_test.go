package supply

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
)

func ratioSLT(name string, target float64, comps ...domain.SupplyComponent) *domain.SLT {
	return &domain.SLT{Metadata: domain.Meta{Name: name}, Spec: domain.SLTSpec{
		Service: "svc", Feed: name + "-feed", Type: domain.TypeUC, Period: "month", Owner: "owner of " + name,
		Indicator: &domain.Indicator{Kind: domain.IndicatorRatio}, Objective: domain.Objective{Target: target},
		Components: comps}}
}

func serial(n string) domain.SupplyComponent {
	return domain.SupplyComponent{SLT: n, Relation: domain.RelationSerial}
}
func parallel(n string) domain.SupplyComponent {
	return domain.SupplyComponent{SLT: n, Relation: domain.RelationParallel}
}

func contract(name, supplier, slt string) *domain.Contract {
	return &domain.Contract{Metadata: domain.Meta{Name: name}, Spec: domain.ContractSpec{Supplier: supplier, SLT: slt, ChargePerPeriod: 1000}}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

// The hand-drawn chain:
//
//	order-e2e (99%) = web (99.9%) × pay (99%) × net (99.95%) × [dc-a (98%) ∥ dc-b (95%)]
//	net (99.95%)    = isp-1 (99%) ∥ isp-2 (99%)
//
// Contracts: web (host), pay twice (payco, payco2: an overlap), dc-b, isp-1,
// isp-2, and one on "lonely", which no chain uses (an orphan). dc-a has none
// (a gap); net has none but its parts are contracted (covered).
//
// Best = 0.999 · 0.99 · 0.9995 · (1 − 0.02 · 0.05) = 0.987526979505 < 0.99.
// Alone, pay would have to reach 0.99 / (0.999 · 0.9995 · 0.999) = 0.99247921357;
// web (1.0015), net (1.0020) and the data-centre group (1.0015) could not.
func handChain() *domain.Workspace {
	return domain.NewWorkspace(
		ratioSLT("order-e2e", 0.99, serial("web"), serial("pay"), serial("net"), parallel("dc-a"), parallel("dc-b")),
		ratioSLT("web", 0.999), ratioSLT("pay", 0.99), ratioSLT("dc-a", 0.98), ratioSLT("dc-b", 0.95),
		ratioSLT("net", 0.9995, parallel("isp-1"), parallel("isp-2")), ratioSLT("isp-1", 0.99), ratioSLT("isp-2", 0.99),
		ratioSLT("lonely", 0.9),
		contract("c-web", "host", "web"), contract("c-pay-a", "payco", "pay"), contract("c-pay-b", "payco2", "pay"),
		contract("c-dcb", "colo", "dc-b"), contract("c-isp1", "telco", "isp-1"), contract("c-isp2", "cable", "isp-2"),
		contract("c-lonely", "nobody", "lonely"),
	)
}

func TestHandDrawnChain(t *testing.T) {
	ws := handChain()
	rep, err := Check(ws)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.EndToEnd) != 2 || rep.EndToEnd[0].SLT != "net" || rep.EndToEnd[1].SLT != "order-e2e" {
		t.Fatalf("end-to-end SLTs: %+v", rep.EndToEnd)
	}
	e := rep.EndToEnd[1]
	if len(e.Gaps) != 1 || e.Gaps[0].SLT != "dc-a" || !slices.Equal(e.Gaps[0].Chain, []string{"order-e2e", "dc-a"}) {
		t.Errorf("gaps %+v", e.Gaps)
	}
	if len(e.Overlaps) != 1 || e.Overlaps[0].SLT != "pay" || !slices.Equal(e.Overlaps[0].Suppliers, []string{"payco", "payco2"}) {
		t.Errorf("overlaps %+v", e.Overlaps)
	}
	if len(rep.Orphans) != 1 || rep.Orphans[0].Contract != "c-lonely" || rep.Orphans[0].SLT != "lonely" {
		t.Errorf("orphans %+v", rep.Orphans)
	}
	f := e.Feasibility
	if f.Feasible || !near(f.Best, 0.987526979505) || !near(f.Shortfall, 0.99-0.987526979505) {
		t.Fatalf("feasibility %+v", f)
	}
	if f.Fix == nil || f.Fix.SLT != "pay" || !near(f.Fix.To, 0.9924792135717418) || !near(f.Fix.Change, 0.9924792135717418-0.99) {
		t.Fatalf("fix %+v", f.Fix)
	}
	want := map[string]float64{"web": 1.0015017518769394, "net": 1.002003004005006}
	for _, o := range f.Options {
		if w, ok := want[o.SLT]; ok && (o.Possible || !near(o.To, w)) {
			t.Errorf("option %+v, want impossible at %v", o, w)
		}
		if (o.SLT == "dc-a" || o.SLT == "dc-b") && o.Possible {
			t.Errorf("a data centre alone cannot close the gap: %+v", o)
		}
	}
	if !strings.Contains(f.Verdict, "raise pay from 99% to 99.248% (+0.248 points)") {
		t.Errorf("verdict %q", f.Verdict)
	}
	// The nested chain: net = isp-1 ∥ isp-2 = 1 − 0.01² = 0.9999 ≥ 0.9995.
	n := rep.EndToEnd[0]
	if !n.Feasibility.Feasible || !near(n.Feasibility.Best, 0.9999) || len(n.Gaps) != 0 {
		t.Errorf("net %+v", n)
	}
}

// With a redundant group the cheapest fix can be one member of the group:
// 0.9999 × (1 − 0.1²) = 0.989901 < 0.995; a member must reach
// 1 − (1 − 0.995/0.9999)/0.1 = 0.95099509951 (the serial part alone: 1.005).
func TestParallelFix(t *testing.T) {
	ws := domain.NewWorkspace(ratioSLT("e", 0.995, serial("s"), parallel("p1"), parallel("p2")),
		ratioSLT("s", 0.9999), ratioSLT("p1", 0.9), ratioSLT("p2", 0.9))
	rep, err := Check(ws)
	if err != nil {
		t.Fatal(err)
	}
	f := rep.EndToEnd[0].Feasibility
	if f.Feasible || !near(f.Best, 0.989901) || f.Fix == nil || f.Fix.SLT != "p1" || !near(f.Fix.To, 0.9509950995099505) {
		t.Fatalf("%+v %+v", f, f.Fix)
	}
	if len(rep.EndToEnd[0].Gaps) != 3 {
		t.Errorf("gaps %+v", rep.EndToEnd[0].Gaps)
	}
}

// Two serial parts at 99% cannot make 99.5% alone (each would need 100.505%):
// raise both to √0.995 = 99.7497%, or lower the target to 98.01%.
func TestNoSingleFix(t *testing.T) {
	ws := domain.NewWorkspace(ratioSLT("e", 0.995, serial("a"), serial("b")), ratioSLT("a", 0.99), ratioSLT("b", 0.99))
	rep, _ := Check(ws)
	f := rep.EndToEnd[0].Feasibility
	if f.Fix != nil || len(f.Balanced) != 2 || !near(f.Balanced[0].To, math.Sqrt(0.995)) || !near(f.Balanced[1].To, 0.9974968671630001) {
		t.Fatalf("%+v", f)
	}
	for _, o := range f.Options {
		if o.Possible || !near(o.To, 0.995/0.99) {
			t.Errorf("option %+v", o)
		}
	}
	if !strings.Contains(f.Verdict, "no single component") || !strings.Contains(f.Verdict, "lower the end-to-end target to 98.01%") {
		t.Errorf("verdict %q", f.Verdict)
	}
}

func TestTieredEndToEndUsesStrictestTier(t *testing.T) {
	e := ratioSLT("e", 0, serial("a"))
	e.Spec.Tiers = []domain.Tier{{Name: "day", Target: 0.999}, {Name: "night", Target: 0.99}}
	rep, _ := Check(domain.NewWorkspace(e, ratioSLT("a", 0.995), contract("k", "s", "a")))
	x := rep.EndToEnd[0]
	if x.Target != 0.999 || x.Feasibility.Feasible || x.Feasibility.Fix.SLT != "a" || !near(x.Feasibility.Fix.To, 0.999) {
		t.Fatalf("%+v", x)
	}
}

// Bad chains are refused with the chain named, by apply's validation and by
// the engine (which may be handed a workspace that never went through apply).
func TestChainErrors(t *testing.T) {
	ws := domain.NewWorkspace(ratioSLT("a", 0.99, serial("b")), ratioSLT("b", 0.99, serial("c")), ratioSLT("c", 0.99, serial("a")),
		ratioSLT("x", 0.99, serial("nope")), ratioSLT("y", 0.99, parallel("a")))
	var msgs []string
	for _, p := range ws.ValidateAll() {
		msgs = append(msgs, p.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		"SLT/a: spec.components: the components form a cycle: a → b → c → a",
		"SLT/b: spec.components: the components form a cycle: b → c → a → b",
		`SLT/x: spec.components[0].slt: refers to SLT "nope", which does not exist`,
		"SLT/y: spec.components: one parallel component has nothing to be redundant with",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
	if _, err := Check(domain.NewWorkspace(ratioSLT("a", 0.99, serial("b")), ratioSLT("b", 0.99, serial("a")))); err == nil || !strings.Contains(err.Error(), "cycle: a → b → a") {
		t.Errorf("engine on a cycle: %v", err)
	}
	stat := ratioSLT("p95", 300)
	stat.Spec.Indicator = &domain.Indicator{Kind: domain.IndicatorStatistic, Statistic: "p95"}
	ws = domain.NewWorkspace(ratioSLT("e", 0.99, serial("p95")), stat)
	msgs = nil
	for _, p := range ws.ValidateAll() {
		msgs = append(msgs, p.Error())
	}
	if all := strings.Join(msgs, "\n"); !strings.Contains(all, `SLT/e: spec.components[0].slt: "p95" is not a share judged with >= or >`) {
		t.Errorf("statistic component: %s", all)
	}
}

func counts(at time.Time, good, total float64) domain.Point {
	return domain.Point{At: at, Good: good, Total: total}
}

// Measured per period: the e2e SLT and two serial parts, all 99%.
//
//	Jan: parts 99.5% and 99.5% (both met), whole 98.5%: a mapping problem
//	     (the parts' targets allow at most 98.01%; measured, 99.5%² = 99.0025%).
//	Feb: a at 98% (missed), whole 97%: a part missed.
//	Mar: everything met.
//	Apr: the whole missed, a met, b without data: incomplete.
func TestMeasuredPerPeriod(t *testing.T) {
	ws := domain.NewWorkspace(ratioSLT("e", 0.99, serial("a"), serial("b")), ratioSLT("a", 0.99), ratioSLT("b", 0.99))
	m := func(month int) time.Time { return time.Date(2026, time.Month(month), 10, 0, 0, 0, 0, time.UTC) }
	feeds := map[string][]domain.Point{
		"e-feed": {counts(m(1), 985, 1000), counts(m(2), 970, 1000), counts(m(3), 995, 1000), counts(m(4), 900, 1000)},
		"a-feed": {counts(m(1), 995, 1000), counts(m(2), 980, 1000), counts(m(3), 1000, 1000), counts(m(4), 999, 1000)},
		"b-feed": {counts(m(1), 995, 1000), counts(m(2), 999, 1000), counts(m(3), 999, 1000)},
	}
	in := compliance.Input{Workspace: ws, At: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Source: compliance.SlicePoints(feeds)}
	rep, err := CheckAll(in, "")
	if err != nil {
		t.Fatal(err)
	}
	ps := rep.EndToEnd[0].Periods
	var got []string
	for _, p := range ps {
		got = append(got, p.Period+" "+p.Status)
	}
	if strings.Join(got, ", ") != "2026-01 mapping_problem, 2026-02 part_missed, 2026-03 met, 2026-04 incomplete" {
		t.Fatalf("periods: %v", got)
	}
	if !near(*ps[0].Expected, 0.995*0.995) || !strings.Contains(ps[0].Message, "the parts met their targets, yet the whole missed in 2026-01 (98.5% against 99%)") ||
		!strings.Contains(ps[0].Message, "allow at most 98.01%") {
		t.Errorf("january %+v", ps[0])
	}
	if !strings.Contains(ps[1].Message, "a at 98%") || ps[3].Expected != nil || !strings.Contains(ps[3].Message, "b have no data") {
		t.Errorf("february/april %+v / %+v", ps[1], ps[3])
	}
	only, err := CheckAll(in, "2026-02")
	if err != nil || len(only.EndToEnd[0].Periods) != 1 || only.EndToEnd[0].Periods[0].Period != "2026-02" {
		t.Errorf("one period: %+v %v", only, err)
	}
	quarter, _ := CheckAll(in, "2026-Q1")
	if len(quarter.EndToEnd[0].Periods) != 3 {
		t.Errorf("quarter: %+v", quarter.EndToEnd[0].Periods)
	}
	if _, err := CheckAll(in, "last month"); err == nil || !strings.Contains(err.Error(), "not a period key") {
		t.Errorf("bad period: %v", err)
	}
}
