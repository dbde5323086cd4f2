package app

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/improve"
)

// DashboardQuery selects the portfolio dashboard. At is the evaluation time
// (RFC 3339 or a date; empty: now, to the minute). Period is the reporting
// period the statuses judge (a key such as 2026-11; empty: each SLT's current
// period, or its previous one while the current has no data yet). The
// filters keep the services and SLTs that match every one given
// (case-insensitive); Type is SLA, OLA or UC.
type DashboardQuery struct {
	At           string `json:"at"`
	Period       string `json:"period"`
	BusinessUnit string `json:"businessUnit"`
	ProductLine  string `json:"productLine"`
	Supplier     string `json:"supplier"`
	Type         string `json:"type"`
}

// Dashboard is everything the portfolio dashboard shows, in one call: a RAG
// status per SLT and service for the current period, budgets, the last 13
// periods, firing alerts and root-cause analyses due.
type Dashboard struct {
	At time.Time `json:"at"`
	// Version changes whenever the database does (the last committed transaction).
	Version  uint64                    `json:"version"`
	Services []DashboardService        `json:"services"`
	Alerts   []compliance.Alert        `json:"alerts"`
	Trends   []compliance.TrendWarning `json:"trends"`
	RCADue   []DashboardRCA            `json:"rcaDue"`
	// Loop is the improvement loop at a glance: overdue actions, open
	// root-cause analyses (overdue first), reviews due.
	Loop    DashboardLoop    `json:"loop"`
	Counts  DashboardCounts  `json:"counts"`
	Filters DashboardFilters `json:"filters"`
	// Problems are SLTs that could not be evaluated, in plain words; the rest still shows.
	Problems []string `json:"problems"`
}

// DashboardCounts counts SLTs by RAG status.
type DashboardCounts struct {
	Red    int `json:"red"`
	Amber  int `json:"amber"`
	Green  int `json:"green"`
	NoData int `json:"noData"`
}

// DashboardFilters are the values the filters can take (over the whole workspace).
type DashboardFilters struct {
	BusinessUnits []string `json:"businessUnits"`
	ProductLines  []string `json:"productLines"`
	Suppliers     []string `json:"suppliers"`
	Types         []string `json:"types"`
}

// DashboardService is one service with its SLTs; Status is the worst of them.
type DashboardService struct {
	Name         string         `json:"name"`
	DisplayName  string         `json:"displayName"`
	BusinessUnit string         `json:"businessUnit"`
	ProductLine  string         `json:"productLine"`
	Owner        string         `json:"owner"`
	Criticality  string         `json:"criticality"`
	Status       string         `json:"status"`
	SLTs         []DashboardSLT `json:"slts"`
}

// RAG colours of the status states (compliance.JudgeStatus, docs/metrics.md
// "Status"): red missed, amber at risk, green on target, none no data.
const (
	StatusRed    = "red"
	StatusAmber  = "amber"
	StatusGreen  = "green"
	StatusNoData = "none"
)

// DashboardSLT is one SLT's line: status, current period, tiers, sparkline.
type DashboardSLT struct {
	Name        string `json:"name"`
	DisplayName string `json:"displayName"`
	Service     string `json:"service"`
	Type        string `json:"type"`
	Indicator   string `json:"indicator"`
	Objective   string `json:"objective"`
	Period      string `json:"period"`
	Owner       string `json:"owner"`
	Feed        string `json:"feed"`
	// Supplier is the feed's supplier (its name); SupplierName its display name.
	Supplier     string `json:"supplier"`
	SupplierName string `json:"supplierName"`
	// Ratio: attainments are shares (0..1); otherwise values in Unit.
	Ratio bool   `json:"ratio"`
	Unit  string `json:"unit"`
	// Status is the RAG colour of State (missed, at_risk, on_target, no_data)
	// in StatusPeriod; Reasons say why, Reason is them in one line.
	Status       string   `json:"status"`
	State        string   `json:"state"`
	StatusPeriod string   `json:"statusPeriod"`
	Reasons      []string `json:"reasons"`
	Reason       string   `json:"reason"`
	// Current is the overall row of the judged period (the last one with data
	// when the period holds several, e.g. days of a month); IsCurrent says
	// whether that is the period running now.
	Current   *compliance.Row `json:"current"`
	IsCurrent bool            `json:"isCurrent"`
	// Budget is the error budget left in Current (the tightest tier of a tiered SLT).
	Budget *float64        `json:"budget"`
	Tiers  []DashboardTier `json:"tiers"`
	// Spark is the last 13 periods, oldest first.
	Spark  []SparkPoint `json:"spark"`
	Alerts int          `json:"alerts"`
	// Trend is the projected miss of the running period, if any.
	Trend             *compliance.TrendWarning `json:"trend"`
	ConsecutiveMisses int                      `json:"consecutiveMisses"`
	RCADue            bool                     `json:"rcaDue"`
	Components        []string                 `json:"components"`
}

// DashboardTier is one tier's row in the same period as the SLT's Current.
type DashboardTier struct {
	Name      string          `json:"name"`
	Objective string          `json:"objective"`
	Status    string          `json:"status"`
	Row       *compliance.Row `json:"row"`
}

// SparkPoint is one period of the sparkline.
type SparkPoint struct {
	Period     string   `json:"period"`
	Attainment *float64 `json:"attainment"`
	Target     *float64 `json:"target"`
	Met        *bool    `json:"met"`
	Complete   bool     `json:"complete"`
}

// DashboardRCA is an SLT missed rcaAfter periods in a row: a root-cause analysis is due.
type DashboardRCA struct {
	SLT               string `json:"slt"`
	DisplayName       string `json:"displayName"`
	Service           string `json:"service"`
	Period            string `json:"period"`
	ConsecutiveMisses int    `json:"consecutiveMisses"`
}

// SparkPeriods is how many periods a sparkline shows.
const SparkPeriods = 13

// dbVersion is the data version: it moves with every change a reader can
// see (import, revert, definition, exception, false positive), and not with
// an import's staging chunks or stored results.
func (c *Compliance) dbVersion() (uint64, error) { return c.store.DataVersion() }

// Dashboard computes the portfolio dashboard. The whole portfolio is
// evaluated once per data version and minute, shared by every caller who
// asks meanwhile and kept; filters apply to the shared result.
func (c *Compliance) Dashboard(q DashboardQuery) (Dashboard, error) {
	return c.dashboard(c.context(), q)
}

func (c *Compliance) dashboard(ctx context.Context, q DashboardQuery) (Dashboard, error) {
	at, err := c.at(q.At)
	if err != nil {
		return Dashboard{}, err
	}
	ver, err := c.dbVersion()
	if err != nil {
		return Dashboard{}, err
	}
	v, err := c.flights.do(ctx, fmt.Sprint("dashboard|", ver, "|", at.UnixNano(), "|", q.Period), func(ctx context.Context) (any, error) {
		return c.buildDashboard(ctx, at, ver, q.Period)
	})
	if err != nil {
		return Dashboard{}, err
	}
	return filterDashboard(v.(Dashboard), q), nil
}

// forgetDashboard drops the kept dashboards and reports (benchmarks measure the cold path).
func (c *Compliance) forgetDashboard() { c.flights.forget() }

func (c *Compliance) buildDashboard(ctx context.Context, at time.Time, ver uint64, period string) (Dashboard, error) {
	d := Dashboard{At: at, Version: ver, Services: []DashboardService{}, Alerts: []compliance.Alert{},
		Trends: []compliance.TrendWarning{}, RCADue: []DashboardRCA{}, Problems: []string{}}
	in, err := c.inputCtx(ctx, at)
	if err != nil {
		return d, err
	}
	ws := in.Workspace
	var names []string
	for _, s := range ws.SLTs() {
		names = append(names, s.Name())
	}
	// Alerts read only the running period; evaluate them beside the rows.
	var alerts compliance.AlertList
	var alertErr error
	var wg sync.WaitGroup
	wg.Go(func() { alerts, alertErr = compliance.Alerts(alertInput(in), "") })
	// Complete periods come from the stored results; running ones are evaluated.
	all, evalErr := compliance.NewEvaluator(in).All(names)
	wg.Wait()
	if alertErr != nil {
		d.Problems = append(d.Problems, "Alerts: "+alertErr.Error())
	}
	d.Alerts = append(d.Alerts, alerts.Alerts...)
	d.Trends = append(d.Trends, alerts.Trends...)
	if evalErr != nil {
		for _, e := range strings.Split(evalErr.Error(), "\n") {
			d.Problems = append(d.Problems, e)
		}
	}

	if period != "" {
		if _, ok := compliance.KeyKind(period); !ok {
			return d, fmt.Errorf("period %q is not a period key (write 2026, 2026-Q3, 2026-W07, 2026-10 or 2026-10-05)", period)
		}
	}
	judge := newStatusJudge(in, &alerts)
	bySvc := map[string][]DashboardSLT{}
	for _, s := range ws.SLTs() {
		r, ok := all[s.Name()]
		line := dashboardSLT(ws, s, r, ok && r.Plan.SLT != nil, at, alerts, judge, period)
		bySvc[s.Spec.Service] = append(bySvc[s.Spec.Service], line)
		if line.RCADue && line.Current != nil {
			d.RCADue = append(d.RCADue, DashboardRCA{SLT: line.Name, DisplayName: line.DisplayName, Service: line.Service,
				Period: rcaPeriod(r.Overall), ConsecutiveMisses: line.ConsecutiveMisses})
		}
	}
	for _, svc := range ws.Services() {
		slts := bySvc[svc.Name()]
		if slts == nil {
			slts = []DashboardSLT{}
		}
		ds := DashboardService{Name: svc.Name(), DisplayName: displayName(svc.Metadata), BusinessUnit: svc.Spec.BusinessUnit,
			ProductLine: svc.Spec.ProductLine, Owner: svc.Spec.Owner, Criticality: svc.Spec.Criticality, SLTs: slts}
		ds.Status = worst(slts)
		d.Services = append(d.Services, ds)
	}
	d.Filters = filtersOf(d.Services)
	if all != nil {
		loop, err := improve.Summarize(c.store, ws, all, at)
		if err != nil {
			d.Problems = append(d.Problems, "Improvement loop: "+err.Error())
		}
		d.Loop = DashboardLoop(loop)
	}
	return d, nil
}

func rcaPeriod(rows []compliance.Row) string {
	for i := len(rows) - 1; i >= 0; i-- {
		if rows[i].RCADue {
			return rows[i].Period
		}
	}
	return ""
}

// dashboardSLT builds one SLT's line from its evaluated rows.
func dashboardSLT(ws *domain.Workspace, s *domain.SLT, r compliance.SLTRows, evaluated bool, at time.Time, al compliance.AlertList,
	judge *statusJudge, period string) DashboardSLT {
	sum := summarize(ws, s)
	sp := &s.Spec
	line := DashboardSLT{Name: s.Name(), DisplayName: sum.DisplayName, Service: sp.Service, Type: sp.Type,
		Indicator: sum.Indicator, Objective: sum.Objective, Period: sum.Period, Owner: sp.Owner, Feed: sp.Feed,
		Supplier: sum.Supplier, Ratio: sp.RatioLike(), Tiers: []DashboardTier{}, Spark: []SparkPoint{}, Components: []string{},
		Reasons: []string{}}
	if line.Period == "" {
		line.Period = "month"
	}
	line.Unit = unitOf(ws, s)
	line.SupplierName = line.Supplier
	if sup := ws.Supplier(line.Supplier); sup != nil {
		line.SupplierName = displayName(sup.Metadata)
	}
	if sp.Composite != nil {
		for _, c := range sp.Composite.Components {
			line.Components = append(line.Components, c.SLT)
		}
	}
	for _, a := range al.Alerts {
		if a.SLT == line.Name {
			line.Alerts++
		}
	}
	for i := range al.Trends {
		if al.Trends[i].SLT == line.Name && line.Trend == nil {
			t := al.Trends[i]
			line.Trend = &t
		}
	}
	if !evaluated {
		line.Status, line.State, line.Reason = StatusNoData, compliance.StateNoData, "could not be evaluated"
		line.Reasons = []string{line.Reason}
		return line
	}
	st := judge.judge(s, r, period, nil)
	line.Status, line.State, line.StatusPeriod, line.Reasons = st.RAG, st.State, st.Period, st.Reasons
	line.Reason = strings.Join(st.Reasons, "; ")

	rows := r.Overall
	loc := zoneOf(s)
	ps, _ := compliance.ParsePeriodSpec(line.Period)
	cur := ps.Of(at.Add(-time.Nanosecond), loc)
	// the judged period's row: the last one with data inside it
	idx := -1
	for i, row := range compliance.RowsIn(rows, s, st.Period) {
		if row.Eligible > 0 {
			idx = i
		}
	}
	if idx >= 0 {
		cur := compliance.RowsIn(rows, s, st.Period)[idx]
		line.Current = &cur
	}
	line.IsCurrent = line.Current != nil && line.Current.Period == cur.Key
	if c := line.Current; c != nil {
		line.ConsecutiveMisses = c.ConsecutiveMisses
		line.Budget = c.BudgetRemaining
		// tiers in the same period
		for i, spec := range r.Plan.Specs {
			if spec.Tier == "" || i >= len(r.Tiers) {
				continue
			}
			t := DashboardTier{Name: spec.Tier, Objective: FormatObjective(sp, line.Unit, spec.Objective.Op, spec.Objective.Target), Status: StatusNoData}
			for _, tr := range r.Tiers[i] {
				if tr.Period == c.Period {
					tr := tr
					t.Row = &tr
					t.Status = compliance.JudgeStatus(compliance.StatusInput{SLT: s.Name(), Period: tr.Period, Rows: []compliance.Row{tr}}).RAG
					if tr.BudgetRemaining != nil && (line.Budget == nil || *tr.BudgetRemaining < *line.Budget) {
						line.Budget = tr.BudgetRemaining
					}
				}
			}
			line.Tiers = append(line.Tiers, t)
		}
	}
	// An RCA is due while the run lasts: the last complete period (by the
	// calendar, not the last listed row) has rca_due.
	prev := ps.Shift(cur, -1, loc).Key
	for i := len(rows) - 1; i >= 0; i-- {
		if rows[i].Period == prev {
			line.RCADue = rows[i].RCADue
			line.ConsecutiveMisses = max(line.ConsecutiveMisses, rows[i].ConsecutiveMisses)
			break
		}
	}
	from := max(0, len(rows)-SparkPeriods)
	for _, row := range rows[from:] {
		line.Spark = append(line.Spark, SparkPoint{Period: row.Period, Attainment: row.Attainment, Target: row.Target, Met: row.Met, Complete: row.Complete})
	}
	return line
}

var statusRank = map[string]int{StatusRed: 3, StatusAmber: 2, StatusGreen: 1, StatusNoData: 0}

func worst(slts []DashboardSLT) string {
	w := StatusNoData
	for _, t := range slts {
		if statusRank[t.Status] > statusRank[w] {
			w = t.Status
		}
	}
	return w
}

func filtersOf(svcs []DashboardService) DashboardFilters {
	set := func() map[string]bool { return map[string]bool{} }
	bu, pl, sup, ty := set(), set(), set(), set()
	for _, s := range svcs {
		bu[s.BusinessUnit] = true
		pl[s.ProductLine] = true
		for _, t := range s.SLTs {
			sup[t.SupplierName] = true
			ty[t.Type] = true
		}
	}
	keys := func(m map[string]bool) []string {
		out := []string{}
		for k := range m {
			if k != "" {
				out = append(out, k)
			}
		}
		slices.SortFunc(out, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
		return out
	}
	return DashboardFilters{BusinessUnits: keys(bu), ProductLines: keys(pl), Suppliers: keys(sup), Types: keys(ty)}
}

// filterDashboard keeps what matches q; counts, alerts and RCAs follow the kept SLTs.
func filterDashboard(full Dashboard, q DashboardQuery) Dashboard {
	eq := func(want, have string) bool { return want == "" || strings.EqualFold(strings.TrimSpace(want), have) }
	d := full
	d.Services = []DashboardService{}
	d.Alerts = []compliance.Alert{}
	d.Trends = []compliance.TrendWarning{}
	d.RCADue = []DashboardRCA{}
	d.Counts = DashboardCounts{}
	kept := map[string]bool{}
	for _, s := range full.Services {
		if !eq(q.BusinessUnit, s.BusinessUnit) || !eq(q.ProductLine, s.ProductLine) {
			continue
		}
		ns := s
		ns.SLTs = []DashboardSLT{}
		for _, t := range s.SLTs {
			if (eq(q.Supplier, t.Supplier) || eq(q.Supplier, t.SupplierName)) && eq(q.Type, t.Type) {
				ns.SLTs = append(ns.SLTs, t)
				kept[t.Name] = true
			}
		}
		if len(ns.SLTs) == 0 && (q.Supplier != "" || q.Type != "") {
			continue
		}
		ns.Status = worst(ns.SLTs)
		d.Services = append(d.Services, ns)
		for _, t := range ns.SLTs {
			switch t.Status {
			case StatusRed:
				d.Counts.Red++
			case StatusAmber:
				d.Counts.Amber++
			case StatusGreen:
				d.Counts.Green++
			default:
				d.Counts.NoData++
			}
		}
	}
	for _, a := range full.Alerts {
		if kept[a.SLT] {
			d.Alerts = append(d.Alerts, a)
		}
	}
	for _, t := range full.Trends {
		if kept[t.SLT] {
			d.Trends = append(d.Trends, t)
		}
	}
	for _, r := range full.RCADue {
		if kept[r.SLT] {
			d.RCADue = append(d.RCADue, r)
		}
	}
	d.Loop = filterLoop(full.Loop, q, d.Services, kept)
	return d
}

// itemFeeds names the feeds of tickets or orders: their items count in the
// period they are resolved, so reading from a cut must not drop older openings.
func itemFeeds(ws *domain.Workspace) map[string]bool {
	items := map[string]bool{}
	for _, f := range ws.Feeds() {
		if f.Spec.Shape == domain.ShapeItem {
			items[f.Name()] = true
		}
	}
	return items
}

// skipResolvedBefore drops items resolved before cut: an item counts where it
// was resolved or earlier (docs/metrics.md, duration), so such items add
// nothing to periods or windows from cut on. Open items and items resolved
// later are kept, however long ago they opened.
func skipResolvedBefore(cut time.Time, fn func(domain.Point) error) func(domain.Point) error {
	return func(p domain.Point) error {
		if !p.Resolved.IsZero() && p.Resolved.Before(cut) {
			return nil
		}
		return fn(p)
	}
}

// alertInput is in with item feeds read only as far back as burn-rate alerts
// and trends look: the longest scaled window or the running period, whichever
// starts first, for every SLT. (compliance.Alerts reads only that far back
// for other feeds already; items it reads from the start, as a report must.)
func alertInput(in compliance.Input) compliance.Input {
	ws := in.Workspace
	cut := in.At
	for _, s := range ws.SLTs() {
		ps, err := compliance.ParsePeriodSpec(s.Spec.Period)
		loc, err2 := domain.LoadZone(s.Spec.TimeZone)
		if err != nil || err2 != nil {
			return in
		}
		cut = minT(cut, ps.Of(in.At, loc).Start)
		for _, w := range compliance.ScaledWindows(ps) {
			cut = minT(cut, in.At.Add(-w.Dur))
		}
	}
	items := itemFeeds(ws)
	src := in.Source
	in.Source = func(feed string, from, to time.Time, fn func(domain.Point) error) error {
		if items[feed] {
			fn = skipResolvedBefore(cut, fn)
		}
		return src(feed, from, to, fn)
	}
	in.Results = nil // a filtered source must never fill stored results
	return in
}
