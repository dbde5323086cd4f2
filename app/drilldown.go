package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/drill"
	"slate/internal/ingest"
	"slate/internal/storage"
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
}

// RowsTally sums the units of every row of the period by status. For
// availability, slices without probes are tallied apart (Gap*), so
// Good + GapGood is the figure's good, and so on.
type RowsTally struct {
	Good         float64 `json:"good"`
	Bad          float64 `json:"bad"`
	Excluded     float64 `json:"excluded"`
	Counted      float64 `json:"counted"`
	OutOfScope   int     `json:"out_of_scope"`
	WithFindings int     `json:"with_findings"`
	GapGood      float64 `json:"gap_good"`
	GapBad       float64 `json:"gap_bad"`
	GapUnknown   float64 `json:"gap_unknown"`
	GapExcluded  float64 `json:"gap_excluded"`
}

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
type DrillBatch struct {
	ID        uint64    `json:"id"`
	File      string    `json:"file"`
	Status    string    `json:"status"`
	Published time.Time `json:"published"`
	SHA256    string    `json:"sha256"`
}

// drilled is every row of one period, computed once and paged from the cache.
type drilled struct {
	page     RowsPage // without Rows and Batches
	rows     []drill.Row
	batches  map[uint64]DrillBatch
	findings map[uint64]map[uint32][]ingest.Finding
}

// Rows lists the rows behind one period's figure of an SLT, a page at a time.
func (c *Compliance) Rows(q RowsQuery) (RowsPage, error) {
	if strings.TrimSpace(q.SLT) == "" {
		return RowsPage{}, errors.New("name an SLT")
	}
	if strings.TrimSpace(q.Period) == "" {
		return RowsPage{}, errors.New("name a period (e.g. 2026-10)")
	}
	if q.Limit <= 0 {
		q.Limit = 200
	}
	q.Limit = min(q.Limit, 5000)
	q.Offset = max(q.Offset, 0)
	if err := drill.CheckQuery(q.Status, q.Sort); err != nil {
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
	d, err := c.drill.Do(c.context(), key, func(context.Context) (any, error) { return c.buildDrill(q, at) })
	if err != nil {
		return RowsPage{}, err
	}
	return d.(*drilled).pageOf(q), nil
}

func (d *drilled) pageOf(q RowsQuery) RowsPage {
	p := d.page
	idx := drill.Select(d.rows, q.Status, q.Sort, d.hasFindings)
	p.Total, p.Offset = len(idx), q.Offset
	p.Rows, p.Batches = []DrillRow{}, []DrillBatch{}
	seen := map[uint64]bool{}
	for _, i := range idx[min(q.Offset, len(idx)):min(q.Offset+q.Limit, len(idx))] {
		r := DrillRow(d.rows[i])
		r.Findings = d.findings[r.Batch][r.Row]
		if r.Findings == nil {
			r.Findings = []ingest.Finding{}
		}
		if b, ok := d.batches[r.Batch]; ok {
			r.File = b.File
			if !seen[r.Batch] {
				seen[r.Batch] = true
				p.Batches = append(p.Batches, b)
			}
		}
		p.Rows = append(p.Rows, r)
	}
	return p
}

func (d *drilled) hasFindings(r *drill.Row) bool { return len(d.findings[r.Batch][r.Row]) > 0 }

func (c *Compliance) buildDrill(q RowsQuery, at time.Time) (*drilled, error) {
	in, err := c.input(at)
	if err != nil {
		return nil, err
	}
	ws := in.Workspace
	s := ws.SLT(q.SLT)
	if s == nil {
		return nil, fmt.Errorf("SLT %q does not exist", q.SLT)
	}
	sp := &s.Spec
	d := &drilled{batches: map[uint64]DrillBatch{}, findings: map[uint64]map[uint32][]ingest.Finding{}}
	p := &d.page
	*p = RowsPage{SLT: s.Name(), DisplayName: displayName(s.Metadata), Service: sp.Service, Tier: q.Tier, Period: q.Period,
		At: at, Feed: sp.Feed, Periods: []string{}, Components: []string{}, Rows: []DrillRow{}, Batches: []DrillBatch{}}
	if f := ws.Feed(sp.Feed); f != nil {
		p.Shape, p.Unit = f.Spec.Shape, f.Spec.Unit
	}
	p.TimeZone = sp.TimeZone
	if p.TimeZone == "" {
		p.TimeZone = "UTC"
	}
	rows, err := compliance.NewEvaluator(in).SLT(s.Name(), nil)
	if err != nil {
		return nil, err
	}
	f, err := drill.FigureOf(s, rows, q.Tier, q.Period)
	if err != nil {
		return nil, err
	}
	fig, specs := &f.Row, f.Specs
	p.Periods = f.Periods
	p.Figure, p.Start, p.End, p.Indicator = *fig, fig.Start, fig.End, fig.Kind
	if sp.Composite != nil {
		p.Indicator = "composite"
		for _, comp := range sp.Composite.Components {
			p.Components = append(p.Components, comp.SLT)
		}
		p.Note = "A composite has no rows of its own: its attainment is the weighted mean of its components' attainments. Open a component to see its rows."
		return d, nil
	}
	kind := sp.Indicator.Kind
	p.Note = drill.Note(kind)
	cl := drill.New(specs, kind, p.Shape, fig.Start, fig.End, at)
	err = c.store.View(func(tx *storage.Tx) error {
		from, to := cl.Window()
		if err := tx.ScanPointRows(sp.Feed, from, to, func(pt *domain.Point, row uint32) error {
			cl.Add(pt, row)
			return nil
		}); err != nil {
			return err
		}
		return c.loadBatches(tx, d, cl.Batches())
	})
	if err != nil {
		return nil, err
	}
	var tally drill.Tally
	d.rows, tally = cl.Finish(d.hasFindings)
	p.Tally, p.All = RowsTally(tally), len(d.rows)
	return d, nil
}

// loadBatches reads the batches ids and their findings (by row).
func (c *Compliance) loadBatches(tx *storage.Tx, d *drilled, ids []uint64) error {
	for _, id := range ids {
		b, err := tx.Batch(id)
		if err != nil {
			continue // a point without a batch record (written before batches existed)
		}
		d.batches[id] = DrillBatch{ID: id, File: b.File, Status: b.Status.String(), Published: b.Published, SHA256: b.SHA256}
		byRow := map[uint32][]ingest.Finding{}
		if err := tx.BatchFindings(id, func(v []byte) error {
			var f ingest.Finding
			if err := json.Unmarshal(v, &f); err != nil {
				return err
			}
			if f.Row > 0 {
				byRow[uint32(f.Row)] = append(byRow[uint32(f.Row)], f)
			}
			return nil
		}); err != nil {
			return fmt.Errorf("batch %d findings: %w", id, err)
		}
		d.findings[id] = byRow
	}
	return nil
}
