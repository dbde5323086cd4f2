// Package npmlock reads the frontend's package-lock.json (lockfile version 2
// or 3) for the licence check and the SBOMs: which npm packages the UI
// bundles, and which only build and test it.
package npmlock

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Package is one npm package of the lock.
type Package struct {
	Name, Version string
	Licence       string // SPDX expression from the lock ("" when the package declares none)
	Integrity     string // Subresource Integrity string, "sha512-<base64>"
	Dir           string // where npm ci puts it, relative to the frontend folder
	// Shipped is true outside the dev tree: what `npm run build` can bundle
	// into the UI. The dev tree (vite, vitest, typescript...) ships nothing.
	Shipped bool
}

type lockFile struct {
	LockfileVersion int `json:"lockfileVersion"`
	Packages        map[string]struct {
		Version     string `json:"version"`
		License     any    `json:"license"`
		Integrity   string `json:"integrity"`
		Dev         bool   `json:"dev"`
		DevOptional bool   `json:"devOptional"`
		Link        bool   `json:"link"`
	} `json:"packages"`
}

// Read returns the packages of frontend/package-lock.json sorted by name and
// version, one entry per name and version however often npm nests it.
func Read(frontend string) ([]Package, error) {
	raw, err := os.ReadFile(filepath.Join(frontend, "package-lock.json"))
	if err != nil {
		return nil, err
	}
	var lock lockFile
	if err := json.Unmarshal(raw, &lock); err != nil {
		return nil, fmt.Errorf("package-lock.json: %w", err)
	}
	if lock.LockfileVersion < 2 {
		return nil, fmt.Errorf("package-lock.json: lockfile version %d; npm 7 or later writes 2 or 3", lock.LockfileVersion)
	}
	var out []Package
	for key, p := range lock.Packages {
		if key == "" || p.Link {
			continue // the frontend itself, or a workspace link
		}
		i := strings.LastIndex(key, "node_modules/")
		if i < 0 {
			continue
		}
		out = append(out, Package{Name: key[i+len("node_modules/"):], Version: p.Version, Licence: licence(p.License),
			Integrity: p.Integrity, Dir: key, Shipped: !p.Dev && !p.DevOptional})
	}
	slices.SortFunc(out, func(a, b Package) int {
		if a.Name != b.Name {
			return strings.Compare(a.Name, b.Name)
		}
		if a.Version != b.Version {
			return strings.Compare(a.Version, b.Version)
		}
		return strings.Compare(a.Dir, b.Dir)
	})
	// Nested twice is one package; shipped if any copy is.
	var merged []Package
	for _, p := range out {
		if n := len(merged); n > 0 && merged[n-1].Name == p.Name && merged[n-1].Version == p.Version {
			merged[n-1].Shipped = merged[n-1].Shipped || p.Shipped
			continue
		}
		merged = append(merged, p)
	}
	return merged, nil
}

// licence reads the lock's licence field: an SPDX expression, or the old
// {"type": ...} object.
func licence(v any) string {
	switch l := v.(type) {
	case string:
		return l
	case map[string]any:
		if t, ok := l["type"].(string); ok {
			return t
		}
	}
	return ""
}
