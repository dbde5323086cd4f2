package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"slate/app"
	"slate/internal/plain"
)

func init() {
	register(
		command{name: "action add", args: "--title TEXT [--owner NAME] [--due YYYY-MM-DD] [LINKS] [--note TEXT]",
			summary: "record an improvement action as the OS user (links: --slt --tier --period --breach --rca --review --meeting --improvement --service --supplier)", run: runActionAdd},
		command{name: "action list", args: "[--status open|in_progress|done|dropped|live] [--owner NAME] [--slt S] [--service S] [--supplier S] [--rca ID] [--overdue]",
			summary: "improvement actions, overdue first", run: runActionList, readOnly: true},
		command{name: "action show", args: "ID", summary: "one action with its links, notes and history", run: runActionShow, readOnly: true},
		command{name: "action update", args: "ID [--title T] [--owner O] [--due D] [--status S] [LINKS] [--note TEXT]",
			summary: "change an action as the OS user (each change kept in its history)", run: runActionUpdate},
		command{name: "action close", args: "ID [--dropped] [--note TEXT]", summary: "close an action as done (or dropped, with a note saying why)", run: runActionClose},

		command{name: "rca list", args: "[--status open|closed] [--slt S] [--service S] [--supplier S]",
			summary: "root-cause analyses (the rule opens one after a run of misses; it runs first), open ones first", run: runRCAList},
		command{name: "rca open", args: "BREACH", summary: "open a root-cause analysis of one breach (SLT@PERIOD) as the OS user; the rule opens those of runs of misses itself", run: runRCAOpen},
		command{name: "rca show", args: "ID", summary: "one root-cause analysis: problem, Five Whys or Apollo chart, root causes, team, actions", run: runRCAShow, readOnly: true},
		command{name: "rca update", args: "ID [--owner O] [--method five-whys|apollo] [--problem T] [--due D] [--why Q --because A ...] [--answer N:TEXT] [--root-cause T ...] [-f PATCH.json] [--note T]",
			summary: "work on an open root-cause analysis as the OS user", run: runRCAUpdate},
		command{name: "rca close", args: "ID [--conclusion TEXT]", summary: "close an analysis (needs a root cause, a linked action and its method complete)", run: runRCAClose},

		command{name: "review list", args: "[--slt S] [--service S] [--supplier S] [--due]", summary: "each SLT's next review date and why a review is due", run: runReviewList, readOnly: true},
		command{name: "review history", args: "[--slt S]", summary: "recorded reviews, the latest first", run: runReviewHistory, readOnly: true},
		command{name: "review record", args: "--slt S --date YYYY-MM-DD --decision TEXT [--attendees A,B] [--notes TEXT] [--meeting ID]",
			summary: "record an SLT review as the OS user (resets its cycle and triggers)", run: runReviewRecord},
	)
}

// linkFlags are the flags that link an action to what it is about.
type linkFlags struct {
	slt, tier, period, breach, rca, review, meeting, improvement, service, supplier string
}

func (l *linkFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&l.slt, "slt", "", "the SLT it is about")
	fs.StringVar(&l.tier, "tier", "", "its tier")
	fs.StringVar(&l.period, "period", "", "the period (2026-10)")
	fs.StringVar(&l.breach, "breach", "", "the breach (SLT@PERIOD, as `slate breaches` shows)")
	fs.StringVar(&l.rca, "rca", "", "the root-cause analysis it carries out")
	fs.StringVar(&l.review, "review", "", "the review it came from")
	fs.StringVar(&l.meeting, "meeting", "", "the meeting that agreed it")
	fs.StringVar(&l.improvement, "improvement", "", "the improvement initiative")
	fs.StringVar(&l.service, "service", "", "the service concerned")
	fs.StringVar(&l.supplier, "supplier", "", "the supplier concerned")
}

// over lays the flags given over links (flags not given keep their link).
func (l *linkFlags) over(links app.Links) (app.Links, bool) {
	set := false
	for _, f := range []struct {
		v   string
		dst *string
	}{{l.slt, &links.SLT}, {l.tier, &links.Tier}, {l.period, &links.Period}, {l.breach, &links.Breach}, {l.rca, &links.RCA},
		{l.review, &links.Review}, {l.meeting, &links.Meeting}, {l.improvement, &links.Improvement}, {l.service, &links.Service}, {l.supplier, &links.Supplier}} {
		if f.v != "" {
			*f.dst, set = f.v, true
		}
	}
	return links, set
}

func oneID(pos []string, what string) (string, error) {
	if len(pos) != 1 {
		return "", usageError("give one %s id", what)
	}
	return pos[0], nil
}

func runActionAdd(e *env, args []string) error {
	fs := flag.NewFlagSet("action add", flag.ContinueOnError)
	var in app.NewAction
	var l linkFlags
	fs.StringVar(&in.Title, "title", "", "what is to be done")
	fs.StringVar(&in.Owner, "owner", "", "who does it (default: the owner of the linked RCA or SLT)")
	fs.StringVar(&in.Due, "due", "", "due date, YYYY-MM-DD")
	fs.StringVar(&in.Note, "note", "", "a first note")
	l.add(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(in.Title) == "" {
		return usageError("--title is required")
	}
	in.Links, _ = l.over(app.Links{})
	a, err := e.app.Actions.Add(in)
	if err != nil {
		return err
	}
	return e.emit(a, func(w io.Writer) {
		fmt.Fprintf(w, "%s added: %s (owner %s%s)\n", a.ID, a.Title, a.Owner, dueText(a.Due))
	})
}

func dueText(due string) string {
	if due == "" {
		return ""
	}
	return ", due " + due
}

func runActionList(e *env, args []string) error {
	fs := flag.NewFlagSet("action list", flag.ContinueOnError)
	var f app.ActionQuery
	fs.StringVar(&f.Status, "status", "", "open, in_progress, done, dropped or live")
	fs.StringVar(&f.Owner, "owner", "", "the owner")
	fs.StringVar(&f.SLT, "slt", "", "linked to this SLT")
	fs.StringVar(&f.Service, "service", "", "of this service")
	fs.StringVar(&f.Supplier, "supplier", "", "of this supplier")
	fs.StringVar(&f.RCA, "rca", "", "linked to this root-cause analysis")
	fs.BoolVar(&f.Overdue, "overdue", false, "only overdue actions")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	items, err := e.app.Actions.List(f)
	if err != nil {
		return err
	}
	return e.emit(items, func(w io.Writer) {
		if len(items) == 0 {
			fmt.Fprintln(w, "no actions")
			return
		}
		printActions(w, items)
	})
}

func printActions(w io.Writer, items []app.ActionItem) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tDUE\tOWNER\tTITLE\tABOUT")
	for _, a := range items {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", a.ID, statusWord(a.Status), actionDue(a), a.Owner, a.Title, linksText(app.Links(a.Links)))
	}
	tw.Flush()
}

func statusWord(s string) string { return strings.ReplaceAll(s, "_", " ") }

// actionDue is the due date, with how long overdue.
func actionDue(a app.ActionItem) string {
	switch {
	case a.Due == "":
		return "-"
	case a.Overdue:
		return fmt.Sprintf("%s (%s overdue)", a.Due, plural(a.DaysOverdue, "day"))
	}
	return a.Due
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

// linksText names what an action is about, the most specific first.
func linksText(l app.Links) string {
	var parts []string
	switch {
	case l.Breach != "":
		parts = append(parts, "breach "+l.Breach)
	case l.SLT != "":
		s := l.SLT
		if l.Tier != "" {
			s += "/" + l.Tier
		}
		if l.Period != "" {
			s += "@" + l.Period
		}
		parts = append(parts, s)
	case l.Service != "":
		parts = append(parts, "service "+l.Service)
	case l.Supplier != "":
		parts = append(parts, "supplier "+l.Supplier)
	}
	for _, r := range []string{l.RCA, l.Review, l.Meeting, l.Improvement} {
		if r != "" {
			parts = append(parts, r)
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

func runActionShow(e *env, args []string) error {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		return usageError("give one action id")
	}
	a, err := e.app.Actions.Get(args[0])
	if err != nil {
		return err
	}
	return e.emit(a, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "%s\t%s\n", a.ID, a.Title)
		fmt.Fprintf(tw, "status\t%s\n", statusWord(a.Status))
		fmt.Fprintf(tw, "owner\t%s\n", a.Owner)
		fmt.Fprintf(tw, "due\t%s\n", actionDue(a))
		fmt.Fprintf(tw, "about\t%s\n", linksText(app.Links(a.Links)))
		if l := a.Links; l.Service != "" || l.Supplier != "" {
			fmt.Fprintf(tw, "service, supplier\t%s, %s\n", dash(l.Service), dash(l.Supplier))
		}
		fmt.Fprintf(tw, "made by\t%s (%s) on %s\n", a.CreatedBy, a.Origin, a.CreatedAt.Format("2006-01-02 15:04 UTC"))
		tw.Flush()
		printNotes(w, len(a.Notes), func(i int) (time.Time, string, string) { n := a.Notes[i]; return n.At, n.By, n.Text })
		printHistory(w, len(a.History), func(i int) (time.Time, string, string, string, string) {
			c := a.History[i]
			return c.At, c.Actor, c.Field, c.From, c.To
		})
	})
}

// printNotes prints a record's dated notes.
func printNotes(w io.Writer, n int, note func(i int) (at time.Time, by, text string)) {
	if n == 0 {
		return
	}
	fmt.Fprintln(w, "\nnotes:")
	for i := range n {
		at, by, text := note(i)
		fmt.Fprintf(w, "  %s  %s: %s\n", at.Format("2006-01-02 15:04"), by, text)
	}
}

// printHistory prints a record's changes, one a line.
func printHistory(w io.Writer, n int, change func(i int) (at time.Time, actor, field, from, to string)) {
	fmt.Fprintln(w, "\nhistory (UTC):")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for i := range n {
		at, actor, field, from, to := change(i)
		if from != "" {
			to = from + " → " + to
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", at.Format("2006-01-02 15:04"), actor, field, to)
	}
	tw.Flush()
}

func runActionUpdate(e *env, args []string) error {
	fs := flag.NewFlagSet("action update", flag.ContinueOnError)
	var title, owner, due, status, note string
	var l linkFlags
	fs.StringVar(&title, "title", "", "new title")
	fs.StringVar(&owner, "owner", "", "new owner")
	fs.StringVar(&due, "due", "", "new due date, YYYY-MM-DD (none: no date)")
	fs.StringVar(&status, "status", "", "open, in_progress, done or dropped")
	fs.StringVar(&note, "note", "", "a note")
	l.add(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	id, err := oneID(pos, "action")
	if err != nil {
		return err
	}
	u := app.ActionUpdate{ID: id, Note: note}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if given["title"] {
		u.Title = &title
	}
	if given["owner"] {
		u.Owner = &owner
	}
	if given["due"] {
		if due == "none" {
			due = ""
		}
		u.Due = &due
	}
	if given["status"] {
		u.Status = &status
	}
	cur, err := e.app.Actions.Get(id)
	if err != nil {
		return err
	}
	if links, set := l.over(app.Links(cur.Links)); set {
		u.Links = &links
	}
	a, err := e.app.Actions.Update(u)
	if err != nil {
		return err
	}
	return e.emit(a, func(w io.Writer) { fmt.Fprintf(w, "%s updated (%s)\n", a.ID, statusWord(a.Status)) })
}

func runActionClose(e *env, args []string) error {
	fs := flag.NewFlagSet("action close", flag.ContinueOnError)
	dropped := fs.Bool("dropped", false, "close it as dropped (not done); needs --note")
	var c app.ActionClose
	fs.StringVar(&c.Note, "note", "", "a note (why, when dropped)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if c.ID, err = oneID(pos, "action"); err != nil {
		return err
	}
	c.Status = app.ActionDone
	if *dropped {
		c.Status = app.ActionDropped
	}
	a, err := e.app.Actions.Close(c)
	if err != nil {
		return err
	}
	return e.emit(a, func(w io.Writer) { fmt.Fprintf(w, "%s %s\n", a.ID, a.Status) })
}

func runRCAList(e *env, args []string) error {
	fs := flag.NewFlagSet("rca list", flag.ContinueOnError)
	var f app.RCAFilter
	fs.StringVar(&f.Status, "status", "", "open or closed")
	fs.StringVar(&f.SLT, "slt", "", "of this SLT")
	fs.StringVar(&f.Service, "service", "", "of this service")
	fs.StringVar(&f.Supplier, "supplier", "", "of this supplier")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	items, err := e.app.RCAs.List(f)
	if err != nil {
		return err
	}
	return e.emit(items, func(w io.Writer) {
		if len(items) == 0 {
			fmt.Fprintln(w, "no root-cause analyses")
			return
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSTATUS\tSLT\tPERIODS MISSED\tPRIORITY\tOWNER\tDUE\tMETHOD\tACTIONS")
		for _, r := range items {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Status, rcaSubject(r), periodRange(r.Periods), plain.Number(r.Priority),
				r.Owner, rcaDue(r), methodName(r.Method), dash(strings.Join(r.Actions, ", ")))
		}
		tw.Flush()
		fmt.Fprintln(w, "priority: the run's breaches' weighted error budgets overspent (docs/metrics.md)")
	})
}

func rcaSubject(r app.RCAItem) string {
	if r.Tier != "" {
		return r.SLT + "/" + r.Tier
	}
	return r.SLT
}

func rcaDue(r app.RCAItem) string {
	switch {
	case r.Status == app.RCAClosed:
		return "closed " + r.ClosedAt.Format("2006-01-02")
	case r.Overdue:
		return r.Due + " (overdue)"
	}
	return r.Due
}

func periodRange(ps []string) string {
	switch len(ps) {
	case 0:
		return "-"
	case 1:
		return ps[0]
	}
	return fmt.Sprintf("%s to %s (%d)", ps[0], ps[len(ps)-1], len(ps))
}

func methodName(m string) string {
	if m == app.MethodApollo {
		return "Apollo"
	}
	return "Five Whys"
}

func runRCAOpen(e *env, args []string) error {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		return usageError("give one breach id (SLT@PERIOD, as `slate breaches` shows)")
	}
	r, err := e.app.RCAs.Open(app.NewRCA{Breach: args[0]})
	if err != nil {
		return err
	}
	return e.emit(r, func(w io.Writer) {
		fmt.Fprintf(w, "%s opened: %s (owner %s, due %s)\n", r.ID, r.Problem, r.Owner, r.Due)
	})
}

func runRCAShow(e *env, args []string) error {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		return usageError("give one analysis id")
	}
	r, err := e.app.RCAs.Get(args[0])
	if err != nil {
		return err
	}
	return e.emit(r, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "%s\t%s of %s\n", r.ID, r.Status, rcaSubject(r))
		fmt.Fprintf(tw, "periods missed\t%s\n", periodRange(r.Periods))
		fmt.Fprintf(tw, "priority\t%s weighted error budgets overspent\n", plain.Number(r.Priority))
		fmt.Fprintf(tw, "owner\t%s\n", r.Owner)
		fmt.Fprintf(tw, "due\t%s\n", rcaDue(r))
		fmt.Fprintf(tw, "opened\t%s by %s\n", r.OpenedAt.Format("2006-01-02"), r.OpenedBy)
		fmt.Fprintf(tw, "method\t%s\n", methodName(r.Method))
		tw.Flush()
		fmt.Fprintf(w, "\nproblem: %s\n", r.Problem)
		if r.Method == app.MethodFiveWhys || len(r.FiveWhys) > 0 {
			fmt.Fprintln(w, "\nFive Whys:")
			for i, y := range r.FiveWhys {
				fmt.Fprintf(w, "  %d. %s\n", i+1, y.Why)
				because := y.Because
				if because == "" {
					because = "(not answered yet)"
				}
				fmt.Fprintf(w, "     because %s\n", because)
			}
		}
		if a := r.Apollo; a != nil {
			fmt.Fprintf(w, "\nApollo chart — primary effect: %s\n", dash(a.PrimaryEffect))
			for i, c := range a.Causes {
				fmt.Fprintf(w, "  cause %d (%s) of %q: %s — evidence: %s\n", i+1, dash(c.Kind), c.Effect, c.Cause, dash(c.Evidence))
			}
			for i, s := range a.Solutions {
				fmt.Fprintf(w, "  solution %d controls %q: %s (action %s)\n", i+1, s.Controls, s.Solution, dash(s.Action))
			}
		}
		fmt.Fprintln(w, "\nroot causes:")
		if len(r.RootCauses) == 0 {
			fmt.Fprintln(w, "  none recorded yet")
		}
		for _, c := range r.RootCauses {
			fmt.Fprintf(w, "  - %s\n", c)
		}
		if t := r.Team; t != nil {
			fmt.Fprintf(w, "\nproposed team (%s):\n", t.Reason)
			for _, m := range t.Members {
				fmt.Fprintf(w, "  %s, %s (%s: %s)\n", m.Name, m.Role, m.Service, strings.Join(m.SLTs, ", "))
			}
		}
		fmt.Fprintf(w, "\nactions: %s\n", dash(strings.Join(r.Actions, ", ")))
		if r.Conclusion != "" {
			fmt.Fprintf(w, "conclusion: %s\n", r.Conclusion)
		}
		printNotes(w, len(r.Notes), func(i int) (time.Time, string, string) { n := r.Notes[i]; return n.At, n.By, n.Text })
	})
}

func runRCAUpdate(e *env, args []string) error {
	fs := flag.NewFlagSet("rca update", flag.ContinueOnError)
	var owner, method, problem, due, note, file string
	var whys, becauses, answers, causes multiFlag
	fs.StringVar(&owner, "owner", "", "new owner")
	fs.StringVar(&method, "method", "", "five-whys or apollo")
	fs.StringVar(&problem, "problem", "", "the problem statement")
	fs.StringVar(&due, "due", "", "new due date, YYYY-MM-DD")
	fs.StringVar(&note, "note", "", "a note")
	fs.StringVar(&file, "f", "", "a JSON file with the fields to change (as the API's RCAs.Update: five_whys, apollo, team …)")
	fs.Var(&whys, "why", "a why of the chain, in order (replaces the chain)")
	fs.Var(&becauses, "because", "the answer to the --why at the same position")
	fs.Var(&answers, "answer", "N:TEXT answers why number N of the chain")
	fs.Var(&causes, "root-cause", "a root cause (replaces the list; repeat for more)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	id, err := oneID(pos, "analysis")
	if err != nil {
		return err
	}
	u := app.RCAUpdate{}
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&u); err != nil {
			return fmt.Errorf("%s: %v (write the fields of RCAs.Update in docs/openapi.json)", file, err)
		}
	}
	u.ID = id
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	set := func(name, v string, dst **string) {
		if given[name] {
			*dst = &v
		}
	}
	set("owner", owner, &u.Owner)
	set("method", method, &u.Method)
	set("problem", problem, &u.Problem)
	set("due", due, &u.Due)
	if note != "" {
		u.Note = note
	}
	if len(becauses) > len(whys) {
		return usageError("%d --because for %d --why: each answer follows its why", len(becauses), len(whys))
	}
	if len(whys) > 0 && len(answers) > 0 {
		return usageError("--why replaces the chain and --answer answers the stored one: use one of them")
	}
	if len(whys) > 0 {
		chain := make([]app.Why, len(whys))
		for i, q := range whys {
			chain[i].Why = q
			if i < len(becauses) {
				chain[i].Because = becauses[i]
			}
		}
		u.FiveWhys = &chain
	}
	if len(answers) > 0 {
		cur, err := e.app.RCAs.Get(id)
		if err != nil {
			return err
		}
		chain := make([]app.Why, len(cur.FiveWhys))
		for i, y := range cur.FiveWhys {
			chain[i] = app.Why{Why: y.Why, Because: y.Because}
		}
		for _, a := range answers {
			ns, text, ok := strings.Cut(a, ":")
			n, err := strconv.Atoi(strings.TrimSpace(ns))
			if !ok || err != nil {
				return usageError("--answer %q: write N:TEXT, e.g. --answer \"4:the shift plan was set in 2024\"", a)
			}
			if n < 1 || n > len(chain) {
				return fmt.Errorf("--answer %d: %s has %d whys", n, cur.ID, len(chain))
			}
			chain[n-1].Because = strings.TrimSpace(text)
		}
		u.FiveWhys = &chain
	}
	if len(causes) > 0 {
		rc := []string(causes)
		u.RootCauses = &rc
	}
	r, err := e.app.RCAs.Update(u)
	if err != nil {
		return err
	}
	return e.emit(r, func(w io.Writer) { fmt.Fprintf(w, "%s updated\n", r.ID) })
}

func runRCAClose(e *env, args []string) error {
	fs := flag.NewFlagSet("rca close", flag.ContinueOnError)
	var c app.RCAClose
	fs.StringVar(&c.Conclusion, "conclusion", "", "what the analysis concluded")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if c.ID, err = oneID(pos, "analysis"); err != nil {
		return err
	}
	r, err := e.app.RCAs.Close(c)
	if err != nil {
		return err
	}
	return e.emit(r, func(w io.Writer) { fmt.Fprintf(w, "%s closed by %s\n", r.ID, r.ClosedBy) })
}

func runReviewList(e *env, args []string) error {
	fs := flag.NewFlagSet("review list", flag.ContinueOnError)
	var f app.ReviewFilter
	fs.StringVar(&f.SLT, "slt", "", "one SLT")
	fs.StringVar(&f.Service, "service", "", "a service's SLTs")
	fs.StringVar(&f.Supplier, "supplier", "", "a supplier's SLTs")
	fs.BoolVar(&f.DueOnly, "due", false, "only SLTs whose review is due")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	sts, err := e.app.Reviews.List(f)
	if err != nil {
		return err
	}
	return e.emit(sts, func(w io.Writer) {
		if len(sts) == 0 {
			fmt.Fprintln(w, "no reviews due")
			return
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SLT\tOWNER\tCYCLE\tLAST REVIEW\tNEXT REVIEW\tDUE")
		for _, s := range sts {
			last := "-"
			if s.LastReview != nil {
				last = s.LastReview.Date + " (" + s.LastReview.ID + ")"
			}
			due := "no"
			if s.Due {
				due = "yes"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.SLT, dash(s.Owner), dash(s.Cycle), last, dash(s.NextReview), due)
		}
		tw.Flush()
		for _, s := range sts {
			for _, r := range s.Reasons {
				fmt.Fprintf(w, "%s: %s\n", s.SLT, r)
			}
		}
	})
}

func runReviewHistory(e *env, args []string) error {
	fs := flag.NewFlagSet("review history", flag.ContinueOnError)
	slt := fs.String("slt", "", "one SLT")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	rs, err := e.app.Reviews.History(*slt)
	if err != nil {
		return err
	}
	return e.emit(rs, func(w io.Writer) {
		if len(rs) == 0 {
			fmt.Fprintln(w, "no reviews recorded")
			return
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tDATE\tSLT\tDECISION\tATTENDEES\tRECORDED BY")
		for _, r := range rs {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Date, r.SLT, r.Decision, dash(strings.Join(r.Attendees, ", ")), r.RecordedBy)
		}
		tw.Flush()
	})
}

func runReviewRecord(e *env, args []string) error {
	fs := flag.NewFlagSet("review record", flag.ContinueOnError)
	var in app.NewReview
	var attendees string
	fs.StringVar(&in.SLT, "slt", "", "the SLT reviewed")
	fs.StringVar(&in.Date, "date", "", "the review's date, YYYY-MM-DD")
	fs.StringVar(&in.Decision, "decision", "", "what was decided")
	fs.StringVar(&attendees, "attendees", "", "who took part, comma-separated")
	fs.StringVar(&in.Notes, "notes", "", "notes")
	fs.StringVar(&in.Meeting, "meeting", "", "the meeting it took place in")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if in.SLT == "" || in.Date == "" || in.Decision == "" {
		return usageError("--slt, --date and --decision are required")
	}
	in.Attendees = splitList(attendees)
	r, err := e.app.Reviews.Record(in)
	if err != nil {
		return err
	}
	return e.emit(r, func(w io.Writer) { fmt.Fprintf(w, "%s recorded: %s reviewed on %s\n", r.ID, r.SLT, r.Date) })
}

// splitList reads a comma-separated list.
func splitList(s string) []string {
	out := []string{}
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
