// Package manifest reads and writes definitions as code: multi-document YAML
// with apiVersion, kind, metadata and spec, in Slate's own form (slate/v1) or as
// OpenSLO v1 documents mapped onto Slate's kinds.
package manifest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"slate/internal/domain"
)

// Source is where a definition came from.
type Source struct {
	File string `json:"file,omitempty"`
	Doc  int    `json:"document"` // 1-based position in the file
	Line int    `json:"line"`
}

func (s Source) String() string {
	if s.File == "" {
		return fmt.Sprintf("document %d (line %d)", s.Doc, s.Line)
	}
	return fmt.Sprintf("%s: document %d (line %d)", s.File, s.Doc, s.Line)
}

// Problem is something wrong with a document, located in its file.
type Problem struct {
	Source
	domain.Problem
}

func (p Problem) Error() string {
	id := string(p.Kind) + "/" + p.Name
	if p.Name == "" {
		id = string(p.Kind)
	}
	if id == "" {
		id = "document"
	}
	if p.Field == "" {
		return fmt.Sprintf("%s %s: %s", p.Source, id, p.Msg)
	}
	return fmt.Sprintf("%s %s: %s: %s", p.Source, id, p.Field, p.Msg)
}

// Problems is a list of problems; it is an error when not empty.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Entry is one decoded definition and where it was written.
type Entry struct {
	Def    domain.Definition
	Source Source
}

// OpenSLOVersion is the OpenSLO apiVersion this reader maps.
const OpenSLOVersion = "openslo/v1"

// Decode reads every document of r. existing resolves OpenSLO indicatorRefs to
// feeds already in the workspace (may be nil). Decoding stops at nothing: all
// problems are returned together.
func Decode(r io.Reader, file string, existing *domain.Workspace) ([]Entry, Problems) {
	dec := yaml.NewDecoder(r)
	var entries []Entry
	var problems Problems
	var openslo []rawDoc
	for n := 1; ; n++ {
		var node yaml.Node
		err := dec.Decode(&node)
		if errors.Is(err, io.EOF) {
			break
		}
		src := Source{File: file, Doc: n, Line: node.Line}
		if err != nil {
			problems = append(problems, Problem{src, domain.Problem{Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}})
			break
		}
		if len(node.Content) == 0 {
			continue
		}
		root := node.Content[0]
		src.Line = root.Line
		raw, p := envelope(root, src)
		if p != nil {
			problems = append(problems, *p)
			continue
		}
		switch raw.apiVersion {
		case domain.APIVersion:
			e, ps := decodeSlate(raw)
			problems = append(problems, ps...)
			if e != nil {
				entries = append(entries, *e)
			}
		case OpenSLOVersion:
			openslo = append(openslo, raw)
		default:
			problems = append(problems, raw.problem("apiVersion", "%q is not supported (use %s, or %s for OpenSLO documents)", raw.apiVersion, domain.APIVersion, OpenSLOVersion))
		}
	}
	if len(openslo) > 0 {
		es, ps := mapOpenSLO(openslo, existing)
		entries = append(entries, es...)
		problems = append(problems, ps...)
	}
	problems = append(problems, duplicates(entries)...)
	return entries, problems
}

// rawDoc is a document split into its envelope parts, not yet typed.
type rawDoc struct {
	src        Source
	apiVersion string
	kind       string
	name       string
	metadata   *yaml.Node
	spec       *yaml.Node
}

func (d rawDoc) problem(field, format string, args ...any) Problem {
	return Problem{d.src, domain.Problem{Kind: domain.Kind(d.kind), Name: d.name, Field: field, Msg: fmt.Sprintf(format, args...)}}
}

func envelope(root *yaml.Node, src Source) (rawDoc, *Problem) {
	d := rawDoc{src: src}
	if root.Kind != yaml.MappingNode {
		p := d.problem("", "a document must be a mapping with apiVersion, kind, metadata and spec")
		return d, &p
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i].Value, root.Content[i+1]
		switch k {
		case "apiVersion":
			d.apiVersion = v.Value
		case "kind":
			d.kind = v.Value
		case "metadata":
			d.metadata = v
			if v.Kind == yaml.MappingNode {
				for j := 0; j+1 < len(v.Content); j += 2 {
					if v.Content[j].Value == "name" {
						d.name = v.Content[j+1].Value
					}
				}
			}
		case "spec":
			d.spec = v
		default:
			p := d.problem(k, "unknown field (a document has apiVersion, kind, metadata and spec)")
			p.Line = root.Content[i].Line
			return d, &p
		}
	}
	var missing []string
	for field, ok := range map[string]bool{"apiVersion": d.apiVersion != "", "kind": d.kind != "", "metadata": d.metadata != nil} {
		if !ok {
			missing = append(missing, field)
		}
	}
	if len(missing) > 0 {
		p := d.problem(strings.Join(missing, ", "), "is required")
		return d, &p
	}
	return d, nil
}

func decodeSlate(raw rawDoc) (*Entry, Problems) {
	kind, err := domain.ParseKind(raw.kind)
	if err != nil || string(kind) != raw.kind {
		return nil, Problems{raw.problem("kind", "unknown kind %q (want one of %s)", raw.kind, kindNames())}
	}
	d := domain.New(kind)
	meta, spec := d.Parts()
	var problems Problems
	problems = append(problems, decodeStrict(raw, "metadata", raw.metadata, meta)...)
	if raw.spec == nil {
		problems = append(problems, raw.problem("spec", "is required"))
	} else {
		problems = append(problems, decodeStrict(raw, "spec", raw.spec, spec)...)
	}
	if len(problems) > 0 {
		return nil, problems
	}
	domain.Normalize(d)
	return &Entry{d, raw.src}, nil
}

func kindNames() string {
	names := make([]string, len(domain.Kinds))
	for i, k := range domain.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// decodeStrict decodes node into out, first refusing unknown fields by path.
func decodeStrict(raw rawDoc, path string, node *yaml.Node, out any) Problems {
	var problems Problems
	unknownFields(node, reflect.TypeOf(out), path, func(field string, line int) {
		p := raw.problem(field, "unknown field")
		p.Line = line
		problems = append(problems, p)
	})
	if len(problems) > 0 {
		return problems
	}
	if err := node.Decode(out); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			for _, msg := range te.Errors {
				problems = append(problems, raw.problem(path, "%s", strings.TrimPrefix(msg, "yaml: ")))
			}
			return problems
		}
		return Problems{raw.problem(path, "%s", strings.TrimPrefix(err.Error(), "yaml: "))}
	}
	return nil
}

var (
	timeType    = reflect.TypeOf(time.Time{})
	durType     = reflect.TypeOf(domain.Duration(0))
	unmarshaler = reflect.TypeOf((*yaml.Unmarshaler)(nil)).Elem()
)

// unknownFields walks node against the yaml tags of t and reports keys no field takes.
func unknownFields(node *yaml.Node, t reflect.Type, path string, report func(field string, line int)) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == timeType || t == durType || reflect.PointerTo(t).Implements(unmarshaler) {
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if node.Kind != yaml.MappingNode {
			return
		}
		fields := map[string]reflect.Type{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = strings.ToLower(f.Name)
			}
			fields[name] = f.Type
		}
		for i := 0; i+1 < len(node.Content); i += 2 {
			k := node.Content[i]
			ft, ok := fields[k.Value]
			if !ok {
				report(path+"."+k.Value, k.Line)
				continue
			}
			unknownFields(node.Content[i+1], ft, path+"."+k.Value, report)
		}
	case reflect.Slice:
		if node.Kind != yaml.SequenceNode {
			return
		}
		for i, item := range node.Content {
			unknownFields(item, t.Elem(), fmt.Sprintf("%s[%d]", path, i), report)
		}
	}
}

func duplicates(entries []Entry) Problems {
	seen := map[string]Source{}
	var problems Problems
	for _, e := range entries {
		id := string(e.Def.Kind()) + "/" + e.Def.Name()
		if first, ok := seen[id]; ok {
			problems = append(problems, Problem{e.Source, domain.Problem{Kind: e.Def.Kind(), Name: e.Def.Name(), Msg: "defined twice (first at " + first.String() + ")"}})
			continue
		}
		seen[id] = e.Source
	}
	return problems
}

// Encode writes definitions as multi-document slate/v1 YAML, in the order given.
func Encode(w io.Writer, defs []domain.Definition) error {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	for _, d := range defs {
		if err := enc.Encode(Document(d)); err != nil {
			return err
		}
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Doc is a definition in its document form (for YAML and JSON output).
type Doc struct {
	APIVersion string       `json:"apiVersion" yaml:"apiVersion"`
	Kind       domain.Kind  `json:"kind" yaml:"kind"`
	Metadata   *domain.Meta `json:"metadata" yaml:"metadata"`
	Spec       any          `json:"spec" yaml:"spec"`
}

// Document wraps a definition in its envelope.
func Document(d domain.Definition) Doc {
	meta, spec := d.Parts()
	return Doc{domain.APIVersion, d.Kind(), meta, spec}
}
