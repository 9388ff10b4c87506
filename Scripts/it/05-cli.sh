#!/usr/bin/env bash
# One-shot commands against a `mootui sim` started here on a free port (always stopped on exit):
# quote/book/kline/accounts/funds/positions/orders succeed (human and --json); an unknown code
# and an unreachable gateway give exactly one stderr line and a non-zero exit; an off-tick or
# odd-lot `order place` is refused before anything reaches the wire (checked in the sim's
# request log), while a valid one is placed and then cancelled. Also one run on the embedded sim.
# Uses $MOOTUI_BIN (else builds it).
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/it/lib.sh
bin=$(it_bin)
work=$(mktemp -d "${TMPDIR:-/tmp}/mootui-cli.XXXXXX")
export XDG_DATA_HOME="$work/xdg"   # the embedded simulator's ledger stays in here
sim_pid=""
cleanup() {
  if [ -n "$sim_pid" ]; then kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" sim --port 0 --data "$work/sim-data" --log "$work/requests.jsonl" --seed 5 > "$work/sim.out" 2> "$work/sim.err" &
sim_pid=$!
deadline=$((SECONDS + 30))
until grep -q "listening on" "$work/sim.out" 2>/dev/null; do
  if [ $SECONDS -ge $deadline ] || ! kill -0 "$sim_pid" 2>/dev/null; then
    echo "mootui sim did not start"; cat "$work/sim.err"; exit 1
  fi
  sleep 0.1
done
port=$(sed -nE 's/.*listening on [^:]+:([0-9]+).*/\1/p' "$work/sim.out" | head -n 1)
gw=(--opend "127.0.0.1:$port")

fail() { echo "FAIL $*"; echo "--- stdout"; cat "$work/out" || true; echo "--- stderr"; cat "$work/err" || true; exit 1; }

# ok NAME ARGS...: exit 0, something on stdout, nothing on stderr.
ok() {
  local name=$1; shift
  if ! timeout 60 "$bin" "$@" > "$work/out" 2> "$work/err"; then fail "$name: non-zero exit"; fi
  [ -s "$work/out" ] || fail "$name: no output"
  [ ! -s "$work/err" ] || fail "$name: wrote to stderr"
  echo "PASS $name"
}

# refused NAME PATTERN ARGS...: non-zero exit, nothing on stdout, exactly one stderr line matching PATTERN.
refused() {
  local name=$1 pattern=$2; shift 2
  if timeout 60 "$bin" "$@" > "$work/out" 2> "$work/err"; then fail "$name: exit status 0"; fi
  [ ! -s "$work/out" ] || fail "$name: wrote to stdout"
  [ "$(wc -l < "$work/err")" -eq 1 ] || fail "$name: expected exactly one stderr line"
  grep -qiE "$pattern" "$work/err" || fail "$name: stderr does not match /$pattern/"
  echo "PASS $name: $(cat "$work/err")"
}

json_check() {  # json_check NAME PYTHON-EXPRESSION-ON-d
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert $2, d" "$work/out" || fail "$1: JSON check $2"
  echo "PASS $1 (json)"
}

ok "--version" --version
grep -qE '^[0-9]+\.[0-9]+\.[0-9]+$' "$work/out" || fail "--version: not a version: $(cat "$work/out")"
for shell in bash zsh fish; do
  ok "completion script ($shell)" --generate-completion-script "$shell"
  grep -q "mootui" "$work/out" || fail "$shell completion does not name mootui"
  grep -q "opend" "$work/out" || fail "$shell completion lacks the --opend option"
done
refused "a missing fee schedule" "cannot read the fee schedule" quote HK.00700 --fees "$work/no-such-fees.toml"

ok "quote" quote HK.00700 US.AAPL SH.600519 "${gw[@]}"
grep -q "腾讯控股" "$work/out" || fail "quote: no HK.00700 name"
ok "quote --json" quote HK.00700 US.AAPL --json "${gw[@]}"
json_check "quote" '[q["code"] for q in d] == ["HK.00700", "US.AAPL"] and all(float(q["last"]) > 0 for q in d)'
ok "book" book HK.00700 --depth 5 "${gw[@]}"
[ "$(wc -l < "$work/out")" -eq 7 ] || fail "book: expected title, header and 5 levels"
ok "book --json" book SZ.000001 --depth 3 --json "${gw[@]}"
json_check "book" 'len(d["bids"]) == 3 and len(d["asks"]) == 3 and d["bids"][0]["price"] < d["asks"][0]["price"]'
ok "kline" kline US.AAPL --ktype 1m --count 5 "${gw[@]}"
ok "kline --json" kline HK.00700 --ktype day --count 3 --json "${gw[@]}"
json_check "kline" '1 <= len(d["bars"]) <= 3 and d["ktype"] == "day"'
ok "accounts" accounts "${gw[@]}"
ok "accounts --json" accounts --env simulate --json "${gw[@]}"
json_check "accounts" 'len(d) >= 1 and all(a["env"] == "simulate" for a in d)'
ok "funds" funds --env simulate "${gw[@]}"
ok "positions" positions "${gw[@]}"
ok "orders" orders "${gw[@]}"

refused "unknown code" "unknown" quote HK.99999 "${gw[@]}"
refused "malformed code" "HK.7000000|not a valid code" quote HK.7000000 "${gw[@]}"
closed_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
refused "unreachable gateway" "cannot reach OpenD" quote HK.00700 --opend "127.0.0.1:$closed_port"

before=$(grep -c '"protoID":2202' "$work/requests.jsonl" || true)
refused "off-tick order" "tick" order place --code HK.00700 --side buy --qty 100 --price 359.63 "${gw[@]}"
refused "odd-lot order" "lot" order place --code HK.00700 --side buy --qty 150 --price 359.6 "${gw[@]}"
after=$(grep -c '"protoID":2202' "$work/requests.jsonl" || true)
[ "$before" -eq "$after" ] || fail "a refused order reached the wire (Trd_PlaceOrder in the request log)"
echo "PASS refused orders never reached the wire"

ok "order place" order place --code HK.00700 --side buy --qty 100 --price 100 --json "${gw[@]}"
json_check "order place" 'd["orderID"] != "" and d["quantity"] == 100'
order_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["orderID"])' "$work/out")
grep -q '"protoID":2202' "$work/requests.jsonl" || fail "placed order not in the request log"
ok "orders lists it" orders --json "${gw[@]}"
json_check "orders" "any(o['orderID'] == '$order_id' for o in d)"
ok "order cancel" order cancel "$order_id" "${gw[@]}"
refused "cancel unknown order" "no order" order cancel "no-such-order" "${gw[@]}"

ok "embedded simulator" quote HK.00700
openssl genrsa -traditional -out "$work/key.pem" 1024 2> /dev/null
ok "embedded simulator, encrypted (--rsa-key)" quote SH.600519 --rsa-key "$work/key.pem"
refused "unreadable key file" "RSA key" quote HK.00700 --rsa-key "$work/no-such-key.pem"
echo "cli: all one-shot checks passed"
