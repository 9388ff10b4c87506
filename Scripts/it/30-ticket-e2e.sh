#!/usr/bin/env bash
# End to end for the order ticket (issue 5): the real binary in tmux on a standalone `mootui sim`
# with a request log, screens polled with capture-pane (no fixed sleeps).
#  - an off-tick price and an odd lot show their reasons and Enter sends nothing (asserted from
#    the gateway's request log: no Trd_PlaceOrder 2202 line)
#  - a valid resting limit order shows in the orders pane and on the ladder, a modify that crosses
#    the market fills it and the position updates; a second order is cancelled after a confirm
#  - REAL (--with-real-accounts): unlock prompt, a wrong password refused, then confirm, REAL banner
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/it/lib.sh
bin=$(it_bin)
tui_harness ticket-e2e

count() { grep -c "\"protoID\":$1," "$work/requests.jsonl" 2>/dev/null || true; }
wait_log() {  # wait_log SECONDS PROTO MIN: until the request log has at least MIN lines of PROTO
  local deadline=$((SECONDS + $1))
  until [ "$(count "$2")" -ge "$3" ]; do
    [ $SECONDS -ge $deadline ] && fail "request log: fewer than $3 lines of proto $2"
    sleep 0.1
  done
}
start_sim() {  # start_sim ARGS...
  : > "$work/sim.out"
  "$bin" sim --host 127.0.0.1 --port 0 --data "$work/simdata-$RANDOM" --rate 6 --seed 7 --log "$work/requests.jsonl" "$@" \
    > "$work/sim.out" 2>> "$work/sim.err" &
  sim=$!
  port=$(it_await_listening "$work/sim.out" "$work/sim.err" "$sim")
}
stop_sim() { kill -TERM "$sim" 2>/dev/null || true; wait "$sim" 2>/dev/null || true; sim=""; }
# the orders pane: lines below its title
orders_pane() { awk '/─ Orders/ { on = 1; next } on'; }
positions_has() {  # positions_has CODE QTY: a row of the positions pane with that code and quantity
  python3 -c '
import sys
code, qty = sys.argv[1], sys.argv[2]
lines = sys.stdin.read().splitlines()
start = next(i for i, l in enumerate(lines) if "─ Positions" in l)
rows = [l.split("│")[0] for l in lines[start + 1:]]
sys.exit(0 if any(r.split()[:1] == [code] and qty in r.split() for r in rows) else 1)' "$@"
}
tmux -L "$sock" -f /dev/null new-session -d -s keep "exec cat"

echo "== SIMULATE: invalid fields never reach the wire"
start_sim
start_ui 120 40 --opend "127.0.0.1:$port" --watch HK.00700,US.AAPL
wait_for 40 "live on the sim, SIMULATE banner" has " SIMULATE .*LIVE"
wait_for 20 "ladder has prices" has "spread"
wait_log 20 2201 1   # the orders pane loaded: the account is known
keys b
wait_for 10 "ticket opens" has "SIMULATE BUY ORDER"
for _ in $(seq 12); do keys BSpace; done
keys 3 0 0 . 1 Tab
for _ in $(seq 8); do keys BSpace; done
keys 1 5 0
wait_for 10 "off-tick reason beside the price" has "not on the tick grid"
wait_for 10 "odd-lot reason beside the quantity" has "whole number of lots"
keys Enter
wait_for 5 "ticket still open after Enter" has "fix the fields"
keys Escape
before=$(count 2111)
keys b
wait_log 10 2111 $((before + 1))   # keys are handled in order: Enter was handled before this
[ "$(count 2202)" -eq 0 ] || fail "an invalid ticket sent Trd_PlaceOrder"
echo "ok: request log has no Trd_PlaceOrder after Enter on the invalid ticket"

echo "== a valid resting limit order, modified across the market: fills, position updates"
wait_for 10 "ticket open again" has "SIMULATE BUY ORDER"
for _ in $(seq 6); do keys Down; done
wait_for 5 "valid ticket" has "Enter: send"
wait_for 5 "the ticket estimates the fees before sending" has "Est\. fees +≈[0-9,]+\.[0-9]{2} HKD"
keys Enter
wait_log 10 2202 1
wait_for 15 "order appears in the orders pane as SUBMITTED" bash -c "$(declare -f orders_pane); orders_pane | grep -q 'SUBMITTED'"
wait_for 15 "own order marked on the ladder" has "◆"
[ "$(count 2202)" -eq 1 ] || fail "expected exactly one Trd_PlaceOrder, log has $(count 2202)"
keys Tab Tab
keys m
wait_for 10 "modify ticket opens" has "SIMULATE BUY ORDER"
for _ in $(seq 14); do keys Up; done
keys Enter
wait_log 10 2205 1
wait_for 30 "the order fills" bash -c "$(declare -f orders_pane); orders_pane | grep -q 'FILLED'"
wait_for 30 "the position shows 100 HK.00700" positions_has HK.00700 100

echo "== cancel asks first, then cancels"
keys b
wait_for 10 "ticket for the second order" has "SIMULATE BUY ORDER"
for _ in $(seq 40); do keys Down; done   # far below the market, so it rests
keys Enter
wait_log 10 2202 2
wait_for 15 "second order SUBMITTED" bash -c "$(declare -f orders_pane); orders_pane | grep -q 'SUBMITTED'"
keys c
wait_for 10 "confirm prompt" has "cancel order .*\\?"
mods=$(count 2205)
keys y
wait_log 10 2205 $((mods + 1))
wait_for 20 "order CANCELLED" bash -c "$(declare -f orders_pane); orders_pane | grep -q 'CANCELLED'"
keys q
wait_for 15 "mootui exits 0" has "MOOTUI-EXIT=0"
stop_sim

echo "== REAL: unlock prompt, wrong password refused, confirm, REAL banner"
: > "$work/requests.jsonl"
md5=$(printf '%s' 'tiger-8841' | md5sum | cut -d' ' -f1)
MOOTUI_TRADE_PASSWORD_MD5="$md5" start_sim --with-real-accounts
start_ui 120 40 --opend "127.0.0.1:$port" --env real --watch HK.00700
wait_for 40 "REAL banner and LIVE" has " REAL .*LIVE"
wait_log 20 2201 1
keys b
wait_for 10 "REAL ticket" has "REAL BUY ORDER"
for _ in $(seq 6); do keys Down; done
keys Enter
wait_for 10 "unlock prompt" has "trade password:"
keys -l "wrong-pass"
wait_for 5 "masked input" has "trade password: \\*{10} "
keys Enter
wait_log 10 2005 1
wait_for 10 "wrong password refused" has "unlock failed"
[ "$(count 2202)" -eq 0 ] || fail "an order went out before the unlock"
keys Enter
wait_for 10 "unlock prompt again" has "trade password:"
keys -l "tiger-8841"
keys Enter
wait_log 10 2005 2
wait_for 10 "confirm step shows the order in words" has "CONFIRM BUY 100 HK.00700"
[ "$(count 2202)" -eq 0 ] || fail "an order went out before the confirm"
keys Enter
wait_log 10 2202 1
wait_for 15 "REAL order SUBMITTED" bash -c "$(declare -f orders_pane); orders_pane | grep -q 'SUBMITTED'"
if grep -q "tiger-8841\|$md5" "$work/requests.jsonl" "$work/state/mootui/mootui.log" 2>/dev/null; then
  fail "the trade password or its MD5 was written to a log"
fi
echo "ok: neither the password nor its MD5 is in the request log or mootui's log"
keys q
wait_for 15 "mootui exits 0" has "MOOTUI-EXIT=0"
echo "ticket e2e: all checks passed"
