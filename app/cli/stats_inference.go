package cli

import (
	"fmt"
	"io"
	"math"
	"text/tabwriter"

	"slate/internal/ingest"
	"slate/internal/stats"
)

// ---- trend ----

type breachJSON struct {
	Target      jnum  `json:"target"`
	Crosses     bool  `json:"crosses"`
	At          *jnum `json:"at"`
	Future      bool  `json:"future"`
	Approaching bool  `json:"approaching"`
}

type trendJSON struct {
	N                 int         `json:"n"`
	Slope             jnum        `json:"slope"`
	SlopeCI           [2]jnum     `json:"slope_ci"`
	Intercept         jnum        `json:"intercept"`
	R2                jnum        `json:"r2"`
	TheilSen          jnum        `json:"theil_sen"`
	TheilSenIntercept jnum        `json:"theil_sen_intercept"`
	MannKendallS      jnum        `json:"mann_kendall_s"`
	MannKendallZ      jnum        `json:"mann_kendall_z"`
	MannKendallP      jnum        `json:"mann_kendall_p"`
	TimeToBreach      *breachJSON `json:"time_to_breach,omitempty"`
}

func statsTrend(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	y, err := t.Floats(o.column)
	if err != nil {
		return nil, nil, err
	}
	x := make([]float64, len(y))
	if o.xCol != "" {
		if x, err = t.Floats(o.xCol); err != nil {
			return nil, nil, err
		}
	} else {
		for i := range x {
			x[i] = float64(i + 1)
		}
	}
	tr, err := stats.FitTrend(x, y)
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	j := trendJSON{N: tr.N, Slope: jnum(tr.Slope), SlopeCI: [2]jnum{jnum(tr.SlopeCI[0]), jnum(tr.SlopeCI[1])},
		Intercept: jnum(tr.Intercept), R2: jnum(tr.R2), TheilSen: jnum(tr.TheilSen), TheilSenIntercept: jnum(tr.TheilSenIntercept),
		MannKendallS: jnum(tr.MannKendall.S), MannKendallZ: jnum(tr.MannKendall.Z), MannKendallP: jnum(tr.MannKendall.P)}
	var b stats.Breach
	if o.targetSet {
		now := x[0]
		for _, v := range x {
			now = math.Max(now, v)
		}
		b = stats.TimeToBreach(tr.Slope, tr.Intercept, o.target, now)
		j.TimeToBreach = &breachJSON{Target: jnum(o.target), Crosses: b.Crosses, Future: b.Future, Approaching: b.Approaching}
		if b.Crosses {
			j.TimeToBreach.At = ptr(b.At)
		}
	}
	return j, func(w io.Writer) {
		fmt.Fprintf(w, "trend of\t%s (%d points)\n", o.column, tr.N)
		fmt.Fprintf(w, "OLS slope\t%s\t95%% CI [%s, %s]\n", fmtNum(tr.Slope), fmtNum(tr.SlopeCI[0]), fmtNum(tr.SlopeCI[1]))
		fmt.Fprintf(w, "intercept\t%s\tR² %s\n", fmtNum(tr.Intercept), fmtNum(tr.R2))
		fmt.Fprintf(w, "Theil–Sen slope\t%s\tintercept %s\n", fmtNum(tr.TheilSen), fmtNum(tr.TheilSenIntercept))
		fmt.Fprintf(w, "Mann–Kendall\tS %s\tz %s\tp %s\n", fmtNum(tr.MannKendall.S), fmtNum(tr.MannKendall.Z), fmtP(tr.MannKendall.P))
		if o.targetSet {
			switch {
			case !b.Crosses:
				fmt.Fprintf(w, "time to breach\tflat trend: never reaches %s\n", fmtNum(o.target))
			case b.Future:
				fmt.Fprintf(w, "time to breach\treaches %s at x = %s (approaching)\n", fmtNum(o.target), fmtNum(b.At))
			default:
				fmt.Fprintf(w, "time to breach\tcrossed %s at x = %s (moving away from it)\n", fmtNum(o.target), fmtNum(b.At))
			}
		}
	}, nil
}

// ---- correlation ----

type lagJSON struct {
	Lag int  `json:"lag"`
	R   jnum `json:"r"`
}

type corrJSON struct {
	N         int       `json:"n"`
	Pearson   jnum      `json:"pearson"`
	PearsonP  jnum      `json:"pearson_p"`
	Spearman  jnum      `json:"spearman"`
	SpearmanP jnum      `json:"spearman_p"`
	Lags      []lagJSON `json:"lags,omitempty"`
	BestLag   *int      `json:"best_lag,omitempty"`
	BestR     *jnum     `json:"best_r,omitempty"`
	Leads     string    `json:"leads,omitempty"`
}

func statsCorr(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	if o.with == "" {
		return nil, nil, usageError("stats corr needs --with COLUMN")
	}
	x, err := t.Floats(o.column)
	if err != nil {
		return nil, nil, err
	}
	y, err := t.Floats(o.with)
	if err != nil {
		return nil, nil, err
	}
	p, err := stats.Pearson(x, y)
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	s, err := stats.Spearman(x, y)
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	j := corrJSON{N: p.N, Pearson: jnum(p.R), PearsonP: jnum(p.P), Spearman: jnum(s.R), SpearmanP: jnum(s.P)}
	if o.lags > 0 {
		cc, err := stats.CrossCorrelation(x, y, o.lags)
		if err != nil {
			return nil, nil, statsErr(t, err)
		}
		for i, l := range cc.Lags {
			j.Lags = append(j.Lags, lagJSON{l, jnum(cc.R[i])})
		}
		j.BestLag, j.BestR = &cc.BestLag, ptr(cc.BestR)
		switch {
		case cc.BestLag > 0:
			j.Leads = fmt.Sprintf("%s leads %s by %d", o.column, o.with, cc.BestLag)
		case cc.BestLag < 0:
			j.Leads = fmt.Sprintf("%s leads %s by %d", o.with, o.column, -cc.BestLag)
		default:
			j.Leads = "strongest at lag 0 (no lead)"
		}
	}
	return j, func(w io.Writer) {
		fmt.Fprintf(w, "%s vs %s\t%d pairs\n", o.column, o.with, p.N)
		fmt.Fprintf(w, "Pearson r\t%s\tp %s\n", fmtNum(p.R), fmtP(p.P))
		fmt.Fprintf(w, "Spearman ρ\t%s\tp %s\n", fmtNum(s.R), fmtP(s.P))
		if j.BestLag != nil {
			fmt.Fprintf(w, "cross-correlation\tbest lag %d\tr %s\t%s\n", *j.BestLag, fmtNum(float64(*j.BestR)), j.Leads)
		}
	}, nil
}

// ---- two-sample tests ----

type testJSON struct {
	Test         string   `json:"test"`
	Groups       []string `json:"groups"`
	Statistic    jnum     `json:"statistic"`
	DF           *jnum    `json:"df,omitempty"`
	PValue       jnum     `json:"p_value"`
	Exact        bool     `json:"exact,omitempty"`
	Estimate     jnum     `json:"estimate"`
	EstimateName string   `json:"estimate_name"`
	CI           [2]jnum  `json:"ci"`
	EffectSize   jnum     `json:"effect_size"`
	EffectName   string   `json:"effect_name"`
	CohenD       jnum     `json:"cohen_d"`
	N1           int      `json:"n1"`
	N2           int      `json:"n2"`
	Mean1        jnum     `json:"mean1"`
	Mean2        jnum     `json:"mean2"`
	Alpha        jnum     `json:"alpha"`
	MinN         *int     `json:"min_n_per_group"`
	EnoughData   bool     `json:"enough_data"`
	Verdict      string   `json:"verdict"`
}

// twoSamples returns the first and second sample (by group value in order of
// first appearance, or the --before and --after row ranges) and their names.
func twoSamples(t *ingest.Columns, o statsOpts) (a, b []float64, names []string, err error) {
	x, err := t.Floats(o.column)
	if err != nil {
		return nil, nil, nil, err
	}
	switch {
	case o.group != "" && (o.before != "" || o.after != ""):
		return nil, nil, nil, usageError("give --group or --before/--after, not both")
	case o.group != "":
		g, err := t.Strings(o.group)
		if err != nil {
			return nil, nil, nil, err
		}
		for i, k := range g {
			idx := -1
			for j, n := range names {
				if n == k {
					idx = j
				}
			}
			if idx < 0 {
				if len(names) == 2 {
					return nil, nil, nil, fmt.Errorf("%s: column %q has more than two groups (%q, %q, %q ...)",
						t.Where(t.RowNum[i], o.group), o.group, names[0], names[1], k)
				}
				names = append(names, k)
				idx = len(names) - 1
			}
			if idx == 0 {
				a = append(a, x[i])
			} else {
				b = append(b, x[i])
			}
		}
		if len(names) < 2 {
			return nil, nil, nil, fmt.Errorf("%s: column %q needs exactly two groups", t.File, o.group)
		}
		return a, b, names, nil
	case o.before != "" && o.after != "":
		rb, err := parseRange("before", o.before)
		if err != nil {
			return nil, nil, nil, err
		}
		ra, err := parseRange("after", o.after)
		if err != nil {
			return nil, nil, nil, err
		}
		if rb.To > len(x) || ra.To > len(x) {
			return nil, nil, nil, fmt.Errorf("%s: range beyond the %d data rows", t.File, len(x))
		}
		return x[rb.From-1 : rb.To], x[ra.From-1 : ra.To], []string{"before " + o.before, "after " + o.after}, nil
	}
	return nil, nil, nil, usageError("stats %s needs --group COLUMN or --before A..B --after C..D", o.cmd)
}

func statsTwoSample(t *ingest.Columns, o statsOpts) (any, func(io.Writer), error) {
	a, b, names, err := twoSamples(t, o)
	if err != nil {
		return nil, nil, err
	}
	if !(o.alpha > 0 && o.alpha < 1) || !(o.power > 0 && o.power < 1) {
		return nil, nil, usageError("--alpha and --power must lie between 0 and 1")
	}
	// The estimate is second − first (after − before).
	var r stats.TestResult
	estName := "mean difference (" + names[1] + " − " + names[0] + ")"
	if o.cmd == "ttest" {
		r, err = stats.WelchTTest(b, a, 1-o.alpha)
	} else {
		r, err = stats.MannWhitney(b, a)
		estName = "Hodges–Lehmann shift (" + names[1] + " − " + names[0] + ")"
	}
	if err != nil {
		return nil, nil, statsErr(t, err)
	}
	j := testJSON{Test: r.Test, Groups: names, Statistic: jnum(r.Statistic), PValue: jnum(r.P), Exact: r.Exact,
		Estimate: jnum(r.Estimate), EstimateName: estName, CI: [2]jnum{jnum(r.CI[0]), jnum(r.CI[1])},
		EffectSize: jnum(r.EffectSize), EffectName: r.EffectName, CohenD: jnum(r.CohenD),
		N1: len(a), N2: len(b), Mean1: jnum(stats.Mean(a)), Mean2: jnum(stats.Mean(b)), Alpha: jnum(o.alpha)}
	if !math.IsNaN(r.DF) {
		j.DF = ptr(r.DF)
	}
	d := o.effect
	if d == 0 {
		d = r.CohenD
	}
	if n, err := stats.SampleSizeMeans(d, o.alpha, o.power); err == nil {
		if o.cmd == "mannwhitney" {
			n = int(math.Ceil(float64(n) / stats.ARE))
		}
		j.MinN = &n
		var msg string
		j.EnoughData, msg = stats.Enough(len(a), len(b), n)
		switch {
		case !j.EnoughData:
			j.Verdict = msg
		case r.P < o.alpha:
			j.Verdict = fmt.Sprintf("significant difference (p < %s)", fmtNum(o.alpha))
		default:
			j.Verdict = fmt.Sprintf("no significant difference (p ≥ %s)", fmtNum(o.alpha))
		}
	} else {
		j.Verdict = "no difference observed: give --effect d to plan the sample size"
	}
	return j, func(w io.Writer) {
		fmt.Fprintf(w, "test\t%s\n", r.Test)
		fmt.Fprintf(w, "groups\t%s (n %d, mean %s)\t%s (n %d, mean %s)\n", names[0], len(a), fmtNum(stats.Mean(a)), names[1], len(b), fmtNum(stats.Mean(b)))
		if j.DF != nil {
			fmt.Fprintf(w, "statistic\t%s\tdf %s\n", fmtNum(r.Statistic), fmtNum(r.DF))
		} else {
			fmt.Fprintf(w, "statistic\t%s\n", fmtNum(r.Statistic))
		}
		exact := ""
		if r.Exact {
			exact = " (exact)"
		}
		fmt.Fprintf(w, "p-value\t%s%s\n", fmtP(r.P), exact)
		fmt.Fprintf(w, "%s\t%s\tCI [%s, %s]\n", estName, fmtNum(r.Estimate), fmtNum(r.CI[0]), fmtNum(r.CI[1]))
		fmt.Fprintf(w, "effect size\t%s %s\n", r.EffectName, fmtNum(r.EffectSize))
		if j.MinN != nil {
			fmt.Fprintf(w, "min n per group\t%d\t(power %s, alpha %s)\n", *j.MinN, fmtNum(o.power), fmtNum(o.alpha))
		}
		fmt.Fprintf(w, "verdict\t%s\n", j.Verdict)
	}, nil
}

// ---- power ----

type powerJSON struct {
	Test         string `json:"test"`
	Effect       *jnum  `json:"effect,omitempty"`
	P1           *jnum  `json:"p1,omitempty"`
	P2           *jnum  `json:"p2,omitempty"`
	Alpha        jnum   `json:"alpha"`
	Power        jnum   `json:"power"`
	MinNPerGroup int    `json:"min_n_per_group"`
}

func statsPower(o statsOpts, stdout io.Writer) error {
	j := powerJSON{Alpha: jnum(o.alpha), Power: jnum(o.power)}
	var err error
	switch {
	case o.effect != 0 && (o.p1 != 0 || o.p2 != 0):
		return usageError("give --effect d or --p1/--p2, not both")
	case o.effect != 0:
		j.Test, j.Effect = "means", ptr(o.effect)
		j.MinNPerGroup, err = stats.SampleSizeMeans(o.effect, o.alpha, o.power)
	case o.p1 != 0 || o.p2 != 0:
		j.Test, j.P1, j.P2 = "proportions", ptr(o.p1), ptr(o.p2)
		j.MinNPerGroup, err = stats.SampleSizeProportions(o.p1, o.p2, o.alpha, o.power)
	default:
		return usageError("stats power needs --effect d, or --p1 P --p2 P")
	}
	if err != nil {
		return usageError("stats power: %v", err)
	}
	if o.json {
		return writeJSON(stdout, j)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	if j.Effect != nil {
		fmt.Fprintf(tw, "effect (Cohen d)\t%s\n", fmtNum(o.effect))
	} else {
		fmt.Fprintf(tw, "proportions\t%s vs %s\n", fmtNum(o.p1), fmtNum(o.p2))
	}
	fmt.Fprintf(tw, "alpha\t%s (two-sided)\npower\t%s\nmin n per group\t%d\n", fmtNum(o.alpha), fmtNum(o.power), j.MinNPerGroup)
	return tw.Flush()
}
