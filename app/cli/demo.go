package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"slate/app"
)

func init() {
	register(command{name: "demo", args: "[--definitions-only] [--data DIR] [--now T]",
		summary: "fill the database with the demo workspace and 13 months of supplier data (running it again changes nothing)", run: runDemo, fills: true})
}

func runDemo(e *env, args []string) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	defsOnly := fs.Bool("definitions-only", false, "load the definitions without supplier data")
	dataDir := fs.String("data", "", "where to write the demo supplier files (default: demo-data beside the database)")
	nowFlag := fs.String("now", "", "end of the 13 months of data, RFC 3339 or YYYY-MM-DD (default: now); the same value gives the same data")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	now := time.Now().UTC().Truncate(time.Hour)
	var err error
	if *nowFlag != "" {
		if now, err = app.ParseTime(*nowFlag); err != nil {
			return usageError("--now: %v", err)
		}
	}
	a, err := e.open()
	if err != nil {
		return err
	}
	dir := *dataDir
	if *defsOnly {
		dir = ""
	} else if dir == "" {
		dir = filepath.Join(filepath.Dir(a.Store().Path()), "demo-data")
	}
	res, err := a.LoadDemo(dir, now)
	if err != nil {
		return err
	}
	return e.emit(res, func(w io.Writer) {
		d := res.Definitions
		fmt.Fprintf(w, "demo workspace: %d created, %d updated, %d unchanged\n", len(d.Created), len(d.Updated), len(d.Unchanged))
		if dir == "" {
			return
		}
		imported, skipped, rows, rejected := 0, 0, 0, 0
		for _, r := range res.Data {
			if r.Skipped {
				skipped++
				continue
			}
			imported++
			rows += r.Imported
			rejected += r.Rejected
		}
		fmt.Fprintf(w, "demo data: %d files imported (%d rows, %d rejected), %d already there; files in %s\n",
			imported, rows, rejected, skipped, dir)
	})
}
