#!/usr/bin/env bash
# One command for a fresh Debian/Ubuntu machine: install what is missing, then
# run every test: Go (vet + unit + integration), frontend component tests, the
# desktop window smoke test under Xvfb and the browser end-to-end suite.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }
export PATH=/usr/local/go/bin:$PATH
mkdir -p artifacts
passed=0 failed=0 failures=()

# suite NAME LOG COMMAND...: runs a suite, counts its tests from its log.
suite() {
  local name=$1 log=artifacts/$2; shift 2
  echo "=== $name"
  "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | tee "$log"
  local rc=${PIPESTATUS[0]} p f
  case "$name" in
    go*) p=$(grep -cE '^\s*--- PASS' "$log"); f=$(grep -cE '^\s*--- FAIL' "$log") ;;
    frontend*) p=$(sed -nE 's/.*Tests +([0-9]+) passed.*/\1/p' "$log" | tail -1); f=$(sed -nE 's/.*Tests +([0-9]+) failed.*/\1/p' "$log" | tail -1) ;;
    *) p=$(grep -cE '^ok ' "$log"); f=$(grep -cE '^not ok ' "$log") ;;
  esac
  p=${p:-0} f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)) failed=$((failed + f))
  [ "$rc" -eq 0 ] || failures+=("$name")
}

suite "go vet" govet.log go vet ./...
suite "go tests" gotest.log go test -count=1 -v ./...
suite "frontend component tests" vitest.log bash -c 'cd frontend && npm test'
suite "frontend build and desktop smoke test" smoke.log scripts/smoke-desktop.sh
suite "browser end-to-end" e2e.log bash -c 'cd frontend && node e2e/run.mjs'
suite "release packaging (quick build, twice)" release.log scripts/release-check.sh

echo
[ ${#failures[@]} -eq 0 ] || echo "failed suites: ${failures[*]}"
echo "tests: $passed passed, $failed failed"
[ ${#failures[@]} -eq 0 ]
