package app

import (
	"slate/internal/salvage"
	"slate/internal/storage"
)

// Doctor checks a database file read-only: its header and pages, schema,
// definitions, audit chain and batch data (path "" = the default location).
func Doctor(path string) (DoctorReport, error) {
	if path == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			return DoctorReport{}, err
		}
		path = p
	}
	return DoctorReport(storage.Doctor(path)), nil
}

// SalvageResult lists what Salvage wrote and what it could not read.
type SalvageResult struct {
	Dir     string   `json:"dir"`
	Written []string `json:"written"`
	Failed  []string `json:"failed"`
}

// Salvage copies what can still be read from a (possibly damaged) database
// into dir, never writing to the database: definitions.yaml (for `slate
// apply`), audit.jsonl (the readable events) and the original file of every
// batch whose source is stored (to import again). dir must not exist yet.
func Salvage(path, dir string) (SalvageResult, error) {
	r, err := salvage.Salvage(path, dir)
	return SalvageResult(r), err
}
