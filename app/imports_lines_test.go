package app

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// latLines writes n one-minute latency rows in the given layout and decimals.
var berlin, _ = time.LoadLocation("Europe/Berlin")

func latLines(n int, layout string, decimals int, eol string) string {
	var b strings.Builder
	b.WriteString("timestamp,value" + eol)
	rng := rand.New(rand.NewPCG(uint64(n), 9))
	t := time.Date(2024, 3, 30, 22, 0, 0, 0, time.UTC) // across the end of March: Berlin's clocks move
	for i := range n {
		at := t.Add(time.Duration(i) * time.Minute)
		if !strings.Contains(layout, "Z07") {
			at = at.In(berlin) // local times are the feed's (Berlin)
		}
		fmt.Fprintf(&b, "%s,%.*f%s", at.Format(layout), decimals, 50+rng.Float64()*400, eol)
	}
	return b.String()
}

// Every file comes back byte for byte from `batch source`; the ones that
// suit are kept as their points plus the lines the format does not render,
// the others compressed.
func TestImportKeepsTheFileAsLinesOrCompressed(t *testing.T) {
	base := latLines(3000, time.RFC3339, 2, "\n")
	cases := []struct {
		name, feed, file string
		lines            bool // kept as lines (else compressed)
		mostlyRendered   bool // and nearly every data line rendered
	}{
		{"RFC 3339 UTC, two decimals", "lat", base, true, true},
		{"CRLF", "lat", latLines(500, time.RFC3339, 3, "\r\n"), true, true},
		{"no newline at the end", "lat", strings.TrimSuffix(base, "\n"), true, true},
		{"byte-order mark", "lat", "\xef\xbb\xbf" + base, true, true},
		{"local times in the feed's zone (Berlin, across the clock change)", "lat", latLines(600, "2006-01-02 15:04:05", 1, "\n"), true, true},
		{"empty lines inside and at the end", "lat", strings.Replace(base, "\n", "\n\n", 7) + "\n\n", true, true},
		{"shortest decimals", "lat", "timestamp,value\n2024-03-01T00:00:00Z,120.5\n2024-03-01T00:01:00Z,121\n2024-03-01T00:02:00Z,120.25\n" +
			strings.TrimPrefix(latLines(300, time.RFC3339, 0, "\n"), "timestamp,value\n"), true, false},
		{"a preamble, quotes, a malformed row, bad values, a duplicate", "lat",
			"Supplier export\r\n\r\ntimestamp,value\r\n2024-05-01T00:00:00Z,10.5\r\n\"2024-05-01T00:01:00Z\",11.5\r\n2024-05-01T00:02:00Z,\"12\"5\r\n" +
				"2024-05-01T00:03:00Z,abc\r\n2024-05-01T00:04:00Z,13.5\r\n2024-05-01T00:04:00Z,13.5\r\n2024-05-01T00:05:00Z,14.5\r\n", true, false},
		{"a negative zero (stored as 0, so its line is kept)", "lat", base +
			"2024-04-10T00:00:00Z,-0.00\n2024-04-10T00:01:00Z,0.00\n", true, true},
		{"semicolons and decimal commas", "lat", strings.NewReplacer(",", ";", ".", ",").Replace(base), true, true},
		{"counts with a CI", "req", "timestamp,good,total,ci\n" + func() string {
			var b strings.Builder
			for i := range 400 {
				at := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * 5 * time.Minute)
				fmt.Fprintf(&b, "%s,%d,100,web-%02d\n", at.Format(time.RFC3339), 90+i%11, i%3)
			}
			return b.String()
		}(), true, true},
		{"probe statuses as words", "probe", "timestamp,status\n" + func() string {
			var b strings.Builder
			for i := range 300 {
				st := "up"
				if i%17 == 0 {
					st = "down"
				}
				fmt.Fprintf(&b, "2024-05-01T%02d:%02d:00Z,%s\n", i/60, i%60, st)
			}
			return b.String()
		}(), true, true},
		{"rows out of time order", "lat", "timestamp,value\n2024-05-01T00:02:00Z,1.5\n2024-05-01T00:00:00Z,2.5\n2024-05-01T00:01:00Z,3.5\n", false, false},
		{"windows-1252", "lat", "timestamp,value\n2024-05-01T00:00:00Z,1.5\n# \xe9t\xe9\n2024-05-01T00:01:00Z,2.5\n", false, false},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, dir := newImportApp(t)
			path := writeFile(t, dir, fmt.Sprintf("f%d.csv", i), []byte(tc.file))
			res, err := a.Local.Import(path, ImportRequest{Feed: tc.feed, OnConflict: ConflictKeep})
			if err != nil {
				t.Fatal(err)
			}
			if res.Batch == 0 {
				t.Fatalf("nothing imported: %+v", res)
			}
			d, err := a.Imports.Batch(res.Batch)
			if err != nil {
				t.Fatal(err)
			}
			if d.SourceLines != tc.lines {
				t.Fatalf("kept as lines: %v, want %v", d.SourceLines, tc.lines)
			}
			if tc.mostlyRendered && d.SourceBytes*20 > int64(len(tc.file)) {
				t.Errorf("%d bytes kept of a %d-byte file: the format renders too little", d.SourceBytes, len(tc.file))
			}
			sameSource(t, a, res.Batch, dir, tc.file)
			// A revert keeps what the file is rendered from.
			if _, err := a.Imports.Revert(res.Batch, "test"); err != nil {
				t.Fatal(err)
			}
			sameSource(t, a, res.Batch, dir, tc.file)
		})
	}
}

func sameSource(t *testing.T, a *App, id uint64, dir, want string) {
	t.Helper()
	out := filepath.Join(dir, fmt.Sprintf("source-%d-%d.csv", id, time.Now().UnixNano()))
	if _, err := a.Local.Source(id, out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, []byte(want)) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Fatalf("the source differs at byte %d of %d (%d back):\n got …%q…\nwant …%q…", i, len(want), len(got),
			got[max(0, i-40):min(len(got), i+40)], want[max(0, i-40):min(len(want), i+40)])
	}
}

// Random supplier files — mixed line ends, quotes, blank and broken lines,
// decimals that vary, repeated rows, now and then out of order — all come
// back byte for byte, however they were kept.
func TestImportSourceRoundTripsRandomFiles(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	a, dir := newImportApp(t)
	lines := 0
	for i := range 40 {
		var b strings.Builder
		if rng.IntN(4) == 0 {
			b.WriteString("\xef\xbb\xbf")
		}
		if rng.IntN(4) == 0 {
			b.WriteString("Export of the latency log\n\n")
		}
		b.WriteString("timestamp,value\n")
		at := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * 24 * time.Hour)
		dec := rng.IntN(4)
		for range 50 + rng.IntN(400) {
			at = at.Add(time.Duration(1+rng.IntN(3)) * time.Minute)
			if rng.IntN(200) == 0 {
				at = at.Add(-10 * time.Minute) // out of order
			}
			ts := at.Format(time.RFC3339)
			v := fmt.Sprintf("%.*f", dec, rng.Float64()*500)
			eol := "\n"
			switch rng.IntN(60) {
			case 0:
				eol = "\r\n"
			case 1:
				ts = `"` + ts + `"`
			case 2:
				v = "n/a"
			case 3:
				eol = "\n\n"
			case 4:
				v = fmt.Sprintf("%.*f", rng.IntN(5), rng.Float64()*500)
			case 5:
				v = `"1"2`
			case 6:
				ts = at.Format("2006-01-02 15:04")
			}
			fmt.Fprintf(&b, "%s,%s%s", ts, v, eol)
		}
		file := b.String()
		if rng.IntN(3) == 0 {
			file = strings.TrimRight(file, "\n")
		}
		path := writeFile(t, dir, fmt.Sprintf("r%d.csv", i), []byte(file))
		res, err := a.Local.Import(path, ImportRequest{Feed: "lat", OnConflict: ConflictKeep})
		if err != nil {
			t.Fatal(err)
		}
		if res.Batch == 0 {
			continue // refused (conflicts): nothing kept
		}
		d, _ := a.Imports.Batch(res.Batch)
		if d.SourceLines {
			lines++
		}
		sameSource(t, a, res.Batch, dir, file)
	}
	t.Logf("%d of 40 files kept as lines", lines)
	if lines < 10 {
		t.Fatalf("only %d of the files were kept as lines: the test checks too little of that path", lines)
	}
}
