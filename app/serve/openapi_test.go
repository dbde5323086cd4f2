package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"slate/app"
)

const openAPIFile = "../../docs/openapi.json"

func slateOpenAPI(t *testing.T) ([]byte, *app.App) {
	t.Helper()
	a, err := app.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	b, err := Document("../..")
	if err != nil {
		t.Fatal(err)
	}
	return b, a
}

// TestOpenAPIFile fails when docs/openapi.json no longer describes the API
// the services and routes expose; `go generate ./app/serve` rewrites it.
func TestOpenAPIFile(t *testing.T) {
	got, _ := slateOpenAPI(t)
	want, err := os.ReadFile(openAPIFile)
	if err != nil {
		t.Fatalf("%v (generate it with `go generate ./app/serve`)", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("docs/openapi.json is stale: the services or routes changed; run `go generate ./app/serve` and commit the result")
	}
}

// Every method the server answers is in the document, and nothing else.
func TestOpenAPICoversTheServer(t *testing.T) {
	b, a := slateOpenAPI(t)
	var doc struct {
		OpenAPI  string                                `json:"openapi"`
		Paths    map[string]map[string]json.RawMessage `json:"paths"`
		Security []map[string][]string                 `json:"security"`
		Comp     struct {
			Schemas map[string]json.RawMessage `json:"schemas"`
			Sec     map[string]struct {
				Type, Scheme string
			} `json:"securitySchemes"`
		} `json:"components"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	srv, err := New(a, Options{Token: "t"})
	if err != nil {
		t.Fatal(err)
	}
	var served, documented []string
	for k := range srv.Methods() {
		served = append(served, "/api/"+k)
	}
	var routes []string
	for p, ops := range doc.Paths {
		if strings.HasPrefix(p, "/api/v1/") {
			for m := range ops {
				routes = append(routes, strings.ToUpper(m)+" "+p)
			}
			continue
		}
		if _, ok := ops["post"]; !ok {
			t.Errorf("%s has no POST", p)
		}
		documented = append(documented, p)
	}
	slices.Sort(routes)
	if want := app.RuledRoutes(); !slices.Equal(routes, want) {
		t.Errorf("documented routes %v\nruled %v", routes, want)
	}
	sort.Strings(served)
	sort.Strings(documented)
	if strings.Join(served, " ") != strings.Join(documented, " ") {
		t.Fatalf("served %v\ndocumented %v", served, documented)
	}
	for _, want := range []string{"/api/Workspace/Overview", "/api/Imports/Start", "/api/Imports/Upload", "/api/Jobs/Cancel", "/api/Exceptions/Approve", "/api/Compliance/Breaches"} {
		if _, ok := doc.Paths[want]; !ok {
			t.Errorf("%s is not documented", want)
		}
	}
	if _, ok := doc.Paths["/api/Jobs/Wait"]; ok {
		t.Error("Jobs.Wait takes a context and cannot be called over HTTP, yet it is documented")
	}
	if doc.OpenAPI != "3.1.0" || len(doc.Security) != 1 || doc.Comp.Sec["bearerAuth"].Scheme != "bearer" {
		t.Fatalf("header: %s %v %+v", doc.OpenAPI, doc.Security, doc.Comp.Sec)
	}
	// Every $ref points at a schema of the document.
	for _, ref := range strings.Split(string(b), `"$ref": "#/components/schemas/`)[1:] {
		name := ref[:strings.IndexByte(ref, '"')]
		if _, ok := doc.Comp.Schemas[name]; !ok {
			t.Errorf("dangling $ref %s", name)
		}
	}
}

// One casing on the wire: every property of every schema is snake_case,
// except in definitions (manifest documents, as `slate apply` reads them).
func TestOpenAPIOneCasing(t *testing.T) {
	b, _ := slateOpenAPI(t)
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	for name, s := range doc.Components.Schemas {
		if name == "Document" || name == "Meta" {
			continue
		}
		for p := range s.Properties {
			if !snake.MatchString(p) {
				t.Errorf("%s.%s is not snake_case", name, p)
			}
		}
		if strings.Contains(name, ".") {
			t.Errorf("schema name %q: generated TypeScript wants one word", name)
		}
	}
}

type inner struct {
	// Note is documented.
	Note string `json:"note,omitempty"`
}

type Sample struct {
	inner
	ID      uint64            `json:"id"`
	When    time.Time         `json:"when,omitzero"`
	Data    []byte            `json:"data"`
	Tags    map[string]int    `json:"tags"`
	Next    *Sample           `json:"next"`
	Any     any               `json:"any"`
	Skip    func()            `json:"-"`
	Names   []string          `json:"names"`
	Period  time.Duration     `json:"period"`
	Untyped struct{ A bool }  `json:"untyped"`
	Raw     json.RawMessage   `json:"raw"`
	Nested  map[string]Sample `json:"nested,omitempty"`
}

type Things struct{}

func (*Things) Get(id uint64, s Sample) (Sample, error)   { return s, nil }
func (*Things) Wait(ctx context.Context, id uint64) error { return nil }
func (*Things) Call(fn func()) error                      { return nil }
func (*Things) Ping() error                               { return nil }

func TestOpenAPISchemas(t *testing.T) {
	docs, err := ParseDocs(".", "slate/app/serve")
	if err != nil {
		t.Fatal(err)
	}
	_ = docs // test files are not parsed: descriptions come only from the package itself
	b, err := openAPI([]any{&Things{}}, nil, OpenAPIInfo{Title: "t", Version: "1"})
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	paths := doc["paths"].(map[string]any)
	if len(paths) != 2 || paths["/api/Things/Get"] == nil || paths["/api/Things/Ping"] == nil {
		t.Fatalf("paths: %v", keys(paths))
	}
	s := doc["components"].(map[string]any)["schemas"].(map[string]any)["Sample"].(map[string]any)
	props := s["properties"].(map[string]any)
	js := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	want := map[string]string{
		"note":    `{"type":"string"}`,
		"id":      `{"minimum":0,"type":"integer"}`,
		"when":    `{"format":"date-time","type":"string"}`,
		"data":    `{"contentEncoding":"base64","type":["string","null"]}`,
		"tags":    `{"additionalProperties":{"format":"int64","type":"integer"},"type":["object","null"]}`,
		"next":    `{"anyOf":[{"$ref":"#/components/schemas/Sample"},{"type":"null"}]}`,
		"any":     `{}`,
		"names":   `{"items":{"type":"string"},"type":["array","null"]}`,
		"period":  `{"description":"nanoseconds","type":"integer"}`,
		"untyped": `{"properties":{"A":{"type":"boolean"}},"required":["A"],"type":"object"}`,
		"raw":     `{}`,
	}
	for k, w := range want {
		if got := js(props[k]); got != w {
			t.Errorf("%s: %s, want %s", k, got, w)
		}
	}
	if _, ok := props["Skip"]; ok {
		t.Error("a json:\"-\" field is described")
	}
	req := js(s["required"])
	if strings.Contains(req, `"note"`) || strings.Contains(req, `"when"`) || strings.Contains(req, `"nested"`) || !strings.Contains(req, `"id"`) {
		t.Errorf("required: %s", req)
	}
	get := paths["/api/Things/Get"].(map[string]any)["post"].(map[string]any)
	body := get["requestBody"].(map[string]any)["content"].(map[string]any)["application/json"].(map[string]any)["schema"]
	if got := js(body); got != `{"items":false,"maxItems":2,"minItems":2,"prefixItems":[{"minimum":0,"type":"integer"},{"$ref":"#/components/schemas/Sample"}],"type":"array"}` {
		t.Errorf("Get body: %s", got)
	}
	ping := paths["/api/Things/Ping"].(map[string]any)["post"].(map[string]any)
	res := ping["responses"].(map[string]any)["200"].(map[string]any)["content"].(map[string]any)["application/json"].(map[string]any)["schema"]
	if js(res) != `{"type":"null"}` {
		t.Errorf("Ping result: %s", js(res))
	}
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
