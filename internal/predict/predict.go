package predict

import (
	"time"

	"slate/internal/report"
)

// Forecast is the probability, per target, that the period in progress and
// the next one miss their target, always with the track record of the
// forecasts behind it: a probability is never given without one.
type Forecast struct {
	At      time.Time        `json:"at"`
	Status  string           `json:"status"` // ok or insufficient (no horizon has a track record)
	Message string           `json:"message,omitempty"`
	Current Report           `json:"track_record_current"`
	Next    Report           `json:"track_record_next"`
	Targets []TargetForecast `json:"targets"`
	Skipped []string         `json:"skipped"`
	// The models behind the forecasts, fitted on every outcome known at At
	// (null while there are too few), so that an auditor can recompute each
	// probability from the features.
	ModelCurrent *Model `json:"model_current"`
	ModelNext    *Model `json:"model_next"`
}

// TargetForecast is one SLT (or tier).
type TargetForecast struct {
	SLT  string `json:"slt"`
	Tier string `json:"tier,omitempty"`
	// AsOf is the decision time: the last local midnight at or before At
	// (forecasts use complete days, as in the backtest).
	AsOf       time.Time   `json:"as_of"`
	Period     Period      `json:"period"`
	NextPeriod Period      `json:"next_period"`
	Current    Probability `json:"current"`
	Next       Probability `json:"next"`
	Features   []Feature   `json:"features"`
}

// Probability is the chance of a miss for one horizon.
type Probability struct {
	// Probability is the forecast in use (Source): the model's when its
	// track record beats the baseline, else the baseline's; null without a
	// track record.
	Probability report.Float `json:"probability"`
	Source      string       `json:"source"` // model, baseline or none
	Model       report.Float `json:"model"`
	Baseline    report.Float `json:"baseline"`
}

// Feature is one input of the forecast and its pull on the current-period
// model's log-odds (positive: towards a miss).
type Feature struct {
	Name         string       `json:"name"`
	Value        float64      `json:"value"`
	Contribution report.Float `json:"contribution"`
}

// Predict forecasts every target of h at o.At (default h.Now()): it runs the
// backtest of both horizons up to then, refits model and baseline on every
// outcome known then, and gives each target's probabilities with the source
// the track record allows. When neither horizon has a track record it
// returns the forecast without probabilities and a *stats.NotEnoughData.
func Predict(h History, o Options) (Forecast, error) {
	at := o.At
	if at.IsZero() || at.After(h.Now()) {
		at = h.Now()
	}
	targets, pts := extract(h, at)
	fc := Forecast{At: at.UTC(), Targets: []TargetForecast{}, Skipped: []string{}}
	if l, ok := h.(*Ledger); ok && l.Skipped != nil {
		fc.Skipped = l.Skipped
	}
	var errs [2]error
	reps := [2]*Report{&fc.Current, &fc.Next}
	var final [2]*fitted
	for hz := range 2 {
		*reps[hz], errs[hz] = backtest(h, targets, pts, hz, o)
		var train []int
		for i, p := range pts {
			if p.label[hz].y >= 0 && !p.label[hz].period.End.After(at) {
				train = append(train, i)
			}
		}
		final[hz] = fitAt(h, targets, pts, train, hz, at, o, nil)
	}
	if final[Current] != nil {
		fc.ModelCurrent = final[Current].model
	}
	if final[Next] != nil {
		fc.ModelNext = final[Next].model
	}
	// the decision point of each target at the forecast time is its last
	last := make([]int, len(targets))
	for i := range last {
		last[i] = -1
	}
	for i, p := range pts {
		if last[p.target] < 0 || p.at.After(pts[last[p.target]].at) {
			last[p.target] = i
		}
	}
	for ti, t := range targets {
		if last[ti] < 0 {
			continue
		}
		p := pts[last[ti]]
		tf := TargetForecast{SLT: t.SLT, Tier: t.Tier, AsOf: p.at, Period: p.d.Period, NextPeriod: p.d.Next}
		var contrib []float64
		for hz := range 2 {
			pr := Probability{Probability: report.NaN, Source: "none", Model: report.NaN, Baseline: report.NaN}
			if f := final[hz]; f != nil {
				pr.Model, pr.Baseline = report.Float(f.model.Prob(p.x)), report.Float(f.model.Baseline(p.x))
				if hz == Current {
					contrib = f.model.Contributions(p.x)
				}
				if errs[hz] == nil {
					pr.Source = reps[hz].Use
					pr.Probability = pr.Baseline
					if pr.Source == "model" {
						pr.Probability = pr.Model
					}
				}
			}
			if hz == Current {
				tf.Current = pr
			} else {
				tf.Next = pr
			}
		}
		for j, name := range FeatureNames {
			ft := Feature{Name: name, Value: p.x[j], Contribution: report.NaN}
			if contrib != nil {
				ft.Contribution = report.Float(contrib[j])
			}
			tf.Features = append(tf.Features, ft)
		}
		fc.Targets = append(fc.Targets, tf)
	}
	fc.Status = "ok"
	if errs[Current] != nil && errs[Next] != nil {
		fc.Status, fc.Message = "insufficient", errs[Current].Error()
		return fc, errs[Current]
	}
	return fc, nil
}
