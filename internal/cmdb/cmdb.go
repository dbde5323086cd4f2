// Package cmdb keeps the configuration items (CIs) a CMDB export lists and
// ties SLT data to them: it reads the export, stores it as the CI set, and
// counts, for an SLT and period, the rows that come from CIs the CMDB does
// not know or has not verified recently.
package cmdb

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"

	"slate/internal/domain"
	"slate/internal/ingest"
	"slate/internal/storage"
)

// Columns a CMDB export may use for each field (compared in lower case,
// letters and digits only), best first.
var columns = map[string][]string{
	"id":       {"ciid", "id", "ci", "configurationitem", "sysid", "cinumber", "assettag"},
	"name":     {"name", "ciname", "displayname", "hostname"},
	"class":    {"class", "ciclass", "type", "citype", "category"},
	"owner":    {"owner", "ownedby", "managedby", "supportgroup", "custodian"},
	"status":   {"status", "operationalstatus", "installstatus", "state", "lifecyclestatus"},
	"verified": {"verifiedat", "verified", "lastverified", "lastverifiedat", "lastaudit", "audited", "lastaudited", "attestedat"},
}

var fieldOrder = []string{"id", "name", "class", "owner", "status", "verified"}

func norm(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// MaxFile bounds a CMDB export (it is read whole).
const MaxFile = 64 << 20

// ReadError lists every problem of a refused export; nothing was imported.
type ReadError struct{ Problems []string }

func (e *ReadError) Error() string {
	shown := e.Problems
	more := ""
	if len(shown) > 20 {
		more = fmt.Sprintf("\n… and %d more", len(shown)-20)
		shown = shown[:20]
	}
	return fmt.Sprintf("%d problem(s) in the CMDB export, nothing was imported:\n%s%s", len(e.Problems), strings.Join(shown, "\n"), more)
}

// Read reads a CMDB export (CSV: any of the encodings and delimiters the data
// import reads) with the columns ci id, name, class, owner, status and
// verified-at (names as CMDB tools write them). Every row must have an id,
// unique, and a readable verified-at (a date, a date and time, or blank for
// never verified). All problems are returned together.
func Read(r io.Reader) ([]domain.CI, error) {
	src, err := ingest.NewCSV(r, 0, ingest.Limits{})
	if err != nil {
		return nil, err
	}
	tab, err := ingest.NewTable(src, nil)
	if err != nil {
		return nil, fmt.Errorf("CMDB export: %w", err)
	}
	col := map[string]int{}
	for _, f := range fieldOrder {
		for _, syn := range columns[f] {
			if i := slices.IndexFunc(tab.Header, func(h string) bool { return norm(h) == syn }); i >= 0 && !slices.Contains(mapValues(col), i) {
				col[f] = i
				break
			}
		}
	}
	var missing []string
	for _, f := range []string{"id", "verified"} {
		if _, ok := col[f]; !ok {
			missing = append(missing, map[string]string{"id": "the CI id", "verified": "verified-at"}[f])
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("CMDB export: no column for %s (the header has %s); name them e.g. ci_id, name, class, owner, status, verified_at",
			strings.Join(missing, " and "), strings.Join(tab.Header, ", "))
	}
	tp, _ := ingest.NewTimeParser(ingest.LayoutAuto, time.UTC)
	var out []domain.CI
	var problems []string
	seen := map[string]int{}
	for {
		cells, row, err := tab.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var mr *ingest.MalformedRowError
		if errors.As(err, &mr) {
			problems = append(problems, fmt.Sprintf("row %d: %v", row, mr.Err))
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("CMDB export: %w", err)
		}
		cell := func(f string) string {
			i, ok := col[f]
			if !ok || i >= len(cells) {
				return ""
			}
			return strings.TrimSpace(cells[i])
		}
		if strings.Join(cells, "") == "" {
			continue
		}
		ci := domain.CI{ID: cell("id"), Name: cell("name"), Class: cell("class"), Owner: cell("owner"), Status: cell("status")}
		switch first, dup := seen[ci.ID]; {
		case ci.ID == "":
			problems = append(problems, fmt.Sprintf("row %d, column %s: the CI id is empty", row, tab.Header[col["id"]]))
			continue
		case dup:
			problems = append(problems, fmt.Sprintf("row %d, column %s: CI %q is listed again (first on row %d)", row, tab.Header[col["id"]], ci.ID, first))
			continue
		}
		seen[ci.ID] = row
		if v := cell("verified"); v != "" {
			t, err := tp.Parse(v)
			if err != nil {
				problems = append(problems, fmt.Sprintf("row %d, column %s: %q is not a date (write 2026-11-02 or 2026-11-02T14:00:00Z; leave it blank if never verified)", row, tab.Header[col["verified"]], v))
				continue
			}
			ci.VerifiedAt = t.UTC()
		}
		out = append(out, ci)
	}
	if len(problems) > 0 {
		return nil, &ReadError{problems}
	}
	if len(out) == 0 {
		return nil, errors.New("the CMDB export has a header but no CIs; nothing was imported")
	}
	return out, nil
}

func mapValues(m map[string]int) []int {
	var v []int
	for _, x := range m {
		v = append(v, x)
	}
	return v
}

// Import reads a CMDB export and makes it the stored CI set, in one
// transaction with its audit event; a refused file changes nothing.
func Import(st *storage.Store, r io.Reader, file string) (storage.CMDBImport, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFile+1))
	if err != nil {
		return storage.CMDBImport{}, err
	}
	if len(data) > MaxFile {
		return storage.CMDBImport{}, fmt.Errorf("%s: a CMDB export over %d MiB is not a CI list", file, MaxFile>>20)
	}
	cis, err := Read(bytes.NewReader(data))
	if err != nil {
		return storage.CMDBImport{}, fmt.Errorf("%s: %w", file, err)
	}
	sum := sha256.Sum256(data)
	imp := storage.CMDBImport{File: file, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))}
	err = st.Update(func(tx *storage.Tx) error { return tx.ReplaceCIs(cis, &imp) })
	return imp, err
}
