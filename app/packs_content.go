package app

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"slate/internal/analysis"
	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/export"
	"slate/internal/improve"
	"slate/internal/plain"
	"slate/internal/report"
	"slate/internal/storage"
)

// packData is everything a pack is made of, read once.
type packData struct {
	q          PackQuery
	at         time.Time
	ws         *domain.Workspace
	slts       []*domain.SLT
	in         compliance.Input
	rep        Report      // rows and credits of the period
	breaches   []Breach    // every breach up to the evaluation time
	excs       []Exception // every exception
	batches    []storage.Batch
	events     []AuditEvent
	verify     storage.Verification
	fp         fingerprint
	anon       *pseudonyms
	start, end time.Time // the period, widest over the SLTs' zones
	steps      int
	analyses   map[string]SLTAnalysis
	anaErr     map[string]string
	packs      *Packs
	ev         *compliance.Evaluator
	statuses   map[string]Status // each SLT's status in the period (the one rule)
}

// fixed steps besides the SLT sections (the improvement loop is one step
// of three sections); progress counts them, the SLTs and the files.
const packFixedSections = 10

func (p *Packs) collect(ctx context.Context, q PackQuery, at time.Time, progress Progress) (*packData, error) {
	d := &packData{q: q, at: at, packs: p, analyses: map[string]SLTAnalysis{}, anaErr: map[string]string{}}
	progress(0, 0, "reading the workspace")
	err := p.store.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		d.ws = ws
		if d.slts, err = scopeSLTs(ws, q.Services); err != nil {
			return err
		}
		if d.fp, err = computeFingerprint(tx, ws, d.slts); err != nil {
			return err
		}
		if d.excs, err = tx.Exceptions(); err != nil {
			return err
		}
		if d.batches, err = tx.Batches(""); err != nil {
			return err
		}
		if d.events, err = tx.AuditEvents(0); err != nil {
			return err
		}
		// The chain, and the stored points of the pack's feeds against the
		// digests their import events recorded.
		if d.verify, err = tx.Verify(storage.VerifyOptions{Feeds: d.fp.Feeds}); err != nil {
			return err
		}
		if q.Anonymize {
			if d.anon, err = newPseudonyms(tx, ws); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	d.steps = packFixedSections + len(d.slts) + len(q.Formats)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	progress(0, int64(d.steps), "computing compliance")
	if d.in, err = p.compliance.input(at); err != nil {
		return nil, err
	}
	names := map[string]bool{}
	for _, s := range d.slts {
		names[s.Name()] = true
	}
	d.ev = compliance.NewEvaluator(d.in)
	full, err := d.ev.Report(compliance.ReportOptions{})
	if err != nil {
		return nil, err
	}
	period, err := d.ev.Report(compliance.ReportOptions{Period: q.Period})
	if err != nil {
		return nil, err
	}
	d.rep = Report{At: period.At, Rows: []ReportRow{}, Credits: []Credit{}, Warnings: []compliance.Warning{}, Ignored: []compliance.Ignored{}}
	for _, r := range period.Rows {
		if names[r.SLT] {
			d.rep.Rows = append(d.rep.Rows, r)
		}
	}
	for _, c := range period.Credits {
		if names[c.SLT] {
			d.rep.Credits = append(d.rep.Credits, c)
		}
	}
	for _, w := range period.Warnings {
		if names[w.SLT] {
			d.rep.Warnings = append(d.rep.Warnings, w)
		}
	}
	var marks map[string]storage.BreachMark
	if err := p.store.View(func(tx *storage.Tx) error {
		marks, err = tx.BreachMarks()
		return err
	}); err != nil {
		return nil, err
	}
	fps := map[string]compliance.FalsePositive{}
	for id, m := range marks {
		fps[id] = compliance.FalsePositive{Reason: m.Reason, By: m.By}
	}
	var rows []compliance.Row
	for _, r := range full.Rows {
		if names[r.SLT] {
			rows = append(rows, r)
		}
	}
	d.breaches = compliance.Breaches(d.ws, rows, fps)
	// the period's bounds over the SLTs' zones
	for _, s := range d.slts {
		loc, _ := domain.LoadZone(s.Spec.TimeZone)
		if loc == nil {
			loc = time.UTC
		}
		pp, err := compliance.ParseKey(q.Period, loc)
		if err != nil {
			return nil, err
		}
		if d.start.IsZero() || pp.Start.Before(d.start) {
			d.start = pp.Start
		}
		if pp.End.After(d.end) {
			d.end = pp.End
		}
	}
	if d.start.IsZero() {
		pp, err := compliance.ParseKey(q.Period, time.UTC)
		if err != nil {
			return nil, err
		}
		d.start, d.end = pp.Start, pp.End
	}
	for _, r := range period.Ignored {
		if names[r.SLT] && r.End.After(d.start) && r.Start.Before(d.end) {
			d.rep.Ignored = append(d.rep.Ignored, r)
		}
	}
	return d, nil
}

// workspaceName is the database file's name without its extension.
func (d *packData) workspaceName() string {
	base := filepath.Base(d.packs.store.Path())
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// pack builds the report model: cover data, then the sections in order.
func (d *packData) pack(ctx context.Context, progress Progress) (*report.Pack, error) {
	scope := packScope(d.q.Period, d.q.Services)
	if d.anon != nil {
		ps := make([]string, len(d.q.Services))
		for i, s := range d.q.Services {
			ps[i] = d.anon.text(s)
		}
		scope = packScope(d.q.Period, ps) + " anonymized=yes"
	}
	pk := &report.Pack{Meta: report.Meta{
		Workspace:   d.workspaceName(),
		Period:      d.periodTitle(),
		GeneratedAt: d.at,
		Fingerprint: d.fp.Fingerprint,
		Head:        d.fp.Head(),
		Scope:       scope,
	}}
	done := 0
	step := func(what string) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		progress(int64(done), int64(d.steps), what)
		done++
		return nil
	}
	// analyses first: the summary shows their trends
	for _, s := range d.slts {
		if err := step("analysing " + s.Name()); err != nil {
			return nil, err
		}
		a, err := d.packs.analysis.SLT(AnalyzeQuery{SLT: s.Name(), To: d.q.Period, At: d.at.Format(time.RFC3339)})
		if err != nil {
			d.anaErr[s.Name()] = err.Error()
			continue
		}
		d.analyses[s.Name()] = a
	}
	// statuses: the same rule and inputs as the dashboard, the CLI and the API
	judge := newStatusJudge(d.in, nil)
	d.statuses = map[string]Status{}
	for _, s := range d.slts {
		r, err := d.ev.SLT(s.Name(), nil)
		if err != nil {
			continue
		}
		var res *analysis.Result
		if a, ok := d.analyses[s.Name()]; ok {
			res = &a.Analysis
		}
		d.statuses[s.Name()] = judge.judge(s, r, d.q.Period, res)
	}
	for _, f := range []struct {
		what string
		fn   func() report.Section
	}{
		{"executive summary", d.summary},
		{"compliance table", d.complianceTable},
	} {
		if err := step(f.what); err != nil {
			return nil, err
		}
		pk.Sections = append(pk.Sections, f.fn())
	}
	for _, s := range d.slts {
		pk.Sections = append(pk.Sections, d.sltSection(s))
	}
	for _, f := range []struct {
		what string
		fn   func() report.Section
	}{
		{"breach log", d.breachLog},
	} {
		if err := step(f.what); err != nil {
			return nil, err
		}
		pk.Sections = append(pk.Sections, f.fn())
	}
	// the improvement loop: root-cause analyses, actions, reviews
	if err := step("improvement loop"); err != nil {
		return nil, err
	}
	loop, err := d.loopSections()
	if err != nil {
		return nil, err
	}
	pk.Sections = append(pk.Sections, loop...)
	for _, f := range []struct {
		what string
		fn   func() report.Section
	}{
		{"exceptions", d.exceptions},
		{"maintenance", d.maintenance},
		{"credits", d.credits},
		{"data quality", d.dataQuality},
		{"methodology", d.methodology},
		{"audit appendix", d.auditAppendix},
	} {
		if err := step(f.what); err != nil {
			return nil, err
		}
		pk.Sections = append(pk.Sections, f.fn())
	}
	if err := pk.Validate(); err != nil {
		return nil, err
	}
	return pk, nil
}

func (d *packData) periodTitle() string {
	pp, err := compliance.ParseKey(d.q.Period, time.UTC)
	if err != nil {
		return d.q.Period
	}
	last := pp.End.Add(-time.Nanosecond)
	if pp.Start.Equal(last.Truncate(24 * time.Hour)) {
		return d.q.Period
	}
	return fmt.Sprintf("%s (%s – %s)", d.q.Period, pp.Start.Format("2006-01-02"), last.Format("2006-01-02"))
}

// ---- cells and helpers ----

func optPtr(v *float64) float64 {
	if v == nil {
		return math.NaN()
	}
	return *v
}

// attCell is an attainment: percent for shares, a number in its unit for statistics.
func attCell(kind, unit string, v *float64) report.Cell {
	if v == nil {
		return report.Null()
	}
	if kind == domain.IndicatorStatistic || unit != "" {
		return report.Quantity(*v, unit)
	}
	return report.Percent(*v)
}

func optPercent(v *float64) report.Cell {
	if v == nil {
		return report.Null()
	}
	return report.Percent(*v)
}

func optNumber(v *float64) report.Cell {
	if v == nil {
		return report.Null()
	}
	return report.Number(*v)
}

func optCurrency(v *float64) report.Cell {
	if v == nil {
		return report.Null()
	}
	return report.Currency(*v)
}

func textOr(s, or string) report.Cell {
	if strings.TrimSpace(s) == "" {
		if or == "" {
			return report.Null()
		}
		return report.Text(or)
	}
	return report.Text(s)
}

func metText(m *bool) report.Cell {
	switch {
	case m == nil:
		return report.Text("no data")
	case *m:
		return report.Text("met")
	}
	return report.Text("MISSED")
}

// rowRAG colours one row by the status rule applied to that row alone.
func rowRAG(r ReportRow) report.RAG {
	return ragOf(compliance.JudgeStatus(compliance.StatusInput{SLT: r.SLT, Period: r.Period, Rows: []compliance.Row{r}}).State)
}

// ragOf is a status state's colour in the pack.
func ragOf(state string) report.RAG {
	switch state {
	case compliance.StateMissed:
		return report.RAGRed
	case compliance.StateAtRisk:
		return report.RAGAmber
	case compliance.StateOnTarget:
		return report.RAGGreen
	}
	return report.RAGNone
}

func (d *packData) sltTitle(s *domain.SLT) string {
	if s.Metadata.DisplayName != "" && s.Metadata.DisplayName != s.Name() {
		return s.Metadata.DisplayName + " (" + s.Name() + ")"
	}
	return s.Name()
}

func (d *packData) serviceTitle(name string) string {
	if sv := d.ws.Service(name); sv != nil && sv.Metadata.DisplayName != "" {
		return sv.Metadata.DisplayName
	}
	return name
}

func (d *packData) rowsOf(slt string) []ReportRow {
	var out []ReportRow
	for _, r := range d.rep.Rows {
		if r.SLT == slt {
			out = append(out, r)
		}
	}
	return out
}

// headline is the rows that judge the SLT as a whole: the overall rows of a
// tiered SLT, else every row.
func headline(rows []ReportRow) []ReportRow {
	var out []ReportRow
	for _, r := range rows {
		if r.Tier == "" {
			out = append(out, r)
		}
	}
	return out
}

func (d *packData) objectiveText(s *domain.SLT) string {
	sp := &s.Spec
	unit := compliance.Unit(d.ws, sp)
	if len(sp.Tiers) == 0 {
		return FormatObjective(sp, unit, sp.Objective.Op, sp.Objective.Target)
	}
	parts := make([]string, len(sp.Tiers))
	for i, t := range sp.Tiers {
		parts[i] = t.Name + " " + FormatObjective(sp, unit, t.Op, t.Target)
	}
	return strings.Join(parts, "; ")
}

func rowTarget(s *domain.SLT, r ReportRow) report.Cell {
	if r.Target == nil {
		return report.Text("per tier")
	}
	return report.Text(FormatObjective(&s.Spec, r.Unit, r.Op, *r.Target))
}

// worse reports whether attainment a is worse than b under op.
func worse(op string, a, b float64) bool {
	if op == "<=" || op == "<" {
		return a > b
	}
	return a < b
}

func trendArrow(a *SLTAnalysis) string {
	if a == nil || a.Analysis.Trend == nil {
		return "– too few periods"
	}
	switch a.Analysis.Trend.Direction {
	case "improving":
		return "↑ improving"
	case "worsening":
		return "↓ worsening"
	}
	return "→ no trend"
}

func (d *packData) analysisOf(name string) *SLTAnalysis {
	if a, ok := d.analyses[name]; ok {
		return &a
	}
	return nil
}

// ---- executive summary ----

type sltStatus struct {
	slt                  *domain.SLT
	periods, met, missed int
	att, raw, budget     *float64
	kind, op             string
	rag                  report.RAG
	status               Status
}

func (d *packData) status(s *domain.SLT) sltStatus {
	st := sltStatus{slt: s, op: s.Spec.ObjectiveOp(s.Spec.Objective.Op), kind: sltKind(s)}
	for _, r := range headline(d.rowsOf(s.Name())) {
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
	st.status = d.statuses[s.Name()]
	if st.status.State == "" {
		st.status = compliance.JudgeStatus(compliance.StatusInput{SLT: s.Name(), Period: d.q.Period})
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

func (d *packData) summary() report.Section {
	sec := report.Section{ID: "summary", Title: "Executive summary"}
	sts := make([]sltStatus, len(d.slts))
	met, missed, nodata := 0, 0, 0
	for i, s := range d.slts {
		sts[i] = d.status(s)
		switch {
		case sts[i].missed > 0:
			missed++
		case sts[i].met > 0:
			met++
		default:
			nodata++
		}
	}
	inPeriod := d.periodBreaches()
	rca := 0
	for _, r := range d.rep.Rows {
		if r.RCADue {
			rca++
		}
	}
	credit := map[string]float64{}
	for _, c := range d.rep.Credits {
		if c.CreditAmount != nil {
			credit[c.Currency] += *c.CreditAmount
		}
	}
	var creditText []string
	for _, cur := range sortedKeys(credit) {
		creditText = append(creditText, export.FormatValue(report.Currency(credit[cur]), cur))
	}
	intro := fmt.Sprintf("%d SLTs of %d services were evaluated for %s, as of %s. %d met their objective in every period, "+
		"%d missed it at least once, and %d had no data.", len(d.slts), len(d.servicesInScope()), d.q.Period,
		d.at.Format("2006-01-02 15:04 MST"), met, missed, nodata)
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
	for _, name := range d.servicesInScope() {
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
		if sv := d.ws.Service(name); sv != nil {
			owner, bu = sv.Spec.Owner, sv.Spec.BusinessUnit
		}
		svc.Rows = append(svc.Rows, report.Row{Status: rag, Cells: []report.Cell{
			report.Text(d.serviceTitle(name)), textOr(owner, ""), textOr(bu, ""), report.Integer(int64(n)),
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
			report.Text(d.serviceTitle(s.Spec.Service)), report.Text(d.sltTitle(s)), report.Text(s.Spec.Type),
			report.Text(d.objectiveText(s)), report.Text(fmt.Sprintf("%d of %d", st.met, st.periods)),
			attCell(st.kind, compliance.Unit(d.ws, &s.Spec), st.att), optPercent(st.budget), report.Text(trendArrow(d.analysisOf(s.Name()))),
			report.Text(st.status.Label),
		}})
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(t))
	why := report.Table{Title: "Why each SLT has its status", Columns: []report.Column{
		{Header: "SLT", Kind: report.ValueText, Width: 26}, {Header: "Status", Kind: report.ValueText, Width: 9},
		{Header: "Why", Kind: report.ValueText, Width: 65},
	}, Caption: "Missed: a period (or tier) of " + d.q.Period + " missed its objective. At risk: met, but under 25% of an error budget left, " +
		"a burn-rate alert, a projected miss, or the analysis finds the period worse than usual, a worsening trend that fails the target, " +
		"or a process that at its usual level misses the target. An improvement is never a risk."}
	for _, st := range sts {
		why.Rows = append(why.Rows, report.Row{Status: st.rag, Cells: []report.Cell{
			report.Text(d.sltTitle(st.slt)), report.Text(st.status.Label), report.Text(strings.Join(st.status.Reasons, "; ")),
		}})
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(why))
	if len(d.rep.Warnings) > 0 {
		var ws []string
		for _, w := range d.rep.Warnings {
			ws = append(ws, w.SLT+": "+w.Message)
		}
		sec.Blocks = append(sec.Blocks, report.NewNote(report.SeverityWarning, "Measurement warnings", strings.Join(ws, "\n")))
	}
	return sec
}

func (d *packData) servicesInScope() []string {
	var out []string
	for _, s := range d.slts {
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

func (d *packData) complianceRow(r ReportRow) report.Row {
	s := d.ws.SLT(r.SLT)
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
		attCell(r.Kind, r.Unit, r.Attainment), attCell(r.Kind, r.Unit, r.AttainmentRaw), rowTarget(s, r), metText(r.Met),
		optPercent(r.BudgetRemaining), report.Integer(int64(r.ConsecutiveMisses)),
	}}
}

func (d *packData) complianceTable() report.Section {
	sec := report.Section{ID: "compliance", Title: "Compliance by SLT and period"}
	t := report.Table{Title: "Every SLT, tier and period", Columns: complianceColumns,
		Caption: "The rows of `slate report --period " + d.q.Period + "` (a tier shows as SLT / tier): adjusted attainment (maintenance and approved exceptions removed) " +
			"beside the raw attainment (calendar applied, nothing removed). Statistic SLTs show the statistic itself, not a percentage. " +
			"Units are what the indicator counts: events, rows, time slices or items."}
	for _, r := range d.rep.Rows {
		t.Rows = append(t.Rows, d.complianceRow(r))
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

func (d *packData) sltSection(s *domain.SLT) report.Section {
	sp := &s.Spec
	sec := report.Section{ID: "slt-" + s.Name(), Title: d.sltTitle(s)}
	if s.Metadata.Description != "" {
		sec.Blocks = append(sec.Blocks, report.NewParagraph(s.Metadata.Description))
	}
	supplier, contact := "", ""
	if f := d.ws.Feed(sp.Feed); f != nil {
		supplier = f.Spec.Supplier
		if su := d.ws.Supplier(supplier); su != nil {
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
		{Label: "Service", Value: report.Text(d.serviceTitle(sp.Service))},
		{Label: "Type", Value: report.Text(typ)},
		{Label: "Owner", Value: textOr(sp.Owner, "not set")},
		{Label: "Indicator", Value: report.Text(indicatorText(s))},
		{Label: "Feed", Value: textOr(sp.Feed, "—")},
		{Label: "Supplier", Value: textOr(supplier, "—")},
	}
	if contact != "" {
		items = append(items, report.KeyValue{Label: "Supplier contact", Value: report.Text(contact)})
	}
	items = append(items, []report.KeyValue{
		{Label: "Objective", Value: report.Text(d.objectiveText(s))},
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
		items = append(items, report.KeyValue{Label: "Tier " + t.Name, Value: report.Text(FormatObjective(sp, compliance.Unit(d.ws, sp), t.Op, t.Target) + " in calendar " + c)})
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
	rows := d.rowsOf(s.Name())
	at := report.Table{Title: "Attainment in " + d.q.Period, Columns: []report.Column{
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
			attCell(r.Kind, r.Unit, r.Attainment), attCell(r.Kind, r.Unit, r.AttainmentRaw), rowTarget(s, r), metText(r.Met),
			optPercent(r.BudgetRemaining), report.Integer(int64(r.ConsecutiveMisses)),
		}})
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(at))

	// statistics
	a := d.analysisOf(s.Name())
	if a == nil {
		msg := d.anaErr[s.Name()]
		if msg == "" {
			msg = "no analysis"
		}
		sec.Blocks = append(sec.Blocks, report.NewNote(report.SeverityWarning, "No statistical analysis", msg))
	} else {
		sec.Blocks = append(sec.Blocks, d.analysisBlocks(s, a)...)
	}

	// breaches, exclusions, exceptions
	var br []Breach
	for _, b := range d.periodBreaches() {
		if b.SLT == s.Name() {
			br = append(br, b)
		}
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(d.breachTable("Breaches in "+d.q.Period, br, false)))
	sec.Blocks = append(sec.Blocks, report.NewTable(d.exclusionTable(s)))
	return sec
}

// maxViolationRows is how many run-rule violations an SLT section lists (the
// most recent); the chart marks every one.
const maxViolationRows = 20

// analysisBlocks are the verdict first (the conclusion), then the trend
// figures, then the control chart and its run-rule violations.
func (d *packData) analysisBlocks(s *domain.SLT, a *SLTAnalysis) []report.Block {
	res := &a.Analysis
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
			Title: fmt.Sprintf("Control chart (%s) up to %s%s", c.Kind, d.q.Period, adjustedNote(res)), XLabel: "Period", YLabel: "Attainment" + unit,
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
			trend = trendArrow(a) + " (significant)"
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
	st := d.statuses[s.Name()]
	sev := report.SeverityInfo
	switch st.State {
	case compliance.StateMissed:
		sev = report.SeverityCritical
	case compliance.StateAtRisk:
		sev = report.SeverityWarning
	}
	text := res.Verdict.Text
	if st.State != "" {
		text = fmt.Sprintf("Status in %s: %s. Why: %s.\n%s", d.q.Period, st.Label, strings.Join(st.Reasons, "; "), text)
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

func (d *packData) exclusionTable(s *domain.SLT) report.Table {
	t := report.Table{Title: "Exclusions and exceptions in " + d.q.Period, Columns: []report.Column{
		{Header: "Source", Kind: report.ValueText}, {Header: "Reference", Kind: report.ValueText},
		{Header: "Start", Kind: report.ValueDateTime}, {Header: "End", Kind: report.ValueDateTime},
		{Header: "Counted", Kind: report.ValueText}, {Header: "Why", Kind: report.ValueText},
	}, Caption: "Times in UTC. Maintenance counts only when registered before it started; an exception only once approved."}
	loc, _ := domain.LoadZone(s.Spec.TimeZone)
	if loc == nil {
		loc = time.UTC
	}
	ex, ign := compliance.Exclusions(s, loc, d.ws.Maintenance(), d.in.Exceptions, d.start, d.end)
	for _, e := range ex {
		t.Rows = append(t.Rows, report.Row{Status: report.RAGGreen, Cells: []report.Cell{report.Text(e.Source), report.Text(e.Ref),
			report.DateTime(e.Start.UTC()), report.DateTime(e.End.UTC()), report.Text("excluded"), report.Text(d.exclusionReason(e))}})
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

func (d *packData) exclusionReason(e compliance.Exclusion) string {
	if e.Source == "maintenance" {
		if m, ok := d.ws.Get(domain.KindMaintenance, e.Ref).(*domain.MaintenanceWindow); ok && m != nil {
			return m.Spec.Reason
		}
		return ""
	}
	for _, x := range d.excs {
		if x.ID == e.Ref {
			return x.Reason
		}
	}
	return ""
}

// ---- breaches ----

// periodBreaches are the breaches of the pack's period rows.
func (d *packData) periodBreaches() []Breach {
	ids := map[string]bool{}
	for _, r := range d.rep.Rows {
		ids[compliance.BreachID(r.SLT, r.Tier, r.Period)] = true
	}
	var out []Breach
	for _, b := range d.breaches {
		if ids[b.ID] {
			out = append(out, b)
		}
	}
	return out
}

func (d *packData) breachTable(title string, bs []Breach, withSLT bool) report.Table {
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
		if s := d.ws.SLT(b.SLT); s != nil && !s.Spec.RatioLike() {
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
		cells = append(cells, textOr(b.Tier, "—"), report.Text(b.Period), attCell(kind, b.Unit, b.Attainment), short,
			optCount(bad), report.Number(b.BudgetsOverspent), report.Number(b.Priority), rank, fp)
		t.Rows = append(t.Rows, report.Row{Status: rag, Cells: cells})
	}
	if len(bs) == 0 {
		t.Caption = "No breaches."
	}
	return t
}

func (d *packData) breachLog() report.Section {
	sec := report.Section{ID: "breaches", Title: "Breach log and Pareto"}
	sec.Blocks = append(sec.Blocks, report.NewParagraph("A breach is a complete period in which an SLT or tier missed its objective. "+
		"Its priority is in one unit for every kind of SLT: impact weight × error budgets overspent, where the budgets overspent are the "+
		"shortfall ÷ the shortfall the objective allows (1 − target for availability and other shares, the target itself for statistics "+
		"such as a p95 latency). The Pareto sums the priorities per SLT and tier, so a repeated miss counts each time; bad minutes or items "+
		"are already in the shortfall and are not counted again. False positives stay in the log, flagged, and are left out of the ranking."))
	bt := d.breachTable("Breaches in "+d.q.Period, d.periodBreaches(), true)
	sec.Blocks = append(sec.Blocks, report.NewTable(bt))
	// Pareto over the history up to the end of the period
	prio := map[string]float64{}
	count := map[string]int{}
	for _, b := range d.breaches {
		start, err := time.Parse(time.RFC3339, b.Start)
		if b.FalsePositive || err != nil || !start.Before(d.end) {
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
			Title: "Pareto of breach priority up to the end of " + d.q.Period, YLabel: "Weighted error budgets overspent", Pareto: par,
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

// loopSections are the Root-cause analyses, Actions and Reviews sections
// (improve.PackSections), the loop read as of the pack's time.
func (d *packData) loopSections() ([]report.Section, error) {
	rows := map[string]compliance.SLTRows{}
	for _, s := range d.slts {
		r, err := d.ev.SLT(s.Name(), nil)
		if err != nil {
			continue // the SLT's section says why; its review is judged without data
		}
		rows[s.Name()] = r
	}
	pl, err := improve.ReadPackLoop(d.packs.store, d.ws, d.slts, rows, d.q.Period, d.start, d.at)
	if err != nil {
		return nil, err
	}
	var due []compliance.Row
	for _, r := range d.rep.Rows {
		if r.RCADue {
			due = append(due, r)
		}
	}
	return improve.PackSections(pl, due), nil
}

// ---- exceptions ----

func (d *packData) exceptions() report.Section {
	sec := report.Section{ID: "exceptions", Title: "Exceptions"}
	sec.Blocks = append(sec.Blocks, report.NewParagraph("Force-majeure exceptions that overlap the period. Only approved exceptions remove "+
		"their window from the calculation; the approver must differ from the requester, and every step is in the audit trail."))
	names := map[string]bool{}
	for _, s := range d.slts {
		names[s.Name()] = true
	}
	t := report.Table{Title: "Exceptions approved, rejected and pending", Columns: []report.Column{
		{Header: "ID", Kind: report.ValueText}, {Header: "SLT", Kind: report.ValueText}, {Header: "From", Kind: report.ValueDateTime},
		{Header: "To", Kind: report.ValueDateTime}, {Header: "Status", Kind: report.ValueText}, {Header: "Reason", Kind: report.ValueText},
		{Header: "Requested by", Kind: report.ValueText}, {Header: "Decided by", Kind: report.ValueText},
		{Header: "Decision note", Kind: report.ValueText}, {Header: "Evidence", Kind: report.ValueText},
	}, Caption: "Times in UTC. Evidence files are stored in the workspace under their SHA-256 (first 12 characters shown)."}
	for _, e := range d.excs {
		if !names[e.SLT] || !e.To.After(d.start) || !e.From.Before(d.end) {
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

func (d *packData) maintenance() report.Section {
	sec := report.Section{ID: "maintenance", Title: "Maintenance"}
	t := report.Table{Title: "Maintenance windows", Columns: []report.Column{
		{Header: "Window", Kind: report.ValueText}, {Header: "Applies to", Kind: report.ValueText},
		{Header: "Schedule", Kind: report.ValueText}, {Header: "Registered at", Kind: report.ValueDateTime},
		{Header: "Reason", Kind: report.ValueText},
	}, Caption: "Windows that apply to an SLT of the pack. A window excludes time only when it was registered before it started."}
	for _, m := range d.ws.Maintenance() {
		applies := false
		for _, s := range d.slts {
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
	ex := report.Table{Title: "Excluded units in " + d.q.Period, Columns: []report.Column{
		{Header: "SLT", Kind: report.ValueText}, {Header: "Tier", Kind: report.ValueText}, {Header: "Period", Kind: report.ValueText},
		{Header: "Excluded units", Kind: report.ValueInteger}, {Header: "Attainment", Kind: report.ValuePercent},
		{Header: "Raw attainment", Kind: report.ValuePercent},
	}, Caption: "Units removed by maintenance or approved exceptions, and the attainment with and without them."}
	for _, r := range d.rep.Rows {
		if r.Excluded > 0 {
			ex.Rows = append(ex.Rows, report.Row{Cells: []report.Cell{report.Text(r.SLT), textOr(r.Tier, "—"), report.Text(r.Period),
				count(r.Excluded), attCell(r.Kind, r.Unit, r.Attainment), attCell(r.Kind, r.Unit, r.AttainmentRaw)}})
		}
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(ex))
	ig := report.Table{Title: "Windows not counted", Columns: []report.Column{
		{Header: "SLT", Kind: report.ValueText}, {Header: "Source", Kind: report.ValueText}, {Header: "Reference", Kind: report.ValueText},
		{Header: "Start", Kind: report.ValueDateTime}, {Header: "End", Kind: report.ValueDateTime}, {Header: "Why", Kind: report.ValueText},
	}, Caption: "Times in UTC."}
	for _, g := range d.rep.Ignored {
		ig.Rows = append(ig.Rows, report.Row{Status: report.RAGAmber, Cells: []report.Cell{report.Text(g.SLT), report.Text(g.Source),
			report.Text(g.Ref), report.DateTime(g.Start.UTC()), report.DateTime(g.End.UTC()), report.Text(g.Reason)}})
	}
	if len(ig.Rows) == 0 {
		ig.Caption = "Every maintenance window and exception in the period counted."
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(ig))
	return sec
}

// ---- credits ----

func tiersText(c *domain.ContractSpec) (string, string) {
	var cr, in []string
	for _, t := range c.CreditTiers {
		cr = append(cr, fmt.Sprintf("below %s%% → %s%%", trimFloat(t.Below*100), trimFloat(t.Credit)))
	}
	if c.Cap > 0 {
		cr = append(cr, fmt.Sprintf("cap %s%%", trimFloat(c.Cap)))
	}
	for _, t := range c.EarnBack {
		in = append(in, fmt.Sprintf("from %s%% → %s%%", trimFloat(t.Above*100), trimFloat(t.Incentive)))
	}
	if c.IncentiveCap > 0 {
		in = append(in, fmt.Sprintf("cap %s%%", trimFloat(c.IncentiveCap)))
	}
	return strings.Join(cr, "; "), strings.Join(in, "; ")
}

func (d *packData) credits() report.Section {
	sec := report.Section{ID: "credits", Title: "Supplier credits and incentives"}
	names := map[string]bool{}
	for _, s := range d.slts {
		names[s.Name()] = true
	}
	ct := report.Table{Title: "Contracts", Columns: []report.Column{
		{Header: "Contract", Kind: report.ValueText}, {Header: "Supplier", Kind: report.ValueText}, {Header: "SLT", Kind: report.ValueText},
		{Header: "Charge per period", Kind: report.ValueCurrency}, {Header: "Currency", Kind: report.ValueText},
		{Header: "Service credits", Kind: report.ValueText}, {Header: "Earn-back", Kind: report.ValueText},
	}}
	for _, c := range d.ws.Contracts() {
		if !names[c.Spec.SLT] {
			continue
		}
		cr, in := tiersText(&c.Spec)
		sup := c.Spec.Supplier
		if s := d.ws.Supplier(sup); s != nil && s.Metadata.DisplayName != "" {
			sup = s.Metadata.DisplayName
		}
		ct.Rows = append(ct.Rows, report.Row{Cells: []report.Cell{report.Text(c.Name()), report.Text(sup), report.Text(c.Spec.SLT),
			report.Currency(c.Spec.ChargePerPeriod), textOr(c.Spec.Currency, ""), textOr(cr, "none"), textOr(in, "none")}})
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(ct))
	t := report.Table{Title: "Credits and incentives in " + d.q.Period, Columns: []report.Column{
		{Header: "Contract", Kind: report.ValueText}, {Header: "Supplier", Kind: report.ValueText}, {Header: "Period", Kind: report.ValueText},
		{Header: "Attainment", Kind: report.ValuePercent}, {Header: "Met", Kind: report.ValueText},
		{Header: "Credit %", Kind: report.ValueNumber}, {Header: "Credit", Kind: report.ValueCurrency},
		{Header: "Incentive %", Kind: report.ValueNumber}, {Header: "Incentive", Kind: report.ValueCurrency},
		{Header: "Currency", Kind: report.ValueText},
	}, Caption: "Credit % is the credit of the lowest tier above the attainment, capped; incentives apply only when the SLT was met. Amounts = percent × the period charge."}
	for _, c := range d.rep.Credits {
		rag := report.RAGGreen
		if c.CreditPercent != nil && *c.CreditPercent > 0 {
			rag = report.RAGRed
		} else if c.Met == nil {
			rag = report.RAGNone
		}
		sup := c.Supplier
		if s := d.ws.Supplier(sup); s != nil && s.Metadata.DisplayName != "" {
			sup = s.Metadata.DisplayName
		}
		period := c.Period
		if !c.Complete {
			period += " (running)"
		}
		t.Rows = append(t.Rows, report.Row{Status: rag, Cells: []report.Cell{report.Text(c.Contract), report.Text(sup), report.Text(period),
			optPercent(c.Attainment), metText(c.Met), optNumber(c.CreditPercent), optCurrency(c.CreditAmount),
			optNumber(c.IncentivePercent), optCurrency(c.IncentiveAmount), textOr(c.Currency, "")}})
	}
	if len(t.Rows) == 0 {
		t.Caption = "No contract applies to the SLTs of this pack in the period."
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(t), report.NewTable(d.supplierTable()))
	return sec
}

// supplierContact is "name, email" (either may be missing).
func supplierContact(su *domain.Supplier) string {
	var parts []string
	for _, s := range []string{su.Spec.Contact, su.Spec.Email} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// supplierTable lists the suppliers the pack's SLTs depend on (through a feed
// or a contract) with their contacts and contingency plans.
func (d *packData) supplierTable() report.Table {
	t := report.Table{Title: "Supplier contacts", Columns: []report.Column{
		{Header: "Supplier", Kind: report.ValueText}, {Header: "Contact", Kind: report.ValueText},
		{Header: "Email", Kind: report.ValueText}, {Header: "SLTs", Kind: report.ValueText},
		{Header: "Contingency plan", Kind: report.ValueText}, {Header: "Maturity (0–5)", Kind: report.ValueNumber},
	}, Caption: "The suppliers whose data or contract an SLT of this pack depends on. Maturity: the latest maturity-assessment score, 0 to 5."}
	slts := map[string][]string{}
	add := func(sup, slt string) {
		if sup != "" && !slices.Contains(slts[sup], slt) {
			slts[sup] = append(slts[sup], slt)
		}
	}
	for _, s := range d.slts {
		for feed := range feedsOf(d.ws, []*domain.SLT{s}) {
			if f := d.ws.Feed(feed); f != nil {
				add(f.Spec.Supplier, s.Name())
			}
		}
	}
	names := map[string]bool{}
	for _, s := range d.slts {
		names[s.Name()] = true
	}
	for _, c := range d.ws.Contracts() {
		if names[c.Spec.SLT] {
			add(c.Spec.Supplier, c.Spec.SLT)
		}
	}
	for _, name := range sortedKeys(slts) {
		su := d.ws.Supplier(name)
		if su == nil {
			continue
		}
		display := name
		if su.Metadata.DisplayName != "" {
			display = su.Metadata.DisplayName
		}
		list := slts[name]
		slices.Sort(list)
		maturity := report.Null()
		if su.Spec.Maturity != nil {
			maturity = report.Number(*su.Spec.Maturity)
		}
		t.Rows = append(t.Rows, report.Row{Cells: []report.Cell{report.Text(display), textOr(su.Spec.Contact, ""),
			textOr(su.Spec.Email, ""), report.Text(strings.Join(list, ", ")), textOr(su.Spec.ContingencyPlan, ""), maturity}})
	}
	if len(t.Rows) == 0 {
		t.Caption = "No SLT of this pack depends on a supplier."
	}
	return t
}

// ---- data quality ----

func (d *packData) dataQuality() report.Section {
	sec := report.Section{ID: "data-quality", Title: "Data quality"}
	sec.Blocks = append(sec.Blocks, report.NewParagraph("The import batches whose data overlaps the period, for the feeds the pack's SLTs read. "+
		"Every problem an import found is a finding (missing intervals, clock skew, duplicates, unreadable or out-of-range values); "+
		"rows with errors were rejected, never silently dropped. `slate batch show N` lists the findings of batch N."))
	feeds := feedsOf(d.ws, d.slts)
	t := report.Table{Title: "Batches and findings", Columns: []report.Column{
		{Header: "Batch", Kind: report.ValueInteger}, {Header: "Feed", Kind: report.ValueText}, {Header: "File", Kind: report.ValueText},
		{Header: "Status", Kind: report.ValueText}, {Header: "Rows read", Kind: report.ValueInteger},
		{Header: "Imported", Kind: report.ValueInteger}, {Header: "Rejected", Kind: report.ValueInteger},
		{Header: "Findings", Kind: report.ValueInteger}, {Header: "Findings by kind", Kind: report.ValueText},
		{Header: "File SHA-256", Kind: report.ValueText},
	}, Caption: "File SHA-256: the first 16 characters; the full values are in the fingerprint recipe (audit appendix)."}
	for _, b := range d.batches {
		if !feeds[b.Feed] || (b.Status != storage.StatusPublished && b.Status != storage.StatusReverted) {
			continue
		}
		if b.From.IsZero() || !b.From.Before(d.end) || b.To.Before(d.start) {
			continue
		}
		total := 0
		var kinds []string
		for _, k := range sortedKeys(b.Findings) {
			total += b.Findings[k]
			kinds = append(kinds, fmt.Sprintf("%s %d", k, b.Findings[k]))
		}
		rag := report.RAGGreen
		if b.Counts.Rejected > 0 || total > 0 {
			rag = report.RAGAmber
		}
		if b.Status == storage.StatusReverted {
			rag = report.RAGNone
		}
		sha := b.SHA256
		if len(sha) > 16 {
			sha = sha[:16]
		}
		t.Rows = append(t.Rows, report.Row{Status: rag, Cells: []report.Cell{report.Integer(int64(b.ID)), report.Text(b.Feed),
			report.Text(b.File), report.Text(b.Status.String()), report.Integer(int64(b.Counts.Read)), report.Integer(int64(b.Counts.Imported)),
			report.Integer(int64(b.Counts.Rejected)), report.Integer(int64(total)), textOr(strings.Join(kinds, ", "), "none"), report.Text(sha)}})
	}
	if len(t.Rows) == 0 {
		t.Caption = "No batch holds data of the period."
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(t))
	return sec
}

// ---- methodology ----

func (d *packData) methodology() report.Section {
	sec := report.Section{ID: "methodology", Title: "Methodology"}
	paras := []struct{ h, t string }{
		{"Scope and time", "Every SLT is evaluated in its own time zone: periods start at the first instant of a local date, so days around daylight-saving changes have 23 or 25 hours " +
			"(where the clock skips midnight, the date starts when it resumes). " +
			"A calendar limits an SLT to business hours; units outside it count nowhere. The pack is evaluated as of " + d.at.Format(time.RFC3339) +
			"; a period that had not ended by then is marked running."},
		{"Attainment", "Ratio: good events ÷ all events. Threshold: rows meeting the threshold ÷ rows. Availability: good time slices ÷ slices with data " +
			"(a slice is good when every probe in it is good; slices without data leave the denominator unless the SLT says otherwise). " +
			"Duration: items resolved within the goal, in business time minus pauses and exclusions, ÷ items resolved. " +
			"Statistic: the mean, median or percentile of the values (percentiles interpolate linearly between closest ranks, as Excel PERCENTILE.INC). " +
			"Composite: the weighted mean of the components' attainments."},
		{"Adjusted and raw", "Adjusted attainment removes planned maintenance (only when registered before it started) and approved exceptions; " +
			"raw attainment removes nothing. Both are shown side by side."},
		{"Objectives and budgets", "An SLT is met when its attainment meets the objective, compared without rounding. The error budget allows " +
			"(1 − target) × eligible bad units; budget left = 1 − bad ÷ allowed, negative when overspent. A tiered SLT is met only when every tier is met."},
		{"Status", "One rule gives every SLT its status in the period, the same in this pack, the dashboard, `slate report` and the API: " +
			"missed when a period (or tier) missed its objective; no data when no period has data; at risk when met but with under 25% of an " +
			"error budget left, a burn-rate alert or a projected miss in a running period, or when the analysis finds the period worse than usual, " +
			"a worsening trend that already fails the target or will within its horizon, or a process that at its usual level misses the target; " +
			"otherwise on target. Signals in the good direction are improvements, never risks."},
		{"Breaches and root causes", "A breach is a complete missed period. Its priority is the error budgets it overspent × the SLT's impact weight " +
			"(docs/metrics.md), one unit for every kind of SLT; the Pareto ranks SLTs and tiers by summed priority. A root-cause analysis is due after " +
			"the SLT's rcaAfter consecutive missed periods (3 unless set); a period without data ends the run."},
		{"Credits", "Credit % is the credit of the lowest contract tier whose threshold is above the attainment, capped; earn-back applies only when the SLT " +
			"was met. Amounts are the percentage of the period charge."},
		{"Statistics", "Control charts use the per-period values: Laney p′ charts when every period has counts, otherwise individuals (XmR) charts with " +
			"limits at the centre ± 3σ̂ (σ̂ = mean moving range ÷ 1.128). The limits come from a reference (phase I): the most recent stretch of periods " +
			"that is stable on its own limits; the periods after it are judged (phase II). Daily values are adjusted for a significant day-of-week pattern first. " +
			"Run rules are Nelson's (or Western Electric's); a flagged point completes the pattern, and a signal in the good direction is an improvement. " +
			"The trend is an ordinary least-squares slope with its 95% interval, checked with the Mann–Kendall test; it is significant when both agree. " +
			"Time to breach is where the fitted line crosses the target."},
		{"Numbers in this pack", "Percentages are shown with three decimals and compared unrounded. The workbook stores every figure as a number with its " +
			"format, so it can be recomputed. docs/metrics.md and docs/statistics.md give every rule in full."},
	}
	for _, p := range paras {
		sec.Blocks = append(sec.Blocks, report.NewHeading(2, p.h), report.NewParagraph(p.t))
	}
	return sec
}

// ---- audit appendix ----

func (d *packData) auditAppendix() report.Section {
	sec := report.Section{ID: "audit", Title: "Audit appendix"}
	ok := fmt.Sprintf("yes: every event's hash and link checked, and the stored points of the %d published batches of this pack's feeds match the digests recorded when they were imported", d.verify.Batches)
	if !d.verify.OK {
		ok = "NO — " + d.verify.Problem + " (run slate audit verify)"
	}
	sec.Blocks = append(sec.Blocks, report.NewKeyValues("Audit chain",
		report.KeyValue{Label: "Chain head (data)", Value: report.Text(fmt.Sprintf("event %d", d.fp.AuditSeq))},
		report.KeyValue{Label: "Head hash", Value: report.Text(d.fp.AuditHash)},
		report.KeyValue{Label: "Chain and data intact", Value: report.Text(ok)},
		report.KeyValue{Label: "Fingerprint", Value: report.Text(d.fp.Fingerprint)},
	))
	sec.Blocks = append(sec.Blocks, report.NewParagraph("Keep the chain head (event and hash above; also on the cover and in the file's metadata) "+
		"somewhere the database's owner cannot change: `slate audit verify --anchor SEQ:HASH` then fails if the trail was later rewritten or cut, "+
		"and `slate verify-pack` checks it too (docs/security.md)."))
	rt := report.Table{Title: "Fingerprint recipe", Columns: []report.Column{
		{Header: "Line", Kind: report.ValueInteger}, {Header: "Text hashed", Kind: report.ValueText},
	}, Caption: "The fingerprint is sha256: followed by the SHA-256 of these lines, each ending with a line feed. definitions: SHA-256 of `slate get all -o yaml`; " +
		"batch: id, feed and file SHA-256 of every published batch the SLTs read, with the number and SHA-256 of its points as stored (docs/security.md); " +
		"audit: the newest audit event that is not a pack export. " +
		"`slate verify-pack FILE` recomputes it (docs/pack.md)."}
	for i, l := range d.fp.Lines {
		rt.Rows = append(rt.Rows, report.Row{Cells: []report.Cell{report.Integer(int64(i + 1)), report.Text(l)}})
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(rt))
	t := report.Table{Title: "Audit events from the start of " + d.q.Period + " to the chain head", Columns: []report.Column{
		{Header: "Seq", Kind: report.ValueInteger}, {Header: "Time (UTC)", Kind: report.ValueDateTime}, {Header: "Actor", Kind: report.ValueText},
		{Header: "Action", Kind: report.ValueText}, {Header: "Object", Kind: report.ValueText}, {Header: "Hash", Kind: report.ValueText},
	}, Caption: "Hash: the first 16 characters of the event's SHA-256; `slate audit log` prints them in full."}
	const maxEvents = 2000
	n := 0
	for _, e := range d.events {
		// events after the data head are later exports: leaving them out
		// keeps a re-export of the same data identical
		if e.Time.Before(d.start) || e.Seq > d.fp.AuditSeq {
			continue
		}
		if n++; n > maxEvents {
			t.Caption = fmt.Sprintf("Only the first %d events are listed. ", maxEvents) + t.Caption
			break
		}
		h := e.Hash
		if len(h) > 16 {
			h = h[:16]
		}
		t.Rows = append(t.Rows, report.Row{Cells: []report.Cell{report.Integer(int64(e.Seq)), report.DateTime(e.Time.UTC()),
			report.Text(e.Actor), report.Text(e.Action), report.Text(e.Object), report.Text(h)}})
	}
	if len(t.Rows) == 0 {
		t.Caption = "No audit event was recorded since the start of the period. " + t.Caption
	}
	sec.Blocks = append(sec.Blocks, report.NewTable(t))
	return sec
}

// adjustedNote marks a chart of day-of-week adjusted values.
func adjustedNote(res *analysis.Result) string {
	if res.Adjustment != nil && res.Adjustment.Applied {
		return ", adjusted for the day of the week"
	}
	return ""
}
