package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"slate/app"
)

func init() {
	register(
		command{name: "pack", args: "--period P [--services a,b | --supplier S] [--out DIR] [--format xlsx,pdf] [--anonymize] [--date T]",
			summary: "the service review pack: review-pack-<period>.xlsx and .pdf; --supplier: the joint review with one supplier, with its data set beside it", run: runPack},
		command{name: "verify-pack", args: "FILE",
			summary: "check a review pack against the data (exit 0: matches, 1: does not)", run: runVerifyPack, readOnly: true},
	)
}

func runPack(e *env, args []string) error {
	fs := flag.NewFlagSet("pack", flag.ContinueOnError)
	q := app.PackQuery{}
	var services, formats, out string
	fs.StringVar(&q.Period, "period", "", "period key: 2026-10, 2026-Q3, 2026-W07, 2026 or 2026-10-05")
	fs.StringVar(&services, "services", "", "only these services' SLTs (comma-separated names)")
	fs.StringVar(&out, "out", ".", "folder for the files")
	fs.StringVar(&formats, "format", "xlsx,pdf", "xlsx, pdf or both")
	fs.BoolVar(&q.Anonymize, "anonymize", false, "replace people, supplier and service names with pseudonyms")
	fs.BoolVar(&q.Anonymize, "anonymise", false, "same as --anonymize")
	fs.StringVar(&q.Supplier, "supplier", "", "the joint review with this supplier: its contracts and SLTs, maturity, improvement actions, contingency plan and data set")
	fs.StringVar(&q.Date, "date", "", "generation time (RFC 3339 or date; default SOURCE_DATE_EPOCH or now)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if q.Period == "" {
		return usageError("--period is required")
	}
	if services != "" {
		q.Services = strings.Split(services, ",")
	}
	q.Formats = strings.Split(formats, ",")
	res, err := e.app.Local.BuildPack(q, out)
	if err != nil {
		return err
	}
	return e.emit(res, func(w io.Writer) {
		for _, f := range res.Files {
			what := ""
			if f.Format == app.PackData {
				what = ", the data set"
			}
			fmt.Fprintf(w, "wrote %s (%d bytes%s)\n", f.Path, f.Size, what)
		}
		if res.Supplier != "" {
			fmt.Fprintf(w, "the joint review with %s: its contracts and SLTs; the data set files hold every row of the period in each feed's own layout\n", res.Supplier)
		}
		fmt.Fprintf(w, "period %s, %d SLTs, %d sections, generated at %s\n", res.Period, res.SLTs, res.Sections, res.GeneratedAt.Format("2006-01-02 15:04:05 MST"))
		fmt.Fprintf(w, "fingerprint %s\n", res.Fingerprint)
		if res.Anonymized {
			fmt.Fprintln(w, "names of people, suppliers and services were replaced with pseudonyms")
		}
	})
}

// errMismatch makes verify-pack exit 1 after printing its result.
type errMismatch struct{ msg string }

func (e errMismatch) Error() string { return e.msg }

func runVerifyPack(e *env, args []string) error {
	fs := flag.NewFlagSet("verify-pack", flag.ContinueOnError)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("name one pack file (.pdf or .xlsx)")
	}
	v, err := e.app.Local.VerifyPack(pos[0])
	if err != nil {
		return err
	}
	if err := e.emit(v, func(w io.Writer) {
		status := "MATCHES"
		if !v.Match {
			status = "DOES NOT MATCH"
		}
		fmt.Fprintf(w, "%s: %s the data\n", v.File, status)
		fmt.Fprintf(w, "  in the pack:  %s\n", v.Stored)
		fmt.Fprintf(w, "  recomputed:   %s\n", orNone(v.Current))
		if v.Scope != "" {
			fmt.Fprintf(w, "  scope:        %s\n", v.Scope)
		}
		if v.Head != "" {
			ok := "the audit trail still extends it"
			if !v.HeadOK {
				ok = "the audit trail NO LONGER extends it"
			}
			fmt.Fprintf(w, "  audit head:   %s (%s)\n", v.Head, ok)
		}
		fmt.Fprintln(w, " ", v.Message)
	}); err != nil {
		return err
	}
	if !v.Match {
		return errMismatch{"the pack does not match the data"}
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
