#!/usr/bin/env bash
# Builds every release artefact of the checked-out commit into dist/:
#
#   slate_<deb version>_amd64.deb                Linux window app (also the CLI), for apt
#   slate-<version>-linux-amd64.tar.gz           Linux headless CLI and `slate serve`
#   slate-<version>-windows-amd64-setup.exe      Windows window app, per-user NSIS installer
#   slate-<version>-windows-amd64.zip            Windows headless slate.exe
#   slate-<version>-darwin-{amd64,arm64}.tar.gz  macOS headless CLI and `slate serve`
#   <artefact>.cdx.json                          CycloneDX SBOM of each artefact
#   SHA256SUMS                                   checksums of all of the above
#
# Reproducible: the version, the build date and every file time come from the
# commit (SOURCE_DATE_EPOCH = its commit time), binaries are built with
# -trimpath and an empty build id, archives list their entries in order with
# fixed owners and modes. Two runs on one commit give the same SHA256SUMS.
#
#   scripts/release.sh                 everything (as `make release`)
#   scripts/release.sh --quick DIR     the small build CI checks (scripts/release-check.sh):
#                                      the Linux headless tar.gz and a .deb around the
#                                      headless binary, with SBOMs and SHA256SUMS, into DIR
#
# Needs a Debian/Ubuntu machine; installs what is missing (scripts/setup.sh,
# Debian's nsis, and pinned Go tools: nfpm, cyclonedx-gomod, go-winres).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

quick=0 out=dist
case "${1:-}" in
--quick) quick=1 out=${2:?--quick needs an output folder} ;;
"") ;;
*) echo "usage: scripts/release.sh [--quick DIR]" >&2; exit 2 ;;
esac

NFPM=github.com/goreleaser/nfpm/v2/cmd/nfpm@v2.48.0
CYCLONEDX_GOMOD=github.com/CycloneDX/cyclonedx-gomod/cmd/cyclonedx-gomod@v1.10.0
GO_WINRES=github.com/tc-hib/go-winres@v0.3.3

start=$SECONDS
step() { printf 'release: [%4ds] %s\n' $((SECONDS - start)) "$*"; }
sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- tools -------------------------------------------------------------------
if [ $quick = 0 ]; then
  scripts/setup.sh
  if ! command -v makensis >/dev/null; then
    step "installing nsis"
    sudo_ apt-get update -qq
    DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq --no-install-recommends nsis >/dev/null
  fi
fi
export PATH=/usr/local/go/bin:$PATH
tools=$root/bin/tools
mkdir -p "$tools"
for t in "$NFPM" "$CYCLONEDX_GOMOD" "$GO_WINRES"; do
  [ $quick = 1 ] && [ "$t" = "$GO_WINRES" ] && continue
  GOBIN=$tools GOFLAGS= go install "$t"
done
# The build's own flags decide; a GOFLAGS in the environment must not.
export GOFLAGS=-mod=readonly
for t in archive licences sbom; do # this repository's release helpers, built once
  go build -o "$tools/$t" "./scripts/$t"
done

# --- identity of this build --------------------------------------------------
commit=$(git rev-parse HEAD)
short=$(git rev-parse --short=7 HEAD)
export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct HEAD)
build_date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
# v1.2.3 on the commit → 1.2.3; 4 commits after v1.2.3 → 1.2.3+4.g<commit>
# (sorts after 1.2.3 for dpkg); no tag → 0.0.0-dev+<commit>.
if tag=$(git describe --tags --exact-match --match 'v[0-9]*' HEAD 2>/dev/null); then
  version=${tag#v}
elif desc=$(git describe --tags --long --match 'v[0-9]*' HEAD 2>/dev/null); then
  base=${desc%-*-g*}
  ahead=${desc#"$base"-}
  version="${base#v}+${ahead%-g*}.g$short"
else
  version="0.0.0-dev+$short"
fi
if [ -n "$(git status --porcelain)" ]; then
  echo "release: WARNING: the working tree has changes; this build is not of commit $short alone" >&2
  case $version in *+*) version+=".dirty" ;; *) version+="+dirty" ;; esac
fi
# Windows wants four numbers: 1.2.3 and the commits since its tag.
numeric=$(printf '%s' "$version" | grep -oE '^[0-9]+\.[0-9]+\.[0-9]+')
ahead_n=$(printf '%s' "$version" | sed -nE 's/^[0-9.]+\+([0-9]+)\.g.*/\1/p')
version4="$numeric.${ahead_n:-0}"
step "slate $version (commit $short, $build_date)"

work=$(mktemp -d)
cleanup() { rm -rf "$work" "$root"/rsrc_windows_*.syso; }
trap cleanup EXIT
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out"/slate[-_]* "$out/SHA256SUMS" # the previous build's files, nothing else

# --- UI, licences ------------------------------------------------------------
if [ $quick = 0 ]; then
  step "frontend (npm ci, npm run build)"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run build) >"$work/frontend.log" 2>&1 ||
    { tail -30 "$work/frontend.log" >&2; exit 1; }
fi
step "licence check"
"$tools/licences" -check docs/licences.md -notices "$work/THIRD-PARTY-NOTICES.txt" -json "$work/licences.json"
docs=(README.md CHANGELOG.md LICENSE NOTICE "$work/THIRD-PARTY-NOTICES.txt")

# --- binaries ----------------------------------------------------------------
# gobuild OS ARCH CGO TAGS OUT [LDFLAGS...]
gobuild() {
  local goos=$1 goarch=$2 cgo=$3 tags=$4 dst=$5
  shift 5
  step "go build $goos/$goarch${tags:+ ($tags)}"
  GOOS=$goos GOARCH=$goarch CGO_ENABLED=$cgo go build -trimpath -buildvcs=false -tags "$tags" \
    -ldflags "-s -w -buildid= -X slate/app.Version=$version -X slate/app.Commit=$commit -X slate/app.BuildDate=$build_date $*" \
    -o "$dst" .
}
gobuild linux amd64 0 "" "$work/linux-amd64/slate"
if [ $quick = 0 ]; then
  gobuild linux amd64 1 desktop,production,webkit2_41 "$work/linux-desktop/slate"
  gobuild darwin amd64 0 "" "$work/darwin-amd64/slate"
  gobuild darwin arm64 0 "" "$work/darwin-arm64/slate"
  # Icon, version information and the manifest (per-monitor DPI, common
  # controls 6) go into both Windows binaries through a .syso in the main package.
  "$tools/go-winres" make --in build/windows/winres.json --arch amd64 --out rsrc \
    --product-version "$version" --file-version "$version4"
  gobuild windows amd64 0 desktop,production "$work/windows-desktop/slate.exe" -H windowsgui
  gobuild windows amd64 0 "" "$work/windows-amd64/slate.exe"
  rm -f rsrc_windows_*.syso
fi

# --- SBOMs -------------------------------------------------------------------
# sbom BINARY ARTEFACT: the artefact's SBOM from the Go modules in BINARY (as
# the binary itself records them), the npm packages of the UI, and the
# licences the licence check settled.
sbom() {
  local bin=$1 artefact=$2
  "$tools/cyclonedx-gomod" bin -json -std -noserial -notimestamp \
    -version "v$version" -output "$work/gomod.json" "$bin" 2>"$work/cyclonedx.log" ||
    { cat "$work/cyclonedx.log" >&2; return 1; }
  "$tools/sbom" -gomod "$work/gomod.json" -licences "$work/licences.json" -artefact "$artefact" -version "$version" -o "$artefact.cdx.json"
}

# archive OUT BINARY [NAME]: the binary with the docs under one folder named
# after OUT. Windows gets .txt names for the files without an extension.
archive() {
  local dst=$1 bin=$2 name=${3:-slate} top
  top=$(basename "$dst")
  top=${top%.tar.gz}
  top=${top%.zip}
  local args=("$top/$name=$bin") d n
  for d in "${docs[@]}"; do
    n=$(basename "$d")
    case $dst in *.zip) [[ $n == *.* ]] || n+=.txt ;; esac
    args+=("$top/$n=$d")
  done
  step "$(basename "$dst")"
  "$tools/archive" -o "$dst" "${args[@]}"
  sbom "$bin" "$dst"
}

# --- Linux -------------------------------------------------------------------
archive "$out/slate-$version-linux-amd64.tar.gz" "$work/linux-amd64/slate"

deb_bin=$work/linux-desktop/slate
[ $quick = 1 ] && deb_bin=$work/linux-amd64/slate # the small build: the .deb around the headless binary
stage=$work/deb
mkdir -p "$stage"
cp "$deb_bin" "$stage/slate"
cp README.md CHANGELOG.md "$work/THIRD-PARTY-NOTICES.txt" build/linux/slate.desktop "$stage/"
cp build/appicon.png "$stage/slate.png"
{
  cat NOTICE
  printf '\nOn Debian systems the Apache License 2.0 is in /usr/share/common-licenses/Apache-2.0.\n'
} >"$stage/copyright"
step "deb (nfpm)"
(cd "$stage" && SLATE_VERSION=$version "$tools/nfpm" package --config "$root/build/linux/nfpm.yaml" --packager deb --target "$out/") >"$work/nfpm.log" ||
  { cat "$work/nfpm.log" >&2; exit 1; }
deb=$(ls "$out"/slate_*_amd64.deb)
sbom "$deb_bin" "$deb"

if [ $quick = 0 ]; then
  # --- Windows -------------------------------------------------------------
  archive "$out/slate-$version-windows-amd64.zip" "$work/windows-amd64/slate.exe" slate.exe

  step "windows installer (makensis)"
  nsis=$work/nsis
  mkdir -p "$nsis"
  cp "$work/windows-desktop/slate.exe" "$nsis/slate.exe"
  cp LICENSE "$nsis/LICENSE.txt"
  cp NOTICE "$nsis/NOTICE.txt"
  cp "$work/THIRD-PARTY-NOTICES.txt" "$nsis/"
  # Microsoft's WebView2 Evergreen Bootstrapper, as the Wails module ships it
  # for its own NSIS installers (checked by go.sum like the rest of the module).
  wails_dir=$(go list -m -f '{{.Dir}}' github.com/wailsapp/wails/v2)
  cp "$wails_dir/internal/webview2runtime/MicrosoftEdgeWebview2Setup.exe" "$nsis/"
  chmod 0644 "$nsis"/*
  touch -d "@$SOURCE_DATE_EPOCH" "$nsis"/* # NSIS keeps each file's time
  setup=$out/slate-$version-windows-amd64-setup.exe
  (cd build/windows/installer && makensis -V2 -DVERSION="$version" -DVERSION4="$version4" -DSTAGE="$nsis" -DOUTFILE="$setup" slate.nsi)
  sbom "$work/windows-desktop/slate.exe" "$setup"

  # --- macOS (headless: the window needs a Mac to build) --------------------
  archive "$out/slate-$version-darwin-amd64.tar.gz" "$work/darwin-amd64/slate"
  archive "$out/slate-$version-darwin-arm64.tar.gz" "$work/darwin-arm64/slate"
fi

# --- checksums ---------------------------------------------------------------
(cd "$out" && find . -maxdepth 1 -type f -name 'slate[-_]*' -printf '%f\n' | LC_ALL=C sort | xargs sha256sum -- >SHA256SUMS)
step "done: $out"
(cd "$out" && ls -l --time-style=+ SHA256SUMS slate[-_]* | awk '{printf "  %10d  %s\n", $5, $NF}')
