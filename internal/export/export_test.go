package export

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"slate/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const (
	goldenXLSX = "testdata/sample_xlsx_cells.json"
	goldenPDF  = "testdata/sample_pdf.sha256"
)

func renderPDF(t testing.TB, p *report.Pack) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WritePDF(&b, p); err != nil {
		t.Fatalf("WritePDF: %v", err)
	}
	return b.Bytes()
}

func renderXLSX(t testing.TB, p *report.Pack) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSX(&b, p); err != nil {
		t.Fatalf("WriteXLSX: %v", err)
	}
	return b.Bytes()
}

// writeTemp writes data to a file in t.TempDir (or $SLATE_EXPORT_OUT when set,
// to look at the sample by hand).
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	dir := os.Getenv("SLATE_EXPORT_OUT")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed", name)
	}
}

// ---- PDF ----

func TestPDFDeterministic(t *testing.T) {
	p := samplePack(3)
	a, b := renderPDF(t, p), renderPDF(t, p)
	if !bytes.Equal(a, b) {
		t.Fatalf("two renders differ (%d vs %d bytes)", len(a), len(b))
	}
	// JSON round trip of the model gives the same document.
	js, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var q report.Pack
	if err := json.Unmarshal(js, &q); err != nil {
		t.Fatal(err)
	}
	if c := renderPDF(t, &q); !bytes.Equal(a, c) {
		t.Fatalf("render after JSON round trip differs")
	}
}

func TestPDFGolden(t *testing.T) {
	sum := sha256.Sum256(renderPDF(t, samplePack(3)))
	got := hex.EncodeToString(sum[:])
	if *update {
		if err := os.WriteFile(goldenPDF, []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenPDF)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update)", err)
	}
	if strings.TrimSpace(string(want)) != got {
		t.Fatalf("PDF changed: sha256 %s, golden %s; look at the output and run with -update if intended",
			got, strings.TrimSpace(string(want)))
	}
}

func TestPDFQpdfCheck(t *testing.T) {
	needTool(t, "qpdf")
	path := writeTemp(t, "sample.pdf", renderPDF(t, samplePack(3)))
	out, err := exec.Command("qpdf", "--check", path).CombinedOutput()
	if err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Fatalf("qpdf --check output:\n%s", out)
	}
}

func pdfPages(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command("qpdf", "--show-npages", path).Output()
	if err != nil {
		t.Fatalf("qpdf --show-npages: %v", err)
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func pdfText(t *testing.T, path string, args ...string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", append(append([]string{"-layout"}, args...), path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestPDFText(t *testing.T) {
	needTool(t, "pdftotext")
	needTool(t, "qpdf")
	p := samplePack(3)
	path := writeTemp(t, "sample.pdf", renderPDF(t, p))
	text := pdfText(t, path)
	flat := strings.Join(strings.Fields(text), " ") // undo line wrapping
	for _, want := range []string{
		// Unicode names print as glyphs (pdftotext extracts them back)
		nameDanish, nameFrench, nameGreek, nameCyrillic,
		// the malicious name is just text in a PDF
		maliciousSupplier,
		// figures
		"99.950%", "99.812%", "18,250.50", "1,613.36 EUR", "2025-04-10", "2025-01-01 00:49",
		"Rule 5: 2 of 3 beyond 2σ", "99.480%",
		// cover and structure
		"Service review pack", "Q1 2025", "sha256:9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8",
		"Contents", "Breach log (continued)",
		"… [cut: 7257 characters]",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if strings.Contains(text, "?ren") || strings.Contains(text, "Am?lie") {
		t.Errorf("PDF shows '?' instead of glyphs")
	}

	n := pdfPages(t, path)
	// every page after the cover says "page X of N"
	pages := strings.Split(text, "\f")
	for i := 1; i < n; i++ {
		want := fmt.Sprintf("page %d of %d", i+1, n)
		if !strings.Contains(pages[i], want) {
			t.Errorf("page %d lacks footer %q", i+1, want)
		}
		if !strings.Contains(pages[i], "sha256:9f2c4") {
			t.Errorf("page %d lacks the short fingerprint", i+1)
		}
	}
	if strings.Contains(pages[0], "page 1 of") {
		t.Errorf("cover has a footer")
	}

	// table of contents: every section starts on the page it lists
	toc := regexp.MustCompile(`(?m)^\s*(\d+)\s+(.+?)\s*\.{3,}\s*(\d+)\s*$`)
	m := toc.FindAllStringSubmatch(pages[1], -1)
	if len(m) != len(p.Sections) {
		t.Fatalf("contents has %d entries, want %d:\n%s", len(m), len(p.Sections), pages[1])
	}
	for i, e := range m {
		page, _ := strconv.Atoi(e[3])
		if page < 3 || page > n {
			t.Fatalf("entry %q: page %d out of range", e[2], page)
		}
		heading := fmt.Sprintf("%d. %s", i+1, p.Sections[i].Title)
		if !strings.Contains(pages[page-1], heading) {
			t.Errorf("contents says %q is on page %d, but that page does not start it", heading, page)
		}
	}

	// the 600-row breach log breaks across pages with the header repeated
	cont := strings.Count(text, "Breach log (continued)")
	if cont < 5 {
		t.Errorf("breach log continued on %d pages, want ≥ 5", cont)
	}
	for _, pg := range pages {
		if strings.Contains(pg, "Breach log (continued)") && !strings.Contains(pg, "Supplier") {
			t.Errorf("continued page without repeated header")
		}
	}
	for _, re := range []string{`(?m)^\s*1\s+2025-01-01 00:49`, fmt.Sprintf(`(?m)^\s*%d\s+2025-`, breachRows)} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("breach log lacks a row matching %s", re)
		}
	}
}

func TestPDFFontsEmbedded(t *testing.T) {
	needTool(t, "pdffonts")
	path := writeTemp(t, "sample.pdf", renderPDF(t, samplePack(1)))
	out, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	// fpdf subsets UTF-8 fonts (only used glyphs are embedded) but does not
	// add the "ABCDEF+" tag to the name, so pdffonts reports sub=no.
	fonts := 0
	for line := range strings.SplitSeq(string(out), "\n") {
		if strings.Contains(strings.ToLower(line), "dejavu") {
			fonts++
			if f := strings.Fields(line); len(f) < 7 || f[len(f)-5] != "yes" {
				t.Errorf("font not embedded: %s", line)
			}
		}
	}
	if fonts != 3 {
		t.Errorf("%d DejaVu fonts, want 3:\n%s", fonts, out)
	}
}

func TestPDFEmptyAndMinimal(t *testing.T) {
	for name, p := range map[string]*report.Pack{
		"empty":     {},
		"no blocks": {Sections: []report.Section{{ID: "a", Title: "Only a title"}}},
		"empty table and charts": {Sections: []report.Section{{ID: "a", Title: "A", Blocks: []report.Block{
			report.NewTable(report.Table{Columns: []report.Column{{Header: "x", Kind: report.ValueText}}}),
			report.NewChart(report.Chart{Kind: report.ChartControl, Control: &report.ControlChart{Target: report.NaN}}),
			report.NewChart(report.Chart{Kind: report.ChartPareto, Pareto: report.NewPareto(nil, nil)}),
			report.NewChart(report.Chart{Kind: report.ChartLine, Line: &report.LineChart{Target: report.NaN}}),
		}}}},
	} {
		t.Run(name, func(t *testing.T) {
			b := renderPDF(t, p)
			if !bytes.HasPrefix(b, []byte("%PDF-")) {
				t.Fatal("not a PDF")
			}
			if _, err := exec.LookPath("qpdf"); err == nil {
				path := writeTemp(t, "x.pdf", b)
				if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
					t.Fatalf("qpdf: %v\n%s", err, out)
				}
			}
			var xb bytes.Buffer
			if err := WriteXLSX(&xb, p); err != nil {
				t.Fatalf("WriteXLSX: %v", err)
			}
		})
	}
}

func TestInvalidPackRejected(t *testing.T) {
	p := &report.Pack{Sections: []report.Section{{ID: "a", Blocks: []report.Block{
		report.NewTable(report.Table{Columns: []report.Column{{Header: "x", Kind: report.ValueText}},
			Rows: []report.Row{{Cells: []report.Cell{report.Text("a"), report.Text("b")}}}}),
	}}}}
	var b bytes.Buffer
	if err := WritePDF(&b, p); err == nil {
		t.Error("WritePDF accepted a row with too many cells")
	}
	if err := WriteXLSX(&b, p); err == nil {
		t.Error("WriteXLSX accepted a row with too many cells")
	}
}

// ---- XLSX ----

func openXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("re-open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// findCell returns the first cell (sheet, ref) whose raw value equals v.
func findCells(t *testing.T, f *excelize.File, match func(string) bool) [][2]string {
	t.Helper()
	var out [][2]string
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for ri, r := range rows {
			for ci, v := range r {
				if match(v) {
					out = append(out, [2]string{s, cellName(ci+1, ri+1)})
				}
			}
		}
	}
	return out
}

func numFmtOf(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt
	}
	return fmt.Sprintf("builtin:%d", st.NumFmt)
}

func TestXLSXContent(t *testing.T) {
	data := renderXLSX(t, samplePack(3))
	writeTemp(t, "sample.xlsx", data)
	f := openXLSX(t, data)

	sheets := f.GetSheetList()
	wantSheets := []string{"Cover", "Executive summary", "SLT Checkout success ratio", "SLT Order fulfilment cycle time",
		"SLT Ticket resolution — Ελληνικ", "Breaches", "Breaches data", "Data quality", "Audit appendix"}
	if strings.Join(sheets, "|") != strings.Join(wantSheets, "|") {
		t.Errorf("sheets:\n got %q\nwant %q", sheets, wantSheets)
	}
	for _, s := range sheets {
		if len([]rune(s)) > 31 || strings.ContainsAny(s, `[]:*?/\`) {
			t.Errorf("bad sheet name %q", s)
		}
	}

	t.Run("numbers are numbers with formats", func(t *testing.T) {
		s := "Executive summary"
		cases := []struct{ cell, raw, format string }{
			{"C15", "0.9995", "0.000%"},    // target
			{"D15", "0.99812", "0.000%"},   // attainment
			{"E15", "2", "builtin:3"},      // integer #,##0
			{"B7", "3", "builtin:3"},       // SLTs in scope
			{"B9", "18250.5", `#,##0.00`},  // currency without code
			{"B10", "45757", "yyyy-mm-dd"}, // 2025-04-10
			{"F15", "1613.36", `#,##0.00 "EUR"`},
		}
		for _, c := range cases {
			typ, err := f.GetCellType(s, c.cell)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := f.GetCellValue(s, c.cell, excelize.Options{RawCellValue: true})
			if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				t.Errorf("%s: type %v, want number", c.cell, typ)
			}
			if raw != c.raw {
				t.Errorf("%s: raw %q, want %q", c.cell, raw, c.raw)
			}
			if got := numFmtOf(t, f, s, c.cell); got != c.format {
				t.Errorf("%s: format %q, want %q", c.cell, got, c.format)
			}
		}
		if v, _ := f.GetCellValue(s, "D15"); v != "99.812%" {
			t.Errorf("D15 shows %q, want 99.812%%", v)
		}
		if v, _ := f.GetCellValue(s, "B10"); v != "2025-04-10" {
			t.Errorf("B10 shows %q", v)
		}
		// data sheet (StreamWriter): datetime and integer
		if got := numFmtOf(t, f, "Breaches data", "B2"); got != "yyyy-mm-dd hh:mm" {
			t.Errorf("Breaches data B2 format %q", got)
		}
		if v, _ := f.GetCellValue("Breaches data", "B2"); v != "2025-01-01 00:49" {
			t.Errorf("Breaches data B2 shows %q", v)
		}
	})

	t.Run("formula injection neutralised", func(t *testing.T) {
		hits := findCells(t, f, func(v string) bool { return v == "'"+maliciousSupplier })
		if len(hits) < 4 {
			t.Fatalf("malicious name found %d times, want ≥ 4 (definitions and data sheet)", len(hits))
		}
		sheetsHit := map[string]bool{}
		for _, h := range hits {
			sheetsHit[h[0]] = true
			formula, err := f.GetCellFormula(h[0], h[1])
			if err != nil || formula != "" {
				t.Errorf("%s!%s: formula %q (%v)", h[0], h[1], formula, err)
			}
			typ, _ := f.GetCellType(h[0], h[1])
			if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%s!%s: type %v, want a string", h[0], h[1], typ)
			}
			v, _ := f.GetCellValue(h[0], h[1])
			if !strings.HasPrefix(v, `'=HYPERLINK(`) {
				t.Errorf("%s!%s: value %q", h[0], h[1], v)
			}
		}
		if raw := findCells(t, f, func(v string) bool { return v == maliciousSupplier }); len(raw) > 0 {
			t.Errorf("unguarded copies at %v", raw)
		}
		if !sheetsHit["Breaches data"] {
			t.Errorf("not checked on the streamed data sheet")
		}
		// the raw XML has no formula element at all
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, zf := range zr.File {
			rc, _ := zf.Open()
			var b bytes.Buffer
			_, _ = b.ReadFrom(rc)
			rc.Close()
			if strings.HasPrefix(zf.Name, "xl/worksheets/") && bytes.Contains(b.Bytes(), []byte("<f>")) {
				t.Errorf("%s contains a formula", zf.Name)
			}
		}
	})

	t.Run("long text cut with marker", func(t *testing.T) {
		hits := findCells(t, f, func(v string) bool { return strings.HasPrefix(v, "Supplier comment line 0:") })
		if len(hits) != 1 {
			t.Fatalf("long text found %d times", len(hits))
		}
		v, _ := f.GetCellValue(hits[0][0], hits[0][1])
		if n := utf16Len(v); n > 32767 {
			t.Errorf("cell has %d characters", n)
		}
		if !strings.HasSuffix(v, "… [cut: 7257 characters]") {
			t.Errorf("no cut marker at the end: …%q", v[len(v)-60:])
		}
		kept := len([]rune(strings.TrimSuffix(v, "… [cut: 7257 characters]")))
		if kept+7257 != longTextLen {
			t.Errorf("kept %d + cut 7257 ≠ %d", kept, longTextLen)
		}
	})

	t.Run("charts present", func(t *testing.T) {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		charts := 0
		for _, zf := range zr.File {
			if strings.HasPrefix(zf.Name, "xl/charts/chart") && strings.HasSuffix(zf.Name, ".xml") {
				charts++
			}
		}
		// 3 SLTs × (control + trend) + Pareto
		if charts != 7 {
			t.Errorf("%d charts, want 7", charts)
		}
		if _, err := zr.Open("xl/charts/chart1.xml"); err != nil {
			t.Errorf("xl/charts/chart1.xml: %v", err)
		}
	})

	t.Run("tables, panes, properties", func(t *testing.T) {
		tbls, err := f.GetTables("Breaches data")
		if err != nil || len(tbls) != 1 || tbls[0].Range != fmt.Sprintf("A1:G%d", breachRows+1) {
			t.Errorf("data sheet table: %+v %v", tbls, err)
		}
		panes, err := f.GetPanes("Breaches data")
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("data sheet panes: %+v %v", panes, err)
		}
		tbls, err = f.GetTables("Executive summary")
		if err != nil || len(tbls) != 1 {
			t.Errorf("summary tables: %+v %v", tbls, err)
		}
		props, err := f.GetDocProps()
		if err != nil {
			t.Fatal(err)
		}
		if props.Created != "2025-04-02T09:30:00Z" || props.Modified != props.Created {
			t.Errorf("doc props created %q modified %q", props.Created, props.Modified)
		}
	})

	t.Run("RAG fill", func(t *testing.T) {
		id, _ := f.GetCellStyle("Executive summary", "A15") // first row, red
		st, _ := f.GetStyle(id)
		if len(st.Fill.Color) == 0 || st.Fill.Color[0] != "FFC7CE" {
			t.Errorf("red row fill %+v", st.Fill)
		}
	})
}

// goldenCells flattens every cell to "sheet!A1" → "type:value" (n number, s
// string). Long values are stored as their length and SHA-256, and rows of
// "… data" sheets as one "|"-joined entry, to keep the golden file small.
func goldenCells(t *testing.T, data []byte) map[string]string {
	t.Helper()
	f := openXLSX(t, data)
	out := map[string]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		dataSheet := strings.HasSuffix(s, " data")
		for ri, r := range rows {
			if dataSheet { // one compact entry per row
				out[fmt.Sprintf("%s!row %d", s, ri+1)] = strings.Join(r, "|")
				continue
			}
			for ci, v := range r {
				if v == "" {
					continue
				}
				ref := cellName(ci+1, ri+1)
				typ, _ := f.GetCellType(s, ref)
				kind := "n"
				if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
					kind = "s"
				}
				if len(v) > 200 {
					sum := sha256.Sum256([]byte(v))
					v = fmt.Sprintf("len=%d sha256=%x", len(v), sum[:8])
				}
				out[s+"!"+ref] = kind + ":" + v
			}
		}
	}
	return out
}

func TestXLSXGolden(t *testing.T) {
	p := samplePack(3)
	got := goldenCells(t, renderXLSX(t, p))
	// the same pack gives the same cells
	if again := goldenCells(t, renderXLSX(t, p)); !mapsEqual(got, again) {
		t.Fatalf("two renders give different cells")
	}
	if *update {
		b, err := json.MarshalIndent(got, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenXLSX, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	raw, err := os.ReadFile(goldenXLSX)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update)", err)
	}
	var want map[string]string
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range want {
		keys = append(keys, k)
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	bad := 0
	for _, k := range keys {
		if got[k] != want[k] {
			if bad < 20 {
				t.Errorf("%s: got %q, golden %q", k, got[k], want[k])
			}
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("%d cells differ from %s (run with -update if intended)", bad, goldenXLSX)
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestSheetNames(t *testing.T) {
	x := &xlsxWriter{names: map[string]bool{"cover": true}}
	cases := []struct{ title, suffix, want string }{
		{"Cover", "", "Cover (2)"},
		{"a[b]c:d*e?f/g\\h", "", "a b c d e f g h"},
		{"A very long section title that goes on and on", "", "A very long section title that"},
		{"A very long section title that goes on and on", "", "A very long section title t (2)"},
		{"A very long section title that goes on and on", " data", "A very long section title data"},
		{"'quoted'", "", "quoted"},
		{"History", "", "History (2)"},
		{"   ", "", "Section"},
	}
	for _, c := range cases {
		if got := x.uniqueSheetName(c.title, c.suffix); got != c.want {
			t.Errorf("uniqueSheetName(%q, %q) = %q, want %q", c.title, c.suffix, got, c.want)
		}
	}
}

func TestCutText(t *testing.T) {
	long := strings.Repeat("é", 40000)
	got := cutText(long, maxCellChars)
	if n := utf16Len(got); n > maxCellChars {
		t.Fatalf("%d units", n)
	}
	if !strings.HasSuffix(got, "… [cut: 7257 characters]") {
		t.Fatalf("suffix: %q", got[len(got)-40:])
	}
	emoji := strings.Repeat("😀", 20000) // 2 UTF-16 units each
	got = cutText(emoji, maxCellChars)
	if n := utf16Len(got); n > maxCellChars {
		t.Fatalf("emoji: %d units", n)
	}
	if s := "short"; cutText(s, maxCellChars) != s {
		t.Fatal("short text changed")
	}
}

func TestFormat(t *testing.T) {
	cases := []struct {
		c    report.Cell
		want string
	}{
		{report.Percent(0.9995), "99.950%"},
		{report.Number(-1234567.891), "-1,234,568"},
		{report.Number(-0.001), "-0.001"},
		{report.Number(2.0999999999999996), "2.1"},
		{report.Quantity(298.018, "ms"), "298 ms"},
		{report.Quantity(0.0207, "ms"), "0.0207 ms"},
		{report.Integer(1000), "1,000"},
		{report.Currency(12.5), "12.50"},
		{report.Null(), "—"},
		{report.Text("a\x00b\r\nc"), "ab\nc"},
	}
	for _, c := range cases {
		if got := formatValue(c.c, ""); got != c.want {
			t.Errorf("formatValue(%+v) = %q, want %q", c.c, got, c.want)
		}
	}
}

func BenchmarkPack(b *testing.B) {
	p := samplePack(50)
	var pdfSize, xlsxSize int
	for b.Loop() {
		var pb, xb bytes.Buffer
		if err := WritePDF(&pb, p); err != nil {
			b.Fatal(err)
		}
		if err := WriteXLSX(&xb, p); err != nil {
			b.Fatal(err)
		}
		pdfSize, xlsxSize = pb.Len(), xb.Len()
	}
	b.ReportMetric(float64(pdfSize)/1024, "pdf-KiB")
	b.ReportMetric(float64(xlsxSize)/1024, "xlsx-KiB")
}

// A cumulative share is cut, not rounded: below 100% it never reads 100.0%.
