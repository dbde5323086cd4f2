package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"slate/internal/ingest"
	"slate/internal/plain"
	"slate/internal/stats"
)

const statsUsage = `slate stats COMMAND FILE --column NAME [--json] [options]

commands:
  describe     n, mean, sd, min, max, median, p05, p95, p99, lag-1 autocorrelation
  xmr          individuals and moving-range chart
  xbar-r       X-bar and R chart   (--subgroup COLUMN or --size N)
  xbar-s       X-bar and S chart   (--subgroup COLUMN or --size N)
  p            p-chart: --column defectives --n sample-size column
  c            c-chart: --column counts
  u            u-chart: --column counts --n units column
  ewma         EWMA chart (--lambda 0.2 --L 3 [--target μ0 --sigma σ])
  cusum        tabular CUSUM (--k 0.5 --h 5 [--target μ0 --sigma σ])
  trend        OLS slope with 95% CI, Theil–Sen, Mann–Kendall ([--x COLUMN] [--target T])
  corr         Pearson and Spearman (--with COLUMN [--lags N])
  ttest        Welch's t-test        (--group COLUMN, or --before A..B --after C..D)
  mannwhitney  Mann–Whitney U test   (same as ttest)
  power        minimum sample size per group (--effect d, or --p1 P --p2 P; no FILE)

charts: --baseline A..B (1-based points that set the limits), --rules nelson|we|none
tests:  --effect d (smallest effect worth detecting; default: the observed one),
        --alpha 0.05, --power 0.8`

// statsOpts holds every flag of `slate stats`; each command reads the ones it needs.
type statsOpts struct {
	column, subgroup, nCol, with, group, xCol string
	baseline, before, after, rules            string
	size, lags                                int
	lambda, L, k, h, sigma, effect            float64
	alpha, power, p1, p2                      float64
	target                                    float64
	targetSet                                 bool
	json                                      bool
	cmd                                       string
}

// runStats implements `slate stats COMMAND FILE --column NAME [--json] ...`.
func runStats(args []string, stdout io.Writer) error {
	var o statsOpts
	fs := flag.NewFlagSet("stats", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.column, "column", "", "value column")
	fs.StringVar(&o.subgroup, "subgroup", "", "subgroup column (xbar-r, xbar-s)")
	fs.IntVar(&o.size, "size", 0, "subgroup size: consecutive rows (xbar-r, xbar-s)")
	fs.StringVar(&o.nCol, "n", "", "sample size / units column (p, u)")
	fs.StringVar(&o.baseline, "baseline", "", "points A..B that set the limits")
	fs.StringVar(&o.rules, "rules", "nelson", "run rules: nelson, we or none")
	fs.Float64Var(&o.lambda, "lambda", 0.2, "EWMA weight")
	fs.Float64Var(&o.L, "L", 3, "EWMA limit width in sigma")
	fs.Float64Var(&o.k, "k", 0.5, "CUSUM allowance in sigma")
	fs.Float64Var(&o.h, "h", 5, "CUSUM decision interval in sigma")
	fs.Float64Var(&o.sigma, "sigma", 0, "known process sigma (ewma, cusum)")
	fs.Func("target", "target: CUSUM/EWMA centre, or the trend's breach level", func(s string) error {
		v, err := strconv.ParseFloat(s, 64)
		o.target, o.targetSet = v, true
		return err
	})
	fs.StringVar(&o.xCol, "x", "", "x column for trend (default: point number)")
	fs.StringVar(&o.with, "with", "", "second column (corr)")
	fs.IntVar(&o.lags, "lags", 0, "cross-correlation lags -N..N (corr)")
	fs.StringVar(&o.group, "group", "", "column with exactly two group values (ttest, mannwhitney)")
	fs.StringVar(&o.before, "before", "", "rows A..B before the change")
	fs.StringVar(&o.after, "after", "", "rows C..D after the change")
	fs.Float64Var(&o.effect, "effect", 0, "effect size (Cohen d) to detect")
	fs.Float64Var(&o.alpha, "alpha", stats.DefaultAlpha, "significance level")
	fs.Float64Var(&o.power, "power", stats.DefaultPower, "power")
	fs.Float64Var(&o.p1, "p1", 0, "first proportion (power)")
	fs.Float64Var(&o.p2, "p2", 0, "second proportion (power)")
	fs.BoolVar(&o.json, "json", false, "print JSON")

	var pos []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprintln(stdout, statsUsage)
				return err
			}
			return usageError("stats: %v", err)
		}
		rest = fs.Args()
		if len(rest) == 0 {
			break
		}
		if rest[0] == "--" {
			pos = append(pos, rest[1:]...)
			break
		}
		pos = append(pos, rest[0])
		rest = rest[1:]
	}
	if len(pos) == 0 {
		return usageError("stats needs a COMMAND\n%s", statsUsage)
	}
	cmd := pos[0]
	o.cmd = cmd
	if cmd == "power" {
		if len(pos) > 1 {
			return usageError("stats power takes no FILE")
		}
		return statsPower(o, stdout)
	}
	if len(pos) != 2 {
		return usageError("stats %s needs exactly one FILE", cmd)
	}
	if o.column == "" {
		return usageError("stats %s needs --column NAME", cmd)
	}
	run, ok := statsCommands[cmd]
	if !ok {
		return usageError("stats: unknown command %q\n%s", cmd, statsUsage)
	}
	t, err := readStatsTable(pos[1])
	if err != nil {
		return err
	}
	v, text, err := run(t, o)
	if err != nil {
		return err
	}
	if o.json {
		return writeJSON(stdout, v)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	text(tw)
	return tw.Flush()
}

type statsRun func(t *ingest.Columns, o statsOpts) (any, func(w io.Writer), error)

var statsCommands map[string]statsRun

func init() {
	register(command{
		name: "stats", args: "COMMAND FILE --column NAME [--json] [...]", noDB: true,
		summary: "statistics and control charts on one column of a CSV/XLSX (describe, xmr, xbar-r, xbar-s, p, c, u, ewma, cusum, trend, corr, ttest, mannwhitney, power)",
		run: func(e *env, args []string) error {
			if e.json { // the global flag was taken off; runStats reads its own
				args = append(args, "--json")
			}
			return runStats(args, e.stdout)
		},
	})
	statsCommands = map[string]statsRun{
		"describe":    statsDescribe,
		"xmr":         statsXmR,
		"xbar-r":      statsSubgroups,
		"xbar-s":      statsSubgroups,
		"p":           statsAttribute,
		"c":           statsAttribute,
		"u":           statsAttribute,
		"ewma":        statsEWMA,
		"cusum":       statsCUSUM,
		"trend":       statsTrend,
		"corr":        statsCorr,
		"ttest":       statsTwoSample,
		"mannwhitney": statsTwoSample,
	}
}

// jnum is a float that encodes NaN and ±Inf as JSON null.
type jnum float64

func (f jnum) MarshalJSON() ([]byte, error) {
	v := float64(f)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(v)
}

func jnums(x []float64) []jnum {
	out := make([]jnum, len(x))
	for i, v := range x {
		out[i] = jnum(v)
	}
	return out
}

// fmtNum prints a number for the text output (see internal/plain).
func fmtNum(v float64) string {
	if math.IsNaN(v) {
		return "—"
	}
	return plain.Number(v)
}

// fmtP prints a p-value: four decimals, or "< 0.0001".
func fmtP(p float64) string {
	if math.IsNaN(p) {
		return "—"
	}
	return plain.PValue(p)
}

// parseRange parses "A..B" (1-based, inclusive).
func parseRange(flagName, s string) (stats.Range, error) {
	a, b, ok := strings.Cut(s, "..")
	if !ok {
		return stats.Range{}, usageError("--%s %q: want A..B", flagName, s)
	}
	from, err1 := strconv.Atoi(strings.TrimSpace(a))
	to, err2 := strconv.Atoi(strings.TrimSpace(b))
	if err1 != nil || err2 != nil || from < 1 || to < from {
		return stats.Range{}, usageError("--%s %q: want A..B with 1 ≤ A ≤ B", flagName, s)
	}
	return stats.Range{From: from, To: to}, nil
}

func (o statsOpts) chartOptions() (stats.ChartOptions, error) {
	var c stats.ChartOptions
	var err error
	if o.baseline != "" {
		if c.Baseline, err = parseRange("baseline", o.baseline); err != nil {
			return c, err
		}
	}
	c.Rules, err = stats.ParseRuleSet(o.rules)
	if err != nil {
		return c, usageError("--rules %q: want nelson, we or none", o.rules)
	}
	return c, nil
}

// statsErr adds the file name to errors from the stats package.
func statsErr(t *ingest.Columns, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", t.File, err)
}

// ---- describe ----

type describeJSON struct {
	N         int  `json:"n"`
	Mean      jnum `json:"mean"`
	SD        jnum `json:"sd"`
	Min       jnum `json:"min"`
	Max       jnum `json:"max"`
	Median    jnum `json:"median"`
	P05       jnum `json:"p05"`
	P95       jnum `json:"p95"`
	P99       jnum `json:"p99"`
	Autocorr1 jnum `json:"autocorr1"`
}

func statsDescribe(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	x, err := t.Floats(o.column)
	if err != nil {
		return nil, nil, err
	}
	s, err := stats.Describe(x)
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	v := describeJSON{s.N, jnum(s.Mean), jnum(s.SD), jnum(s.Min), jnum(s.Max), jnum(s.Median),
		jnum(s.P05), jnum(s.P95), jnum(s.P99), jnum(s.Autocorr1)}
	return v, func(w io.Writer) {
		fmt.Fprintf(w, "column\t%s\n", o.column)
		fmt.Fprintf(w, "n\t%d\n", s.N)
		for _, r := range []struct {
			k string
			v float64
		}{{"mean", s.Mean}, {"sd", s.SD}, {"min", s.Min}, {"max", s.Max}, {"median", s.Median},
			{"p05", s.P05}, {"p95", s.P95}, {"p99", s.P99}, {"autocorr1", s.Autocorr1}} {
			fmt.Fprintf(w, "%s\t%s\n", r.k, fmtNum(r.v))
		}
	}, nil
}

// ---- charts ----

type violationJSON struct {
	Rule        string `json:"rule"`
	Index       int    `json:"index"`
	Span        [2]int `json:"span"`
	Description string `json:"description"`
}

type chartJSON struct {
	Chart      string          `json:"chart"`
	Center     any             `json:"center"`
	LCL        any             `json:"lcl"`
	UCL        any             `json:"ucl"`
	Sigma      jnum            `json:"sigma"`
	Points     []jnum          `json:"points"`
	Violations []violationJSON `json:"violations"`
	Baseline   *[2]int         `json:"baseline,omitempty"`

	MRBar        *jnum           `json:"mr_bar,omitempty"`
	MRUCL        *jnum           `json:"mr_ucl,omitempty"`
	MRPoints     []jnum          `json:"mr_points,omitempty"`
	MRViolations []violationJSON `json:"mr_violations,omitempty"`

	Sizes  []int      `json:"sizes,omitempty"`
	R      *chartJSON `json:"r,omitempty"`
	S      *chartJSON `json:"s,omitempty"`
	CPlus  []jnum     `json:"c_plus,omitempty"`
	CMinus []jnum     `json:"c_minus,omitempty"`
	Lambda *jnum      `json:"lambda,omitempty"`
	L      *jnum      `json:"L,omitempty"`
	K      *jnum      `json:"k,omitempty"`
	H      *jnum      `json:"h,omitempty"`
}

// limitJSON gives a number when the line is the same for every point, else an array.
func limitJSON(v []float64) any {
	if len(v) == 0 {
		return nil
	}
	for _, x := range v {
		if x != v[0] {
			return jnums(v)
		}
	}
	return jnum(v[0])
}

func violationsJSON(vs []stats.Violation) []violationJSON {
	out := make([]violationJSON, 0, len(vs))
	for _, v := range vs {
		out = append(out, violationJSON{v.Rule, v.Index, v.Span, v.Description})
	}
	return out
}

func toChartJSON(c stats.Chart, b stats.Range) *chartJSON {
	j := &chartJSON{
		Chart: c.Kind, Center: limitJSON(c.Center), LCL: limitJSON(c.LCL), UCL: limitJSON(c.UCL),
		Sigma: jnum(c.Sigma), Points: jnums(c.Points), Violations: violationsJSON(c.Violations),
	}
	if b.From > 0 {
		j.Baseline = &[2]int{b.From, b.To}
	}
	return j
}

func ptr(v float64) *jnum { j := jnum(v); return &j }

// chartText prints the limits and the violations of a chart.
func chartText(w io.Writer, title string, c stats.Chart) {
	fmt.Fprintf(w, "%s chart\t%d points\n", title, len(c.Points))
	if c.Varying {
		fmt.Fprintf(w, "  centre\t%s\t(limits vary by point; first point: LCL %s, UCL %s)\n",
			fmtNum(c.CL()), fmtNum(c.LowerLimit()), fmtNum(c.UpperLimit()))
	} else {
		fmt.Fprintf(w, "  centre\t%s\n  LCL\t%s\n  UCL\t%s\n", fmtNum(c.CL()), fmtNum(c.LowerLimit()), fmtNum(c.UpperLimit()))
	}
	fmt.Fprintf(w, "  sigma\t%s\n", fmtNum(c.Sigma))
	violationsText(w, c.Violations)
}

func violationsText(w io.Writer, vs []stats.Violation) {
	if len(vs) == 0 {
		fmt.Fprintln(w, "  violations\tnone")
		return
	}
	fmt.Fprintf(w, "  violations\t%d\n", len(vs))
	for _, v := range vs {
		span := fmt.Sprintf("points %d–%d", v.Span[0], v.Span[1])
		if v.Span[0] == v.Span[1] {
			span = fmt.Sprintf("point %d", v.Span[0])
		}
		fmt.Fprintf(w, "  point %d\t%s\t%s: %s\n", v.Index, v.Rule, span, v.Description)
	}
}

func statsXmR(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	co, err := o.chartOptions()
	if err != nil {
		return nil, nil, err
	}
	x, err := t.Floats(o.column)
	if err != nil {
		return nil, nil, err
	}
	c, err := stats.XmR(x, co)
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	j := toChartJSON(c.X, co.Baseline)
	j.MRBar, j.MRUCL = ptr(c.MRBar), ptr(c.MRUCL)
	j.MRPoints = jnums(c.MR.Points)
	j.MRViolations = violationsJSON(c.MR.Violations)
	return j, func(w io.Writer) {
		chartText(w, "individuals ("+o.column+")", c.X)
		fmt.Fprintf(w, "moving range\tMR̄ %s\tUCL %s\n", fmtNum(c.MRBar), fmtNum(c.MRUCL))
		violationsText(w, c.MR.Violations)
	}, nil
}

// subgroups splits a column into subgroups by a subgroup column (a new group
// whenever the value changes) or by a fixed size of consecutive rows.
func subgroups(t *ingest.Columns, o statsOpts) ([][]float64, error) {
	x, err := t.Floats(o.column)
	if err != nil {
		return nil, err
	}
	switch {
	case o.subgroup != "" && o.size > 0:
		return nil, usageError("give --subgroup or --size, not both")
	case o.subgroup != "":
		keys, err := t.Strings(o.subgroup)
		if err != nil {
			return nil, err
		}
		var groups [][]float64
		for i, k := range keys {
			if i == 0 || k != keys[i-1] {
				groups = append(groups, nil)
			}
			groups[len(groups)-1] = append(groups[len(groups)-1], x[i])
		}
		return groups, nil
	case o.size > 0:
		if len(x)%o.size != 0 {
			return nil, fmt.Errorf("%s: %d values do not split into subgroups of %d", t.File, len(x), o.size)
		}
		var groups [][]float64
		for i := 0; i < len(x); i += o.size {
			groups = append(groups, x[i:i+o.size])
		}
		return groups, nil
	}
	return nil, usageError("give --subgroup COLUMN or --size N")
}

func statsSubgroups(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	co, err := o.chartOptions()
	if err != nil {
		return nil, nil, err
	}
	groups, err := subgroups(t, o)
	if err != nil {
		return nil, nil, err
	}
	useS := o.cmd == "xbar-s"
	var c stats.SubgroupChart
	if useS {
		c, err = stats.XbarS(groups, co)
	} else {
		c, err = stats.XbarR(groups, co)
	}
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	j := toChartJSON(c.Xbar, co.Baseline)
	j.Sizes = c.Sizes
	spread := toChartJSON(c.Spread, co.Baseline)
	name := "range"
	if useS {
		j.S, name = spread, "standard deviation"
	} else {
		j.R = spread
	}
	return j, func(w io.Writer) {
		chartText(w, "X̄ ("+o.column+")", c.Xbar)
		chartText(w, name, c.Spread)
	}, nil
}

func statsAttribute(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	co, err := o.chartOptions()
	if err != nil {
		return nil, nil, err
	}
	counts, err := t.Floats(o.column)
	if err != nil {
		return nil, nil, err
	}
	var sizes []float64
	if o.cmd != "c" {
		if o.nCol == "" {
			return nil, nil, usageError("stats %s needs --n COLUMN (sample sizes)", o.cmd)
		}
		if sizes, err = t.Floats(o.nCol); err != nil {
			return nil, nil, err
		}
	}
	var c stats.Chart
	switch o.cmd {
	case "p":
		c, err = stats.PChart(counts, sizes, co)
	case "u":
		c, err = stats.UChart(counts, sizes, co)
	default:
		c, err = stats.CChart(counts, co)
	}
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	return toChartJSON(c, co.Baseline), func(w io.Writer) {
		chartText(w, o.cmd+" ("+o.column+")", c)
	}, nil
}

func statsEWMA(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	co, err := o.chartOptions()
	if err != nil {
		return nil, nil, err
	}
	x, err := t.Floats(o.column)
	if err != nil {
		return nil, nil, err
	}
	eo := stats.EWMAOptions{Lambda: o.lambda, L: o.L, Sigma: o.sigma, Baseline: co.Baseline}
	if o.sigma > 0 {
		if !o.targetSet {
			return nil, nil, usageError("--sigma needs --target (the in-control mean)")
		}
		eo.Center = o.target
	}
	c, err := stats.EWMA(x, eo)
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	j := toChartJSON(c, co.Baseline)
	j.Lambda, j.L = ptr(o.lambda), ptr(o.L)
	return j, func(w io.Writer) {
		fmt.Fprintf(w, "λ\t%s\nL\t%s\n", fmtNum(o.lambda), fmtNum(o.L))
		chartText(w, "EWMA ("+o.column+")", c)
	}, nil
}

func statsCUSUM(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	co, err := o.chartOptions()
	if err != nil {
		return nil, nil, err
	}
	x, err := t.Floats(o.column)
	if err != nil {
		return nil, nil, err
	}
	cu := stats.CUSUMOptions{K: o.k, H: o.h, Sigma: o.sigma, Baseline: co.Baseline}
	if o.sigma > 0 {
		if !o.targetSet {
			return nil, nil, usageError("--sigma needs --target (the in-control mean)")
		}
		cu.Target = o.target
	}
	c, err := stats.CUSUM(x, cu)
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	j := toChartJSON(c.Chart, co.Baseline)
	j.CPlus, j.CMinus = jnums(c.CPlus), jnums(c.CMinus)
	j.K, j.H = ptr(o.k), ptr(o.h)
	return j, func(w io.Writer) {
		fmt.Fprintf(w, "CUSUM (%s)\t%d points\n", o.column, len(x))
		fmt.Fprintf(w, "  target\t%s\n  sigma\t%s\n  k\t%s σ\n  h\t%s σ = %s\n",
			fmtNum(c.CL()), fmtNum(c.Sigma), fmtNum(o.k), fmtNum(o.h), fmtNum(c.UpperLimit()))
		violationsText(w, c.Violations)
	}, nil
}

// ---- trend ----

type breachJSON struct {
	Target      jnum  `json:"target"`
	Crosses     bool  `json:"crosses"`
	At          *jnum `json:"at"`
	Future      bool  `json:"future"`
	Approaching bool  `json:"approaching"`
}

type trendJSON struct {
	N                 int         `json:"n"`
	Slope             jnum        `json:"slope"`
	SlopeCI           [2]jnum     `json:"slope_ci"`
	Intercept         jnum        `json:"intercept"`
	R2                jnum        `json:"r2"`
	TheilSen          jnum        `json:"theil_sen"`
	TheilSenIntercept jnum        `json:"theil_sen_intercept"`
	MannKendallS      jnum        `json:"mann_kendall_s"`
	MannKendallZ      jnum        `json:"mann_kendall_z"`
	MannKendallP      jnum        `json:"mann_kendall_p"`
	TimeToBreach      *breachJSON `json:"time_to_breach,omitempty"`
}

func statsTrend(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	y, err := t.Floats(o.column)
	if err != nil {
		return nil, nil, err
	}
	x := make([]float64, len(y))
	if o.xCol != "" {
		if x, err = t.Floats(o.xCol); err != nil {
			return nil, nil, err
		}
	} else {
		for i := range x {
			x[i] = float64(i + 1)
		}
	}
	tr, err := stats.FitTrend(x, y)
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	j := trendJSON{N: tr.N, Slope: jnum(tr.Slope), SlopeCI: [2]jnum{jnum(tr.SlopeCI[0]), jnum(tr.SlopeCI[1])},
		Intercept: jnum(tr.Intercept), R2: jnum(tr.R2), TheilSen: jnum(tr.TheilSen), TheilSenIntercept: jnum(tr.TheilSenIntercept),
		MannKendallS: jnum(tr.MannKendall.S), MannKendallZ: jnum(tr.MannKendall.Z), MannKendallP: jnum(tr.MannKendall.P)}
	var b stats.Breach
	if o.targetSet {
		now := x[0]
		for _, v := range x {
			now = math.Max(now, v)
		}
		b = stats.TimeToBreach(tr.Slope, tr.Intercept, o.target, now)
		j.TimeToBreach = &breachJSON{Target: jnum(o.target), Crosses: b.Crosses, Future: b.Future, Approaching: b.Approaching}
		if b.Crosses {
			j.TimeToBreach.At = ptr(b.At)
		}
	}
	return j, func(w io.Writer) {
		fmt.Fprintf(w, "trend of\t%s (%d points)\n", o.column, tr.N)
		fmt.Fprintf(w, "OLS slope\t%s\t95%% CI [%s, %s]\n", fmtNum(tr.Slope), fmtNum(tr.SlopeCI[0]), fmtNum(tr.SlopeCI[1]))
		fmt.Fprintf(w, "intercept\t%s\tR² %s\n", fmtNum(tr.Intercept), fmtNum(tr.R2))
		fmt.Fprintf(w, "Theil–Sen slope\t%s\tintercept %s\n", fmtNum(tr.TheilSen), fmtNum(tr.TheilSenIntercept))
		fmt.Fprintf(w, "Mann–Kendall\tS %s\tz %s\tp %s\n", fmtNum(tr.MannKendall.S), fmtNum(tr.MannKendall.Z), fmtP(tr.MannKendall.P))
		if o.targetSet {
			switch {
			case !b.Crosses:
				fmt.Fprintf(w, "time to breach\tflat trend: never reaches %s\n", fmtNum(o.target))
			case b.Future:
				fmt.Fprintf(w, "time to breach\treaches %s at x = %s (approaching)\n", fmtNum(o.target), fmtNum(b.At))
			default:
				fmt.Fprintf(w, "time to breach\tcrossed %s at x = %s (moving away from it)\n", fmtNum(o.target), fmtNum(b.At))
			}
		}
	}, nil
}

// ---- correlation ----

type lagJSON struct {
	Lag int  `json:"lag"`
	R   jnum `json:"r"`
}

type corrJSON struct {
	N         int       `json:"n"`
	Pearson   jnum      `json:"pearson"`
	PearsonP  jnum      `json:"pearson_p"`
	Spearman  jnum      `json:"spearman"`
	SpearmanP jnum      `json:"spearman_p"`
	Lags      []lagJSON `json:"lags,omitempty"`
	BestLag   *int      `json:"best_lag,omitempty"`
	BestR     *jnum     `json:"best_r,omitempty"`
	Leads     string    `json:"leads,omitempty"`
}

func statsCorr(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	if o.with == "" {
		return nil, nil, usageError("stats corr needs --with COLUMN")
	}
	x, err := t.Floats(o.column)
	if err != nil {
		return nil, nil, err
	}
	y, err := t.Floats(o.with)
	if err != nil {
		return nil, nil, err
	}
	p, err := stats.Pearson(x, y)
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	s, err := stats.Spearman(x, y)
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	j := corrJSON{N: p.N, Pearson: jnum(p.R), PearsonP: jnum(p.P), Spearman: jnum(s.R), SpearmanP: jnum(s.P)}
	if o.lags > 0 {
		cc, err := stats.CrossCorrelation(x, y, o.lags)
		if err != nil {
			return nil, nil, statsErr(t, err)
		}
		for i, l := range cc.Lags {
			j.Lags = append(j.Lags, lagJSON{l, jnum(cc.R[i])})
		}
		j.BestLag, j.BestR = &cc.BestLag, ptr(cc.BestR)
		switch {
		case cc.BestLag > 0:
			j.Leads = fmt.Sprintf("%s leads %s by %d", o.column, o.with, cc.BestLag)
		case cc.BestLag < 0:
			j.Leads = fmt.Sprintf("%s leads %s by %d", o.with, o.column, -cc.BestLag)
		default:
			j.Leads = "strongest at lag 0 (no lead)"
		}
	}
	return j, func(w io.Writer) {
		fmt.Fprintf(w, "%s vs %s\t%d pairs\n", o.column, o.with, p.N)
		fmt.Fprintf(w, "Pearson r\t%s\tp %s\n", fmtNum(p.R), fmtP(p.P))
		fmt.Fprintf(w, "Spearman ρ\t%s\tp %s\n", fmtNum(s.R), fmtP(s.P))
		if j.BestLag != nil {
			fmt.Fprintf(w, "cross-correlation\tbest lag %d\tr %s\t%s\n", *j.BestLag, fmtNum(float64(*j.BestR)), j.Leads)
		}
	}, nil
}

// ---- two-sample tests ----

type testJSON struct {
	Test         string   `json:"test"`
	Groups       []string `json:"groups"`
	Statistic    jnum     `json:"statistic"`
	DF           *jnum    `json:"df,omitempty"`
	PValue       jnum     `json:"p_value"`
	Exact        bool     `json:"exact,omitempty"`
	Estimate     jnum     `json:"estimate"`
	EstimateName string   `json:"estimate_name"`
	CI           [2]jnum  `json:"ci"`
	EffectSize   jnum     `json:"effect_size"`
	EffectName   string   `json:"effect_name"`
	CohenD       jnum     `json:"cohen_d"`
	N1           int      `json:"n1"`
	N2           int      `json:"n2"`
	Mean1        jnum     `json:"mean1"`
	Mean2        jnum     `json:"mean2"`
	Alpha        jnum     `json:"alpha"`
	MinN         *int     `json:"min_n_per_group"`
	EnoughData   bool     `json:"enough_data"`
	Verdict      string   `json:"verdict"`
}

// twoSamples returns the first and second sample (by group value in order of
// first appearance, or the --before and --after row ranges) and their names.
func twoSamples(t *ingest.Columns, o statsOpts) (a, b []float64, names []string, err error) {
	x, err := t.Floats(o.column)
	if err != nil {
		return nil, nil, nil, err
	}
	switch {
	case o.group != "" && (o.before != "" || o.after != ""):
		return nil, nil, nil, usageError("give --group or --before/--after, not both")
	case o.group != "":
		g, err := t.Strings(o.group)
		if err != nil {
			return nil, nil, nil, err
		}
		for i, k := range g {
			idx := -1
			for j, n := range names {
				if n == k {
					idx = j
				}
			}
			if idx < 0 {
				if len(names) == 2 {
					return nil, nil, nil, fmt.Errorf("%s: column %q has more than two groups (%q, %q, %q ...)",
						t.Where(t.RowNum[i], o.group), o.group, names[0], names[1], k)
				}
				names = append(names, k)
				idx = len(names) - 1
			}
			if idx == 0 {
				a = append(a, x[i])
			} else {
				b = append(b, x[i])
			}
		}
		if len(names) < 2 {
			return nil, nil, nil, fmt.Errorf("%s: column %q needs exactly two groups", t.File, o.group)
		}
		return a, b, names, nil
	case o.before != "" && o.after != "":
		rb, err := parseRange("before", o.before)
		if err != nil {
			return nil, nil, nil, err
		}
		ra, err := parseRange("after", o.after)
		if err != nil {
			return nil, nil, nil, err
		}
		if rb.To > len(x) || ra.To > len(x) {
			return nil, nil, nil, fmt.Errorf("%s: range beyond the %d data rows", t.File, len(x))
		}
		return x[rb.From-1 : rb.To], x[ra.From-1 : ra.To], []string{"before " + o.before, "after " + o.after}, nil
	}
	return nil, nil, nil, usageError("stats %s needs --group COLUMN or --before A..B --after C..D", o.cmd)
}

func statsTwoSample(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	a, b, names, err := twoSamples(t, o)
	if err != nil {
		return nil, nil, err
	}
	if !(o.alpha > 0 && o.alpha < 1) || !(o.power > 0 && o.power < 1) {
		return nil, nil, usageError("--alpha and --power must lie between 0 and 1")
	}
	// The estimate is second − first (after − before).
	var r stats.TestResult
	estName := "mean difference (" + names[1] + " − " + names[0] + ")"
	if o.cmd == "ttest" {
		r, err = stats.WelchTTest(b, a, 1-o.alpha)
	} else {
		r, err = stats.MannWhitney(b, a)
		estName = "Hodges–Lehmann shift (" + names[1] + " − " + names[0] + ")"
	}
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	j := testJSON{Test: r.Test, Groups: names, Statistic: jnum(r.Statistic), PValue: jnum(r.P), Exact: r.Exact,
		Estimate: jnum(r.Estimate), EstimateName: estName, CI: [2]jnum{jnum(r.CI[0]), jnum(r.CI[1])},
		EffectSize: jnum(r.EffectSize), EffectName: r.EffectName, CohenD: jnum(r.CohenD),
		N1: len(a), N2: len(b), Mean1: jnum(stats.Mean(a)), Mean2: jnum(stats.Mean(b)), Alpha: jnum(o.alpha)}
	if !math.IsNaN(r.DF) {
		j.DF = ptr(r.DF)
	}
	d := o.effect
	if d == 0 {
		d = r.CohenD
	}
	if n, err := stats.SampleSizeMeans(d, o.alpha, o.power); err == nil {
		if o.cmd == "mannwhitney" {
			n = int(math.Ceil(float64(n) / stats.ARE))
		}
		j.MinN = &n
		var msg string
		j.EnoughData, msg = stats.Enough(len(a), len(b), n)
		switch {
		case !j.EnoughData:
			j.Verdict = msg
		case r.P < o.alpha:
			j.Verdict = fmt.Sprintf("significant difference (p < %s)", fmtNum(o.alpha))
		default:
			j.Verdict = fmt.Sprintf("no significant difference (p ≥ %s)", fmtNum(o.alpha))
		}
	} else {
		j.Verdict = "no difference observed: give --effect d to plan the sample size"
	}
	return j, func(w io.Writer) {
		fmt.Fprintf(w, "test\t%s\n", r.Test)
		fmt.Fprintf(w, "groups\t%s (n %d, mean %s)\t%s (n %d, mean %s)\n", names[0], len(a), fmtNum(stats.Mean(a)), names[1], len(b), fmtNum(stats.Mean(b)))
		if j.DF != nil {
			fmt.Fprintf(w, "statistic\t%s\tdf %s\n", fmtNum(r.Statistic), fmtNum(r.DF))
		} else {
			fmt.Fprintf(w, "statistic\t%s\n", fmtNum(r.Statistic))
		}
		exact := ""
		if r.Exact {
			exact = " (exact)"
		}
		fmt.Fprintf(w, "p-value\t%s%s\n", fmtP(r.P), exact)
		fmt.Fprintf(w, "%s\t%s\tCI [%s, %s]\n", estName, fmtNum(r.Estimate), fmtNum(r.CI[0]), fmtNum(r.CI[1]))
		fmt.Fprintf(w, "effect size\t%s %s\n", r.EffectName, fmtNum(r.EffectSize))
		if j.MinN != nil {
			fmt.Fprintf(w, "min n per group\t%d\t(power %s, alpha %s)\n", *j.MinN, fmtNum(o.power), fmtNum(o.alpha))
		}
		fmt.Fprintf(w, "verdict\t%s\n", j.Verdict)
	}, nil
}

// ---- power ----

type powerJSON struct {
	Test         string `json:"test"`
	Effect       *jnum  `json:"effect,omitempty"`
	P1           *jnum  `json:"p1,omitempty"`
	P2           *jnum  `json:"p2,omitempty"`
	Alpha        jnum   `json:"alpha"`
	Power        jnum   `json:"power"`
	MinNPerGroup int    `json:"min_n_per_group"`
}

func statsPower(o statsOpts, stdout io.Writer) error {
	j := powerJSON{Alpha: jnum(o.alpha), Power: jnum(o.power)}
	var err error
	switch {
	case o.effect != 0 && (o.p1 != 0 || o.p2 != 0):
		return usageError("give --effect d or --p1/--p2, not both")
	case o.effect != 0:
		j.Test, j.Effect = "means", ptr(o.effect)
		j.MinNPerGroup, err = stats.SampleSizeMeans(o.effect, o.alpha, o.power)
	case o.p1 != 0 || o.p2 != 0:
		j.Test, j.P1, j.P2 = "proportions", ptr(o.p1), ptr(o.p2)
		j.MinNPerGroup, err = stats.SampleSizeProportions(o.p1, o.p2, o.alpha, o.power)
	default:
		return usageError("stats power needs --effect d, or --p1 P --p2 P")
	}
	if err != nil {
		return usageError("stats power: %v", err)
	}
	if o.json {
		return writeJSON(stdout, j)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	if j.Effect != nil {
		fmt.Fprintf(tw, "effect (Cohen d)\t%s\n", fmtNum(o.effect))
	} else {
		fmt.Fprintf(tw, "proportions\t%s vs %s\n", fmtNum(o.p1), fmtNum(o.p2))
	}
	fmt.Fprintf(tw, "alpha\t%s (two-sided)\npower\t%s\nmin n per group\t%d\n", fmtNum(o.alpha), fmtNum(o.power), j.MinNPerGroup)
	return tw.Flush()
}
