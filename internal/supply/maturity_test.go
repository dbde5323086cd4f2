package supply

import (
	"math"
	"strings"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
)

func model() *domain.MaturityModel {
	return &domain.MaturityModel{Metadata: domain.Meta{Name: "m"}, Spec: domain.MaturityModelSpec{Areas: []domain.MaturityArea{
		{ID: "a", Name: "Area A", Weight: 2, Questions: []domain.MaturityQuestion{{ID: "q1", Text: "?"}, {ID: "q2", Text: "?", Weight: 3}}},
		{ID: "b", Name: "Area B", Questions: []domain.MaturityQuestion{{ID: "q3", Text: "?"}}},
	}}}
}

func assessment(name, supplier, date string, scores map[string]int) *domain.MaturityAssessment {
	a := &domain.MaturityAssessment{Metadata: domain.Meta{Name: name}, Spec: domain.MaturityAssessmentSpec{Supplier: supplier, Model: "m", Date: date, Assessor: "Vera Vendor"}}
	for _, q := range []string{"q1", "q2", "q3"} {
		if s, ok := scores[q]; ok {
			a.Spec.Answers = append(a.Spec.Answers, domain.MaturityAnswer{Question: q, Score: s})
		}
	}
	return a
}

// Area A = (1·4 + 3·2) / 4 = 2.5; area B = 5; overall = (2·2.5 + 1·5) / 3 = 3.333…
// With q1 alone: area A = 4, area B unanswered, overall 4, not complete.
func TestScoreByHand(t *testing.T) {
	s := Score(model(), assessment("x", "s", "2026-01-01", map[string]int{"q1": 4, "q2": 2, "q3": 5}))
	if *s.Areas[0].Score != 2.5 || *s.Areas[1].Score != 5 || math.Abs(*s.Score-10.0/3) > 1e-15 || !s.Complete || s.Band != "medium" {
		t.Fatalf("%+v", s)
	}
	p := Score(model(), assessment("y", "s", "2026-01-01", map[string]int{"q1": 4}))
	if *p.Score != 4 || p.Areas[1].Score != nil || p.Complete || p.Answered != 1 || p.Questions != 3 || p.Band != "high" {
		t.Fatalf("%+v", p)
	}
}

// Five suppliers, each with one monthly ratio SLT under contract (99%):
//
//	steady: assessed 4.0, met 12 of 12         → consistent
//	shaky:  assessed 4.0, met 6 of 12, falling → high maturity, poor record; credits; worsening
//	lucky:  assessed 2.0, met 12 of 12         → low maturity, good record
//	fresh:  not assessed                        → not assessed
//	young:  assessed 3.0, 2 complete periods   → not enough record
func TestMaturityBesideRecord(t *testing.T) {
	ws := domain.NewWorkspace(model())
	feeds := map[string][]domain.Point{}
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, name := range []string{"steady", "shaky", "lucky", "fresh", "young"} {
		ws.Put(&domain.Supplier{Metadata: domain.Meta{Name: name}})
		ws.Put(ratioSLT(name+"-slt", 0.99))
		k := contract(name+"-contract", name, name+"-slt")
		k.Spec.Currency, k.Spec.CreditTiers = "EUR", []domain.CreditTier{{Below: 0.99, Credit: 5}, {Below: 0.98, Credit: 10}}
		ws.Put(k)
		months := 12
		if name == "young" {
			months = 2
		}
		for m := range months {
			good := 995.0
			if name == "shaky" && m >= 6 {
				good = 989 - float64(m-6) // 98.9%, 98.8%, … 98.4%: missed, falling
			}
			feeds[name+"-slt-feed"] = append(feeds[name+"-slt-feed"], counts(at.AddDate(0, -months+m, 5), good, 1000))
		}
	}
	for _, a := range []*domain.MaturityAssessment{
		assessment("steady-2025", "steady", "2025-06-01", map[string]int{"q1": 2, "q2": 2, "q3": 2}),
		assessment("steady-2026", "steady", "2025-12-01", map[string]int{"q1": 4, "q2": 4, "q3": 4}),
		assessment("shaky-2025", "shaky", "2025-11-20", map[string]int{"q1": 4, "q2": 4, "q3": 4}),
		assessment("lucky-2025", "lucky", "2025-11-20", map[string]int{"q1": 2, "q2": 2, "q3": 2}),
		assessment("young-2025", "young", "2025-11-20", map[string]int{"q1": 3, "q2": 3, "q3": 3}),
	} {
		ws.Put(a)
	}
	in := compliance.Input{Workspace: ws, At: at, Source: compliance.SlicePoints(feeds)}
	rep, err := Maturity(in, MaturityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]SupplierMaturity{}
	for _, s := range rep.Suppliers {
		got[s.Supplier] = s
	}
	for name, want := range map[string]string{"steady": AgreeConsistent, "shaky": AgreeHighPoor, "lucky": AgreeLowGood, "fresh": AgreeNotAssessed, "young": AgreeNotEnoughData} {
		if s := got[name]; s.Agreement != want || s.Disagrees != (want == AgreeHighPoor || want == AgreeLowGood) {
			t.Errorf("%s: %s (%s), want %s", name, s.Agreement, s.Verdict, want)
		}
	}
	st := got["steady"]
	if st.Latest.Assessment != "steady-2026" || len(st.Earlier) != 1 || *st.Reliability.MetShare != 1 || st.Reliability.Trend != TrendStable {
		t.Errorf("steady %+v", st)
	}
	sh := got["shaky"].Reliability
	// Credits: 98.9% and 98.8%... are below 99% → 5% of 1000; 98.4%...: all six are ≥ 98%, so 5% each: 6 × 50.
	if sh.Met != 6 || sh.Periods != 12 || sh.Band != "poor" || sh.Trend != TrendWorsening || sh.CreditPeriods != 6 ||
		len(sh.Credits) != 1 || sh.Credits[0].Currency != "EUR" || sh.Credits[0].Amount != 300 {
		t.Errorf("shaky %+v", sh)
	}
	if !strings.Contains(got["shaky"].Verdict, "met 6 of 12 periods (50%)") {
		t.Errorf("verdict %q", got["shaky"].Verdict)
	}
	one, err := Maturity(in, MaturityOptions{Supplier: "lucky", Periods: 3})
	if err != nil || len(one.Suppliers) != 1 || one.Suppliers[0].Reliability.Periods != 3 {
		t.Errorf("one supplier: %+v %v", one, err)
	}
	if _, err := Maturity(in, MaturityOptions{Supplier: "ghost"}); err == nil || !strings.Contains(err.Error(), `supplier "ghost" does not exist`) {
		t.Errorf("unknown supplier: %v", err)
	}
}

func TestMaturityValidation(t *testing.T) {
	bad := &domain.MaturityModel{Metadata: domain.Meta{Name: "m"}, Spec: domain.MaturityModelSpec{Areas: []domain.MaturityArea{
		{ID: "a", Name: "A", Weight: -1, Questions: []domain.MaturityQuestion{{ID: "q1", Text: "?", Levels: []string{"one"}}}},
		{ID: "a", Name: "", Questions: []domain.MaturityQuestion{{ID: "q1", Text: ""}}},
		{ID: "c", Name: "C"},
	}}}
	a := assessment("x", "nobody", "2026-13-01", map[string]int{"q1": 6})
	a.Spec.Answers = append(a.Spec.Answers, domain.MaturityAnswer{Question: "q9", Score: 3}, domain.MaturityAnswer{Question: "q1", Score: 3})
	a.Spec.Assessor = ""
	ws := domain.NewWorkspace(bad, a)
	var msgs []string
	for _, p := range ws.ValidateAll() {
		msgs = append(msgs, p.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		"MaturityModel/m: spec.areas[0].weight: -1 must be greater than 0",
		"spec.areas[0].questions[0].levels: has 1 entries; describe all five scores 1..5, or none",
		`spec.areas[1].id: "a" is used twice`,
		`spec.areas[1].questions[0].id: "q1" is already a question of area "a"`,
		`spec.areas[2].questions: area "c" has no questions`,
		"MaturityAssessment/x: spec.assessor: is required",
		`spec.date: "2026-13-01" is not a date`,
		"spec.answers[0].score: 6 is outside 1..5",
		`spec.answers[2].question: "q1" is answered twice`,
		`spec.supplier: refers to Supplier "nobody", which does not exist`,
		`spec.answers[1].question: "q9" is not a question of maturity model "m"`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
}
