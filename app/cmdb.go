package app

import (
	"os"
	"time"

	"slate/internal/cmdb"
	"slate/internal/storage"
	"slate/internal/uploads"
)

// CMDB holds the configuration items of the last CMDB import and ties SLT
// data to them: rows from CIs the CMDB does not know or has not verified
// within 90 days are counted and flagged.
type CMDB struct {
	store   *storage.Store
	caller  Caller
	uploads *uploads.Area
}

// CMDBImport records a CMDB import: file, SHA-256, CIs added, changed, removed.
type CMDBImport storage.CMDBImport

// CMDBList is the stored CI set, each CI with its state now.
type CMDBList struct {
	// Import is the last CMDB import; nil before the first.
	Import     *CMDBImport     `json:"import"`
	At         time.Time       `json:"at"`
	MaxAgeDays int             `json:"max_age_days"`
	CIs        []cmdb.ListedCI `json:"cis"`
}

// CMDBQuery selects an SLT's period (its period key; empty: the running one).
type CMDBQuery struct {
	SLT    string `json:"slt"`
	Period string `json:"period"`
	At     string `json:"at"`
}

// Import makes an uploaded CMDB export (CSV: CI id, name, class, owner,
// status, verified-at) the stored CI set, in one audited transaction
// (cmdb.import). A refused file changes nothing and lists every problem.
func (c *CMDB) Import(upload string) (CMDBImport, error) {
	src, err := c.uploads.Get(c.caller.Name, upload)
	if err != nil {
		return CMDBImport{}, err
	}
	f, err := os.Open(src.Path)
	if err != nil {
		return CMDBImport{}, err
	}
	defer f.Close()
	imp, err := cmdb.Import(c.store, f, src.Name)
	if err == nil && src.Owned {
		c.uploads.Done(src.ID)
	}
	return CMDBImport(imp), err
}

// List gives the stored CIs, each verified or not as of now and with the
// SLTs that declare it; CIs an SLT declares that the CMDB lacks are listed
// as unknown.
func (c *CMDB) List() (CMDBList, error) {
	res := CMDBList{At: c.store.Now().UTC(), MaxAgeDays: int(cmdb.MaxAge / (24 * time.Hour))}
	last, cis, err := cmdb.ReadList(c.store, res.At)
	res.Import, res.CIs = (*CMDBImport)(last), cis
	return res, err
}

// Check counts an SLT's rows in a period by the state of their CI: unknown
// to the CMDB, not verified in the last 90 days, verified, or naming none.
func (c *CMDB) Check(q CMDBQuery) (CIReport, error) {
	in, err := evalInput(c.store, q.At)
	if err != nil {
		return CIReport{}, err
	}
	rep, err := cmdb.ReadCheck(c.store, in, q.SLT, q.Period)
	return CIReport(rep), err
}

// CIReport counts an SLT's rows in a period by the state of their CI.
type CIReport cmdb.Report

// The states of a CI (internal/cmdb), for the faces that print them.
const (
	CIVerified   = cmdb.StateVerified
	CIUnverified = cmdb.StateUnverified
	CIUnknown    = cmdb.StateUnknown
)
