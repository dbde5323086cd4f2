package access_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"slate/internal/access"
	"slate/internal/looptest"
	"slate/internal/storage"
)

func TestRules(t *testing.T) {
	for _, m := range access.Methods() {
		r, ok := access.MethodRule(m)
		if !ok || r.Right == "" || r.MaxBody <= 0 {
			t.Errorf("%s: rule %+v", m, r)
		}
		if !access.May(access.Admin, m) {
			t.Errorf("admin may not call %s", m)
		}
	}
	if access.May(access.Viewer, "Users/Add") || !access.May(access.Viewer, "Compliance/Report") || access.May(access.Admin, "Nope/Nothing") {
		t.Error("the viewer's rights are wrong, or an undeclared method is callable")
	}
	for _, route := range access.Routes() {
		r, method, ok := access.RouteRule(route)
		if m, _ := access.MethodRule(method); !ok || m.Right != r.Right {
			t.Errorf("%s takes %s's right %s, not %s", route, method, m.Right, r.Right)
		}
	}
	if ms := access.MethodsOf(access.Viewer); !slices.IsSorted(ms) || !slices.Contains(ms, "Compliance/Report") || slices.Contains(ms, "Users/Add") {
		t.Errorf("a viewer's methods: %v", ms)
	}
	if access.Has(access.Supplier, access.RightRead) || access.RoleRights("nobody") != nil {
		t.Error("a supplier reads the workspace, or an unknown role has rights")
	}
}

func TestUsers(t *testing.T) {
	st := looptest.Open(t, &looptest.Clock{T: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)})
	looptest.Apply(t, st, "apiVersion: slate/v1\nkind: Supplier\nmetadata: {name: parcelnet}\nspec: {contact: Marek}\n")
	if ok, err := access.HasUsers(st); err != nil || ok {
		t.Fatalf("a new workspace has users: %v %v", ok, err)
	}
	for _, bad := range [][3]string{{"", "viewer", ""}, {"a b", "viewer", ""}, {"ann", "boss", ""}, {"bot", "supplier", ""},
		{"ann", "viewer", "parcelnet"}, {"bot", "supplier", "nobody"}} {
		if _, _, err := access.AddUser(st, bad[0], bad[1], bad[2]); err == nil {
			t.Errorf("%v: want an error", bad)
		}
	}
	u, token, err := access.AddUser(st, " bot ", "Supplier", "parcelnet")
	if err != nil || u.Name != "bot" || u.Role != access.Supplier || !strings.HasPrefix(token, access.TokenPrefix) || u.TokenHash != storage.TokenHash(token) {
		t.Fatalf("add: %v %+v", err, u)
	}
	if _, _, err := access.AddUser(st, "bot", "viewer", ""); err == nil {
		t.Error("an active user was added twice")
	}
	if found, ok, err := access.Authenticate(st, token); err != nil || !ok || found.Name != "bot" {
		t.Errorf("authenticate: %v %v %+v", err, ok, found)
	}
	if _, ok, _ := access.Authenticate(st, token+"x"); ok {
		t.Error("a wrong token authenticated")
	}
	if ok, _ := access.HasUsers(st); !ok {
		t.Error("no active user after an add")
	}
	if u, err = access.RevokeUser(st, "bot"); err != nil || u.Active() {
		t.Fatalf("revoke: %v %+v", err, u)
	}
	if _, err := access.RevokeUser(st, "bot"); err == nil {
		t.Error("a user was revoked twice")
	}
	if ok, _ := access.HasUsers(st); ok {
		t.Error("a revoked user counts as active")
	}
}
