package cli

import (
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestMain keeps the tests from finding a demo workspace a person made on this
// machine (the empty-workspace hint would then speak up), and removes the slate
// binary the subprocess tests built.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "slate-cli-test")
	if err != nil {
		panic(err)
	}
	os.Setenv("SLATE_DEMO_DB", filepath.Join(dir, "no-demo.db"))
	code := m.Run()
	os.RemoveAll(dir)
	if slateBin.dir != "" {
		os.RemoveAll(slateBin.dir)
	}
	os.Exit(code)
}

var demoOnce struct {
	sync.Once
	db  string
	err string
}

// demoDB is one demo workspace (evaluated at 2026-11-28) shared by the output tests.
func demoDB(t *testing.T) string {
	t.Helper()
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "slate-cli-demo")
		if err != nil {
			demoOnce.err = err.Error()
			return
		}
		demoOnce.db = filepath.Join(dir, "demo.db")
		if code, _, errs := run(t, "--db", demoOnce.db, "demo", "--now", "2026-11-28"); code != 0 {
			demoOnce.err = errs
		}
	})
	if demoOnce.err != "" {
		t.Fatal(demoOnce.err)
	}
	return demoOnce.db
}

var (
	exponent   = regexp.MustCompile(`\d[eE][+-]?\d`)
	longFrac   = regexp.MustCompile(`\d\.\d{5,}`)
	statistics = []string{"payment-auth-mean", "page-latency-p95"}
)

// TestHumanOutputIsPlain reads every read command's text on the demo
// workspace as a person would: no exponents, no more than four decimals, and
// every line about a statistic SLT carries its unit.
func TestHumanOutputIsPlain(t *testing.T) {
	db := demoDB(t)
	at := "2026-11-28"
	cmds := [][]string{
		{"report", "--at", at}, {"report", "--all", "--at", at}, {"report", "--period", "2026-10", "--at", at},
		{"breaches", "--at", at}, {"alerts", "--at", at}, {"alerts", "--at", "2026-11-03"},
		{"whatif", "--slt", "checkout-success", "--target", "99.5%", "--at", at},
		{"whatif", "--slt", "payment-auth-mean", "--target", "330", "--at", at},
		{"whatif", "--slt", "page-latency-p95", "--target", "310", "--at", at},
		{"whatif", "--slt", "shop-availability", "--tier", "core-hours", "--target", "0.9995", "--at", at},
		{"get", "slt"}, {"batches"}, {"exception", "list"},
		{"suppliers", "check", "--at", at}, {"suppliers", "maturity", "--at", at}, {"suppliers", "scope", "--supplier", "cloudhost"}, {"cmdb", "list"},
		{"cmdb", "check", "--slt", "incident-resolution", "--period", "2026-10", "--at", at},
		{"capacity", "--arrivals", "100/h", "--handle-time", "3m", "--servers", "6", "--target", "80% in 20s"},
		{"capacity", "--from-feed", "desk-tickets", "--handle-time", "20m", "--target", "80% in 20s"},
		{"change", "assess", "--service", "web-shop", "--from", "2026-11-30T09:00", "--to", "2026-11-30T11:00", "--at", at},
		{"predict", "--at", at}, {"predict", "backtest", "--at", at}, {"calibrate", "shop-latency", "--to", at},
	}
	for _, name := range sltNames(t, db) {
		cmds = append(cmds, []string{"analyze", name, "--at", at})
	}
	for _, c := range cmds {
		text := mustRun(t, append([]string{"--db", db}, c...)...)
		for i, line := range strings.Split(text, "\n") {
			where := strings.Join(c, " ") + ": line " + strconv.Itoa(i+1)
			if m := exponent.FindString(line); m != "" {
				t.Errorf("%s has an exponent (%s): %s", where, m, line)
			}
			if m := longFrac.FindString(line); m != "" {
				t.Errorf("%s has more than four decimals (%s): %s", where, m, line)
			}
			for _, s := range statistics {
				if strings.HasPrefix(line, s+" ") && hasFigure(line) && !strings.Contains(line, " ms") {
					t.Errorf("%s is about statistic SLT %s but shows no unit: %s", where, s, line)
				}
			}
		}
		if c[0] == "whatif" && (c[2] == "payment-auth-mean" || c[2] == "page-latency-p95") {
			for i, line := range strings.Split(strings.TrimSpace(text), "\n") {
				if i > 0 && hasFigure(line) && !strings.Contains(line, " ms") {
					t.Errorf("%s: a what-if line of a statistic SLT without its unit: %s", strings.Join(c, " "), line)
				}
			}
		}
	}
}

// hasFigure: the line shows an attainment or target (not only counts or dates).
func hasFigure(line string) bool {
	return strings.Contains(line, "≤") || strings.Contains(line, "≥") || strings.Contains(line, "met")
}

func sltNames(t *testing.T, db string) []string {
	type def struct {
		Metadata struct {
			Name string `json:"name"`
		} `json:"metadata"`
	}
	var out []string
	for _, d := range decode[[]def](t, mustRun(t, "--db", db, "--json", "get", "slt")) {
		out = append(out, d.Metadata.Name)
	}
	return out
}

// TestReportPeriods: the default is each SLT's last complete and running
// period; --all is everything; a complete --period has no running footnote;
// periods that do not exist are refused with the valid forms.
func TestReportPeriods(t *testing.T) {
	db := demoDB(t)
	at := "2026-11-28T12:00:00Z"
	recent := decode[reportJSON](t, mustRun(t, "--db", db, "--json", "report", "--slt", "checkout-success", "--at", at))
	if len(recent.Rows) != 2 || recent.Rows[0].Period != "2026-10" || recent.Rows[1].Period != "2026-11" {
		t.Errorf("default report rows: %+v", recent.Rows)
	}
	all := decode[reportJSON](t, mustRun(t, "--db", db, "--json", "report", "--all", "--slt", "checkout-success", "--at", at))
	if len(all.Rows) < 12 {
		t.Errorf("--all gives %d rows", len(all.Rows))
	}
	text := mustRun(t, "--db", db, "report", "--at", at)
	if !strings.Contains(text, "2026-11*") || !strings.Contains(text, "* period still running") {
		t.Errorf("default report has no running period:\n%s", text)
	}
	if !regexp.MustCompile(`(?m)^parcelnet-delivery +2026-11\* `).MatchString(text) {
		t.Errorf("the running period's credit has no running marker:\n%s", text)
	}
	if text := mustRun(t, "--db", db, "report", "--period", "2026-10", "--at", at); strings.Contains(text, "still running") || strings.Contains(text, "*") {
		t.Errorf("a complete period is marked running:\n%s", text)
	}
	for _, bad := range []string{"2026-13", "2026-W60", "2025-W53", "26-10", "2026-02-30"} {
		code, out, errs := run(t, "--db", db, "report", "--period", bad)
		if code != 2 || out != "" || !strings.Contains(errs, "--period") || !strings.Contains(errs, "2026-Q3, 2026-W07, 2026-10 or 2026-10-05") {
			t.Errorf("--period %s: exit %d, stdout %q, stderr %q", bad, code, out, errs)
		}
	}
}

// TestWhatIfTargets: a share target is 99.5% or 0.995; 95 is refused with the fix.
func TestWhatIfTargets(t *testing.T) {
	db := demoDB(t)
	type whatif struct {
		Proposed float64 `json:"proposed_target"`
		Met      int     `json:"met_proposed"`
		Judged   int     `json:"judged"`
	}
	a := decode[whatif](t, mustRun(t, "--db", db, "--json", "whatif", "--slt", "checkout-success", "--target", "99.5%", "--at", "2026-11-28"))
	b := decode[whatif](t, mustRun(t, "--db", db, "--json", "whatif", "--slt", "checkout-success", "--target", "0.995", "--at", "2026-11-28"))
	if a != b || a.Proposed != 0.995 || a.Judged == 0 {
		t.Errorf("99.5%% gives %+v, 0.995 gives %+v", a, b)
	}
	code, _, errs := run(t, "--db", db, "whatif", "--slt", "checkout-success", "--target", "95")
	if code == 0 || !strings.Contains(errs, "write 95% or 0.95") {
		t.Errorf("--target 95 on a share: exit %d, %s", code, errs)
	}
	code, _, errs = run(t, "--db", db, "whatif", "--slt", "checkout-success", "--target", "ninety")
	if code != 2 || !strings.Contains(errs, "--target") || !strings.Contains(errs, "99.5%") {
		t.Errorf("--target ninety: exit %d, %s", code, errs)
	}
	text := mustRun(t, "--db", db, "whatif", "--slt", "payment-auth-mean", "--target", "330", "--at", "2026-11-28")
	if !strings.Contains(text, "at ≤ 330 ms (at the current ≤ 450 ms:") {
		t.Errorf("statistic what-if summary:\n%s", text)
	}
}

// TestFlagsAndJSON: unknown flags are named with a suggestion; JSON keeps <>& as they are.
func TestFlagsAndJSON(t *testing.T) {
	db := demoDB(t)
	code, _, errs := run(t, "--db", db, "--jsn", "report")
	if code != 2 || !strings.Contains(errs, "unknown global flag --jsn (did you mean --json?)") {
		t.Errorf("--jsn report: exit %d, %s", code, errs)
	}
	code, _, errs = run(t, "--db", db, "report", "--perod", "2026-10")
	if code != 2 || !strings.Contains(errs, "unknown flag --perod (did you mean --period?)") {
		t.Errorf("report --perod: exit %d, %s", code, errs)
	}
	code, _, errs = run(t, "--db", db, "reprot")
	if code != 2 || !strings.Contains(errs, "did you mean report?") {
		t.Errorf("reprot: exit %d, %s", code, errs)
	}
	for _, c := range [][]string{{"report", "--period", "2026-10"}, {"breaches"}, {"get", "slt"}, {"whatif", "--slt", "payment-auth-mean", "--target", "400"}} {
		out := mustRun(t, append([]string{"--db", db, "--json"}, c...)...)
		if strings.Contains(out, `\u003c`) || strings.Contains(out, `\u003e`) || strings.Contains(out, `\u0026`) {
			t.Errorf("%s --json escapes <>&", strings.Join(c, " "))
		}
		if c[0] != "get" && !strings.Contains(out, `"op": "`) {
			t.Errorf("%s --json has no op", strings.Join(c, " "))
		}
	}
}

// TestEmptyWorkspaceNamesTheDemo: a command on an empty workspace while a demo
// workspace exists says where the demo is and how to use it.
func TestEmptyWorkspaceNamesTheDemo(t *testing.T) {
	demo := demoDB(t)
	t.Setenv("SLATE_DEMO_DB", demo)
	empty := filepath.Join(t.TempDir(), "empty.db")
	code, out, errs := run(t, "--db", empty, "report")
	if code != 1 || !strings.Contains(errs, "does not exist; the demo workspace is "+demo) || !strings.Contains(errs, "slate --db "+demo+" report") ||
		!strings.Contains(errs, "SLATE_DB="+demo) {
		t.Errorf("no file: exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
	mustRun(t, "--db", empty, "init")
	code, out, errs = run(t, "--db", empty, "report")
	if code != 0 || !strings.Contains(errs, "is empty; the demo workspace is "+demo) || !strings.Contains(errs, "slate --db "+demo+" report") ||
		!strings.Contains(errs, "SLATE_DB="+demo) || !strings.Contains(out, "no SLTs") {
		t.Errorf("empty: exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
	if _, _, errs := run(t, "--db", demo, "report", "--at", "2026-11-28"); strings.Contains(errs, "empty") {
		t.Errorf("the demo itself is not empty: %s", errs)
	}
	if _, _, errs := run(t, "--db", filepath.Join(t.TempDir(), "new.db"), "apply", "-f", "/nonexistent.yaml"); strings.Contains(errs, "demo workspace") {
		t.Errorf("apply fills the workspace; no hint: %s", errs)
	}
}

// TestBusyPort: a port in use says so and suggests --addr.
func TestBusyPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip("no loopback listener:", err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	code, _, errs := run(t, "--db", filepath.Join(t.TempDir(), "s.db"), "serve", "--addr", addr)
	if code != 1 || !strings.Contains(errs, addr+" is already in use") || !strings.Contains(errs, "--addr 127.0.0.1:") {
		t.Errorf("exit %d: %s", code, errs)
	}
}
