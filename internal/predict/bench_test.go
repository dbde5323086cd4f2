package predict

import (
	"fmt"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
)

// BenchmarkBacktest20SLTs13Months: the ledger of 20 ratio SLTs over 13 months
// of hourly counts (plus a lead feed each) built from the compliance engine,
// then the walk-forward backtest over every daily decision point.
func BenchmarkBacktest20SLTs13Months(b *testing.B) {
	s := newSynth(20, 13, modeLead, 1)
	var points int
	for b.Loop() {
		l, err := FromCompliance(s.input(s.now), SourceOptions{Leads: s.leads})
		if err != nil {
			b.Fatal(err)
		}
		r, err := Backtest(l, Current, Options{})
		if err != nil {
			b.Fatal(err)
		}
		points = r.DecisionPoints
	}
	b.ReportMetric(float64(points), "decision-points")
}

// BenchmarkPredict20SLTs13Months: both horizons' backtests and the forecast.
func BenchmarkPredict20SLTs13Months(b *testing.B) {
	s := newSynth(20, 13, modeLead, 1)
	for b.Loop() {
		l, err := FromCompliance(s.input(s.now), SourceOptions{Leads: s.leads})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Predict(l, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// minuteProbes generates one-minute probes for every feed on the fly: now and
// then ten bad minutes, more often in some months than others, so that
// about a third of the months miss 99.95% (570 000 points per feed over 13
// months).
func minuteProbes(start time.Time, months int) compliance.Source {
	end := start.AddDate(0, months, 0)
	return func(feed string, from, to time.Time, fn func(domain.Point) error) error {
		var seed uint64
		for _, c := range feed {
			seed = seed*31 + uint64(c)
		}
		for at := maxTime(start, from); at.Before(end) && at.Before(to); at = at.Add(time.Minute) {
			m := uint64(at.Unix()/60) + seed
			g := 1.0
			burst := (m/10)%(1500+1000*uint64(at.Month()%3)+seed%500) == 0
			if burst {
				g = 0
			}
			if err := fn(domain.Point{At: at, Good: g, Total: 1}); err != nil {
				return err
			}
		}
		return nil
	}
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// BenchmarkBacktest20AvailabilitySLTs13Months: 20 availability SLTs, each on
// its own feed of one-minute probes (≈ 11.4 M points in all), as
// compliance.BenchmarkReport20x13Months reads them; ledger and backtest.
func BenchmarkBacktest20AvailabilitySLTs13Months(b *testing.B) {
	ws := domain.NewWorkspace(&domain.Service{Metadata: domain.Meta{Name: "svc"}})
	for i := range 20 {
		name := fmt.Sprintf("slt-%02d", i)
		ws.Put(&domain.Feed{Metadata: domain.Meta{Name: name}, Spec: domain.FeedSpec{Shape: domain.ShapeEvent}})
		ws.Put(&domain.SLT{Metadata: domain.Meta{Name: name}, Spec: domain.SLTSpec{Service: "svc", Feed: name, Type: domain.TypeSLA, Period: "month",
			TimeZone: "Europe/Berlin", Indicator: &domain.Indicator{Kind: domain.IndicatorAvailability}, Objective: domain.Objective{Target: 0.9995}}})
	}
	start := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	in := compliance.Input{Workspace: ws, At: start.AddDate(0, 13, 0), Source: minuteProbes(start, 13)}
	var points int
	for b.Loop() {
		l, err := FromCompliance(in, SourceOptions{})
		if err != nil {
			b.Fatal(err)
		}
		r, _ := Backtest(l, Current, Options{})
		points = r.DecisionPoints
	}
	b.ReportMetric(float64(points), "decision-points")
}
