package app

import (
	"testing"
)

func TestBuildDateIsUTC(t *testing.T) {
	old := BuildDate
	defer func() { BuildDate = old }()
	BuildDate = "2026-11-29T07:52:28+01:00"
	if got := Build().BuildDate; got != "2026-11-29T06:52:28Z" {
		t.Fatalf("BuildDate = %q", got)
	}
}
