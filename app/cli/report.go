package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"slate/app"
	"slate/internal/compliance"
	"slate/internal/plain"
)

func init() {
	register(command{name: "report", args: "[--period P | --all] [--slt NAME] [--at TIME]",
		summary: "compliance per SLT, tier and period (attainment, budget, credits); the last complete and the running period unless --period or --all", run: runReport, readOnly: true})
}

func runReport(e *env, args []string) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	q := app.ReportQuery{}
	all := fs.Bool("all", false, "every period (default: each SLT's last complete and running period)")
	fs.StringVar(&q.Period, "period", "", "period key: "+compliance.KeyFormats)
	fs.StringVar(&q.SLT, "slt", "", "only this SLT")
	fs.StringVar(&q.At, "at", "", "evaluate as of this time (RFC 3339 or date; default now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *all && q.Period != "" {
		return usageError("give --period or --all, not both")
	}
	q.Recent = !*all && q.Period == ""
	rep, err := e.app.Compliance.Report(q)
	if err != nil {
		return flagHint(err, "--period")
	}
	return e.emit(rep, func(w io.Writer) {
		if len(rep.Rows) == 0 {
			fmt.Fprintln(w, "no SLTs to report (define some with `slate apply -f FILE`, or try `slate demo`)")
			return
		}
		running := false
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SLT\tTIER\tPERIOD\tELIGIBLE\tGOOD\tBAD\tUNKNOWN\tEXCLUDED\tATTAINMENT\tRAW\tTARGET\tMET\tBUDGET LEFT\tMISSES")
		for _, r := range rep.Rows {
			running = running || !r.Complete
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.SLT, dash(r.Tier), periodMark(r.Period, r.Complete),
				plain.Count(r.Eligible), optCount(r.Good), optCount(r.Bad), plain.Count(r.Unknown), plain.Count(r.Excluded),
				attainment(r.Attainment, r.Target, r.Kind, r.Unit), attainment(r.AttainmentRaw, nil, r.Kind, r.Unit),
				target(r), met(r.Met), budget(r.BudgetRemaining), misses(r.ConsecutiveMisses, r.RCADue))
		}
		tw.Flush()
		printStatuses(w, rep.Statuses)
		if len(rep.Credits) > 0 {
			fmt.Fprintln(w, "\ncredits:")
			tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "CONTRACT\tPERIOD\tATTAINMENT\tCREDIT %\tCREDIT\tINCENTIVE %\tINCENTIVE")
			for _, c := range rep.Credits {
				running = running || !c.Complete
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.Contract, periodMark(c.Period, c.Complete), attainment(c.Attainment, nil, "", ""),
					percentOf100(c.CreditPercent), money(c.CreditAmount, c.Currency), percentOf100(c.IncentivePercent), money(c.IncentiveAmount, c.Currency))
			}
			tw.Flush()
		}
		if running {
			fmt.Fprintln(w, "* period still running at", rep.At.Format("2006-01-02 15:04 MST")+": its figures and credits are not final")
		}
		for _, x := range rep.Ignored {
			fmt.Fprintf(w, "not excluded: %s %s %s (%s – %s): %s\n", x.SLT, x.Source, x.Ref, x.Start.Format("2006-01-02 15:04"), x.End.Format("2006-01-02 15:04"), x.Reason)
		}
		for _, x := range rep.Warnings {
			fmt.Fprintf(w, "warning: %s: %s\n", x.SLT, x.Message)
		}
		if q.Recent {
			fmt.Fprintln(w, "(each SLT's last complete and running period; --all for every period, --period P for one)")
		}
	})
}

// flagHint names the flag when err is a period key the engine refused.
func flagHint(err error, flagName string) error {
	var ke *compliance.KeyError
	if errors.As(err, &ke) {
		return usageError("%s %v", flagName, err)
	}
	return err
}

func periodMark(p string, complete bool) string {
	if complete {
		return p
	}
	return p + "*"
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func optCount(v *float64) string {
	if v == nil {
		return "-"
	}
	return plain.Count(*v)
}

// isStatistic: a statistic's attainment is a value in its unit, not a share.
func isStatistic(kind, unit string) bool { return kind == "statistic" || unit != "" }

// attainment prints a share as a percentage and a statistic with its unit;
// beside a target it never rounds onto it.
func attainment(v, target *float64, kind, unit string) string {
	if v == nil {
		return "no data"
	}
	ratio := !isStatistic(kind, unit)
	if target != nil {
		return plain.Against(*v, *target, ratio, unit)
	}
	return plain.Value(*v, ratio, unit)
}

func target(r compliance.Row) string {
	if r.Target == nil {
		return "per tier"
	}
	return plain.Objective(r.Op, *r.Target, !isStatistic(r.Kind, r.Unit), r.Unit)
}

func met(m *bool) string {
	switch {
	case m == nil:
		return "no data"
	case *m:
		return "met"
	}
	return "MISSED"
}

func budget(v *float64) string {
	if v == nil {
		return "-"
	}
	return plain.PercentN(*v, 1)
}

// percentOf100 prints a percentage already scaled to 0..100 (credit tiers).
func percentOf100(v *float64) string {
	if v == nil {
		return "-"
	}
	return plain.Number(*v) + "%"
}

func misses(n int, rca bool) string {
	s := plain.Int(n)
	if rca {
		s += " RCA due"
	}
	return s
}

func money(v *float64, cur string) string {
	if v == nil {
		return "-"
	}
	return plain.Money(*v, cur)
}

// printStatuses lists each SLT's status in its reported period and why
// (the same rule as the dashboard and the pack).
func printStatuses(w io.Writer, sts []compliance.Status) {
	if len(sts) == 0 {
		return
	}
	fmt.Fprintln(w, "\nstatus:")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SLT\tPERIOD\tSTATUS\tWHY")
	for _, s := range sts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", s.SLT, s.Period, s.Label, strings.Join(s.Reasons, "; "))
	}
	tw.Flush()
}
