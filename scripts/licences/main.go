// Command licences checks the licence of every Go module and npm package in
// Slate, writes the table in docs/licences.md and the THIRD-PARTY-NOTICES.txt
// that travels with every release artefact.
//
//	go run ./scripts/licences -check docs/licences.md     # CI: policy + table up to date
//	go run ./scripts/licences -write docs/licences.md     # after a dependency changes
//	go run ./scripts/licences -notices FILE -json FILE    # release: every licence text, and
//	                                                      # the licences for the SBOMs
//
// It fails when anything compiled or bundled into a binary is under a
// licence that would bind the binary (GPL, LGPL, AGPL and the like; see
// classify.go), or under a licence it cannot recognise that no person has
// reviewed below. It runs offline: the module cache (after `go mod download`)
// and frontend/package-lock.json are all it reads; node_modules only for the
// notices.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// Licence is one shipped component's licence as -json writes it; scripts/sbom
// reads it so that the SBOMs say what docs/licences.md says.
type Licence struct {
	Kind    string `json:"kind"` // go or npm
	Name    string `json:"name"` // module path or package name; "Go standard library"
	Version string `json:"version"`
	Licence string `json:"licence"` // SPDX expression; NOASSERTION when none is known
}

// review is a person's decision on a component the classifier cannot settle.
type review struct {
	licence string   // SPDX expression Slate uses it under
	files   []string // licence files to carry, relative to the module root, instead of those found
	note    string
}

var reviewed = map[string]review{
	"github.com/golang/freetype": {licence: "FTL", files: []string{"LICENSE", "licenses/ftl.txt"},
		note: "offered under the FreeType License or GPL-2.0-or-later at the user's choice; Slate takes the FreeType License and gives its credit in NOTICE"},
	"github.com/leaanthony/u": {licence: "NOASSERTION",
		note: "carries no licence file (upstream has none either); a small helper of Wails' options package by the Wails author, pulled in by Wails (MIT). to raise with upstream: add a licence file"},
}

func main() {
	write := flag.String("write", "", "write the licence table to this Markdown file")
	check := flag.String("check", "", "fail when this Markdown file is not the current licence table")
	notices := flag.String("notices", "", "write the licence and notice texts of everything shipped to this file")
	jsonOut := flag.String("json", "", "write the licence of every shipped component to this JSON file (for scripts/sbom)")
	root := flag.String("root", ".", "the Slate checkout")
	flag.Parse()
	if err := run(*root, *write, *check, *notices, *jsonOut); err != nil {
		fmt.Fprintln(os.Stderr, "licences:", err)
		os.Exit(1)
	}
}

func run(root, write, check, notices, jsonOut string) error {
	goc, err := goComponents(root)
	if err != nil {
		return err
	}
	npmc, err := npmComponents(filepath.Join(root, "frontend"))
	if err != nil {
		return err
	}
	fonts := &component{kind: "asset", name: "DejaVu fonts (assets/fonts, embedded)", version: "2.37", licence: "Bitstream-Vera",
		files: []string{filepath.Join(root, "assets", "fonts", "LICENSE")}, shipped: true}
	all := append(append([]*component{fonts}, goc...), npmc...)
	var problems []string
	for _, c := range all {
		if err := settle(c); err != nil {
			problems = append(problems, err.Error())
		}
	}
	table := render(all)
	if write != "" {
		if err := os.WriteFile(write, table, 0o644); err != nil {
			return err
		}
	}
	if check != "" {
		have, err := os.ReadFile(check)
		if err != nil {
			return err
		}
		if !bytes.Equal(have, table) {
			problems = append(problems, fmt.Sprintf("%s is not the current licence table: run `make licences` and commit it", check))
		}
	}
	if notices != "" {
		text, err := noticesText(root, all)
		if err != nil {
			return err
		}
		if err := os.WriteFile(notices, text, 0o644); err != nil {
			return err
		}
	}
	if jsonOut != "" {
		var list []Licence
		for _, c := range all {
			if c.shipped && c.kind != "asset" {
				list = append(list, Licence{Kind: c.kind, Name: c.name, Version: c.version, Licence: c.licence})
			}
		}
		data, err := json.MarshalIndent(list, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(jsonOut, append(data, '\n'), 0o644); err != nil {
			return err
		}
	}
	shipped := 0
	for _, c := range all {
		if c.shipped {
			shipped++
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%d problem(s):\n  %s", len(problems), strings.Join(problems, "\n  "))
	}
	fmt.Printf("licences: %d shipped components, %d build and test tools: no licence that binds the binary\n", shipped, len(all)-shipped)
	return nil
}

// settle decides a component's licence and checks it against the policy.
func settle(c *component) error {
	if r, ok := reviewed[c.name]; ok {
		c.licence, c.note = r.licence, r.note
		if len(r.files) > 0 && len(c.files) > 0 {
			dir := moduleRoot(c.files)
			c.files = nil
			for _, f := range r.files {
				c.files = append(c.files, filepath.Join(dir, f))
			}
		}
		return nil
	}
	if c.kind == "go" {
		var exprs []string
		for _, f := range c.files {
			if noticeOnly.MatchString(filepath.Base(f)) {
				continue
			}
			text, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			e := classify(string(text))
			if e == "" {
				return fmt.Errorf("%s %s: licence file %s not recognised: review it and add it to `reviewed` in scripts/licences", c.name, c.version, f)
			}
			if !slices.Contains(exprs, e) {
				exprs = append(exprs, e)
			}
		}
		if len(exprs) > 1 {
			for i, e := range exprs {
				if strings.Contains(e, " ") {
					exprs[i] = "(" + e + ")"
				}
			}
		}
		c.licence = strings.Join(exprs, " AND ")
	}
	if c.licence == "" {
		return fmt.Errorf("%s %s %s: no licence found: review it and add it to `reviewed` in scripts/licences", c.kind, c.name, c.version)
	}
	v, err := verdict(c.licence)
	if err != nil {
		return fmt.Errorf("%s %s: %v", c.name, c.version, err)
	}
	switch {
	case !c.shipped:
		return nil // build and test tools are not distributed
	case v == copyleft:
		return fmt.Errorf("%s %s %s is %s: a copyleft licence that would bind the Slate binary", c.kind, c.name, c.version, c.licence)
	case v == unknown:
		return fmt.Errorf("%s %s %s: licence %q not in the policy (scripts/licences/classify.go): review it", c.kind, c.name, c.version, c.licence)
	}
	return nil
}

// moduleRoot is the shortest directory among a module's licence files.
func moduleRoot(files []string) string {
	root := filepath.Dir(files[0])
	for _, f := range files[1:] {
		if d := filepath.Dir(f); len(d) < len(root) {
			root = d
		}
	}
	return root
}

func render(all []*component) []byte {
	var b bytes.Buffer
	b.WriteString(`# Licences of Slate's dependencies

Slate is licensed under the Apache License 2.0 ([LICENSE](../LICENSE), [NOTICE](../NOTICE)).
This table is written by ` + "`make licences`" + ` (` + "`go run ./scripts/licences -write docs/licences.md`" + `);
CI fails when it is out of date, and ` + "`make release`" + ` and CI fail when anything compiled or
bundled into a binary is under a licence that would bind the binary: GPL, LGPL (Go links
statically), AGPL and other reciprocal licences. File-level copyleft (MPL-2.0) and the font
licence OFL-1.1 bind only their own files and are allowed. Build and test tools are not
distributed and may be under any licence. Every release artefact carries the full licence and
notice texts of what it ships in THIRD-PARTY-NOTICES.txt.

Licences are read from each module's licence files in the Go module cache (a small
phrase classifier, scripts/licences/classify.go) and from frontend/package-lock.json for npm.
`)
	section := func(title string, keep func(*component) bool, cols string, row func(*component) string) {
		var rows []string
		for _, c := range all {
			if keep(c) {
				rows = append(rows, row(c))
			}
		}
		fmt.Fprintf(&b, "\n## %s (%d)\n\n%s\n", title, len(rows), cols)
		for _, r := range rows {
			b.WriteString(r + "\n")
		}
	}
	section("Go modules compiled into the release binaries", func(c *component) bool { return c.kind == "go" },
		"| module | version | licence | in |\n| --- | --- | --- | --- |",
		func(c *component) string {
			in := strings.Join(c.targets, ", ")
			if len(c.targets) == len(targetLabels()) {
				in = "all"
			}
			return fmt.Sprintf("| %s | %s | %s | %s |", c.name, c.version, licenceCell(c), in)
		})
	section("npm packages bundled into the UI", func(c *component) bool { return c.kind == "npm" && c.shipped },
		"| package | version | licence |\n| --- | --- | --- |",
		func(c *component) string { return fmt.Sprintf("| %s | %s | %s |", c.name, c.version, licenceCell(c)) })
	section("npm packages that only build and test the UI (not shipped)", func(c *component) bool { return c.kind == "npm" && !c.shipped },
		"| package | version | licence |\n| --- | --- | --- |",
		func(c *component) string { return fmt.Sprintf("| %s | %s | %s |", c.name, c.version, licenceCell(c)) })
	b.WriteString("\n## Reviewed by hand\n\n")
	for _, c := range all {
		if c.note != "" {
			fmt.Fprintf(&b, "- **%s** %s — %s: %s.\n", c.name, c.version, c.licence, c.note)
		}
	}
	return b.Bytes()
}

func licenceCell(c *component) string {
	if c.note != "" {
		return c.licence + " (reviewed)"
	}
	return c.licence
}

// noticesText is every licence and notice file of the shipped components,
// in a fixed order so that the file is the same on every build.
func noticesText(root string, all []*component) ([]byte, error) {
	if _, err := os.Stat(filepath.Join(root, "frontend", "node_modules")); err != nil {
		return nil, fmt.Errorf("the notices need frontend/node_modules for the npm licence texts: run npm ci in frontend first")
	}
	var b bytes.Buffer
	b.WriteString("Third-party software in Slate\n=============================\n\n" +
		"Slate (Apache License 2.0, see LICENSE and NOTICE) contains the components below,\n" +
		"each under its own licence, whose text follows its name.\n")
	for _, c := range all {
		if !c.shipped {
			continue
		}
		fmt.Fprintf(&b, "\n\n%s\n%s %s — %s\n%s\n", strings.Repeat("=", 78), c.name, c.version, c.licence, strings.Repeat("=", 78))
		if c.note != "" {
			fmt.Fprintf(&b, "Note: %s.\n", c.note)
		}
		if len(c.files) == 0 {
			fmt.Fprintf(&b, "The package carries no licence file; its package.json declares %s.\n", c.licence)
		}
		for _, f := range c.files {
			text, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			if !utf8.Valid(text) {
				text = latin1(text)
			}
			fmt.Fprintf(&b, "\n--- %s\n\n%s\n", filepath.Base(f), strings.TrimRight(strings.ReplaceAll(string(text), "\r\n", "\n"), "\n"))
		}
	}
	return b.Bytes(), nil
}

// latin1 converts ISO 8859-1 text (some older licence files) to UTF-8.
func latin1(b []byte) []byte {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return []byte(string(r))
}
