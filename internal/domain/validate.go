package domain

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // zones resolve the same on every machine
	"unicode"
	"unicode/utf8"
)

// Problem is one thing wrong with a definition.
type Problem struct {
	Kind  Kind   `json:"kind"`
	Name  string `json:"name"`
	Field string `json:"field"`
	Msg   string `json:"message"`
}

func (p Problem) Error() string {
	if p.Field == "" {
		return fmt.Sprintf("%s/%s: %s", p.Kind, p.Name, p.Msg)
	}
	return fmt.Sprintf("%s/%s: %s: %s", p.Kind, p.Name, p.Field, p.Msg)
}

func fieldIndex(list string, i int, sub string) string {
	f := fmt.Sprintf("%s[%d]", list, i)
	if sub != "" {
		f += "." + sub
	}
	return f
}

type checker struct {
	d        Definition
	problems []Problem
}

func (c *checker) add(field, format string, args ...any) {
	c.problems = append(c.problems, Problem{c.d.Kind(), c.d.Name(), field, fmt.Sprintf(format, args...)})
}

var namePattern = regexp.MustCompile(`^[a-z0-9]([a-z0-9._-]{0,62}[a-z0-9])?$`)

// LoadZone resolves an IANA time zone name; empty means UTC.
func LoadZone(name string) (*time.Location, error) {
	if name == "" || name == "UTC" {
		return time.UTC, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil || strings.EqualFold(name, "local") {
		return nil, fmt.Errorf("unknown time zone %q (use an IANA name such as Europe/Berlin)", name)
	}
	return loc, nil
}

func (c *checker) zone(field, name string, required bool) {
	if name == "" {
		if required {
			c.add(field, "is required (an IANA time zone such as Europe/Berlin)")
		}
		return
	}
	if _, err := LoadZone(name); err != nil {
		c.add(field, "%v", err)
	}
}

func (c *checker) oneOf(field, v string, allowed ...string) {
	if v != "" && !slices.Contains(allowed, v) {
		c.add(field, "%q is not one of %s", v, strings.Join(allowed, ", "))
	}
}

func (c *checker) date(field, v string) {
	if v == "" {
		return
	}
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		c.add(field, "%q is not a date (write YYYY-MM-DD)", v)
	}
}

func (c *checker) fraction(field string, v float64, what string) {
	if math.IsNaN(v) || v < 0 || v > 1 {
		c.add(field, "%v is outside 0..1 for %s (write 99.5%% as 0.995)", v, what)
	}
}

// Ops are the comparison operators objectives and thresholds accept.
var Ops = []string{"<=", "<", ">=", ">"}

// Compare applies op (one of Ops) to a and b.
func Compare(a float64, op string, b float64) bool {
	switch op {
	case "<=":
		return a <= b
	case "<":
		return a < b
	case ">=":
		return a >= b
	case ">":
		return a > b
	}
	return false
}

// Validate checks one definition on its own (no references).
func Validate(d Definition) []Problem {
	c := &checker{d: d}
	if d.Name() == "" {
		c.add("metadata.name", "is required")
	} else if !namePattern.MatchString(d.Name()) {
		c.add("metadata.name", "%q must be lower-case letters, digits, '.', '_' or '-' (at most 64)", d.Name())
	}
	switch d := d.(type) {
	case *Service:
		c.oneOf("spec.criticality", d.Spec.Criticality, "low", "medium", "high", "critical")
	case *Supplier:
		if m := d.Spec.Maturity; m != nil && (*m < 0 || *m > 5) {
			c.add("spec.maturity", "%v is outside 0..5", *m)
		}
		if d.Spec.Contingency != nil {
			c.contingency(d.Spec.Contingency)
		}
	case *Calendar:
		c.calendar(&d.Spec)
	case *Feed:
		c.feed(&d.Spec)
	case *SLT:
		c.slt(&d.Spec)
	case *Contract:
		c.contract(&d.Spec)
	case *MaintenanceWindow:
		c.maintenance(&d.Spec)
	case *NamingConvention:
		c.naming(&d.Spec)
	case *SLTTemplate:
		c.sltTemplate(&d.Spec)
	case *MaturityModel:
		c.maturityModel(&d.Spec)
	case *MaturityAssessment:
		c.maturityAssessment(&d.Spec)
	case *Integration:
		c.integration(&d.Spec)
	}
	return c.problems
}

func (c *checker) calendar(s *CalendarSpec) {
	c.zone("spec.timeZone", s.TimeZone, true)
	open := false
	for _, day := range Weekdays {
		ranges := s.Hours.Day(day)
		field := "spec.hours." + WeekdayKey(day)
		var prev MinuteRange
		for i, r := range ranges {
			mr, err := ParseRange(r)
			if err != nil {
				c.add(fieldIndex(field, i, ""), "%v", err)
				continue
			}
			if i > 0 && mr.From < prev.To {
				c.add(fieldIndex(field, i, ""), "%q overlaps or precedes the range before it (list ranges in order)", r)
			}
			prev, open = mr, true
		}
	}
	if !open {
		c.add("spec.hours", "no working hours on any day")
	}
	seen := map[string]bool{}
	for i, h := range s.Holidays {
		c.date(fieldIndex("spec.holidays", i, "date"), h.Date)
		if seen[h.Date] {
			c.add(fieldIndex("spec.holidays", i, "date"), "%s is listed twice", h.Date)
		}
		seen[h.Date] = true
	}
}

// TimeLayouts names the symbolic timestamp layouts a mapping may use.
var TimeLayouts = []string{"rfc3339", "iso-local", "excel", "unix", "unix-ms"}

func (c *checker) feed(s *FeedSpec) {
	if s.Shape == "" {
		c.add("spec.shape", "is required (value, counts, event or item)")
	}
	c.oneOf("spec.shape", s.Shape, ShapeValue, ShapeCounts, ShapeEvent, ShapeItem)
	if s.Interval < 0 {
		c.add("spec.interval", "must not be negative")
	}
	c.zone("spec.timeZone", s.TimeZone, false)
	c.unit("spec.unit", s.Unit)
	if m := s.Mapping; m != nil && m.TimeLayout != "" && !slices.Contains(TimeLayouts, m.TimeLayout) && !strings.ContainsAny(m.TimeLayout, "0123456789") {
		c.add("spec.mapping.timeLayout", "%q is not one of %s, nor a Go layout such as 02/01/2006 15:04", m.TimeLayout, strings.Join(TimeLayouts, ", "))
	}
}

// maxUnit is the longest unit: units follow every figure ("298 ms"), so they stay short.
const maxUnit = 16

// unit checks a unit of measure: short text that reads after a number.
func (c *checker) unit(field, u string) {
	switch {
	case u == "":
	case strings.TrimSpace(u) != u:
		c.add(field, "%q has spaces around it", u)
	case utf8.RuneCountInString(u) > maxUnit:
		c.add(field, "%q is longer than %d characters (a unit reads after every figure: ms, s, items, EUR)", u, maxUnit)
	case strings.IndexFunc(u, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0:
		c.add(field, "%q has characters that do not print", u)
	case strings.IndexFunc(u, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' && r != '-' }) < 0:
		c.add(field, "%q is a number, not a unit (write ms, s, items, EUR)", u)
	}
}

var statisticPattern = regexp.MustCompile(`^(mean|median|min|max|p(\d{1,2}(\.\d+)?))$`)

// ValidPeriod reports whether p is day, week, month, quarter, year or rolling:Nd.
func ValidPeriod(p string) bool {
	switch p {
	case "day", "week", "month", "quarter", "year":
		return true
	}
	n, ok := strings.CutPrefix(p, "rolling:")
	if !ok {
		return false
	}
	days, ok := strings.CutSuffix(n, "d")
	v, err := strconv.Atoi(days)
	return ok && err == nil && v > 0 && v <= 366
}

// RatioLike reports whether an SLT's attainment is a share in 0..1.
func (s *SLTSpec) RatioLike() bool {
	return s.Composite != nil || s.Indicator == nil || s.Indicator.Kind != IndicatorStatistic
}

// ObjectiveOp is the objective's op, or its default (>= for shares, <= for statistics).
func (s *SLTSpec) ObjectiveOp(op string) string {
	if op != "" {
		return op
	}
	if s.RatioLike() {
		return ">="
	}
	return "<="
}

func (c *checker) target(field, op string, target float64, s *SLTSpec) {
	if op != "" && !slices.Contains(Ops, op) {
		c.add(strings.TrimSuffix(field, "target")+"op", "%q is not one of %s", op, strings.Join(Ops, " "))
	}
	if s.RatioLike() {
		what := "a share"
		if s.Indicator != nil {
			what = "the " + s.Indicator.Kind + " indicator"
		}
		c.fraction(field, target, what)
	} else if math.IsNaN(target) || math.IsInf(target, 0) {
		c.add(field, "must be a number")
	}
}

func (c *checker) slt(s *SLTSpec) {
	if s.Service == "" {
		c.add("spec.service", "is required")
	}
	if s.Type == "" {
		c.add("spec.type", "is required (SLA, OLA or UC)")
	}
	c.oneOf("spec.type", s.Type, TypeSLA, TypeOLA, TypeUC)
	c.zone("spec.timeZone", s.TimeZone, false)
	if s.Period == "" {
		c.add("spec.period", "is required (day, week, month, quarter, year or rolling:Nd)")
	} else if !ValidPeriod(s.Period) {
		c.add("spec.period", "%q is not day, week, month, quarter, year or rolling:Nd", s.Period)
	}
	switch {
	case s.Indicator == nil && s.Composite == nil:
		c.add("spec.indicator", "is required (or spec.composite for a composite SLT)")
	case s.Indicator != nil && s.Composite != nil:
		c.add("spec.composite", "an SLT has either an indicator or a composite, not both")
	case s.Indicator != nil:
		c.indicator(s.Indicator)
		if s.Feed == "" {
			c.add("spec.feed", "is required for an SLT with an indicator")
		}
	case s.Composite != nil:
		if len(s.Composite.Components) < 2 {
			c.add("spec.composite.components", "a composite needs at least two components")
		}
		if strings.TrimSpace(s.Composite.Rationale) == "" {
			c.add("spec.composite.rationale", "is required: write why the weights are what they are")
		}
		for i, comp := range s.Composite.Components {
			if comp.Weight <= 0 || math.IsNaN(comp.Weight) {
				c.add(fieldIndex("spec.composite.components", i, "weight"), "must be greater than 0")
			}
		}
	}
	if len(s.Tiers) == 0 {
		c.target("spec.objective.target", s.Objective.Op, s.Objective.Target, s)
	} else {
		if s.Calendar != "" {
			c.add("spec.calendar", "a tiered SLT sets a calendar per tier, not spec.calendar")
		}
		names := map[string]bool{}
		for i, t := range s.Tiers {
			if t.Name == "" {
				c.add(fieldIndex("spec.tiers", i, "name"), "is required")
			} else if names[t.Name] {
				c.add(fieldIndex("spec.tiers", i, "name"), "%q is used twice", t.Name)
			}
			names[t.Name] = true
			c.target(fieldIndex("spec.tiers", i, "target"), t.Op, t.Target, s)
		}
	}
	for i, e := range s.Escalation {
		if e.Level != i+1 {
			c.add(fieldIndex("spec.escalation", i, "level"), "is %d; levels must count up from 1", e.Level)
		}
		if e.Authority == "" {
			c.add(fieldIndex("spec.escalation", i, "authority"), "is required (who decides at this level)")
		}
	}
	if s.Review != nil {
		c.oneOf("spec.review.cycle", s.Review.Cycle, "monthly", "quarterly", "half-yearly", "yearly")
		c.date("spec.review.nextReview", s.Review.NextReview)
		c.review(s.Review)
	}
	c.loopFields(s)
	if s.ImpactWeight < 0 {
		c.add("spec.impactWeight", "must not be negative")
	}
	if s.CostPerBadMinute < 0 {
		c.add("spec.costPerBadMinute", "must not be negative")
	}
	if s.RCAAfter < 0 {
		c.add("spec.rcaAfter", "must not be negative")
	}
	c.supplyComponents(s)
	c.ciList("spec.cis", s.CIs)
}

func (c *checker) indicator(in *Indicator) {
	const f = "spec.indicator."
	c.oneOf(f+"kind", in.Kind, IndicatorRatio, IndicatorThreshold, IndicatorStatistic, IndicatorAvailability, IndicatorDuration)
	if in.Op != "" && !slices.Contains(Ops, in.Op) {
		c.add(f+"op", "%q is not one of %s", in.Op, strings.Join(Ops, " "))
	}
	switch in.Kind {
	case "":
		c.add(f+"kind", "is required (ratio, threshold, statistic, availability or duration)")
	case IndicatorThreshold:
		if in.Op == "" || in.Threshold == nil {
			c.add(f+"threshold", "a threshold indicator needs op and threshold (a row is good when value op threshold)")
		}
	case IndicatorStatistic:
		if !statisticPattern.MatchString(in.Statistic) {
			c.add(f+"statistic", "%q is not mean, median, min, max or pNN (e.g. p95, p99.9)", in.Statistic)
		}
	case IndicatorAvailability:
		if in.Slice < 0 || (in.Slice > 0 && in.Slice.D()%time.Second != 0) {
			c.add(f+"slice", "must be a whole number of seconds")
		}
		if in.SliceTarget != nil {
			c.fraction(f+"sliceTarget", *in.SliceTarget, "a slice target")
		}
		if (in.Op == "") != (in.Threshold == nil) {
			c.add(f+"threshold", "a probe value needs both op and threshold")
		}
		c.oneOf(f+"missing", in.Missing, "good", "bad", "exclude")
	case IndicatorDuration:
		if in.Goal <= 0 {
			c.add(f+"goal", "a duration indicator needs a goal greater than 0 (e.g. 8h)")
		}
	}
}

// FeedShapes lists the feed shapes each indicator kind can read.
var FeedShapes = map[string][]string{
	IndicatorRatio:        {ShapeCounts, ShapeEvent},
	IndicatorThreshold:    {ShapeValue},
	IndicatorStatistic:    {ShapeValue},
	IndicatorAvailability: {ShapeEvent, ShapeValue},
	IndicatorDuration:     {ShapeItem},
}

func (c *checker) contract(s *ContractSpec) {
	if s.Supplier == "" {
		c.add("spec.supplier", "is required")
	}
	if s.SLT == "" {
		c.add("spec.slt", "is required (the SLT whose attainment sets credits)")
	}
	if s.ChargePerPeriod < 0 {
		c.add("spec.chargePerPeriod", "must not be negative")
	}
	for i, t := range s.CreditTiers {
		c.fraction(fieldIndex("spec.creditTiers", i, "below"), t.Below, "an attainment")
		if t.Credit < 0 || t.Credit > 100 {
			c.add(fieldIndex("spec.creditTiers", i, "credit"), "%v is outside 0..100 percent", t.Credit)
		}
	}
	for i, t := range s.EarnBack {
		c.fraction(fieldIndex("spec.earnBack", i, "above"), t.Above, "an attainment")
		if t.Incentive < 0 || t.Incentive > 100 {
			c.add(fieldIndex("spec.earnBack", i, "incentive"), "%v is outside 0..100 percent", t.Incentive)
		}
	}
	if s.Cap < 0 || s.Cap > 100 {
		c.add("spec.cap", "%v is outside 0..100 percent", s.Cap)
	}
	if s.IncentiveCap < 0 || s.IncentiveCap > 100 {
		c.add("spec.incentiveCap", "%v is outside 0..100 percent", s.IncentiveCap)
	}
}

func (c *checker) maintenance(s *MaintenanceSpec) {
	if s.RegisteredAt.IsZero() {
		c.add("spec.registeredAt", "is required (when the window was registered; only windows registered before they start are excluded)")
	}
	oneOff := !s.Start.IsZero() || !s.End.IsZero()
	switch {
	case oneOff && s.Recurrence != nil:
		c.add("spec.recurrence", "a window is either one-off (start/end) or recurring, not both")
	case oneOff:
		if s.Start.IsZero() || s.End.IsZero() {
			c.add("spec.end", "a one-off window needs both start and end")
		} else if !s.End.After(s.Start) {
			c.add("spec.end", "must be after start")
		}
	case s.Recurrence != nil:
		r := s.Recurrence
		const f = "spec.recurrence."
		c.oneOf(f+"freq", r.Freq, "daily", "weekly", "monthly")
		if r.Freq == "" {
			c.add(f+"freq", "is required (daily, weekly or monthly)")
		}
		if r.Freq == "weekly" && len(r.Days) == 0 {
			c.add(f+"days", "a weekly window needs days (mon..sun)")
		}
		for i, d := range r.Days {
			if _, ok := ParseWeekday(d); !ok {
				c.add(fieldIndex(f+"days", i, ""), "%q is not a weekday (mon..sun)", d)
			}
		}
		if r.Freq == "monthly" && (r.DayOfMonth < 1 || r.DayOfMonth > 28) {
			c.add(f+"dayOfMonth", "must be 1..28")
		}
		if _, err := ParseClock(r.At); err != nil {
			c.add(f+"at", "%v", err)
		}
		if r.Duration <= 0 {
			c.add(f+"duration", "must be greater than 0")
		} else if r.Duration.D() > 7*24*time.Hour {
			c.add(f+"duration", "must be at most 7 days")
		}
		c.zone(f+"timeZone", r.TimeZone, false)
		c.date(f+"from", r.From)
		c.date(f+"until", r.Until)
	default:
		c.add("spec.start", "a window needs start and end, or a recurrence")
	}
}

// ValidateAll checks every definition on its own and against the others:
// references resolve, feeds fit indicators, tiers do not overlap, composites have no cycles.
func (w *Workspace) ValidateAll() []Problem {
	var problems []Problem
	for _, d := range w.Everything() {
		problems = append(problems, Validate(d)...)
		c := &checker{d: d}
		for _, r := range References(d) {
			if !w.Has(r.Kind, r.Name) {
				c.add(r.Field, "refers to %s %q, which does not exist", r.Kind, r.Name)
			}
		}
		if s, ok := d.(*SLT); ok {
			w.checkSLT(c, s)
		}
		if f, ok := d.(*Feed); ok && f.Spec.CalibrateAgainst != "" {
			w.checkReference(c, f)
		}
		if a, ok := d.(*MaturityAssessment); ok {
			w.checkAssessment(c, a)
		}
		w.checkNaming(c, d)
		if m, ok := d.(*Contract); ok && m.Spec.SLT != "" {
			if s := w.SLT(m.Spec.SLT); s != nil && !s.Spec.RatioLike() {
				c.add("spec.slt", "%q is a statistic SLT; credits need a share (ratio, threshold, availability, duration or composite)", m.Spec.SLT)
			}
		}
		problems = append(problems, c.problems...)
	}
	return problems
}

func (w *Workspace) checkSLT(c *checker, s *SLT) {
	if in := s.Spec.Indicator; in != nil {
		if f := w.Feed(s.Spec.Feed); f != nil && FeedShapes[in.Kind] != nil && !slices.Contains(FeedShapes[in.Kind], f.Spec.Shape) {
			c.add("spec.feed", "feed %q has shape %q; a %s indicator reads %s", f.Name(), f.Spec.Shape, in.Kind, strings.Join(FeedShapes[in.Kind], " or "))
		}
		if f := w.Feed(s.Spec.Feed); f != nil && in.Kind == IndicatorStatistic && s.Spec.Composite == nil && f.Spec.Unit == "" {
			c.add("spec.feed", "feed %q has no unit; a statistic and its target are shown in the feed's unit: set spec.unit on feed %s (e.g. ms)", f.Name(), f.Name())
		}
	}
	if len(s.Spec.Tiers) > 1 {
		w.checkTierOverlap(c, s)
	}
	if s.Spec.Composite != nil && w.compositeCycle(s.Name(), s.Name(), map[string]bool{}) {
		c.add("spec.composite.components", "the composite refers back to itself")
	}
	if len(s.Spec.Components) > 0 {
		w.checkSupplyChain(c, s)
	}
	w.checkLoop(c, s)
}

// checkReference: a feed is calibrated against another feed of the same shape
// and unit (comparing latency in ms with latency in s, or counts with events,
// would report a difference of units, not of measurement).
func (w *Workspace) checkReference(c *checker, f *Feed) {
	ref := w.Feed(f.Spec.CalibrateAgainst)
	switch {
	case f.Spec.CalibrateAgainst == f.Name():
		c.add("spec.calibrateAgainst", "a feed cannot be its own reference")
	case ref == nil:
		// reported as a dangling reference
	case ref.Spec.Shape != f.Spec.Shape:
		c.add("spec.calibrateAgainst", "reference feed %q has shape %q, this feed %q (they must measure alike)", ref.Name(), ref.Spec.Shape, f.Spec.Shape)
	case ref.Spec.Unit != f.Spec.Unit:
		c.add("spec.calibrateAgainst", "reference feed %q has unit %q, this feed %q (they must measure alike)", ref.Name(), ref.Spec.Unit, f.Spec.Unit)
	case f.Spec.Shape == ShapeItem:
		c.add("spec.calibrateAgainst", "item feeds are not time series; only value, counts and event feeds can be calibrated")
	}
}

func (w *Workspace) compositeCycle(root, name string, seen map[string]bool) bool {
	s := w.SLT(name)
	if s == nil || s.Spec.Composite == nil || seen[name] {
		return false
	}
	seen[name] = true
	for _, comp := range s.Spec.Composite.Components {
		if comp.SLT == root || w.compositeCycle(root, comp.SLT, seen) {
			return true
		}
	}
	return false
}

// checkTierOverlap refuses tiers whose calendars share working time: every unit
// of time must count toward one tier at most.
func (w *Workspace) checkTierOverlap(c *checker, s *SLT) {
	type span struct {
		tier int
		zone string
		week [7][]MinuteRange
	}
	var spans []span
	for i, t := range s.Spec.Tiers {
		sp := span{tier: i, zone: "UTC"}
		if cal := w.Calendar(t.Calendar); cal != nil {
			sp.zone = cal.Spec.TimeZone
			for d, day := range Weekdays {
				for _, r := range cal.Spec.Hours.Day(day) {
					if mr, err := ParseRange(r); err == nil {
						sp.week[d] = append(sp.week[d], mr)
					}
				}
			}
		} else if t.Calendar == "" {
			for d := range sp.week {
				sp.week[d] = []MinuteRange{{0, 24 * 60}}
			}
		}
		spans = append(spans, sp)
	}
	for i := range spans {
		for j := i + 1; j < len(spans); j++ {
			a, b := spans[i], spans[j]
			if a.zone != b.zone && s.Spec.Tiers[a.tier].Calendar != "" && s.Spec.Tiers[b.tier].Calendar != "" {
				c.add(fieldIndex("spec.tiers", b.tier, "calendar"), "tier calendars must share one time zone (%s vs %s)", a.zone, b.zone)
				continue
			}
			for d := range a.week {
				if day, ok := overlap(a.week[d], b.week[d]); ok {
					c.add(fieldIndex("spec.tiers", b.tier, "calendar"), "tier %q overlaps tier %q on %s %s", s.Spec.Tiers[b.tier].Name, s.Spec.Tiers[a.tier].Name, WeekdayKey(Weekdays[d]), day)
					return
				}
			}
		}
	}
}

func overlap(a, b []MinuteRange) (string, bool) {
	for _, x := range a {
		for _, y := range b {
			if x.From < y.To && y.From < x.To {
				return MinuteRange{max(x.From, y.From), min(x.To, y.To)}.String(), true
			}
		}
	}
	return "", false
}
