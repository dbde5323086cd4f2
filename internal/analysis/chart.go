package analysis

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"slate/internal/stats"
)

// Why the charts are chosen. A ratio SLT's period value is a proportion of
// nᵢ units, so its binomial spread shrinks with nᵢ and a p-chart gives each
// period its own limits. But with thousands of units a period (a month of
// minutes, of parcels) the binomial σ is tiny, while real periods also
// differ for reasons outside the binomial model (outages come in lumps):
// a plain p-chart then flags nearly every period. Laney's p′ chart keeps the
// per-period shape √(p̄(1−p̄)/nᵢ) and scales it by σz, the observed
// period-to-period variation of the standardised values (moving range of
// zᵢ / 1.128), so it reduces to the p-chart when the data are binomial and
// to an XmR chart on the standardised values when they are not. Values that
// are not proportions (a mean, a p95) have no count model: XmR.
const (
	whyLaney = "ratio SLT with unit counts per period: Laney p′ chart (p-chart limits √(p̄(1−p̄)/nᵢ) for each period's size, widened by the observed period-to-period variation σz, so large counts do not flag every period)"
	whyP     = "p-chart as requested: limits from the binomial spread of each period's count alone"
	whyXmR   = "individuals (XmR) chart: one value per period with no count model, limits from the average moving range"
)

func buildChart(in Input, ps []Period, lo, hi int, rules stats.RuleSet) (*Chart, error) {
	kind := in.Chart
	counted := in.Ratio
	for _, p := range ps {
		if !(p.Eligible > 0) {
			counted = false
		}
	}
	if kind == ChartAuto {
		kind = ChartXmR
		if counted {
			kind = ChartLaneyP
		}
	}
	if (kind == ChartP || kind == ChartLaneyP) && !counted {
		return nil, fmt.Errorf("%w: a %s chart needs a ratio SLT with eligible units in every period", ErrInput, kind)
	}
	n := len(ps)
	vals := make([]float64, n)
	for i, p := range ps {
		vals[i] = p.Value
	}
	c := &Chart{Kind: kind, Rules: in.Rules, Points: make([]ChartPoint, n), Violations: []Violation{}}
	var center, sd []float64
	var sv []stats.Violation
	switch kind {
	case ChartXmR:
		c.Why = whyXmR
		x, err := stats.XmR(vals, stats.ChartOptions{Baseline: stats.Range{From: lo + 1, To: hi}, Rules: rules})
		if errors.Is(err, stats.ErrConstant) {
			return nil, fmt.Errorf("%w: the baseline %s..%s does not vary, so it sets no limits; choose a baseline with some variation",
				ErrInput, ps[lo].Label, ps[hi-1].Label)
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrInput, err)
		}
		c.Center, c.Sigma, c.MRBar, c.MRUCL = x.X.CL(), x.X.Sigma, x.MRBar, x.MRUCL
		for i := range c.Points {
			c.Points[i].LCL, c.Points[i].UCL = x.X.LCL[i], x.X.UCL[i]
			if i > 0 {
				mr := x.MR.Points[i]
				c.Points[i].MR = &mr
			}
		}
		center = x.X.Center
		sv = x.X.Violations
		// Moving ranges above their limit are special causes too (a jump between periods).
		for _, v := range x.MR.Violations {
			v.Rule = "mr-1"
			v.Description = "moving range above its upper limit (a jump from the previous period)"
			v.Span[0] = v.Index - 1
			sv = append(sv, v)
		}
	default:
		// Attainment = 1 − p: the centre is 1 − p̄; σ is symmetric, and the
		// rules are symmetric, so charting attainment directly changes only
		// the side named in the descriptions (which then read naturally).
		var bad, elig float64
		for i := lo; i < hi; i++ {
			bad += ps[i].Eligible - ps[i].Good
			elig += ps[i].Eligible
		}
		pbar := bad / elig
		if pbar <= 0 || pbar >= 1 {
			return nil, fmt.Errorf("%w: every unit in the baseline %s..%s is %s, so it sets no limits; choose a baseline with some variation",
				ErrInput, ps[lo].Label, ps[hi-1].Label, map[bool]string{true: "good", false: "bad"}[pbar <= 0])
		}
		sd = make([]float64, n)
		for i, p := range ps {
			sd[i] = math.Sqrt(pbar * (1 - pbar) / p.Eligible)
		}
		scale := 1.0
		c.Why = whyP
		if kind == ChartLaneyP {
			c.Why = whyLaney
			var mr float64
			for i := lo + 1; i < hi; i++ {
				zi := (vals[i] - (1 - pbar)) / sd[i]
				zp := (vals[i-1] - (1 - pbar)) / sd[i-1]
				mr += math.Abs(zi - zp)
			}
			scale = mr / float64(hi-lo-1) / 1.128
			if !(scale > 0) {
				return nil, fmt.Errorf("%w: the baseline %s..%s does not vary, so it sets no limits; choose a baseline with some variation",
					ErrInput, ps[lo].Label, ps[hi-1].Label)
			}
			c.SigmaZ = scale
		}
		var nbar float64
		for i := lo; i < hi; i++ {
			nbar += ps[i].Eligible
		}
		nbar /= float64(hi - lo)
		c.Center = 1 - pbar
		c.Sigma = scale * math.Sqrt(pbar*(1-pbar)/nbar)
		center = make([]float64, n)
		for i := range sd {
			sd[i] *= scale
			center[i] = c.Center
			c.Points[i].LCL = math.Max(0, c.Center-3*sd[i])
			c.Points[i].UCL = math.Min(1, c.Center+3*sd[i])
			if c.Points[i].LCL != c.Points[0].LCL || c.Points[i].UCL != c.Points[0].UCL {
				c.VaryingLimits = true
			}
		}
		sv = stats.ApplyRules(rules, stats.Zones(vals, center, sd))
	}
	for i, p := range ps {
		cp := &c.Points[i]
		cp.Index, cp.Label, cp.Start, cp.End, cp.Value, cp.Eligible = i+1, p.Label, p.Start, p.End, p.Value, p.Eligible
		cp.Center = center[i]
		cp.InBaseline = i >= lo && i < hi
		cp.Rules = []string{}
		if in.Target != nil {
			met := !fails(in.Op, p.Value, *in.Target)
			cp.Met = &met
		}
	}
	slices.SortStableFunc(sv, func(a, b stats.Violation) int { return a.Index - b.Index })
	for _, v := range sv {
		c.Violations = append(c.Violations, Violation{Rule: v.Rule, Direction: direction(in, c, vals, v), Index: v.Index, Span: v.Span,
			Label: ps[v.Index-1].Label, SpanLabels: [2]string{ps[v.Span[0]-1].Label, ps[v.Span[1]-1].Label},
			Description: v.Description})
		cp := &c.Points[v.Index-1]
		cp.Rules = append(cp.Rules, v.Rule)
	}
	return c, nil
}
