package manifest

import (
	"bytes"
	"strings"
	"testing"

	"slate/internal/demo"
	"slate/internal/domain"
)

func demoWS(t *testing.T) *domain.Workspace {
	t.Helper()
	return domain.NewWorkspace(decodeValid(t, demo.Definitions)...)
}

func TestRenderSLTFromTemplate(t *testing.T) {
	ws := demoWS(t)
	text, err := RenderSLT(ws, "supplier-availability-monthly", "cdn-availability", "web-shop", "shop-probe")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# SLT cdn-availability from template supplier-availability-monthly", "kind: SLT", "name: cdn-availability",
		"service: web-shop", "feed: shop-probe", "type: UC", "owner: Amélie Laurent", "target: 0.995", "authority: Vendor manager", "cycle: quarterly", "rcaAfter: 3"} {
		if !strings.Contains(text, want) {
			t.Errorf("rendered SLT lacks %q:\n%s", want, text)
		}
	}
	// It applies: decodes, validates in the workspace, and writes back the same.
	defs := decodeValid(t, text)
	ws.Put(defs[0])
	if ps := ws.ValidateAll(); len(ps) > 0 {
		t.Fatalf("rendered SLT does not validate: %v", ps)
	}
	var again bytes.Buffer
	Encode(&again, defs)
	if !strings.HasSuffix(text, again.String()) {
		t.Errorf("not canonical:\n%s\nvs\n%s", text, again.String())
	}
	// The template is untouched by the SLT's copy.
	defs[0].(*domain.SLT).Spec.Escalation[0].Authority = "changed"
	if ws.SLTTemplate("supplier-availability-monthly").Spec.Escalation[0].Authority == "changed" {
		t.Error("the rendered SLT shares the template's escalation")
	}
}

func TestRenderSLTRefusals(t *testing.T) {
	ws := demoWS(t)
	for _, c := range []struct{ template, name, service, feed, want string }{
		{"nope", "cdn-availability", "web-shop", "shop-probe", `SLT template "nope" does not exist (templates: supplier-availability-monthly)`},
		{"supplier-availability-monthly", "shop-availability", "web-shop", "shop-probe", `SLT "shop-availability" exists already`},
		{"supplier-availability-monthly", "cdn-availability", "nowhere", "shop-probe", `service "nowhere" does not exist`},
		{"supplier-availability-monthly", "cdn-availability", "web-shop", "nofeed", `feed "nofeed" does not exist`},
		{"supplier-availability-monthly", "cdnavailability", "web-shop", "shop-probe",
			`SLT/cdnavailability: metadata.name: "cdnavailability" does not follow the naming convention house-style (rule 1 for SLT: [a-z]+(-[a-z0-9]+)+): lower-case words joined by hyphens`},
		{"supplier-availability-monthly", "desk-availability", "service-desk", "desk-tickets",
			`spec.feed: feed "desk-tickets" has shape "item"; a availability indicator reads event or value`},
	} {
		_, err := RenderSLT(ws, c.template, c.name, c.service, c.feed)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v", c, err)
		}
	}
}

// Naming conventions are checked by apply: a broken name is refused with the
// rule that it breaks, and a new convention that existing names break is
// refused with every offender.
func TestNamingConventionOnApply(t *testing.T) {
	ws := demoWS(t)
	entries, problems := Decode(strings.NewReader(`apiVersion: slate/v1
kind: Feed
metadata: {name: cdnlogs}
spec: {shape: event}
---
apiVersion: slate/v1
kind: NamingConvention
metadata: {name: strict}
spec:
  rules:
    - {kind: Calendar, pattern: "cal-.*", description: "calendars start with cal-"}
    - {kind: Widget, pattern: "x"}
    - {kind: SLT, pattern: "[a-z"}
`), "new.yaml", ws)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, e := range entries {
		ws.Put(e.Def)
	}
	var msgs []string
	for _, p := range ws.ValidateAll() {
		msgs = append(msgs, p.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		`Feed/cdnlogs: metadata.name: "cdnlogs" does not follow the naming convention house-style (rule 2 for Feed: [a-z]+(-[a-z0-9]+)+): lower-case words joined by hyphens, the source first, e.g. shop-probe`,
		`Calendar/business-hours-berlin: metadata.name: "business-hours-berlin" does not follow the naming convention strict (rule 1 for Calendar: cal-.*): calendars start with cal-`,
		`Calendar/off-hours-berlin: metadata.name: "off-hours-berlin" does not follow`,
		`NamingConvention/strict: spec.rules[1].kind: "Widget" is not a kind`,
		`NamingConvention/strict: spec.rules[2].pattern: "[a-z" is not a regular expression: missing closing ]`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
}
