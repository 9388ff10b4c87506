#!/usr/bin/env bash
# Official-SDK conformance against `mootui sim`: a plain session with REAL paper accounts
# (unlock, fill pushes) and an encrypted session (RSA InitConnect, then AES-CBC).
# Uses $MOOTUI_BIN (else builds it) and $MOOTUI_SDK_PYTHON (else the venv of Scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/it/lib.sh
bin=$(it_bin)
python=$(it_python)
work=$(mktemp -d "${TMPDIR:-/tmp}/mootui-sdk-conformance.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Starts `mootui sim` on a free port (port 0) and sets $port once it prints its listening line.
start_sim() {
  local name=$1; shift
  "$bin" sim --port 0 --data "$work/$name-data" --log "$work/$name-requests.jsonl" "$@" \
    > "$work/$name.out" 2> "$work/$name.err" &
  pids+=($!)
  local deadline=$((SECONDS + 30))
  until grep -q "listening on" "$work/$name.out" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "${pids[-1]}" 2>/dev/null; then
      echo "mootui sim ($name) did not start"; cat "$work/$name.err"; exit 1
    fi
    sleep 0.1
  done
  port=$(sed -nE 's/.*listening on [^:]+:([0-9]+).*/\1/p' "$work/$name.out" | head -n 1)
}

password=123456
md5=$("$python" -c "import hashlib,sys; print(hashlib.md5(sys.argv[1].encode()).hexdigest())" "$password")

echo "== plain session, with REAL paper accounts"
MOOTUI_TRADE_PASSWORD_MD5="$md5" start_sim plain --seed 7 --rate 20 --with-real-accounts
(cd "$work" && timeout 300 "$python" "$OLDPWD/Scripts/conformance/sdk_conformance.py" --port "$port" --trade-password "$password")
grep -q '"protoID":2202' "$work/plain-requests.jsonl" || { echo "request log lacks Trd_PlaceOrder"; exit 1; }
if grep -q "$md5" "$work/plain-requests.jsonl"; then echo "request log leaks the trade password MD5"; exit 1; fi
echo "PASS request log written, trade password redacted"

echo "== encrypted session (RSA + AES)"
"$python" - "$work/key.pem" <<'PY'
import sys
from Crypto.PublicKey import RSA  # PyCryptodome, a dependency of the official SDK
open(sys.argv[1], "wb").write(RSA.generate(1024).export_key(format="PEM", pkcs=1))
PY
start_sim encrypted --seed 8 --rate 20 --rsa-key "$work/key.pem"
(cd "$work" && timeout 300 "$python" "$OLDPWD/Scripts/conformance/sdk_conformance.py" --port "$port" --encrypted \
  --rsa-key "$work/key.pem" --no-real)
echo "sdk conformance: all steps passed"
