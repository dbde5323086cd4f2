package pack

import (
	"fmt"
	"math"
	"time"

	"slate/internal/calibrate"
	"slate/internal/domain"
	"slate/internal/plain"
	"slate/internal/predict"
	"slate/internal/report"
)

// ---- foresight: the forecast on each SLT page, calibration in data quality ----

// chanceCell is a probability of a miss as people read it: "76%", "< 1%".
func chanceCell(p report.Float) report.Cell {
	if !p.Valid() {
		return report.Null()
	}
	return report.Text(plain.PercentN(float64(p), 0))
}

// score3 is a Brier score or an AUC to three decimals.
func score3(v report.Float) report.Cell {
	if !v.Valid() {
		return report.Null()
	}
	return report.Number(math.Round(float64(v)*1000) / 1000)
}

func skillCell(v report.Float) report.Cell {
	if !v.Valid() {
		return report.Null()
	}
	s := plain.PercentN(math.Abs(float64(v)), 0)
	if v < 0 {
		return report.Text("-" + s)
	}
	return report.Text("+" + s)
}

// forecastBlocks are an SLT's chance of missing this period and the next,
// each row with the track record of its horizon beside it: a probability
// never stands alone.
func (pb *builder) forecastBlocks(s *domain.SLT) []report.Block {
	fc := pb.in.Forecast
	if fc == nil {
		return nil
	}
	title := "Forecast as of " + fc.At.Format(time.DateOnly)
	if fc.Status != "ok" {
		return []report.Block{report.NewNote(report.SeverityInfo, title, "No forecast: "+fc.Message+". A chance of missing is given only with a track record of past forecasts.")}
	}
	for _, why := range fc.Skipped {
		if len(why) > len(s.Name())+2 && why[:len(s.Name())+2] == s.Name()+": " {
			return []report.Block{report.NewNote(report.SeverityInfo, title, "Not forecast: "+why[len(s.Name())+2:]+".")}
		}
	}
	t := report.Table{Title: title, Columns: []report.Column{
		{Header: "Tier", Kind: report.ValueText}, {Header: "Forecast of", Kind: report.ValueText}, {Header: "Period", Kind: report.ValueText},
		{Header: "Chance of missing", Kind: report.ValueText}, {Header: "Shown", Kind: report.ValueText},
		{Header: "Brier score, model", Kind: report.ValueNumber}, {Header: "Brier score, baseline", Kind: report.ValueNumber},
		{Header: "Skill vs baseline", Kind: report.ValueText}, {Header: "AUC, shown", Kind: report.ValueNumber},
		{Header: "Decision points", Kind: report.ValueInteger},
	}, Caption: "Track record: a walk-forward backtest — at each past decision point the model was fitted on what was known then, and its forecast " +
		"and the baseline's (the burn rate so far projected to the period end) were scored against what happened. Brier score: mean squared error " +
		"of the chance (0 is perfect); skill = 1 − Brier(model) ÷ Brier(baseline); AUC: 0.5 is a coin toss, 1 perfect. The model is shown only " +
		"when it beats the baseline significantly; otherwise the baseline is."}
	tracks := [2]predict.Report{fc.Current, fc.Next}
	found := false
	for _, tf := range fc.Targets {
		if tf.SLT != s.Name() {
			continue
		}
		found = true
		tier := tf.Tier
		if tier == "" && len(s.Spec.Tiers) > 0 {
			tier = "overall"
		}
		for hz, p := range [2]predict.Probability{tf.Current, tf.Next} {
			r := tracks[hz]
			label, period := "this period", tf.Period.Key
			if hz == predict.Next {
				label, period = "next period", tf.NextPeriod.Key
			}
			if r.Status != "ok" {
				t.Rows = append(t.Rows, report.Row{Cells: []report.Cell{textOr(tier, "—"), report.Text(label), report.Text(period),
					report.Text(r.Message), report.Null(), report.Null(), report.Null(), report.Null(), report.Null(), report.Integer(int64(r.DecisionPoints))}})
				continue
			}
			shown := r.Model
			if r.Use != "model" {
				shown = r.Baseline
			}
			rag := report.RAGGreen
			if p.Probability.Valid() && p.Probability >= 0.5 {
				rag = report.RAGRed
			} else if p.Probability.Valid() && p.Probability >= 0.2 {
				rag = report.RAGAmber
			}
			t.Rows = append(t.Rows, report.Row{Status: rag, Cells: []report.Cell{textOr(tier, "—"), report.Text(label), report.Text(period),
				chanceCell(p.Probability), report.Text(r.Use), score3(r.Model.Brier), score3(r.Baseline.Brier), skillCell(r.Skill), score3(shown.AUC),
				report.Integer(int64(r.DecisionPoints))}})
		}
	}
	if !found {
		return nil
	}
	out := []report.Block{report.NewTable(t)}
	if fc.Current.Status == "ok" && fc.Current.Use != "model" || fc.Next.Status == "ok" && fc.Next.Use != "model" {
		out = append(out, report.NewParagraph("The model is not better than the baseline: showing the baseline. "+fc.Current.Verdict))
	}
	return out
}

// calibrationBlocks set each feed of the scope that has a reference beside
// it: agreement figures, good/bad agreement, the attainment of the period
// from both, and the bias per month with drift flagged.
func (pb *builder) calibrationBlocks() []report.Block {
	var out []report.Block
	for _, feed := range sortedKeys(pb.in.CalibrationErrors) {
		out = append(out, report.NewNote(report.SeverityWarning, "Calibration of "+feed, pb.in.CalibrationErrors[feed]))
	}
	for _, c := range pb.in.Calibrations {
		r := c.Result
		unit := c.Unit
		d := func(v report.Float) report.Cell {
			if !v.Valid() {
				return report.Null()
			}
			if c.Shape == domain.ShapeValue {
				return report.Quantity(float64(v), unit)
			}
			return report.Quantity(float64(v)*100, "pp")
		}
		ci := func(a [2]report.Float) report.Cell {
			if !a[0].Valid() || !a[1].Valid() {
				return report.Null()
			}
			f := calibrate.DiffFormat(c.Shape, unit)
			return report.Text("[" + f(float64(a[0])) + ", " + f(float64(a[1])) + "]")
		}
		conf := plain.Share(r.Conf)
		out = append(out, report.NewKeyValues(fmt.Sprintf("Calibration of %s against %s (%s to %s)", c.Feed, c.Reference, c.From.Format(time.DateOnly), c.To.Format(time.DateOnly)),
			report.KeyValue{Label: "Paired buckets of " + bucketText(c.BucketSeconds), Value: report.Integer(int64(r.N))},
			report.KeyValue{Label: "Unpaired buckets (feed, reference)", Value: report.Text(plain.Int(c.Alignment.UnpairedFeed) + ", " + plain.Int(c.Alignment.UnpairedRef))},
			report.KeyValue{Label: "Bias (feed − reference)", Value: d(r.Bias)},
			report.KeyValue{Label: "Bias, " + conf + " CI", Value: ci(r.BiasCI)},
			report.KeyValue{Label: "Mean absolute difference", Value: d(r.MAE)},
			report.KeyValue{Label: "Limits of agreement (Bland–Altman)", Value: ci(r.LimitsOfAgreement)},
			report.KeyValue{Label: "Lin's concordance", Value: score4(r.CCC)},
			report.KeyValue{Label: "Drift", Value: report.Text(r.Drift.Message)},
		))
		if len(r.Classification) > 0 {
			t := report.Table{Title: "Good or bad per bucket: " + c.Feed + " against " + c.Reference, Columns: []report.Column{
				{Header: "SLT", Kind: report.ValueText}, {Header: "Good at", Kind: report.ValueText},
				{Header: "Both good", Kind: report.ValueInteger}, {Header: "Feed good, reference bad", Kind: report.ValueInteger},
				{Header: "Feed bad, reference good", Kind: report.ValueInteger}, {Header: "Both bad", Kind: report.ValueInteger},
				{Header: "Agreement", Kind: report.ValuePercent}, {Header: "Cohen's kappa", Kind: report.ValueNumber},
			}, Caption: "Each paired bucket judged at the SLT's threshold from both feeds; kappa is the agreement beyond chance (1 is perfect)."}
			for _, k := range r.Classification {
				th := plain.Share(k.Threshold)
				if c.Shape == domain.ShapeValue && k.Rule != "share of good probes against the slice target" {
					th = plain.Quantity(k.Threshold, unit)
				}
				ag := report.Null()
				if k.Agreement.Valid() {
					ag = report.Percent(float64(k.Agreement))
				}
				t.Rows = append(t.Rows, report.Row{Cells: []report.Cell{report.Text(k.Name), report.Text(plain.Op(k.Op) + " " + th),
					report.Integer(int64(k.BothGood)), report.Integer(int64(k.FeedGoodReferenceBad)), report.Integer(int64(k.FeedBadReferenceGood)),
					report.Integer(int64(k.BothBad)), ag, score4(k.Kappa)}})
			}
			out = append(out, report.NewTable(t))
		}
		at := report.Table{Title: "Attainment in " + pb.period + " from " + c.Feed + " and from " + c.Reference, Columns: []report.Column{
			{Header: "SLT", Kind: report.ValueText}, {Header: "Tier", Kind: report.ValueText}, {Header: "Period", Kind: report.ValueText},
			{Header: "From the feed", Kind: report.ValueNumber}, {Header: "From the reference", Kind: report.ValueNumber},
			{Header: "Verdicts", Kind: report.ValueText},
		}, Caption: "The same definition (calendar, exclusions, tiers) evaluated once on each feed, with data up to the end of " + pb.period + "; a period that goes on past it is marked running."}
		for _, a := range c.Attainment {
			if !a.End.After(pb.start) || !a.Start.Before(pb.end) {
				continue
			}
			verdict, rag := "same", report.RAGGreen
			if a.Differs {
				verdict, rag = "differ: met by the feed, missed by the reference", report.RAGRed
				if a.MetFeed != nil && !*a.MetFeed {
					verdict = "differ: missed by the feed, met by the reference"
				}
			}
			period := a.Period
			if !a.Complete {
				period += " (running)"
			}
			at.Rows = append(at.Rows, report.Row{Status: rag, Cells: []report.Cell{report.Text(a.SLT), textOr(a.Tier, "—"), report.Text(period),
				Attainment(a.Kind, a.Unit, floatPtr(a.FromFeed)), Attainment(a.Kind, a.Unit, floatPtr(a.FromReference)), report.Text(verdict)}})
		}
		if len(at.Rows) == 0 {
			at.Caption = "No period of an SLT on " + c.Feed + " overlaps " + pb.period + "."
		}
		out = append(out, report.NewTable(at))
		if len(r.Drift.Monthly) > 0 {
			mt := report.Table{Title: "Bias per month: " + c.Feed + " − " + c.Reference, Columns: []report.Column{
				{Header: "Month", Kind: report.ValueText}, {Header: "Pairs", Kind: report.ValueInteger},
				{Header: "Bias", Kind: report.ValueNumber}, {Header: conf + " CI", Kind: report.ValueText}, {Header: "Drift", Kind: report.ValueText},
			}, Caption: r.Drift.Message}
			for _, m := range r.Drift.Monthly {
				flag, rag := "", report.RAGNone
				if m.Drifted {
					flag, rag = "drifted", report.RAGAmber
				}
				mt.Rows = append(mt.Rows, report.Row{Status: rag, Cells: []report.Cell{report.Text(m.Month), report.Integer(int64(m.N)), d(m.Bias), ci(m.CI), textOr(flag, "—")}})
			}
			out = append(out, report.NewTable(mt))
		}
	}
	return out
}

func score4(v report.Float) report.Cell {
	if !v.Valid() {
		return report.Null()
	}
	return report.Number(math.Round(float64(v)*1e4) / 1e4)
}

func floatPtr(v report.Float) *float64 {
	if !v.Valid() {
		return nil
	}
	f := float64(v)
	return &f
}

// bucketText is a bucket width in words: "5 minutes", "1 hour", "90 seconds".
func bucketText(sec int64) string {
	switch {
	case sec%3600 == 0:
		return plain.Counted(int(sec/3600), "hour", "hours")
	case sec%60 == 0:
		return plain.Counted(int(sec/60), "minute", "minutes")
	}
	return plain.Counted(int(sec), "second", "seconds")
}
