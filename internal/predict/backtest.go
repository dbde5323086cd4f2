package predict

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
	"time"

	"slate/internal/plain"
	"slate/internal/report"
	"slate/internal/stats"
)

// Horizons: which period a forecast is about.
const (
	Current = 0 // the period in progress at the decision time
	Next    = 1 // the period after it
)

// HorizonName is "current" or "next".
func HorizonName(h int) string {
	if h == Next {
		return "next"
	}
	return "current"
}

const (
	// MinTrainPoints labelled decision points, among them MinTrainPeriods
	// missed periods and as many met ones, before a model is fitted.
	MinTrainPoints  = 30
	MinTrainPeriods = 3
	// MinDecisionPoints scored decision points make a track record.
	MinDecisionPoints = 100
	// RefitEvery: the model is refitted when new outcomes have arrived, at
	// most every two weeks of decision time.
	RefitEvery = 14 * 24 * time.Hour
	// Alpha is the significance level of "the model is better than the baseline".
	Alpha = 0.05
	// DefaultLambda is the L2 penalty, in units of periods: each training
	// point weighs 1/(points of its period), so a period counts once.
	DefaultLambda = 10
)

// Options tune Backtest and Predict.
type Options struct {
	// From is the first decision point scored (zero: as soon as a model can
	// be fitted).
	From time.Time
	// At is the forecast time of Predict (zero: History.Now()).
	At time.Time
	// Bins is the number of reliability bins (default 10).
	Bins int
	// Lambda is the L2 penalty in units of periods (0: DefaultLambda).
	Lambda float64
}

// Report is the track record of one horizon: how the forecasts made at past
// decision points, each from what was known then, compare with what happened.
type Report struct {
	Horizon string `json:"horizon"`
	Status  string `json:"status"` // ok or insufficient
	Message string `json:"message,omitempty"`
	// The first and last decision points scored.
	From           time.Time `json:"from"`
	To             time.Time `json:"to"`
	DecisionPoints int       `json:"decision_points"`
	Targets        int       `json:"targets"`
	// Periods are the labelled (SLT, tier, period) outcomes the scored points
	// forecast; Missed of them were missed; Events counts the decision points
	// whose period was missed.
	Periods int `json:"periods"`
	Missed  int `json:"missed_periods"`
	Events  int `json:"events"`
	Refits  int `json:"refits"`
	// Model and Baseline are scored on the same points. Climatology is the
	// Brier score of always forecasting the training miss rate.
	Model       Scores       `json:"model"`
	Baseline    Scores       `json:"baseline"`
	Climatology report.Float `json:"brier_climatology"`
	// Skill = 1 − Brier(model)/Brier(baseline); SkillP is the one-sided
	// p-value that the model is no better (a z-test on the per-point Brier
	// differences with variance clustered by period).
	Skill  report.Float `json:"skill"`
	SkillP report.Float `json:"skill_p"`
	// Use is the forecast Slate shows: "model" when it is significantly
	// better than the baseline, else "baseline".
	Use     string `json:"use"`
	Verdict string `json:"verdict"`
}

// Scores are the accuracy figures of one forecast.
type Scores struct {
	Brier       report.Float `json:"brier"`
	AUC         report.Float `json:"auc"`
	Reliability []Bin        `json:"reliability"`
}

// Bin is one row of a reliability table.
type Bin struct {
	From      float64      `json:"from"`
	To        float64      `json:"to"`
	N         int          `json:"n"`
	Events    int          `json:"events"`
	Predicted report.Float `json:"predicted"`
	Observed  report.Float `json:"observed"`
}

// point is one decision point: a target at a decision time.
type point struct {
	target int
	at     time.Time
	x      []float64
	d      Decision
	// label per horizon: the period forecast and its final outcome
	// (1 missed, 0 met, −1 unknown: no data, or not over yet).
	label [2]label
}

type label struct {
	period  Period
	y       int8
	cluster int // numbers (target, period) pairs: the points that share an outcome
}

// extract computes every decision point of every target: each local
// midnight from the start of its first complete period to the last local
// midnight at or before now, the features from a View at that time.
func extract(h History, now time.Time) ([]Target, []point) {
	targets := h.Targets()
	per := make([][]point, len(targets))
	var wg sync.WaitGroup
	work := make(chan int)
	for range max(1, min(runtime.GOMAXPROCS(0), len(targets))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				per[i] = targetPoints(h, i, targets[i], now)
			}
		}()
	}
	for i := range targets {
		work <- i
	}
	close(work)
	wg.Wait()
	var all []point
	ids := map[[2]string]int{}
	for _, ps := range per {
		for _, p := range ps {
			for hz := range p.label {
				k := [2]string{targets[p.target].ID(), p.label[hz].period.Key}
				id, ok := ids[k]
				if !ok {
					id = len(ids)
					ids[k] = id
				}
				p.label[hz].cluster = id
			}
			all = append(all, p)
		}
	}
	return targets, all
}

func targetPoints(h History, i int, t Target, now time.Time) []point {
	final := h.Periods(t, now)
	outcome := make(map[string]int8, len(final))
	for _, o := range final {
		if o.Met != nil && !o.End.After(now) {
			outcome[o.Key] = 0
			if !*o.Met {
				outcome[o.Key] = 1
			}
		}
	}
	y := func(p Period) int8 {
		if v, ok := outcome[p.Key]; ok {
			return v
		}
		return -1
	}
	last := dayStart(now, t.Loc)
	first := last
	if len(final) > 0 {
		first = dayStart(final[0].Start, t.Loc)
	}
	base := NewView(h, t, first)
	var out []point
	for at, n := first, 0; !at.After(last); n++ {
		v := base
		v.At = at
		x, d := Extract(v)
		out = append(out, point{target: i, at: at, x: x, d: d,
			label: [2]label{{period: d.Period, y: y(d.Period)}, {period: d.Next, y: y(d.Next)}}})
		at = addDays(first, n+1, t.Loc)
	}
	return out
}

// fitted is the state of the walk at one time: the model and the baseline's
// class frequencies, all from labels known then.
type fitted struct {
	model    *Model
	climRate float64
	at       time.Time
}

type scored struct {
	model, base, clim float64
	y                 float64
	target, cluster   int
	at                time.Time
}

// walk runs the walk-forward backtest of one horizon over the points.
func walk(h History, targets []Target, pts []point, hz int, o Options) ([]scored, int) {
	order := make([]int, len(pts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return pts[a].at.Compare(pts[b].at) })
	var cand []int
	for i, p := range pts {
		if p.label[hz].y >= 0 {
			cand = append(cand, i)
		}
	}
	slices.SortStableFunc(cand, func(a, b int) int { return pts[a].label[hz].period.End.Compare(pts[b].label[hz].period.End) })
	var train []int
	var cur *fitted
	var out []scored
	refits, ci, dirty := 0, 0, false
	for _, i := range order {
		p := &pts[i]
		for ci < len(cand) && !pts[cand[ci]].label[hz].period.End.After(p.at) {
			train = append(train, cand[ci])
			ci++
			dirty = true
		}
		if dirty && (cur == nil || cur.model == nil || p.at.Sub(cur.at) >= RefitEvery) {
			dirty = false
			if f := fitAt(h, targets, pts, train, hz, p.at, o, cur); f != nil {
				cur = f
				refits++
			}
		}
		if cur == nil || p.label[hz].y < 0 || p.at.Before(o.From) {
			continue
		}
		lb := p.label[hz]
		out = append(out, scored{model: cur.model.Prob(p.x), base: cur.model.Baseline(p.x), clim: cur.climRate,
			y: float64(lb.y), target: p.target, cluster: lb.cluster, at: p.at})
	}
	return out, refits
}

// fitAt fits the model and the baseline on the training points whose labels
// are known at time at, each label as it was known then. It returns nil
// while there are too few of them.
func fitAt(h History, targets []Target, pts []point, train []int, hz int, at time.Time, o Options, prev *fitted) *fitted {
	known := make([][]Outcome, len(targets))
	asked := make([]bool, len(targets))
	lookup := func(t int, p Period) int8 {
		if !asked[t] {
			known[t], asked[t] = h.Periods(targets[t], at), true
		}
		ps := known[t]
		i := sort.Search(len(ps), func(i int) bool { return !ps[i].Start.Before(p.Start) })
		if i == len(ps) || ps[i].Key != p.Key || ps[i].Met == nil || ps[i].End.After(at) {
			return -1
		}
		if *ps[i].Met {
			return 0
		}
		return 1
	}
	x := make([][]float64, 0, len(train))
	y := make([]float64, 0, len(train))
	cl := make([]int, 0, len(train))
	size := map[int]float64{}
	var missed, met int
	for _, i := range train {
		p := &pts[i]
		v := lookup(p.target, p.label[hz].period)
		if v < 0 {
			continue
		}
		x = append(x, p.x)
		y = append(y, float64(v))
		c := p.label[hz].cluster
		cl = append(cl, c)
		if size[c] == 0 {
			if v == 1 {
				missed++
			} else {
				met++
			}
		}
		size[c]++
	}
	if len(x) < MinTrainPoints || missed < MinTrainPeriods || met < MinTrainPeriods {
		return nil
	}
	w := make([]float64, len(cl))
	for i, c := range cl {
		w[i] = 1 / size[c]
	}
	lambda := o.Lambda
	if lambda == 0 {
		lambda = DefaultLambda
	}
	var start *Model
	if prev != nil && prev.model != nil {
		start = prev.model
	}
	m, err := Fit(x, y, w, lambda, start)
	if err != nil {
		return nil
	}
	f := &fitted{model: &m, at: at}
	f.climRate = (float64(m.Events) + 1) / (float64(len(y)) + 2)
	return f
}

// Backtest runs the walk-forward backtest of one horizon (Current or Next)
// over every target of h up to h.Now(). Decision points are the local
// midnights of each target's zone. At each one, in time order, the model is
// refitted (when outcomes have arrived since the last fit, at most weekly)
// on the decision points whose period had ended by then, with labels as
// known then; it then forecasts the point, and the baseline does too. Only
// points whose period has an outcome by Now are scored. With fewer than
// MinDecisionPoints scored points, or no missed or no met period among
// them, the report says "not enough data" and the error is a
// *stats.NotEnoughData.
func Backtest(h History, horizon int, o Options) (Report, error) {
	targets, pts := extract(h, h.Now())
	return backtest(h, targets, pts, horizon, o)
}

func backtest(h History, targets []Target, pts []point, hz int, o Options) (Report, error) {
	if o.Bins == 0 {
		o.Bins = 10
	}
	sc, refits := walk(h, targets, pts, hz, o)
	r := Report{Horizon: HorizonName(hz), Refits: refits, Use: "baseline",
		Model: emptyScores(), Baseline: emptyScores(), Climatology: report.NaN, Skill: report.NaN, SkillP: report.NaN}
	clusters := map[int]float64{}
	tset := map[int]bool{}
	for _, s := range sc {
		clusters[s.cluster] = s.y
		tset[s.target] = true
		if s.y == 1 {
			r.Events++
		}
	}
	r.DecisionPoints, r.Periods, r.Targets = len(sc), len(clusters), len(tset)
	for _, y := range clusters {
		if y == 1 {
			r.Missed++
		}
	}
	if len(sc) > 0 {
		r.From, r.To = sc[0].at, sc[0].at
		for _, s := range sc {
			if s.at.Before(r.From) {
				r.From = s.at
			}
			if s.at.After(r.To) {
				r.To = s.at
			}
		}
	}
	var err error
	switch {
	case len(sc) < MinDecisionPoints:
		err = &stats.NotEnoughData{Have: len(sc), Need: MinDecisionPoints, What: "decision points"}
	case r.Missed == 0:
		err = &stats.NotEnoughData{Have: 0, Need: 1, What: "missed periods among the decision points"}
	case r.Missed == r.Periods:
		err = &stats.NotEnoughData{Have: 0, Need: 1, What: "met periods among the decision points"}
	}
	if err != nil {
		r.Status, r.Message = "insufficient", err.Error()
		r.Verdict = "No track record yet: " + err.Error() + ". Slate shows no probability until it can say how often it was right."
		return r, err
	}
	r.Status = "ok"
	pm, pb, pc, y := make([]float64, len(sc)), make([]float64, len(sc)), make([]float64, len(sc)), make([]float64, len(sc))
	for i, s := range sc {
		pm[i], pb[i], pc[i], y[i] = s.model, s.base, s.clim, s.y
	}
	r.Model = scores(pm, y, o.Bins)
	r.Baseline = scores(pb, y, o.Bins)
	bc, _ := stats.Brier(pc, y)
	r.Climatology = report.Float(bc)
	bm, bb := float64(r.Model.Brier), float64(r.Baseline.Brier)
	if bb > 0 {
		r.Skill = report.Float(1 - bm/bb)
	}
	r.SkillP = report.Float(skillP(sc))
	if r.Skill.Valid() && r.Skill > 0 && r.SkillP.Valid() && r.SkillP < Alpha {
		r.Use = "model"
	}
	r.Verdict = verdict(r)
	return r, nil
}

func emptyScores() Scores { return Scores{Brier: report.NaN, AUC: report.NaN, Reliability: []Bin{}} }

func scores(p, y []float64, bins int) Scores {
	s := emptyScores()
	b, _ := stats.Brier(p, y)
	s.Brier = report.Float(b)
	if a, err := stats.AUC(p, y); err == nil {
		s.AUC = report.Float(a)
	}
	rel, _ := stats.Reliability(p, y, bins)
	for _, r := range rel {
		s.Reliability = append(s.Reliability, Bin{From: r.From, To: r.To, N: r.N, Events: r.Events,
			Predicted: report.Float(r.Predicted), Observed: report.Float(r.Observed)})
	}
	return s
}

// skillP is the one-sided p-value of "the model's Brier score is no better
// than the baseline's": dᵢ = (baseᵢ − yᵢ)² − (modelᵢ − yᵢ)², d̄ = Σd/N, with
// the cluster-robust variance V = C/(C − 1)·Σ_c(D_c − N_c·d̄)²/N² over the C
// periods (D_c, N_c: the sum of d and the count in period c), z = d̄/√V,
// p = 1 − Φ(z). Decision points of one period share its outcome, so they are
// not independent; clustering by period accounts for that.
func skillP(sc []scored) float64 {
	type acc struct{ d, n float64 }
	byC := map[int]*acc{}
	var sum float64
	for _, s := range sc {
		d := (s.base-s.y)*(s.base-s.y) - (s.model-s.y)*(s.model-s.y)
		a := byC[s.cluster]
		if a == nil {
			a = &acc{}
			byC[s.cluster] = a
		}
		a.d += d
		a.n++
		sum += d
	}
	n, c := float64(len(sc)), float64(len(byC))
	if c < 2 {
		return math.NaN()
	}
	mean := sum / n
	var v float64
	for _, a := range byC {
		e := a.d - a.n*mean
		v += e * e
	}
	v = c / (c - 1) * v / (n * n)
	if v <= 0 {
		if mean > 0 {
			return 0
		}
		return 1
	}
	return 0.5 * math.Erfc(mean/math.Sqrt(v)/math.Sqrt2)
}

func pct(v report.Float) string { return fmt.Sprintf("%.0f%%", 100*float64(v)) }

func verdict(r Report) string {
	span := fmt.Sprintf("%s in %s (%s missed)", plain.Counted(r.DecisionPoints, "decision point", "decision points"),
		plain.Counted(r.Periods, "period", "periods"), plain.Int(r.Missed))
	if r.Use == "model" {
		return fmt.Sprintf("The model beats the baseline: Brier score %.3f against %.3f (skill %s, %s) and AUC %.2f, over %s.",
			float64(r.Model.Brier), float64(r.Baseline.Brier), pct(r.Skill), plain.P(float64(r.SkillP)), float64(r.Model.AUC), span)
	}
	return fmt.Sprintf("The model is not better than the baseline (Brier score %.3f against %.3f, skill %s, %s) over %s; Slate shows the baseline: the burn rate so far projected to the period end, with the hit rate it had in the past.",
		float64(r.Model.Brier), float64(r.Baseline.Brier), pct(r.Skill), plain.P(float64(r.SkillP)), span)
}
