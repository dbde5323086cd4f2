package drill

import (
	"encoding/json"
	"fmt"
	"time"

	"slate/internal/cmdb"
	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/ingest"
	"slate/internal/storage"
)

// Head describes one period's figure: the SLT, the figure itself and the
// tally of every row of the period.
type Head struct {
	SLT, DisplayName, Service, Tier, Period, TimeZone string
	Start, End, At                                    time.Time
	Indicator, Feed, Shape, Unit                      string
	Figure                                            compliance.Row
	Tally                                             Tally
	Periods                                           []string
	All                                               int
	Components                                        []string
	Note                                              string
	// CMDB counts the period's rows by the state of their CI; nil without a CMDB import.
	CMDB *cmdb.Report
}

// Batch is the import a row came from.
type Batch struct {
	ID        uint64    `json:"id"`
	File      string    `json:"file"`
	Status    string    `json:"status"`
	Published time.Time `json:"published"`
	SHA256    string    `json:"sha256"`
}

// Period is every row of one period's figure, classified once and paged
// from memory (Page).
type Period struct {
	Head     Head
	rows     []Row
	batches  map[uint64]Batch
	findings map[uint64]map[uint32][]ingest.Finding
}

// Read classifies the rows behind one period's figure of an SLT (or one
// tier of it), evaluated as in (bound to st) says, with their batches and
// findings.
func Read(st *storage.Store, in compliance.Input, slt, tier, period string) (*Period, error) {
	ws := in.Workspace
	s := ws.SLT(slt)
	if s == nil {
		return nil, fmt.Errorf("SLT %q does not exist", slt)
	}
	sp := &s.Spec
	d := &Period{batches: map[uint64]Batch{}, findings: map[uint64]map[uint32][]ingest.Finding{}}
	h := &d.Head
	*h = Head{SLT: s.Name(), DisplayName: s.Metadata.Title(), Service: sp.Service, Tier: tier, Period: period,
		At: in.At, Feed: sp.Feed, Periods: []string{}, Components: []string{}, TimeZone: sp.TimeZone}
	if f := ws.Feed(sp.Feed); f != nil {
		h.Shape, h.Unit = f.Spec.Shape, f.Spec.Unit
	}
	if h.TimeZone == "" {
		h.TimeZone = "UTC"
	}
	rows, err := compliance.NewEvaluator(in).SLT(s.Name(), nil)
	if err != nil {
		return nil, err
	}
	f, err := FigureOf(s, rows, tier, period)
	if err != nil {
		return nil, err
	}
	fig := &f.Row
	h.Periods = f.Periods
	h.Figure, h.Start, h.End, h.Indicator = *fig, fig.Start, fig.End, fig.Kind
	if sp.Composite != nil {
		h.Indicator = "composite"
		for _, comp := range sp.Composite.Components {
			h.Components = append(h.Components, comp.SLT)
		}
		h.Note = "A composite has no rows of its own: its attainment is the weighted mean of its components' attainments. Open a component to see its rows."
		return d, nil
	}
	if cis, err := cmdb.ReadCIs(st); err != nil {
		return nil, err
	} else if len(cis) > 0 {
		rep, err := cmdb.Check(ws, in.Source, cis, s.Name(), period, in.At)
		if err != nil {
			return nil, err
		}
		h.CMDB = &rep
	}
	h.Note = Note(sp.Indicator.Kind)
	cl := New(f.Specs, sp.Indicator.Kind, h.Shape, fig.Start, fig.End, in.At)
	err = st.View(func(tx *storage.Tx) error {
		from, to := cl.Window()
		if err := tx.ScanPointRows(sp.Feed, from, to, func(pt *domain.Point, row uint32) error {
			cl.Add(pt, row)
			return nil
		}); err != nil {
			return err
		}
		return d.loadBatches(tx, cl.Batches())
	})
	if err != nil {
		return nil, err
	}
	d.rows, h.Tally = cl.Finish(d.hasFindings)
	h.All = len(d.rows)
	return d, nil
}

// loadBatches reads the batches ids and their findings (by row).
func (d *Period) loadBatches(tx *storage.Tx, ids []uint64) error {
	for _, id := range ids {
		b, err := tx.Batch(id)
		if err != nil {
			continue // a point without a batch record (written before batches existed)
		}
		d.batches[id] = Batch{ID: id, File: b.File, Status: b.Status.String(), Published: b.Published, SHA256: b.SHA256}
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

func (d *Period) hasFindings(r *Row) bool { return len(d.findings[r.Batch][r.Row]) > 0 }

// Page is the rows of a checked query (Select by status and sort) from its
// offset, at most its limit, each with its findings and file, the batches
// they came from, and how many rows match in all.
func (d *Period) Page(q Query) (rows []Row, batches []Batch, total int) {
	idx := Select(d.rows, q.Status, q.Sort, d.hasFindings)
	offset, limit := q.Offset, q.Limit
	rows, batches = []Row{}, []Batch{}
	seen := map[uint64]bool{}
	for _, i := range idx[min(offset, len(idx)):min(offset+limit, len(idx))] {
		r := d.rows[i]
		r.Findings = d.findings[r.Batch][r.Row]
		if r.Findings == nil {
			r.Findings = []ingest.Finding{}
		}
		if b, ok := d.batches[r.Batch]; ok {
			r.File = b.File
			if !seen[r.Batch] {
				seen[r.Batch] = true
				batches = append(batches, b)
			}
		}
		rows = append(rows, r)
	}
	return rows, batches, len(idx)
}
