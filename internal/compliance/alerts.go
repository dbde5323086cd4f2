package compliance

import (
	"errors"
	"fmt"
	"time"

	"slate/internal/domain"
	"slate/internal/plain"
)

// BurnRule is one multiwindow burn-rate rule (Google SRE workbook, for a
// 30-day budget): it fires when both windows burn faster than Factor.
type BurnRule struct {
	Severity    string
	Long, Short Window
	Factor      float64
}

// BurnRules are the standard rules for a 30-day budget.
var BurnRules = []BurnRule{
	{"page", Window{"1h", time.Hour}, Window{"5m", 5 * time.Minute}, 14.4},
	{"page", Window{"6h", 6 * time.Hour}, Window{"30m", 30 * time.Minute}, 6},
	{"ticket", Window{"1d", 24 * time.Hour}, Window{"2h", 2 * time.Hour}, 3},
	{"ticket", Window{"3d", 72 * time.Hour}, Window{"6h", 6 * time.Hour}, 1},
}

// ScaledWindows are the rule windows scaled to a period: window × nominal/30 days
// (a week's 1h window is 14 minutes); the factors stay, so each rule still
// means the same share of the budget spent.
func ScaledWindows(ps PeriodSpec) []Window {
	scale := float64(ps.Nominal()) / float64(30*24*time.Hour)
	seen := map[string]bool{}
	var out []Window
	for _, r := range BurnRules {
		for _, w := range []Window{r.Long, r.Short} {
			if !seen[w.Name] {
				seen[w.Name] = true
				out = append(out, Window{w.Name, time.Duration(float64(w.Dur) * scale).Round(time.Second)})
			}
		}
	}
	return out
}

// WindowBurn is the burn rate of one window.
type WindowBurn struct {
	Window   string    `json:"window"`
	Duration string    `json:"duration"`
	From     time.Time `json:"from"`
	Bad      float64   `json:"bad"`
	Eligible float64   `json:"eligible"`
	BurnRate *float64  `json:"burn_rate"`
}

// Alert is a burn-rate rule that fired, with the numbers that fired it.
type Alert struct {
	SLT       string       `json:"slt"`
	Tier      string       `json:"tier"`
	Severity  string       `json:"severity"`
	Rule      string       `json:"rule"`
	Threshold float64      `json:"threshold"`
	Target    float64      `json:"target"`
	Windows   []WindowBurn `json:"windows"`
	Message   string       `json:"message"`
}

// TrendWarning projects the current burn to the end of the period.
type TrendWarning struct {
	SLT                 string    `json:"slt"`
	Tier                string    `json:"tier"`
	Period              string    `json:"period"`
	PeriodEnd           time.Time `json:"period_end"`
	Target              float64   `json:"target"`
	AttainmentSoFar     *float64  `json:"attainment_so_far"`
	BadSoFar            float64   `json:"bad_so_far"`
	EligibleSoFar       float64   `json:"eligible_so_far"`
	AllowedSoFar        float64   `json:"allowed_so_far"`
	TrendWindow         string    `json:"trend_window"`
	BurnRate            *float64  `json:"burn_rate"`
	ProjectedAttainment float64   `json:"projected_attainment"`
	MissAt              time.Time `json:"miss_at"`
	MissDate            string    `json:"miss_date"`
	Message             string    `json:"message"`
}

// AlertList is the alerts screen.
type AlertList struct {
	At     time.Time      `json:"at"`
	Alerts []Alert        `json:"alerts"`
	Trends []TrendWarning `json:"trends"`
}

// Alerts evaluates burn-rate rules and trend warnings of every share SLT (each
// tier) at in.At. Statistic and composite SLTs have no error budget.
func Alerts(in Input, slt string) (AlertList, error) {
	out := AlertList{At: in.At.UTC(), Alerts: []Alert{}, Trends: []TrendWarning{}}
	var errs []error
	for _, s := range in.Workspace.SLTs() {
		if slt != "" && s.Name() != slt || s.Spec.Indicator == nil || !s.Spec.RatioLike() {
			continue
		}
		plan, err := PlanSLT(in, s, nil)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ps := plan.Specs[0].Period
		wins := ScaledWindows(ps)
		from := in.At.Add(-wins[len(wins)-2].Dur) // the 3d window is the longest
		for _, w := range wins {
			from = minTime(from, in.At.Add(-w.Dur))
		}
		cur := ps.Of(in.At, plan.Specs[0].Loc)
		from = minTime(from, cur.Start)
		series, err := in.Run(plan, from, wins)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, sr := range series {
			a, t := judgeBurn(sr, ps)
			out.Alerts = append(out.Alerts, a...)
			if t != nil {
				out.Trends = append(out.Trends, *t)
			}
		}
	}
	return out, errors.Join(errs...)
}

func judgeBurn(sr Series, ps PeriodSpec) ([]Alert, *TrendWarning) {
	sp := sr.Spec
	target := sp.Objective.Target
	byName := map[string]WindowBurn{}
	for _, w := range sr.Windows {
		byName[w.Name] = WindowBurn{Window: w.Name, Duration: w.Dur.String(), From: w.From, Bad: w.Bad, Eligible: w.Eligible(),
			BurnRate: BurnRate(w.Bad, w.Eligible(), target)}
	}
	var alerts []Alert
	for _, r := range BurnRules {
		l, s := byName[r.Long.Name], byName[r.Short.Name]
		if l.BurnRate == nil || s.BurnRate == nil || *l.BurnRate <= r.Factor || *s.BurnRate <= r.Factor {
			continue
		}
		alerts = append(alerts, Alert{SLT: sp.SLT, Tier: sp.Tier, Severity: r.Severity,
			Rule: fmt.Sprintf("%s and %s burn rate > %g", r.Long.Name, r.Short.Name, r.Factor), Threshold: r.Factor, Target: target,
			Windows: []WindowBurn{l, s},
			Message: fmt.Sprintf("%s: burning the error budget %s (%s) and %s (%s) the sustainable rate", sp.SLT, plain.Times(*l.BurnRate), l.Duration, plain.Times(*s.BurnRate), s.Duration)})
	}
	// trend: the current period so far, projected with the 1d window's rates
	if len(sr.Results) == 0 {
		return alerts, nil
	}
	last := sr.Results[len(sr.Results)-1]
	if last.Complete || last.Statistic {
		return alerts, nil
	}
	day := byName["1d"]
	wd := time.Duration(0)
	for _, w := range sr.Windows {
		if w.Name == "1d" {
			wd = w.Dur
		}
	}
	if day.Eligible == 0 || wd == 0 {
		return alerts, nil
	}
	at := sp.At
	end := last.Period.End
	rem := end.Sub(at).Seconds()
	eRate, bRate := day.Eligible/wd.Seconds(), day.Bad/wd.Seconds()
	e0, b0 := last.Eligible(), last.Bad
	projE, projB := e0+eRate*rem, b0+bRate*rem
	if projE <= 0 {
		return alerts, nil
	}
	proj := 1 - projB/projE
	if domain.Compare(proj, sp.Objective.Op, target) {
		return alerts, nil
	}
	allowed := (1 - target) * e0
	missAt := at
	if b0 <= allowed {
		denom := bRate - (1-target)*eRate
		if denom <= 0 {
			return alerts, nil
		}
		missAt = at.Add(time.Duration((allowed - b0) / denom * float64(time.Second)))
	}
	if missAt.After(end) {
		return alerts, nil
	}
	tw := &TrendWarning{SLT: sp.SLT, Tier: sp.Tier, Period: last.Period.Key, PeriodEnd: end, Target: target,
		BadSoFar: b0, EligibleSoFar: e0, AllowedSoFar: allowed, TrendWindow: day.Duration, BurnRate: day.BurnRate,
		ProjectedAttainment: proj, MissAt: missAt.UTC(), MissDate: missAt.In(sp.Loc).Format(time.DateOnly)}
	if e0 > 0 {
		tw.AttainmentSoFar = ptr(last.Good / e0)
	}
	tw.Message = fmt.Sprintf("at the current burn %s misses %s on %s (projected %s against %s)", sp.SLT, last.Period.Key, tw.MissDate,
		plain.Against(proj, target, true, ""), plain.Objective(sp.Objective.Op, target, true, ""))
	return alerts, tw
}
