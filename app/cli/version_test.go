package cli

import (
	"encoding/json"
	"runtime"
	"strings"
	"testing"

	"slate/app"
)

func TestVersion(t *testing.T) {
	out := mustRun(t, "--json", "version")
	var b app.BuildInfo
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatalf("version --json: %v\n%s", err, out)
	}
	if b.Version != app.Version || b.GoVersion != runtime.Version() || b.Platform != runtime.GOOS+"/"+runtime.GOARCH {
		t.Fatalf("version --json = %+v", b)
	}
	// A test binary carries no VCS stamp: the version is the development one.
	if !strings.HasPrefix(b.Version, "0.0.0-dev") {
		t.Fatalf("version %q without link-time flags, want 0.0.0-dev...", b.Version)
	}
	text := mustRun(t, "version")
	if !strings.HasPrefix(text, "slate "+app.Version+"\n") || !strings.Contains(text, "go      "+runtime.Version()) {
		t.Fatalf("version =\n%s", text)
	}
	if code, _, errs := run(t, "version", "extra"); code != 2 || !strings.Contains(errs, `unexpected "extra"`) {
		t.Fatalf("version extra: exit %d, %s", code, errs)
	}
}
