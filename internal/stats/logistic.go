package stats

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// Logistic is a fitted logistic regression P(y = 1 | x) = 1/(1 + e^−(o + b₀ + b·x)),
// o a known offset per row (0 without).
type Logistic struct {
	Intercept float64
	Coef      []float64
	Lambda    float64 // the L2 penalty it was fitted with
	Iter      int     // Newton steps taken
	Converged bool
	// LogLik is the log-likelihood at the estimate (without the penalty).
	LogLik float64
}

// LogisticOptions tune FitLogistic; the zero value is plain maximum likelihood.
type LogisticOptions struct {
	// Lambda is the L2 penalty on the slopes (not the intercept).
	Lambda float64
	// Weights (nil: all 1) weight the rows; Offset (nil: all 0) adds a known
	// term to each row's log-odds, so that the slopes describe departures
	// from it and the penalty shrinks towards it.
	Weights, Offset []float64
	// Start (nil: zeros) warm-starts the search.
	Start *Logistic
	// Tol ends the search once no coefficient moves by more than Tol times
	// max(1, its size) in a step (default 1e-10).
	Tol float64
}

// Prob returns the fitted probability for one row x (len(x) = len(Coef))
// with offset o.
func (l Logistic) Prob(x []float64, o float64) float64 {
	eta := o + l.Intercept
	for j, b := range l.Coef {
		eta += b * x[j]
	}
	return sigmoid(eta)
}

func sigmoid(eta float64) float64 {
	if eta >= 0 {
		return 1 / (1 + math.Exp(-eta))
	}
	e := math.Exp(eta)
	return e / (1 + e)
}

// log1pExp is log(1 + e^x) without overflow.
func log1pExp(x float64) float64 {
	if x > 35 {
		return x
	}
	if x < -35 {
		return math.Exp(x)
	}
	return math.Log1p(math.Exp(x))
}

// FitLogistic fits a logistic regression with an L2 (ridge) penalty by
// Newton–Raphson (iteratively reweighted least squares), maximising
//
//	Σᵢ wᵢ[yᵢ·ηᵢ − log(1 + e^ηᵢ)] − λ/2·Σⱼ bⱼ²,  ηᵢ = b₀ + Σⱼ bⱼxᵢⱼ,
//
// where the intercept b₀ is not penalised and ηᵢ also holds the row's offset,
// when given. Each step solves
// (XᵀWX + λI′)·Δ = Xᵀw(y − μ) − λb′ by Cholesky (gonum/mat), halving the step
// while the penalised objective would fall; it stops when no coefficient
// moves by more than o.Tol (relative to its size). x is n rows of p features
// and y holds 0 or 1. With λ = 0 and separable data there is no finite
// maximum: Converged is then false.
func FitLogistic(x [][]float64, y []float64, o LogisticOptions) (Logistic, error) {
	w, lambda, start, off := o.Weights, o.Lambda, o.Start, o.Offset
	tol := o.Tol
	if tol <= 0 {
		tol = 1e-10
	}
	n := len(x)
	if n == 0 {
		return Logistic{}, ErrEmpty
	}
	if len(y) != n || (w != nil && len(w) != n) || (off != nil && len(off) != n) {
		return Logistic{}, ErrLength
	}
	if lambda < 0 || math.IsNaN(lambda) {
		return Logistic{}, ErrParam
	}
	p := len(x[0])
	for i := range x {
		if len(x[i]) != p {
			return Logistic{}, ErrLength
		}
		for _, v := range x[i] {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return Logistic{}, ErrNotFinite
			}
		}
		if y[i] != 0 && y[i] != 1 {
			return Logistic{}, ErrParam
		}
	}
	k := p + 1 // parameters: intercept first
	beta := make([]float64, k)
	if start != nil && len(start.Coef) == p {
		beta[0] = start.Intercept
		copy(beta[1:], start.Coef)
	}
	weight := func(i int) float64 {
		if w == nil {
			return 1
		}
		return w[i]
	}
	offset := func(i int) float64 {
		if off == nil {
			return 0
		}
		return off[i]
	}
	objective := func(b []float64) float64 {
		var ll float64
		for i := range x {
			eta := offset(i) + b[0]
			for j := 0; j < p; j++ {
				eta += b[j+1] * x[i][j]
			}
			ll += weight(i) * (y[i]*eta - log1pExp(eta))
		}
		var pen float64
		for j := 1; j < k; j++ {
			pen += b[j] * b[j]
		}
		return ll - lambda/2*pen
	}
	h := mat.NewSymDense(k, nil)
	g := mat.NewVecDense(k, nil)
	delta := mat.NewVecDense(k, nil)
	row := make([]float64, k)
	next := make([]float64, k)
	hd := make([]float64, k*k)
	var chol mat.Cholesky
	res := Logistic{Lambda: lambda}
	obj := objective(beta)
	for res.Iter = 0; res.Iter < 100; res.Iter++ {
		clear(hd)
		gd := g.RawVector().Data
		clear(gd)
		for i := range x {
			row[0] = 1
			copy(row[1:], x[i])
			eta := offset(i)
			for j, v := range row {
				eta += beta[j] * v
			}
			mu := sigmoid(eta)
			wi := weight(i)
			r := wi * (y[i] - mu)
			v := wi * mu * (1 - mu)
			for a := 0; a < k; a++ {
				gd[a] += r * row[a]
				va := v * row[a]
				if va == 0 {
					continue
				}
				base := a * k
				for b := a; b < k; b++ {
					hd[base+b] += va * row[b]
				}
			}
		}
		for a := 0; a < k; a++ {
			if a > 0 {
				gd[a] -= lambda * beta[a]
				hd[a*k+a] += lambda
			}
			for b := a; b < k; b++ {
				h.SetSym(a, b, hd[a*k+b])
			}
		}
		if !chol.Factorize(h) {
			// Fully saturated fits leave XᵀWX singular: a tiny ridge keeps the step defined.
			for a := 0; a < k; a++ {
				h.SetSym(a, a, h.At(a, a)+1e-9)
			}
			if !chol.Factorize(h) {
				return res, ErrConstant
			}
		}
		if err := chol.SolveVecTo(delta, g); err != nil {
			return res, ErrConstant
		}
		d := delta.RawVector().Data
		step := 1.0
		var nobj float64
		for range 30 {
			for j := range beta {
				next[j] = beta[j] + step*d[j]
			}
			nobj = objective(next)
			if nobj >= obj-1e-12*math.Abs(obj) {
				break
			}
			step /= 2
		}
		moved := 0.0
		for j := range beta {
			moved = math.Max(moved, math.Abs(next[j]-beta[j])/math.Max(1, math.Abs(beta[j])))
		}
		beta, next, obj = next, beta, nobj
		if moved < tol {
			res.Converged = true
			res.Iter++
			break
		}
	}
	res.Intercept, res.Coef = beta[0], beta[1:]
	var ll float64
	for i := range x {
		eta := offset(i) + beta[0]
		for j := 0; j < p; j++ {
			eta += beta[j+1] * x[i][j]
		}
		ll += weight(i) * (y[i]*eta - log1pExp(eta))
	}
	res.LogLik = ll
	return res, nil
}
