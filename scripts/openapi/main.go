// Command openapi writes docs/openapi.json, the OpenAPI description of
// `slate serve` (the app services and the /api/v1 routes), generated from the
// Go code. It runs as `go generate ./app/serve` and `make openapi`; with
// -check it only reports whether the committed file is current. The UI's
// TypeScript types are generated from its output (frontend: npm run gen:api).
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"slate/app/serve"
)

func main() {
	check := flag.Bool("check", false, "fail when docs/openapi.json is not current, without writing it")
	flag.Parse()
	if err := run(*check); err != nil {
		fmt.Fprintln(os.Stderr, "openapi:", err)
		os.Exit(1)
	}
}

func run(check bool) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	doc, err := serve.Document(root)
	if err != nil {
		return err
	}
	file := filepath.Join(root, "docs", "openapi.json")
	if check {
		old, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		if !bytes.Equal(old, doc) {
			return errors.New("docs/openapi.json is stale: run `go generate ./app/serve` (or `make openapi`) and commit it")
		}
		return nil
	}
	return os.WriteFile(file, doc, 0o644)
}

// moduleRoot is the nearest folder upwards with a go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the current folder")
		}
		dir = parent
	}
}
