package judge

import (
	"slate/internal/analysis"
	"slate/internal/compliance"
	"slate/internal/domain"
)

// Reading is a set of SLTs evaluated once and judged in one period: what a
// review pack shows of them.
type Reading struct {
	// Rows are each SLT's rows (composites' components are evaluated through
	// them, once, but not listed).
	Rows map[string]compliance.SLTRows
	// Analyses are the SLTs' analyses up to the end of the period; an SLT
	// that cannot be analysed has the reason in AnalysisErrors instead.
	Analyses       map[string]*analysis.Result
	AnalysisErrors map[string]string
	// Statuses are the SLTs' statuses in the period, judged with their analyses.
	Statuses map[string]compliance.Status
}

// Read evaluates the SLTs once at in.At (one evaluator: a composite and its
// components share their rows), analyses each up to the end of period from
// those rows and judges its status there. step, when set, is called before
// each SLT's analysis; its error stops the reading.
func Read(in compliance.Input, slts []*domain.SLT, period string, step func(slt string) error) (Reading, error) {
	rd := Reading{Analyses: map[string]*analysis.Result{}, AnalysisErrors: map[string]string{}, Statuses: map[string]compliance.Status{}}
	names := make([]string, len(slts))
	for i, s := range slts {
		names[i] = s.Name()
	}
	var err error
	if rd.Rows, err = compliance.NewEvaluator(in).All(names); err != nil {
		return rd, err
	}
	for _, s := range slts {
		if step != nil {
			if err := step(s.Name()); err != nil {
				return rd, err
			}
		}
		a, err := Analyze(in, s, rd.Rows[s.Name()], Query{To: period})
		if err != nil {
			rd.AnalysisErrors[s.Name()] = err.Error()
			continue
		}
		rd.Analyses[s.Name()] = &a
	}
	j := NewJudge(in, nil)
	for _, s := range slts {
		rd.Statuses[s.Name()] = j.Status(s, rd.Rows[s.Name()], period, rd.Analyses[s.Name()])
	}
	return rd, nil
}
