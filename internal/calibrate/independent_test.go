package calibrate

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"slate/internal/domain"
)

// referenceScript recomputes every figure of Compare with numpy and scipy,
// from the formulas in docs/statistics.md, by other means where there are
// any: scipy's t and normal quantiles, numpy's variances and correlation,
// scipy's linregress for the slope, least squares (numpy.linalg.lstsq) on an
// explicit design matrix for every change-point candidate.
const referenceScript = `
import json, sys, math
import numpy as np
from scipy import stats

d = json.load(open(sys.argv[1]))
x = np.array(d["feed"], dtype=float)
y = np.array(d["reference"], dtype=float)
t = np.array(d["start"], dtype=np.int64)
th, conf = d["threshold"], 0.95
n = len(x)
diff = x - y
bias = diff.mean()
sd = diff.std(ddof=1)
tq = stats.t.ppf(1 - (1 - conf) / 2, n - 1)
z = stats.norm.ppf(1 - (1 - conf) / 2)
se = sd / math.sqrt(n)
seL = sd * math.sqrt(1 / n + z * z / (2 * (n - 1)))
loa = [bias - z * sd, bias + z * sd]
mx, my = x.mean(), y.mean()
sxx, syy = x.var(ddof=0), y.var(ddof=0)
sxy = ((x - mx) * (y - my)).mean()
out = {
    "n": n, "feed_mean": mx, "reference_mean": my,
    "bias": bias, "bias_ci": [bias - tq * se, bias + tq * se], "sd": sd,
    "mae": np.abs(diff).mean(), "rmse": math.sqrt((diff ** 2).mean()),
    "loa": loa, "lower_ci": [loa[0] - tq * seL, loa[0] + tq * seL], "upper_ci": [loa[1] - tq * seL, loa[1] + tq * seL],
    "ccc": 2 * sxy / (sxx + syy + (mx - my) ** 2), "pearson": np.corrcoef(x, y)[0, 1],
}
fb, rb = ~(x <= th), ~(y <= th)
tab = [[int(np.sum(~rb & ~fb)), int(np.sum(~rb & fb))], [int(np.sum(rb & ~fb)), int(np.sum(rb & fb))]]
po = (tab[0][0] + tab[1][1]) / n
pe = ((tab[0][0] + tab[0][1]) / n) * ((tab[0][0] + tab[1][0]) / n) + ((tab[1][0] + tab[1][1]) / n) * ((tab[0][1] + tab[1][1]) / n)
out["table"], out["po"], out["pe"], out["kappa"] = tab, po, pe, (po - pe) / (1 - pe)

months = np.array([np.datetime64(int(s), "s").astype("datetime64[M]").astype(str) for s in t])
monthly = []
for m in sorted(set(months)):
    dm = diff[months == m]
    h = stats.t.ppf(1 - (1 - conf) / 2, len(dm) - 1) * dm.std(ddof=1) / math.sqrt(len(dm))
    monthly.append({"month": m, "n": len(dm), "bias": dm.mean(), "ci": [dm.mean() - h, dm.mean() + h]})
out["monthly"] = monthly

day = t // 86400
days = np.unique(day)
v = np.array([diff[day == k].mean() for k in days])
tt = (days - days[0]).astype(float)
lr = stats.linregress(tt, v)
q = stats.t.ppf(0.975, len(v) - 2)
out["slope"], out["slope_ci"] = lr.slope, [lr.slope - q * lr.stderr, lr.slope + q * lr.stderr]
m = len(v)
S = sum(np.sign(v[j] - v[i]) for i in range(m) for j in range(i + 1, m))
_, counts = np.unique(v, return_counts=True)
var = (m * (m - 1) * (2 * m + 5) - sum(c * (c - 1) * (2 * c + 5) for c in counts)) / 18
zz = (S - 1) / math.sqrt(var) if S > 0 else ((S + 1) / math.sqrt(var) if S < 0 else 0)
out["mk_p"] = 2 * stats.norm.sf(abs(zz))

best = None
def fit(kind, k, h):
    global best
    A = np.column_stack([np.ones(m), h])
    coef, _, _, _ = np.linalg.lstsq(A, v, rcond=None)
    sse = float(((v - A @ coef) ** 2).sum())
    if best is None or sse < best["sse"]:
        change = coef[1] * (tt[-1] - tt[k]) if kind == "ramp" else coef[1]
        best = {"kind": kind, "index": k, "before": coef[0], "b": coef[1], "change": change, "sse": sse}
for k in range(2, m - 3):
    fit("ramp", k, np.maximum(0, tt - tt[k]))
for k in range(3, m - 2):
    fit("step", k, (np.arange(m) >= k).astype(float))
best["start"] = str(np.datetime64(int(days[best["index"]]) * 86400, "s").astype("datetime64[D]"))
out["change"] = best
print(json.dumps(out, default=float))
`

func TestIndependentNumpy(t *testing.T) {
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import numpy, scipy").Run(); err != nil {
		t.Skipf("independent check skipped: %s cannot import numpy and scipy (apt-get install python3-numpy python3-scipy): %v", py, err)
	}
	start := ts("2026-01-01T00:00:00Z")
	feed, ref := plantedFeeds(start, 120, 6, 0.5, ts("2026-03-10T00:00:00Z"))
	al := Align(domain.ShapeValue, feed, ref, time.Hour, 0)
	const threshold = 500.0
	r, err := Compare(al.Pairs, []Classifier{{Name: "x", Op: "<=", Threshold: threshold}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]any{"threshold": threshold}
	var fx, ry []float64
	var st []int64
	for _, p := range al.Pairs {
		fx, ry, st = append(fx, p.Feed), append(ry, p.Reference), append(st, p.Start.Unix())
	}
	in["feed"], in["reference"], in["start"] = fx, ry, st
	dir := t.TempDir()
	data, _ := json.Marshal(in)
	os.WriteFile(filepath.Join(dir, "pairs.json"), data, 0o600)
	os.WriteFile(filepath.Join(dir, "ref.py"), []byte(referenceScript), 0o600)
	out, err := exec.Command(py, filepath.Join(dir, "ref.py"), filepath.Join(dir, "pairs.json")).Output()
	if err != nil {
		t.Fatalf("reference script: %v\n%s", err, out)
	}
	var want struct {
		N                                                 int
		FeedMean, ReferenceMean, Bias, SD, MAE, RMSE, CCC float64
		Pearson, Po, Pe, Kappa, Slope, MKP                float64
		BiasCI, LoA, LowerCI, UpperCI, SlopeCI            []float64
		Table                                             [2][2]int
		Monthly                                           []struct {
			Month string
			N     int
			Bias  float64
			CI    []float64
		}
		Change struct {
			Kind, Start            string
			Before, B, Change, SSE float64
		}
	}
	var raw map[string]json.RawMessage
	json.Unmarshal(out, &raw)
	get := func(k string, v any) {
		if err := json.Unmarshal(raw[k], v); err != nil {
			t.Fatalf("%s: %v in %s", k, err, out)
		}
	}
	get("n", &want.N)
	for k, p := range map[string]*float64{"feed_mean": &want.FeedMean, "reference_mean": &want.ReferenceMean, "bias": &want.Bias, "sd": &want.SD,
		"mae": &want.MAE, "rmse": &want.RMSE, "ccc": &want.CCC, "pearson": &want.Pearson, "po": &want.Po, "pe": &want.Pe, "kappa": &want.Kappa,
		"slope": &want.Slope, "mk_p": &want.MKP} {
		get(k, p)
	}
	for k, p := range map[string]*[]float64{"bias_ci": &want.BiasCI, "loa": &want.LoA, "lower_ci": &want.LowerCI, "upper_ci": &want.UpperCI, "slope_ci": &want.SlopeCI} {
		get(k, p)
	}
	get("table", &want.Table)
	get("monthly", &want.Monthly)
	get("change", &want.Change)

	const tol = 1e-9
	check := func(name string, got, w float64) {
		t.Helper()
		if math.IsNaN(got) || math.Abs(got-w) > tol*math.Max(1, math.Abs(w)) {
			t.Errorf("%s: Slate %.15g, numpy/scipy %.15g", name, got, w)
		}
	}
	if r.N != want.N || r.N < 2000 {
		t.Fatalf("n %d vs %d", r.N, want.N)
	}
	check("feed mean", float64(r.FeedMean), want.FeedMean)
	check("reference mean", float64(r.ReferenceMean), want.ReferenceMean)
	check("bias", float64(r.Bias), want.Bias)
	check("sd", float64(r.SD), want.SD)
	check("mae", float64(r.MAE), want.MAE)
	check("rmse", float64(r.RMSE), want.RMSE)
	check("ccc", float64(r.CCC), want.CCC)
	check("pearson", float64(r.Pearson), want.Pearson)
	for i := range 2 {
		check("bias ci", float64(r.BiasCI[i]), want.BiasCI[i])
		check("limits of agreement", float64(r.LimitsOfAgreement[i]), want.LoA[i])
		check("lower limit ci", float64(r.LowerLimitCI[i]), want.LowerCI[i])
		check("upper limit ci", float64(r.UpperLimitCI[i]), want.UpperCI[i])
		check("slope ci", float64(r.Drift.SlopeCI[i]), want.SlopeCI[i])
	}
	c := r.Classification[0]
	if got := [2][2]int{{c.BothGood, c.FeedBadReferenceGood}, {c.FeedGoodReferenceBad, c.BothBad}}; got != want.Table {
		t.Errorf("confusion %v vs %v", got, want.Table)
	}
	check("agreement", float64(c.Agreement), want.Po)
	check("chance agreement", float64(c.ChanceAgreement), want.Pe)
	check("kappa", float64(c.Kappa), want.Kappa)
	if len(r.Drift.Monthly) != len(want.Monthly) {
		t.Fatalf("months %d vs %d", len(r.Drift.Monthly), len(want.Monthly))
	}
	for i, m := range want.Monthly {
		g := r.Drift.Monthly[i]
		if g.Month != m.Month || g.N != m.N {
			t.Errorf("month %d: %s/%d vs %s/%d", i, g.Month, g.N, m.Month, m.N)
		}
		check("month bias "+m.Month, float64(g.Bias), m.Bias)
		check("month ci "+m.Month, float64(g.CI[0]), m.CI[0])
		check("month ci "+m.Month, float64(g.CI[1]), m.CI[1])
	}
	check("slope per day", float64(r.Drift.SlopePerDay), want.Slope)
	check("Mann-Kendall p", float64(r.Drift.MannKendallP), want.MKP)
	ch := r.Drift.Change
	if ch == nil || ch.Kind != want.Change.Kind || ch.Start != want.Change.Start {
		t.Fatalf("change %+v vs %+v", ch, want.Change)
	}
	check("bias before", float64(ch.Before), want.Change.Before)
	check("total change", float64(ch.Total), want.Change.Change)
	check("slope after", float64(ch.SlopePerDay), want.Change.B)
}
