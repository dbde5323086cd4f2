package supply

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/plain"
	"slate/internal/stats"
)

// Maturity bands on the 1–5 scale: 3 is a defined process (CMMI level 3), so
// an assessed score of 3.5 or more reads as mature, below 2.5 as immature.
const (
	HighMaturity = 3.5
	LowMaturity  = 2.5
)

// Record bands on the share of complete periods met across a supplier's
// contract SLTs; fewer than MinPeriods periods with data are too few to judge.
const (
	GoodRecord = 0.9
	PoorRecord = 0.75
	MinPeriods = 3
)

// TrendP is the significance level of the Mann–Kendall test on the margins.
const TrendP = 0.05

// Agreement between a supplier's assessed maturity and its measured record.
const (
	AgreeConsistent    = "consistent"
	AgreeHighPoor      = "high_maturity_poor_record"
	AgreeLowGood       = "low_maturity_good_record"
	AgreeNotAssessed   = "not_assessed"
	AgreeNotEnoughData = "not_enough_record"
)

// MaturityOptions select what the maturity report covers.
type MaturityOptions struct {
	// Supplier, when set, reports one supplier (an unknown one is an error).
	Supplier string
	// Periods is how many of each contract SLT's latest complete periods make
	// the record (default 12).
	Periods int
}

// MaturityReport sets each supplier's assessed maturity beside its record.
type MaturityReport struct {
	Suppliers  []SupplierMaturity `json:"suppliers"`
	Thresholds Thresholds         `json:"thresholds"`
}

// Thresholds are the bands the report judges with (documented in definitions.md).
type Thresholds struct {
	HighMaturity float64 `json:"high_maturity"`
	LowMaturity  float64 `json:"low_maturity"`
	GoodRecord   float64 `json:"good_record"`
	PoorRecord   float64 `json:"poor_record"`
	MinPeriods   int     `json:"min_periods"`
	Periods      int     `json:"periods"`
	TrendP       float64 `json:"trend_p"`
}

// SupplierMaturity is one supplier's maturity, record and their agreement.
type SupplierMaturity struct {
	Supplier    string `json:"supplier"`
	DisplayName string `json:"display_name"`
	// Declared is the supplier's spec.maturity, shown for comparison.
	Declared *float64 `json:"declared_maturity"`
	// Latest is the most recent assessment; Earlier the ones before it, newest first.
	Latest      *AssessmentScore  `json:"latest"`
	Earlier     []AssessmentScore `json:"earlier"`
	Reliability Reliability       `json:"reliability"`
	Agreement   string            `json:"agreement"`
	Disagrees   bool              `json:"disagrees"`
	Verdict     string            `json:"verdict"`
}

// AssessmentScore is an assessment scored against its model.
type AssessmentScore struct {
	Assessment string `json:"assessment"`
	Model      string `json:"model"`
	Date       string `json:"date"`
	Assessor   string `json:"assessor"`
	// Score is Σ(area weight × area score) / Σ area weight over the areas
	// with answers; nil without any.
	Score     *float64    `json:"score"`
	Band      string      `json:"band"`
	Areas     []AreaScore `json:"areas"`
	Answered  int         `json:"answered"`
	Questions int         `json:"questions"`
	Complete  bool        `json:"complete"`
}

// AreaScore is Σ(question weight × score) / Σ question weight over the
// answered questions of one area.
type AreaScore struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Weight    float64  `json:"weight"`
	Score     *float64 `json:"score"`
	Answered  int      `json:"answered"`
	Questions int      `json:"questions"`
}

// Reliability is a supplier's measured record on its contract SLTs.
type Reliability struct {
	SLTs []SLTRecord `json:"slts"`
	// Periods counts complete periods with data over all contract SLTs; Met
	// those met; MetShare = Met / Periods (nil without periods).
	Periods  int      `json:"periods"`
	Met      int      `json:"met"`
	MetShare *float64 `json:"met_share"`
	Band     string   `json:"band"`
	// Credits are the service credits the contracts gave in those periods.
	Credits       []Money `json:"credits"`
	CreditPeriods int     `json:"credit_periods"`
	// Trend: worsening when any contract SLT's margins fall significantly,
	// improving when some rise and none fall, else stable.
	Trend string `json:"trend"`
}

// SLTRecord is one contract SLT's record.
type SLTRecord struct {
	SLT      string   `json:"slt"`
	Contract string   `json:"contract"`
	Periods  int      `json:"periods"`
	Met      int      `json:"met"`
	From     string   `json:"from"`
	To       string   `json:"to"`
	Trend    string   `json:"trend"`
	TrendP   *float64 `json:"trend_p"`
}

// Money is an amount in one currency.
type Money struct {
	Currency string  `json:"currency"`
	Amount   float64 `json:"amount"`
}

// Trend words.
const (
	TrendImproving = "improving"
	TrendWorsening = "worsening"
	TrendStable    = "stable"
	TrendUnknown   = "not_enough_data"
)

// Score scores an assessment against its model (answers to questions the
// model does not have are ignored; apply refuses them anyway).
func Score(m *domain.MaturityModel, a *domain.MaturityAssessment) AssessmentScore {
	s := AssessmentScore{Assessment: a.Name(), Model: m.Name(), Date: a.Spec.Date, Assessor: a.Spec.Assessor, Areas: []AreaScore{}}
	answers := map[string]int{}
	for _, ans := range a.Spec.Answers {
		answers[ans.Question] = ans.Score
	}
	var sum, wsum float64
	for _, area := range m.Spec.Areas {
		as := AreaScore{ID: area.ID, Name: area.Name, Weight: domain.WeightOr(area.Weight), Questions: len(area.Questions)}
		var qs, qw float64
		for _, q := range area.Questions {
			if v, ok := answers[q.ID]; ok {
				w := domain.WeightOr(q.Weight)
				qs += w * float64(v)
				qw += w
				as.Answered++
			}
		}
		if qw > 0 {
			as.Score = ptr(qs / qw)
			sum += as.Weight * *as.Score
			wsum += as.Weight
		}
		s.Answered += as.Answered
		s.Questions += as.Questions
		s.Areas = append(s.Areas, as)
	}
	if wsum > 0 {
		s.Score = ptr(sum / wsum)
	}
	s.Complete = s.Answered == s.Questions
	s.Band = maturityBand(s.Score)
	return s
}

func ptr[T any](v T) *T { return &v }

func maturityBand(score *float64) string {
	switch {
	case score == nil:
		return ""
	case *score >= HighMaturity:
		return "high"
	case *score < LowMaturity:
		return "low"
	}
	return "medium"
}

// Maturity reports every supplier (or one) with its latest assessment, its
// record on its contract SLTs over the last periods, and whether they agree.
func Maturity(in compliance.Input, o MaturityOptions) (MaturityReport, error) {
	if o.Periods <= 0 {
		o.Periods = 12
	}
	rep := MaturityReport{Suppliers: []SupplierMaturity{}, Thresholds: Thresholds{HighMaturity, LowMaturity, GoodRecord, PoorRecord, MinPeriods, o.Periods, TrendP}}
	ws := in.Workspace
	suppliers := ws.Suppliers()
	if o.Supplier != "" {
		su := ws.Supplier(o.Supplier)
		if su == nil {
			return rep, fmt.Errorf("supplier %q does not exist (known: %s)", o.Supplier, names(suppliers))
		}
		suppliers = []*domain.Supplier{su}
	}
	ev := compliance.NewEvaluator(in)
	for _, su := range suppliers {
		sm := SupplierMaturity{Supplier: su.Name(), DisplayName: su.Metadata.DisplayName, Declared: su.Spec.Maturity, Earlier: []AssessmentScore{}}
		for i, s := range scored(ws, su.Name()) {
			if i == 0 {
				sm.Latest = &s
			} else {
				sm.Earlier = append(sm.Earlier, s)
			}
		}
		rel, err := reliability(ev, su.Name(), o.Periods)
		if err != nil {
			return rep, err
		}
		sm.Reliability = rel
		sm.Agreement, sm.Verdict = agreement(sm)
		sm.Disagrees = sm.Agreement == AgreeHighPoor || sm.Agreement == AgreeLowGood
		rep.Suppliers = append(rep.Suppliers, sm)
	}
	return rep, nil
}

// scored scores a supplier's assessments, newest first.
func scored(ws *domain.Workspace, supplier string) []AssessmentScore {
	var mine []*domain.MaturityAssessment
	for _, a := range ws.MaturityAssessments() {
		if a.Spec.Supplier == supplier && ws.MaturityModel(a.Spec.Model) != nil {
			mine = append(mine, a)
		}
	}
	slices.SortFunc(mine, func(a, b *domain.MaturityAssessment) int {
		return cmp.Or(cmp.Compare(b.Spec.Date, a.Spec.Date), cmp.Compare(b.Name(), a.Name()))
	})
	out := make([]AssessmentScore, len(mine))
	for i, a := range mine {
		out[i] = Score(ws.MaturityModel(a.Spec.Model), a)
	}
	return out
}

// LatestScores is each assessed supplier's latest maturity score (1–5), by
// supplier: what the pack's maturity column shows.
func LatestScores(ws *domain.Workspace) map[string]float64 {
	out := map[string]float64{}
	for _, su := range ws.Suppliers() {
		if s := scored(ws, su.Name()); len(s) > 0 && s[0].Score != nil {
			out[su.Name()] = *s[0].Score
		}
	}
	return out
}

func names(sus []*domain.Supplier) string {
	var n []string
	for _, s := range sus {
		n = append(n, s.Name())
	}
	if len(n) == 0 {
		return "none"
	}
	return strings.Join(n, ", ")
}

func reliability(ev *compliance.Evaluator, supplier string, last int) (Reliability, error) {
	rel := Reliability{SLTs: []SLTRecord{}, Credits: []Money{}, Trend: TrendUnknown}
	credits := map[string]float64{}
	var currencies []string
	worse, better, judged := false, false, false
	for _, c := range ev.In.Workspace.Contracts() {
		if c.Spec.Supplier != supplier {
			continue
		}
		r, err := ev.SLT(c.Spec.SLT, nil)
		if err != nil {
			return rel, err
		}
		var rows []compliance.Row
		for _, row := range r.Overall {
			if row.Complete && row.Met != nil {
				rows = append(rows, row)
			}
		}
		rows = rows[max(0, len(rows)-last):]
		rec := SLTRecord{SLT: c.Spec.SLT, Contract: c.Name(), Periods: len(rows), Trend: TrendUnknown}
		var margins []float64
		for i, row := range rows {
			if i == 0 {
				rec.From = row.Period
			}
			rec.To = row.Period
			if *row.Met {
				rec.Met++
			}
			margins = append(margins, *row.Attainment-*row.Target)
			cr := compliance.CreditFor(c, row)
			if cr.CreditAmount != nil && *cr.CreditAmount > 0 {
				if _, ok := credits[c.Spec.Currency]; !ok {
					currencies = append(currencies, c.Spec.Currency)
				}
				credits[c.Spec.Currency] += *cr.CreditAmount
				rel.CreditPeriods++
			}
		}
		if mk, err := stats.MannKendallTest(margins); err == nil {
			judged = true
			rec.TrendP = ptr(mk.P)
			switch {
			case mk.P < TrendP && mk.S < 0:
				rec.Trend, worse = TrendWorsening, true
			case mk.P < TrendP && mk.S > 0:
				rec.Trend, better = TrendImproving, true
			default:
				rec.Trend = TrendStable
			}
		} else if len(margins) >= 3 {
			judged = true // constant margins: no trend
			rec.Trend = TrendStable
		}
		rel.Periods += rec.Periods
		rel.Met += rec.Met
		rel.SLTs = append(rel.SLTs, rec)
	}
	for _, cur := range currencies {
		rel.Credits = append(rel.Credits, Money{cur, credits[cur]})
	}
	if rel.Periods > 0 {
		rel.MetShare = ptr(float64(rel.Met) / float64(rel.Periods))
	}
	switch {
	case rel.Periods < MinPeriods:
		rel.Band = "unknown"
	case *rel.MetShare >= GoodRecord:
		rel.Band = "good"
	case *rel.MetShare < PoorRecord:
		rel.Band = "poor"
	default:
		rel.Band = "fair"
	}
	switch {
	case worse:
		rel.Trend = TrendWorsening
	case better:
		rel.Trend = TrendImproving
	case judged:
		rel.Trend = TrendStable
	}
	return rel, nil
}

// share writes a share of periods as a whole percentage (58%).
func share(x float64) string { return strconv.FormatFloat(math.Round(x*100), 'f', 0, 64) + "%" }

func agreement(sm SupplierMaturity) (string, string) {
	r := sm.Reliability
	if sm.Latest == nil || sm.Latest.Score == nil {
		return AgreeNotAssessed, fmt.Sprintf("%s has no maturity assessment; assess it with a MaturityAssessment", sm.Supplier)
	}
	score := *sm.Latest.Score
	if r.Band == "unknown" {
		return AgreeNotEnoughData, fmt.Sprintf("assessed %s of 5 (%s), but only %d complete periods of contract SLTs to compare with (need %d)", plain.Number(score), sm.Latest.Date, r.Periods, MinPeriods)
	}
	record := fmt.Sprintf("met %d of %d periods (%s)", r.Met, r.Periods, share(*r.MetShare))
	switch {
	case score >= HighMaturity && r.Band == "poor":
		return AgreeHighPoor, fmt.Sprintf("assessed %s of 5 on %s, yet %s: the questionnaire and the record disagree; check the assessment's evidence against the breaches", plain.Number(score), sm.Latest.Date, record)
	case score < LowMaturity && r.Band == "good":
		return AgreeLowGood, fmt.Sprintf("assessed only %s of 5 on %s, yet %s: the record is better than the processes suggest; reassess, or watch for luck running out", plain.Number(score), sm.Latest.Date, record)
	}
	return AgreeConsistent, fmt.Sprintf("assessed %s of 5 on %s and %s: consistent", plain.Number(score), sm.Latest.Date, record)
}
