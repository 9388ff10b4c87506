#!/usr/bin/env bash
# Replay controls in the TUI (issue 14): `mootui record` 6 s of the embedded sim, then
# `mootui replay FILE` in tmux: the REPLAY badge carries the recording's clock (HH:MM:SS);
# `p` pauses (the clock stays put while paused) and resumes (it moves on); `>` doubles the speed
# and `<` halves it; `{` jumps back.
# Uses $MOOTUI_BIN (else builds it).
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/it/lib.sh
bin=$(it_bin)
tui_harness replay-tui

echo "== record 6 s of the embedded sim"
"$bin" record HK.00700 --subtypes quote,book,ticker --out "$work/day.mrec" --duration 6s > "$work/record.out"
grep -qE "^recorded [1-9][0-9]* frames" "$work/record.out" || { cat "$work/record.out"; exit 1; }

clock() { screen | sed -nE '1s/^ REPLAY [A-Z0-9.x]+ ([0-9]{2}:[0-9]{2}:[0-9]{2}) .*/\1/p'; }

echo "== replay in the UI"
start_ui 120 30 replay "$work/day.mrec"
wait_for 20 "the badge shows the replay clock at 1x" has '^ REPLAY 1x [0-9]{2}:[0-9]{2}:[0-9]{2} · PAPER'
keys p
wait_for 5 "p pauses" has '^ REPLAY PAUSED [0-9]{2}:[0-9]{2}:[0-9]{2} · PAPER'
paused=$(clock)
# The timer asks the replay where it is once a second: over 2.5 s (two or three answers) a
# paused clock must not move.
deadline=$((SECONDS + 3))
while [ $SECONDS -lt $deadline ]; do
  now=$(clock)
  [ "$now" = "$paused" ] || fail "the clock moved while paused: $paused -> $now"
  sleep 0.5
done
echo "ok: the clock stays at $paused while paused"
keys p
keys '>'
wait_for 5 "resume, and > doubles the speed" has '^ REPLAY 2x [0-9]{2}:[0-9]{2}:[0-9]{2} · PAPER'
wait_for 5 "the clock moves on after resuming" bash -c "! grep -q '^ REPLAY [^ ]* $paused '"
keys '<' '<'
wait_for 5 "< < halves the speed twice" has '^ REPLAY 0\.5x '
before=$(clock)
keys '{'
deadline=$((SECONDS + 5))
until [ "$(clock)" \< "$before" ]; do
  [ $SECONDS -ge $deadline ] && fail "{ did not move the clock back from $before"
  sleep 0.1
done
echo "ok: { jumps back ($before -> $(clock))"
keys q
wait_for 10 "q quits cleanly" has 'MOOTUI-EXIT=0'
echo "replay-tui: all steps passed"
