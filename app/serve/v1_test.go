package serve

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"slate/app"
	"slate/internal/improve"
)

// importCSV imports text into a feed as the OS user.
func (f *fixture) importCSV(feed, text string) {
	f.t.Helper()
	u, err := f.a.Imports.Upload(app.UploadChunk{Name: feed + ".csv", Size: int64(len(text)), Data: []byte(text)})
	if err != nil {
		f.t.Fatal(err)
	}
	if res, err := f.a.Imports.Import(app.ImportRequest{Upload: u.ID, Feed: feed}); err != nil || res.Batch == 0 {
		f.t.Fatalf("import into %s: %+v %v", feed, res, err)
	}
}

// v1 sends a request to /api/v1 as user and returns the response and its body.
func (f *fixture) v1(user, method, path string, body io.Reader, hdr map[string]string) (*http.Response, string) {
	f.t.Helper()
	req, err := http.NewRequest(method, f.base+path, body)
	if err != nil {
		f.t.Fatal(err)
	}
	if user != "" {
		req.Header.Set("Authorization", "Bearer "+f.tok[user])
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// v1JSON GETs path as user, wants status 200 and decodes the answer.
func (f *fixture) v1JSON(out any, user, path string) *http.Response {
	f.t.Helper()
	resp, body := f.v1(user, "GET", path, nil, nil)
	if resp.StatusCode != 200 {
		f.t.Fatalf("GET %s as %s: %d %s", path, user, resp.StatusCode, body)
	}
	if err := json.Unmarshal([]byte(body), out); err != nil {
		f.t.Fatalf("GET %s: %v in %s", path, err, body)
	}
	return resp
}

func problemOf(t *testing.T, resp *http.Response, body string) Problem {
	t.Helper()
	if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("%d with Content-Type %q, want application/problem+json: %s", resp.StatusCode, ct, body)
	}
	var p Problem
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatal(err)
	}
	if p.Status != resp.StatusCode || p.Type != "about:blank" || p.Title != http.StatusText(resp.StatusCode) || p.Detail == "" {
		t.Fatalf("problem %+v for status %d", p, resp.StatusCode)
	}
	return p
}

// Every route has a rule that takes the right of an existing method, and
// every rule names a served route: a route cannot be served unguarded.
func TestEveryRouteHasARole(t *testing.T) {
	var served []string
	for _, rt := range v1Routes() {
		served = append(served, rt.method+" "+rt.path)
	}
	slices.Sort(served)
	if got := app.RuledRoutes(); !slices.Equal(got, served) {
		t.Fatalf("rules for %v\nserved %v", got, served)
	}
	for _, r := range served {
		rule, method, _ := app.RouteRule(r)
		if m, ok := app.AccessRule(method); !ok || m.Right != rule.Right || rule.Right == "" {
			t.Errorf("%s takes the right of %s (%v), which has %+v", r, method, rule, m)
		}
		if !(app.Caller{Role: app.RoleAdmin}).Has(rule.Right) {
			t.Errorf("the admin may not %s", r)
		}
	}
}

// Each role may use exactly the routes of its rights; the rest answer 403
// problem details before anything runs.
func TestV1Roles(t *testing.T) {
	f := newFixture(t, Options{})
	bs, err := f.a.Imports.Batches("checkout-counts")
	if err != nil || len(bs) != 1 {
		t.Fatal(bs, err)
	}
	paths := map[string]string{
		"GET /api/v1/slts":                  "/api/v1/slts",
		"GET /api/v1/slts/{name}/report":    "/api/v1/slts/checkout-success/report?period=2025-06",
		"GET /api/v1/breaches":              "/api/v1/breaches",
		"POST /api/v1/feeds/{name}/batches": "/api/v1/feeds/checkout-counts/batches?dry_run=true",
		"GET /api/v1/batches/{id}":          fmt.Sprintf("/api/v1/batches/%d", bs[0].ID),
		"GET /api/v1/actions":               "/api/v1/actions?status=live",
		"GET /api/v1/predictions":           "/api/v1/predictions",
		// the fixture has no latency data: "not enough data" (422) past the door
		"GET /api/v1/feeds/{name}/calibration": "/api/v1/feeds/shop-latency/calibration",
	}
	csv := "timestamp,attempts,failed\n2025-06-03 00:00:00,170,2\n"
	for _, u := range append(fixtureUsers, app.NewUserRequest{Name: "admin", Role: app.RoleAdmin}) {
		for _, route := range app.RuledRoutes() {
			method, _, _ := strings.Cut(route, " ")
			var body io.Reader
			if method == "POST" {
				body = strings.NewReader(csv)
			}
			resp, text := f.v1(u.Name, method, paths[route], body, map[string]string{"Content-Type": "text/csv"})
			rule, _, _ := app.RouteRule(route)
			may := (app.Caller{Role: u.Role}).Has(rule.Right)
			// Suppliers see only their own feeds and batches: checkout-counts and batch 1 are nobody's.
			if may && u.Role == app.RoleSupplier && (method == "POST" || strings.Contains(route, "batches/{id}")) {
				if resp.StatusCode != 404 {
					t.Errorf("%s %s: %d %s, want 404 (not its feed)", u.Name, route, resp.StatusCode, text)
				}
				continue
			}
			switch {
			case may && route == "GET /api/v1/feeds/{name}/calibration" && resp.StatusCode == 422 && strings.Contains(text, "not enough data"):
			case may && resp.StatusCode != 200:
				t.Errorf("%s (%s) %s: %d %s", u.Name, u.Role, route, resp.StatusCode, text)
			case !may:
				if resp.StatusCode != 403 {
					t.Errorf("%s (%s) %s: %d, want 403", u.Name, u.Role, route, resp.StatusCode)
					continue
				}
				if p := problemOf(t, resp, text); !strings.Contains(p.Detail, string(rule.Right)) {
					t.Errorf("403 does not name the right: %s", p.Detail)
				}
			}
		}
	}
	resp, text := f.v1("", "GET", "/api/v1/slts", nil, nil)
	if resp.StatusCode != 401 || resp.Header.Get("WWW-Authenticate") == "" {
		t.Fatalf("no token: %d %v", resp.StatusCode, resp.Header)
	}
	problemOf(t, resp, text)
	// A stranger learns nothing about the routes: 401 before 404.
	if resp, _ := f.v1("", "GET", "/api/v1/nothing", nil, nil); resp.StatusCode != 401 {
		t.Fatalf("unknown route without a token: %d", resp.StatusCode)
	}
}

func TestV1Reads(t *testing.T) {
	f := newFixture(t, Options{})
	ov, err := f.a.Workspace.Overview()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, s := range ov.Services {
		for _, x := range s.SLTs {
			want = append(want, x.Name)
		}
	}
	slices.Sort(want)

	t.Run("pages", func(t *testing.T) {
		var got []string
		path := "/api/v1/slts?limit=4"
		for pages := 0; path != ""; pages++ {
			if pages > len(want) {
				t.Fatal("paging does not end")
			}
			var l SLTList
			resp := f.v1JSON(&l, "vera", path)
			for _, s := range l.Items {
				got = append(got, s.Name)
				if s.Service == "" || s.Indicator == "" {
					t.Errorf("SLT %+v lacks its service or indicator", s)
				}
			}
			if len(l.Items) > 4 {
				t.Fatalf("%d items on a page of 4", len(l.Items))
			}
			path = ""
			if l.NextCursor != "" {
				path = "/api/v1/slts?limit=4&cursor=" + url.QueryEscape(l.NextCursor)
				if link := resp.Header.Get("Link"); !strings.Contains(link, "cursor="+l.NextCursor) || !strings.Contains(link, `rel="next"`) {
					t.Errorf("Link %q does not lead to the next page", link)
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("paged through %v, want %v", got, want)
		}
		for _, bad := range []string{"limit=0", "limit=1001", "limit=x", "cursor=%25%25"} {
			resp, body := f.v1("vera", "GET", "/api/v1/slts?"+bad, nil, nil)
			if resp.StatusCode != 400 {
				t.Errorf("%s: %d %s", bad, resp.StatusCode, body)
			}
			problemOf(t, resp, body)
		}
	})

	t.Run("etag", func(t *testing.T) {
		const path = "/api/v1/slts/checkout-success/report?period=2025-06&at=2025-07-01T00:00:00Z"
		var rep app.Report
		resp := f.v1JSON(&rep, "vera", path)
		tag := resp.Header.Get("ETag")
		if !strings.HasPrefix(tag, `W/"`) || resp.Header.Get("Cache-Control") != "private, no-cache" {
			t.Fatalf("ETag %q, Cache-Control %q", tag, resp.Header.Get("Cache-Control"))
		}
		resp, body := f.v1("vera", "GET", path, nil, map[string]string{"If-None-Match": tag})
		if resp.StatusCode != 304 || body != "" {
			t.Fatalf("If-None-Match with the current ETag: %d %q", resp.StatusCode, body)
		}
		// Another evaluation time is another representation.
		resp, _ = f.v1("vera", "GET", strings.Replace(path, "2025-07-01", "2025-07-02", 1), nil, map[string]string{"If-None-Match": tag})
		if resp.StatusCode != 200 || resp.Header.Get("ETag") == tag {
			t.Fatalf("another at: %d %q", resp.StatusCode, resp.Header.Get("ETag"))
		}
		// A change of data changes every ETag.
		var other app.Report
		f.v1JSON(&other, "vera", "/api/v1/slts/checkout-success/report?period=2025-06&at=2025-07-01T00:00:00Z")
		if _, err := f.a.Actions.Add(app.NewAction{Title: "a test", Links: app.Links{SLT: "checkout-success"}}); err != nil {
			t.Fatal(err)
		}
		resp, _ = f.v1("vera", "GET", path, nil, map[string]string{"If-None-Match": tag})
		if resp.StatusCode != 200 || resp.Header.Get("ETag") == tag {
			t.Fatalf("after a change: %d, ETag %q was %q", resp.StatusCode, resp.Header.Get("ETag"), tag)
		}
	})

	t.Run("report", func(t *testing.T) {
		var got app.Report
		f.v1JSON(&got, "vera", "/api/v1/slts/checkout-success/report?period=2025-06&at=2025-07-01T00:00:00Z")
		want, err := f.a.Compliance.Report(app.ReportQuery{SLT: "checkout-success", Period: "2025-06", At: "2025-07-01T00:00:00Z"})
		if err != nil {
			t.Fatal(err)
		}
		gb, _ := json.Marshal(got)
		wb, _ := json.Marshal(want)
		if string(gb) != string(wb) || len(got.Rows) == 0 || got.Rows[0].Eligible == 0 {
			t.Fatalf("the API's report\n%s\nthe service's\n%s", gb, wb)
		}
		for path, status := range map[string]int{
			"/api/v1/slts/no-such-slt/report":                     404,
			"/api/v1/slts/checkout-success/report?period=2025-13": 400,
			"/api/v1/slts/checkout-success/report?at=yesterday":   400,
		} {
			resp, body := f.v1("vera", "GET", path, nil, nil)
			if resp.StatusCode != status {
				t.Errorf("%s: %d %s, want %d", path, resp.StatusCode, body, status)
			}
			problemOf(t, resp, body)
		}
	})

	t.Run("breaches", func(t *testing.T) {
		// Two bad months of checkout-success (≥ 99%): two breaches.
		f.importCSV("checkout-counts", "timestamp,attempts,failed\n2025-05-10 00:00:00,100,40\n2025-06-10 00:00:00,100,40\n")
		log, err := f.a.Compliance.Breaches(app.BreachQuery{At: "2025-07-01T00:00:00Z"})
		if err != nil {
			t.Fatal(err)
		}
		var ids, got []string
		for _, b := range log.Breaches {
			ids = append(ids, b.ID)
		}
		slices.Sort(ids)
		path := "/api/v1/breaches?limit=1&at=2025-07-01T00:00:00Z"
		for path != "" {
			var l BreachList
			f.v1JSON(&l, "ada", path)
			for _, b := range l.Items {
				got = append(got, b.ID)
			}
			path = ""
			if l.NextCursor != "" {
				path = "/api/v1/breaches?limit=1&at=2025-07-01T00:00:00Z&cursor=" + l.NextCursor
			}
		}
		if len(ids) == 0 || !slices.Equal(got, ids) {
			t.Fatalf("paged %v, the log has %v", got, ids)
		}
	})

	t.Run("actions", func(t *testing.T) {
		for i, due := range []string{"2020-01-10", "2099-01-10", "2020-02-01"} {
			if _, err := improve.AddAction(f.a.Store(), "max", improve.NewAction{Title: fmt.Sprint("action ", i), Owner: "max", Due: due,
				Links: improve.Links{SLT: "checkout-success"}}); err != nil {
				t.Fatal(err)
			}
		}
		var got []app.ActionItem
		path := "/api/v1/actions?limit=2"
		for path != "" {
			var l ActionList
			f.v1JSON(&l, "vera", path)
			for _, it := range l.Items { // other subtests add their own actions
				if strings.HasPrefix(it.Title, "action ") {
					got = append(got, it)
				}
			}
			path = ""
			if l.NextCursor != "" {
				path = "/api/v1/actions?limit=2&cursor=" + l.NextCursor
			}
		}
		if len(got) != 3 || got[0].ID >= got[1].ID || got[1].ID >= got[2].ID || got[0].Title != "action 0" {
			t.Fatalf("paged %+v", got)
		}
		var overdue ActionList
		f.v1JSON(&overdue, "ada", "/api/v1/actions?overdue=true&slt=checkout-success")
		if len(overdue.Items) != 2 || !overdue.Items[0].Overdue || overdue.Items[0].DaysOverdue == 0 {
			t.Fatalf("overdue: %+v", overdue.Items)
		}
		for _, bad := range []string{"status=finished", "overdue=maybe"} {
			resp, body := f.v1("vera", "GET", "/api/v1/actions?"+bad, nil, nil)
			if resp.StatusCode != 400 {
				t.Errorf("%s: %d %s", bad, resp.StatusCode, body)
			}
			problemOf(t, resp, body)
		}
	})

	t.Run("wrong method and route", func(t *testing.T) {
		resp, body := f.v1("vera", "DELETE", "/api/v1/slts", nil, nil)
		if resp.StatusCode != 405 || resp.Header.Get("Allow") != "GET" {
			t.Fatalf("DELETE: %d %v %s", resp.StatusCode, resp.Header, body)
		}
		problemOf(t, resp, body)
		resp, body = f.v1("vera", "GET", "/api/v1/nothing", nil, nil)
		if resp.StatusCode != 404 {
			t.Fatalf("unknown route: %d", resp.StatusCode)
		}
		problemOf(t, resp, body)
	})
}

// A supplier's system sends a file into its own feed and reads the findings;
// another supplier's feed and batch do not exist for it.
func TestV1PostBatch(t *testing.T) {
	f := newFixture(t, Options{})
	csv := "Order ID,Created,Delivered\nP-7,2025-06-04 09:00:00,2025-06-05 10:00:00\nP-8,2025-06-04 11:00:00,soon\n"
	post := func(user, feed, query, body string, hdr map[string]string) (*http.Response, string) {
		return f.v1(user, "POST", "/api/v1/feeds/"+feed+"/batches"+query, strings.NewReader(body), hdr)
	}
	resp, body := post("sam", "parcel-orders", "", csv, map[string]string{"Content-Type": "text/csv", "Content-Disposition": `attachment; filename="orders-june.csv"`})
	if resp.StatusCode != 201 {
		t.Fatalf("import: %d %s", resp.StatusCode, body)
	}
	var res app.ImportResult
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	if res.Batch == 0 || res.File != "orders-june.csv" || res.Counts.Imported != 1 || res.Counts.Rejected != 1 ||
		len(res.Findings) != 1 || res.Findings[0].Raw != "soon" || res.Findings[0].Row != 3 {
		t.Fatalf("answer %+v", res)
	}
	loc := resp.Header.Get("Location")
	if loc != fmt.Sprintf("/api/v1/batches/%d", res.Batch) {
		t.Fatalf("Location %q", loc)
	}
	var b app.BatchDetail
	f.v1JSON(&b, "sam", loc)
	if b.ID != res.Batch || b.Status != "published" || b.File != "orders-june.csv" || len(b.Findings) != 1 {
		t.Fatalf("batch %+v", b)
	}
	if r, text := f.v1("cleo", "GET", loc, nil, nil); r.StatusCode != 404 {
		t.Fatalf("another supplier reads the batch: %d %s", r.StatusCode, text)
	}
	evs, err := f.a.Audit.Log(0)
	if err != nil {
		t.Fatal(err)
	}
	if last := evs[len(evs)-1]; last.Action != "import" || last.Actor != "sam" {
		t.Fatalf("the trail's last event %+v does not name sam's import", last)
	}

	// The same row again (in another file) conflicts: nothing is imported, the findings say why.
	resp, body = post("sam", "parcel-orders", "", "Order ID,Created,Delivered\nP-7,2025-06-04 09:00:00,2025-06-05 10:00:00\n", nil)
	p := problemOf(t, resp, body)
	if resp.StatusCode != 422 || p.Result == nil || !p.Result.Refused || p.Result.Batch != 0 || len(p.Result.Findings) == 0 {
		t.Fatalf("again: %d %s", resp.StatusCode, body)
	}
	// A dry run answers 200 and creates nothing.
	resp, body = post("sam", "parcel-orders", "?dry_run=true&on_conflict=replace", "Order ID,Created,Delivered\nP-7,2025-06-04 09:00:00,2025-06-05 11:00:00\n", nil)
	if resp.StatusCode != 200 || resp.Header.Get("Location") != "" || !strings.Contains(body, `"dry_run": true`) && !strings.Contains(body, `"dry_run":true`) {
		t.Fatalf("dry run: %d %v %s", resp.StatusCode, resp.Header, body)
	}

	for _, c := range []struct {
		name, user, feed, query string
		status                  int
	}{
		{"another supplier's feed", "cleo", "parcel-orders", "", 404},
		{"no such feed", "max", "nothing", "", 404},
		{"bad dry_run", "sam", "parcel-orders", "?dry_run=perhaps", 400},
		{"viewer", "vera", "parcel-orders", "", 403},
	} {
		resp, body := post(c.user, c.feed, c.query, csv, nil)
		if resp.StatusCode != c.status {
			t.Errorf("%s: %d %s, want %d", c.name, resp.StatusCode, body, c.status)
		}
		problemOf(t, resp, body)
	}
	resp, body = post("sam", "parcel-orders", "", "", nil)
	if resp.StatusCode != 400 {
		t.Errorf("empty body: %d %s", resp.StatusCode, body)
	}

	// No Content-Length (chunked): refused before reading.
	req, _ := http.NewRequest("POST", f.base+"/api/v1/feeds/parcel-orders/batches", io.MultiReader(strings.NewReader(csv)))
	req.ContentLength = -1
	req.Header.Set("Authorization", "Bearer "+f.tok["sam"])
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusLengthRequired {
		t.Errorf("chunked: %d", r.StatusCode)
	}

	// A body announced larger than an upload may be is refused before a byte is read.
	conn, err := net.Dial("tcp", strings.TrimPrefix(f.base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/v1/feeds/parcel-orders/batches HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nContent-Length: %d\r\n\r\n",
		strings.TrimPrefix(f.base, "http://"), f.tok["sam"], app.MaxUploadSize+1)
	r, err = http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("a 512 MiB + 1 byte body: %d", r.StatusCode)
	}
}
