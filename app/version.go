package app

import (
	"runtime"
	"runtime/debug"
	"slate/internal/buildinfo"
	"time"
)

// Slate's build identity. scripts/release.sh sets all three at link time:
//
//	-X slate/app.Version=0.2.0 -X slate/app.Commit=<sha> -X slate/app.BuildDate=<commit time>
//
// BuildDate is the commit time, not the clock, so that two builds of one commit
// are byte for byte the same. A plain `go build` sets none of them; they then
// come from the version-control stamp Go writes into every binary built in a
// checkout (internal/buildinfo).
var (
	Version   string
	Commit    string
	BuildDate string
)

func init() {
	if Version != "" {
		return
	}
	var settings []debug.BuildSetting
	if bi, ok := debug.ReadBuildInfo(); ok {
		settings = bi.Settings
	}
	Version, Commit, BuildDate = buildinfo.Stamp(Version, Commit, BuildDate, settings)
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
