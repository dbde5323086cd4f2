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
		command{name: "cmdb import", args: "FILE.csv",
			summary: "make a CMDB export (CI id, name, class, owner, status, verified-at) the stored CI set, audited; a refused file changes nothing", run: runCMDBImport},
		command{name: "cmdb list", summary: "the stored CIs, each verified in the last 90 days or not, and the SLTs that declare it", run: runCMDBList, readOnly: true},
		command{name: "cmdb check", args: "--slt S [--period P] [--at TIME]",
			summary: "an SLT's rows in a period by the state of their CI: unknown to the CMDB, not verified in the last 90 days", run: runCMDBCheck, readOnly: true},
	)
}

func runCMDBImport(e *env, args []string) error {
	fs := flag.NewFlagSet("cmdb import", flag.ContinueOnError)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("name one CMDB export (CSV)")
	}
	imp, err := e.app.Local.ImportCMDB(pos[0])
	if err != nil {
		return err
	}
	return e.emit(imp, func(w io.Writer) {
		fmt.Fprintf(w, "imported %s CIs from %s: %s added, %s changed, %s removed (SHA-256 %s)\n",
			plain.Int(imp.CIs), imp.File, plain.Int(imp.Added), plain.Int(imp.Changed), plain.Int(imp.Removed), imp.SHA256)
	})
}

func runCMDBList(e *env, args []string) error {
	if err := parseFlags(flag.NewFlagSet("cmdb list", flag.ContinueOnError), args); err != nil {
		return err
	}
	l, err := e.app.CMDB.List()
	if err != nil {
		return err
	}
	return e.emit(l, func(w io.Writer) {
		if l.Import == nil {
			fmt.Fprintln(w, "no CMDB imported yet: `slate cmdb import FILE.csv` (columns ci_id, name, class, owner, status, verified_at)")
		} else {
			fmt.Fprintf(w, "last import: %s at %s, %s CIs\n", l.Import.File, l.Import.At.Format("2006-01-02 15:04 MST"), plain.Int(l.Import.CIs))
		}
		if len(l.CIs) == 0 {
			return
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "CI\tNAME\tCLASS\tOWNER\tSTATUS\tVERIFIED\tSTATE\tSLTS")
		for _, c := range l.CIs {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, dash(c.Name), dash(c.Class), dash(c.Owner), dash(c.Status), verified(c.VerifiedAt, c.State), ciState(c.State), list(c.SLTs))
		}
		tw.Flush()
		fmt.Fprintf(w, "(verified: checked in the last %d days, as of %s)\n", l.MaxAgeDays, l.At.Format(time.DateOnly))
	})
}

func verified(t time.Time, state string) string {
	switch {
	case state == app.CIUnknown:
		return "-"
	case t.IsZero():
		return "never"
	}
	return t.Format(time.DateOnly)
}

func ciState(s string) string {
	switch s {
	case app.CIUnverified:
		return "NOT VERIFIED"
	case app.CIUnknown:
		return "NOT IN CMDB"
	}
	return s
}

func runCMDBCheck(e *env, args []string) error {
	fs := flag.NewFlagSet("cmdb check", flag.ContinueOnError)
	q := app.CMDBQuery{}
	fs.StringVar(&q.SLT, "slt", "", "the SLT whose rows to check")
	fs.StringVar(&q.Period, "period", "", "its period key (default: the running period)")
	fs.StringVar(&q.At, "at", "", "evaluate as of this time (default now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if q.SLT == "" {
		return usageError("--slt is required")
	}
	rep, err := e.app.CMDB.Check(q)
	if err != nil {
		return flagHint(err, "--period")
	}
	return e.emit(rep, func(w io.Writer) {
		fmt.Fprintln(w, rep.Message)
		if len(rep.CIs) == 0 {
			return
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "CI\tROWS\tSHARE\tSTATE\tVERIFIED\tOWNER")
		for _, c := range rep.CIs {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, plain.Int(c.Rows), plain.Percent(float64(c.Rows)/float64(rep.Rows)), ciState(c.State), verified(c.VerifiedAt, c.State), dash(c.Owner))
		}
		tw.Flush()
		if rep.WithoutCI > 0 {
			fmt.Fprintf(w, "%s rows name no CI\n", plain.Int(rep.WithoutCI))
		}
		var declared []string
		for _, d := range rep.Declared {
			declared = append(declared, d.ID+" ("+map[string]string{app.CIVerified: "verified", app.CIUnverified: "not verified", app.CIUnknown: "not in the CMDB"}[d.State]+")")
		}
		if len(declared) > 0 {
			fmt.Fprintf(w, "the SLT's own CIs (spec.cis): %s\n", strings.Join(declared, ", "))
		}
	})
}
