package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"slate/internal/storage"
)

func TestUsersTokensAndAudit(t *testing.T) {
	a, _ := newImportApp(t)
	if _, err := a.Workspace.Apply("s.yaml", "apiVersion: slate/v1\nkind: Supplier\nmetadata: {name: acme}\nspec: {}\n"); err != nil {
		t.Fatal(err)
	}
	nu, err := a.Users.Add(NewUserRequest{Name: "ann", Role: " Manager "})
	if err != nil || nu.User.Role != RoleManager || nu.User.CreatedBy != a.store.Actor() || !strings.HasPrefix(nu.Token, TokenPrefix) {
		t.Fatalf("add: %+v %v", nu, err)
	}
	sup, err := a.Users.Add(NewUserRequest{Name: "acme-bot", Role: RoleSupplier, Supplier: "acme"})
	if err != nil || sup.User.Supplier != "acme" {
		t.Fatalf("supplier user: %+v %v", sup, err)
	}
	c, ok, err := a.Authenticate(nu.Token)
	if err != nil || !ok || c != (Caller{Name: "ann", Role: RoleManager}) {
		t.Fatalf("authenticate: %+v %v %v", c, ok, err)
	}
	if c, ok, _ := a.Authenticate(sup.Token); !ok || c.Supplier != "acme" || !c.scoped() {
		t.Fatalf("supplier caller %+v", c)
	}
	for _, bad := range []string{"", nu.Token + "x", strings.TrimPrefix(nu.Token, TokenPrefix), storage.TokenHash(nu.Token)} {
		if _, ok, _ := a.Authenticate(bad); ok {
			t.Errorf("token %q was accepted", bad)
		}
	}
	// Changes made through ann's view are audited as ann's.
	if _, err := a.As(c).Workspace.Apply("x.yaml", "apiVersion: slate/v1\nkind: Supplier\nmetadata: {name: beta}\nspec: {}\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Users.Revoke("ANN"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := a.Authenticate(nu.Token); ok {
		t.Fatal("a revoked token still works")
	}
	if _, err := a.Users.Revoke("ann"); err == nil || !strings.Contains(err.Error(), "already revoked") {
		t.Fatalf("revoke twice: %v", err)
	}
	again, err := a.Users.Add(NewUserRequest{Name: "ann", Role: RoleViewer})
	if err != nil || again.Token == nu.Token {
		t.Fatalf("re-adding a revoked user: %+v %v", again, err)
	}
	events, _ := a.Audit.Log(0)
	var actions []string
	for _, e := range events {
		actions = append(actions, e.Actor+":"+e.Action+":"+e.Object)
	}
	got := strings.Join(actions, " ")
	for _, want := range []string{"tester:user.add:User/ann", "tester:user.add:User/acme-bot", "ann:definition.created:Supplier/beta", "tester:user.revoke:User/ann"} {
		if !strings.Contains(got, want) {
			t.Errorf("audit lacks %s: %s", want, got)
		}
	}
	list, _ := a.Users.List()
	if len(list) != 2 || list[1].Name != "ann" || !list[1].Active || list[1].Role != RoleViewer {
		t.Fatalf("list %+v", list)
	}
	// Only hashes are stored: no token appears in the file.
	a.Close()
	raw, err := os.ReadFile(a.store.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range []string{nu.Token, sup.Token, again.Token} {
		if bytes.Contains(raw, []byte(tok)) || bytes.Contains(raw, []byte(strings.TrimPrefix(tok, TokenPrefix))) {
			t.Fatal("a token is stored in the database")
		}
	}
}

// Uploads live in <database>.uploads, belong to whoever sent them, and go
// away after use, when discarded, or with the process that took them.
func TestUploadFolder(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	a := openImportApp(t, db)
	if _, err := a.Workspace.Apply("feeds.yaml", testFeeds); err != nil {
		t.Fatal(err)
	}
	data := []byte("Time,Requests,Errors\n2024-05-01T00:00:00Z,100,2\n")
	u, err := a.Imports.Upload(UploadChunk{Name: "a.csv", Size: int64(len(data)), Data: data})
	if err != nil {
		t.Fatal(err)
	}
	stored := a.shared.uploads.Path(u.ID)
	if filepath.Dir(filepath.Dir(stored)) != db+".uploads" {
		t.Fatalf("upload stored at %s", stored)
	}
	// The synchronous Import removes the upload too (it used to stay forever).
	if res, err := a.Imports.Import(ImportRequest{Upload: u.ID, Feed: "req"}); err != nil || res.Batch == 0 {
		t.Fatalf("import: %+v %v", res, err)
	}
	if _, err := os.Stat(filepath.Dir(stored)); !os.IsNotExist(err) {
		t.Fatalf("the imported upload stayed: %v", err)
	}
	// A file the CLI names is read where it is and never removed.
	own := writeFile(t, dir, "mine.csv", []byte("Time,Requests,Errors\n2024-05-01T00:05:00Z,100,2\n"))
	if res, err := a.Local.Import(own, ImportRequest{Feed: "req"}); err != nil || res.Batch == 0 || res.File != "mine.csv" {
		t.Fatalf("local import: %+v %v", res, err)
	}
	if _, err := os.Stat(own); err != nil {
		t.Fatalf("the CLI's own file was removed: %v", err)
	}
	// What a run leaves behind is swept at the next open; nothing else is touched.
	left, _ := a.Imports.Upload(UploadChunk{Name: "left.csv", Size: 3, Data: []byte("abc")})
	leftDir := filepath.Dir(a.shared.uploads.Path(left.ID))
	other := filepath.Join(db+".uploads", "not-an-upload")
	os.MkdirAll(other, 0o755)
	a.Close()
	b := openImportApp(t, db)
	defer b.Close()
	if _, err := os.Stat(leftDir); !os.IsNotExist(err) {
		t.Fatalf("a left-over upload survived the next open: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Fatalf("the sweep removed a folder that is not an upload: %v", err)
	}
	// A caller's uploads are bounded.
	if _, err := b.Imports.Upload(UploadChunk{Name: "1.csv", Size: MaxUploadSize}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Imports.Upload(UploadChunk{Name: "2.csv", Size: MaxUploadSize}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Imports.Upload(UploadChunk{Name: "3.csv", Size: 1}); err == nil || !strings.Contains(err.Error(), "import or discard them first") {
		t.Fatalf("a third big upload: %v", err)
	}
	if _, err := b.As(Caller{Name: "other", Role: RoleViewer}).Imports.Upload(UploadChunk{Name: "3.csv", Size: 1}); err != nil {
		t.Fatalf("another caller's upload: %v", err)
	}
}

// The CLI writes where its user says, but never over the open database.
func TestLocalWritesNotOverTheDatabase(t *testing.T) {
	a, dir := newImportApp(t)
	if err := a.Local.Template("req", a.store.Path()); err == nil || !strings.Contains(err.Error(), "open Slate database") {
		t.Fatalf("template over the database: %v", err)
	}
	if _, err := a.Local.Rejects(1, a.store.Path()); err == nil {
		t.Fatal("rejects over the database")
	}
	if v, err := a.Audit.Verify(); err != nil || !v.OK {
		t.Fatalf("database after the attempts: %+v %v", v, err)
	}
	p := filepath.Join(dir, "t.xlsx")
	if err := a.Local.Template("req", p); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); !bytes.HasPrefix(b, []byte("PK")) {
		t.Fatal("the template is not an XLSX")
	}
	f, err := a.Imports.TemplateFile("req")
	if err != nil || f.Name != "req-template.xlsx" || f.Type != MimeXLSX || !bytes.HasPrefix(f.Data, []byte("PK")) {
		t.Fatalf("template download: %s %v", f.Name, err)
	}
}

// Jobs belong to whoever started them; an admin sees everyone's.
func TestJobsByOwner(t *testing.T) {
	a, dir := newImportApp(t)
	path := writeFile(t, dir, "r.csv", []byte("Time,Requests,Errors\n2024-05-01T00:00:00Z,100,2\n"))
	ann := a.As(Caller{Name: "ann", Role: RoleManager})
	if ann.Local != nil {
		t.Fatal("a view has the CLI's file access")
	}
	u, err := a.shared.uploads.Adopt("ann", path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := ann.Imports.Start(ImportRequest{Upload: u.ID, Feed: "req", DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	j, err := ann.Jobs.Wait(context.Background(), id)
	if err != nil || j.Owner != "ann" || j.State != JobDone {
		t.Fatalf("ann's job: %+v %v", j, err)
	}
	bob := a.As(Caller{Name: "bob", Role: RoleManager})
	if _, err := bob.Jobs.Get(id); err == nil {
		t.Fatal("bob sees ann's job")
	}
	if _, err := bob.Jobs.Cancel(id); err == nil {
		t.Fatal("bob cancels ann's job")
	}
	if len(bob.Jobs.List()) != 0 || len(ann.Jobs.List()) != 1 || len(a.Jobs.List()) != 1 {
		t.Fatal("job lists by owner")
	}
	if _, err := bob.Imports.Start(ImportRequest{Upload: u.ID, Feed: "req"}); err == nil {
		t.Fatal("bob imported ann's upload")
	}
}
