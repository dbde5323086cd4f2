package stats

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// Correlation is a correlation coefficient with its two-sided p-value.
type Correlation struct {
	N int
	R float64
	P float64 // two-sided, from t = r√((n−2)/(1−r²)) with n−2 df
}

// Pearson returns the Pearson correlation r = Sxy/√(Sxx·Syy) (two-pass) and
// its p-value from Student's t with n−2 degrees of freedom. It needs three
// pairs and neither series constant.
func Pearson(x, y []float64) (Correlation, error) {
	n := len(x)
	if len(y) != n {
		return Correlation{}, ErrLength
	}
	if n < 3 {
		return Correlation{}, ErrTooShort
	}
	mx, my := Mean(x), Mean(y)
	var sxx, syy, sxy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxx += dx * dx
		syy += dy * dy
		sxy += dx * dy
	}
	if sxx == 0 || syy == 0 {
		return Correlation{}, ErrConstant
	}
	r := sxy / math.Sqrt(sxx*syy)
	r = math.Max(-1, math.Min(1, r))
	return Correlation{N: n, R: r, P: corrP(r, n)}, nil
}

// corrP is the two-sided p-value of r under H0: ρ = 0, using t with n−2 df.
func corrP(r float64, n int) float64 {
	if math.Abs(r) >= 1 {
		return 0
	}
	df := float64(n - 2)
	t := r * math.Sqrt(df/(1-r*r))
	return 2 * distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Survival(math.Abs(t))
}

// Ranks returns the 1-based ranks of x, ties given the average of the ranks
// they span.
func Ranks(x []float64) []float64 {
	n := len(x)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		switch {
		case x[a] < x[b]:
			return -1
		case x[a] > x[b]:
			return 1
		}
		return 0
	})
	r := make([]float64, n)
	for i := 0; i < n; {
		j := i + 1
		for j < n && x[idx[j]] == x[idx[i]] {
			j++
		}
		avg := float64(i+j+1) / 2 // mean of ranks i+1..j
		for k := i; k < j; k++ {
			r[idx[k]] = avg
		}
		i = j
	}
	return r
}

// Spearman returns Spearman's rank correlation: the Pearson correlation of
// the ranks (ties averaged), with the p-value from the same t approximation.
func Spearman(x, y []float64) (Correlation, error) {
	if len(x) != len(y) {
		return Correlation{}, ErrLength
	}
	return Pearson(Ranks(x), Ranks(y))
}

// CrossCorr is the cross-correlation of two series over a range of lags.
type CrossCorr struct {
	Lags    []int
	R       []float64 // NaN where a lag has fewer than three pairs or a constant part
	BestLag int       // lag with the largest |r|
	BestR   float64
}

// CrossCorrelation computes r(k) = Pearson(xₜ, yₜ₊ₖ) over the overlapping
// pairs for k = −maxLag..maxLag. A best lag k > 0 means x leads y by k steps
// (changes in x show up in y k steps later); k < 0 means y leads x.
func CrossCorrelation(x, y []float64, maxLag int) (CrossCorr, error) {
	n := len(x)
	if len(y) != n {
		return CrossCorr{}, ErrLength
	}
	if maxLag < 0 {
		return CrossCorr{}, ErrParam
	}
	if n < 3 {
		return CrossCorr{}, ErrTooShort
	}
	maxLag = min(maxLag, n-3)
	c := CrossCorr{BestR: math.NaN()}
	for k := -maxLag; k <= maxLag; k++ {
		var xs, ys []float64
		if k >= 0 {
			xs, ys = x[:n-k], y[k:]
		} else {
			xs, ys = x[-k:], y[:n+k]
		}
		r := math.NaN()
		if p, err := Pearson(xs, ys); err == nil {
			r = p.R
		}
		c.Lags = append(c.Lags, k)
		c.R = append(c.R, r)
		if !math.IsNaN(r) && (math.IsNaN(c.BestR) || math.Abs(r) > math.Abs(c.BestR) ||
			(math.Abs(r) == math.Abs(c.BestR) && abs(k) < abs(c.BestLag))) {
			c.BestLag, c.BestR = k, r
		}
	}
	if math.IsNaN(c.BestR) {
		return c, ErrConstant
	}
	return c, nil
}

func abs(k int) int {
	if k < 0 {
		return -k
	}
	return k
}
