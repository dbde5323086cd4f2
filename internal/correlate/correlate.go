// Package correlate looks for leading indicators in stored data: the daily
// series of a feed or an SLT against another's, cross-correlated over lags
// of whole days, with the best lag, its coefficient and p-value (allowing
// for the number of lags tried) and a sentence a manager can read ("parcel
// backlog rises 2 days before parcels on time falls"). The pairs a user
// keeps are an SLT's spec.leads; the prediction engine reads the same
// field (PredictLeads). docs/improvement.md states the method.
package correlate

import (
	"fmt"
	"math"
	"strings"
	"time"

	"slate/internal/compliance"
	"slate/internal/daily"
	"slate/internal/domain"
	"slate/internal/predict"
	"slate/internal/stats"
)

// MinPairs is the fewest days a lag must pair up to be computed.
const MinPairs = 10

// Ref names a daily series: a feed, or an SLT (optionally one tier).
type Ref struct {
	Feed string `json:"feed,omitempty"`
	SLT  string `json:"slt,omitempty"`
	Tier string `json:"tier,omitempty"`
	// Inverse marks a feed whose lower values are the worse ones.
	Inverse bool `json:"inverse,omitempty"`
}

func (r Ref) String() string {
	if r.Feed != "" {
		return "feed:" + r.Feed
	}
	if r.Tier != "" {
		return "slt:" + r.SLT + "/" + r.Tier
	}
	return "slt:" + r.SLT
}

// ParseRef reads "feed:NAME", "slt:NAME", "slt:NAME/TIER" or a bare name
// (an SLT or a feed; when both exist the prefix is required).
func ParseRef(ws *domain.Workspace, s string) (Ref, error) {
	s = strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, "feed:"):
		name := strings.TrimPrefix(s, "feed:")
		if ws.Feed(name) == nil {
			return Ref{}, fmt.Errorf("feed %q does not exist", name)
		}
		return Ref{Feed: name}, nil
	case strings.HasPrefix(s, "slt:"):
		name, tier, _ := strings.Cut(strings.TrimPrefix(s, "slt:"), "/")
		sl := ws.SLT(name)
		if sl == nil {
			return Ref{}, fmt.Errorf("SLT %q does not exist", name)
		}
		if tier != "" && !hasTier(sl, tier) {
			return Ref{}, fmt.Errorf("SLT %s has no tier %q", name, tier)
		}
		return Ref{SLT: name, Tier: tier}, nil
	}
	isSLT, isFeed := ws.SLT(s) != nil, ws.Feed(s) != nil
	switch {
	case isSLT && isFeed:
		return Ref{}, fmt.Errorf("%q is both an SLT and a feed: write slt:%s or feed:%s", s, s, s)
	case isSLT:
		return Ref{SLT: s}, nil
	case isFeed:
		return Ref{Feed: s}, nil
	}
	return Ref{}, fmt.Errorf("%q is neither an SLT nor a feed", s)
}

func hasTier(s *domain.SLT, tier string) bool {
	for _, t := range s.Spec.Tiers {
		if t.Name == tier {
			return true
		}
	}
	return false
}

// Series describes one series of a correlation.
type Series struct {
	Ref            string `json:"ref"`
	Name           string `json:"name"`
	Measure        string `json:"measure"`
	Unit           string `json:"unit"`
	HigherIsBetter bool   `json:"higher_is_better"`
	Days           int    `json:"days"`
}

// Lag is the correlation at one lag: lead on day d against lag on day d + Lag.
type Lag struct {
	Lag int      `json:"lag"`
	N   int      `json:"n"`
	R   *float64 `json:"r"`
	P   *float64 `json:"p_value"`
}

// Result is one cross-correlation.
type Result struct {
	Lead Series `json:"lead"`
	Lag  Series `json:"lag"`
	Zone string `json:"zone"`
	// From and To bound the days both series have.
	From   string `json:"from,omitempty"`
	To     string `json:"to,omitempty"`
	Days   int    `json:"days"`
	MaxLag int    `json:"max_lag"`
	// Detrended: a straight line was taken out of each series first.
	Detrended bool  `json:"detrended"`
	Lags      []Lag `json:"lags"`
	// Tested is how many lags had enough pairs; PAdjusted is the best lag's
	// p-value times Tested (Bonferroni, at most 1): the chance that the
	// strongest of that many lags looks this strong by chance alone.
	Tested      int      `json:"lags_tested"`
	BestLag     *int     `json:"best_lag"`
	R           *float64 `json:"r"`
	PValue      *float64 `json:"p_value"`
	PAdjusted   *float64 `json:"p_adjusted"`
	Significant bool     `json:"significant"`
	// Leads is true when the lead series leads: significant at a lag > 0.
	Leads    bool   `json:"leads"`
	Sentence string `json:"sentence"`
}

// Correlate cross-correlates the daily series of lead and lag over lags
// −maxLag..maxLag days (maxLag 0: 14). A positive best lag means the lead
// series moves first.
func Correlate(in compliance.Input, lead, lag Ref, maxLag int) (Result, error) {
	if maxLag == 0 {
		maxLag = int(domain.DefaultMaxLag.Hours() / 24)
	}
	if maxLag < 1 || maxLag > domain.MaxLagDays {
		return Result{}, fmt.Errorf("the longest lag must be 1 to %d days, not %d", domain.MaxLagDays, maxLag)
	}
	ws := in.Workspace
	for _, r := range []Ref{lead, lag} {
		if _, err := ParseRef(ws, r.String()); err != nil {
			return Result{}, err
		}
	}
	if lead.String() == lag.String() {
		return Result{}, fmt.Errorf("%s cannot lead itself", lead)
	}
	loc := alignZone(ws, lead, lag)
	ev := compliance.NewEvaluator(in)
	a, err := read(ev, lead, loc)
	if err != nil {
		return Result{}, err
	}
	b, err := read(ev, lag, loc)
	if err != nil {
		return Result{}, err
	}
	res := Result{Lead: side(ws, lead, a), Lag: side(ws, lag, b), Zone: loc.String(), MaxLag: maxLag, Detrended: true, Lags: []Lag{}}
	x, y := detrend(a), detrend(b)
	lo, hi := math.MaxInt, math.MinInt
	for d := range x {
		if _, ok := y[d]; ok {
			res.Days++
			lo, hi = min(lo, d), max(hi, d)
		}
	}
	if res.Days > 0 {
		res.From, res.To = compliance.DayKey(lo), compliance.DayKey(hi)
	}
	best := -1
	var bestP float64
	for k := -maxLag; k <= maxLag; k++ {
		var xs, ys []float64
		for d, v := range x {
			if w, ok := y[d+k]; ok {
				xs, ys = append(xs, v), append(ys, w)
			}
		}
		l := Lag{Lag: k, N: len(xs)}
		if len(xs) >= MinPairs {
			if c, err := stats.Pearson(xs, ys); err == nil {
				r, p := c.R, c.P
				l.R, l.P = &r, &p
				res.Tested++
				if best < 0 || math.Abs(r) > math.Abs(*res.Lags[best].R) || (math.Abs(r) == math.Abs(*res.Lags[best].R) && abs(k) < abs(res.Lags[best].Lag)) {
					best, bestP = len(res.Lags), p
				}
			}
		}
		res.Lags = append(res.Lags, l)
	}
	if best < 0 {
		res.Sentence = fmt.Sprintf("Not enough data: %s and %s share %d days; every lag needs at least %d pairs of days.", res.Lead.Name, res.Lag.Name, res.Days, MinPairs)
		return res, nil
	}
	bl := res.Lags[best]
	k, r := bl.Lag, *bl.R
	adj := math.Min(1, bestP*float64(res.Tested))
	res.BestLag, res.R, res.PValue, res.PAdjusted = &k, &r, &bestP, &adj
	res.Significant = adj < 0.05
	res.Leads = res.Significant && k > 0
	res.Sentence = sentence(res)
	return res, nil
}

// alignZone: the lag SLT's zone, else the lead SLT's, else a feed's, else UTC.
func alignZone(ws *domain.Workspace, lead, lag Ref) *time.Location {
	for _, r := range []Ref{lag, lead} {
		if s := ws.SLT(r.SLT); s != nil {
			if loc, err := daily.ZoneOf(s); err == nil {
				return loc
			}
		}
	}
	for _, r := range []Ref{lag, lead} {
		if f := ws.Feed(r.Feed); f != nil && f.Spec.TimeZone != "" {
			if loc, err := domain.LoadZone(f.Spec.TimeZone); err == nil {
				return loc
			}
		}
	}
	return time.UTC
}

func read(ev *compliance.Evaluator, r Ref, loc *time.Location) (daily.Series, error) {
	if r.SLT != "" {
		return daily.SLT(ev, r.SLT, r.Tier)
	}
	s, err := daily.Feed(ev.In, r.Feed, loc)
	if err != nil {
		return s, err
	}
	s.HigherIsBetter = r.Inverse
	return s, nil
}

func side(ws *domain.Workspace, r Ref, s daily.Series) Series {
	name := r.SLT + r.Feed
	if sl := ws.SLT(r.SLT); sl != nil && sl.Metadata.DisplayName != "" {
		name = sl.Metadata.DisplayName
	}
	if f := ws.Feed(r.Feed); f != nil && f.Metadata.DisplayName != "" {
		name = f.Metadata.DisplayName
	}
	if r.Tier != "" {
		name += " (tier " + r.Tier + ")"
	}
	return Series{Ref: r.String(), Name: name, Measure: s.Measure, Unit: s.Unit, HigherIsBetter: s.HigherIsBetter, Days: len(s.Values)}
}

// detrend takes the least-squares line through (day, value) out of a
// series: two series that both drift over the year correlate at every lag,
// which says nothing about which one moves first.
func detrend(s daily.Series) map[int]float64 {
	out := make(map[int]float64, len(s.Values))
	n := float64(len(s.Values))
	if n == 0 {
		return out
	}
	var mx, my float64
	for _, v := range s.Values {
		mx += float64(v.Day)
		my += v.Value
	}
	mx, my = mx/n, my/n
	var sxx, sxy float64
	for _, v := range s.Values {
		dx := float64(v.Day) - mx
		sxx += dx * dx
		sxy += dx * (v.Value - my)
	}
	slope := 0.0
	if sxx > 0 {
		slope = sxy / sxx
	}
	for _, v := range s.Values {
		out[v.Day] = v.Value - my - slope*(float64(v.Day)-mx)
	}
	return out
}

func abs(k int) int {
	if k < 0 {
		return -k
	}
	return k
}

func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

func pText(p float64) string {
	if p < 0.001 {
		return "p < 0.001"
	}
	return fmt.Sprintf("p = %.3f", p)
}

// sentence says what the best lag means, with the direction of good and bad.
func sentence(r Result) string {
	k, coef := *r.BestLag, *r.R
	figures := fmt.Sprintf("r = %s, %s after trying %d lags, %d days", strings.Replace(fmt.Sprintf("%.2f", coef), "-", "−", 1), pText(*r.PAdjusted), r.Tested, r.Days)
	lead := strings.TrimSpace(r.Lead.Name + " (" + r.Lead.Measure + ")")
	lag := strings.TrimSpace(r.Lag.Name + " (" + r.Lag.Measure + ")")
	if !r.Significant {
		return fmt.Sprintf("No reliable link between %s and %s: the strongest, at a lag of %s, is what chance gives when %d lags are tried (%s).", lead, lag, days(k), r.Tested, figures)
	}
	move := "rises"
	if coef < 0 {
		move = "falls"
	}
	switch {
	case k == 0:
		return fmt.Sprintf("%s and %s move together on the same day (%s): linked, but neither leads.", lead, lag, figures)
	case k < 0:
		return fmt.Sprintf("%s moves %s before %s (%s): it is the other way round, %s leads.", lag, days(-k), lead, figures, r.Lag.Name)
	}
	s := fmt.Sprintf("%s rises %s before %s %s (%s)", lead, days(k), lag, move, figures)
	leadRiseWorse := !r.Lead.HigherIsBetter
	lagMoveWorse := (coef > 0) != r.Lag.HigherIsBetter
	if leadRiseWorse == lagMoveWorse {
		return s + fmt.Sprintf(": a leading indicator, %s gets worse %s after %s does.", r.Lag.Name, days(k), r.Lead.Name)
	}
	return s + ": but the later move is for the better, so it does not warn of misses."
}

// Pair is a lead an SLT keeps in spec.leads.
type Pair struct {
	SLT    string `json:"slt"`
	Lead   Ref    `json:"lead"`
	MaxLag int    `json:"max_lag"`
}

// Pairs lists every kept pair of the workspace (one SLT's when slt is set).
func Pairs(ws *domain.Workspace, slt string) []Pair {
	var out []Pair
	for _, s := range ws.SLTs() {
		if slt != "" && s.Name() != slt {
			continue
		}
		for _, l := range s.Spec.Leads {
			out = append(out, Pair{SLT: s.Name(), Lead: Ref{Feed: l.Feed, SLT: l.SLT, Inverse: l.Inverse}, MaxLag: l.LagDays()})
		}
	}
	return out
}

// KeptPairs correlates the kept pairs (of one SLT, or all): what the SLT
// page shows for the feeds the user paired with it.
func KeptPairs(in compliance.Input, slt string) ([]Result, error) {
	if slt != "" && in.Workspace.SLT(slt) == nil {
		return nil, fmt.Errorf("SLT %q does not exist", slt)
	}
	out := []Result{}
	for _, p := range Pairs(in.Workspace, slt) {
		r, err := Correlate(in, p.Lead, Ref{SLT: p.SLT}, p.MaxLag)
		if err != nil {
			return nil, fmt.Errorf("SLT %s, lead %s: %w", p.SLT, p.Lead, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// PredictLeads turns the workspace's feed leads into the prediction
// engine's lead indicators (predict.SourceOptions.Leads). Leads that name
// another SLT are not a feed the engine can read and are left out.
func PredictLeads(ws *domain.Workspace) map[string][]predict.Lead {
	out := map[string][]predict.Lead{}
	for _, p := range Pairs(ws, "") {
		if p.Lead.Feed != "" {
			out[p.SLT] = append(out[p.SLT], predict.Lead{Feed: p.Lead.Feed, Inverse: p.Lead.Inverse})
		}
	}
	return out
}

// ByName cross-correlates two series named as ParseRef reads them (the
// leading one first), up to maxLag days apart (0: 14).
func ByName(in compliance.Input, lead, lag string, maxLag int) (Result, error) {
	if maxLag < 0 || maxLag > 90 {
		return Result{}, fmt.Errorf("max lag %d days: give 1 to 90 days (0: 14)", maxLag)
	}
	l, err := ParseRef(in.Workspace, lead)
	if err != nil {
		return Result{}, fmt.Errorf("lead: %w", err)
	}
	g, err := ParseRef(in.Workspace, lag)
	if err != nil {
		return Result{}, fmt.Errorf("lag: %w", err)
	}
	return Correlate(in, l, g, maxLag)
}
