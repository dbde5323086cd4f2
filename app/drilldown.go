package app

import (
	"context"
	"fmt"
	"time"

	"slate/internal/compliance"
	"slate/internal/drill"
	"slate/internal/ingest"
)

// RowsQuery selects the rows behind one period's figure of an SLT (or one
// tier of it), a page at a time. Period is the SLT's period key (2026-10,
// 2026-W07, 2026-10-05 ...). At is the evaluation time (empty: now; pass the
// dashboard's at so the figures agree). Status keeps rows with that status
// (good, bad, excluded, out-of-scope, counted) or, with "findings", the rows
// that have findings. Sort is "" (time), "-time", "value" or "-value".
// Limit is at most 5000 (default 200).
type RowsQuery struct {
	SLT    string `json:"slt"`
	Tier   string `json:"tier"`
	Period string `json:"period"`
	At     string `json:"at"`
	Status string `json:"status"`
	Sort   string `json:"sort"`
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
}

// RowsPage is one page of the rows behind a figure, with the figure itself
// and the tally of every row of the period (not just the page), so a reader
// can check that the rows add up to the figure.
type RowsPage struct {
	SLT         string `json:"slt"`
	DisplayName string `json:"display_name"`
	Service     string `json:"service"`
	Tier        string `json:"tier"`
	Period      string `json:"period"`
	// TimeZone is the SLT's zone: its period boundaries are local midnights there.
	TimeZone  string    `json:"time_zone"`
	Start     time.Time `json:"start"`
	End       time.Time `json:"end"`
	At        time.Time `json:"at"`
	Indicator string    `json:"indicator"`
	Feed      string    `json:"feed"`
	Shape     string    `json:"shape"`
	Unit      string    `json:"unit"`
	// Figure is the report's row for this period (the tier's, or the SLT's overall row).
	Figure compliance.Row `json:"figure"`
	Tally  RowsTally      `json:"tally"`
	// Periods lists the SLT's periods with data, for moving to another one.
	Periods []string `json:"periods"`
	// All is the number of rows of the period; Total those matching Status.
	All    int        `json:"all"`
	Total  int        `json:"total"`
	Offset int        `json:"offset"`
	Rows   []DrillRow `json:"rows"`
	// Batches are the import batches of the rows on this page.
	Batches []DrillBatch `json:"batches"`
	// Components of a composite SLT, which has no rows of its own.
	Components []string `json:"components"`
	// Note explains how rows become units for this indicator, in plain words.
	Note string `json:"note"`
	// CMDB counts the period's rows by the state of their CI (unknown to the
	// CMDB, not verified in the last 90 days); nil without a CMDB import.
	CMDB *CIReport `json:"cmdb"`
}

// RowsTally sums the units of every row of the period by status. For
// availability, slices without probes are tallied apart (Gap*), so
// Good + GapGood is the figure's good, and so on.
type RowsTally drill.Tally

// DrillRow is one stored point (a file row) and how it counts in the period.
type DrillRow struct {
	// N is the row's position in the period, in time order, from 1.
	N        int        `json:"n"`
	At       time.Time  `json:"at"`
	Value    *float64   `json:"value,omitempty"`
	Good     *float64   `json:"good,omitempty"`
	Total    *float64   `json:"total,omitempty"`
	Item     string     `json:"item,omitempty"`
	Opened   *time.Time `json:"opened,omitempty"`
	Resolved *time.Time `json:"resolved,omitempty"`
	// Elapsed is a duration item's counted business time, in seconds.
	Elapsed  *float64 `json:"elapsed,omitempty"`
	Priority string   `json:"priority,omitempty"`
	CI       string   `json:"ci,omitempty"`
	// Slice is the availability slice the probe falls in.
	Slice *time.Time `json:"slice,omitempty"`
	Tier  string     `json:"tier,omitempty"`
	// Status: good, bad, excluded, out-of-scope (outside the calendar) or counted (statistics).
	Status string `json:"status"`
	// Units this row adds to the figure (availability: a slice counts once, on its first probe).
	GoodUnits     float64 `json:"good_units"`
	BadUnits      float64 `json:"bad_units"`
	ExcludedUnits float64 `json:"excluded_units"`
	Why           string  `json:"why,omitempty"`
	Batch         uint64  `json:"batch"`
	File          string  `json:"file"`
	// Row is the row number in the batch's file (as findings name it).
	Row      uint32           `json:"row"`
	Findings []ingest.Finding `json:"findings"`
}

// DrillBatch is the import a row came from.
type DrillBatch drill.Batch

// Rows lists the rows behind one period's figure of an SLT, a page at a time.
func (c *Compliance) Rows(q RowsQuery) (RowsPage, error) {
	dq := drill.Query{SLT: q.SLT, Tier: q.Tier, Period: q.Period, Status: q.Status, Sort: q.Sort, Offset: q.Offset, Limit: q.Limit}
	if err := dq.Check(); err != nil {
		return RowsPage{}, err
	}
	at, err := c.at(q.At)
	if err != nil {
		return RowsPage{}, err
	}
	ver, err := c.dbVersion()
	if err != nil {
		return RowsPage{}, err
	}
	key := fmt.Sprint(ver, "|", q.SLT, "|", q.Tier, "|", q.Period, "|", at.UnixNano())
	v, err := c.drill.Do(c.context(), key, func(context.Context) (any, error) {
		in, err := c.input(at)
		if err != nil {
			return nil, err
		}
		return drill.Read(c.store, in, q.SLT, q.Tier, q.Period)
	})
	if err != nil {
		return RowsPage{}, err
	}
	d := v.(*drill.Period)
	h := d.Head
	rows, batches, total := d.Page(dq)
	return RowsPage{SLT: h.SLT, DisplayName: h.DisplayName, Service: h.Service, Tier: h.Tier, Period: h.Period, TimeZone: h.TimeZone,
		Start: h.Start, End: h.End, At: h.At, Indicator: h.Indicator, Feed: h.Feed, Shape: h.Shape, Unit: h.Unit, Figure: h.Figure,
		Tally: RowsTally(h.Tally), Periods: h.Periods, All: h.All, Total: total, Offset: dq.Offset, Components: h.Components,
		Note: h.Note, CMDB: (*CIReport)(h.CMDB),
		Rows:    convert(rows, func(r drill.Row) DrillRow { return DrillRow(r) }),
		Batches: convert(batches, func(b drill.Batch) DrillBatch { return DrillBatch(b) })}, nil
}
