package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const importFeeds = `apiVersion: slate/v1
kind: Feed
metadata: {name: lat}
spec: {shape: value, interval: 1m, unit: ms, timeZone: Europe/Berlin}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: lat2}
spec: {shape: value, interval: 1m, unit: ms, timeZone: Europe/Berlin}
`

type importJSON struct {
	Batch  uint64 `json:"batch"`
	Counts struct {
		Read, Imported, Rejected, Empty, Warnings int
	} `json:"counts"`
	FindingCounts map[string]int `json:"finding_counts"`
	Findings      []struct {
		Kind, Severity, Column, Raw, Message string
		Row                                  int
		Missing                              int
		Rows                                 int
	} `json:"findings"`
	Refused bool `json:"refused"`
}

func setupImportDB(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "slate.db")
	defs := filepath.Join(dir, "feeds.yaml")
	os.WriteFile(defs, []byte(importFeeds), 0o600)
	mustRun(t, "--db", db, "apply", "-f", defs)
	return dir, db
}

func rowsOf(r importJSON, kind string) []int {
	var out []int
	for _, f := range r.Findings {
		if f.Kind == kind {
			out = append(out, f.Row)
		}
	}
	return out
}

// The messy CSV: BOM, title line, semicolons, decimal comma, and one of each problem.
const messyCSV = "\ufeffSupplier X latency export\n" + // line 1 (title)
	"\n" + // line 2
	"timestamp;latency ms\n" + // line 3: header
	"2024-03-01 10:00:00;12,5\n" + // 4
	"2024-03-01 10:01:00;13\n" + // 5
	"2024-03-01 10:01:00;13\n" + // 6 duplicate of 5
	"2024-03-01 10:02:00;14\n" + // 7
	"2024-03-01 10:02:00;15\n" + // 8 conflict with 7
	"2024-03-01 10:03:00;abc\n" + // 9 non_numeric
	"2024-03-01 10:03:00;-4\n" + // 10 out_of_range (negative ms)
	"yesterday;5\n" + // 11 unparseable_time
	";\n" + // 12 empty_row
	"2024-03-01 10:03:00;11\n" + // 13
	"2024-03-01 10:01:30;9\n" + // 14 out_of_order
	"2024-03-01 10:10:00;10\n" + // 15 missing_interval (10:04..10:09: 6)
	"2024-03-01 10:11:07;10\n" + // 16..21 clock_skew run (+7s)
	"2024-03-01 10:12:07;10\n" +
	"2024-03-01 10:13:07;10\n" +
	"2024-03-01 10:14:07;10\n" +
	"2024-03-01 10:15:07;10\n" +
	"2024-03-01 10:16:07;10\n" +
	"2099-01-01 00:00:00;5\n" + // 22 future_timestamp (+ a second gap)
	"2024-03-01 10:17:00;\"=HYPERLINK(\"\"http://x\"\")\"\n" // 23 non_numeric with a formula

func TestImportMessyCSVJSON(t *testing.T) {
	dir, db := setupImportDB(t)
	file := filepath.Join(dir, "messy.csv")
	os.WriteFile(file, []byte(messyCSV), 0o600)
	out := mustRun(t, "--db", db, "--json", "import", file, "--feed", "lat")
	var r importJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	c := r.Counts
	if c.Read != 20 || c.Imported != 13 || c.Rejected != 6 || c.Empty != 1 || c.Read != c.Imported+c.Rejected+c.Empty {
		t.Errorf("counts %+v", c)
	}
	want := map[string][]int{
		"duplicate":        {6},
		"conflict":         {8},
		"non_numeric":      {9, 23},
		"out_of_range":     {10},
		"unparseable_time": {11},
		"empty_row":        {12},
		"out_of_order":     {14},
		"missing_interval": {15, 22},
		"clock_skew":       {16},
		"future_timestamp": {22},
	}
	for kind, rows := range want {
		got := rowsOf(r, kind)
		slices.Sort(got)
		if !slices.Equal(got, rows) || r.FindingCounts[kind] != len(rows) {
			t.Errorf("%s: rows %v (count %d), want %v", kind, got, r.FindingCounts[kind], rows)
		}
	}
	if len(r.FindingCounts) != len(want) {
		t.Errorf("unexpected kinds: %v", r.FindingCounts)
	}
	for _, f := range r.Findings {
		if f.Message == "" || f.Severity == "" {
			t.Errorf("finding without message or severity: %+v", f)
		}
		switch {
		case f.Kind == "missing_interval" && f.Row == 15 && f.Missing != 6:
			t.Errorf("gap before row 15: missing %d, want 6", f.Missing)
		case f.Kind == "clock_skew" && f.Rows != 6:
			t.Errorf("clock skew run: %d rows, want 6", f.Rows)
		case f.Kind == "non_numeric" && f.Row == 9 && (f.Column != "latency ms" || f.Raw != "abc"):
			t.Errorf("non_numeric: column %q raw %q", f.Column, f.Raw)
		}
	}

	// Rejects: every rejected row, formula neutralised.
	rej := filepath.Join(dir, "rejects.csv")
	mustRun(t, "--db", db, "batch", "rejects", "1", "-o", rej)
	b, _ := os.ReadFile(rej)
	text := string(b)
	if n := strings.Count(text, "\n"); n != 1+6 {
		t.Errorf("rejects: %d lines\n%s", n, text)
	}
	if !strings.Contains(text, `'=HYPERLINK`) || strings.Contains(text, "\n=") || strings.Contains(text, ",=") {
		t.Errorf("formula not neutralised:\n%s", text)
	}
	xl := filepath.Join(dir, "rejects.xlsx")
	mustRun(t, "--db", db, "batch", "rejects", "1", "-o", xl)
	f, err := excelize.OpenFile(xl)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Rejects")
	f.Close()
	if len(rows) != 7 || rows[0][len(rows[0])-1] != "fix" {
		t.Errorf("rejects.xlsx rows: %v", rows)
	}

	// The same file again is refused; nothing added.
	code, _, errs := run(t, "--db", db, "import", file, "--feed", "lat")
	if code != 1 || !strings.Contains(errs, "already imported") || !strings.Contains(errs, "batch 1") {
		t.Errorf("second import: exit %d %s", code, errs)
	}
	out = mustRun(t, "--db", db, "--json", "batches")
	var bs []map[string]any
	json.Unmarshal([]byte(out), &bs)
	if len(bs) != 1 {
		t.Errorf("batches after refused re-import: %d", len(bs))
	}

	// batch show, source, revert.
	out = mustRun(t, "--db", db, "--json", "batch", "show", "1")
	var show struct {
		Points int            `json:"points"`
		Fs     map[string]int `json:"finding_counts"`
	}
	json.Unmarshal([]byte(out), &show)
	if show.Points != 13 || show.Fs["duplicate"] != 1 {
		t.Errorf("batch show: %s", out)
	}
	src := filepath.Join(dir, "source.csv")
	mustRun(t, "--db", db, "batch", "source", "1", "-o", src)
	if got, _ := os.ReadFile(src); string(got) != messyCSV {
		t.Errorf("source differs")
	}
	mustRun(t, "--db", db, "batch", "revert", "1", "--reason", "test")
	out = mustRun(t, "--db", db, "--json", "batch", "show", "1")
	json.Unmarshal([]byte(out), &show)
	if show.Points != 0 {
		t.Errorf("points after revert: %d", show.Points)
	}
	mustRun(t, "--db", db, "audit", "verify")
	// After a revert the file may come again.
	mustRun(t, "--db", db, "import", file, "--feed", "lat")
}

func TestImportMessyXLSXJSON(t *testing.T) {
	dir, db := setupImportDB(t)
	x := excelize.NewFile()
	sh := "Export"
	x.SetSheetName("Sheet1", sh)
	x.NewSheet("Other")
	t1904 := true
	x.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &t1904})
	dateFmt := "yyyy-mm-dd hh:mm"
	ds, _ := x.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	x.SetCellStr(sh, "A1", "Latency report March") // title, row 1
	x.SetCellStr(sh, "A3", "Time")                 // header on row 3
	x.SetCellStr(sh, "B3", "Value")
	// 1904 serial of 2024-03-01 10:00 local: days since 1904-01-01.
	serial := func(min int) float64 { return 43890 + (10*60+float64(min))/1440 }
	type cellRow struct {
		t any
		v any
	}
	data := []cellRow{
		{serial(0), 12.5},                   // 4
		{serial(1), "13"},                   // 5 number stored as text
		{"2024-03-01 10:02:00", 14.0},       // 6 date as text
		{serial(3), "n/a"},                  // 7 non_numeric
		{nil, nil},                          // 8 empty
		{"not a date", 3.0},                 // 9 unparseable_time
		{serial(4), 15.0},                   // 10
		{serial(4), 15.0},                   // 11 duplicate
		{"2024-03-01T09:05:00Z", "1,234.5"}, // 12 thousands separator
	}
	for i, d := range data {
		r := i + 4
		if d.t != nil {
			cell, _ := excelize.CoordinatesToCellName(1, r)
			switch v := d.t.(type) {
			case float64:
				x.SetCellFloat(sh, cell, v, -1, 64)
				x.SetCellStyle(sh, cell, cell, ds)
			case string:
				x.SetCellStr(sh, cell, v)
			}
		}
		if d.v != nil {
			cell, _ := excelize.CoordinatesToCellName(2, r)
			switch v := d.v.(type) {
			case float64:
				x.SetCellFloat(sh, cell, v, -1, 64)
			case string:
				x.SetCellStr(sh, cell, v)
			}
		}
	}
	file := filepath.Join(dir, "messy.xlsx")
	if err := x.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, "--db", db, "--json", "import", file, "--feed", "lat")
	var r importJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	c := r.Counts
	if c.Read != 9 || c.Imported != 5 || c.Rejected != 3 || c.Empty != 1 {
		t.Errorf("counts %+v\n%s", c, out)
	}
	// Row 7's time is rejected with its value, so 10:03 is a one-interval gap before row 10.
	want := map[string][]int{"non_numeric": {7}, "empty_row": {8}, "unparseable_time": {9}, "duplicate": {11}, "missing_interval": {10}}
	for kind, rows := range want {
		if got := rowsOf(r, kind); !slices.Equal(got, rows) {
			t.Errorf("%s: rows %v, want %v\n%s", kind, got, rows, out)
		}
	}
	if len(r.FindingCounts) != len(want) {
		t.Errorf("finding counts %v", r.FindingCounts)
	}
}

// TestImportBadConflictPolicy: the engine names the policy, the CLI its flag.
func TestImportBadConflictPolicy(t *testing.T) {
	dir, db := setupImportDB(t)
	file := filepath.Join(dir, "messy.csv")
	os.WriteFile(file, []byte(messyCSV), 0o600)
	code, _, errs := run(t, "--db", db, "import", file, "--feed", "lat", "--on-conflict", "merge")
	if code != 1 || !strings.Contains(errs, `conflict policy "merge": use reject, replace or keep (--on-conflict)`) {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
}

// TestImportHintsNameTheFlags: the engine speaks of the mapping and the
// conflict policy; the CLI adds its flags and the template command.
func TestImportHintsNameTheFlags(t *testing.T) {
	dir, db := setupImportDB(t)
	odd := filepath.Join(dir, "odd.csv")
	os.WriteFile(odd, []byte("a,b\nx,y\n"), 0o600)
	code, _, errs := run(t, "--db", db, "import", odd, "--feed", "lat")
	if code != 1 || !strings.Contains(errs, "cannot tell which column holds") || !strings.Contains(errs, "(--mapping FILE; `slate template --feed lat` writes") || strings.Count(errs, "--mapping") != 1 {
		t.Errorf("unmapped file: exit %d, stderr %q", code, errs)
	}
	first := filepath.Join(dir, "first.csv")
	os.WriteFile(first, []byte("timestamp;latency ms\n2024-03-01 10:00:00;12\n"), 0o600)
	mustRun(t, "--db", db, "import", first, "--feed", "lat")
	second := filepath.Join(dir, "second.csv")
	os.WriteFile(second, []byte("timestamp;latency ms\n2024-03-01 10:00:00;13\n2024-03-01 10:01:00;14\n"), 0o600)
	code, _, errs = run(t, "--db", db, "import", second, "--feed", "lat")
	if code != 1 || !strings.Contains(errs, "choosing on conflict keep") || !strings.Contains(errs, "(--on-conflict keep or --on-conflict replace)") {
		t.Errorf("conflict: exit %d, stderr %q", code, errs)
	}
}
