package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"slate/app"
	"slate/internal/plain"
)

func init() {
	register(
		command{name: "alerts", args: "[--at TIME] [--slt NAME]", summary: "burn-rate alerts (page/ticket) and trend warnings", run: runAlerts, readOnly: true},
		command{name: "whatif", args: "--slt S [--tier T] --target X [--at TIME]", summary: "past periods judged at another target; target met in 90% of periods", run: runWhatIf, readOnly: true},
		command{name: "rollback", args: "--feed F --rule \"METRIC OP N for DUR [every STEP]\" [--from T] [--to T]",
			summary: "when a rollback rule held on a feed (e.g. \"error_rate > 0.02 for 15m\")", run: runRollback, readOnly: true},
	)
}

func runAlerts(e *env, args []string) error {
	fs := flag.NewFlagSet("alerts", flag.ContinueOnError)
	var q app.AlertQuery
	fs.StringVar(&q.At, "at", "", "evaluate as of this time (default now)")
	fs.StringVar(&q.SLT, "slt", "", "only this SLT")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	res, err := e.app.Compliance.Alerts(q)
	if err != nil {
		return err
	}
	return e.emit(res, func(w io.Writer) {
		if len(res.Alerts)+len(res.Trends) == 0 {
			fmt.Fprintln(w, "no alerts")
			return
		}
		if len(res.Alerts) > 0 {
			tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "SEVERITY\tSLT\tRULE\tLONG WINDOW\tSHORT WINDOW")
			for _, a := range res.Alerts {
				ws := make([]string, 2)
				for i, b := range a.Windows {
					if i < len(ws) {
						ws[i] = fmt.Sprintf("%s: %s bad of %s, burn %s", b.Window, plain.Count(b.Bad), plain.Count(b.Eligible), optTimes(b.BurnRate))
					}
				}
				fmt.Fprintf(tw, "%s\t%s%s\t%s\t%s\t%s\n", strings.ToUpper(a.Severity), a.SLT, tierSuffix(a.Tier), a.Rule, ws[0], ws[1])
			}
			tw.Flush()
			fmt.Fprintln(w, "burn: how many times faster than sustainable the error budget is being spent (1× spends it exactly by the end of the period)")
		}
		if len(res.Trends) > 0 {
			if len(res.Alerts) > 0 {
				fmt.Fprintln(w)
			}
			tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "TREND\tPERIOD\tMISSES ON\tPROJECTED\tTARGET\tBAD SO FAR\tALLOWED SO FAR")
			for _, t := range res.Trends {
				fmt.Fprintf(tw, "%s%s\t%s\t%s\t%s\t%s\t%s of %s\t%s\n", t.SLT, tierSuffix(t.Tier), t.Period, t.MissDate,
					plain.Against(t.ProjectedAttainment, t.Target, true, ""), plain.Objective(">=", t.Target, true, ""),
					plain.Count(t.BadSoFar), plain.Count(t.EligibleSoFar), plain.Number(t.AllowedSoFar))
			}
			tw.Flush()
			fmt.Fprintln(w, "projected: the running period's attainment at its end if the last day's burn goes on")
		}
	})
}

func optTimes(v *float64) string {
	if v == nil {
		return "-"
	}
	return plain.Times(*v)
}

func tierSuffix(t string) string {
	if t == "" {
		return ""
	}
	return "/" + t
}

func runWhatIf(e *env, args []string) error {
	fs := flag.NewFlagSet("whatif", flag.ContinueOnError)
	var q app.WhatIfQuery
	fs.StringVar(&q.SLT, "slt", "", "the SLT")
	fs.StringVar(&q.Tier, "tier", "", "one tier of a tiered SLT")
	proposed := fs.String("target", "", "proposed target: 99.5% or 0.995 for a share, a number in the SLT's unit for a statistic")
	fs.StringVar(&q.At, "at", "", "evaluate as of this time (default now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if q.SLT == "" || *proposed == "" {
		return usageError("--slt and --target are required")
	}
	t, err := plain.ParseTarget(*proposed)
	if err != nil {
		return usageError("--target %v", err)
	}
	q.Target = t
	w, err := e.app.Compliance.WhatIf(q)
	if err != nil {
		return err
	}
	return e.emit(w, func(out io.Writer) {
		at := plain.Objective(w.Op, w.ProposedTarget, w.Ratio, w.Unit)
		now := "-"
		if w.CurrentTarget != nil {
			now = plain.Objective(w.Op, *w.CurrentTarget, w.Ratio, w.Unit)
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "PERIOD\tATTAINMENT\tAT %s (NOW)\tAT %s\n", now, at)
		for _, p := range w.Periods {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p.Period, attainment(p.Attainment, &w.ProposedTarget, shareKind(w.Ratio), w.Unit), met(p.MetCurrent), met(p.MetProposed))
		}
		tw.Flush()
		fmt.Fprintf(out, "met in %d of %d periods at %s", w.MetProposed, w.Judged, at)
		if w.CurrentTarget != nil {
			fmt.Fprintf(out, " (at the current %s: %d of %d)", now, w.MetCurrent, w.Judged)
		}
		fmt.Fprintln(out)
		if w.Target90 != nil {
			fmt.Fprintf(out, "the strictest target met in 90%% of these periods: %s\n", plain.Bound(*w.Target90, w.Op, w.Ratio, w.Unit))
		}
		for _, x := range w.Warnings {
			fmt.Fprintf(out, "warning: %s\n", x.Message)
		}
	})
}

func runRollback(e *env, args []string) error {
	fs := flag.NewFlagSet("rollback", flag.ContinueOnError)
	var q app.RollbackQuery
	fs.StringVar(&q.Feed, "feed", "", "the feed")
	fs.StringVar(&q.Rule, "rule", "", "METRIC OP NUMBER for DURATION [every STEP]")
	fs.StringVar(&q.From, "from", "", "from this time")
	fs.StringVar(&q.To, "to", "", "until this time")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if q.Feed == "" || q.Rule == "" {
		return usageError("--feed and --rule are required")
	}
	res, err := e.app.Compliance.Rollback(q)
	if err != nil {
		return err
	}
	return e.emit(res, func(w io.Writer) {
		if !res.Held {
			fmt.Fprintf(w, "%q never held on %s (%d buckets of %s)\n", res.Rule.Text, res.Feed, res.Buckets, res.Step)
			return
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "FROM (UTC)\tTO (UTC)\tFIRED AT\tBUCKETS\tPEAK")
		for _, s := range res.Spans {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", s.Start.Format("2006-01-02 15:04"), s.End.Format("2006-01-02 15:04"), s.FiredAt.Format("2006-01-02 15:04"), s.Buckets, plain.Number(s.Peak))
		}
		tw.Flush()
	})
}
