package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"slate/app"
	"slate/internal/plain"
)

func init() {
	register(
		command{name: "meeting agenda", args: "--service S|--supplier S [--date YYYY-MM-DD] [-o FILE.pdf|FILE.xlsx]",
			summary: "the service review meeting's agenda: trends, breaches, RCAs, actions (overdue first), exceptions, reviews due, decisions asked for", run: runMeetingAgenda},
		command{name: "meeting record", args: "--service S|--supplier S --date YYYY-MM-DD --attendees A,B [--decision TEXT ...] [--action \"TITLE[;owner=O][;due=D][;slt=S]\" ...] [--notes TEXT] [-f MINUTES.json]",
			summary: "record a meeting's minutes and the actions agreed, as the OS user (all of it, or nothing)", run: runMeetingRecord},
		command{name: "meeting list", args: "[--service S|--supplier S]", summary: "recorded meetings, the latest first", run: runMeetingList, readOnly: true},

		command{name: "improvement add", args: "--slt S [--tier T] --change YYYY-MM-DD --description TEXT",
			summary: "record an improvement initiative (a change made on a date) as the OS user", run: runImprovementAdd},
		command{name: "improvement list", args: "[--slt S]", summary: "improvement initiatives", run: runImprovementList, readOnly: true},
		command{name: "improvement validate", args: "ID", summary: "before/after test of an initiative on its SLT's daily data, and how many more days are needed", run: runImprovementValidate, readOnly: true},

		command{name: "correlate", args: "--lead FEED_OR_SLT --lag FEED_OR_SLT [--max-lag 14d]",
			summary: "does one daily series move before another? cross-correlation, best lag, p-value and a sentence", run: runCorrelate, readOnly: true},
	)
}

func runMeetingAgenda(e *env, args []string) error {
	fs := flag.NewFlagSet("meeting agenda", flag.ContinueOnError)
	var q app.AgendaFileQuery
	fs.StringVar(&q.Service, "service", "", "the service whose meeting it is")
	fs.StringVar(&q.Supplier, "supplier", "", "or the supplier whose meeting it is")
	fs.StringVar(&q.Date, "date", "", "the meeting's date, YYYY-MM-DD (default today)")
	out := fs.String("o", "", "write the agenda to FILE.pdf or FILE.xlsx")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if (q.Service == "") == (q.Supplier == "") {
		return usageError("give --service or --supplier")
	}
	if *out != "" {
		switch strings.ToLower(filepath.Ext(*out)) {
		case ".pdf", ".xlsx":
		default:
			return usageError("-o %s: write the agenda to a .pdf or an .xlsx file", *out)
		}
		f, err := e.app.Local.Agenda(q, *out)
		if err != nil {
			return err
		}
		return e.emit(map[string]any{"file": *out, "size": f.Size, "type": f.Type}, func(w io.Writer) {
			fmt.Fprintf(w, "agenda written to %s (%s)\n", *out, plain.Int(int(f.Size))+" bytes")
		})
	}
	ag, err := e.app.Meetings.Agenda(app.AgendaQuery{Service: q.Service, Supplier: q.Supplier, Date: q.Date})
	if err != nil {
		return err
	}
	return e.emit(ag, func(w io.Writer) { printAgenda(w, ag) })
}

func printAgenda(w io.Writer, ag app.Agenda) {
	last := "none recorded"
	if ag.LastMeeting != nil {
		last = ag.LastMeeting.ID + " on " + ag.LastMeeting.Date
	}
	fmt.Fprintf(w, "Service review agenda — %s (%s %s), %s\n", ag.DisplayName, ag.Scope, ag.Name, ag.Date)
	fmt.Fprintf(w, "since %s (last meeting: %s); figures as of %s, dates in %s\n\n", ag.Since, last, ag.At.Format("2006-01-02 15:04 UTC"), ag.Zone)
	for _, it := range ag.Items {
		fmt.Fprintf(w, "%2d. %s — %s\n", it.Number, it.Title, it.Summary)
	}
	if len(ag.SLTs) > 0 {
		fmt.Fprintln(w, "\nservice performance:")
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SLT\tOBJECTIVE\tSTATUS\tPERIODS SINCE\tTREND\tCOUNTER-METRIC")
		for _, s := range ag.SLTs {
			var ps []string
			for _, p := range s.Periods {
				mark := ""
				switch {
				case !p.Complete:
					mark = " so far"
				case p.Met != nil && !*p.Met:
					mark = " missed"
				}
				ps = append(ps, p.Period+" "+p.Value+mark)
			}
			status, counter := "-", "-"
			if s.Status != nil {
				status = strings.ReplaceAll(s.Status.State, "_", " ")
			}
			if c := s.Counter; c != nil {
				counter = c.DisplayName + " " + c.Value
				if c.Period != "" {
					counter += " in " + c.Period
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.DisplayName, s.Objective, status, dash(strings.Join(ps, "; ")), s.Trend, counter)
		}
		tw.Flush()
	}
	if len(ag.Breaches) > 0 {
		fmt.Fprintln(w, "\nbreaches since, by priority:")
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "BREACH\tVALUE\tOBJECTIVE\tPRIORITY\tRCA")
		for _, b := range ag.Breaches {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", b.ID, b.Value, dash(b.Objective), plain.Number(b.Priority), dash(b.RCA))
		}
		tw.Flush()
	}
	if len(ag.RCAs) > 0 {
		fmt.Fprintln(w, "\nroot-cause analyses:")
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSTATUS\tSLT\tPERIODS MISSED\tOWNER\tDUE\tACTIONS")
		for _, r := range ag.RCAs {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Status, rcaSubject(app.RCAItem(r)), periodRange(r.Periods), r.Owner, rcaDue(app.RCAItem(r)), dash(strings.Join(r.Actions, ", ")))
		}
		tw.Flush()
	}
	if len(ag.Actions) > 0 {
		fmt.Fprintln(w, "\nactions, overdue first:")
		acts := make([]app.ActionItem, len(ag.Actions))
		for i, a := range ag.Actions {
			acts[i] = app.ActionItem(a)
		}
		printActions(w, acts)
	}
	if len(ag.Reviews) > 0 {
		fmt.Fprintln(w, "\nreviews due:")
		for _, r := range ag.Reviews {
			for _, why := range r.Reasons {
				fmt.Fprintf(w, "  %s: %s\n", r.DisplayName, why)
			}
		}
	}
	if len(ag.Improvements) > 0 {
		fmt.Fprintln(w, "\nimprovement initiatives:")
		for _, v := range ag.Improvements {
			fmt.Fprintf(w, "  %s (%s, %s): %s\n", v.Improvement, v.Description, v.Change, v.Verdict)
		}
	}
	if len(ag.Decisions) > 0 {
		fmt.Fprintln(w, "\ndecisions asked for:")
		for _, d := range ag.Decisions {
			fmt.Fprintf(w, "  - %s (%s)\n", d.Text, d.Ref)
		}
	}
}

func runMeetingRecord(e *env, args []string) error {
	fs := flag.NewFlagSet("meeting record", flag.ContinueOnError)
	var m app.Minutes
	var attendees, file string
	var decisions, actions multiFlag
	fs.StringVar(&m.Service, "service", "", "the service whose meeting it was")
	fs.StringVar(&m.Supplier, "supplier", "", "or the supplier whose meeting it was")
	fs.StringVar(&m.Date, "date", "", "the meeting's date, YYYY-MM-DD")
	fs.StringVar(&attendees, "attendees", "", "who took part, comma-separated")
	fs.StringVar(&m.Notes, "notes", "", "notes")
	fs.StringVar(&file, "f", "", "the minutes as a JSON file (as the API's Meetings.Record); flags add to it")
	fs.Var(&decisions, "decision", "a decision taken (repeat for more)")
	fs.Var(&actions, "action", `an action agreed: "TITLE[;owner=NAME][;due=YYYY-MM-DD][;slt=S]" (repeat for more)`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if file != "" {
		var fromFile app.Minutes
		b, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&fromFile); err != nil {
			return fmt.Errorf("%s: %v (write the fields of Meetings.Record in docs/openapi.json)", file, err)
		}
		m = mergeMinutes(fromFile, m)
	}
	m.Attendees = append(m.Attendees, splitList(attendees)...)
	m.Decisions = append(m.Decisions, decisions...)
	for _, a := range actions {
		na, err := parseActionSpec(a)
		if err != nil {
			return err
		}
		m.Actions = append(m.Actions, na)
	}
	if (m.Service == "") == (m.Supplier == "") || m.Date == "" {
		return usageError("give --service or --supplier, and --date")
	}
	rec, err := e.app.Meetings.Record(m)
	if err != nil {
		return err
	}
	return e.emit(rec, func(w io.Writer) {
		fmt.Fprintf(w, "%s recorded: %s %s on %s, %s, %s\n", rec.Meeting.ID, rec.Meeting.Scope, rec.Meeting.Name, rec.Meeting.Date,
			plural(len(rec.Meeting.Decisions), "decision"), plural(len(rec.Actions), "action"))
		for _, a := range rec.Actions {
			fmt.Fprintf(w, "  %s %s (owner %s%s)\n", a.ID, a.Title, a.Owner, dueText(a.Due))
		}
	})
}

// mergeMinutes lays the flags given over minutes read from a file.
func mergeMinutes(f, flags app.Minutes) app.Minutes {
	if flags.Service != "" || flags.Supplier != "" {
		f.Service, f.Supplier = flags.Service, flags.Supplier
	}
	if flags.Date != "" {
		f.Date = flags.Date
	}
	if flags.Notes != "" {
		f.Notes = flags.Notes
	}
	return f
}

// parseActionSpec reads "TITLE;owner=NAME;due=DATE;slt=S".
func parseActionSpec(spec string) (app.NewAction, error) {
	parts := strings.Split(spec, ";")
	na := app.NewAction{Title: strings.TrimSpace(parts[0])}
	for _, p := range parts[1:] {
		k, v, ok := strings.Cut(p, "=")
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		switch {
		case !ok:
			return na, usageError("--action %q: %q is not KEY=VALUE (owner, due, slt, supplier, service)", spec, p)
		case k == "owner":
			na.Owner = v
		case k == "due":
			na.Due = v
		case k == "slt":
			na.Links.SLT = v
		case k == "service":
			na.Links.Service = v
		case k == "supplier":
			na.Links.Supplier = v
		default:
			return na, usageError("--action %q: unknown key %q (owner, due, slt, supplier, service)", spec, k)
		}
	}
	return na, nil
}

func runMeetingList(e *env, args []string) error {
	fs := flag.NewFlagSet("meeting list", flag.ContinueOnError)
	var f app.MeetingFilter
	fs.StringVar(&f.Service, "service", "", "one service's meetings")
	fs.StringVar(&f.Supplier, "supplier", "", "one supplier's meetings")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ms, err := e.app.Meetings.List(f)
	if err != nil {
		return err
	}
	return e.emit(ms, func(w io.Writer) {
		if len(ms) == 0 {
			fmt.Fprintln(w, "no meetings recorded")
			return
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tDATE\tOF\tATTENDEES\tDECISIONS\tACTIONS\tRECORDED BY")
		for _, m := range ms {
			fmt.Fprintf(tw, "%s\t%s\t%s %s\t%s\t%d\t%s\t%s\n", m.ID, m.Date, m.Scope, m.Name, strings.Join(m.Attendees, ", "), len(m.Decisions),
				dash(strings.Join(m.Actions, ", ")), m.RecordedBy)
		}
		tw.Flush()
	})
}

func runImprovementAdd(e *env, args []string) error {
	fs := flag.NewFlagSet("improvement add", flag.ContinueOnError)
	var in app.NewImprovement
	fs.StringVar(&in.SLT, "slt", "", "the SLT it should improve")
	fs.StringVar(&in.Tier, "tier", "", "one tier of it")
	fs.StringVar(&in.Change, "change", "", "the local date the change took effect, YYYY-MM-DD")
	fs.StringVar(&in.Description, "description", "", "what was changed")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if in.SLT == "" || in.Change == "" || in.Description == "" {
		return usageError("--slt, --change and --description are required")
	}
	imp, err := e.app.Improvements.Add(in)
	if err != nil {
		return err
	}
	return e.emit(imp, func(w io.Writer) {
		fmt.Fprintf(w, "%s added: %s on %s (validate it with `slate improvement validate %s`)\n", imp.ID, imp.SLT, imp.Change, imp.ID)
	})
}

func runImprovementList(e *env, args []string) error {
	fs := flag.NewFlagSet("improvement list", flag.ContinueOnError)
	slt := fs.String("slt", "", "one SLT's initiatives")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	imps, err := e.app.Improvements.List(*slt)
	if err != nil {
		return err
	}
	return e.emit(imps, func(w io.Writer) {
		if len(imps) == 0 {
			fmt.Fprintln(w, "no improvement initiatives")
			return
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSLT\tCHANGE\tDESCRIPTION\tBY")
		for _, i := range imps {
			s := i.SLT
			if i.Tier != "" {
				s += "/" + i.Tier
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", i.ID, s, i.Change, i.Description, i.CreatedBy)
		}
		tw.Flush()
	})
}

func runImprovementValidate(e *env, args []string) error {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		return usageError("give one improvement id")
	}
	v, err := e.app.Improvements.Validate(args[0])
	if err != nil {
		return err
	}
	return e.emit(v, func(w io.Writer) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "%s\t%s (%s, change on %s)\n", v.Improvement, v.Description, v.SLT, v.Change)
		fmt.Fprintf(tw, "measure\t%s\n", v.Measure)
		b, a := v.Before, v.After
		fmt.Fprintf(tw, "before\t%s\n", sideText(b.N, b.From, b.To, b.Mean, b.Median, v.Unit))
		fmt.Fprintf(tw, "after\t%s\n", sideText(a.N, a.From, a.To, a.Mean, a.Median, v.Unit))
		fmt.Fprintf(tw, "test\t%s\n", testText(v))
		if v.Effect != nil {
			ci := ""
			if v.EffectCI != nil {
				ci = fmt.Sprintf(" (95%% interval %s to %s)", effectText(v.EffectCI[0], v.Unit), effectText(v.EffectCI[1], v.Unit))
			}
			fmt.Fprintf(tw, "effect\t%s%s, %s\n", effectText(*v.Effect, v.Unit), ci, v.Direction)
		}
		if v.EffectSize != nil {
			fmt.Fprintf(tw, "effect size\t%s %s\n", effectSizeName(v.EffectSizeName), plain.Number(*v.EffectSize))
		}
		fmt.Fprintf(tw, "enough data\t%s\n", enoughText(v))
		tw.Flush()
		fmt.Fprintf(w, "\n%s\n", v.Verdict)
		for _, c := range v.Caveats {
			fmt.Fprintf(w, "caution: %s\n", c)
		}
	})
}

func sideText(n int, from, to string, mean, median *float64, unit string) string {
	if n == 0 {
		return "no days"
	}
	t := fmt.Sprintf("%s, %s to %s", plural(n, "day"), from, to)
	if mean != nil {
		t += ", mean " + valueText(*mean, unit)
	}
	if median != nil {
		t += ", median " + valueText(*median, unit)
	}
	return t
}

// valueText is a daily value: an attainment (a share) or a statistic in its unit.
func valueText(v float64, unit string) string {
	if unit == "share" {
		return plain.Percent(v)
	}
	return plain.Quantity(v, unit)
}

// effectText is a difference: percentage points of a share, or the unit's.
func effectText(v float64, unit string) string {
	sign := ""
	if v > 0 {
		sign = "+"
	}
	if unit == "share" {
		return sign + plain.Points(v)
	}
	return sign + plain.Quantity(v, unit)
}

func testText(v app.ImprovementValidation) string {
	if v.PValue == nil {
		return v.TestWhy
	}
	verdict := "not significant"
	if v.Significant {
		verdict = "significant"
	}
	return fmt.Sprintf("%s — %s, %s at α = %s", v.TestWhy, plain.P(*v.PValue), verdict, strconv.FormatFloat(v.Alpha, 'f', -1, 64))
}

func enoughText(v app.ImprovementValidation) string {
	switch {
	case v.EnoughData:
		return "yes"
	case v.DaysNeeded != nil:
		return fmt.Sprintf("no: about %s more after the change for %s power", plural(*v.DaysNeeded, "day"), plain.PercentN(v.Power, 0))
	}
	return "no (no number of further days can be named: see the verdict)"
}

func runCorrelate(e *env, args []string) error {
	fs := flag.NewFlagSet("correlate", flag.ContinueOnError)
	var q app.CorrelateQuery
	var maxLag string
	fs.StringVar(&q.Lead, "lead", "", "the series that may move first: a feed or an SLT (feed:NAME, slt:NAME[/TIER])")
	fs.StringVar(&q.Lag, "lag", "", "the series that may follow")
	fs.StringVar(&maxLag, "max-lag", "14d", "the longest lag tried, in days (14d, 2w)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if q.Lead == "" || q.Lag == "" {
		return usageError("--lead and --lag are required")
	}
	n, err := parseDays(maxLag)
	if err != nil {
		return usageError("--max-lag: %v", err)
	}
	q.MaxLag = n
	r, err := e.app.Analysis.Correlate(q)
	if err != nil {
		return err
	}
	return e.emit(r, func(w io.Writer) {
		fmt.Fprintln(w, r.Sentence)
		fmt.Fprintf(w, "\nlead: %s (%s); lag: %s (%s); %s from %s to %s in %s, each series' straight line taken out\n",
			r.Lead.Name, r.Lead.Measure, r.Lag.Name, r.Lag.Measure, plural(r.Days, "day"), dash(r.From), dash(r.To), r.Zone)
		if r.BestLag != nil && r.R != nil && r.PValue != nil && r.PAdjusted != nil {
			fmt.Fprintf(w, "best lag %s: r = %s, %s (%s after trying %d lags)\n", plural(*r.BestLag, "day"), plain.Number(*r.R),
				plain.P(*r.PValue), plain.P(*r.PAdjusted), r.Tested)
		}
	})
}

// parseDays reads a number of days: 14, 14d or 2w.
func parseDays(s string) (int, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	mult := 1
	switch {
	case strings.HasSuffix(s, "d"):
		s = strings.TrimSuffix(s, "d")
	case strings.HasSuffix(s, "w"):
		s, mult = strings.TrimSuffix(s, "w"), 7
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%q is not a number of days (write 14d or 2w)", s)
	}
	return n * mult, nil
}

// effectSizeName names an effect size as statistics.md does.
func effectSizeName(n string) string {
	switch n {
	case "hedges_g":
		return "Hedges' g"
	case "rank_biserial":
		return "rank-biserial r"
	}
	return strings.ReplaceAll(n, "_", " ")
}
