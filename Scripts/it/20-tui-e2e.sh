#!/usr/bin/env bash
# End to end: the real binary in tmux (private socket), screens read with capture-pane and
# polled until the expected text appears (never a fixed sleep). Checks: live prices move, the
# ladder shows 10 levels a side, tape rows arrive, `/` adds a code (and it is saved), a resize
# re-lays the screen, a dropped gateway (a standalone `mootui sim` stopped and restarted on the
# same port) shows STALE + reconnect progress then recovers, `q` and SIGTERM restore the terminal.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/it/lib.sh
bin=$(it_bin)
tui_harness tui-e2e

# The Last column of a watchlist row (third field after code and a one-word name).
last_of() { screen | awk -v code="$1" '$1 == code { print $3; exit }'; }

# Ten price rows above the spread line and ten below it, in the book column.
ladder_ok() {
  python3 -c '
import re, sys
lines = sys.stdin.read().splitlines()
row = re.compile(r"│\s*[▶>]?\s+\d+\.\d+\s+[\d,.KMB]+\s+[\d,.KMB]+")
spread = next(i for i, l in enumerate(lines) if "spread" in l)
above = [l for l in lines[spread - 10:spread] if row.search(l)]
below = [l for l in lines[spread + 1:spread + 11] if row.search(l)]
sys.exit(0 if len(above) == 10 and len(below) == 10 else 1)'
}
tape_rows() { grep -cE '│[0-9]{2}:[0-9]{2}:[0-9]{2} +[0-9]+\.[0-9]+ +[0-9,.KM]+' || true; }

# A session that outlives the UI sessions, so the private server never exits between them.
tmux -L "$sock" -f /dev/null new-session -d -s keep "exec cat"

echo "== embedded simulator, 120x40"
start_ui 120 40 --watch HK.00700,US.AAPL,SH.600519
wait_for 60 "status bar shows SIMULATE and LIVE" has " SIMULATE .*LIVE"
wait_for 20 "ladder shows 10 levels a side" ladder_ok
wait_for 20 "tape rows arrive" bash -c '[ "$(grep -cE "│[0-9]{2}:[0-9]{2}:[0-9]{2} +[0-9]+\.[0-9]+" )" -ge 3 ]'
first=$(last_of HK.00700)
[ -n "$first" ] || fail "no last price for HK.00700"
wait_for 30 "HK.00700 last price changes from $first" bash -c "! awk '\$1 == \"HK.00700\" { print \$3; exit }' | grep -qx '$first'"
top_tape=$(screen | grep -oE '│[0-9]{2}:[0-9]{2}:[0-9]{2} +[0-9.]+ +[0-9,.KM]+' | head -n 1)
wait_for 30 "new trades reach the top of the tape" bash -c "! grep -oE '│[0-9]{2}:[0-9]{2}:[0-9]{2} +[0-9.]+ +[0-9,.KM]+' | head -n 1 | grep -qxF '$top_tape'"

echo "== / adds a code (checked with the gateway), unknown codes are refused"
tmux -L "$sock" send-keys -t ui "/"
wait_for 5 "add-code prompt" has "Add code:"
tmux -L "$sock" send-keys -t ui "HK.99999" Enter
wait_for 10 "unknown code message" has "unknown code HK.99999"
tmux -L "$sock" send-keys -t ui "/"
wait_for 5 "add-code prompt again" has "Add code:"
tmux -L "$sock" send-keys -t ui "HK.3690" Enter
wait_for 10 "HK.03690 joins the watchlist" has "Watchlist \\(4\\)"
wait_for 10 "HK.03690 gets a quote" bash -c "awk '\$1 == \"HK.03690\" { print \$3 }' | grep -qE '^[0-9]+\.[0-9]+$'"
deadline=$((SECONDS + 10))
until grep -q '"HK.03690"' "$XDG_CONFIG_HOME/mootui/config.toml" 2>/dev/null; do
  [ $SECONDS -ge $deadline ] && fail "watchlist not saved to the config file"
  sleep 0.1
done
echo "ok: watchlist saved in \$XDG_CONFIG_HOME/mootui/config.toml"

echo "== resize re-lays the screen"
tmux -L "$sock" resize-window -t ui -x 80 -y 24
wait_for 10 "80x24 shows the tabbed layout" has " 1 Market "
wait_for 10 "80x24 ladder still shows 10 levels a side" ladder_ok
tmux -L "$sock" send-keys -t ui "2"
wait_for 10 "detail tab shows trades and the K-line" has_all "─ Trades" "K-line"
tmux -L "$sock" resize-window -t ui -x 50 -y 12
wait_for 10 "too small a terminal gets a message" has "terminal too small"
tmux -L "$sock" resize-window -t ui -x 120 -y 40
wait_for 10 "120x40 shows every pane again" has_all "─ Positions" "─ Orders" "─ Trades"

echo "== q quits and restores the terminal"
[ "$(pane '#{alternate_on}')" = 1 ] || fail "the UI should run on the alternate screen"
tmux -L "$sock" send-keys -t ui "q"
wait_for 15 "mootui exits 0 on q" has "MOOTUI-EXIT=0"
[ "$(pane '#{alternate_on}')" = 0 ] || fail "alternate screen still on after q"
[ "$(pane '#{cursor_flag}')" = 1 ] || fail "cursor still hidden after q"
echo "ok: terminal restored (normal screen, cursor visible)"

echo "== dropped gateway: standalone sim stopped and restarted on the same port"
start_sim() {
  : > "$work/sim.out"
  "$bin" sim --host 127.0.0.1 --port "$1" --data "$work/simdata" --rate 8 > "$work/sim.out" 2>> "$work/sim.err" &
  sim=$!
  local deadline=$((SECONDS + 30))
  until grep -q "listening on" "$work/sim.out" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$sim" 2>/dev/null; then echo "sim did not start"; cat "$work/sim.err"; exit 1; fi
    sleep 0.1
  done
  port=$(sed -nE 's/.*listening on [^:]+:([0-9]+).*/\1/p' "$work/sim.out" | head -n 1)
}
start_sim 0
start_ui 120 40 --opend "127.0.0.1:$port" --watch HK.00700,US.AAPL
wait_for 30 "connected to the standalone sim" has "127.0.0.1:$port .*LIVE"
wait_for 20 "ladder before the drop" ladder_ok
kill -TERM "$sim"; wait "$sim" 2>/dev/null || true; sim=""
wait_for 40 "drop shows STALE and reconnect progress" has_all "STALE" "RECONNECTING|CONNECTING|DISCONNECTED"
screen | grep -qE '^HK.00700 +\S+ +[0-9]+\.[0-9]+' || fail "last values must stay on screen while stale"
echo "ok: last values stay on screen"
start_sim "$port"
wait_for 40 "reconnects: LIVE again, STALE gone" has_all " LIVE " "!STALE"
again=$(last_of HK.00700)
wait_for 30 "prices move again after the reconnect" bash -c "! awk '\$1 == \"HK.00700\" { print \$3; exit }' | grep -qx '$again'"

echo "== SIGTERM also restores the terminal"
ui_pid=$(pgrep -P "$(pane '#{pane_pid}')" -f "$bin" | head -n 1)
[ -n "$ui_pid" ] || fail "cannot find the mootui process"
kill -TERM "$ui_pid"
wait_for 15 "mootui exits on SIGTERM" has "MOOTUI-EXIT="
[ "$(pane '#{alternate_on}')" = 0 ] || fail "alternate screen still on after SIGTERM"
[ "$(pane '#{cursor_flag}')" = 1 ] || fail "cursor still hidden after SIGTERM"
echo "ok: terminal restored after SIGTERM"

echo "== Ctrl-C restores the terminal; LANG=C renders plain ASCII"
tmux -L "$sock" kill-session -t ui 2>/dev/null || true
tmux -L "$sock" new-session -d -s ui -x 100 -y 30 \
  "env LANG=C LC_ALL=C TERM=xterm-256color XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_STATE_HOME='$XDG_STATE_HOME' '$bin' --watch HK.00700,SH.600519 ; echo MOOTUI-EXIT=\$?; exec cat"
wait_for 60 "LANG=C: live with the ladder drawn" has_all " LIVE " "spread"
wait_for 10 "LANG=C: ASCII borders, no box drawing" has_all "^-+ Watchlist" "!─" "!│"
tmux -L "$sock" send-keys -t ui C-c
wait_for 15 "mootui exits on Ctrl-C" has "MOOTUI-EXIT="
[ "$(pane '#{alternate_on}')" = 0 ] || fail "alternate screen still on after Ctrl-C"
[ "$(pane '#{cursor_flag}')" = 1 ] || fail "cursor still hidden after Ctrl-C"
echo "ok: terminal restored after Ctrl-C"

echo "tui e2e: all checks passed"
