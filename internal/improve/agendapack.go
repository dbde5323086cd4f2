package improve

import (
	"fmt"
	"strings"
	"time"

	"slate/internal/report"
)

// AgendaPack lays an agenda out as the format-independent pack model, so
// the pack's writers (internal/export: WriteXLSX, WritePDF) render it as a
// workbook and a PDF. The caller sets Meta.Workspace and Meta.Fingerprint.
func AgendaPack(a Agenda) *report.Pack {
	at := a.At
	if loc, err := time.LoadLocation(a.Zone); err == nil {
		at = at.In(loc) // the pack shows times on their own wall clock
	}
	p := &report.Pack{Meta: report.Meta{
		Title:       "Service review agenda — " + a.DisplayName,
		Period:      a.Date,
		GeneratedAt: at,
		Scope:       fmt.Sprintf("agenda %s=%s date=%s", a.Scope, a.Name, a.Date),
	}}
	date := dateCell
	last := "none recorded"
	if m := a.LastMeeting; m != nil {
		last = m.ID + " on " + m.Date
	}
	items := report.Table{Title: "Agenda", Columns: []report.Column{{Header: "No.", Kind: report.ValueInteger, Width: 4}, {Header: "Item", Kind: report.ValueText, Width: 36}, {Header: "What is under it", Kind: report.ValueText, Width: 60}}}
	for _, it := range a.Items {
		items.Rows = append(items.Rows, report.Row{Cells: []report.Cell{report.Integer(int64(it.Number)), report.Text(it.Title), report.Text(it.Summary)}})
	}
	p.Sections = append(p.Sections, report.Section{ID: "agenda", Title: "Agenda", Blocks: []report.Block{
		report.NewKeyValues("Meeting",
			report.KeyValue{Label: strings.ToUpper(a.Scope[:1]) + a.Scope[1:], Value: report.Text(a.DisplayName)},
			report.KeyValue{Label: "Owner", Value: report.Text(a.Owner)},
			report.KeyValue{Label: "Date", Value: date(a.Date)},
			report.KeyValue{Label: "Since", Value: date(a.Since)},
			report.KeyValue{Label: "Last meeting", Value: report.Text(last)},
			report.KeyValue{Label: "Figures as of", Value: report.DateTime(at)},
			report.KeyValue{Label: "Time zone", Value: report.Text(a.Zone)}),
		report.NewTable(items),
	}})

	periods := report.Table{Title: "Periods since " + a.Since, Columns: []report.Column{{Header: "SLT", Kind: report.ValueText, Width: 30}, {Header: "Objective", Kind: report.ValueText, Width: 18},
		{Header: "Period", Kind: report.ValueText, Width: 10}, {Header: "Attainment", Kind: report.ValueText, Width: 14}, {Header: "Met", Kind: report.ValueText, Width: 10}}}
	verdicts := report.Table{Title: "Trends and verdicts", Columns: []report.Column{{Header: "SLT", Kind: report.ValueText, Width: 30}, {Header: "Owner", Kind: report.ValueText, Width: 18},
		{Header: "Trend", Kind: report.ValueText, Width: 12}, {Header: "Verdict", Kind: report.ValueText, Width: 70}, {Header: "Counter-metric", Kind: report.ValueText, Width: 30}}}
	for _, s := range a.SLTs {
		for _, pr := range s.Periods {
			met, rag := "no data", report.RAGNone
			switch {
			case pr.Met == nil:
			case !pr.Complete && *pr.Met:
				met = "so far met"
			case !pr.Complete:
				met, rag = "so far missed", report.RAGAmber
			case *pr.Met:
				met, rag = "met", report.RAGGreen
			default:
				met, rag = "missed", report.RAGRed
			}
			periods.Rows = append(periods.Rows, report.Row{Status: rag, Cells: []report.Cell{report.Text(s.DisplayName), report.Text(s.Objective), report.Text(pr.Period), report.Text(pr.Value), report.Text(met)}})
		}
		counter := ""
		if c := s.Counter; c != nil {
			counter = fmt.Sprintf("%s: %s in %s", c.DisplayName, c.Value, c.Period)
		}
		verdicts.Rows = append(verdicts.Rows, report.Row{Cells: []report.Cell{report.Text(s.DisplayName), report.Text(s.Owner), report.Text(s.Trend), report.Text(s.Verdict), report.Text(counter)}})
	}
	p.Sections = append(p.Sections, report.Section{ID: "performance", Title: "Service performance", Blocks: blocks(periods, verdicts)})

	breaches := report.Table{Title: "Breaches since " + a.Since + ", by priority", Caption: "Priority is impact weight × error budgets overspent (docs/metrics.md, Breaches).",
		Columns: []report.Column{{Header: "Breach", Kind: report.ValueText, Width: 30}, {Header: "Attainment", Kind: report.ValueText, Width: 14}, {Header: "Objective", Kind: report.ValueText, Width: 14},
			{Header: "Budgets overspent", Kind: report.ValueNumber, Width: 12}, {Header: "Priority", Kind: report.ValueNumber, Width: 10}, {Header: "Pareto rank", Kind: report.ValueInteger, Width: 8},
			{Header: "Vital few", Kind: report.ValueText, Width: 8}, {Header: "RCA", Kind: report.ValueText, Width: 10}}}
	for _, b := range a.Breaches {
		vital := map[bool]string{true: "yes", false: "no"}[b.VitalFew]
		if b.FalsePositive {
			vital = "false positive"
		}
		breaches.Rows = append(breaches.Rows, report.Row{Status: report.RAGRed, Cells: []report.Cell{report.Text(b.ID), report.Text(b.Value), report.Text(b.Objective),
			report.Number(b.BudgetsOverspent), report.Number(b.Priority), report.Integer(int64(b.ParetoRank)), report.Text(vital), report.Text(b.RCA)}})
	}
	p.Sections = append(p.Sections, report.Section{ID: "breaches", Title: "Breaches", Blocks: blocks(breaches)})

	var details []report.Block
	for _, r := range a.RCAs {
		details = append(details, rcaDetail(r)...)
	}
	p.Sections = append(p.Sections, report.Section{ID: "rcas", Title: "Root-cause analyses", Blocks: append(blocks(rcaTable(a.RCAs, date)), details...)})
	p.Sections = append(p.Sections, report.Section{ID: "actions", Title: "Actions", Blocks: blocks(actionTable("Actions, overdue first", a.Actions, date))})

	decided := report.Table{Title: "Decided since " + a.Since, Columns: []report.Column{{Header: "Record", Kind: report.ValueText, Width: 10}, {Header: "What", Kind: report.ValueText, Width: 40},
		{Header: "Decision", Kind: report.ValueText, Width: 10}, {Header: "Asked by", Kind: report.ValueText, Width: 14}, {Header: "Decided by", Kind: report.ValueText, Width: 14}, {Header: "On", Kind: report.ValueDate, Width: 11}}}
	for _, e := range a.Exceptions {
		decided.Rows = append(decided.Rows, report.Row{Cells: []report.Cell{report.Text(e.ID), report.Text(fmt.Sprintf("exception on %s: %s", e.SLT, e.Reason)), report.Text(e.Status),
			report.Text(e.RequestedBy), report.Text(e.DecidedBy), report.Date(e.DecidedAt)}})
	}
	for _, ap := range a.Approvals {
		decided.Rows = append(decided.Rows, report.Row{Cells: []report.Cell{report.Text(ap.ID), report.Text(strings.ReplaceAll(ap.Kind, "_", " ") + " " + ap.Subject + ": " + ap.Reason), report.Text(ap.Status),
			report.Text(ap.RequestedBy), report.Text(ap.DecidedBy), report.Date(ap.DecidedAt)}})
	}
	p.Sections = append(p.Sections, report.Section{ID: "decided", Title: "Exceptions and false positives", Blocks: blocks(decided)})

	imps := report.Table{Title: "Improvement initiatives", Caption: "Effect: after − before, per local day (docs/improvement.md).",
		Columns: []report.Column{{Header: "Initiative", Kind: report.ValueText, Width: 8}, {Header: "SLT", Kind: report.ValueText, Width: 22}, {Header: "Change", Kind: report.ValueDate, Width: 11},
			{Header: "Test", Kind: report.ValueText, Width: 12}, {Header: "p-value", Kind: report.ValueNumber, Width: 8}, {Header: "Enough data", Kind: report.ValueText, Width: 8}, {Header: "Verdict", Kind: report.ValueText, Width: 70}}}
	for _, r := range a.Improvements {
		pv := report.Null()
		if r.PValue != nil {
			pv = report.Number(*r.PValue)
		}
		imps.Rows = append(imps.Rows, report.Row{Cells: []report.Cell{report.Text(r.Improvement), report.Text(r.SLT), date(r.Change), report.Text(r.Test), pv,
			report.Text(map[bool]string{true: "yes", false: "no"}[r.EnoughData]), report.Text(r.Verdict)}})
	}
	p.Sections = append(p.Sections, report.Section{ID: "improvements", Title: "Improvement initiatives", Blocks: blocks(imps)})

	reviews := report.Table{Title: "SLT reviews due", Columns: []report.Column{{Header: "SLT", Kind: report.ValueText, Width: 28}, {Header: "Owner", Kind: report.ValueText, Width: 16},
		{Header: "Next review", Kind: report.ValueDate, Width: 11}, {Header: "Why", Kind: report.ValueText, Width: 80}}}
	for _, r := range a.Reviews {
		reviews.Rows = append(reviews.Rows, report.Row{Status: report.RAGAmber, Cells: []report.Cell{report.Text(r.DisplayName), report.Text(r.Owner), date(r.NextReview), report.Text(strings.Join(r.Reasons, "\n"))}})
	}
	p.Sections = append(p.Sections, report.Section{ID: "reviews", Title: "Reviews", Blocks: blocks(reviews)})

	dec := report.Table{Title: "Decisions asked for", Columns: []report.Column{{Header: "No.", Kind: report.ValueInteger, Width: 4}, {Header: "Decision", Kind: report.ValueText, Width: 90}, {Header: "About", Kind: report.ValueText, Width: 20}}}
	for i, d := range a.Decisions {
		dec.Rows = append(dec.Rows, report.Row{Cells: []report.Cell{report.Integer(int64(i + 1)), report.Text(d.Text), report.Text(d.Ref)}})
	}
	p.Sections = append(p.Sections, report.Section{ID: "decisions", Title: "Decisions asked for", Blocks: blocks(dec)})
	return p
}

// rcaDetail is an analysis' problem, its chain so far and its proposed team.
func rcaDetail(r RCAItem) []report.Block {
	out := []report.Block{report.NewHeading(2, r.ID+" — "+r.SLT), report.NewParagraph(r.Problem)}
	switch {
	case r.Method == MethodFiveWhys && len(r.FiveWhys) > 0:
		t := report.Table{Title: "Five Whys", Columns: []report.Column{{Header: "Why", Kind: report.ValueText, Width: 45}, {Header: "Because", Kind: report.ValueText, Width: 55}}}
		for _, w := range r.FiveWhys {
			because := w.Because
			if because == "" {
				because = "(not answered yet)"
			}
			t.Rows = append(t.Rows, report.Row{Cells: []report.Cell{report.Text(w.Why), report.Text(because)}})
		}
		out = append(out, report.NewTable(t))
	case r.Method == MethodApollo && r.Apollo != nil:
		t := report.Table{Title: "Apollo: " + r.Apollo.PrimaryEffect, Columns: []report.Column{{Header: "Effect", Kind: report.ValueText, Width: 25}, {Header: "Cause", Kind: report.ValueText, Width: 30},
			{Header: "Kind", Kind: report.ValueText, Width: 10}, {Header: "Evidence", Kind: report.ValueText, Width: 35}}}
		for _, c := range r.Apollo.Causes {
			t.Rows = append(t.Rows, report.Row{Cells: []report.Cell{report.Text(c.Effect), report.Text(c.Cause), report.Text(c.Kind), report.Text(c.Evidence)}})
		}
		out = append(out, blocks(t)...)
	}
	if r.Team != nil {
		var ms []string
		for _, m := range r.Team.Members {
			ms = append(ms, fmt.Sprintf("%s (%s, %s)", m.Name, m.Service, m.Role))
		}
		out = append(out, report.NewNote(report.SeverityInfo, "Proposed team for "+r.ID, strings.Join(ms, ", ")+". "+r.Team.Reason+"."))
	}
	return out
}

// blocks puts tables in blocks, with a line saying so when one is empty.
func blocks(ts ...report.Table) []report.Block {
	var out []report.Block
	for _, t := range ts {
		if len(t.Rows) == 0 {
			out = append(out, report.NewParagraph(t.Title+": none."))
			continue
		}
		out = append(out, report.NewTable(t))
	}
	return out
}

func linksText(l Links) string {
	var parts []string
	for _, kv := range [][2]string{{"SLT", l.SLT}, {"tier", l.Tier}, {"breach", l.Breach}, {"RCA", l.RCA}, {"review", l.Review}, {"meeting", l.Meeting}, {"improvement", l.Improvement}, {"supplier", l.Supplier}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+" "+kv[1])
		}
	}
	if len(parts) == 0 && l.Service != "" {
		parts = append(parts, "service "+l.Service)
	}
	return strings.Join(parts, ", ")
}
