package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

func init() {
	register(command{name: "doctor", args: "--rebuild-results", summary: "repair derived data: --rebuild-results evaluates every SLT again and stores its complete periods", run: runDoctor})
}

func runDoctor(e *env, args []string) error {
	fs := flag.NewFlagSet("doctor", flag.ContinueOnError)
	rebuild := fs.Bool("rebuild-results", false, "drop the stored results and evaluate every SLT again")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !*rebuild {
		return usageError("say what to do: --rebuild-results")
	}
	r, err := e.app.Compliance.RebuildResults()
	if err != nil {
		return err
	}
	if err := e.emit(r, func(w io.Writer) {
		fmt.Fprintf(w, "results rebuilt: %d SLTs evaluated, %d periods stored (%.1f s)\n", r.SLTs, r.Periods, r.Seconds)
		for _, p := range r.Problems {
			fmt.Fprintln(w, "problem:", p)
		}
	}); err != nil {
		return err
	}
	if len(r.Problems) > 0 {
		return errors.New("some SLTs could not be evaluated (see above)")
	}
	return nil
}
