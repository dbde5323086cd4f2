package app

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"slate/internal/compliance"
	"slate/internal/export"
	"slate/internal/pack"
	"slate/internal/packjob"
	"slate/internal/report"
	"slate/internal/storage"
)

const (
	packPeriod = "2026-10"
	packDate   = "2026-11-28"
	injection  = `=HYPERLINK("http://x","y")`
)

// demoPack is the demo workspace's pack for 2026-10, built once per test
// binary, with a supplier and a service whose display name is a formula.
var demoPack struct {
	once sync.Once
	app  *App
	dir  string
	res  PackResult
	rep  Report
	err  error
}

func builtPack(t testing.TB) (*App, PackResult, Report) {
	t.Helper()
	demoPack.once.Do(func() {
		// a private App that outlives the first test using it
		dir, err := os.MkdirTemp("", "slate-pack-")
		if err != nil {
			demoPack.err = err
			return
		}
		demoPack.dir = dir
		a := openDemo(t)
		// openDemo's copy is removed with t; copy it again for the package's lifetime
		path := filepath.Join(dir, "demo.db")
		if _, err := a.Store().Backup(path); err != nil {
			demoPack.err = err
			return
		}
		b, err := OpenWith(path, storage.Options{Actor: "tester", Now: func() time.Time { return DemoNow }})
		if err != nil {
			demoPack.err = err
			return
		}
		if _, err := b.Workspace.Apply("inject.yaml", `apiVersion: slate/v1
kind: Supplier
metadata: {name: cloudhost, displayName: '`+injection+`'}
spec: {contact: Søren Kierkegaard}
---
apiVersion: slate/v1
kind: Service
metadata: {name: web-shop, displayName: '`+injection+`'}
spec: {owner: Amélie Poulain, businessUnit: Retail}
`); err != nil {
			demoPack.err = err
			return
		}
		demoPack.app = b
		demoPack.res, demoPack.err = b.Local.BuildPack(PackQuery{Period: packPeriod, Date: packDate}, filepath.Join(dir, "out"))
		if demoPack.err == nil {
			demoPack.rep, demoPack.err = b.Compliance.Report(ReportQuery{Period: packPeriod, At: packDate})
		}
	})
	if demoPack.err != nil {
		t.Fatalf("demo pack: %v", demoPack.err)
	}
	return demoPack.app, demoPack.res, demoPack.rep
}

func packFile(t testing.TB, res PackResult, format string) string {
	t.Helper()
	for _, f := range res.Files {
		if f.Format == format {
			return f.Path
		}
	}
	t.Fatalf("no %s file in %+v", format, res.Files)
	return ""
}

func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed (scripts/setup.sh installs it); skipping", name)
	}
}

// want is how the pack prints a report row's attainment.
func wantAttainment(r compliance.Row) string {
	return export.FormatValue(pack.Attainment(r.Kind, r.Unit, r.Attainment), "")
}

func TestPackQpdfCheck(t *testing.T) {
	needTool(t, "qpdf")
	_, res, _ := builtPack(t)
	out, err := exec.Command("qpdf", "--check", packFile(t, res, PackPDF)).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

func TestPackPDFSize(t *testing.T) {
	_, res, _ := builtPack(t)
	for _, f := range res.Files {
		if f.Format == PackPDF && f.Size > 5<<20 {
			t.Fatalf("demo PDF is %d bytes, more than 5 MB", f.Size)
		}
	}
}

// TestPackPDFText: every SLT's section shows the attainments `slate report`
// gives for the period, as the pack formats them.
func TestPackPDFText(t *testing.T) {
	needTool(t, "pdftotext")
	a, res, rep := builtPack(t)
	out, err := exec.Command("pdftotext", "-layout", packFile(t, res, PackPDF), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(out)), " ")
	in, err := a.Compliance.input(DemoNow)
	if err != nil {
		t.Fatal(err)
	}
	ws := in.Workspace
	slts, _ := pack.ScopeSLTs(ws, nil)
	if len(slts) != 9 {
		t.Fatalf("%d SLTs in the demo, want 9", len(slts))
	}
	// section i+3 is the i-th SLT (1 summary, 2 compliance table)
	heads := make([]int, len(slts)+1)
	from := strings.Index(flat, "3. ")
	for i, s := range slts {
		h := fmt.Sprintf("%d. %s", i+3, pack.SLTTitle(s))
		k := strings.Index(flat[from:], h)
		if k < 0 {
			t.Fatalf("PDF lacks the section %q", h)
		}
		heads[i] = from + k
		from = heads[i] + len(h)
	}
	heads[len(slts)] = strings.Index(flat[from:], fmt.Sprintf("%d. Breach log", len(slts)+3)) + from
	checked := 0
	for i, s := range slts {
		sec := flat[heads[i]:heads[i+1]]
		for _, r := range rep.Rows {
			if r.SLT != s.Name() || r.Attainment == nil {
				continue
			}
			want := wantAttainment(r)
			if !strings.Contains(sec, r.Period+" ") || !strings.Contains(sec, want) {
				t.Errorf("section of %s lacks period %s with attainment %s", s.Name(), r.Period, want)
			}
			checked++
		}
	}
	if checked < 9 {
		t.Fatalf("only %d attainments checked", checked)
	}
	for _, want := range []string{"89.610%", "Fingerprint", res.Fingerprint, injection, "Amélie Poulain"} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

// TestPackPDFWholeWords: no table header word, number or date of the demo
// pack is split across lines in the PDF (a split word would show in the
// text as two pieces, never whole).
func TestPackPDFWholeWords(t *testing.T) {
	needTool(t, "pdftotext")
	a, res, _ := builtPack(t)
	out, err := exec.Command("pdftotext", "-layout", packFile(t, res, PackPDF), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	tokens := map[string]bool{}
	for _, w := range strings.Fields(string(out)) {
		tokens[w] = true
	}
	p := demoPackModel(t, a)
	checked := 0
	for _, s := range p.Sections {
		for _, b := range s.Blocks {
			tb := b.Table
			if tb == nil || len(tb.Rows) == 0 {
				continue // an empty table prints its title and caption only
			}
			missing := func(what, w string) {
				if !tokens[w] {
					t.Errorf("%s, table %q: %s %q is not whole in the PDF text", s.ID, tb.Title, what, w)
				}
				checked++
			}
			for _, c := range tb.Columns {
				for _, w := range strings.Fields(c.Header) {
					missing("header word", w)
				}
			}
			for _, r := range tb.Rows {
				for ci, c := range r.Cells {
					if c.IsNull() || c.Kind == report.ValueText {
						continue
					}
					for _, w := range strings.Fields(export.FormatValue(c, tb.Columns[ci].Currency)) {
						missing("value", w)
					}
				}
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d words checked", checked)
	}
}

// ---- an XLSX reader of its own: encoding/xml over the zip parts ----

type xSheet struct {
	Rows []struct {
		Cells []struct {
			Ref     string `xml:"r,attr"`
			Type    string `xml:"t,attr"`
			Formula *struct {
				Text string `xml:",chardata"`
			} `xml:"f"`
			Value  string `xml:"v"`
			Inline struct {
				Text string `xml:"t"`
			} `xml:"is"`
		} `xml:"c"`
	} `xml:"sheetData>row"`
}

type xCell struct {
	text    string
	number  float64
	isNum   bool
	formula bool
	typ     string
}

// readXLSX returns every sheet as rows of cells by column index.
func readXLSX(t *testing.T, path string) map[string][][]xCell {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	part := func(name string) []byte {
		for _, f := range zr.File {
			if f.Name == name {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				defer rc.Close()
				b, _ := io.ReadAll(rc)
				return b
			}
		}
		return nil
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(part("xl/workbook.xml"), &wb); err != nil {
		t.Fatal(err)
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(part("xl/_rels/workbook.xml.rels"), &rels); err != nil {
		t.Fatal(err)
	}
	var sst struct {
		SI []struct {
			T string `xml:"t"`
			R []struct {
				T string `xml:"t"`
			} `xml:"r"`
		} `xml:"si"`
	}
	if b := part("xl/sharedStrings.xml"); b != nil {
		if err := xml.Unmarshal(b, &sst); err != nil {
			t.Fatal(err)
		}
	}
	shared := make([]string, len(sst.SI))
	for i, si := range sst.SI {
		shared[i] = si.T
		for _, r := range si.R {
			shared[i] += r.T
		}
	}
	out := map[string][][]xCell{}
	for _, s := range wb.Sheets {
		target := ""
		for _, r := range rels.Rels {
			if r.ID == s.RID {
				target = strings.TrimPrefix(r.Target, "/xl/")
			}
		}
		var sh xSheet
		if err := xml.Unmarshal(part("xl/"+target), &sh); err != nil {
			t.Fatalf("sheet %s: %v", s.Name, err)
		}
		var rows [][]xCell
		for _, r := range sh.Rows {
			var row []xCell
			for _, c := range r.Cells {
				col, _, err := excelizeCoords(c.Ref)
				if err != nil {
					t.Fatal(err)
				}
				for len(row) < col {
					row = append(row, xCell{})
				}
				x := xCell{formula: c.Formula != nil, typ: c.Type}
				switch c.Type {
				case "s":
					i, _ := strconv.Atoi(c.Value)
					x.text = shared[i]
				case "inlineStr":
					x.text = c.Inline.Text
				case "str":
					x.text = c.Value
				default:
					if c.Value != "" {
						x.number, _ = strconv.ParseFloat(c.Value, 64)
						x.isNum = true
					}
				}
				row[col-1] = x
			}
			rows = append(rows, row)
		}
		out[s.Name] = rows
	}
	return out
}

// excelizeCoords parses "B12" by hand (the reader must not lean on excelize).
func excelizeCoords(ref string) (col, row int, err error) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	row, err = strconv.Atoi(ref[i:])
	return col, row, err
}

func rowLabel(r compliance.Row) string {
	if r.Tier != "" {
		return r.SLT + " / " + r.Tier
	}
	return r.SLT
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(b)) }

// TestPackXLSXIndependentReader: the compliance sheet read with encoding/xml
// has the attainments of `slate report`, as numbers; the formula-like names
// are string cells, never formulas.
func TestPackXLSXIndependentReader(t *testing.T) {
	_, res, rep := builtPack(t)
	sheets := readXLSX(t, packFile(t, res, PackXLSX))
	rows := sheets["Compliance by SLT and period"]
	if rows == nil {
		t.Fatalf("no compliance sheet; sheets: %v", len(sheets))
	}
	found := 0
	for _, r := range rep.Rows {
		ok := false
		for _, x := range rows {
			if len(x) >= 6 && x[0].text == rowLabel(r) && strings.HasPrefix(x[1].text, r.Period) {
				if r.Attainment == nil {
					ok = !x[5].isNum
				} else {
					ok = x[5].isNum && near(x[5].number, *r.Attainment)
				}
				if !ok {
					t.Errorf("%s %s: attainment cell %+v, report %v", rowLabel(r), r.Period, x[5], optPtr(r.Attainment))
				}
				ok = true
			}
		}
		if !ok {
			t.Errorf("no row for %s %s", rowLabel(r), r.Period)
		}
		found++
	}
	if found < 9 {
		t.Fatalf("only %d rows", found)
	}
	inj := 0
	for name, rows := range sheets {
		for _, row := range rows {
			for _, c := range row {
				if c.formula {
					t.Errorf("sheet %s has a formula cell %+v", name, c)
				}
				if c.text == injection {
					t.Errorf("sheet %s: %q without the apostrophe guard", name, injection)
				}
				if c.text == "'"+injection {
					inj++
					if c.typ != "s" && c.typ != "inlineStr" {
						t.Errorf("sheet %s: %q stored as type %q", name, injection, c.typ)
					}
				}
			}
		}
	}
	if inj == 0 {
		t.Fatalf("the formula-like name never arrived as text")
	}
}

// TestPackXLSXLibreOffice: LibreOffice headless converts the workbook to
// CSV; the compliance sheet has the report's numbers and the formula-like
// names arrive as text with their apostrophe guard (LibreOffice did not
// evaluate them, and the CSV it wrote is safe to open too).
func TestPackXLSXLibreOffice(t *testing.T) {
	needTool(t, "soffice")
	_, res, rep := builtPack(t)
	dir := t.TempDir()
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1`,
		"--outdir", filepath.Join(dir, "out"), packFile(t, res, PackXLSX))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	base := strings.TrimSuffix(filepath.Base(packFile(t, res, PackXLSX)), ".xlsx")
	read := func(sheet string) [][]string {
		f, err := os.Open(filepath.Join(dir, "out", base+"-"+sheet+".csv"))
		if err != nil {
			t.Fatalf("LibreOffice did not write sheet %s: %v", sheet, err)
		}
		defer f.Close()
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return recs
	}
	recs := read("Compliance by SLT and period")
	for _, r := range rep.Rows {
		ok := false
		for _, x := range recs {
			if len(x) < 6 || x[0] != rowLabel(r) || !strings.HasPrefix(x[1], r.Period) {
				continue
			}
			ok = true
			if r.Attainment == nil {
				if x[5] != "" {
					t.Errorf("%s %s: LibreOffice shows %q for no data", rowLabel(r), r.Period, x[5])
				}
				continue
			}
			s, pct := strings.CutSuffix(x[5], "%")
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Errorf("%s %s: %q is not a number", rowLabel(r), r.Period, x[5])
				continue
			}
			if pct {
				v /= 100
			}
			if math.Abs(v-*r.Attainment) > 1e-12 {
				t.Errorf("%s %s: LibreOffice reads %v, report %v", rowLabel(r), r.Period, v, *r.Attainment)
			}
		}
		if !ok {
			t.Errorf("LibreOffice: no row for %s %s", rowLabel(r), r.Period)
		}
	}
	found := false
	for _, x := range read("Executive summary") {
		for _, c := range x {
			if c == "'"+injection {
				found = true
			}
			if c == "y" {
				t.Errorf("LibreOffice evaluated the formula-like name")
			}
		}
	}
	if !found {
		t.Errorf("LibreOffice does not show %q as text in the summary", "'"+injection)
	}
}

// TestPackDeterministic: the same data and date give a byte-identical PDF
// and the same XLSX cells; the export is audited each time; verify-pack
// matches, and stops matching once the data changes.
func TestPackDeterministic(t *testing.T) {
	a, res, _ := builtPack(t)
	dir := t.TempDir()
	again, err := a.Local.BuildPack(PackQuery{Period: packPeriod, Date: packDate}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if again.Fingerprint != res.Fingerprint {
		t.Fatalf("fingerprint changed after an export: %s vs %s", again.Fingerprint, res.Fingerprint)
	}
	p1, _ := os.ReadFile(packFile(t, res, PackPDF))
	p2, _ := os.ReadFile(packFile(t, again, PackPDF))
	if !bytes.Equal(p1, p2) {
		t.Errorf("two PDFs of the same data differ (%d vs %d bytes)", len(p1), len(p2))
	}
	if c1, c2 := xlsxCells(t, packFile(t, res, PackXLSX)), xlsxCells(t, packFile(t, again, PackXLSX)); c1 != c2 {
		t.Errorf("two workbooks of the same data have different cells")
	}
	evs, err := a.Audit.Log(0)
	if err != nil {
		t.Fatal(err)
	}
	exports := 0
	for _, e := range evs {
		if e.Action == "export.pack" {
			exports++
			var d struct {
				Period      string   `json:"period"`
				Formats     []string `json:"formats"`
				Fingerprint string   `json:"fingerprint"`
				Files       []struct {
					Name string `json:"name"`
				} `json:"files"`
			}
			if err := json.Unmarshal(e.Details, &d); err != nil {
				t.Fatal(err)
			}
			if d.Period != packPeriod || d.Fingerprint != res.Fingerprint || len(d.Formats) != 2 || len(d.Files) != 2 ||
				d.Files[0].Name != "review-pack-2026-10.pdf" {
				t.Errorf("audit details %s", e.Details)
			}
		}
	}
	if exports < 2 {
		t.Errorf("%d export.pack events, want ≥ 2", exports)
	}
}

func xlsxCells(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %q\n", s, rows)
	}
	return b.String()
}

func TestPackVerify(t *testing.T) {
	a := openDemo(t)
	dir := t.TempDir()
	res, err := a.Local.BuildPack(PackQuery{Period: "2026-09", Date: packDate, Services: []string{"payments"}, Anonymize: true}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if res.SLTs != 2 {
		t.Errorf("payments has %d SLTs in the pack, want 2", res.SLTs)
	}
	for _, f := range res.Files {
		v, err := a.Local.VerifyPack(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		if !v.Match || v.Stored != res.Fingerprint || v.Period != "2026-09" {
			t.Errorf("%s: %+v", f.Name, v)
		}
	}
	// an anonymised pack names no service, supplier or person
	out, err := exec.Command("pdftotext", packFile(t, res, PackPDF), "-").Output()
	if err == nil {
		for _, name := range []string{"Payments", "payments", "Jonas Weber", "CloudHost", "ParcelNet"} {
			if strings.Contains(string(out), name) {
				t.Errorf("anonymised PDF contains %q", name)
			}
		}
		if !strings.Contains(string(out), "Service B") || !strings.Contains(string(out), "Person ") {
			t.Errorf("anonymised PDF lacks the pseudonyms")
		}
	}
	// the data changes: the pack no longer matches
	ap, err := a.As(Caller{Name: "maria", Role: RoleManager}).Approvals.RequestFalsePositive(FalsePositiveRequest{Breach: "parcel-delivery-48h@2026-10", Reason: "courier strike"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Approvals.Approve(ApprovalDecision{ID: ap.ID, Note: "the strike is on record"}); err != nil {
		t.Fatal(err)
	}
	v, err := a.Local.VerifyPack(packFile(t, res, PackPDF))
	if err != nil {
		t.Fatal(err)
	}
	if v.Match || v.Current == v.Stored {
		t.Errorf("pack still matches after the audit trail changed: %+v", v)
	}
	// tampering with the workbook's cover is caught
	f, err := excelize.OpenFile(packFile(t, res, PackXLSX))
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStr("Cover", "B6", "sha256:"+strings.Repeat("0", 64))
	bad := filepath.Join(dir, "edited.xlsx")
	if err := f.SaveAs(bad); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := a.Local.VerifyPack(bad); err == nil || !strings.Contains(err.Error(), "edited") {
		t.Errorf("edited cover: %v", err)
	}
}

func TestPackDownload(t *testing.T) {
	a := openDemo(t)
	res, err := a.Packs.Build(PackQuery{Period: "2026-10", Date: packDate, Formats: []string{"pdf"}})
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(res.Files[0].Path) != packjob.Folder(a.Store()) {
		t.Fatalf("default folder: %s", res.Files[0].Path)
	}
	d, err := a.Packs.Download("review-pack-2026-10.pdf")
	if err != nil || !bytes.HasPrefix(d.Data, []byte("%PDF-")) || d.ContentType != "application/pdf" {
		t.Fatalf("download: %v %q", err, d.ContentType)
	}
	for _, name := range []string{"../demo.db", "/etc/passwd", "..", "packs/../../x.pdf", `..\x.pdf`, "demo.db", ".hidden.pdf"} {
		if _, err := a.Packs.Download(name); err == nil {
			t.Errorf("Download(%q) succeeded", name)
		}
		if _, err := a.Packs.VerifyStored(name); err == nil {
			t.Errorf("VerifyStored(%q) succeeded", name)
		}
	}
	// The browser checks a stored pack by name, and a pack it holds by upload.
	if v, err := a.Packs.VerifyStored("review-pack-2026-10.pdf"); err != nil || !v.Match || v.File != "review-pack-2026-10.pdf" {
		t.Fatalf("verify stored: %+v %v", v, err)
	}
	u, err := a.Imports.Upload(UploadChunk{Name: "from-the-auditor.pdf", Size: int64(len(d.Data)), Data: d.Data})
	if err != nil {
		t.Fatal(err)
	}
	if v, err := a.Packs.Verify(u.ID); err != nil || !v.Match || v.File != "from-the-auditor.pdf" {
		t.Fatalf("verify upload: %+v %v", v, err)
	}
	if _, err := a.Packs.Verify(u.ID); err == nil {
		t.Fatal("a verified upload can be used again; it should be gone")
	}
}

func TestPackJob(t *testing.T) {
	a := openDemo(t)
	id, err := a.Packs.Start(PackQuery{Period: "2026-10", Date: packDate, Formats: []string{"xlsx"}})
	if err != nil {
		t.Fatal(err)
	}
	var j Job
	waitFor(t, func() bool {
		j, err = a.Jobs.Get(id)
		return err == nil && j.State != JobRunning
	})
	if j.State != JobDone || j.Done != j.Total || j.Total < 10 {
		t.Fatalf("job %+v", j)
	}
	if r, ok := j.Result.(PackResult); !ok || len(r.Files) != 1 {
		t.Fatalf("result %#v", j.Result)
	}
	if _, err := a.Packs.Start(PackQuery{Period: "October"}); err == nil {
		t.Errorf("a bad period starts a job")
	}
}

func optPtr(v *float64) float64 {
	if v == nil {
		return math.NaN()
	}
	return *v
}
