#!/usr/bin/env bash
# Installs the built window app as the `slate` command (with arguments it is
# the CLI, without it opens the window): into /usr/local/bin as root, else
# ~/.local/bin (or $SLATE_BIN_DIR). Says how to reach it when that folder is
# not on PATH yet. Used by demo.sh; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
src=bin/slate-desktop
[ -x "$src" ] || { echo "install: $src is missing (run make app first)" >&2; exit 1; }
if [ -n "${SLATE_BIN_DIR:-}" ]; then
  dir=$SLATE_BIN_DIR
elif [ "$(id -u)" = 0 ]; then
  dir=/usr/local/bin
else
  dir=$HOME/.local/bin
fi
mkdir -p "$dir"
install -m 0755 "$src" "$dir/slate"
echo "install: the slate command is $dir/slate"
case ":$PATH:" in
  *":$dir:"*) ;;
  *)
    echo "install: $dir is not on your PATH yet; for this shell run"
    echo "    export PATH=\"$dir:\$PATH\""
    if [ "$dir" = "$HOME/.local/bin" ]; then
      echo "  (Debian and Ubuntu add ~/.local/bin to PATH at your next login when it exists)"
    fi
    ;;
esac
