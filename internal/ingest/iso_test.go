package ingest

import (
	"math/rand/v2"
	"testing"
	"time"
)

func TestParseISOMatchesStdlib(t *testing.T) {
	tp, _ := NewTimeParser(LayoutRFC3339, time.UTC)
	for i := 0; i < 200000; i++ {
		sec := rand.Int64N(400*365*86400) - 200*365*86400
		tt := time.Unix(sec, rand.Int64N(1e9)).UTC()
		off := (rand.IntN(28*4) - 14*4) * 15 * 60
		z := time.FixedZone("", off)
		s := tt.In(z).Format(time.RFC3339Nano)
		got, err := tp.Parse(s)
		want, _ := time.Parse(time.RFC3339Nano, s)
		if err != nil || !got.Equal(want) {
			t.Fatalf("%s: got %v %v want %v", s, got, err, want)
		}
	}
	for _, bad := range []string{"2023-02-29T00:00:00Z", "2023-04-31T00:00:00Z", "2023-13-01T00:00:00Z", "2023-01-01T25:00:00Z"} {
		if _, err := tp.Parse(bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}
