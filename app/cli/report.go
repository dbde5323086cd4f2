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
	register(command{name: "report", args: "[--period P] [--slt NAME] [--at TIME]",
		summary: "compliance per SLT, tier and period (attainment, budget, credits)", run: runReport, readOnly: true})
}

func runReport(e *env, args []string) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	q := app.ReportQuery{}
	fs.StringVar(&q.Period, "period", "", "period key: 2026-10, 2026-W07, 2026-Q3, 2026 or 2026-10-05")
	fs.StringVar(&q.SLT, "slt", "", "only this SLT")
	fs.StringVar(&q.At, "at", "", "evaluate as of this time (RFC 3339 or date; default now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	rep, err := e.app.Compliance.Report(q)
	if err != nil {
		return err
	}
	return e.emit(rep, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SLT\tTIER\tPERIOD\tELIGIBLE\tGOOD\tBAD\tUNKNOWN\tEXCLUDED\tATTAINMENT\tRAW\tTARGET\tMET\tBUDGET LEFT\tMISSES")
		for _, r := range rep.Rows {
			period := r.Period
			if !r.Complete {
				period += "*"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.SLT, dash(r.Tier), period, num(r.Eligible),
				optNum(r.Good), optNum(r.Bad), num(r.Unknown), num(r.Excluded), share(r.Attainment, r.Kind), share(r.AttainmentRaw, r.Kind),
				target(r), met(r.Met), pct(r.BudgetRemaining), misses(r.ConsecutiveMisses, r.RCADue))
		}
		tw.Flush()
		if len(rep.Rows) > 0 {
			fmt.Fprintln(w, "* period still running at", rep.At.Format("2006-01-02 15:04 MST"))
		}
		printStatuses(w, rep.Statuses)
		if len(rep.Credits) > 0 {
			fmt.Fprintln(w, "\ncredits:")
			tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "CONTRACT\tPERIOD\tATTAINMENT\tCREDIT %\tCREDIT\tINCENTIVE %")
			for _, c := range rep.Credits {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", c.Contract, c.Period, share(c.Attainment, ""), optNum(c.CreditPercent),
					money(c.CreditAmount, c.Currency), optNum(c.IncentivePercent))
			}
			tw.Flush()
		}
		for _, x := range rep.Ignored {
			fmt.Fprintf(w, "not excluded: %s %s %s (%s – %s): %s\n", x.SLT, x.Source, x.Ref, x.Start.Format("2006-01-02 15:04"), x.End.Format("2006-01-02 15:04"), x.Reason)
		}
		for _, x := range rep.Warnings {
			fmt.Fprintf(w, "warning: %s: %s\n", x.SLT, x.Message)
		}
	})
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func optNum(v *float64) string {
	if v == nil {
		return "-"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// share prints attainments of shares as percentages, statistics as numbers.
func share(v *float64, kind string) string {
	if v == nil {
		return "no data"
	}
	if kind == "statistic" {
		return strconv.FormatFloat(*v, 'g', 6, 64)
	}
	return strconv.FormatFloat(*v*100, 'f', 3, 64) + "%"
}

func target(r app.ReportRow) string {
	if r.Target == nil {
		return "tiers"
	}
	if r.Kind == "statistic" {
		return r.Op + " " + strconv.FormatFloat(*r.Target, 'g', -1, 64)
	}
	return r.Op + " " + strconv.FormatFloat(*r.Target*100, 'f', -1, 64) + "%"
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

func pct(v *float64) string {
	if v == nil {
		return "-"
	}
	return strconv.FormatFloat(*v*100, 'f', 1, 64) + "%"
}

func misses(n int, rca bool) string {
	s := strconv.Itoa(n)
	if rca {
		s += " RCA due"
	}
	return s
}

func money(v *float64, cur string) string {
	if v == nil {
		return "-"
	}
	s := strconv.FormatFloat(*v, 'f', 2, 64)
	if cur != "" {
		s += " " + cur
	}
	return s
}

// printStatuses lists each SLT's status in its reported period and why
// (the same rule as the dashboard and the pack).
func printStatuses(w io.Writer, sts []app.Status) {
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
