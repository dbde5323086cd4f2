#!/usr/bin/env bash
# One command for a fresh Debian/Ubuntu machine: install what is missing, then
# run every test: Go (vet + unit + integration), frontend component tests, the
# desktop window smoke test under Xvfb and the browser end-to-end suite.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }
export PATH=/usr/local/go/bin:$PATH
mkdir -p artifacts
passed=0 failed=0 failures=() timings=()

# count FORMAT LOG prints "PASSED FAILED" as the suite's own output counts them:
#   gotest  go test -v: one "--- PASS" / "--- FAIL" line per test and subtest
#   vitest  the summary line "Tests  1 failed | 76 passed (77)"
#   tap     "ok N - ..." / "not ok N - ..." lines (the smoke test, the e2e suite)
#   none    a check with no tests of its own (go vet): 0 passed, 0 failed
count() {
  local fmt=$1 log=$2 p=0 f=0 line
  case "$fmt" in
    gotest) p=$(grep -cE '^\s*--- PASS' "$log"); f=$(grep -cE '^\s*--- FAIL' "$log") ;;
    vitest)
      line=$(grep -E '^\s*Tests\s' "$log" | tail -1)
      p=$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+' || true)
      f=$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+' || true) ;;
    tap) p=$(grep -cE '^ok ' "$log"); f=$(grep -cE '^not ok ' "$log") ;;
  esac
  echo "${p:-0} ${f:-0}"
}

# suite NAME FORMAT LOG COMMAND...: runs a suite, counts its tests from its log.
suite() {
  local name=$1 fmt=$2 log=artifacts/$3; shift 3
  echo "=== $name"
  local t0=$SECONDS
  "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | tee "$log"
  local rc=${PIPESTATUS[0]} p f
  read -r p f < <(count "$fmt" "$log")
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)) failed=$((failed + f))
  timings+=("$(printf '%-40s %4d s  %d passed, %d failed' "$name" $((SECONDS - t0)) "$p" "$f")")
  [ "$rc" -eq 0 ] || failures+=("$name")
}

suite "go vet" none govet.log go vet ./...
# staticcheck (scripts/setup.sh installs the version CI runs)
suite "staticcheck" none staticcheck.log bin/tools/staticcheck ./...
suite "staticcheck (desktop build)" none staticcheck-desktop.log bin/tools/staticcheck -tags desktop,production,webkit2_41 . ./app
suite "go tests" gotest gotest.log go test -count=1 -v ./...
suite "frontend component tests" vitest vitest.log bash -c 'cd frontend && npm test'
suite "desktop window smoke test" tap smoke.log scripts/smoke-desktop.sh
suite "browser end-to-end" tap e2e.log bash -c 'cd frontend && node e2e/run.mjs'
suite "release packaging (quick build, twice)" tap release.log scripts/release-check.sh

echo
printf '%s\n' "${timings[@]}"
echo
[ ${#failures[@]} -eq 0 ] || echo "failed suites: ${failures[*]}"
echo "tests: $passed passed, $failed failed"
[ ${#failures[@]} -eq 0 ]
