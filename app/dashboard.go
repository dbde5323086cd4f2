package app

import (
	"context"
	"fmt"
	"time"

	"slate/internal/compliance"
	"slate/internal/improve"
	"slate/internal/portfolio"
)

// DashboardQuery selects the portfolio dashboard. At is the evaluation time
// (RFC 3339 or a date; empty: now, to the minute). Period is the reporting
// period the statuses judge (a key such as 2026-11; empty: each SLT's current
// period, or its previous one while the current has no data yet). The
// filters keep the services and SLTs that match every one given
// (case-insensitive); Type is SLA, OLA or UC.
type DashboardQuery struct {
	At           string `json:"at"`
	Period       string `json:"period"`
	BusinessUnit string `json:"business_unit"`
	ProductLine  string `json:"product_line"`
	Supplier     string `json:"supplier"`
	Type         string `json:"type"`
}

// Dashboard is everything the portfolio dashboard shows, in one call: a RAG
// status per SLT and service for the current period, budgets, the last 13
// periods, firing alerts and root-cause analyses due.
type Dashboard struct {
	At time.Time `json:"at"`
	// Version changes whenever the database does (the last committed transaction).
	Version  uint64                    `json:"version"`
	Services []DashboardService        `json:"services"`
	Alerts   []compliance.Alert        `json:"alerts"`
	Trends   []compliance.TrendWarning `json:"trends"`
	RCADue   []DashboardRCA            `json:"rca_due"`
	// Loop is the improvement loop at a glance: overdue actions, open
	// root-cause analyses (overdue first), reviews due.
	Loop    DashboardLoop    `json:"loop"`
	Counts  DashboardCounts  `json:"counts"`
	Filters DashboardFilters `json:"filters"`
	// Problems are SLTs that could not be evaluated, in plain words; the rest still shows.
	Problems []string `json:"problems"`
}

// DashboardCounts counts SLTs by RAG status.
type DashboardCounts portfolio.Counts

// DashboardFilters are the values the filters can take (over the whole workspace).
type DashboardFilters portfolio.Filters

// DashboardService is one service with its SLTs; Status is the worst of them.
type DashboardService portfolio.Service

// RAG colours of the status states (compliance.JudgeStatus, docs/metrics.md
// "Status"): red missed, amber at risk, green on target, none no data.
const (
	StatusRed    = portfolio.Red
	StatusAmber  = portfolio.Amber
	StatusGreen  = portfolio.Green
	StatusNoData = portfolio.NoData
)

// DashboardSLT is one SLT's line: status, current period, tiers, sparkline.
type DashboardSLT portfolio.Line

// DashboardTier is one tier's row in the same period as the SLT's Current.
type DashboardTier portfolio.Tier

// SparkPoint is one period of the sparkline.
type SparkPoint portfolio.SparkPoint

// DashboardRCA is an SLT missed rcaAfter periods in a row: a root-cause analysis is due.
type DashboardRCA portfolio.RCA

// SparkPeriods is how many periods a sparkline shows.
const SparkPeriods = portfolio.SparkPeriods

// dbVersion is the data version: it moves with every change a reader can
// see (import, revert, definition, exception, false positive), and not with
// an import's staging chunks or stored results.
func (c *Compliance) dbVersion() (uint64, error) { return c.store.DataVersion() }

// Dashboard computes the portfolio dashboard. The whole portfolio is
// evaluated once per data version and minute, shared by every caller who
// asks meanwhile and kept; filters apply to the shared result.
func (c *Compliance) Dashboard(q DashboardQuery) (Dashboard, error) {
	return c.dashboard(c.context(), q)
}

func (c *Compliance) dashboard(ctx context.Context, q DashboardQuery) (Dashboard, error) {
	at, err := c.at(q.At)
	if err != nil {
		return Dashboard{}, err
	}
	ver, err := c.dbVersion()
	if err != nil {
		return Dashboard{}, err
	}
	v, err := c.flights.Do(ctx, fmt.Sprint("dashboard|", ver, "|", at.UnixNano(), "|", q.Period), func(ctx context.Context) (any, error) {
		return c.buildDashboard(ctx, at, ver, q.Period)
	})
	if err != nil {
		return Dashboard{}, err
	}
	full := v.(dashboardData)
	pq := portfolio.Query{BusinessUnit: q.BusinessUnit, ProductLine: q.ProductLine, Supplier: q.Supplier, Type: q.Type}
	p := portfolio.Filter(full.portfolio, pq)
	d := dashboardOf(p)
	d.Loop = DashboardLoop(portfolio.FilterLoop(full.loop, pq, p))
	return d, nil
}

// dashboardData is what one evaluation of the dashboard keeps: the
// portfolio and the improvement loop at a glance, read on the same rows.
type dashboardData struct {
	portfolio portfolio.Portfolio
	loop      improve.Summary
}

// forgetDashboard drops the kept dashboards and reports (benchmarks measure the cold path).
func (c *Compliance) forgetDashboard() { c.flights.Forget() }

// buildDashboard evaluates the portfolio and its loop (portfolio.Read).
func (c *Compliance) buildDashboard(ctx context.Context, at time.Time, ver uint64, period string) (dashboardData, error) {
	in, err := c.inputCtx(ctx, at)
	if err != nil {
		return dashboardData{}, err
	}
	p, loop, err := portfolio.Read(c.store, in, period)
	p.Version = ver
	return dashboardData{portfolio: p, loop: loop}, err
}

// dashboardOf is the portfolio as the faces see it.
func dashboardOf(p portfolio.Portfolio) Dashboard {
	return Dashboard{At: p.At, Version: p.Version, Alerts: p.Alerts, Trends: p.Trends, Problems: p.Problems,
		Services: convert(p.Services, func(s portfolio.Service) DashboardService { return DashboardService(s) }),
		RCADue:   convert(p.RCADue, func(r portfolio.RCA) DashboardRCA { return DashboardRCA(r) }),
		Counts:   DashboardCounts(p.Counts), Filters: DashboardFilters(p.Filters)}
}

// DashboardLoop is the improvement loop at a glance (improve.Summarize):
// the overdue actions, the open root-cause analyses (overdue first) and the
// reviews due, under the dashboard's filters.
type DashboardLoop improve.Summary
