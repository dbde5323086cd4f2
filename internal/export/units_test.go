package export

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"slate/internal/report"
)

// TestUnitsInBothRenderers: a statistic reads "298 ms" in the PDF and in the
// workbook (where it stays a number, formatted with the same decimals and unit).
func TestUnitsInBothRenderers(t *testing.T) {
	tbl := report.Table{Title: "Latency", Columns: []report.Column{
		{Header: "SLT", Kind: report.ValueText}, {Header: "Value", Kind: report.ValueNumber},
	}, Rows: []report.Row{
		{Cells: []report.Cell{report.Text("a"), report.Quantity(298.018, "ms")}},
		{Cells: []report.Cell{report.Text("b"), report.Quantity(0.0207, "s")}},
		{Cells: []report.Cell{report.Text("c"), report.Number(2.0999999999999996)}},
	}}
	p := &report.Pack{Meta: report.Meta{Workspace: "w", Period: "2026-11", GeneratedAt: sampleGenerated, Fingerprint: "fp"},
		Sections: []report.Section{{ID: "s", Title: "Units", Blocks: []report.Block{report.NewTable(tbl)}}}}

	f := openXLSX(t, renderXLSX(t, p))
	sheet := f.GetSheetList()[1]
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	shown := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 {
			shown[r[0]] = r[1]
		}
	}
	for name, want := range map[string]string{"a": "298 ms", "b": "0.0207 s", "c": "2.1"} {
		if shown[name] != want {
			t.Errorf("workbook row %s shows %q, want %q", name, shown[name], want)
		}
	}
	kept := false
	for r := 1; r <= len(rows); r++ {
		c, _ := excelize.CoordinatesToCellName(2, r)
		if v, _ := f.GetCellValue(sheet, c, excelize.Options{RawCellValue: true}); v == "298.018" {
			kept = true
		}
	}
	if !kept {
		t.Errorf("the workbook does not keep 298.018 as a number")
	}

	needTool(t, "pdftotext")
	text := pdfText(t, writeTemp(t, "units.pdf", renderPDF(t, p)))
	for _, want := range []string{"298 ms", "0.0207 s", "2.1"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}
