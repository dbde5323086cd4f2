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
