package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slate/internal/storage"
	"strings"
)

// didYouMean suggests the candidate closest to got (at most two edits away):
// " (did you mean --json?)", or "" when none is close.
func didYouMean(got string, candidates ...string) string {
	g := "--" + strings.TrimLeft(got, "-")
	if !strings.HasPrefix(got, "-") {
		g = got
	}
	best, bestD := "", 3
	for _, c := range candidates {
		if d := editDistance(g, c); d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" {
		return ""
	}
	return " (did you mean " + best + "?)"
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// commandWords are the first words of every command, for suggestions.
func commandWords() []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range commands {
		w, _, _ := strings.Cut(c.name, " ")
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// DemoPath is where scripts/demo.sh puts the demo workspace: SLATE_DEMO_DB,
// else $XDG_DATA_HOME/slate/demo.db (~/.local/share/slate/demo.db).
func DemoPath() string {
	if p := os.Getenv("SLATE_DEMO_DB"); p != "" {
		return p
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "slate", "demo.db")
}

// demoHint tells someone who ran a command on an empty workspace, while a demo
// workspace exists elsewhere, where the demo is and how to reach it.
func demoHint(e *env) {
	if e.app == nil {
		return
	}
	if defs, err := e.app.Workspace.Definitions("all", ""); err != nil || len(defs) > 0 {
		return
	}
	pointToDemo(e, e.app.Store().Path(), "is empty")
}

// missingHint is demoHint for a workspace file that does not exist at all.
func missingHint(e *env) {
	here := e.dbPath
	if here == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			return
		}
		here = p
	}
	pointToDemo(e, here, "does not exist")
}

func pointToDemo(e *env, here, state string) {
	demo := DemoPath()
	if demo == "" || same(here, demo) {
		return
	}
	if _, err := os.Stat(demo); err != nil {
		return
	}
	shown := demo
	if home, err := os.UserHomeDir(); err == nil && strings.HasPrefix(demo, home+string(filepath.Separator)) {
		shown = "~" + demo[len(home):]
	}
	fmt.Fprintf(e.stderr, "slate: note: this workspace (%s) %s; the demo workspace is %s:\n"+
		"  slate --db %s %s   (or export SLATE_DB=%s)\n", here, state, shown, shown, commandLine(e), shown)
}

// commandLine is the command being run, for a hint to run it again elsewhere.
func commandLine(e *env) string {
	if e.cmdLine == "" {
		return "report"
	}
	return e.cmdLine
}

func same(a, b string) bool {
	if a == b {
		return true
	}
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}
