package compliance

import (
	"testing"
	"time"
)

func TestPeriodKeys(t *testing.T) {
	at := ts("2026-02-12T10:00:00Z")
	for _, c := range []struct {
		spec, key, start, end string
	}{
		{"day", "2026-02-12", "2026-02-11T23:00:00Z", "2026-02-12T23:00:00Z"},
		{"week", "2026-W07", "2026-02-08T23:00:00Z", "2026-02-15T23:00:00Z"},
		{"month", "2026-02", "2026-01-31T23:00:00Z", "2026-02-28T23:00:00Z"},
		{"quarter", "2026-Q1", "2025-12-31T23:00:00Z", "2026-03-31T22:00:00Z"},
		{"year", "2026", "2025-12-31T23:00:00Z", "2026-12-31T23:00:00Z"},
		{"rolling:7d", "2026-02-12", "2026-02-05T23:00:00Z", "2026-02-12T23:00:00Z"},
	} {
		ps, err := ParsePeriodSpec(c.spec)
		if err != nil {
			t.Fatal(err)
		}
		p := ps.Of(at, berlin)
		if p.Key != c.key || !p.Start.Equal(ts(c.start)) || !p.End.Equal(ts(c.end)) {
			t.Errorf("%s: got %s [%s, %s), want %s [%s, %s)", c.spec, p.Key, p.Start.Format(time.RFC3339), p.End.Format(time.RFC3339), c.key, c.start, c.end)
		}
		if ps.Kind != Rolling {
			q, err := ParseKey(c.key, berlin)
			if err != nil || q != p {
				t.Errorf("ParseKey(%s) = %+v, %v; want %+v", c.key, q, err, p)
			}
		}
	}
	// ISO week 1 of 2027 starts on Monday 2027-01-04; 2026-12-31 is in 2026-W53.
	if k := (PeriodSpec{Kind: Week}).Of(ts("2026-12-31T12:00:00Z"), time.UTC).Key; k != "2026-W53" {
		t.Errorf("week of 2026-12-31 = %s", k)
	}
	if p, err := ParseKey("2027-W01", time.UTC); err != nil || !p.Start.Equal(ts("2027-01-04T00:00:00Z")) {
		t.Errorf("2027-W01 = %+v %v", p, err)
	}
	for _, bad := range []string{"2026-13", "2026-Q5", "2026-W60", "20261", "x"} {
		if _, err := ParseKey(bad, time.UTC); err == nil {
			t.Errorf("ParseKey(%q) accepted", bad)
		}
	}
}

func TestStatistics(t *testing.T) {
	if v, _ := Statistic("p50", []float64{4, 1, 3, 2}); v != 2.5 {
		t.Errorf("p50 = %v", v)
	}
	if v, _ := Statistic("p90", []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}); !near(v, 9.1) {
		t.Errorf("p90 = %v", v)
	}
	// NIST StRD NumAcc4: 10000000.2, then 10000000.1 and 10000000.3 alternating (1001 values).
	x := []float64{10000000.2}
	for i := 0; i < 500; i++ {
		x = append(x, 10000000.1, 10000000.3)
	}
	if m, _ := Statistic("mean", x); m != 10000000.2 {
		t.Errorf("NumAcc4 mean = %.10f", m)
	}
}
