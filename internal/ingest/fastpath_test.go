package ingest

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"slate/internal/domain"
)

// parsePlain must agree with strconv.ParseFloat bit for bit wherever it
// answers, and answer for the plain decimals files are made of.
func TestParsePlainMatchesParseFloat(t *testing.T) {
	check := func(s string, wantOK bool) {
		t.Helper()
		got, ok := parsePlain(s)
		if ok != wantOK {
			t.Fatalf("%q: ok %v, want %v", s, ok, wantOK)
		}
		if !ok {
			return
		}
		want, err := strconv.ParseFloat(s, 64)
		if err != nil || math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("%q: got %v (%x), ParseFloat %v (%x) %v", s, got, math.Float64bits(got), want, math.Float64bits(want), err)
		}
	}
	for _, s := range []string{"0", "-0", "0.0", "-0.00", "191.32", "79.41", "007.50", "-12.5", "1", "999999999999999",
		"0.00000000000001", "-0.00000000000001", "123456789.012345", "450359962737049", "900719925474099",
		".5", "-.5", "0.1", "0.2", "0.3", "2.675", "1.005", "1e0"[:1]} {
		check(s, true)
	}
	// Not plain: left to ParseFloat (or to the slow path's error).
	for _, s := range []string{"", "-", ".", "5.", "+1", "1e3", "1E3", "1,5", "1.2.3", " 1", "1 ", "1_000",
		"NaN", "Inf", "-Inf", "0x10", "1234567890123456", "0.0000000000000001", "--1", "1-", "١"} {
		check(s, false)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 300000 {
		digits := 1 + r.IntN(15)
		frac := r.IntN(digits + 1)
		b := make([]byte, 0, 20)
		if r.IntN(3) == 0 {
			b = append(b, '-')
		}
		dot, n := digits-frac, digits
		for i := range digits {
			if i == dot && frac > 0 {
				if i == 0 && r.IntN(2) == 0 {
					b = append(b, '0')
					n++ // a leading 0 before the point counts as a digit
				}
				b = append(b, '.')
			}
			b = append(b, byte('0'+r.IntN(10)))
		}
		check(string(b), n <= 15)
	}
}

// The day cache of TimeParser (fastZ) must give what a fresh parser gives,
// whatever came before: other days, offsets, fractions, leap days, local
// times in a DST zone, 24:00 and leap seconds.
func TestTimeParserDayCacheMatchesFullParse(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip(err)
	}
	stamps := []string{
		"2024-02-29T23:59:59Z", "2024-02-29T00:00:00Z", "2024-02-29T12:00:00+01:00", "2024-02-29T12:00:00Z",
		"2024-02-29T12:00:00.5Z", "2024-02-29T12:00:00,25Z", "2024-02-29T24:00:00Z", "2024-02-29T23:59:60Z",
		"2024-02-29T23:60:00Z", "2024-02-29T25:00:00Z", "2024-02-29t12:00:00Z", "2024-02-29T12:00:00z",
		"2024-02-29 12:00:00Z", "2024-02-29T12:00:00", "2024-02-29T12:00Z", " 2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z ",
		"2023-02-29T12:00:00Z", "2024-03-31T01:59:59Z", "2024-03-31T02:30:00", "2024-03-31T02:30:00Z", "2024-10-27T02:30:00",
		"2024-10-27T02:30:00-05:00", "2024-10-27T02:30:00Z", "1969-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
		"2024-02-29Tab:00:00Z", "2024-02-29T12:0a:00Z", "2024-02-29T12:00:0aZ", "2024-02-29T1:00:00Z",
	}
	for _, layout := range []string{LayoutAuto, LayoutRFC3339, LayoutISOLocal, "2006-01-02T15:04:05Z07:00"} {
		for _, loc := range []*time.Location{time.UTC, berlin, time.FixedZone("", -5*3600)} {
			warm, _ := NewTimeParser(layout, loc)
			r := rand.New(rand.NewPCG(3, 4))
			for range 20000 {
				s := stamps[r.IntN(len(stamps))]
				if r.IntN(2) == 0 { // a random clock on a day seen before
					s = stamps[r.IntN(len(stamps))][:11] + time.Unix(r.Int64N(86400), 0).UTC().Format("15:04:05") + "Z"
				}
				cold, _ := NewTimeParser(layout, loc)
				want, werr := cold.Parse(s)
				got, gerr := warm.Parse(s)
				if (werr == nil) != (gerr == nil) || !got.Equal(want) || got.Location() != want.Location() {
					t.Fatalf("%s %v %q: warm %v %v, cold %v %v", layout, loc, s, got, gerr, want, werr)
				}
			}
		}
	}
}

// The lead Finish reports for future rows is the newest row's, wherever it
// is in the file and whatever rows come after it.
func TestFutureLeadIsTheNewestRow(t *testing.T) {
	now := time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)
	v, err := NewValidator([]string{"timestamp", "value"}, Options{Shape: domain.ShapeValue, Interval: time.Minute, Unit: "ms",
		Mapping: domain.Mapping{Time: "timestamp", Value: "value"}, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var p domain.Point
	for i, lead := range []time.Duration{-time.Hour, 2 * time.Hour, 3 * time.Hour, 7 * time.Hour, -2 * time.Hour, 4 * time.Hour, 5 * time.Hour, 6 * time.Hour, -time.Minute} {
		if out, _ := v.Row([]string{now.Add(lead).Format(time.RFC3339), "1"}, i+2, &p); out != Accept {
			t.Fatalf("row %d: %v", i+2, out)
		}
	}
	var skew []Finding
	for _, f := range v.Finish() {
		if f.Kind == KindClockSkew && f.Row == 0 {
			skew = append(skew, f)
		}
	}
	if len(skew) != 1 || skew[0].Rows != 6 || skew[0].Offset != (7*time.Hour).String() {
		t.Fatalf("future rows: %+v", skew)
	}
}

// allEmpty is nonEmpty(r) == 0, its shortcut for visible ASCII included.
func TestAllEmptyMatchesNonEmpty(t *testing.T) {
	parts := []string{"", " ", "\t", "\r", "\n", "\u00a0", "\xa0", "\xc2", "a", "0", "-", "\x7f", "\x01", "é", "\"", ","}
	r := rand.New(rand.NewPCG(11, 12))
	for range 100000 {
		row := make([]string, r.IntN(4))
		for i := range row {
			for range r.IntN(4) {
				row[i] += parts[r.IntN(len(parts))]
			}
		}
		if allEmpty(row) != (nonEmpty(row) == 0) {
			t.Fatalf("%q: allEmpty %v, nonEmpty %d", row, allEmpty(row), nonEmpty(row))
		}
	}
}
