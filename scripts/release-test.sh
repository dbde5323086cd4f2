#!/usr/bin/env bash
# Acceptance test of the full release (`make release-test`), as root on a
# Debian/Ubuntu machine: checks dist/ against SHA256SUMS, installs the .deb
# with apt, runs `slate version` and `slate demo` into a temporary folder,
# removes the package and checks nothing is left; checks that the Windows
# installer and slate.exe are valid PE files with the right contents, and runs
# the headless slate.exe (and the window app's command line) under Wine.
# The Windows window itself cannot be tested without Windows.
# Runs `make release` first when dist/ has no SHA256SUMS. Prints TAP lines.
set -uo pipefail
cd "$(dirname "$0")/.."
dist=$PWD/dist

[ "$(id -u)" = 0 ] || { echo "release-test: run as root (it installs and removes the package)" >&2; exit 2; }
if [ ! -f "$dist/SHA256SUMS" ]; then
  scripts/release.sh || exit 1
fi

need=()
for p in wine64 binutils-mingw-w64-x86-64 p7zip-full file desktop-file-utils; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "release-test: installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)) failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
check() { # check DESCRIPTION COMMAND...
  local what=$1 log
  shift
  if log=$("$@" 2>&1); then ok "$what"; else not_ok "$what" "${log//$'\n'/$'\n#   '}"; fi
}

deb=$(ls "$dist"/slate_*_amd64.deb)
linux=$(ls "$dist"/slate-*-linux-amd64.tar.gz)
version=$(basename "$linux" -linux-amd64.tar.gz)
version=${version#slate-}
zip=$dist/slate-$version-windows-amd64.zip
setup=$dist/slate-$version-windows-amd64-setup.exe
exe=$tmp/slate-$version-windows-amd64/slate.exe # the headless slate.exe, once unzipped
echo "# release $version"

check "SHA256SUMS matches every artefact" bash -c "cd '$dist' && sha256sum --quiet -c SHA256SUMS"

sboms() {
  local a sum
  for a in $(cd "$dist" && grep -v '\.cdx\.json$' SHA256SUMS | awk '{print $2}'); do
    sum=$(sha256sum "$dist/$a" | cut -d' ' -f1)
    grep -q "\"value\": \"$sum\"" "$dist/$a.cdx.json" || { echo "$a: no SBOM naming its hash"; return 1; }
  done
}
check "every artefact has a CycloneDX SBOM naming its SHA-256" sboms

# --- Linux: the .deb with apt ------------------------------------------------
install_deb() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$tmp/apt.log" 2>&1 || { tail -20 "$tmp/apt.log"; return 1; }
  dpkg -L slate >"$tmp/files"
  [ -x /usr/bin/slate ] && ldd /usr/bin/slate | grep -q 'libwebkit2gtk-4.1' || { echo "/usr/bin/slate is not the window build"; return 1; }
}
check "apt-get install ./$(basename "$deb") (the window app, linked to WebKitGTK 4.1)" install_deb

deb_version() {
  local out
  out=$(cd "$tmp" && slate version) || return 1
  grep -qx "slate $version" <<<"$out" || { echo "$out"; return 1; }
  slate --json version | grep -q "\"version\": \"$version\"" || return 1
}
check "slate version prints $version" deb_version

deb_demo() {
  mkdir -p "$tmp/ws"
  (cd "$tmp/ws" && slate --db "$tmp/ws/slate.db" demo --now 2026-11-01) >"$tmp/demo.log" 2>&1 || { cat "$tmp/demo.log"; return 1; }
  grep -q "^demo workspace: [0-9]* created" "$tmp/demo.log" && grep -q "files imported" "$tmp/demo.log" || { cat "$tmp/demo.log"; return 1; }
  [ "$(slate --db "$tmp/ws/slate.db" get service -o json | grep -c '"kind": "Service"')" -gt 0 ] &&
    slate --db "$tmp/ws/slate.db" audit verify
}
check "slate demo --db into a temporary folder, then get and audit verify" deb_demo

# The packaged window opens: under Xvfb, on the demo workspace, the window
# named Slate appears and its title counts the services (as the smoke test).
deb_window() {
  command -v xvfb-run >/dev/null && command -v xdotool >/dev/null || { echo "needs xvfb-run and xdotool (scripts/setup.sh)"; return 1; }
  cat >"$tmp/window.sh" <<'WIN'
#!/usr/bin/env bash
export WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1 LIBGL_ALWAYS_SOFTWARE=1 NO_AT_BRIDGE=1
slate >"$1/window.log" 2>&1 &
pid=$!
for _ in $(seq 60); do
  title=$(xdotool search --onlyvisible --name '^Slate' getwindowname 2>/dev/null | head -1)
  case $title in "Slate — "*" services") break ;; esac
  sleep 0.5
done
[ -n "${2:-}" ] && import -window root "$2" 2>/dev/null
kill $pid; wait $pid 2>/dev/null
echo "$title"
case $title in "Slate — "*" services") exit 0 ;; *) exit 1 ;; esac
WIN
  chmod +x "$tmp/window.sh"
  SLATE_DB=$tmp/ws/slate.db xvfb-run -a -s "-screen 0 1280x800x24" "$tmp/window.sh" "$tmp" "${RELEASE_TEST_SHOT:-}" ||
    { tail -20 "$tmp/window.log"; return 1; }
}
check "the installed window app opens on the demo workspace (under Xvfb)" deb_window

check "desktop entry and icon installed and valid" bash -c \
  "desktop-file-validate /usr/share/applications/slate.desktop && test -s /usr/share/icons/hicolor/512x512/apps/slate.png"

remove_deb() {
  DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq slate >"$tmp/apt-rm.log" 2>&1 || { tail -20 "$tmp/apt-rm.log"; return 1; }
  ! dpkg -s slate >/dev/null 2>&1 || { echo "dpkg still knows slate"; return 1; }
  local f left=0
  while read -r f; do
    [ -f "$f" ] && { echo "left behind: $f"; left=1; }
  done <"$tmp/files"
  [ $left = 0 ]
}
check "apt-get remove --purge slate leaves none of its files" remove_deb

# --- Windows -----------------------------------------------------------------
check "installer is a PE file: an NSIS self-extracting installer" bash -c \
  "file -b '$setup' | grep -q '^PE32 executable (GUI).*Nullsoft Installer self-extracting archive'"

installer_contents() {
  7z l "$setup" >"$tmp/7z.txt" || return 1
  local f
  for f in slate.exe uninstall.exe LICENSE.txt NOTICE.txt THIRD-PARTY-NOTICES.txt '$PLUGINSDIR/MicrosoftEdgeWebview2Setup.exe'; do
    grep -qF " $f" "$tmp/7z.txt" || { echo "installer lacks $f"; cat "$tmp/7z.txt"; return 1; }
  done
  7z e -y -o"$tmp/setup" "$setup" slate.exe >/dev/null || return 1
  file -b "$tmp/setup/slate.exe" | grep -q '^PE32+ executable (GUI) x86-64.*MS Windows' || { file "$tmp/setup/slate.exe"; return 1; }
}
check "installer holds the window app (PE32+ GUI), uninstaller, licences and the WebView2 bootstrapper" installer_contents

zip_contents() {
  7z x -y -o"$tmp" "$zip" >/dev/null || return 1
  file -b "$exe" | grep -q '^PE32+ executable (console) x86-64.*MS Windows' || { file "$exe"; return 1; }
  [ -f "$tmp/slate-$version-windows-amd64/LICENSE.txt" ]
}
check "zip holds the headless slate.exe (PE32+ console) and the licence" zip_contents

# Wine: Debian 12's Wine 8 lacks bcryptprimitives.dll, whose ProcessPrng every
# Go program since Go 1.24 loads at start (Windows 10 and 11 have it). The test
# gives this Wine prefix a stand-in that forwards to RtlGenRandom, assembled
# here with the MinGW binutils.
wine=$(command -v wine64 || echo /usr/lib/wine/wine64)
export WINEPREFIX=$tmp/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wine_setup() {
  "$wine" wineboot -i >"$tmp/wineboot.log" 2>&1 || { cat "$tmp/wineboot.log"; return 1; }
  local sys=$WINEPREFIX/drive_c/windows/system32 p=x86_64-w64-mingw32
  [ -f "$sys/bcryptprimitives.dll" ] && return 0
  cat >"$tmp/prng.s" <<'ASM'
	.intel_syntax noprefix
	.text
	.globl DllMain
DllMain:
	mov eax, 1
	ret
	.globl ProcessPrng
ProcessPrng:                          # BOOL ProcessPrng(PBYTE data, SIZE_T len)
	sub rsp, 40
	call [rip + __imp_SystemFunction036]  # BOOLEAN RtlGenRandom(PVOID, ULONG)
	movzx eax, al
	add rsp, 40
	ret
ASM
  printf 'LIBRARY advapi32.dll\nEXPORTS\nSystemFunction036\n' >"$tmp/advapi32.def"
  printf 'LIBRARY bcryptprimitives.dll\nEXPORTS\nProcessPrng\n' >"$tmp/prng.def"
  $p-as -o "$tmp/prng.o" "$tmp/prng.s" && $p-dlltool -d "$tmp/advapi32.def" -l "$tmp/libadvapi32.a" &&
    $p-ld --dll -e DllMain -o "$sys/bcryptprimitives.dll" "$tmp/prng.def" "$tmp/prng.o" "$tmp/libadvapi32.a"
}
check "a Wine prefix for the test (wine64 $("$wine" --version 2>/dev/null))" wine_setup

wine_version() {
  local out
  out=$("$wine" "$exe" version 2>&1) || { echo "$out"; return 1; }
  grep -q "^slate $version" <<<"$out" && grep -q "windows/amd64" <<<"$out" || { echo "$out"; return 1; }
}
check "wine64 slate.exe version prints $version, windows/amd64" wine_version

wine_demo() {
  local db='Z:'${tmp//\//\\}'\win\slate.db' out
  mkdir -p "$tmp/win"
  out=$("$wine" "$exe" --db "$db" demo --definitions-only 2>&1) || { echo "$out"; return 1; }
  out=$("$wine" "$exe" --db "$db" --json get slt -o json 2>&1) && grep -q '"kind": "SLT"' <<<"$out" || { echo "$out"; return 1; }
}
check "wine64 slate.exe demo --definitions-only and get slt on a database in a temporary folder" wine_demo

check "wine64: the window app's command line (slate.exe version from the installer)" bash -c \
  "'$wine' '$tmp/setup/slate.exe' version 2>&1 | grep -q '^slate $version'"

# --- macOS -------------------------------------------------------------------
macos() {
  local arch want
  for arch in amd64 arm64; do
    want=$([ $arch = amd64 ] && echo x86_64 || echo arm64)
    tar -xzf "$dist/slate-$version-darwin-$arch.tar.gz" -C "$tmp" || return 1
    file -b "$tmp/slate-$version-darwin-$arch/slate" | grep -q "^Mach-O 64-bit $want executable" || { file "$tmp/slate-$version-darwin-$arch/slate"; return 1; }
  done
}
check "macOS archives hold Mach-O executables for amd64 and arm64" macos

echo "1..$n"
echo "release-test: $((n - failed)) passed, $failed failed"
[ $failed -eq 0 ]
