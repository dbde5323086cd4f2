package cli

import (
	"fmt"
	"io"

	"slate/internal/ingest"
	"slate/internal/stats"
)

// ---- charts ----

type violationJSON struct {
	Rule        string `json:"rule"`
	Index       int    `json:"index"`
	Span        [2]int `json:"span"`
	Description string `json:"description"`
}

type chartJSON struct {
	Chart      string          `json:"chart"`
	Center     any             `json:"center"`
	LCL        any             `json:"lcl"`
	UCL        any             `json:"ucl"`
	Sigma      jnum            `json:"sigma"`
	Points     []jnum          `json:"points"`
	Violations []violationJSON `json:"violations"`
	Baseline   *[2]int         `json:"baseline,omitempty"`

	MRBar        *jnum           `json:"mr_bar,omitempty"`
	MRUCL        *jnum           `json:"mr_ucl,omitempty"`
	MRPoints     []jnum          `json:"mr_points,omitempty"`
	MRViolations []violationJSON `json:"mr_violations,omitempty"`

	Sizes  []int      `json:"sizes,omitempty"`
	R      *chartJSON `json:"r,omitempty"`
	S      *chartJSON `json:"s,omitempty"`
	CPlus  []jnum     `json:"c_plus,omitempty"`
	CMinus []jnum     `json:"c_minus,omitempty"`
	Lambda *jnum      `json:"lambda,omitempty"`
	L      *jnum      `json:"L,omitempty"`
	K      *jnum      `json:"k,omitempty"`
	H      *jnum      `json:"h,omitempty"`
}

// limitJSON gives a number when the line is the same for every point, else an array.
func limitJSON(v []float64) any {
	if len(v) == 0 {
		return nil
	}
	for _, x := range v {
		if x != v[0] {
			return jnums(v)
		}
	}
	return jnum(v[0])
}

func violationsJSON(vs []stats.Violation) []violationJSON {
	out := make([]violationJSON, 0, len(vs))
	for _, v := range vs {
		out = append(out, violationJSON{v.Rule, v.Index, v.Span, v.Description})
	}
	return out
}

func toChartJSON(c stats.Chart, b stats.Range) *chartJSON {
	j := &chartJSON{
		Chart: c.Kind, Center: limitJSON(c.Center), LCL: limitJSON(c.LCL), UCL: limitJSON(c.UCL),
		Sigma: jnum(c.Sigma), Points: jnums(c.Points), Violations: violationsJSON(c.Violations),
	}
	if b.From > 0 {
		j.Baseline = &[2]int{b.From, b.To}
	}
	return j
}

func ptr(v float64) *jnum { j := jnum(v); return &j }

// chartText prints the limits and the violations of a chart.
func chartText(w io.Writer, title string, c stats.Chart) {
	fmt.Fprintf(w, "%s chart\t%d points\n", title, len(c.Points))
	if c.Varying {
		fmt.Fprintf(w, "  centre\t%s\t(limits vary by point; first point: LCL %s, UCL %s)\n",
			fmtNum(c.CL()), fmtNum(c.LowerLimit()), fmtNum(c.UpperLimit()))
	} else {
		fmt.Fprintf(w, "  centre\t%s\n  LCL\t%s\n  UCL\t%s\n", fmtNum(c.CL()), fmtNum(c.LowerLimit()), fmtNum(c.UpperLimit()))
	}
	fmt.Fprintf(w, "  sigma\t%s\n", fmtNum(c.Sigma))
	violationsText(w, c.Violations)
}

func violationsText(w io.Writer, vs []stats.Violation) {
	if len(vs) == 0 {
		fmt.Fprintln(w, "  violations\tnone")
		return
	}
	fmt.Fprintf(w, "  violations\t%d\n", len(vs))
	for _, v := range vs {
		span := fmt.Sprintf("points %d–%d", v.Span[0], v.Span[1])
		if v.Span[0] == v.Span[1] {
			span = fmt.Sprintf("point %d", v.Span[0])
		}
		fmt.Fprintf(w, "  point %d\t%s\t%s: %s\n", v.Index, v.Rule, span, v.Description)
	}
}

func statsXmR(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	co, err := o.chartOptions()
	if err != nil {
		return nil, nil, err
	}
	x, err := t.Floats(o.column)
	if err != nil {
		return nil, nil, err
	}
	c, err := stats.XmR(x, co)
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	j := toChartJSON(c.X, co.Baseline)
	j.MRBar, j.MRUCL = ptr(c.MRBar), ptr(c.MRUCL)
	j.MRPoints = jnums(c.MR.Points)
	j.MRViolations = violationsJSON(c.MR.Violations)
	return j, func(w io.Writer) {
		chartText(w, "individuals ("+o.column+")", c.X)
		fmt.Fprintf(w, "moving range\tMR̄ %s\tUCL %s\n", fmtNum(c.MRBar), fmtNum(c.MRUCL))
		violationsText(w, c.MR.Violations)
	}, nil
}

// subgroups splits a column into subgroups by a subgroup column (a new group
// whenever the value changes) or by a fixed size of consecutive rows.
func subgroups(t *ingest.Columns, o statsOpts) ([][]float64, error) {
	x, err := t.Floats(o.column)
	if err != nil {
		return nil, err
	}
	switch {
	case o.subgroup != "" && o.size > 0:
		return nil, usageError("give --subgroup or --size, not both")
	case o.subgroup != "":
		keys, err := t.Strings(o.subgroup)
		if err != nil {
			return nil, err
		}
		var groups [][]float64
		for i, k := range keys {
			if i == 0 || k != keys[i-1] {
				groups = append(groups, nil)
			}
			groups[len(groups)-1] = append(groups[len(groups)-1], x[i])
		}
		return groups, nil
	case o.size > 0:
		if len(x)%o.size != 0 {
			return nil, fmt.Errorf("%s: %d values do not split into subgroups of %d", t.File, len(x), o.size)
		}
		var groups [][]float64
		for i := 0; i < len(x); i += o.size {
			groups = append(groups, x[i:i+o.size])
		}
		return groups, nil
	}
	return nil, usageError("give --subgroup COLUMN or --size N")
}

func statsSubgroups(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	co, err := o.chartOptions()
	if err != nil {
		return nil, nil, err
	}
	groups, err := subgroups(t, o)
	if err != nil {
		return nil, nil, err
	}
	useS := o.cmd == "xbar-s"
	var c stats.SubgroupChart
	if useS {
		c, err = stats.XbarS(groups, co)
	} else {
		c, err = stats.XbarR(groups, co)
	}
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	j := toChartJSON(c.Xbar, co.Baseline)
	j.Sizes = c.Sizes
	spread := toChartJSON(c.Spread, co.Baseline)
	name := "range"
	if useS {
		j.S, name = spread, "standard deviation"
	} else {
		j.R = spread
	}
	return j, func(w io.Writer) {
		chartText(w, "X̄ ("+o.column+")", c.Xbar)
		chartText(w, name, c.Spread)
	}, nil
}

func statsAttribute(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	co, err := o.chartOptions()
	if err != nil {
		return nil, nil, err
	}
	counts, err := t.Floats(o.column)
	if err != nil {
		return nil, nil, err
	}
	var sizes []float64
	if o.cmd != "c" {
		if o.nCol == "" {
			return nil, nil, usageError("stats %s needs --n COLUMN (sample sizes)", o.cmd)
		}
		if sizes, err = t.Floats(o.nCol); err != nil {
			return nil, nil, err
		}
	}
	var c stats.Chart
	switch o.cmd {
	case "p":
		c, err = stats.PChart(counts, sizes, co)
	case "u":
		c, err = stats.UChart(counts, sizes, co)
	default:
		c, err = stats.CChart(counts, co)
	}
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	return toChartJSON(c, co.Baseline), func(w io.Writer) {
		chartText(w, o.cmd+" ("+o.column+")", c)
	}, nil
}

func statsEWMA(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	co, err := o.chartOptions()
	if err != nil {
		return nil, nil, err
	}
	x, err := t.Floats(o.column)
	if err != nil {
		return nil, nil, err
	}
	eo := stats.EWMAOptions{Lambda: o.lambda, L: o.L, Sigma: o.sigma, Baseline: co.Baseline}
	if o.sigma > 0 {
		if !o.targetSet {
			return nil, nil, usageError("--sigma needs --target (the in-control mean)")
		}
		eo.Center = o.target
	}
	c, err := stats.EWMA(x, eo)
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	j := toChartJSON(c, co.Baseline)
	j.Lambda, j.L = ptr(o.lambda), ptr(o.L)
	return j, func(w io.Writer) {
		fmt.Fprintf(w, "λ\t%s\nL\t%s\n", fmtNum(o.lambda), fmtNum(o.L))
		chartText(w, "EWMA ("+o.column+")", c)
	}, nil
}

func statsCUSUM(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	co, err := o.chartOptions()
	if err != nil {
		return nil, nil, err
	}
	x, err := t.Floats(o.column)
	if err != nil {
		return nil, nil, err
	}
	cu := stats.CUSUMOptions{K: o.k, H: o.h, Sigma: o.sigma, Baseline: co.Baseline}
	if o.sigma > 0 {
		if !o.targetSet {
			return nil, nil, usageError("--sigma needs --target (the in-control mean)")
		}
		cu.Target = o.target
	}
	c, err := stats.CUSUM(x, cu)
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	j := toChartJSON(c.Chart, co.Baseline)
	j.CPlus, j.CMinus = jnums(c.CPlus), jnums(c.CMinus)
	j.K, j.H = ptr(o.k), ptr(o.h)
	return j, func(w io.Writer) {
		fmt.Fprintf(w, "CUSUM (%s)\t%d points\n", o.column, len(x))
		fmt.Fprintf(w, "  target\t%s\n  sigma\t%s\n  k\t%s σ\n  h\t%s σ = %s\n",
			fmtNum(c.CL()), fmtNum(c.Sigma), fmtNum(o.k), fmtNum(o.h), fmtNum(c.UpperLimit()))
		violationsText(w, c.Violations)
	}, nil
}
