package app

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"slate/internal/storage"
)

// cliOutputs are the --json outputs of the CLI that are not results of a
// bound method; the wire rule holds for them too.
var cliOutputs = []any{DoctorReport{}, SalvageResult{}, BuildInfo{}, DemoResult{}, BackupResult{}}

var snake = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// TestWireContract holds dto.go's rule: no aliases of engine types in
// package app, and every JSON name any face sees is snake_case, written in
// a tag (definitions, which travel as manifest documents, excepted).
func TestWireContract(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if ts, ok := n.(*ast.TypeSpec); ok && ts.Assign.IsValid() {
				t.Errorf("%s: type %s is an alias; declare a type of package app (dto.go says how)", fset.Position(ts.Pos()), ts.Name.Name)
			}
			return true
		})
	}

	a, err := Open(filepath.Join(t.TempDir(), "wire.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	var roots []reflect.Type
	for _, svc := range a.Bindings() {
		st := reflect.TypeOf(svc)
		for i := 0; i < st.NumMethod(); i++ {
			m := st.Method(i).Type
			for j := 1; j < m.NumIn(); j++ {
				roots = append(roots, m.In(j))
			}
			for j := 0; j < m.NumOut(); j++ {
				roots = append(roots, m.Out(j))
			}
		}
	}
	for _, v := range cliOutputs {
		roots = append(roots, reflect.TypeOf(v))
	}
	bad := map[string]bool{}
	for _, r := range roots {
		for _, p := range wireProblems(r) {
			bad[p] = true
		}
	}
	for p := range bad {
		t.Error(p)
	}
	if len(bad) > 0 {
		t.Logf("%d JSON names break the wire rule (app/dto.go)", len(bad))
	}
}

// wireProblems lists the JSON names reachable from t that are not snake_case tags.
func wireProblems(root reflect.Type) []string {
	var out []string
	seen := map[reflect.Type]bool{}
	marshaler := reflect.TypeOf((*json.Marshaler)(nil)).Elem()
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] || t == reflect.TypeOf(time.Time{}) || t == reflect.TypeOf(Document{}) ||
			t.Implements(marshaler) || reflect.PointerTo(t).Implements(marshaler) {
			return
		}
		seen[t] = true
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			switch {
			case tag == "-" || (!f.IsExported() && !f.Anonymous):
				continue
			case f.Anonymous && tag == "":
				walk(f.Type) // promoted fields
				continue
			case tag == "":
				out = append(out, t.PkgPath()+"."+t.Name()+"."+f.Name+": no json tag")
			case !snake.MatchString(tag):
				out = append(out, t.PkgPath()+"."+t.Name()+"."+f.Name+`: json "`+tag+`" is not snake_case`)
			}
			if f.Type.Kind() != reflect.Func && f.Type.Kind() != reflect.Chan {
				walk(f.Type)
			}
		}
	}
	walk(root)
	slices.Sort(out)
	return out
}

// batchOf copies every field of a stored batch but the storage's own
// bookkeeping: a field storage adds reaches the wire, or this names it.
func TestBatchDTOHasEveryField(t *testing.T) {
	internal := map[string]bool{"SourceChunks": true, "BatchMeta": true}
	wire := reflect.TypeOf(Batch{})
	var b storage.Batch
	v := reflect.ValueOf(&b).Elem()
	for _, f := range reflect.VisibleFields(v.Type()) {
		if internal[f.Name] || !f.IsExported() {
			continue
		}
		name := f.Name
		if name == "Findings" {
			name = "FindingCounts"
		}
		if _, ok := wire.FieldByName(name); !ok {
			t.Errorf("storage.Batch.%s is not on the wire (app.Batch)", f.Name)
			continue
		}
		// A non-zero value must come through batchOf.
		fv := v.FieldByIndex(f.Index)
		switch fv.Kind() {
		case reflect.String:
			fv.SetString("x")
		case reflect.Int, reflect.Int64:
			fv.SetInt(7)
		case reflect.Uint64:
			fv.SetUint(7)
		case reflect.Bool:
			fv.SetBool(true)
		case reflect.Slice:
			fv.Set(reflect.MakeSlice(fv.Type(), 1, 1))
		case reflect.Map:
			fv.Set(reflect.MakeMap(fv.Type()))
			fv.SetMapIndex(reflect.ValueOf("k"), reflect.ValueOf(1))
		case reflect.Pointer:
			fv.Set(reflect.New(fv.Type().Elem()))
		case reflect.Struct:
			if fv.Type() == reflect.TypeOf(time.Time{}) {
				fv.Set(reflect.ValueOf(time.Unix(7, 0)))
			} else {
				fv.Field(0).SetInt(7)
			}
		}
	}
	out := reflect.ValueOf(batchOf(b))
	for _, f := range reflect.VisibleFields(v.Type()) {
		if internal[f.Name] || !f.IsExported() {
			continue
		}
		name := map[bool]string{true: "FindingCounts", false: f.Name}[f.Name == "Findings"]
		if w := out.FieldByName(name); w.IsValid() && w.IsZero() {
			t.Errorf("batchOf does not copy %s", f.Name)
		}
	}
}

func TestWireProblemsSeesNesting(t *testing.T) {
	type inner struct {
		Fine  int `json:"fine_name"`
		Camel int `json:"camelCase"`
	}
	type outer struct {
		inner
		Untagged string
		List     []map[string]*inner `json:"list"`
		Skip     func()              `json:"-"`
		When     time.Time           `json:"when"`
	}
	got := strings.Join(wireProblems(reflect.TypeOf(outer{})), "\n")
	for _, want := range []string{"inner.Camel: json \"camelCase\"", "outer.Untagged: no json tag"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "Fine") || strings.Contains(got, "When") || strings.Contains(got, "Skip") {
		t.Errorf("false alarm in\n%s", got)
	}
}
