package cli

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"slate/app"
	"slate/internal/export"
)

func init() {
	register(
		command{name: "breaches", args: "[--since P] [--at TIME]", summary: "breach log with impact, priority and Pareto rank", run: runBreaches, readOnly: true},
		command{name: "breach false-positive", args: "ID --reason TEXT", summary: "mark a breach as a false positive (kept, not ranked)", run: runBreachFP},
	)
}

func runBreaches(e *env, args []string) error {
	fs := flag.NewFlagSet("breaches", flag.ContinueOnError)
	var q app.BreachQuery
	fs.StringVar(&q.Since, "since", "", "only periods starting at or after this period key or time")
	fs.StringVar(&q.At, "at", "", "evaluate as of this time (default now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	log, err := e.app.Compliance.Breaches(q)
	if err != nil {
		return err
	}
	return e.emit(log, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "RANK\tID\tATTAINMENT\tTARGET\tSHORTFALL\tBAD\tIMPACT\tFREQ\tPRIORITY\tCUM SHARE\tNOTE")
		for _, b := range log.Breaches {
			rank, note := strconv.Itoa(b.ParetoRank), ""
			if b.VitalFew {
				note = "vital few"
			}
			if b.FalsePositive {
				rank, note = "-", "false positive: "+b.FPReason
			}
			bad := "-"
			if b.BadMinutes != nil {
				bad = strconv.FormatFloat(*b.BadMinutes, 'f', -1, 64) + " min"
			} else if b.BadItems != nil {
				bad = strconv.FormatFloat(*b.BadItems, 'f', -1, 64) + " items"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.4g\t%s\t%.4g\t%d\t%.4g\t%s\t%s\n", rank, b.ID, optNum(b.Attainment), optNum(b.Target),
				b.Shortfall, bad, b.Impact, b.Frequency, b.Priority, export.FloorPercent(b.ParetoShare, 1), note)
		}
		tw.Flush()
	})
}

func runBreachFP(e *env, args []string) error {
	fs := flag.NewFlagSet("breach false-positive", flag.ContinueOnError)
	reason := fs.String("reason", "", "why the breach is not real")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *reason == "" {
		return usageError("give one breach id and --reason")
	}
	m, err := e.app.Compliance.MarkFalsePositive(pos[0], *reason)
	if err != nil {
		return err
	}
	return e.emit(m, func(w io.Writer) { fmt.Fprintf(w, "%s marked false positive\n", m.ID) })
}
