package app

import (
	"errors"
	"fmt"

	"slate/internal/compliance"
	"slate/internal/readview"
	"slate/internal/storage"
	"slate/internal/supply"
	"slate/internal/uploads"
)

// Suppliers is supplier management: whether the end-to-end SLTs are covered
// by contracts and can be met, each supplier's assessed maturity beside its
// record, and a supplier's review scope with the data set both sides check.
type Suppliers struct {
	store  *storage.Store
	caller Caller
}

// ChainReport is the end-to-end coverage of the workspace (supply.Check).
type ChainReport supply.ChainReport

// MaturityReport sets each supplier's assessed maturity beside its record.
type MaturityReport supply.MaturityReport

// SupplierScope is what a joint review with one supplier covers.
type SupplierScope supply.SupplierScope

// ChainQuery selects the measured periods of the chain check: Period keeps
// one period key (or the periods starting inside it); At is the evaluation
// time (RFC 3339 or a date; empty: now).
type ChainQuery struct {
	Period string `json:"period"`
	At     string `json:"at"`
}

// MaturityQuery selects one supplier (empty: all) and how many of each
// contract SLT's latest complete periods make its record (0: 12).
type MaturityQuery struct {
	Supplier string `json:"supplier"`
	Periods  int    `json:"periods"`
	At       string `json:"at"`
}

// ScopeQuery names a supplier and a review period (a period key; empty: all batches).
type ScopeQuery struct {
	Supplier string `json:"supplier"`
	Period   string `json:"period"`
}

// DataSetQuery names one feed of a supplier's review scope and the period.
type DataSetQuery struct {
	Supplier string `json:"supplier"`
	Period   string `json:"period"`
	Feed     string `json:"feed"`
}

// evalInput is what the engines evaluate at "at" (empty: now).
func evalInput(st *storage.Store, at string) (compliance.Input, error) {
	t := st.Now().UTC()
	if at != "" {
		var err error
		if t, err = ParseTime(at); err != nil {
			return compliance.Input{}, err
		}
	}
	return readview.Input(st, t)
}

// Check reports every end-to-end SLT's components: gaps (no contract),
// overlaps (two contracts), orphan contracts, whether the components'
// targets allow the end-to-end target (and which part must improve, by how
// much), and per period whether the parts met theirs while the whole missed.
func (s *Suppliers) Check(q ChainQuery) (ChainReport, error) {
	in, err := evalInput(s.store, q.At)
	if err != nil {
		return ChainReport{}, err
	}
	rep, err := supply.CheckAll(in, q.Period)
	return ChainReport(rep), err
}

// Maturity scores each supplier's latest maturity assessment by area beside
// its record on its contract SLTs (periods met, credits, trend) and flags
// where they disagree.
func (s *Suppliers) Maturity(q MaturityQuery) (MaturityReport, error) {
	in, err := evalInput(s.store, q.At)
	if err != nil {
		return MaturityReport{}, err
	}
	rep, err := supply.Maturity(in, supply.MaturityOptions{Supplier: q.Supplier, Periods: q.Periods})
	return MaturityReport(rep), err
}

// Scope is what a joint review with a supplier covers: its contracts, the
// SLTs it is bound to or delivers the data of, their feeds and the batches of
// the period, its contingency plan and assessments.
func (s *Suppliers) Scope(q ScopeQuery) (SupplierScope, error) {
	sc, err := supply.ScopeStore(s.store, supply.ScopeOptions{Supplier: q.Supplier, Period: q.Period})
	return SupplierScope(sc), err
}

// DataSet is one feed of a supplier's shared data set as a download: the
// feed's published rows of the period in the feed's own layout (an XLSX the
// supplier can check and import as it is). A supplier user gets the feeds it
// delivers only. Every download is audited (export.dataset).
func (s *Suppliers) DataSet(q DataSetQuery) (FileData, error) {
	if q.Period == "" {
		return FileData{}, errors.New("the data set needs a review period (e.g. 2026-10)")
	}
	if s.caller.scoped() && q.Supplier != s.caller.Supplier {
		return FileData{}, fmt.Errorf("supplier %s: you may download the data set of %s only", Clip(q.Supplier), s.caller.Supplier)
	}
	sc, err := s.Scope(ScopeQuery{Supplier: q.Supplier, Period: q.Period})
	if err != nil {
		return FileData{}, err
	}
	if s.caller.scoped() {
		if err := s.ownFeed(q.Feed); err != nil {
			return FileData{}, err
		}
	}
	buf := &uploads.Download{}
	df, err := supply.ExportDataSet(s.store, supply.SupplierScope(sc), q.Feed, q.Period, buf)
	if errors.Is(err, uploads.ErrTooBig) {
		return FileData{}, fmt.Errorf("the data set of %s for %s is over %d MiB, too big to download here; build the supplier pack with `slate pack --supplier %s --period %s`",
			q.Feed, q.Period, uploads.MaxDownload>>20, q.Supplier, q.Period)
	}
	if err != nil {
		return FileData{}, err
	}
	return FileData{Name: df.Name, Type: MimeXLSX, Size: int64(buf.Len()), Data: buf.Bytes(), Rows: df.Rows}, nil
}

// ownFeed refuses a feed the calling supplier does not deliver.
func (s *Suppliers) ownFeed(feed string) error {
	ws, err := storage.Read(s.store, (*storage.Tx).Workspace)
	if err != nil {
		return err
	}
	if f := ws.Feed(feed); f == nil || f.Spec.Supplier != s.caller.Supplier {
		return fmt.Errorf("%w %s", ErrNoFeed, Clip(feed))
	}
	return nil
}

// What a measured chain period found, and whether a supplier's maturity and
// record agree (internal/supply), for the faces that print them.
const (
	ChainMet            = supply.StatusMet
	ChainPartMissed     = supply.StatusPartMissed
	ChainMappingProblem = supply.StatusMappingProblem
	ChainIncomplete     = supply.StatusIncomplete
	ChainNoData         = supply.StatusNoData
	AgreeHighPoor       = supply.AgreeHighPoor
	AgreeLowGood        = supply.AgreeLowGood
)
