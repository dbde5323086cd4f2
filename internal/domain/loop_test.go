package domain

import (
	"strings"
	"testing"
	"time"
)

func TestValidateLoopFields(t *testing.T) {
	tests := []struct {
		name  string
		mod   func(*SLTSpec)
		field string // "" = valid
		msg   string
	}{
		{"feed lead", func(s *SLTSpec) { s.Leads = []Lead{{Feed: "latency", MaxLag: Duration(14 * 24 * time.Hour)}} }, "", ""},
		{"SLT lead without lag", func(s *SLTSpec) { s.Leads = []Lead{{SLT: "other"}} }, "", ""},
		{"lead names both", func(s *SLTSpec) { s.Leads = []Lead{{Feed: "latency", SLT: "other"}} }, "spec.leads[0]", "either a feed or an slt"},
		{"lead names neither", func(s *SLTSpec) { s.Leads = []Lead{{MaxLag: Duration(24 * time.Hour)}} }, "spec.leads[0]", "either a feed or an slt"},
		{"lag in hours", func(s *SLTSpec) { s.Leads = []Lead{{Feed: "latency", MaxLag: Duration(36 * time.Hour)}} }, "spec.leads[0].maxLag", "whole days"},
		{"lag too long", func(s *SLTSpec) { s.Leads = []Lead{{Feed: "latency", MaxLag: Duration(120 * 24 * time.Hour)}} }, "spec.leads[0].maxLag", "1d to 90d"},
		{"unknown lead feed", func(s *SLTSpec) { s.Leads = []Lead{{Feed: "nowhere"}} }, "spec.leads[0].feed", `refers to Feed "nowhere"`},
		{"self lead", func(s *SLTSpec) { s.Leads = []Lead{{SLT: "t"}} }, "spec.leads[0].slt", "cannot lead itself"},
		{"counter-metric", func(s *SLTSpec) { s.CounterMetric = "other" }, "", ""},
		{"unknown counter-metric", func(s *SLTSpec) { s.CounterMetric = "ghost" }, "spec.counterMetric", `refers to SLT "ghost"`},
		{"self counter-metric", func(s *SLTSpec) { s.CounterMetric = "t" }, "spec.counterMetric", "its own counter-metric"},
		{"review triggers", func(s *SLTSpec) {
			s.Review = &Review{Cycle: "quarterly", MissedInARow: 3, MetInARow: 12, Changes: []ReviewChange{{Date: "2026-09-01", Kind: ChangeTechnology, Note: "new WMS"}}}
		}, "", ""},
		{"change without date", func(s *SLTSpec) {
			s.Review = &Review{Changes: []ReviewChange{{Kind: ChangeBusiness}}}
		}, "spec.review.changes[0].date", "is required"},
		{"change date format", func(s *SLTSpec) {
			s.Review = &Review{Changes: []ReviewChange{{Date: "01.09.2026", Kind: ChangeBusiness}}}
		}, "spec.review.changes[0].date", "is not a date"},
		{"change kind", func(s *SLTSpec) {
			s.Review = &Review{Changes: []ReviewChange{{Date: "2026-09-01", Kind: "merger"}}}
		}, "spec.review.changes[0].kind", `"merger" is not one of business-change, technology-refresh`},
		{"negative run", func(s *SLTSpec) { s.Review = &Review{MissedInARow: -1} }, "spec.review.missedInARow", "must not be negative"},
		{"volume", func(s *SLTSpec) {
			s.Assumptions = &Assumptions{Volume: &VolumeRange{Min: f64(1000), Max: f64(6000)}}
		}, "", ""},
		{"volume upside down", func(s *SLTSpec) {
			s.Assumptions = &Assumptions{Volume: &VolumeRange{Min: f64(6000), Max: f64(1000)}}
		}, "spec.assumptions.volume.max", "must not be below min"},
		{"volume empty", func(s *SLTSpec) { s.Assumptions = &Assumptions{Volume: &VolumeRange{Per: "day"}} }, "spec.assumptions.volume.min", "needs min, max or both"},
		{"volume per hour", func(s *SLTSpec) {
			s.Assumptions = &Assumptions{Volume: &VolumeRange{Max: f64(10), Per: "hour"}}
		}, "spec.assumptions.volume.per", `"hour" is not one of day, week, month`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ws := baseWorkspace()
			other := ratioSLT(nil)
			other.Metadata.Name = "other"
			ws.Put(other)
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
	ws := baseWorkspace()
	ws.Put(ratioSLT(func(s *SLTSpec) { s.Leads = []Lead{{Feed: "latency"}}; s.CounterMetric = "" }))
	if got := ws.Referrers(KindFeed, "latency"); len(got) != 1 || got[0] != "SLT/t" {
		t.Fatalf("a lead feed must not be deletable while an SLT names it: Referrers = %v", got)
	}
	if d := (Lead{Feed: "x"}).LagDays(); d != 14 {
		t.Fatalf("default lag %d days, want 14", d)
	}
}

func TestValidateIntegration(t *testing.T) {
	hook := func(mod func(*Webhook)) *Integration {
		w := &Webhook{URL: "https://itsm.example/api/tasks", SecretEnv: "SLATE_ITSM_KEY"}
		if mod != nil {
			mod(w)
		}
		return &Integration{Metadata: Meta{Name: "itsm"}, Spec: IntegrationSpec{Webhook: w}}
	}
	tests := []struct {
		name  string
		def   *Integration
		field string
		msg   string
	}{
		{"valid webhook", hook(nil), "", ""},
		{"local http", hook(func(w *Webhook) { w.URL = "http://127.0.0.1:8080/hook" }), "", ""},
		{"remote http", hook(func(w *Webhook) { w.URL = "http://itsm.example/hook" }), "spec.webhook.url", "use https"},
		{"relative", hook(func(w *Webhook) { w.URL = "/hook" }), "spec.webhook.url", "not an absolute URL"},
		{"ftp", hook(func(w *Webhook) { w.URL = "ftp://itsm.example/x" }), "spec.webhook.url", "must be https"},
		{"credentials in URL", hook(func(w *Webhook) { w.URL = "https://u:p@itsm.example/x" }), "spec.webhook.url", "must not carry a user"},
		{"secret written", hook(func(w *Webhook) { w.Secret = "hunter2" }), "spec.webhook.secret", "never write the HMAC secret"},
		{"no secretEnv", hook(func(w *Webhook) { w.SecretEnv = "" }), "spec.webhook.secretEnv", "is required"},
		{"bad secretEnv", hook(func(w *Webhook) { w.SecretEnv = "MY-KEY" }), "spec.webhook.secretEnv", "not an environment variable name"},
		{"long timeout", hook(func(w *Webhook) { w.Timeout = Duration(5 * time.Minute) }), "spec.webhook.timeout", "between 1s and 2m"},
		{"neither", &Integration{Metadata: Meta{Name: "x"}}, "spec.webhook", "needs a webhook or a dropFolder"},
		{"both", &Integration{Metadata: Meta{Name: "x"}, Spec: IntegrationSpec{Webhook: hook(nil).Spec.Webhook, DropFolder: &DropFolder{Path: "/srv/drop"}}}, "spec.dropFolder", "not both"},
		{"drop folder", &Integration{Metadata: Meta{Name: "x"}, Spec: IntegrationSpec{DropFolder: &DropFolder{Path: "/srv/drop", Format: "csv"}}}, "", ""},
		{"relative folder", &Integration{Metadata: Meta{Name: "x"}, Spec: IntegrationSpec{DropFolder: &DropFolder{Path: "drop"}}}, "spec.dropFolder.path", "absolute"},
		{"drop format", &Integration{Metadata: Meta{Name: "x"}, Spec: IntegrationSpec{DropFolder: &DropFolder{Path: "/srv", Format: "xml"}}}, "spec.dropFolder.format", `"xml" is not one of json, csv`},
		{"event", &Integration{Metadata: Meta{Name: "x"}, Spec: IntegrationSpec{DropFolder: &DropFolder{Path: "/srv"}, Events: []string{"rca.opened", "breach"}}}, "spec.events[1]", `"breach" is not one of`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ps := Validate(tc.def)
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
	spec := IntegrationSpec{Events: []string{EventRCAOpened}, Services: []string{"shop"}}
	if !spec.Receives(EventRCAOpened, "shop") || spec.Receives(EventActionCreated, "shop") || spec.Receives(EventRCAOpened, "desk") {
		t.Fatal("Receives does not follow events and services")
	}
	if all := (IntegrationSpec{}); !all.Receives(EventActionCreated, "any") {
		t.Fatal("an integration without events or services receives everything")
	}
}
