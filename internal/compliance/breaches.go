package compliance

import (
	"math"
	"slices"
	"strings"
	"time"

	"slate/internal/domain"
)

// Breach is one missed (complete) period of an SLT, tier or composite. Unit
// is a statistic's unit (attainment, target and shortfall are in it); shares have none.
type Breach struct {
	ID         string   `json:"id"`
	SLT        string   `json:"slt"`
	Tier       string   `json:"tier"`
	Period     string   `json:"period"`
	Start      string   `json:"start"`
	End        string   `json:"end"`
	Attainment *float64 `json:"attainment"`
	Target     *float64 `json:"target"`
	Op         string   `json:"op"`
	Unit       string   `json:"unit,omitempty"`
	Shortfall  float64  `json:"shortfall"`
	// BadMinutes (availability) or BadItems (other shares) say how bad it was.
	BadMinutes *float64 `json:"bad_minutes"`
	BadItems   *float64 `json:"bad_items"`
	// BudgetsOverspent is the shortfall in error budgets: shortfall ÷ the
	// shortfall the objective allows (Allowance), see docs/metrics.md.
	BudgetsOverspent float64 `json:"budgets_overspent"`
	Allowance        float64 `json:"allowance"`
	// Weight is the SLT's impact weight (default 1).
	Weight float64 `json:"weight"`
	// Impact = Weight × BudgetsOverspent: weighted error budgets lost, one
	// unit for every kind of SLT; ImpactRule says so in words.
	Impact     float64 `json:"impact"`
	ImpactRule string  `json:"impact_rule"`
	// Cost is cost per bad minute × bad minutes where the SLT prices bad time
	// (money, for information: it is not part of the priority).
	Cost *float64 `json:"cost,omitempty"`
	// Frequency is the number of genuine breaches of the same SLT and tier in the log.
	Frequency int `json:"frequency"`
	// Duration is the bad minutes, or bad items, or 1 (for information: the
	// shortfall already holds them, so they are not counted again).
	Duration float64 `json:"duration"`
	// Priority is the breach's impact; a group's priority is the sum over
	// its breaches, so frequency counts through the sum.
	Priority      float64 `json:"priority"`
	ParetoRank    int     `json:"pareto_rank"`
	ParetoShare   float64 `json:"pareto_cumulative_share"`
	VitalFew      bool    `json:"vital_few"`
	FalsePositive bool    `json:"false_positive"`
	FPReason      string  `json:"false_positive_reason,omitempty"`
	FPBy          string  `json:"false_positive_by,omitempty"`
}

// BreachID names a breach: slt[/tier]@period.
func BreachID(slt, tier, period string) string {
	if tier != "" {
		return slt + "/" + tier + "@" + period
	}
	return slt + "@" + period
}

// FalsePositive marks a breach as not a real miss.
type FalsePositive struct {
	Reason string
	By     string
}

// Breaches lists the missed complete periods of the rows (tier rows and
// untiered/composite rows; a tiered SLT's overall row is left out: its tiers
// already say which one missed), with impact, priority and Pareto rank.
// Priority = impact weight × error budgets overspent, in one unit for every
// kind of SLT (docs/metrics.md, "Breaches"); groups (SLT and tier) are ranked
// by their summed priority, and the vital few are the groups up to 80% of the total.
func Breaches(ws *domain.Workspace, rows []Row, fps map[string]FalsePositive) []Breach {
	out := []Breach{}
	for _, r := range rows {
		if !r.Complete || r.Met == nil || *r.Met || r.Kind == "tiered" {
			continue
		}
		b := Breach{ID: BreachID(r.SLT, r.Tier, r.Period), SLT: r.SLT, Tier: r.Tier, Period: r.Period,
			Start: r.Start.Format(time.RFC3339), End: r.End.Format(time.RFC3339),
			Attainment: r.Attainment, Target: r.Target, Op: r.Op, Unit: r.Unit}
		if r.Shortfall != nil {
			b.Shortfall = *r.Shortfall
		}
		b.Duration = 1
		if r.BadMinutes != nil {
			b.BadMinutes = r.BadMinutes
			b.Duration = max(*r.BadMinutes, 1)
		} else if r.Bad != nil {
			b.BadItems = r.Bad
			b.Duration = max(*r.Bad, 1)
		}
		weight, cost := 1.0, 0.0
		if s := ws.SLT(r.SLT); s != nil {
			if s.Spec.ImpactWeight > 0 {
				weight = s.Spec.ImpactWeight
			}
			cost = s.Spec.CostPerBadMinute
		}
		if cost > 0 && b.BadMinutes != nil {
			b.Cost = ptr(cost * *b.BadMinutes)
		}
		b.Weight = weight
		b.Allowance = Allowance(r)
		b.BudgetsOverspent = b.Shortfall / b.Allowance
		b.Impact = weight * b.BudgetsOverspent
		b.ImpactRule = "impact weight × error budgets overspent (shortfall ÷ allowed shortfall)"
		if fp, ok := fps[b.ID]; ok {
			b.FalsePositive, b.FPReason, b.FPBy = true, fp.Reason, fp.By
		}
		out = append(out, b)
	}
	rankBreaches(out)
	return out
}

// Allowance is the shortfall a row's objective allows, its error budget in
// the attainment's own terms: 1 − target for shares that must stay high
// (99.5% allows 0.5%), the target for shares that must stay low (an error
// rate ≤ 2% allows 2%), |target| for statistics (p95 ≤ 450 ms: 450 ms, so a
// 500 ms month overspends 0.11 budgets). A target that allows nothing (100%)
// allows one unit of the period: 1 ÷ eligible.
func Allowance(r Row) float64 {
	if r.Target == nil {
		return 1
	}
	t := *r.Target
	var a float64
	switch {
	case r.Kind == domain.IndicatorStatistic:
		a = math.Abs(t)
	case r.Op == "<=" || r.Op == "<":
		a = t
	default:
		a = 1 - t
	}
	if a <= 0 {
		a = 1
		if r.Eligible > 0 {
			a = 1 / r.Eligible
		}
	}
	return a
}

func rankBreaches(bs []Breach) {
	group := func(b *Breach) string { return b.SLT + "/" + b.Tier }
	freq := map[string]int{}
	for i := range bs {
		if !bs[i].FalsePositive {
			freq[group(&bs[i])]++
		}
	}
	sum := map[string]float64{}
	var total float64
	for i := range bs {
		b := &bs[i]
		if b.FalsePositive {
			continue
		}
		b.Frequency = freq[group(b)]
		b.Priority = b.Impact
		sum[group(b)] += b.Priority
		total += b.Priority
	}
	groups := make([]string, 0, len(sum))
	for g := range sum {
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(a, b string) int {
		if sum[a] != sum[b] {
			if sum[a] > sum[b] {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	rank, share := map[string]int{}, map[string]float64{}
	var cum float64
	for i, g := range groups {
		rank[g] = i + 1
		cum += sum[g]
		if total > 0 {
			share[g] = cum / total
		} else {
			share[g] = float64(i+1) / float64(len(groups))
		}
	}
	prevShare := map[string]float64{}
	for i, g := range groups {
		if i > 0 {
			prevShare[g] = share[groups[i-1]]
		}
	}
	for i := range bs {
		b := &bs[i]
		if b.FalsePositive {
			continue
		}
		g := group(b)
		b.ParetoRank, b.ParetoShare = rank[g], math.Round(share[g]*1e6)/1e6
		b.VitalFew = prevShare[g] < 0.8
	}
	slices.SortStableFunc(bs, func(a, b Breach) int {
		switch {
		case a.FalsePositive != b.FalsePositive:
			if a.FalsePositive {
				return 1
			}
			return -1
		case a.ParetoRank != b.ParetoRank:
			return a.ParetoRank - b.ParetoRank
		}
		return strings.Compare(a.Start, b.Start)
	})
}
