package app

import (
	"time"

	"slate/internal/analysis"
	"slate/internal/compliance"
	"slate/internal/domain"
)

// statusJudge judges SLTs at one evaluation time. The burn-rate alerts (which
// only a running period has) are read once, on first need.
type statusJudge struct {
	in       compliance.Input
	alerts   *compliance.AlertList
	alertErr error
}

func newStatusJudge(in compliance.Input, alerts *compliance.AlertList) *statusJudge {
	return &statusJudge{in: in, alerts: alerts}
}

func zoneOf(s *domain.SLT) *time.Location {
	loc, err := domain.LoadZone(s.Spec.TimeZone)
	if err != nil || loc == nil {
		return time.UTC
	}
	return loc
}

// statusPeriod is the period an SLT is judged in when none is asked for: its
// current period at `at`, or the one before while the current has no data yet.
func statusPeriod(s *domain.SLT, r compliance.SLTRows, at time.Time) string {
	loc := zoneOf(s)
	ps, err := compliance.ParsePeriodSpec(s.Spec.Period)
	if err != nil {
		ps = compliance.PeriodSpec{Kind: compliance.Month}
	}
	cur := ps.Of(at.Add(-time.Nanosecond), loc)
	for _, row := range r.Overall {
		if row.Period == cur.Key && row.Eligible > 0 {
			return cur.Key
		}
	}
	return ps.Shift(cur, -1, loc).Key
}

// judge is SLT s's status in the reporting period key ("" = statusPeriod).
// res, when given, is the SLT's analysis up to the end of that period (the
// pack has it already); otherwise it is computed from the rows.
func (j *statusJudge) judge(s *domain.SLT, r compliance.SLTRows, key string, res *analysis.Result) compliance.Status {
	ws, at := j.in.Workspace, j.in.At
	if key == "" {
		key = statusPeriod(s, r, at)
	}
	loc := zoneOf(s)
	sin := compliance.StatusInput{SLT: s.Name(), Period: key, Unit: unitOf(ws, s)}
	p, err := compliance.ParseKey(key, loc)
	if err != nil {
		return compliance.JudgeStatus(sin) // a date the zone skipped: no data
	}
	sin.Rows = compliance.RowsIn(r.Rows(), s, key)
	if res == nil {
		var series []compliance.Row
		for _, row := range r.Overall {
			if row.Start.Before(p.End) {
				series = append(series, row)
			}
		}
		if a, err := analysis.Analyze(analysisInput(ws, s, definitionSummary(ws, s), series, loc)); err == nil {
			res = &a
		}
	}
	if res != nil {
		sin.Concerns = res.Concerns(p.Start, p.End)
	}
	if !at.Before(p.Start) && at.Before(p.End) {
		if al := j.alertList(); al != nil {
			for _, a := range al.Alerts {
				if a.SLT == s.Name() {
					sin.Alerts = append(sin.Alerts, a)
				}
			}
			for i := range al.Trends {
				if al.Trends[i].SLT == s.Name() {
					t := al.Trends[i]
					sin.Trend = &t
					break
				}
			}
		}
	}
	return compliance.JudgeStatus(sin)
}

func (j *statusJudge) alertList() *compliance.AlertList {
	if j.alerts == nil && j.alertErr == nil {
		al, err := compliance.Alerts(alertInput(j.in), "")
		if err != nil {
			j.alertErr = err
			return nil
		}
		j.alerts = &al
	}
	return j.alerts
}

// worstStatus is the most urgent of the statuses' states (no data when none).
func worstStatus(sts []compliance.Status) string {
	w := compliance.StateNoData
	for _, s := range sts {
		if compliance.StateRank(s.State) > compliance.StateRank(w) {
			w = s.State
		}
	}
	return w
}
