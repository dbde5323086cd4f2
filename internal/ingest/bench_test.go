package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"slate/internal/domain"
)

var (
	benchOnce sync.Once
	benchCSV  []byte
)

// benchData is a timestamp,value CSV of 200,000 rows (~7 MB).
func benchData() []byte {
	benchOnce.Do(func() {
		var b bytes.Buffer
		b.WriteString("timestamp,value\n")
		t0 := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
		buf := make([]byte, 0, 64)
		for i := range 200_000 {
			buf = t0.Add(time.Duration(i)*time.Second).AppendFormat(buf[:0], "2006-01-02T15:04:05Z")
			buf = append(buf, ',')
			buf = strconv.AppendFloat(buf, 100+float64(i%997)/7, 'f', 3, 64)
			buf = append(buf, '\n')
			b.Write(buf)
		}
		benchCSV = b.Bytes()
	})
	return benchCSV
}

// BenchmarkBareParse is the yardstick: encoding/csv + time.Parse + strconv.
func BenchmarkBareParse(b *testing.B) {
	data := benchData()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r := csv.NewReader(bufio.NewReader(bytes.NewReader(data)))
		r.ReuseRecord = true
		r.Read()
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if _, err := time.Parse(time.RFC3339, rec[0]); err != nil {
				b.Fatal(err)
			}
			if _, err := strconv.ParseFloat(rec[1], 64); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReadValidate is Slate's reading side: detection, CSV, header, validation.
func BenchmarkReadValidate(b *testing.B) {
	data := benchData()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		src, err := NewCSV(bytes.NewReader(data), 0, Limits{})
		if err != nil {
			b.Fatal(err)
		}
		t, err := NewTable(src, nil)
		if err != nil {
			b.Fatal(err)
		}
		v, err := NewValidator(t.Header, Options{Shape: domain.ShapeValue, Interval: time.Second, Unit: "ms",
			Mapping: domain.Mapping{Time: "timestamp", Value: "value"}, Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			b.Fatal(err)
		}
		var p domain.Point
		n := 0
		for {
			cells, row, err := t.Next()
			if err == io.EOF {
				break
			}
			if out, _ := v.Row(cells, row, &p); out == Accept {
				n++
			}
		}
		if n != 200_000 {
			b.Fatalf("accepted %d", n)
		}
	}
}

func BenchmarkTimeParse(b *testing.B) {
	tp, _ := NewTimeParser(LayoutAuto, time.UTC)
	for b.Loop() {
		tp.Parse("2024-03-01T14:05:00Z")
	}
}

// BenchmarkLineCheck is the importer's line check (importer/lines.go) on
// benchData: render each point back and compare it with its line.
func BenchmarkLineCheck(b *testing.B) {
	data := benchData()
	lines := bytes.SplitAfter(data, []byte("\n"))[1:]
	lines = lines[:len(lines)-1]
	tp, _ := NewTimeParser(LayoutAuto, time.UTC)
	samples := make([]LineSample, len(lines))
	for i, l := range lines {
		cells := strings.Split(strings.TrimSuffix(string(l), "\n"), ",")
		at, _ := tp.Parse(cells[0])
		v, _ := strconv.ParseFloat(cells[1], 64)
		samples[i] = LineSample{Raw: l, Point: domain.Point{At: at, Value: v}}
	}
	f, ok := LearnLineFormat(samples[:256], ',', map[string]int{FieldTime: 0, FieldValue: 1}, time.UTC, "")
	if !ok {
		b.Fatal("no format")
	}
	b.SetBytes(int64(len(data)))
	var buf []byte
	for b.Loop() {
		for i := range samples {
			if buf = f.Append(buf[:0], &samples[i].Point); !bytes.Equal(buf, samples[i].Raw) {
				b.Fatalf("line %d: %q, want %q", i, buf, samples[i].Raw)
			}
		}
	}
}
