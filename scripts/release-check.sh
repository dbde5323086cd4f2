#!/usr/bin/env bash
# CI's quick check of the packaging scripts (a suite of scripts/test.sh): the
# small release build (scripts/release.sh --quick: the Linux headless tar.gz,
# a .deb around the headless binary, their SBOMs and SHA256SUMS) twice, then
# checks that both runs give the same bytes and that the archive, the package
# and the SBOMs hold what they should. Prints one TAP line per check. No
# installers, no Wine: `make release-test` covers the full release.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH=/usr/local/go/bin:$PATH

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)) failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
check() { # check DESCRIPTION COMMAND...: ok when the command succeeds
  local what=$1 log
  shift
  if log=$("$@" 2>&1); then ok "$what"; else not_ok "$what" "${log//$'\n'/$'\n#   '}"; fi
}

for run in a b; do
  if ! scripts/release.sh --quick "$tmp/$run" >"$tmp/$run.log" 2>&1; then
    not_ok "quick release build ($run)" "$(tail -20 "$tmp/$run.log")"
    echo "1..$n"
    exit 1
  fi
done
ok "quick release build, twice"
cat "$tmp/a.log"

check "two builds of one commit give the same SHA256SUMS" diff "$tmp/a/SHA256SUMS" "$tmp/b/SHA256SUMS"
check "SHA256SUMS matches the files" bash -c "cd '$tmp/a' && sha256sum --quiet -c SHA256SUMS"

epoch=$(git log -1 --format=%ct HEAD)
stamp=$(date -u -d "@$epoch" '+%Y-%m-%d %H:%M:%S')
tgz=$(ls "$tmp"/a/slate-*-linux-amd64.tar.gz)
deb=$(ls "$tmp"/a/slate_*_amd64.deb)
top=$(basename "$tgz" .tar.gz)
version=${top#slate-}
version=${version%-linux-amd64}

tar_entries() {
  local want got
  want=$(printf '%s\n' "$top/" "$top/CHANGELOG.md" "$top/LICENSE" "$top/NOTICE" "$top/README.md" "$top/THIRD-PARTY-NOTICES.txt" "$top/slate")
  got=$(tar -tzf "$tgz")
  [ "$got" = "$want" ] || { echo "entries:"; echo "$got"; return 1; }
  # owner root, the commit's time, 0755 for the binary and folder, 0644 for the rest
  tar --full-time -tvzf "$tgz" | awk -v s="$stamp" -v top="$top/" '
    { want = ($6 == top || $6 == top "slate") ? "rwxr-xr-x" : "rw-r--r--"
      if ($2 != "root/root" || $4 " " $5 != s || substr($1, 2) != want) { print "bad entry: " $0; bad = 1 } }
    END { exit bad }'
}
check "tar.gz: one folder, sorted entries, root owner, commit time, fixed modes" tar_entries

tar_binary() {
  tar -xzf "$tgz" -C "$tmp" || return 1
  local out
  out=$("$tmp/$top/slate" version) || return 1
  grep -qx "slate $version" <<<"$out" && grep -q "commit  $(git rev-parse HEAD)" <<<"$out" &&
    grep -q "built   $(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)" <<<"$out" || { echo "$out"; return 1; }
}
check "tar.gz: slate version prints $version, the commit and the commit time" tar_binary

deb_control() {
  local f
  f=$(dpkg-deb -f "$deb" Package Version Architecture Depends) || return 1
  grep -qx "Package: slate" <<<"$f" && grep -qx "Architecture: amd64" <<<"$f" &&
    grep -qx "Depends: libgtk-3-0, libwebkit2gtk-4.1-0" <<<"$f" || { echo "$f"; return 1; }
}
check ".deb control: slate, amd64, depends on GTK 3 and WebKitGTK 4.1" deb_control

deb_contents() {
  local list p
  list=$(dpkg-deb -c "$deb") || return 1
  for p in ./usr/bin/slate ./usr/share/applications/slate.desktop ./usr/share/icons/hicolor/512x512/apps/slate.png \
    ./usr/share/doc/slate/copyright ./usr/share/doc/slate/THIRD-PARTY-NOTICES.txt; do
    grep -q " $p\$" <<<"$list" || { echo "missing $p"; echo "$list"; return 1; }
  done
  grep -q '^-rwxr-xr-x root/root .* ./usr/bin/slate$' <<<"$list" || { echo "/usr/bin/slate is not 0755 root"; return 1; }
  # every entry carries the commit's time
  dpkg-deb --fsys-tarfile "$deb" | tar --full-time -tvf - | awk -v s="$stamp" '$4 " " $5 != s { print "bad time: " $0; bad = 1 } END { exit bad }'
}
check ".deb contents: /usr/bin/slate, desktop entry, icon, copyright, all at the commit time" deb_contents

if command -v desktop-file-validate >/dev/null; then
  check "desktop entry is valid" desktop-file-validate build/linux/slate.desktop
fi

sboms() {
  local a sum
  for a in "$tgz" "$deb"; do
    sum=$(sha256sum "$a" | cut -d' ' -f1)
    grep -q "\"value\": \"$sum\"" "$a.cdx.json" || { echo "$a.cdx.json: no artefact hash $sum"; return 1; }
    grep -q '"bomFormat": "CycloneDX"' "$a.cdx.json" &&
      grep -q '"purl": "pkg:golang/go.etcd.io/bbolt@' "$a.cdx.json" &&
      grep -q '"purl": "pkg:npm/react@' "$a.cdx.json" || { echo "$a.cdx.json lacks bbolt or react"; return 1; }
    # licences as the licence check settled them (freetype: the FreeType License of the dual offer)
    grep -q '"id": "FTL"' "$a.cdx.json" && grep -q '"id": "Apache-2.0"' "$a.cdx.json" || { echo "$a.cdx.json: licences not from docs/licences.md"; return 1; }
  done
}
check "SBOMs: CycloneDX, the artefact's hash, Go modules and bundled npm packages with their licences" sboms

echo "1..$n"
[ $failed -eq 0 ]
