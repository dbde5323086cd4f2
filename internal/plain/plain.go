// Package plain formats numbers for people. It is the one place where Slate
// decides how a figure reads: the CLI's tables, the review pack and the
// sentences the API returns all use it (the UI mirrors it in
// frontend/src/format.ts). JSON keeps raw numbers; this is for reading.
//
// The rules:
//   - No scientific notation and no float noise: 2.0999999999999996 reads 2.1.
//   - A share reads as a percentage with three decimals: 0.996439 → 99.644%.
//     Rounding never claims "100.000%" for less than all nor "0.000%" for
//     more than none.
//   - A target reads as written: 0.999 → 99.9%, 450 → 450 ms.
//   - Other numbers keep three significant digits and at most four decimals,
//     whole numbers in full with "," between thousands: 298.018 → 298,
//     1.7989 → 1.8, 0.002561 → 0.0026, 1193000 → 1,193,000.
//   - A value next to its target never rounds onto it or past it: 449.96 ms
//     against ≤ 450 ms reads 449.96 ms, not 450 ms.
//   - A statistic always carries its unit: 298 ms.
//   - p-values have four decimals; below 0.0001 they read "< 0.0001".
//   - Money has two decimals and its currency: 1,950.00 EUR.
package plain

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// MaxDecimals is the most decimals any figure shows.
const MaxDecimals = 4

// PercentDecimals is how many decimals a share shows as a percentage.
const PercentDecimals = 3

// Number formats v: three significant digits, at most four decimals, whole
// numbers in full, thousands grouped, trailing zeros dropped.
func Number(v float64) string {
	if bad(v) {
		return "-"
	}
	return fixed(v, decimals(v), true)
}

// Quantity is Number with a unit ("298 ms"); no unit gives the number alone.
func Quantity(v float64, unit string) string {
	return withUnit(Number(v), unit)
}

// Count formats a count: whole numbers grouped (565,990), fractions as Number.
func Count(v float64) string {
	if !bad(v) && v == math.Trunc(v) {
		return group(strconv.FormatFloat(math.Abs(v), 'f', 0, 64), v < 0)
	}
	return Number(v)
}

// Int formats a whole number with grouped thousands.
func Int(n int) string { return Count(float64(n)) }

// Percent formats a share (0..1) as a percentage with three decimals.
func Percent(f float64) string { return PercentN(f, PercentDecimals) }

// PercentN formats a share as a percentage with dec decimals. A share below
// 1 never reads 100%, and one above 0 never reads 0%.
func PercentN(f float64, dec int) string {
	if bad(f) {
		return "-"
	}
	p := f * 100
	s := fixed(p, dec, false)
	switch {
	case f < 1 && f > 0 && fixedValue(s) >= 100:
		s = fixed(floorTo(p, dec), dec, false)
	case f > 0 && fixedValue(s) == 0:
		return "< " + fixed(math.Pow10(-dec), dec, false) + "%"
	}
	return s + "%"
}

// Share is Percent without trailing zeros, for shares in sentences: 95%,
// 96.457%.
func Share(f float64) string {
	s := Percent(f)
	if n, ok := strings.CutSuffix(s, "%"); ok && !strings.HasPrefix(n, "<") {
		return trimZeros(n) + "%"
	}
	return s
}

// Points formats a difference of two shares in percentage points ("-0.0013 pp").
func Points(d float64) string {
	if bad(d) {
		return "-"
	}
	return Number(d*100) + " pp"
}

// Target formats a target as it is written: a share as a trimmed percentage
// (99.9%, 99.95%), a statistic as a number with its unit (450 ms).
func Target(v float64, ratio bool, unit string) string {
	if bad(v) {
		return "-"
	}
	if ratio {
		return trimmed(v*100) + "%"
	}
	return withUnit(trimmed(v), unit)
}

// Objective is an op and a target: "≥ 99.9%", "≤ 450 ms".
func Objective(op string, target float64, ratio bool, unit string) string {
	return Op(op) + " " + Target(target, ratio, unit)
}

// Value formats an attainment: a share as Percent, a statistic as Quantity.
func Value(v float64, ratio bool, unit string) string {
	if ratio {
		return Percent(v)
	}
	return Quantity(v, unit)
}

// Against formats an attainment shown next to its target: like Value, but
// never reading equal to the target, or past it, when it is not: it takes more
// decimals (up to four) and past four rounds toward its own side.
func Against(v, target float64, ratio bool, unit string) string {
	if bad(v) || bad(target) || v == target {
		return Value(v, ratio, unit)
	}
	if ratio {
		s := beside(v*100, target*100, PercentDecimals, false)
		if v < 1 && fixedValue(s) >= 100 {
			return Percent(v)
		}
		return s + "%"
	}
	return withUnit(beside(v, target, decimals(v), true), unit)
}

// beside formats x with dec or more decimals so that it stays on its own side of t.
func beside(x, t float64, dec int, trim bool) string {
	for d := dec; d <= MaxDecimals; d++ {
		s := fixed(x, d, trim)
		if y := fixedValue(s); (y < t) == (x < t) && y != t {
			return s
		}
	}
	if x < t {
		return fixed(floorTo(x, MaxDecimals), MaxDecimals, trim)
	}
	return fixed(ceilTo(x, MaxDecimals), MaxDecimals, trim)
}

// PValue formats a p-value: four decimals, or "< 0.0001".
func PValue(p float64) string {
	if bad(p) {
		return "-"
	}
	if p < 0.0001 {
		return "< 0.0001"
	}
	return trimZeros(strconv.FormatFloat(p, 'f', 4, 64))
}

// P is a p-value in a sentence: "p = 0.0135", "p < 0.0001".
func P(p float64) string {
	s := PValue(p)
	if strings.HasPrefix(s, "<") {
		return "p " + s
	}
	return "p = " + s
}

// Money formats an amount with two decimals, grouped, and its currency.
func Money(v float64, currency string) string {
	if bad(v) {
		return "-"
	}
	s := group(strconv.FormatFloat(math.Abs(v), 'f', 2, 64), v < 0 && math.Abs(v) >= 0.005)
	return withUnit(s, currency)
}

// Times formats a rate such as a burn rate: "1.8×".
func Times(v float64) string {
	if bad(v) {
		return "-"
	}
	return Number(v) + "×"
}

// Op prints a comparison the way a person writes it: ≥ ≤ > <.
func Op(op string) string {
	switch op {
	case ">=":
		return "≥"
	case "<=":
		return "≤"
	}
	return op
}

// Grouped formats a number with dec fixed decimals and grouped thousands,
// for renderers that fix the decimals per column (the pack's charts).
func Grouped(v float64, dec int) string {
	if bad(v) {
		return "-"
	}
	return fixed(v, dec, false)
}

// decimals is three significant digits, capped at four decimals.
func decimals(v float64) int {
	a := math.Abs(v)
	if a == 0 {
		return 0
	}
	d := 3 - int(math.Floor(math.Log10(a))) - 1
	return max(0, min(MaxDecimals, d))
}

// fixed formats v with dec decimals, grouped; trim drops trailing zeros.
// A nonzero value that rounds to zero reads "< 0.0001" (or "> -0.0001").
func fixed(v float64, dec int, trim bool) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', dec, 64)
	if trim {
		s = trimZeros(s)
	}
	if v != 0 && strings.Trim(s, "0.") == "" && trim {
		tiny := "0." + strings.Repeat("0", dec-1) + "1"
		if dec == 0 {
			tiny = "1"
		}
		if v < 0 {
			return "> -" + tiny
		}
		return "< " + tiny
	}
	return group(s, v < 0 && strings.Trim(s, "0.") != "")
}

// trimmed writes a number as written, up to four decimals, no trailing zeros.
func trimmed(v float64) string {
	return fixed(v, MaxDecimals, true)
}

func trimZeros(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	return s
}

// group inserts "," between thousands of an unsigned decimal string.
func group(s string, neg bool) string {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// fixedValue reads back a string written by fixed.
func fixedValue(s string) float64 {
	v, _ := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v
}

// floorTo and ceilTo round to dec decimals, forgiving binary noise
// (0.29 × 100 is 28.999999999999996, and floors to 29).
func floorTo(v float64, dec int) float64 {
	m := math.Pow10(dec)
	return math.Floor(v*m+1e-6) / m
}

func ceilTo(v float64, dec int) float64 {
	m := math.Pow10(dec)
	return math.Ceil(v*m-1e-6) / m
}

func withUnit(s, unit string) string {
	if unit == "" || s == "-" {
		return s
	}
	return s + " " + unit
}

func bad(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) }

// ParseTarget reads a target as people write it: "95%" or "99.5 %" (a share,
// returned as 0.95 and 0.995), or a plain number ("0.95", "450"). Whether a
// plain number fits the SLT (a share must be in 0..1) is the caller's check.
func ParseTarget(s string) (float64, error) {
	t := strings.TrimSpace(s)
	num, pct := strings.CutSuffix(t, "%")
	v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || bad(v) || t == "" {
		return 0, &TargetError{Text: s}
	}
	if pct {
		return v / 100, nil
	}
	return v, nil
}

// TargetError is a target that is not a number or a percentage.
type TargetError struct{ Text string }

func (e *TargetError) Error() string {
	return strconv.Quote(e.Text) + " is not a target: write a share as 99.5% or 0.995, a statistic as a number in its unit (450)"
}

// Bound formats an observed value offered as a target with op: rounded toward
// the side where the value still meets it (down for ≥, up for ≤), so that the
// periods it was computed from still meet the printed target.
func Bound(v float64, op string, ratio bool, unit string) string {
	if bad(v) {
		return "-"
	}
	round := floorTo
	if op == "<=" || op == "<" {
		round = ceilTo
	}
	if ratio {
		p := round(v*100, PercentDecimals)
		return Op(op) + " " + trimZeros(fixed(p, PercentDecimals, false)) + "%"
	}
	return Op(op) + " " + withUnit(fixed(round(v, decimals(v)), decimals(v), true), unit)
}

// CurrencyCode is c as an upper-case 3-letter code (ISO 4217's shape), or
// "" when it is not one: amounts then print without a currency.
func CurrencyCode(c string) string {
	c = strings.ToUpper(strings.TrimSpace(c))
	if len(c) != 3 {
		return ""
	}
	for _, r := range c {
		if r < 'A' || r > 'Z' {
			return ""
		}
	}
	return c
}

// Clip quotes a value for an error message, cut to 80 characters: a message
// never echoes a large argument back.
func Clip(s string) string {
	const max = 80
	if r := []rune(s); len(r) > max {
		return fmt.Sprintf("%q… (%d bytes)", string(r[:max]), len(s))
	}
	return fmt.Sprintf("%q", s)
}

// Plural is one when n is 1, else many: "1 SLT", "2 SLTs", "0 SLTs".
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Counted is n with its noun: Counted(1, "SLT", "SLTs") is "1 SLT".
func Counted(n int, one, many string) string { return Int(n) + " " + Plural(n, one, many) }
