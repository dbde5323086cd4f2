package app

import (
	"strings"
	"testing"
	"time"
)

// The rows behind a period add up to the report's figure, for every
// indicator kind of the demo: a complete month (October) and the running one.
func TestRowsAddUpToTheFigure(t *testing.T) {
	a := openDemo(t)
	at := DemoNow.Format(time.RFC3339)
	cases := []struct{ slt, tier, period string }{
		{"checkout-success", "", "2026-10"},            // ratio
		{"page-latency-fast", "", "2026-W44"},          // threshold
		{"page-latency-p95", "", "2026-10"},            // statistic
		{"payment-auth-mean", "", "2026-11-27"},        // statistic, daily
		{"hosting-availability", "", "2026-10"},        // availability, maintenance excluded
		{"shop-availability", "", "2026-06"},           // tiered availability, overall
		{"shop-availability", "core-hours", "2026-11"}, // one tier, running month
		{"incident-resolution", "", "2026-10"},         // duration, business hours
		{"parcel-delivery-48h", "", "2026-11"},         // duration, running month
	}
	for _, c := range cases {
		t.Run(c.slt+"/"+c.tier+"@"+c.period, func(t *testing.T) {
			p, err := a.Compliance.Rows(RowsQuery{SLT: c.slt, Tier: c.tier, Period: c.period, At: at, Limit: 5000})
			if err != nil {
				t.Fatal(err)
			}
			f, ty := p.Figure, p.Tally
			if f.Period != c.period || f.Tier != c.tier {
				t.Fatalf("figure of %s/%s", f.Period, f.Tier)
			}
			if p.All == 0 || p.Total != p.All {
				t.Fatalf("all %d total %d", p.All, p.Total)
			}
			if f.Good == nil { // statistic: every counted value is one eligible value
				if ty.Counted != f.Eligible || ty.Excluded != f.Excluded {
					t.Fatalf("counted %v excluded %v, figure eligible %v excluded %v", ty.Counted, ty.Excluded, f.Eligible, f.Excluded)
				}
				return
			}
			if g, b := ty.Good+ty.GapGood, ty.Bad+ty.GapBad; g != *f.Good || b != *f.Bad || g+b != f.Eligible {
				t.Fatalf("rows: good %v bad %v; figure: good %v bad %v eligible %v", g, b, *f.Good, *f.Bad, f.Eligible)
			}
			if ty.Excluded+ty.GapExcluded != f.Excluded || ty.GapUnknown != f.Unknown {
				t.Fatalf("rows: excluded %v unknown %v; figure: excluded %v unknown %v", ty.Excluded+ty.GapExcluded, ty.GapUnknown, f.Excluded, f.Unknown)
			}
			for _, r := range p.Rows {
				if r.Batch == 0 || r.File == "" || r.Row == 0 {
					t.Fatalf("row %d without its batch: %+v", r.N, r)
				}
			}
		})
	}
}

func TestRowsPagesFiltersAndFindings(t *testing.T) {
	a := openDemo(t)
	at := DemoNow.Format(time.RFC3339)
	q := RowsQuery{SLT: "hosting-availability", Period: "2026-03", At: at, Limit: 1000}
	all, err := a.Compliance.Rows(RowsQuery{SLT: q.SLT, Period: q.Period, At: at, Limit: 5000})
	if err != nil {
		t.Fatal(err)
	}
	// pages in time order, numbered from 1, with nothing lost between them
	var seen int
	for q.Offset = 0; q.Offset < all.Total; q.Offset += q.Limit {
		p, err := a.Compliance.Rows(q)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range p.Rows {
			if r.N != q.Offset+i+1 || i > 0 && r.At.Before(p.Rows[i-1].At) {
				t.Fatalf("offset %d row %d: n %d", q.Offset, i, r.N)
			}
		}
		seen += len(p.Rows)
		if len(p.Batches) == 0 || p.Batches[0].File == "" {
			t.Fatalf("page without its batches")
		}
	}
	if seen != all.Total || all.Total < 40000 {
		t.Fatalf("paged %d of %d", seen, all.Total)
	}
	// the 4-hour database upgrade on 15 March 2026 is excluded: 240 one-minute slices
	ex, err := a.Compliance.Rows(RowsQuery{SLT: q.SLT, Period: q.Period, At: at, Status: "excluded", Limit: 5000})
	if err != nil {
		t.Fatal(err)
	}
	var upgrade float64
	for _, r := range ex.Rows {
		if r.Status != "excluded" {
			t.Fatalf("status filter let %s through", r.Status)
		}
		if !r.At.Before(time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)) && r.At.Before(time.Date(2026, 3, 15, 4, 0, 0, 0, time.UTC)) {
			upgrade += r.ExcludedUnits
		}
	}
	if upgrade != 240 {
		t.Fatalf("%v slices excluded during the upgrade, want 240", upgrade)
	}
	// sorted by value: counts rows with the lowest good share first
	cs, err := a.Compliance.Rows(RowsQuery{SLT: "checkout-success", Period: "2026-10", At: at, Sort: "value", Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs.Rows) != 3 || *cs.Rows[0].Good / *cs.Rows[0].Total > *cs.Rows[2].Good / *cs.Rows[2].Total {
		t.Fatalf("value sort: %+v", cs.Rows)
	}
	// rows with findings carry them (the finding names the row's file row)
	found := false
	for _, slt := range []string{"checkout-success", "page-latency-fast", "hosting-availability", "payment-auth-mean", "parcel-delivery-48h", "incident-resolution"} {
		d, _ := a.Compliance.Dashboard(DashboardQuery{})
		for _, sp := range find(t, d, slt).Spark {
			p, err := a.Compliance.Rows(RowsQuery{SLT: slt, Period: sp.Period, At: at, Status: "findings", Limit: 50})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range p.Rows {
				found = true
				if len(r.Findings) == 0 || r.Findings[0].Row != int(r.Row) {
					t.Fatalf("%s row %d findings %+v", slt, r.Row, r.Findings)
				}
			}
			if found {
				break
			}
		}
		if found {
			break
		}
	}
	if !found {
		t.Fatal("no row with findings in the demo")
	}
	// plain-words errors
	for q, want := range map[RowsQuery]string{
		{SLT: "nope", Period: "2026-10"}:                               `SLT "nope" does not exist`,
		{SLT: "checkout-success", Period: "2019-01", At: at}:           "has no data for period",
		{SLT: "checkout-success", Period: "2026-10", Status: "purple"}: "status",
		{SLT: "shop-availability", Tier: "x", Period: "2026-10"}:       "has no tier",
	} {
		if _, err := a.Compliance.Rows(q); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%+v: %v, want %q", q, err, want)
		}
	}
	// a composite has no rows of its own: it names its components
	ce, err := a.Compliance.Rows(RowsQuery{SLT: "customer-experience", Period: "2026-10", At: at})
	if err != nil || len(ce.Components) != 3 || len(ce.Rows) != 0 {
		t.Fatalf("composite: %v %v", err, ce.Components)
	}
}
