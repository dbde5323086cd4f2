package app

import (
	"strings"
	"testing"
	"time"

	"slate/internal/correlate"
	"slate/internal/demo"
	"slate/internal/improve"
	"slate/internal/initiative"
	"slate/internal/readview"
)

// The demo shows the improvement loop: ParcelNet's run of misses has an
// open RCA with a Five Whys draft and two actions (one overdue), the parcel
// SLT's review is due, the Order fulfilment agenda lists them, the warehouse
// backlog is found to lead the parcel SLT by two days, and the second
// sorting shift is validated on the data.
func TestDemoImprovementLoop(t *testing.T) {
	a := openDemo(t)
	st := a.Store()
	rcas, err := improve.ListRCAs(st, improve.RCAFilter{})
	if err != nil || len(rcas) != 1 {
		t.Fatalf("demo RCAs %+v, %v", rcas, err)
	}
	r := rcas[0]
	if r.SLT != demo.ParcelSLT || r.Status != improve.RCAOpen || r.Owner != "Søren Madsen" || r.OpenedBy != improve.RuleActor ||
		strings.Join(r.Periods, " ") != "2026-06 2026-07 2026-08 2026-09 2026-10" || len(r.FiveWhys) != 4 || len(r.Actions) != 2 {
		t.Fatalf("parcel RCA %+v", r)
	}
	t.Logf("RCA %s: %s (priority %v, due %s)", r.ID, r.Problem, r.Priority, r.Due)
	acts, _ := improve.ListActions(st, improve.ActionFilter{RCA: r.ID})
	if len(acts) != 2 || !acts[0].Overdue || acts[0].Status != improve.ActionInProgress || acts[1].Overdue {
		t.Fatalf("actions %+v", acts)
	}
	reviews, _ := improve.ReviewStatuses(st, DemoNow, improve.ReviewFilter{DueOnly: true})
	if len(reviews) != 1 || reviews[0].SLT != demo.ParcelSLT || !strings.Contains(reviews[0].Reasons[0], "it missed 5 months in a row (2026-06 to 2026-10)") {
		t.Fatalf("reviews due %+v", reviews)
	}

	ag, err := improve.BuildAgenda(st, improve.AgendaQuery{Service: "order-fulfilment", Date: "2026-11-28"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ag.RCAs) != 1 || len(ag.Actions) != 2 || len(ag.Reviews) != 1 || len(ag.Improvements) != 1 || len(ag.Breaches) != 3 {
		t.Fatalf("agenda RCAs %d, actions %d, reviews %d, improvements %d, breaches %d", len(ag.RCAs), len(ag.Actions), len(ag.Reviews), len(ag.Improvements), len(ag.Breaches))
	}
	for _, it := range ag.Items {
		t.Logf("%d. %s — %s", it.Number, it.Title, it.Summary)
	}
	for _, d := range ag.Decisions {
		t.Logf("decide: %s", d.Text)
	}
	if p := improve.AgendaPack(ag); p.Validate() != nil {
		t.Fatal(p.Validate())
	}

	in, err := readview.Input(st, DemoNow)
	if err != nil {
		t.Fatal(err)
	}
	pairs, err := correlate.KeptPairs(in, demo.ParcelSLT)
	if err != nil || len(pairs) != 1 {
		t.Fatalf("kept pairs %+v, %v", pairs, err)
	}
	t.Log(pairs[0].Sentence)
	if !pairs[0].Leads || *pairs[0].BestLag != demo.BacklogLead {
		t.Fatalf("the warehouse backlog leads by %d days: %+v", demo.BacklogLead, pairs[0])
	}

	imps, _ := initiative.List(st, demo.ParcelSLT)
	v, err := initiative.Validate(st, imps[0].ID, DemoNow, initiative.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(v.Verdict)
}

// benchLoop times fn against the compliance report of the same run (the
// rule and the agenda evaluate what a report evaluates, plus their own work).
func benchLoop(b *testing.B, fn func(a *App) error) {
	a := openDemo(b)
	var spent, report time.Duration
	for b.Loop() {
		b.StopTimer()
		t0 := time.Now()
		if _, err := a.Compliance.Report(ReportQuery{At: DemoNow.Format(time.RFC3339)}); err != nil {
			b.Fatal(err)
		}
		report += time.Since(t0)
		b.StartTimer()
		t0 = time.Now()
		if err := fn(a); err != nil {
			b.Fatal(err)
		}
		spent += time.Since(t0)
	}
	b.ReportMetric(float64(spent)/float64(report), "x-report")
}

// BenchmarkSyncRCAsDemo: the root-cause rule over every demo SLT when
// nothing is new (what a listing pays).
func BenchmarkSyncRCAsDemo(b *testing.B) {
	benchLoop(b, func(a *App) error {
		_, err := improve.SyncRCAs(a.Store(), DemoNow, improve.RuleActor)
		return err
	})
}

// BenchmarkAgendaDemo: the Order fulfilment agenda, with its initiative validated.
func BenchmarkAgendaDemo(b *testing.B) {
	benchLoop(b, func(a *App) error {
		_, err := improve.BuildAgenda(a.Store(), improve.AgendaQuery{Service: "order-fulfilment", Date: "2026-11-28"})
		return err
	})
}
