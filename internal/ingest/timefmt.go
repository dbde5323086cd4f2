package ingest

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Symbolic time layouts a mapping may name (domain.TimeLayouts). Any other
// non-empty layout is a Go layout such as "02/01/2006 15:04". Empty means auto:
// each value is tried as RFC 3339, ISO local time, then as a number (Excel
// serial below 1e6, Unix seconds up to 1e11, Unix milliseconds above).
const (
	LayoutAuto     = ""
	LayoutRFC3339  = "rfc3339"
	LayoutISOLocal = "iso-local"
	LayoutExcel    = "excel"
	LayoutUnix     = "unix"
	LayoutUnixMS   = "unix-ms"
)

var errBadTime = errors.New("not a timestamp")

// TimeParser reads timestamps in one layout; times without an offset are in
// Loc. It remembers the last day read, so one parser serves one goroutine.
type TimeParser struct {
	Layout string
	Loc    *time.Location
	// Date1904 selects the 1904 date system for Excel serial numbers.
	Date1904 bool
	// Serials accepts Excel serial numbers whatever the layout (XLSX date cells).
	Serials bool
	utc     bool
	// The date of the last "YYYY-MM-DDT…Z|±hh:mm" stamp parsed and its
	// midnight in Unix seconds: a file's consecutive stamps usually share
	// their day, so Parse reads only the clock of the next one (fastZ).
	day     [10]byte
	dayUnix int64
	dayOK   bool
}

// NewTimeParser checks the layout and returns a parser.
func NewTimeParser(layout string, loc *time.Location) (*TimeParser, error) {
	if loc == nil {
		loc = time.UTC
	}
	switch layout {
	case LayoutAuto, LayoutRFC3339, LayoutISOLocal, LayoutExcel, LayoutUnix, LayoutUnixMS:
	default:
		if !strings.ContainsAny(layout, "0123456789") {
			return nil, fmt.Errorf("time layout %q is not one of rfc3339, iso-local, excel, unix, unix-ms, nor a Go layout such as 02/01/2006 15:04", layout)
		}
	}
	return &TimeParser{Layout: layout, Loc: loc, utc: loc == time.UTC}, nil
}

// Parse reads one timestamp.
func (tp *TimeParser) Parse(s string) (time.Time, error) {
	if t, ok := tp.fastZ(s); ok {
		return t, nil
	}
	s = trimSpace(s)
	if s == "" {
		return time.Time{}, errBadTime
	}
	switch tp.Layout {
	case LayoutAuto:
		if t, ok := tp.parseISO(s, true); ok {
			return t, nil
		}
		if looksNumeric(s) {
			return tp.parseNumber(s, "")
		}
		return tp.fallback(s)
	case LayoutRFC3339, LayoutISOLocal:
		if t, ok := tp.parseISO(s, tp.Layout == LayoutISOLocal); ok {
			return t, nil
		}
		if tp.Serials && looksNumeric(s) {
			return tp.parseNumber(s, LayoutExcel)
		}
		return time.Time{}, errBadTime
	case LayoutExcel, LayoutUnix, LayoutUnixMS:
		return tp.parseNumber(s, tp.Layout)
	default:
		t, err := time.ParseInLocation(tp.Layout, s, tp.Loc)
		if err == nil {
			return t, nil
		}
		if tp.Serials && looksNumeric(s) {
			return tp.parseNumber(s, LayoutExcel)
		}
		return time.Time{}, errBadTime
	}
}

// fallback tries a few common layouts after the fast path failed.
func (tp *TimeParser) fallback(s string) (time.Time, error) {
	for _, l := range fallbackLayouts {
		if t, err := time.ParseInLocation(l, s, tp.Loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errBadTime
}

var fallbackLayouts = []string{
	time.RFC3339Nano, time.RFC1123Z, time.RFC1123, time.RFC822Z,
	"2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -07:00", "2006-01-02 15:04:05 MST",
	"2006/01/02 15:04:05", "2006/01/02 15:04", "2006/01/02",
	"20060102T150405Z0700", "20060102T150405",
}

func looksNumeric(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E' {
			return false
		}
	}
	return true
}

// Excel serial limits: 1 is 1900-01-01; 2958465 is 9999-12-31.
const maxSerial = 2958466

func (tp *TimeParser) parseNumber(s, layout string) (time.Time, error) {
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return time.Time{}, errBadTime
	}
	if layout == "" {
		switch {
		case x > 0 && x < 1e6:
			layout = LayoutExcel
		case x >= 1e8 && x < 1e11:
			layout = LayoutUnix
		case x >= 1e11 && x < 1e14:
			layout = LayoutUnixMS
		default:
			return time.Time{}, errBadTime
		}
	}
	switch layout {
	case LayoutExcel:
		return ExcelTime(x, tp.Date1904, tp.Loc)
	case LayoutUnix:
		if math.Abs(x) > 1e12 {
			return time.Time{}, errBadTime
		}
		sec, frac := math.Modf(x)
		return time.Unix(int64(sec), int64(math.Round(frac*1e9))).UTC(), nil
	case LayoutUnixMS:
		if math.Abs(x) > 1e15 {
			return time.Time{}, errBadTime
		}
		ms := int64(x)
		return time.UnixMilli(ms).Add(time.Duration(math.Round((x - float64(ms)) * 1e6))).UTC(), nil
	}
	return time.Time{}, errBadTime
}

// ExcelTime converts an Excel serial date (wall time in loc) to a time.
func ExcelTime(x float64, date1904 bool, loc *time.Location) (time.Time, error) {
	if x < 0 || x >= maxSerial || math.IsNaN(x) {
		return time.Time{}, errBadTime
	}
	var epoch time.Time
	switch {
	case date1904:
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case x < 61:
		// Serials before the fictitious 1900-02-29 count from 1899-12-31.
		epoch = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	default:
		epoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	}
	days := math.Floor(x)
	// Round to the millisecond: serials carry ~1e-10 days of float noise.
	ms := math.Round((x - days) * 86400000)
	w := epoch.AddDate(0, 0, int(days)).Add(time.Duration(ms) * time.Millisecond)
	if loc == nil || loc == time.UTC {
		return w, nil
	}
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), loc), nil
}

// ToExcelSerial converts t (as wall time in loc) to an Excel 1900-system serial.
func ToExcelSerial(t time.Time, loc *time.Location) float64 {
	if loc != nil {
		t = t.In(loc)
	}
	w := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	return float64(w.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC))) / float64(24*time.Hour)
}

// parseISO is the fast path for "2006-01-02T15:04:05.999999999Z07:00" and its
// variants: a space instead of T, no seconds, no fraction, no offset (local
// time in tp.Loc, when allowLocal), a date alone, offsets as Z, ±hh:mm, ±hhmm or ±hh.
func (tp *TimeParser) parseISO(s string, allowLocal bool) (time.Time, bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	year, ok1 := digits(s[0:4])
	month, ok2 := d2(s[5], s[6])
	day, ok3 := d2(s[8], s[9])
	if !ok1 || !ok2 || !ok3 || month < 1 || month > 12 || day < 1 || day > 31 {
		return time.Time{}, false
	}
	var hour, min, sec, nsec int
	rest := s[10:]
	if len(rest) > 0 {
		if rest[0] != 'T' && rest[0] != ' ' && rest[0] != 't' {
			return time.Time{}, false
		}
		rest = rest[1:]
		if len(rest) < 5 || rest[2] != ':' {
			return time.Time{}, false
		}
		var ok4, ok5 bool
		hour, ok4 = d2(rest[0], rest[1])
		min, ok5 = d2(rest[3], rest[4])
		if !ok4 || !ok5 || hour > 24 || min > 59 {
			return time.Time{}, false
		}
		rest = rest[5:]
		if len(rest) >= 3 && rest[0] == ':' {
			var ok bool
			sec, ok = d2(rest[1], rest[2])
			if !ok || sec > 60 {
				return time.Time{}, false
			}
			rest = rest[3:]
			if len(rest) > 1 && (rest[0] == '.' || rest[0] == ',') {
				i := 1
				scale := 100000000
				for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
					nsec += int(rest[i]-'0') * scale
					scale /= 10
					i++
				}
				if i == 1 {
					return time.Time{}, false
				}
				rest = rest[i:]
			}
		}
	}
	loc := tp.Loc
	offset, hasOffset := 0, false
	switch {
	case rest == "":
		if !allowLocal {
			return time.Time{}, false
		}
	case rest == "Z" || rest == "z":
		hasOffset = true
	case rest[0] == '+' || rest[0] == '-':
		sign := 1
		if rest[0] == '-' {
			sign = -1
		}
		r := rest[1:]
		var oh, om int
		var ok bool
		switch len(r) {
		case 2:
			oh, ok = digits(r)
		case 4:
			oh, ok = digits(r[0:2])
			if ok {
				om, ok = digits(r[2:4])
			}
		case 5:
			if r[2] != ':' {
				return time.Time{}, false
			}
			oh, ok = digits(r[0:2])
			if ok {
				om, ok = digits(r[3:5])
			}
		}
		if !ok || oh > 23 || om > 59 {
			return time.Time{}, false
		}
		offset = sign * (oh*3600 + om*60)
		hasOffset = true
	default:
		return time.Time{}, false
	}
	if hasOffset || loc == time.UTC {
		if day > daysIn(year, month) || hour == 24 && (min != 0 || sec != 0 || nsec != 0) || sec == 60 {
			return time.Time{}, false
		}
		midnight := daysFromCivil(year, month, day) * 86400
		if hasOffset && s[10] == 'T' {
			copy(tp.day[:], s[:10]) // the day fastZ knows
			tp.dayUnix, tp.dayOK = midnight, true
		}
		unix := midnight + int64(hour*3600+min*60+sec-offset)
		return time.Unix(unix, int64(nsec)).UTC(), true
	}
	t := time.Date(year, time.Month(month), day, hour, min, sec, nsec, loc)
	if t.Day() != day && hour != 24 {
		return time.Time{}, false
	}
	return t, true
}

// fastZ reads "YYYY-MM-DDThh:mm:ssZ" whose date is the one parseISO last
// read with an offset, the commonest stamp of a machine-written file. Anything
// else (another day, a fraction, an offset, 24:00, a leap second, spaces
// around it) is left to the full parser, which gives the same result for it.
func (tp *TimeParser) fastZ(s string) (time.Time, bool) {
	if !tp.dayOK || len(s) != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z' || s[:10] != string(tp.day[:]) {
		return time.Time{}, false
	}
	switch tp.Layout {
	case LayoutAuto, LayoutRFC3339, LayoutISOLocal:
	default:
		return time.Time{}, false
	}
	h, ok1 := d2(s[11], s[12])
	m, ok2 := d2(s[14], s[15])
	sec, ok3 := d2(s[17], s[18])
	if !ok1 || !ok2 || !ok3 || h > 23 || m > 59 || sec > 59 {
		return time.Time{}, false
	}
	return time.Unix(tp.dayUnix+int64(h*3600+m*60+sec), 0).UTC(), true
}

// daysFromCivil is the number of days from 1970-01-01 to y-m-d (proleptic
// Gregorian), after Howard Hinnant's algorithm.
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func d2(a, b byte) (int, bool) {
	a -= '0'
	b -= '0'
	return int(a)*10 + int(b), a <= 9 && b <= 9
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n' || s[0] == 0xa0) {
		s = s[1:]
	}
	for len(s) > 0 {
		c := s[len(s)-1]
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != 0xa0 {
			break
		}
		s = s[:len(s)-1]
	}
	if strings.HasPrefix(s, "\u00a0") || strings.HasSuffix(s, "\u00a0") {
		s = strings.Trim(s, "\u00a0 \t")
	}
	return s
}

// parsePlain reads a plain decimal such as "191.32" or "-0.5" (at most 15
// digits, no sign +, exponent or spaces) exactly as strconv.ParseFloat does,
// without its general machinery: the digits make an integer below 2^53 and
// the divisor a power of ten up to 1e15, both exact in a float64, so their
// quotient is the correctly rounded value (Clinger's fast path, which
// ParseFloat takes for the same input). ok is false for anything else.
func parsePlain(s string) (float64, bool) {
	i, neg := 0, false
	if len(s) > 0 && s[0] == '-' {
		i, neg = 1, true
	}
	start, dot := i, -1
	var m uint64
	for ; i < len(s); i++ {
		if c := s[i] - '0'; c <= 9 {
			m = m*10 + uint64(c)
		} else if s[i] == '.' && dot < 0 {
			dot = i
		} else {
			return 0, false
		}
	}
	n, frac := len(s)-start, 0
	if dot >= 0 {
		n--
		frac = len(s) - dot - 1
	}
	if n == 0 || n > 15 || dot >= 0 && frac == 0 {
		return 0, false
	}
	f := float64(m)
	if frac > 0 {
		f /= exact10[frac]
	}
	if neg {
		f = -f
	}
	return f, true
}

var exact10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// ParseNumber reads a number as suppliers write it: "1234.5", " 1,234.5 ",
// with decimalComma "1,5", "1.234,5" or "1 234,5"; a trailing % is dropped.
// A separator is taken as a thousands separator only before a group of exactly
// three digits, so "1,5" without decimalComma is refused rather than read as 15.
func ParseNumber(s string, decimalComma bool) (float64, bool) {
	s = trimSpace(s)
	if s == "" {
		return 0, false
	}
	if !decimalComma {
		if x, err := strconv.ParseFloat(s, 64); err == nil {
			return x, !math.IsNaN(x) && !math.IsInf(x, 0)
		}
	}
	dec, thou := byte('.'), byte(',')
	if decimalComma {
		dec, thou = ',', '.'
	}
	s = strings.TrimSuffix(s, "%")
	b := make([]byte, 0, len(s))
	seenDec := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9', c == '-' || c == '+', c == 'e' || c == 'E':
			b = append(b, c)
		case c == dec && !seenDec:
			b = append(b, '.')
			seenDec = true
		case c == thou || c == ' ' || c == '\'' || (c == 0xc2 && i+1 < len(s) && s[i+1] == 0xa0):
			if c == 0xc2 {
				i++
			}
			// A thousands separator needs three digits after it, then a separator or the end.
			j := i + 1
			n := 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
				n++
			}
			if n != 3 || seenDec || len(b) == 0 {
				if c == thou && decimalComma && !seenDec {
					// "1.5" with decimalComma: a lone point is a decimal point.
					b = append(b, '.')
					seenDec = true
					continue
				}
				return 0, false
			}
		default:
			return 0, false
		}
	}
	x, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, false
	}
	return x, true
}

// ParseFlag reads a good/bad flag: 1/0, true/false, yes/no, up/down, ok/fail,
// good/bad, pass/fail, success/failure (any case).
func ParseFlag(s string) (good bool, ok bool) {
	s = strings.ToLower(trimSpace(s))
	switch s {
	case "1", "1.0", "true", "t", "yes", "y", "up", "ok", "good", "pass", "passed", "success", "succeeded":
		return true, true
	case "0", "0.0", "false", "f", "no", "n", "down", "fail", "failed", "bad", "failure", "error", "ko", "nok":
		return false, true
	}
	return false, false
}
