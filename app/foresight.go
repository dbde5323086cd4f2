package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"slate/internal/calibrate"
	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/flight"
	"slate/internal/predict"
	"slate/internal/readview"
	"slate/internal/stats"
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

// CalibratedFeed is a feed paired with a reference (spec.calibrateAgainst).
type CalibratedFeed struct {
	Feed      string `json:"feed"`
	Reference string `json:"reference"`
	Unit      string `json:"unit"`
	// SLTs read the feed: their thresholds classify its buckets.
	SLTs []string `json:"slts"`
}

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

// optTime parses s — a time, a date, or a period key (2026-10, 2026-Q3,
// 2026-W07, 2026: its start, UTC) — or gives zero for "".
func optTime(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := ParseTime(s)
	if err != nil {
		if p, kerr := compliance.ParseKey(s, time.UTC); kerr == nil {
			return p.Start, nil
		}
		return time.Time{}, fmt.Errorf("%s: %w (or a period key: %s)", field, err, compliance.KeyFormats)
	}
	return t, nil
}

// missing is an error saying that what was asked for does not exist (NotFound).
type missing string

func (m missing) Error() string        { return string(m) }
func (m missing) Is(target error) bool { return target == storage.ErrNotFound }

// insufficient reports whether err is only "not enough data": the result
// then carries the message instead of figures.
func insufficient(err error) bool {
	var nd *stats.NotEnoughData
	return errors.As(err, &nd)
}

func (f *Foresight) ledger(at string) (*predict.Ledger, error) {
	in, err := evalInput(f.store, at)
	if err != nil {
		return nil, err
	}
	return predict.FromCompliance(in, predict.SourceOptions{})
}

// sharedForecast is every SLT's forecast at one time, kept per data version:
// the SLT pages one opens after another read one computation.
type sharedForecast struct {
	fc   predict.Forecast
	slts map[string]bool // the workspace's SLTs
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
		in, err := readview.InputContext(ctx, f.store, at)
		if err != nil {
			return nil, err
		}
		l, err := predict.FromCompliance(in, predict.SourceOptions{})
		if err != nil {
			return nil, err
		}
		fc, err := predict.Predict(l, predict.Options{})
		if err != nil && !insufficient(err) {
			return nil, err
		}
		sh := sharedForecast{fc: fc, slts: map[string]bool{}}
		for _, s := range in.Workspace.SLTs() {
			sh.slts[s.Name()] = true
		}
		return sh, nil
	})
	if err != nil {
		return Forecast{}, err
	}
	sh := v.(sharedForecast)
	fc := sh.fc
	if q.SLT == "" {
		return Forecast(fc), nil
	}
	if !sh.slts[q.SLT] {
		return Forecast{}, missing(fmt.Sprintf("SLT %s does not exist (slate get slt lists them)", Clip(q.SLT)))
	}
	if i := slices.IndexFunc(fc.Skipped, func(s string) bool { return strings.HasPrefix(s, q.SLT+":") }); i >= 0 {
		return Forecast{}, fmt.Errorf("SLT %s is not forecast: %s", Clip(q.SLT), strings.TrimPrefix(fc.Skipped[i], q.SLT+": "))
	}
	// a copy: the shared forecast stays whole
	fc.Targets = []predict.TargetForecast{}
	for _, t := range sh.fc.Targets {
		if t.SLT == q.SLT {
			fc.Targets = append(fc.Targets, t)
		}
	}
	return Forecast(fc), nil
}

// Backtest is the walk-forward track record of both horizons: at each past
// decision point from From on, the model is fitted on what was known then,
// and its forecast and the baseline's are scored against what happened.
func (f *Foresight) Backtest(q BacktestQuery) (Backtests, error) {
	from, err := optTime("from", q.From)
	if err != nil {
		return Backtests{}, err
	}
	l, err := f.ledger(q.At)
	if err != nil {
		return Backtests{}, err
	}
	out := Backtests{At: l.Now().UTC()}
	for hz, r := range []*TrackRecord{&out.Current, &out.Next} {
		rep, err := predict.Backtest(l, hz, predict.Options{From: from})
		if err != nil && !insufficient(err) {
			return Backtests{}, err
		}
		*r = TrackRecord(rep)
	}
	return out, nil
}

// Calibrate compares a feed with its reference feed over [From, To):
// bias with its interval, MAE, Bland–Altman limits, Lin's concordance,
// agreement on good/bad at each SLT's threshold, the SLTs' attainment from
// both feeds, and the bias per month with drift flagged.
func (f *Foresight) Calibrate(q CalibrateQuery) (Calibration, error) {
	if q.Feed == "" {
		return Calibration{}, errors.New("name the feed to calibrate (one with spec.calibrateAgainst)")
	}
	from, err := optTime("from", q.From)
	if err != nil {
		return Calibration{}, err
	}
	to, err := optTime("to", q.To)
	if err != nil {
		return Calibration{}, err
	}
	in, err := evalInput(f.store, "")
	if err != nil {
		return Calibration{}, err
	}
	if in.Workspace.Feed(q.Feed) == nil {
		return Calibration{}, missing(fmt.Sprintf("feed %s does not exist (slate get feed lists them)", Clip(q.Feed)))
	}
	if !to.IsZero() && to.Before(in.At) {
		in.At = to
	}
	rep, err := calibrate.Feed(in, calibrate.Request{Feed: q.Feed, From: from, To: to})
	return Calibration(rep), err
}

// CalibratedFeeds lists the feeds paired with a reference feed.
func (f *Foresight) CalibratedFeeds() ([]CalibratedFeed, error) {
	var ws *domain.Workspace
	err := f.store.View(func(tx *storage.Tx) (err error) {
		ws, err = tx.Workspace()
		return err
	})
	if err != nil {
		return nil, err
	}
	out := []CalibratedFeed{}
	for _, fd := range ws.Feeds() {
		if fd.Spec.CalibrateAgainst == "" {
			continue
		}
		c := CalibratedFeed{Feed: fd.Name(), Reference: fd.Spec.CalibrateAgainst, Unit: fd.Spec.Unit, SLTs: []string{}}
		for _, s := range ws.SLTs() {
			if s.Spec.Feed == fd.Name() {
				c.SLTs = append(c.SLTs, s.Name())
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// packForesight is what a pack shows of foresight: the forecast at at with
// its track record (nil when no SLT can be forecast), and each feed of the
// scope's SLTs that has a reference compared with it up to the period's end
// (or at); a feed that cannot be compared is named with why.
func packForesight(in compliance.Input, slts []*domain.SLT, period string, at time.Time) (*predict.Forecast, []calibrate.Report, map[string]string, error) {
	l, err := predict.FromCompliance(in, predict.SourceOptions{})
	if err != nil {
		return nil, nil, nil, err
	}
	var fc *predict.Forecast
	if len(l.Targets()) > 0 {
		f, err := predict.Predict(l, predict.Options{At: at})
		if err != nil && !insufficient(err) {
			return nil, nil, nil, err
		}
		fc = &f
	}
	to := at
	if p, err := compliance.ParseKey(period, time.UTC); err == nil && p.End.Before(to) {
		to = p.End
	}
	var cals []calibrate.Report
	errs := map[string]string{}
	seen := map[string]bool{}
	for _, s := range slts {
		fd := in.Workspace.Feed(s.Spec.Feed)
		if fd == nil || fd.Spec.CalibrateAgainst == "" || seen[fd.Name()] {
			continue
		}
		seen[fd.Name()] = true
		rep, err := calibrate.Feed(in, calibrate.Request{Feed: fd.Name(), To: to})
		if err != nil {
			errs[fd.Name()] = err.Error()
			continue
		}
		cals = append(cals, rep)
	}
	return fc, cals, errs, nil
}
