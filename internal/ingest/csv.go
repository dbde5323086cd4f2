package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"
)

// Limits bound what a supplier file may make the importer do.
type Limits struct {
	// MaxLine is the longest CSV line in bytes (default 1 MiB).
	MaxLine int
	// MaxCell is the longest cell in characters (default 32,767, Excel's limit).
	MaxCell int
	// MaxUnzipped is the total uncompressed size of an XLSX (default 1 GiB).
	MaxUnzipped int64
	// MaxPart is the largest single uncompressed XML part of an XLSX (default 1 GiB).
	MaxPart int64
	// MaxEntries is the most entries an XLSX zip may hold (default 10,000).
	MaxEntries int
	// SheetSlack and SheetPerRow bound a worksheet (and the shared strings)
	// by what it holds: while it is unpacked, its bytes may not exceed
	// SheetSlack + SheetPerRow × the rows (strings) found so far (defaults
	// 16 MiB and 64 KiB). Padding is refused after SheetSlack bytes, not
	// after MaxUnzipped.
	SheetSlack  int64
	SheetPerRow int64
	// MaxAuxPart is the largest other part (styles, drawings, images...),
	// which the XLSX reader holds in memory (default 64 MiB).
	MaxAuxPart int64
	// MaxTime is the wall-time budget for reading an XLSX (default 60 s).
	MaxTime time.Duration
}

// DefaultLimits are the limits used when a field is zero.
var DefaultLimits = Limits{MaxLine: 1 << 20, MaxCell: 32767, MaxUnzipped: 1 << 30, MaxPart: 1 << 30, MaxEntries: 10000,
	SheetSlack: 16 << 20, SheetPerRow: 64 << 10, MaxAuxPart: 64 << 20, MaxTime: 60 * time.Second}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.MaxLine > 0 {
		d.MaxLine = l.MaxLine
	}
	if l.MaxCell > 0 {
		d.MaxCell = l.MaxCell
	}
	if l.MaxUnzipped > 0 {
		d.MaxUnzipped = l.MaxUnzipped
	}
	if l.MaxPart > 0 {
		d.MaxPart = l.MaxPart
	}
	if l.MaxEntries > 0 {
		d.MaxEntries = l.MaxEntries
	}
	if l.SheetSlack > 0 {
		d.SheetSlack = l.SheetSlack
	}
	if l.SheetPerRow > 0 {
		d.SheetPerRow = l.SheetPerRow
	}
	if l.MaxAuxPart > 0 {
		d.MaxAuxPart = l.MaxAuxPart
	}
	if l.MaxTime > 0 {
		d.MaxTime = l.MaxTime
	}
	return d
}

// CellTooLongError refuses a file with a cell longer than the limit.
type CellTooLongError struct {
	Row, Col, Len, Limit int
}

func (e *CellTooLongError) Error() string {
	return fmt.Sprintf("row %d, column %d: a cell of %d characters is longer than the limit of %d (Excel's maximum); the file is refused", e.Row, e.Col, e.Len, e.Limit)
}

// MalformedRowError is a CSV row that cannot be split into fields (a stray quote).
// The reader can continue after it.
type MalformedRowError struct {
	Row int
	Err error
}

func (e *MalformedRowError) Error() string { return fmt.Sprintf("row %d: %v", e.Row, e.Err) }
func (e *MalformedRowError) Unwrap() error { return e.Err }

// Source yields the rows of a file: cells, and the row number the user sees
// (the line in a CSV, the row in a sheet). The cells (the strings too) are
// valid until the next call; use CloneCells to keep them.
type Source interface {
	Next() (cells []string, row int, err error)
}

// CSVSource reads delimited text (RFC 4180: quoted fields may hold the
// delimiter, doubled quotes and line breaks). Lines without quotes take a fast
// path; empty lines are skipped, as encoding/csv does.
type CSVSource struct {
	br        *bufio.Reader
	comma     byte
	maxLine   int
	maxCell   int
	line      int
	fields    []string
	ends      []int
	rec       []byte
	offset    int64
	done      bool
	raw       []byte
	Encoding  string
	Delimiter rune
}

// NewCSV reads a CSV from r: the encoding is detected (see DecodeText) and the
// delimiter (comma, semicolon, tab or pipe) guessed from the first lines,
// unless delim is non-zero.
func NewCSV(r io.Reader, delim rune, lim Limits) (*CSVSource, error) {
	lim = lim.withDefaults()
	text, enc, err := DecodeText(r)
	if err != nil {
		return nil, err
	}
	// The buffer bounds a line: a longer one is refused (ErrLineTooLong).
	size := max(lim.MaxLine+2, 64)
	// (Wrapped, so bufio does not hand back DecodeText's bigger reader.)
	br := bufio.NewReaderSize(struct{ io.Reader }{text}, size)
	if delim == 0 {
		head, _ := br.Peek(min(sniffSize, size))
		delim = DetectDelimiter(head)
	}
	if delim >= utf8.RuneSelf || delim == '"' || delim == '\r' || delim == '\n' {
		return nil, fmt.Errorf("delimiter %q is not supported", delim)
	}
	return &CSVSource{br: br, comma: byte(delim), maxLine: lim.MaxLine, maxCell: lim.MaxCell, Encoding: enc, Delimiter: delim}, nil
}

var (
	errBareQuote = errors.New(`bare " in a field that is not quoted`)
	errQuote     = errors.New(`extraneous or missing " in a quoted field`)
)

// readLine returns the next physical line without its line break.
func (s *CSVSource) readLine() ([]byte, error) {
	line, err := s.br.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		return nil, &ErrLineTooLong{s.maxLine, s.offset}
	}
	if len(line) == 0 && err != nil {
		return nil, err
	}
	s.offset += int64(len(line))
	s.raw = append(s.raw, line...)
	s.line++
	n := len(line)
	if n > 0 && line[n-1] == '\n' {
		n--
	}
	// "\r\n" ends a line, and so does a final "\r" (as in encoding/csv).
	if n > 0 && line[n-1] == '\r' && (n < len(line) || err != nil) {
		n--
	}
	return line[:n], nil
}

// Raw is the text the last call to Next read, line ends included: the empty
// lines it skipped and the record (after EOF: the file's trailing empty
// lines). Decoded text: the bytes of the file when Encoding is utf-8 (or
// utf-8-bom, less the mark). Valid until the next call.
func (s *CSVSource) Raw() []byte { return s.raw }

// Next returns the next record. A *MalformedRowError can be skipped (call Next again).
func (s *CSVSource) Next() ([]string, int, error) {
	if s.done {
		return nil, 0, io.EOF
	}
	s.raw = s.raw[:0]
	var line []byte
	var err error
	for {
		line, err = s.readLine()
		if err != nil {
			s.done = true
			if errors.Is(err, io.EOF) {
				return nil, 0, io.EOF
			}
			return nil, 0, err
		}
		if len(line) > 0 {
			break
		}
	}
	start := s.line
	if bytes.IndexByte(line, '"') < 0 {
		// The cells view the read buffer: valid until the next call (see Source).
		str := unsafe.String(unsafe.SliceData(line), len(line))
		s.fields = s.fields[:0]
		for {
			i := strings.IndexByte(str, s.comma)
			if i < 0 {
				s.fields = append(s.fields, str)
				break
			}
			s.fields = append(s.fields, str[:i])
			str = str[i+1:]
		}
	} else if err := s.quoted(line); err != nil {
		if tl, ok := err.(*ErrLineTooLong); ok {
			s.done = true
			return nil, start, tl
		}
		if errors.Is(err, io.EOF) {
			s.done = true
			err = errQuote
		}
		return nil, start, &MalformedRowError{start, fmt.Errorf("%v: check the quotes on this line", err)}
	}
	for i, c := range s.fields {
		if len(c) > s.maxCell && countRunes(c) > s.maxCell {
			s.done = true
			return nil, start, &CellTooLongError{start, i + 1, countRunes(c), s.maxCell}
		}
	}
	return s.fields, start, nil
}

// quoted parses a record holding quotes, reading more lines while a quoted
// field is open.
func (s *CSVSource) quoted(line []byte) error {
	s.rec = s.rec[:0]
	s.ends = s.ends[:0]
	for {
		// At the start of a field.
		if len(line) == 0 || line[0] != '"' {
			i := bytes.IndexByte(line, s.comma)
			field := line
			if i >= 0 {
				field = line[:i]
			}
			if bytes.IndexByte(field, '"') >= 0 {
				return errBareQuote
			}
			s.rec = append(s.rec, field...)
			s.ends = append(s.ends, len(s.rec))
			if i < 0 {
				break
			}
			line = line[i+1:]
			continue
		}
		// Quoted field.
		line = line[1:]
		for {
			i := bytes.IndexByte(line, '"')
			switch {
			case i >= 0:
				s.rec = append(s.rec, line[:i]...)
				line = line[i+1:]
				switch {
				case len(line) > 0 && line[0] == '"':
					s.rec = append(s.rec, '"')
					line = line[1:]
					continue
				case len(line) == 0:
					s.ends = append(s.ends, len(s.rec))
					return s.split()
				case line[0] == s.comma:
					s.ends = append(s.ends, len(s.rec))
					line = line[1:]
				default:
					return errQuote
				}
			default:
				// The field goes on on the next line.
				s.rec = append(s.rec, line...)
				s.rec = append(s.rec, '\n')
				if len(s.rec) > 4*s.maxLine {
					return &ErrLineTooLong{s.maxLine, s.offset}
				}
				next, err := s.readLine()
				if err != nil {
					return err
				}
				line = next
				continue
			}
			break
		}
		if len(line) == 0 {
			// A delimiter ended the line: one more empty field.
			s.ends = append(s.ends, len(s.rec))
			break
		}
	}
	return s.split()
}

func (s *CSVSource) split() error {
	str := string(s.rec)
	s.fields = s.fields[:0]
	prev := 0
	for _, e := range s.ends {
		s.fields = append(s.fields, str[prev:e])
		prev = e
	}
	return nil
}

func countRunes(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// DetectDelimiter picks the candidate (, ; tab |) that splits the sample's
// lines into the same number of fields most consistently.
func DetectDelimiter(sample []byte) rune {
	lines := splitLines(sample, 30)
	best, bestScore := ',', -1
	for _, d := range []byte{',', ';', '\t', '|'} {
		counts := map[int]int{}
		for _, l := range lines {
			if n := countOutsideQuotes(l, d); n > 0 {
				counts[n]++
			}
		}
		mode, modeN := 0, 0
		for n, c := range counts {
			if c > modeN || c == modeN && n > mode {
				mode, modeN = n, c
			}
		}
		score := modeN*1000 + mode
		if modeN > 0 && score > bestScore {
			best, bestScore = rune(d), score
		}
	}
	return best
}

func splitLines(b []byte, max int) [][]byte {
	var out [][]byte
	inQuote := false
	start := 0
	for i, c := range b {
		switch c {
		case '"':
			inQuote = !inQuote
		case '\n':
			if !inQuote {
				if l := bytes.TrimRight(b[start:i], "\r"); len(bytes.TrimSpace(l)) > 0 {
					out = append(out, l)
				}
				start = i + 1
				if len(out) >= max {
					return out
				}
			}
		}
	}
	// The last line may be cut by the sample's end; use it only if nothing else.
	if len(out) == 0 && start < len(b) {
		out = append(out, b[start:])
	}
	return out
}

func countOutsideQuotes(l []byte, d byte) int {
	n := 0
	in := false
	for _, c := range l {
		switch {
		case c == '"':
			in = !in
		case c == d && !in:
			n++
		}
	}
	return n
}

// CloneCells copies cells and their strings so they outlive the next Next.
func CloneCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.Clone(c)
	}
	return out
}
