package ingest

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"slate/internal/domain"
)

// The fast paths render exactly what strconv and time.Format render.
func TestLineFormatFastPathsAgreeWithTheLibrary(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200_000 {
		k := rng.IntN(7)
		v := math.Round((rng.Float64()-0.3)*math.Pow(10, float64(rng.IntN(9)))*math.Pow(10, float64(k))) / math.Pow(10, float64(k))
		if rng.IntN(10) == 0 {
			v = rng.NormFloat64() * 1e3 // not k-decimal: the slow path
		}
		c := ColumnFormat{Field: FieldValue, Decimals: k}
		got := string(c.appendNumber(nil, v))
		if want := strconv.FormatFloat(v, 'f', k, 64); got != want {
			t.Fatalf("%v with %d decimals: %q, want %q", v, k, got, want)
		}
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		c := ColumnFormat{Field: FieldTime, Layout: layout, loc: time.UTC}
		for range 100_000 {
			at := time.Unix(rng.Int64N(4e9)-1e9, rng.Int64N(2e9)).UTC()
			if got, want := string(c.appendTime(nil, at)), at.Format(layout); got != want {
				t.Fatalf("%v in %q: %q, want %q", at, layout, got, want)
			}
		}
	}
}

// A format learnt from a file's rows renders them back, and a prepared copy
// (read from JSON) renders the same.
func TestLearnLineFormat(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	var samples []LineSample
	at := time.Date(2024, 10, 26, 22, 0, 0, 0, time.UTC) // Berlin's clocks go back that night
	for i := range 300 {
		p := domain.Point{At: at.Add(time.Duration(i) * 5 * time.Minute), Good: float64(90 + i%11), Total: 100, CI: "db-1"}
		raw := p.At.In(berlin).Format("02.01.2006 15:04:05") + ";" + strconv.Itoa(int(p.Good)) + ";100;db-1;fixed\r\n"
		samples = append(samples, LineSample{Raw: []byte(raw), Point: p})
	}
	f, ok := LearnLineFormat(samples, ';', map[string]int{FieldTime: 0, FieldGood: 1, FieldTotal: 2, FieldCI: 3}, berlin, "")
	if !ok {
		t.Fatal("no format learnt")
	}
	if c := f.Columns[4]; c.Field != "" || c.Literal != "fixed" {
		t.Fatalf("column 5: %+v, want the literal", c)
	}
	g := LineFormat{Delim: f.Delim, EOL: f.EOL, Columns: append([]ColumnFormat(nil), f.Columns...)}
	if err := g.Prepare(); err != nil {
		t.Fatal(err)
	}
	for _, s := range samples {
		if got := string(g.Append(nil, &s.Point)); got != string(s.Raw) {
			t.Fatalf("rendered %q, want %q", got, s.Raw)
		}
	}
}
