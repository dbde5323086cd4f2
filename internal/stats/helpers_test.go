package stats

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// close reports whether got is within tol of want (absolute), treating NaN == NaN.
func near(got, want, tol float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= tol
}

// relNear checks agreement to a relative tolerance.
func relNear(got, want, rel float64) bool {
	if want == 0 {
		return math.Abs(got) <= rel
	}
	return math.Abs(got-want) <= rel*math.Abs(want)
}

func checkNear(t *testing.T, name string, got, want, tol float64) {
	t.Helper()
	if !near(got, want, tol) {
		t.Errorf("%s: got %.12g, want %.12g (±%g)", name, got, want, tol)
	}
}

// readColumns reads a whitespace-separated table with a header line.
func readColumns(t *testing.T, path string) map[string][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var header []string
	cols := map[string][]string{}
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		if header == nil {
			header = fields
			continue
		}
		for i, h := range header {
			cols[h] = append(cols[h], fields[i])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cols
}

func floats(t *testing.T, s []string) []float64 {
	t.Helper()
	out := make([]float64, len(s))
	for i, v := range s {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = f
	}
	return out
}

// pistonRings returns the 40 subgroups of 5 diameters.
func pistonRings(t *testing.T) [][]float64 {
	t.Helper()
	c := readColumns(t, "testdata/qcc-pistonrings.txt")
	d := floats(t, c["diameter"])
	s := floats(t, c["sample"])
	groups := make([][]float64, 40)
	for i, v := range d {
		g := int(s[i]) - 1
		groups[g] = append(groups[g], v)
	}
	return groups
}

func numAcc(c float64) []float64 {
	x := []float64{c + 0.2}
	for i := 0; i < 500; i++ {
		x = append(x, c+0.1, c+0.3)
	}
	return x
}
