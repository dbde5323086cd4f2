package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"slate/app"
)

func TestUserCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "u.db")
	mustRun(t, "--db", db, "demo", "--definitions-only")
	var nu app.NewUser
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "user", "add", "bot", "--role", "supplier", "--supplier", "parcelnet", "--json")), &nu); err != nil {
		t.Fatal(err)
	}
	if nu.User.Name != "bot" || nu.User.Supplier != "parcelnet" || !strings.HasPrefix(nu.Token, app.TokenPrefix) {
		t.Fatalf("add: %+v", nu)
	}
	text := mustRun(t, "--db", db, "user", "add", "vera", "--role", "viewer")
	if !strings.Contains(text, "shown only now") || !strings.Contains(text, app.TokenPrefix) {
		t.Fatalf("add (text):\n%s", text)
	}
	for _, bad := range [][]string{
		{"user", "add", "x", "--role", "supplier"},
		{"user", "add", "x", "--role", "boss"},
		{"user", "add", "vera", "--role", "viewer"},
		{"user", "revoke", "nobody"},
	} {
		if code, _, _ := run(t, append([]string{"--db", db}, bad...)...); code != 1 {
			t.Errorf("%v: exit %d", bad, code)
		}
	}
	if code, _, _ := run(t, "--db", db, "user", "add", "--role", "viewer"); code != 2 {
		t.Errorf("add without a name: exit %d", code)
	}
	mustRun(t, "--db", db, "user", "revoke", "vera")
	var list []app.UserInfo
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "user", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Name != "bot" || !list[0].Active || list[1].Active {
		t.Fatalf("list: %+v", list)
	}
	out := mustRun(t, "--db", db, "user", "list")
	if strings.Contains(out, app.TokenPrefix) || !strings.Contains(out, "revoked") {
		t.Fatalf("list (text):\n%s", out)
	}
	log := mustRun(t, "--db", db, "audit", "log")
	for _, want := range []string{"user.add", "User/bot", "user.revoke", "User/vera"} {
		if !strings.Contains(log, want) {
			t.Errorf("audit log lacks %s", want)
		}
	}
}
