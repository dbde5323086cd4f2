#!/usr/bin/env bash
# One command for a fresh Debian/Ubuntu machine: install what is missing, build
# Slate, fill a demo workspace and open it: the desktop window when there is a
# display, otherwise `slate serve` in the browser.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH=/usr/local/go/bin:$PATH
make app >/dev/null
db="${SLATE_DEMO_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/slate/demo.db}"
mkdir -p "$(dirname "$db")"
./bin/slate-desktop --db "$db" demo
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "demo: opening the Slate window on $db"
  SLATE_DB="$db" exec ./bin/slate-desktop
else
  echo "demo: no display here; serving the same UI in the browser instead"
  exec ./bin/slate-desktop --db "$db" serve
fi
