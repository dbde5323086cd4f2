package cli

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// statsTable is a small column-oriented view of a CSV or XLSX file with a
// header row, for `slate stats`. Rows keep their position in the file (the
// header is row 1) so errors can say where a bad value is.
type statsTable struct {
	file   string // base name, for messages
	sheet  string // XLSX only
	comma  rune   // CSV delimiter
	header []string
	rows   [][]string
	rowNum []int // file row of each data row
}

// readStatsTable reads a CSV (delimiter , ; tab or |, detected from the
// header line; UTF-8 BOM allowed) or the first sheet of an XLSX file.
func readStatsTable(path string) (*statsTable, error) {
	name := filepath.Base(path)
	if ext := strings.ToLower(filepath.Ext(path)); ext == ".xlsx" || ext == ".xlsm" {
		return readStatsXLSX(path, name)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return readStatsCSV(bytes.NewReader(b), name)
}

// sniffDelimiter picks the candidate that occurs most often outside quotes in
// the first line; ' ' when there is none but the line has blanks (the
// whitespace-aligned columns of published data sets such as NIST and qcc).
func sniffDelimiter(b []byte) rune {
	line := b
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		line = b[:i]
	}
	counts := map[rune]int{}
	inQuote := false
	for _, r := range string(line) {
		switch {
		case r == '"':
			inQuote = !inQuote
		case !inQuote && (r == ',' || r == ';' || r == '\t' || r == '|'):
			counts[r]++
		}
	}
	best, n := ',', 0
	for _, r := range []rune{',', ';', '\t', '|'} {
		if counts[r] > n {
			best, n = r, counts[r]
		}
	}
	if n == 0 && len(bytes.Fields(line)) > 1 {
		return ' '
	}
	return best
}

func readStatsCSV(r io.Reader, name string) (*statsTable, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	t := &statsTable{file: name, comma: sniffDelimiter(b)}
	if t.comma == ' ' {
		return readStatsColumns(t, b)
	}
	cr := csv.NewReader(bytes.NewReader(b))
	cr.Comma = t.comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		if t.header == nil {
			t.header = trimAll(rec)
			continue
		}
		t.rows = append(t.rows, rec)
		t.rowNum = append(t.rowNum, line)
	}
	if t.header == nil {
		return nil, fmt.Errorf("%s: the file is empty", name)
	}
	return t, nil
}

// readStatsColumns reads whitespace-separated columns, one row a line.
func readStatsColumns(t *statsTable, b []byte) (*statsTable, error) {
	for i, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if t.header == nil {
			t.header = f
			continue
		}
		t.rows = append(t.rows, f)
		t.rowNum = append(t.rowNum, i+1)
	}
	if t.header == nil {
		return nil, fmt.Errorf("%s: the file is empty", t.file)
	}
	return t, nil
}

func readStatsXLSX(path, name string) (*statsTable, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%s: the workbook has no sheets", name)
	}
	rows, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("%s: sheet %q: %w", name, sheets[0], err)
	}
	t := &statsTable{file: name, sheet: sheets[0], comma: ','}
	for i, row := range rows {
		if t.header == nil {
			if len(row) == 0 {
				continue
			}
			t.header = trimAll(row)
			continue
		}
		if len(strings.Join(row, "")) == 0 {
			continue // blank row
		}
		t.rows = append(t.rows, row)
		t.rowNum = append(t.rowNum, i+1)
	}
	if t.header == nil {
		return nil, fmt.Errorf("%s: sheet %q is empty", name, sheets[0])
	}
	return t, nil
}

func trimAll(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = strings.TrimSpace(v)
	}
	return out
}

// where names a place in the file for error messages.
func (t *statsTable) where(row int, col string) string {
	if t.sheet != "" {
		return fmt.Sprintf("%s: sheet %q, row %d, column %q", t.file, t.sheet, row, col)
	}
	return fmt.Sprintf("%s: row %d, column %q", t.file, row, col)
}

// column returns the index of a header (case-insensitive match if no exact one).
func (t *statsTable) column(name string) (int, error) {
	for i, h := range t.header {
		if h == name {
			return i, nil
		}
	}
	for i, h := range t.header {
		if strings.EqualFold(h, name) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%s: no column %q (columns: %s)", t.file, name, strings.Join(t.header, ", "))
}

// strings returns the trimmed cells of a column.
func (t *statsTable) strings(name string) ([]string, error) {
	c, err := t.column(name)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(t.rows))
	for i, r := range t.rows {
		if c < len(r) {
			out[i] = strings.TrimSpace(r[c])
		}
	}
	return out, nil
}

// floats returns a numeric column; an empty or non-numeric cell is an error
// that names the file, row, column and raw value.
func (t *statsTable) floats(name string) ([]float64, error) {
	c, err := t.column(name)
	if err != nil {
		return nil, err
	}
	col := t.header[c]
	out := make([]float64, len(t.rows))
	for i, r := range t.rows {
		raw := ""
		if c < len(r) {
			raw = r[c]
		}
		v, err := t.parseNumber(raw)
		if err != nil {
			if strings.TrimSpace(raw) == "" {
				return nil, fmt.Errorf("%s: empty value", t.where(t.rowNum[i], col))
			}
			return nil, fmt.Errorf("%s: %q is not a number", t.where(t.rowNum[i], col), raw)
		}
		out[i] = v
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: column %q has no values", t.file, col)
	}
	return out, nil
}

// parseNumber accepts Go float syntax; when the delimiter is not a comma, a
// single decimal comma ("1,5") is accepted as well.
func (t *statsTable) parseNumber(raw string) (float64, error) {
	s := strings.TrimSpace(raw)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && t.comma != ',' && strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		v, err = strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	}
	if err == nil && (v != v || v > 1.7976931348623157e308 || v < -1.7976931348623157e308) {
		return 0, errors.New("not finite")
	}
	return v, err
}
