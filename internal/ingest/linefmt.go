package ingest

import (
	"bytes"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"slate/internal/domain"
)

// A supplier CSV is usually the same line over and over with other numbers:
// a timestamp in one layout, values with a fixed number of decimals. Slate
// keeps every imported file byte for byte, and such a file need not be kept
// twice: a LineFormat renders each data line from the point stored for it,
// and only the lines it does not render exactly (the header, rejected rows,
// an odd quote) are kept as they were. LearnLineFormat finds the format from
// the first rows of a file; the importer then checks every line against it.

// LineFormat renders one data line of a delimited file from its point.
type LineFormat struct {
	Delim   byte           `json:"delim"`
	EOL     string         `json:"eol"`
	Columns []ColumnFormat `json:"columns"`
}

// ColumnFormat renders one cell: a point field in a format, or a constant.
type ColumnFormat struct {
	// Field is the point field (FieldTime, FieldValue …); empty: Literal.
	Field   string `json:"field,omitempty"`
	Literal string `json:"literal,omitempty"`
	// Times: Layout is a Go layout, "unix" or "unix-ms"; Zone renders local
	// times (empty: UTC).
	Layout string `json:"layout,omitempty"`
	Zone   string `json:"zone,omitempty"`
	// Numbers: Decimals digits after the point (−1: as few as read back),
	// Comma for a decimal comma, EmptyZero for a blank cell meaning 0, or
	// Enum naming the text of each value (flags: 1 "ok", 0 "down").
	Decimals  int               `json:"decimals,omitempty"`
	Comma     bool              `json:"comma,omitempty"`
	EmptyZero bool              `json:"emptyZero,omitempty"`
	Enum      map[string]string `json:"enum,omitempty"`

	loc *time.Location
	// the day of the last time rendered, for the fast path
	dayStart int64
	dayText  []byte
}

// Prepare loads the zones a format names (after reading it from JSON).
func (f *LineFormat) Prepare() error {
	for i := range f.Columns {
		c := &f.Columns[i]
		c.loc = time.UTC
		if c.Zone != "" {
			l, err := domain.LoadZone(c.Zone)
			if err != nil {
				return err
			}
			c.loc = l
		}
		c.dayText = nil
	}
	return nil
}

// Append renders p's line (with its line end) after dst.
func (f *LineFormat) Append(dst []byte, p *domain.Point) []byte {
	for i := range f.Columns {
		if i > 0 {
			dst = append(dst, f.Delim)
		}
		dst = f.Columns[i].append(dst, p)
	}
	return append(dst, f.EOL...)
}

func (c *ColumnFormat) append(dst []byte, p *domain.Point) []byte {
	switch c.Field {
	case "":
		return append(dst, c.Literal...)
	case FieldTime:
		return c.appendTime(dst, p.At)
	case FieldOpened:
		return c.appendTime(dst, p.Opened)
	case FieldResolved:
		return c.appendTime(dst, p.Resolved)
	case FieldItem:
		return append(dst, p.ItemID...)
	case FieldPriority:
		return append(dst, p.Priority...)
	case FieldCI:
		return append(dst, p.CI...)
	}
	return c.appendNumber(dst, numberOf(c.Field, p))
}

// numberOf is the value of a numeric field (bad is total − good).
func numberOf(field string, p *domain.Point) float64 {
	switch field {
	case FieldValue:
		return p.Value
	case FieldGood, FieldOK:
		return p.Good
	case FieldTotal:
		return p.Total
	case FieldBad:
		return p.Total - p.Good
	case FieldPaused:
		return p.Paused
	}
	return math.NaN()
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9}

func (c *ColumnFormat) appendNumber(dst []byte, v float64) []byte {
	if c.Enum != nil {
		return append(dst, c.Enum[strconv.FormatFloat(v, 'g', -1, 64)]...)
	}
	if c.EmptyZero && v == 0 {
		return dst
	}
	start := len(dst)
	if k := c.Decimals; k >= 0 && k < len(pow10) {
		// Fast path: v is exactly a k-decimal number (what a file holds).
		s := math.Round(v * pow10[k])
		if math.Abs(s) < 1<<53 && float64(int64(s))/pow10[k] == v {
			i := int64(s)
			if math.Signbit(v) {
				dst = append(dst, '-') // −0 too, as strconv writes it
				i = -i
			}
			// the digits of i, at least k+1 of them, right-aligned
			var d [24]byte
			n := len(d)
			for u := uint64(i); u != 0 || len(d)-n <= k; u /= 10 {
				n--
				d[n] = byte('0' + u%10)
			}
			dst = append(dst, d[n:len(d)-k]...)
			if k > 0 {
				dst = append(dst, '.')
				dst = append(dst, d[len(d)-k:]...)
			}
		} else {
			dst = strconv.AppendFloat(dst, v, 'f', k, 64)
		}
	} else {
		dst = strconv.AppendFloat(dst, v, 'f', -1, 64)
	}
	if c.Comma {
		if i := bytes.IndexByte(dst[start:], '.'); i >= 0 {
			dst[start+i] = ','
		}
	}
	return dst
}

func (c *ColumnFormat) appendTime(dst []byte, t time.Time) []byte {
	if t.IsZero() {
		return dst
	}
	switch c.Layout {
	case "unix":
		return strconv.AppendInt(dst, t.Unix(), 10)
	case "unix-ms":
		return strconv.AppendInt(dst, t.UnixMilli(), 10)
	case time.RFC3339, "2006-01-02 15:04:05", "2006-01-02T15:04:05":
		if c.loc == time.UTC {
			return c.appendUTCSeconds(dst, t)
		}
	}
	return t.In(c.loc).AppendFormat(dst, c.Layout)
}

// appendUTCSeconds renders the three common layouts in UTC without
// time.Format: the date is rendered once a day.
func (c *ColumnFormat) appendUTCSeconds(dst []byte, t time.Time) []byte {
	sec := t.Unix()
	day := sec - ((sec%86400)+86400)%86400
	if c.dayText == nil || day != c.dayStart {
		sep := " "
		if c.Layout != "2006-01-02 15:04:05" {
			sep = "T"
		}
		c.dayStart = day
		c.dayText = time.Unix(day, 0).UTC().AppendFormat(c.dayText[:0], "2006-01-02"+sep)
	}
	dst = append(dst, c.dayText...)
	s := sec - day
	h, m, x := s/3600, s/60%60, s%60
	dst = append(dst, byte('0'+h/10), byte('0'+h%10), ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+x/10), byte('0'+x%10))
	if c.Layout == time.RFC3339 {
		dst = append(dst, 'Z')
	}
	return dst
}

// LineSample is a data line as read (with its line end) and the point read from it.
type LineSample struct {
	Raw   []byte
	Point domain.Point
}

// learnLayouts are the time layouts tried, besides the mapping's own.
var learnLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05.000Z07:00", time.RFC3339Nano, "2006-01-02 15:04:05", "2006-01-02T15:04:05",
	"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04:05-0700",
	"2006-01-02 15:04:05.000", "2006-01-02", "02/01/2006 15:04:05", "01/02/2006 15:04:05", "02.01.2006 15:04:05",
	"02/01/2006 15:04", "01/02/2006 15:04", "02.01.2006 15:04", "unix", "unix-ms",
}

// LearnLineFormat finds the format that renders the sample lines (a file's
// first data rows): columns maps point fields to column indices (as the
// mapping says), loc is the zone of times without an offset and layout the
// mapping's time layout. It reports false when no format renders more than
// half of them (then the file is kept as it is).
func LearnLineFormat(samples []LineSample, delim byte, columns map[string]int, loc *time.Location, layout string) (*LineFormat, bool) {
	if len(samples) == 0 || delim == '"' || delim == '\r' || delim == '\n' {
		return nil, false
	}
	f := &LineFormat{Delim: delim, EOL: "\n"}
	if bytes.HasSuffix(samples[0].Raw, []byte("\r\n")) {
		f.EOL = "\r\n"
	}
	cells := make([][]string, len(samples))
	width := -1
	for i, s := range samples {
		line := strings.TrimSuffix(string(s.Raw), f.EOL)
		cells[i] = strings.Split(line, string(delim))
		if width < 0 {
			width = len(cells[i])
		}
	}
	fieldAt := map[int]string{}
	for field, i := range columns {
		fieldAt[i] = field
	}
	layouts := learnLayouts
	if layout != "" && strings.ContainsAny(layout, "0123456789") {
		layouts = append([]string{layout}, layouts...)
	}
	zones := []*time.Location{time.UTC}
	if loc != nil && loc != time.UTC {
		zones = append(zones, loc)
	}
	for col := range width {
		texts := make([]string, 0, len(samples))
		pts := make([]*domain.Point, 0, len(samples))
		for i := range samples {
			if col < len(cells[i]) {
				texts = append(texts, cells[i][col])
				pts = append(pts, &samples[i].Point)
			}
		}
		var cands []ColumnFormat
		switch field := fieldAt[col]; field {
		case "":
		case FieldTime, FieldOpened, FieldResolved:
			for _, l := range layouts {
				for _, z := range zones {
					c := ColumnFormat{Field: field, Layout: l, loc: z}
					if z != time.UTC {
						c.Zone = z.String()
					}
					cands = append(cands, c)
				}
			}
		case FieldItem, FieldPriority, FieldCI:
			cands = append(cands, ColumnFormat{Field: field})
		default:
			cands = numberFormats(field, texts, pts)
		}
		cands = append(cands, ColumnFormat{Literal: texts[0]})
		best, bestN := 0, -1
		var buf []byte
		for k := range cands {
			n := 0
			for j, t := range texts {
				buf = cands[k].append(buf[:0], pts[j])
				if string(buf) == t {
					n++
				}
			}
			if n > bestN {
				best, bestN = k, n
			}
		}
		f.Columns = append(f.Columns, cands[best])
	}
	// Most lines must come out exactly; the others are kept as they are
	// (and the importer gives up when too many are).
	n := 0
	var buf []byte
	for i := range samples {
		if buf = f.Append(buf[:0], &samples[i].Point); bytes.Equal(buf, samples[i].Raw) {
			n++
		}
	}
	if 2*n <= len(samples) {
		return nil, false
	}
	for i := range f.Columns {
		f.Columns[i].dayText = nil
	}
	return f, true
}

// numberFormats are the ways a numeric column may be written.
func numberFormats(field string, texts []string, pts []*domain.Point) []ColumnFormat {
	decimals := map[int]bool{}
	comma := false
	for _, t := range texts {
		if i := strings.IndexAny(t, ".,"); i >= 0 {
			decimals[len(t)-i-1] = true
			comma = comma || t[i] == ','
		} else if t != "" {
			decimals[0] = true
		}
	}
	var out []ColumnFormat
	for _, k := range slices.Sorted(maps.Keys(decimals)) {
		if k < len(pow10) {
			out = append(out, ColumnFormat{Field: field, Decimals: k, Comma: comma}, ColumnFormat{Field: field, Decimals: k, Comma: comma, EmptyZero: true})
		}
	}
	out = append(out, ColumnFormat{Field: field, Decimals: -1, Comma: comma}, ColumnFormat{Field: field, Decimals: -1, Comma: comma, EmptyZero: true})
	// Flags and statuses: the text of each value seen.
	enum := map[string]string{}
	for j, t := range texts {
		k := strconv.FormatFloat(numberOf(field, pts[j]), 'g', -1, 64)
		if prev, ok := enum[k]; ok && prev != t || len(enum) > 8 {
			enum = nil
			break
		}
		enum[k] = t
	}
	if enum != nil {
		out = append(out, ColumnFormat{Field: field, Enum: enum})
	}
	return out
}
