package judge

import (
	"sync"
	"time"

	"slate/internal/analysis"
	"slate/internal/compliance"
	"slate/internal/domain"
)

// Judge gives SLTs their status at one evaluation time. The burn-rate alerts
// (which only a running period has) are read once, on first need.
type Judge struct {
	in       compliance.Input
	mu       sync.Mutex
	alerts   *compliance.AlertList
	alertErr error
}

// NewJudge judges at in.At; alerts, when the caller has them, saves reading them again.
func NewJudge(in compliance.Input, alerts *compliance.AlertList) *Judge {
	return &Judge{in: in, alerts: alerts}
}

// Period is the period an SLT is judged in when none is asked for: its
// current period at `at`, or the one before while the current has no data yet.
func Period(s *domain.SLT, r compliance.SLTRows, at time.Time) string {
	loc := Zone(s)
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

// Status is SLT s's status in the reporting period key ("" = Period), from
// its evaluated rows r. res, when given, is the SLT's analysis up to the end
// of that period (the pack has it already); otherwise it is computed from
// the rows.
func (j *Judge) Status(s *domain.SLT, r compliance.SLTRows, key string, res *analysis.Result) compliance.Status {
	ws, at := j.in.Workspace, j.in.At
	if key == "" {
		key = Period(s, r, at)
	}
	loc := Zone(s)
	sin := compliance.StatusInput{SLT: s.Name(), Period: key, Unit: compliance.Unit(ws, &s.Spec)}
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
		op, target, _ := Objective(s, "")
		if a, err := analysis.Analyze(Input(ws, s, op, target, series, loc)); err == nil {
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

func (j *Judge) alertList() *compliance.AlertList {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.alerts == nil && j.alertErr == nil {
		al, err := compliance.Alerts(compliance.AlertInput(j.in), "")
		if err != nil {
			j.alertErr = err
			return nil
		}
		j.alerts = &al
	}
	return j.alerts
}

// RowStatus judges one row alone (a tier's or a period's line in a table).
func RowStatus(r compliance.Row) compliance.Status {
	return compliance.JudgeStatus(compliance.StatusInput{SLT: r.SLT, Period: r.Period, Rows: []compliance.Row{r}})
}

// Statuses are the statuses a report lists: every SLT (only slt when one is
// named) that ev evaluates, in period ("" = each SLT's own current one).
func Statuses(ev *compliance.Evaluator, slt, period string) []compliance.Status {
	var out []compliance.Status
	j := NewJudge(ev.In, nil)
	for _, s := range ev.In.Workspace.SLTs() {
		if slt != "" && s.Name() != slt {
			continue
		}
		if r, err := ev.SLT(s.Name(), nil); err == nil {
			out = append(out, j.Status(s, r, period, nil))
		}
	}
	return out
}
