package app

import (
	"context"
	"fmt"
	"time"

	"slate/internal/calibrate"
	"slate/internal/flight"
	"slate/internal/foresight"
	"slate/internal/predict"
	"slate/internal/storage"
)

// Foresight is violation prediction with its own track record
// (internal/predict) and the calibration of a monitored feed against its
// reference (internal/calibrate). A probability never travels without the
// walk-forward backtest behind it.
type Foresight struct {
	store   *storage.Store
	flights *flight.Group
}

// Forecast is each SLT's (and tier's) probability of missing the period in
// progress and the next one, with both horizons' track records.
type Forecast predict.Forecast

// TrackRecord is the walk-forward backtest of one horizon.
type TrackRecord predict.Report

// Backtests are the track records of both horizons.
type Backtests struct {
	At      time.Time   `json:"at"`
	Current TrackRecord `json:"current"`
	Next    TrackRecord `json:"next"`
}

// Calibration is a feed compared with its reference feed.
type Calibration calibrate.Report

// CalibratedFeed is a feed paired with a reference (spec.calibrateAgainst);
// its SLTs' thresholds classify its buckets.
type CalibratedFeed foresight.Paired

// PredictQuery selects the forecast: SLT keeps one SLT (empty: all); At is
// the forecast time (RFC 3339 or a date; empty: now).
type PredictQuery struct {
	SLT string `json:"slt"`
	At  string `json:"at"`
}

// BacktestQuery: From is the first decision point scored (a date or time;
// empty: as soon as a model can be fitted); At the end (empty: now).
type BacktestQuery struct {
	From string `json:"from"`
	At   string `json:"at"`
}

// CalibrateQuery names a feed and the span compared, [From, To) (RFC 3339 or
// dates; empty: all data up to now).
type CalibrateQuery struct {
	Feed string `json:"feed"`
	From string `json:"from"`
	To   string `json:"to"`
}

// Predict gives the probability that each SLT (and tier) misses its current
// and next period, with the backtest of both horizons beside it. The source
// of each probability is the model when its track record beats the
// baseline, else the baseline; with too little history the forecast says
// "not enough data: N decision points, need M" (status insufficient) and
// gives no probability. Callers asking at the same time (now: the same
// minute) of the same data share one computation.
func (f *Foresight) Predict(q PredictQuery) (Forecast, error) {
	at := f.store.Now().UTC().Truncate(time.Minute)
	if q.At != "" {
		var err error
		if at, err = ParseTime(q.At); err != nil {
			return Forecast{}, err
		}
	}
	ver, err := f.store.DataVersion()
	if err != nil {
		return Forecast{}, err
	}
	v, err := f.flights.Do(context.Background(), fmt.Sprintf("predict|%d|%d", ver, at.UnixNano()), func(ctx context.Context) (any, error) {
		return foresight.Compute(ctx, f.store, at)
	})
	if err != nil {
		return Forecast{}, err
	}
	fc, err := v.(foresight.Shared).For(q.SLT)
	return Forecast(fc), err
}

// Backtest is the walk-forward track record of both horizons: at each past
// decision point from From on, the model is fitted on what was known then,
// and its forecast and the baseline's are scored against what happened.
func (f *Foresight) Backtest(q BacktestQuery) (Backtests, error) {
	from, err := foresight.ParseTime("from", q.From)
	if err != nil {
		return Backtests{}, err
	}
	at, err := f.at(q.At)
	if err != nil {
		return Backtests{}, err
	}
	cur, next, now, err := foresight.Backtests(f.store, at, from)
	return Backtests{At: now, Current: TrackRecord(cur), Next: TrackRecord(next)}, err
}

// Calibrate compares a feed with its reference feed over [From, To):
// bias with its interval, MAE, Bland–Altman limits, Lin's concordance,
// agreement on good/bad at each SLT's threshold, the SLTs' attainment from
// both feeds, and the bias per month with drift flagged.
func (f *Foresight) Calibrate(q CalibrateQuery) (Calibration, error) {
	from, err := foresight.ParseTime("from", q.From)
	if err != nil {
		return Calibration{}, err
	}
	to, err := foresight.ParseTime("to", q.To)
	if err != nil {
		return Calibration{}, err
	}
	rep, err := foresight.Calibrate(f.store, f.store.Now().UTC(), q.Feed, from, to)
	return Calibration(rep), err
}

// CalibratedFeeds lists the feeds paired with a reference feed.
func (f *Foresight) CalibratedFeeds() ([]CalibratedFeed, error) {
	out := []CalibratedFeed{}
	err := f.store.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		for _, p := range foresight.PairedFeeds(ws) {
			out = append(out, CalibratedFeed(p))
		}
		return nil
	})
	return out, err
}

// at is the time s, or now.
func (f *Foresight) at(s string) (time.Time, error) {
	if s == "" {
		return f.store.Now().UTC(), nil
	}
	return ParseTime(s)
}
