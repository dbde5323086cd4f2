package improve

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"slate/internal/analysis"
	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/initiative"
	"slate/internal/judge"
	"slate/internal/readview"
	"slate/internal/safeguard"
	"slate/internal/storage"
)

// DefaultLookback is how far back an agenda looks when no earlier meeting
// of its scope is recorded.
const DefaultLookback = 3 // months

// AgendaQuery asks for the agenda of a service's or a supplier's review
// meeting on a date.
type AgendaQuery struct {
	Service  string `json:"service,omitempty"`
	Supplier string `json:"supplier,omitempty"`
	// Date is the meeting's local date (YYYY-MM-DD; "" = today).
	Date string `json:"date,omitempty"`
}

// Agenda is a service review meeting's agenda as data: what happened since
// the last meeting of the same scope, and what the meeting must decide.
type Agenda struct {
	Scope       string `json:"scope"` // service or supplier
	Name        string `json:"name"`
	DisplayName string `json:"display_name"`
	Owner       string `json:"owner,omitempty"`
	Date        string `json:"date"`
	// At is when the figures were evaluated: now, or the end of the meeting
	// date when that is earlier. Zone is the workspace's zone, which the
	// dates are read in.
	At   time.Time `json:"at"`
	Zone string    `json:"zone"`
	// Since is the date the agenda looks back to: the last meeting of the
	// scope (LastMeeting), else DefaultLookback months before the date.
	Since       string         `json:"since"`
	LastMeeting *Meeting       `json:"last_meeting,omitempty"`
	Items       []AgendaItem   `json:"items"`
	SLTs        []AgendaSLT    `json:"slts"`
	Breaches    []AgendaBreach `json:"breaches"`
	RCAs        []RCAItem      `json:"rcas"`
	Actions     []ActionItem   `json:"actions"`
	// Exceptions are the exceptions of the scope's SLTs decided since, and
	// Approvals the four-eyes requests (false positives, clock pauses) decided since.
	Exceptions   []storage.Exception  `json:"exceptions"`
	Approvals    []safeguard.Approval `json:"approvals"`
	Improvements []initiative.Result  `json:"improvements"`
	Reviews      []ReviewStatus       `json:"reviews_due"`
	Decisions    []Decision           `json:"decisions"`
}

// AgendaItem is one line of the standard agenda.
type AgendaItem struct {
	Number int    `json:"number"`
	Title  string `json:"title"`
	// Summary says in a few words what is under it.
	Summary string `json:"summary"`
}

// AgendaSLT is one SLT's trend and verdict since the last meeting.
type AgendaSLT struct {
	SLT         string `json:"slt"`
	DisplayName string `json:"display_name"`
	Service     string `json:"service"`
	Owner       string `json:"owner"`
	Type        string `json:"type"`
	Objective   string `json:"objective"`
	// Periods are the SLT's periods since the last meeting.
	Periods []AgendaPeriod `json:"periods"`
	// Trend is improving, worsening or none; Verdict the analysis' verdict
	// in words (docs/statistics.md), over every complete period to date.
	Trend   string `json:"trend"`
	Verdict string `json:"verdict"`
	// Status is the one status rule's judgement; the caller that has the
	// burn-rate alerts fills it (as compliance.Report.Statuses).
	Status *compliance.Status `json:"status,omitempty"`
	// Counter is the counter-metric the SLT names, read beside it.
	Counter *CounterView `json:"counter_metric,omitempty"`
}

// AgendaPeriod is one period of an SLT.
type AgendaPeriod struct {
	Period     string   `json:"period"`
	Complete   bool     `json:"complete"`
	Attainment *float64 `json:"attainment"`
	Value      string   `json:"value"`
	Met        *bool    `json:"met"`
}

// CounterView is a counter-metric's latest complete period.
type CounterView struct {
	SLT         string   `json:"slt"`
	DisplayName string   `json:"display_name"`
	Period      string   `json:"period,omitempty"`
	Attainment  *float64 `json:"attainment"`
	Value       string   `json:"value"`
	Met         *bool    `json:"met"`
}

// AgendaBreach is a breach since the last meeting with its priority.
type AgendaBreach struct {
	compliance.Breach
	// Value and Objective are the attainment and objective in words.
	Value     string `json:"value"`
	Objective string `json:"objective"`
	// RCA is the analysis of the run the breach belongs to, if any.
	RCA string `json:"rca,omitempty"`
}

// Decision is something the meeting is asked to decide, with the record it is about.
type Decision struct {
	Text string `json:"text"`
	Ref  string `json:"ref"`
}

// BuildAgenda generates the agenda of a service's or a supplier's review
// meeting on a date.
func BuildAgenda(st *storage.Store, q AgendaQuery) (Agenda, error) {
	if (q.Service == "") == (q.Supplier == "") {
		return Agenda{}, errors.New("an agenda is for one service or one supplier")
	}
	var ws *domain.Workspace
	var meetings []Meeting
	var rcas []RCA
	var actions []Action
	var excs []storage.Exception
	var approvals []safeguard.Approval
	var imps []initiative.Improvement
	var reviews []Review
	var marks map[string]storage.BreachMark
	err := st.View(func(tx *storage.Tx) error {
		var err error
		if ws, err = tx.Workspace(); err != nil {
			return err
		}
		if meetings, err = storage.List[Meeting](tx, storage.Meetings); err != nil {
			return err
		}
		if rcas, err = storage.List[RCA](tx, storage.RCAs); err != nil {
			return err
		}
		if actions, err = storage.List[Action](tx, storage.Actions); err != nil {
			return err
		}
		if excs, err = tx.Exceptions(); err != nil {
			return err
		}
		if approvals, err = storage.List[safeguard.Approval](tx, storage.Approvals); err != nil {
			return err
		}
		if imps, err = storage.List[initiative.Improvement](tx, storage.Improvements); err != nil {
			return err
		}
		if reviews, err = storage.List[Review](tx, storage.Reviews); err != nil {
			return err
		}
		marks, err = tx.BreachMarks()
		return err
	})
	if err != nil {
		return Agenda{}, err
	}
	a := Agenda{Items: []AgendaItem{}, SLTs: []AgendaSLT{}, Breaches: []AgendaBreach{}, RCAs: []RCAItem{}, Actions: []ActionItem{},
		Exceptions: []storage.Exception{}, Approvals: []safeguard.Approval{}, Improvements: []initiative.Result{}, Reviews: []ReviewStatus{}, Decisions: []Decision{}}
	if q.Service != "" {
		svc := ws.Service(q.Service)
		if svc == nil {
			return Agenda{}, fmt.Errorf("service %q does not exist", q.Service)
		}
		a.Scope, a.Name, a.DisplayName, a.Owner = "service", q.Service, svc.Metadata.Title(), svc.Spec.Owner
	} else {
		sup := ws.Supplier(q.Supplier)
		if sup == nil {
			return Agenda{}, fmt.Errorf("supplier %q does not exist", q.Supplier)
		}
		a.Scope, a.Name, a.DisplayName, a.Owner = "supplier", q.Supplier, sup.Metadata.Title(), sup.Spec.Contact
	}
	loc := Zone(ws)
	a.Zone = loc.String()
	now := st.Now()
	today := compliance.LocalDay(now, loc)
	a.Date = q.Date
	if a.Date == "" {
		a.Date = compliance.DayKey(today)
	}
	if err := checkDate("meeting date", a.Date); err != nil {
		return Agenda{}, err
	}
	date, _ := time.Parse(time.DateOnly, a.Date)
	dayAfter := compliance.FirstAt(date.AddDate(0, 0, 1), loc)
	a.At = now.UTC()
	if dayAfter.Before(now) {
		a.At = dayAfter
	}

	// since the last meeting of the same scope
	slices.SortStableFunc(meetings, func(x, y Meeting) int { return strings.Compare(y.Date, x.Date) })
	for i := range meetings {
		m := meetings[i]
		if m.Scope == a.Scope && m.Name == a.Name && m.Date < a.Date {
			a.LastMeeting = &m
			break
		}
	}
	if a.LastMeeting != nil {
		a.Since = a.LastMeeting.Date
	} else {
		a.Since = addMonths(a.Date, -DefaultLookback)
	}
	since, _ := time.Parse(time.DateOnly, a.Since)
	sinceAt := compliance.FirstAt(since, loc)

	names := scopeSLTs(ws, "", q.Service, q.Supplier)
	inScope := map[string]bool{}
	for _, n := range names {
		inScope[n] = true
	}
	evalNames := slices.Clone(names)
	for _, n := range names {
		if c := ws.SLT(n).Spec.CounterMetric; c != "" && !slices.Contains(evalNames, c) {
			evalNames = append(evalNames, c)
		}
	}
	in, err := readview.Input(st, a.At)
	if err != nil {
		return Agenda{}, err
	}
	ev := compliance.NewEvaluator(in)
	all, err := ev.All(evalNames)
	if err != nil {
		return Agenda{}, err
	}

	// trends and verdicts
	var breachRows []compliance.Row
	for _, n := range names {
		s := ws.SLT(n)
		r := all[n]
		as := AgendaSLT{SLT: n, DisplayName: s.Metadata.Title(), Service: s.Spec.Service, Owner: ownerOf(ws, s), Type: s.Spec.Type,
			Objective: objectiveText(ws, s), Periods: []AgendaPeriod{}, Trend: "none"}
		for _, row := range r.Overall {
			if !row.End.After(sinceAt) {
				continue
			}
			p := AgendaPeriod{Period: row.Period, Complete: row.Complete, Attainment: row.Attainment, Met: row.Met, Value: "no data"}
			if row.Attainment != nil {
				p.Value = formatValue(ws, s, row.Kind, *row.Attainment)
			}
			as.Periods = append(as.Periods, p)
		}
		if res, err := analysis.Analyze(seriesInput(ws, s, r.Overall)); err == nil {
			as.Verdict = res.Verdict.Text
			if res.Trend != nil {
				as.Trend = res.Trend.Direction
			}
		}
		if c := ws.SLT(s.Spec.CounterMetric); c != nil {
			as.Counter = counterView(ws, c, all[c.Name()])
		}
		a.SLTs = append(a.SLTs, as)
		for _, row := range r.Rows() {
			if row.End.After(sinceAt) {
				breachRows = append(breachRows, row)
			}
		}
	}

	// breaches since, ranked
	fps := readview.FalsePositives(marks)
	runOf := map[string]string{}
	for _, r := range rcas {
		for _, b := range r.Breaches {
			runOf[b] = r.ID
		}
	}
	for _, b := range compliance.Breaches(ws, breachRows, fps) {
		s := ws.SLT(b.SLT)
		ab := AgendaBreach{Breach: b, RCA: runOf[b.ID], Value: "no data"}
		if b.Attainment != nil {
			ab.Value = formatValue(ws, s, kindOf(s), *b.Attainment)
		}
		if b.Target != nil {
			ab.Objective = b.Op + " " + formatValue(ws, s, kindOf(s), *b.Target)
		}
		a.Breaches = append(a.Breaches, ab)
	}

	// root-cause analyses: open ones and those closed since
	todayKey := compliance.DayKey(today)
	items, err := func() ([]RCAItem, error) {
		var out []RCAItem
		err := st.View(func(tx *storage.Tx) error {
			var err error
			out, err = rcaItems(tx, ws, todayKey, RCAFilter{})
			return err
		})
		return out, err
	}()
	if err != nil {
		return Agenda{}, err
	}
	for _, it := range items {
		if inScope[it.SLT] && (it.Status == RCAOpen || !it.ClosedAt.Before(sinceAt)) {
			a.RCAs = append(a.RCAs, it)
		}
	}

	// actions: live ones, and those closed since
	for _, it := range selectActions(actions, ActionFilter{}, todayKey) {
		l := it.Links
		mine := (a.Scope == "service" && l.Service == a.Name) || (a.Scope == "supplier" && l.Supplier == a.Name) || inScope[l.SLT]
		if mine && (!it.Closed() || !it.ClosedAt.Before(sinceAt)) {
			a.Actions = append(a.Actions, it)
		}
	}

	// exceptions and four-eyes requests decided since (and waiting ones, as decisions)
	for _, e := range excs {
		if inScope[e.SLT] && e.Status != compliance.StatusRequested && !e.DecidedAt.Before(sinceAt) {
			a.Exceptions = append(a.Exceptions, e)
		}
	}
	for _, ap := range approvals {
		if inScope[ap.SLT] && ap.Status != compliance.StatusRequested && !ap.DecidedAt.Before(sinceAt) {
			a.Approvals = append(a.Approvals, ap)
		}
	}

	// improvement initiatives of the scope, validated on the data
	for _, imp := range imps {
		if !inScope[imp.SLT] {
			continue
		}
		res, err := initiative.ValidateWith(ev, imp, initiative.Options{})
		if err != nil {
			return Agenda{}, err
		}
		res.Days = []initiative.Day{} // the chart's days stay with `improvement validate`
		a.Improvements = append(a.Improvements, res)
	}

	// reviews due
	slices.SortStableFunc(reviews, func(x, y Review) int { return strings.Compare(y.Date, x.Date) })
	for _, rs := range reviewStatuses(ws, all, reviews, names, a.Date) {
		if rs.Due {
			a.Reviews = append(a.Reviews, rs)
		}
	}

	a.Decisions = decisions(a, excs, approvals, inScope)
	a.Items = outline(a)
	return a, nil
}

func kindOf(s *domain.SLT) string {
	switch {
	case s.Spec.Composite != nil:
		return "composite"
	case s.Spec.Indicator != nil:
		return s.Spec.Indicator.Kind
	}
	return ""
}

// objectiveText is ">= 95%", "<= 450 ms", or the tiers' objectives.
func objectiveText(ws *domain.Workspace, s *domain.SLT) string {
	sp := &s.Spec
	if len(sp.Tiers) == 0 {
		return sp.ObjectiveOp(sp.Objective.Op) + " " + targetText(ws, s, sp.Objective.Target)
	}
	var parts []string
	for _, t := range sp.Tiers {
		parts = append(parts, t.Name+" "+sp.ObjectiveOp(t.Op)+" "+targetText(ws, s, t.Target))
	}
	return strings.Join(parts, ", ")
}

func targetText(ws *domain.Workspace, s *domain.SLT, v float64) string {
	if s.Spec.RatioLike() {
		return trimFloat(v*100) + "%"
	}
	out := trimFloat(v)
	if f := ws.Feed(s.Spec.Feed); f != nil && f.Spec.Unit != "" {
		out += " " + f.Spec.Unit
	}
	return out
}

func trimFloat(v float64) string {
	s := fmt.Sprintf("%.4f", v)
	return strings.TrimRight(strings.TrimRight(s, "0"), ".")
}

func counterView(ws *domain.Workspace, c *domain.SLT, r compliance.SLTRows) *CounterView {
	cv := &CounterView{SLT: c.Name(), DisplayName: c.Metadata.Title(), Value: "no data"}
	for i := len(r.Overall) - 1; i >= 0; i-- {
		if row := r.Overall[i]; row.Complete {
			cv.Period, cv.Attainment, cv.Met = row.Period, row.Attainment, row.Met
			if row.Attainment != nil {
				cv.Value = formatValue(ws, c, row.Kind, *row.Attainment)
			}
			break
		}
	}
	return cv
}

// seriesInput is the analysis input of an SLT's overall rows, read the way
// `slate analyze` and the status rule read them (internal/judge).
func seriesInput(ws *domain.Workspace, s *domain.SLT, rows []compliance.Row) analysis.Input {
	op, target, _ := judge.Objective(s, "")
	return judge.Input(ws, s, op, target, rows, judge.Zone(s))
}

// decisions lists what the meeting is asked to decide.
func decisions(a Agenda, excs []storage.Exception, approvals []safeguard.Approval, inScope map[string]bool) []Decision {
	out := []Decision{}
	for _, r := range a.Reviews {
		out = append(out, Decision{Text: fmt.Sprintf("Renegotiate or confirm %s: %s", r.DisplayName, strings.Join(trimPrefixes(r.Reasons, "review due because "), "; ")), Ref: "SLT/" + r.SLT})
	}
	for _, e := range excs {
		if inScope[e.SLT] && e.Status == compliance.StatusRequested {
			out = append(out, Decision{Text: fmt.Sprintf("Approve or reject exception %s on %s (%s, asked by %s)", e.ID, e.SLT, e.Reason, e.RequestedBy), Ref: "Exception/" + e.ID})
		}
	}
	for _, ap := range approvals {
		if inScope[ap.SLT] && ap.Status == compliance.StatusRequested {
			what := "the false positive " + ap.Subject
			if ap.Kind == safeguard.KindClockPause {
				what = "the clock pause on " + ap.Subject
			}
			out = append(out, Decision{Text: fmt.Sprintf("Approve or reject %s (%s, asked by %s; a second person decides)", what, ap.Reason, ap.RequestedBy), Ref: "Approval/" + ap.ID})
		}
	}
	for _, r := range a.RCAs {
		if r.Status != RCAOpen {
			continue
		}
		if r.Overdue {
			out = append(out, Decision{Text: fmt.Sprintf("%s on %s was due on %s: re-plan or escalate", r.ID, r.SLT, r.Due), Ref: "RCA/" + r.ID})
		}
		if r.Team != nil {
			var ms []string
			for _, m := range r.Team.Members {
				ms = append(ms, m.Name+" ("+m.Service+")")
			}
			out = append(out, Decision{Text: fmt.Sprintf("Form the cross-functional team proposed for %s: %s", r.ID, strings.Join(ms, ", ")), Ref: "RCA/" + r.ID})
		}
	}
	for _, it := range a.Actions {
		if it.Overdue {
			out = append(out, Decision{Text: fmt.Sprintf("Re-plan or escalate %s %q (%s, %d days overdue)", it.ID, it.Title, it.Owner, it.DaysOverdue), Ref: "Action/" + it.ID})
		}
	}
	return out
}

func trimPrefixes(ss []string, p string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.TrimPrefix(s, p)
	}
	return out
}

// outline is the standard agenda, in the order a service review runs.
func outline(a Agenda) []AgendaItem {
	count := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	last := "no earlier meeting recorded; looking back to " + a.Since
	if m := a.LastMeeting; m != nil {
		last = fmt.Sprintf("%s on %s: %s, %s", m.ID, m.Date, count(len(m.Decisions), "decision", "decisions"), count(len(m.Actions), "action", "actions"))
	}
	missed, worse := 0, 0
	for _, s := range a.SLTs {
		for _, p := range s.Periods {
			if p.Complete && p.Met != nil && !*p.Met {
				missed++
				break
			}
		}
		if s.Trend == "worsening" {
			worse++
		}
	}
	open, overdueRCA := 0, 0
	for _, r := range a.RCAs {
		if r.Status == RCAOpen {
			open++
			if r.Overdue {
				overdueRCA++
			}
		}
	}
	live, overdue := 0, 0
	for _, it := range a.Actions {
		if !it.Closed() {
			live++
		}
		if it.Overdue {
			overdue++
		}
	}
	vital := 0
	for _, b := range a.Breaches {
		if b.VitalFew && !b.FalsePositive {
			vital++
		}
	}
	return []AgendaItem{
		{1, "Minutes and actions of the last meeting", last},
		{2, "Service performance: trends and verdicts", fmt.Sprintf("%s, %d missed a period since %s, %d worsening", count(len(a.SLTs), "SLT", "SLTs"), missed, a.Since, worse)},
		{3, "Breaches and their priority", fmt.Sprintf("%s since %s, %d in the vital few", count(len(a.Breaches), "breach", "breaches"), a.Since, vital)},
		{4, "Root-cause analyses", fmt.Sprintf("%d open (%d overdue), %d closed since %s", open, overdueRCA, len(a.RCAs)-open, a.Since)},
		{5, "Actions", fmt.Sprintf("%d open, %d overdue, %d closed since %s", live, overdue, len(a.Actions)-live, a.Since)},
		{6, "Exceptions and false positives decided", fmt.Sprintf("%s and %s decided since %s", count(len(a.Exceptions), "exception", "exceptions"), count(len(a.Approvals), "four-eyes request", "four-eyes requests"), a.Since)},
		{7, "Improvement initiatives", count(len(a.Improvements), "initiative, validated on its SLT's data", "initiatives, validated on their SLTs' data")},
		{8, "SLT reviews due", count(len(a.Reviews), "SLT due for review", "SLTs due for review")},
		{9, "Decisions asked for", count(len(a.Decisions), "decision", "decisions")},
		{10, "Any other business", ""},
	}
}

// JudgedAgenda is BuildAgenda with each SLT's status in its period (the
// one status rule, judge.Judge.Status).
func JudgedAgenda(st *storage.Store, q AgendaQuery) (Agenda, error) {
	ag, err := BuildAgenda(st, q)
	if err != nil || len(ag.SLTs) == 0 {
		return ag, err
	}
	in, err := readview.Input(st, ag.At)
	if err != nil {
		return ag, err
	}
	names := make([]string, len(ag.SLTs))
	for i, s := range ag.SLTs {
		names[i] = s.SLT
	}
	all, err := compliance.NewEvaluator(in).All(names)
	if err != nil {
		return ag, err
	}
	j := judge.NewJudge(in, nil)
	for i := range ag.SLTs {
		st := j.Status(in.Workspace.SLT(ag.SLTs[i].SLT), all[ag.SLTs[i].SLT], "", nil)
		ag.SLTs[i].Status = &st
	}
	return ag, nil
}
