// Package buildinfo reads a binary's identity from what Go stamps into
// every build made in a checkout, for what the linker did not set.
package buildinfo

import "runtime/debug"

// Dev is the version of a build that is not from a tag.
const Dev = "0.0.0-dev"

// Stamp fills what the linker did not set from Go's vcs.* build
// settings: version 0.0.0-dev+<short commit> (".dirty" when the checkout had
// changes), the commit, and the commit time. Without them (go test, go run,
// a build outside git) the version is plain 0.0.0-dev.
func Stamp(version, commit, date string, settings []debug.BuildSetting) (string, string, string) {
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
		version = Dev
		if rev != "" {
			version += "+" + rev[:min(7, len(rev))]
			if dirty {
				version += ".dirty"
			}
		}
	}
	return version, commit, date
}
