#!/usr/bin/env bash
# libFuzzer runs of the Fuzz/ targets (frame decoder, client pushes and replies, the sim's request
# handling, theme/keymap/settings TOML, the order command line), with AddressSanitizer.
#
#   Scripts/fuzz.sh build                 build every fuzz target (scratch path .build-fuzz)
#   Scripts/fuzz.sh seeds                 (re)write the seed corpora from the SDK fixtures
#   Scripts/fuzz.sh run TARGET [FLAGS…]   fuzz one target; FLAGS go to libFuzzer (-runs=N, -max_total_time=S)
#   Scripts/fuzz.sh all [FLAGS…]          each target in turn with the same FLAGS
#   Scripts/fuzz.sh list                  the target names
#
# Each run keeps its corpus in .build-fuzz/corpus/TARGET (grown across runs; FUZZ_CORPUS_ROOT
# moves it), reads the seeds from .build-fuzz/seeds/TARGET (Fuzz/make-seeds.py), writes crash,
# timeout and OOM inputs to .build-fuzz/artifacts/TARGET/, its log to .build-fuzz/logs/TARGET.log
# (FUZZ_LOG_DIR moves it),
# and prints one line: target, inputs, exec/s, coverage (edges), features, corpus, verdict.
# A run fails (exit 1) on any crash, sanitizer report, invariant failure or hang (-timeout, 10 s
# per input). Replay an input without sanitizers: `swift build && .build/debug/TARGET FILE`.
#
# Build: the CPU lock is taken here (FUZZ_NO_LOCK=1 when the caller holds it). Long runs belong
# outside the lock under `nice -n 19`.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(fuzz-frame fuzz-client-push fuzz-client-response fuzz-sim-request fuzz-theme fuzz-keymap fuzz-settings
  fuzz-order-command)
scratch=.build-fuzz
config=${FUZZ_CONFIG:-release}

# libFuzzer without its main (each target brings one that calls LLVMFuzzerRunDriver): linking
# the full -sanitize=fuzzer runtime would also give its main to every executable the build makes,
# including the EmbedBuiltinFiles plugin's host tool.
fuzzer_lib() {
  local swiftc lib
  swiftc=$(command -v swiftc)
  swiftc=$(readlink -f "$swiftc")
  lib=$(ls "$(dirname "$swiftc")"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -n 1)
  [ -n "$lib" ] || { echo "fuzz.sh: libclang_rt.fuzzer_no_main not found next to $swiftc" >&2; exit 1; }
  echo "$lib"
}

build() {
  local lib coverage=edge,trace-cmp,inline-8bit-counters,pc-table
  lib=$(fuzzer_lib)
  local flags=(-c "$config" --scratch-path "$scratch"
    -Xswiftc -sanitize=address -Xswiftc "-sanitize-coverage=$coverage" -Xswiftc -DMOOTUI_FUZZ -Xswiftc -enable-testing
    -Xcxx -fsanitize=address -Xcxx "-fsanitize-coverage=inline-8bit-counters,pc-table,trace-cmp"
    -Xlinker "$lib" -Xlinker -lstdc++)
  # One hold of the CPU lock for all the products.
  if [ "${FUZZ_NO_LOCK:-}" != 1 ] && [ -x /work/tools/cpu ]; then
    FUZZ_NO_LOCK=1 exec /work/tools/cpu "$0" build
  fi
  # The plugin's host tool is built (and run) with the same instrumentation: no leak report at its exit.
  for t in "${targets[@]}"; do
    ASAN_OPTIONS=detect_leaks=0 swift build "${flags[@]}" --product "$t" 2>&1 \
      | grep -E "error:|warning: .*(Fuzz|Sources)/|Compiling|Build of product" | grep -v "Cannot export" || true
    [ -x "$(bin_dir)/$t" ] || { echo "fuzz.sh: building $t failed" >&2; exit 1; }
  done
}

bin_dir() { echo "$scratch/$config"; }

seeds() {
  python3 Fuzz/make-seeds.py "$scratch/seeds"
}

# run TARGET [FLAGS…]: one libFuzzer run; prints the summary line.
run() {
  local t=$1; shift
  local bin corpus art log
  bin=$(bin_dir)/$t
  [ -x "$bin" ] || { echo "fuzz.sh: $bin missing: run Scripts/fuzz.sh build" >&2; exit 1; }
  [ -d "$scratch/seeds/$t" ] || seeds >/dev/null
  corpus=${FUZZ_CORPUS_ROOT:-$scratch/corpus}/$t art=$scratch/artifacts/$t/ log=${FUZZ_LOG_DIR:-$scratch/logs}/$t.log
  mkdir -p "$corpus" "$art" "$(dirname "$log")"
  local status=0
  # No Swift backtracer (its helper reads memory ASan reports on); fatalError ends in a trap
  # that libFuzzer reports with the input.
  # Leaks are checked per input, but not for the TOML targets: TOMLKit 0.6.0 leaks on every
  # read (TOMLTable.keys/.values and the `string` accessor keep what CTOML mallocs and strdups;
  # a few kilobytes per session, an upstream fix), and a leak scan after every input would cut
  # those runs to ~150 inputs/s.
  local leaks=1
  case $t in fuzz-theme | fuzz-keymap | fuzz-settings) leaks=0 ;; esac
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=$leaks} \
    LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/Fuzz/lsan-suppressions.txt:print_suppressions=0} \
    "$bin" -artifact_prefix="$art" -timeout=10 -rss_limit_mb=3072 -max_len=8192 -print_final_stats=1 \
    -detect_leaks=$leaks "$@" \
    "$corpus" "$scratch/seeds/$t" >"$log" 2>&1 || status=$?
  local runs eps cov ft corp verdict=ok
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -n 1 || true)
  eps=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+).*/\1/p' "$log" | tail -n 1 || true)
  cov=$(grep -oE "cov: [0-9]+" "$log" | tail -n 1 | cut -d' ' -f2 || true)
  ft=$(grep -oE "ft: [0-9]+" "$log" | tail -n 1 | cut -d' ' -f2 || true)
  corp=$(grep -oE "corp: [0-9]+" "$log" | tail -n 1 | cut -d' ' -f2 || true)
  if [ "$status" -ne 0 ] || grep -qE "ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|SUMMARY: |Fatal error|fuzz invariant" "$log"; then
    verdict="FAILED (exit $status): $(grep -m1 -E "ERROR:|Fatal error|fuzz invariant" "$log" || true); input in $art"
  fi
  printf '%-22s inputs %-9s exec/s %-7s cov %-6s ft %-6s corpus %-5s %s\n' "$t" "${runs:-?}" "${eps:-?}" \
    "${cov:-?}" "${ft:-?}" "${corp:-?}" "$verdict"
  [ "$verdict" = ok ]
}

case "${1:-}" in
  build) build ;;
  seeds) seeds ;;
  list) printf '%s\n' "${targets[@]}" ;;
  run) shift; [ $# -ge 1 ] || { echo "usage: Scripts/fuzz.sh run TARGET [FLAGS…]" >&2; exit 2; }; run "$@" ;;
  all)
    shift; bad=0
    for t in "${targets[@]}"; do run "$t" "$@" || bad=1; done
    exit $bad ;;
  *) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
