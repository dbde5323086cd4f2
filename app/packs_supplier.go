package app

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/pack"
	"slate/internal/supply"
)

// supplierSLTs are the SLTs of a supplier's review (supply.Scope), in the
// pack's order.
func supplierSLTs(ws *domain.Workspace, supplier string) ([]*domain.SLT, error) {
	sc, err := supply.Scope(ws, nil, supply.ScopeOptions{Supplier: supplier})
	if err != nil {
		return nil, err
	}
	in := map[string]bool{}
	for _, s := range sc.SLTs {
		in[s.SLT] = true
	}
	all, err := pack.ScopeSLTs(ws, nil)
	var out []*domain.SLT
	for _, s := range all {
		if in[s.Name()] {
			out = append(out, s)
		}
	}
	return out, err
}

// dataFile is a data set file written in memory, to go beside the pack.
type dataFile struct {
	name string
	data []byte
}

// supplierReview reads a supplier's joint review for the pack: its scope,
// improvement actions and contingency plan, its maturity beside its record,
// and the data set, each feed's rows of the period written in the feed's
// layout (the files go beside the pack).
func (p *Packs) supplierReview(cin compliance.Input, q PackQuery) (*pack.SupplierReview, []dataFile, error) {
	sc, err := supply.ScopeStore(p.store, supply.ScopeOptions{Supplier: q.Supplier, Period: q.Period, At: cin.At})
	if err != nil {
		return nil, nil, err
	}
	mat, err := supply.Maturity(cin, supply.MaturityOptions{Supplier: q.Supplier})
	if err != nil {
		return nil, nil, err
	}
	r := &pack.SupplierReview{Supplier: sc.Supplier, DisplayName: sc.DisplayName, Contact: sc.Contact, Email: sc.Email, ContingencyPlan: sc.ContingencyPlan}
	for _, s := range sc.SLTs {
		r.SLTs = append(r.SLTs, pack.ReviewSLT{SLT: s.SLT, Feed: s.Feed, Why: s.Why, Contracts: s.Contracts})
	}
	if m := mat.Suppliers[0]; m.Latest != nil {
		l := m.Latest
		r.Maturity = &pack.Maturity{Assessment: l.Assessment, Model: l.Model, Date: l.Date, Assessor: l.Assessor, Score: l.Score, Answered: l.Answered, Questions: l.Questions}
		for _, a := range l.Areas {
			r.Maturity.Areas = append(r.Maturity.Areas, pack.MaturityArea{Name: a.Name, Weight: a.Weight, Score: a.Score, Answered: a.Answered, Questions: a.Questions})
		}
	}
	r.Record, r.Disagrees = mat.Suppliers[0].Verdict, mat.Suppliers[0].Disagrees
	for _, a := range sc.Actions {
		r.Actions = append(r.Actions, pack.Action{ID: a.ID, Title: a.Title, Owner: a.Owner, Due: a.Due, Status: a.Status, Overdue: a.Overdue, DaysOverdue: a.DaysOverdue})
	}
	if c := sc.Contingency; c != nil {
		r.Contingency = &pack.Contingency{Trigger: c.Trigger, Failover: c.Failover, Workaround: c.Workaround, LastTested: c.LastTested}
		for _, k := range c.Contacts {
			r.Contingency.Contacts = append(r.Contingency.Contacts, pack.Contact(k))
		}
	}
	var files []dataFile
	for _, feed := range sc.Feeds {
		var buf bytes.Buffer
		df, err := supply.WriteDataFile(p.store, sc, feed, q.Period, &buf)
		if err != nil {
			return nil, nil, err
		}
		sum := sha256.Sum256(buf.Bytes())
		r.DataSet = append(r.DataSet, pack.DataFile{Name: df.Name, Feed: df.Feed, From: df.From, To: df.To, Rows: df.Rows, Batches: df.Batches, SHA256: hex.EncodeToString(sum[:])})
		files = append(files, dataFile{df.Name, buf.Bytes()})
	}
	return r, files, nil
}
