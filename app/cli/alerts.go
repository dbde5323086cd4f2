package cli

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"slate/app"
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
		for _, a := range res.Alerts {
			var ws []string
			for _, b := range a.Windows {
				ws = append(ws, fmt.Sprintf("%s: %g bad / %g = burn %s", b.Window, b.Bad, b.Eligible, optNum(b.BurnRate)))
			}
			fmt.Fprintf(w, "%s\t%s%s\t%s\t(%s)\n", strings.ToUpper(a.Severity), a.SLT, tierSuffix(a.Tier), a.Rule, strings.Join(ws, "; "))
		}
		for _, t := range res.Trends {
			fmt.Fprintf(w, "TREND\t%s%s\t%s (bad %g of %g so far, %g allowed)\n", t.SLT, tierSuffix(t.Tier), t.Message, t.BadSoFar, t.EligibleSoFar, t.AllowedSoFar)
		}
	})
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
	fs.Float64Var(&q.Target, "target", 0, "proposed target (0.995 for 99.5%)")
	fs.StringVar(&q.At, "at", "", "evaluate as of this time (default now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if q.SLT == "" {
		return usageError("--slt is required")
	}
	w, err := e.app.Compliance.WhatIf(q)
	if err != nil {
		return err
	}
	return e.emit(w, func(out io.Writer) {
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "PERIOD\tATTAINMENT\tAT CURRENT\tAT %s\n", strconv.FormatFloat(w.ProposedTarget, 'f', -1, 64))
		for _, p := range w.Periods {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p.Period, optNum(p.Attainment), met(p.MetCurrent), met(p.MetProposed))
		}
		tw.Flush()
		fmt.Fprintf(out, "met %d of %d periods at %g (current target: %d)\n", w.MetProposed, w.Judged, w.ProposedTarget, w.MetCurrent)
		fmt.Fprintf(out, "target met in 90%% of periods: %s\n", optNum(w.Target90))
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
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%g\n", s.Start.Format("2006-01-02 15:04"), s.End.Format("2006-01-02 15:04"), s.FiredAt.Format("2006-01-02 15:04"), s.Buckets, s.Peak)
		}
		tw.Flush()
	})
}
