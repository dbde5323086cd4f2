package cli

import (
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

func init() {
	register(
		command{name: "audit log", args: "[--from SEQ]", summary: "print the audit trail", run: runAuditLog},
		command{name: "audit verify", summary: "check the audit hash chain; exit 1 naming the first bad event", run: runAuditVerify},
		command{name: "backup", args: "FILE", summary: "write a consistent copy of the database", run: runBackup},
	)
}

func runAuditLog(e *env, args []string) error {
	fs := flag.NewFlagSet("audit log", flag.ContinueOnError)
	from := fs.Uint64("from", 0, "first sequence number")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	events, err := e.app.Audit.Log(*from)
	if err != nil {
		return err
	}
	return e.emit(events, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SEQ\tTIME (UTC)\tACTOR\tACTION\tOBJECT\tHASH")
		for _, ev := range events {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", ev.Seq, ev.Time.Format(time.DateTime), ev.Actor, ev.Action, ev.Object, ev.Hash[:12])
		}
		tw.Flush()
	})
}

func runAuditVerify(e *env, args []string) error {
	if len(args) > 0 {
		return usageError("unexpected %q", args[0])
	}
	v, err := e.app.Audit.Verify()
	if err != nil {
		return err
	}
	if err := e.emit(v, func(w io.Writer) {
		if v.OK {
			fmt.Fprintf(w, "audit chain intact: %d events, head %s\n", v.Events, v.Head)
		}
	}); err != nil {
		return err
	}
	if !v.OK {
		return fmt.Errorf("audit chain broken at event %d: %s", v.FirstBad, v.Problem)
	}
	return nil
}

func runBackup(e *env, args []string) error {
	if len(args) != 1 {
		return usageError("backup needs FILE")
	}
	res, err := e.app.Backup(args[0])
	if err != nil {
		return err
	}
	return e.emit(res, func(w io.Writer) {
		fmt.Fprintf(w, "backup written: %s (%d bytes)\n", res.File, res.Bytes)
	})
}
