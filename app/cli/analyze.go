package cli

import (
	"flag"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"slate/app"
	"slate/internal/analysis"
	"slate/internal/plain"
)

func init() {
	register(command{name: "analyze", args: "SLT [--from P] [--to P] [--baseline P..P] [--tier T] [--chart xmr|p|laney-p] [--rules nelson|we] [--at TIME]",
		summary: "control chart, run rules, trend, time to breach, seasonality and verdict for one SLT", run: runAnalyze, readOnly: true})
}

func runAnalyze(e *env, args []string) error {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	var q app.AnalyzeQuery
	fs.StringVar(&q.From, "from", "", "first period (key: 2026-01, 2026-Q1, 2026-W07, 2026-01-05)")
	fs.StringVar(&q.To, "to", "", "last period")
	fs.StringVar(&q.Baseline, "baseline", "", "periods that set the control limits, FIRST..LAST")
	fs.StringVar(&q.Tier, "tier", "", "one tier of a tiered SLT")
	fs.StringVar(&q.Chart, "chart", "", "xmr, p or laney-p (default: laney-p for ratio SLTs with counts, else xmr)")
	fs.StringVar(&q.Rules, "rules", "", "run rules: nelson (default) or we")
	fs.StringVar(&q.At, "at", "", "evaluate as of this time (RFC 3339 or date; default now)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("name one SLT")
	}
	q.SLT = pos[0]
	res, err := e.app.Analysis.SLT(q)
	if err != nil {
		return err
	}
	return e.emit(res, func(w io.Writer) { printAnalysis(w, res) })
}

func printAnalysis(w io.Writer, res app.SLTAnalysis) {
	d, r := res.Definition, res.Analysis
	fv := func(v float64) string { return fmtValue(r, v) }
	title := d.Name
	if d.DisplayName != "" && d.DisplayName != d.Name {
		title += " — " + d.DisplayName
	}
	if d.Tier != "" {
		title += " (tier " + d.Tier + ")"
	}
	fmt.Fprintln(w, title)
	obj := d.Objective
	if obj == "" {
		obj = "per tier (no single target; use --tier)"
	}
	fmt.Fprintf(w, "%s %s, owner %s, objective %s, period %s (%s)\n", d.Type, ind(d), dash(d.Owner), obj, d.Period, d.TimeZone)
	if d.Supplier != "" {
		fmt.Fprintf(w, "supplier %s, feed %s\n", d.Supplier, d.Feed)
	}
	if a := d.Assumptions; a != nil {
		if a.ExpectedVolume != "" {
			fmt.Fprintln(w, "expected volume:", a.ExpectedVolume)
		}
		if len(a.Dependencies) > 0 {
			fmt.Fprintln(w, "depends on:", strings.Join(a.Dependencies, ", "))
		}
	}
	for _, l := range d.Escalation {
		fmt.Fprintf(w, "escalation %d after %s: %s (%s)\n", l.Level, l.After, l.Authority, l.Contact)
	}
	fmt.Fprintln(w)

	if c := r.Chart; c != nil {
		fmt.Fprintf(w, "control chart: %s\n", c.Why)
		base := fmt.Sprintf("%s..%s", r.Baseline.FromLabel, r.Baseline.ToLabel)
		if r.Baseline.All {
			base += " (all periods)"
		}
		if r.Baseline.Why != "" {
			fmt.Fprintf(w, "reference (phase I): %s\n", r.Baseline.Why)
		}
		if a := r.Adjustment; a != nil {
			fmt.Fprintln(w, a.Why)
		}
		fmt.Fprintf(w, "centre %s, sigma %s, baseline %s, rules %s", fv(c.Center), fmtDelta(r, c.Sigma), base, c.Rules)
		if c.Kind == analysis.ChartLaneyP {
			fmt.Fprintf(w, ", sigma_z %s", plain.Number(c.SigmaZ))
		}
		if c.Kind == analysis.ChartXmR {
			fmt.Fprintf(w, ", MR-bar %s, MR UCL %s", fmtDelta(r, c.MRBar), fmtDelta(r, c.MRUCL))
		}
		fmt.Fprintln(w)
		lo, hi := chartScale(r)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "PERIOD\tVALUE\tLCL\tCENTRE\tUCL\tTARGET\tRULES\t%s\n", axis(fv, lo, hi))
		for _, p := range c.Points {
			met := "-"
			if p.Met != nil {
				met = map[bool]string{true: "met", false: "MISSED"}[*p.Met]
			}
			label := p.Label
			if !p.InBaseline {
				label += " "
			} else if !r.Baseline.All {
				label += "b"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", label, fv(p.Value), fv(p.LCL), fv(p.Center), fv(p.UCL), met,
				dash(strings.Join(p.Rules, ",")), bar(p, r.Target, lo, hi))
		}
		tw.Flush()
		fmt.Fprintln(w, "chart: | control limits, : centre, T target, * value, X value that completes a rule")
		if !r.Baseline.All {
			fmt.Fprintln(w, "b: period in the baseline")
		}
		for _, v := range c.Violations {
			fmt.Fprintf(w, "  %s at %s (%s to %s): %s\n", v.Rule, v.Label, v.SpanLabels[0], v.SpanLabels[1], v.Description)
		}
		fmt.Fprintln(w)
	}
	for _, s := range r.Skipped {
		fmt.Fprintf(w, "left out: %s (%s)\n", s.Label, s.Reason)
	}
	if t := r.Trend; t != nil {
		fmt.Fprintf(w, "trend (per %s): OLS slope %s, 95%% CI %s to %s, Theil–Sen %s, Mann–Kendall S %s %s, R² %s — %s\n",
			per(r.PeriodKind), fmtDelta(r, t.Slope), fmtDelta(r, t.SlopeCI[0]), fmtDelta(r, t.SlopeCI[1]), fmtDelta(r, t.TheilSen),
			plain.Number(t.MannKendallS), plain.P(t.MannKendallP), plain.Grouped(t.R2, 3), map[bool]string{true: "significant", false: "not significant"}[t.Significant])
	}
	fmt.Fprintf(w, "time to breach: %s (%s)\n", r.Breach.Message, r.Breach.Status)
	if s := r.Seasonality; s != nil {
		fmt.Fprintf(w, "seasonality (%d hourly samples, index = group mean − overall mean %s):\n", s.Samples, fv(s.HourOfDay.Mean))
		for _, x := range []struct {
			name string
			si   *analysis.SeasonIndex
		}{{"hour of day", s.HourOfDay}, {"day of week", s.DayOfWeek}} {
			si := x.si
			p := "-"
			if si.P != nil {
				p = plain.PValue(*si.P)
			}
			fmt.Fprintf(w, "  %s: best %s, worst %s, range %s, ANOVA p %s\n", x.name, si.Best, si.Worst, fmtDelta(r, si.Amplitude), p)
			var cells []string
			for i, l := range si.Labels {
				if si.Weight[i] > 0 {
					cells = append(cells, l+" "+fmtDelta(r, si.Index[i]))
				}
			}
			fmt.Fprintf(w, "    %s\n", strings.Join(cells, "  "))
		}
	}
	if b := r.Band; b != nil {
		fmt.Fprintf(w, "baseline band (rolling median of the previous %d periods, %s–%s percentile):", b.Window, plain.Number(b.Lower*100), plain.Number(b.Upper*100))
		if b.Next.Center != nil {
			fmt.Fprintf(w, " next period %s expected %s (%s to %s)", b.Next.Label, fv(*b.Next.Center), fv(*b.Next.Lower), fv(*b.Next.Upper))
		}
		fmt.Fprintln(w)
		if len(b.Outside) > 0 {
			fmt.Fprintf(w, "  outside their band: %s\n", strings.Join(b.Outside, ", "))
		}
	}
	fmt.Fprintf(w, "\nverdict (%s): %s\n", r.Verdict.Status, r.Verdict.Text)
	for _, d := range r.Verdict.Details {
		fmt.Fprintln(w, "  -", d)
	}
}

func ind(d app.AnalysisDefinition) string {
	if d.Statistic != "" {
		return d.Indicator + " (" + d.Statistic + ")"
	}
	return d.Indicator
}

func per(kind string) string {
	switch kind {
	case "day", "rolling":
		return "day"
	case "":
		return "month"
	}
	return kind
}

// fmtValue prints a value: a percentage for ratio SLTs, else with its unit.
func fmtValue(r analysis.Result, v float64) string { return plain.Value(v, r.Ratio, r.Unit) }

// fmtDelta prints a difference or slope: percentage points for ratio SLTs.
func fmtDelta(r analysis.Result, v float64) string {
	if r.Ratio {
		return plain.Points(v)
	}
	return plain.Quantity(v, r.Unit)
}

const barWidth = 41

// chartScale is the value range the ASCII chart spans: every value and limit
// (and the target when it is close), padded a little.
func chartScale(r analysis.Result) (float64, float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range r.Chart.Points {
		lo = min(lo, p.Value, p.LCL)
		hi = max(hi, p.Value, p.UCL)
	}
	if t := r.Target; t != nil && *t >= lo-(hi-lo) && *t <= hi+(hi-lo) {
		lo, hi = min(lo, *t), max(hi, *t)
	}
	pad := (hi - lo) * 0.02
	if pad == 0 {
		pad = math.Max(math.Abs(hi)*0.01, 1e-9)
	}
	return lo - pad, hi + pad
}

func col(v, lo, hi float64) int {
	c := int(math.Round((v - lo) / (hi - lo) * (barWidth - 1)))
	return min(max(c, 0), barWidth-1)
}

func axis(fv func(float64) string, lo, hi float64) string {
	l, h := fv(lo), fv(hi)
	gap := max(1, barWidth-len(l)-len(h))
	return l + strings.Repeat(" ", gap) + h
}

func bar(p analysis.ChartPoint, target *float64, lo, hi float64) string {
	b := []rune(strings.Repeat(" ", barWidth))
	b[col(p.LCL, lo, hi)] = '|'
	b[col(p.UCL, lo, hi)] = '|'
	b[col(p.Center, lo, hi)] = ':'
	if target != nil && *target >= lo && *target <= hi {
		b[col(*target, lo, hi)] = 'T'
	}
	mark := '*'
	if len(p.Rules) > 0 {
		mark = 'X'
	}
	b[col(p.Value, lo, hi)] = mark
	return strings.TrimRight(string(b), " ")
}
