package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"slate/app"
)

func init() {
	register(
		command{name: "apply", args: "-f FILE [-f FILE ...]", summary: "validate definitions (YAML, slate/v1 or OpenSLO v1) and store them all, or none", run: runApply, fills: true},
		command{name: "get", args: "KIND|all [NAME] [-o table|yaml|json]", summary: "print definitions", run: runGet, readOnly: true},
		command{name: "delete", args: "KIND NAME", summary: "delete a definition that nothing refers to", run: runDelete},
	)
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func runApply(e *env, args []string) error {
	fs := flag.NewFlagSet("apply", flag.ContinueOnError)
	var files multiFlag
	fs.Var(&files, "f", "definitions file (- for standard input)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 || len(pos) > 0 {
		return usageError("apply needs -f FILE")
	}
	var text strings.Builder
	name := strings.Join(files, ",")
	for i, f := range files {
		var b []byte
		if f == "-" {
			b, err = io.ReadAll(os.Stdin)
		} else {
			b, err = os.ReadFile(f)
		}
		if err != nil {
			return err
		}
		if i > 0 {
			text.WriteString("\n---\n")
		}
		text.Write(b)
	}
	res, err := e.app.Workspace.Apply(name, text.String())
	var inv *app.InvalidError
	if errors.As(err, &inv) && e.json {
		e.emit(map[string]any{"ok": false, "problems": inv.Problems}, nil)
		return errors.New("definitions refused; nothing was changed")
	}
	if err != nil {
		return err
	}
	return e.emit(res, func(w io.Writer) {
		for _, id := range res.Created {
			fmt.Fprintf(w, "%s created\n", id)
		}
		for _, id := range res.Updated {
			fmt.Fprintf(w, "%s updated\n", id)
		}
		for _, id := range res.Unchanged {
			fmt.Fprintf(w, "%s unchanged\n", id)
		}
	})
}

func runGet(e *env, args []string) error {
	fs := flag.NewFlagSet("get", flag.ContinueOnError)
	out := fs.String("o", "table", "output: table, yaml or json")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 1 || len(pos) > 2 {
		return usageError("get needs KIND (or all) and an optional NAME")
	}
	kind, name := pos[0], ""
	if len(pos) == 2 {
		name = pos[1]
	}
	if e.json {
		*out = "json"
	}
	switch *out {
	case "yaml":
		text, err := e.app.Workspace.DefinitionsYAML(kind, name)
		if err != nil {
			return err
		}
		_, err = io.WriteString(e.stdout, text)
		return err
	case "json", "table":
		docs, err := e.app.Workspace.Definitions(kind, name)
		if err != nil {
			return err
		}
		if *out == "json" {
			return writeJSON(e.stdout, docs)
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "KIND\tNAME\tDISPLAY NAME")
		for _, d := range docs {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", d.Kind, d.Metadata.Name, d.Metadata.DisplayName)
		}
		return tw.Flush()
	}
	return usageError("-o must be table, yaml or json")
}

func runDelete(e *env, args []string) error {
	fs := flag.NewFlagSet("delete", flag.ContinueOnError)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageError("delete needs KIND and NAME")
	}
	if err := e.app.Workspace.Delete(pos[0], pos[1]); err != nil {
		return err
	}
	return e.emit(map[string]string{"deleted": pos[0] + "/" + pos[1]}, func(w io.Writer) {
		fmt.Fprintf(w, "%s/%s deleted\n", pos[0], pos[1])
	})
}
