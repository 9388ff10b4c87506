#!/usr/bin/env bash
# The push-path benchmark (issue 12); a benchmark, not a test: it prints figures.
#   Scripts/bench-push.sh [SECONDS]     the short suite (about a minute and a half): the side-by-side
#                                       burst (official SDK vs `mootui --opend` in tmux, one gateway,
#                                       SECONDS each, default 8), the in-process hot path (CPU and
#                                       allocations per push), snapshot round trips (SDK and mootui),
#                                       start to first live frame, a 60 s memory soak, bench-sim
#   Scripts/bench-push.sh soak SECONDS  only the memory soak (300 codes x 4 sub-types), e.g. 600;
#                                       run the long one as `nice -n 19 Scripts/bench-push.sh soak 600`
# Builds the release products it runs. Needs tmux and the SDK venv (Scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

for product in mootui bench-push bench-sim; do swift build -c release --product "$product" >/dev/null; done
bin="$(swift build -c release --show-bin-path)"
python="${MOOTUI_SDK_PYTHON:-$HOME/.cache/mootui/sdk-venv-10.11.7108/bin/python}"
[ -x "$python" ] || python="$(Scripts/setup.sh | tail -n 1)"
work="$(mktemp -d /tmp/mootui-bench-push.XXXXXX)"
sims=()
cleanup() {
  for pid in "${sims[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
compare=Benchmarks/PushCompare

if [ "${1:-}" = soak ]; then
  "$python" "$compare/soak.py" "$bin/bench-push" "$bin/mootui" "${2:-600}" "$work" 300 5 10
  exit 0
fi
seconds="${1:-8}"

echo "bench-push: release build, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"$python" "$compare/compare.py" "$bin/bench-push" "$bin/mootui" "$seconds" "$work"
"$bin/bench-push" hotpath 3 2>/dev/null | grep '^hot path'

# Round trips: one sim per client, with the benchmark switch that lifts OpenD's request limits
# (60 snapshots per 30 s), so each client takes 1,000 samples back to back.
start_sim() {
  local name=$1
  "$bin/mootui" sim --port 0 --no-rate-limits --data "$work/$name" >"$work/$name.out" 2>"$work/$name.err" &
  sims+=($!)
  local deadline=$((SECONDS + 30))
  until grep -q "listening on" "$work/$name.out"; do
    [ $SECONDS -lt $deadline ] || { cat "$work/$name.err" >&2; exit 1; }
    sleep 0.05
  done
  sed -nE 's/.*listening on ([^ ]+).*/\1/p' "$work/$name.out"
}
sdk_sim="$(start_sim sim-sdk)"
mootui_sim="$(start_sim sim-mootui)"
"$python" "$compare/sdk_rtt.py" "${sdk_sim%:*}" "${sdk_sim##*:}" HK.00700 1000 | grep 'round trip'  # the SDK logs to stdout
"$bin/bench-push" rtt "$mootui_sim" HK.00700 1000 2>/dev/null | grep 'round trip'

"$python" "$compare/first_frame.py" "$bin/mootui" "$work" 7
"$python" "$compare/soak.py" "$bin/bench-push" "$bin/mootui" 60 "$work" 300 5 2
"$bin/bench-sim" 5 3000 | tail -n 1
