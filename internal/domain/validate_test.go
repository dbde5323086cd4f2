package domain

import (
	"strings"
	"testing"
	"time"
)

func f64(v float64) *float64 { return &v }

func baseWorkspace() *Workspace {
	return NewWorkspace(
		&Service{Metadata: Meta{Name: "shop"}},
		&Calendar{Metadata: Meta{Name: "core"}, Spec: CalendarSpec{TimeZone: "Europe/Berlin", Hours: WeeklyHours{Mon: []string{"08:00-18:00"}}}},
		&Calendar{Metadata: Meta{Name: "evening"}, Spec: CalendarSpec{TimeZone: "Europe/Berlin", Hours: WeeklyHours{Mon: []string{"17:00-24:00"}}}},
		&Calendar{Metadata: Meta{Name: "night"}, Spec: CalendarSpec{TimeZone: "Europe/Berlin", Hours: WeeklyHours{Mon: []string{"00:00-08:00"}}}},
		&Feed{Metadata: Meta{Name: "counts"}, Spec: FeedSpec{Shape: ShapeCounts}},
		&Feed{Metadata: Meta{Name: "latency"}, Spec: FeedSpec{Shape: ShapeValue, Unit: "ms"}},
		&Feed{Metadata: Meta{Name: "readings"}, Spec: FeedSpec{Shape: ShapeValue}},
	)
}

func ratioSLT(mod func(*SLTSpec)) *SLT {
	s := &SLT{Metadata: Meta{Name: "t"}, Spec: SLTSpec{
		Service: "shop", Feed: "counts", Type: TypeSLA, Period: "month",
		Indicator: &Indicator{Kind: IndicatorRatio}, Objective: Objective{Target: 0.99},
	}}
	if mod != nil {
		mod(&s.Spec)
	}
	return s
}

func TestValidateSLT(t *testing.T) {
	tests := []struct {
		name  string
		mod   func(*SLTSpec)
		field string // "" = valid
		msg   string
	}{
		{"valid", nil, "", ""},
		{"target above 1 for a ratio", func(s *SLTSpec) { s.Objective.Target = 1.2 }, "spec.objective.target", "1.2 is outside 0..1 for the ratio indicator"},
		{"unknown zone", func(s *SLTSpec) { s.TimeZone = "Mars/Base" }, "spec.timeZone", `unknown time zone "Mars/Base"`},
		{"dangling service", func(s *SLTSpec) { s.Service = "nowhere" }, "spec.service", `refers to Service "nowhere", which does not exist`},
		{"bad period", func(s *SLTSpec) { s.Period = "fortnight" }, "spec.period", `"fortnight" is not day, week`},
		{"rolling period", func(s *SLTSpec) { s.Period = "rolling:28d" }, "", ""},
		{"bad type", func(s *SLTSpec) { s.Type = "XLA" }, "spec.type", `"XLA" is not one of SLA, OLA, UC`},
		{"feed shape mismatch", func(s *SLTSpec) { s.Feed = "latency" }, "spec.feed", `a ratio indicator reads counts or event`},
		{"statistic target may exceed 1", func(s *SLTSpec) {
			s.Feed, s.Indicator, s.Objective = "latency", &Indicator{Kind: IndicatorStatistic, Statistic: "p95"}, Objective{Op: "<=", Target: 300}
		}, "", ""},
		{"statistic needs its feed's unit", func(s *SLTSpec) {
			s.Feed, s.Indicator, s.Objective = "readings", &Indicator{Kind: IndicatorStatistic, Statistic: "p95"}, Objective{Op: "<=", Target: 300}
		}, "spec.feed", `feed "readings" has no unit; a statistic and its target are shown in the feed's unit: set spec.unit on feed readings`},
		{"a threshold reads a feed without a unit", func(s *SLTSpec) {
			s.Feed, s.Indicator = "readings", &Indicator{Kind: IndicatorThreshold, Op: "<=", Threshold: f64(300)}
		}, "", ""},
		{"bad statistic", func(s *SLTSpec) {
			s.Feed, s.Indicator = "latency", &Indicator{Kind: IndicatorStatistic, Statistic: "p950"}
		}, "spec.indicator.statistic", `"p950" is not mean`},
		{"threshold without op", func(s *SLTSpec) {
			s.Feed, s.Indicator = "latency", &Indicator{Kind: IndicatorThreshold, Threshold: f64(300)}
		}, "spec.indicator.threshold", "needs op and threshold"},
		{"overlapping tiers", func(s *SLTSpec) {
			s.Tiers = []Tier{{Name: "core", Calendar: "core", Target: 0.99}, {Name: "evening", Calendar: "evening", Target: 0.95}}
		}, "spec.tiers[1].calendar", `tier "evening" overlaps tier "core" on mon 17:00-18:00`},
		{"disjoint tiers", func(s *SLTSpec) {
			s.Tiers = []Tier{{Name: "core", Calendar: "core", Target: 0.99}, {Name: "night", Calendar: "night", Target: 0.95}}
		}, "", ""},
		{"tier target out of range", func(s *SLTSpec) {
			s.Tiers = []Tier{{Name: "core", Calendar: "core", Target: 99.9}}
		}, "spec.tiers[0].target", "99.9 is outside 0..1"},
		{"escalation levels", func(s *SLTSpec) {
			s.Escalation = []EscalationLevel{{Level: 2, Authority: "x"}}
		}, "spec.escalation[0].level", "levels must count up from 1"},
		{"composite without rationale", func(s *SLTSpec) {
			s.Indicator, s.Feed = nil, ""
			s.Composite = &Composite{Components: []Component{{SLT: "t", Weight: 1}, {SLT: "t", Weight: 1}}}
		}, "spec.composite.rationale", "is required"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ws := baseWorkspace()
			ws.Put(ratioSLT(tc.mod))
			ps := ws.ValidateAll()
			if tc.field == "" {
				if len(ps) > 0 {
					t.Fatalf("want valid, got %v", ps)
				}
				return
			}
			for _, p := range ps {
				if p.Field == tc.field && strings.Contains(p.Msg, tc.msg) {
					return
				}
			}
			t.Fatalf("want %s: %q, got %v", tc.field, tc.msg, ps)
		})
	}
}

func TestValidateOthers(t *testing.T) {
	tests := []struct {
		name  string
		def   Definition
		field string
		msg   string
	}{
		{"calendar needs a zone", &Calendar{Metadata: Meta{Name: "c"}, Spec: CalendarSpec{Hours: WeeklyHours{Mon: []string{"08:00-18:00"}}}}, "spec.timeZone", "is required"},
		{"calendar range backwards", &Calendar{Metadata: Meta{Name: "c"}, Spec: CalendarSpec{TimeZone: "UTC", Hours: WeeklyHours{Tue: []string{"18:00-08:00"}}}}, "spec.hours.tue[0]", "ends before it starts"},
		{"calendar bad holiday", &Calendar{Metadata: Meta{Name: "c"}, Spec: CalendarSpec{TimeZone: "UTC", Hours: WeeklyHours{Mon: []string{"08:00-18:00"}}, Holidays: []Holiday{{Date: "25/12/2026"}}}}, "spec.holidays[0].date", "is not a date"},
		{"name pattern", &Service{Metadata: Meta{Name: "Web Shop"}}, "metadata.name", "must be lower-case"},
		{"maintenance end before start", &MaintenanceWindow{Metadata: Meta{Name: "m"}, Spec: MaintenanceSpec{
			Start: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), RegisteredAt: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)}}, "spec.end", "must be after start"},
		{"maintenance registeredAt", &MaintenanceWindow{Metadata: Meta{Name: "m"}, Spec: MaintenanceSpec{Recurrence: &Recurrence{Freq: "weekly", Days: []string{"sun"}, At: "02:00", Duration: Duration(time.Hour)}}}, "spec.registeredAt", "is required"},
		{"recurrence weekday", &MaintenanceWindow{Metadata: Meta{Name: "m"}, Spec: MaintenanceSpec{RegisteredAt: time.Now(), Recurrence: &Recurrence{Freq: "weekly", Days: []string{"sunday", "funday"}, At: "02:00", Duration: Duration(time.Hour)}}}, "spec.recurrence.days[1]", `"funday" is not a weekday`},
		{"contract credit above 100", &Contract{Metadata: Meta{Name: "c"}, Spec: ContractSpec{Supplier: "s", SLT: "t", CreditTiers: []CreditTier{{Below: 0.99, Credit: 120}}}}, "spec.creditTiers[0].credit", "outside 0..100"},
		{"feed shape", &Feed{Metadata: Meta{Name: "f"}, Spec: FeedSpec{Shape: "table"}}, "spec.shape", `"table" is not one of`},
		{"unit too long", &Feed{Metadata: Meta{Name: "f"}, Spec: FeedSpec{Shape: ShapeValue, Unit: "milliseconds per request"}}, "spec.unit", "longer than 16 characters"},
		{"unit is a number", &Feed{Metadata: Meta{Name: "f"}, Spec: FeedSpec{Shape: ShapeValue, Unit: "1000"}}, "spec.unit", "is a number, not a unit"},
		{"unit with spaces around", &Feed{Metadata: Meta{Name: "f"}, Spec: FeedSpec{Shape: ShapeValue, Unit: " ms"}}, "spec.unit", "spaces around it"},
		{"unit with a control character", &Feed{Metadata: Meta{Name: "f"}, Spec: FeedSpec{Shape: ShapeValue, Unit: "m\x07s"}}, "spec.unit", "do not print"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, p := range Validate(tc.def) {
				if p.Field == tc.field && strings.Contains(p.Msg, tc.msg) {
					return
				}
			}
			t.Fatalf("want %s: %q, got %v", tc.field, tc.msg, Validate(tc.def))
		})
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		out  string
	}{
		{"90s", 90 * time.Second, "1m30s"},
		{"5m", 5 * time.Minute, "5m"},
		{"2d", 48 * time.Hour, "2d"},
		{"1d12h", 36 * time.Hour, "1d12h"},
		{"60m", time.Hour, "1h"},
	}
	for _, tc := range tests {
		d, err := ParseDuration(tc.in)
		if err != nil || d.D() != tc.want || d.String() != tc.out {
			t.Errorf("ParseDuration(%q) = %v (%s), %v; want %v (%s)", tc.in, d.D(), d, err, tc.want, tc.out)
		}
	}
	if _, err := ParseDuration("soon"); err == nil {
		t.Error("ParseDuration(soon) succeeded")
	}
}

func TestParseKind(t *testing.T) {
	for in, want := range map[string]Kind{"slt": KindSLT, "SLTs": KindSLT, "services": KindService, "maintenance": KindMaintenance, "MaintenanceWindows": KindMaintenance} {
		if got, err := ParseKind(in); err != nil || got != want {
			t.Errorf("ParseKind(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseKind("widgets"); err == nil {
		t.Error("ParseKind(widgets) succeeded")
	}
}

func TestReferrers(t *testing.T) {
	ws := baseWorkspace()
	ws.Put(ratioSLT(nil))
	if got := ws.Referrers(KindService, "shop"); len(got) != 1 || got[0] != "SLT/t" {
		t.Fatalf("Referrers = %v", got)
	}
}

func TestCalibrateAgainst(t *testing.T) {
	feed := func(name, shape, unit, ref string) *Feed {
		return &Feed{Metadata: Meta{Name: name}, Spec: FeedSpec{Shape: shape, Unit: unit, CalibrateAgainst: ref}}
	}
	tests := []struct {
		name string
		defs []Definition
		msg  string // "" = valid
	}{
		{"same shape and unit", []Definition{feed("probe", ShapeValue, "ms", "txlog"), feed("txlog", ShapeValue, "ms", "")}, ""},
		{"missing reference", []Definition{feed("probe", ShapeValue, "ms", "txlog")}, `refers to Feed "txlog", which does not exist`},
		{"itself", []Definition{feed("probe", ShapeValue, "ms", "probe")}, "cannot be its own reference"},
		{"other shape", []Definition{feed("probe", ShapeValue, "ms", "txlog"), feed("txlog", ShapeCounts, "ms", "")}, `has shape "counts", this feed "value"`},
		{"other unit", []Definition{feed("probe", ShapeValue, "ms", "txlog"), feed("txlog", ShapeValue, "s", "")}, `has unit "s", this feed "ms"`},
		{"items", []Definition{feed("a", ShapeItem, "tickets", "b"), feed("b", ShapeItem, "tickets", "")}, "item feeds are not time series"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ps := NewWorkspace(tc.defs...).ValidateAll()
			if tc.msg == "" {
				if len(ps) > 0 {
					t.Fatalf("unexpected problems %v", ps)
				}
				return
			}
			for _, p := range ps {
				if p.Field == "spec.calibrateAgainst" && strings.Contains(p.Msg, tc.msg) {
					return
				}
			}
			t.Fatalf("want spec.calibrateAgainst: %q, got %v", tc.msg, ps)
		})
	}
	ws := NewWorkspace(feed("probe", ShapeValue, "ms", "txlog"), feed("txlog", ShapeValue, "ms", ""))
	if got := ws.Referrers(KindFeed, "txlog"); len(got) != 1 || got[0] != "Feed/probe" {
		t.Fatalf("Referrers(txlog) = %v; the reference must not be deletable while used", got)
	}
}
