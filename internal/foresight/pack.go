package foresight

import (
	"time"

	"slate/internal/calibrate"
	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/predict"
)

// ForPack is what a pack shows of foresight: the forecast at at with
// its track record (nil when no SLT can be forecast), and each feed of the
// scope's SLTs that has a reference compared with it up to the period's end
// (or at); a feed that cannot be compared is named with why.
func ForPack(in compliance.Input, slts []*domain.SLT, period string, at time.Time) (*predict.Forecast, []calibrate.Report, map[string]string, error) {
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
