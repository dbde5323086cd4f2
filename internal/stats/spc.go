package stats

import (
	"fmt"
	"math"
)

// Range is a 1-based inclusive range of points [From, To] used as the
// baseline (phase I) of a chart: limits are computed from these points and
// applied to all points. The zero Range means "all points".
type Range struct{ From, To int }

// bounds returns the 0-based half-open [lo, hi) for n points.
func (r Range) bounds(n int) (int, int, error) {
	if r.From == 0 && r.To == 0 {
		return 0, n, nil
	}
	if r.From < 1 || r.To < r.From || r.To > n {
		return 0, 0, fmt.Errorf("%w: points %d..%d of %d", ErrRange, r.From, r.To, n)
	}
	return r.From - 1, r.To, nil
}

// ChartOptions are the options shared by the Shewhart charts.
type ChartOptions struct {
	Baseline Range   // points that set the limits; zero = all
	Rules    RuleSet // run rules applied to the main chart
}

// Chart is one control chart. Center, LCL and UCL hold the per-point values
// (always len(Points)); Varying reports whether they differ between points
// (otherwise CL(), LowerLimit() and UpperLimit() give the constant value).
// Sigma is the estimated process standard deviation (per individual value;
// for attribute charts, the σ at the average subgroup size).
type Chart struct {
	Kind       string
	Points     []float64
	Center     []float64
	LCL        []float64
	UCL        []float64
	Varying    bool
	Sigma      float64
	Violations []Violation
}

// CL returns the centre line of the first point (the constant centre when !Varying).
func (c Chart) CL() float64 { return first(c.Center) }

// LowerLimit returns the LCL of the first point (the constant LCL when !Varying).
func (c Chart) LowerLimit() float64 { return first(c.LCL) }

// UpperLimit returns the UCL of the first point (the constant UCL when !Varying).
func (c Chart) UpperLimit() float64 { return first(c.UCL) }

func first(x []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	return x[0]
}

// newChart fills limits centreᵢ ± width·sdᵢ, clipped to [floor, ceil], and
// applies rules on the standardised points.
func newChart(kind string, pts, center, sd []float64, width, floor, ceil, sigma float64, rules RuleSet) Chart {
	n := len(pts)
	c := Chart{Kind: kind, Points: pts, Center: center, LCL: make([]float64, n), UCL: make([]float64, n), Sigma: sigma}
	for i := range pts {
		c.LCL[i] = math.Max(floor, center[i]-width*sd[i])
		c.UCL[i] = math.Min(ceil, center[i]+width*sd[i])
		if i > 0 && (center[i] != center[0] || c.LCL[i] != c.LCL[0] || c.UCL[i] != c.UCL[0]) {
			c.Varying = true
		}
	}
	c.Violations = ApplyRules(rules, Zones(pts, center, sd))
	return c
}

func fill(n int, v float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// XmRChart is an individuals chart with its moving-range chart.
type XmRChart struct {
	X     Chart
	MR    Chart // MR.Points[0] is NaN (no range for the first point)
	MRBar float64
	MRUCL float64
}

// XmR builds the individuals and moving-range charts: CL = mean of the
// baseline, MR̄ = mean of |xᵢ − xᵢ₋₁| over consecutive baseline points,
// σ̂ = MR̄/1.128 (d2 for n = 2), limits CL ± 3σ̂; MR chart CL = MR̄,
// UCL = 3.267·MR̄, LCL = 0 (only points above the UCL are flagged there).
// The baseline needs at least two points and some variation.
func XmR(x []float64, o ChartOptions) (XmRChart, error) {
	n := len(x)
	if n == 0 {
		return XmRChart{}, ErrEmpty
	}
	lo, hi, err := o.Baseline.bounds(n)
	if err != nil {
		return XmRChart{}, err
	}
	if hi-lo < 2 {
		return XmRChart{}, ErrTooShort
	}
	cl := Mean(x[lo:hi])
	mr := make([]float64, n)
	mr[0] = math.NaN()
	for i := 1; i < n; i++ {
		mr[i] = math.Abs(x[i] - x[i-1])
	}
	mrBar := Mean(mr[lo+1 : hi])
	if !(mrBar > 0) {
		return XmRChart{}, ErrConstant
	}
	sigma := mrBar / 1.128
	r := XmRChart{MRBar: mrBar, MRUCL: 3.267 * mrBar}
	r.X = newChart("xmr", x, fill(n, cl), fill(n, sigma), 3, math.Inf(-1), math.Inf(1), sigma, o.Rules)
	// MR chart: CL ± 3·d3·σ̂ with D4(2) = 3.267 → sd = (3.267−1)·MR̄/3.
	r.MR = newChart("mr", mr, fill(n, mrBar), fill(n, (3.267-1)*mrBar/3), 3, 0, math.Inf(1), sigma, RulesNone)
	return r, nil
}

// SubgroupChart is an X̄ chart with its R or S chart.
type SubgroupChart struct {
	Xbar   Chart
	Spread Chart // R chart (XbarR) or S chart (XbarS)
	Sizes  []int
}

func checkGroups(groups [][]float64, o ChartOptions) (int, int, error) {
	if len(groups) == 0 {
		return 0, 0, ErrEmpty
	}
	for _, g := range groups {
		if len(g) < MinSubgroup || len(g) > MaxSubgroup {
			return 0, 0, fmt.Errorf("%w: subgroup size %d outside %d..%d", ErrParam, len(g), MinSubgroup, MaxSubgroup)
		}
	}
	return o.Baseline.bounds(len(groups))
}

// XbarR builds X̄ and R charts for subgroups of size 2..25 (sizes may differ).
// σ̂ = mean over baseline subgroups of Rᵢ/d2(nᵢ) (= R̄/d2 for equal sizes);
// X̄ chart CL = size-weighted grand mean of the baseline, limits
// CL ± 3σ̂/√nᵢ (= A2·R̄); R chart CL = d2(nᵢ)σ̂ (= R̄), limits
// CL ± 3·d3(nᵢ)σ̂ with LCL ≥ 0 (= D3·R̄, D4·R̄).
func XbarR(groups [][]float64, o ChartOptions) (SubgroupChart, error) {
	return subgroupChart(groups, o, false)
}

// XbarS builds X̄ and S charts for subgroups of size 2..25 (sizes may differ).
// σ̂ = mean over baseline subgroups of sᵢ/c4(nᵢ) (= S̄/c4 for equal sizes);
// X̄ limits CL ± 3σ̂/√nᵢ (= A3·S̄); S chart CL = c4(nᵢ)σ̂ (= S̄), limits
// CL ± 3σ̂√(1−c4²) with LCL ≥ 0 (= B3·S̄, B4·S̄).
func XbarS(groups [][]float64, o ChartOptions) (SubgroupChart, error) {
	return subgroupChart(groups, o, true)
}

func subgroupChart(groups [][]float64, o ChartOptions, useS bool) (SubgroupChart, error) {
	lo, hi, err := checkGroups(groups, o)
	if err != nil {
		return SubgroupChart{}, err
	}
	m := len(groups)
	means := make([]float64, m)
	spread := make([]float64, m)
	sizes := make([]int, m)
	cs := make([]Constants, m)
	for i, g := range groups {
		sizes[i] = len(g)
		cs[i], _ = ChartConstants(len(g))
		means[i] = Mean(g)
		if useS {
			spread[i] = StdDev(g)
		} else {
			mn, mx := g[0], g[0]
			for _, v := range g {
				mn, mx = math.Min(mn, v), math.Max(mx, v)
			}
			spread[i] = mx - mn
		}
	}
	var sigma, wsum, xsum float64
	for i := lo; i < hi; i++ {
		if useS {
			sigma += spread[i] / cs[i].C4
		} else {
			sigma += spread[i] / cs[i].D2
		}
		wsum += float64(sizes[i])
		xsum += float64(sizes[i]) * means[i]
	}
	sigma /= float64(hi - lo)
	if !(sigma > 0) {
		return SubgroupChart{}, ErrConstant
	}
	// Weighted grand mean, with a second pass for precision.
	cl := xsum / wsum
	var corr float64
	for i := lo; i < hi; i++ {
		corr += float64(sizes[i]) * (means[i] - cl)
	}
	cl += corr / wsum

	xsd := make([]float64, m)
	scl := make([]float64, m)
	ssd := make([]float64, m)
	for i := range groups {
		xsd[i] = sigma / math.Sqrt(float64(sizes[i]))
		if useS {
			scl[i] = cs[i].C4 * sigma
			ssd[i] = sigma * math.Sqrt(1-cs[i].C4*cs[i].C4)
		} else {
			scl[i] = cs[i].D2 * sigma
			ssd[i] = cs[i].D3 * sigma
		}
	}
	kind := "r"
	if useS {
		kind = "s"
	}
	return SubgroupChart{
		Xbar:   newChart("xbar-"+kind, means, fill(m, cl), xsd, 3, math.Inf(-1), math.Inf(1), sigma, o.Rules),
		Spread: newChart(kind, spread, scl, ssd, 3, 0, math.Inf(1), sigma, RulesNone),
		Sizes:  sizes,
	}, nil
}

// PChart builds a p-chart for defectives dᵢ out of nᵢ (sizes may vary):
// pᵢ = dᵢ/nᵢ, p̄ = Σd/Σn over the baseline, limits p̄ ± 3√(p̄(1−p̄)/nᵢ)
// clipped to [0, 1]. Sigma is √(p̄(1−p̄)/n̄) at the average baseline size.
func PChart(defects, sizes []float64, o ChartOptions) (Chart, error) {
	pts, center, err := attribute(defects, sizes, o, true)
	if err != nil {
		return Chart{}, err
	}
	if center >= 1 {
		return Chart{}, ErrConstant
	}
	return attributeChart("p", pts, sizes, center, center*(1-center), o, 1)
}

// CChart builds a c-chart for counts of nonconformities per equal-sized unit:
// CL = c̄ (baseline mean), limits c̄ ± 3√c̄, LCL ≥ 0.
func CChart(counts []float64, o ChartOptions) (Chart, error) {
	ones := fill(len(counts), 1)
	pts, center, err := attribute(counts, ones, o, false)
	if err != nil {
		return Chart{}, err
	}
	return attributeChart("c", pts, ones, center, center, o, math.Inf(1))
}

// UChart builds a u-chart for counts cᵢ over nᵢ units (sizes may vary):
// uᵢ = cᵢ/nᵢ, ū = Σc/Σn over the baseline, limits ū ± 3√(ū/nᵢ), LCL ≥ 0.
func UChart(counts, units []float64, o ChartOptions) (Chart, error) {
	pts, center, err := attribute(counts, units, o, false)
	if err != nil {
		return Chart{}, err
	}
	return attributeChart("u", pts, units, center, center, o, math.Inf(1))
}

func attribute(counts, sizes []float64, o ChartOptions, proportion bool) ([]float64, float64, error) {
	n := len(counts)
	if n == 0 {
		return nil, 0, ErrEmpty
	}
	if len(sizes) != n {
		return nil, 0, ErrLength
	}
	lo, hi, err := o.Baseline.bounds(n)
	if err != nil {
		return nil, 0, err
	}
	pts := make([]float64, n)
	for i := range counts {
		if !(sizes[i] > 0) || counts[i] < 0 || (proportion && counts[i] > sizes[i]) {
			return nil, 0, fmt.Errorf("%w: point %d: count %g of size %g", ErrParam, i+1, counts[i], sizes[i])
		}
		pts[i] = counts[i] / sizes[i]
	}
	var sc, sn float64
	for i := lo; i < hi; i++ {
		sc += counts[i]
		sn += sizes[i]
	}
	center := sc / sn
	if center == 0 {
		return nil, 0, ErrConstant
	}
	return pts, center, nil
}

// attributeChart: the variance of one unit is v; point i has sd √(v/nᵢ).
func attributeChart(kind string, pts, sizes []float64, center, v float64, o ChartOptions, ceil float64) (Chart, error) {
	n := len(pts)
	sd := make([]float64, n)
	for i := range sd {
		sd[i] = math.Sqrt(v / sizes[i])
	}
	lo, hi, _ := o.Baseline.bounds(n)
	nbar := Mean(sizes[lo:hi])
	return newChart(kind, pts, fill(n, center), sd, 3, 0, ceil, math.Sqrt(v/nbar), o.Rules), nil
}

// EWMAOptions configure an EWMA chart. Center and Sigma are the in-control
// mean and the standard deviation of one plotted value; when Sigma is 0 both
// are estimated from the baseline (mean, and MR̄/1.128).
type EWMAOptions struct {
	Lambda   float64 // weight of the newest point, 0 < λ ≤ 1 (default 0.2)
	L        float64 // width of the limits in σ units (default 3)
	Center   float64
	Sigma    float64
	Baseline Range
}

// EWMA builds an exponentially weighted moving-average chart:
// z₀ = CL, zᵢ = λxᵢ + (1−λ)zᵢ₋₁, limits CL ± L·σ·√(λ/(2−λ)·(1−(1−λ)^{2i})).
// Points are the zᵢ; a point outside its limits is flagged with rule "ewma".
func EWMA(x []float64, o EWMAOptions) (Chart, error) {
	n := len(x)
	if n == 0 {
		return Chart{}, ErrEmpty
	}
	if o.Lambda == 0 {
		o.Lambda = 0.2
	}
	if o.L == 0 {
		o.L = 3
	}
	if !(o.Lambda > 0 && o.Lambda <= 1) || !(o.L > 0) || o.Sigma < 0 {
		return Chart{}, ErrParam
	}
	center, sigma, err := centerSigma(x, o.Center, o.Sigma, o.Baseline)
	if err != nil {
		return Chart{}, err
	}
	lam := o.Lambda
	z := make([]float64, n)
	sd := make([]float64, n)
	prev := center
	for i, v := range x {
		prev = lam*v + (1-lam)*prev
		z[i] = prev
		sd[i] = sigma * math.Sqrt(lam/(2-lam)*(1-math.Pow(1-lam, 2*float64(i+1))))
	}
	c := newChart("ewma", z, fill(n, center), sd, o.L, math.Inf(-1), math.Inf(1), sigma, RulesNone)
	c.Violations = nil
	for i := range z {
		if z[i] > c.UCL[i] || z[i] < c.LCL[i] {
			c.Violations = append(c.Violations, Violation{"ewma", i + 1, [2]int{i + 1, i + 1},
				fmt.Sprintf("moving average %s its control limit (%g sigma)", outsideWord(z[i] > c.UCL[i]), o.L)})
		}
	}
	return c, nil
}

func outsideWord(up bool) string {
	if up {
		return "above the upper"
	}
	return "below the lower"
}

// centerSigma returns the given centre and sigma, or estimates both from the
// baseline points (mean; MR̄/1.128) when sigma is 0.
func centerSigma(x []float64, center, sigma float64, b Range) (float64, float64, error) {
	if sigma > 0 {
		return center, sigma, nil
	}
	lo, hi, err := b.bounds(len(x))
	if err != nil {
		return 0, 0, err
	}
	if hi-lo < 2 {
		return 0, 0, ErrTooShort
	}
	var mr float64
	for i := lo + 1; i < hi; i++ {
		mr += math.Abs(x[i] - x[i-1])
	}
	mr /= float64(hi - lo - 1)
	if !(mr > 0) {
		return 0, 0, ErrConstant
	}
	return Mean(x[lo:hi]), mr / 1.128, nil
}

// CUSUMOptions configure a tabular CUSUM. K and H are in σ units
// (defaults 0.5 and 5); Target and Sigma as for EWMAOptions.
type CUSUMOptions struct {
	K, H     float64
	Target   float64
	Sigma    float64
	Baseline Range
}

// CUSUMChart is a tabular CUSUM: Chart.Points are the data, Chart.Center the
// target μ₀, UCL = +H·σ and LCL = −H·σ (the decision interval for C⁺ and −C⁻).
type CUSUMChart struct {
	Chart
	CPlus, CMinus []float64
}

// CUSUM computes the tabular CUSUM (Montgomery §9.1):
// C⁺ᵢ = max(0, xᵢ − (μ₀ + Kσ) + C⁺ᵢ₋₁), C⁻ᵢ = max(0, (μ₀ − Kσ) − xᵢ + C⁻ᵢ₋₁),
// C₀ = 0; a point signals ("cusum-upper"/"cusum-lower") when C⁺ or C⁻ > Hσ,
// with the span starting where that sum last left zero.
func CUSUM(x []float64, o CUSUMOptions) (CUSUMChart, error) {
	n := len(x)
	if n == 0 {
		return CUSUMChart{}, ErrEmpty
	}
	if o.K == 0 {
		o.K = 0.5
	}
	if o.H == 0 {
		o.H = 5
	}
	if o.K < 0 || !(o.H > 0) || o.Sigma < 0 {
		return CUSUMChart{}, ErrParam
	}
	mu, sigma, err := centerSigma(x, o.Target, o.Sigma, o.Baseline)
	if err != nil {
		return CUSUMChart{}, err
	}
	h, k := o.H*sigma, o.K*sigma
	r := CUSUMChart{CPlus: make([]float64, n), CMinus: make([]float64, n)}
	r.Chart = Chart{Kind: "cusum", Points: x, Center: fill(n, mu), LCL: fill(n, -h), UCL: fill(n, h), Sigma: sigma}
	var cp, cm float64
	sp, sm := 1, 1
	for i, v := range x {
		if cp == 0 {
			sp = i + 1
		}
		if cm == 0 {
			sm = i + 1
		}
		cp = math.Max(0, v-(mu+k)+cp)
		cm = math.Max(0, (mu-k)-v+cm)
		r.CPlus[i], r.CMinus[i] = cp, cm
		if cp > h {
			r.Violations = append(r.Violations, Violation{"cusum-upper", i + 1, [2]int{sp, i + 1},
				fmt.Sprintf("upper cumulative sum above %g sigma: sustained upward shift", o.H)})
		}
		if cm > h {
			r.Violations = append(r.Violations, Violation{"cusum-lower", i + 1, [2]int{sm, i + 1},
				fmt.Sprintf("lower cumulative sum above %g sigma: sustained downward shift", o.H)})
		}
	}
	return r, nil
}
