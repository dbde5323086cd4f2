package pack

import (
	"fmt"
	"strings"
	"time"

	"slate/internal/plain"
	"slate/internal/report"
)

// SupplierReview is what a pack scoped to one supplier adds for the joint
// review: what the review covers and why, the data set both sides check, the
// supplier's assessed maturity beside its record, the improvement backlog and
// the contingency plan (internal/supply works them out).
type SupplierReview struct {
	Supplier, DisplayName, Contact, Email string
	SLTs                                  []ReviewSLT
	// Maturity is the latest assessment; nil when the supplier was never assessed.
	Maturity *Maturity
	// Record is the verdict that sets the assessed maturity beside the record;
	// Disagrees says they disagree.
	Record    string
	Disagrees bool
	Actions   []Action
	// Contingency is the supplier's plan; ContingencyPlan its one-line summary.
	Contingency     *Contingency
	ContingencyPlan string
	DataSet         []DataFile
}

// ReviewSLT is an SLT of the review and why it is in it.
type ReviewSLT struct {
	SLT, Feed, Why string
	Contracts      []string
}

// Maturity is a scored maturity assessment.
type Maturity struct {
	Assessment, Model, Date, Assessor string
	Score                             *float64
	Answered, Questions               int
	Areas                             []MaturityArea
}

// MaturityArea is one area's score (1–5) and weight.
type MaturityArea struct {
	Name                string
	Weight              float64
	Score               *float64
	Answered, Questions int
}

// Action is one improvement action linked to the supplier.
type Action struct {
	ID, Title, Owner, Due, Status string
	Overdue                       bool
	DaysOverdue                   int
}

// Contingency is a supplier's contingency plan.
type Contingency struct {
	Trigger, Failover, Workaround, LastTested string
	Contacts                                  []Contact
}

// Contact is someone to call when the plan runs.
type Contact struct{ Name, Role, Phone, Email string }

// DataFile is one file of the shared data set: a feed's rows of the period,
// in the feed's own layout.
type DataFile struct {
	Name, Feed string
	From, To   time.Time
	Rows       int
	Batches    []uint64
	SHA256     string
}

// supplierReview is the joint review's section.
func (pb *builder) supplierReview() report.Section {
	r := pb.in.Supplier
	name := r.Supplier
	if r.DisplayName != "" {
		name = r.DisplayName
	}
	sec := report.Section{ID: "supplier-review", Title: "Joint review with " + name}
	contact := strings.Join(nonEmpty(r.Contact, r.Email), ", ")
	sec.Blocks = append(sec.Blocks, report.NewParagraph(fmt.Sprintf("This pack covers %s's contracts and the SLTs it is bound to or delivers the data of, for %s. "+
		"Both sides review from the same data: the data set files below hold every row the numbers come from, in each feed's own layout, "+
		"so %s can check them and import them as they are. Supplier contact: %s.", name, pb.period, name, orDash(contact))))
	scope := report.Table{Title: "What the review covers", Columns: []report.Column{
		{Header: "SLT", Kind: report.ValueText}, {Header: "Contracts", Kind: report.ValueText},
		{Header: "Feed", Kind: report.ValueText}, {Header: "Why", Kind: report.ValueText},
	}}
	for _, s := range r.SLTs {
		scope.Rows = append(scope.Rows, report.Row{Cells: []report.Cell{report.Text(s.SLT), textOr(strings.Join(s.Contracts, ", "), "—"),
			textOr(s.Feed, "—"), report.Text(s.Why)}})
	}
	if len(scope.Rows) == 0 {
		scope.Caption = "No contract binds " + name + " and no SLT reads its data."
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(scope))
	ds := report.Table{Title: "The data set", Columns: []report.Column{
		{Header: "File", Kind: report.ValueText}, {Header: "Feed", Kind: report.ValueText},
		{Header: "From", Kind: report.ValueDateTime}, {Header: "To", Kind: report.ValueDateTime},
		{Header: "Rows", Kind: report.ValueInteger}, {Header: "Batches", Kind: report.ValueText},
		{Header: "File SHA-256", Kind: report.ValueText},
	}, Caption: "Written beside this pack. From–To: the period as the feed's SLTs read it (an item feed's file holds every item open at some time in it). " +
		"File SHA-256: the first 16 characters; the export.pack event of the audit trail records the full values."}
	for _, f := range r.DataSet {
		ids := make([]string, len(f.Batches))
		for i, b := range f.Batches {
			ids[i] = fmt.Sprint(b)
		}
		ds.Rows = append(ds.Rows, report.Row{Cells: []report.Cell{report.Text(f.Name), report.Text(f.Feed), report.DateTime(f.From),
			report.DateTime(f.To), report.Integer(int64(f.Rows)), textOr(strings.Join(ids, ", "), "none"), report.Text(short(f.SHA256))}})
	}
	if len(ds.Rows) == 0 {
		ds.Caption = "The review covers no feed."
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(ds))
	sec.Blocks = append(sec.Blocks, pb.maturityBlocks(r, name)...)
	backlog := report.Table{Title: "Improvement backlog", Columns: []report.Column{
		{Header: "Action", Kind: report.ValueText}, {Header: "What", Kind: report.ValueText}, {Header: "Owner", Kind: report.ValueText},
		{Header: "Due", Kind: report.ValueText}, {Header: "Status", Kind: report.ValueText},
	}, Caption: "The improvement actions linked to " + name + ", overdue first, then open ones by due date, then closed ones."}
	for _, a := range r.Actions {
		rag, due := report.RAGNone, orDash(a.Due)
		if a.Overdue {
			rag, due = report.RAGRed, fmt.Sprintf("%s (%s overdue)", a.Due, plain.Counted(a.DaysOverdue, "day", "days"))
		}
		backlog.Rows = append(backlog.Rows, report.Row{Status: rag, Cells: []report.Cell{report.Text(a.ID), report.Text(a.Title),
			textOr(a.Owner, "—"), report.Text(due), report.Text(strings.ReplaceAll(a.Status, "_", " "))}})
	}
	if len(backlog.Rows) == 0 {
		backlog.Caption = "No improvement action is linked to " + name + "."
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(backlog))
	sec.Blocks = append(sec.Blocks, contingencyBlocks(r, name)...)
	return sec
}

func (pb *builder) maturityBlocks(r *SupplierReview, name string) []report.Block {
	m := r.Maturity
	if m == nil {
		return []report.Block{report.NewNote(report.SeverityInfo, "Maturity", name+" has no maturity assessment. "+r.Record)}
	}
	sev := report.SeverityInfo
	if r.Disagrees {
		sev = report.SeverityWarning
	}
	blocks := []report.Block{report.NewNote(sev, "Maturity beside the record", r.Record)}
	t := report.Table{Title: fmt.Sprintf("Maturity by area (%s, %s, by %s)", m.Assessment, m.Date, orDash(m.Assessor)), Columns: []report.Column{
		{Header: "Area", Kind: report.ValueText}, {Header: "Weight", Kind: report.ValueNumber},
		{Header: "Score (1–5)", Kind: report.ValueNumber}, {Header: "Answered", Kind: report.ValueText},
	}, Caption: fmt.Sprintf("Model %s; %d of %d questions answered. The overall score is the weighted mean of the areas' scores.", m.Model, m.Answered, m.Questions)}
	for _, a := range m.Areas {
		t.Rows = append(t.Rows, report.Row{Cells: []report.Cell{report.Text(a.Name), report.Number(a.Weight), optNumber(a.Score),
			report.Text(fmt.Sprintf("%d of %d", a.Answered, a.Questions))}})
	}
	t.Rows = append(t.Rows, report.Row{Cells: []report.Cell{report.Text("Overall"), report.Null(), optNumber(m.Score), report.Text(fmt.Sprintf("%d of %d", m.Answered, m.Questions))}})
	return append(blocks, report.NewTable(t))
}

func contingencyBlocks(r *SupplierReview, name string) []report.Block {
	c := r.Contingency
	if c == nil {
		if r.ContingencyPlan != "" {
			return []report.Block{report.NewKeyValues("Contingency plan", report.KeyValue{Label: "Plan", Value: report.Text(r.ContingencyPlan)})}
		}
		return []report.Block{report.NewNote(report.SeverityWarning, "Contingency plan", name+" has no contingency plan: agree one (trigger, failover, workaround, contacts) and record it in the supplier's spec.contingency.")}
	}
	blocks := []report.Block{report.NewKeyValues("Contingency plan",
		report.KeyValue{Label: "Invoked when", Value: textOr(c.Trigger, "—")},
		report.KeyValue{Label: "Failover", Value: textOr(c.Failover, "—")},
		report.KeyValue{Label: "Manual workaround", Value: textOr(c.Workaround, "—")},
		report.KeyValue{Label: "Last tested", Value: textOr(c.LastTested, "never")},
	)}
	t := report.Table{Title: "Contingency contacts", Columns: []report.Column{
		{Header: "Name", Kind: report.ValueText}, {Header: "Role", Kind: report.ValueText},
		{Header: "Phone", Kind: report.ValueText}, {Header: "Email", Kind: report.ValueText},
	}}
	for _, k := range c.Contacts {
		t.Rows = append(t.Rows, report.Row{Cells: []report.Cell{report.Text(k.Name), textOr(k.Role, "—"), textOr(k.Phone, "—"), textOr(k.Email, "—")}})
	}
	if len(t.Rows) == 0 {
		t.Caption = "The plan names nobody to call."
	}
	return append(blocks, report.NewTable(t))
}

// cmdbTable is the data-quality table of rows from CIs the CMDB does not
// know or has not verified in the last 90 days (internal/cmdb).
func (pb *builder) cmdbTable() report.Table {
	t := report.Table{Title: "Rows from CIs not verified in the CMDB", Columns: []report.Column{
		{Header: "SLT", Kind: report.ValueText}, {Header: "Period", Kind: report.ValueText},
		{Header: "Rows", Kind: report.ValueInteger}, {Header: "Unknown CI", Kind: report.ValueInteger},
		{Header: "Not verified", Kind: report.ValueInteger}, {Header: "Share", Kind: report.ValuePercent},
		{Header: "Finding", Kind: report.ValueText},
	}, Caption: "A row counts when its CI is not in the CMDB, or was last verified more than 90 days before the period's end."}
	for _, f := range pb.in.CMDB {
		t.Rows = append(t.Rows, report.Row{Status: report.RAGAmber, Cells: []report.Cell{report.Text(f.SLT), report.Text(f.Period),
			report.Integer(int64(f.Rows)), report.Integer(int64(f.Unknown)), report.Integer(int64(f.Unverified)), report.Percent(f.Share), report.Text(f.Message)}})
	}
	if len(t.Rows) == 0 {
		t.Caption = fmt.Sprintf("Every row of the period names a CI the CMDB knows and verified in the last 90 days, or none (%s CIs in the CMDB).", plain.Int(pb.in.CIs))
	}
	return t
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func short(sha string) string {
	if len(sha) > 16 {
		return sha[:16]
	}
	return sha
}
