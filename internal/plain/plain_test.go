package plain

import (
	"math"
	"strings"
	"testing"
)

func TestNumber(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0"},
		{298.018, "298"},
		{334.13, "334"},
		{13500, "13,500"},
		{1.193e6, "1,193,000"},
		{1.7989417989417973, "1.8"},
		{2.0999999999999996, "2.1"},
		{11.00000000000001, "11"},
		{4.285714285714282, "4.29"},
		{0.002561, "0.0026"},
		{0.0207, "0.0207"},
		{-0.0207, "-0.0207"},
		{0.5371, "0.537"},
		{0.00001, "< 0.0001"},
		{-0.00001, "> -0.0001"},
		{-1234567.8, "-1,234,568"},
		{math.NaN(), "-"},
	} {
		if got := Number(c.v); got != c.want {
			t.Errorf("Number(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestPercent(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0.996439393939394, "99.644%"},
		{1, "100.000%"},
		{0.9999996, "99.999%"},
		{0, "0.000%"},
		{0.0000001, "< 0.001%"},
		{0.5, "50.000%"},
		{-0.79, "-79.000%"},
	} {
		if got := Percent(c.v); got != c.want {
			t.Errorf("Percent(%v) = %q, want %q", c.v, got, c.want)
		}
	}
	if got := Share(0.95); got != "95%" {
		t.Errorf("Share(0.95) = %q", got)
	}
	if got := Share(0.964571428); got != "96.457%" {
		t.Errorf("Share(0.964571428) = %q", got)
	}
	if got := PercentN(0.99995, 1); got != "99.9%" {
		t.Errorf("PercentN(0.99995, 1) = %q: a share below 1 never reads 100%%", got)
	}
}

func TestTargetAndObjective(t *testing.T) {
	for _, c := range []struct {
		v     float64
		ratio bool
		unit  string
		want  string
	}{
		{0.999, true, "", "99.9%"},
		{0.9, true, "", "90%"},
		{0.99995, true, "", "99.995%"},
		{0.95, true, "", "95%"},
		{450, false, "ms", "450 ms"},
		{1200, false, "ms", "1,200 ms"},
		{0.25, false, "s", "0.25 s"},
	} {
		if got := Target(c.v, c.ratio, c.unit); got != c.want {
			t.Errorf("Target(%v) = %q, want %q", c.v, got, c.want)
		}
	}
	if got := Objective(">=", 0.99, true, ""); got != "≥ 99%" {
		t.Errorf("Objective = %q", got)
	}
	if got := Objective("<=", 450, false, "ms"); got != "≤ 450 ms" {
		t.Errorf("Objective = %q", got)
	}
}

func TestAgainstNeverReadsAsTheTarget(t *testing.T) {
	for _, c := range []struct {
		v, target float64
		ratio     bool
		want      string
	}{
		{298.018, 450, false, "298 ms"},
		{450.3, 450, false, "450.3 ms"},
		{449.96, 450, false, "449.96 ms"},
		{449.99999, 450, false, "449.9999 ms"},
		{450.000001, 450, false, "450.0001 ms"},
		{0.9899999, 0.99, true, "98.9999%"},
		{0.98999, 0.99, true, "98.999%"},
		{0.99000004, 0.99, true, "99.0001%"},
		{0.996439393939394, 0.999, true, "99.644%"},
		{0.9999999, 0.9999, true, "99.999%"},
	} {
		unit := ""
		if !c.ratio {
			unit = "ms"
		}
		if got := Against(c.v, c.target, c.ratio, unit); got != c.want {
			t.Errorf("Against(%v, %v) = %q, want %q", c.v, c.target, got, c.want)
		}
	}
}

func TestPValue(t *testing.T) {
	for _, c := range []struct {
		p    float64
		want string
	}{
		{2.8e-203, "< 0.0001"},
		{0, "< 0.0001"},
		{0.01353, "0.0135"},
		{0.8859, "0.8859"},
		{0.5, "0.5"},
		{1, "1"},
	} {
		if got := PValue(c.p); got != c.want {
			t.Errorf("PValue(%v) = %q, want %q", c.p, got, c.want)
		}
	}
	if P(1e-9) != "p < 0.0001" || P(0.0135) != "p = 0.0135" {
		t.Errorf("P: %q %q", P(1e-9), P(0.0135))
	}
}

func TestMoneyCountTimesPoints(t *testing.T) {
	if got := Money(1950, "EUR"); got != "1,950.00 EUR" {
		t.Errorf("Money = %q", got)
	}
	if got := Money(-0.001, ""); got != "0.00" {
		t.Errorf("Money(-0.001) = %q", got)
	}
	if got := Count(565990); got != "565,990" {
		t.Errorf("Count = %q", got)
	}
	if got := Count(47.5); got != "47.5" {
		t.Errorf("Count(47.5) = %q", got)
	}
	if got := Times(1.8378378378378364); got != "1.84×" {
		t.Errorf("Times = %q", got)
	}
	if got := Points(-0.0000133); got != "-0.0013 pp" {
		t.Errorf("Points = %q", got)
	}
}

// TestNoNoise: over a wide range of magnitudes no figure uses scientific
// notation or more than four decimals.
func TestNoNoise(t *testing.T) {
	for e := -12; e <= 12; e++ {
		for _, m := range []float64{1, 1.0000000000000002, 2.0999999999999996, 9.999999, 3.14159265} {
			v := m * math.Pow10(e)
			for _, s := range []string{Number(v), Number(-v), Percent(v / 1e6), Target(v, false, ""), PValue(v / 1e12), Against(v, v*1.0000001, false, "")} {
				if strings.ContainsAny(s, "eE") {
					t.Errorf("%v: %q has an exponent", v, s)
				}
				if _, frac, ok := strings.Cut(s, "."); ok && len(strings.TrimRight(frac, "%× msp")) > MaxDecimals {
					t.Errorf("%v: %q has more than %d decimals", v, s, MaxDecimals)
				}
			}
		}
	}
}

func TestParseTarget(t *testing.T) {
	for _, c := range []struct {
		s    string
		want float64
	}{
		{"95%", 0.95}, {"99.5 %", 0.995}, {"0.95", 0.95}, {"450", 450}, {" 90% ", 0.9},
	} {
		got, err := ParseTarget(c.s)
		if err != nil || math.Abs(got-c.want) > 1e-12 {
			t.Errorf("ParseTarget(%q) = %v, %v; want %v", c.s, got, err, c.want)
		}
	}
	for _, s := range []string{"", "%", "abc", "95%%", "NaN", "Inf"} {
		if _, err := ParseTarget(s); err == nil || !strings.Contains(err.Error(), "99.5%") {
			t.Errorf("ParseTarget(%q) = %v, want an error that shows how to write it", s, err)
		}
	}
}

func TestBound(t *testing.T) {
	for _, c := range []struct {
		v     float64
		op    string
		ratio bool
		want  string
	}{
		{0.9940779577182406, ">=", true, "≥ 99.407%"},
		{0.9940779577182406, "<=", true, "≤ 99.408%"},
		{0.99, ">=", true, "≥ 99%"},
		{0.29, ">=", true, "≥ 29%"},
		{0.29, "<=", true, "≤ 29%"},
		{334.555, "<=", false, "≤ 335 ms"},
		{334.555, ">=", false, "≥ 334 ms"},
	} {
		unit := ""
		if !c.ratio {
			unit = "ms"
		}
		if got := Bound(c.v, c.op, c.ratio, unit); got != c.want {
			t.Errorf("Bound(%v, %s) = %q, want %q", c.v, c.op, got, c.want)
		}
	}
}
