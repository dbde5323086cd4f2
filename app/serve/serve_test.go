package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"slate/app"
)

func TestAPI(t *testing.T) {
	f := newFixture(t, Options{Assets: fstest.MapFS{"index.html": {Data: []byte("<h1>Slate</h1>")}}})
	tests := []struct {
		name, user, path, body string
		status                 int
		want                   string
	}{
		{"no token", "", "Workspace/Overview", `[]`, 401, "missing or wrong token"},
		{"call", "admin", "Workspace/Definitions", `["Supplier","parcelnet"]`, 200, `"name":"parcelnet"`},
		{"a user's token", "vera", "Workspace/Definitions", `["Supplier","parcelnet"]`, 200, `"name":"parcelnet"`},
		{"go error", "admin", "Approvals/RequestFalsePositive", `[{"breach":"nonsense","reason":"r"}]`, 422, `is not a breach id`},
		{"wrong arity", "admin", "Workspace/Definitions", `["Supplier"]`, 400, "takes 2 argument(s), got 1"},
		{"too many", "admin", "Workspace/Definitions", `["a","b","c"]`, 400, "takes 2 argument(s), got more"},
		{"wrong type", "admin", "Imports/Batch", `["x"]`, 400, "argument 1"},
		{"not an array", "admin", "Imports/Batch", `{"id":1}`, 400, "JSON array"},
		{"trailing data", "admin", "Imports/Batch", `[1] [2]`, 400, "nothing after it"},
		{"unknown field", "admin", "Exceptions/Approve", `[{"id":"EX-1","note":"x","by":"someone"}]`, 400, `unknown field`},
		{"no such method", "admin", "Workspace/Bye", `[]`, 404, "no such API method"},
		{"Go-only method", "admin", "Jobs/Wait", `[{}, 1]`, 404, "no such API method"},
		{"empty body, no arguments", "admin", "Session/Me", ``, 200, `"role":"admin"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, body := f.raw(tc.user, tc.path, strings.NewReader(tc.body), nil)
			if code != tc.status || !strings.Contains(body, tc.want) {
				t.Fatalf("got %d %s; want %d containing %q", code, body, tc.status, tc.want)
			}
		})
	}
	resp, err := http.Get(f.base + "/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(b) != "<h1>Slate</h1>" || resp.Header.Get("Access-Control-Allow-Origin") != "" ||
		!strings.Contains(resp.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") || resp.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Fatalf("UI: %d %q %v", resp.StatusCode, b, resp.Header)
	}
	resp, _ = http.Get(f.base + "/api/Session/Me")
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("GET on the API: %d", resp.StatusCode)
	}
}

// Every bound method has a rule, and every rule names a bound method: a new
// method cannot be served unguarded, and the table holds nothing stale.
func TestEveryMethodHasARole(t *testing.T) {
	f := newFixture(t, Options{})
	var served []string
	for m := range f.srv.Methods() {
		served = append(served, m)
	}
	slices.Sort(served)
	if got := app.RuledMethods(); !slices.Equal(got, served) {
		t.Fatalf("rules for %v\nserved %v", got, served)
	}
	for _, m := range served {
		r, _ := app.AccessRule(m)
		if r.MaxBody <= 0 || r.MaxBody > 16<<20 {
			t.Errorf("%s: body limit %d", m, r.MaxBody)
		}
		if !(app.Caller{Role: app.RoleAdmin}).May(m) {
			t.Errorf("the admin may not call %s", m)
		}
	}
}

// Each role may call exactly the methods of its rights: everything else is
// refused before the body is read or the method runs.
func TestRolesOverHTTP(t *testing.T) {
	f := newFixture(t, Options{})
	writes := []string{"Workspace/Apply", "Workspace/Delete", "Workspace/LoadDemo", "Imports/Start", "Imports/Import", "Imports/Revert",
		"Exceptions/Request", "Exceptions/Approve", "Exceptions/Reject", "Packs/Build", "Packs/Start",
		"Users/Add", "Users/Revoke", "Actions/Add", "Actions/Update", "Actions/Close", "RCAs/Open", "RCAs/Update", "RCAs/Close", "Reviews/Record",
		"Meetings/Record", "Improvements/Add", "Integrations/Retry", "Integrations/Deliver", "Approvals/RequestFalsePositive",
		"Approvals/RequestPause", "Approvals/Approve", "Approvals/Reject"}
	for _, u := range append(fixtureUsers, app.NewUserRequest{Name: "admin", Role: app.RoleAdmin}) {
		c := app.Caller{Name: u.Name, Role: u.Role}
		var me app.Me
		f.ok(&me, u.Name, "Session/Me")
		if want := map[bool]string{true: "owner", false: u.Name}[u.Name == "admin"]; me.Name != want || me.Role != u.Role {
			t.Errorf("%s: Session/Me says %+v", u.Name, me)
		}
		for m := range f.srv.Methods() {
			if slices.Contains(me.Methods, m) != c.May(m) {
				t.Errorf("%s: Session/Me and the rules disagree on %s", u.Name, m)
			}
			if c.May(m) {
				continue
			}
			// A huge declared body changes nothing: the role is checked first.
			code, body := f.raw(u.Name, m, strings.NewReader("[]"), nil)
			if code != http.StatusForbidden || !strings.Contains(body, "may not call "+m) {
				t.Errorf("%s (%s) calling %s: %d %s", u.Name, u.Role, m, code, body)
			}
		}
	}
	// The viewer reads, and writes nothing.
	for _, m := range writes {
		if (app.Caller{Role: app.RoleViewer}).May(m) {
			t.Errorf("a viewer may call %s", m)
		}
	}
	var ov app.Overview
	f.ok(&ov, "vera", "Workspace/Overview")
	if len(ov.Services) == 0 {
		t.Fatal("the viewer sees no services")
	}
	// An approver decides but does not define or import; a manager the reverse.
	for m, who := range map[string][]string{"Workspace/Apply": {"max", "root"}, "Exceptions/Approve": {"ada", "root"}, "Imports/Start": {"max", "sam", "cleo", "root"},
		"Actions/Add": {"max", "root"}, "RCAs/Close": {"max", "root"}, "Meetings/Record": {"max", "root"}, "Approvals/RequestFalsePositive": {"max", "root"},
		"Approvals/Approve": {"ada", "root"}, "Actions/List": {"vera", "max", "ada", "root"}, "Meetings/AgendaFile": {"vera", "max", "ada", "root"}} {
		for _, u := range fixtureUsers {
			if got := (app.Caller{Role: u.Role}).May(m); got != slices.Contains(who, u.Name) {
				t.Errorf("%s may call %s: %v", u.Name, m, got)
			}
		}
	}
	// Revoking a user locks the token out at once.
	f.ok(nil, "root", "Users/Revoke", "vera")
	if code, _ := f.call("vera", "Workspace/Overview"); code != http.StatusUnauthorized {
		t.Fatalf("a revoked token still works: %d", code)
	}
	events, _ := f.a.Audit.Log(0)
	last := events[len(events)-1]
	if last.Action != "user.revoke" || last.Actor != "root" || last.Object != "User/vera" {
		t.Fatalf("revocation audited as %+v", last)
	}
}

// A supplier sees and feeds only its own feeds, batches and rejects.
func TestSupplierSeesOnlyItsFeeds(t *testing.T) {
	f := newFixture(t, Options{})
	var feeds []app.FeedInfo
	f.ok(&feeds, "sam", "Imports/Feeds")
	if len(feeds) != 1 || feeds[0].Name != "parcel-orders" {
		t.Fatalf("sam's feeds: %+v", feeds)
	}
	var all, mine []struct {
		ID   uint64 `json:"id"`
		Feed string `json:"feed"`
	}
	f.ok(&all, "max", "Imports/Batches", "")
	f.ok(&mine, "sam", "Imports/Batches", "")
	if len(all) != 3 || len(mine) != 1 || mine[0].Feed != "parcel-orders" {
		t.Fatalf("batches: all %+v, sam's %+v", all, mine)
	}
	for _, b := range all {
		own := b.Feed == "parcel-orders"
		for _, m := range []string{"Imports/Batch", "Imports/RejectsFile"} {
			args := []any{b.ID}
			if m == "Imports/RejectsFile" {
				args = append(args, "csv")
			}
			code, body := f.call("sam", m, args...)
			if (code == http.StatusOK) != own || (!own && !strings.Contains(body, "no such batch")) {
				t.Errorf("sam %s of batch %d (%s): %d %s", m, b.ID, b.Feed, code, body)
			}
		}
		if code, _ := f.call("sam", "Imports/Batches", b.Feed); code != http.StatusOK {
			t.Errorf("sam lists batches of %s: %d", b.Feed, code)
		}
	}
	var other []any
	f.ok(&other, "sam", "Imports/Batches", "shop-probe")
	if len(other) != 0 {
		t.Fatalf("sam sees cloudhost's batches: %v", other)
	}
	// Its own feed: template, preview and import; another's: "no such feed".
	var tpl app.FileData
	f.ok(&tpl, "sam", "Imports/TemplateFile", "parcel-orders")
	if tpl.Name != "parcel-orders-template.xlsx" || len(tpl.Data) == 0 {
		t.Fatalf("template: %s %d bytes", tpl.Name, len(tpl.Data))
	}
	data := []byte("Order ID,Created,Delivered\nP-9,2025-06-04 09:00:00,2025-06-05 10:00:00\n")
	for _, feed := range []string{"shop-probe", "checkout-counts"} {
		id := f.upload("sam", "orders.csv", data)
		for _, m := range []string{"Imports/Preview", "Imports/TemplateFile", "Imports/Start"} {
			var args []any
			switch m {
			case "Imports/Preview":
				args = []any{id, feed, ""}
			case "Imports/TemplateFile":
				args = []any{feed}
			default:
				args = []any{app.ImportRequest{Upload: id, Feed: feed}}
			}
			if code, body := f.call("sam", m, args...); code != http.StatusUnprocessableEntity || !strings.Contains(body, "no such feed") {
				t.Errorf("sam %s into %s: %d %s", m, feed, code, body)
			}
		}
	}
	id := f.upload("sam", "orders.csv", data)
	var job uint64
	f.ok(&job, "sam", "Imports/Start", app.ImportRequest{Upload: id, Feed: "parcel-orders"})
	var j app.Job
	for j.State == "" || j.State == app.JobRunning {
		f.ok(&j, "sam", "Jobs/Get", job)
	}
	if j.State != app.JobDone || j.Owner != "sam" {
		t.Fatalf("sam's import: %+v", j)
	}
	// Another caller does not see sam's job; the admin does.
	if code, _ := f.call("max", "Jobs/Get", job); code != http.StatusUnprocessableEntity {
		t.Errorf("max sees sam's job: %d", code)
	}
	var jobs []app.Job
	f.ok(&jobs, "cleo", "Jobs/List")
	if len(jobs) != 0 {
		t.Errorf("cleo sees jobs %+v", jobs)
	}
	f.ok(&j, "admin", "Jobs/Get", job)
	// The import is audited as sam's.
	events, _ := f.a.Audit.Log(0)
	var found bool
	for _, e := range events {
		found = found || e.Action == "import" && e.Actor == "sam"
	}
	if !found {
		t.Fatalf("no import event by sam in %+v", events[len(events)-3:])
	}
}

// Four eyes by identity: whoever requested an exception cannot decide it,
// whatever name the call claims.
func TestRequesterCannotDecide(t *testing.T) {
	f := newFixture(t, Options{})
	req := app.ExceptionRequest{SLT: "parcel-delivery-48h", From: "2025-06-02T00:00:00Z", To: "2025-06-03T00:00:00Z", Reason: "courier strike"}
	// A claimed requester name is refused outright.
	code, body := f.raw("admin", "Exceptions/Request", strings.NewReader(`[{"slt":"parcel-delivery-48h","from":"2025-06-02T00:00:00Z","to":"2025-06-03T00:00:00Z","reason":"x","requested_by":"ada"}]`), nil)
	if code != http.StatusBadRequest || !strings.Contains(body, "requested_by") {
		t.Fatalf("claimed requester: %d %s", code, body)
	}
	var x app.Exception
	f.ok(&x, "admin", "Exceptions/Request", req)
	if x.RequestedBy != "owner" {
		t.Fatalf("requested by %q, want the admin token's owner", x.RequestedBy)
	}
	for _, claim := range []string{`"by":"ada"`, `"decided_by":"ada"`, `"requested_by":"ada"`} {
		code, body := f.raw("admin", "Exceptions/Approve", strings.NewReader(fmt.Sprintf(`[{"id":%q,"note":"ok",%s}]`, x.ID, claim)), nil)
		if code != http.StatusBadRequest {
			t.Errorf("approve claiming %s: %d %s", claim, code, body)
		}
	}
	for _, m := range []string{"Exceptions/Approve", "Exceptions/Reject"} {
		code, body := f.call("admin", m, app.ExceptionDecision{ID: x.ID, Note: "fine"})
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "cannot also decide") {
			t.Errorf("the requester %s: %d %s", m, code, body)
		}
	}
	// An approver account whose name is the requester's, in any case, is the same person.
	nu, err := f.a.Users.Add(app.NewUserRequest{Name: "OWNER", Role: app.RoleApprover})
	if err != nil {
		t.Fatal(err)
	}
	f.tok["OWNER"] = nu.Token
	if code, body := f.call("OWNER", "Exceptions/Approve", app.ExceptionDecision{ID: x.ID, Note: "fine"}); code != http.StatusUnprocessableEntity || !strings.Contains(body, "cannot also decide") {
		t.Errorf("the requester under another account of the same name: %d %s", code, body)
	}
	// The manager who requests cannot approve (no right); the approver can.
	var y app.Exception
	f.ok(&y, "max", "Exceptions/Request", req)
	if code, _ := f.call("max", "Exceptions/Approve", app.ExceptionDecision{ID: y.ID, Note: "mine"}); code != http.StatusForbidden {
		t.Fatalf("a manager approved: %d", code)
	}
	var done app.Exception
	f.ok(&done, "ada", "Exceptions/Approve", app.ExceptionDecision{ID: x.ID, Note: "confirmed by the courier's notice"})
	if done.Status != "approved" || done.DecidedBy != "ada" {
		t.Fatalf("approved: %+v", done)
	}
}

// The Host header must name this server; a cross-origin browser call is refused.
func TestHostAndOrigin(t *testing.T) {
	f := newFixture(t, Options{PublicURL: "https://slate.example.com"})
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(f.base, "http://"))
	for host, want := range map[string]int{
		"127.0.0.1:" + port: 200, "localhost:" + port: 200, "[::1]:" + port: 200, "slate.example.com": 200,
		"evil.example:" + port: 421, "127.0.0.1:1": 421, "slate.example.com:" + port: 421,
	} {
		code, body := f.raw("vera", "Session/Me", strings.NewReader("[]"), map[string]string{"Host": host})
		if code != want {
			t.Errorf("Host %q: %d %s", host, code, body)
		}
	}
	for _, h := range []map[string]string{
		{"Origin": "http://evil.example"},
		{"Sec-Fetch-Site": "cross-site"},
		{"Sec-Fetch-Site": "same-site", "Origin": "http://evil.example"},
	} {
		if code, _ := f.raw("vera", "Session/Me", strings.NewReader("[]"), h); code != http.StatusForbidden {
			t.Errorf("%v: %d, want 403", h, code)
		}
	}
	for _, h := range []map[string]string{
		{"Origin": f.base, "Sec-Fetch-Site": "same-origin"},
		{"Origin": "https://slate.example.com"},
		{}, // not a browser
	} {
		if code, body := f.raw("vera", "Session/Me", strings.NewReader("[]"), h); code != http.StatusOK {
			t.Errorf("%v: %d %s", h, code, body)
		}
	}
}

// Bodies are limited per method; errors never carry a large argument back.
func TestBodyLimitsAndEchoes(t *testing.T) {
	f := newFixture(t, Options{})
	big := strings.Repeat("A", app.DefaultMaxBody)
	code, body := f.call("admin", "Approvals/RequestFalsePositive", app.FalsePositiveRequest{Breach: big, Reason: "reason"})
	if code != http.StatusRequestEntityTooLarge || len(body) > 1000 {
		t.Fatalf("over the limit: %d, %d bytes back", code, len(body))
	}
	half := strings.Repeat("A", app.DefaultMaxBody/2)
	for _, m := range [][]any{{"Approvals/RequestFalsePositive", app.FalsePositiveRequest{Breach: half, Reason: "reason"}}, {"Workspace/Definitions", "Feed", half},
		{"Imports/TemplateFile", half}, {"Packs/Download", half}, {"Users/Revoke", half}, {"Workspace/Apply", half, "x: ["}} {
		code, body := f.call("admin", m[0].(string), m[1:]...)
		if code != http.StatusUnprocessableEntity || len(body) > 20<<10 {
			t.Errorf("%s with a %d-byte argument: %d, %d bytes back", m[0], len(half), code, len(body))
		}
	}
	// The upload chunk fits its own, larger limit.
	chunk := make([]byte, app.MaxUploadChunk)
	if code, body := f.call("max", "Imports/Upload", app.UploadChunk{Name: "big.csv", Size: int64(len(chunk)), Data: chunk}); code != http.StatusOK {
		t.Fatalf("a full upload chunk: %d %s", code, body)
	}
}

// A body that stops arriving is dropped, not held.
func TestSlowBodyIsDropped(t *testing.T) {
	f := newFixture(t, Options{StallTimeout: 200 * time.Millisecond})
	conn, err := net.Dial("tcp", strings.TrimPrefix(f.base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/Session/Me HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nContent-Length: 100\r\n\r\n[", strings.TrimPrefix(f.base, "http://"), f.tok["vera"])
	// Send nothing more: the server answers 408 and closes; a test deadline
	// far beyond the stall timeout only guards against a hang.
	conn.SetReadDeadline(time.Now().Add(time.Minute))
	got, err := io.ReadAll(conn)
	if err != nil {
		t.Fatalf("the server held the connection: %v", err)
	}
	if !strings.HasPrefix(string(got), "HTTP/1.1 408") {
		t.Fatalf("answer to a stalled body: %q", got)
	}
}

func TestCheckAddr(t *testing.T) {
	strong := "3f1c2b9a8e7d6c5b4a3928171605f4e3" // 32 hex digits: 128 bits
	tests := []struct {
		addr, token string
		users       bool
		want        error
	}{
		{"127.0.0.1:8420", "", false, nil},
		{"localhost:8420", "a", false, nil},
		{"[::1]:8420", "", false, nil},
		{"0.0.0.0:8420", "", false, ErrTokenRequired},
		{"192.0.2.10:8420", "", false, ErrTokenRequired},
		{"0.0.0.0:8420", "", true, nil},
		{"0.0.0.0:8420", "a", false, ErrWeakToken},
		{"0.0.0.0:8420", "a", true, ErrWeakToken},
		{"0.0.0.0:8420", strings.Repeat("ab", 40), false, ErrWeakToken},
		{"0.0.0.0:8420", strong[:30], false, ErrWeakToken},
		{"0.0.0.0:8420", strong, false, nil},
	}
	for _, tc := range tests {
		err := CheckAddr(tc.addr, tc.token, tc.users)
		if (tc.want == nil) != (err == nil) || (tc.want != nil && !errors.Is(err, tc.want)) {
			t.Errorf("CheckAddr(%s, %q, users=%v) = %v, want %v", tc.addr, tc.token, tc.users, err, tc.want)
		}
	}
	for i := 0; i < 20; i++ {
		tok, _ := app.NewToken()
		if b := TokenBits(tok); b < 256 {
			t.Fatalf("a generated token %s rates %.0f bits", tok, b)
		}
	}
}

func TestUsersOverHTTP(t *testing.T) {
	f := newFixture(t, Options{})
	var nu app.NewUser
	f.ok(&nu, "root", "Users/Add", app.NewUserRequest{Name: "eve", Role: app.RoleViewer})
	if !strings.HasPrefix(nu.Token, app.TokenPrefix) || nu.User.CreatedBy != "root" || !nu.User.Active {
		t.Fatalf("new user %+v", nu)
	}
	f.tok["eve"] = nu.Token
	var me app.Me
	f.ok(&me, "eve", "Session/Me")
	if me.Name != "eve" || me.Role != app.RoleViewer {
		t.Fatalf("eve is %+v", me)
	}
	var list []app.UserInfo
	f.ok(&list, "root", "Users/List")
	raw, _ := json.Marshal(list)
	if strings.Contains(string(raw), nu.Token) || strings.Contains(string(raw), "sha256") || len(list) != len(fixtureUsers)+1 {
		t.Fatalf("list %s", raw)
	}
	for _, bad := range []app.NewUserRequest{
		{Name: "eve", Role: app.RoleViewer},   // exists
		{Name: "EVE", Role: app.RoleViewer},   // same name, other case
		{Name: "../x", Role: app.RoleViewer},  // not a name
		{Name: "bob", Role: "superuser"},      // no such role
		{Name: "bob", Role: app.RoleSupplier}, // supplier without a supplier
		{Name: "bob", Role: app.RoleSupplier, Supplier: "nobody"},
		{Name: "bob", Role: app.RoleViewer, Supplier: "parcelnet"},
	} {
		if code, body := f.call("root", "Users/Add", bad); code != http.StatusUnprocessableEntity {
			t.Errorf("add %+v: %d %s", bad, code, body)
		}
	}
}
