package app

import (
	"encoding/json"
	"testing"
	"time"

	"slate/internal/compliance"
)

// The dashboard of the demo workspace at DemoNow (2026-11-28T00:00Z, November
// running): every SLT's status follows from its report row and alerts.
func TestDashboardDemo(t *testing.T) {
	a := openDemo(t)
	d, err := a.Compliance.Dashboard(DashboardQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if !d.At.Equal(DemoNow) || d.Version == 0 {
		t.Fatalf("at %v version %d", d.At, d.Version)
	}
	rep, err := a.Compliance.Report(ReportQuery{At: DemoNow.Format(time.RFC3339)})
	if err != nil {
		t.Fatal(err)
	}
	overall := map[string]compliance.Row{}
	for _, r := range rep.Rows {
		if r.Tier == "" {
			overall[r.SLT+"@"+r.Period] = r
		}
	}
	n := 0
	for _, s := range d.Services {
		for _, x := range s.SLTs {
			n++
			if x.Current == nil {
				t.Fatalf("%s: no current row", x.Name)
			}
			want, ok := overall[x.Name+"@"+x.Current.Period]
			if !ok {
				t.Fatalf("%s: period %s not in the report", x.Name, x.Current.Period)
			}
			if jsonOf(t, want) != jsonOf(t, *x.Current) {
				t.Errorf("%s: dashboard row differs from the report:\n%s\n%s", x.Name, jsonOf(t, want), jsonOf(t, *x.Current))
			}
			if len(x.Spark) == 0 || len(x.Spark) > SparkPeriods || x.Spark[len(x.Spark)-1].Period != x.Current.Period && x.IsCurrent {
				t.Errorf("%s: sparkline %v", x.Name, x.Spark)
			}
			if x.Current.Met != nil && !*x.Current.Met && x.Status != StatusRed {
				t.Errorf("%s: missed but %s", x.Name, x.Status)
			}
			if x.Status == StatusGreen && (x.Alerts > 0 || x.Trend != nil || x.Budget != nil && *x.Budget < compliance.AtRiskBudget) {
				t.Errorf("%s: green with alerts %d trend %v budget %v", x.Name, x.Alerts, x.Trend, *x.Budget)
			}
		}
	}
	if n != 9 || d.Counts.Red+d.Counts.Amber+d.Counts.Green+d.Counts.NoData != 9 {
		t.Fatalf("%d SLTs, counts %+v", n, d.Counts)
	}
	// November 2026 in the demo: ParcelNet delivered 1249 of 1376 parcels within 48 h (90.8% < 95%).
	parcel := find(t, d, "parcel-delivery-48h")
	if parcel.Status != StatusRed || parcel.Current.Period != "2026-11" || *parcel.Current.Good != 1249 || parcel.Current.Eligible != 1376 {
		t.Errorf("parcel: %s %s %v/%v", parcel.Status, parcel.Current.Period, *parcel.Current.Good, parcel.Current.Eligible)
	}
	// the tiered SLT shows both tiers in November; the daily SLT's running day
	shop := find(t, d, "shop-availability")
	if len(shop.Tiers) != 2 || shop.Tiers[0].Name != "core-hours" || shop.Tiers[0].Row == nil || shop.Tiers[0].Row.Period != "2026-11" {
		t.Errorf("shop tiers %+v", shop.Tiers)
	}
	if mean := find(t, d, "payment-auth-mean"); mean.Current.Period != "2026-11-28" || !mean.IsCurrent || mean.Ratio {
		t.Errorf("payment-auth-mean current %s %v", mean.Current.Period, mean.IsCurrent)
	}
	if ce := find(t, d, "customer-experience"); len(ce.Components) != 3 {
		t.Errorf("composite components %v", ce.Components)
	}
	if got := d.Filters; len(got.BusinessUnits) != 2 || len(got.Suppliers) != 2 || len(got.Types) != 3 {
		t.Errorf("filters %+v", got)
	}

	// filters: CloudHost's SLTs only; alerts and counts follow
	f, err := a.Compliance.Dashboard(DashboardQuery{Supplier: "CloudHost GmbH"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range f.Services {
		for _, x := range s.SLTs {
			names = append(names, x.Name)
		}
	}
	if len(f.Services) != 1 || f.Services[0].Name != "web-shop" || len(names) != 4 {
		t.Errorf("supplier filter: %v", names)
	}
	for _, al := range f.Alerts {
		if al.SLT != "shop-availability" && al.SLT != "hosting-availability" && al.SLT != "page-latency-fast" {
			t.Errorf("alert of a filtered-out SLT: %s", al.SLT)
		}
	}
	if f2, _ := a.Compliance.Dashboard(DashboardQuery{BusinessUnit: "operations", Type: "UC"}); len(f2.Services) != 1 || len(f2.Services[0].SLTs) != 1 || f2.Services[0].SLTs[0].Name != "parcel-delivery-48h" {
		t.Errorf("unit+type filter: %+v", f2.Services)
	}
}

// Complete periods come from the stored results, running ones are
// evaluated: the dashboard must agree with evaluating everything from
// scratch, also across a period end (the daily SLT's day) and after a change
// to the definitions.
func TestDashboardFromStoredResultsAgreesWithFullEvaluation(t *testing.T) {
	a := openDemo(t)
	at := func(d time.Duration) DashboardQuery { return DashboardQuery{At: DemoNow.Add(d).Format(time.RFC3339)} }
	if _, err := a.Compliance.Dashboard(at(0)); err != nil {
		t.Fatal(err)
	}
	fromScratch := func(q DashboardQuery) Dashboard {
		t.Helper()
		if err := a.store.ClearResults(); err != nil {
			t.Fatal(err)
		}
		a.Compliance.forgetDashboard()
		d, err := a.Compliance.Dashboard(q)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, later := range []time.Duration{90 * time.Minute, 23 * time.Hour, 30 * time.Hour} {
		if err := a.store.FlushResults(); err != nil {
			t.Fatal(err)
		}
		stored, err := a.Compliance.Dashboard(at(later))
		if err != nil {
			t.Fatal(err)
		}
		if full := fromScratch(at(later)); jsonOf(t, stored) != jsonOf(t, full) {
			t.Fatalf("+%v: the dashboard from stored results differs from a full evaluation", later)
		}
	}
	// a change (a new service) makes a new version: evaluated afresh
	before, _ := a.Compliance.Dashboard(at(0))
	if _, err := a.Workspace.Apply("x.yaml", "apiVersion: slate/v1\nkind: Service\nmetadata: {name: extra}\nspec: {businessUnit: Retail}\n"); err != nil {
		t.Fatal(err)
	}
	after, err := a.Compliance.Dashboard(at(0))
	if err != nil {
		t.Fatal(err)
	}
	if after.Version == before.Version || len(after.Services) != len(before.Services)+1 {
		t.Fatalf("version %d → %d, services %d → %d", before.Version, after.Version, len(before.Services), len(after.Services))
	}
}

func find(t *testing.T, d Dashboard, name string) DashboardSLT {
	t.Helper()
	for _, s := range d.Services {
		for _, x := range s.SLTs {
			if x.Name == name {
				return DashboardSLT(x)
			}
		}
	}
	t.Fatalf("SLT %s not on the dashboard", name)
	return DashboardSLT{}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Alerts read item feeds only as far back as their windows and running period
// reach: the same alerts and trends as reading everything, also at times when
// alerts fire (the June 2026 outage, the end of the demo data).
func TestDashboardAlertsReadOnlyWhatTheyNeed(t *testing.T) {
	a := openDemo(t)
	fired := 0
	for _, at := range []time.Time{time.Date(2026, 6, 10, 14, 0, 0, 0, time.UTC), time.Date(2026, 7, 3, 12, 0, 0, 0, time.UTC), DemoNow} {
		in, err := a.Compliance.input(at)
		if err != nil {
			t.Fatal(err)
		}
		all, err := compliance.Alerts(in, "")
		if err != nil {
			t.Fatal(err)
		}
		some, err := compliance.Alerts(compliance.AlertInput(in), "")
		if err != nil {
			t.Fatal(err)
		}
		if jsonOf(t, all) != jsonOf(t, some) {
			t.Fatalf("%v: alerts differ:\n%s\n%s", at, jsonOf(t, all), jsonOf(t, some))
		}
		fired += len(all.Alerts) + len(all.Trends)
	}
	if fired == 0 {
		t.Fatal("no alert or trend fired at any of the times: the comparison checks nothing")
	}
}
