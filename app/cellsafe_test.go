package app

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"slate/internal/cellsafe"
)

// TestExportsGuardFormulaText imports a supplier file whose name, header and
// cells read as formulas, and checks every cell of every export Slate writes
// from it: the review pack workbook, the rejects report (XLSX and CSV) and the
// feed's template. None may hold text a spreadsheet would run.
func TestExportsGuardFormulaText(t *testing.T) {
	dir := t.TempDir()
	a := openImportApp(t, filepath.Join(dir, "slate.db"))
	defer a.Close()
	if _, err := a.Workspace.Apply("defs.yaml", `apiVersion: slate/v1
kind: Supplier
metadata: {name: acme, displayName: '@acme'}
spec: {contact: '-Pat'}
---
apiVersion: slate/v1
kind: Service
metadata: {name: shop, description: '+1 555 0100'}
spec: {owner: '=owner()'}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: orders, description: '=2+5'}
spec: {shape: counts, interval: 1h, supplier: acme, unit: '@u'}
---
apiVersion: slate/v1
kind: SLT
metadata: {name: ok-orders}
spec: {service: shop, feed: orders, type: SLA, period: month, indicator: {kind: ratio}, objective: {target: 0.9}}
`); err != nil {
		t.Fatal(err)
	}
	var csvText strings.Builder
	csvText.WriteString("timestamp,good,total,=cmd|' /C calc'!A0\n")
	for h := range 24 {
		good := "95"
		if h == 7 {
			good = "@SUM(1+1)" // rejected: not a number
		}
		fmt.Fprintf(&csvText, "2024-05-01T%02d:00:00Z,%s,100,-x\n", h, good)
	}
	name := `=HYPERLINK("evil","y").csv`
	file := writeFile(t, dir, name, []byte(csvText.String()))
	res, err := a.Local.Import(file, ImportRequest{Feed: "orders"})
	if err != nil || res.Refused || res.Counts.Rejected != 1 {
		t.Fatalf("import: %+v %v", res, err)
	}

	checkCells := func(what string, cells [][]string) {
		t.Helper()
		n := 0
		for _, row := range cells {
			for _, c := range row {
				n++
				if cellsafe.Risky(c) {
					t.Errorf("%s: cell %q would run as a formula", what, c)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no cells read", what)
		}
	}
	xlsxCells := func(path string) (all [][]string) {
		t.Helper()
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, s := range f.GetSheetList() {
			rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, rows...)
		}
		return all
	}
	found := func(cells [][]string, want string) bool {
		for _, r := range cells {
			for _, c := range r {
				if strings.Contains(c, want) {
					return true
				}
			}
		}
		return false
	}

	rx := filepath.Join(dir, "rejects.xlsx")
	if _, err := a.Local.Rejects(res.Batch, rx); err != nil {
		t.Fatal(err)
	}
	cells := xlsxCells(rx)
	checkCells("rejects.xlsx", cells)
	if !found(cells, "'"+name) || !found(cells, "'@SUM(1+1)") || !found(cells, "'=cmd|") {
		t.Errorf("rejects.xlsx lacks the guarded file name, cell or header: %q", cells)
	}
	rc := filepath.Join(dir, "rejects.csv")
	if _, err := a.Local.Rejects(res.Batch, rc); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(rc)
	recs, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	checkCells("rejects.csv", recs)

	tpl := filepath.Join(dir, "template.xlsx")
	if err := a.Local.Template("orders", tpl); err != nil {
		t.Fatal(err)
	}
	cells = xlsxCells(tpl)
	checkCells("template.xlsx", cells)
	if !found(cells, "'=2+5") || !found(cells, "'@u") {
		t.Errorf("template lacks the guarded description or unit: %q", cells)
	}

	pk, err := a.Local.BuildPack(PackQuery{Period: "2024-05", Date: "2024-06-01", Formats: []string{PackXLSX}}, filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	cells = xlsxCells(packFile(t, pk, PackXLSX))
	checkCells("review pack", cells)
	if !found(cells, "'"+name) {
		t.Errorf("the pack does not list the supplier's file name (guarded)")
	}
}
