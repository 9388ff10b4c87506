#!/usr/bin/env python3
"""Back-to-back synchronous place → modify → cancel rounds through the official SDK, the way an
ordinary script calls OpenD: each call waits for the previous answer, no sleeps. Against a real
OpenD the broker's round trip keeps such calls inside the documented spacing (place ≥ 0.02 s,
modify/cancel ≥ 0.04 s per account); `mootui sim --order-latency` gives the same.

    sync_rounds.py --port N [--rounds 30] [--expect-refusals]

The rounds are spread over the three SIMULATE accounts (HK, US, A-shares), at most 10 per
account: 10 rounds are 10 places and 20 modify/cancels, exactly the 30-second windows OpenD
allows per account (15 and 20). Exits 0 when no call was refused (or, with --expect-refusals,
when some were: the check that this script can see refusals at all).
"""
import argparse
import math
import sys
import time

from moomoo import *  # noqa: F401,F403

MARKETS = [("HK.00700", TrdMarket.HK), ("US.AAPL", TrdMarket.US), ("SH.600519", TrdMarket.CN)]


def resting_price(code, bid):
    """Well below the market, on the tick grid (HK 200–500 band: 0.2; US and A-shares: 0.01)."""
    if code.startswith("HK."):
        return round(math.floor(bid * 0.8 / 0.2) * 0.2, 1)
    return round(bid * 0.8, 2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--expect-refusals", action="store_true")
    a = ap.parse_args()
    q = OpenQuoteContext(host="127.0.0.1", port=a.port)
    refusals, calls = [], 0
    started = time.monotonic()
    per_account = math.ceil(a.rounds / len(MARKETS))
    done = 0
    try:
        for code, market in MARKETS:
            ret, snap = q.get_market_snapshot([code])
            if ret != RET_OK:
                print("snapshot failed:", snap)
                sys.exit(1)
            price = resting_price(code, float(snap["bid_price"].iloc[0]))
            lot = int(snap["lot_size"].iloc[0])
            qty = max(lot, 100) if not code.startswith("US.") else 10
            trd = OpenSecTradeContext(filter_trdmarket=market, host="127.0.0.1", port=a.port)
            try:
                for _ in range(min(per_account, a.rounds - done)):
                    ret, data = trd.place_order(price=price, qty=qty, code=code, trd_side=TrdSide.BUY, trd_env=TrdEnv.SIMULATE)
                    calls += 1
                    if ret != RET_OK:
                        refusals.append(f"place {code}: {data}")
                        continue
                    order_id = data["order_id"].iloc[0]
                    lower = resting_price(code, price) if code.startswith("HK.") else round(price * 0.99, 2)
                    ret, data = trd.modify_order(ModifyOrderOp.NORMAL, order_id, qty, lower, trd_env=TrdEnv.SIMULATE)
                    calls += 1
                    if ret != RET_OK:
                        refusals.append(f"modify {code}: {data}")
                    ret, data = trd.modify_order(ModifyOrderOp.CANCEL, order_id, 0, 0, trd_env=TrdEnv.SIMULATE)
                    calls += 1
                    if ret != RET_OK:
                        refusals.append(f"cancel {code}: {data}")
                    done += 1
            finally:
                trd.close()
    finally:
        q.close()
    seconds = time.monotonic() - started
    print(f"sync rounds: {done} rounds, {calls} trade calls in {seconds:.2f} s, {len(refusals)} refused")
    for r in refusals[:5]:
        print("  refused:", r)
    if a.expect_refusals:
        sys.exit(0 if refusals else 1)
    sys.exit(0 if not refusals and done == a.rounds else 1)


if __name__ == "__main__":
    main()
