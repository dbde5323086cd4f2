package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The layers of docs/architecture.md, checked on every non-test Go file of
// the module whatever its build tags (the desktop files too).

const module = "slate"

// facesMayImport are the only internal packages the CLI and the server may
// import beside app: each an entry point, with why a face needs it directly.
var facesMayImport = map[string]map[string]string{
	"slate/app/cli": {
		"slate/internal/plain":      "numbers, targets and p-values as people read them: the CLI prints by the rules the pack and the API use",
		"slate/internal/stats":      "`slate stats` is a calculator on a file, with no workspace: it calls the statistics toolbox itself",
		"slate/internal/ingest":     "`slate stats` reads its file as an import reads one (ReadColumns); findings in the import's output",
		"slate/internal/domain":     "the mapping file of `slate import --mapping`, points, and FieldError to name the flag a refused value came from",
		"slate/internal/compliance": "KeyError and KeyFormats: to name --period when a period key is refused",
		"slate/internal/storage":    "opening the database (Options, DefaultPath) and the sentinel errors its hints answer (ErrNoDatabase, ErrNeedsMigration)",
		"slate/internal/anchor":     "`slate audit keygen` and `anchor` keep a key in the user's config folder: the CLI's own files, never the server's",
		"slate/internal/analysis":   "the verdict and chart constants `slate analyze` prints",
	},
	"slate/app/serve": {
		"slate/internal/compliance": "KeyError: a refused period key is a 400 problem naming the valid forms; the example report rows of the OpenAPI document",
		"slate/internal/ingest":     "the example findings of the OpenAPI document (v1_examples.go)",
		"slate/internal/storage":    "the example batch counts of the OpenAPI document (v1_examples.go)",
		"slate/internal/improve":    "the example actions of the OpenAPI document (v1_examples.go)",
		"slate/internal/predict":    "the example forecast of the OpenAPI document (v1_examples.go)",
		"slate/internal/calibrate":  "the example calibration of the OpenAPI document (v1_examples.go)",
		"slate/internal/report":     "report.Float figures in the example forecast and calibration of the OpenAPI document (v1_examples.go)",
	},
}

// pure packages compute or describe; they never touch the database (so they
// are tested without bbolt) nor draw files (the renderers are export's).
var pure = []string{
	"analysis", "calibrate", "capacity", "change", "compliance", "correlate", "daily", "domain",
	"ingest", "judge", "manifest", "pack", "plain", "pointhash", "predict", "report", "stats",
}

// leaves import no other package of the module.
var leaves = map[string][]string{
	"domain":   {"go.yaml.in/yaml/"}, // a Duration reads itself from YAML
	"plain":    nil,
	"report":   nil,
	"cellsafe": nil,
	// stats: only the standard library and gonum
	"stats": {"gonum.org/"},
}

type pkg struct {
	dir     string
	imports map[string][]string // import path → files
}

func modulePackages(t *testing.T) map[string]*pkg {
	t.Helper()
	out := map[string]*pkg{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); path != "." && (strings.HasPrefix(n, ".") || n == "node_modules" || n == "testdata" || n == "dist" || n == "build") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		ip := module
		if dir := filepath.ToSlash(filepath.Dir(path)); dir != "." {
			ip += "/" + dir
		}
		p := out[ip]
		if p == nil {
			p = &pkg{dir: filepath.Dir(path), imports: map[string][]string{}}
			out[ip] = p
		}
		for _, im := range f.Imports {
			v, _ := strconv.Unquote(im.Path.Value)
			p.imports[v] = append(p.imports[v], path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if out["slate/internal/compliance"] == nil || out["slate/app/cli"] == nil {
		t.Fatalf("the walk found no packages (run from the module root): %d", len(out))
	}
	return out
}

func TestLayers(t *testing.T) {
	if _, err := os.Stat("go.mod"); err != nil {
		t.Fatal(err)
	}
	pkgs := modulePackages(t)
	for ip, p := range pkgs {
		internal, isInternal := strings.CutPrefix(ip, "slate/internal/")
		for im, files := range p.imports {
			where := strings.Join(files, ", ")
			// internal/ knows nothing of app or Wails
			if isInternal && (im == "slate/app" || strings.HasPrefix(im, "slate/app/")) {
				t.Errorf("%s imports %s (%s): internal/ never imports app", ip, im, where)
			}
			// only app's desktop files import Wails
			if strings.HasPrefix(im, "github.com/wailsapp/") && ip != "slate/app" {
				t.Errorf("%s imports %s (%s): only app (its desktop files) imports Wails", ip, im, where)
			}
			// the faces go through app, beside their documented entry points
			if allowed, face := facesMayImport[ip]; face && strings.HasPrefix(im, "slate/internal/") {
				if _, ok := allowed[im]; !ok {
					t.Errorf("%s imports %s (%s): faces call app; add it to facesMayImport with the reason only if it is an entry point", ip, im, where)
				}
			}
			if !isInternal {
				continue
			}
			if slices.Contains(pure, internal) && (im == "slate/internal/storage" || im == "slate/internal/export" || im == "go.etcd.io/bbolt") {
				t.Errorf("%s imports %s (%s): it computes or describes; storage reads and export draws", ip, im, where)
			}
			if allowed, leaf := leaves[internal]; leaf {
				external := strings.Contains(strings.Split(im, "/")[0], ".")
				ok := !strings.HasPrefix(im, "slate/") && !external
				for _, a := range allowed {
					ok = ok || strings.HasPrefix(im, a)
				}
				if !ok {
					t.Errorf("%s imports %s (%s): it stands on the standard library alone%s", ip, im, where,
						map[bool]string{true: " and " + strings.Join(allowed, ", "), false: ""}[len(allowed) > 0])
				}
			}
		}
	}
	// what the faces may import is still what they import (no stale reasons)
	for face, allowed := range facesMayImport {
		for im := range allowed {
			if _, ok := pkgs[face].imports[im]; !ok {
				t.Errorf("facesMayImport[%s] lists %s, which it no longer imports: remove it", face, im)
			}
		}
	}
}
