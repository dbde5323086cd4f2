package cli

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"slate/app"
	"slate/app/serve"
	"slate/internal/compliance"
)

// Acceptance (issue 12): the dashboard, the pack, `slate report` and the API
// give every demo SLT the same status, with the same reasons, for a running
// period (alerts count) and a complete one.
func TestOneStatusEverywhere(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	mustRun(t, "--db", db, "demo", "--now", "2026-11-28")
	const at = "2026-11-28"
	for _, period := range []string{"2026-11", "2026-10"} {
		// the CLI
		var rep app.Report
		if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "--json", "report", "--period", period, "--at", at)), &rep); err != nil {
			t.Fatal(err)
		}
		cli := statusMap(rep.Statuses)
		if len(cli) != 9 {
			t.Fatalf("%s: CLI statuses %v", period, cli)
		}
		// the pack's summary, read back from the workbook
		out := filepath.Join(dir, period)
		mustRun(t, "--db", db, "pack", "--period", period, "--date", at, "--format", "xlsx", "--out", out)
		pack := packStatuses(t, filepath.Join(out, "review-pack-"+period+".xlsx"))

		a, err := app.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		// the dashboard
		d, err := a.Compliance.Dashboard(app.DashboardQuery{At: at, Period: period})
		if err != nil {
			t.Fatal(err)
		}
		dash := map[string]string{}
		for _, s := range d.Services {
			for _, x := range s.SLTs {
				dash[x.Name] = x.State + ": " + strings.Join(x.Reasons, "; ")
				if x.StatusPeriod != period {
					t.Errorf("%s: dashboard judged %s, want %s", x.Name, x.StatusPeriod, period)
				}
			}
		}
		// the API
		srv, err := serve.New(a, serve.Options{Token: "t0ken"})
		if err != nil {
			t.Fatal(err)
		}
		ts := httptest.NewServer(srv)
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/Compliance/Report", strings.NewReader(`[{"period":"`+period+`","at":"`+at+`"}]`))
		req.Header.Set("Authorization", "Bearer t0ken")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		ts.Close()
		a.Close()
		var apiRep app.Report
		if err := json.Unmarshal(body, &apiRep); err != nil {
			t.Fatalf("API: %v: %s", err, body)
		}
		api := statusMap(apiRep.Statuses)

		for name, want := range cli {
			if dash[name] != want || api[name] != want || pack[name] != want {
				t.Errorf("%s %s:\n  cli  %s\n  dash %s\n  api  %s\n  pack %s", period, name, want, dash[name], api[name], pack[name])
			}
		}
		// what the issue asked for: a met, improving daily SLT and an
		// improved latency are not problems; the late parcels are missed
		for name, state := range map[string]string{"payment-auth-mean": "on_target", "page-latency-p95": "on_target",
			"page-latency-fast": "on_target", "parcel-delivery-48h": "missed"} {
			if !strings.HasPrefix(cli[name], state+": ") {
				t.Errorf("%s %s: %s, want %s", period, name, cli[name], state)
			}
		}
	}
}

func statusMap(sts []compliance.Status) map[string]string {
	m := map[string]string{}
	for _, s := range sts {
		m[s.SLT] = s.State + ": " + strings.Join(s.Reasons, "; ")
	}
	return m
}

var packLabels = map[string]string{"missed": "missed", "at risk": "at_risk", "on target": "on_target", "no data": "no_data"}

// packStatuses reads the "Why each SLT has its status" table of a pack workbook.
func packStatuses(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	name := regexp.MustCompile(`\(([a-z0-9-]+)\)$`)
	out := map[string]string{}
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for i, r := range rows {
			if len(r) == 0 || r[0] != "Why each SLT has its status" {
				continue
			}
			for _, d := range rows[i+2:] {
				if len(d) < 3 || d[0] == "" {
					break
				}
				slt := d[0]
				if m := name.FindStringSubmatch(slt); m != nil {
					slt = m[1]
				}
				out[slt] = packLabels[d[1]] + ": " + d[2]
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s: no status table", path)
	}
	return out
}
