package calibrate

import (
	"fmt"
	"time"

	"slate/internal/compliance"
	"slate/internal/domain"
	"slate/internal/plain"
	"slate/internal/report"
)

// Request selects a calibration.
type Request struct {
	Feed string
	// From and To bound the points compared, [From, To); zero From means all
	// data, zero To the input's evaluation time.
	From, To time.Time
	// Bucket is the alignment bucket (default: the larger of the two feeds'
	// intervals, 1h when neither has one); Tolerance how far a neighbouring
	// reference bucket may be paired (default 0: the same bucket only).
	Bucket, Tolerance time.Duration
	Options
}

// Report is a feed compared with its reference.
type Report struct {
	Feed             string     `json:"feed"`
	Reference        string     `json:"reference"`
	Shape            string     `json:"shape"`
	Unit             string     `json:"unit"`
	From             time.Time  `json:"from"`
	To               time.Time  `json:"to"`
	BucketSeconds    int64      `json:"bucket_seconds"`
	ToleranceSeconds int64      `json:"tolerance_seconds"`
	Alignment        Alignment  `json:"alignment"`
	Result           Result     `json:"result"`
	Attainment       []Attained `json:"attainment"`
}

// Attained is one period of one SLT (or tier) on the feed, computed once from
// the feed and once from the reference with the same definition.
type Attained struct {
	SLT      string    `json:"slt"`
	Tier     string    `json:"tier,omitempty"`
	Period   string    `json:"period"`
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
	Complete bool      `json:"complete"`
	// Kind is the indicator kind and Unit the statistic's unit (empty for a
	// share); Op and Target the period's objective.
	Kind          string       `json:"kind"`
	Unit          string       `json:"unit,omitempty"`
	Op            string       `json:"op"`
	Target        report.Float `json:"target"`
	FromFeed      report.Float `json:"from_feed"`
	FromReference report.Float `json:"from_reference"`
	Difference    report.Float `json:"difference"` // feed − reference
	MetFeed       *bool        `json:"met_feed"`
	MetReference  *bool        `json:"met_reference"`
	// Verdicts differ: one source says met, the other missed.
	Differs bool `json:"verdicts_differ"`
}

// Feed calibrates a feed against the reference its spec names
// (spec.calibrateAgainst): it reads both over [From, To) through in.Source,
// aligns and compares them, classifies buckets at the rule of every SLT that
// reads the feed, and evaluates those SLTs from both feeds with the
// compliance engine (same calendars, exclusions and tiers).
func Feed(in compliance.Input, r Request) (Report, error) {
	ws := in.Workspace
	fd := ws.Feed(r.Feed)
	if fd == nil {
		return Report{}, fmt.Errorf("feed %q does not exist", r.Feed)
	}
	refName := fd.Spec.CalibrateAgainst
	if refName == "" {
		return Report{}, fmt.Errorf("feed %s has no reference: set spec.calibrateAgainst to the feed that measures the same quantity", r.Feed)
	}
	ref := ws.Feed(refName)
	if ref == nil {
		return Report{}, fmt.Errorf("feed %s: reference feed %q does not exist", r.Feed, refName)
	}
	if fd.Spec.Shape == domain.ShapeItem || ref.Spec.Shape != fd.Spec.Shape {
		return Report{}, fmt.Errorf("feed %s (%s) cannot be calibrated against %s (%s): both must be value, counts or event feeds of one shape", r.Feed, fd.Spec.Shape, refName, ref.Spec.Shape)
	}
	if r.To.IsZero() {
		r.To = in.At
	}
	allData := r.From.IsZero()
	if allData {
		r.From = time.Unix(0, 0).UTC()
	}
	if !r.From.Before(r.To) {
		return Report{}, domain.FieldErrorf("to", "the end %s is not after the start %s", r.To.Format(time.RFC3339), r.From.Format(time.RFC3339))
	}
	if r.Bucket == 0 {
		r.Bucket = max(fd.Spec.Interval.D(), ref.Spec.Interval.D())
		if r.Bucket == 0 {
			r.Bucket = time.Hour
		}
	}
	if r.Bucket < time.Second || r.Tolerance < 0 {
		return Report{}, fmt.Errorf("bucket must be at least 1s and tolerance not negative")
	}
	read := func(feed string) ([]domain.Point, error) {
		var pts []domain.Point
		err := in.Source(feed, r.From, r.To, func(p domain.Point) error {
			pts = append(pts, p)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read feed %s: %w", feed, err)
		}
		return pts, nil
	}
	fp, err := read(r.Feed)
	if err != nil {
		return Report{}, err
	}
	rp, err := read(refName)
	if err != nil {
		return Report{}, err
	}
	rep := Report{Feed: r.Feed, Reference: refName, Shape: fd.Spec.Shape, Unit: fd.Spec.Unit, From: r.From.UTC(), To: r.To.UTC(),
		BucketSeconds: int64(r.Bucket / time.Second), ToleranceSeconds: int64(r.Tolerance / time.Second), Attainment: []Attained{}}
	rep.Alignment = Align(fd.Spec.Shape, fp, rp, r.Bucket, r.Tolerance)
	if allData && len(rep.Alignment.Pairs) > 0 {
		first := rep.Alignment.Pairs[0].Start
		for _, p := range rep.Alignment.Pairs {
			if p.Start.Before(first) {
				first = p.Start
			}
		}
		rep.From = first.UTC()
	}
	if r.Format == nil {
		r.Format = DiffFormat(fd.Spec.Shape, fd.Spec.Unit)
	}
	var slts []*domain.SLT
	for _, s := range ws.SLTs() {
		if s.Spec.Feed == r.Feed && s.Spec.Indicator != nil {
			slts = append(slts, s)
		}
	}
	rep.Result, err = Compare(rep.Alignment.Pairs, Classifiers(slts), r.Options)
	if err != nil {
		return rep, err
	}
	in.At = r.To
	for _, s := range slts {
		rows, err := attainment(in, s, refName, r.From, r.To)
		if err != nil {
			return rep, err
		}
		rep.Attainment = append(rep.Attainment, rows...)
	}
	return rep, nil
}

// DiffFormat writes a difference of two feeds of a shape: in the unit for
// value feeds ("12.4 ms"), in percentage points for the shares of counts and
// event feeds ("-0.05 pp").
func DiffFormat(shape, unit string) func(float64) string {
	if shape == domain.ShapeValue {
		return func(v float64) string { return plain.Quantity(v, unit) }
	}
	return plain.Points
}

// Classifiers gives the good/bad rule of each SLT on a bucket's value: the
// indicator's threshold where it has one (threshold SLTs, availability probes
// with a value), an availability slice's target (all probes good unless
// sliceTarget says otherwise), or else the objective (ratio SLTs: the share
// of good units; statistic SLTs: the bucket's mean against the target).
// Duration SLTs read items and have none.
func Classifiers(slts []*domain.SLT) []Classifier {
	var out []Classifier
	for _, s := range slts {
		in := s.Spec.Indicator
		switch {
		case in == nil || in.Kind == domain.IndicatorDuration:
		case in.Threshold != nil && in.Op != "":
			out = append(out, Classifier{Name: s.Name(), Rule: "indicator threshold", Op: in.Op, Threshold: *in.Threshold})
		case in.Kind == domain.IndicatorAvailability:
			t := 1.0
			if in.SliceTarget != nil {
				t = *in.SliceTarget
			}
			out = append(out, Classifier{Name: s.Name(), Rule: "share of good probes against the slice target", Op: ">=", Threshold: t})
		default:
			rule := "objective"
			if in.Kind == domain.IndicatorStatistic {
				rule = "objective, against the bucket's mean"
			}
			if len(s.Spec.Tiers) == 0 {
				out = append(out, Classifier{Name: s.Name(), Rule: rule, Op: s.Spec.ObjectiveOp(s.Spec.Objective.Op), Threshold: s.Spec.Objective.Target})
			}
			for _, t := range s.Spec.Tiers {
				out = append(out, Classifier{Name: s.Name() + "/" + t.Name, Rule: rule, Op: s.Spec.ObjectiveOp(t.Op), Threshold: t.Target})
			}
		}
	}
	return out
}

// attainment evaluates an SLT from its own feed and from the reference, and
// pairs the periods that overlap [from, to).
func attainment(in compliance.Input, s *domain.SLT, ref string, from, to time.Time) ([]Attained, error) {
	plan, err := compliance.PlanSLT(in, s, nil)
	if err != nil {
		return nil, err
	}
	fromFeed, err := in.Run(plan, from, nil)
	if err != nil {
		return nil, err
	}
	refPlan := plan
	refPlan.Feed = ref
	fromRef, err := in.Run(refPlan, from, nil)
	if err != nil {
		return nil, err
	}
	var out []Attained
	for i, ser := range fromFeed {
		byKey := map[string]compliance.Row{}
		for _, res := range fromRef[i].Results {
			byKey[res.Period.Key] = compliance.RowOf(fromRef[i].Spec, res)
		}
		for _, res := range ser.Results {
			if !res.Period.End.After(from) || !res.Period.Start.Before(to) {
				continue
			}
			a := compliance.RowOf(ser.Spec, res)
			b, ok := byKey[res.Period.Key]
			at := Attained{SLT: s.Name(), Tier: ser.Spec.Tier, Period: res.Period.Key, Start: res.Period.Start.UTC(), End: res.Period.End.UTC(), Complete: res.Complete,
				Kind: a.Kind, Unit: a.Unit, Op: a.Op, Target: opt(a.Target),
				FromFeed: opt(a.Attainment), FromReference: report.NaN, Difference: report.NaN, MetFeed: a.Met}
			if ok {
				at.FromReference, at.MetReference = opt(b.Attainment), b.Met
				if a.Attainment != nil && b.Attainment != nil {
					at.Difference = f(*a.Attainment - *b.Attainment)
				}
			}
			at.Differs = at.MetFeed != nil && at.MetReference != nil && *at.MetFeed != *at.MetReference
			out = append(out, at)
		}
	}
	return out, nil
}

func opt(p *float64) report.Float {
	if p == nil {
		return report.NaN
	}
	return f(*p)
}
