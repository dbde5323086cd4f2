#!/usr/bin/env bash
# Smoke test of the desktop window: build the Wails app, fill a temporary
# workspace with the demo, open the window under Xvfb, and check that the
# Portfolio screen rendered:
#   1. the native window title becomes "Slate — N services" (the UI sets it
#      through the Wails runtime once Workspace.Overview has rendered), with N
#      the number of services in the demo;
#   2. the screenshot of the window is not a blank/uniform surface.
# Leaves the screenshot and the app log in $SMOKE_ARTIFACTS (default artifacts/smoke).
#
# Env: SMOKE_SKIP_BUILD=1 reuses bin/slate-desktop; SMOKE_TIMEOUT (s, default 120: a
#      deadline for a hung window, not a speed check);
#      SMOKE_MIN_COLOURS (default 64).
# Needs: xvfb-run, xdotool, ImageMagick (import, convert), libwebkit2gtk-4.1.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

artifacts=${SMOKE_ARTIFACTS:-artifacts/smoke}
timeout=${SMOKE_TIMEOUT:-120}
min_colours=${SMOKE_MIN_COLOURS:-64}
bin=bin/slate-desktop

fail() { echo "smoke: FAIL: $*" >&2; echo "not ok 1 - desktop window on the demo workspace: $*"; exit 1; }
need() { command -v "$1" >/dev/null || fail "$1 is not installed ($2)"; }
need xvfb-run "apt install xvfb xauth"
need xdotool "apt install xdotool"
need import "apt install imagemagick"
need convert "apt install imagemagick"

mkdir -p "$artifacts"
# artifacts/ never goes into git, whatever the root .gitignore says.
top=${artifacts%%/*}
[ -f "$top/.gitignore" ] || printf '*\n' >"$top/.gitignore"
artifacts=$(cd "$artifacts" && pwd)
rm -f "$artifacts/shot.png" "$artifacts/window.png" "$artifacts/app.log"

if [ "${SMOKE_SKIP_BUILD:-}" != 1 ]; then
  echo "smoke: building the frontend"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run build) >"$artifacts/build.log" 2>&1 ||
    { tail -30 "$artifacts/build.log" >&2; fail "frontend build failed (log: $artifacts/build.log)"; }
  echo "smoke: building $bin"
  go build -tags desktop,production,webkit2_41 -o "$bin" . || fail "go build of the desktop app failed"
fi
[ -x "$bin" ] || fail "$bin is missing (run without SMOKE_SKIP_BUILD)"
[ -f frontend/dist/index.html ] || fail "frontend/dist/index.html is missing: the UI was not built"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/s.db"
"$bin" --db "$db" demo >"$artifacts/demo.log" 2>&1 || { cat "$artifacts/demo.log" >&2; fail "slate demo failed"; }
want=$("$bin" --db "$db" get service -o json | grep -c '"kind": "Service"' || true)
[ "$want" -gt 0 ] || fail "the demo workspace has no services"
want_title="Slate — $want services"
echo "smoke: demo workspace has $want services; expecting window title \"$want_title\""

# The part that runs inside the X server.
cat >"$tmp/inside.sh" <<'INSIDE'
#!/usr/bin/env bash
set -uo pipefail
bin=$1 artifacts=$2 timeout=$3 want_title=$4

# Software rendering: Xvfb has no GPU.
export WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1 LIBGL_ALWAYS_SOFTWARE=1
export NO_AT_BRIDGE=1 GTK_THEME=Adwaita

"$bin" >"$artifacts/app.log" 2>&1 &
pid=$!
stop() { kill "$pid" 2>/dev/null; sleep 0.5; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }
trap stop EXIT

deadline=$((SECONDS + timeout))
win=
while [ $SECONDS -lt $deadline ]; do
  kill -0 "$pid" 2>/dev/null || { echo "smoke: the app exited before showing a window" >&2; exit 3; }
  win=$(xdotool search --onlyvisible --name '^Slate' 2>/dev/null | head -1)
  [ -n "$win" ] && break
  sleep 0.5
done
[ -n "$win" ] || { echo "smoke: no window named Slate after ${timeout}s" >&2; exit 4; }
echo "smoke: window $win is up"

title=
while [ $SECONDS -lt $deadline ]; do
  title=$(xdotool getwindowname "$win" 2>/dev/null || true)
  [ "$title" = "$want_title" ] && break
  kill -0 "$pid" 2>/dev/null || { echo "smoke: the app exited while loading" >&2; exit 3; }
  sleep 0.5
done
echo "$title" >"$artifacts/title.txt"
sleep 2 # let the chart and fonts settle before the screenshot
import -window root "$artifacts/shot.png" 2>/dev/null || { echo "smoke: screenshot failed" >&2; exit 5; }
# The window alone, for the colour check.
eval "$(xdotool getwindowgeometry --shell "$win")"
convert "$artifacts/shot.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$artifacts/window.png" 2>/dev/null ||
  cp "$artifacts/shot.png" "$artifacts/window.png"
[ "$title" = "$want_title" ] || { echo "smoke: window title is \"$title\", want \"$want_title\" (the Portfolio did not render)" >&2; exit 6; }
exit 0
INSIDE
chmod +x "$tmp/inside.sh"

echo "smoke: starting the window under Xvfb"
status=0
SLATE_DB="$db" xvfb-run -a -s "-screen 0 1280x800x24" "$tmp/inside.sh" "$root/$bin" "$artifacts" "$timeout" "$want_title" || status=$?
if [ $status -ne 0 ]; then
  echo "--- app log (last 40 lines) ---" >&2
  tail -40 "$artifacts/app.log" >&2 || true
  [ -f "$artifacts/shot.png" ] && echo "screenshot: $artifacts/shot.png" >&2
  fail "the window did not show the Portfolio (exit $status)"
fi

colours=$(convert "$artifacts/window.png" -format %k info:)
size=$(convert "$artifacts/window.png" -format '%wx%h' info:)
echo "smoke: window ${size}, ${colours} distinct colours"
[ "$colours" -ge "$min_colours" ] ||
  fail "the window looks blank: $colours distinct colours (< $min_colours); see $artifacts/shot.png"

echo "smoke: OK — window title \"$(cat "$artifacts/title.txt")\"; screenshot $artifacts/shot.png"
echo "ok 1 - desktop window on the demo workspace"
