package cli

import (
	"fmt"
	"io"
)

func init() {
	register(command{name: "demo", summary: "fill the database with the demo workspace (running it again changes nothing)", run: runDemo})
}

func runDemo(e *env, args []string) error {
	if len(args) > 0 {
		return usageError("unexpected %q", args[0])
	}
	res, err := e.app.Workspace.LoadDemo()
	if err != nil {
		return err
	}
	return e.emit(res, func(w io.Writer) {
		fmt.Fprintf(w, "demo workspace: %d created, %d updated, %d unchanged\n", len(res.Created), len(res.Updated), len(res.Unchanged))
	})
}
