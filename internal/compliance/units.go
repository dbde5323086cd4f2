package compliance

import "slate/internal/domain"

// Unit is the unit of a statistic SLT's attainment and target: its feed's
// unit ("ms"). Shares have none (they read as percentages).
func Unit(ws *domain.Workspace, sp *domain.SLTSpec) string {
	if sp == nil || sp.RatioLike() {
		return ""
	}
	if f := ws.Feed(sp.Feed); f != nil {
		return f.Spec.Unit
	}
	return ""
}
