package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"slate/app"
	"slate/internal/analysis"
)

func TestAnalyzeCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	mustRun(t, "--db", db, "demo", "--now", "2026-11-28")

	out := mustRun(t, "--db", db, "--json", "analyze", "parcel-delivery-48h", "--at", "2026-11-28", "--baseline", "2025-11..2026-05")
	res := decode[app.SLTAnalysis](t, out)
	r := res.Analysis
	if r.Chart == nil || r.Chart.Kind != analysis.ChartLaneyP || len(r.Chart.Points) != 12 || r.Baseline.ToLabel != "2026-05" {
		t.Fatalf("chart %+v baseline %+v", r.Chart, r.Baseline)
	}
	if r.Verdict.Status != analysis.StatusSpecialCause || r.Breach.Status != analysis.BreachAlready || res.Definition.Objective != "≥ 95%" {
		t.Errorf("verdict %+v breach %+v", r.Verdict, r.Breach)
	}
	for _, key := range []string{`"verdict"`, `"time_to_breach"`, `"baseline_band"`, `"seasonality"`, `"span_labels"`, `"sigma_z"`, `"mann_kendall_p"`} {
		if !strings.Contains(out, key) {
			t.Errorf("JSON lacks %s", key)
		}
	}

	text := mustRun(t, "--db", db, "analyze", "parcel-delivery-48h", "--at", "2026-11-28", "--baseline", "2025-11..2026-05")
	for _, want := range []string{
		"parcel-delivery-48h — Parcels delivered within 48 hours",
		"control chart: ratio SLT with unit counts per period: Laney p′ chart",
		"PERIOD", "2025-11b", "2026-10 ", "nelson-2 at 2026-10 (2026-02 to 2026-10): nine points in a row below the centre line",
		"left out: 2026-11 (period still running)",
		"time to breach: the fitted trend is already below target",
		"seasonality (", "hour of day: best", "day of week: best",
		"baseline band (rolling median of the previous 6 periods",
		"verdict (special_cause): Worse than usual in 2026-10: find out what changed.",
		"  - 2026-10: Nelson 1 (worse), one point below the lower control limit (beyond 3 sigma).",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q\n%s", want, text)
		}
	}

	// A weekly SLT over a few weeks, and a tier.
	text = mustRun(t, "--db", db, "analyze", "page-latency-fast", "--at", "2026-11-28", "--from", "2026-10", "--to", "2026-11")
	if !strings.Contains(text, "2026-W41 ") || strings.Contains(text, "2026-W40") || !strings.Contains(text, "verdict (") {
		t.Errorf("weekly:\n%s", text)
	}
	text = mustRun(t, "--db", db, "analyze", "shop-availability", "--tier", "off-hours", "--at", "2026-11-28")
	if !strings.Contains(text, "(tier off-hours)") || !strings.Contains(text, "objective ≥ 99.5%") {
		t.Errorf("tier:\n%s", text)
	}

	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"analyze"}, 2, "name one SLT"},
		{[]string{"analyze", "a", "b"}, 2, "name one SLT"},
		{[]string{"analyze", "nope"}, 1, `SLT "nope" does not exist`},
		{[]string{"analyze", "parcel-delivery-48h", "--baseline", "x"}, 1, "write FIRST..LAST period, e.g. 2025-12..2026-05 (--baseline)"},
		{[]string{"analyze", "parcel-delivery-48h", "--from", "2026-06", "--to", "2026-03"}, 1, "the last period 2026-03 is before the first 2026-06 (--to)"},
		{[]string{"analyze", "parcel-delivery-48h", "--from", "June"}, 1, `the first period "June" is not a period key (2026-10, 2026-Q3, 2026-W07, 2026, 2026-10-05) (--from)`},
		{[]string{"analyze", "parcel-delivery-48h", "--rules", "iso"}, 1, "unknown rule set"},
		{[]string{"analyze", "parcel-delivery-48h", "--tier", "gold"}, 1, "has no tier"},
	} {
		code, _, errs := run(t, append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d %q, want %d %q", c.args, code, errs, c.code, c.want)
		}
	}
}
