#!/usr/bin/env bash
# kill -9 of `mootui sim` at random moments of random trading, counted: each run streams seeded
# random orders (buys, sells, cancels, modifies; SIMULATE and REAL accounts) with the official SDK
# at a fresh ledger, kills the sim with SIGKILL once a random number of orders was acknowledged
# (plus a random fraction of a second), restarts it on the same ledger with quotes frozen, and
# checks that every acknowledged order survived and that orders, fills, cash, positions and
# equity agree (Scripts/conformance/durability.py verify).
# Usage: kill9.sh [--runs N] [--seed S]      (default 50 runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/it/lib.sh
runs=50 seed=1
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) echo "usage: kill9.sh [--runs N] [--seed S]" >&2; exit 2 ;;
  esac
done
bin=$(it_bin)
python=$(it_python)
work=$(mktemp -d "${TMPDIR:-/tmp}/mootui-kill9.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
md5=$("$python" -c "import hashlib; print(hashlib.md5(b'123456').hexdigest())")
RANDOM=$seed

start_sim() {  # start_sim DATA RATE
  : > "$work/sim.out"
  MOOTUI_TRADE_PASSWORD_MD5="$md5" "$bin" sim --port 0 --data "$1" --rate "$2" --with-real-accounts \
    > "$work/sim.out" 2>> "$work/sim.err" &
  sim=$!
  pids+=("$sim")
  port=$(it_await_listening "$work/sim.out" "$work/sim.err" "$sim")
}

intact=0
total_acks=0
for run in $(seq "$runs"); do
  data="$work/data-$run"
  acks="$work/acks-$run"
  : > "$acks"
  start_sim "$data" 20
  target=$((10 + RANDOM % 31))
  extra_ms=$((RANDOM % 400))
  (cd "$work" && exec "$python" "$OLDPWD/Scripts/conformance/durability.py" stream --port "$port" --acks "$acks" \
    --seed "$((seed * 1000 + run))" > "$work/stream-$run.log" 2>&1) &
  streamer=$!
  pids+=("$streamer")
  deadline=$((SECONDS + 120))
  until [ "$(wc -l < "$acks")" -ge "$target" ]; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$streamer" 2>/dev/null; then
      echo "run $run: the order stream stalled"; tail -30 "$work/stream-$run.log"; exit 1
    fi
    sleep 0.05
  done
  sleep "0.$(printf '%03d' "$extra_ms")"  # the random moment of the kill (not a wait for an event)
  kill -9 "$sim"
  wait "$sim" 2>/dev/null || true
  kill -9 "$streamer" 2>/dev/null || true
  wait "$streamer" 2>/dev/null || true
  n=$(wc -l < "$acks")
  total_acks=$((total_acks + n))
  # Quotes frozen: a resting order crossed between the reads of orders and positions would look
  # like an inconsistency.
  start_sim "$data" 0
  if (cd "$work" && timeout 120 "$python" "$OLDPWD/Scripts/conformance/durability.py" verify --port "$port" --acks "$acks") \
    > "$work/verify-$run.log" 2>&1; then
    intact=$((intact + 1))
    echo "run $run: killed after $n acknowledged orders (+${extra_ms} ms): ledger intact"
  else
    echo "run $run: killed after $n acknowledged orders (+${extra_ms} ms): LEDGER BROKEN"
    grep -v open_context_base "$work/verify-$run.log" | tail -20
  fi
  kill -TERM "$sim" 2>/dev/null || true
  wait "$sim" 2>/dev/null || true
done
echo "kill -9: $runs runs, $total_acks acknowledged orders, $intact of $runs ledgers intact after restart"
[ "$intact" -eq "$runs" ]
