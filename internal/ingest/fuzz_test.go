package ingest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"slate/internal/domain"
)

// exercise runs a source through header detection, suggestion and validation,
// as an import does, and checks the row accounting.
func exercise(t *testing.T, src Source) {
	tab, err := NewTable(src, nil)
	if err != nil {
		return
	}
	for _, shape := range []string{domain.ShapeValue, domain.ShapeCounts, domain.ShapeEvent, domain.ShapeItem} {
		sug := Suggest(tab.Header, tab.Samples(20), shape)
		if len(sug.Missing) > 0 {
			continue
		}
		if _, err := NewValidator(tab.Header, Options{Shape: shape, Mapping: sug.Mapping, Interval: time.Minute}); err != nil {
			t.Fatalf("suggested mapping %+v refused: %v", sug.Mapping, err)
		}
	}
	m := domain.Mapping{Time: "#1", Value: "#2"}
	if len(tab.Header) < 2 {
		m.Value = "#1"
	}
	v, err := NewValidator(tab.Header, Options{Shape: domain.ShapeValue, Mapping: m, Interval: time.Minute, Unit: "ms"})
	if err != nil {
		return
	}
	var p domain.Point
	for n := 0; n < 10000; n++ {
		cells, row, err := tab.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var mr *MalformedRowError
		if errors.As(err, &mr) {
			continue
		}
		if err != nil {
			return
		}
		out, fs := v.Row(cells, row, &p)
		if out == Reject && len(fs) == 0 {
			t.Fatalf("row %d rejected without a finding", row)
		}
		for _, f := range fs {
			if f.Kind == "" || f.Message == "" || !utf8.ValidString(f.Message) {
				t.Fatalf("bad finding %+v", f)
			}
		}
	}
	v.Finish()
}

func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"timestamp,value\n2024-03-01T10:00:00Z,1.5\n",
		"\ufefftime;val\n01/03/2024 10:00;1,5\n",
		"a,\"b\nc\",d\n1,2,3\n",
		"title\n\ntimestamp\tvalue\n1709287200\t3\n",
		"x,\"unterminated\n",
		"a\"b,c\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := NewCSV(bytes.NewReader(data), 0, Limits{MaxLine: 4096})
		if err == nil {
			exercise(t, src)
		}
		// On plain UTF-8 text our reader must agree with encoding/csv.
		if !utf8.Valid(data) || bytes.ContainsAny(data, "\x00\ufeff") || bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}) {
			return
		}
		for _, c := range data {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' {
				return
			}
		}
		ours, err := NewCSV(bytes.NewReader(data), ',', Limits{MaxLine: 1 << 20})
		if err != nil {
			return
		}
		std := csv.NewReader(bytes.NewReader(data))
		std.FieldsPerRecord = -1
		for {
			want, werr := std.Read()
			got, _, gerr := ours.Next()
			if werr != nil || gerr != nil {
				if errors.Is(werr, io.EOF) != errors.Is(gerr, io.EOF) {
					t.Fatalf("encoding/csv: %v, ours: %v (got %q)", werr, gerr, got)
				}
				return
			}
			if !slices.Equal(want, got) {
				t.Fatalf("encoding/csv %q, ours %q", want, got)
			}
		}
	})
}

func FuzzXLSX(f *testing.F) {
	x := excelize.NewFile()
	x.SetCellStr("Sheet1", "A1", "timestamp")
	x.SetCellStr("Sheet1", "B1", "value")
	x.SetCellFloat("Sheet1", "A2", 45352.5, -1, 64)
	x.SetCellStr("Sheet1", "B2", "12.5")
	var b bytes.Buffer
	x.Write(&b)
	x.Close()
	good := b.Bytes()
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("PK\x03\x04garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := NewXLSX(bytes.NewReader(data), int64(len(data)), "", Limits{MaxUnzipped: 16 << 20, MaxPart: 8 << 20, MaxEntries: 200})
		if err != nil {
			return
		}
		defer src.Close()
		exercise(t, src)
	})
}
