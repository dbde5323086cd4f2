package foresight

import (
	"errors"
	"testing"
	"time"

	"slate/internal/predict"
	"slate/internal/storage"
)

func TestParseTimeTakesPeriodKeys(t *testing.T) {
	for in, want := range map[string]time.Time{
		"":                     {},
		"2026-10":              time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC),
		"2026-10-05":           time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC),
		"2026-Q3":              time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC),
		"2026-10-05T08:30:00Z": time.Date(2026, 10, 5, 8, 30, 0, 0, time.UTC),
	} {
		got, err := ParseTime("from", in)
		if err != nil || !got.Equal(want) {
			t.Errorf("%q: %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseTime("from", "last week"); err == nil {
		t.Error("'last week' accepted")
	}
}

func TestForKeepsOneSLTAndNamesTheUnknown(t *testing.T) {
	sh := Shared{
		Forecast: predict.Forecast{
			Targets: []predict.TargetForecast{{SLT: "a"}, {SLT: "b"}, {SLT: "a", Tier: "gold"}},
			Skipped: []string{"c: a composite"},
		},
		slts: map[string]bool{"a": true, "b": true, "c": true},
	}
	fc, err := sh.For("a")
	if err != nil || len(fc.Targets) != 2 {
		t.Fatalf("a: %d targets, %v", len(fc.Targets), err)
	}
	if len(sh.Forecast.Targets) != 3 {
		t.Error("For changed the shared forecast")
	}
	if _, err := sh.For("zz"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("unknown SLT: %v, want not found", err)
	}
	if _, err := sh.For("c"); err == nil || errors.Is(err, storage.ErrNotFound) {
		t.Errorf("skipped SLT: %v, want why it is not forecast", err)
	}
	if all, _ := sh.For(""); len(all.Targets) != 3 {
		t.Errorf("all: %d targets", len(all.Targets))
	}
}
