#!/usr/bin/env bash
# The record key in the live TUI (issue 14): `R` starts recording to
# $XDG_STATE_HOME/mootui/recordings/mootui-YYYYMMDD-HHMMSS.mrec, the status bar shows
# `REC <file> <count>` with the count growing; `R` again stops (the badge goes) and the file
# reads back with `mootui replay FILE --info`.
# Uses $MOOTUI_BIN (else builds it).
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/it/lib.sh
bin=$(it_bin)
tui_harness record-key

count() { screen | sed -nE '1s/.*REC mootui-[0-9]{8}-[0-9]{6}\.mrec ([0-9]+).*/\1/p'; }

start_ui 140 30 --watch HK.00700
wait_for 20 "the live UI is up" has '^ SIMULATE .* LIVE '
keys R
wait_for 5 "R starts recording, shown in the status bar" has 'REC mootui-[0-9]{8}-[0-9]{6}\.mrec [0-9]+'
first=$(count)
deadline=$((SECONDS + 10))
until [ "$(count)" -gt "$first" ] 2>/dev/null; do
  [ $SECONDS -ge $deadline ] && fail "the record count stays at $first"
  sleep 0.2
done
echo "ok: the record count grows ($first -> $(count))"
keys R
wait_for 5 "R again stops: the badge goes, the message says what was recorded" \
  has_all 'recorded [0-9]+ frames to mootui-' '!REC mootui-'
keys q
wait_for 10 "q quits cleanly" has 'MOOTUI-EXIT=0'
file=$(ls "$work/state/mootui/recordings/"mootui-*.mrec)
"$bin" replay "$file" --info > "$work/info.out"
grep -qE "HK\.00700" "$work/info.out" || { cat "$work/info.out"; exit 1; }
echo "ok: $(basename "$file") reads back with --info and holds HK.00700"
echo "record-key: all steps passed"
