package domain

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Duration is a time.Duration written as text: "90s", "5m", "1h30m", "2d".
type Duration time.Duration

// ParseDuration accepts Go durations plus a day unit ("2d", "1d12h").
func ParseDuration(s string) (Duration, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	var days int64
	if i := strings.IndexByte(s, 'd'); i > 0 {
		n, err := strconv.ParseInt(s[:i], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("invalid duration %q", s)
		}
		days, s = n, s[i+1:]
	}
	var rest time.Duration
	if s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			return 0, fmt.Errorf("invalid duration %q (use e.g. 90s, 5m, 1h30m, 2d)", s)
		}
		rest = d
	}
	return Duration(time.Duration(days)*24*time.Hour + rest), nil
}

// D is the value as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// String is the canonical form: largest units first, no zero parts ("1d2h", "5m").
func (d Duration) String() string {
	v := time.Duration(d)
	if v == 0 {
		return "0s"
	}
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
		v = -v
	}
	for _, u := range []struct {
		size time.Duration
		name string
	}{{24 * time.Hour, "d"}, {time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}} {
		if n := v / u.size; n > 0 {
			fmt.Fprintf(&b, "%d%s", n, u.name)
			v -= n * u.size
		}
	}
	if v > 0 {
		fmt.Fprintf(&b, "%dns", v)
	}
	return b.String()
}

// Words is the duration as a reader says it: "48 hours", "1 day 12 hours",
// "1 minute 30 seconds". Definitions keep the compact form of String.
func (d Duration) Words() string {
	v := time.Duration(d)
	if v == 0 {
		return "0 seconds"
	}
	var parts []string
	if v < 0 {
		parts = append(parts, "minus")
		v = -v
	}
	// Whole days read better as hours up to two days ("48 hours", the common goal).
	units := []struct {
		size time.Duration
		one  string
	}{{24 * time.Hour, "day"}, {time.Hour, "hour"}, {time.Minute, "minute"}, {time.Second, "second"}}
	if v <= 48*time.Hour {
		units = units[1:]
	}
	for _, u := range units {
		if n := v / u.size; n > 0 {
			name := u.one
			if n != 1 {
				name += "s"
			}
			parts = append(parts, fmt.Sprintf("%d %s", n, name))
			v -= n * u.size
		}
	}
	if v > 0 {
		parts = append(parts, v.String())
	}
	return strings.Join(parts, " ")
}

// IsZero lets omitempty drop unset durations.
func (d Duration) IsZero() bool { return d == 0 }

func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }

func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseDuration(n.Value)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("duration must be a string such as \"5m\": %w", err)
	}
	v, err := ParseDuration(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
