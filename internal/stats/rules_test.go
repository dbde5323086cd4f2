package stats

import (
	"slices"
	"testing"
)

func rep(v float64, n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = v
	}
	return s
}

func cat(parts ...[]float64) []float64 {
	var s []float64
	for _, p := range parts {
		s = append(s, p...)
	}
	return s
}

// indices returns the points flagged by one rule.
func indices(v []Violation, rule string) []int {
	var out []int
	for _, x := range v {
		if x.Rule == rule {
			out = append(out, x.Index)
		}
	}
	return out
}

func TestRules(t *testing.T) {
	// z-scores (centre 0, sigma 1). Each case is worked by hand.
	tests := []struct {
		name  string
		set   RuleSet
		z     []float64
		rule  string
		want  []int
		spans [][2]int // optional
	}{
		// refdata: 0, 3.2, -3.5, 2.9 → points 2 and 3.
		{"nelson-1 refdata", RulesNelson, []float64{0, 3.2, -3.5, 2.9}, "nelson-1", []int{2, 3}, [][2]int{{2, 2}, {3, 3}}},
		{"nelson-1 exactly 3 is inside", RulesNelson, []float64{3, -3}, "nelson-1", nil, nil},
		// ten points above: the 9th and the 10th complete nine in a row.
		{"nelson-2", RulesNelson, cat([]float64{-1}, rep(0.5, 10), []float64{-0.5}), "nelson-2", []int{10, 11}, [][2]int{{2, 10}, {3, 11}}},
		{"nelson-2 broken by centre", RulesNelson, cat(rep(0.5, 5), []float64{0}, rep(0.5, 5)), "nelson-2", nil, nil},
		// points 1–6 increase: 6 completes six in a row; 7 repeats 6 (a tie breaks
		// the run); 7–12 decrease → 12, and 8–13 → 13.
		{"nelson-3", RulesNelson, []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0}, "nelson-3", []int{6, 12, 13}, [][2]int{{1, 6}, {7, 12}, {8, 13}}},
		// alternating over 15 points: the 14th and 15th complete the pattern.
		{"nelson-4", RulesNelson, []float64{0.1, -0.1, 0.1, -0.1, 0.1, -0.1, 0.1, -0.1, 0.1, -0.1, 0.1, -0.1, 0.1, -0.1, 0.1}, "nelson-4", []int{14, 15}, [][2]int{{1, 14}, {2, 15}}},
		{"nelson-4 thirteen only", RulesNelson, []float64{0.1, -0.1, 0.1, -0.1, 0.1, -0.1, 0.1, -0.1, 0.1, -0.1, 0.1, -0.1, 0.1}, "nelson-4", nil, nil},
		// 2.5, 0, 2.1 → point 3 (two of three above 2σ); -2.5 at 5 with 2.1 at 3 is the other side.
		{"nelson-5", RulesNelson, []float64{2.5, 0, 2.1, 0, -2.5, -2.2}, "nelson-5", []int{3, 6}, [][2]int{{1, 3}, {5, 6}}},
		{"nelson-5 opposite sides", RulesNelson, []float64{2.5, -2.5, 0}, "nelson-5", nil, nil},
		// 1.5,1.5,0,1.5,1.5 → point 5 has four of five above 1σ; point 6 (1.2) too (1.5,0,1.5,1.5,1.2).
		{"nelson-6", RulesNelson, []float64{1.5, 1.5, 0, 1.5, 1.5, 1.2, -0.5}, "nelson-6", []int{5, 6}, [][2]int{{1, 5}, {2, 6}}},
		// refdata: sixteen × 0.3 then 1.2 → points 15 and 16.
		{"nelson-7 refdata", RulesNelson, cat(rep(0.3, 16), []float64{1.2}), "nelson-7", []int{15, 16}, [][2]int{{1, 15}, {2, 16}}},
		// eight points beyond 1σ, alternating sides → point 8.
		{"nelson-8", RulesNelson, []float64{1.5, -1.5, 1.5, -1.5, 1.5, -1.5, 1.5, -1.5, 0}, "nelson-8", []int{8}, [][2]int{{1, 8}}},
		{"we-1", RulesWesternElectric, []float64{0, 3.01, -4}, "we-1", []int{2, 3}, nil},
		{"we-2", RulesWesternElectric, []float64{2.5, 2.5, 0}, "we-2", []int{2}, [][2]int{{1, 2}}},
		{"we-3", RulesWesternElectric, []float64{-1.1, -1.1, 0.5, -1.1, -1.1}, "we-3", []int{5}, [][2]int{{1, 5}}},
		{"we-4", RulesWesternElectric, cat(rep(-0.2, 8), []float64{0.2}), "we-4", []int{8}, [][2]int{{1, 8}}},
		{"none keeps limits", RulesNone, cat(rep(0.5, 9), []float64{3.5}), "nelson-1", []int{10}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := ApplyRules(tc.set, tc.z)
			got := indices(v, tc.rule)
			if !slices.Equal(got, tc.want) {
				t.Fatalf("%s: got points %v, want %v (all: %+v)", tc.rule, got, tc.want, v)
			}
			if tc.spans != nil {
				i := 0
				for _, x := range v {
					if x.Rule != tc.rule {
						continue
					}
					if x.Span != tc.spans[i] {
						t.Errorf("point %d: got span %v, want %v", x.Index, x.Span, tc.spans[i])
					}
					if x.Description == "" {
						t.Errorf("point %d: empty description", x.Index)
					}
					i++
				}
			}
		})
	}
}

func TestRulesNoFalseAlarms(t *testing.T) {
	// A short in-control-looking sequence triggers nothing.
	z := []float64{0.5, -0.3, 1.2, -0.8, 0.1, -1.1, 0.7, 0.2, -0.4}
	if v := ApplyRules(RulesNelson, z); len(v) != 0 {
		t.Errorf("got %+v, want none", v)
	}
	if v := ApplyRules(RulesWesternElectric, z); len(v) != 0 {
		t.Errorf("got %+v, want none", v)
	}
}

func TestRuleDescription(t *testing.T) {
	v := ApplyRules(RulesNelson, cat(rep(-0.5, 9)))
	if len(v) != 1 || v[0].Description != "nine points in a row below the centre line" {
		t.Errorf("got %+v", v)
	}
}

func TestParseRuleSet(t *testing.T) {
	for in, want := range map[string]RuleSet{"": RulesNelson, "nelson": RulesNelson, "we": RulesWesternElectric, "none": RulesNone} {
		if got, err := ParseRuleSet(in); err != nil || got != want {
			t.Errorf("%q: got %v %v, want %v", in, got, err, want)
		}
	}
	if _, err := ParseRuleSet("x"); err == nil {
		t.Error("want error for unknown set")
	}
}
