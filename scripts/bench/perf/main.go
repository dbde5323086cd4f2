// Command perf measures what issue 17 asks of Slate against the bare-parse
// floor of ../shared/bench, in the same run, and prints one table: the floor,
// every figure, its ratio to the floor and the target.
//
//	go run ./scripts/bench/perf                 # 10M rows, 3 runs, 30 s of load per phase
//	go run ./scripts/bench/perf -rows 1000000 -runs 1 -load 5s
//
// The data is the shared generator's (one latency a minute, fixed seed) with
// the years shifted 28 into the past, so that no row is in the future. The
// floor and generator are built from ../shared/bench when it is there (from a
// worktree, ../../shared/bench; or $SLATE_BENCH_DIR), else from the copies in
// scripts/bench/floor and scripts/bench/gen. Every Slate figure is a child
// process (the CLI, as a user runs it), so its peak RSS is its own.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// workspace is the benchmark's feed and its two SLTs: the share of requests
// at most 300 ms, and the monthly p95 (what the floor computes).
const workspace = `apiVersion: slate/v1
kind: Service
metadata: {name: bench}
spec: {owner: bench, criticality: high}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: bench-lat}
spec: {shape: value, interval: 1m, unit: ms}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: lat-le300}
spec:
  service: bench
  feed: bench-lat
  type: SLA
  owner: bench
  timeZone: UTC
  period: month
  indicator: {kind: threshold, op: "<=", threshold: 300}
  objective: {op: ">=", target: 0.95}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: lat-p95}
spec:
  service: bench
  feed: bench-lat
  type: SLA
  owner: bench
  timeZone: UTC
  period: month
  indicator: {kind: statistic, statistic: p95}
  objective: {op: "<=", target: 400}
`

// yearShift moves the generated years into the past (keeps leap days valid).
const yearShift = 28

type sample struct {
	secs float64
	cpu  float64 // user + system seconds: what a busy machine does not inflate
	mb   float64
}

func main() {
	dir := flag.String("dir", filepath.Join(os.TempDir(), "slate-perf"), "folder for data, binaries and databases")
	rows := flag.Int("rows", 10_000_000, "rows of the benchmark file")
	runs := flag.Int("runs", 3, "runs of every figure (the median is shown)")
	load := flag.Duration("load", 30*time.Second, "length of each load phase (0 = skip the load benchmark)")
	clients := flag.Int("clients", 20, "concurrent clients of the load benchmark")
	period := flag.String("period", "", "period of the --period figures (default: the last complete month of the data)")
	flag.Parse()
	if err := run(*dir, *rows, *runs, *load, *clients, *period); err != nil {
		fmt.Fprintln(os.Stderr, "perf:", err)
		os.Exit(1)
	}
}

func run(dir string, rows, runs int, load time.Duration, clients int, period string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	tools, err := buildTools(root, dir)
	if err != nil {
		return err
	}
	csv := filepath.Join(dir, fmt.Sprintf("lat-%d.csv", rows))
	last, err := ensureData(tools.gen, csv, rows, 0)
	if err != nil {
		return err
	}
	if period == "" {
		// the last month that the data covers completely
		period = time.Date(last.Year(), last.Month()-1, 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
	}
	ws := filepath.Join(dir, "workspace.yaml")
	if err := os.WriteFile(ws, []byte(workspace), 0o644); err != nil {
		return err
	}
	fi, err := os.Stat(csv)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "perf: %d rows (%.0f MB), %d runs, period %s; floor from %s\n", rows, float64(fi.Size())/1e6, runs, period, tools.floorFrom)

	var floor, imp, perFirst, perAgain, allFirst, allAgain []sample
	var dbBytes int64
	pristine := filepath.Join(dir, "imported.db")
	work := filepath.Join(dir, "work.db")
	for i := range runs {
		fmt.Fprintf(os.Stderr, "perf: run %d of %d\n", i+1, runs)
		s, err := measure(tools.floor, csv)
		if err != nil {
			return fmt.Errorf("floor: %w", err)
		}
		floor = append(floor, s)

		os.Remove(pristine)
		if _, err := measure(tools.slate, "--db", pristine, "apply", "-f", ws); err != nil {
			return err
		}
		s, err = measure(tools.slate, "--db", pristine, "import", csv, "--feed", "bench-lat")
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		imp = append(imp, s)
		if fi, err := os.Stat(pristine); err == nil {
			dbBytes = fi.Size()
		}

		report := func(first, again *[]sample, args ...string) error {
			if err := copyFile(pristine, work); err != nil {
				return err
			}
			a := append([]string{"--db", work, "--json", "report"}, args...)
			s, err := measure(tools.slate, a...)
			if err != nil {
				return fmt.Errorf("report %v: %w", args, err)
			}
			*first = append(*first, s)
			if s, err = measure(tools.slate, a...); err != nil {
				return fmt.Errorf("report %v: %w", args, err)
			}
			*again = append(*again, s)
			return nil
		}
		if err := report(&perFirst, &perAgain, "--period", period); err != nil {
			return err
		}
		// --all: report's default is the last complete and the running period
		if err := report(&allFirst, &allAgain, "--all"); err != nil {
			return err
		}
	}
	os.Remove(work)

	t := table{floor: median(floor)}
	t.add("floor: encoding/csv + time.Parse + ParseFloat, per month count/mean/p95", median(floor), "1.00", "")
	t.add(fmt.Sprintf("slate import, %d rows", rows), median(imp), "≤ 1.0", "peak RSS ≤ 100 MB")
	t.note("database size", fmt.Sprintf("%.2f bytes/row (%.0f MB)", float64(dbBytes)/float64(rows), float64(dbBytes)/1e6), "≤ 6 bytes/row (goal ≤ 3.5)")
	t.add("slate report --period "+period+", first run after import", median(perFirst), "≤ 0.3", "")
	t.add("slate report --period "+period+", again", median(perAgain), "≤ 0.05", "")
	t.add("slate report, whole history, first run after import", median(allFirst), "≤ 0.5", "memory ≤ 100 MB")
	t.add("slate report, whole history, again", median(allAgain), "≤ 0.05", "")
	if load > 0 {
		if err := loadBench(&t, tools, dir, csv, rows, load, clients); err != nil {
			return fmt.Errorf("load benchmark: %w", err)
		}
	}
	t.print(os.Stdout)
	return nil
}

// repoRoot is the module root (where go.mod is), from the working directory up.
func repoRoot() (string, error) {
	d, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if b, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil && strings.HasPrefix(string(b), "module slate\n") {
			return d, nil
		}
		up := filepath.Dir(d)
		if up == d {
			return "", errors.New("run from inside the Slate repository")
		}
		d = up
	}
}

type tools struct {
	floor, gen, slate string
	floorFrom         string
}

// buildTools builds the floor and the generator (shared copy preferred) and slate.
func buildTools(root, dir string) (tools, error) {
	t := tools{floor: filepath.Join(dir, "floor"), gen: filepath.Join(dir, "gen"), slate: filepath.Join(dir, "slate")}
	shared := ""
	for _, c := range []string{os.Getenv("SLATE_BENCH_DIR"), filepath.Join(root, "..", "shared", "bench"), filepath.Join(root, "..", "..", "shared", "bench")} {
		if c == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(c, "floor", "main.go")); err == nil {
			shared = c
			break
		}
	}
	build := func(modDir, pkg, out string) error {
		cmd := exec.Command("go", "build", "-o", out, pkg)
		cmd.Dir = modDir
		cmd.Stderr = os.Stderr
		return cmd.Run()
	}
	if shared != "" {
		t.floorFrom = shared
		if err := build(shared, "./floor", t.floor); err != nil {
			return t, err
		}
		if err := build(shared, "./gen", t.gen); err != nil {
			return t, err
		}
	} else {
		t.floorFrom = "scripts/bench/floor (no ../shared/bench)"
		if err := build(root, "./scripts/bench/floor", t.floor); err != nil {
			return t, err
		}
		if err := build(root, "./scripts/bench/gen", t.gen); err != nil {
			return t, err
		}
	}
	return t, build(root, ".", t.slate)
}

// ensureData writes the generator's first rows+skip rows, without the first
// skip, years shifted, unless the file exists; it returns the last row's time.
func ensureData(gen, path string, rows, skip int) (time.Time, error) {
	if last, err := lastTime(path); err == nil {
		return last, nil
	}
	cmd := exec.Command(gen, "-n", strconv.Itoa(rows+skip))
	out, err := cmd.StdoutPipe()
	if err != nil {
		return time.Time{}, err
	}
	if err := cmd.Start(); err != nil {
		return time.Time{}, err
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return time.Time{}, err
	}
	err = shiftYears(bufio.NewWriterSize(f, 1<<20), bufio.NewReaderSize(out, 1<<20), skip)
	if werr := cmd.Wait(); err == nil {
		err = werr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return time.Time{}, err
	}
	if err := os.Rename(tmp, path); err != nil {
		return time.Time{}, err
	}
	return lastTime(path)
}

// shiftYears copies "YYYY-..." rows with YYYY - yearShift, dropping the first skip rows.
func shiftYears(w *bufio.Writer, r *bufio.Reader, skip int) error {
	head, err := r.ReadString('\n')
	if err != nil {
		return err
	}
	w.WriteString(head)
	for n := 0; ; n++ {
		line, err := r.ReadSlice('\n')
		if len(line) > 0 && n >= skip {
			y, perr := strconv.Atoi(string(line[:4]))
			if perr != nil {
				return fmt.Errorf("generator row %q: %v", line, perr)
			}
			fmt.Fprintf(w, "%04d", y-yearShift)
			w.Write(line[4:])
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	return w.Flush()
}

// lastTime reads the timestamp of a CSV's last row.
func lastTime(path string) (time.Time, error) {
	f, err := os.Open(path)
	if err != nil {
		return time.Time{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return time.Time{}, err
	}
	buf := make([]byte, min(fi.Size(), 256))
	if _, err := f.ReadAt(buf, fi.Size()-int64(len(buf))); err != nil {
		return time.Time{}, err
	}
	lines := strings.Split(strings.TrimSpace(string(buf)), "\n")
	ts, _, _ := strings.Cut(lines[len(lines)-1], ",")
	return time.Parse(time.RFC3339, ts)
}

// measure runs a command and returns its wall time and peak RSS.
func measure(name string, args ...string) (sample, error) {
	cmd := exec.Command(name, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	cmd.Stdout = io.Discard
	start := time.Now()
	err := cmd.Run()
	s := sample{secs: time.Since(start).Seconds()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.mb = float64(ru.Maxrss) / 1024 // KiB on Linux
		s.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
	}
	if err != nil {
		return s, fmt.Errorf("%s %s: %v: %s", filepath.Base(name), strings.Join(args, " "), err, stderr.String())
	}
	return s, nil
}

func median(s []sample) sample {
	secs := make([]float64, len(s))
	cpu := make([]float64, len(s))
	mb := make([]float64, len(s))
	for i, x := range s {
		secs[i], cpu[i], mb[i] = x.secs, x.cpu, x.mb
	}
	slices.Sort(secs)
	slices.Sort(cpu)
	return sample{secs: secs[len(secs)/2], cpu: cpu[len(cpu)/2], mb: slices.Max(mb)}
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

// table is the printed result: one line per figure. Wall time is the
// figure; CPU time (user + system, all cores) is shown beside it, since a
// machine busy with other work stretches wall times but not CPU times.
type table struct {
	floor sample
	lines [][7]string
}

func (t *table) add(name string, s sample, target, note string) {
	t.lines = append(t.lines, [7]string{name, fmt.Sprintf("%.3f s", s.secs), fmt.Sprintf("%.2f", s.secs/t.floor.secs),
		fmt.Sprintf("%.2f s", s.cpu), fmt.Sprintf("%.2f", s.cpu/t.floor.cpu), fmt.Sprintf("%.0f MB", s.mb), target + join(note)})
}

func (t *table) note(name, value, target string) {
	t.lines = append(t.lines, [7]string{name, value, "", "", "", "", target})
}

func join(note string) string {
	if note == "" {
		return ""
	}
	return "; " + note
}

func (t *table) print(w io.Writer) {
	head := [7]string{"FIGURE", "WALL", "÷ FLOOR", "CPU", "÷ FLOOR", "PEAK RSS", "TARGET (issue 17; ratios of wall time)"}
	width := [7]int{}
	for _, l := range append([][7]string{head}, t.lines...) {
		for i, c := range l {
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	for _, l := range append([][7]string{head}, t.lines...) {
		for i, c := range l {
			pad := strings.Repeat(" ", width[i]-len([]rune(c)))
			if i >= 1 && i <= 5 {
				fmt.Fprint(w, pad+c+"  ")
			} else {
				fmt.Fprint(w, c+pad+"  ")
			}
		}
		fmt.Fprintln(w)
	}
}
