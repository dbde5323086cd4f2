#!/usr/bin/env bash
# One command for a fresh Debian/Ubuntu machine: install what is missing, build
# Slate, install the `slate` command, fill a demo workspace and open it: the
# desktop window when there is a display, otherwise `slate serve` in the browser.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH=/usr/local/go/bin:$PATH

# progress turns `go build -v` (one package per line) into a running count, so
# a cold build (several minutes) is never silent; anything else goes through.
progress() {
  local n=0 line
  while IFS= read -r line; do
    case "$line" in
      *' '* | *:* | '') printf '%s\n' "$line"; continue ;;
    esac
    n=$((n + 1))
    if [ -t 1 ]; then
      printf '\r  %d packages compiled (%s)\033[K' "$n" "$line"
    elif [ $((n % 25)) -eq 1 ]; then
      echo "  $n packages compiled ($line)"
    fi
  done
  [ -t 1 ] && [ "$n" -gt 0 ] && printf '\n'
  echo "  $n packages compiled"
}

t0=$SECONDS
echo "demo: building the UI (frontend/dist)"
mkdir -p artifacts
if ! (cd frontend && npm run build) >artifacts/demo-ui-build.log 2>&1; then
  tail -30 artifacts/demo-ui-build.log >&2
  echo "demo: the UI build failed (log: artifacts/demo-ui-build.log)" >&2
  exit 1
fi
grep -E 'built in' artifacts/demo-ui-build.log | sed 's/^/  /' || true
echo "demo: compiling the desktop app into bin/slate-desktop (the first build compiles the"
echo "      WebKit and GTK bindings and a few hundred packages: several minutes; later builds take seconds)"
go build -v -tags desktop,production,webkit2_41 -o bin/slate-desktop . 2>&1 | progress
echo "demo: built in $((SECONDS - t0)) s"
scripts/install-slate.sh

db="${SLATE_DEMO_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/slate/demo.db}"
mkdir -p "$(dirname "$db")"
echo "demo: filling the demo workspace $db"
./bin/slate-desktop --db "$db" demo
echo "demo: try it from a shell:  slate --db $db report   (or export SLATE_DB=$db)"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "demo: opening the Slate window on $db"
  SLATE_DB="$db" exec ./bin/slate-desktop
else
  echo "demo: no display here; serving the same UI in the browser instead"
  exec ./bin/slate-desktop --db "$db" serve
fi
