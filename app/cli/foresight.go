package cli

import (
	"flag"
	"fmt"
	"io"
	"math"
	"text/tabwriter"
	"time"

	"slate/app"
	"slate/internal/plain"
)

func init() {
	register(
		command{name: "predict", args: "[--slt S] [--at TIME]",
			summary: "the chance that each SLT misses its current and next period, always with the walk-forward track record behind it (Brier score, skill against the baseline, AUC); when the model is not better than the baseline, the baseline's",
			run:     runPredict, readOnly: true},
		command{name: "predict backtest", args: "[--from P|TIME] [--at TIME]",
			summary: "the forecasts' track record: at each past decision point fit on what was known then, forecast, compare with what happened (Brier score, skill, AUC, reliability table)",
			run:     runBacktest, readOnly: true},
		command{name: "calibrate", args: "FEED [--from P|TIME] [--to P|TIME]",
			summary: "compare a feed with its reference feed (spec.calibrateAgainst): bias with its interval, MAE, Bland–Altman limits, Lin's concordance, good/bad agreement (kappa), attainment from the reference, drift of the bias by month",
			run:     runCalibrate, readOnly: true},
	)
}

func runPredict(e *env, args []string) error {
	fs := flag.NewFlagSet("predict", flag.ContinueOnError)
	q := app.PredictQuery{}
	fs.StringVar(&q.SLT, "slt", "", "only this SLT")
	fs.StringVar(&q.At, "at", "", "forecast as of this time (RFC 3339 or date; default now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fc, err := e.app.Foresight.Predict(q)
	if err != nil {
		return err
	}
	return e.emit(fc, func(w io.Writer) { printForecast(w, fc) })
}

// chance is a probability of a miss in words: "31% chance of missing".
func chance[F ~float64](p F) string {
	if !valid(p) {
		return "no forecast"
	}
	return plain.PercentN(float64(p), 0) + " chance of missing"
}

func printForecast(w io.Writer, fc app.Forecast) {
	fmt.Fprintf(w, "forecast as of %s\n", fc.At.Format(time.DateTime+" MST"))
	if fc.Status != "ok" {
		fmt.Fprintf(w, "%s: no probability without a track record\n", fc.Message)
		return
	}
	for _, r := range []app.TrackRecord{app.TrackRecord(fc.Current), app.TrackRecord(fc.Next)} {
		printTrack(w, r)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SLT\tPERIOD\tTHIS PERIOD\tNEXT\tNEXT PERIOD\tFROM")
	for _, t := range fc.Targets {
		name := t.SLT
		if t.Tier != "" {
			name += " / " + t.Tier
		}
		from := t.Current.Source
		if t.Next.Source != from {
			from += ", " + t.Next.Source
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", name, t.Period.Key, chance(t.Current.Probability), t.NextPeriod.Key, chance(t.Next.Probability), from)
	}
	tw.Flush()
	if len(fc.Skipped) > 0 {
		fmt.Fprintf(w, "not forecast: %s\n", list(fc.Skipped))
	}
}

// printTrack is a horizon's track record in two lines: the figures, then
// what they mean.
func printTrack(w io.Writer, r app.TrackRecord) {
	fmt.Fprintf(w, "track record, %s period: ", r.Horizon)
	if r.Status != "ok" {
		fmt.Fprintf(w, "%s\n", r.Message)
		return
	}
	span := fmt.Sprintf("%s in %s (%s missed)", plain.Counted(r.DecisionPoints, "decision point", "decision points"),
		plain.Counted(r.Periods, "period", "periods"), plain.Int(r.Missed))
	if r.Use == "model" {
		fmt.Fprintf(w, "model Brier %s (baseline %s), skill %s, AUC %s, over %s\n", brier(r.Model.Brier), brier(r.Baseline.Brier), skill(r.Skill), auc(r.Model.AUC), span)
	} else {
		fmt.Fprintf(w, "not better than the baseline: showing the baseline, Brier %s, AUC %s (model Brier %s, skill %s, %s), over %s\n",
			brier(r.Baseline.Brier), auc(r.Baseline.AUC), brier(r.Model.Brier), skill(r.Skill), plain.P(float64(r.SkillP)), span)
	}
}

func brier[F ~float64](v F) string {
	if !valid(v) {
		return "-"
	}
	return fmt.Sprintf("%.3f", float64(v))
}

func auc[F ~float64](v F) string { return brier(v) }

// skill is 1 − Brier(model)/Brier(baseline) as a signed percentage.
func skill[F ~float64](v F) string {
	if !valid(v) {
		return "-"
	}
	s := plain.PercentN(math.Abs(float64(v)), 0)
	if v < 0 {
		return "-" + s
	}
	return "+" + s
}

func runBacktest(e *env, args []string) error {
	fs := flag.NewFlagSet("predict backtest", flag.ContinueOnError)
	q := app.BacktestQuery{}
	fs.StringVar(&q.From, "from", "", "first decision point scored: a period key (2026-10) or a date or time (default: as soon as a model can be fitted)")
	fs.StringVar(&q.At, "at", "", "the backtest's end (default now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	bt, err := e.app.Foresight.Backtest(q)
	if err != nil {
		return err
	}
	return e.emit(bt, func(w io.Writer) {
		for i, r := range []app.TrackRecord{bt.Current, bt.Next} {
			if i > 0 {
				fmt.Fprintln(w)
			}
			printBacktest(w, r)
		}
	})
}

func printBacktest(w io.Writer, r app.TrackRecord) {
	fmt.Fprintf(w, "%s period\n", r.Horizon)
	if r.Status != "ok" {
		fmt.Fprintf(w, "  %s\n", r.Message)
		return
	}
	fmt.Fprintf(w, "  decision points %s to %s: %s over %s, %s missed (%s); model refitted %s\n",
		r.From.Format(time.DateOnly), r.To.Format(time.DateOnly), plain.Int(r.DecisionPoints),
		plain.Counted(r.Periods, "period", "periods"), plain.Int(r.Missed), plain.Counted(r.Targets, "target", "targets"), plain.Counted(r.Refits, "time", "times"))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  \tBRIER (lower is better)\tAUC (1 is perfect, 0.5 chance)")
	fmt.Fprintf(tw, "  model\t%s\t%s\n", brier(r.Model.Brier), auc(r.Model.AUC))
	fmt.Fprintf(tw, "  baseline\t%s\t%s\n", brier(r.Baseline.Brier), auc(r.Baseline.AUC))
	fmt.Fprintf(tw, "  always the past miss rate\t%s\t\n", brier(r.Climatology))
	tw.Flush()
	fmt.Fprintf(w, "  skill against the baseline %s (p = %s)\n", skill(r.Skill), plain.PValue(float64(r.SkillP)))
	if r.Use != "model" {
		fmt.Fprintln(w, "  not better than the baseline: showing the baseline")
	}
	fmt.Fprintf(w, "  %s\n", r.Verdict)
	sc, who := r.Model, "model"
	if r.Use != "model" {
		sc, who = r.Baseline, "baseline"
	}
	fmt.Fprintf(w, "  reliability (%s): forecast against how often the period was missed\n", who)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  FORECAST\tPOINTS\tMISSED\tMEAN FORECAST\tOBSERVED")
	for _, b := range sc.Reliability {
		if b.N == 0 {
			continue
		}
		fmt.Fprintf(tw, "  %s–%s\t%s\t%s\t%s\t%s\n", plain.PercentN(b.From, 0), plain.PercentN(b.To, 0), plain.Int(b.N), plain.Int(b.Events),
			share1(b.Predicted), share1(b.Observed))
	}
	tw.Flush()
}

func share1[F ~float64](v F) string {
	if !valid(v) {
		return "-"
	}
	return plain.PercentN(float64(v), 1)
}

func runCalibrate(e *env, args []string) error {
	fs := flag.NewFlagSet("calibrate", flag.ContinueOnError)
	q := app.CalibrateQuery{}
	fs.StringVar(&q.From, "from", "", "first time compared: a period key (its start), a date or an RFC 3339 time (default: all data)")
	fs.StringVar(&q.To, "to", "", "end, exclusive: a period key (its start), a date or a time (default now)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		feeds, err := e.app.Foresight.CalibratedFeeds()
		if err != nil {
			return err
		}
		var names []string
		for _, f := range feeds {
			names = append(names, f.Feed+" (against "+f.Reference+")")
		}
		if len(names) == 0 {
			return usageError("no feed has a reference; set spec.calibrateAgainst on a feed to the feed that measures the same quantity")
		}
		return usageError("name one feed; feeds with a reference: %s", list(names))
	}
	q.Feed = pos[0]
	c, err := e.app.Foresight.Calibrate(q)
	if err != nil {
		return err
	}
	return e.emit(c, func(w io.Writer) { printCalibration(w, c) })
}

// diff formats a difference of the two feeds: in the unit for value feeds,
// in percentage points for shares (counts and event feeds).
func diff[F ~float64](c app.Calibration, v F, signed bool) string {
	if !valid(v) {
		return "-"
	}
	var s string
	if c.Shape == "value" {
		s = plain.Quantity(float64(v), c.Unit)
	} else {
		s = plain.Points(float64(v))
	}
	if signed && v > 0 {
		s = "+" + s
	}
	return s
}

func ci[F ~float64](c app.Calibration, a [2]F) string {
	if !valid(a[0]) || !valid(a[1]) {
		return "-"
	}
	return "[" + diff(c, a[0], false) + ", " + diff(c, a[1], false) + "]"
}

func printCalibration(w io.Writer, c app.Calibration) {
	r := c.Result
	conf := plain.PercentN(r.Conf, 0)
	fmt.Fprintf(w, "%s against its reference %s, %s to %s, buckets of %s\n", c.Feed, c.Reference,
		day(c.From), day(c.To), time.Duration(c.BucketSeconds)*time.Second)
	al := c.Alignment
	fmt.Fprintf(w, "paired buckets: %s (unpaired: %s of the feed, %s of the reference)\n", plain.Int(r.N), plain.Int(al.UnpairedFeed), plain.Int(al.UnpairedRef))
	fmt.Fprintf(w, "differences are feed − reference: positive means the feed reads higher\n")
	fmt.Fprintf(w, "  bias (mean difference)    %s, %s CI %s\n", diff(c, r.Bias, true), conf, ci(c, r.BiasCI))
	fmt.Fprintf(w, "  MAE                       %s (RMSE %s)\n", diff(c, r.MAE, false), diff(c, r.RMSE, false))
	fmt.Fprintf(w, "  limits of agreement       %s to %s (Bland–Altman, %s of differences)\n", diff(c, r.LimitsOfAgreement[0], true), diff(c, r.LimitsOfAgreement[1], true), conf)
	fmt.Fprintf(w, "  Lin's concordance         %s (Pearson r %s; 1 is perfect agreement)\n", fixed4(r.CCC), fixed4(r.Pearson))
	if len(r.Classification) > 0 {
		fmt.Fprintln(w, "good/bad per bucket at each SLT's threshold:")
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  SLT\tRULE\tBOTH GOOD\tFEED GOOD, REF BAD\tFEED BAD, REF GOOD\tBOTH BAD\tAGREEMENT\tKAPPA")
		for _, k := range r.Classification {
			th := plain.Share(k.Threshold)
			if c.Shape == "value" && k.Rule != "share of good probes against the slice target" {
				th = plain.Quantity(k.Threshold, c.Unit)
			}
			fmt.Fprintf(tw, "  %s\t%s %s\t%s\t%s\t%s\t%s\t%s\t%s\n", k.Name, plain.Op(k.Op), th, plain.Int(k.BothGood), plain.Int(k.FeedGoodReferenceBad),
				plain.Int(k.FeedBadReferenceGood), plain.Int(k.BothBad), share1(k.Agreement), fixed4(k.Kappa))
		}
		tw.Flush()
	}
	if len(c.Attainment) > 0 {
		// the latest periods of each SLT and every period whose verdict differs
		keep, left := shownPeriods(len(c.Attainment), func(i int) (string, bool) {
			a := c.Attainment[i]
			return a.SLT + "/" + a.Tier, a.Differs
		}, 6)
		fmt.Fprintln(w, "attainment from the feed and from the reference:")
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  SLT\tPERIOD\tFROM THE FEED\tFROM THE REFERENCE\tDIFFERENCE\tVERDICT")
		for _, i := range keep {
			a := c.Attainment[i]
			name := a.SLT
			if a.Tier != "" {
				name += " / " + a.Tier
			}
			ratio := !isStatistic(a.Kind, a.Unit)
			d := "-"
			if valid(a.Difference) {
				if ratio {
					d = plain.Points(float64(a.Difference))
				} else {
					d = plain.Quantity(float64(a.Difference), a.Unit)
				}
			}
			verdict := "same"
			switch {
			case a.Differs && a.MetFeed != nil && *a.MetFeed:
				verdict = "DIFFERS: met by the feed, missed by the reference"
			case a.Differs:
				verdict = "DIFFERS: missed by the feed, met by the reference"
			case a.MetFeed == nil || a.MetReference == nil:
				verdict = "-"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", name, periodMark(a.Period, a.Complete), attained(a.FromFeed, ratio, a.Unit), attained(a.FromReference, ratio, a.Unit), d, verdict)
		}
		tw.Flush()
		if left > 0 {
			fmt.Fprintf(w, "  (%s earlier with the same verdict from both; --json lists every period)\n", plain.Counted(left, "period", "periods"))
		}
	}
	fmt.Fprintf(w, "drift: %s\n", r.Drift.Message)
	if len(r.Drift.Monthly) > 0 {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "  MONTH\tPAIRS\tBIAS\t%s CI\t\n", conf)
		for _, m := range r.Drift.Monthly {
			flag := ""
			if m.Drifted {
				flag = "drifted"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", m.Month, plain.Int(m.N), diff(c, m.Bias, true), ci(c, m.CI), flag)
		}
		tw.Flush()
	}
}

func attained[F ~float64](v F, ratio bool, unit string) string {
	if !valid(v) {
		return "no data"
	}
	return plain.Value(float64(v), ratio, unit)
}

func fixed4[F ~float64](v F) string {
	if !valid(v) {
		return "-"
	}
	return plain.Number(math.Round(float64(v)*1e4) / 1e4)
}

// day is a date, with the time when it is not midnight.
func day(t time.Time) string {
	if t.Equal(t.Truncate(24 * time.Hour)) {
		return t.Format(time.DateOnly)
	}
	return t.Format("2006-01-02 15:04 MST")
}

// shownPeriods keeps the indexes of the last n periods of each SLT (and
// tier, by key) and of every period whose verdicts differ; left counts the others.
func shownPeriods(total int, of func(i int) (key string, differs bool), n int) (keep []int, left int) {
	count := map[string]int{}
	for i := range total {
		k, _ := of(i)
		count[k]++
	}
	seen := map[string]int{}
	for i := range total {
		k, differs := of(i)
		seen[k]++
		if differs || seen[k] > count[k]-n {
			keep = append(keep, i)
		} else {
			left++
		}
	}
	return keep, left
}

// valid reports whether a figure is there (a null figure is NaN).
func valid[F ~float64](v F) bool {
	f := float64(v)
	return !math.IsNaN(f) && !math.IsInf(f, 0)
}
