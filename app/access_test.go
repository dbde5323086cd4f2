package app

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// The roles table of docs/security.md says what the code does.
func TestSecurityDocRolesTable(t *testing.T) {
	b, err := os.ReadFile("../docs/security.md")
	if err != nil {
		t.Fatal(err)
	}
	var header []string
	seen := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		cells := strings.Split(strings.Trim(line, "| "), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if len(cells) > 1 && cells[0] == "role" {
			header = cells[1:]
			continue
		}
		if header == nil || !slices.Contains(Roles(), cells[0]) {
			continue
		}
		role := cells[0]
		seen[role] = true
		var doc []Right
		for i, c := range cells[1:] {
			if c == "✓" {
				doc = append(doc, Right(header[i]))
			}
		}
		if code := RoleRights(role); !slices.Equal(doc, code) {
			t.Errorf("docs/security.md gives %s the rights %v; internal/access/access.go %v", role, doc, code)
		}
	}
	for _, r := range Roles() {
		if !seen[r] {
			t.Errorf("docs/security.md has no row for role %s", r)
		}
	}
	for _, r := range RoleRights(RoleAdmin) {
		if !slices.Contains(header, string(r)) {
			t.Errorf("docs/security.md has no column for right %s", r)
		}
	}
}
