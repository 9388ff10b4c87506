#!/usr/bin/env bash
# Acceptance: the official SDK's six example programs (moomoo/examples/ in the SDK venv), each
# copied to a temp folder and changed only where it names OpenD's port (sed at run time; the
# SDK's files are not in this repository), run against a fresh `mootui sim` with a timeout, and
# checked for what each is meant to do. Then back-to-back synchronous place/modify/cancel rounds
# with zero refusals (and, as the control, refusals when the simulated broker answers at once).
# Uses $MOOTUI_BIN (else builds it) and $MOOTUI_SDK_PYTHON (else the venv of Scripts/setup.sh);
# macd_strategy.py needs TA-Lib in that venv (Scripts/setup.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/it/lib.sh
bin=$(it_bin)
python=$(it_python)
here=$PWD
examples=$("$python" -c "import moomoo, os; print(os.path.join(os.path.dirname(moomoo.__file__), 'examples'))")
work=$(mktemp -d "${TMPDIR:-/tmp}/mootui-sdk-examples.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
results=()
failed=0
check() {  # check NAME CONDITION-COMMAND...: records a result line
  local name=$1; shift
  if "$@"; then echo "PASS $name"; else echo "FAIL $name"; failed=1; fi
}

# start_sim NAME ARGS...: a fresh sim (own data folder) on a free port; sets $port and $sim_pid.
start_sim() {
  local name=$1; shift
  "$bin" sim --port 0 --data "$work/$name-data" "$@" > "$work/$name.out" 2> "$work/$name.err" &
  sim_pid=$!
  pids+=("$sim_pid")
  port=$(it_await_listening "$work/$name.out" "$work/$name.err" "$sim_pid")
}

stop_sim() { kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; }

# prepare EXAMPLE: copies it to $work with only OpenD's port changed; fails if anything else differs.
prepare() {
  local src="$examples/$1" dst="$work/$1"
  sed -E "s/(port *= *)11111/\1$port/g" "$src" > "$dst"
  local changed
  changed=$(diff "$src" "$dst" | grep -c '^>' || true)
  if [ "$changed" -lt 1 ] || diff "$src" "$dst" | grep '^<' | grep -qv 11111; then
    echo "FAIL $1: the port rewrite touched more than the port lines"; exit 1
  fi
}

# run_example EXAMPLE SECONDS [UNTIL-COMMAND...]: runs it from $work with HOME in $work (the SDK
# writes its logs there); with UNTIL-COMMAND it is stopped as soon as that succeeds (examples
# that never exit). Sets $log, $home and $status (124 = timed out).
run_example() {
  local ex=$1 secs=$2; shift 2
  log="$work/${ex%.py}.log"
  home="$work/home-${ex%.py}"
  mkdir -p "$home"
  (cd "$work" && HOME="$home" exec timeout "$secs" "$python" -u "$ex") > "$log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  if [ $# -gt 0 ]; then
    local deadline=$((SECONDS + secs))
    until "$@" || ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
    kill "$pid" 2>/dev/null || true
  fi
  status=0
  wait "$pid" || status=$?
}

# track_lines HANDLER: pushes the SDK's debug log recorded for the example's handler class.
track_lines() { { cat "$home"/.com.moomoo.OpenD/Log/Track_*_"$1".log 2>/dev/null || true; } | wc -l; }

# pushes_seen N HANDLER...: every handler has recorded at least N pushes.
pushes_seen() {
  local n=$1 h; shift
  for h in "$@"; do [ "$(track_lines "$h")" -ge "$n" ] || return 1; done
}

helper() {
  local output
  output=$("$python" "$here/Scripts/conformance/examples_check.py" --port "$port" "$@") || { echo "$output" >&2; return 1; }
  sed -n 's/^RESULT //p' <<<"$output"
}

cat > "$work/universe.csv" <<'CSV'
code,name,lot,price,kind
HK.00123,越秀地产,2000,3.52,stock
HK.HSImain,恒指主连,1,25380,future
HK.999010,港股指数,1,8456.12,index
CSV

echo "== get_mkt_snapshot_demo.py: every listed code of four markets, snapshots in pages"
start_sim snapshot --seed 3 --rate 20
prepare get_mkt_snapshot_demo.py
run_example get_mkt_snapshot_demo.py 90
check "snapshot demo exits 0" [ "$status" = 0 ]
for m in HK US SZ SH; do
  check "snapshot demo lists $m codes" grep -q "get_stock_basicinfo: market=$m, sub_type=STOCK, count=" "$log"
done
check "snapshot demo prints snapshots of each market" bash -c "grep -q 'HK.09988' '$log' && grep -q 'US.TSLA' '$log' && grep -q 'SZ.000858' '$log' && grep -q 'SH.601318' '$log'"
check "snapshot demo saw no error" bash -c "! grep -qiE 'error|Traceback' '$log'"
results+=("get_mkt_snapshot_demo.py: $(grep -c 'from 1, total' "$log") market pages of snapshots, exit $status")
stop_sim

echo "== simple_filter_demo.py: simple + financial stock filter over HK"
start_sim filter --seed 3 --rate 20
prepare simple_filter_demo.py
run_example simple_filter_demo.py 60
check "filter demo exits 0" [ "$status" = 0 ]
found=$(grep -E '^[0-9]+ [0-9]+ \[' "$log" | head -n 1 | awk '{print $1}')
check "filter demo found stocks" bash -c "[ '${found:-0}' -gt 0 ] 2>/dev/null"
check "filter demo prints HK codes" grep -qE '^HK\.[0-9]{5}$' "$log"
check "filter demo saw no error" bash -c "! grep -qiE '^error|Traceback' '$log'"
results+=("simple_filter_demo.py: $found HK stocks matched (price 2–1000, current ratio 0.5–50 %), exit $status")
stop_sim

echo "== stocksell_demo.py: unlock, then a simple and a smart sell of HK.00700 in the paper account"
md5=$("$python" -c "import hashlib; print(hashlib.md5(b'123456').hexdigest())")
MOOTUI_TRADE_PASSWORD_MD5="$md5" start_sim sell --seed 3 --rate 20 --with-real-accounts
helper buy HK.00700 200 > "$work/sell-prepare.log"
prepare stocksell_demo.py
run_example stocksell_demo.py 60
check "sell demo exits 0" [ "$status" = 0 ]
check "sell demo unlocked" grep -q '\* unlock_trade success' "$log"
check "simple_sell placed" grep -q 'simple_sell 下单成功' "$log"
check "smart_sell placed" grep -q 'smart_sell 下单成功' "$log"
check "no refusal (Requests too frequent)" bash -c "! grep -q 'too frequent' '$log'"
deadline=$((SECONDS + 10))
until [ "$(helper position HK.00700)" = 0 ] || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
helper orders HK.00700 > "$work/sell-orders.jsonl"
sold=$(grep -c '"side": "SELL", "qty": 100.0, "status": "FILLED_ALL"' "$work/sell-orders.jsonl" || true)
check "two sells of 100 filled in the sim's order list" [ "$sold" = 2 ]
check "position sold out" [ "$(helper position HK.00700)" = 0 ]
results+=("stocksell_demo.py: unlock ok, $sold sell orders of 100 HK.00700 filled, position 0, exit $status")
stop_sim

echo "== quote_and_trade_demo.py: subscribe HK.00700 and HK.HSImain (listed by --universe), print pushes for 15 s"
start_sim quotetrade --seed 3 --rate 20 --universe "$work/universe.csv"
prepare quote_and_trade_demo.py
run_example quote_and_trade_demo.py 60
check "quote_and_trade demo exits 0" [ "$status" = 0 ]
check "subscribe succeeded" grep -qF '* subscribe : (0, None)' "$log"
for h in StockQuoteTest RTDataTest TickerTest OrderBookTest BrokerTest; do
  check "$h pushes printed" grep -q "\* $h" "$log"
done
results+=("quote_and_trade_demo.py: $(grep -c '^\* StockQuoteTest' "$log") quote, $(grep -c '^\* TickerTest' "$log") ticker, $(grep -c '^\* OrderBookTest' "$log") book pushes in 15 s, exit $status")
stop_sim

echo "== quote_push.py: subscribe HK.00700 and HK.999010; it never exits, stopped once pushes arrived"
start_sim quotepush --seed 3 --rate 20 --universe "$work/universe.csv"
prepare quote_push.py
# The example prints only the subscribe result; with set_futu_debug_model(True) the SDK records
# every push its ticker, order-book and broker handlers parsed in Track_*_<Handler>.log under
# $HOME (its quote handler records nothing). It never exits: stop it once each of those has 20
# pushes (or after 40 s).
run_example quote_push.py 40 pushes_seen 20 TickerTest OrderBookTest BrokerTest
check "quote_push subscribed" grep -qF '* subscribe : (0, None)' "$log"
for h in TickerTest OrderBookTest BrokerTest; do
  check "quote_push $h received pushes" pushes_seen 20 "$h"
done
check "quote_push pushes include HK.999010" bash -c "cat '$home'/.com.moomoo.OpenD/Log/Track_*_TickerTest.log | grep -q 999010"
results+=("quote_push.py: subscribe ok; ticker $(track_lines TickerTest), book $(track_lines OrderBookTest), broker $(track_lines BrokerTest) pushes recorded by the SDK, then stopped (it never exits)")
stop_sim

echo "== macd_strategy.py: MACD(12,26,9) on HK.00123's daily bars (listed by --universe), trade on a cross"
# Seed 63 puts a MACD buy cross on the last daily bar of HK.00123 (the check below recomputes it).
start_sim macd --seed 63 --rate 0 --universe "$work/universe.csv"
expected=$(helper macd-signal HK.00123 100)
prepare macd_strategy.py
run_example macd_strategy.py 60
check "macd demo exits 0" [ "$status" = 0 ]
check "macd demo read the history" bash -c "! grep -q 'request_history_kline fail' '$log'"
helper orders HK.00123 > "$work/macd-orders.jsonl"
case "$expected" in
  buy) check "macd buy signal: a BUY of HK.00123 in the order list" grep -q '"side": "BUY"' "$work/macd-orders.jsonl"
       check "macd printed its buy" grep -q 'MAKE BUY ORDER' "$log" ;;
  *)   check "macd no buy signal ($expected): no order placed" bash -c "[ ! -s '$work/macd-orders.jsonl' ]" ;;
esac
results+=("macd_strategy.py: signal on the last bar: $expected; orders: $(wc -l < "$work/macd-orders.jsonl"), exit $status")
stop_sim

echo "== back-to-back synchronous place → modify → cancel (30 rounds over the three paper accounts)"
start_sim sync --seed 3 --rate 4
check "30 synchronous rounds, zero refusals" "$python" Scripts/conformance/sync_rounds.py --port "$port" --rounds 30
stop_sim
start_sim sync0 --seed 3 --rate 4 --order-latency 0
check "control: the same calls with no broker latency are refused" "$python" Scripts/conformance/sync_rounds.py --port "$port" --rounds 6 --expect-refusals
stop_sim

echo "---- example results"
for r in "${results[@]}"; do echo "  $r"; done
if [ "$failed" = 0 ]; then echo "sdk examples: all checks passed"; else echo "sdk examples: some checks FAILED"; exit 1; fi
