package pack

import (
	"strings"

	"slate/internal/analysis"
	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/plain"
	"slate/internal/report"
)

// ---- cells and helpers ----

// Attainment is how the pack shows an attainment: percent for shares, a number in its unit for statistics.
func Attainment(kind, unit string, v *float64) report.Cell {
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
func rowRAG(r compliance.Row) report.RAG {
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

// SLTTitle is an SLT as section titles name it: "Display name (name)".
func SLTTitle(s *domain.SLT) string {
	if s.Metadata.DisplayName != "" && s.Metadata.DisplayName != s.Name() {
		return s.Metadata.DisplayName + " (" + s.Name() + ")"
	}
	return s.Name()
}

func (pb *builder) serviceTitle(name string) string {
	if sv := pb.ws.Service(name); sv != nil && sv.Metadata.DisplayName != "" {
		return sv.Metadata.DisplayName
	}
	return name
}

func (pb *builder) rowsOf(slt string) []compliance.Row {
	var out []compliance.Row
	for _, r := range pb.rep.Rows {
		if r.SLT == slt {
			out = append(out, r)
		}
	}
	return out
}

// headline is the rows that judge the SLT as a whole: the overall rows of a
// tiered SLT, else every row.
func headline(rows []compliance.Row) []compliance.Row {
	var out []compliance.Row
	for _, r := range rows {
		if r.Tier == "" {
			out = append(out, r)
		}
	}
	return out
}

func (pb *builder) objectiveText(s *domain.SLT) string {
	sp := &s.Spec
	unit := compliance.Unit(pb.ws, sp)
	if len(sp.Tiers) == 0 {
		return objective(sp, unit, sp.Objective.Op, sp.Objective.Target)
	}
	parts := make([]string, len(sp.Tiers))
	for i, t := range sp.Tiers {
		parts[i] = t.Name + " " + objective(sp, unit, t.Op, t.Target)
	}
	return strings.Join(parts, "; ")
}

func rowTarget(s *domain.SLT, r compliance.Row) report.Cell {
	if r.Target == nil {
		return report.Text("per tier")
	}
	return report.Text(objective(&s.Spec, r.Unit, r.Op, *r.Target))
}

// worse reports whether attainment a is worse than b under op.
func worse(op string, a, b float64) bool {
	if op == "<=" || op == "<" {
		return a > b
	}
	return a < b
}

func trendArrow(a *analysis.Result) string {
	if a == nil || a.Trend == nil {
		return "– too few periods"
	}
	switch a.Trend.Direction {
	case "improving":
		return "↑ improving"
	case "worsening":
		return "↓ worsening"
	}
	return "→ no trend"
}

func (pb *builder) analysisOf(name string) *analysis.Result {
	return pb.analyses[name]
}

// objective writes an objective as people read it: "≥ 99.5%", "≤ 300 ms".
func objective(s *domain.SLTSpec, unit, op string, target float64) string {
	return plain.Objective(s.ObjectiveOp(op), target, s.RatioLike(), unit)
}

func trimFloat(v float64) string { return plain.Target(v, false, "") }
