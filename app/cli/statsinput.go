package cli

import (
	"os"
	"path/filepath"

	"slate/internal/ingest"
)

// readStatsTable reads the file `slate stats` works on with the import's
// own readers (internal/ingest): a CSV in any delimiter, encoding or quoting
// an import reads, the first sheet of an XLSX, or whitespace-aligned columns
// (NIST, qcc); so "1.234,5" and "12%" read as they would in an import.
func readStatsTable(path string) (*ingest.Columns, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return ingest.ReadColumns(f, st.Size(), filepath.Base(path), ingest.Limits{})
}
