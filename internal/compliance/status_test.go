package compliance

import (
	"reflect"
	"testing"

	"slate/internal/domain"
)

// The status rule, case by case: the first state that applies wins, and the
// reasons say why.
func TestJudgeStatus(t *testing.T) {
	month := func(period string, complete bool, att, target float64, bad float64) Row {
		r := Row{SLT: "s", Kind: domain.IndicatorRatio, Period: period, Complete: complete, Eligible: 1000,
			Good: f64(1000 - bad), Bad: f64(bad), Attainment: f64(att)}
		r.Judge(Objective{">=", target})
		return r
	}
	for _, c := range []struct {
		name  string
		in    StatusInput
		state string
		why   []string
	}{
		{"missed", StatusInput{Period: "2026-11", Rows: []Row{month("2026-11", true, 0.91, 0.95, 90)}},
			StateMissed, []string{"missed in 2026-11: 91.000% against ≥ 95%"}},
		{"missed so far", StatusInput{Period: "2026-12", Rows: []Row{month("2026-12", false, 0.94, 0.95, 60)}},
			StateMissed, []string{"below target so far in 2026-12 (still running): 94.000% against ≥ 95%"}},
		{"no data", StatusInput{Period: "2026-11", Rows: []Row{{SLT: "s", Period: "2026-11"}}},
			StateNoData, []string{"no data in 2026-11"}},
		{"low budget", StatusInput{Period: "2026-11", Rows: []Row{month("2026-11", true, 0.96, 0.95, 40)}},
			StateAtRisk, []string{"only 20% of the error budget left in 2026-11"}},
		{"concern", StatusInput{Period: "2026-11", Rows: []Row{month("2026-11", true, 0.99, 0.95, 10)}, Concerns: []string{"worse than usual in 2026-11 (x)"}},
			StateAtRisk, []string{"worse than usual in 2026-11 (x)"}},
		{"alert", StatusInput{Period: "2026-12", Rows: []Row{month("2026-12", false, 0.99, 0.95, 10)},
			Alerts: []Alert{{Severity: "page", Windows: []WindowBurn{{Window: "1h", BurnRate: f64(20)}, {Window: "5m", BurnRate: f64(16.5)}}}}},
			StateAtRisk, []string{"page alert: the error budget burns 16.5 times as fast as it can (1h and 5m windows)"}},
		{"on target", StatusInput{Period: "2026-11", Rows: []Row{month("2026-11", true, 0.99, 0.95, 10)}},
			StateOnTarget, []string{"met in 2026-11: 99.000% against ≥ 95%, 80% of the error budget left"}},
		{"days in a month", StatusInput{Period: "2026-11", Rows: []Row{month("2026-11-01", true, 0.99, 0.95, 10), month("2026-11-02", true, 0.90, 0.95, 100),
			month("2026-11-03", true, 0.99, 0.95, 10)}}, StateMissed, []string{"missed in 1 of 3 days: 2026-11-02"}},
	} {
		st := JudgeStatus(c.in)
		if st.State != c.state || !reflect.DeepEqual(st.Reasons, c.why) {
			t.Errorf("%s: %s %q, want %s %q", c.name, st.State, st.Reasons, c.state, c.why)
		}
	}
	// a tiered SLT: the tier that missed says so; the RAG follows the state
	core := month("2026-06", true, 0.998, 0.999, 2)
	core.Tier = "core-hours"
	off := month("2026-06", true, 0.999, 0.995, 1)
	off.Tier = "off-hours"
	overall := Row{SLT: "s", Kind: "tiered", Period: "2026-06", Complete: true, Eligible: 2000, Met: ptr(false)}
	st := JudgeStatus(StatusInput{Period: "2026-06", Rows: []Row{core, off, overall}})
	if st.State != StateMissed || st.RAG != "red" || !reflect.DeepEqual(st.Reasons, []string{"core-hours: missed in 2026-06: 99.800% against ≥ 99.9%"}) {
		t.Errorf("tiered: %+v", st)
	}
}
