package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"slate/app"
	"slate/internal/storage"
)

// fixture is a real `slate serve` on a loopback port over a real database in
// t.TempDir(): the demo definitions, a little data in three feeds, and one
// user per role.
type fixture struct {
	t    *testing.T
	dir  string // the test's folder: slate/ holds the database, the rest is "outside"
	db   string
	a    *app.App
	srv  *Server
	base string
	// tok maps a user name to its token; "admin" is the --token admin (the OS user "owner").
	tok map[string]string
}

// The fixture's users: name → role (and supplier).
var fixtureUsers = []app.NewUserRequest{
	{Name: "vera", Role: app.RoleViewer},
	{Name: "sam", Role: app.RoleSupplier, Supplier: "parcelnet"},
	{Name: "cleo", Role: app.RoleSupplier, Supplier: "cloudhost"},
	{Name: "max", Role: app.RoleManager},
	{Name: "ada", Role: app.RoleApprover},
	{Name: "root", Role: app.RoleAdmin},
}

// The fixture's data files: feed → CSV. parcel-orders belongs to parcelnet,
// shop-probe to cloudhost, checkout-counts to no supplier.
var fixtureData = map[string]string{
	"parcel-orders":   "Order ID,Created,Delivered\nP-1,2025-06-02 09:00:00,2025-06-03 10:00:00\nP-2,2025-06-02 11:00:00,not yet\n",
	"shop-probe":      "timestamp,ok\n2025-06-02T00:00:00Z,1\n2025-06-02T00:01:00Z,1\n",
	"checkout-counts": "timestamp,attempts,failed\n2025-06-02 00:00:00,180,1\n2025-06-02 01:00:00,175,0\n",
}

func newFixture(t *testing.T, o Options) *fixture {
	t.Helper()
	dir := t.TempDir()
	f := &fixture{t: t, dir: dir, db: filepath.Join(dir, "slate", "slate.db"), tok: map[string]string{}}
	a, err := app.OpenWith(f.db, storage.Options{Actor: "owner"})
	if err != nil {
		t.Fatal(err)
	}
	f.a = a
	t.Cleanup(func() { a.Close() })
	if _, err := a.Workspace.LoadDemo(); err != nil {
		t.Fatal(err)
	}
	for feed, csv := range fixtureData {
		p := filepath.Join(dir, feed+".csv")
		if err := os.WriteFile(p, []byte(csv), 0o600); err != nil {
			t.Fatal(err)
		}
		if res, err := a.Local.Import(p, app.ImportRequest{Feed: feed}); err != nil || res.Batch == 0 {
			t.Fatalf("import %s: %+v %v", feed, res, err)
		}
		os.Remove(p)
	}
	for _, u := range fixtureUsers {
		nu, err := a.Users.Add(u)
		if err != nil {
			t.Fatal(err)
		}
		f.tok[u.Name] = nu.Token
	}
	if o.Token == "" {
		if o.Token, err = app.NewToken(); err != nil {
			t.Fatal(err)
		}
	}
	f.tok["admin"] = o.Token
	if f.srv, err = New(a, o); err != nil {
		t.Fatal(err)
	}
	ln, err := f.srv.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f.base = "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- f.srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return f
}

// call POSTs args as the user's token and returns the status and body.
func (f *fixture) call(user, method string, args ...any) (int, string) {
	f.t.Helper()
	if args == nil {
		args = []any{}
	}
	b, err := json.Marshal(args)
	if err != nil {
		f.t.Fatal(err)
	}
	return f.raw(user, method, bytes.NewReader(b), nil)
}

// raw POSTs a body with extra headers.
func (f *fixture) raw(user, method string, body io.Reader, hdr map[string]string) (int, string) {
	f.t.Helper()
	req, err := http.NewRequest(http.MethodPost, f.base+"/api/"+method, body)
	if err != nil {
		f.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if user != "" {
		req.Header.Set("Authorization", "Bearer "+f.tok[user])
	}
	for k, v := range hdr {
		if k == "Host" {
			req.Host = v
		} else {
			req.Header.Set(k, v)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(out)
}

// ok calls and decodes a 200 answer into out.
func (f *fixture) ok(out any, user, method string, args ...any) {
	f.t.Helper()
	code, body := f.call(user, method, args...)
	if code != http.StatusOK {
		f.t.Fatalf("%s as %s: %d %s", method, user, code, body)
	}
	if out != nil {
		if err := json.Unmarshal([]byte(body), out); err != nil {
			f.t.Fatalf("%s: %v in %s", method, err, body)
		}
	}
}

// upload sends data as a file named name and returns the upload id.
func (f *fixture) upload(user, name string, data []byte) string {
	f.t.Helper()
	var u app.UploadedFile
	f.ok(&u, user, "Imports/Upload", app.UploadChunk{Name: name, Size: int64(len(data)), Data: data})
	if !u.Complete {
		f.t.Fatalf("upload %s: %+v", name, u)
	}
	return u.ID
}
