package main

import (
	"crypto/sha256"
	"encoding/json"
	"testing"
	"time"

	"slate/scripts/internal/npmlock"
)

const goBOM = `{
  "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
  "metadata": {"component": {"bom-ref": "pkg:golang/slate@0.1.0?type=module", "type": "application", "name": "slate", "version": "0.1.0"}},
  "components": [{"bom-ref": "pkg:golang/go.etcd.io/bbolt@v1.4.3?type=module", "type": "library", "name": "go.etcd.io/bbolt", "version": "v1.4.3"}],
  "dependencies": [{"ref": "pkg:golang/slate@0.1.0?type=module", "dependsOn": ["pkg:golang/go.etcd.io/bbolt@v1.4.3?type=module"]},
                   {"ref": "pkg:golang/go.etcd.io/bbolt@v1.4.3?type=module"}]
}`

func TestMerge(t *testing.T) {
	pkgs := []npmlock.Package{
		{Name: "@tanstack/react-table", Version: "8.21.3", Licence: "MIT", Integrity: "sha512-AAEC", Shipped: true},
		{Name: "dual", Version: "1.0.0", Licence: "(MIT OR Apache-2.0)", Shipped: true},
		{Name: "vite", Version: "8.3.8", Licence: "MIT"},
	}
	at := time.Unix(1795935148, 0).UTC()
	sum := sha256.Sum256([]byte("the artefact"))
	build := func() bom {
		var b bom
		if err := json.Unmarshal([]byte(goBOM), &b); err != nil {
			t.Fatal(err)
		}
		lic := map[string]string{"go go.etcd.io/bbolt@v1.4.3": "MIT", "npm dual@1.0.0": "(MIT OR Apache-2.0)"}
		if err := merge(b, pkgs, lic, "slate_0.1.0_amd64.deb", sum, "0.1.0", at); err != nil {
			t.Fatal(err)
		}
		return b
	}
	b := build()
	first, _ := json.Marshal(b)
	again, _ := json.Marshal(build())
	if string(first) != string(again) {
		t.Fatal("the same artefact gave two different SBOMs")
	}
	if b["serialNumber"] != serial(sum) || b["serialNumber"].(string)[23] != '5' {
		t.Errorf("serial %v", b["serialNumber"])
	}
	meta := b["metadata"].(bom)
	if meta["timestamp"] != "2026-11-29T06:52:28Z" {
		t.Errorf("timestamp %v", meta["timestamp"])
	}
	comps := b["components"].([]any)
	if l := comps[0].(bom)["licenses"].([]any)[0].(bom)["license"].(bom); l["id"] != "MIT" {
		t.Errorf("bbolt's licence from the licence check: %v", l)
	}
	if len(comps) != 3 { // bbolt and the two shipped npm packages, not vite
		t.Fatalf("%d components: %v", len(comps), comps)
	}
	rt := comps[1].(bom)
	if rt["purl"] != "pkg:npm/%40tanstack/react-table@8.21.3" || rt["group"] != "@tanstack" || rt["name"] != "react-table" {
		t.Errorf("scoped package: %v", rt)
	}
	if h := rt["hashes"].([]any)[0].(bom); h["alg"] != "SHA-512" || h["content"] != "000102" {
		t.Errorf("hash from integrity: %v", h)
	}
	if l := comps[2].(bom)["licenses"].([]any)[0].(bom); l["expression"] != "(MIT OR Apache-2.0)" {
		t.Errorf("licence expression: %v", l)
	}
	on := b["dependencies"].([]any)[0].(bom)["dependsOn"].([]any)
	if len(on) != 3 || on[2] != "pkg:npm/dual@1.0.0" {
		t.Errorf("slate depends on %v", on)
	}
}

func TestMergeRefusesAModuleTheLicenceCheckMissed(t *testing.T) {
	var b bom
	if err := json.Unmarshal([]byte(goBOM), &b); err != nil {
		t.Fatal(err)
	}
	err := merge(b, nil, map[string]string{}, "x.tar.gz", [32]byte{}, "0.1.0", time.Unix(0, 0))
	if err == nil {
		t.Fatal("a module without a checked licence went into the SBOM")
	}
}
