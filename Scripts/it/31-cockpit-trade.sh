#!/usr/bin/env bash
# End to end for the trader's cockpit (issue 15 points 2-4 and the account-per-market fix): the
# real binary in tmux on a standalone `mootui sim` with a request log; screens polled with
# capture-pane, requests awaited in the log (no fixed sleeps).
#  - a US order from the TUI on SIMULATE goes through the US account and is accepted
#  - that position is closed from the positions pane (x)
#  - a resting order is repriced by one tick (+) and the pane shows the new price
#  - a price alert is set (a), triggered by the sim, shown, rings the bell and marks its code
#  - the watchlist switches to the user's group on the gateway (w); adding a code edits the group
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/it/lib.sh
bin=$(it_bin)
tui_harness cockpit-trade

count() { grep -c "\"protoID\":$1," "$work/requests.jsonl" 2>/dev/null || true; }
wait_log() {  # wait_log SECONDS PROTO MIN: until the request log has at least MIN lines of PROTO
  local deadline=$((SECONDS + $1))
  until [ "$(count "$2")" -ge "$3" ]; do
    [ $SECONDS -ge $deadline ] && fail "request log: fewer than $3 lines of proto $2"
    sleep 0.1
  done
}
orders_pane() { awk '/─ Orders/ { on = 1; next } on' | cut -c63-; }
positions_pane() { awk '/─ Positions/ { on = 1; next } /─ Alerts/ { on = 0 } on' | cut -c1-61; }
alerts_pane() { awk '/─ Alerts/ { on = 1; next } on' | cut -c1-61; }
order_rests() { local s; s=$(cat); orders_pane <<<"$s" | grep -q 'HK.00700.*SUBMITTED' && ! grep -q 'BUY ORDER' <<<"$s"; }
watchlist_pane() { awk 'NR > 2 && NR < 27' | cut -c1-52; }

tmux -L "$sock" -f /dev/null new-session -d -s keep "exec cat"
"$bin" sim --host 127.0.0.1 --port 0 --data "$work/simdata" --rate 6 --seed 7 --log "$work/requests.jsonl" \
  > "$work/sim.out" 2>> "$work/sim.err" &
sim=$!
port=$(it_await_listening "$work/sim.out" "$work/sim.err" "$sim")
start_ui 120 40 --opend "127.0.0.1:$port" --watch HK.00700,US.TSLA
wait_for 40 "live on the sim, SIMULATE banner" has " SIMULATE .*LIVE"
wait_for 20 "ladder has prices" has "spread"
wait_log 20 2201 1   # the orders were read: the accounts are known

echo "== a US order from the TUI goes through the US account"
keys Down
wait_for 10 "US.TSLA selected" has "Book US\\.TSLA"
wait_for 20 "TSLA ladder has prices" has "spread"
keys b
wait_for 10 "US ticket opens" has "SIMULATE BUY ORDER · US\\.TSLA"
wait_for 5 "the ticket names the US account" has "Account +[0-9]+ · US"
keys BTab Down   # a market order: the sim's US prices move fast
wait_for 5 "valid market ticket" has_all "Type +MARKET" "Enter: send"
keys Enter
wait_log 10 2202 1
wait_for 15 "the US order is accepted and fills" bash -c "$(declare -f orders_pane); orders_pane | grep -q 'US.TSLA.*FILLED'"
if screen | grep -q "cannot trade"; then fail "the sim refused the US order"; fi
wait_for 20 "the position shows 1 US.TSLA" bash -c "$(declare -f positions_pane); positions_pane | grep -qE '^US\\.TSLA +1 '"

echo "== the position is closed from the positions pane"
keys Tab Tab Tab   # book -> orders -> positions
wait_for 5 "positions pane focused (its code selected)" has "Book US\\.TSLA"
keys x
wait_for 10 "closing ticket: sell the 1 held" has "SIMULATE SELL ORDER · US\\.TSLA"
wait_for 5 "quantity 1 at the touch" has_all "Quantity +1 " "Price +[0-9]+\\.[0-9]{2} " "Enter: send"
keys BTab Down   # at market, so it fills whatever the price did meanwhile
wait_for 5 "valid market ticket" has_all "Type +MARKET" "Enter: send"
places=$(count 2202)
keys Enter
wait_log 10 2202 $((places + 1))
wait_for 20 "the position is gone" bash -c "$(declare -f positions_pane); ! positions_pane | grep -q 'US.TSLA'"

echo "== a resting order repriced by one tick"
keys BTab BTab BTab
keys Up
wait_for 10 "HK.00700 selected again" has "Book HK\\.00700"
keys b
wait_for 10 "HK ticket" has "SIMULATE BUY ORDER · HK\\.00700"
for _ in $(seq 60); do keys Down; done   # far below the market, so it rests
wait_for 5 "valid resting ticket" has "Enter: send"
keys Enter
wait_log 10 2202 $((places + 2))
wait_for 15 "HK order SUBMITTED, the ticket closed" bash -c "$(declare -f orders_pane order_rests); order_rests"
before=$(screen | orders_pane | grep -a 'HK.00700.*SUBMITTED' | head -1 | awk '{print $4}')
keys Tab Tab   # book -> orders
wait_for 5 "orders pane focused" has "Orders \\("
mods=$(count 2205)
keys +
wait_log 10 2205 $((mods + 1))
wait_for 10 "the gateway took the modify" has "order [0-9A-Z]+ modified"
after=$(python3 -c 'import sys; from decimal import Decimal as D; print(D(sys.argv[1]) + D("0.2"))' "$before")
wait_for 15 "the order shows one tick up ($before → $after)" bash -c "$(declare -f orders_pane); orders_pane | grep -q 'HK.00700 *BUY *${after}0* .*SUBMITTED'"

echo "== a price alert set, triggered by the sim, shown"
[ "$(pane '#{window_bell_flag}')" = 0 ] || fail "the terminal bell rang before any alert"
keys a   # global: on the selected code from any pane
wait_for 10 "alert dialog" has "Price alert · HK\\.00700"
keys Down   # price ≤
for _ in $(seq 10); do keys BSpace; done
keys 9 9 9 9
wait_for 5 "dialog shows price ≤ 9999" has "price ≤ 9999_"
keys Enter
wait_log 10 3220 1
wait_for 15 "alert listed in the alerts pane" bash -c "$(declare -f alerts_pane); alerts_pane | grep -q 'HK.00700 *price ≤ 9999'"
wait_for 20 "the sim triggers it: ALERT message" has "ALERT HK\\.00700"
wait_for 5 "the code is marked in the watchlist" has "HK\\.00700 +!"
deadline=$((SECONDS + 5))
until [ "$(pane '#{window_bell_flag}')" = 1 ]; do
  [ $SECONDS -ge $deadline ] && fail "the terminal bell did not ring for the alert"
  sleep 0.1
done
echo "ok: the terminal bell rang (tmux window_bell_flag)"
wait_for 10 "the once-only alert is now off" bash -c "$(declare -f alerts_pane); alerts_pane | grep -q 'price ≤ 9999 *once *off'"

echo "== the user's group on the gateway as the watchlist"
keys w
wait_log 10 3213 1
wait_for 10 "group 自选 shown" has "Watchlist: group 自选 \\(5\\)"
wait_for 10 "its codes (HK.09988, SH.600519) listed" bash -c "$(declare -f watchlist_pane has_all); watchlist_pane | has_all HK.09988 SH.600519"
keys /
keys -l "SZ.000001"
keys Enter
wait_log 10 3214 1
wait_for 10 "added to the group on the gateway" has "Watchlist: group 自选 \\(6\\)"
grep -q '"protoID":3214,' "$work/requests.jsonl" || fail "no Qot_ModifyUserSecurity in the request log"
keys W
wait_for 10 "back to the local list" has "Watchlist \\(2\\)"
keys q
wait_for 15 "mootui exits 0" has "MOOTUI-EXIT=0"
echo "cockpit e2e: all checks passed"
