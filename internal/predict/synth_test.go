package predict

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
)

// Synthetic workspaces: n ratio SLTs (monthly, UTC, target 99%) on hourly
// count feeds of 1 000 units, each with a lead feed (value, hourly). About a
// third of the months are "bad" and miss the target; how a bad month shows
// up, and what the lead feed knows, depends on the mode.
const (
	// modeLead: a bad month has a 6-day outage (6% bad) starting on a day
	// between the 8th and the 24th; the lead feed rises by 3σ from 7 days
	// before the outage to its end. A strong leading signal.
	modeLead = iota
	// modeNoise: a bad month's last day is 50% bad; nothing before it shows
	// it coming, and the lead feed is noise. Unpredictable.
	modeNoise
	// modeFuture: as modeNoise, but the lead feed jumps during the bad last
	// day itself: a signal that exists only after the last decision point of
	// the month, which an engine that peeked ahead would exploit.
	modeFuture
)

type synth struct {
	ws     *domain.Workspace
	points map[string][]domain.Point
	start  time.Time
	now    time.Time
	bad    map[string]bool // "slt@2026-03"
	leads  map[string][]Lead
}

func newSynth(n, months int, mode int, seed uint64) *synth {
	rnd := rand.New(rand.NewPCG(seed, 99))
	start := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	s := &synth{ws: domain.NewWorkspace(&domain.Service{Metadata: domain.Meta{Name: "svc"}}), points: map[string][]domain.Point{},
		start: start, now: start.AddDate(0, months, 0), bad: map[string]bool{}, leads: map[string][]Lead{}}
	for i := range n {
		name := fmt.Sprintf("slt-%02d", i)
		feed, lead := name+"-counts", name+"-lead"
		s.ws.Put(&domain.Feed{Metadata: domain.Meta{Name: feed}, Spec: domain.FeedSpec{Shape: domain.ShapeCounts, Interval: domain.Duration(time.Hour)}})
		s.ws.Put(&domain.Feed{Metadata: domain.Meta{Name: lead}, Spec: domain.FeedSpec{Shape: domain.ShapeValue, Interval: domain.Duration(time.Hour)}})
		// each SLT its own service, so that linked targets carry no signal
		svc := fmt.Sprintf("svc-%02d", i)
		s.ws.Put(&domain.Service{Metadata: domain.Meta{Name: svc}})
		s.ws.Put(&domain.SLT{Metadata: domain.Meta{Name: name}, Spec: domain.SLTSpec{Service: svc, Feed: feed, Type: domain.TypeSLA, Period: "month",
			Indicator: &domain.Indicator{Kind: domain.IndicatorRatio}, Objective: domain.Objective{Target: 0.99}}})
		s.leads[name] = []Lead{{Feed: lead}}
		for m := start; m.Before(s.now); m = m.AddDate(0, 1, 0) {
			end := m.AddDate(0, 1, 0)
			days := int(end.Sub(m).Hours() / 24)
			bad := rnd.Float64() < 0.35
			s.bad[name+"@"+m.Format("2006-01")] = bad
			var from, to, leadFrom, leadTo time.Time
			rate := 0.0
			if bad {
				switch mode {
				case modeLead:
					d := 7 + rnd.IntN(17)
					from, to = m.AddDate(0, 0, d), m.AddDate(0, 0, d+6)
					leadFrom, leadTo, rate = from.AddDate(0, 0, -7), to, 0.06
				default:
					from, to, rate = m.AddDate(0, 0, days-1), end, 0.5
					if mode == modeFuture {
						leadFrom, leadTo = from, to
					}
				}
			}
			for at := m; at.Before(end); at = at.Add(time.Hour) {
				p := 0.002 + rnd.Float64()*0.002
				if !at.Before(from) && at.Before(to) {
					p = rate
				}
				total := 1000.0
				badUnits := float64(int(total*p + rnd.Float64()))
				s.points[feed] = append(s.points[feed], domain.Point{At: at, Good: total - badUnits, Total: total})
				v := 100 + rnd.NormFloat64()*10
				if !at.Before(leadFrom) && at.Before(leadTo) {
					v += 30
				}
				s.points[lead] = append(s.points[lead], domain.Point{At: at, Value: v})
			}
		}
	}
	return s
}

// input is the compliance input at time at, seeing only points before it.
func (s *synth) input(at time.Time) compliance.Input {
	return compliance.Input{Workspace: s.ws, At: at, Source: compliance.SlicePoints(s.points)}
}

func (s *synth) ledger(t testing.TB, at time.Time) *Ledger {
	t.Helper()
	l, err := FromCompliance(s.input(at), SourceOptions{Leads: s.leads})
	if err != nil {
		t.Fatal(err)
	}
	return l
}
