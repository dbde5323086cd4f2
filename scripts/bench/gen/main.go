// Copied from ../shared/bench/gen (the Slate benchmark anchors) so that `make bench`
// works in a clone without ../shared; scripts/bench/perf prefers the shared copy.
//
// Command gen writes a deterministic supplier CSV "timestamp,value": one
// latency measurement (ms, 2 decimals) per minute from 2025-10-01T00:00:00Z.
// The values are lognormal around 120 ms with a mild daily cycle, plus rare
// spike episodes, so a few percent exceed 300 ms and p95 is not trivial.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"time"
)

func main() {
	n := flag.Int("n", 1_000_000, "number of rows")
	out := flag.String("o", "", "output path (default stdout)")
	seed := flag.Uint64("seed", 20251001, "random seed")
	flag.Parse()

	w := os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if err := write(bw, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func write(bw *bufio.Writer, n int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	start := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	const (
		median = 120.0
		sigma  = 0.30
	)
	spikeLeft := 0     // minutes left in the current spike episode
	spikeFactor := 1.0 // multiplier during a spike episode
	buf := make([]byte, 0, 64)
	if _, err := bw.WriteString("timestamp,value\n"); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		t := start.Add(time.Duration(i) * time.Minute)
		// Daily cycle: slower in the business afternoon (peak at 14:00 UTC).
		minuteOfDay := float64(i % 1440)
		daily := 1 + 0.15*math.Cos(2*math.Pi*(minuteOfDay-14*60)/1440)
		if spikeLeft == 0 && rng.Float64() < 0.002 { // ~3 episodes a day
			spikeLeft = 1 + rng.IntN(20)
			spikeFactor = 2.5 + 4*rng.Float64()
		}
		v := median * daily * math.Exp(sigma*rng.NormFloat64())
		if spikeLeft > 0 {
			v *= spikeFactor
			spikeLeft--
		}
		if v > 60000 {
			v = 60000
		}
		buf = t.AppendFormat(buf[:0], time.RFC3339)
		buf = append(buf, ',')
		buf = strconv.AppendFloat(buf, v, 'f', 2, 64)
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return nil
}
