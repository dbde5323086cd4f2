// Package foresight reads prediction and calibration from a workspace: the
// forecast with its track record, the backtests, a feed against its
// reference, and what the pack shows of them. The engines are
// internal/predict and internal/calibrate; this is the one place the faces
// get their inputs from the store.
package foresight

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
	"slate/internal/plain"
	"slate/internal/predict"
	"slate/internal/readview"
	"slate/internal/stats"
	"slate/internal/storage"
)

// insufficient: the result carries "not enough data" instead of figures.
func insufficient(err error) bool { return errors.Is(err, stats.ErrTooShort) }

// notFound says that what was asked for does not exist (storage.ErrNotFound).
type notFound string

func (m notFound) Error() string        { return string(m) }
func (m notFound) Is(target error) bool { return target == storage.ErrNotFound }

// ParseTime parses s — a time, a date, or a period key (2026-10, 2026-Q3,
// 2026-W07, 2026: its start, UTC) — or gives zero for "".
func ParseTime(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := compliance.ParseTime(s)
	if err != nil {
		if p, kerr := compliance.ParseKey(s, time.UTC); kerr == nil {
			return p.Start, nil
		}
		return time.Time{}, fmt.Errorf("%s: %w (or a period key: %s)", field, err, compliance.KeyFormats)
	}
	return t, nil
}

// Shared is every SLT's forecast at one time, to be shared by callers asking
// the same question of the same data.
type Shared struct {
	Forecast predict.Forecast
	slts     map[string]bool // the workspace's SLTs
}

// Compute forecasts every SLT (and tier) at at. Too little history is not
// an error: the forecast then says so (status insufficient).
func Compute(ctx context.Context, st *storage.Store, at time.Time) (Shared, error) {
	in, err := readview.InputContext(ctx, st, at)
	if err != nil {
		return Shared{}, err
	}
	l, err := predict.FromCompliance(in, predict.SourceOptions{})
	if err != nil {
		return Shared{}, err
	}
	fc, err := predict.Predict(l, predict.Options{})
	if err != nil && !insufficient(err) {
		return Shared{}, err
	}
	sh := Shared{Forecast: fc, slts: map[string]bool{}}
	for _, s := range in.Workspace.SLTs() {
		sh.slts[s.Name()] = true
	}
	return sh, nil
}

// For is the forecast of one SLT (all when slt is ""), a copy: the shared
// forecast stays whole.
func (sh Shared) For(slt string) (predict.Forecast, error) {
	fc := sh.Forecast
	if slt == "" {
		return fc, nil
	}
	if !sh.slts[slt] {
		return predict.Forecast{}, notFound(fmt.Sprintf("SLT %s does not exist (slate get slt lists them)", plain.Clip(slt)))
	}
	if i := slices.IndexFunc(fc.Skipped, func(s string) bool { return strings.HasPrefix(s, slt+":") }); i >= 0 {
		return predict.Forecast{}, fmt.Errorf("SLT %s is not forecast: %s", plain.Clip(slt), strings.TrimPrefix(fc.Skipped[i], slt+": "))
	}
	fc.Targets = []predict.TargetForecast{}
	for _, t := range sh.Forecast.Targets {
		if t.SLT == slt {
			fc.Targets = append(fc.Targets, t)
		}
	}
	return fc, nil
}

// Backtests is the walk-forward track record of both horizons (the current
// period, the next) at at, scored from from on, and the time they hold at.
func Backtests(st *storage.Store, at, from time.Time) (current, next predict.Report, now time.Time, err error) {
	in, err := readview.Input(st, at)
	if err != nil {
		return current, next, now, err
	}
	l, err := predict.FromCompliance(in, predict.SourceOptions{})
	if err != nil {
		return current, next, now, err
	}
	for hz, r := range []*predict.Report{&current, &next} {
		if *r, err = predict.Backtest(l, hz, predict.Options{From: from}); err != nil && !insufficient(err) {
			return current, next, now, err
		}
	}
	return current, next, l.Now().UTC(), nil
}

// Calibrate compares feed with its reference over [from, to) (zero: open),
// with the data as it stands at at.
func Calibrate(st *storage.Store, at time.Time, feed string, from, to time.Time) (calibrate.Report, error) {
	if feed == "" {
		return calibrate.Report{}, errors.New("name the feed to calibrate (one with spec.calibrateAgainst)")
	}
	in, err := readview.Input(st, at)
	if err != nil {
		return calibrate.Report{}, err
	}
	if in.Workspace.Feed(feed) == nil {
		return calibrate.Report{}, notFound(fmt.Sprintf("feed %s does not exist (slate get feed lists them)", plain.Clip(feed)))
	}
	if !to.IsZero() && to.Before(in.At) {
		in.At = to
	}
	return calibrate.Feed(in, calibrate.Request{Feed: feed, From: from, To: to})
}

// Paired is a feed paired with a reference feed (spec.calibrateAgainst).
type Paired struct {
	Feed      string `json:"feed"`
	Reference string `json:"reference"`
	Unit      string `json:"unit"`
	// SLTs read the feed: their thresholds classify its buckets.
	SLTs []string `json:"slts"`
}

// PairedFeeds lists the workspace's feeds that have a reference.
func PairedFeeds(ws *domain.Workspace) []Paired {
	out := []Paired{}
	for _, fd := range ws.Feeds() {
		if fd.Spec.CalibrateAgainst == "" {
			continue
		}
		c := Paired{Feed: fd.Name(), Reference: fd.Spec.CalibrateAgainst, Unit: fd.Spec.Unit, SLTs: []string{}}
		for _, s := range ws.SLTs() {
			if s.Spec.Feed == fd.Name() {
				c.SLTs = append(c.SLTs, s.Name())
			}
		}
		out = append(out, c)
	}
	return out
}
