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
		command{name: "itsm outbox", args: "[--status pending|delivered] [--integration NAME]",
			summary: "tasks pushed to ITSM tools: pending ones first, with their attempts and last error", run: runOutbox, readOnly: true},
		command{name: "itsm retry", args: "ID|--all", summary: "make a pending task (or every one) due now; the next delivery sends it", run: runOutboxRetry},
		command{name: "itsm deliver", summary: "one delivery pass now: send every due task (slate serve and the window do this every minute)", run: runDeliver},

		command{name: "breach false-positive", args: "ID --reason TEXT",
			summary: "ask for a breach to be called a false positive, as the OS user; another person decides (`slate approval`)", run: runBreachFP},
		command{name: "approval list", args: "[--status requested|approved|rejected] [--kind false_positive|clock_pause] [--slt S]",
			summary: "four-eyes requests, waiting ones first", run: runApprovalList, readOnly: true},
		command{name: "approval pause", args: "--slt S --item ID --reason TEXT",
			summary: "ask for a duration item's pause to be confirmed, as the OS user; another person decides", run: runApprovalPause},
		command{name: "approval approve", args: "ID --note TEXT", summary: "approve a request as the OS user (who must not be its requester)", run: runApprovalDecide(true)},
		command{name: "approval reject", args: "ID --note TEXT", summary: "reject a request as the OS user (who must not be its requester)", run: runApprovalDecide(false)},
		command{name: "excluded", args: "[--slt S]", summary: "the share of units or clock time each SLT excludes per period, rises flagged, pauses to confirm", run: runExcluded, readOnly: true},
	)
}

func runOutbox(e *env, args []string) error {
	fs := flag.NewFlagSet("itsm outbox", flag.ContinueOnError)
	var f app.OutboxFilter
	fs.StringVar(&f.Status, "status", "", "pending or delivered")
	fs.StringVar(&f.Integration, "integration", "", "one integration's tasks")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	es, err := e.app.Integrations.Outbox(f)
	if err != nil {
		return err
	}
	return e.emit(es, func(w io.Writer) {
		if len(es) == 0 {
			fmt.Fprintln(w, "the outbox is empty")
			return
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSTATUS\tINTEGRATION\tEVENT\tTASK\tATTEMPTS\tNEXT / REFERENCE\tLAST ERROR")
		for _, x := range es {
			next := x.RemoteRef
			if x.Status == app.OutboxPending {
				next = "next " + x.NextAttempt.Format("2006-01-02 15:04 UTC")
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", x.ID, x.Status, x.Integration, x.Event, x.Task.Title, x.Attempts, dash(next), dash(x.LastError))
		}
		tw.Flush()
	})
}

func runOutboxRetry(e *env, args []string) error {
	fs := flag.NewFlagSet("itsm retry", flag.ContinueOnError)
	all := fs.Bool("all", false, "every pending task")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	id := ""
	switch {
	case *all && len(pos) == 0:
	case !*all && len(pos) == 1:
		id = pos[0]
	default:
		return usageError("give one task id, or --all")
	}
	ids, err := e.app.Integrations.Retry(id)
	if err != nil {
		return err
	}
	return e.emit(ids, func(w io.Writer) {
		if len(ids) == 0 {
			fmt.Fprintln(w, "no pending task")
			return
		}
		fmt.Fprintf(w, "due now: %s (sent by the next delivery: `slate itsm deliver`, or within a minute under slate serve)\n", strings.Join(ids, ", "))
	})
}

func runDeliver(e *env, args []string) error {
	if len(args) > 0 {
		return usageError("unexpected %q", args[0])
	}
	r, err := e.app.Integrations.Deliver()
	if err != nil {
		return err
	}
	return e.emit(r, func(w io.Writer) {
		fmt.Fprintf(w, "%s attempted: %d delivered, %d failed; %d waiting for a later attempt\n", plain.Int(r.Attempted), r.Delivered, r.Failed, r.Waiting)
		for _, o := range r.Outcomes {
			if o.Delivered {
				fmt.Fprintf(w, "  %s to %s: delivered (reference %s)\n", o.ID, o.Integration, dash(o.RemoteRef))
			} else {
				fmt.Fprintf(w, "  %s to %s: %s; next attempt %s\n", o.ID, o.Integration, o.Error, o.NextAttempt.Format("2006-01-02 15:04 UTC"))
			}
		}
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
	a, err := e.app.Approvals.RequestFalsePositive(app.FalsePositiveRequest{Breach: pos[0], Reason: *reason})
	if err != nil {
		return err
	}
	return e.emit(a, func(w io.Writer) {
		fmt.Fprintf(w, "%s: %s asked to call %s a false positive; another person decides (`slate approval approve %s --note TEXT`)\n", a.ID, a.RequestedBy, a.Subject, a.ID)
	})
}

func runApprovalList(e *env, args []string) error {
	fs := flag.NewFlagSet("approval list", flag.ContinueOnError)
	var f app.ApprovalFilter
	fs.StringVar(&f.Status, "status", "", "requested, approved or rejected")
	fs.StringVar(&f.Kind, "kind", "", "false_positive or clock_pause")
	fs.StringVar(&f.SLT, "slt", "", "of this SLT")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	as, err := e.app.Approvals.List(f)
	if err != nil {
		return err
	}
	return e.emit(as, func(w io.Writer) {
		if len(as) == 0 {
			fmt.Fprintln(w, "no four-eyes requests")
			return
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSTATUS\tKIND\tSUBJECT\tREASON\tREQUESTED BY\tDECIDED BY\tNOTE")
		for _, a := range as {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", a.ID, a.Status, strings.ReplaceAll(a.Kind, "_", " "), a.Subject, a.Reason, a.RequestedBy, dash(a.DecidedBy), dash(a.Note))
		}
		tw.Flush()
	})
}

func runApprovalPause(e *env, args []string) error {
	fs := flag.NewFlagSet("approval pause", flag.ContinueOnError)
	var r app.PauseRequest
	fs.StringVar(&r.SLT, "slt", "", "the duration SLT")
	fs.StringVar(&r.Item, "item", "", "the item (ticket) whose pause is to be confirmed")
	fs.StringVar(&r.Reason, "reason", "", "why the clock was stopped")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if r.SLT == "" || r.Item == "" || r.Reason == "" {
		return usageError("--slt, --item and --reason are required")
	}
	a, err := e.app.Approvals.RequestPause(r)
	if err != nil {
		return err
	}
	return e.emit(a, func(w io.Writer) {
		fmt.Fprintf(w, "%s: %s asked to confirm the pause of %s; another person decides\n", a.ID, a.RequestedBy, a.Subject)
	})
}

func runApprovalDecide(approve bool) func(e *env, args []string) error {
	return func(e *env, args []string) error {
		fs := flag.NewFlagSet("approval decide", flag.ContinueOnError)
		var d app.ApprovalDecision
		fs.StringVar(&d.Note, "note", "", "why")
		pos, err := parse(fs, args)
		if err != nil {
			return err
		}
		if len(pos) != 1 || d.Note == "" {
			return usageError("give one request id and --note")
		}
		d.ID = pos[0]
		var a app.Approval
		if approve {
			a, err = e.app.Approvals.Approve(d)
		} else {
			a, err = e.app.Approvals.Reject(d)
		}
		if err != nil {
			return err
		}
		return e.emit(a, func(w io.Writer) { fmt.Fprintf(w, "%s %s by %s (%s)\n", a.ID, a.Status, a.DecidedBy, a.Subject) })
	}
}

func runExcluded(e *env, args []string) error {
	fs := flag.NewFlagSet("excluded", flag.ContinueOnError)
	slt := fs.String("slt", "", "one SLT")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ss, err := e.app.Analysis.Excluded(*slt)
	if err != nil {
		return err
	}
	return e.emit(ss, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SLT\tMEASURE\tLAST PERIOD\tSHARE\tUSUAL\tRISING\tPAUSES TO CONFIRM")
		for _, s := range ss {
			last, share, usual := "-", "-", "-"
			for i := len(s.Periods) - 1; i >= 0; i-- {
				if p := s.Periods[i]; p.Complete {
					last = p.Period
					if p.Tier != "" {
						last = p.Tier + " " + p.Period
					}
					if p.Share != nil {
						share = plain.Share(*p.Share)
					}
					if p.Usual != nil {
						usual = plain.Share(*p.Usual)
					}
					break
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\n", s.SLT, s.Measure, last, share, usual, len(s.Rising), s.Unconfirmed)
		}
		tw.Flush()
		for _, s := range ss {
			for _, r := range s.Rising {
				fmt.Fprintf(w, "%s: %s\n", s.SLT, r)
			}
		}
	})
}
