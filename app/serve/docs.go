package serve

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"
)

// Docs holds the doc comments of Go packages: types, methods and struct fields.
type Docs struct {
	types   map[string]string // "import/path.Type"
	methods map[string]string // "import/path.Type.Method"
	fields  map[string]string // "import/path.Type.Field"
	// over maps a defined type to the module's type it is defined over
	// (type Report compliance.Report), whose fields' comments it shares.
	over map[string]string
	// faces maps an engine type to the one type of the faces (package app
	// or serve) defined over it.
	faces map[string]string
}

// face is the type of the faces defined over t, if one is ("import/path.Type").
func (d *Docs) face(t reflect.Type) string {
	if d == nil {
		return ""
	}
	return d.faces[t.PkgPath()+"."+t.Name()]
}

func (d *Docs) typ(t reflect.Type) string {
	if d == nil {
		return ""
	}
	return d.types[t.PkgPath()+"."+t.Name()]
}

func (d *Docs) method(t reflect.Type, m string) string {
	if d == nil {
		return ""
	}
	return d.methods[t.PkgPath()+"."+t.Name()+"."+m]
}

func (d *Docs) field(t reflect.Type, f string) string {
	if d == nil || t.Name() == "" {
		return ""
	}
	k := t.PkgPath() + "." + t.Name()
	for range 8 { // a defined type's fields are documented where they are declared
		if doc, ok := d.fields[k+"."+f]; ok {
			return doc
		}
		if k = d.over[k]; k == "" {
			break
		}
	}
	return ""
}

// ParseDocs reads the doc comments of the Go packages under root (the module
// root, whose import path is module), skipping tests and the desktop-only files.
func ParseDocs(root, module string) (*Docs, error) {
	d := &Docs{types: map[string]string{}, methods: map[string]string{}, fields: map[string]string{}, over: map[string]string{}}
	err := filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() {
			return nil
		}
		if n := e.Name(); p != root && (strings.HasPrefix(n, ".") || n == "node_modules" || n == "testdata" || n == "frontend") {
			return filepath.SkipDir
		}
		fset := token.NewFileSet()
		entries, err := os.ReadDir(p)
		if err != nil {
			return err
		}
		pkgs := map[string][]*ast.File{}
		for _, e := range entries {
			n := e.Name()
			if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, filepath.Join(p, n), nil, parser.ParseComments)
			if err != nil {
				continue // not buildable here: no docs from it
			}
			pkgs[f.Name.Name] = append(pkgs[f.Name.Name], f)
		}
		rel, _ := filepath.Rel(root, p)
		ip := module
		if rel != "." {
			ip = module + "/" + filepath.ToSlash(rel)
		}
		for _, files := range pkgs {
			for _, f := range files {
				definedOver(d.over, f, ip, module)
			}
		}
		for name, files := range pkgs {
			if strings.HasSuffix(name, "_test") {
				continue
			}
			dp, err := doc.NewFromFiles(fset, files, ip, doc.AllDecls|doc.PreserveAST)
			if err != nil {
				continue
			}
			for _, t := range dp.Types {
				if t.Doc != "" {
					d.types[ip+"."+t.Name] = clean(t.Doc)
				}
				for _, m := range t.Methods {
					if m.Doc != "" {
						d.methods[ip+"."+t.Name+"."+m.Name] = clean(m.Doc)
					}
				}
				for _, spec := range t.Decl.Specs {
					ts, ok := spec.(*ast.TypeSpec)
					if !ok {
						continue
					}
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						continue
					}
					for _, f := range st.Fields.List {
						text := f.Doc.Text()
						if text == "" {
							text = f.Comment.Text()
						}
						if text == "" {
							continue
						}
						for _, n := range f.Names {
							d.fields[ip+"."+ts.Name.Name+"."+n.Name] = clean(text)
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return d, err
	}
	d.faces = map[string]string{}
	for face, engine := range d.over {
		if p := face[:strings.LastIndexByte(face, '.')]; p != module+"/app" && p != module+"/app/serve" || strings.HasPrefix(engine, p+".") {
			continue
		}
		if _, twice := d.faces[engine]; twice {
			d.faces[engine] = "" // two faces: neither names it
			continue
		}
		d.faces[engine] = face
	}
	return d, nil
}

// definedOver records the types of f (package ip) defined over another type
// of the module: type X Y, or type X pkg.Y with pkg imported from module.
func definedOver(over map[string]string, f *ast.File, ip, module string) {
	imports := map[string]string{}
	for _, im := range f.Imports {
		p := strings.Trim(im.Path.Value, `"`)
		name := path.Base(p)
		if im.Name != nil {
			name = im.Name.Name
		}
		imports[name] = p
	}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			switch x := ts.Type.(type) {
			case *ast.Ident:
				over[ip+"."+ts.Name.Name] = ip + "." + x.Name
			case *ast.SelectorExpr:
				pkg, ok := x.X.(*ast.Ident)
				if p := imports[pkg.Name]; ok && strings.HasPrefix(p, module+"/") {
					over[ip+"."+ts.Name.Name] = p + "." + x.Sel.Name
				}
			}
		}
	}
}

func clean(s string) string {
	return strings.TrimSpace(strings.Join(strings.Fields(s), " "))
}
