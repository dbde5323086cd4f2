package predict

import (
	"math"

	"slate/internal/stats"
)

// Model is the baseline plus a logistic regression on standardised features.
// The baseline's probability is the share of missed periods among the
// training points where it made the same call (projected_miss 0 or 1),
// smoothed by Laplace's rule, (misses + 1)/(points + 2). Each feature is
// replaced by z = (x − mean)/sd over the training rows (a feature that did
// not vary there gets z = 0), and
//
//	P(miss) = 1/(1 + exp(−(logit(baseline) + b₀ + Σ bⱼzⱼ))).
//
// The baseline enters as an offset: with every coefficient at zero the model
// is the baseline, and the L2 penalty shrinks it towards the baseline, not
// towards a coin toss. It can only move away from it as far as the features
// earn.
type Model struct {
	BaseRate  [2]float64 `json:"baseline_rate"` // P(miss) when the baseline says met, missed
	Features  []string   `json:"features"`
	Mean      []float64  `json:"mean"`
	SD        []float64  `json:"sd"`
	Intercept float64    `json:"intercept"`
	Coef      []float64  `json:"coefficients"`
	Lambda    float64    `json:"lambda"`
	Rows      int        `json:"rows"`
	Events    int        `json:"events"`
	Converged bool       `json:"converged"`
}

// Fit standardises the rows and fits an L2-regularised logistic regression
// (stats.FitLogistic, Newton–Raphson with gonum/mat): the penalty λ/2·Σbⱼ²
// acts on the standardised coefficients, so every feature is shrunk alike.
// start, when given, warm-starts the search.
func Fit(x [][]float64, y, w []float64, lambda float64, start *Model) (Model, error) {
	if len(x) != len(y) || (w != nil && len(w) != len(y)) {
		return Model{}, stats.ErrLength
	}
	if len(x) == 0 {
		return Model{}, stats.ErrEmpty
	}
	p := len(x[0])
	m := Model{Features: FeatureNames, Mean: make([]float64, p), SD: make([]float64, p), Lambda: lambda, Rows: len(x)}
	if p != len(FeatureNames) {
		m.Features = nil
	}
	col := make([]float64, len(x))
	for j := range p {
		for i := range x {
			col[i] = x[i][j]
		}
		m.Mean[j] = stats.Mean(col)
		if sd := stats.StdDev(col); sd > 1e-12 {
			m.SD[j] = sd
		}
	}
	z := make([][]float64, len(x))
	flat := make([]float64, len(x)*p)
	for i := range x {
		z[i] = flat[i*p : (i+1)*p]
		m.standardise(x[i], z[i])
	}
	var calls [2][2]float64 // [baseline call][outcome], weighted
	for i, v := range y {
		if v == 1 {
			m.Events++
		}
		wi := 1.0
		if w != nil {
			wi = w[i]
		}
		calls[baseCall(x[i])][int(v)] += wi
	}
	for c := range 2 {
		m.BaseRate[c] = (calls[c][1] + 1) / (calls[c][0] + calls[c][1] + 2)
	}
	off := make([]float64, len(x))
	for i := range x {
		off[i] = m.offset(x[i])
	}
	// 1e-6 moves probabilities by far less than any figure shows.
	o := stats.LogisticOptions{Lambda: lambda, Offset: off, Weights: w, Tol: 1e-6}
	if start != nil && len(start.Coef) == p {
		// the same linear predictor on the new standardisation:
		// bⱼ' = bⱼ·sdⱼ'/sdⱼ, b₀' = b₀ + Σ(bⱼ/sdⱼ)(meanⱼ' − meanⱼ)
		warm := &stats.Logistic{Intercept: start.Intercept, Coef: make([]float64, p)}
		for j := range p {
			if start.SD[j] > 0 && m.SD[j] > 0 {
				r := start.Coef[j] / start.SD[j]
				warm.Coef[j] = r * m.SD[j]
				warm.Intercept += r * (m.Mean[j] - start.Mean[j])
			}
		}
		o.Start = warm
	}
	l, err := stats.FitLogistic(z, y, o)
	if err != nil {
		return Model{}, err
	}
	m.Intercept, m.Coef, m.Converged = l.Intercept, l.Coef, l.Converged
	return m, nil
}

func (m *Model) standardise(x, z []float64) {
	for j, v := range x {
		if m.SD[j] > 0 {
			z[j] = (v - m.Mean[j]) / m.SD[j]
		} else {
			z[j] = 0
		}
	}
}

func baseCall(x []float64) int {
	if len(x) > fProjectedMiss && x[fProjectedMiss] == 1 {
		return 1
	}
	return 0
}

func (m *Model) offset(x []float64) float64 {
	p := m.BaseRate[baseCall(x)]
	return math.Log(p / (1 - p))
}

// Baseline is the baseline's probability of a miss for one feature vector.
func (m *Model) Baseline(x []float64) float64 { return m.BaseRate[baseCall(x)] }

// Prob is the model's probability of a miss for one feature vector.
func (m *Model) Prob(x []float64) float64 {
	eta := m.offset(x) + m.Intercept
	for j, v := range x {
		if m.SD[j] > 0 {
			eta += m.Coef[j] * (v - m.Mean[j]) / m.SD[j]
		}
	}
	if eta >= 0 {
		return 1 / (1 + math.Exp(-eta))
	}
	e := math.Exp(eta)
	return e / (1 + e)
}

// Contributions are bⱼ·zⱼ per feature: how far each moves the log-odds from
// the intercept (positive: towards a miss).
func (m *Model) Contributions(x []float64) []float64 {
	out := make([]float64, len(x))
	for j, v := range x {
		if m.SD[j] > 0 {
			out[j] = m.Coef[j] * (v - m.Mean[j]) / m.SD[j]
		}
	}
	return out
}
