// Copied from ../shared/bench/floor (the Slate benchmark anchors) so that `make bench`
// works in a clone without ../shared; scripts/bench/perf prefers the shared copy.
//
// Command floor is the "bare parse" floor: the least a Go program must do to
// turn a supplier CSV "timestamp,value" into per-month compliance figures.
// encoding/csv (ReuseRecord) + time.Parse(RFC3339) + strconv.ParseFloat, then
// per calendar month (UTC): count, count of value <= 300, mean, and exact p95
// (sorted, linear interpolation as numpy's default).
//
// Output: CSV "month,count,le300,mean,p95", floats in shortest round-trip form.
package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"time"
)

const threshold = 300.0

type month struct {
	key    int // year*12 + month-1
	values []float64
	le     int
	sum    float64
}

func main() {
	flag.Usage = func() { fmt.Fprintln(os.Stderr, "usage: floor FILE.csv") }
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func run(path string, out io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	r.ReuseRecord = true
	r.FieldsPerRecord = 2
	if _, err := r.Read(); err != nil { // header
		return fmt.Errorf("%s: header: %w", path, err)
	}
	months := map[int]*month{}
	var cur *month // rows arrive in time order: skip the map most of the time
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		line, _ := r.FieldPos(0)
		t, err := time.Parse(time.RFC3339, rec[0])
		if err != nil {
			return fmt.Errorf("%s: row %d, column timestamp: %w", path, line, err)
		}
		v, err := strconv.ParseFloat(rec[1], 64)
		if err != nil || math.IsNaN(v) {
			return fmt.Errorf("%s: row %d, column value: bad number %q", path, line, rec[1])
		}
		t = t.UTC()
		key := t.Year()*12 + int(t.Month()) - 1
		if cur == nil || cur.key != key {
			cur = months[key]
			if cur == nil {
				cur = &month{key: key}
				months[key] = cur
			}
		}
		cur.values = append(cur.values, v)
		cur.sum += v
		if v <= threshold {
			cur.le++
		}
	}

	keys := make([]int, 0, len(months))
	for k := range months {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w := bufio.NewWriter(out)
	fmt.Fprintln(w, "month,count,le300,mean,p95")
	for _, k := range keys {
		m := months[k]
		slices.Sort(m.values)
		n := len(m.values)
		fmt.Fprintf(w, "%04d-%02d,%d,%d,%s,%s\n", k/12, k%12+1, n, m.le,
			fmtFloat(m.sum/float64(n)), fmtFloat(quantile(m.values, 0.95)))
	}
	return w.Flush()
}

// quantile of sorted xs with linear interpolation between closest ranks
// (numpy's default "linear" method, R type 7).
func quantile(xs []float64, q float64) float64 {
	h := float64(len(xs)-1) * q
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	return xs[i] + (h-lo)*(xs[i+1]-xs[i])
}

func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
