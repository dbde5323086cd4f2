package compliance

import (
	"math"

	"slate/internal/domain"
)

// Credit is what one contract owes (or earns) for one period.
type Credit struct {
	Contract   string   `json:"contract"`
	Supplier   string   `json:"supplier"`
	SLT        string   `json:"slt"`
	Period     string   `json:"period"`
	Complete   bool     `json:"complete"`
	Attainment *float64 `json:"attainment"`
	Met        *bool    `json:"met"`
	// CreditPercent is of the period charge, after the cap; null without data.
	CreditPercent    *float64 `json:"credit_percent"`
	CreditAmount     *float64 `json:"credit_amount"`
	IncentivePercent *float64 `json:"incentive_percent"`
	IncentiveAmount  *float64 `json:"incentive_amount"`
	Currency         string   `json:"currency,omitempty"`
}

// CreditPercent is the credit of the lowest tier whose threshold is above the
// attainment (0 when none is), capped by cap (0 = no cap).
func CreditPercent(tiers []domain.CreditTier, cap, att float64) float64 {
	best, bestBelow := 0.0, math.Inf(1)
	for _, t := range tiers {
		if t.Below > att && t.Below < bestBelow {
			best, bestBelow = t.Credit, t.Below
		}
	}
	if cap > 0 {
		best = min(best, cap)
	}
	return best
}

// IncentivePercent is the incentive of the highest earn-back tier the
// attainment reaches (att ≥ Above), capped (0 = no cap); 0 when the SLT was not met.
func IncentivePercent(tiers []domain.IncentiveTier, cap, att float64, met bool) float64 {
	if !met {
		return 0
	}
	best, bestAbove := 0.0, math.Inf(-1)
	for _, t := range tiers {
		if att >= t.Above && t.Above > bestAbove {
			best, bestAbove = t.Incentive, t.Above
		}
	}
	if cap > 0 {
		best = min(best, cap)
	}
	return best
}

// CreditFor computes a contract's credit for one overall row of its SLT.
func CreditFor(c *domain.Contract, row Row) Credit {
	sp := c.Spec
	cr := Credit{Contract: c.Name(), Supplier: sp.Supplier, SLT: sp.SLT, Period: row.Period, Complete: row.Complete,
		Attainment: row.Attainment, Met: row.Met, Currency: sp.Currency}
	if row.Attainment == nil {
		return cr
	}
	a := *row.Attainment
	pct := CreditPercent(sp.CreditTiers, sp.Cap, a)
	cr.CreditPercent, cr.CreditAmount = ptr(pct), ptr(pct/100*sp.ChargePerPeriod)
	inc := IncentivePercent(sp.EarnBack, sp.IncentiveCap, a, row.Met != nil && *row.Met)
	cr.IncentivePercent, cr.IncentiveAmount = ptr(inc), ptr(inc/100*sp.ChargePerPeriod)
	return cr
}
