// Package export renders a report.Pack (the service review pack as data) to
// XLSX (excelize) and PDF (fpdf). Both renderers write to an io.Writer, never
// read the clock and never touch the file system: the same pack gives the same
// cell content (XLSX) and the same bytes (PDF).
package export

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"slate/internal/plain"
	"slate/internal/report"
)

// ErrRender is wrapped by errors raised while building a document.
var ErrRender = errors.New("export")

// NullText is how a null cell is shown.
const NullText = "—"

// maxCellChars is Excel's limit on the characters in one cell (UTF-16 units).
const maxCellChars = 32767

// cutText shortens s so that it fits limit UTF-16 units, ending with the
// marker "… [cut: N characters]" where N counts the characters (runes) removed.
func cutText(s string, limit int) string {
	if utf16Len(s) <= limit {
		return s
	}
	total := utf8.RuneCountInString(s)
	// The marker length depends on N; iterate until stable (at most twice).
	keep := limit
	for range 3 {
		marker := fmt.Sprintf("… [cut: %d characters]", total-keep)
		budget := limit - utf16Len(marker)
		k, units := 0, 0
		for _, r := range s {
			u := 1
			if r >= 0x10000 {
				u = 2
			}
			if units+u > budget {
				break
			}
			units += u
			k++
		}
		if k == keep {
			break
		}
		keep = k
	}
	runes := []rune(s)
	return string(runes[:keep]) + fmt.Sprintf("… [cut: %d characters]", total-keep)
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// cleanText removes characters that XML 1.0 cannot carry and that would print
// as boxes: C0 controls other than tab and newline, DEL, lone surrogates and
// U+FFFE/U+FFFF. "\r\n" and "\r" become "\n".
func cleanText(s string) string {
	ok := true
	for _, r := range s {
		if badRune(r) || r == '\r' {
			ok = false
			break
		}
	}
	if ok && utf8.ValidString(s) {
		return s
	}
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if badRune(r) {
			return -1
		}
		return r
	}, s)
}

func badRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r == 0x7f:
		return true
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return true
	}
	return false
}

// wallUTC keeps the wall clock of t in its own location and returns it as a
// UTC time, so spreadsheets (which have no time zones) show what the PDF shows.
func wallUTC(t time.Time) time.Time {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	return time.Date(y, mo, d, h, mi, s, t.Nanosecond(), time.UTC)
}

// currencyCode returns an upper-case 3-letter code or "" (plain.CurrencyCode).
func currencyCode(c string) string { return plain.CurrencyCode(c) }

// formatNumber formats f with dec decimals, "," between thousands and a "."
// decimal point: the same in every locale so auditors can re-check it.
func formatNumber(f float64, dec int) string { return plain.Grouped(f, dec) }

// shownDecimals is how many decimals formatValue writes for a numeric cell,
// so that the workbook's number format shows the same figure as the PDF.
func shownDecimals(c report.Cell) int {
	switch c.Kind {
	case report.ValueInteger:
		return 0
	case report.ValuePercent:
		return plain.PercentDecimals
	case report.ValueCurrency:
		return 2
	}
	_, frac, _ := strings.Cut(plain.Number(c.Number), ".")
	return len(frac)
}

// FormatValue renders a cell as the PDF prints it (null as "—", the rest by
// the rules of internal/plain: percent with three decimals, numbers with three
// significant digits and their unit, currency with its code), so callers and
// tests can look for a figure in the PDF text.
func FormatValue(c report.Cell, currency string) string { return formatValue(c, currency) }

// formatValue renders a cell as display text (PDF, chart labels).
func formatValue(c report.Cell, currency string) string {
	switch {
	case c.IsNull():
		return NullText
	case c.Kind == report.ValueText:
		return cleanText(c.Text)
	case c.Kind == report.ValuePercent:
		return plain.Percent(c.Number)
	case c.Kind == report.ValueCurrency:
		return plain.Money(c.Number, currencyCode(currency))
	case c.Kind == report.ValueInteger:
		return plain.Count(c.Number)
	case c.Kind.IsNumeric():
		return plain.Quantity(c.Number, cleanText(c.Unit))
	case c.Kind == report.ValueDate && c.Time != nil:
		return c.Time.Format("2006-01-02")
	case c.Kind == report.ValueDateTime && c.Time != nil:
		return c.Time.Format("2006-01-02 15:04")
	}
	return NullText
}
