#!/usr/bin/env bash
# The one test command (README): installs what it needs, builds, runs every test the repo has.
#   1. Scripts/setup.sh            Debian packages + a venv with the pinned official SDK
#   2. Scripts/interop/*           golden fixtures produced by the official SDK itself
#   3. swift build + swift test    unit, codec, client, simulator, reducer and view tests
#   4. Scripts/it/*                integration suites: SDK conformance against `mootui sim`,
#                                  tmux end-to-end runs of the real binary
# Ends with one line "mootui: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export MOOTUI_SDK_PYTHON
MOOTUI_SDK_PYTHON=$(Scripts/setup.sh | tail -n 1) || { echo "setup failed"; exit 1; }
passed=0
failed=0
logdir=$(mktemp -d "${TMPDIR:-/tmp}/mootui-test.XXXXXX")

if [ -x Scripts/interop/generate-fixtures.sh ]; then
  echo "== fixtures from the official SDK"
  if Scripts/interop/generate-fixtures.sh; then :; else echo "fixture generation failed"; exit 1; fi
fi

echo "== swift build"
if ! swift build --build-tests 2>&1 | tee "$logdir/build.log" | grep -E "error:|warning:|Compiling|Build complete" | grep -v "^\[" ; then :; fi
if ! grep -q "Build complete" "$logdir/build.log"; then echo "build failed"; tail -50 "$logdir/build.log"; exit 1; fi
if grep -E "^/.*(Sources|Tests|Benchmarks)/.*warning:" "$logdir/build.log" | grep -v "/Generated/"; then
  echo "compiler warnings in project code (see above)"; failed=$((failed + 1))
fi

echo "== swift test"
swift test --skip-build 2>&1 | tee "$logdir/swifttest.log" | grep -E "error|failed|Executed|passed after|skipped" | grep -v "^Test Case.*passed" | tail -40
summary=$(grep -E "Executed [0-9]+ tests?, with [0-9]+ failures?" "$logdir/swifttest.log" | tail -n 1)
if [ -z "$summary" ]; then echo "swift test did not report"; failed=$((failed + 1)); else
  n=$(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
  f=$(echo "$summary" | sed -E 's/.*with ([0-9]+) failures?.*/\1/')
  passed=$((passed + n - f)); failed=$((failed + f))
fi

bin=$(swift build --show-bin-path)/mootui
export MOOTUI_BIN=$bin
for suite in Scripts/it/*; do
  [ -x "$suite" ] || continue
  echo "== $(basename "$suite")"
  if timeout 900 "$suite" > "$logdir/$(basename "$suite").log" 2>&1; then
    passed=$((passed + 1)); tail -n 3 "$logdir/$(basename "$suite").log"
  else
    failed=$((failed + 1)); echo "FAILED: $suite"; tail -n 60 "$logdir/$(basename "$suite").log"
  fi
done

[ "$failed" -eq 0 ] && rm -rf "$logdir"  # kept for reading when something failed
echo "mootui: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
