package cli

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeFile writes content into a file in a fresh temporary folder.
func writeStatsFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// runStatsJSON runs the command with --json and decodes the output.
func runStatsJSON(t *testing.T, args ...string) map[string]any {
	t.Helper()
	var out bytes.Buffer
	if err := runStats(append(args, "--json"), &out); err != nil {
		t.Fatalf("runStats(%q): %v", args, err)
	}
	var m map[string]any
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatalf("bad JSON %q: %v", out.String(), err)
	}
	return m
}

// wantNums compares numeric JSON fields with hand-worked values.
func wantNums(t *testing.T, m map[string]any, want map[string]float64) {
	t.Helper()
	for k, w := range want {
		g, ok := m[k].(float64)
		if !ok {
			t.Errorf("%s: got %v (%T), want %v", k, m[k], m[k], w)
			continue
		}
		if math.Abs(g-w) > 1e-9*math.Max(1, math.Abs(w)) {
			t.Errorf("%s: got %.12g, want %.12g", k, g, w)
		}
	}
}

func TestStatsDescribe(t *testing.T) {
	// 1,2,3,4: mean 2.5, sd √(5/3), p05 = 1 + 0.15, p95 = 3 + 0.85, p99 = 3.97,
	// autocorr = (0.75 − 0.25 + 0.75)/5 = 0.25.
	want := map[string]float64{"n": 4, "mean": 2.5, "sd": math.Sqrt(5.0 / 3), "min": 1, "max": 4,
		"median": 2.5, "p05": 1.15, "p95": 3.85, "p99": 3.97, "autocorr1": 0.25}
	files := map[string]string{
		"semicolon + BOM + decimal comma": "\ufeffday;latency\nmon;1\ntue;2,0\nwed;3\nthu;4\n",
		"comma":                           "day,latency\nmon,1\ntue,2\nwed,3\nthu,4\n",
		"tab":                             "day\tlatency\nmon\t1\ntue\t2\nwed\t3\nthu\t4\n",
		"pipe":                            "day|latency\nmon|1\ntue|2\nwed|3\nthu|4\n",
	}
	for name, content := range files {
		t.Run(name, func(t *testing.T) {
			p := writeStatsFile(t, "data.csv", content)
			// flags before the positionals
			m := runStatsJSON(t, "--column", "latency", "describe", p)
			wantNums(t, m, want)
		})
	}
	t.Run("xlsx", func(t *testing.T) {
		f := excelize.NewFile()
		rows := [][]any{{"day", "latency"}, {"mon", 1}, {"tue", 2}, {"wed", 3}, {"thu", 4}}
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
				t.Fatal(err)
			}
		}
		p := filepath.Join(t.TempDir(), "data.xlsx")
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		wantNums(t, runStatsJSON(t, "describe", p, "--column", "latency"), want)
	})
	t.Run("single value gives null sd", func(t *testing.T) {
		p := writeStatsFile(t, "one.csv", "v\n5\n")
		m := runStatsJSON(t, "describe", p, "--column", "v")
		if m["sd"] != nil || m["autocorr1"] != nil {
			t.Errorf("got sd %v autocorr1 %v, want null", m["sd"], m["autocorr1"])
		}
	})
}

func TestStatsErrors(t *testing.T) {
	p := writeStatsFile(t, "data.csv", "day,latency\nmon,1\ntue,2\nwed,abc\nthu,4\n")
	empty := writeStatsFile(t, "gap.csv", "latency\n1\n\"\"\n")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad value", []string{"describe", p, "--column", "latency"}, `data.csv: row 4, column "latency": "abc" is not a number`},
		{"empty value", []string{"describe", empty, "--column", "latency"}, `gap.csv: row 3, column "latency": empty value`},
		{"missing column", []string{"describe", p, "--column", "nope"}, `data.csv: no column "nope" (columns: day, latency)`},
		{"no column flag", []string{"describe", p}, "needs --column NAME"},
		{"unknown command", []string{"median", p, "--column", "latency"}, `unknown command "median"`},
		{"bad range", []string{"xmr", p, "--column", "day", "--baseline", "3-1"}, `--baseline "3-1": want A..B`},
		{"missing file", []string{"describe", filepath.Join(t.TempDir(), "none.csv"), "--column", "x"}, "no such file"},
		{"power without effect", []string{"power"}, "needs --effect"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := runStats(tc.args, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestStatsXmR(t *testing.T) {
	p := writeStatsFile(t, "xmr.csv", "week,attainment\n1,10\n2,12\n3,11\n4,13\n5,30\n")
	m := runStatsJSON(t, "xmr", p, "--column", "attainment", "--baseline", "1..4")
	// Baseline 10,12,11,13: mean 11.5, MR̄ = (2+1+2)/3, σ̂ = MR̄/1.128.
	mr := 5.0 / 3
	sigma := mr / 1.128
	wantNums(t, m, map[string]float64{"center": 11.5, "sigma": sigma, "lcl": 11.5 - 3*sigma,
		"ucl": 11.5 + 3*sigma, "mr_bar": mr, "mr_ucl": 3.267 * mr})
	v := m["violations"].([]any)
	if len(v) != 1 {
		t.Fatalf("violations: got %v, want one", v)
	}
	got := v[0].(map[string]any)
	if got["rule"] != "nelson-1" || got["index"] != 5.0 || got["span"].([]any)[0] != 5.0 || got["description"] == "" {
		t.Errorf("violation: got %v, want nelson-1 at point 5", got)
	}
	if pts := m["points"].([]any); len(pts) != 5 || pts[4] != 30.0 {
		t.Errorf("points: got %v", pts)
	}
}

func TestStatsPChartVaryingLimits(t *testing.T) {
	p := writeStatsFile(t, "p.csv", "day,bad,total\n1,5,100\n2,10,200\n3,3,100\n")
	m := runStatsJSON(t, "p", p, "--column", "bad", "--n", "total")
	pbar := 18.0 / 400
	wantNums(t, m, map[string]float64{"center": pbar})
	ucl, ok := m["ucl"].([]any)
	if !ok || len(ucl) != 3 {
		t.Fatalf("ucl: got %v, want an array of 3", m["ucl"])
	}
	if w := pbar + 3*math.Sqrt(pbar*(1-pbar)/200); math.Abs(ucl[1].(float64)-w) > 1e-12 {
		t.Errorf("ucl[1]: got %v, want %v", ucl[1], w)
	}
	if v := m["violations"].([]any); len(v) != 0 {
		t.Errorf("violations: got %v, want none", v)
	}
}

func TestStatsXbarR(t *testing.T) {
	// Two subgroups of 2: (1,3) and (2,6): R̄ = 3, σ̂ = 3/d2(2), X̄ centre 3.
	p := writeStatsFile(t, "g.csv", "g,v\na,1\na,3\nb,2\nb,6\n")
	for _, args := range [][]string{{"--subgroup", "g"}, {"--size", "2"}} {
		m := runStatsJSON(t, append([]string{"xbar-r", p, "--column", "v"}, args...)...)
		d2 := 2 / math.Sqrt(math.Pi)
		wantNums(t, m, map[string]float64{"center": 3, "sigma": 3 / d2, "ucl": 3 + 3*(3/d2)/math.Sqrt2})
		wantNums(t, m["r"].(map[string]any), map[string]float64{"center": 3})
	}
}

func TestStatsTTest(t *testing.T) {
	// A = 1,2,3,4 (mean 2.5, s² 5/3); B = 3,5,7 (mean 5, s² 4): estimate B − A = 2.5,
	// se² = 5/12 + 4/3 = 1.75, t = 2.5/√1.75, df = 1.75²/((5/12)²/3 + (4/3)²/2).
	p := writeStatsFile(t, "ab.csv", "variant,ms\nA,1\nA,2\nB,3\nA,3\nB,5\nA,4\nB,7\n")
	m := runStatsJSON(t, "ttest", p, "--column", "ms", "--group", "variant")
	wantNums(t, m, map[string]float64{"statistic": 2.5 / math.Sqrt(1.75),
		"df": 1.75 * 1.75 / (25.0/144/3 + 16.0/9/2), "estimate": 2.5, "n1": 4, "n2": 3})
	// Cohen d = 2.5/√((3·5/3 + 2·4)/5) = 2.5/√2.6 → n = ⌈2(2.8016/d)²⌉ = 7.
	if m["min_n_per_group"] != 7.0 || m["enough_data"] != false ||
		!strings.HasPrefix(m["verdict"].(string), "not enough data yet") {
		t.Errorf("got min_n %v enough %v verdict %q", m["min_n_per_group"], m["enough_data"], m["verdict"])
	}
	if ci := m["ci"].([]any); ci[0].(float64) >= 2.5 || ci[1].(float64) <= 2.5 {
		t.Errorf("ci %v should contain 2.5", ci)
	}

	// Before/after ranges; Mann–Whitney exact: after all above before → U = 9, p = 2/20.
	q := writeStatsFile(t, "ba.csv", "ms\n1\n2\n3\n7\n8\n9\n")
	mw := runStatsJSON(t, "mannwhitney", q, "--column", "ms", "--before", "1..3", "--after", "4..6")
	wantNums(t, mw, map[string]float64{"statistic": 9, "p_value": 0.1, "effect_size": 1, "estimate": 6})
	if mw["exact"] != true {
		t.Errorf("exact: got %v", mw["exact"])
	}
	if _, ok := mw["df"]; ok {
		t.Errorf("df should be absent for Mann–Whitney")
	}
}

func TestStatsTrendCorrPower(t *testing.T) {
	p := writeStatsFile(t, "t.csv", "x,y,z\n1,2,1\n2,4,2\n3,5,3\n4,4,4\n5,5,5\n")
	m := runStatsJSON(t, "trend", p, "--column", "y", "--target", "6.4")
	// slope 0.6, intercept 2.2 → 6.4 at x = 7 (after the last x = 5).
	wantNums(t, m, map[string]float64{"slope": 0.6, "intercept": 2.2, "theil_sen": 17.0 / 24})
	b := m["time_to_breach"].(map[string]any)
	if math.Abs(b["at"].(float64)-7) > 1e-9 || b["future"] != true {
		t.Errorf("time_to_breach: got %v, want at 7 in the future", b)
	}
	if ci := m["slope_ci"].([]any); len(ci) != 2 {
		t.Errorf("slope_ci: got %v", ci)
	}

	c := runStatsJSON(t, "corr", p, "--column", "z", "--with", "y", "--lags", "1")
	wantNums(t, c, map[string]float64{"pearson": 6 / math.Sqrt(60), "n": 5})
	if c["best_lag"] == nil || len(c["lags"].([]any)) != 3 {
		t.Errorf("lags: got %v best %v", c["lags"], c["best_lag"])
	}

	pw := runStatsJSON(t, "power", "--effect", "0.5")
	wantNums(t, pw, map[string]float64{"min_n_per_group": 63})
	pp := runStatsJSON(t, "power", "--p1", "0.5", "--p2", "0.6")
	wantNums(t, pp, map[string]float64{"min_n_per_group": 388})
}

func TestStatsText(t *testing.T) {
	p := writeStatsFile(t, "data.csv", "v\n1\n2\n3\n4\n")
	var out bytes.Buffer
	if err := runStats([]string{"describe", p, "--column", "v"}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"n          4", "mean       2.5", "autocorr1  0.25"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text output %q lacks %q", out.String(), want)
		}
	}
}

// TestStatsReadsAsAnImport: numbers a supplier's file writes as "1.234,5" or
// "12%" import fine, and `slate stats` reads them the same way.
func TestStatsReadsAsAnImport(t *testing.T) {
	p := writeStatsFile(t, "lat.csv", "time;latency\n2026-01-01 00:00;1.234,5\n2026-01-01 00:01;12%\n2026-01-01 00:02;7,25\n")
	m := runStatsJSON(t, "describe", p, "--column", "latency")
	wantNums(t, m, map[string]float64{"n": 3, "min": 7.25, "max": 1234.5, "median": 12})
}
