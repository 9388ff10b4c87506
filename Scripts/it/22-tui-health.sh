#!/usr/bin/env bash
# The health HUD end to end: the real binary in tmux against its embedded simulator. `H` opens
# it as a dialog at 120x40 and it shows the request round trip (p50/p99), a non-zero pushes/s,
# the rate budgets and reconnects; the status bar says "push live"; at 170 columns the HUD is a
# pane beside the panes; `H` again closes it. Screens polled with timeouts, never fixed sleeps.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/it/lib.sh
bin=$(it_bin)
tui_harness tui-health
# A session that outlives the UI session, so the private server never exits between them.
tmux -L "$sock" -f /dev/null new-session -d -s keep "exec cat"

start_ui 120 40 --watch HK.00700,US.AAPL,SH.600519
wait_for 60 "status bar shows LIVE" has " SIMULATE .*LIVE"
wait_for 20 "the status bar says the pushes are live" has "push live *$"
keys H
wait_for 10 "the HUD opens" has "^.* Health .*$"
wait_for 10 "the HUD shows the request round trip" has "RTT p50 [0-9.]+m?s  p99 [0-9.]+m?s  n=[0-9]+"
wait_for 10 "the HUD shows a non-zero push rate" has "pushes/s ([1-9][0-9]*\.[0-9]|0\.[1-9])  conflated [0-9,]+  dropped [0-9,]+"
wait_for 5 "the HUD shows the rate budgets and reconnects" has_all "PlaceOrder [0-9]+/15" "Snapshot [0-9]+/60" "reconnects 0"
screen | grep -oE "(RTT p50|pushes/s)[^│]*" | sed 's/^/  /'
tmux -L "$sock" resize-window -t ui -x 170 -y 40
wait_for 10 "at 170 columns the HUD is a pane beside the panes" has_all "─ Health ─" "Watchlist" "Positions"
keys H
wait_for 10 "H closes the HUD" has_all "!RTT p50" "!Health"
keys q
wait_for 10 "q quits cleanly" has "MOOTUI-EXIT=0"
echo "tui health: ok"
