package cli

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"slate/app"
	"slate/internal/plain"
)

func init() {
	register(
		command{name: "breaches", args: "[--since P] [--at TIME]", summary: "breach log with impact, priority and Pareto rank", run: runBreaches, readOnly: true},
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
		if len(log.Breaches) == 0 {
			fmt.Fprintln(w, "no breaches")
			return
		}
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
				bad = plain.Count(*b.BadMinutes) + " min"
			} else if b.BadItems != nil {
				bad = plain.Count(*b.BadItems) + " items"
			}
			ratio := breachIsShare(b)
			tgt, short := "-", plain.Points(b.Shortfall)
			if b.Target != nil {
				tgt = plain.Objective(b.Op, *b.Target, ratio, b.Unit)
			}
			if !ratio {
				short = plain.Quantity(b.Shortfall, b.Unit)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", rank, b.ID, attainment(b.Attainment, b.Target, shareKind(ratio), b.Unit), tgt,
				short, bad, plain.Number(b.Impact), plain.Int(b.Frequency), plain.Number(b.Priority), plain.PercentN(b.ParetoShare, 1), note)
		}
		tw.Flush()
		fmt.Fprintln(w, "shortfall: how far the attainment fell short of its target (pp: percentage points)")
	})
}

// breachIsShare: a breach of a statistic SLT carries its unit; a share has none
// (a unitless target above 1 is a statistic too).
func breachIsShare(b app.Breach) bool {
	return b.Unit == "" && (b.Target == nil || *b.Target <= 1)
}

func shareKind(ratio bool) string {
	if ratio {
		return ""
	}
	return "statistic"
}
