package ingest

import (
	"strings"
	"testing"
	"time"

	"slate/internal/domain"
)

func readCols(t *testing.T, name, content string) *Columns {
	t.Helper()
	c, err := ReadColumns(strings.NewReader(content), int64(len(content)), name, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestColumnsReadAsAnImport: a column reads as the validator reads the same
// cells in an import (decimal comma, thousands, percent signs).
func TestColumnsReadAsAnImport(t *testing.T) {
	content := "time;latency\n2026-01-01T00:00:00Z;1.234,5\n2026-01-01T00:01:00Z;12%\n2026-01-01T00:02:00Z;7,25\n"
	c := readCols(t, "lat.csv", content)
	got, err := c.Floats("latency")
	if err != nil {
		t.Fatal(err)
	}
	// the same cells through an import's mapping suggestion and validator
	sug := Suggest(c.Header, c.Rows, domain.ShapeValue)
	if !sug.Mapping.DecimalComma {
		t.Fatalf("the import's suggestion reads no decimal comma: %+v", sug)
	}
	v, err := NewValidator(c.Header, Options{Shape: domain.ShapeValue, Loc: time.UTC, Mapping: sug.Mapping, Now: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range c.Rows {
		var p domain.Point
		if out, fs := v.Row(r, c.RowNum[i], &p); out != Accept || p.Value != got[i] {
			t.Errorf("row %d: stats read %v, the import %v (%v %v)", c.RowNum[i], got[i], p.Value, out, fs)
		}
	}
	if want := []float64{1234.5, 12, 7.25}; got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("values %v, want %v", got, want)
	}
}

func TestColumnsLayouts(t *testing.T) {
	ws := readCols(t, "rings.txt", "diameter sample trial\n74.030  1  TRUE\n\n74.002  1  TRUE\n")
	if d, err := ws.Floats("diameter"); err != nil || len(d) != 2 || d[1] != 74.002 || ws.RowNum[1] != 4 {
		t.Errorf("whitespace columns: %v %v rows %v", d, err, ws.RowNum)
	}
	one := readCols(t, "y.txt", "y\n299.85\n299.74\n")
	if y, err := one.Floats("Y"); err != nil || len(y) != 2 {
		t.Errorf("one column (found ignoring case): %v %v", y, err)
	}
	quoted := readCols(t, "q.csv", "a,b\n\"1,5\",2\n")
	if s, _ := quoted.Strings("a"); s[0] != "1,5" {
		t.Errorf("quoted field %q", s[0])
	}
}

func TestColumnsSayWhere(t *testing.T) {
	c := readCols(t, "data.csv", "day,latency\nmon,1\ntue,abc\n")
	for _, tc := range []struct {
		col, want string
	}{
		{"latency", `data.csv: row 3, column "latency": "abc" is not a number`},
		{"nope", `data.csv: no column "nope" (columns: day, latency)`},
	} {
		if _, err := c.Floats(tc.col); err == nil || err.Error() != tc.want {
			t.Errorf("%s: %v, want %q", tc.col, err, tc.want)
		}
	}
	gap := readCols(t, "gap.csv", "latency\n1\n\"\"\n")
	if _, err := gap.Floats("latency"); err == nil || err.Error() != `gap.csv: row 3, column "latency": empty value` {
		t.Errorf("empty value: %v", err)
	}
}
