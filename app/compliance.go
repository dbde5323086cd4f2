package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/readview"
	"slate/internal/storage"
)

// Compliance computes the compliance screens: report, breaches, alerts,
// what-if and rollback criteria. One call per screen.
type Compliance struct {
	store *storage.Store
	// flights shares the report and dashboard computations between callers
	// (flight.go); drill keeps drill-downs. Both live as long as the App, are
	// shared by its views (App.As) and keyed by data version, so a change is
	// never served stale.
	flights *flights
	drill   *drillCache
	// ctx, when set (App.WithContext), is the caller's: Report and Dashboard stop with it.
	ctx context.Context
}

// context is the caller's context (App.WithContext), else the background.
func (c *Compliance) context() context.Context {
	if c.ctx != nil {
		return c.ctx
	}
	return context.Background()
}

// Report is every SLT (and tier, and composite) per period, with credits.
type Report = compliance.Report

// ReportRow is one period of one SLT, tier or composite.
type ReportRow = compliance.Row

// Credit is a contract's credit and incentive for one period.
type Credit = compliance.Credit

// BreachLog is the breach screen.
type BreachLog struct {
	At       time.Time           `json:"at"`
	Since    string              `json:"since,omitempty"`
	Breaches []compliance.Breach `json:"breaches"`
}

// Breach is one missed period with impact and priority.
type Breach = compliance.Breach

// AlertList is the alerts screen: burn-rate alerts and trend warnings.
type AlertList = compliance.AlertList

// WhatIf judges an SLT's past periods at another target.
type WhatIf = compliance.WhatIf

// RollbackResult lists when a rollback rule held on a feed.
type RollbackResult = compliance.RollbackResult

// ReportQuery selects a report. At is RFC 3339 or YYYY-MM-DD (midnight UTC); empty is now.
// Recent keeps each SLT's last complete period and the running one (without Period).
type ReportQuery struct {
	Period string `json:"period"`
	SLT    string `json:"slt"`
	At     string `json:"at"`
	Recent bool   `json:"recent"`
}

// BreachQuery selects breaches whose period starts at or after Since (a period key or date).
type BreachQuery struct {
	Since string `json:"since"`
	At    string `json:"at"`
}

// AlertQuery selects alerts at a time, optionally for one SLT.
type AlertQuery struct {
	At  string `json:"at"`
	SLT string `json:"slt"`
}

// WhatIfQuery proposes a target for an SLT.
type WhatIfQuery struct {
	SLT string `json:"slt"`
	// Tier judges one tier of a tiered SLT (its rows, op and target); empty:
	// the SLT's own objective.
	Tier   string  `json:"tier"`
	Target float64 `json:"target"`
	At     string  `json:"at"`
}

// RollbackQuery evaluates a rule over a feed between From and To (empty: all data).
type RollbackQuery struct {
	Feed string `json:"feed"`
	Rule string `json:"rule"`
	From string `json:"from"`
	To   string `json:"to"`
}

// ParseTime reads RFC 3339, "YYYY-MM-DDTHH:MM" (UTC) or YYYY-MM-DD (midnight UTC).
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a time (write RFC 3339, e.g. 2026-10-05T14:00:00Z, or a date)", s)
}

// at is the evaluation time s, or now to the minute: every call within a
// minute asks the same question, so concurrent callers share one answer.
func (c *Compliance) at(s string) (time.Time, error) {
	if s == "" {
		return c.store.Now().UTC().Truncate(time.Minute), nil
	}
	return ParseTime(s)
}

// input loads definitions and exceptions and binds the point source, the
// batches and the stored results to the store (internal/readview).
func (c *Compliance) input(at time.Time) (compliance.Input, error) {
	return c.inputCtx(context.Background(), at)
}

// inputCtx is input whose point source stops with ctx (the caller went away).
func (c *Compliance) inputCtx(ctx context.Context, at time.Time) (compliance.Input, error) {
	return readview.InputContext(ctx, c.store, at)
}

// Report computes the compliance report. Callers asking the same question
// of the same data version share one computation.
func (c *Compliance) Report(q ReportQuery) (Report, error) {
	return c.report(c.context(), q)
}

func (c *Compliance) report(ctx context.Context, q ReportQuery) (Report, error) {
	at, err := c.at(q.At)
	if err != nil {
		return Report{}, err
	}
	ver, err := c.dbVersion()
	if err != nil {
		return Report{}, err
	}
	key := fmt.Sprintf("report|%d|%d|%q|%q|%t", ver, at.UnixNano(), q.Period, q.SLT, q.Recent)
	v, err := c.flights.do(ctx, key, func(ctx context.Context) (any, error) {
		in, err := c.inputCtx(ctx, at)
		if err != nil {
			return Report{}, err
		}
		return buildReport(in, q)
	})
	if err != nil {
		return Report{}, err
	}
	return v.(Report), nil
}

// buildReport is the report of in, with each SLT's status.
func buildReport(in compliance.Input, q ReportQuery) (Report, error) {
	ev := compliance.NewEvaluator(in)
	rep, err := ev.Report(compliance.ReportOptions{Period: q.Period, SLT: q.SLT, Recent: q.Recent})
	if err != nil {
		return rep, err
	}
	// each SLT's status in the period (or its current one), as the dashboard and the pack judge it
	judge := newStatusJudge(in, nil)
	for _, s := range in.Workspace.SLTs() {
		if q.SLT != "" && s.Name() != q.SLT {
			continue
		}
		if r, err := ev.SLT(s.Name(), nil); err == nil {
			rep.Statuses = append(rep.Statuses, judge.judge(s, r, q.Period, nil))
		}
	}
	return rep, nil
}

// Breaches lists missed periods with impact, priority and Pareto rank.
func (c *Compliance) Breaches(q BreachQuery) (BreachLog, error) {
	at, err := c.at(q.At)
	if err != nil {
		return BreachLog{}, err
	}
	in, err := c.input(at)
	if err != nil {
		return BreachLog{}, err
	}
	rep, err := compliance.BuildReport(in, compliance.ReportOptions{})
	if err != nil {
		return BreachLog{}, err
	}
	var marks map[string]storage.BreachMark
	if err := c.store.View(func(tx *storage.Tx) error {
		marks, err = tx.BreachMarks()
		return err
	}); err != nil {
		return BreachLog{}, err
	}
	fps := map[string]compliance.FalsePositive{}
	for id, m := range marks {
		fps[id] = compliance.FalsePositive{Reason: m.Reason, By: m.By}
	}
	rows := rep.Rows
	if q.Since != "" {
		if rows, err = since(in.Workspace, rows, q.Since); err != nil {
			return BreachLog{}, err
		}
	}
	return BreachLog{At: at, Since: q.Since, Breaches: compliance.Breaches(in.Workspace, rows, fps)}, nil
}

// since keeps rows whose period starts at or after the start of the period
// key (or date, or time) since, read in each SLT's zone.
func since(ws *domain.Workspace, rows []compliance.Row, s string) ([]compliance.Row, error) {
	var out []compliance.Row
	for _, r := range rows {
		loc := time.UTC
		if slt := ws.SLT(r.SLT); slt != nil {
			if l, err := domain.LoadZone(slt.Spec.TimeZone); err == nil {
				loc = l
			}
		}
		var from time.Time
		if p, err := compliance.ParseKey(s, loc); err == nil {
			from = p.Start
		} else if t, err := ParseTime(s); err == nil {
			from = t
		} else {
			return nil, fmt.Errorf("--since %q is not a period key (2026-10, 2026-Q3, ...) or a time", s)
		}
		if !r.Start.Before(from) {
			out = append(out, r)
		}
	}
	return out, nil
}

// Alerts evaluates burn-rate alerts and trend warnings.
func (c *Compliance) Alerts(q AlertQuery) (AlertList, error) {
	at, err := c.at(q.At)
	if err != nil {
		return AlertList{}, err
	}
	in, err := c.input(at)
	if err != nil {
		return AlertList{}, err
	}
	if q.SLT != "" && in.Workspace.SLT(q.SLT) == nil {
		return AlertList{}, fmt.Errorf("SLT %q does not exist", q.SLT)
	}
	return compliance.Alerts(in, q.SLT)
}

// WhatIf judges every complete past period of an SLT at a proposed target.
func (c *Compliance) WhatIf(q WhatIfQuery) (WhatIf, error) {
	at, err := c.at(q.At)
	if err != nil {
		return WhatIf{}, err
	}
	in, err := c.input(at)
	if err != nil {
		return WhatIf{}, err
	}
	s := in.Workspace.SLT(q.SLT)
	if s == nil {
		return WhatIf{}, fmt.Errorf("SLT %q does not exist", q.SLT)
	}
	if err := compliance.CheckTarget(s, q.Target); err != nil {
		return WhatIf{}, err
	}
	rows, err := compliance.NewEvaluator(in).SLT(q.SLT, nil)
	if err != nil {
		return WhatIf{}, err
	}
	var current *float64
	op := s.Spec.ObjectiveOp(s.Spec.Objective.Op)
	if len(s.Spec.Tiers) == 0 {
		if q.Tier != "" {
			return WhatIf{}, fmt.Errorf("SLT %q has no tiers (leave the tier out)", q.SLT)
		}
		v := s.Spec.Objective.Target
		current = &v
	}
	series := rows.Overall
	if q.Tier != "" {
		i := slices.IndexFunc(s.Spec.Tiers, func(t domain.Tier) bool { return t.Name == q.Tier })
		if i < 0 || i >= len(rows.Tiers) {
			return WhatIf{}, fmt.Errorf("SLT %q has no tier %q (tiers: %s)", q.SLT, q.Tier, tierNames(s.Spec.Tiers))
		}
		t := s.Spec.Tiers[i]
		op, current, series = s.Spec.ObjectiveOp(t.Op), &t.Target, rows.Tiers[i]
	}
	w := compliance.WhatIfRows(q.SLT, series, op, current, q.Target)
	w.Tier, w.Ratio, w.Unit = q.Tier, s.Spec.RatioLike(), compliance.Unit(in.Workspace, &s.Spec)
	warnings := compliance.ResolutionWarnings(in.Workspace, s, &q.Target)
	for _, x := range warnings {
		if q.Tier == "" || x.Tier == q.Tier {
			w.Warnings = append(w.Warnings, x)
		}
	}
	return w, nil
}

// Rollback evaluates a rollback rule ("error_rate > 0.02 for 15m") over a feed.
func (c *Compliance) Rollback(q RollbackQuery) (RollbackResult, error) {
	rule, err := compliance.ParseRollbackRule(q.Rule)
	if err != nil {
		return RollbackResult{}, err
	}
	from, to := time.Unix(0, 0).UTC(), c.store.Now().UTC().AddDate(10, 0, 0)
	if q.From != "" {
		if from, err = ParseTime(q.From); err != nil {
			return RollbackResult{}, err
		}
	}
	if q.To != "" {
		if to, err = ParseTime(q.To); err != nil {
			return RollbackResult{}, err
		}
	}
	var res RollbackResult
	err = c.store.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		if ws.Feed(q.Feed) == nil {
			return fmt.Errorf("feed %q does not exist", q.Feed)
		}
		var scanErr error
		seq := func(yield func(domain.Point) bool) {
			stop := errors.New("stop")
			scanErr = tx.ScanPoints(q.Feed, from, to, func(p domain.Point) error {
				if !yield(p) {
					return stop
				}
				return nil
			})
			if errors.Is(scanErr, stop) {
				scanErr = nil
			}
		}
		res = compliance.EvaluateRollback(q.Feed, rule, seq)
		return scanErr
	})
	return res, err
}
