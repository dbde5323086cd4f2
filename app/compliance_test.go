package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"slate/internal/domain"
	"slate/internal/storage"
)

// BenchmarkReportBolt: N availability SLTs (SLATE_BENCH_SLTS, default 4; 20 is
// the full target) × 13 months of one-minute probes in a real bbolt file,
// reported through the app service (streamed with ScanPoints, SLTs in parallel).
func BenchmarkReportBolt(b *testing.B) {
	n := 4
	if v, err := strconv.Atoi(os.Getenv("SLATE_BENCH_SLTS")); err == nil && v > 0 {
		n = v
	}
	db := filepath.Join(b.TempDir(), "bench.db")
	a, err := OpenWith(db, storage.Options{Actor: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	start := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, 13, 0)
	err = a.store.Update(func(tx *storage.Tx) error {
		tx.PutDefinition(&domain.Service{Metadata: domain.Meta{Name: "svc"}})
		for i := range n {
			name := fmt.Sprintf("web-%02d", i)
			tx.PutDefinition(&domain.Feed{Metadata: domain.Meta{Name: name}, Spec: domain.FeedSpec{Shape: domain.ShapeEvent, Interval: domain.Duration(time.Minute)}})
			tx.PutDefinition(&domain.SLT{Metadata: domain.Meta{Name: name}, Spec: domain.SLTSpec{Service: "svc", Feed: name, Type: domain.TypeSLA,
				TimeZone: "Europe/Berlin", Period: "month", Indicator: &domain.Indicator{Kind: domain.IndicatorAvailability}, Objective: domain.Objective{Target: 0.999}}})
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for i := range n {
		_, err := a.store.WriteBatch(fmt.Sprintf("web-%02d", i), storage.BatchMeta{Shape: domain.ShapeEvent}, func(yield func(domain.Point) bool) {
			k := 0
			for at := start; at.Before(end); at = at.Add(time.Minute) {
				k++
				g := 1.0
				if k%997 == 0 {
					g = 0
				}
				if !yield(domain.Point{At: at, Good: g, Total: 1}) {
					return
				}
			}
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	var peak uint64
	b.ResetTimer()
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
		rep, err := a.Compliance.Report(ReportQuery{At: end.Format(time.RFC3339)})
		close(done)
		if err != nil || len(rep.Rows) < n*13 || rep.Rows[1].Eligible < 40000 || *rep.Rows[1].Bad < 40 {
			b.Fatalf("%v rows %d %+v", err, len(rep.Rows), rep.Rows[1])
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(n)*float64(end.Sub(start)/time.Minute), "points/op")
}

// A caller whose context has ended gets its error, not a report.
func TestComplianceStopsWithTheCallersContext(t *testing.T) {
	a := openDemo(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := a.WithContext(ctx).Compliance.Report(ReportQuery{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("report for a caller who left: %v", err)
	}
	if _, err := a.WithContext(ctx).Compliance.Dashboard(DashboardQuery{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("dashboard for a caller who left: %v", err)
	}
	if _, err := a.Compliance.Report(ReportQuery{}); err != nil {
		t.Fatalf("another caller: %v", err)
	}
}
