package compliance

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"slate/internal/domain"
)

// genSource generates one-minute probes for every feed from start for months,
// on the fly (nothing is materialised): a bad minute every 997 minutes.
func genSource(start time.Time, months int) Source {
	end := start.AddDate(0, months, 0)
	return func(feed string, from, to time.Time, fn func(domain.Point) error) error {
		i := 0
		for at := maxTime(start, from); at.Before(end) && at.Before(to); at = at.Add(time.Minute) {
			i++
			g := 1.0
			if i%997 == 0 {
				g = 0
			}
			if err := fn(domain.Point{At: at, Good: g, Total: 1}); err != nil {
				return err
			}
		}
		return nil
	}
}

func benchWorkspace(n int) *domain.Workspace {
	ws := domain.NewWorkspace(officeHours("office", "2026-10-05"))
	for i := range n {
		s := newSLT(fmt.Sprintf("slt-%02d", i), "month", "Europe/Berlin", availability(), 0.999)
		if i%4 == 0 {
			s.Spec.Objective = domain.Objective{}
			s.Spec.Tiers = []domain.Tier{{Name: "core", Calendar: "office", Target: 0.9995}}
		}
		ws.Put(s)
	}
	return ws
}

// BenchmarkReport20x13Months: 20 availability SLTs × 13 months of one-minute
// probes (≈ 11.4 M points), streamed from a generator through the engine.
func BenchmarkReport20x13Months(b *testing.B) {
	ws := benchWorkspace(20)
	start := ts("2025-10-01T00:00:00Z")
	in := Input{Workspace: ws, At: start.AddDate(0, 13, 0), Source: genSource(start, 13)}
	var peak uint64
	for b.Loop() {
		done := make(chan struct{})
		go func() {
			var ms runtime.MemStats
			for {
				select {
				case <-done:
					return
				case <-time.After(50 * time.Millisecond):
					runtime.ReadMemStats(&ms)
					peak = max(peak, ms.HeapInuse)
				}
			}
		}()
		rep, err := BuildReport(in, ReportOptions{})
		close(done)
		if err != nil || len(rep.Rows) < 20*13 {
			b.Fatalf("%v rows %d", err, len(rep.Rows))
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(20*float64(in.At.Sub(start)/time.Minute), "points/op")
}
