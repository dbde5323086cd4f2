package manifest

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"slate/internal/domain"
)

// OpenSLO v1 documents as far as Slate maps them. Unknown fields are refused
// like in Slate's own documents, so nothing is dropped unnoticed.
type osService struct {
	Description string `yaml:"description"`
}

type osMetricSource struct {
	MetricSourceRef string         `yaml:"metricSourceRef"`
	Type            string         `yaml:"type"`
	Spec            map[string]any `yaml:"spec"`
}

type osMetric struct {
	MetricSource osMetricSource `yaml:"metricSource"`
}

type osRatio struct {
	Counter bool      `yaml:"counter"`
	Good    *osMetric `yaml:"good"`
	Bad     *osMetric `yaml:"bad"`
	Total   *osMetric `yaml:"total"`
	RawType string    `yaml:"rawType"`
	Raw     *osMetric `yaml:"raw"`
}

type osSLISpec struct {
	Description     string    `yaml:"description"`
	ThresholdMetric *osMetric `yaml:"thresholdMetric"`
	RatioMetric     *osRatio  `yaml:"ratioMetric"`
}

type osInlineSLI struct {
	Metadata domain.Meta `yaml:"metadata"`
	Spec     osSLISpec   `yaml:"spec"`
}

type osTimeWindow struct {
	Duration  string `yaml:"duration"`
	IsRolling bool   `yaml:"isRolling"`
	Calendar  *struct {
		StartTime string `yaml:"startTime"`
		TimeZone  string `yaml:"timeZone"`
	} `yaml:"calendar"`
}

type osObjective struct {
	DisplayName     string   `yaml:"displayName"`
	Op              string   `yaml:"op"`
	Value           *float64 `yaml:"value"`
	Target          *float64 `yaml:"target"`
	TargetPercent   *float64 `yaml:"targetPercent"`
	TimeSliceTarget *float64 `yaml:"timeSliceTarget"`
	TimeSliceWindow string   `yaml:"timeSliceWindow"`
}

type osSLOSpec struct {
	Description     string         `yaml:"description"`
	Service         string         `yaml:"service"`
	Indicator       *osInlineSLI   `yaml:"indicator"`
	IndicatorRef    string         `yaml:"indicatorRef"`
	TimeWindow      []osTimeWindow `yaml:"timeWindow"`
	BudgetingMethod string         `yaml:"budgetingMethod"`
	Objectives      []osObjective  `yaml:"objectives"`
	AlertPolicies   []yaml.Node    `yaml:"alertPolicies"`
}

// maxOpenSLODescription is OpenSLO's limit on description length.
const maxOpenSLODescription = 1050

// sli is an OpenSLO SLI reduced to what an SLT needs.
type sli struct {
	feed  *domain.Feed
	ratio bool
}

// mapOpenSLO maps Service, SLI and SLO documents onto Services, Feeds and SLTs.
// SLIs become feeds (their metric sources are kept as notes: Slate reads data
// from imported files); each SLO objective becomes an SLT.
func mapOpenSLO(docs []rawDoc, existing *domain.Workspace) ([]Entry, Problems) {
	var entries []Entry
	var problems Problems
	slis := map[string]sli{}
	// SLIs first, so SLOs can refer to SLIs written later in the file.
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].kind == "SLI" && docs[j].kind != "SLI" })
	for _, raw := range docs {
		meta := domain.Meta{}
		if ps := decodeStrict(raw, "metadata", raw.metadata, &meta); len(ps) > 0 {
			problems = append(problems, ps...)
			continue
		}
		switch raw.kind {
		case "Service":
			var spec osService
			if ps := decodeSpec(raw, &spec); len(ps) > 0 {
				problems = append(problems, ps...)
				continue
			}
			if p := checkDescription(raw, spec.Description); p != nil {
				problems = append(problems, *p)
				continue
			}
			meta.Description = spec.Description
			entries = append(entries, Entry{&domain.Service{Metadata: meta}, raw.src})
		case "SLI":
			var spec osSLISpec
			if ps := decodeSpec(raw, &spec); len(ps) > 0 {
				problems = append(problems, ps...)
				continue
			}
			s, p := mapSLI(raw, "spec", meta, spec)
			if p != nil {
				problems = append(problems, *p)
				continue
			}
			slis[meta.Name] = s
			entries = append(entries, Entry{s.feed, raw.src})
		case "SLO":
			var spec osSLOSpec
			if ps := decodeSpec(raw, &spec); len(ps) > 0 {
				problems = append(problems, ps...)
				continue
			}
			es, ps := mapSLO(raw, meta, spec, slis, existing)
			entries = append(entries, es...)
			problems = append(problems, ps...)
		default:
			problems = append(problems, raw.problem("kind", "OpenSLO %s cannot be mapped: Slate maps Service, SLI and SLO documents (data comes from imported files, alerts from Slate's burn-rate rules)", raw.kind))
		}
	}
	return entries, problems
}

func decodeSpec(raw rawDoc, out any) Problems {
	if raw.spec == nil {
		return Problems{raw.problem("spec", "is required")}
	}
	return decodeStrict(raw, "spec", raw.spec, out)
}

func checkDescription(raw rawDoc, d string) *Problem {
	if len([]rune(d)) > maxOpenSLODescription {
		p := raw.problem("spec.description", "is %d characters; OpenSLO allows at most %d", len([]rune(d)), maxOpenSLODescription)
		return &p
	}
	return nil
}

func mapSLI(raw rawDoc, field string, meta domain.Meta, spec osSLISpec) (sli, *Problem) {
	fail := func(f, format string, args ...any) (sli, *Problem) {
		p := raw.problem(f, format, args...)
		return sli{}, &p
	}
	if p := checkDescription(raw, spec.Description); p != nil {
		return sli{}, p
	}
	feed := &domain.Feed{Metadata: meta}
	var notes []string
	out := sli{feed: feed}
	switch {
	case spec.ThresholdMetric != nil && spec.RatioMetric != nil:
		return fail(field, "an SLI has thresholdMetric or ratioMetric, not both")
	case spec.ThresholdMetric != nil:
		feed.Spec.Shape = domain.ShapeValue
		feed.Spec.Mapping = &domain.Mapping{Time: "timestamp", Value: "value"}
		notes = append(notes, "value: "+describeSource(spec.ThresholdMetric))
	case spec.RatioMetric != nil:
		r := spec.RatioMetric
		out.ratio = true
		feed.Spec.Shape = domain.ShapeCounts
		switch {
		case r.Raw != nil:
			return fail(field+".ratioMetric.raw", "raw ratio metrics (a precomputed ratio) cannot be mapped: import good and total counts instead")
		case r.Total == nil:
			return fail(field+".ratioMetric.total", "is required")
		case r.Good != nil && r.Bad != nil:
			// Reading one and dropping the other would judge the SLT on a
			// numerator its author may not have meant.
			return fail(field+".ratioMetric", "has both good and bad: OpenSLO v1 takes one numerator (good or bad) with total; remove the one that is not meant")
		case r.Good != nil:
			feed.Spec.Mapping = &domain.Mapping{Time: "timestamp", Good: "good", Total: "total"}
			notes = append(notes, "good: "+describeSource(r.Good))
		case r.Bad != nil:
			feed.Spec.Mapping = &domain.Mapping{Time: "timestamp", Bad: "bad", Total: "total"}
			notes = append(notes, "bad: "+describeSource(r.Bad))
		default:
			return fail(field+".ratioMetric", "needs good or bad")
		}
		notes = append(notes, "total: "+describeSource(r.Total))
	default:
		return fail(field, "an SLI needs thresholdMetric or ratioMetric")
	}
	desc := strings.TrimSpace(spec.Description)
	if desc != "" {
		desc += "\n"
	}
	feed.Metadata.Description = desc + "OpenSLO metric sources (kept as notes; import the data as files): " + strings.Join(notes, "; ")
	return out, nil
}

// describeSource keeps a metric source's type, reference and query, never credentials.
func describeSource(m *osMetric) string {
	parts := []string{}
	if m.MetricSource.Type != "" {
		parts = append(parts, m.MetricSource.Type)
	}
	if m.MetricSource.MetricSourceRef != "" {
		parts = append(parts, "source "+m.MetricSource.MetricSourceRef)
	}
	if q, ok := m.MetricSource.Spec["query"]; ok {
		parts = append(parts, fmt.Sprintf("query %v", q))
	}
	if len(parts) == 0 {
		return "unspecified"
	}
	return strings.Join(parts, ", ")
}

var windowPattern = regexp.MustCompile(`^(\d+)([mhdwMQY])$`)

// mapWindow turns an OpenSLO time window into a Slate period.
func mapWindow(w osTimeWindow) (period string, note string, err error) {
	m := windowPattern.FindStringSubmatch(w.Duration)
	if m == nil {
		return "", "", fmt.Errorf("%q is not an OpenSLO duration (e.g. 28d, 1w, 1M)", w.Duration)
	}
	n, _ := strconv.Atoi(m[1])
	unit := m[2]
	if unit == "m" || unit == "h" {
		return "", "", fmt.Errorf("%q is shorter than a day; Slate's shortest period is a day", w.Duration)
	}
	if w.IsRolling {
		days := map[string]int{"d": 1, "w": 7, "M": 30, "Q": 91, "Y": 365}[unit] * n
		if unit != "d" && unit != "w" {
			note = fmt.Sprintf("OpenSLO rolling window %s is mapped to a rolling %d-day window.", w.Duration, days)
		}
		if days > 366 {
			return "", "", fmt.Errorf("rolling window %q is longer than 366 days", w.Duration)
		}
		return fmt.Sprintf("rolling:%dd", days), note, nil
	}
	if n != 1 {
		return "", "", fmt.Errorf("calendar window %q cannot be mapped: Slate's calendar periods are 1d, 1w, 1M, 1Q or 1Y", w.Duration)
	}
	period = map[string]string{"d": "day", "w": "week", "M": "month", "Q": "quarter", "Y": "year"}[unit]
	if w.Calendar != nil && w.Calendar.StartTime != "" {
		note = fmt.Sprintf("OpenSLO calendar start %s: Slate aligns %s periods to calendar boundaries in the SLT's time zone.", w.Calendar.StartTime, period)
	}
	return period, note, nil
}

var osOps = map[string]string{"lt": "<", "lte": "<=", "gt": ">", "gte": ">="}

func mapSLO(raw rawDoc, meta domain.Meta, spec osSLOSpec, slis map[string]sli, existing *domain.Workspace) ([]Entry, Problems) {
	var problems Problems
	fail := func(field, format string, args ...any) {
		problems = append(problems, raw.problem(field, format, args...))
	}
	if p := checkDescription(raw, spec.Description); p != nil {
		return nil, Problems{*p}
	}
	var entries []Entry
	var ind sli
	switch {
	case spec.Indicator != nil && spec.IndicatorRef != "":
		fail("spec.indicatorRef", "an SLO has indicator or indicatorRef, not both")
	case spec.Indicator != nil:
		s, p := mapSLI(raw, "spec.indicator.spec", spec.Indicator.Metadata, spec.Indicator.Spec)
		if p != nil {
			return nil, Problems{*p}
		}
		ind = s
		entries = append(entries, Entry{s.feed, raw.src})
	case spec.IndicatorRef != "":
		if s, ok := slis[spec.IndicatorRef]; ok {
			ind = s
		} else if f := existingFeed(existing, spec.IndicatorRef); f != nil {
			ind = sli{feed: f, ratio: f.Spec.Shape == domain.ShapeCounts || f.Spec.Shape == domain.ShapeEvent}
		} else {
			fail("spec.indicatorRef", "refers to SLI %q, which is not in this file nor a feed of the workspace", spec.IndicatorRef)
		}
	default:
		fail("spec.indicator", "is required (or indicatorRef)")
	}
	if len(spec.TimeWindow) != 1 {
		fail("spec.timeWindow", "needs exactly one time window")
	}
	if len(spec.Objectives) == 0 {
		fail("spec.objectives", "needs at least one objective")
	}
	if len(problems) > 0 {
		return nil, problems
	}
	period, note, err := mapWindow(spec.TimeWindow[0])
	if err != nil {
		return nil, Problems{raw.problem("spec.timeWindow[0].duration", "%v", err)}
	}
	var notes []string
	if note != "" {
		notes = append(notes, note)
	}
	notes = append(notes, "Imported from OpenSLO: the SLT type (SLA/OLA/UC) is not part of OpenSLO and was set to OLA; review it.")
	if len(spec.AlertPolicies) > 0 {
		names := make([]string, len(spec.AlertPolicies))
		for i, n := range spec.AlertPolicies {
			names[i] = n.Value
			if n.Kind == yaml.MappingNode {
				names[i] = "(inline policy)"
			}
		}
		notes = append(notes, "OpenSLO alert policies "+strings.Join(names, ", ")+" are replaced by Slate's multiwindow burn-rate alerts.")
	}
	zone := ""
	if c := spec.TimeWindow[0].Calendar; c != nil {
		zone = c.TimeZone
	}
	if spec.Description != "" {
		meta.Description = spec.Description
	}
	for i, o := range spec.Objectives {
		field := fmt.Sprintf("spec.objectives[%d]", i)
		slt := &domain.SLT{Metadata: meta}
		if len(spec.Objectives) > 1 {
			slt.Metadata.Name = fmt.Sprintf("%s-%d", meta.Name, i+1)
			if o.DisplayName != "" {
				slt.Metadata.DisplayName = o.DisplayName
			}
		}
		s := &slt.Spec
		s.Service, s.Feed, s.Type, s.Period, s.TimeZone = spec.Service, ind.feed.Name(), domain.TypeOLA, period, zone
		s.Assumptions = &domain.Assumptions{Notes: notes}
		switch {
		case o.Target != nil && o.TargetPercent != nil:
			fail(field, "has target and targetPercent; give one")
			continue
		case o.Target != nil:
			s.Objective.Target = *o.Target
		case o.TargetPercent != nil:
			s.Objective.Target = *o.TargetPercent / 100
		default:
			fail(field+".target", "is required")
			continue
		}
		op := ""
		if o.Op != "" {
			if op = osOps[o.Op]; op == "" {
				fail(field+".op", "%q is not lt, lte, gt or gte", o.Op)
				continue
			}
		}
		in := &domain.Indicator{}
		s.Indicator = in
		switch method := spec.BudgetingMethod; {
		case method == "Occurrences" && ind.ratio:
			in.Kind = domain.IndicatorRatio
		case method == "Occurrences":
			if o.Value == nil || op == "" {
				fail(field, "a threshold SLI with Occurrences needs op and value")
				continue
			}
			in.Kind, in.Op, in.Threshold = domain.IndicatorThreshold, op, o.Value
		case method == "Timeslices" && !ind.ratio:
			if o.Value == nil || op == "" {
				fail(field, "Timeslices need op and value (when a probe value is good)")
				continue
			}
			in.Kind, in.Op, in.Threshold = domain.IndicatorAvailability, op, o.Value
			in.SliceTarget = o.TimeSliceTarget
			if o.TimeSliceWindow != "" {
				d, err := domain.ParseDuration(o.TimeSliceWindow)
				if err != nil {
					fail(field+".timeSliceWindow", "%v", err)
					continue
				}
				in.Slice = d
			}
		case method == "Timeslices" || method == "RatioTimeslices":
			fail("spec.budgetingMethod", "%s over a ratio SLI cannot be mapped: Slate's time slices read probe events or values; use Occurrences", method)
			continue
		default:
			fail("spec.budgetingMethod", "%q is not Occurrences, Timeslices or RatioTimeslices", method)
			continue
		}
		entries = append(entries, Entry{slt, raw.src})
	}
	return entries, problems
}

func existingFeed(w *domain.Workspace, name string) *domain.Feed {
	if w == nil {
		return nil
	}
	return w.Feed(name)
}
