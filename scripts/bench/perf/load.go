package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// loadBench serves the demo workspace plus the benchmark feed with `slate
// serve` and lets clients call Report and Dashboard for d, first alone, then
// with one more client importing supplier files meanwhile.
func loadBench(t *table, tl tools, dir, csv string, rows int, d time.Duration, clients int) error {
	db := filepath.Join(dir, "serve.db")
	os.Remove(db)
	os.RemoveAll(filepath.Join(dir, "demo-data"))
	fmt.Fprintln(os.Stderr, "perf: load benchmark: demo workspace + the benchmark feed")
	if _, err := measure(tl.slate, "--db", db, "demo", "--data", filepath.Join(dir, "demo-data")); err != nil {
		return err
	}
	if _, err := measure(tl.slate, "--db", db, "apply", "-f", filepath.Join(dir, "workspace.yaml")); err != nil {
		return err
	}
	if _, err := measure(tl.slate, "--db", db, "import", csv, "--feed", "bench-lat"); err != nil {
		return err
	}
	// The importing client sends the months after the benchmark file, a slice at a time.
	const sliceRows = 50_000
	more := filepath.Join(dir, fmt.Sprintf("lat-%d-after-%d.csv", 40*sliceRows, rows))
	if _, err := ensureData(tl.gen, more, 40*sliceRows, rows); err != nil {
		return err
	}
	slicesDir := filepath.Join(dir, "slices")
	files, err := splitCSV(more, slicesDir, sliceRows)
	if err != nil {
		return err
	}

	srv, err := startServer(tl.slate, db)
	if err != nil {
		return err
	}
	defer srv.stop()
	// warm: the first calls evaluate and store what later calls read
	for _, m := range []string{"Compliance/Report", "Compliance/Dashboard"} {
		if _, err := srv.call(context.Background(), m, `[{}]`); err != nil {
			return err
		}
	}
	for _, importing := range []bool{false, true} {
		phase := "20 clients"
		if importing {
			phase = "20 clients + 1 importing"
		}
		phase = strings.Replace(phase, "20", fmt.Sprint(clients), 1)
		fmt.Fprintf(os.Stderr, "perf: load: %s for %s\n", phase, d)
		res, imports, err := srv.hammer(d, clients, importing, files)
		if err != nil {
			return err
		}
		target := "p95 ≤ 100 ms, 0 errors"
		if importing {
			target = "p95 ≤ 500 ms, 0 errors"
		}
		for _, m := range []string{"Compliance/Report", "Compliance/Dashboard"} {
			r := res[m]
			name := fmt.Sprintf("serve %s: %s", phase, strings.TrimPrefix(m, "Compliance/"))
			val := fmt.Sprintf("p50 %s p95 %s", ms(r.pct(50)), ms(r.pct(95)))
			extra := fmt.Sprintf("%d calls, %.0f/s, %d errors", len(r.lat), float64(len(r.lat))/d.Seconds(), r.errs)
			if importing && m == "Compliance/Dashboard" {
				extra += fmt.Sprintf("; %d imports published meanwhile", imports)
			}
			t.note(name, val, target+" ("+extra+")")
			if r.firstErr != "" {
				fmt.Fprintf(os.Stderr, "perf: %s: first error: %s\n", name, r.firstErr)
			}
		}
	}
	return nil
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond)) }

type latencies struct {
	lat      []time.Duration
	errs     int
	firstErr string
}

func (l *latencies) pct(p float64) time.Duration {
	if len(l.lat) == 0 {
		return 0
	}
	s := slices.Clone(l.lat)
	slices.Sort(s)
	return s[min(len(s)-1, int(float64(len(s))*p/100))]
}

type server struct {
	cmd   *exec.Cmd
	base  string
	token string
	hc    *http.Client
}

func startServer(slate, db string) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	s := &server{base: "http://" + addr, token: "perf-bench-token", hc: &http.Client{Timeout: 2 * time.Minute}}
	s.cmd = exec.Command(slate, "--db", db, "serve", "--addr", addr, "--token", s.token)
	out, err := s.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	s.cmd.Stderr = os.Stderr
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(out)
		once := sync.Once{}
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "open ") {
				once.Do(func() { close(ready) })
			}
		}
	}()
	select {
	case <-ready:
	case <-time.After(time.Minute):
		s.stop()
		return nil, errors.New("slate serve did not start within a minute")
	}
	return s, nil
}

func (s *server) stop() {
	if s.cmd.Process != nil {
		s.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { s.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			s.cmd.Process.Kill()
		}
	}
}

func (s *server) call(ctx context.Context, method, body string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/api/"+method, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: HTTP %d: %s", method, resp.StatusCode, bytes.TrimSpace(b))
	}
	return b, nil
}

// hammer runs clients that alternate Report and Dashboard calls for d and,
// when importing, one client that imports files one after the other.
func (s *server) hammer(d time.Duration, clients int, importing bool, files []string) (map[string]*latencies, int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var mu sync.Mutex
	res := map[string]*latencies{"Compliance/Report": {}, "Compliance/Dashboard": {}}
	var wg sync.WaitGroup
	for i := range clients {
		wg.Go(func() {
			methods := []string{"Compliance/Report", "Compliance/Dashboard"}
			for k := i; ctx.Err() == nil; k++ {
				m := methods[k%2]
				start := time.Now()
				_, err := s.call(context.Background(), m, `[{}]`)
				el := time.Since(start)
				mu.Lock()
				r := res[m]
				if err != nil {
					r.errs++
					if r.firstErr == "" {
						r.firstErr = err.Error()
					}
				} else {
					r.lat = append(r.lat, el)
				}
				mu.Unlock()
			}
		})
	}
	imports := 0
	var importErr error
	if importing {
		wg.Go(func() {
			for _, f := range files {
				if ctx.Err() != nil {
					return
				}
				if _, err := s.importFile(f); err != nil {
					importErr = err
					return
				}
				imports++
			}
		})
	}
	wg.Wait()
	if importErr != nil {
		return nil, 0, fmt.Errorf("importing client: %w", importErr)
	}
	return res, imports, nil
}

// importFile uploads one CSV and imports it into the benchmark feed, through
// the API as the browser does.
func (s *server) importFile(path string) (uint64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	const chunk = 4 << 20
	var id string
	for off := 0; off == 0 || off < len(data); off += chunk {
		part := data[off:min(len(data), off+chunk)]
		body, _ := json.Marshal([]any{map[string]any{"id": id, "name": filepath.Base(path), "size": len(data), "offset": off, "data": part}})
		b, err := s.call(context.Background(), "Imports/Upload", string(body))
		if err != nil {
			return 0, err
		}
		var u struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(b, &u); err != nil {
			return 0, err
		}
		id = u.ID
	}
	body, _ := json.Marshal([]any{map[string]any{"upload": id, "feed": "bench-lat"}})
	b, err := s.call(context.Background(), "Imports/Import", string(body))
	if err != nil {
		return 0, err
	}
	var r struct {
		Batch uint64 `json:"batch"`
	}
	return r.Batch, json.Unmarshal(b, &r)
}

// splitCSV cuts a CSV into files of n rows each (with its header).
func splitCSV(path, dir string, n int) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	head, err := r.ReadString('\n')
	if err != nil {
		return nil, err
	}
	var files []string
	var w *bufio.Writer
	var out *os.File
	closeOut := func() error {
		if out == nil {
			return nil
		}
		if err := w.Flush(); err != nil {
			return err
		}
		err := out.Close()
		out = nil
		return err
	}
	for i := 0; ; i++ {
		line, err := r.ReadString('\n')
		if line != "" {
			if i%n == 0 {
				if err := closeOut(); err != nil {
					return nil, err
				}
				name := filepath.Join(dir, fmt.Sprintf("slice-%03d.csv", len(files)))
				if out, err = os.Create(name); err != nil {
					return nil, err
				}
				files = append(files, name)
				w = bufio.NewWriter(out)
				w.WriteString(head)
			}
			w.WriteString(line)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	return files, closeOut()
}
