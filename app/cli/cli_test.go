package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run invokes the CLI as a user would and returns exit status, stdout, stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := run(t, args...)
	if code != 0 {
		t.Fatalf("slate %s: exit %d\n%s", strings.Join(args, " "), code, errs)
	}
	return out
}

func TestApplyGetRoundTrip(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	mustRun(t, "--db", a, "demo")
	if out := mustRun(t, "--db", a, "demo"); !strings.Contains(out, "0 created, 0 updated") {
		t.Fatalf("second demo changed something: %s", out)
	}
	yamlA := mustRun(t, "--db", a, "get", "all", "-o", "yaml")
	file := filepath.Join(dir, "a.yaml")
	os.WriteFile(file, []byte(yamlA), 0o600)
	mustRun(t, "--db", b, "apply", "-f", file)
	if yamlB := mustRun(t, "--db", b, "get", "all", "-o", "yaml"); yamlB != yamlA {
		t.Fatalf("get all -o yaml differs after apply round trip")
	}
	// -o json is an array of the same documents; KIND in any case and number.
	var docs []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "--db", b, "get", "SLTs", "-o", "json")), &docs); err != nil {
		t.Fatal(err)
	}
	if len(docs) < 8 || docs[0]["kind"] != "SLT" || docs[0]["apiVersion"] != "slate/v1" {
		t.Fatalf("get SLTs -o json = %v", docs)
	}
	one := mustRun(t, "--db", b, "--json", "get", "slt", "checkout-success")
	if !strings.Contains(one, `"name": "checkout-success"`) {
		t.Fatalf("get slt NAME --json = %s", one)
	}
}

func TestApplyInvalidChangesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	mustRun(t, "--db", db, "demo")
	before := mustRun(t, "--db", db, "get", "all", "-o", "yaml")
	log := mustRun(t, "--db", db, "--json", "audit", "log")
	tests := []struct{ name, doc, want string }{
		{"unknown kind", "apiVersion: slate/v1\nkind: Widget\nmetadata: {name: w}\nspec: {}\n", `document 2 (line 6) Widget/w: kind: unknown kind "Widget"`},
		{"dangling reference", "apiVersion: slate/v1\nkind: SLT\nmetadata: {name: x}\nspec: {service: nowhere, feed: checkout-counts, type: SLA, period: month, indicator: {kind: ratio}, objective: {target: 0.99}}\n", `SLT/x: spec.service: refers to Service "nowhere", which does not exist`},
		{"target 1.2 for a ratio", "apiVersion: slate/v1\nkind: SLT\nmetadata: {name: x}\nspec: {service: payments, feed: checkout-counts, type: SLA, period: month, indicator: {kind: ratio}, objective: {target: 1.2}}\n", `SLT/x: spec.objective.target: 1.2 is outside 0..1`},
		{"zone Mars/Base", "apiVersion: slate/v1\nkind: Calendar\nmetadata: {name: mars}\nspec: {timeZone: Mars/Base, hours: {mon: [\"08:00-18:00\"]}}\n", `Calendar/mars: spec.timeZone: unknown time zone "Mars/Base"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// A valid document first: it must not land either.
			text := "apiVersion: slate/v1\nkind: Service\nmetadata: {name: fresh}\nspec: {}\n---\n" + tc.doc
			file := filepath.Join(dir, "bad.yaml")
			os.WriteFile(file, []byte(text), 0o600)
			code, _, errs := run(t, "--db", db, "apply", "-f", file)
			if code == 0 {
				t.Fatal("apply of an invalid file succeeded")
			}
			if !strings.Contains(errs, tc.want) || !strings.Contains(errs, "nothing was changed") {
				t.Fatalf("stderr = %q, want %q", errs, tc.want)
			}
			if after := mustRun(t, "--db", db, "get", "all", "-o", "yaml"); after != before {
				t.Fatal("the database changed")
			}
			if after := mustRun(t, "--db", db, "--json", "audit", "log"); after != log {
				t.Fatal("the audit trail changed")
			}
		})
	}
}

func TestDeleteRefusedWhileReferenced(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	mustRun(t, "--db", db, "demo")
	code, _, errs := run(t, "--db", db, "delete", "service", "payments")
	if code == 0 || !strings.Contains(errs, "still referred to by SLT/checkout-success") {
		t.Fatalf("delete referenced service: exit %d, %q", code, errs)
	}
	mustRun(t, "--db", db, "delete", "maintenance", "db-upgrade-2026-03")
	if code, _, _ := run(t, "--db", db, "get", "maintenancewindow", "db-upgrade-2026-03"); code == 0 {
		t.Fatal("deleted window still there")
	}
	out := mustRun(t, "--db", db, "--json", "audit", "log")
	if !strings.Contains(out, `"action": "definition.deleted"`) {
		t.Fatal("delete not audited")
	}
	mustRun(t, "--db", db, "audit", "verify")
}

func TestDatabaseInUse(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	var out, errb bytes.Buffer
	holder := &env{stdout: &out, stderr: &errb, dbPath: db}
	if _, err := holder.open(); err != nil {
		t.Fatal(err)
	}
	defer holder.app.Close()
	code, _, errs := run(t, "--db", db, "get", "all")
	if code == 0 || !strings.Contains(errs, "database in use") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"apply"}, 2, "apply needs -f FILE"},
		{[]string{"get"}, 2, "usage: slate get"},
		{[]string{"get", "widgets"}, 1, `unknown kind "widgets"`},
		{[]string{"apply", "-f", "/no/such/file.yaml"}, 1, "no such file"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, _, errs := run(t, append([]string{"--db", db}, tc.args...)...)
			if code != tc.code || !strings.Contains(errs, tc.want) {
				t.Fatalf("exit %d, stderr %q; want %d, %q", code, errs, tc.code, tc.want)
			}
		})
	}
}

// A command's -h prints its usage without touching the database.
func TestCommandHelp(t *testing.T) {
	db := filepath.Join(t.TempDir(), "no", "such", "dir", "s.db")
	for _, args := range [][]string{{"import", "-h"}, {"pack", "--help"}, {"exception", "request", "-h"}} {
		code, out, errs := run(t, append([]string{"--db", db}, args...)...)
		want := "usage: slate " + strings.Join(args[:len(args)-1], " ")
		if code != 0 || !strings.HasPrefix(out, want) || errs != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 0 and %q", args, code, out, errs, want)
		}
	}
}
