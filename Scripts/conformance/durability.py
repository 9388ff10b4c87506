#!/usr/bin/env python3
"""Durability check for `mootui sim` (driven by Scripts/it/11-sim-durability.sh).

  durability.py stream --port N --acks FILE [--seed S]
                                              place a stream of orders on SIMULATE and REAL
                                              accounts, appending each acknowledged order id to
                                              FILE (flushed) — until the sim is killed under it;
                                              with a seed, random trading (sells, cancels, modifies)
  durability.py verify --port N --acks FILE   after a restart on the same data directory: every
                                              acknowledged order is there, and cash, positions,
                                              orders and fills agree with each other
"""
import argparse
import os
import random
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


def stream(port, acks_path, seed=None):
    """Orders until killed. Without a seed: buys, mostly marketable, some resting. With a seed:
    random trading as well: marketable sells of what was bought, cancels and re-prices of
    resting orders (refusals for a spent rate budget or a missing holding are expected)."""
    rng = random.Random(seed)
    quotes, trade = contexts(port)
    accs = accounts(trade)
    ret, msg = trade.unlock_trade(password=PASSWORD)
    assert ret == RET_OK, msg
    lots = {"HK.00700": 100, "HK.01810": 200, "HK.02318": 500, "US.AAPL": 3, "US.TSLA": 2, "SH.600519": 100,
            "SZ.000001": 100}
    expected = ("frequent", "spread", "Insufficient", "sellable", "not allowed", "status", "finished", "No order")
    resting = []
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
            roll = rng.random() if seed is not None else 0.0
            if roll < 0.6:
                # Mostly marketable buys, some resting buys that stay open.
                marketable = rng.random() < 0.75 if seed is not None else i % 4 != 0
                price = round(ask + 3 * tick, 4) if marketable else round(bid - 10 * tick, 4)
                ret, data = trade.place_order(price=price, qty=lots[code], code=code, trd_side=TrdSide.BUY,
                                              trd_env=env, acc_id=acc)
                if ret == RET_OK:
                    oid = data["order_id"].iloc[0]
                    acks.write(f"{env} {acc} {oid}\n")
                    if not marketable:
                        resting.append((env, acc, oid, price, lots[code]))
            elif roll < 0.85:
                ret, data = trade.place_order(price=max(round(bid - 3 * tick, 4), tick), qty=lots[code], code=code,
                                              trd_side=TrdSide.SELL, trd_env=env, acc_id=acc)
                if ret == RET_OK:
                    acks.write(f"{env} {acc} {data['order_id'].iloc[0]}\n")
            elif resting:
                e, a, oid, price, lot = resting.pop(rng.randrange(len(resting)))
                if roll < 0.95:
                    ret, data = trade.modify_order(ModifyOrderOp.CANCEL, oid, 0, 0, trd_env=e, acc_id=a)
                else:  # same price, twice the quantity (the new total)
                    ret, data = trade.modify_order(ModifyOrderOp.NORMAL, oid, 2 * lot, price, trd_env=e, acc_id=a)
            else:
                continue
            if ret != RET_OK and not any(word in str(data) for word in expected):
                failures += 1
                print("unexpected refusal:", data, flush=True)
            time.sleep(0.03)  # respect the documented 20 ms spacing between orders


def sign(side):
    return -1.0 if str(side).startswith("SELL") else 1.0


def check_ledger(trade, failures):
    """The ledger invariants of every account, buys and sells alike: positions equal the signed
    sum of dealt quantities, no holding is negative but a US short (the rest is cash-only), cash is the
    starting cash less what fills cost, equity is cash plus the value of the positions, and on
    REAL (where OpenD lists fills) the fills of each order sum to its dealt quantity."""
    accs = accounts(trade)
    trade.unlock_trade(password=PASSWORD)
    listed = {}
    for acc_id, env, _ in accs:
        ret, orders = trade.order_list_query(trd_env=env, acc_id=acc_id)
        if ret != RET_OK:
            failures.append(f"order_list_query {acc_id}: {orders}")
            continue
        listed[acc_id] = set(orders["order_id"])
        ret, pos = trade.position_list_query(trd_env=env, acc_id=acc_id)
        if ret != RET_OK:
            failures.append(f"position_list_query {acc_id}: {pos}")
            continue
        held = {r["code"]: float(r["qty"]) for _, r in pos.iterrows() if float(r["qty"])}
        for code, q in held.items():
            # The paper broker lets US stocks be sold short (margin); everything else is cash-only.
            if q < 0 and not code.startswith("US."):
                failures.append(f"{acc_id}: negative holding {q} of {code} in a cash account")
        dealt = {}
        spent = 0.0
        for _, o in orders.iterrows():
            q = float(o["dealt_qty"])
            if q > float(o["qty"]) + 1e-9:
                failures.append(f"{acc_id}: order {o['order_id']} dealt {q} > ordered {o['qty']}")
            if q:
                s = sign(o["trd_side"])
                dealt[o["code"]] = dealt.get(o["code"], 0.0) + s * q
                spent += s * q * float(o["dealt_avg_price"])
        dealt = {k: v for k, v in dealt.items() if abs(v) > 1e-9}
        if held != dealt:
            failures.append(f"{acc_id}: positions {held} != signed dealt quantities {dealt}")
        ret, info = trade.accinfo_query(trd_env=env, acc_id=acc_id)
        if ret != RET_OK:
            failures.append(f"accinfo_query {acc_id}: {info}")
            continue
        cash = float(info["cash"].iloc[0])
        equity = float(info["total_assets"].iloc[0])
        value = sum(float(r["market_val"]) for _, r in pos.iterrows())
        if abs(cash + value - equity) > 0.01 * max(len(held), 1):
            failures.append(f"{acc_id}: cash {cash} + position value {value} != equity {equity}")
        if env == TrdEnv.REAL:
            ret, deals = trade.deal_list_query(trd_env=env, acc_id=acc_id)
            if ret != RET_OK:
                failures.append(f"deal_list_query {acc_id}: {deals}")
                continue
            by_order = deals.groupby("order_id")["qty"].sum().to_dict() if len(deals) else {}
            for _, o in orders.iterrows():
                if abs(by_order.get(o["order_id"], 0.0) - float(o["dealt_qty"])) > 1e-9:
                    failures.append(f"{acc_id}: fills of {o['order_id']} != dealt qty {o['dealt_qty']}")
            exact = sum(sign(d["trd_side"]) * float(d["qty"]) * float(d["price"]) for _, d in deals.iterrows())
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
            traded = sum(float(o["dealt_qty"]) * float(o["dealt_avg_price"]) for _, o in orders.iterrows())
            bound = 0.02 * traded + 20.0 * len(orders)
            if fees < -0.01 * max(len(orders), 1) or fees > bound:
                failures.append(f"{acc_id}: cash {cash} != {START_CASH} - dealt {spent} - fees (0..{bound:.2f})")
        print(f"account {acc_id} ({env}): {len(orders)} orders, positions {held}, cash {cash}, equity {equity}")
    return listed


def verify(port, acks_path):
    quotes, trade = contexts(port)
    failures = []
    acked = [line.split() for line in open(acks_path) if line.strip()] if acks_path else []
    if acks_path:
        print(f"{len(acked)} acknowledged orders before the kill")
        if len(acked) < 10:
            failures.append(f"only {len(acked)} orders were acknowledged before the kill")
    listed = check_ledger(trade, failures)
    for e, a, oid in acked:
        if int(a) in listed and oid not in listed[int(a)]:
            failures.append(f"acknowledged order {oid} of {a} is missing after restart")
    trade.close()
    quotes.close()
    for f in failures:
        print("FAIL", f)
    what = "all acknowledged orders, fills, cash and positions consistent" if acks_path else \
        "orders, fills, cash, positions and equity consistent"
    print("durability:" if acks_path else "ledger:", "FAILED" if failures else what)
    sys.exit(1 if failures else 0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["stream", "verify", "ledger"])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--acks")
    ap.add_argument("--seed", type=int, help="stream: random trading (sells, cancels, modifies) from this seed")
    args = ap.parse_args()
    if args.mode != "ledger" and not args.acks:
        ap.error("stream and verify need --acks FILE")
    if args.mode == "stream":
        stream(args.port, args.acks, args.seed)
    else:
        verify(args.port, args.acks if args.mode == "verify" else None)


if __name__ == "__main__":
    main()
