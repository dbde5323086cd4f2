package cli

import (
	"fmt"
	"io"

	"slate/app"
)

func init() {
	register(command{name: "version", summary: "print Slate's version, commit, build date (the commit's time) and Go version",
		run: runVersion, noDB: true})
}

func runVersion(e *env, args []string) error {
	if len(args) > 0 {
		return usageError("unexpected %q", args[0])
	}
	b := app.Build()
	return e.emit(b, func(w io.Writer) {
		fmt.Fprintf(w, "slate %s\n", b.Version)
		fmt.Fprintf(w, "commit  %s\n", orUnknown(b.Commit))
		fmt.Fprintf(w, "built   %s\n", orUnknown(b.BuildDate))
		fmt.Fprintf(w, "go      %s %s\n", b.GoVersion, b.Platform)
	})
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown (not built from a git checkout)"
	}
	return s
}
