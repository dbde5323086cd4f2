package app

import (
	"context"
	"fmt"
	"time"

	"slate/internal/cmdb"
	"slate/internal/compliance"
	"slate/internal/flight"
	"slate/internal/judge"
	"slate/internal/readview"
	"slate/internal/storage"
)

// Compliance computes the compliance screens: report, breaches, alerts,
// what-if and rollback criteria. One call per screen.
type Compliance struct {
	store *storage.Store
	// flights shares the report and dashboard computations between callers
	// (internal/flight); drill shares and keeps the last drill-downs. Both live as long as the App, are
	// shared by its views (App.As) and keyed by data version, so a change is
	// never served stale.
	flights *flight.Group
	drill   *flight.Group
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

// BreachLog is the breach screen.
type BreachLog struct {
	At       time.Time `json:"at"`
	Since    string    `json:"since,omitempty"`
	Breaches []Breach  `json:"breaches"`
}

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
type RollbackQuery compliance.RollbackQuery

// ParseTime reads RFC 3339, "YYYY-MM-DDTHH:MM" (UTC) or YYYY-MM-DD (midnight UTC).
func ParseTime(s string) (time.Time, error) { return compliance.ParseTime(s) }

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

// inputAt is input at the evaluation time s (Compliance.at).
func (c *Compliance) inputAt(s string) (compliance.Input, error) {
	at, err := c.at(s)
	if err != nil {
		return compliance.Input{}, err
	}
	return c.input(at)
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
	v, err := c.flights.Do(ctx, key, func(ctx context.Context) (any, error) {
		in, err := c.inputCtx(ctx, at)
		if err != nil {
			return Report{}, err
		}
		rep, err := buildReport(in, q)
		if err != nil {
			return rep, err
		}
		// the reported periods whose rows come from CIs the CMDB does not know or has not verified recently
		rep.CMDB, err = cmdb.ReadFindings(c.store, in, rep.Rows)
		return rep, err
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
		return Report(rep), err
	}
	// each SLT's status in the period (or its current one), as the dashboard and the pack judge it
	rep.Statuses = append(rep.Statuses, judge.Statuses(ev, q.SLT, q.Period)...)
	return Report(rep), nil
}

// Breaches lists missed periods with impact, priority and Pareto rank.
func (c *Compliance) Breaches(q BreachQuery) (BreachLog, error) {
	in, err := c.inputAt(q.At)
	if err != nil {
		return BreachLog{}, err
	}
	all, err := readview.Breaches(c.store, in, q.Since)
	if err != nil {
		return BreachLog{}, err
	}
	bs := convert(all, func(b compliance.Breach) Breach { return Breach(b) })
	return BreachLog{At: in.At, Since: q.Since, Breaches: bs}, nil
}

// Alerts evaluates burn-rate alerts and trend warnings.
func (c *Compliance) Alerts(q AlertQuery) (AlertList, error) {
	in, err := c.inputAt(q.At)
	if err != nil {
		return AlertList{}, err
	}
	if q.SLT != "" && in.Workspace.SLT(q.SLT) == nil {
		return AlertList{}, fmt.Errorf("SLT %q does not exist", q.SLT)
	}
	al, err := compliance.Alerts(in, q.SLT)
	return AlertList(al), err
}

// WhatIf judges every complete past period of an SLT at a proposed target.
func (c *Compliance) WhatIf(q WhatIfQuery) (WhatIf, error) {
	in, err := c.inputAt(q.At)
	if err != nil {
		return WhatIf{}, err
	}
	w, err := compliance.WhatIfNamed(in, q.SLT, q.Tier, q.Target)
	return WhatIf(w), err
}

// Rollback evaluates a rollback rule ("error_rate > 0.02 for 15m") over a feed.
func (c *Compliance) Rollback(q RollbackQuery) (RollbackResult, error) {
	res, err := compliance.RollbackQuery(q).Ask(c.store.Now().UTC(), c.input)
	return RollbackResult(res), err
}
