package compliance

import (
	"time"

	"slate/internal/domain"
)

// Row is one period of one SLT, tier or composite, as reports show it.
// Null (nil) means not applicable or no data, as docs/metrics.md says. Unit is
// the unit of a statistic's attainment and target ("ms"); shares have none.
type Row struct {
	SLT      string    `json:"slt"`
	Tier     string    `json:"tier"`
	Kind     string    `json:"kind"` // indicator kind, composite, or tiered (a tiered SLT's overall row)
	Period   string    `json:"period"`
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
	Complete bool      `json:"complete"`
	Points   int       `json:"points"`
	Eligible float64   `json:"eligible"`
	Good     *float64  `json:"good"`
	Bad      *float64  `json:"bad"`
	Unknown  float64   `json:"unknown"`
	Excluded float64   `json:"excluded"`
	// Missing is how slices without data count (availability only).
	Missing string `json:"missing,omitempty"`
	// BadMinutes is the bad time of an availability SLT.
	BadMinutes      *float64 `json:"bad_minutes,omitempty"`
	Attainment      *float64 `json:"attainment"`
	AttainmentRaw   *float64 `json:"attainment_raw"`
	Target          *float64 `json:"target"`
	Op              string   `json:"op"`
	Unit            string   `json:"unit,omitempty"`
	Met             *bool    `json:"met"`
	Shortfall       *float64 `json:"shortfall"`
	BudgetRemaining *float64 `json:"budget_remaining"`
	// ConsecutiveMisses counts this and the directly preceding complete missed
	// periods (a period with no data, or no row, ends the run).
	ConsecutiveMisses int  `json:"consecutive_misses"`
	RCADue            bool `json:"rca_due"`
	// SLTOwner answers for the target; DataOwner for the feed's data (empty for
	// composites, which have no feed of their own).
	SLTOwner  string `json:"slt_owner"`
	DataOwner string `json:"data_owner"`

	rawGood, rawEligible float64
}

func ptr[T any](v T) *T { return &v }

// RowOf turns an engine result into a report row and judges it.
func RowOf(sp EvalSpec, r Result) Row {
	row := Row{SLT: sp.SLT, Tier: sp.Tier, Kind: sp.Indicator.Kind, Period: r.Period.Key, Start: r.Period.Start, End: r.Period.End,
		Complete: r.Complete, Points: r.Points, Unknown: r.Unknown, Excluded: r.Excluded, Unit: sp.Unit}
	if r.Statistic {
		row.Eligible = r.Values
		row.Attainment, row.AttainmentRaw = r.Value, r.RawValue
	} else {
		row.Eligible = r.Eligible()
		row.Good, row.Bad = ptr(r.Good), ptr(r.Bad)
		if row.Eligible > 0 {
			row.Attainment = ptr(r.Good / row.Eligible)
		}
		row.rawGood, row.rawEligible = r.RawGood, r.RawGood+r.RawBad
		if row.rawEligible > 0 {
			row.AttainmentRaw = ptr(r.RawGood / row.rawEligible)
		}
	}
	if sp.Indicator.Kind == domain.IndicatorAvailability {
		row.Missing = sp.Indicator.Missing
		if row.Missing == "" {
			row.Missing = "exclude"
		}
		row.BadMinutes = ptr(r.BadSeconds / 60)
	}
	row.Judge(sp.Objective)
	return row
}

// Judge sets target, op, met, shortfall and (for shares) the error budget.
func (row *Row) Judge(o Objective) {
	row.Target, row.Op = ptr(o.Target), o.Op
	row.Met, row.Shortfall, row.BudgetRemaining = nil, nil, nil
	if row.Eligible == 0 || row.Attainment == nil {
		row.Attainment = nil
		return
	}
	a := *row.Attainment
	row.Met = ptr(domain.Compare(a, o.Op, o.Target))
	row.Shortfall = ptr(Shortfall(a, o))
	if row.Bad != nil && (o.Op == ">=" || o.Op == ">") {
		row.BudgetRemaining = BudgetRemaining(*row.Bad, row.Eligible, o.Target)
	}
}

// Shortfall is how far the attainment is on the wrong side of the target (0 when met).
func Shortfall(att float64, o Objective) float64 {
	if domain.Compare(att, o.Op, o.Target) {
		return 0
	}
	if o.Op == "<=" || o.Op == "<" {
		return max(att-o.Target, 0)
	}
	return max(o.Target-att, 0)
}

// BudgetRemaining is 1 − bad/allowed with allowed = (1 − target) × eligible;
// negative when overspent, nil when nothing is allowed (target 1) or nothing eligible.
func BudgetRemaining(bad, eligible, target float64) *float64 {
	allowed := (1 - target) * eligible
	if allowed <= 0 {
		return nil
	}
	return ptr(1 - bad/allowed)
}

// BurnRate is (bad/eligible)/(1 − target); nil without eligible units or budget.
func BurnRate(bad, eligible, target float64) *float64 {
	if eligible <= 0 || target >= 1 {
		return nil
	}
	return ptr(bad / eligible / (1 - target))
}

// MarkRuns sets consecutive_misses and rca_due over one series of rows in time
// order. Only complete periods count; a met or no-data period ends a run, and
// so does a period with no row at all (rows that do not follow each other
// directly); the current (incomplete) period shows the run so far without
// adding to it.
func MarkRuns(rows []Row, rcaAfter int) {
	if rcaAfter <= 0 {
		rcaAfter = 3
	}
	run := 0
	for i := range rows {
		r := &rows[i]
		if i > 0 && !follows(&rows[i-1], r) {
			run = 0
		}
		if r.Complete {
			if r.Met != nil && !*r.Met {
				run++
			} else {
				run = 0
			}
		}
		r.ConsecutiveMisses = run
		r.RCADue = r.Complete && run >= rcaAfter
	}
}

// follows reports whether no period lies between rows a and b: b starts where
// a ends, or, for rolling windows (keyed by a day, longer than one), b's
// window ends one local day after a's. A date the zone skips (Pacific/Apia)
// is no period, so it leaves no gap.
func follows(a, b *Row) bool {
	if k, _ := KeyKind(a.Period); k == Day && a.End.Sub(a.Start) > 26*time.Hour {
		return b.End.After(a.End) && b.End.Sub(a.End) <= 26*time.Hour
	}
	return b.Start.Equal(a.End)
}

// overallRows combines the tiers of a tiered SLT: counts add up, the
// attainment is Σgood/Σeligible, and the SLT is met only when every tier is
// met (missed when any tier missed; no data when none missed and one has none).
func overallRows(name string, tiers [][]Row) []Row {
	byKey := map[string]*Row{}
	var order []string
	for _, rows := range tiers {
		for _, r := range rows {
			o := byKey[r.Period]
			if o == nil {
				o = &Row{SLT: name, Kind: "tiered", Period: r.Period, Start: r.Start, End: r.End, Complete: r.Complete, Met: ptr(true)}
				byKey[r.Period] = o
				order = append(order, r.Period)
			}
			o.Points = max(o.Points, r.Points)
			o.Eligible += r.Eligible
			o.Unknown += r.Unknown
			o.Excluded += r.Excluded
			o.Good = addPtr(o.Good, r.Good)
			o.Bad = addPtr(o.Bad, r.Bad)
			o.Missing = r.Missing
			o.rawGood += r.rawGood
			o.rawEligible += r.rawEligible
			if r.BadMinutes != nil {
				o.BadMinutes = addPtr(o.BadMinutes, r.BadMinutes)
			}
			switch {
			case r.Met == nil && o.Met != nil && *o.Met:
				o.Met = nil
			case r.Met != nil && !*r.Met:
				o.Met = ptr(false)
			}
		}
	}
	// a period missing from a tier is no data for that tier
	for _, k := range order {
		o := byKey[k]
		for _, rows := range tiers {
			found := false
			for _, r := range rows {
				if r.Period == k {
					found = true
					break
				}
			}
			if !found && o.Met != nil && *o.Met {
				o.Met = nil
			}
		}
	}
	out := make([]Row, 0, len(order))
	for _, k := range order {
		o := byKey[k]
		if o.Good != nil && o.Eligible > 0 {
			o.Attainment = ptr(*o.Good / o.Eligible)
		}
		if o.rawEligible > 0 {
			o.AttainmentRaw = ptr(o.rawGood / o.rawEligible)
		}
		out = append(out, *o)
	}
	sortRows(out)
	return out
}

func addPtr(a, b *float64) *float64 {
	switch {
	case b == nil:
		return a
	case a == nil:
		return ptr(*b)
	}
	return ptr(*a + *b)
}
