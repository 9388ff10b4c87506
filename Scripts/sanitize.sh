#!/usr/bin/env bash
# The unit tests (XCTest) under ThreadSanitizer and AddressSanitizer.
#
#   Scripts/sanitize.sh [thread|address|all] [--filter REGEX]
#
# Builds with `swift build --build-tests --sanitize=KIND` in its own scratch path (.build-tsan,
# .build-asan: each first build is long), runs `swift test --skip-build`, and prints per
# sanitizer: tests executed and failed, the number of sanitizer reports and their distinct
# SUMMARY lines. Full logs: .build-tsan/sanitize-test.log, .build-asan/sanitize-test.log.
# Exit 1 on any report, failed test, or a run that did not finish.
#
# Each sanitizer's build and test run hold the CPU lock (/work/tools/cpu, when present) once;
# set SANITIZE_NO_LOCK=1 when the caller already holds it.
set -uo pipefail
cd "$(dirname "$0")/.."

kinds=(thread address)
case "${1:-all}" in
  thread | address) kinds=("$1"); shift ;;
  all) [ $# -gt 0 ] && shift ;;
  --filter) ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
filter=()
if [ "${1:-}" = --filter ]; then filter=(--filter "$2"); fi

# One hold of the CPU lock per sanitizer, for its build and its test run.
if [ "${SANITIZE_NO_LOCK:-}" != 1 ] && [ -x /work/tools/cpu ]; then
  bad=0
  for kind in "${kinds[@]}"; do SANITIZE_NO_LOCK=1 /work/tools/cpu "$0" "$kind" "${filter[@]}" || bad=1; done
  exit $bad
fi
lock=()

bad=0
for kind in "${kinds[@]}"; do
  case $kind in
    thread) scratch=.build-tsan ;;
    address) scratch=.build-asan ;;
  esac
  mkdir -p "$scratch"
  build_log=$scratch/sanitize-build.log test_log=$scratch/sanitize-test.log
  start=$SECONDS
  if ! "${lock[@]}" swift build --build-tests --sanitize="$kind" --scratch-path "$scratch" >"$build_log" 2>&1; then
    echo "$kind: build failed; the end of $build_log:"; tail -n 30 "$build_log"; bad=1; continue
  fi
  built=$((SECONDS - start)); start=$SECONDS
  # halt_on_error=0: keep running after a report so one run lists them all. Leak checking is
  # off: the Swift runtime and Foundation keep process-lifetime allocations LSan would list.
  TSAN_OPTIONS="halt_on_error=0:second_deadlock_stack=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}" \
  ASAN_OPTIONS="halt_on_error=0:detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
  SWIFT_BACKTRACE=enable=no \
    "${lock[@]}" swift test --skip-build --disable-swift-testing --sanitize="$kind" --scratch-path "$scratch" \
    "${filter[@]}" >"$test_log" 2>&1
  status=$?
  ran=$((SECONDS - start))
  summary=$(grep -E "Executed [0-9]+ tests?, with [0-9]+ failures?" "$test_log" | tail -n 1 | sed -E 's/^[[:space:]]+//')
  reports=$(grep -cE "^WARNING: ThreadSanitizer:|^==[0-9]+==ERROR: AddressSanitizer:" "$test_log")
  echo "$kind: ${summary:-no XCTest total (crashed?)}; $reports sanitizer report(s); build ${built} s, tests ${ran} s"
  grep -E "^SUMMARY: (ThreadSanitizer|AddressSanitizer)" "$test_log" | sort | uniq -c | sed 's/^/    /'
  if [ -z "$summary" ] || [ "$reports" -ne 0 ] || [ "$status" -ne 0 ]; then
    bad=1
    [ -z "$summary" ] && tail -n 30 "$test_log"
  fi
done
exit $bad
