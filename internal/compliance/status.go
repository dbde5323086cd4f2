package compliance

import (
	"fmt"
	"math"
	"strings"

	"slate/internal/domain"
	"slate/internal/plain"
)

// Status states: the one judgement of an SLT in a reporting period that the
// dashboard, the pack, the CLI and the API all show (docs/metrics.md, "Status").
const (
	StateMissed   = "missed"
	StateAtRisk   = "at_risk"
	StateOnTarget = "on_target"
	StateNoData   = "no_data"
)

// AtRiskBudget: a met period with less than this share of its error budget
// left is at risk.
const AtRiskBudget = 0.25

// Status is an SLT's state in a reporting period and the reasons that made it so.
type Status struct {
	SLT    string `json:"slt"`
	Period string `json:"period"`
	// State is missed, at_risk, on_target or no_data; Label the same in words;
	// RAG its colour (red, amber, green, none).
	State   string   `json:"state"`
	Label   string   `json:"label"`
	RAG     string   `json:"rag"`
	Reasons []string `json:"reasons"`
}

// StatusInput is everything the status of one SLT in one reporting period
// is judged on.
type StatusInput struct {
	SLT    string
	Period string // the reporting period's key (2026-11), for the reasons
	// Unit is the unit of a statistic SLT's values ("ms"), for the reasons.
	Unit string
	// Rows are the SLT's rows in the period: its overall rows (an untiered
	// SLT's only rows, a tiered SLT's "tiered" rows) and its tier rows.
	Rows []Row
	// Alerts and Trend are the burn-rate alerts firing at the evaluation time
	// and the projected miss of the running period (none for a past period).
	Alerts []Alert
	Trend  *TrendWarning
	// Concerns are the statistical analysis' reasons for risk in the period
	// (analysis.Result.Concerns): a signal in the bad direction, a worsening
	// trend that fails the target, a process that cannot meet it.
	Concerns []string
}

var stateWords = map[string][2]string{
	StateMissed:   {"missed", "red"},
	StateAtRisk:   {"at risk", "amber"},
	StateOnTarget: {"on target", "green"},
	StateNoData:   {"no data", "none"},
}

// StateRank orders states by urgency (missed highest).
func StateRank(state string) int {
	switch state {
	case StateMissed:
		return 3
	case StateAtRisk:
		return 2
	case StateOnTarget:
		return 1
	}
	return 0
}

// JudgeStatus applies the status rule, first match wins:
//
//  1. missed: a row of the period (or a tier's row) missed its objective —
//     a complete period, or the running one so far;
//  2. no data: no row of the period has data;
//  3. at risk: met, but a row or tier has under AtRiskBudget of its error
//     budget left, a burn-rate alert fires, the running period is projected
//     to miss, or the analysis raises a concern;
//  4. on target.
//
// The reasons list everything that made it so, most important first.
func JudgeStatus(in StatusInput) Status {
	st := Status{SLT: in.SLT, Period: in.Period, Reasons: []string{}}
	var overall, tiers []Row
	for _, r := range in.Rows {
		if r.Tier == "" {
			overall = append(overall, r)
		} else {
			tiers = append(tiers, r)
		}
	}
	judged := overall // the rows whose objectives say why (a tiered SLT's: its tiers)
	if len(tiers) > 0 {
		judged = tiers
	}
	set := func(state string) Status {
		st.State = state
		st.Label, st.RAG = stateWords[state][0], stateWords[state][1]
		return st
	}

	var missed, withData []Row
	for _, r := range judged {
		if r.Met != nil {
			withData = append(withData, r)
			if !*r.Met {
				missed = append(missed, r)
			}
		}
	}
	if len(missed) > 0 {
		st.Reasons = append(st.Reasons, missedReasons(in, missed, judged)...)
		for i := len(overall) - 1; i >= 0; i-- {
			if r := overall[i]; r.Complete {
				if r.RCADue {
					st.Reasons = append(st.Reasons, fmt.Sprintf("missed %d %s in a row: a root-cause analysis is due", r.ConsecutiveMisses, unitWord(r.Period, r.ConsecutiveMisses)))
				}
				break
			}
		}
		st.Reasons = append(st.Reasons, in.Concerns...)
		return set(StateMissed)
	}
	if len(withData) == 0 {
		st.Reasons = append(st.Reasons, "no data "+inKey(in.Period))
		return set(StateNoData)
	}

	// at risk
	if r, ok := lowestBudget(judged); ok && *r.BudgetRemaining < AtRiskBudget {
		st.Reasons = append(st.Reasons, fmt.Sprintf("%sonly %s of the error budget left %s", tierPrefix(r), percent0(*r.BudgetRemaining), inKey(r.Period)))
	}
	for _, a := range in.Alerts {
		st.Reasons = append(st.Reasons, alertReason(a))
	}
	if t := in.Trend; t != nil {
		st.Reasons = append(st.Reasons, fmt.Sprintf("%son course to miss %s on %s at the current burn rate", tierPrefixName(t.Tier), t.Period, t.MissDate))
	}
	st.Reasons = append(st.Reasons, in.Concerns...)
	if len(st.Reasons) > 0 {
		return set(StateAtRisk)
	}
	st.Reasons = append(st.Reasons, metReason(in, withData, judged))
	return set(StateOnTarget)
}

func tierPrefix(r Row) string { return tierPrefixName(r.Tier) }

// inKey is "in 2026-11", "in 2026-W07", and "on 2026-11-28" for a day.
func inKey(key string) string {
	if k, _ := KeyKind(key); k == Day {
		return "on " + key
	}
	return "in " + key
}

func tierPrefixName(tier string) string {
	if tier == "" {
		return ""
	}
	return tier + ": "
}

// unitWord is "day", "weeks" ... for a period key's kind.
func unitWord(key string, n int) string {
	kind, _ := KeyKind(key)
	if kind == "" {
		kind = "period"
	}
	if n == 1 {
		return kind
	}
	return kind + "s"
}

// missedReasons says which periods (and tiers) missed and by how much: one
// reason per missed row when a tier has one row in the reporting period,
// else how many of its periods (days, weeks) missed.
func missedReasons(in StatusInput, missed, all []Row) []string {
	var out []string
	for _, t := range tierOrder(all) {
		n := 0
		for _, r := range all {
			if r.Tier == t {
				n++
			}
		}
		var keys []string
		for _, r := range missed {
			if r.Tier != t {
				continue
			}
			keys = append(keys, r.Period)
			if n == 1 {
				when := "missed " + inKey(r.Period)
				if !r.Complete {
					when = "below target so far " + inKey(r.Period) + " (still running)"
				}
				out = append(out, fmt.Sprintf("%s%s: %s against %s", tierPrefix(r), when, value(in, r, *r.Attainment), objective(in, r)))
			}
		}
		if n > 1 && len(keys) > 0 {
			out = append(out, fmt.Sprintf("%smissed in %d of %d %s: %s", tierPrefixName(t), len(keys), n, unitWord(keys[0], n), listKeys(keys, 4)))
		}
	}
	return out
}

// tierOrder lists the tiers of the rows in order of appearance ("" for untiered).
func tierOrder(rows []Row) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range rows {
		if !seen[r.Tier] {
			seen[r.Tier] = true
			out = append(out, r.Tier)
		}
	}
	return out
}

func listKeys(ks []string, max int) string {
	if len(ks) <= max {
		return strings.Join(ks, ", ")
	}
	return strings.Join(ks[:max], ", ") + fmt.Sprintf(" and %d more", len(ks)-max)
}

func metReason(in StatusInput, withData, all []Row) string {
	if len(withData) > len(tierOrder(withData)) { // several periods of a shorter kind
		r := withData[len(withData)-1]
		n := len(withData) / len(tierOrder(withData))
		s := fmt.Sprintf("met in all %d %s with data", n, unitWord(r.Period, n))
		if len(tierOrder(withData)) > 1 {
			return "every tier " + s
		}
		if w, ok := closest(withData); ok {
			s += fmt.Sprintf("; closest to the target %s: %s against %s", inKey(w.Period), value(in, w, *w.Attainment), objective(in, w))
		}
		return s
	}
	var parts []string
	for _, r := range withData {
		when := "met " + inKey(r.Period)
		if !r.Complete {
			when = "on target so far " + inKey(r.Period)
		}
		s := fmt.Sprintf("%s%s: %s against %s", tierPrefix(r), when, value(in, r, *r.Attainment), objective(in, r))
		if r.BudgetRemaining != nil {
			s += fmt.Sprintf(", %s of the error budget left", percent0(*r.BudgetRemaining))
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// closest is the row whose attainment came nearest to missing its target (the
// lowest share, the highest latency).
func closest(rows []Row) (Row, bool) {
	var best Row
	ok := false
	for _, r := range rows {
		if r.Attainment == nil || r.Target == nil {
			continue
		}
		if !ok || worseThan(r.Op, *r.Attainment, *best.Attainment) {
			best, ok = r, true
		}
	}
	return best, ok
}

// worseThan says whether a is on the bad side of b for an objective with op.
func worseThan(op string, a, b float64) bool {
	if op == "<=" || op == "<" {
		return a > b
	}
	return a < b
}

// lowestBudget is the row with the least error budget left.
func lowestBudget(rows []Row) (Row, bool) {
	var best Row
	ok := false
	for _, r := range rows {
		if r.BudgetRemaining != nil && r.Met != nil && *r.Met && (!ok || *r.BudgetRemaining < *best.BudgetRemaining) {
			best, ok = r, true
		}
	}
	return best, ok
}

func alertReason(a Alert) string {
	burn := 0.0
	var names []string
	for _, w := range a.Windows {
		names = append(names, w.Window)
		if w.BurnRate != nil && (burn == 0 || *w.BurnRate < burn) {
			burn = *w.BurnRate
		}
	}
	return fmt.Sprintf("%s%s alert: the error budget burns %s times as fast as it can (%s windows)",
		tierPrefixName(a.Tier), a.Severity, plain.Number(burn), strings.Join(names, " and "))
}

// value formats an attainment by the rules of internal/plain: 91.041% for
// shares, 335 ms for statistics.
func value(in StatusInput, r Row, v float64) string {
	return plain.Value(v, r.Kind != domain.IndicatorStatistic, in.Unit)
}

func objective(in StatusInput, r Row) string {
	if r.Target == nil {
		return "its tiers"
	}
	return plain.Objective(r.Op, *r.Target, r.Kind != domain.IndicatorStatistic, in.Unit)
}

// percent0 is a share as a whole percentage, rounded towards the side that
// does not overstate: 0.2499 is "24%", never "25%"; below 0, "0%".
func percent0(v float64) string {
	return fmt.Sprintf("%d%%", int(math.Floor(max(v, 0)*100)))
}
