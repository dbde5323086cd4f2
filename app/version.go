package app

import (
	"runtime"
	"runtime/debug"
	"time"
)

// Slate's build identity. scripts/release.sh sets all three at link time:
//
//	-X slate/app.Version=0.2.0 -X slate/app.Commit=<sha> -X slate/app.BuildDate=<commit time>
//
// BuildDate is the commit time, not the clock, so that two builds of one commit
// are byte for byte the same. A plain `go build` sets none of them; they then
// come from the version-control stamp Go writes into every binary built in a
// checkout (see stampedBuild).
var (
	Version   string
	Commit    string
	BuildDate string
)

// devVersion is the version of a build that is not from a tag.
const devVersion = "0.0.0-dev"

func init() {
	if Version != "" {
		return
	}
	var settings []debug.BuildSetting
	if bi, ok := debug.ReadBuildInfo(); ok {
		settings = bi.Settings
	}
	Version, Commit, BuildDate = stampedBuild(Version, Commit, BuildDate, settings)
}

// stampedBuild fills what the linker did not set from Go's vcs.* build
// settings: version 0.0.0-dev+<short commit> (".dirty" when the checkout had
// changes), the commit, and the commit time. Without them (go test, go run,
// a build outside git) the version is plain 0.0.0-dev.
func stampedBuild(version, commit, date string, settings []debug.BuildSetting) (string, string, string) {
	var rev, at string
	dirty := false
	for _, s := range settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if commit == "" {
		commit = rev
	}
	if date == "" {
		date = at
	}
	if version == "" {
		version = devVersion
		if rev != "" {
			version += "+" + rev[:min(7, len(rev))]
			if dirty {
				version += ".dirty"
			}
		}
	}
	return version, commit, date
}

// BuildInfo is what `slate version` prints.
type BuildInfo struct {
	Version   string `json:"version"`
	Commit    string `json:"commit"`
	BuildDate string `json:"build_date"`
	GoVersion string `json:"go_version"`
	Platform  string `json:"platform"`
}

// Build describes this binary.
func Build() BuildInfo {
	b := BuildInfo{Version: Version, Commit: Commit, BuildDate: BuildDate,
		GoVersion: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if t, err := time.Parse(time.RFC3339, b.BuildDate); err == nil {
		b.BuildDate = t.UTC().Format(time.RFC3339)
	}
	return b
}
