package domain

import (
	"testing"
	"time"
)

func TestDurationWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{
		{"0s", "0 seconds"},
		{"1s", "1 second"},
		{"90s", "1 minute 30 seconds"},
		{"30m", "30 minutes"},
		{"1h", "1 hour"},
		{"8h30m", "8 hours 30 minutes"},
		{"48h", "48 hours"},
		{"2d", "48 hours"},
		{"3d", "3 days"},
		{"3d1h", "3 days 1 hour"},
		{"1500ms", "1 second 500ms"},
	} {
		d, err := ParseDuration(c.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Words(); got != c.want {
			t.Errorf("%s: got %q, want %q", c.in, got, c.want)
		}
	}
	if got := Duration(-time.Hour).Words(); got != "minus 1 hour" {
		t.Errorf("negative: %q", got)
	}
}
