#!/usr/bin/env python3
"""Durability check for `mootui sim` (driven by Scripts/it/11-sim-durability.sh).

  durability.py stream --port N --acks FILE   place a stream of orders on SIMULATE and REAL
                                              accounts, appending each acknowledged order id to
                                              FILE (flushed) — until the sim is killed under it
  durability.py verify --port N --acks FILE   after a restart on the same data directory: every
                                              acknowledged order is there, and cash, positions,
                                              orders and fills agree with each other
"""
import argparse
import os
import sys
import time

from moomoo import *  # noqa: F401,F403

START_CASH = 1_000_000.0
PASSWORD = "123456"
CODES = {TrdEnv.SIMULATE: ["HK.00700", "US.AAPL", "SH.600519", "HK.01810", "US.TSLA", "SZ.000001"],
         TrdEnv.REAL: ["HK.00700", "US.AAPL", "HK.02318"]}


def contexts(port):
    quotes = OpenQuoteContext(host="127.0.0.1", port=port)
    trade = OpenSecTradeContext(filter_trdmarket=TrdMarket.NONE, host="127.0.0.1", port=port)
    return quotes, trade


def accounts(trade):
    ret, accs = trade.get_acc_list()
    assert ret == RET_OK, accs
    return [(int(r["acc_id"]), r["trd_env"], r["trdmarket_auth"]) for _, r in accs.iterrows()]


def account_for(accs, env, code):
    market = code.split(".")[0]
    want = {"HK": "HK", "US": "US", "SH": "CN" if env == TrdEnv.SIMULATE else "HKCC",
            "SZ": "CN" if env == TrdEnv.SIMULATE else "HKCC"}[market]
    for acc_id, e, auth in accs:
        if e == env and want in auth:
            return acc_id
    return None


def stream(port, acks_path):
    quotes, trade = contexts(port)
    accs = accounts(trade)
    ret, msg = trade.unlock_trade(password=PASSWORD)
    assert ret == RET_OK, msg
    lots = {"HK.00700": 100, "HK.01810": 200, "HK.02318": 500, "US.AAPL": 3, "US.TSLA": 2, "SH.600519": 100,
            "SZ.000001": 100}
    with open(acks_path, "a", buffering=1) as acks:
        i = 0
        turns = {TrdEnv.SIMULATE: 0, TrdEnv.REAL: 0}
        failures = 0
        while failures < 20:
            env = TrdEnv.SIMULATE if i % 3 else TrdEnv.REAL
            codes = CODES[env]
            code = codes[turns[env] % len(codes)]
            turns[env] += 1
            i += 1
            acc = account_for(accs, env, code)
            ret, snap = quotes.get_market_snapshot([code])
            if ret != RET_OK:
                failures += 1
                time.sleep(0.05)
                continue
            tick = float(snap["price_spread"].iloc[0])
            ask = float(snap["ask_price"].iloc[0])
            bid = float(snap["bid_price"].iloc[0])
            # Mostly marketable buys, some resting buys that stay open.
            price = round(ask + 3 * tick, 4) if i % 4 else round(bid - 10 * tick, 4)
            ret, data = trade.place_order(price=price, qty=lots[code], code=code, trd_side=TrdSide.BUY,
                                          trd_env=env, acc_id=acc)
            if ret == RET_OK:
                acks.write(f"{env} {acc} {data['order_id'].iloc[0]}\n")
            elif "frequent" not in str(data) and "spread" not in str(data):
                failures += 1
            time.sleep(0.03)  # respect the documented 20 ms spacing between orders


def verify(port, acks_path):
    quotes, trade = contexts(port)
    failures = []
    acked = [line.split() for line in open(acks_path) if line.strip()]
    print(f"{len(acked)} acknowledged orders before the kill")
    if len(acked) < 10:
        failures.append(f"only {len(acked)} orders were acknowledged before the kill")
    accs = accounts(trade)
    ret, msg = trade.unlock_trade(password=PASSWORD)
    for acc_id, env, _ in accs:
        ret, orders = trade.order_list_query(trd_env=env, acc_id=acc_id)
        if ret != RET_OK:
            failures.append(f"order_list_query {acc_id}: {orders}")
            continue
        ids = set(orders["order_id"])
        for e, a, oid in acked:
            if int(a) == acc_id and oid not in ids:
                failures.append(f"acknowledged order {oid} of {acc_id} is missing after restart")
        ret, pos = trade.position_list_query(trd_env=env, acc_id=acc_id)
        held = {r["code"]: float(r["qty"]) for _, r in pos.iterrows()} if ret == RET_OK else {}
        bought = {}
        spent = 0.0
        for _, o in orders.iterrows():
            q = float(o["dealt_qty"])
            if q:
                bought[o["code"]] = bought.get(o["code"], 0.0) + q
                spent += q * float(o["dealt_avg_price"])
        if held != {k: v for k, v in bought.items() if v}:
            failures.append(f"{acc_id}: positions {held} != filled quantities {bought}")
        ret, info = trade.accinfo_query(trd_env=env, acc_id=acc_id)
        cash = float(info["cash"].iloc[0]) if ret == RET_OK else float("nan")
        if env == TrdEnv.REAL:
            ret, deals = trade.deal_list_query(trd_env=env, acc_id=acc_id)
            if ret != RET_OK:
                failures.append(f"deal_list_query {acc_id}: {deals}")
                continue
            by_order = deals.groupby("order_id")["qty"].sum().to_dict() if len(deals) else {}
            for _, o in orders.iterrows():
                if abs(by_order.get(o["order_id"], 0.0) - float(o["dealt_qty"])) > 1e-9:
                    failures.append(f"{acc_id}: fills of {o['order_id']} != dealt qty {o['dealt_qty']}")
            exact = sum(float(d["qty"]) * float(d["price"]) for _, d in deals.iterrows())
            dealt_ids = [o["order_id"] for _, o in orders.iterrows() if float(o["dealt_qty"])]
            fees = 0.0
            if dealt_ids:
                ret, fee_rows = trade.order_fee_query(dealt_ids, trd_env=env, acc_id=acc_id)
                if ret != RET_OK:
                    failures.append(f"order_fee_query {acc_id}: {fee_rows}")
                    continue
                fees = float(fee_rows["fee_amount"].sum())
            if abs(START_CASH - exact - fees - cash) > 0.01:
                failures.append(f"{acc_id}: cash {cash} != {START_CASH} - fills {exact} - fees {fees}")
        else:
            # SIMULATE accounts cannot query fees (as on OpenD): the fees are what is missing
            # beyond the dealt value, never negative and never more than a generous bound.
            fees = START_CASH - spent - cash
            bound = 0.02 * sum(abs(float(o["dealt_qty"]) * float(o["dealt_avg_price"])) for _, o in orders.iterrows()) \
                + 20.0 * len(orders)
            if fees < -0.01 * max(len(orders), 1) or fees > bound:
                failures.append(f"{acc_id}: cash {cash} != {START_CASH} - dealt {spent} - fees (0..{bound:.2f})")
        print(f"account {acc_id} ({env}): {len(orders)} orders, positions {held}, cash {cash}")
    trade.close()
    quotes.close()
    for f in failures:
        print("FAIL", f)
    print("durability:", "FAILED" if failures else "all acknowledged orders, fills, cash and positions consistent")
    sys.exit(1 if failures else 0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["stream", "verify"])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--acks", required=True)
    args = ap.parse_args()
    (stream if args.mode == "stream" else verify)(args.port, args.acks)


if __name__ == "__main__":
    main()
