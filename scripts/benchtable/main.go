// Command benchtable turns `go test -bench` output (stdin) into a readable table
// on stdout: one row per benchmark with its time per operation and every custom
// metric the benchmark reported (b.ReportMetric), such as rows/s or peak-MB.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

type row struct {
	pkg, name string
	perOp     time.Duration
	metrics   []string
}

func main() {
	var rows []row
	pkg := ""
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	failed := false
	for sc.Scan() {
		line := sc.Text()
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = strings.TrimPrefix(p, "slate/")
			continue
		}
		if strings.HasPrefix(line, "FAIL") || strings.HasPrefix(line, "--- FAIL") {
			failed = true
			fmt.Fprintln(os.Stderr, line)
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		r := row{pkg: pkg, name: strings.TrimPrefix(f[0], "Benchmark")}
		if i := strings.LastIndex(r.name, "-"); i > 0 {
			r.name = r.name[:i] // drop the GOMAXPROCS suffix
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, unit := f[i], f[i+1]
			if unit == "ns/op" {
				ns, _ := strconv.ParseFloat(v, 64)
				r.perOp = time.Duration(ns)
				continue
			}
			r.metrics = append(r.metrics, v+" "+unit)
		}
		rows = append(rows, r)
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PACKAGE\tBENCHMARK\tTIME/OP\tMETRICS")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.pkg, r.name, round(r.perOp), strings.Join(r.metrics, "  "))
	}
	tw.Flush()
	if failed {
		os.Exit(1)
	}
}

func round(d time.Duration) string {
	switch {
	case d >= time.Second:
		return d.Round(time.Millisecond).String()
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond).String()
	default:
		return d.Round(time.Nanosecond).String()
	}
}
