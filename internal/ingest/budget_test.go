package ingest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// PaddedWorkbook is a valid workbook whose one sheet holds no row, only pad
// bytes of spaces: 900 MiB of them compress to about 0.9 MB.
func paddedWorkbook(t testing.TB, pad int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
	}
	for _, p := range parts {
		w, _ := zw.Create(p.name)
		w.Write([]byte(p.body))
	}
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`))
	sp := bytes.Repeat([]byte(" "), 1<<20)
	for pad > 0 {
		n := min(pad, int64(len(sp)))
		w.Write(sp[:n])
		pad -= n
	}
	w.Write([]byte(`</sheetData></worksheet>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPaddedSheetRefusedEarly(t *testing.T) {
	data := paddedWorkbook(t, 256<<20)
	_, err := NewXLSX(bytes.NewReader(data), int64(len(data)), "", Limits{})
	var be *BudgetError
	if !errors.As(err, &be) {
		t.Fatalf("err = %v, want a budget refusal", err)
	}
	// Work done, not time taken: it stopped within one read buffer of the slack.
	if lim := DefaultLimits.SheetSlack + 64<<10; be.Read > lim {
		t.Errorf("read %d bytes of the sheet before refusing, want ≤ %d", be.Read, lim)
	}
	if be.Part != "xl/worksheets/sheet1.xml" || !strings.Contains(err.Error(), "holds only 0 rows") || !strings.Contains(err.Error(), "padding") {
		t.Errorf("message: %v", err)
	}
	// The same sheet is fine when the limit allows it (it is configurable).
	small := paddedWorkbook(t, 1<<20)
	if src, err := NewXLSX(bytes.NewReader(small), int64(len(small)), "", Limits{SheetSlack: 2 << 20}); err != nil {
		t.Errorf("1 MiB of padding under a 2 MiB slack: %v", err)
	} else {
		src.Close()
	}
}

func TestRealWorkbookWithinBudget(t *testing.T) {
	f := excelize.NewFile()
	for r := 1; r <= 3000; r++ {
		f.SetSheetRow("Sheet1", "A"+strconv.Itoa(r), &[]any{"2024-05-01 00:00", r, strings.Repeat("long comment ", 40)})
	}
	var buf bytes.Buffer
	f.Write(&buf)
	// A slack smaller than the sheet: the rows found so far must carry it.
	lim := Limits{SheetSlack: 64 << 10, SheetPerRow: 4 << 10}
	if err := CheckXLSX(bytes.NewReader(buf.Bytes()), int64(buf.Len()), lim); err != nil {
		t.Fatalf("a real sheet of 3000 rows: %v", err)
	}
	src, err := NewXLSX(bytes.NewReader(buf.Bytes()), int64(buf.Len()), "", Limits{MaxTime: time.Nanosecond})
	if err == nil {
		for err == nil {
			_, _, err = src.Next()
		}
		src.Close()
	}
	var be *BudgetError
	if !errors.As(err, &be) || !strings.Contains(err.Error(), "time budget of 1ns") {
		t.Fatalf("a 1 ns budget: %v", err)
	}
}

func TestCountElements(t *testing.T) {
	for _, c := range []struct {
		in   string
		from int
		want int64
	}{
		{`<row r="1"><c/></row><row>`, 0, 2},
		{`<x:row r="1"/><x:row>`, 0, 2},
		{`<rowBreaks count="1"/><rows/>`, 0, 0},
		{`<row r="1"><row r="2">`, 11, 1},
		{`<ro`, 0, 0},
		{`<si><t>a</t></si>`, 0, 0},
	} {
		if got := countElements([]byte(c.in), "row", c.from); got != c.want {
			t.Errorf("countElements(%q, from %d) = %d, want %d", c.in, c.from, got, c.want)
		}
	}
	if got := countElements([]byte(`<si><t>a</t></si><si>`), "si", 0); got != 2 {
		t.Errorf("shared strings: %d", got)
	}
}
