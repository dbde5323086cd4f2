package cmdb

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/storage"
)

// ReadCIs reads the stored CIs.
func ReadCIs(st *storage.Store) ([]domain.CI, error) {
	var cis []domain.CI
	err := st.View(func(tx *storage.Tx) error {
		var err error
		cis, err = tx.CIs()
		return err
	})
	return cis, err
}

// ReadList is List of the stored CIs as of at, with the last import (nil before any).
func ReadList(st *storage.Store, at time.Time) (*storage.CMDBImport, []ListedCI, error) {
	var last *storage.CMDBImport
	var out []ListedCI
	err := st.View(func(tx *storage.Tx) error {
		ws, err := tx.Workspace()
		if err != nil {
			return err
		}
		cis, err := tx.CIs()
		if err != nil {
			return err
		}
		if last, err = tx.LastCMDBImport(); err != nil {
			return err
		}
		out = List(ws, cis, at)
		return nil
	})
	return last, out, err
}

// ReadCheck is Check on the stored CIs, evaluated as in says.
func ReadCheck(st *storage.Store, in compliance.Input, slt, period string) (Report, error) {
	cis, err := ReadCIs(st)
	if err != nil {
		return Report{}, err
	}
	return Check(in.Workspace, in.Source, cis, slt, period, in.At)
}

// ReadFindings is Findings on the stored CIs for the rows of a report.
func ReadFindings(st *storage.Store, in compliance.Input, rows []compliance.Row) ([]compliance.CMDBFinding, error) {
	cis, err := ReadCIs(st)
	if err != nil {
		return nil, err
	}
	return Findings(in.Workspace, in.Source, cis, rows, in.At)
}

// ImportOnce imports a CMDB export (Import) unless that very export is the
// last import: then it imports nothing and returns nil.
func ImportOnce(st *storage.Store, data []byte, file string) (*storage.CMDBImport, error) {
	var last *storage.CMDBImport
	if err := st.View(func(tx *storage.Tx) error {
		var err error
		last, err = tx.LastCMDBImport()
		return err
	}); err != nil {
		return nil, err
	}
	if last != nil && last.SHA256 == fmt.Sprintf("%x", sha256.Sum256(data)) {
		return nil, nil
	}
	imp, err := Import(st, bytes.NewReader(data), file)
	if err != nil {
		return nil, err
	}
	return &imp, nil
}
