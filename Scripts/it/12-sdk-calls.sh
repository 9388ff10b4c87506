#!/usr/bin/env bash
# The calls an SDK user's everyday scripts make (stock filter, trading days, watchlists, price
# reminders and their push, plates, capital flow, rehab, cash flow, margin ratios, trading info,
# cancel-all, an unserved call) checked with the official SDK's parser against `mootui sim`
# (Scripts/conformance/sdk_calls.py); then the sim is restarted on the same data folder and the
# watchlist group and price reminder the first run left must still be there.
# Uses $MOOTUI_BIN (else builds it) and $MOOTUI_SDK_PYTHON (else the venv of Scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/it/lib.sh
bin=$(it_bin)
python=$(it_python)
work=$(mktemp -d "${TMPDIR:-/tmp}/mootui-sdk-calls.XXXXXX")
sim=""
cleanup() {
  if [ -n "$sim" ]; then kill "$sim" 2>/dev/null || true; wait "$sim" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
md5=$("$python" -c "import hashlib; print(hashlib.md5(b'123456').hexdigest())")

start_sim() {
  MOOTUI_TRADE_PASSWORD_MD5="$md5" "$bin" sim --port 0 --data "$work/data" --seed 5 --rate 20 --with-real-accounts \
    > "$work/sim.out" 2> "$work/sim.err" &
  sim=$!
  port=$(it_await_listening "$work/sim.out" "$work/sim.err" "$sim")
}
stop_sim() { kill "$sim" 2>/dev/null || true; wait "$sim" 2>/dev/null || true; sim=""; }

echo "== first run"
start_sim
(cd "$work" && HOME="$work" timeout 120 "$python" "$OLDPWD/Scripts/conformance/sdk_calls.py" --port "$port" --trade-password 123456)
stop_sim
echo "== after a restart on the same data"
: > "$work/sim.out"
start_sim
(cd "$work" && HOME="$work" timeout 60 "$python" "$OLDPWD/Scripts/conformance/sdk_calls.py" --port "$port" --phase restarted)
stop_sim
echo "sdk calls: all steps passed"
