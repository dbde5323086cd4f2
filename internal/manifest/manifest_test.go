package manifest

import (
	"bytes"
	"strings"
	"testing"

	"slate/internal/demo"
	"slate/internal/domain"
)

func decodeValid(t *testing.T, text string) []domain.Definition {
	t.Helper()
	entries, problems := Decode(strings.NewReader(text), "test.yaml", nil)
	if len(problems) > 0 {
		t.Fatalf("unexpected problems:\n%v", problems)
	}
	defs := make([]domain.Definition, len(entries))
	for i, e := range entries {
		defs[i] = e.Def
	}
	return defs
}

func TestDemoRoundTrip(t *testing.T) {
	defs := decodeValid(t, demo.Definitions)
	ws := domain.NewWorkspace(defs...)
	if ps := ws.ValidateAll(); len(ps) > 0 {
		t.Fatalf("demo workspace invalid: %v", ps)
	}
	var first bytes.Buffer
	if err := Encode(&first, ws.Everything()); err != nil {
		t.Fatal(err)
	}
	again := domain.NewWorkspace(decodeValid(t, first.String())...)
	var second bytes.Buffer
	if err := Encode(&second, again.Everything()); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Fatalf("encode → decode → encode differs:\nfirst:\n%s\nsecond:\n%s", first.String(), second.String())
	}
}

func TestDecodeProblems(t *testing.T) {
	const good = "apiVersion: slate/v1\nkind: Service\nmetadata: {name: ok}\nspec: {owner: Ann}\n"
	tests := []struct {
		name string
		text string
		want []string // substrings of the problems, in order
	}{
		{"unknown kind", "apiVersion: slate/v1\nkind: Widget\nmetadata: {name: w}\nspec: {}\n",
			[]string{`test.yaml: document 1 (line 1) Widget/w: kind: unknown kind "Widget"`}},
		{"kind is case-sensitive in files", "apiVersion: slate/v1\nkind: slt\nmetadata: {name: w}\nspec: {}\n",
			[]string{`kind: unknown kind "slt"`}},
		{"unknown api version", "apiVersion: slate/v2\nkind: Service\nmetadata: {name: w}\nspec: {}\n",
			[]string{`apiVersion: "slate/v2" is not supported`}},
		{"unknown field with its path and line", good + "---\napiVersion: slate/v1\nkind: SLT\nmetadata: {name: s}\nspec:\n  service: ok\n  indicator:\n    kind: ratio\n    colour: blue\n",
			[]string{`document 2 (line 13) SLT/s: spec.indicator.colour: unknown field`}},
		{"unknown envelope field", "apiVersion: slate/v1\nkind: Service\nmetadata: {name: w}\nspecs: {}\n",
			[]string{`specs: unknown field`}},
		{"missing metadata", "apiVersion: slate/v1\nkind: Service\nspec: {}\n",
			[]string{`metadata: is required`}},
		{"wrong type", "apiVersion: slate/v1\nkind: Contract\nmetadata: {name: c}\nspec: {chargePerPeriod: lots}\n",
			[]string{"Contract/c: spec: line 4: cannot unmarshal !!str `lots` into float64"}},
		{"duplicate", good + "---\n" + good,
			[]string{`document 2 (line 6) Service/ok: defined twice (first at test.yaml: document 1 (line 1))`}},
		{"broken yaml", "apiVersion: slate/v1\nkind: [\n",
			[]string{`not valid YAML`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Decode(strings.NewReader(tc.text), "test.yaml", nil)
			if len(problems) != len(tc.want) {
				t.Fatalf("got %d problems, want %d:\n%v", len(problems), len(tc.want), problems)
			}
			for i, w := range tc.want {
				if got := problems[i].Error(); !strings.Contains(got, w) {
					t.Errorf("problem %d = %q, want it to contain %q", i, got, w)
				}
			}
		})
	}
}
