package app

import (
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"slate/internal/storage"
)

// DemoNow is the end of the demo data in tests: fixed, so figures can be
// written into assertions.
var DemoNow = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

// TestMain gives the package's tests their own temporary folder (the demo
// fixture, upload folders of Imports.Upload) and removes it afterwards.
func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "slate-app-test-")
	if err != nil {
		panic(err)
	}
	os.Setenv("TMPDIR", tmp)
	code := m.Run()
	os.RemoveAll(tmp)
	os.Exit(code)
}

var demoDB struct {
	once sync.Once
	path string
	err  error
}

// openDemo returns an App on a private copy of the demo workspace (13 months
// of data up to DemoNow, the clock fixed at DemoNow). The workspace is built
// once per test binary; each caller gets its own copy, so tests may change it.
func openDemo(tb testing.TB) *App {
	tb.Helper()
	demoDB.once.Do(func() {
		dir, err := os.MkdirTemp("", "slate-demo-fixture-")
		if err != nil {
			demoDB.err = err
			return
		}
		demoDB.path = filepath.Join(dir, "demo.db")
		a, err := OpenWith(demoDB.path, storage.Options{Actor: "demo", Now: func() time.Time { return DemoNow }})
		if err != nil {
			demoDB.err = err
			return
		}
		_, demoDB.err = a.LoadDemo(filepath.Join(dir, "data"), DemoNow)
		if err := a.Close(); demoDB.err == nil {
			demoDB.err = err
		}
	})
	if demoDB.err != nil {
		tb.Fatalf("demo fixture: %v", demoDB.err)
	}
	path := filepath.Join(tb.TempDir(), "demo.db")
	if err := copyFile(demoDB.path, path); err != nil {
		tb.Fatal(err)
	}
	a, err := OpenWith(path, storage.Options{Actor: "tester", Now: func() time.Time { return DemoNow }})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { a.Close() })
	return a
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// BenchmarkReportDemo: `slate report` over the whole 13-month demo workspace
// (issue target ≤ 1 s).
func BenchmarkReportDemo(b *testing.B) {
	a := openDemo(b)
	b.ResetTimer()
	for b.Loop() {
		rep, err := a.Compliance.Report(ReportQuery{})
		if err != nil {
			b.Fatal(err)
		}
		if len(rep.Rows) == 0 {
			b.Fatal("empty report")
		}
	}
}
