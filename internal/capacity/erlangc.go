// Package capacity checks in service design whether a response-time target
// can hold for a given demand and capacity: the Erlang C model of a queue
// served by K servers (agents, workers), and the demand read from stored data.
package capacity

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"slate/internal/domain"
)

// Target is a service-level target: Share of arrivals answered within Within.
type Target struct {
	Share  float64       `json:"share"`
	Within time.Duration `json:"-"`
	// WithinSeconds is Within for JSON.
	WithinSeconds float64 `json:"within_seconds"`
	Text          string  `json:"text"`
}

var targetPattern = regexp.MustCompile(`^\s*([0-9]+(?:\.[0-9]+)?)\s*(%?)\s*(?:in|within|/)\s*(\S+)\s*$`)

// ParseTarget reads "80% in 20s" (also "80%/20s", "0.8 within 20s").
func ParseTarget(s string) (Target, error) {
	m := targetPattern.FindStringSubmatch(s)
	if m == nil {
		return Target{}, fmt.Errorf("target %q: write the share and the wait, e.g. \"80%% in 20s\"", s)
	}
	share, _ := strconv.ParseFloat(m[1], 64)
	if m[2] == "%" {
		share /= 100
	}
	if share <= 0 || share >= 1 {
		return Target{}, fmt.Errorf("target %q: the share must be above 0%% and below 100%% (no queue answers everyone in time)", s)
	}
	d, err := domain.ParseDuration(m[3])
	if err != nil || d < 0 {
		return Target{}, fmt.Errorf("target %q: %q is not a wait such as 20s or 1m", s, m[3])
	}
	return Target{Share: share, Within: d.D(), WithinSeconds: d.D().Seconds(), Text: strings.TrimSpace(s)}, nil
}

// Input is one capacity question.
type Input struct {
	ArrivalsPerHour float64
	HandleTime      time.Duration
	// Servers is the capacity to check; 0 asks only for the smallest that meets the target.
	Servers int
	Target  Target
}

// Result answers it with the Erlang C model: Poisson arrivals, exponential
// handle times, K identical servers, one queue, nobody gives up waiting.
type Result struct {
	ArrivalsPerHour   float64 `json:"arrivals_per_hour"`
	HandleTimeSeconds float64 `json:"handle_time_seconds"`
	// Traffic A = arrivals per hour × handle time in hours (erlangs: servers' worth of work).
	Traffic float64 `json:"traffic_erlangs"`
	Servers int     `json:"servers"`
	Target  Target  `json:"target"`
	// The figures for Servers (see Sizing).
	Occupancy       float64 `json:"occupancy"`
	WaitProbability float64 `json:"wait_probability"`
	ServiceLevel    float64 `json:"service_level"`
	ASASeconds      float64 `json:"asa_seconds"`
	// Meets says whether Servers meets the target.
	Meets bool `json:"meets"`
	// Required is the smallest number of servers that meets the target.
	Required        int     `json:"required_servers"`
	RequiredService float64 `json:"required_service_level"`
	// Table shows the sizes around the answer, from the smallest stable one.
	Table   []Sizing `json:"table"`
	Verdict string   `json:"verdict"`
}

// Sizing is the model's figures for one number of servers.
type Sizing struct {
	Servers int `json:"servers"`
	// Occupancy = A / K: the share of time a server is busy.
	Occupancy float64 `json:"occupancy"`
	// WaitProbability is Erlang C: the chance an arrival waits at all.
	WaitProbability float64 `json:"wait_probability"`
	// ServiceLevel = 1 − C · e^(−(K − A) · T / handle time): answered within T.
	ServiceLevel float64 `json:"service_level"`
	// ASASeconds, the average speed of answer = C · handle time / (K − A).
	ASASeconds float64 `json:"asa_seconds"`
}

// UnstableError: the work arriving needs more servers than there are; the
// queue grows without end and no waiting time exists.
type UnstableError struct {
	Traffic  float64
	Servers  int
	Stable   int // the smallest stable number of servers
	Required int // the smallest that meets the target
	Target   string
}

func (e *UnstableError) Error() string {
	return fmt.Sprintf("unstable: %s erlangs of work arrive (arrivals per hour × handle time) for %d servers, so the queue grows without end; at least %d servers keep up, and %d meet %s",
		num(e.Traffic), e.Servers, e.Stable, e.Required, e.Target)
}

// maxServers bounds the search for the required size.
const maxServers = 1_000_000

// ErlangB is the blocking probability of traffic a on k servers, by the
// recursion B(0) = 1, B(j) = a·B(j−1) / (j + a·B(j−1)): no factorials or
// powers, so it stays exact-ish and finite for any size.
func ErlangB(a float64, k int) float64 {
	b := 1.0
	for j := 1; j <= k; j++ {
		b = a * b / (float64(j) + a*b)
	}
	return b
}

// ErlangC is the probability of waiting, C = K·B / (K − A·(1 − B)), for a
// stable queue (A < K).
func ErlangC(a float64, k int) float64 {
	b := ErlangB(a, k)
	return float64(k) * b / (float64(k) - a*(1-b))
}

// Size computes the figures for k servers (A < k).
func Size(a float64, k int, handle, within time.Duration) Sizing {
	c := ErlangC(a, k)
	h := handle.Seconds()
	return Sizing{Servers: k, Occupancy: a / float64(k), WaitProbability: c,
		ServiceLevel: 1 - c*math.Exp(-(float64(k)-a)*within.Seconds()/h), ASASeconds: c * h / (float64(k) - a)}
}

// Required is the smallest number of servers whose service level meets the target.
func Required(a float64, handle time.Duration, t Target) (int, Sizing, error) {
	k := max(1, int(math.Floor(a))+1)
	for ; k <= maxServers; k++ {
		if s := Size(a, k, handle, t.Within); s.ServiceLevel >= t.Share {
			return k, s, nil
		}
	}
	return 0, Sizing{}, fmt.Errorf("no team of up to %d servers meets %s", maxServers, t.Text)
}

// Check answers a capacity question; bad input is an error that says what to
// write instead, an overloaded queue an *UnstableError.
func Check(in Input) (Result, error) {
	switch {
	case math.IsNaN(in.ArrivalsPerHour) || math.IsInf(in.ArrivalsPerHour, 0) || in.ArrivalsPerHour <= 0:
		return Result{}, fmt.Errorf("arrivals per hour must be a number above 0 (got %v)", in.ArrivalsPerHour)
	case in.HandleTime <= 0:
		return Result{}, errors.New("the handle time must be longer than 0 (e.g. 3m or 180s): with no work per arrival there is nothing to queue for")
	case in.Servers < 0:
		return Result{}, fmt.Errorf("servers must be 0 (size only) or more, not %d", in.Servers)
	case in.Target.Share <= 0 || in.Target.Share >= 1:
		return Result{}, errors.New("the target needs a share between 0% and 100% and a wait, e.g. \"80% in 20s\"")
	}
	a := in.ArrivalsPerHour * in.HandleTime.Hours()
	res := Result{ArrivalsPerHour: in.ArrivalsPerHour, HandleTimeSeconds: in.HandleTime.Seconds(), Traffic: a, Servers: in.Servers, Target: in.Target}
	req, rs, err := Required(a, in.HandleTime, in.Target)
	if err != nil {
		return res, err
	}
	res.Required, res.RequiredService = req, rs.ServiceLevel
	stable := int(math.Floor(a)) + 1
	if in.Servers > 0 && float64(in.Servers) <= a {
		return res, &UnstableError{Traffic: a, Servers: in.Servers, Stable: stable, Required: req, Target: in.Target.Text}
	}
	k := in.Servers
	if k == 0 {
		k = req
		res.Servers = req
	}
	sz := Size(a, k, in.HandleTime, in.Target.Within)
	res.Occupancy, res.WaitProbability, res.ServiceLevel, res.ASASeconds = sz.Occupancy, sz.WaitProbability, sz.ServiceLevel, sz.ASASeconds
	res.Meets = res.ServiceLevel >= in.Target.Share
	for j := stable; j <= max(k, req)+2; j++ {
		res.Table = append(res.Table, Size(a, j, in.HandleTime, in.Target.Within))
	}
	switch {
	case in.Servers == 0:
		res.Verdict = fmt.Sprintf("%d servers meet %s: %s answered in time, %s wait at all, average speed of answer %s, occupancy %s",
			req, in.Target.Text, pct(res.ServiceLevel), pct(res.WaitProbability), secs(res.ASASeconds), pct(res.Occupancy))
	case res.Meets:
		res.Verdict = fmt.Sprintf("%d servers meet %s: %s answered in time (the smallest team that meets it has %d)", k, in.Target.Text, pct(res.ServiceLevel), req)
	default:
		res.Verdict = fmt.Sprintf("%d servers miss %s: only %s answered in time, %s wait at all (average speed of answer %s); %d servers are needed",
			k, in.Target.Text, pct(res.ServiceLevel), pct(res.WaitProbability), secs(res.ASASeconds), req)
	}
	return res, nil
}

func pct(x float64) string {
	s := strconv.FormatFloat(x*100, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0") + "%"
}

func secs(x float64) string {
	if x >= 120 {
		return strconv.FormatFloat(x/60, 'f', 1, 64) + " min"
	}
	return strconv.FormatFloat(x, 'f', 1, 64) + " s"
}

func num(x float64) string {
	return strings.TrimSuffix(strings.TrimRight(strconv.FormatFloat(x, 'f', 3, 64), "0"), ".")
}
