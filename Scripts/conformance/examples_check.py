#!/usr/bin/env python3
"""Helpers for Scripts/it/12-sdk-examples.sh: what a sim holds before and after an SDK example
runs, read through the official SDK.

    examples_check.py --port N buy CODE QTY          buy QTY of CODE (marketable limit) in the SIMULATE account
    examples_check.py --port N orders CODE           print the SIMULATE orders of CODE as JSON lines
    examples_check.py --port N position CODE         print the SIMULATE position quantity of CODE
    examples_check.py --port N macd-signal CODE DAYS print buy|sell|none: the MACD(12,26,9) cross on the last bar

Results are printed on lines starting with "RESULT " (the SDK logs to stdout as well).
"""
import argparse
import datetime as dt
import json
import math
import sys
import time

from moomoo import *  # noqa: F401,F403


def out(*parts):
    """A result line; the SDK logs to stdout too, so results carry a prefix the suite keeps."""
    print("RESULT", *parts, flush=True)


def trade_ctx(port, code):
    market = {"HK": TrdMarket.HK, "US": TrdMarket.US, "SH": TrdMarket.CN, "SZ": TrdMarket.CN}[code.split(".")[0]]
    return OpenSecTradeContext(filter_trdmarket=market, host="127.0.0.1", port=port)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("what", choices=["buy", "orders", "position", "macd-signal"])
    ap.add_argument("args", nargs="*")
    a = ap.parse_args()
    code = a.args[0]
    if a.what == "macd-signal":
        import talib
        q = OpenQuoteContext(host="127.0.0.1", port=a.port)
        try:
            today = dt.datetime.today()
            start = (today - dt.timedelta(days=int(a.args[1]))).strftime("%Y-%m-%d")
            ret, prices, _ = q.request_history_kline(code, start=start, end=today.strftime("%Y-%m-%d"))
            if ret != RET_OK:
                print("error", prices)
                sys.exit(1)
            macd, signal, _ = talib.MACD(prices["close"].values, 12, 26, 9)
            if macd[-1] > signal[-1] and macd[-2] < signal[-2]:
                out("buy")
            elif macd[-1] < signal[-1] and macd[-2] > signal[-2]:
                out("sell")
            else:
                out("none")
        finally:
            q.close()
        return
    trd = trade_ctx(a.port, code)
    try:
        if a.what == "buy":
            q = OpenQuoteContext(host="127.0.0.1", port=a.port)
            ret, snap = q.get_market_snapshot([code])
            q.close()
            price = float(snap["ask_price"].iloc[0]) * 1.01
            price = round(price, 0) if code.startswith("HK.") and price > 200 else round(price, 2)
            ret, data = trd.place_order(price=price, qty=int(a.args[1]), code=code, trd_side=TrdSide.BUY, trd_env=TrdEnv.SIMULATE)
            if ret != RET_OK:
                print("buy failed:", data)
                sys.exit(1)
            order_id = data["order_id"].iloc[0]
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                ret, lst = trd.order_list_query(order_id=order_id, trd_env=TrdEnv.SIMULATE, refresh_cache=False)
                if ret == RET_OK and lst["order_status"].iloc[0] == OrderStatus.FILLED_ALL:
                    out("bought", a.args[1], code)
                    return
                time.sleep(0.1)
            print("buy did not fill")
            sys.exit(1)
        if a.what == "orders":
            ret, lst = trd.order_list_query(code=code, trd_env=TrdEnv.SIMULATE, refresh_cache=False)
            if ret != RET_OK:
                print("orders failed:", lst)
                sys.exit(1)
            for _, o in lst.iterrows():
                out(json.dumps({"side": o["trd_side"], "qty": float(o["qty"]), "status": o["order_status"],
                                  "dealt": float(o["dealt_qty"]), "price": float(o["price"])}))
        if a.what == "position":
            ret, pos = trd.position_list_query(code=code, trd_env=TrdEnv.SIMULATE, refresh_cache=False)
            out(int(pos["qty"].sum()) if ret == RET_OK else "error")
    finally:
        trd.close()


if __name__ == "__main__":
    main()
