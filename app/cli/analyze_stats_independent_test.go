package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// pythonStats recomputes, with Python's standard library (statistics module
// for means, standard deviations, percentiles, correlation and regression;
// formulas written out here for the rest), what `slate stats --json` prints.
// It shares no code with internal/stats.
const pythonStats = `
import csv, json, math, sys, statistics as st
rows = list(csv.DictReader(open(sys.argv[1])))
x = [float(r["x"]) for r in rows]
y = [float(r["y"]) for r in rows]
g = [r["g"] for r in rows]
n = len(x)
out = {}
m = st.fmean(x)
q = st.quantiles(x, n=100, method="inclusive")   # q[k-1] is the k-th percentile
dev = [v - m for v in x]
out["describe"] = {"n": n, "mean": m, "sd": st.stdev(x), "min": min(x), "max": max(x),
    "median": st.median(x), "p05": q[4], "p95": q[94], "p99": q[98],
    "autocorr1": sum(dev[i] * dev[i + 1] for i in range(n - 1)) / sum(d * d for d in dev)}
mr = [abs(x[i] - x[i - 1]) for i in range(1, n)]
mrbar = st.fmean(mr)
s = mrbar / 1.128
out["xmr"] = {"center": m, "sigma": s, "lcl": m - 3 * s, "ucl": m + 3 * s, "mr_bar": mrbar, "mr_ucl": 3.267 * mrbar}
t = list(range(1, n + 1))
lr = st.linear_regression(t, x)
out["trend"] = {"slope": lr.slope, "intercept": lr.intercept, "r2": st.correlation(t, x) ** 2}
def ranks(v):
    order = sorted(range(len(v)), key=lambda i: v[i])
    r = [0.0] * len(v)
    i = 0
    while i < len(v):
        j = i
        while j + 1 < len(v) and v[order[j + 1]] == v[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r
out["corr"] = {"pearson": st.correlation(x, y), "spearman": st.correlation(ranks(x), ranks(y))}
first = g[0]   # groups in order of first appearance; estimates are second − first
a = [v for v, k in zip(y, g) if k == first]
b = [v for v, k in zip(y, g) if k != first]
va, vb = st.variance(a) / len(a), st.variance(b) / len(b)
out["ttest"] = {"statistic": (st.fmean(b) - st.fmean(a)) / math.sqrt(va + vb),
    "df": (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))}
U = sum((vb_ > va_) + 0.5 * (vb_ == va_) for va_ in a for vb_ in b)
N = len(a) + len(b)
ties = {}
for v in a + b:
    ties[v] = ties.get(v, 0) + 1
tc = sum(c ** 3 - c for c in ties.values())
var = len(a) * len(b) / 12 * ((N + 1) - tc / (N * (N - 1)))
mu = len(a) * len(b) / 2
z = (abs(U - mu) - 0.5) / math.sqrt(var)
out["mannwhitney"] = {"statistic": U, "p_value": 2 * (1 - st.NormalDist().cdf(z))}
json.dump(out, sys.stdout)
`

// TestStatsAgreeWithPython: on data generated fresh for every run, `slate
// stats --json` and Python's statistics module agree to 1e-6 relative.
func TestStatsAgreeWithPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 7))
	var sb strings.Builder
	sb.WriteString("x,y,g\n")
	n := 1500 + rng.IntN(1000)
	for i := range n {
		// A large common offset tests precision; y rounded to 0.1 makes ties
		// for Spearman and Mann–Whitney; group b is shifted a little.
		x := 1e6 + 3*rng.NormFloat64() + 0.001*float64(i)
		grp, shift := "a", 0.0
		if rng.IntN(2) == 1 {
			grp, shift = "b", 0.2
		}
		y := math.Round((0.4*(x-1e6)+rng.NormFloat64()+shift)*10) / 10
		fmt.Fprintf(&sb, "%.6f,%.1f,%s\n", x, y, grp)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "fresh.csv")
	if err := os.WriteFile(file, []byte(sb.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(dir, "ref.py")
	if err := os.WriteFile(script, []byte(pythonStats), 0o600); err != nil {
		t.Fatal(err)
	}
	pyOut, err := exec.Command(py, script, file).Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var ref map[string]map[string]float64
	if err := json.Unmarshal(pyOut, &ref); err != nil {
		t.Fatal(err)
	}

	for cmd, args := range map[string][]string{
		"describe":    {"describe", file, "--column", "x"},
		"xmr":         {"xmr", file, "--column", "x"},
		"trend":       {"trend", file, "--column", "x"},
		"corr":        {"corr", file, "--column", "x", "--with", "y"},
		"ttest":       {"ttest", file, "--column", "y", "--group", "g"},
		"mannwhitney": {"mannwhitney", file, "--column", "y", "--group", "g"},
	} {
		out := mustRun(t, append([]string{"--json", "stats"}, args...)...)
		var got map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%s: %v", cmd, err)
		}
		if len(ref[cmd]) == 0 {
			t.Fatalf("no Python values for %s", cmd)
		}
		for k, want := range ref[cmd] {
			g, ok := got[k].(float64)
			if !ok {
				t.Errorf("%s.%s: slate printed %v", cmd, k, got[k])
				continue
			}
			if math.Abs(g-want) > 1e-6*math.Abs(want) {
				t.Errorf("%s.%s: slate %.12g, Python %.12g (seed %d)", cmd, k, g, want, seed)
			}
		}
	}
}

// TestStatsPublishedValuesCLI: certified NIST StRD statistics and qcc's
// published piston-ring limits through `slate stats --json` (the library is
// checked in internal/stats; this checks what a user gets on the command line).
func TestStatsPublishedValuesCLI(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	stats := func(args ...string) map[string]any {
		var m map[string]any
		if err := json.Unmarshal([]byte(mustRun(t, append([]string{"--json", "stats"}, args...)...)), &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	check := func(name string, got any, want, rel float64) {
		t.Helper()
		g, ok := got.(float64)
		if !ok || math.Abs(g-want) > rel*math.Abs(want) {
			t.Errorf("%s: slate %v, published %.12g", name, got, want)
		}
	}

	// NIST certified values, to at least 8 significant digits.
	m := stats("describe", "../../internal/stats/testdata/nist-michelso.txt", "--column", "y")
	check("Michelso mean", m["mean"], 299.8524, 1e-9)
	check("Michelso s", m["sd"], 0.0790105478190518, 1e-9)
	check("Michelso autocorr", m["autocorr1"], 0.535199668621283, 1e-9)
	for _, c := range []float64{1, 1e6, 1e7} {
		var sb strings.Builder
		sb.WriteString("v\n")
		fmt.Fprintf(&sb, "%.1f\n", c+0.2)
		for range 500 {
			fmt.Fprintf(&sb, "%.1f\n%.1f\n", c+0.1, c+0.3)
		}
		m = stats("describe", write("numacc.csv", sb.String()), "--column", "v")
		check(fmt.Sprintf("NumAcc c=%g mean", c), m["mean"], c+0.2, 1e-9)
		check(fmt.Sprintf("NumAcc c=%g s", c), m["sd"], 0.1, 1e-8)
		check(fmt.Sprintf("NumAcc c=%g autocorr", c), m["autocorr1"], -0.999, 1e-8)
	}
	m = stats("describe", write("numacc1.csv", "v\n10000001\n10000003\n10000002\n"), "--column", "v")
	check("NumAcc1 mean", m["mean"], 10000002, 1e-9)
	check("NumAcc1 s", m["sd"], 1, 1e-9)
	check("NumAcc1 autocorr", m["autocorr1"], -0.5, 1e-9)

	// qcc piston rings, samples 1–25 as the baseline.
	raw, err := os.ReadFile("../../internal/stats/testdata/qcc-pistonrings.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	var csv, means strings.Builder
	csv.WriteString("diameter,sample\n")
	means.WriteString("mean\n")
	sum, k := 0.0, 0
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		fmt.Fprintf(&csv, "%s,%s\n", f[0], f[1])
		var v float64
		fmt.Sscan(f[0], &v)
		sum += v
		if k++; k == 5 {
			fmt.Fprintf(&means, "%.6f\n", sum/5)
			sum, k = 0, 0
		}
	}
	rings := write("rings.csv", csv.String())
	// The published file as it is (whitespace-aligned columns) reads the same.
	m = stats("xbar-r", "../../internal/stats/testdata/qcc-pistonrings.txt", "--column", "diameter", "--subgroup", "sample", "--baseline", "1..25")
	check("xbar centre (whitespace file)", m["center"], 74.00118, 1e-6)
	m = stats("xbar-r", rings, "--column", "diameter", "--subgroup", "sample", "--baseline", "1..25")
	check("xbar centre", m["center"], 74.00118, 1e-6)
	check("xbar LCL", m["lcl"], 73.98805, 1e-6)
	check("xbar UCL", m["ucl"], 74.01431, 1e-6)
	r := m["r"].(map[string]any)
	check("R centre", r["center"], 0.02276, 1e-6)
	// qcc's 0.04812533 uses d2 rounded to 2.326; with d2 = 2.325929 and
	// d3 = 0.864082 (six digits) D4·R̄ = 0.02276·(1 + 3·d3/d2).
	check("R UCL", r["ucl"], 0.02276*(1+3*0.864082/2.325929), 1e-6)
	check("R UCL (qcc)", r["ucl"], 0.04812533, 2e-5)
	m = stats("xbar-s", rings, "--column", "diameter", "--subgroup", "sample", "--baseline", "1..25")
	s := m["s"].(map[string]any)
	check("S centre", s["center"], 0.009240037, 1e-6)
	check("S UCL", s["ucl"], 0.01930242, 1e-6)
	// qcc ewma(λ = 0.2) on the subgroup means with its centre and σ/√5.
	m = stats("ewma", write("means.csv", means.String()), "--column", "mean", "--lambda", "0.2",
		"--target", "74.00118", "--sigma", strconv.FormatFloat(0.009785039/math.Sqrt(5), 'g', -1, 64))
	check("EWMA first LCL", m["lcl"].([]any)[0], 73.99855, 1e-6)
	check("EWMA first UCL", m["ucl"].([]any)[0], 74.00380, 1e-6)
}
