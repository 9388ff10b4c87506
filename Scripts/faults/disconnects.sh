#!/usr/bin/env bash
# Forced disconnects, counted: the TUI in tmux talks to `mootui sim` through proxy.py, which breaks
# the link on command (FIN, RST, a silent peer); disconnects.py checks each recovery (stale mark,
# replay of subscriptions and trade pushes within 2 s of the drop, LIVE again, pushes again);
# --orders adds orders sent across a drop (UNKNOWN, then settled from the order list; never twice).
# Usage: disconnects.sh [--count N] [--silent N] [--seed N] [--orders]   (default 100 faults, 10 silent)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/it/lib.sh
count=100 silent=10 seed=1 orders=()
while [ $# -gt 0 ]; do
  case $1 in
    --orders) orders=(--orders); shift ;;
    --count) count=$2; shift 2 ;;
    --silent) silent=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) echo "usage: disconnects.sh [--count N] [--silent N] [--seed N] [--orders]" >&2; exit 2 ;;
  esac
done
bin=$(it_bin)
tui_harness faults
proxy=""
cleanup_all() {
  if [ -n "$proxy" ]; then kill "$proxy" 2>/dev/null || true; wait "$proxy" 2>/dev/null || true; fi
  tui_cleanup
}
trap cleanup_all EXIT

"$bin" sim --host 127.0.0.1 --port 0 --data "$work/simdata" --rate 4 --seed "$seed" --log "$work/requests.jsonl" \
  > "$work/sim.out" 2> "$work/sim.err" &
sim=$!
port=$(it_await_listening "$work/sim.out" "$work/sim.err" "$sim")
python3 Scripts/faults/proxy.py --upstream "127.0.0.1:$port" > "$work/proxy.out" 2> "$work/proxy.err" &
proxy=$!
deadline=$((SECONDS + 10))
until grep -q "proxy listening" "$work/proxy.out" 2>/dev/null; do
  [ $SECONDS -ge $deadline ] && { echo "proxy did not start"; cat "$work/proxy.err"; exit 1; }
  sleep 0.05
done
pport=$(sed -nE 's/.*listening on [^:]+:([0-9]+) control.*/\1/p' "$work/proxy.out")
cport=$(sed -nE 's/.* control ([0-9]+).*/\1/p' "$work/proxy.out")
tmux -L "$sock" -f /dev/null new-session -d -s keep "exec cat"
start_ui 120 40 --opend "127.0.0.1:$pport" --watch HK.00700,US.AAPL,SH.600519
wait_for 40 "live through the proxy" has " SIMULATE .*LIVE"
# the trade push registration is the last thing the app sets up after loading the accounts
deadline=$((SECONDS + 20))
until grep -q '"protoID":2008,' "$work/requests.jsonl" 2>/dev/null; do
  [ $SECONDS -ge $deadline ] && fail "the app never registered for trade pushes"
  sleep 0.1
done
python3 Scripts/faults/disconnects.py --tmux-socket "$sock" --log "$work/requests.jsonl" --proxy-out "$work/proxy.out" \
  --control "$cport" --count "$count" --silent "$silent" --seed "$seed" "${orders[@]}" || fail "a disconnect was not recovered"
kill -0 "$sim" || fail "the sim died"
keys q
wait_for 15 "mootui still exits 0" has "MOOTUI-EXIT=0"
