#!/usr/bin/env bash
# Short libFuzzer runs: builds the Fuzz/ targets with AddressSanitizer and coverage
# (Scripts/fuzz.sh build, scratch path .build-fuzz; a first build is long, later ones are
# incremental) and runs each for FUZZ_SECONDS (default 4) from its seeds on a fresh corpus.
# Fails on any crash, sanitizer report, broken invariant or hang. Long runs: Scripts/fuzz.sh.
# On a fresh clone the first build is a full AddressSanitizer release build of the targets and
# what they link (several minutes on 2 cores); the runs take FUZZ_SECONDS per target.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-4}
work=$(mktemp -d "${TMPDIR:-/tmp}/mootui-fuzz-short.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT

# test.sh's caller may hold the CPU lock already: the build here must not wait for it.
FUZZ_NO_LOCK=1 Scripts/fuzz.sh build >"$work/build.log" 2>&1 || { cat "$work/build.log"; echo "FAIL: fuzz build"; exit 1; }
Scripts/fuzz.sh seeds >/dev/null
failed=0 count=0 inputs=0
for target in $(Scripts/fuzz.sh list); do
  count=$((count + 1))
  if line=$(FUZZ_CORPUS_ROOT="$work/corpus" FUZZ_LOG_DIR="$work/logs" Scripts/fuzz.sh run "$target" -max_total_time="$seconds"); then
    echo "$line"
  else
    echo "$line"; failed=$((failed + 1))
    tail -n 40 "$work/logs/$target.log"
  fi
  n=$(echo "$line" | sed -nE 's/.* inputs ([0-9]+) .*/\1/p')
  inputs=$((inputs + ${n:-0}))
done
if [ "$failed" -ne 0 ]; then echo "FAIL: $failed of $count fuzz targets failed"; exit 1; fi
echo "ok: $count fuzz targets, $inputs inputs in ${seconds} s each, no crash"
