package app

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"slate/internal/export"
	"slate/internal/pack"
	"slate/internal/packjob"
	"slate/internal/report"
)

var updatePack = flag.Bool("update-pack", false, "rewrite packs_golden_numbers.txt")

const packGolden = "packs_golden_numbers.txt"

// packNumbers lists every number of a pack, as the PDF prints it, with where it is.
func packNumbers(p *report.Pack) string {
	var b strings.Builder
	for _, s := range p.Sections {
		for bi, bl := range s.Blocks {
			switch {
			case bl.Table != nil:
				for ri, r := range bl.Table.Rows {
					for ci, c := range r.Cells {
						if c.Kind.IsNumeric() {
							fmt.Fprintf(&b, "%s/%d %q row %d %s: %s\n", s.ID, bi, bl.Table.Title, ri+1,
								bl.Table.Columns[ci].Header, export.FormatValue(c, ""))
						}
					}
				}
			case bl.KeyValues != nil:
				for _, it := range bl.KeyValues.Items {
					if it.Value.Kind.IsNumeric() {
						fmt.Fprintf(&b, "%s/%d %s: %s\n", s.ID, bi, it.Label, export.FormatValue(it.Value, ""))
					}
				}
			case bl.Chart != nil && bl.Chart.Control != nil:
				for i, v := range bl.Chart.Control.Values {
					fmt.Fprintf(&b, "%s/%d chart %s: %.6g [%.6g, %.6g]\n", s.ID, bi, bl.Chart.Control.Labels[i], float64(v),
						float64(bl.Chart.Control.LCL[i]), float64(bl.Chart.Control.UCL[i]))
				}
			}
		}
	}
	return b.String()
}

// demoPackModel is the report model of the demo pack, before rendering.
func demoPackModel(t testing.TB, a *App) *report.Pack {
	t.Helper()
	q := packjob.Query{Period: packPeriod, Date: packDate}
	if err := q.Normalise(); err != nil {
		t.Fatal(err)
	}
	at, _ := packjob.GeneratedAt(a.Store(), q.Date)
	in, _, _, err := packjob.Collect(context.Background(), a.Store(), q, at, func(int64, int64, string) {})
	if err != nil {
		t.Fatal(err)
	}
	p, err := pack.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPackGoldenNumbers fails when any number of the demo pack changes
// (run with -update-pack after an intended change, and review the diff).
func TestPackGoldenNumbers(t *testing.T) {
	a := openDemo(t)
	p := demoPackModel(t, a)
	got := packNumbers(p)
	if *updatePack {
		if err := os.WriteFile(packGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(packGolden)
	if err != nil {
		t.Fatalf("%v (run go test ./app -run TestPackGoldenNumbers -update-pack)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			g, w := "", ""
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("a number of the demo pack changed (line %d):\n got  %s\n want %s\nrun with -update-pack if intended", i+1, g, w)
			}
		}
	}
	if !strings.Contains(got, "89.610%") {
		t.Fatalf("golden lacks parcel-delivery's 89.610%%")
	}
}

// BenchmarkPackDemo: the 13-month demo workspace's pack, both files (issue target ≤ 3 s).
func BenchmarkPackDemo(b *testing.B) {
	a := openDemo(b)
	dir := b.TempDir()
	b.ResetTimer()
	for b.Loop() {
		res, err := a.Local.BuildPack(PackQuery{Period: packPeriod, Date: packDate}, dir)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Files[0].Size), "pdf-bytes")
	}
}

// BenchmarkPack50SLTs: a workspace with 50 SLTs (the demo's nine plus 41
// copies reading the same feeds) (issue target ≤ 10 s).
func BenchmarkPack50SLTs(b *testing.B) {
	a := openDemo(b)
	yml, err := a.Workspace.DefinitionsYAML("slt", "")
	if err != nil {
		b.Fatal(err)
	}
	docs := strings.Split(yml, "\n---\n")
	var extra []string
	n := 9
	for i := 0; n < 50; i++ {
		doc := docs[i%len(docs)]
		if strings.Contains(doc, "composite:") {
			continue
		}
		name := ""
		for line := range strings.SplitSeq(doc, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "name: ") && name == "" {
				name = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "name: "))
			}
		}
		copyName := fmt.Sprintf("%s-copy-%d", name, i)
		extra = append(extra, strings.Replace(doc, "name: "+name, "name: "+copyName, 1))
		n++
	}
	if _, err := a.Workspace.Apply("copies.yaml", strings.Join(extra, "\n---\n")); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	b.ResetTimer()
	for b.Loop() {
		res, err := a.Local.BuildPack(PackQuery{Period: packPeriod, Date: packDate}, dir)
		if err != nil {
			b.Fatal(err)
		}
		if res.SLTs != 50 {
			b.Fatalf("%d SLTs", res.SLTs)
		}
	}
}
