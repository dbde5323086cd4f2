package app

import (
	"strings"
	"testing"
)

// A tier's what-if judges that tier's rows, at its own op and target, and
// agrees period by period with the report.
func TestWhatIfTier(t *testing.T) {
	a := openDemo(t)
	const slt, tier, target = "shop-availability", "core-hours", 0.9995
	w, err := a.Compliance.WhatIf(WhatIfQuery{SLT: slt, Tier: tier, Target: target})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := a.Compliance.Report(ReportQuery{SLT: slt})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{}
	for _, r := range rep.Rows {
		if r.Tier == tier && r.Complete && r.Attainment != nil {
			want[r.Period] = *r.Attainment
		}
	}
	if w.Tier != tier || w.CurrentTarget == nil || *w.CurrentTarget != 0.999 || w.Op != ">=" {
		t.Fatalf("tier %q, current %v, op %q; want core-hours at >= 0.999", w.Tier, w.CurrentTarget, w.Op)
	}
	if w.Judged != len(want) || w.Judged < 12 {
		t.Fatalf("judged %d periods, the report has %d complete ones", w.Judged, len(want))
	}
	metCur, metNew := 0, 0
	for _, p := range w.Periods {
		v, ok := want[p.Period]
		if !ok || p.Attainment == nil || *p.Attainment != v {
			t.Fatalf("%s: what-if attainment %v, report %v", p.Period, p.Attainment, v)
		}
		if *p.MetCurrent != (v >= 0.999) || *p.MetProposed != (v >= target) {
			t.Fatalf("%s at %v: met current %v, proposed %v", p.Period, v, *p.MetCurrent, *p.MetProposed)
		}
		metCur += b2i(v >= 0.999)
		metNew += b2i(v >= target)
	}
	if w.MetCurrent != metCur || w.MetProposed != metNew || metNew > metCur {
		t.Fatalf("met %d/%d, counted %d/%d", w.MetCurrent, w.MetProposed, metCur, metNew)
	}

	for _, q := range []WhatIfQuery{{SLT: slt, Tier: "nope", Target: 0.99}, {SLT: "checkout-success", Tier: "core-hours", Target: 0.99}} {
		if _, err := a.Compliance.WhatIf(q); err == nil || !strings.Contains(err.Error(), "tier") {
			t.Errorf("%+v: error %v, want one naming the tier", q, err)
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
