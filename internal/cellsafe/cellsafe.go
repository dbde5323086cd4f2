// Package cellsafe keeps text that Slate writes into spreadsheets and CSV
// files (review packs, rejects reports, templates) from being run as a
// formula or command by the program that opens them ("CSV injection"). One
// rule, used by every export.
package cellsafe

import "strconv"

// Risky reports whether a spreadsheet would read s as a formula or command:
// it starts with = + - @ tab CR or LF and is not a plain number ("-5" and
// "+3.2" are numbers, "-2+3" is a formula).
func Risky(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		_, err := strconv.ParseFloat(s, 64)
		return err != nil
	}
	return false
}

// Text returns s with a leading apostrophe when it is Risky, else s. The
// apostrophe is the spreadsheet convention for "this is text"; it stays in
// the value, so the cell is safe in the workbook and in any CSV saved from it.
func Text(s string) string {
	if Risky(s) {
		return "'" + s
	}
	return s
}
