package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"slate/scripts/internal/npmlock"
)

// target is one build of the release matrix (scripts/release.sh): the
// modules compiled into it are what Slate ships.
type target struct {
	label              string
	goos, goarch, tags string
	cgo                bool
}

var releaseTargets = []target{
	{"linux desktop", "linux", "amd64", "desktop,production,webkit2_41", true},
	{"linux", "linux", "amd64", "", false},
	{"windows desktop", "windows", "amd64", "desktop,production", false},
	{"windows", "windows", "amd64", "", false},
	{"macOS", "darwin", "amd64", "", false},
	{"macOS", "darwin", "arm64", "", false},
}

// targetLabels are the distinct labels of the release targets.
func targetLabels() []string {
	var labels []string
	for _, t := range releaseTargets {
		if !slices.Contains(labels, t.label) {
			labels = append(labels, t.label)
		}
	}
	return labels
}

// component is one shipped or tool dependency with its licence.
type component struct {
	kind, name, version string
	licence             string   // SPDX expression
	files               []string // licence and notice files, absolute paths
	targets             []string // release targets it is compiled into (Go)
	shipped             bool
	note                string // a person's review, when there is one
}

// licenceFile matches the names under which licences and notices travel.
var licenceFile = regexp.MustCompile(`(?i)^(licen[cs]e|copying|unlicense|notice|patents)([-._].*)?$`)

// noticeOnly files are carried along but carry no licence of their own.
var noticeOnly = regexp.MustCompile(`(?i)^(notice|patents)([-._].*)?$`)

type goPackage struct {
	ImportPath string
	Dir        string
	Standard   bool
	Module     *struct {
		Path, Version, Dir string
		Main               bool
		Replace            *struct{ Path, Version, Dir string }
	}
}

// goComponents lists the modules compiled into any release target, with the
// licence files found between each compiled package and its module root, so
// a sub-package under its own licence is seen too. It reads the module cache
// only: run `go mod download` first on a fresh machine.
func goComponents(root string) ([]*component, error) {
	byModule := map[string]*component{}
	var order []string
	for _, t := range releaseTargets {
		cmd := exec.Command("go", "list", "-deps", "-json=ImportPath,Dir,Standard,Module", "-tags", t.tags, ".")
		cmd.Dir = root
		cgo := "0"
		if t.cgo {
			cgo = "1"
		}
		cmd.Env = append(os.Environ(), "GOOS="+t.goos, "GOARCH="+t.goarch, "CGO_ENABLED="+cgo, "GOFLAGS=-mod=readonly")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("go list for %s/%s (%s): %v\n%s", t.goos, t.goarch, t.label, err, stderr.String())
		}
		dec := json.NewDecoder(bytes.NewReader(out))
		for {
			var p goPackage
			if err := dec.Decode(&p); err == io.EOF {
				break
			} else if err != nil {
				return nil, err
			}
			if p.Standard || p.Module == nil || p.Module.Main {
				continue
			}
			path, version, dir := p.Module.Path, p.Module.Version, p.Module.Dir
			if r := p.Module.Replace; r != nil {
				version, dir = r.Version, r.Dir
			}
			c := byModule[path]
			if c == nil {
				c = &component{kind: "go", name: path, version: version, shipped: true}
				byModule[path] = c
				order = append(order, path)
			}
			if !slices.Contains(c.targets, t.label) {
				c.targets = append(c.targets, t.label)
			}
			for _, f := range licenceFilesUpTo(p.Dir, dir) {
				if !slices.Contains(c.files, f) {
					c.files = append(c.files, f)
				}
			}
		}
	}
	slices.Sort(order)
	var out []*component
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, err
	}
	out = append(out, &component{kind: "go", name: "Go standard library", version: "(the Go toolchain)", shipped: true,
		files: []string{filepath.Join(strings.TrimSpace(string(goroot)), "LICENSE")}, targets: targetLabels()})
	for _, m := range order {
		slices.Sort(byModule[m].files)
		out = append(out, byModule[m])
	}
	return out, nil
}

// licenceFilesUpTo lists licence-like files in dir and its parents up to and
// including root.
func licenceFilesUpTo(dir, root string) []string {
	var files []string
	for {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !e.IsDir() && licenceFile.MatchString(e.Name()) {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
		if dir == root || !strings.HasPrefix(dir, root+string(filepath.Separator)) {
			return files
		}
		dir = filepath.Dir(dir)
	}
}

// npmComponents reads the frontend's package-lock.json. Licence texts come
// from node_modules when it is installed (for the notices), the licence from
// the lock.
func npmComponents(frontend string) ([]*component, error) {
	pkgs, err := npmlock.Read(frontend)
	if err != nil {
		return nil, err
	}
	var out []*component
	for _, p := range pkgs {
		c := &component{kind: "npm", name: p.Name, version: p.Version, licence: p.Licence, shipped: p.Shipped}
		dir := filepath.Join(frontend, filepath.FromSlash(p.Dir))
		if entries, err := os.ReadDir(dir); err == nil {
			for _, e := range entries {
				if !e.IsDir() && licenceFile.MatchString(e.Name()) {
					c.files = append(c.files, filepath.Join(dir, e.Name()))
				}
			}
		}
		out = append(out, c)
	}
	return out, nil
}
