#!/usr/bin/env bash
# Idle screen = zero bytes: the real binary in tmux against `mootui sim --rate 0` (quotes frozen),
# everything it writes captured with pipe-pane. Once the first frame and its follow-ups are on
# screen (the ladder is drawn and start-up messages have expired: no output for 6 s), the
# terminal must receive nothing at all for WINDOW seconds. Fails otherwise, showing the bytes.
# Then the health HUD is opened (H) and a second window is measured and printed: its figures
# change at most once a second, so that number need not be 0 (it is reported, not checked).
# Usage: Scripts/it/21-tui-idle-bytes.sh [WINDOW_SECONDS]   (MOOTUI_BIN=path, else swift build)
set -euo pipefail
cd "$(dirname "$0")/../.."
window=${1:-10}
source Scripts/it/lib.sh
bin=$(it_bin)
tui_harness idle
"$bin" sim --host 127.0.0.1 --port 0 --data "$work/sim" --rate 0 > "$work/sim.out" 2> "$work/sim.err" &
sim=$!
deadline=$((SECONDS + 30))
until grep -q "listening on" "$work/sim.out" 2>/dev/null; do
  [ $SECONDS -ge $deadline ] && { echo "sim did not start"; cat "$work/sim.err"; exit 1; }
  sleep 0.1
done
port=$(sed -nE 's/.*listening on [^:]+:([0-9]+).*/\1/p' "$work/sim.out" | head -n 1)
tmux -L "$sock" -f /dev/null new-session -d -s ui -x 120 -y 40 \
  "env LANG=C.UTF-8 TERM=xterm-256color XDG_CONFIG_HOME=$work/cfg XDG_STATE_HOME=$work/state '$bin' --opend 127.0.0.1:$port; exec cat"
tmux -L "$sock" pipe-pane -t ui -o "cat >> $work/bytes"
deadline=$((SECONDS + 60))
until tmux -L "$sock" capture-pane -p -t ui | grep -q "spread"; do
  [ $SECONDS -ge $deadline ] && { echo "no first frame"; tmux -L "$sock" capture-pane -p -t ui; exit 1; }
  sleep 0.1
done
# With quotes frozen no push follows the start-up ones, so the status bar turns from "push live"
# to the stale mark "push >5s" 5 s after the last of them (and next changes at 1 min): wait for
# that mark, a follow-up of start-up like the others.
deadline=$((SECONDS + 60))
until tmux -L "$sock" capture-pane -p -t ui | head -n 1 | grep -qE "push (>5s|-) *$"; do
  [ $SECONDS -ge $deadline ] && { echo "the status bar never showed the stale mark"; tmux -L "$sock" capture-pane -p -t ui; exit 1; }
  sleep 0.2
done
# Follow-ups (K-line history, portfolio) land and start-up messages expire (5 s): wait for 6 s
# without output, polling the capture file's size.
last=-1
quiet_since=$SECONDS
deadline=$((SECONDS + 90))
while [ $((SECONDS - quiet_since)) -lt 6 ]; do
  [ $SECONDS -ge $deadline ] && { echo "the screen never went quiet"; tmux -L "$sock" capture-pane -p -t ui; exit 1; }
  now=$(stat -c %s "$work/bytes")
  if [ "$now" != "$last" ]; then last=$now; quiet_since=$SECONDS; fi
  sleep 0.2
done
start=$(stat -c %s "$work/bytes")
sleep "$window"  # the measurement window itself, not a wait for an event
end=$(stat -c %s "$work/bytes")
echo "idle: first frame and follow-ups $start bytes, then $((end - start)) bytes in ${window}s (120x40, sim --rate 0)"
if [ "$end" -ne "$start" ]; then
  echo "FAIL: an idle screen wrote to the terminal:"
  tail -c +$((start + 1)) "$work/bytes" | cat -v | head -c 2000; echo
  tmux -L "$sock" capture-pane -p -t ui
  exit 1
fi
echo "tui idle: 0 bytes/s"
# The same idle screen with the health HUD shown.
tmux -L "$sock" send-keys -t ui H
deadline=$((SECONDS + 10))
until tmux -L "$sock" capture-pane -p -t ui | grep -q "RTT p50"; do
  [ $SECONDS -ge $deadline ] && { echo "FAIL: H did not open the health HUD"; tmux -L "$sock" capture-pane -p -t ui; exit 1; }
  sleep 0.1
done
hud_start=$(stat -c %s "$work/bytes")
sleep "$window"  # the measurement window itself
hud_end=$(stat -c %s "$work/bytes")
hud=$((hud_end - hud_start))
echo "idle with the health HUD shown: $hud bytes in ${window}s ($((hud / window)) B/s, 120x40, sim --rate 0)"
