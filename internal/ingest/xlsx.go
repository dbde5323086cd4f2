package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// XLSXError is a workbook refused before any row was read.
type XLSXError struct{ Reason string }

func (e *XLSXError) Error() string { return "refused XLSX: " + e.Reason }

// CheckXLSX inspects the zip container with archive/zip before excelize sees
// it: the entry count, the declared uncompressed sizes (in total and per part),
// the presence of a workbook, and every XML part for DOCTYPE/ENTITY
// declarations. Decompression is bounded by the declared sizes (archive/zip
// fails an entry that inflates past its declared size). While a worksheet or
// the shared strings are unpacked, their size is held to what they contain
// (Limits.SheetSlack + SheetPerRow per row or string), and the whole check to
// the time budget: a sheet of padding is refused after a few MiB, in a flat
// 64 KiB of memory.
func CheckXLSX(ra io.ReaderAt, size int64, lim Limits) error {
	lim = lim.withDefaults()
	return checkXLSX(ra, size, lim, time.Now().Add(lim.MaxTime))
}

// BudgetError refuses a workbook that exceeds a size-for-content or time budget.
type BudgetError struct {
	Part string
	// Read is how many unpacked bytes of Part were read when it was refused.
	Read   int64
	Reason string
}

func (e *BudgetError) Error() string { return "refused XLSX: " + e.Reason }

func checkXLSX(ra io.ReaderAt, size int64, lim Limits, deadline time.Time) error {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return &XLSXError{fmt.Sprintf("the file is not a valid XLSX workbook (the zip container is damaged, truncated or not a zip: %v); save it again from Excel", err)}
	}
	if len(zr.File) > lim.MaxEntries {
		return &XLSXError{fmt.Sprintf("the workbook holds %d parts, more than the limit of %d", len(zr.File), lim.MaxEntries)}
	}
	var total uint64
	hasWorkbook := false
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(lim.MaxUnzipped) {
			return &XLSXError{fmt.Sprintf("the workbook unpacks to more than %s (limit %s): a zip bomb or a file too large to import; split it", human(int64(total)), human(lim.MaxUnzipped))}
		}
		if isXMLPart(f.Name) && f.UncompressedSize64 > uint64(lim.MaxPart) {
			return &XLSXError{fmt.Sprintf("part %s unpacks to %s, more than the per-part limit of %s", f.Name, human(int64(f.UncompressedSize64)), human(lim.MaxPart))}
		}
		if countedElement(f.Name) == "" && f.UncompressedSize64 > uint64(lim.MaxAuxPart) {
			return &XLSXError{fmt.Sprintf("part %s unpacks to %s; a part that holds no rows may not exceed %s (the reader keeps it in memory)", f.Name, human(int64(f.UncompressedSize64)), human(lim.MaxAuxPart))}
		}
		if strings.EqualFold(f.Name, "xl/workbook.xml") {
			hasWorkbook = true
		}
	}
	if !hasWorkbook {
		return &XLSXError{"the zip holds no xl/workbook.xml: it is not an Excel workbook (an .xls, .ods or other archive renamed?)"}
	}
	for _, f := range zr.File {
		if !isXMLPart(f.Name) {
			continue
		}
		if err := scanXMLPart(f, lim, deadline); err != nil {
			return err
		}
	}
	return nil
}

func isXMLPart(name string) bool {
	e := strings.ToLower(path.Ext(name))
	return e == ".xml" || e == ".rels" || e == ".vml"
}

// countedElement is the element whose count bounds a part's size: rows of a
// worksheet, strings of the shared strings; "" for other parts.
func countedElement(name string) string {
	n := strings.ToLower(name)
	switch {
	case strings.HasPrefix(n, "xl/worksheets/") && strings.HasSuffix(n, ".xml"):
		return "row"
	case n == "xl/sharedstrings.xml":
		return "si"
	}
	return ""
}

var (
	markDoctype = []byte("<!doctype")
	markEntity  = []byte("<!entity")
)

func scanXMLPart(f *zip.File, lim Limits, deadline time.Time) error {
	rc, err := f.Open()
	if err != nil {
		return &XLSXError{fmt.Sprintf("part %s cannot be opened: %v", f.Name, err)}
	}
	defer rc.Close()
	elem := countedElement(f.Name)
	what := map[string]string{"row": "rows", "si": "strings"}[elem]
	buf := make([]byte, 64<<10)
	var carry []byte
	var read, found int64
	for {
		n, err := rc.Read(buf)
		if n > 0 {
			read += int64(n)
			chunk := append(carry, buf[:n]...)
			if hasMarkFold(chunk) {
				return &XLSXError{fmt.Sprintf("part %s declares a DOCTYPE or ENTITY (XML entities can expand without bound or read local files); Excel never writes them, so the file is refused", f.Name)}
			}
			if elem != "" {
				found += countElements(chunk, elem, len(carry))
				if allowed := lim.SheetSlack + found*lim.SheetPerRow; read > allowed {
					return &BudgetError{Part: f.Name, Read: read, Reason: fmt.Sprintf(
						"part %s has unpacked to %s but holds only %d %s so far (allowed: %s + %s per %s): it is padding, not data (a file built to exhaust memory and time); nothing was imported",
						f.Name, human(read), found, what, human(lim.SheetSlack), human(lim.SheetPerRow), strings.TrimSuffix(what, "s"))}
				}
			}
			if time.Now().After(deadline) {
				return &BudgetError{Part: f.Name, Read: read, Reason: fmt.Sprintf("reading the workbook took longer than its time budget of %s (stopped in part %s after %s); nothing was imported — split the file, or raise the budget", lim.MaxTime, f.Name, human(read))}
			}
			keep := min(len(chunk), 16)
			carry = append(carry[:0], chunk[len(chunk)-keep:]...)
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return &XLSXError{fmt.Sprintf("part %s is damaged (%v)", f.Name, err)}
		}
	}
}

// countElements counts the start tags <name …>, <name>, <name/> or
// <prefix:name …> in b that end after b[from:] begins (those ending inside
// the first from bytes were counted with the previous chunk).
func countElements(b []byte, name string, from int) int64 {
	var n int64
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return n
		}
		i += j + 1
		k := i
		for k < len(b) && isNameByte(b[k]) {
			k++
		}
		if k < len(b) && b[k] == ':' { // a namespace prefix
			i = k + 1
			k = i
			for k < len(b) && isNameByte(b[k]) {
				k++
			}
		}
		if string(b[i:k]) == name && k < len(b) && isTagEnd(b[k]) && k+1 > from {
			n++
		}
	}
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}

func isTagEnd(c byte) bool {
	return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r'
}

func hasMarkFold(b []byte) bool {
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte("<!"))
		if j < 0 {
			return false
		}
		i += j
		rest := b[i:]
		if hasPrefixFold(rest, markDoctype) || hasPrefixFold(rest, markEntity) {
			return true
		}
		i += 2
	}
}

func hasPrefixFold(b, prefix []byte) bool {
	return len(b) >= len(prefix) && bytes.EqualFold(b[:len(prefix)], prefix)
}

func human(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// XLSXSource streams the rows of one sheet with excelize's Rows iterator; cell
// values are raw (date cells come as serial numbers, see Date1904).
type XLSXSource struct {
	f        *excelize.File
	rows     *excelize.Rows
	row      int
	maxCell  int
	deadline time.Time
	budget   time.Duration
	Sheet    string
	Sheets   []string
	Date1904 bool
}

// NewXLSX checks the workbook (CheckXLSX) and opens sheet ("" = the first).
func NewXLSX(ra io.ReaderAt, size int64, sheet string, lim Limits) (src *XLSXSource, err error) {
	lim = lim.withDefaults()
	deadline := time.Now().Add(lim.MaxTime)
	if err := checkXLSX(ra, size, lim, deadline); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			src, err = nil, &XLSXError{fmt.Sprintf("the workbook could not be read (%v)", r)}
		}
	}()
	f, err := excelize.OpenReader(io.NewSectionReader(ra, 0, size), excelize.Options{
		RawCellValue:   true,
		UnzipSizeLimit: lim.MaxUnzipped,
	})
	if err != nil {
		return nil, &XLSXError{fmt.Sprintf("the workbook could not be read: %v", err)}
	}
	s := &XLSXSource{f: f, maxCell: lim.MaxCell, Sheets: f.GetSheetList(), deadline: deadline, budget: lim.MaxTime}
	if len(s.Sheets) == 0 {
		f.Close()
		return nil, &XLSXError{"the workbook has no sheets"}
	}
	s.Sheet = s.Sheets[0]
	if sheet != "" {
		found := false
		for _, n := range s.Sheets {
			if strings.EqualFold(n, sheet) {
				s.Sheet, found = n, true
			}
		}
		if !found {
			f.Close()
			return nil, &XLSXError{fmt.Sprintf("no sheet %q (the workbook has %s)", sheet, strings.Join(s.Sheets, ", "))}
		}
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.Date1904 = *props.Date1904
	}
	s.rows, err = f.Rows(s.Sheet)
	if err != nil {
		f.Close()
		return nil, &XLSXError{fmt.Sprintf("sheet %q cannot be read: %v", s.Sheet, err)}
	}
	return s, nil
}

// Next returns the next row's cells (empty for a blank row) and its number.
func (s *XLSXSource) Next() (cells []string, row int, err error) {
	defer func() {
		if r := recover(); r != nil {
			cells, err = nil, &XLSXError{fmt.Sprintf("sheet %q row %d could not be read (%v)", s.Sheet, s.row, r)}
		}
	}()
	if s.row&255 == 255 && time.Now().After(s.deadline) {
		return nil, s.row, &BudgetError{Part: s.Sheet, Reason: fmt.Sprintf("reading the workbook took longer than its time budget of %s (stopped at row %d of sheet %q); nothing was imported — split the file, or raise the budget", s.budget, s.row, s.Sheet)}
	}
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, 0, &XLSXError{fmt.Sprintf("sheet %q is damaged after row %d: %v", s.Sheet, s.row, err)}
		}
		return nil, 0, io.EOF
	}
	s.row++
	cells, err = s.rows.Columns()
	if err != nil {
		return nil, s.row, &XLSXError{fmt.Sprintf("sheet %q row %d: %v", s.Sheet, s.row, err)}
	}
	for i, c := range cells {
		if len(c) > s.maxCell && countRunes(c) > s.maxCell {
			return nil, s.row, &CellTooLongError{s.row, i + 1, countRunes(c), s.maxCell}
		}
	}
	return cells, s.row, nil
}

// Close releases the workbook and its temporary files.
func (s *XLSXSource) Close() error {
	if s.rows != nil {
		s.rows.Close()
	}
	return s.f.Close()
}
