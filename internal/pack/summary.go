package pack

import (
	"fmt"
	"slices"
	"strings"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/plain"
	"slate/internal/report"
)

// ---- executive summary ----

type sltStatus struct {
	slt                  *domain.SLT
	periods, met, missed int
	att, raw, budget     *float64
	kind, op             string
	rag                  report.RAG
	status               compliance.Status
}

func (pb *builder) status(s *domain.SLT) sltStatus {
	st := sltStatus{slt: s, op: s.Spec.ObjectiveOp(s.Spec.Objective.Op), kind: sltKind(s)}
	for _, r := range headline(pb.rowsOf(s.Name())) {
		st.periods++
		if r.Met != nil {
			if *r.Met {
				st.met++
			} else {
				st.missed++
			}
		}
		if r.Attainment != nil && (st.att == nil || worse(st.op, *r.Attainment, *st.att)) {
			st.att, st.raw = r.Attainment, r.AttainmentRaw
		}
		if r.BudgetRemaining != nil && (st.budget == nil || *r.BudgetRemaining < *st.budget) {
			st.budget = r.BudgetRemaining
		}
	}
	st.status = pb.statuses[s.Name()]
	if st.status.State == "" {
		st.status = compliance.JudgeStatus(compliance.StatusInput{SLT: s.Name(), Period: pb.period})
	}
	st.rag = ragOf(st.status.State)
	return st
}

// sltKind is the indicator kind, or "composite".
func sltKind(s *domain.SLT) string {
	switch {
	case s.Spec.Composite != nil:
		return "composite"
	case s.Spec.Indicator != nil:
		return s.Spec.Indicator.Kind
	}
	return ""
}

func ragWord(r report.RAG) string {
	switch r {
	case report.RAGRed:
		return "red"
	case report.RAGAmber:
		return "amber"
	case report.RAGGreen:
		return "green"
	}
	return "no data"
}

func (pb *builder) summary() report.Section {
	sec := report.Section{ID: "summary", Title: "Executive summary"}
	sts := make([]sltStatus, len(pb.slts))
	met, missed, nodata := 0, 0, 0
	for i, s := range pb.slts {
		sts[i] = pb.status(s)
		switch {
		case sts[i].missed > 0:
			missed++
		case sts[i].met > 0:
			met++
		default:
			nodata++
		}
	}
	inPeriod := pb.periodBreaches()
	rca := 0
	for _, r := range pb.rep.Rows {
		if r.RCADue {
			rca++
		}
	}
	credit := map[string]float64{}
	for _, c := range pb.rep.Credits {
		if c.CreditAmount != nil {
			credit[c.Currency] += *c.CreditAmount
		}
	}
	var creditText []string
	for _, cur := range sortedKeys(credit) {
		creditText = append(creditText, plain.Money(credit[cur], plain.CurrencyCode(cur)))
	}
	intro := fmt.Sprintf("%s of %s %s evaluated for %s, as of %s. %d met their objective in every period, "+
		"%d missed it at least once, and %d had no data.", plain.Counted(len(pb.slts), "SLT", "SLTs"),
		plain.Counted(len(pb.servicesInScope()), "service", "services"), plain.Plural(len(pb.slts), "was", "were"), pb.period,
		pb.at.Format("2006-01-02 15:04 MST"), met, missed, nodata)
	sec.Blocks = append(sec.Blocks, report.NewParagraph(intro),
		report.NewKeyValues("At a glance",
			report.KeyValue{Label: "SLTs met", Value: report.Integer(int64(met))},
			report.KeyValue{Label: "SLTs missed", Value: report.Integer(int64(missed))},
			report.KeyValue{Label: "SLTs without data", Value: report.Integer(int64(nodata))},
			report.KeyValue{Label: "Breaches in the period", Value: report.Integer(int64(len(inPeriod)))},
			report.KeyValue{Label: "Root-cause analyses due", Value: report.Integer(int64(rca))},
			report.KeyValue{Label: "Service credits due", Value: textOr(strings.Join(creditText, "; "), "none")},
		))
	// per service
	svc := report.Table{Title: "Status per service", Columns: []report.Column{
		{Header: "Service", Kind: report.ValueText}, {Header: "Owner", Kind: report.ValueText},
		{Header: "Business unit", Kind: report.ValueText}, {Header: "SLTs", Kind: report.ValueInteger},
		{Header: "Met", Kind: report.ValueInteger}, {Header: "Missed", Kind: report.ValueInteger},
		{Header: "No data", Kind: report.ValueInteger}, {Header: "Status", Kind: report.ValueText},
	}, Caption: "A service takes the most urgent status of its SLTs. Statuses follow one rule (see Methodology): missed (red), at risk (amber), on target (green), no data."}
	for _, name := range pb.servicesInScope() {
		var n, m, x, nd int
		rag := report.RAGNone
		rank := map[report.RAG]int{report.RAGNone: 0, report.RAGGreen: 1, report.RAGAmber: 2, report.RAGRed: 3}
		for _, st := range sts {
			if st.slt.Spec.Service != name {
				continue
			}
			n++
			switch {
			case st.missed > 0:
				x++
			case st.met > 0:
				m++
			default:
				nd++
			}
			if rank[st.rag] > rank[rag] {
				rag = st.rag
			}
		}
		owner, bu := "", ""
		if sv := pb.ws.Service(name); sv != nil {
			owner, bu = sv.Spec.Owner, sv.Spec.BusinessUnit
		}
		svc.Rows = append(svc.Rows, report.Row{Status: rag, Cells: []report.Cell{
			report.Text(pb.serviceTitle(name)), textOr(owner, ""), textOr(bu, ""), report.Integer(int64(n)),
			report.Integer(int64(m)), report.Integer(int64(x)), report.Integer(int64(nd)), report.Text(ragWord(rag)),
		}})
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(svc))
	t := report.Table{Title: "Status per SLT", Columns: []report.Column{
		{Header: "Service", Kind: report.ValueText, Width: 11}, {Header: "SLT", Kind: report.ValueText, Width: 26},
		{Header: "Type", Kind: report.ValueText, Width: 4}, {Header: "Objective", Kind: report.ValueText, Width: 12},
		{Header: "Periods met", Kind: report.ValueText, Width: 7}, {Header: "Attainment", Kind: report.ValuePercent},
		{Header: "Budget left", Kind: report.ValuePercent}, {Header: "Trend", Kind: report.ValueText, Width: 11},
		{Header: "Status", Kind: report.ValueText, Width: 9},
	}, Caption: "Attainment is the adjusted attainment of the period; for SLTs measured over shorter periods (days, weeks) it is the worst of them, " +
		"and Budget left the smallest. Trend: the direction of a significant trend over the SLT's history (↑ improving, ↓ worsening, → none)."}
	for _, st := range sts {
		s := st.slt
		t.Rows = append(t.Rows, report.Row{Status: st.rag, Cells: []report.Cell{
			report.Text(pb.serviceTitle(s.Spec.Service)), report.Text(SLTTitle(s)), report.Text(s.Spec.Type),
			report.Text(pb.objectiveText(s)), report.Text(fmt.Sprintf("%d of %d", st.met, st.periods)),
			Attainment(st.kind, compliance.Unit(pb.ws, &s.Spec), st.att), optPercent(st.budget), report.Text(trendArrow(pb.analysisOf(s.Name()))),
			report.Text(st.status.Label),
		}})
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(t))
	why := report.Table{Title: "Why each SLT has its status", Columns: []report.Column{
		{Header: "SLT", Kind: report.ValueText, Width: 26}, {Header: "Status", Kind: report.ValueText, Width: 9},
		{Header: "Why", Kind: report.ValueText, Width: 65},
	}, Caption: "Missed: a period (or tier) of " + pb.period + " missed its objective. At risk: met, but under 25% of an error budget left, " +
		"a burn-rate alert, a projected miss, or the analysis finds the period worse than usual, a worsening trend that fails the target, " +
		"or a process that at its usual level misses the target. An improvement is never a risk."}
	for _, st := range sts {
		why.Rows = append(why.Rows, report.Row{Status: st.rag, Cells: []report.Cell{
			report.Text(SLTTitle(st.slt)), report.Text(st.status.Label), report.Text(strings.Join(st.status.Reasons, "; ")),
		}})
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(why))
	if len(pb.rep.Warnings) > 0 {
		var ws []string
		for _, w := range pb.rep.Warnings {
			ws = append(ws, w.SLT+": "+w.Message)
		}
		sec.Blocks = append(sec.Blocks, report.NewNote(report.SeverityWarning, "Measurement warnings", strings.Join(ws, "\n")))
	}
	return sec
}

func (pb *builder) servicesInScope() []string {
	var out []string
	for _, s := range pb.slts {
		if !slices.Contains(out, s.Spec.Service) {
			out = append(out, s.Spec.Service)
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
