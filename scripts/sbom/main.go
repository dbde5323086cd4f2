// Command sbom writes the CycloneDX SBOM of one release artefact: the Go
// modules of the binary inside it, as `cyclonedx-gomod bin` read them from
// the binary itself, plus the npm packages bundled into its UI (from
// frontend/package-lock.json), with the artefact's name and SHA-256, and the
// licence of every component as scripts/licences settled it (the one source
// of docs/licences.md). Time stamp and serial number derive from the commit
// and the artefact, so the same artefact always gets the same SBOM.
//
//	go run ./scripts/sbom -gomod slate.gomod.json -licences licences.json -lock frontend/package-lock.json \
//	    -artefact dist/slate_1.0.0_amd64.deb -version 1.0.0 -epoch 1795935148 -o dist/slate_1.0.0_amd64.deb.cdx.json
package main

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"slate/scripts/internal/npmlock"
)

type bom = map[string]any

func main() {
	gomod := flag.String("gomod", "", "SBOM of the binary from `cyclonedx-gomod bin -json`")
	licences := flag.String("licences", "", "licences of the shipped components, from `scripts/licences -json`")
	lock := flag.String("lock", "frontend/package-lock.json", "the UI's npm lock")
	artefact := flag.String("artefact", "", "the release artefact this SBOM describes")
	version := flag.String("version", "", "Slate's version")
	epoch := flag.String("epoch", os.Getenv("SOURCE_DATE_EPOCH"), "commit time, seconds since 1970 (default $SOURCE_DATE_EPOCH)")
	out := flag.String("o", "", "SBOM to write")
	flag.Parse()
	if err := run(*gomod, *licences, *lock, *artefact, *version, *epoch, *out); err != nil {
		fmt.Fprintln(os.Stderr, "sbom:", err)
		os.Exit(1)
	}
}

func run(gomod, licencesFile, lock, artefact, version, epoch, out string) error {
	if gomod == "" || licencesFile == "" || artefact == "" || version == "" || out == "" {
		return fmt.Errorf("need -gomod, -licences, -artefact, -version and -o")
	}
	secs, err := strconv.ParseInt(epoch, 10, 64)
	if err != nil {
		return fmt.Errorf("-epoch %q: want seconds since 1970", epoch)
	}
	raw, err := os.ReadFile(gomod)
	if err != nil {
		return err
	}
	var b bom
	if err := json.Unmarshal(raw, &b); err != nil {
		return fmt.Errorf("%s: %w", gomod, err)
	}
	data, err := os.ReadFile(artefact)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	pkgs, err := npmlock.Read(filepath.Dir(lock))
	if err != nil {
		return err
	}
	raw, err = os.ReadFile(licencesFile)
	if err != nil {
		return err
	}
	var list []licence
	if err := json.Unmarshal(raw, &list); err != nil {
		return fmt.Errorf("%s: %w", licencesFile, err)
	}
	lic := map[string]string{}
	for _, l := range list {
		lic[l.Kind+" "+l.Name+"@"+l.Version] = l.Licence
	}
	if err := merge(b, pkgs, lic, filepath.Base(artefact), sum, version, time.Unix(secs, 0).UTC()); err != nil {
		return err
	}
	enc, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(out, append(enc, '\n'), 0o644)
}

// licence is one entry of `scripts/licences -json`.
type licence struct{ Kind, Name, Version, Licence string }

// merge turns the binary's SBOM into the artefact's: Slate's own component
// gets its version, licence and the artefact, every Go module the licence
// docs/licences.md gives it, and the npm packages the UI bundles join the
// components and the dependency graph. lic maps "go|npm NAME@VERSION" to an
// SPDX expression; a module it does not know is an error, as the licence
// check then did not see what the binary holds.
func merge(b bom, pkgs []npmlock.Package, lic map[string]string, artefact string, sum [32]byte, version string, at time.Time) error {
	meta, _ := b["metadata"].(bom)
	if meta == nil {
		return fmt.Errorf("the Go SBOM has no metadata")
	}
	main, _ := meta["component"].(bom)
	if main == nil {
		return fmt.Errorf("the Go SBOM has no main component")
	}
	b["serialNumber"] = serial(sum)
	meta["timestamp"] = at.Format(time.RFC3339)
	mainRef, _ := main["bom-ref"].(string)
	main["version"] = version
	main["description"] = "Slate, a desktop workbench for service level targets"
	main["licenses"] = []any{bom{"license": bom{"id": "Apache-2.0"}}}
	props, _ := meta["properties"].([]any)
	props = append(props,
		bom{"name": "slate:artefact", "value": artefact},
		bom{"name": "slate:artefact:sha256", "value": hex.EncodeToString(sum[:])})
	meta["properties"] = props

	comps, _ := b["components"].([]any)
	for _, c := range comps {
		cm, _ := c.(bom)
		name, _ := cm["name"].(string)
		ver, _ := cm["version"].(string)
		key := "go " + name + "@" + ver
		if name == "std" {
			key = "go Go standard library@(the Go toolchain)"
		}
		l, ok := lic[key]
		if !ok {
			return fmt.Errorf("%s %s is in the binary but not in the licence check (scripts/licences releaseTargets)", name, ver)
		}
		delete(cm, "evidence")
		setLicence(cm, l)
	}
	var refs []any
	for _, p := range pkgs {
		if !p.Shipped {
			continue
		}
		c := npmComponent(p)
		if l, ok := lic["npm "+p.Name+"@"+p.Version]; ok {
			setLicence(c, l)
		}
		comps = append(comps, c)
		refs = append(refs, c["bom-ref"])
		b["dependencies"] = append(deps(b), bom{"ref": c["bom-ref"]})
	}
	b["components"] = comps
	for _, d := range deps(b) {
		if dm, ok := d.(bom); ok && dm["ref"] == mainRef {
			on, _ := dm["dependsOn"].([]any)
			dm["dependsOn"] = append(on, refs...)
		}
	}
	return nil
}

func deps(b bom) []any {
	d, _ := b["dependencies"].([]any)
	return d
}

// npmComponent is one bundled npm package as a CycloneDX library.
func npmComponent(p npmlock.Package) bom {
	group, name := "", p.Name
	if i := strings.Index(p.Name, "/"); strings.HasPrefix(p.Name, "@") && i > 0 {
		group, name = p.Name[:i], p.Name[i+1:]
	}
	purl := "pkg:npm/" + url.PathEscape(name) + "@" + p.Version
	if group != "" { // purl spells the scope's @ as %40
		purl = "pkg:npm/%40" + url.PathEscape(group[1:]) + "/" + url.PathEscape(name) + "@" + p.Version
	}
	c := bom{"bom-ref": purl, "type": "library", "name": name, "version": p.Version, "scope": "required", "purl": purl}
	if group != "" {
		c["group"] = group
	}
	setLicence(c, p.Licence)
	if alg, digest, ok := strings.Cut(p.Integrity, "-"); ok {
		if raw, err := base64.StdEncoding.DecodeString(digest); err == nil {
			name := map[string]string{"sha512": "SHA-512", "sha384": "SHA-384", "sha256": "SHA-256", "sha1": "SHA-1"}[alg]
			if name != "" {
				c["hashes"] = []any{bom{"alg": name, "content": hex.EncodeToString(raw)}}
			}
		}
	}
	return c
}

// setLicence sets a component's licence from an SPDX expression: a single
// id as a licence, anything else as an expression; none when unknown.
func setLicence(c bom, expr string) {
	switch {
	case expr == "" || expr == "NOASSERTION":
		delete(c, "licenses")
	case strings.ContainsAny(expr, " ()"):
		c["licenses"] = []any{bom{"expression": expr}}
	default:
		c["licenses"] = []any{bom{"license": bom{"id": expr}}}
	}
}

// serial is a name-based UUID URN from the artefact's hash: the same
// artefact, the same serial number.
func serial(sum [32]byte) string {
	u := slices.Clone(sum[:16])
	u[6] = u[6]&0x0f | 0x50 // version 5 layout (name-based)
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	h := hex.EncodeToString(u)
	return "urn:uuid:" + h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
