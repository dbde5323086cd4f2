package cli

import (
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"slate/app"
)

func init() {
	register(
		command{name: "exception request", args: "--slt S --from T --to T --reason TEXT [--evidence FILE]",
			summary: "request an exception (force majeure) for an SLT as the OS user; prints its id", run: runExceptionRequest},
		command{name: "exception list", summary: "list exceptions and their status", run: runExceptionList, readOnly: true},
		command{name: "exception approve", args: "ID --note TEXT", summary: "approve an exception as the OS user (who must not be its requester)", run: runExceptionDecide(true)},
		command{name: "exception reject", args: "ID --note TEXT", summary: "reject an exception as the OS user (who must not be its requester)", run: runExceptionDecide(false)},
	)
}

// exceptionID is what `exception request --json` prints.
type exceptionID struct {
	ID string `json:"id"`
}

func runExceptionRequest(e *env, args []string) error {
	fs := flag.NewFlagSet("exception request", flag.ContinueOnError)
	var r app.ExceptionRequest
	var evidence string
	fs.StringVar(&r.SLT, "slt", "", "the SLT")
	fs.StringVar(&r.From, "from", "", "start (RFC 3339)")
	fs.StringVar(&r.To, "to", "", "end, exclusive (RFC 3339)")
	fs.StringVar(&r.Reason, "reason", "", "why")
	fs.StringVar(&evidence, "evidence", "", "a file to attach")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if r.SLT == "" || r.From == "" || r.To == "" || r.Reason == "" {
		return usageError("--slt, --from, --to and --reason are required")
	}
	if evidence != "" {
		u, err := e.app.Local.Upload(evidence)
		if err != nil {
			return fmt.Errorf("evidence: %w", err)
		}
		r.Evidence = u.ID
	}
	x, err := e.app.Exceptions.Request(r)
	if err != nil {
		return err
	}
	return e.emit(exceptionID{x.ID}, func(w io.Writer) { fmt.Fprintln(w, x.ID) })
}

func runExceptionList(e *env, args []string) error {
	if len(args) > 0 {
		return usageError("unexpected %q", args[0])
	}
	xs, err := e.app.Exceptions.List()
	if err != nil {
		return err
	}
	return e.emit(xs, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSLT\tFROM (UTC)\tTO (UTC)\tSTATUS\tREQUESTED BY\tDECIDED BY\tREASON\tEVIDENCE")
		for _, x := range xs {
			ev := "-"
			if len(x.Evidence) > 0 {
				ev = fmt.Sprintf("%s (%d bytes, sha256 %s)", x.Evidence[0].Name, x.Evidence[0].Size, x.Evidence[0].SHA256[:12])
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", x.ID, x.SLT, x.From.Format("2006-01-02 15:04"), x.To.Format("2006-01-02 15:04"),
				x.Status, x.RequestedBy, dash(x.DecidedBy), x.Reason, ev)
		}
		tw.Flush()
	})
}

func runExceptionDecide(approve bool) func(e *env, args []string) error {
	return func(e *env, args []string) error {
		fs := flag.NewFlagSet("exception decide", flag.ContinueOnError)
		var d app.ExceptionDecision
		fs.StringVar(&d.Note, "note", "", "why")
		pos, err := parse(fs, args)
		if err != nil {
			return err
		}
		if len(pos) != 1 {
			return usageError("give one exception id")
		}
		if d.Note == "" {
			return usageError("--note is required")
		}
		d.ID = pos[0]
		var x app.Exception
		if approve {
			x, err = e.app.Exceptions.Approve(d)
		} else {
			x, err = e.app.Exceptions.Reject(d)
		}
		if err != nil {
			return err
		}
		return e.emit(x, func(w io.Writer) { fmt.Fprintf(w, "%s %s by %s\n", x.ID, x.Status, x.DecidedBy) })
	}
}
