package buildinfo

import (
	"runtime/debug"
	"testing"
)

func TestStampedBuild(t *testing.T) {
	stamp := []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "0aae917c3b1e0d6f1c2f1b6f0b5c1d2e3f4a5b6c"},
		{Key: "vcs.time", Value: "2026-11-29T06:52:28Z"},
		{Key: "vcs.modified", Value: "false"},
	}
	for _, c := range []struct {
		name                   string
		version, commit, date  string
		settings               []debug.BuildSetting
		wantV, wantC, wantDate string
	}{
		{"plain go build in a clean checkout", "", "", "", stamp,
			"0.0.0-dev+0aae917", "0aae917c3b1e0d6f1c2f1b6f0b5c1d2e3f4a5b6c", "2026-11-29T06:52:28Z"},
		{"checkout with changes", "", "", "", append(stamp[:3:3], debug.BuildSetting{Key: "vcs.modified", Value: "true"}),
			"0.0.0-dev+0aae917.dirty", "0aae917c3b1e0d6f1c2f1b6f0b5c1d2e3f4a5b6c", "2026-11-29T06:52:28Z"},
		{"no stamp (go test, go run, source tarball)", "", "", "", nil, "0.0.0-dev", "", ""},
		{"release: link-time values win", "0.2.0", "abc", "2026-12-01T00:00:00Z", stamp, "0.2.0", "abc", "2026-12-01T00:00:00Z"},
	} {
		v, cm, d := Stamp(c.version, c.commit, c.date, c.settings)
		if v != c.wantV || cm != c.wantC || d != c.wantDate {
			t.Errorf("%s: got %q %q %q, want %q %q %q", c.name, v, cm, d, c.wantV, c.wantC, c.wantDate)
		}
	}
}
