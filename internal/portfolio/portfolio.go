// Package portfolio lays out the portfolio dashboard from evaluated rows: a
// line per SLT with its status in the judged period (internal/judge), the
// period's row, its tiers, budget, sparkline, alerts and root-cause
// analysis due; services with the most urgent status of their SLTs; the
// values the filters take; and the filtered view. It reads and evaluates
// nothing: app hands it the rows and the alerts of one evaluation.
package portfolio

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/judge"
	"slate/internal/plain"
)

// RAG colours of the status states (compliance.JudgeStatus, docs/metrics.md
// "Status"): red missed, amber at risk, green on target, none no data.
const (
	Red    = "red"
	Amber  = "amber"
	Green  = "green"
	NoData = "none"
)

// SparkPeriods is how many periods a sparkline shows.
const SparkPeriods = 13

// Portfolio is everything the dashboard shows.
type Portfolio struct {
	At       time.Time                 `json:"at"`
	Version  uint64                    `json:"version"`
	Services []Service                 `json:"services"`
	Alerts   []compliance.Alert        `json:"alerts"`
	Trends   []compliance.TrendWarning `json:"trends"`
	RCADue   []RCA                     `json:"rca_due"`
	Counts   Counts                    `json:"counts"`
	Filters  Filters                   `json:"filters"`
	// Problems are SLTs that could not be evaluated, in plain words; the rest still shows.
	Problems []string `json:"problems"`
}

// Counts counts SLTs by RAG status.
type Counts struct {
	Red    int `json:"red"`
	Amber  int `json:"amber"`
	Green  int `json:"green"`
	NoData int `json:"no_data"`
}

// Filters are the values the filters can take (over the whole workspace).
type Filters struct {
	BusinessUnits []string `json:"business_units"`
	ProductLines  []string `json:"product_lines"`
	Suppliers     []string `json:"suppliers"`
	Types         []string `json:"types"`
}

// Service is one service with its SLTs; Status is the most urgent of theirs.
type Service struct {
	Name         string `json:"name"`
	DisplayName  string `json:"display_name"`
	BusinessUnit string `json:"business_unit"`
	ProductLine  string `json:"product_line"`
	Owner        string `json:"owner"`
	Criticality  string `json:"criticality"`
	Status       string `json:"status"`
	SLTs         []Line `json:"slts"`
}

// Line is one SLT's line: status, judged period, tiers, sparkline.
type Line struct {
	Name        string `json:"name"`
	DisplayName string `json:"display_name"`
	Service     string `json:"service"`
	Type        string `json:"type"`
	Indicator   string `json:"indicator"`
	Objective   string `json:"objective"`
	Period      string `json:"period"`
	Owner       string `json:"owner"`
	Feed        string `json:"feed"`
	// Supplier is the feed's supplier (its name); SupplierName its display name.
	Supplier     string `json:"supplier"`
	SupplierName string `json:"supplier_name"`
	// Ratio: attainments are shares (0..1); otherwise values in Unit.
	Ratio bool   `json:"ratio"`
	Unit  string `json:"unit"`
	// Status is the RAG colour of State (missed, at_risk, on_target, no_data)
	// in StatusPeriod; Reasons say why, Reason is them in one line.
	Status       string   `json:"status"`
	State        string   `json:"state"`
	StatusPeriod string   `json:"status_period"`
	Reasons      []string `json:"reasons"`
	Reason       string   `json:"reason"`
	// Current is the overall row of the judged period (the last one with data
	// when the period holds several, e.g. days of a month); IsCurrent says
	// whether that is the period running now.
	Current   *compliance.Row `json:"current"`
	IsCurrent bool            `json:"is_current"`
	// Budget is the error budget left in Current (the tightest tier of a tiered SLT).
	Budget *float64 `json:"budget"`
	Tiers  []Tier   `json:"tiers"`
	// Spark is the last 13 periods, oldest first.
	Spark  []SparkPoint `json:"spark"`
	Alerts int          `json:"alerts"`
	// Trend is the projected miss of the running period, if any.
	Trend             *compliance.TrendWarning `json:"trend"`
	ConsecutiveMisses int                      `json:"consecutive_misses"`
	RCADue            bool                     `json:"rca_due"`
	Components        []string                 `json:"components"`
}

// Tier is one tier's row in the same period as its SLT's Current.
type Tier struct {
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

// RCA is an SLT missed rcaAfter periods in a row: a root-cause analysis is due.
type RCA struct {
	SLT               string `json:"slt"`
	DisplayName       string `json:"display_name"`
	Service           string `json:"service"`
	Period            string `json:"period"`
	ConsecutiveMisses int    `json:"consecutive_misses"`
}

// Evaluation is one evaluation of every SLT at in.At: the rows (an error
// for those that could not be evaluated) and the alerts of the running periods.
type Evaluation struct {
	In       compliance.Input
	Rows     map[string]compliance.SLTRows
	RowsErr  error
	Alerts   compliance.AlertList
	AlertErr error
}

// Build lays out the portfolio of ev, judging each SLT in the period key
// ("" = each SLT's current period, or its previous one while the current
// has no data yet).
func Build(ev Evaluation, period string) (Portfolio, error) {
	in, at := ev.In, ev.In.At
	p := Portfolio{At: at, Services: []Service{}, Alerts: []compliance.Alert{}, Trends: []compliance.TrendWarning{}, RCADue: []RCA{}, Problems: []string{}}
	if ev.AlertErr != nil {
		p.Problems = append(p.Problems, "Alerts: "+ev.AlertErr.Error())
	}
	p.Alerts = append(p.Alerts, ev.Alerts.Alerts...)
	p.Trends = append(p.Trends, ev.Alerts.Trends...)
	if ev.RowsErr != nil {
		p.Problems = append(p.Problems, strings.Split(ev.RowsErr.Error(), "\n")...)
	}
	if period != "" {
		if _, ok := compliance.KeyKind(period); !ok {
			return p, domain.FieldErrorf("period", "period %q is not a period key (write 2026, 2026-Q3, 2026-W07, 2026-10 or 2026-10-05)", period)
		}
	}
	ws := in.Workspace
	jd := judge.NewJudge(in, &ev.Alerts)
	bySvc := map[string][]Line{}
	for _, s := range ws.SLTs() {
		r, ok := ev.Rows[s.Name()]
		line := lineOf(ws, s, r, ok && r.Plan.SLT != nil, at, ev.Alerts, jd, period)
		bySvc[s.Spec.Service] = append(bySvc[s.Spec.Service], line)
		if line.RCADue && line.Current != nil {
			p.RCADue = append(p.RCADue, RCA{SLT: line.Name, DisplayName: line.DisplayName, Service: line.Service,
				Period: rcaPeriod(r.Overall), ConsecutiveMisses: line.ConsecutiveMisses})
		}
	}
	for _, svc := range ws.Services() {
		slts := bySvc[svc.Name()]
		if slts == nil {
			slts = []Line{}
		}
		ps := Service{Name: svc.Name(), DisplayName: svc.Metadata.Title(), BusinessUnit: svc.Spec.BusinessUnit,
			ProductLine: svc.Spec.ProductLine, Owner: svc.Spec.Owner, Criticality: svc.Spec.Criticality, SLTs: slts}
		ps.Status = worst(slts)
		p.Services = append(p.Services, ps)
	}
	p.Filters = filtersOf(p.Services)
	return p, nil
}

func rcaPeriod(rows []compliance.Row) string {
	for i := len(rows) - 1; i >= 0; i-- {
		if rows[i].RCADue {
			return rows[i].Period
		}
	}
	return ""
}

// Label is how lists name an SLT: its display name, its indicator
// ("threshold", "statistic (p95)", "composite"), its objective as people
// read it ("≥ 99.5%"; none for a tiered SLT, whose Tiers have theirs), its
// period and its feed's supplier.
type Label struct {
	DisplayName string
	Indicator   string
	Objective   string
	Period      string
	Supplier    string
	Tiers       []string
}

// LabelOf labels s.
func LabelOf(ws *domain.Workspace, s *domain.SLT) Label {
	sp := &s.Spec
	l := Label{DisplayName: s.Metadata.Title(), Period: sp.Period, Tiers: []string{}}
	switch {
	case sp.Composite != nil:
		l.Indicator = "composite"
	case sp.Indicator != nil:
		l.Indicator = sp.Indicator.Kind
		if sp.Indicator.Statistic != "" {
			l.Indicator += " (" + sp.Indicator.Statistic + ")"
		}
	}
	if f := ws.Feed(sp.Feed); f != nil {
		l.Supplier = f.Spec.Supplier
	}
	unit := compliance.Unit(ws, sp)
	if len(sp.Tiers) == 0 {
		l.Objective = objective(sp, unit, sp.Objective.Op, sp.Objective.Target)
	}
	for _, t := range sp.Tiers {
		l.Tiers = append(l.Tiers, t.Name+": "+objective(sp, unit, t.Op, t.Target))
	}
	return l
}

// objective writes an objective as people read it: "≥ 99.5%", "≤ 300 ms".
func objective(s *domain.SLTSpec, unit, op string, target float64) string {
	return plain.Objective(s.ObjectiveOp(op), target, s.RatioLike(), unit)
}

// lineOf builds one SLT's line from its evaluated rows.
func lineOf(ws *domain.Workspace, s *domain.SLT, r compliance.SLTRows, evaluated bool, at time.Time, al compliance.AlertList,
	jd *judge.Judge, period string) Line {
	lb := LabelOf(ws, s)
	sp := &s.Spec
	line := Line{Name: s.Name(), DisplayName: lb.DisplayName, Service: sp.Service, Type: sp.Type,
		Indicator: lb.Indicator, Objective: lb.Objective, Period: lb.Period, Owner: sp.Owner, Feed: sp.Feed,
		Supplier: lb.Supplier, Ratio: sp.RatioLike(), Tiers: []Tier{}, Spark: []SparkPoint{}, Components: []string{},
		Reasons: []string{}}
	if line.Period == "" {
		line.Period = "month"
	}
	line.Unit = compliance.Unit(ws, sp)
	line.SupplierName = line.Supplier
	if sup := ws.Supplier(line.Supplier); sup != nil {
		line.SupplierName = sup.Metadata.Title()
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
		line.Status, line.State, line.Reason = NoData, compliance.StateNoData, "could not be evaluated"
		line.Reasons = []string{line.Reason}
		return line
	}
	st := jd.Status(s, r, period, nil)
	line.Status, line.State, line.StatusPeriod, line.Reasons = st.RAG, st.State, st.Period, st.Reasons
	line.Reason = strings.Join(st.Reasons, "; ")

	rows := r.Overall
	loc := judge.Zone(s)
	ps, _ := compliance.ParsePeriodSpec(line.Period)
	cur := ps.Of(at.Add(-time.Nanosecond), loc)
	// the judged period's row: the last one with data inside it
	in := compliance.RowsIn(rows, s, st.Period)
	for i := len(in) - 1; i >= 0; i-- {
		if in[i].Eligible > 0 {
			c := in[i]
			line.Current = &c
			break
		}
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
			t := Tier{Name: spec.Tier, Objective: objective(sp, line.Unit, spec.Objective.Op, spec.Objective.Target), Status: NoData}
			for _, tr := range r.Tiers[i] {
				if tr.Period == c.Period {
					tr := tr
					t.Row = &tr
					t.Status = judge.RowStatus(tr).RAG
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

var rank = map[string]int{Red: 3, Amber: 2, Green: 1, NoData: 0}

func worst(slts []Line) string {
	w := NoData
	for _, t := range slts {
		if rank[t.Status] > rank[w] {
			w = t.Status
		}
	}
	return w
}

func filtersOf(svcs []Service) Filters {
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
	return Filters{BusinessUnits: keys(bu), ProductLines: keys(pl), Suppliers: keys(sup), Types: keys(ty)}
}

// Query keeps the services and SLTs that match every filter given
// (case-insensitive); Type is SLA, OLA or UC.
type Query struct {
	BusinessUnit string
	ProductLine  string
	Supplier     string
	Type         string
}

// Filter keeps what matches q; counts, alerts and RCAs follow the kept SLTs.
func Filter(full Portfolio, q Query) Portfolio {
	eq := func(want, have string) bool { return want == "" || strings.EqualFold(strings.TrimSpace(want), have) }
	d := full
	d.Services = []Service{}
	d.Alerts = []compliance.Alert{}
	d.Trends = []compliance.TrendWarning{}
	d.RCADue = []RCA{}
	d.Counts = Counts{}
	kept := map[string]bool{}
	for _, s := range full.Services {
		if !eq(q.BusinessUnit, s.BusinessUnit) || !eq(q.ProductLine, s.ProductLine) {
			continue
		}
		ns := s
		ns.SLTs = []Line{}
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
			case Red:
				d.Counts.Red++
			case Amber:
				d.Counts.Amber++
			case Green:
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
	return d
}
