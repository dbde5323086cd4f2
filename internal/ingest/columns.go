package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Format says whether a file is "csv" or "xlsx": from its extension, else
// from its first bytes (an XLSX is a zip).
func Format(name string, f io.ReaderAt) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm":
		return "xlsx"
	case ".csv", ".tsv", ".txt":
		return "csv"
	}
	head := make([]byte, 4)
	if n, _ := f.ReadAt(head, 0); n == 4 && bytes.Equal(head, []byte("PK\x03\x04")) {
		return "xlsx"
	}
	return "csv"
}

// Columns is a small table read whole (for `slate stats`): its header and
// data rows, each with its row in the file. It is read by the import's own
// readers (encodings, delimiters, quoting, XLSX, header search), so a value
// reads as an import reads it: "1.234,5" and "12%" are numbers here too.
type Columns struct {
	File   string // the file's name, for messages
	Sheet  string // XLSX only
	Header []string
	Rows   [][]string
	RowNum []int
}

// ReadColumns reads the file name (its bytes in ra) as a CSV, TSV or XLSX
// (first sheet), or as whitespace-aligned columns as published data sets
// (NIST, R's qcc) are written when no delimiter appears in it.
func ReadColumns(ra io.ReaderAt, size int64, name string, lim Limits) (*Columns, error) {
	c := &Columns{File: name}
	var src Source
	if Format(name, ra) == "xlsx" {
		x, err := NewXLSX(ra, size, "", lim)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		defer x.Close()
		c.Sheet, src = x.Sheet, x
	} else {
		head := make([]byte, sniffSize)
		n, _ := ra.ReadAt(head, 0)
		r := io.NewSectionReader(ra, 0, size)
		if whitespaceColumns(head[:n]) {
			src = newFields(r)
		} else {
			s, err := NewCSV(r, 0, lim)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			src = s
		}
	}
	t, err := NewTable(src, nil)
	if err != nil {
		if c.Sheet != "" {
			return nil, fmt.Errorf("%s: sheet %q: %w", name, c.Sheet, err)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c.Header = t.Header
	for {
		cells, row, err := t.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if c.Sheet != "" && nonEmpty(cells) == 0 {
			continue // a blank row of the sheet (a CSV's blank lines never come)
		}
		c.Rows = append(c.Rows, CloneCells(cells))
		c.RowNum = append(c.RowNum, row)
	}
	return c, nil
}

// whitespaceColumns reports a text whose lines hold several fields split
// by blanks and none of the delimiters a CSV uses.
func whitespaceColumns(sample []byte) bool {
	lines := splitLines(sample, 30)
	if len(lines) == 0 {
		return false
	}
	for _, l := range lines {
		for _, d := range []byte{',', ';', '\t', '|', '"'} {
			if bytes.IndexByte(l, d) >= 0 {
				return false
			}
		}
	}
	return len(bytes.Fields(lines[0])) > 1
}

// fields reads whitespace-separated fields, one row a line (blank lines skipped).
type fields struct {
	sc   *bufio.Scanner
	line int
}

func newFields(r io.Reader) *fields {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	return &fields{sc: sc}
}

func (f *fields) Next() ([]string, int, error) {
	for f.sc.Scan() {
		f.line++
		text := f.sc.Text()
		if f.line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if fs := strings.Fields(text); len(fs) > 0 {
			return fs, f.line, nil
		}
	}
	if err := f.sc.Err(); err != nil {
		return nil, f.line, err
	}
	return nil, f.line, io.EOF
}

// Where names a place in the file for a message: file, sheet, row, column.
func (c *Columns) Where(row int, col string) string {
	if c.Sheet != "" {
		return fmt.Sprintf("%s: sheet %q, row %d, column %q", c.File, c.Sheet, row, col)
	}
	return fmt.Sprintf("%s: row %d, column %q", c.File, row, col)
}

// Column is the index of a header (an exact match, else one ignoring case).
func (c *Columns) Column(name string) (int, error) {
	for i, h := range c.Header {
		if h == name {
			return i, nil
		}
	}
	for i, h := range c.Header {
		if strings.EqualFold(h, name) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%s: no column %q (columns: %s)", c.File, name, strings.Join(c.Header, ", "))
}

// Strings is a column's trimmed cells.
func (c *Columns) Strings(name string) ([]string, error) {
	i, err := c.Column(name)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(c.Rows))
	for k, r := range c.Rows {
		if i < len(r) {
			out[k] = trimSpace(r[i])
		}
	}
	return out, nil
}

// Floats is a numeric column read as an import reads a value (ParseNumber,
// with a decimal comma when the column's values read better with one, as
// Suggest decides). An empty or unreadable cell is an error naming the
// file, row, column and raw value.
func (c *Columns) Floats(name string) ([]float64, error) {
	i, err := c.Column(name)
	if err != nil {
		return nil, err
	}
	col := c.Header[i]
	raws := make([]string, len(c.Rows))
	for k, r := range c.Rows {
		if i < len(r) {
			raws[k] = r[i]
		}
	}
	comma := DecimalComma(raws)
	out := make([]float64, len(raws))
	for k, raw := range raws {
		v, ok := ParseNumber(raw, comma)
		if !ok {
			if trimSpace(raw) == "" {
				return nil, fmt.Errorf("%s: empty value", c.Where(c.RowNum[k], col))
			}
			return nil, fmt.Errorf("%s: %q is not a number", c.Where(c.RowNum[k], col), raw)
		}
		out[k] = v
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: column %q has no values", c.File, col)
	}
	return out, nil
}

// DecimalComma reports whether more of the values read as numbers with a
// decimal comma ("1,5", "1.234,5") than with a decimal point.
func DecimalComma(vals []string) bool {
	dot, comma := 0, 0
	for _, v := range vals {
		if _, ok := ParseNumber(v, false); ok {
			dot++
		}
		if _, ok := ParseNumber(v, true); ok {
			comma++
		}
	}
	return comma > dot
}
