package compliance

import (
	"fmt"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"slate/internal/domain"
)

// Rollback metrics, computed per bucket of a feed.
var RollbackMetrics = []string{"error_rate", "success_rate", "errors", "count", "value", "min", "max"}

// RollbackRule is "METRIC OP NUMBER for DURATION [every STEP]", e.g.
// "error_rate > 0.02 for 15m": the feed is cut into STEP buckets (default 1m,
// aligned to the Unix epoch); the rule holds once the condition is true in
// every bucket of an unbroken run of buckets lasting at least DURATION. A
// bucket without data breaks the run.
type RollbackRule struct {
	Text      string        `json:"rule"`
	Metric    string        `json:"metric"`
	Op        string        `json:"op"`
	Threshold float64       `json:"threshold"`
	For       time.Duration `json:"-"`
	Step      time.Duration `json:"-"`
}

// ParseRollbackRule reads a rule.
func ParseRollbackRule(s string) (RollbackRule, error) {
	f := strings.Fields(s)
	bad := func(format string, args ...any) (RollbackRule, error) {
		return RollbackRule{}, fmt.Errorf("rule %q: %s (write e.g. \"error_rate > 0.02 for 15m\" or \"value >= 800 for 10m every 5m\")", s, fmt.Sprintf(format, args...))
	}
	if len(f) != 5 && len(f) != 7 {
		return bad("want METRIC OP NUMBER for DURATION [every STEP]")
	}
	r := RollbackRule{Text: strings.Join(f, " "), Metric: f[0], Op: f[1], Step: time.Minute}
	if !slices.Contains(RollbackMetrics, r.Metric) {
		return bad("metric %q is not one of %s", r.Metric, strings.Join(RollbackMetrics, ", "))
	}
	if !slices.Contains(domain.Ops, r.Op) {
		return bad("%q is not one of %s", r.Op, strings.Join(domain.Ops, " "))
	}
	v, err := strconv.ParseFloat(strings.TrimSuffix(f[2], "%"), 64)
	if err != nil {
		return bad("%q is not a number", f[2])
	}
	if strings.HasSuffix(f[2], "%") {
		v /= 100
	}
	r.Threshold = v
	if f[3] != "for" {
		return bad("expected \"for\" after the number")
	}
	d, err := domain.ParseDuration(f[4])
	if err != nil || d <= 0 {
		return bad("%q is not a duration", f[4])
	}
	r.For = d.D()
	if len(f) == 7 {
		if f[5] != "every" {
			return bad("expected \"every\" after the duration")
		}
		st, err := domain.ParseDuration(f[6])
		if err != nil || st <= 0 || st.D()%time.Second != 0 {
			return bad("%q is not a step in whole seconds", f[6])
		}
		r.Step = st.D()
	}
	return r, nil
}

// RollbackSpan is one stretch during which the rule held.
type RollbackSpan struct {
	Start   time.Time `json:"start"`
	End     time.Time `json:"end"`
	FiredAt time.Time `json:"fired_at"`
	Buckets int       `json:"buckets"`
	Peak    float64   `json:"peak"`
}

// RollbackResult lists when a rule held on a feed.
type RollbackResult struct {
	Feed    string         `json:"feed"`
	Rule    RollbackRule   `json:"rule"`
	For     string         `json:"for"`
	Step    string         `json:"step"`
	Buckets int            `json:"buckets"`
	Held    bool           `json:"held"`
	Spans   []RollbackSpan `json:"spans"`
}

type rbBucket struct {
	idx                 int64
	good, total, sum, n float64
	min, max            float64
	has                 bool
}

func (b *rbBucket) metric(m string) (float64, bool) {
	switch m {
	case "error_rate", "success_rate":
		if b.total <= 0 {
			return 0, false
		}
		if m == "success_rate" {
			return b.good / b.total, true
		}
		return (b.total - b.good) / b.total, true
	case "errors":
		return b.total - b.good, true
	case "count":
		return b.total, true
	case "value":
		return b.sum / b.n, b.n > 0
	case "min":
		return b.min, b.n > 0
	case "max":
		return b.max, b.n > 0
	}
	return 0, false
}

// EvaluateRollback streams points (time order) and lists the spans where the rule held.
func EvaluateRollback(feed string, r RollbackRule, points iter.Seq[domain.Point]) RollbackResult {
	res := RollbackResult{Feed: feed, Rule: r, For: domain.Duration(r.For).String(), Step: domain.Duration(r.Step).String(), Spans: []RollbackSpan{}}
	step := int64(r.Step / time.Second)
	need := int64(math.Ceil(float64(r.For) / float64(r.Step)))
	var cur rbBucket
	var runStart, runLast int64
	var runLen int64
	var peak float64
	inRun := false
	closeRun := func() {
		if inRun && runLen >= need {
			start := time.Unix(runStart*step, 0).UTC()
			worst := peak
			res.Spans = append(res.Spans, RollbackSpan{Start: start, End: time.Unix((runLast+1)*step, 0).UTC(),
				FiredAt: start.Add(r.For), Buckets: int(runLen), Peak: worst})
		}
		inRun, runLen = false, 0
	}
	settle := func(b *rbBucket) {
		if !b.has {
			return
		}
		res.Buckets++
		v, ok := b.metric(r.Metric)
		if !ok || !domain.Compare(v, r.Op, r.Threshold) {
			closeRun()
			return
		}
		if inRun && b.idx == runLast+1 {
			runLast++
			runLen++
			if r.Op == "<" || r.Op == "<=" {
				peak = min(peak, v)
			} else {
				peak = max(peak, v)
			}
			return
		}
		closeRun()
		inRun, runStart, runLast, runLen, peak = true, b.idx, b.idx, 1, v
	}
	for p := range points {
		idx := floorDiv(p.At.Unix(), step)
		if cur.has && idx != cur.idx {
			settle(&cur)
			cur = rbBucket{}
		}
		if !cur.has {
			cur = rbBucket{idx: idx, has: true, min: math.Inf(1), max: math.Inf(-1)}
		}
		total := p.Total
		if total == 0 && p.Good > 0 {
			total = p.Good
		}
		cur.good += p.Good
		cur.total += total
		cur.sum += p.Value
		cur.n++
		cur.min, cur.max = min(cur.min, p.Value), max(cur.max, p.Value)
	}
	settle(&cur)
	closeRun()
	res.Held = len(res.Spans) > 0
	return res
}

// Rollback evaluates a rollback rule over a feed's stored points between
// from and to.
func Rollback(in Input, feed string, r RollbackRule, from, to time.Time) (RollbackResult, error) {
	if in.Workspace.Feed(feed) == nil {
		return RollbackResult{}, fmt.Errorf("feed %q does not exist", feed)
	}
	seq, errOf := Stream(in.Source, feed, from, to)
	res := EvaluateRollback(feed, r, seq)
	return res, errOf()
}

// RollbackQuery evaluates a rule over a feed between From and To (empty: all data).
type RollbackQuery struct {
	Feed string `json:"feed"`
	Rule string `json:"rule"`
	From string `json:"from"`
	To   string `json:"to"`
}

// Ask evaluates q as of now; read gives the input at now once q is sound.
func (q RollbackQuery) Ask(now time.Time, read func(time.Time) (Input, error)) (RollbackResult, error) {
	rule, err := ParseRollbackRule(q.Rule)
	if err != nil {
		return RollbackResult{}, err
	}
	from, to := time.Unix(0, 0).UTC(), now.AddDate(10, 0, 0)
	if q.From != "" {
		if from, err = ParseTime(q.From); err != nil {
			return RollbackResult{}, err
		}
	}
	if q.To != "" {
		if to, err = ParseTime(q.To); err != nil {
			return RollbackResult{}, err
		}
	}
	in, err := read(now)
	if err != nil {
		return RollbackResult{}, err
	}
	return Rollback(in, q.Feed, rule, from, to)
}
