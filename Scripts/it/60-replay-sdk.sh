#!/usr/bin/env bash
# Record and replay (issue 14): `mootui record` a few seconds of the embedded sim, inspect it
# (`replay --info --json`, `--export csv`), then serve it with `mootui sim --replay --speed max`
# and check with the official SDK's own parser (Scripts/conformance/replay_sdk.py) that the SDK
# receives the recorded pushes, the same and in order; and that a truncated copy gives a clear
# error naming the byte offset while its intact part still replays.
# Uses $MOOTUI_BIN (else builds it) and $MOOTUI_SDK_PYTHON (else the venv of Scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/it/lib.sh
bin=$(it_bin)
python=$(it_python)
work=$(mktemp -d "${TMPDIR:-/tmp}/mootui-replay.XXXXXX")
sim=""
cleanup() {
  if [ -n "$sim" ]; then kill "$sim" 2>/dev/null || true; wait "$sim" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"
codes="HK.00700,US.AAPL"

echo "== record 3 s of the embedded sim"
"$bin" record HK.00700 US.AAPL --subtypes quote,book,ticker --out "$work/day.mrec" --duration 3s | tee "$work/record.out"
grep -qE "^recorded [1-9][0-9]* frames \(0 dropped in 0 gaps\)" "$work/record.out"

echo "== replay --info --json, --export csv"
"$bin" replay "$work/day.mrec" --info --json > "$work/info.json"
"$python" - "$work/info.json" <<'PY'
import json, sys
info = json.load(open(sys.argv[1]))
codes = {c["code"]: c["pushes"] for c in info["codes"]}
assert set(codes) == {"HK.00700", "US.AAPL"}, codes
for c, p in codes.items():
    assert all(p.get(t, 0) > 0 for t in ("quote", "book", "ticker")), (c, p)
assert info["gaps"] == [] and info["damage"] is None, info
print("ok: info lists both codes with quote, book and ticker pushes")
PY
"$bin" replay "$work/day.mrec" --export csv --out "$work/csv" > /dev/null
head -n 1 "$work/csv/HK.00700.ticks.csv" | grep -q "^recv_ns,time,sequence,price,volume,turnover,direction$"
[ "$(wc -l < "$work/csv/US.AAPL.books.csv")" -gt 1 ]
echo "ok: csv export"

echo "== sim --replay --speed max, checked with the SDK"
"$bin" sim --port 0 --data "$work/sim" --replay "$work/day.mrec" --speed max > "$work/sim.out" 2> "$work/sim.err" &
sim=$!
port=$(it_await_listening "$work/sim.out" "$work/sim.err" "$sim")
(cd "$work" && HOME="$work" timeout 60 "$python" "$OLDPWD/Scripts/conformance/replay_sdk.py" \
  --port "$port" --recording "$work/day.mrec" --codes "$codes")
kill "$sim"; wait "$sim" 2>/dev/null || true; sim=""

echo "== a truncated recording"
size=$(stat -c %s "$work/day.mrec")
head -c $((size - 7)) "$work/day.mrec" > "$work/cut.mrec"
"$bin" replay "$work/cut.mrec" --info > "$work/cut.out" 2> "$work/cut.err"
grep -qE "truncated recording at byte offset [0-9]+" "$work/cut.err" || { cat "$work/cut.err"; exit 1; }
grep -qE "^damage: +truncated recording at byte offset [0-9]+" "$work/cut.out"
: > "$work/sim.out"
"$bin" sim --port 0 --data "$work/sim2" --replay "$work/cut.mrec" --speed max > "$work/sim.out" 2> "$work/sim.err" &
sim=$!
it_await_listening "$work/sim.out" "$work/sim.err" "$sim" > /dev/null
grep -qE "truncated recording at byte offset [0-9]+.*replaying the [0-9]+ intact records" "$work/sim.err" \
  || { cat "$work/sim.err"; exit 1; }
echo "ok: the truncated copy names its offset and still replays"
echo "replay: all steps passed"
