package app

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"slate/internal/domain"
	"slate/internal/ingest"
	"slate/internal/storage"
)

const testFeeds = `apiVersion: slate/v1
kind: Feed
metadata: {name: lat}
spec: {shape: value, interval: 1m, unit: ms, timeZone: Europe/Berlin}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: req}
spec: {shape: counts, interval: 5m}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: probe}
spec: {shape: event, interval: 1m}
---
apiVersion: slate/v1
kind: Feed
metadata: {name: tickets}
spec: {shape: item, timeZone: Europe/London}
`

var testNow = time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)

func openImportApp(t *testing.T, path string) *App {
	t.Helper()
	a, err := OpenWith(path, storage.Options{Actor: "tester", Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func newImportApp(t *testing.T) (*App, string) {
	t.Helper()
	dir := t.TempDir()
	a := openImportApp(t, filepath.Join(dir, "slate.db"))
	t.Cleanup(func() { a.Close() })
	if _, err := a.Workspace.Apply("feeds.yaml", testFeeds); err != nil {
		t.Fatal(err)
	}
	return a, dir
}

// adopted registers the file at path as an upload of a's caller (as the CLI does).
func adopted(t *testing.T, a *App, path string) string {
	t.Helper()
	u, err := a.Local.Upload(path)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func points(t *testing.T, a *App, feed string) []domain.Point {
	t.Helper()
	var out []domain.Point
	if err := a.store.View(func(tx *storage.Tx) error {
		return tx.ScanPoints(feed, time.Time{}, time.Time{}, func(p domain.Point) error { out = append(out, p); return nil })
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func verifyAudit(t *testing.T, a *App) {
	t.Helper()
	v, err := a.Audit.Verify()
	if err != nil || !v.OK {
		t.Fatalf("audit verify: %+v %v", v, err)
	}
}

func TestImportShapesAndEncodings(t *testing.T) {
	a, dir := newImportApp(t)
	utf16le := func(s string) []byte {
		b := []byte{0xff, 0xfe}
		for _, r := range s {
			b = append(b, byte(r), byte(r>>8))
		}
		return b
	}
	cases := []struct {
		name, feed string
		data       []byte
		want       []domain.Point
		imported   int
	}{
		{"counts tab", "req", []byte("Time\tRequests\tErrors\n2024-05-01T00:00:00Z\t100\t2\n2024-05-01T00:05:00Z\t50\t0\n"),
			[]domain.Point{{At: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), Good: 98, Total: 100}, {At: time.Date(2024, 5, 1, 0, 5, 0, 0, time.UTC), Good: 50, Total: 50}}, 2},
		{"event pipe unix", "probe", []byte("ts|status\n1714521600|up\n1714521660|down\n"),
			[]domain.Point{{At: time.Unix(1714521600, 0).UTC(), Good: 1, Total: 1}, {At: time.Unix(1714521660, 0).UTC(), Total: 1}}, 2},
		{"items utf-16 dd/mm", "tickets", utf16le("Ticket,Created,Closed,Priority\r\nINC-1,01/05/2024 09:00,02/05/2024 17:30,P2\r\nINC-2,03/05/2024 10:00,,P1\r\n"),
			[]domain.Point{
				{At: time.Date(2024, 5, 2, 16, 30, 0, 0, time.UTC), ItemID: "INC-1", Opened: time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC), Resolved: time.Date(2024, 5, 2, 16, 30, 0, 0, time.UTC), Priority: "P2"},
				{At: time.Date(2024, 5, 3, 9, 0, 0, 0, time.UTC), ItemID: "INC-2", Opened: time.Date(2024, 5, 3, 9, 0, 0, 0, time.UTC), Priority: "P1"}}, 2},
		{"latin-1 value ms", "lat", []byte("Zeitstempel;Wert (\xb5s)\n2024-05-01 10:00;1,5\n"),
			[]domain.Point{{At: time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC), Value: 1.5}}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, dir, strings.NewReplacer(" ", "_", "/", "_").Replace(c.name)+".csv", c.data)
			res, err := a.Local.Import(p, ImportRequest{Feed: c.feed})
			if err != nil {
				t.Fatal(err)
			}
			if res.Counts.Imported != c.imported {
				t.Fatalf("imported %d, want %d: %+v", res.Counts.Imported, c.imported, res.Findings)
			}
			got := points(t, a, c.feed)
			if len(got) != len(c.want) {
				t.Fatalf("got %d points", len(got))
			}
			for i := range got {
				w := c.want[i]
				w.Batch = res.Batch
				g := got[i]
				if !g.At.Equal(w.At) || g.Value != w.Value || g.Good != w.Good || g.Total != w.Total || g.ItemID != w.ItemID ||
					!g.Opened.Equal(w.Opened) || !g.Resolved.Equal(w.Resolved) || g.Priority != w.Priority || g.Batch != w.Batch {
					t.Errorf("point %d: got %+v\nwant %+v", i, g, w)
				}
			}
		})
	}
	// The mapping used was saved with the feed, audited.
	var saved *domain.Mapping
	a.store.View(func(tx *storage.Tx) error {
		ws, _ := tx.Workspace()
		saved = ws.Feed("req").Spec.Mapping
		return nil
	})
	if saved == nil || saved.Total != "Requests" || saved.Bad != "Errors" {
		t.Errorf("saved mapping %+v", saved)
	}
	ev, _ := a.Audit.Log(0)
	found := false
	for _, e := range ev {
		if e.Action == "definition.updated" && e.Object == "Feed/req" {
			found = true
		}
	}
	if !found {
		t.Error("no audit event for the saved mapping")
	}
	verifyAudit(t, a)
}

func TestImportConflictPolicies(t *testing.T) {
	a, dir := newImportApp(t)
	first := writeFile(t, dir, "a.csv", []byte("timestamp,value\n2024-05-01T00:00:00Z,1\n2024-05-01T00:01:00Z,2\n"))
	second := writeFile(t, dir, "b.csv", []byte("timestamp,value\n2024-05-01T00:01:00Z,20\n2024-05-01T00:02:00Z,3\n2024-05-01T00:00:00Z,1\n"))
	if _, err := a.Local.Import(first, ImportRequest{Feed: "lat"}); err != nil {
		t.Fatal(err)
	}
	values := func() []float64 {
		var v []float64
		for _, p := range points(t, a, "lat") {
			v = append(v, p.Value)
		}
		return v
	}
	// reject (default): refused, nothing changes.
	res, err := a.Local.Import(second, ImportRequest{Feed: "lat"})
	if err != nil || !res.Refused || res.Batch != 0 || res.FindingCounts["conflict"] != 1 || res.FindingCounts["duplicate"] != 1 {
		t.Fatalf("reject: %+v %v", res, err)
	}
	if fmt.Sprint(values()) != "[1 2]" {
		t.Fatalf("after refusal: %v", values())
	}
	// Dry run: nothing changes either.
	res, err = a.Local.Import(second, ImportRequest{Feed: "lat", OnConflict: "keep", DryRun: true})
	if err != nil || res.Batch != 0 || fmt.Sprint(values()) != "[1 2]" {
		t.Fatalf("dry run: %+v %v %v", res, err, values())
	}
	// keep: the conflicting row is rejected, the new one imported.
	res, err = a.Local.Import(second, ImportRequest{Feed: "lat", OnConflict: "keep"})
	if err != nil || res.Counts.Imported != 1 || res.Counts.Rejected != 2 {
		t.Fatalf("keep: %+v %v", res.Counts, err)
	}
	if fmt.Sprint(values()) != "[1 2 3]" {
		t.Fatalf("after keep: %v", values())
	}
	if _, err := a.Imports.Revert(res.Batch, "try replace"); err != nil {
		t.Fatal(err)
	}
	// replace: the file's value wins; reverting brings the old one back.
	res, err = a.Local.Import(second, ImportRequest{Feed: "lat", OnConflict: "replace"})
	if err != nil || res.Counts.Imported != 2 || res.Counts.Replaced != 1 {
		t.Fatalf("replace: %+v %v", res.Counts, err)
	}
	if fmt.Sprint(values()) != "[1 20 3]" {
		t.Fatalf("after replace: %v", values())
	}
	if _, err := a.Imports.Revert(res.Batch, ""); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(values()) != "[1 2]" {
		t.Fatalf("after revert: %v", values())
	}
	verifyAudit(t, a)
}

func TestTemplateRoundTrip(t *testing.T) {
	a, dir := newImportApp(t)
	for _, feed := range []string{"lat", "req", "probe", "tickets"} {
		t.Run(feed, func(t *testing.T) {
			p := filepath.Join(dir, feed+"-template.xlsx")
			if err := a.Local.Template(feed, p); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(p)
			if err != nil {
				t.Fatal(err)
			}
			sheets := f.GetSheetList()
			if len(sheets) != 2 || sheets[0] != "Data" || sheets[1] != "Instructions" {
				t.Fatalf("sheets %v", sheets)
			}
			hdr, _ := f.GetRows("Data")
			dvs, _ := f.GetDataValidations("Data")
			if len(dvs) == 0 {
				t.Error("no data validation")
			}
			// Fill it as a supplier would: dates as date cells.
			ts := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
			for r := 2; r <= 4; r++ {
				for c, name := range hdr[0] {
					cell, _ := excelize.CoordinatesToCellName(c+1, r)
					switch name {
					case "timestamp", "opened":
						f.SetCellValue("Data", cell, ts.Add(time.Duration(r)*5*time.Minute))
					case "resolved":
						f.SetCellValue("Data", cell, ts.Add(time.Duration(r)*time.Hour))
					case "item_id":
						f.SetCellValue("Data", cell, "T"+strconv.Itoa(r))
					case "value", "good", "total", "ok", "paused_seconds":
						f.SetCellValue("Data", cell, 1)
					}
				}
			}
			filled := filepath.Join(dir, feed+"-filled.xlsx")
			if err := f.SaveAs(filled); err != nil {
				t.Fatal(err)
			}
			f.Close()
			res, err := a.Local.Import(filled, ImportRequest{Feed: feed})
			if err != nil {
				t.Fatal(err)
			}
			if res.Counts.Imported != 3 || res.Counts.Rejected != 0 {
				t.Fatalf("filled template: %+v %+v", res.Counts, res.Findings)
			}
			if feed == "tickets" {
				return
			}
			// A CSV with the template's column names also imports with no mapping.
			hdrs := strings.Join(hdr[0], ",")
			line := make([]string, len(hdr[0]))
			for i, n := range hdr[0] {
				switch n {
				case "timestamp":
					line[i] = "2024-05-02T00:00:00Z"
				case "ci":
					line[i] = "x"
				default:
					line[i] = "1"
				}
			}
			csvPath := writeFile(t, dir, feed+".csv", []byte(hdrs+"\n"+strings.Join(line, ",")+"\n"))
			// Forget the saved mapping, so the header alone must do.
			a.store.Update(func(tx *storage.Tx) error {
				ws, _ := tx.Workspace()
				fd := ws.Feed(feed)
				fd.Spec.Mapping = nil
				return tx.PutDefinition(fd)
			})
			res, err = a.Local.Import(csvPath, ImportRequest{Feed: feed})
			if err != nil || res.Counts.Imported != 1 || res.MappingFrom != "suggested" {
				t.Fatalf("template-named CSV: %+v %v", res, err)
			}
		})
	}
}

// zipWith builds a zip with the given entries; raw entries declare sizes freely.
type zipEntry struct {
	name     string
	data     []byte
	declared uint64 // 0 = true size
}

func zipWith(t *testing.T, entries ...zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestCompression)
		fw.Write(e.data)
		fw.Close()
		size := uint64(len(e.data))
		if e.declared != 0 {
			size = e.declared
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(e.data),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: size})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(comp.Bytes())
	}
	zw.Close()
	return buf.Bytes()
}

func TestHostileXLSX(t *testing.T) {
	a, dir := newImportApp(t)
	good := func() []byte {
		f := excelize.NewFile()
		f.SetCellStr("Sheet1", "A1", "timestamp")
		f.SetCellStr("Sheet1", "B1", "value")
		f.SetCellStr("Sheet1", "A2", "2024-05-01T00:00:00Z")
		f.SetCellInt("Sheet1", "B2", 1)
		var b bytes.Buffer
		f.Write(&b)
		return b.Bytes()
	}()
	zeros := make([]byte, 64<<20)
	rnd := make([]byte, 100_000)
	for i := range rnd {
		rnd[i] = byte(rand.IntN(256))
	}
	doctype := []byte(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><workbook>&b;</workbook>`)
	cases := []struct {
		name string
		data []byte
		lim  ingest.Limits
		want string
	}{
		{"zip bomb (declared)", zipWith(t, zipEntry{"xl/workbook.xml", []byte("<workbook/>"), 0}, zipEntry{"xl/worksheets/sheet1.xml", zeros, 0}), ingest.Limits{MaxUnzipped: 16 << 20}, "zip bomb"},
		{"zip bomb (lying sizes)", zipWith(t, zipEntry{"xl/workbook.xml", []byte("<workbook/>"), 0}, zipEntry{"xl/worksheets/sheet1.xml", zeros, 1000}), ingest.Limits{}, "damaged"},
		{"too many entries", zipWith(t, zipEntry{"xl/workbook.xml", []byte("<workbook/>"), 0}, zipEntry{"a.xml", nil, 0}, zipEntry{"b.xml", nil, 0}), ingest.Limits{MaxEntries: 2}, "parts"},
		{"part too big", zipWith(t, zipEntry{"xl/workbook.xml", []byte("<workbook/>"), 0}, zipEntry{"xl/sharedStrings.xml", zeros[:2<<20], 0}), ingest.Limits{MaxPart: 1 << 20}, "per-part"},
		{"entities", zipWith(t, zipEntry{"xl/workbook.xml", doctype, 0}), ingest.Limits{}, "DOCTYPE"},
		{"random bytes", rnd, ingest.Limits{}, "not a valid XLSX"},
		{"truncated", good[:len(good)/2], ingest.Limits{}, "not a valid XLSX"},
		{"not a workbook", zipWith(t, zipEntry{"hello.txt", []byte("hi"), 0}), ingest.Limits{}, "no xl/workbook.xml"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, dir, strings.ReplaceAll(c.name, " ", "_")+".xlsx", c.data)
			start := time.Now()
			_, err := a.Local.Import(p, ImportRequest{Feed: "lat", Limits: c.lim})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to mention %q", err, c.want)
			}
			// a deadline for a file that makes the reader hang or inflate without
			// end, not a speed check (the suite runs on two busy cores)
			if d := time.Since(start); d > time.Minute {
				t.Errorf("took %s", d)
			}
		})
	}
	if bs, _ := a.Imports.Batches(""); len(bs) != 0 {
		t.Errorf("batches after hostile files: %v", bs)
	}
	// Text files that are not: binary garbage, a 10 MB line.
	long := append([]byte("timestamp,value\n2024-05-01T00:00:00Z,"), bytes.Repeat([]byte("9"), 10<<20)...)
	for name, data := range map[string][]byte{"garbage.csv": rnd, "long.csv": long} {
		p := writeFile(t, dir, name, data)
		_, err := a.Local.Import(p, ImportRequest{Feed: "lat"})
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if n := len(points(t, a, "lat")); n != 0 {
		t.Errorf("%d points after hostile files", n)
	}
	verifyAudit(t, a)
}

func TestImportDemoData(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	dir := t.TempDir()
	now := time.Date(2026, 7, 15, 12, 0, 0, 0, time.UTC)
	a, err := OpenWith(filepath.Join(dir, "slate.db"), storage.Options{Actor: "demo", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Workspace.LoadDemo(); err != nil {
		t.Fatal(err)
	}
	res, err := ImportDemoData(a.Imports, filepath.Join(dir, "data"), now)
	if err != nil {
		t.Fatal(err)
	}
	feeds := map[string]int{}
	for _, r := range res {
		if r.Skipped || r.Batch == 0 {
			t.Errorf("%+v", r)
		}
		feeds[r.Feed] += r.Imported
	}
	for _, f := range []string{"shop-probe", "shop-latency", "checkout-counts", "payment-latency", "desk-tickets", "parcel-orders"} {
		if feeds[f] == 0 {
			t.Errorf("feed %s got no data", f)
		}
	}
	kinds := map[string]int{}
	bs, _ := a.Imports.Batches("")
	for _, b := range bs {
		for k, n := range b.FindingCounts {
			kinds[k] += n
		}
	}
	if kinds["duplicate"] == 0 || kinds["clock_skew"] == 0 || kinds["missing_interval"] == 0 {
		t.Errorf("demo findings: %v", kinds)
	}
	// Items exported open and later resolved are updated, not duplicated.
	open, resolved := 0, 0
	a.store.View(func(tx *storage.Tx) error {
		return tx.ScanPoints("desk-tickets", time.Time{}, time.Time{}, func(p domain.Point) error {
			if p.Open() {
				open++
			} else {
				resolved++
			}
			return nil
		})
	})
	if resolved == 0 || open == 0 || open > resolved/10 {
		t.Errorf("tickets: %d open, %d resolved", open, resolved)
	}
	// Again: nothing added.
	again, err := ImportDemoData(a.Imports, filepath.Join(dir, "data"), now)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range again {
		if !r.Skipped {
			t.Errorf("second run imported %+v", r)
		}
	}
	verifyAudit(t, a)
}

func TestPreview(t *testing.T) {
	a, dir := newImportApp(t)
	p := writeFile(t, dir, "p.csv", []byte("Report\n\nDate;Requests;Errors\n01/05/2024 10:00;100;2\n01/05/2024 10:05;50;0\n"))
	pr, err := a.Imports.Preview(adopted(t, a, p), "req", "")
	if err != nil {
		t.Fatal(err)
	}
	m := pr.Suggestion.Mapping
	if pr.HeaderRow != 3 || pr.Delimiter != ";" || len(pr.Samples) != 2 || m.Time != "Date" || m.Total != "Requests" || m.Bad != "Errors" || m.TimeLayout == "" {
		t.Errorf("preview %+v", pr)
	}
}
