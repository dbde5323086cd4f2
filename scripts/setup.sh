#!/usr/bin/env bash
# Installs what Slate needs to build, run and test on Debian/Ubuntu, skipping
# what is already there. Safe to run again. Used by demo.sh and test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential pkg-config            # cgo for the window build
  libgtk-3-dev libwebkit2gtk-4.1-dev    # Wails on Linux (build tag webkit2_41)
  xvfb xauth imagemagick xdotool        # desktop smoke test under Xvfb
  chromium                              # browser end-to-end tests (playwright-core)
  qpdf poppler-utils                    # PDF checks (qpdf --check, pdftotext, pdftoppm)
  libreoffice-calc-nogui                # headless soffice: the review pack's XLSX read by LibreOffice
  fonts-dejavu-core                     # fonts for screenshots and rendered pages
  python3-numpy python3-scipy           # independent recomputation of calibration figures (internal/calibrate tests)
  ca-certificates curl git
)

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Go: the version go.mod names, from go.dev when the machine has none or an older one.
need_go=$(awk '/^go /{print $2; exit}' go.mod)
have_go=$(go env GOVERSION 2>/dev/null | sed 's/^go//' || true)
if [ -z "$have_go" ] || [ "$(printf '%s\n%s\n' "$need_go" "$have_go" | sort -V | head -1)" != "$need_go" ]; then
  if [ -x /usr/local/go/bin/go ] && /usr/local/go/bin/go env GOVERSION | grep -q "go${need_go%.*}"; then
    export PATH=/usr/local/go/bin:$PATH
  else
    echo "setup: installing Go ${need_go}"
    arch=$(dpkg --print-architecture)
    curl -fsSL "https://go.dev/dl/go${need_go}.linux-${arch}.tar.gz" -o /tmp/go.tgz
    sudo_ rm -rf /usr/local/go && sudo_ tar -C /usr/local -xzf /tmp/go.tgz
    export PATH=/usr/local/go/bin:$PATH
  fi
fi

# Frontend packages exactly as locked.
if [ ! -d frontend/node_modules ] || [ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]; then
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
fi

# staticcheck, the version CI runs (test.sh), into bin/tools.
STATICCHECK=honnef.co/go/tools/cmd/staticcheck@v0.8.2
if ! bin/tools/staticcheck -version 2>/dev/null | grep -q "(${STATICCHECK##*@v})"; then
  echo "setup: installing ${STATICCHECK}"
  mkdir -p bin/tools
  PATH=/usr/local/go/bin:$PATH GOBIN="$PWD/bin/tools" GOFLAGS= go install "$STATICCHECK"
fi
