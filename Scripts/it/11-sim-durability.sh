#!/usr/bin/env bash
# Durability of the paper broker's ledger: stream orders at `mootui sim` with the official SDK,
# kill -9 the sim mid-stream, restart it on the same data directory, and check that every
# acknowledged order, fill, cash balance and position survived and agrees.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/it/lib.sh
bin=$(it_bin)
python=$(it_python)
work=$(mktemp -d "${TMPDIR:-/tmp}/mootui-durability.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
md5=$("$python" -c "import hashlib; print(hashlib.md5(b'123456').hexdigest())")

start_sim() {  # start_sim RATE
  : > "$work/sim.out"
  "$bin" sim --port 0 --data "$work/data" --rate "$1" --with-real-accounts --trade-password-md5 "$md5" \
    > "$work/sim.out" 2>> "$work/sim.err" &
  sim=$!
  pids+=("$sim")
  port=$(it_await_listening "$work/sim.out" "$work/sim.err" "$sim")
}

start_sim 20
: > "$work/acks"
(cd "$work" && exec "$python" "$OLDPWD/Scripts/conformance/durability.py" stream --port "$port" --acks "$work/acks" \
  > "$work/stream.log" 2>&1) &
streamer=$!
pids+=("$streamer")
# Kill once a good number of orders has been acknowledged, while the stream is still running.
deadline=$((SECONDS + 120))
until [ "$(wc -l < "$work/acks")" -ge 40 ]; do
  if [ $SECONDS -ge $deadline ] || ! kill -0 "$streamer" 2>/dev/null; then
    echo "the order stream stalled"; tail -30 "$work/stream.log"; exit 1
  fi
  sleep 0.1
done
kill -9 "$sim"
wait "$sim" 2>/dev/null || true
kill -9 "$streamer" 2>/dev/null || true
wait "$streamer" 2>/dev/null || true
echo "killed the sim with SIGKILL after $(wc -l < "$work/acks") acknowledged orders"

# Restart with quotes frozen: a resting order crossed by a moving market between the reads of
# orders and of positions would otherwise look like an inconsistency.
start_sim 0
(cd "$work" && timeout 120 "$python" "$OLDPWD/Scripts/conformance/durability.py" verify --port "$port" --acks "$work/acks") \
  | grep -v "open_context_base"
