package serve

//go:generate go run ../../scripts/openapi

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"net/http"
	"path"
	"reflect"
	"sort"
	"strings"
	"time"

	"slate/app"
)

// The OpenAPI description of the JSON API is generated from the very services
// New exposes, by the same reflection, and from the routes of /api/v1, so it
// cannot drift from what the server does: `go generate ./app/serve` (or
// `make openapi`) writes docs/openapi.json with scripts/openapi, and
// TestOpenAPIFile fails when the committed file is stale. The UI's
// TypeScript types are generated from that file (frontend/src/api/generated).

// OpenAPIInfo titles the document.
type OpenAPIInfo struct {
	Title       string
	Version     string
	Description string
	// Docs, when set, gives descriptions from the Go doc comments (see ParseDocs).
	Docs *Docs
}

// jsonCallable reports whether every argument of a method (after the
// receiver) can be decoded from JSON; methods that take a context, a
// function or a channel are Go-only and not part of the API.
func jsonCallable(ft reflect.Type) bool {
	for i := 1; i < ft.NumIn(); i++ {
		if !decodable(ft.In(i), map[reflect.Type]bool{}) {
			return false
		}
	}
	return true
}

func decodable(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return true
	}
	seen[t] = true
	if reflect.PointerTo(t).Implements(unmarshalerType) || reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return true
	}
	switch t.Kind() {
	case reflect.Func, reflect.Chan, reflect.UnsafePointer, reflect.Complex64, reflect.Complex128:
		return false
	case reflect.Interface:
		return t.NumMethod() == 0
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return decodable(t.Elem(), seen)
	case reflect.Map:
		return decodable(t.Elem(), seen)
	case reflect.Struct:
		for _, f := range jsonFields(t) {
			if !decodable(f.typ, seen) {
				return false
			}
		}
	}
	return true
}

var (
	unmarshalerType     = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()
	textUnmarshalerType = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
	marshalerType       = reflect.TypeOf((*json.Marshaler)(nil)).Elem()
	textMarshalerType   = reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem()
	timeType            = reflect.TypeOf(time.Time{})
	durationType        = reflect.TypeOf(time.Duration(0))
)

type jsonField struct {
	name     string
	goName   string
	owner    reflect.Type
	typ      reflect.Type
	optional bool
	str      bool // ,string
}

// jsonFields lists the fields encoding/json writes for a struct type, with
// embedded structs promoted as encoding/json does (shallower fields win).
func jsonFields(t reflect.Type) []jsonField {
	type cand struct {
		jsonField
		depth  int
		tagged bool
	}
	var all []cand
	var walk func(t reflect.Type, depth int, visited map[reflect.Type]bool)
	walk = func(t reflect.Type, depth int, visited map[reflect.Type]bool) {
		if visited[t] {
			return
		}
		visited[t] = true
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			ft := f.Type
			if f.Anonymous && name == "" {
				et := ft
				if et.Kind() == reflect.Pointer {
					et = et.Elem()
				}
				if et.Kind() == reflect.Struct {
					walk(et, depth+1, visited)
					continue
				}
			}
			if !f.IsExported() {
				continue
			}
			tagged := name != ""
			if name == "" {
				name = f.Name
			}
			optional := strings.Contains(","+opts+",", ",omitempty,") || strings.Contains(","+opts+",", ",omitzero,")
			all = append(all, cand{jsonField{name: name, goName: f.Name, owner: t, typ: ft, optional: optional,
				str: strings.Contains(","+opts+",", ",string,")}, depth, tagged})
		}
	}
	walk(t, 0, map[reflect.Type]bool{})
	// Go's rule: for each name the shallowest field wins; ties go to the tagged one, else the name is dropped.
	byName := map[string][]cand{}
	var order []string
	for _, c := range all {
		if _, ok := byName[c.name]; !ok {
			order = append(order, c.name)
		}
		byName[c.name] = append(byName[c.name], c)
	}
	var out []jsonField
	for _, n := range order {
		cs := byName[n]
		sort.SliceStable(cs, func(a, b int) bool { return cs[a].depth < cs[b].depth })
		best := cs[0]
		if len(cs) > 1 && cs[1].depth == best.depth {
			tagged := 0
			for _, c := range cs {
				if c.depth == best.depth && c.tagged {
					tagged++
					best = c
				}
			}
			if tagged != 1 {
				continue
			}
		}
		out = append(out, best.jsonField)
	}
	return out
}

type schema = map[string]any

type generator struct {
	docs    *Docs
	schemas map[string]schema
	names   map[reflect.Type]string
	taken   map[string]reflect.Type
	over    map[reflect.Type]string // an engine record to the face's type defined over it
}

// name picks the component name of a named type: its Go name, or its
// package and name in one word when a type of the faces (package app or
// serve, see reserve) or one met before has that name.
func (g *generator) name(t reflect.Type) string {
	if n, ok := g.names[t]; ok {
		return n
	}
	n := t.Name()
	if i := strings.IndexByte(n, '['); i >= 0 { // generic instance
		n = n[:i]
	}
	if face := g.docs.face(t); face != "" { // an engine record nested as it is travels under the name of the face's type defined over it
		n, g.over[t] = face[strings.LastIndexByte(face, '.')+1:], face
	}
	if other, ok := g.taken[n]; ok && other != t && !sameStruct(other, t) {
		pkg := path.Base(t.PkgPath())
		n = strings.ToUpper(pkg[:1]) + pkg[1:] + n // analysis.Breach beside app.Breach: AnalysisBreach
	}
	g.names[t] = n
	g.taken[n] = t
	return n
}

// sameStruct reports whether two named types are one record on the wire: a
// type of package app defined over an engine record (type Action
// improve.Action) has the engine's very fields, and the engine's record is
// nested in others; both are one component, not two of the same shape.
func sameStruct(a, b reflect.Type) bool {
	if a.Kind() != reflect.Struct || b.Kind() != reflect.Struct || a.NumField() != b.NumField() {
		return false
	}
	for i := 0; i < a.NumField(); i++ {
		fa, fb := a.Field(i), b.Field(i)
		if fa.Name != fb.Name || fa.Type != fb.Type || fa.Tag != fb.Tag || fa.Anonymous != fb.Anonymous {
			return false
		}
	}
	return true
}

// reserve gives the plain names to the wire types declared for the faces
// (packages app and serve), whatever order the walk meets them in, so a new
// method cannot rename a schema the UI already uses.
func (g *generator) reserve(roots []reflect.Type) {
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		if pkg := path.Base(t.PkgPath()); t.Name() != "" && (pkg == "app" || pkg == "serve") {
			g.name(t)
		}
		for _, f := range jsonFields(t) {
			walk(f.typ)
		}
	}
	for _, t := range roots {
		walk(t)
	}
}

func nullable(s schema) schema {
	if ref, ok := s["$ref"]; ok {
		return schema{"anyOf": []any{schema{"$ref": ref}, schema{"type": "null"}}}
	}
	if typ, ok := s["type"].(string); ok {
		c := schema{}
		for k, v := range s {
			c[k] = v
		}
		c["type"] = []any{typ, "null"}
		return c
	}
	return s
}

// schemaOf returns the JSON Schema of how encoding/json writes t.
func (g *generator) schemaOf(t reflect.Type) schema {
	switch {
	case t == timeType:
		return schema{"type": "string", "format": "date-time"}
	case t == durationType:
		return schema{"type": "integer", "description": "nanoseconds"}
	}
	if t.Kind() != reflect.Pointer && (t.Implements(marshalerType) || reflect.PointerTo(t).Implements(marshalerType)) {
		// Whatever the type writes: look at its zero value.
		b, err := json.Marshal(reflect.New(t).Elem().Interface())
		if err == nil && len(b) > 0 {
			switch b[0] {
			case '"':
				return schema{"type": "string"}
			case '{':
				return schema{"type": "object"}
			case '[':
				return schema{"type": "array"}
			case 't', 'f':
				return schema{"type": "boolean"}
			case 'n':
				return schema{}
			default:
				return schema{"type": "number"}
			}
		}
		return schema{}
	}
	if t.Kind() != reflect.Pointer && (t.Implements(textMarshalerType) || reflect.PointerTo(t).Implements(textMarshalerType)) {
		return schema{"type": "string"}
	}
	switch t.Kind() {
	case reflect.Bool:
		return schema{"type": "boolean"}
	case reflect.Int, reflect.Int64:
		return schema{"type": "integer", "format": "int64"}
	case reflect.Int8, reflect.Int16, reflect.Int32:
		return schema{"type": "integer", "format": "int32"}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return schema{"type": "integer", "minimum": 0}
	case reflect.Float32:
		return schema{"type": "number", "format": "float"}
	case reflect.Float64:
		return schema{"type": "number", "format": "double"}
	case reflect.String:
		return schema{"type": "string"}
	case reflect.Interface:
		return schema{}
	case reflect.Pointer:
		return nullable(g.schemaOf(t.Elem()))
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return schema{"type": []any{"string", "null"}, "contentEncoding": "base64"}
		}
		return schema{"type": []any{"array", "null"}, "items": g.schemaOf(t.Elem())}
	case reflect.Array:
		return schema{"type": "array", "items": g.schemaOf(t.Elem()), "minItems": t.Len(), "maxItems": t.Len()}
	case reflect.Map:
		return schema{"type": []any{"object", "null"}, "additionalProperties": g.schemaOf(t.Elem())}
	case reflect.Struct:
		if t.Name() == "" {
			return g.structSchema(t)
		}
		n := g.name(t)
		if _, ok := g.schemas[n]; !ok {
			g.schemas[n] = schema{} // placeholder for recursive types
			s := g.structSchema(t)
			if face, ok := g.over[t]; ok && g.docs.types[face] != "" { // documented as the face's type (g.over is set only with docs)
				s["description"] = g.docs.types[face]
			}
			g.schemas[n] = s
		}
		return schema{"$ref": "#/components/schemas/" + n}
	}
	return schema{}
}

func (g *generator) structSchema(t reflect.Type) schema {
	props := schema{}
	var required []string
	for _, f := range jsonFields(t) {
		if f.typ.Kind() == reflect.Func || f.typ.Kind() == reflect.Chan {
			continue
		}
		s := g.schemaOf(f.typ)
		if f.str {
			s = schema{"type": "string"}
		}
		if d := g.docs.field(f.owner, f.goName); d != "" {
			if _, isRef := s["$ref"]; isRef {
				s = schema{"allOf": []any{s}, "description": d}
			} else {
				c := schema{}
				for k, v := range s {
					c[k] = v
				}
				c["description"] = d
				s = c
			}
		}
		props[f.name] = s
		if !f.optional {
			required = append(required, f.name)
		}
	}
	s := schema{"type": "object", "properties": props}
	if len(required) > 0 {
		s["required"] = required
	}
	if d := g.docs.typ(t); d != "" {
		s["description"] = d
	}
	return s
}

// Document is Slate's OpenAPI document: every bound method of the app
// services and every route of /api/v1, described from the Go doc comments
// under root (the module root).
func Document(root string) ([]byte, error) {
	docs, err := ParseDocs(root, "slate")
	if err != nil {
		return nil, err
	}
	return openAPI((&app.App{}).Bindings(), v1Routes(), OpenAPIInfo{
		Title:   "Slate JSON API",
		Version: "1",
		Description: "`slate serve` has two doors onto the same services, users and roles.\n\n" +
			"**For integrators: `/api/v1`** (tag `v1`, docs/api.md). Resources with GET (SLTs, reports, breaches, batches) and " +
			"one POST that imports a CSV or XLSX file into a feed. Lists are paged (`limit`, `cursor` → `next_cursor` and a " +
			"`Link: rel=next` header); reads send an `ETag` made of the data version (and, for figures, the evaluation time), " +
			"so `If-None-Match` answers 304 without evaluating; errors are RFC 9457 problem details (`application/problem+json`).\n\n" +
			"**For the Slate UI: `POST /api/<Service>/<Method>`** with the method's arguments as a JSON array (`[]` for none); " +
			"the answer is its result as JSON, a Go error becomes HTTP 422 with `{\"error\": \"...\"}`. The desktop window binds " +
			"the same methods. Go nil lists are written as null.\n\n" +
			"Every call needs `Authorization: Bearer <token>` and runs as the token's user; `x-slate-roles` lists the roles that " +
			"may call a method or route (docs/security.md). No call takes a file-system path. All JSON names are snake_case, " +
			"except inside definitions, which are manifest documents as `slate apply` reads them. " +
			"This file is generated from the Go code: `go generate ./app/serve`.",
		Docs: docs,
	})
}

// openAPI returns the OpenAPI 3.1 document of the API New serves over
// services, and of the resource routes.
func openAPI(services []any, routes []v1Route, info OpenAPIInfo) ([]byte, error) {
	g := &generator{docs: info.Docs, schemas: map[string]schema{}, names: map[reflect.Type]string{}, taken: map[string]reflect.Type{}, over: map[reflect.Type]string{}}
	var roots []reflect.Type
	for _, svc := range services {
		t := reflect.TypeOf(svc)
		for i := 0; i < t.NumMethod(); i++ {
			ft := t.Method(i).Type
			for a := 1; a < ft.NumIn(); a++ {
				roots = append(roots, ft.In(a))
			}
			for o := 0; o < ft.NumOut(); o++ {
				roots = append(roots, ft.Out(o))
			}
		}
	}
	for _, rt := range routes {
		roots = append(roots, reflect.TypeOf(rt.example))
	}
	g.reserve(append(roots, reflect.TypeOf(Problem{})))
	errRef := schema{"$ref": "#/components/schemas/Error"}
	errResp := func(desc string) schema {
		return schema{"description": desc, "content": schema{"application/json": schema{"schema": errRef}}}
	}
	paths := schema{}
	var tags []any
	for _, svc := range services {
		v := reflect.ValueOf(svc)
		t := v.Type()
		if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
			return nil, fmt.Errorf("service %v is not a pointer to a struct", t)
		}
		svcName := t.Elem().Name()
		tag := schema{"name": svcName}
		if d := info.Docs.typ(t.Elem()); d != "" {
			tag["description"] = d
		}
		tags = append(tags, tag)
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			if !jsonCallable(m.Type) {
				continue
			}
			ft := m.Type
			var items []any
			for a := 1; a < ft.NumIn(); a++ {
				items = append(items, g.schemaOf(ft.In(a)))
			}
			n := len(items)
			body := schema{"type": "array", "minItems": n, "maxItems": n}
			if n > 0 {
				body["prefixItems"] = items
				body["items"] = false
			}
			outs := ft.NumOut()
			if outs > 0 && ft.Out(outs-1) == errType {
				outs--
			}
			result := schema{"type": "null"}
			if outs > 0 {
				result = g.schemaOf(ft.Out(0))
			}
			op := schema{
				"operationId": svcName + "." + m.Name,
				"tags":        []any{svcName},
				"summary":     svcName + "." + m.Name,
				"requestBody": schema{
					"required":    n > 0,
					"description": fmt.Sprintf("The %d argument(s) of %s.%s, in order, as a JSON array.", n, svcName, m.Name),
					"content":     schema{"application/json": schema{"schema": body}},
				},
				"responses": schema{
					"200": schema{"description": "The method's result.", "content": schema{"application/json": schema{"schema": result}}},
					"400": errResp("The body is not a JSON array of the method's arguments (or names a field the method does not know)."),
					"401": errResp("Missing or wrong bearer token."),
					"403": errResp("The token's role may not call this method, or the call came from another origin."),
					"404": errResp("No such method."),
					"413": errResp("The body is larger than the method takes (`x-slate-max-body`)."),
					"422": errResp("The method returned an error; `error` is its message, in plain words."),
				},
			}
			if rule, ok := app.AccessRule(svcName + "/" + m.Name); ok {
				var roles []any
				for _, role := range app.Roles() {
					if (app.Caller{Role: role}).Has(rule.Right) {
						roles = append(roles, role)
					}
				}
				op["x-slate-right"], op["x-slate-roles"], op["x-slate-max-body"] = string(rule.Right), roles, rule.MaxBody
			}
			if d := info.Docs.method(t.Elem(), m.Name); d != "" {
				op["description"] = d
				op["summary"] = firstSentence(d)
			}
			paths["/api/"+svcName+"/"+m.Name] = schema{"post": op}
		}
	}
	if len(routes) > 0 {
		tags = append([]any{schema{"name": "v1", "description": "The resource API for integrators (docs/api.md)."}}, tags...)
	}
	for _, rt := range routes {
		op, err := g.routeOperation(rt)
		if err != nil {
			return nil, err
		}
		item, _ := paths[rt.path].(schema)
		if item == nil {
			item = schema{}
			paths[rt.path] = item
		}
		item[strings.ToLower(rt.method)] = op
	}
	g.schemas["Error"] = schema{"type": "object", "required": []any{"error"},
		"properties": schema{"error": schema{"type": "string", "description": "What went wrong, in plain words."}}}
	doc := schema{
		"openapi":  "3.1.0",
		"info":     schema{"title": info.Title, "version": info.Version, "description": info.Description},
		"servers":  []any{schema{"url": "http://127.0.0.1:8420", "description": "`slate serve` (default address)"}},
		"security": []any{schema{"bearerAuth": []any{}}},
		"tags":     tags,
		"paths":    paths,
		"components": schema{
			"securitySchemes": schema{"bearerAuth": schema{"type": "http", "scheme": "bearer",
				"description": "A user's token (`slate user add`), or the admin token `slate serve --token T` was given or generated and printed at start."}},
			"schemas": g.schemas,
		},
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// routeOperation describes a resource route: parameters, body, answers
// with their examples, and the roles that may call it.
func (g *generator) routeOperation(rt v1Route) (schema, error) {
	var params []any
	for _, p := range rt.params {
		ps := schema{"name": p.name, "in": p.in, "required": p.required, "description": p.doc, "schema": schema{"type": p.typ}}
		if p.example != "" {
			ps["example"] = p.example
		}
		params = append(params, ps)
	}
	example, err := json.Marshal(rt.example)
	if err != nil {
		return nil, err
	}
	ok := schema{"description": rt.summary + ".", "content": schema{"application/json": schema{
		"schema": g.schemaOf(reflect.TypeOf(rt.example)), "example": json.RawMessage(example)}}}
	problem := g.schemaOf(reflect.TypeOf(Problem{}))
	problemResp := func(desc string) schema {
		return schema{"description": desc, "content": schema{"application/problem+json": schema{"schema": problem}}}
	}
	responses := schema{fmt.Sprint(rt.status): ok,
		"401": problemResp("Missing or wrong bearer token."),
		"403": problemResp("The token's role may not call this route (`x-slate-roles`), or the call came from another origin."),
	}
	if rt.method == http.MethodGet {
		ok["headers"] = schema{"ETag": schema{"description": "The data version (and the evaluation time of figures); send it back in If-None-Match.",
			"schema": schema{"type": "string"}, "example": `W/"1234@2026-11-01T00:00:00Z"`}}
		responses["304"] = schema{"description": "Not modified: the ETag in If-None-Match is still current."}
		params = append(params, schema{"name": "If-None-Match", "in": "header", "required": false,
			"description": "An ETag of an earlier answer: 304 while it is current.", "schema": schema{"type": "string"}})
	}
	if rt.status == http.StatusCreated {
		responses["200"] = schema{"description": "A dry run: what would be imported.", "content": ok["content"]}
		ok["headers"] = schema{"Location": schema{"description": "The new batch: /api/v1/batches/{id}.", "schema": schema{"type": "string"}}}
	}
	for _, st := range rt.errors {
		desc := map[int]string{
			400: "A parameter is not valid (a period key, a time, a limit or a cursor).",
			404: "No such SLT, feed or batch (or not one the caller may see).",
			411: "The file was sent without a Content-Length.",
			413: "The file is larger than 512 MiB, or the caller holds too many unused uploads.",
			422: "The import published nothing; `result` holds its answer and findings.",
		}[st]
		r := problemResp(desc)
		if st == 404 {
			b, _ := json.Marshal(exampleProblem)
			r["content"].(schema)["application/problem+json"].(schema)["example"] = json.RawMessage(b)
		}
		responses[fmt.Sprint(st)] = r
	}
	op := schema{"operationId": rt.id, "tags": []any{"v1"}, "summary": rt.summary, "description": rt.doc, "responses": responses}
	if len(params) > 0 {
		op["parameters"] = params
	}
	if rt.body != "" {
		file := schema{"schema": schema{"type": "string", "format": "binary"}}
		op["requestBody"] = schema{"required": true, "description": rt.body, "content": schema{"text/csv": file,
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": file, "application/octet-stream": file}}
	}
	rule, method, found := app.RouteRule(rt.method + " " + rt.path)
	if !found {
		return nil, fmt.Errorf("%s %s has no access rule in internal/access/access.go", rt.method, rt.path)
	}
	var roles []any
	for _, role := range app.Roles() {
		if (app.Caller{Role: role}).Has(rule.Right) {
			roles = append(roles, role)
		}
	}
	op["x-slate-right"], op["x-slate-roles"], op["x-slate-method"] = string(rule.Right), roles, method
	if rule.MaxBody > 0 {
		op["x-slate-max-body"] = rule.MaxBody
	}
	return op, nil
}

func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, ". "); i > 0 {
		return s[:i+1]
	}
	return s
}
