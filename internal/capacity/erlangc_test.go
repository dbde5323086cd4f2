package capacity

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
)

func approx(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.10g, want %.10g (±%g)", what, got, want, tol)
	}
}

func target(t *testing.T, s string) Target {
	t.Helper()
	x, err := ParseTarget(s)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// Published figures for 100 calls in 30 minutes (200 an hour), 180 s handle
// time, answered within 20 s: traffic 10 erlangs.
//
//   - R package ErlangC 0.1.0 (CRAN, 2024-12-05), README, erlang_c(100, 30 min,
//     180 s, 20 s, 14) and calculate_agents(…): with 14 agents wait probability
//     0.1741319, service level 0.88835, average speed of answer 7.83593701177724 s,
//     occupancy 0.7142857; its search table starts at 11 agents with wait
//     probability 0.6821182 and service level 0.3896138; 14 agents are required
//     for 80% in 20 s.
//   - pyworkforce 0.1.0 (PyPI), README, ErlangC(transactions=100, aht=3,
//     interval=30, asa=20/60): raw_positions 14, service_level
//     0.8883500191794669, occupancy 0.7142857142857143, waiting_probability
//     0.1741319335950498.
func TestPublishedErlangCTable(t *testing.T) {
	res, err := Check(Input{ArrivalsPerHour: 200, HandleTime: 180 * time.Second, Servers: 14, Target: target(t, "80% in 20s")})
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "traffic", res.Traffic, 10, 1e-12)
	approx(t, "P(wait) at 14", res.WaitProbability, 0.1741319335950498, 1e-12)
	approx(t, "service level at 14", res.ServiceLevel, 0.8883500191794669, 1e-12)
	approx(t, "ASA at 14", res.ASASeconds, 7.83593701177724, 1e-9)
	approx(t, "occupancy at 14", res.Occupancy, 0.7142857142857143, 1e-15)
	if !res.Meets || res.Required != 14 {
		t.Errorf("meets %v, required %d; want 14", res.Meets, res.Required)
	}
	row11 := res.Table[0]
	if row11.Servers != 11 {
		t.Fatalf("the table starts at %d servers, want 11 (the smallest stable team for 10 erlangs)", row11.Servers)
	}
	approx(t, "P(wait) at 11", row11.WaitProbability, 0.6821182, 5e-8)
	approx(t, "service level at 11", row11.ServiceLevel, 0.3896138, 5e-8)
	if res.Table[2].ServiceLevel >= 0.8 || res.Table[3].ServiceLevel < 0.8 {
		t.Errorf("13 servers must miss 80%% and 14 meet it: %+v", res.Table)
	}
}

// erlangCDirect is the textbook formula with powers and factorials, summed in
// logarithms so it does not overflow: an independent second method.
func erlangCDirect(a float64, k int) float64 {
	lg := func(n int) float64 { v, _ := math.Lgamma(float64(n) + 1); return v }
	top := float64(k)*math.Log(a) - lg(k) + math.Log(float64(k)/(float64(k)-a))
	m := top
	terms := make([]float64, k)
	for i := range k {
		terms[i] = float64(i)*math.Log(a) - lg(i)
		m = max(m, terms[i])
	}
	var sum float64
	for _, x := range terms {
		sum += math.Exp(x - m)
	}
	return math.Exp(top-m) / (sum + math.Exp(top-m))
}

// The brief's row (100 calls an hour, 3 minutes, 6 agents: 5 erlangs) and
// more, against the direct formula: by hand, B(5,6) = 0.19176, C = 6B/(6 −
// 5(1 − B)) = 0.58752, service level in 20 s = 1 − C·e^(−20/180) = 0.47427,
// ASA = C·180 s / 1 = 105.75 s.
func TestErlangCAgainstDirectFormula(t *testing.T) {
	res, err := Check(Input{ArrivalsPerHour: 100, HandleTime: 3 * time.Minute, Servers: 6, Target: target(t, "80% in 20s")})
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "P(wait) 5E/6", res.WaitProbability, 0.58752, 5e-6)
	approx(t, "SL 5E/6", res.ServiceLevel, 0.47427, 5e-6)
	approx(t, "ASA 5E/6", res.ASASeconds, 105.753, 5e-4)
	if res.Meets || res.Required != 8 || !strings.Contains(res.Verdict, "6 servers miss 80% in 20s") {
		t.Errorf("%+v", res)
	}
	for _, c := range []struct {
		a float64
		k int
	}{{5, 6}, {5, 8}, {0.5, 1}, {10, 11}, {48, 55}, {230, 250}, {900, 930}} {
		approx(t, "ErlangC", ErlangC(c.a, c.k), erlangCDirect(c.a, c.k), 1e-10)
	}
}

// Large teams stay finite and sensible: 20,000 erlangs on 20,200 servers.
func TestErlangCLargeTraffic(t *testing.T) {
	c := ErlangC(20000, 20200)
	if math.IsNaN(c) || c <= 0 || c >= 1 {
		t.Fatalf("C = %v", c)
	}
	approx(t, "ErlangC 20000/20200", c, erlangCDirect(20000, 20200), 1e-8)
	res, err := Check(Input{ArrivalsPerHour: 20000 * 6, HandleTime: 10 * time.Minute, Target: target(t, "90% within 15s")})
	if err != nil || res.Servers != res.Required || res.ServiceLevel < 0.9 || Size(20000, res.Required-1, 10*time.Minute, 15*time.Second).ServiceLevel >= 0.9 {
		t.Fatalf("%+v %v", res, err)
	}
}

func TestCapacityErrors(t *testing.T) {
	tg := target(t, "80% in 20s")
	for _, c := range []struct {
		in   Input
		want string
	}{
		{Input{ArrivalsPerHour: 100, HandleTime: 0, Servers: 6, Target: tg}, "handle time must be longer than 0"},
		{Input{ArrivalsPerHour: 0, HandleTime: time.Minute, Servers: 6, Target: tg}, "arrivals per hour must be a number above 0"},
		{Input{ArrivalsPerHour: math.NaN(), HandleTime: time.Minute, Servers: 6, Target: tg}, "arrivals per hour must be a number above 0"},
		{Input{ArrivalsPerHour: 100, HandleTime: time.Minute, Servers: -1, Target: tg}, "servers must be 0"},
		{Input{ArrivalsPerHour: 100, HandleTime: time.Minute, Servers: 2}, "the target needs a share"},
	} {
		if _, err := Check(c.in); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.in, err, c.want)
		}
	}
	// 100 an hour × 3 minutes = 5 erlangs: 5 servers never catch up.
	_, err := Check(Input{ArrivalsPerHour: 100, HandleTime: 3 * time.Minute, Servers: 5, Target: tg})
	var u *UnstableError
	if !errors.As(err, &u) || u.Stable != 6 || u.Required != 8 ||
		err.Error() != "unstable: 5 erlangs of work arrive (arrivals per hour × handle time) for 5 servers, so the queue grows without end; at least 6 servers keep up, and 8 meet 80% in 20s" {
		t.Errorf("unstable: %v", err)
	}
	for s, want := range map[string]string{
		"80% in 20s": "", "80%/20s": "", "0.8 within 1m": "", "95 % in 30s": "",
		"80%": "write the share and the wait", "100% in 20s": "below 100%", "80% in soon": `"soon" is not a wait`,
	} {
		x, err := ParseTarget(s)
		switch {
		case want == "" && (err != nil || x.Share <= 0):
			t.Errorf("%q: %v", s, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%q: %v, want %q", s, err, want)
		}
	}
	if x, _ := ParseTarget("0.8 within 1m"); x.Share != 0.8 || x.Within != time.Minute {
		t.Errorf("%+v", x)
	}
}

// Two weeks of tickets in Berlin: on Mondays, 10:00–11:00 local (08:00 UTC
// in summer), 6 and 4 tickets arrive; every other weekday hour 9–17 one
// ticket. The busiest hour of the week averages (6 + 4) / 2 = 5 an hour; the
// busiest single hour is the first Monday's, with 6. Handle times: every
// ticket resolved 30 minutes after opening with 10 minutes paused, except
// the Monday ones: 90 minutes, no pause; mean = (20·(n − 10) + 90·10) / n.
func TestDemandFromItems(t *testing.T) {
	feed := &domain.Feed{Metadata: domain.Meta{Name: "desk"}, Spec: domain.FeedSpec{Shape: domain.ShapeItem, TimeZone: "Europe/Berlin"}}
	ws := domain.NewWorkspace(feed, &domain.Feed{Metadata: domain.Meta{Name: "lat"}, Spec: domain.FeedSpec{Shape: domain.ShapeValue}})
	berlin, _ := time.LoadLocation("Europe/Berlin")
	start := time.Date(2026, 6, 1, 0, 0, 0, 0, berlin) // a Monday
	var pts []domain.Point
	n := 0
	add := func(opened time.Time, took time.Duration, paused float64) {
		res := opened.Add(took)
		pts = append(pts, domain.Point{At: res.UTC(), ItemID: "T" + string(rune('A'+n%26)), Opened: opened.UTC(), Resolved: res.UTC(), Paused: paused})
		n++
	}
	for week := range 2 {
		for day := range 5 {
			for h := 9; h < 17; h++ {
				at := start.AddDate(0, 0, week*7+day).Add(time.Duration(h) * time.Hour)
				switch {
				case day == 0 && h == 10:
					for i := range 6 - 2*week {
						add(at.Add(time.Duration(i)*time.Minute), 90*time.Minute, 0)
					}
				default:
					add(at, 30*time.Minute, 600)
				}
			}
		}
	}
	src := compliance.SlicePoints(map[string][]domain.Point{"desk": pts})
	end := start.AddDate(0, 0, 14)
	d, err := FromFeed(ws, src, "desk", start, end, end)
	if err != nil {
		t.Fatal(err)
	}
	if d.Arrivals != n || d.PeakPerHour != 5 || !strings.HasPrefix(d.PeakSlot, "Mon 10:00–11:00 (Europe/Berlin), over 2 weeks") ||
		d.BusiestHourCount != 6 || !d.BusiestHour.Equal(start.Add(10*time.Hour)) {
		t.Errorf("%+v", d)
	}
	want := (20*60*float64(n-10) + 90*60*10) / float64(n)
	if d.HandleTimeSeconds == nil || math.Abs(*d.HandleTimeSeconds-want) > 1e-9 || d.Resolved != n {
		t.Errorf("handle %v, want %v", d.HandleTimeSeconds, want)
	}
	for feedName, msg := range map[string]string{"lat": "arrivals come from item feeds", "nope": `feed "nope" does not exist`} {
		if _, err := FromFeed(ws, src, feedName, time.Time{}, time.Time{}, end); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("%s: %v", feedName, err)
		}
	}
	if _, err := FromFeed(ws, src, "desk", end, start, end); err == nil {
		t.Error("a range ending before it starts was accepted")
	}
	if _, err := FromFeed(ws, src, "desk", end, end.AddDate(0, 1, 0), end); err == nil || !strings.Contains(err.Error(), "no arrivals") {
		t.Errorf("empty range: %v", err)
	}
}
