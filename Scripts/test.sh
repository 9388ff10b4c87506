#!/usr/bin/env bash
# The one test command (README): installs what it needs, builds, runs every test the repo has.
#   1. Scripts/setup.sh            Debian packages + a venv with the pinned official SDK
#   2. Scripts/interop/*           golden fixtures produced by the official SDK itself
#   3. swift build + swift test    unit, codec, client, simulator, reducer and view tests (XCTest;
#                                  the suite has no Swift Testing tests, so that runner is off)
#   4. Scripts/it/*                integration suites: SDK conformance against `mootui sim`,
#                                  tmux end-to-end runs of the real binary
# Prints only what informs: each stage with its duration, failures with file:line, XCTest's
# total, each suite's verdict; ends with one line "mootui: N passed, M failed" where N counts
# XCTest's passed tests plus the passed integration suites. A unit run of 0 tests is a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0
failed=0
logdir=$(mktemp -d "${TMPDIR:-/tmp}/mootui-test.XXXXXX")

# stage NAME: starts timing a stage; done_stage prints how long the current one took.
stage_name=""
stage_start=0
stage() { stage_name=$1; stage_start=$EPOCHREALTIME; echo "== $stage_name"; }
done_stage() {
  local took
  took=$(awk -v a="$stage_start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  echo "   $stage_name: ${took} s"
}
total_start=$EPOCHREALTIME

stage setup
export MOOTUI_SDK_PYTHON
MOOTUI_SDK_PYTHON=$(Scripts/setup.sh | tail -n 1) || { echo "setup failed"; exit 1; }
done_stage

if [ -x Scripts/interop/generate-fixtures.sh ]; then
  stage "fixtures from the official SDK"
  if ! Scripts/interop/generate-fixtures.sh >"$logdir/fixtures.log" 2>&1; then
    cat "$logdir/fixtures.log"; echo "fixture generation failed"; exit 1
  fi
  done_stage
fi

stage build
swift build --build-tests >"$logdir/build.log" 2>&1
grep -E "error:|warning:|Build complete" "$logdir/build.log" | grep -v "^\[" | grep -v "/Generated/"
if ! grep -q "Build complete" "$logdir/build.log"; then echo "build failed"; tail -50 "$logdir/build.log"; exit 1; fi
if grep -E "^/.*(Sources|Tests|Benchmarks)/.*warning:" "$logdir/build.log" | grep -qv "/Generated/"; then
  echo "compiler warnings in project code (see above)"; failed=$((failed + 1))
fi
done_stage

stage "unit tests (XCTest)"
swift test --skip-build --disable-swift-testing >"$logdir/swifttest.log" 2>&1
# Failures with their file:line, then XCTest's own total for the whole run.
grep -E "^/.*\.swift:[0-9]+: error:" "$logdir/swifttest.log" | head -40
summary=$(grep -E "Executed [0-9]+ tests?, with [0-9]+ failures?" "$logdir/swifttest.log" | tail -n 1)
if [ -z "$summary" ]; then
  echo "swift test did not report a total (crashed?); its last lines:"; tail -n 30 "$logdir/swifttest.log"
  failed=$((failed + 1))
else
  n=$(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
  f=$(echo "$summary" | sed -E 's/.*with ([0-9]+) failures?.*/\1/')
  if [ "$n" -eq 0 ]; then
    echo "the unit runner executed no test: that is a failure"; failed=$((failed + 1))
  else
    echo "$summary" | sed -E 's/^[[:space:]]+//'
    passed=$((passed + n - f)); failed=$((failed + f))
  fi
fi
done_stage

bin=$(swift build --show-bin-path)/mootui
export MOOTUI_BIN=$bin
for suite in Scripts/it/*; do
  [ -x "$suite" ] || continue
  name=$(basename "$suite")
  stage "$name"
  if timeout 900 "$suite" >"$logdir/$name.log" 2>&1; then
    passed=$((passed + 1)); echo "PASS $name: $(tail -n 1 "$logdir/$name.log")"
  else
    failed=$((failed + 1)); echo "FAIL $name; the end of its log:"; tail -n 60 "$logdir/$name.log"
  fi
  done_stage
done

echo "   total: $(awk -v a="$total_start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s"
[ "$failed" -eq 0 ] && rm -rf "$logdir"  # kept for reading when something failed
echo "mootui: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
