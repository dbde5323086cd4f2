package npmlock

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	lock := `{"name": "ui", "lockfileVersion": 3, "packages": {
  "": {"name": "ui", "dependencies": {"react": "^19"}},
  "node_modules/react": {"version": "19.0.0", "license": "MIT", "integrity": "sha512-AAAA"},
  "node_modules/@scope/widget": {"version": "1.2.0", "license": {"type": "Apache-2.0"}},
  "node_modules/vite": {"version": "8.0.0", "license": "MIT", "dev": true},
  "node_modules/fsevents": {"version": "2.3.3", "license": "MIT", "devOptional": true},
  "node_modules/vite/node_modules/react": {"version": "19.0.0", "license": "MIT", "dev": true},
  "node_modules/bare": {"version": "0.1.0"}
}}`
	os.WriteFile(filepath.Join(dir, "package-lock.json"), []byte(lock), 0o644)
	ps, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []Package{
		{Name: "@scope/widget", Version: "1.2.0", Licence: "Apache-2.0", Dir: "node_modules/@scope/widget", Shipped: true},
		{Name: "bare", Version: "0.1.0", Dir: "node_modules/bare", Shipped: true},
		{Name: "fsevents", Version: "2.3.3", Licence: "MIT", Dir: "node_modules/fsevents"},
		{Name: "react", Version: "19.0.0", Licence: "MIT", Integrity: "sha512-AAAA", Dir: "node_modules/react", Shipped: true},
		{Name: "vite", Version: "8.0.0", Licence: "MIT", Dir: "node_modules/vite"},
	}
	if len(ps) != len(want) {
		t.Fatalf("got %d packages: %+v", len(ps), ps)
	}
	for i := range want {
		if ps[i] != want[i] {
			t.Errorf("package %d = %+v, want %+v", i, ps[i], want[i])
		}
	}

	os.WriteFile(filepath.Join(dir, "package-lock.json"), []byte(`{"lockfileVersion": 1, "dependencies": {}}`), 0o644)
	if _, err := Read(dir); err == nil {
		t.Fatal("a version 1 lockfile was read without complaint")
	}
}
