package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"slate/app"
	"slate/internal/plain"
)

func init() {
	register(
		command{name: "capacity", args: "--arrivals N/h --handle-time D [--servers K] --target \"80% in 20s\" [--from-feed FEED [--from T] [--to T]]",
			summary: "Erlang C: with K servers, the chance to wait, the share answered in time, the average speed of answer, occupancy, and the smallest K that meets the target; --from-feed reads peak arrivals and handle times from stored data (flags given override them)",
			run:     runCapacity, readOnly: true},
		command{name: "change assess", args: "--slt S|--service S --from T --to T [--expected-error-rate X] [--at TIME]",
			summary: "a change window priced in error budget: what it uses of its period's budget (unplanned, or registered as maintenance), what is left, and whether the target still holds",
			run:     runChangeAssess, readOnly: true},
		command{name: "new slt", args: "NAME --template T --service S --feed F [-o FILE]",
			summary: "draft an SLT from a template as YAML to review, then `slate apply -f FILE` (nothing is stored)",
			run:     runNewSLT, readOnly: true},
	)
}

func runCapacity(e *env, args []string) error {
	fs := flag.NewFlagSet("capacity", flag.ContinueOnError)
	q := app.CapacityQuery{}
	fs.StringVar(&q.Arrivals, "arrivals", "", "arrivals: 100/h, 2/min, 1200/day")
	fs.StringVar(&q.HandleTime, "handle-time", "", "work per arrival: 3m, 180s")
	fs.IntVar(&q.Servers, "servers", 0, "servers (agents) to check; 0 or absent: only the smallest team that meets the target")
	fs.StringVar(&q.Target, "target", "", `the share answered within a wait: "80% in 20s"`)
	fs.StringVar(&q.FromFeed, "from-feed", "", "an item or event feed to read peak arrivals (and handle times) from")
	fs.StringVar(&q.From, "from", "", "with --from-feed: data from this time (default: all)")
	fs.StringVar(&q.To, "to", "", "with --from-feed: data up to this time (default: now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if q.Target == "" {
		return usageError("--target is required (e.g. \"80%% in 20s\")")
	}
	if q.FromFeed == "" && (q.Arrivals == "" || q.HandleTime == "") {
		return usageError("give --arrivals and --handle-time, or --from-feed FEED")
	}
	if q.FromFeed == "" && (q.From != "" || q.To != "") {
		return usageError("--from and --to bound the data of --from-feed")
	}
	ans, err := e.app.Design.Capacity(q)
	if err != nil {
		return err
	}
	return e.emit(ans, func(w io.Writer) { printCapacity(w, ans) })
}

func printCapacity(w io.Writer, ans app.CapacityAnswer) {
	r := ans.Result
	if d := ans.Demand; d != nil {
		fmt.Fprintf(w, "feed %s, %s to %s: %s arrivals; busiest hour of the week %s (%s an hour)",
			d.Feed, d.From.Format(time.DateOnly), d.To.Format(time.DateOnly), plain.Int(d.Arrivals), d.PeakSlot, plain.Number(d.PeakPerHour))
		if d.HandleTimeSeconds != nil {
			fmt.Fprintf(w, "; mean handle time %s", duration(*d.HandleTimeSeconds))
		}
		fmt.Fprintf(w, "\n  %s\n", d.Note)
	}
	fmt.Fprintf(w, "traffic %s erlangs: %s arrivals an hour (%s) × %s handle time (%s); target %s\n",
		plain.Number(r.Traffic), plain.Number(r.ArrivalsPerHour), ans.ArrivalsSource, duration(r.HandleTimeSeconds), ans.HandleTimeSource, r.Target.Text)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	within := strings.TrimSpace(duration(r.Target.WithinSeconds))
	fmt.Fprintf(tw, "SERVERS\tOCCUPANCY\tWAIT AT ALL\tANSWERED IN %s\tAVERAGE SPEED OF ANSWER\t\n", within)
	for _, s := range r.Table {
		var mark []string
		if s.Servers == r.Servers && r.Servers != r.Required {
			mark = append(mark, "← checked")
		}
		if s.Servers == r.Required {
			mark = append(mark, "← smallest that meets "+r.Target.Text)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", s.Servers, plain.Percent(s.Occupancy), plain.Percent(s.WaitProbability),
			plain.Percent(s.ServiceLevel), duration(s.ASASeconds), strings.Join(mark, " "))
	}
	tw.Flush()
	fmt.Fprintln(w, r.Verdict)
}

// duration reads seconds as people do: 7.84 s, 3 min, 1.5 h.
func duration(sec float64) string {
	switch {
	case sec >= 2*3600:
		return plain.Quantity(sec/3600, "h")
	case sec >= 120:
		return plain.Quantity(sec/60, "min")
	}
	return plain.Quantity(sec, "s")
}

func runChangeAssess(e *env, args []string) error {
	fs := flag.NewFlagSet("change assess", flag.ContinueOnError)
	q := app.ChangeQuery{}
	var rate string
	fs.StringVar(&q.SLT, "slt", "", "the SLT the change touches")
	fs.StringVar(&q.Service, "service", "", "every SLT of this service")
	fs.StringVar(&q.From, "from", "", "window start (RFC 3339, or YYYY-MM-DDTHH:MM in UTC)")
	fs.StringVar(&q.To, "to", "", "window end")
	fs.StringVar(&rate, "expected-error-rate", "", "share of units expected to fail during the window: 0.02 or 2% (default: all, the service is down)")
	fs.StringVar(&q.At, "at", "", "evaluate as of this time (default now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if (q.SLT == "") == (q.Service == "") {
		return usageError("give --slt or --service (one of them)")
	}
	if q.From == "" || q.To == "" {
		return usageError("--from and --to are required")
	}
	if rate != "" {
		x, err := plain.ParseTarget(rate)
		if err != nil {
			return usageError("--expected-error-rate %q: write a share such as 0.02 or 2%%", rate)
		}
		q.ExpectedErrorRate = &x
	}
	res, err := e.app.Design.Change(q)
	if err != nil {
		return err
	}
	return e.emit(res, func(w io.Writer) {
		for i := range res.Assessments {
			if i > 0 {
				fmt.Fprintln(w)
			}
			printChange(w, res, i)
		}
	})
}

func printChange(w io.Writer, res app.ChangeImpact, i int) {
	a := res.Assessments[i]
	fmt.Fprintf(w, "%s (service %s, owner %s): window %s – %s, %s of units failing\n", a.SLT, a.Service, dash(a.Owner),
		a.From.Format("2006-01-02 15:04"), a.To.Format("2006-01-02 15:04 MST"), plain.Share(a.ErrorRate))
	if a.Skipped != "" {
		fmt.Fprintf(w, "  not assessed: %s\n", a.Skipped)
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  TIER\tPERIOD\tTARGET\tHOURS IN SCOPE\tWITHOUT CHANGE\tUNPLANNED: USES\tLEFT\tPROJECTED\tPLANNED: LEFT\tPROJECTED")
	for _, im := range a.Impacts {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", dash(im.Tier), im.Period, plain.Objective(im.Op, im.Target, true, ""),
			plain.Number(im.WindowHours), scenario(im.Without.Attainment, im.Without.Meets, im.Target), plain.Percent(im.Unplanned.Consumes),
			plain.Percent(im.Unplanned.BudgetLeft), scenario(im.Unplanned.Attainment, im.Unplanned.Meets, im.Target), plain.Percent(im.Planned.BudgetLeft), scenario(im.Planned.Attainment, im.Planned.Meets, im.Target))
	}
	tw.Flush()
	for _, im := range a.Impacts {
		tier := ""
		if im.Tier != "" {
			tier = im.Tier + ": "
		}
		fmt.Fprintf(w, "  %srates from %s: %s units an hour, %s bad\n", tier, im.Basis, plain.Number(im.UnitsPerHour), plain.Percent(im.BadRatio))
	}
	fmt.Fprintf(w, "  %s\n", a.Verdict)
}

func scenario(attainment float64, meets bool, target float64) string {
	v := plain.Against(attainment, target, true, "")
	if !meets {
		v += " MISSED"
	}
	return v
}

func runNewSLT(e *env, args []string) error {
	fs := flag.NewFlagSet("new slt", flag.ContinueOnError)
	q := app.NewSLTQuery{}
	fs.StringVar(&q.Template, "template", "", "SLTTemplate to start from")
	fs.StringVar(&q.Service, "service", "", "the service the SLT belongs to")
	fs.StringVar(&q.Feed, "feed", "", "the feed it is computed from")
	out := outFlag(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("name the new SLT once")
	}
	q.Name = pos[0]
	if q.Template == "" || q.Service == "" || q.Feed == "" {
		return usageError("--template, --service and --feed are required")
	}
	var res app.NewSLT
	if *out != "" {
		res, err = e.app.Local.NewSLT(q, *out)
	} else {
		res, err = e.app.Design.NewSLT(q)
	}
	if err != nil {
		return err
	}
	if e.json {
		return writeJSON(e.stdout, map[string]any{"name": res.Name, "yaml": res.YAML, "file": *out})
	}
	if *out == "" {
		_, err = io.WriteString(e.stdout, res.YAML)
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: review it, then `slate apply -f %s`\n", *out, *out)
	return nil
}
