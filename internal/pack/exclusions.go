package pack

import (
	"fmt"
	"slices"
	"strings"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/report"
)

// ---- exceptions ----

func (pb *builder) exceptions() report.Section {
	sec := report.Section{ID: "exceptions", Title: "Exceptions"}
	sec.Blocks = append(sec.Blocks, report.NewParagraph("Force-majeure exceptions that overlap the period. Only approved exceptions remove "+
		"their window from the calculation; the approver must differ from the requester, and every step is in the audit trail."))
	names := map[string]bool{}
	for _, s := range pb.slts {
		names[s.Name()] = true
	}
	t := report.Table{Title: "Exceptions approved, rejected and pending", Columns: []report.Column{
		{Header: "ID", Kind: report.ValueText}, {Header: "SLT", Kind: report.ValueText}, {Header: "From", Kind: report.ValueDateTime},
		{Header: "To", Kind: report.ValueDateTime}, {Header: "Status", Kind: report.ValueText}, {Header: "Reason", Kind: report.ValueText},
		{Header: "Requested by", Kind: report.ValueText}, {Header: "Decided by", Kind: report.ValueText},
		{Header: "Decision note", Kind: report.ValueText}, {Header: "Evidence", Kind: report.ValueText},
	}, Caption: "Times in UTC. Evidence files are stored in the workspace under their SHA-256 (first 12 characters shown)."}
	for _, e := range pb.excs {
		if !names[e.SLT] || !e.To.After(pb.start) || !e.From.Before(pb.end) {
			continue
		}
		rag := map[string]report.RAG{compliance.StatusApproved: report.RAGGreen, compliance.StatusRejected: report.RAGRed}[e.Status]
		if rag == "" {
			rag = report.RAGAmber
		}
		var ev []string
		for _, x := range e.Evidence {
			sha := x.SHA256
			if len(sha) > 12 {
				sha = sha[:12]
			}
			ev = append(ev, x.Name+" ("+sha+")")
		}
		t.Rows = append(t.Rows, report.Row{Status: rag, Cells: []report.Cell{report.Text(e.ID), report.Text(e.SLT),
			report.DateTime(e.From.UTC()), report.DateTime(e.To.UTC()), report.Text(e.Status), report.Text(e.Reason),
			textOr(e.RequestedBy, ""), textOr(e.DecidedBy, ""), textOr(e.Note, ""), textOr(strings.Join(ev, "\n"), "")}})
	}
	if len(t.Rows) == 0 {
		t.Caption = "No exception overlaps the period. " + t.Caption
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(t))
	return sec
}

// ---- maintenance ----

func maintenanceSchedule(m *domain.MaintenanceWindow) string {
	if r := m.Spec.Recurrence; r != nil {
		s := r.Freq
		switch r.Freq {
		case "weekly":
			s += " on " + strings.Join(r.Days, ", ")
		case "monthly":
			s += fmt.Sprintf(" on day %d", r.DayOfMonth)
		}
		s += fmt.Sprintf(" at %s for %s", r.At, r.Duration.Words())
		if r.TimeZone != "" {
			s += " (" + r.TimeZone + ")"
		}
		if r.From != "" || r.Until != "" {
			s += fmt.Sprintf(", %s to %s", orDash(r.From), orDash(r.Until))
		}
		return s
	}
	return m.Spec.Start.UTC().Format("2006-01-02 15:04") + " – " + m.Spec.End.UTC().Format("2006-01-02 15:04") + " UTC"
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func (pb *builder) maintenance() report.Section {
	sec := report.Section{ID: "maintenance", Title: "Maintenance"}
	t := report.Table{Title: "Maintenance windows", Columns: []report.Column{
		{Header: "Window", Kind: report.ValueText}, {Header: "Applies to", Kind: report.ValueText},
		{Header: "Schedule", Kind: report.ValueText}, {Header: "Registered at", Kind: report.ValueDateTime},
		{Header: "Reason", Kind: report.ValueText},
	}, Caption: "Windows that apply to an SLT of the pack. A window excludes time only when it was registered before it started."}
	for _, m := range pb.ws.Maintenance() {
		applies := false
		for _, s := range pb.slts {
			if compliance.MaintenanceApplies(m, s) {
				applies = true
			}
		}
		if !applies {
			continue
		}
		scope := "every SLT"
		if len(m.Spec.SLTs)+len(m.Spec.Services) > 0 {
			scope = strings.Join(append(slices.Clone(m.Spec.Services), m.Spec.SLTs...), ", ")
		}
		name := m.Name()
		if m.Metadata.DisplayName != "" {
			name = m.Metadata.DisplayName + " (" + m.Name() + ")"
		}
		t.Rows = append(t.Rows, report.Row{Cells: []report.Cell{report.Text(name), report.Text(scope), report.Text(maintenanceSchedule(m)),
			report.DateTime(m.Spec.RegisteredAt.UTC()), textOr(m.Spec.Reason, "")}})
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(t))
	ex := report.Table{Title: "Excluded units in " + pb.period, Columns: []report.Column{
		{Header: "SLT", Kind: report.ValueText}, {Header: "Tier", Kind: report.ValueText}, {Header: "Period", Kind: report.ValueText},
		{Header: "Excluded units", Kind: report.ValueInteger}, {Header: "Attainment", Kind: report.ValuePercent},
		{Header: "Raw attainment", Kind: report.ValuePercent},
	}, Caption: "Units removed by maintenance or approved exceptions, and the attainment with and without them."}
	for _, r := range pb.rep.Rows {
		if r.Excluded > 0 {
			ex.Rows = append(ex.Rows, report.Row{Cells: []report.Cell{report.Text(r.SLT), textOr(r.Tier, "—"), report.Text(r.Period),
				count(r.Excluded), Attainment(r.Kind, r.Unit, r.Attainment), Attainment(r.Kind, r.Unit, r.AttainmentRaw)}})
		}
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(ex))
	ig := report.Table{Title: "Windows not counted", Columns: []report.Column{
		{Header: "SLT", Kind: report.ValueText}, {Header: "Source", Kind: report.ValueText}, {Header: "Reference", Kind: report.ValueText},
		{Header: "Start", Kind: report.ValueDateTime}, {Header: "End", Kind: report.ValueDateTime}, {Header: "Why", Kind: report.ValueText},
	}, Caption: "Times in UTC."}
	for _, g := range pb.rep.Ignored {
		ig.Rows = append(ig.Rows, report.Row{Status: report.RAGAmber, Cells: []report.Cell{report.Text(g.SLT), report.Text(g.Source),
			report.Text(g.Ref), report.DateTime(g.Start.UTC()), report.DateTime(g.End.UTC()), report.Text(g.Reason)}})
	}
	if len(ig.Rows) == 0 {
		ig.Caption = "Every maintenance window and exception in the period counted."
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(ig))
	return sec
}
