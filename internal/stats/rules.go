package stats

import (
	"fmt"
	"math"
	"sort"
)

// Violation is one out-of-control signal: the rule, the 1-based point that
// completes the pattern, the 1-based first and last points of the pattern,
// and a plain-words description.
type Violation struct {
	Rule        string
	Index       int
	Span        [2]int
	Description string
}

// RuleSet selects the run rules applied to a chart.
type RuleSet int

// The rule sets. Nelson is the default for charts.
const (
	RulesNelson          RuleSet = iota // Nelson rules 1–8
	RulesWesternElectric                // Western Electric rules 1–4
	RulesNone                           // limits only (a point beyond a limit)
)

// ParseRuleSet maps "nelson", "we" (or "western-electric") and "none" to a RuleSet.
func ParseRuleSet(s string) (RuleSet, error) {
	switch s {
	case "", "nelson":
		return RulesNelson, nil
	case "we", "western-electric":
		return RulesWesternElectric, nil
	case "none":
		return RulesNone, nil
	}
	return 0, fmt.Errorf("%w: unknown rule set %q", ErrParam, s)
}

// Zones converts points to sigma units: zᵢ = (xᵢ − centreᵢ)/σᵢ, where σᵢ is
// the standard deviation of the plotted statistic at point i (so charts with
// per-point limits are handled alike). Points with σᵢ ≤ 0 or NaN give NaN,
// which breaks every run.
func Zones(points, center, sigma []float64) []float64 {
	z := make([]float64, len(points))
	for i, x := range points {
		if !(sigma[i] > 0) {
			z[i] = math.NaN()
			continue
		}
		z[i] = (x - center[i]) / sigma[i]
	}
	return z
}

// ApplyRules runs the chosen rule set on standardised points z (see Zones)
// and returns the violations ordered by point, then rule. With RulesNone it
// still flags points beyond ±3σ (as rule "nelson-1").
//
// Conventions: a point exactly on the centre line is on neither side and
// breaks a same-side run; "beyond kσ" is strict (|z| > k) and "within 1σ" is
// |z| ≤ 1. Every point that completes a pattern is flagged, so a run of ten
// points on one side flags points 9 and 10 for Nelson rule 2. For the "2 of 3"
// and "4 of 5" rules the completing point must itself be beyond the zone
// line, and near the start of the series a shorter window is enough once the
// pattern's count is reached (two of the first two points beyond 2σ already
// make two of three).
func ApplyRules(set RuleSet, z []float64) []Violation {
	var v []Violation
	switch set {
	case RulesWesternElectric:
		v = append(v, beyond3(z, "we-1")...)
		v = append(v, kOfM(z, 2, 3, 2, "we-2", "two of three points in a row")...)
		v = append(v, kOfM(z, 4, 5, 1, "we-3", "four of five points in a row")...)
		v = append(v, sameSide(z, 8, "we-4")...)
	case RulesNone:
		v = beyond3(z, "nelson-1")
	default:
		v = append(v, beyond3(z, "nelson-1")...)
		v = append(v, sameSide(z, 9, "nelson-2")...)
		v = append(v, monotone(z, 6, "nelson-3")...)
		v = append(v, alternating(z, 14, "nelson-4")...)
		v = append(v, kOfM(z, 2, 3, 2, "nelson-5", "two of three points in a row")...)
		v = append(v, kOfM(z, 4, 5, 1, "nelson-6", "four of five points in a row")...)
		v = append(v, runWhere(z, 15, func(x float64) bool { return math.Abs(x) <= 1 }, "nelson-7",
			"fifteen points in a row within 1 sigma of the centre line")...)
		v = append(v, runWhere(z, 8, func(x float64) bool { return math.Abs(x) > 1 }, "nelson-8",
			"eight points in a row beyond 1 sigma, on either side")...)
	}
	sortViolations(v)
	return v
}

func sortViolations(v []Violation) {
	sort.SliceStable(v, func(i, j int) bool {
		if v[i].Index != v[j].Index {
			return v[i].Index < v[j].Index
		}
		return v[i].Rule < v[j].Rule
	})
}

func beyond3(z []float64, rule string) []Violation {
	var v []Violation
	for i, x := range z {
		switch {
		case x > 3:
			v = append(v, Violation{rule, i + 1, [2]int{i + 1, i + 1}, "one point above the upper control limit (beyond 3 sigma)"})
		case x < -3:
			v = append(v, Violation{rule, i + 1, [2]int{i + 1, i + 1}, "one point below the lower control limit (beyond 3 sigma)"})
		}
	}
	return v
}

func sign(x float64) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

func sideWord(s int) string {
	if s > 0 {
		return "above"
	}
	return "below"
}

var countWords = map[int]string{6: "six", 8: "eight", 9: "nine", 14: "fourteen", 15: "fifteen"}

// sameSide flags runs of n points strictly on one side of the centre line.
func sameSide(z []float64, n int, rule string) []Violation {
	var v []Violation
	run, side := 0, 0
	for i, x := range z {
		s := sign(x)
		if math.IsNaN(x) {
			s = 0
		}
		if s != 0 && s == side {
			run++
		} else {
			run, side = 1, s
			if s == 0 {
				run = 0
			}
		}
		if run >= n {
			v = append(v, Violation{rule, i + 1, [2]int{i + 2 - n, i + 1},
				fmt.Sprintf("%s points in a row %s the centre line", countWords[n], sideWord(side))})
		}
	}
	return v
}

// monotone flags n points in a row steadily (strictly) increasing or decreasing.
func monotone(z []float64, n int, rule string) []Violation {
	var v []Violation
	run, dir := 1, 0
	for i := 1; i < len(z); i++ {
		d := 0
		if !math.IsNaN(z[i]) && !math.IsNaN(z[i-1]) {
			d = sign(z[i] - z[i-1])
		}
		if d != 0 && d == dir {
			run++
		} else {
			dir = d
			run = 1
			if d != 0 {
				run = 2
			}
		}
		if run >= n {
			w := "increasing"
			if dir < 0 {
				w = "decreasing"
			}
			v = append(v, Violation{rule, i + 1, [2]int{i + 2 - n, i + 1},
				fmt.Sprintf("%s points in a row steadily %s", countWords[n], w)})
		}
	}
	return v
}

// alternating flags n points in a row alternating up and down.
func alternating(z []float64, n int, rule string) []Violation {
	var v []Violation
	run, last := 1, 0
	for i := 1; i < len(z); i++ {
		d := 0
		if !math.IsNaN(z[i]) && !math.IsNaN(z[i-1]) {
			d = sign(z[i] - z[i-1])
		}
		switch {
		case d == 0:
			run = 1
		case last != 0 && d == -last:
			run++
		default:
			run = 2
		}
		last = d
		if run >= n {
			v = append(v, Violation{rule, i + 1, [2]int{i + 2 - n, i + 1},
				fmt.Sprintf("%s points in a row alternating up and down", countWords[n])})
		}
	}
	return v
}

// kOfM flags a point beyond `limit` sigma that makes k of the last m points
// (itself included) beyond `limit` on its side.
func kOfM(z []float64, k, m int, limit float64, rule, desc string) []Violation {
	var v []Violation
	for i, x := range z {
		s := 0
		switch {
		case x > limit:
			s = 1
		case x < -limit:
			s = -1
		default:
			continue
		}
		count, first := 0, i
		for j := i; j >= 0 && j > i-m; j-- {
			if float64(s)*z[j] > limit {
				count++
				first = j
			}
		}
		if count >= k {
			v = append(v, Violation{rule, i + 1, [2]int{first + 1, i + 1},
				fmt.Sprintf("%s more than %g sigma %s the centre line", desc, limit, sideWord(s))})
		}
	}
	return v
}

// runWhere flags runs of n points that all satisfy ok.
func runWhere(z []float64, n int, ok func(float64) bool, rule, desc string) []Violation {
	var v []Violation
	run := 0
	for i, x := range z {
		if !math.IsNaN(x) && ok(x) {
			run++
		} else {
			run = 0
		}
		if run >= n {
			v = append(v, Violation{rule, i + 1, [2]int{i + 2 - n, i + 1}, desc})
		}
	}
	return v
}
