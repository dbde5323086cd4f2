package improve

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/report"
	"slate/internal/storage"
)

// PackLoop is the improvement loop of a review pack's scope, as it stood
// when the pack was made: the records carry their current state, not their
// history, so the pack shows them as of its time (docs/pack.md).
type PackLoop struct {
	// Period is the pack's period key; From is its start.
	Period string
	From   time.Time
	// Today is the local date the pack was made on (the workspace's zone).
	Today string
	// RCAs are the analyses of the scope's SLTs: open ones, and those closed
	// since the period started.
	RCAs []RCAItem
	// Actions are the scope's actions (linked to its SLTs, services or
	// suppliers): live ones, and those closed since the period started.
	Actions []ActionItem
	// Reviews are every scope SLT's review status; Recorded the reviews
	// recorded for them, the latest first.
	Reviews  []ReviewStatus
	Recorded []Review
	// Due are the scope's rows of the period whose run of misses made an
	// analysis due (compliance's rca_due), so the pack says for each
	// whether its analysis is open.
	Due []compliance.Row
}

// ReadPackLoop reads the loop of a pack's SLTs for the period key at time
// at, judging reviews on the rows the pack evaluated (rows: each SLT's, at
// at). The period's start is read in the workspace's zone.
func ReadPackLoop(st *storage.Store, ws *domain.Workspace, slts []*domain.SLT, rows map[string]compliance.SLTRows, period string, at time.Time) (PackLoop, error) {
	pp, err := compliance.ParseKey(period, Zone(ws))
	if err != nil {
		return PackLoop{}, err
	}
	pl := PackLoop{Period: period, From: pp.Start, Today: Today(ws, at), RCAs: []RCAItem{}, Actions: []ActionItem{}, Reviews: []ReviewStatus{}, Recorded: []Review{}}
	from := pp.Start
	for _, s := range slts {
		for _, r := range rows[s.Name()].Rows() {
			if r.Period == period && r.RCADue {
				pl.Due = append(pl.Due, r)
			}
		}
	}
	names := make([]string, 0, len(slts))
	inScope, services, suppliers := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, s := range slts {
		names = append(names, s.Name())
		inScope[s.Name()] = true
		services[s.Spec.Service] = true
		if sup := supplierOf(ws, s); sup != "" {
			suppliers[sup] = true
		}
	}
	var actions []Action
	var reviews []Review
	var rcas []RCAItem
	err = st.View(func(tx *storage.Tx) error {
		var err error
		if actions, err = storage.List[Action](tx, storage.Actions); err != nil {
			return err
		}
		if reviews, err = storage.List[Review](tx, storage.Reviews); err != nil {
			return err
		}
		rcas, err = rcaItems(tx, ws, pl.Today, RCAFilter{})
		return err
	})
	if err != nil {
		return pl, err
	}
	since := func(t *time.Time) bool { return t == nil || !t.Before(from) }
	for _, r := range rcas {
		if inScope[r.SLT] && !r.OpenedAt.After(at) && (r.Status == RCAOpen || since(r.ClosedAt)) {
			pl.RCAs = append(pl.RCAs, r)
		}
	}
	for _, it := range selectActions(actions, ActionFilter{}, pl.Today) {
		l := it.Links
		mine := inScope[l.SLT] || (l.SLT == "" && (services[l.Service] || suppliers[l.Supplier]))
		if mine && !it.CreatedAt.After(at) && (!it.Closed() || since(it.ClosedAt)) {
			pl.Actions = append(pl.Actions, it)
		}
	}
	slices.SortStableFunc(reviews, func(x, y Review) int { return strings.Compare(y.Date, x.Date) })
	for _, r := range reviews {
		if inScope[r.SLT] {
			pl.Recorded = append(pl.Recorded, r)
		}
	}
	pl.Reviews = append(pl.Reviews, reviewStatuses(ws, rows, reviews, names, pl.Today)...)
	return pl, nil
}

// PackSections lays the loop out as the review pack's Root-cause analyses,
// Actions and Reviews sections.
func PackSections(pl PackLoop) []report.Section {
	date := dateCell
	held := map[string]string{}
	for _, r := range pl.RCAs {
		for _, b := range r.Breaches {
			held[b] = r.ID
		}
	}
	rca := report.Section{ID: "rca", Title: "Root-cause analyses"}
	rca.Blocks = append(rca.Blocks, report.NewParagraph("An analysis opens by itself when an SLT (or tier) misses its objective in as many "+
		"consecutive complete periods as its rcaAfter setting says (3 unless set); a person may open one for a single breach. It closes "+
		"with at least one root cause, an action that removes it, and its Five Whys chain or Apollo chart complete (docs/improvement.md). "+
		"The analyses and actions are shown as they stood when the pack was made, on "+pl.Today+"."))
	dueT := report.Table{Title: "Due in " + pl.Period, Columns: []report.Column{
		{Header: "SLT", Kind: report.ValueText}, {Header: "Tier", Kind: report.ValueText}, {Header: "Period", Kind: report.ValueText},
		{Header: "Misses in a row", Kind: report.ValueInteger}, {Header: "Analysis", Kind: report.ValueText}}}
	for _, r := range pl.Due {
		id := held[compliance.BreachID(r.SLT, r.Tier, r.Period)]
		rag := report.RAGRed
		if id == "" {
			id = "none yet"
		} else {
			rag = report.RAGAmber
		}
		tier := r.Tier
		if tier == "" {
			tier = "—"
		}
		dueT.Rows = append(dueT.Rows, report.Row{Status: rag, Cells: []report.Cell{report.Text(r.SLT), report.Text(tier), report.Text(r.Period),
			report.Integer(int64(r.ConsecutiveMisses)), report.Text(id)}})
	}
	if len(dueT.Rows) == 0 {
		dueT.Caption = "No SLT reached its root-cause trigger in the period."
	}
	rca.Blocks = append(rca.Blocks, report.NewTable(dueT))
	var details []report.Block
	for _, r := range pl.RCAs {
		details = append(details, rcaDetail(r)...)
	}
	rca.Blocks = append(rca.Blocks, append(blocks(rcaTable(pl.RCAs, date)), details...)...)

	acts := report.Section{ID: "actions", Title: "Actions"}
	acts.Blocks = append(acts.Blocks, report.NewParagraph(fmt.Sprintf("The actions of the pack's services, suppliers and SLTs that are "+
		"open or in progress, and those closed since %s began; overdue first (due before %s and not done or dropped).", pl.Period, pl.Today)))
	acts.Blocks = append(acts.Blocks, blocks(actionTable("Actions, overdue first", pl.Actions, date))...)

	rev := report.Section{ID: "reviews", Title: "Reviews"}
	rev.Blocks = append(rev.Blocks, report.NewParagraph("Each SLT's review cycle gives its next review date; renegotiation triggers "+
		"(business change, technology refresh, the target met or missed so many periods in a row, volume outside the documented "+
		"assumption) make a review due (docs/improvement.md, Reviews)."))
	st := report.Table{Title: "Review status on " + pl.Today, Columns: []report.Column{{Header: "SLT", Kind: report.ValueText, Width: 28},
		{Header: "Owner", Kind: report.ValueText, Width: 16}, {Header: "Cycle", Kind: report.ValueText, Width: 10}, {Header: "Last review", Kind: report.ValueDate, Width: 11},
		{Header: "Next review", Kind: report.ValueDate, Width: 11}, {Header: "Due", Kind: report.ValueText, Width: 6}, {Header: "Why", Kind: report.ValueText, Width: 70}}}
	for _, r := range pl.Reviews {
		last, rag, dueText := report.Null(), report.RAGNone, "no"
		if r.LastReview != nil {
			last = date(r.LastReview.Date)
		}
		if r.Due {
			rag, dueText = report.RAGAmber, "yes"
		}
		st.Rows = append(st.Rows, report.Row{Status: rag, Cells: []report.Cell{report.Text(r.DisplayName), report.Text(r.Owner), report.Text(r.Cycle),
			last, date(r.NextReview), report.Text(dueText), report.Text(strings.Join(r.Reasons, "\n"))}})
	}
	rec := report.Table{Title: "Reviews recorded", Columns: []report.Column{{Header: "Review", Kind: report.ValueText, Width: 8},
		{Header: "SLT", Kind: report.ValueText, Width: 24}, {Header: "Date", Kind: report.ValueDate, Width: 11}, {Header: "Decision", Kind: report.ValueText, Width: 50},
		{Header: "Attendees", Kind: report.ValueText, Width: 30}}}
	for _, r := range pl.Recorded {
		rec.Rows = append(rec.Rows, report.Row{Cells: []report.Cell{report.Text(r.ID), report.Text(r.SLT), date(r.Date), report.Text(r.Decision), report.Text(strings.Join(r.Attendees, ", "))}})
	}
	rev.Blocks = append(rev.Blocks, blocks(st, rec)...)
	return []report.Section{rca, acts, rev}
}

// dateCell is a local date as a date cell (text when it is not one; null when empty).
func dateCell(s string) report.Cell {
	if s == "" {
		return report.Null()
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return report.Text(s)
	}
	return report.Date(t)
}

// rcaTable lists analyses: overdue ones marked red.
func rcaTable(rs []RCAItem, date func(string) report.Cell) report.Table {
	t := report.Table{Title: "Root-cause analyses", Columns: []report.Column{{Header: "RCA", Kind: report.ValueText, Width: 8}, {Header: "SLT", Kind: report.ValueText, Width: 24},
		{Header: "Missed periods", Kind: report.ValueText, Width: 24}, {Header: "Owner", Kind: report.ValueText, Width: 16}, {Header: "Method", Kind: report.ValueText, Width: 10},
		{Header: "Due", Kind: report.ValueDate, Width: 11}, {Header: "Status", Kind: report.ValueText, Width: 8}, {Header: "Root causes", Kind: report.ValueText, Width: 40}, {Header: "Actions", Kind: report.ValueText, Width: 14}}}
	for _, r := range rs {
		rag := report.RAGNone
		status := r.Status
		if r.Overdue {
			rag, status = report.RAGRed, "overdue"
		}
		slt := r.SLT
		if r.Tier != "" {
			slt += "/" + r.Tier
		}
		method := map[string]string{MethodFiveWhys: "Five Whys", MethodApollo: "Apollo"}[r.Method]
		t.Rows = append(t.Rows, report.Row{Status: rag, Cells: []report.Cell{report.Text(r.ID), report.Text(slt), report.Text(strings.Join(r.Periods, ", ")), report.Text(r.Owner),
			report.Text(method), date(r.Due), report.Text(status), report.Text(strings.Join(r.RootCauses, "; ")), report.Text(strings.Join(r.Actions, ", "))}})
	}
	return t
}

// actionTable lists actions in their given order, overdue ones red.
func actionTable(title string, items []ActionItem, date func(string) report.Cell) report.Table {
	t := report.Table{Title: title, Columns: []report.Column{{Header: "Action", Kind: report.ValueText, Width: 7}, {Header: "Title", Kind: report.ValueText, Width: 40},
		{Header: "Owner", Kind: report.ValueText, Width: 16}, {Header: "Due", Kind: report.ValueDate, Width: 11}, {Header: "Status", Kind: report.ValueText, Width: 11},
		{Header: "Days overdue", Kind: report.ValueInteger, Width: 8}, {Header: "About", Kind: report.ValueText, Width: 30}}}
	for _, it := range items {
		rag := report.RAGNone
		overdue := report.Null()
		if it.Overdue {
			rag, overdue = report.RAGRed, report.Integer(int64(it.DaysOverdue))
		}
		t.Rows = append(t.Rows, report.Row{Status: rag, Cells: []report.Cell{report.Text(it.ID), report.Text(it.Title), report.Text(it.Owner), date(it.Due),
			report.Text(strings.ReplaceAll(it.Status, "_", " ")), overdue, report.Text(linksText(it.Links))}})
	}
	return t
}

// People are the names the loop's records hold (owners, team members,
// attendees, requesters and deciders), for a pack that replaces names
// with pseudonyms.
func People(tx *storage.Tx) ([]string, error) {
	var out []string
	actions, err := storage.List[Action](tx, storage.Actions)
	if err != nil {
		return nil, err
	}
	for _, a := range actions {
		out = append(out, a.Owner, a.CreatedBy)
	}
	rcas, err := storage.List[RCA](tx, storage.RCAs)
	if err != nil {
		return nil, err
	}
	for _, r := range rcas {
		out = append(out, r.Owner, r.OpenedBy, r.ClosedBy)
		if r.Team != nil {
			for _, m := range r.Team.Members {
				out = append(out, m.Name)
			}
		}
	}
	reviews, err := storage.List[Review](tx, storage.Reviews)
	if err != nil {
		return nil, err
	}
	for _, r := range reviews {
		out = append(out, r.RecordedBy)
		out = append(out, r.Attendees...)
	}
	meetings, err := storage.List[Meeting](tx, storage.Meetings)
	if err != nil {
		return nil, err
	}
	for _, m := range meetings {
		out = append(out, m.RecordedBy)
		out = append(out, m.Attendees...)
	}
	return out, nil
}
