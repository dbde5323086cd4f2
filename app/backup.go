package app

import "slate/internal/storage"

// BackupResult describes a written backup.
type BackupResult struct {
	File  string `json:"file"`
	Bytes int64  `json:"bytes"`
}

// Backup writes a consistent copy of the database to path and audits it.
// It runs beside other work: the copy is one read transaction's snapshot.
func (a *App) Backup(path string) (BackupResult, error) {
	n, err := a.store.Backup(path)
	if err != nil {
		return BackupResult{}, err
	}
	res := BackupResult{File: path, Bytes: n}
	err = a.store.Update(func(tx *storage.Tx) error {
		_, err := tx.Audit("export.backup", path, res)
		return err
	})
	return res, err
}
