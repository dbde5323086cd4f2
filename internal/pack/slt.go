package pack

import (
	"fmt"
	"math"
	"strings"
	"time"

	"slate/internal/analysis"
	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/plain"
	"slate/internal/report"
)

// ---- compliance table ----

var complianceColumns = []report.Column{
	{Header: "SLT", Kind: report.ValueText, Width: 22}, {Header: "Period", Kind: report.ValueText, Width: 10},
	{Header: "Eligible", Kind: report.ValueInteger}, {Header: "Bad", Kind: report.ValueInteger},
	{Header: "Excluded", Kind: report.ValueInteger}, {Header: "Attainment", Kind: report.ValuePercent},
	{Header: "Raw attainment", Kind: report.ValuePercent}, {Header: "Objective", Kind: report.ValueText, Width: 9},
	{Header: "Met", Kind: report.ValueText}, {Header: "Budget left", Kind: report.ValuePercent},
	{Header: "Misses", Kind: report.ValueInteger},
}

// count is a unit count (whole numbers; fractions stay visible).
func count(v float64) report.Cell {
	if v == math.Trunc(v) {
		return report.Integer(int64(v))
	}
	return report.Number(v)
}

func optCount(v *float64) report.Cell {
	if v == nil {
		return report.Null()
	}
	return count(*v)
}

func (pb *builder) complianceRow(r compliance.Row) report.Row {
	s := pb.ws.SLT(r.SLT)
	period := r.Period
	if !r.Complete {
		period += " (running)"
	}
	name := r.SLT
	if r.Tier != "" {
		name += " / " + r.Tier
	}
	return report.Row{Status: rowRAG(r), Cells: []report.Cell{
		report.Text(name), report.Text(period), count(r.Eligible), optCount(r.Bad), count(r.Excluded),
		Attainment(r.Kind, r.Unit, r.Attainment), Attainment(r.Kind, r.Unit, r.AttainmentRaw), rowTarget(s, r), metText(r.Met),
		optPercent(r.BudgetRemaining), report.Integer(int64(r.ConsecutiveMisses)),
	}}
}

func (pb *builder) complianceTable() report.Section {
	sec := report.Section{ID: "compliance", Title: "Compliance by SLT and period"}
	t := report.Table{Title: "Every SLT, tier and period", Columns: complianceColumns,
		Caption: "The rows of `slate report --period " + pb.period + "` (a tier shows as SLT / tier): adjusted attainment (maintenance and approved exceptions removed) " +
			"beside the raw attainment (calendar applied, nothing removed). Statistic SLTs show the statistic itself, not a percentage. " +
			"Units are what the indicator counts: events, rows, time slices or items."}
	for _, r := range pb.rep.Rows {
		t.Rows = append(t.Rows, pb.complianceRow(r))
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(t))
	return sec
}

// ---- one SLT ----

func indicatorText(s *domain.SLT) string {
	sp := &s.Spec
	if sp.Composite != nil {
		parts := make([]string, len(sp.Composite.Components))
		for i, c := range sp.Composite.Components {
			parts[i] = fmt.Sprintf("%s × %s", trimFloat(c.Weight), c.SLT)
		}
		return "composite: weighted mean of " + strings.Join(parts, ", ")
	}
	in := sp.Indicator
	if in == nil {
		return ""
	}
	switch in.Kind {
	case domain.IndicatorThreshold:
		if in.Threshold != nil {
			return fmt.Sprintf("threshold: a row is good when value %s %s", in.Op, trimFloat(*in.Threshold))
		}
	case domain.IndicatorStatistic:
		return "statistic: " + in.Statistic + " of the values"
	case domain.IndicatorAvailability:
		sl := in.Slice
		if sl == 0 {
			sl = domain.Duration(time.Minute)
		}
		missing := in.Missing
		if missing == "" {
			missing = "exclude"
		}
		return fmt.Sprintf("availability: %s slices, a slice without data counts as %s", sl.Words(), missing)
	case domain.IndicatorDuration:
		return fmt.Sprintf("duration: an item is good when resolved within %s of business time", in.Goal.Words())
	case domain.IndicatorRatio:
		return "ratio: good events of all events"
	}
	return in.Kind
}

var typeWords = map[string]string{
	domain.TypeSLA: "SLA — customer-facing",
	domain.TypeOLA: "OLA — internal operational",
	domain.TypeUC:  "UC — supplier underpinning contract",
}

func (pb *builder) sltSection(s *domain.SLT) report.Section {
	sp := &s.Spec
	sec := report.Section{ID: "slt-" + s.Name(), Title: SLTTitle(s)}
	if s.Metadata.Description != "" {
		sec.Blocks = append(sec.Blocks, report.NewParagraph(s.Metadata.Description))
	}
	supplier, contact, dataOwner := "", "", ""
	if f := pb.ws.Feed(sp.Feed); f != nil {
		supplier, dataOwner = f.Spec.Supplier, f.Spec.Owner
		if su := pb.ws.Supplier(supplier); su != nil {
			if su.Metadata.DisplayName != "" {
				supplier = su.Metadata.DisplayName
			}
			contact = supplierContact(su)
		}
	}
	tz := sp.TimeZone
	if tz == "" {
		tz = "UTC"
	}
	per := sp.Period
	if per == "" {
		per = "month"
	}
	typ := typeWords[sp.Type]
	if typ == "" {
		typ = sp.Type
	}
	cal := sp.Calendar
	if cal == "" && len(sp.Tiers) == 0 {
		cal = "24x7"
	}
	items := []report.KeyValue{
		{Label: "Name", Value: report.Text(s.Name())},
		{Label: "Service", Value: report.Text(pb.serviceTitle(sp.Service))},
		{Label: "Type", Value: report.Text(typ)},
		{Label: "SLT owner", Value: textOr(sp.Owner, "not set")},
		{Label: "Indicator", Value: report.Text(indicatorText(s))},
		{Label: "Feed", Value: textOr(sp.Feed, "—")},
		{Label: "Data owner", Value: textOr(dataOwner, "—")},
		{Label: "Supplier", Value: textOr(supplier, "—")},
	}
	if contact != "" {
		items = append(items, report.KeyValue{Label: "Supplier contact", Value: report.Text(contact)})
	}
	items = append(items, []report.KeyValue{
		{Label: "Objective", Value: report.Text(pb.objectiveText(s))},
		{Label: "Period", Value: report.Text(per + " (" + tz + ")")},
	}...)
	if cal != "" {
		items = append(items, report.KeyValue{Label: "Calendar", Value: report.Text(cal)})
	}
	for _, t := range sp.Tiers {
		c := t.Calendar
		if c == "" {
			c = "24x7"
		}
		items = append(items, report.KeyValue{Label: "Tier " + t.Name, Value: report.Text(objective(sp, compliance.Unit(pb.ws, sp), t.Op, t.Target) + " in calendar " + c)})
	}
	if sp.Composite != nil && sp.Composite.Rationale != "" {
		items = append(items, report.KeyValue{Label: "Composite rationale", Value: report.Text(sp.Composite.Rationale)})
	}
	if r := sp.Review; r != nil {
		items = append(items, report.KeyValue{Label: "Review", Value: report.Text(strings.TrimSpace(r.Cycle + " review, next " + r.NextReview))})
	}
	sec.Blocks = append(sec.Blocks, report.NewKeyValues("Definition", items...))
	// assumptions
	var as []report.KeyValue
	if a := sp.Assumptions; a != nil {
		if a.ExpectedVolume != "" {
			as = append(as, report.KeyValue{Label: "Expected volume", Value: report.Text(a.ExpectedVolume)})
		}
		if len(a.Dependencies) > 0 {
			as = append(as, report.KeyValue{Label: "Dependencies", Value: report.Text(strings.Join(a.Dependencies, "\n"))})
		}
		if len(a.Notes) > 0 {
			as = append(as, report.KeyValue{Label: "Notes", Value: report.Text(strings.Join(a.Notes, "\n"))})
		}
	}
	if len(as) == 0 {
		as = append(as, report.KeyValue{Label: "Assumptions", Value: report.Text("none documented")})
	}
	sec.Blocks = append(sec.Blocks, report.NewKeyValues("Assumptions", as...))
	// escalation
	esc := report.Table{Title: "Escalation path", Columns: []report.Column{
		{Header: "Level", Kind: report.ValueInteger}, {Header: "After", Kind: report.ValueText},
		{Header: "Authority", Kind: report.ValueText}, {Header: "Contact", Kind: report.ValueText},
		{Header: "Communication", Kind: report.ValueText}, {Header: "Remediation", Kind: report.ValueText},
	}}
	for _, e := range sp.Escalation {
		after := "—"
		if e.After.D() > 0 {
			after = e.After.Words()
		}
		esc.Rows = append(esc.Rows, report.Row{Cells: []report.Cell{report.Integer(int64(e.Level)), report.Text(after),
			report.Text(e.Authority), textOr(e.Contact, ""), textOr(e.Communication, ""), textOr(e.Remediation, "")}})
	}
	if len(esc.Rows) == 0 {
		esc.Caption = "No escalation path is defined for this SLT."
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(esc))

	// attainment
	rows := pb.rowsOf(s.Name())
	at := report.Table{Title: "Attainment in " + pb.period, Columns: []report.Column{
		{Header: "Tier", Kind: report.ValueText}, {Header: "Period", Kind: report.ValueText},
		{Header: "Eligible", Kind: report.ValueInteger}, {Header: "Bad", Kind: report.ValueInteger},
		{Header: "Excluded", Kind: report.ValueInteger}, {Header: "Attainment", Kind: report.ValuePercent},
		{Header: "Raw attainment", Kind: report.ValuePercent}, {Header: "Objective", Kind: report.ValueText},
		{Header: "Met", Kind: report.ValueText}, {Header: "Budget left", Kind: report.ValuePercent},
		{Header: "Misses", Kind: report.ValueInteger},
	}, Caption: "Attainment is adjusted (maintenance and approved exceptions removed); raw attainment removes nothing. Budget left = 1 − bad ÷ allowed bad."}
	for _, r := range rows {
		period := r.Period
		if !r.Complete {
			period += " (running)"
		}
		tier := r.Tier
		if tier == "" && len(sp.Tiers) > 0 {
			tier = "overall"
		}
		at.Rows = append(at.Rows, report.Row{Status: rowRAG(r), Cells: []report.Cell{
			textOr(tier, "—"), report.Text(period), count(r.Eligible), optCount(r.Bad), count(r.Excluded),
			Attainment(r.Kind, r.Unit, r.Attainment), Attainment(r.Kind, r.Unit, r.AttainmentRaw), rowTarget(s, r), metText(r.Met),
			optPercent(r.BudgetRemaining), report.Integer(int64(r.ConsecutiveMisses)),
		}})
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(at))

	// statistics
	a := pb.analysisOf(s.Name())
	if a == nil {
		msg := pb.anaErr[s.Name()]
		if msg == "" {
			msg = "no analysis"
		}
		sec.Blocks = append(sec.Blocks, report.NewNote(report.SeverityWarning, "No statistical analysis", msg))
	} else {
		sec.Blocks = append(sec.Blocks, pb.analysisBlocks(s, a)...)
	}

	// breaches, exclusions, exceptions
	var br []compliance.Breach
	for _, b := range pb.periodBreaches() {
		if b.SLT == s.Name() {
			br = append(br, b)
		}
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(pb.breachTable("Breaches in "+pb.period, br, false)))
	sec.Blocks = append(sec.Blocks, report.NewTable(pb.exclusionTable(s)))
	// the forecast as of the pack's time, its track record beside it
	sec.Blocks = append(sec.Blocks, pb.forecastBlocks(s)...)
	return sec
}

// maxViolationRows is how many run-rule violations an SLT section lists (the
// most recent); the chart marks every one.
const maxViolationRows = 20

// analysisBlocks are the verdict first (the conclusion), then the trend
// figures, then the control chart and its run-rule violations.
func (pb *builder) analysisBlocks(s *domain.SLT, res *analysis.Result) []report.Block {
	var out []report.Block
	vk := report.ValueNumber
	if res.Ratio {
		vk = report.ValuePercent
	}
	if c := res.Chart; c != nil {
		n := len(c.Points)
		cc := &report.ControlChart{Labels: make([]string, n), Values: make(report.Floats, n), Center: make(report.Floats, n),
			LCL: make(report.Floats, n), UCL: make(report.Floats, n), Target: report.NaN}
		if res.Target != nil {
			cc.Target = report.Float(*res.Target)
		}
		for i, p := range c.Points {
			cc.Labels[i], cc.Values[i], cc.Center[i] = p.Label, report.Float(p.Value), report.Float(p.Center)
			cc.LCL[i], cc.UCL[i] = report.Float(p.LCL), report.Float(p.UCL)
		}
		for _, v := range c.Violations {
			if v.Index >= 1 && v.Index <= n {
				cc.Flags = append(cc.Flags, report.Flag{Index: v.Index - 1, Rule: v.Rule})
			}
		}
		unit := ""
		if res.Unit != "" {
			unit = " (" + res.Unit + ")"
		}
		out = append(out, report.NewChart(report.Chart{Kind: report.ChartControl, ValueKind: vk,
			Title: fmt.Sprintf("Control chart (%s) up to %s%s", c.Kind, pb.period, adjustedNote(res)), XLabel: "Period", YLabel: "Attainment" + unit,
			Control: cc, Caption: strings.ReplaceAll(c.Why, "p\u0304", "p-bar") + " Flagged points break a run rule (" + c.Rules + ")."}))
		if len(c.Violations) > 0 {
			vt := report.Table{Title: "Run-rule violations", Columns: []report.Column{
				{Header: "Rule", Kind: report.ValueText}, {Header: "Period", Kind: report.ValueText},
				{Header: "Pattern from", Kind: report.ValueText}, {Header: "Pattern to", Kind: report.ValueText},
				{Header: "What it means", Kind: report.ValueText},
			}}
			vs := c.Violations
			if len(vs) > maxViolationRows {
				vs = vs[len(vs)-maxViolationRows:]
				vt.Title = fmt.Sprintf("Run-rule violations (the %d most recent of %d)", len(vs), len(c.Violations))
				vt.Caption = fmt.Sprintf("The chart marks all %d; `slate analyze %s` lists them all.", len(c.Violations), s.Name())
			}
			for _, v := range vs {
				vt.Rows = append(vt.Rows, report.Row{Cells: []report.Cell{report.Text(v.Rule), report.Text(v.Label),
					report.Text(v.SpanLabels[0]), report.Text(v.SpanLabels[1]), report.Text(v.Description)}})
			}
			out = append(out, report.NewTable(vt))
		}
	}
	var kv []report.KeyValue
	kv = append(kv, report.KeyValue{Label: "Periods analysed", Value: report.Integer(int64(res.Periods))})
	if t := res.Trend; t != nil {
		slope := func(v float64) report.Cell {
			if res.Ratio {
				return report.Text(fmt.Sprintf("%s percentage points per %s", signedFigures(v*100), res.PeriodKind))
			}
			return report.Text(fmt.Sprintf("%s per %s", strings.TrimSpace(signedFigures(v)+" "+res.Unit), res.PeriodKind))
		}
		trend := "→ no significant trend"
		if t.Significant {
			trend = trendArrow(res) + " (significant)"
		}
		kv = append(kv,
			report.KeyValue{Label: "Trend", Value: report.Text(trend)},
			report.KeyValue{Label: "Slope (least squares)", Value: slope(t.Slope)},
			report.KeyValue{Label: "Slope 95% interval", Value: report.Text(fmt.Sprintf("%s to %s", slope(t.SlopeCI[0]).Text, slope(t.SlopeCI[1]).Text))},
			report.KeyValue{Label: "Slope (Theil–Sen)", Value: slope(t.TheilSen)},
			report.KeyValue{Label: "Mann–Kendall p-value", Value: report.Text(plain.PValue(t.MannKendallP))},
		)
	}
	kv = append(kv, report.KeyValue{Label: "Time to breach", Value: textOr(res.Breach.Message, res.Breach.Status)})
	if b := res.Band; b != nil && b.Next.Lower != nil && b.Next.Upper != nil {
		f := func(v float64) string { return plain.Value(v, res.Ratio, res.Unit) }
		kv = append(kv, report.KeyValue{Label: "Expected next period (baseline band)",
			Value: report.Text(fmt.Sprintf("%s to %s (rolling median of %d periods, %s–%s percentile)", f(*b.Next.Lower), f(*b.Next.Upper), b.Window,
				plain.Number(b.Lower*100), plain.Number(b.Upper*100)))})
	}
	// The note's severity is the SLT's status in the period, not the
	// analysis' history: a June signal does not make a November verdict critical.
	st := pb.statuses[s.Name()]
	sev := report.SeverityInfo
	switch st.State {
	case compliance.StateMissed:
		sev = report.SeverityCritical
	case compliance.StateAtRisk:
		sev = report.SeverityWarning
	}
	text := res.Verdict.Text
	if st.State != "" {
		text = fmt.Sprintf("Status in %s: %s. Why: %s.\n%s", pb.period, st.Label, strings.Join(st.Reasons, "; "), text)
	}
	why := report.Table{Title: "How the verdict was reached", Columns: []report.Column{{Header: "Reference, signals and figures", Kind: report.ValueText}}}
	for _, line := range res.Verdict.Details {
		why.Rows = append(why.Rows, report.Row{Cells: []report.Cell{report.Text(line)}})
	}
	return append([]report.Block{report.NewNote(sev, "Verdict", text), report.NewTable(why),
		report.NewKeyValues("Trend and time to breach", kv...)}, out...)
}

// signedFigures writes v by the rules of internal/plain with a sign: +0.207,
// -0.0009, +1.28; zero is "0".
func signedFigures(v float64) string {
	s := plain.Number(v)
	if v > 0 && s[0] != '<' {
		s = "+" + s
	}
	return s
}

func (pb *builder) exclusionTable(s *domain.SLT) report.Table {
	t := report.Table{Title: "Exclusions and exceptions in " + pb.period, Columns: []report.Column{
		{Header: "Source", Kind: report.ValueText}, {Header: "Reference", Kind: report.ValueText},
		{Header: "Start", Kind: report.ValueDateTime}, {Header: "End", Kind: report.ValueDateTime},
		{Header: "Counted", Kind: report.ValueText}, {Header: "Why", Kind: report.ValueText},
	}, Caption: "Times in UTC. Maintenance counts only when registered before it started; an exception only once approved."}
	loc, _ := domain.LoadZone(s.Spec.TimeZone)
	if loc == nil {
		loc = time.UTC
	}
	ex, ign := compliance.Exclusions(s, loc, pb.ws.Maintenance(), pb.windows, pb.start, pb.end)
	for _, e := range ex {
		t.Rows = append(t.Rows, report.Row{Status: report.RAGGreen, Cells: []report.Cell{report.Text(e.Source), report.Text(e.Ref),
			report.DateTime(e.Start.UTC()), report.DateTime(e.End.UTC()), report.Text("excluded"), report.Text(pb.exclusionReason(e))}})
	}
	for _, g := range ign {
		t.Rows = append(t.Rows, report.Row{Status: report.RAGAmber, Cells: []report.Cell{report.Text(g.Source), report.Text(g.Ref),
			report.DateTime(g.Start.UTC()), report.DateTime(g.End.UTC()), report.Text("not excluded"), report.Text(g.Reason)}})
	}
	if len(t.Rows) == 0 {
		t.Caption = "Nothing was excluded from this SLT in the period. " + t.Caption
	}
	return t
}

func (pb *builder) exclusionReason(e compliance.Exclusion) string {
	if e.Source == "maintenance" {
		if m, ok := pb.ws.Get(domain.KindMaintenance, e.Ref).(*domain.MaintenanceWindow); ok && m != nil {
			return m.Spec.Reason
		}
		return ""
	}
	for _, x := range pb.excs {
		if x.ID == e.Ref {
			return x.Reason
		}
	}
	return ""
}
