package capacity

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

var ratePattern = regexp.MustCompile(`^\s*([0-9]+(?:\.[0-9]+)?)\s*(?:(?:/|per|an?|in)\s*([0-9]+(?:\.[0-9]+)?)?\s*([a-z]+))?\s*$`)

// perHour converts a rate's time unit into arrivals per hour.
var perHour = map[string]float64{
	"s": 3600, "sec": 3600, "second": 3600,
	"m": 60, "min": 60, "minute": 60,
	"h": 1, "hr": 1, "hour": 1,
	"d": 1.0 / 24, "day": 1.0 / 24,
}

// ParseArrivals reads an arrival rate as people write it: "100/h", "100 per
// hour", "2/min", "1200/day", "100/30min" (100 in 30 minutes), or a plain
// number of arrivals per hour.
func ParseArrivals(s string) (float64, error) {
	m := ratePattern.FindStringSubmatch(strings.ToLower(s))
	if m == nil {
		return 0, fmt.Errorf("arrivals %q: write a rate such as 100/h, 2/min or 1200/day", s)
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	unit := strings.TrimSuffix(m[3], "s")
	if m[3] == "s" {
		unit = "s"
	}
	f := 1.0
	if unit != "" {
		var ok bool
		if f, ok = perHour[unit]; !ok {
			return 0, fmt.Errorf("arrivals %q: %q is not a time unit (write /s, /min, /h or /day)", s, m[3])
		}
	}
	if m[2] != "" {
		n, _ := strconv.ParseFloat(m[2], 64)
		if n <= 0 {
			return 0, fmt.Errorf("arrivals %q: the time they arrive in must be above 0", s)
		}
		f /= n
	}
	if v <= 0 || math.IsInf(v*f, 0) {
		return 0, fmt.Errorf("arrivals %q: the rate must be above 0", s)
	}
	return v * f, nil
}
