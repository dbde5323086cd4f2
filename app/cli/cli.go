// Package cli is Slate's command line: one command per use case, each a thin
// layer over the app services, with --json on every read command.
package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"sort"
	"strings"

	"slate/app"
	"slate/internal/domain"
	"slate/internal/storage"
)

// command is one CLI verb ("apply", "audit verify").
type command struct {
	name    string
	args    string // usage after the name
	summary string
	// run gets the arguments after the name; global flags are already removed.
	run func(e *env, args []string) error
	// noDB commands never open the database.
	noDB bool
	// readOnly commands open it read-only: they work on a file the user may
	// only read (an auditor's copy) and beside another reader.
	readOnly bool
	// fills: the command puts definitions or data into the workspace (no
	// hint that it is empty).
	fills bool
}

var commands []command

func register(cs ...command) { commands = append(commands, cs...) }

// env is what a command runs with.
type env struct {
	stdout, stderr io.Writer
	dbPath         string
	json           bool
	app            *app.App
	// readOnly opens the database read-only (set from the command).
	readOnly bool
	cmdLine  string // the command and its arguments, for hints
}

// open opens the workspace once per run.
func (e *env) open() (*app.App, error) {
	if e.app != nil {
		return e.app, nil
	}
	a, err := app.OpenWith(e.dbPath, storage.Options{ReadOnly: e.readOnly})
	if errors.Is(err, storage.ErrNeedsMigration) && writable(e.dbPath) {
		// The first command after an upgrade of Slate: upgrade the file (a
		// backup is kept) rather than refuse; a file the user may only read
		// keeps the refusal, which says how to upgrade a copy.
		fmt.Fprintln(e.stderr, "slate: upgrading the database to this Slate's schema (a backup of the old file is kept beside it)")
		a, err = app.OpenWith(e.dbPath, storage.Options{})
	}
	if err != nil {
		return nil, err
	}
	e.app = a
	return a, nil
}

// writable reports whether the database file (path "" = the default) can be opened for writing.
func writable(path string) bool {
	if path == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			return false
		}
		path = p
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// emit writes v as indented JSON under --json, else calls text.
func (e *env) emit(v any, text func(w io.Writer)) error {
	if e.json {
		return writeJSON(e.stdout, v)
	}
	text(e.stdout)
	return nil
}

// writeJSON is the one encoder of every --json output: indented, and with
// <, > and & as they are (">=" stays ">=", not "\u003e=").
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// errUsage marks an error in how the command was called.
var errUsage = errors.New("usage")

func usageError(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

// flagOf names the flag a value the core refused came from: " (--on-conflict)".
// The core speaks of the thing (domain.FieldError names the field); the flag is the CLI's word.
func flagOf(err error) string {
	var fe *domain.FieldError
	if !errors.As(err, &fe) || fe.Field == "" {
		return ""
	}
	flag := "--" + strings.ReplaceAll(fe.Field, "_", "-")
	if strings.Contains(err.Error(), flag) {
		return "" // the command named it already
	}
	return " (" + flag + ")"
}

// Main runs the CLI with args (without the program name) and returns the exit status.
// A panic (a damaged file met somewhere storage does not guard, or a bug)
// ends it with a message and status 1, never a goroutine dump.
func Main(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "slate: stopped by an internal error: %v\n", r)
			fmt.Fprintln(stderr, "slate: if it concerns the database, check it with `slate doctor FILE`; otherwise please report it (SLATE_DEBUG=1 prints where it happened)")
			if os.Getenv("SLATE_DEBUG") != "" {
				fmt.Fprintf(stderr, "%s", debug.Stack())
			}
			code = 1
		}
	}()
	e := &env{stdout: stdout, stderr: stderr, dbPath: os.Getenv("SLATE_DB")}
	rest, err := globalFlags(e, args)
	if err != nil {
		fmt.Fprintln(stderr, "slate:", err)
		return 2
	}
	if len(rest) == 0 || rest[0] == "help" || rest[0] == "--help" || rest[0] == "-h" {
		help(stdout, rest)
		return 0
	}
	cmd, cmdArgs := lookup(rest)
	if cmd == nil {
		if strings.HasPrefix(rest[0], "-") {
			fmt.Fprintf(stderr, "slate: unknown global flag %s%s\nglobal flags: --db PATH, --json (run `slate help` for the commands)\n",
				rest[0], didYouMean(rest[0], "--json", "--db", "--help"))
		} else {
			fmt.Fprintf(stderr, "slate: unknown command %q%s (run `slate help`)\n", rest[0], didYouMean(rest[0], commandWords()...))
		}
		return 2
	}
	e.cmdLine = strings.Join(rest, " ")
	if asksHelp(cmdArgs) {
		fmt.Fprintf(stdout, "usage: slate %s\n\n%s\n", strings.TrimSpace(cmd.name+" "+cmd.args), cmd.summary)
		return 0
	}
	e.readOnly = cmd.readOnly
	if !cmd.noDB {
		if _, err := e.open(); err != nil {
			fmt.Fprintln(stderr, "slate:", err)
			if errors.Is(err, storage.ErrNoDatabase) && !cmd.fills {
				missingHint(e)
			}
			return 1
		}
		if !cmd.fills {
			demoHint(e)
		}
	}
	defer func() {
		if e.app != nil { // a noDB command may open it too (doctor --rebuild-results)
			e.app.Close()
		}
	}()
	if err := cmd.run(e, cmdArgs); err != nil {
		fmt.Fprintln(stderr, "slate:", strings.TrimPrefix(err.Error(), "usage: ")+flagOf(err))
		if errors.Is(err, errUsage) {
			fmt.Fprintf(stderr, "usage: slate %s %s\n", cmd.name, cmd.args)
			return 2
		}
		return 1
	}
	return 0
}

// asksHelp reports a -h or --help among a command's flags (before any "--"),
// answered before the database is opened.
func asksHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "--h", "-help", "--help":
			return true
		}
	}
	return false
}

// globalFlags removes --db PATH and --json wherever they appear.
func globalFlags(e *env, args []string) ([]string, error) {
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(rest, args[i:]...), nil
		case a == "--json" || a == "-json":
			e.json = true
		case a == "--db" || a == "-db":
			if i+1 >= len(args) {
				return nil, errors.New("--db needs a path")
			}
			e.dbPath = args[i+1]
			i++
		case strings.HasPrefix(a, "--db="):
			e.dbPath = strings.TrimPrefix(a, "--db=")
		default:
			rest = append(rest, a)
		}
	}
	return rest, nil
}

// lookup finds the command with the longest name matching the leading words.
func lookup(args []string) (*command, []string) {
	var best *command
	bestLen := 0
	for i := range commands {
		words := strings.Fields(commands[i].name)
		if len(words) <= len(args) && slices.Equal(words, args[:len(words)]) && len(words) > bestLen {
			best, bestLen = &commands[i], len(words)
		}
	}
	if best == nil {
		return nil, nil
	}
	return best, args[bestLen:]
}

// parseFlags parses a command that takes flags only.
func parseFlags(fs *flag.FlagSet, args []string) error {
	pos, err := parse(fs, args)
	if err == nil && len(pos) > 0 {
		err = usageError("unexpected %q", pos[0])
	}
	return err
}

// parse parses flags that may come before, between or after positionals.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			if name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: "); ok {
				var known []string
				fs.VisitAll(func(f *flag.Flag) { known = append(known, "--"+f.Name) })
				name = "--" + strings.TrimLeft(name, "-")
				return nil, usageError("unknown flag %s%s", name, didYouMean(name, append(known, "--json", "--db")...))
			}
			return nil, usageError("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func help(w io.Writer, topic []string) {
	fmt.Fprintf(w, "Slate %s — a workbench for service level targets\n\n", app.Version)
	fmt.Fprintln(w, "usage: slate [--db PATH] [--json] COMMAND [ARGS]")
	fmt.Fprintln(w, "       slate            (desktop build: opens the window)")
	fmt.Fprintln(w, "\ncommands:")
	cs := slices.Clone(commands)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-44s %s\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
	}
	fmt.Fprintln(w, "\nThe database is SLATE_DB, or --db, or the user config folder's slate/slate.db.")
	fmt.Fprintln(w, "Every read command prints JSON with --json.")
}

func storageDefaultPath() (string, error) { return storage.DefaultPath() }
