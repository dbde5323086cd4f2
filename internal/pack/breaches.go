package pack

import (
	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/report"
)

// ---- breaches ----

// periodBreaches are the breaches of the pack's period rows.
func (pb *builder) periodBreaches() []compliance.Breach {
	ids := map[string]bool{}
	for _, r := range pb.rep.Rows {
		ids[compliance.BreachID(r.SLT, r.Tier, r.Period)] = true
	}
	var out []compliance.Breach
	for _, b := range pb.breaches {
		if ids[b.ID] {
			out = append(out, b)
		}
	}
	return out
}

func (pb *builder) breachTable(title string, bs []compliance.Breach, withSLT bool) report.Table {
	cols := []report.Column{}
	if withSLT {
		cols = append(cols, report.Column{Header: "SLT", Kind: report.ValueText})
	}
	cols = append(cols,
		report.Column{Header: "Tier", Kind: report.ValueText}, report.Column{Header: "Period", Kind: report.ValueText},
		report.Column{Header: "Attainment", Kind: report.ValuePercent}, report.Column{Header: "Shortfall", Kind: report.ValuePercent},
		report.Column{Header: "Bad minutes or items", Kind: report.ValueNumber}, report.Column{Header: "Budgets overspent", Kind: report.ValueNumber},
		report.Column{Header: "Priority (weighted budgets)", Kind: report.ValueNumber}, report.Column{Header: "Pareto rank", Kind: report.ValueInteger},
		report.Column{Header: "False positive", Kind: report.ValueText},
	)
	t := report.Table{Title: title, Columns: cols}
	for _, b := range bs {
		kind := ""
		if s := pb.ws.SLT(b.SLT); s != nil && !s.Spec.RatioLike() {
			kind = domain.IndicatorStatistic
		}
		short := report.Percent(b.Shortfall)
		if kind == domain.IndicatorStatistic {
			short = report.Quantity(b.Shortfall, b.Unit)
		}
		bad := b.BadMinutes
		if bad == nil {
			bad = b.BadItems
		}
		fp := report.Text("no")
		rag := report.RAGRed
		if b.FalsePositive {
			fp, rag = report.Text("yes: "+b.FPReason), report.RAGNone
		}
		var cells []report.Cell
		if withSLT {
			cells = append(cells, report.Text(b.SLT))
		}
		rank := report.Null()
		if b.ParetoRank > 0 {
			rank = report.Integer(int64(b.ParetoRank))
		}
		cells = append(cells, textOr(b.Tier, "—"), report.Text(b.Period), Attainment(kind, b.Unit, b.Attainment), short,
			optCount(bad), report.Number(b.BudgetsOverspent), report.Number(b.Priority), rank, fp)
		t.Rows = append(t.Rows, report.Row{Status: rag, Cells: cells})
	}
	if len(bs) == 0 {
		t.Caption = "No breaches."
	}
	return t
}

func (pb *builder) breachLog() report.Section {
	sec := report.Section{ID: "breaches", Title: "Breach log and Pareto"}
	sec.Blocks = append(sec.Blocks, report.NewParagraph("A breach is a complete period in which an SLT or tier missed its objective. "+
		"Its priority is in one unit for every kind of SLT: impact weight × error budgets overspent, where the budgets overspent are the "+
		"shortfall ÷ the shortfall the objective allows (1 − target for availability and other shares, the target itself for statistics "+
		"such as a p95 latency). The Pareto sums the priorities per SLT and tier, so a repeated miss counts each time; bad minutes or items "+
		"are already in the shortfall and are not counted again. False positives stay in the log, flagged, and are left out of the ranking."))
	bt := pb.breachTable("Breaches in "+pb.period, pb.periodBreaches(), true)
	sec.Blocks = append(sec.Blocks, report.NewTable(bt))
	// Pareto over the history up to the end of the period
	prio := map[string]float64{}
	count := map[string]int{}
	for _, b := range pb.breaches {
		start, ok := pb.breachAt[b.ID]
		if b.FalsePositive || !ok || !start.Before(pb.end) {
			continue
		}
		g := b.SLT
		if b.Tier != "" {
			g += " / " + b.Tier
		}
		prio[g] += b.Priority
		count[g]++
	}
	cats := sortedKeys(prio)
	vals := make([]float64, len(cats))
	for i, c := range cats {
		vals[i] = prio[c]
	}
	par := report.NewPareto(cats, vals)
	if len(cats) > 0 {
		sec.Blocks = append(sec.Blocks, report.NewChart(report.Chart{Kind: report.ChartPareto, ValueKind: report.ValueNumber,
			Title: "Pareto of breach priority up to the end of " + pb.period, YLabel: "Weighted error budgets overspent", Pareto: par,
			Caption: "Bars: summed priority (impact weight × error budgets overspent) per SLT and tier over every breach up to the end of the period; line: cumulative share."}))
	}
	pt := report.Table{Title: "Pareto ranking", Columns: []report.Column{
		{Header: "Rank", Kind: report.ValueInteger}, {Header: "SLT / tier", Kind: report.ValueText},
		{Header: "Breaches", Kind: report.ValueInteger}, {Header: "Summed priority", Kind: report.ValueNumber},
		{Header: "Cumulative share", Kind: report.ValuePercent}, {Header: "Vital few", Kind: report.ValueText},
	}, Caption: "The vital few are the groups that start before 80% of the total priority."}
	prev := 0.0
	for i, c := range par.Categories {
		vital := "no"
		rag := report.RAGNone
		if prev < 0.8 {
			vital, rag = "yes", report.RAGRed
		}
		pt.Rows = append(pt.Rows, report.Row{Status: rag, Cells: []report.Cell{report.Integer(int64(i + 1)), report.Text(c),
			report.Integer(int64(count[c])), report.Number(par.Values[i]), report.Percent(par.Cumulative[i]), report.Text(vital)}})
		prev = par.Cumulative[i]
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(pt))
	return sec
}

// ---- root causes ----

func (pb *builder) rootCauses() report.Section {
	sec := report.Section{ID: "rca", Title: "Root-cause analyses due"}
	sec.Blocks = append(sec.Blocks, report.NewParagraph("A root-cause analysis is due when an SLT (or tier) misses its objective in "+
		"as many consecutive complete periods as its rcaAfter setting says (3 unless set). Use a Five Whys or Apollo analysis and "+
		"record the actions in the review meeting."))
	t := report.Table{Title: "Due in " + pb.period, Columns: []report.Column{
		{Header: "SLT", Kind: report.ValueText}, {Header: "Tier", Kind: report.ValueText}, {Header: "Period", Kind: report.ValueText},
		{Header: "Misses in a row", Kind: report.ValueInteger}, {Header: "Owner", Kind: report.ValueText},
		{Header: "First escalation", Kind: report.ValueText},
	}}
	for _, r := range pb.rep.Rows {
		if !r.RCADue {
			continue
		}
		s := pb.ws.SLT(r.SLT)
		owner, esc := "", ""
		if s != nil {
			owner = s.Spec.Owner
			if len(s.Spec.Escalation) > 0 {
				esc = s.Spec.Escalation[0].Authority
			}
		}
		t.Rows = append(t.Rows, report.Row{Status: report.RAGRed, Cells: []report.Cell{report.Text(r.SLT), textOr(r.Tier, "—"),
			report.Text(r.Period), report.Integer(int64(r.ConsecutiveMisses)), textOr(owner, ""), textOr(esc, "")}})
	}
	if len(t.Rows) == 0 {
		t.Caption = "No SLT reached its root-cause trigger in the period."
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(t))
	return sec
}
