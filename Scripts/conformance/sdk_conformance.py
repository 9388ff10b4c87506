#!/usr/bin/env python3
"""Official-SDK conformance suite for `mootui sim`.

Drives a running simulated OpenD with the unmodified official Python SDK (`from moomoo import *`)
and asserts, step by step, that it answers as OpenD does. Usage:

    sdk_conformance.py --port N [--encrypted --rsa-key FILE] [--trade-password PW]

Plain mode expects a sim started with --with-real-accounts and MOOTUI_TRADE_PASSWORD_MD5=md5(PW).
Encrypted mode expects a sim started with --rsa-key FILE. Exits 0 only if every step passed.
"""
import argparse
import math
from decimal import Decimal
import threading
import time

from moomoo import *  # noqa: F401,F403  (the SDK's documented import style)

from sdk_steps import finish, step, wait_until



def pace():
    """OpenD spaces Trd_PlaceOrder 20 ms and Trd_ModifyOrder 40 ms apart per account (reference E.8)."""
    time.sleep(0.05)


HK_BANDS = [("0.25", "0.001"), ("0.5", "0.005"), ("10", "0.01"), ("20", "0.02"), ("100", "0.05"), ("200", "0.1"),
            ("500", "0.2"), ("1000", "0.5"), ("2000", "1"), ("5000", "2"), ("9995", "5")]


def hk_tick_up(price):
    """HKEX spread table: the step up from `price` (the band above at an edge)."""
    p = Decimal(str(price))
    for upper, tick in HK_BANDS:
        if p < Decimal(upper):
            return float(tick)
    return 5.0


def hk_on_tick(price):
    """True when `price` is a multiple of its band's tick (the band below at an edge)."""
    p = Decimal(str(price))
    for upper, tick in HK_BANDS:
        if p <= Decimal(upper):
            return p % Decimal(tick) == 0
    return p % 5 == 0


def ticks_away(code, price, steps, spread):
    """`price` moved `steps` ticks (up if positive), following the HK table across band edges."""
    p = Decimal(str(price))
    for _ in range(abs(steps)):
        if code.startswith("HK."):
            up = Decimal(str(hk_tick_up(float(p))))
            down = up if steps > 0 else Decimal(str(hk_tick_up(float(p) - 1e-9)))
            p = p + up if steps > 0 else p - down
        else:
            p = p + Decimal(str(spread)) if steps > 0 else p - Decimal(str(spread))
    return float(p)


class Collector:
    """Collects pushes per handler, thread-safely."""

    def __init__(self):
        self.lock = threading.Lock()
        self.items = []

    def add(self, item):
        with self.lock:
            self.items.append(item)

    def count(self):
        with self.lock:
            return len(self.items)

    def snapshot(self):
        with self.lock:
            return list(self.items)


def make_handler(base, collector):
    class Handler(base):
        def on_recv_rsp(self, rsp_pb):
            ret, data = super().on_recv_rsp(rsp_pb)
            if ret == RET_OK:
                collector.add(data)
            return ret, data
    return Handler()


def quote_steps(port, encrypted):
    ctx = OpenQuoteContext(host="127.0.0.1", port=port, is_encrypt=encrypted)
    try:
        ret, snap = ctx.get_market_snapshot(["HK.00700", "HK.01810", "US.AAPL", "SH.600519", "SH.688981"])
        step("snapshot ok", ret == RET_OK, snap)
        if ret == RET_OK:
            rows = {r["code"]: r for _, r in snap.iterrows()}
            tencent = rows["HK.00700"]
            step("snapshot lot_size HK.00700 = 100", int(tencent["lot_size"]) == 100, tencent["lot_size"])
            step("snapshot lot_size HK.01810 = 200", int(rows["HK.01810"]["lot_size"]) == 200, rows["HK.01810"]["lot_size"])
            step("snapshot lot_size US.AAPL = 1", int(rows["US.AAPL"]["lot_size"]) == 1, rows["US.AAPL"]["lot_size"])
            step("snapshot lot_size SH.600519 = 100", int(rows["SH.600519"]["lot_size"]) == 100, rows["SH.600519"]["lot_size"])
            expected = hk_tick_up(float(tencent["last_price"]))
            step("snapshot price_spread HK.00700 follows the HKEX table",
                 math.isclose(float(tencent["price_spread"]), expected, abs_tol=1e-9),
                 f"last {tencent['last_price']} spread {tencent['price_spread']} expected {expected}")
            step("snapshot price_spread SH.600519 = 0.01", math.isclose(float(rows["SH.600519"]["price_spread"]), 0.01),
                 rows["SH.600519"]["price_spread"])
            step("snapshot price_spread US.AAPL = 0.01", math.isclose(float(rows["US.AAPL"]["price_spread"]), 0.01),
                 rows["US.AAPL"]["price_spread"])
            step("snapshot names are real", tencent["name"] == "腾讯控股" and rows["SH.600519"]["name"] == "贵州茅台",
                 f"{tencent['name']} {rows['SH.600519']['name']}")
            step("snapshot bid < ask", float(tencent["bid_price"]) < float(tencent["ask_price"]),
                 f"{tencent['bid_price']} {tencent['ask_price']}")

        ret, msg = ctx.get_order_book("HK.00700", num=10)
        step("get_order_book refused before subscribing", ret != RET_OK, msg)

        collectors = {k: Collector() for k in ("quote", "book", "ticker", "kline")}
        ctx.set_handler(make_handler(StockQuoteHandlerBase, collectors["quote"]))
        ctx.set_handler(make_handler(OrderBookHandlerBase, collectors["book"]))
        ctx.set_handler(make_handler(TickerHandlerBase, collectors["ticker"]))
        ctx.set_handler(make_handler(CurKlineHandlerBase, collectors["kline"]))
        ret, msg = ctx.subscribe(["HK.00700"], [SubType.QUOTE, SubType.ORDER_BOOK, SubType.TICKER, SubType.K_1M])
        step("subscribe QUOTE/ORDER_BOOK/TICKER/K_1M", ret == RET_OK, msg)
        for name, c in collectors.items():
            step(f"{name} handler receives pushes", wait_until(lambda c=c: c.count() >= 3, 15), f"{c.count()} pushes")
        quotes = collectors["quote"].snapshot()
        if quotes:
            step("quote push carries HK.00700", quotes[-1]["code"].iloc[0] == "HK.00700", quotes[-1])

        ret, book = ctx.get_order_book("HK.00700", num=10)
        step("get_order_book ok", ret == RET_OK, book)
        if ret == RET_OK:
            bids, asks = book["Bid"], book["Ask"]
            step("order book has 10 levels a side", len(bids) == 10 and len(asks) == 10, f"{len(bids)} {len(asks)}")
            step("order book bid < ask", bids[0][0] < asks[0][0], f"{bids[0]} {asks[0]}")
            step("order book sorted", all(asks[i][0] < asks[i + 1][0] for i in range(len(asks) - 1))
                 and all(bids[i][0] > bids[i + 1][0] for i in range(len(bids) - 1)), book)
            step("order book prices on the tick grid", all(hk_on_tick(p) for p, *_ in bids + asks), book)

        ret, kl = ctx.get_cur_kline("HK.00700", 20, KLType.K_1M)
        step("get_cur_kline ok", ret == RET_OK and len(kl) > 0, kl)
        if ret == RET_OK and len(kl) > 0:
            step("get_cur_kline high >= low", all(kl["high"] >= kl["low"]), kl)

        today = time.strftime("%Y-%m-%d")
        start = time.strftime("%Y-%m-%d", time.localtime(time.time() - 60 * 86400))
        ret, hist, key = ctx.request_history_kline("HK.00700", start=start, end=today, ktype=KLType.K_DAY, max_count=1000)
        step("request_history_kline ok", ret == RET_OK and len(hist) > 20, hist)
        if ret == RET_OK and len(hist) > 0:
            step("history K-lines inside the range", hist["time_key"].iloc[0][:10] >= start
                 and hist["time_key"].iloc[-1][:10] <= today, f"{hist['time_key'].iloc[0]} .. {hist['time_key'].iloc[-1]}")

        ret, state = ctx.get_market_state(["HK.00700", "US.AAPL", "SH.600519"])
        step("get_market_state ok", ret == RET_OK and len(state) == 3, state)

        ret, msg = ctx.unsubscribe(["HK.00700"], [SubType.QUOTE])
        step("unsubscribe within 60 s refused", ret != RET_OK and "minute" in str(msg), msg)

        ret, msg = ctx.get_market_snapshot(["HK.99999"])
        step("unknown code refused", ret != RET_OK, msg)
    finally:
        ctx.close()


def place_marketable(trd, code, side, qty, env, book_ctx=None):
    ret, snap = book_ctx.get_market_snapshot([code])
    if ret != RET_OK:
        return ret, snap
    price = float(snap["ask_price"].iloc[0] if side == TrdSide.BUY else snap["bid_price"].iloc[0])
    # A few ticks through the touch so the order crosses even if the market moves meanwhile.
    price = ticks_away(code, price, 5 if side == TrdSide.BUY else -5, float(snap["price_spread"].iloc[0]))
    pace()
    return trd.place_order(price=price, qty=qty, code=code, trd_side=side, order_type=OrderType.NORMAL, trd_env=env)


def trade_steps(port, encrypted, password, with_real):
    quotes = OpenQuoteContext(host="127.0.0.1", port=port, is_encrypt=encrypted)
    trd = OpenSecTradeContext(filter_trdmarket=TrdMarket.HK, host="127.0.0.1", port=port, is_encrypt=encrypted)
    orders = Collector()
    deals = Collector()
    trd.set_handler(make_handler(TradeOrderHandlerBase, orders))
    trd.set_handler(make_handler(TradeDealHandlerBase, deals))
    try:
        ret, accs = trd.get_acc_list()
        step("get_acc_list ok", ret == RET_OK, accs)
        sim = accs[accs["trd_env"] == TrdEnv.SIMULATE] if ret == RET_OK else []
        step("a SIMULATE HK stock account is listed", len(sim) == 1 and sim["sim_acc_type"].iloc[0] == "STOCK", accs)

        ret, info = trd.accinfo_query(trd_env=TrdEnv.SIMULATE)
        step("accinfo_query ok", ret == RET_OK and float(info["power"].iloc[0]) > 0, info)
        cash_before = float(info["cash"].iloc[0]) if ret == RET_OK else 0.0

        ret, placed = place_marketable(trd, "HK.00700", TrdSide.BUY, 100, TrdEnv.SIMULATE, quotes)
        step("place_order (marketable limit) ok", ret == RET_OK, placed)
        order_id = placed["order_id"].iloc[0] if ret == RET_OK else None

        def pushed_status(oid, status):
            return any(((d["order_id"] == oid) & (d["order_status"] == status)).any() for d in orders.snapshot())

        step("order pushes until FILLED_ALL", wait_until(lambda: pushed_status(order_id, OrderStatus.FILLED_ALL), 10),
             [d[["order_id", "order_status"]].to_dict("records") for d in orders.snapshot()])
        step("order push carries dealt qty and average price",
             any(((d["order_id"] == order_id) & (d["dealt_qty"] == 100) & (d["dealt_avg_price"] > 0)).any()
                 for d in orders.snapshot()), "")
        step("no fill push for a SIMULATE account", deals.count() == 0, deals.snapshot())

        ret, info = trd.accinfo_query(trd_env=TrdEnv.SIMULATE)
        step("cash decreased by the purchase", ret == RET_OK and float(info["cash"].iloc[0]) < cash_before,
             f"{cash_before} -> {info['cash'].iloc[0] if ret == RET_OK else info}")

        ret, snap = quotes.get_market_snapshot(["HK.00700"])
        bid = float(snap["bid_price"].iloc[0])
        # Far below the market and inside the 200-500 band (tick 0.2) wherever the price wanders.
        resting = round(math.floor(bid * 0.8 / 0.2) * 0.2, 1)
        pace()
        ret, placed = trd.place_order(price=resting, qty=200, code="HK.00700", trd_side=TrdSide.BUY, trd_env=TrdEnv.SIMULATE)
        step("place resting order ok", ret == RET_OK, placed)
        rid = placed["order_id"].iloc[0] if ret == RET_OK else None
        new_price = round(resting - 1.0, 1)
        pace()
        ret, msg = trd.modify_order(ModifyOrderOp.NORMAL, rid, 300, new_price, trd_env=TrdEnv.SIMULATE)
        step("modify_order ok", ret == RET_OK, msg)
        ret, lst = trd.order_list_query(order_id=rid, trd_env=TrdEnv.SIMULATE)
        step("modified order shows new qty and price", ret == RET_OK and len(lst) == 1 and float(lst["qty"].iloc[0]) == 300
             and math.isclose(float(lst["price"].iloc[0]), new_price), lst)
        pace()
        ret, msg = trd.modify_order(ModifyOrderOp.CANCEL, rid, 0, 0, trd_env=TrdEnv.SIMULATE)
        step("cancel ok", ret == RET_OK, msg)
        step("cancel pushed as CANCELLED_ALL", wait_until(lambda: pushed_status(rid, OrderStatus.CANCELLED_ALL), 10), "")

        ret, lst = trd.order_list_query(trd_env=TrdEnv.SIMULATE)
        step("order_list_query lists both orders", ret == RET_OK and {order_id, rid} <= set(lst["order_id"]), lst)
        ret, pos = trd.position_list_query(trd_env=TrdEnv.SIMULATE)
        step("position_list_query shows the position", ret == RET_OK and
             float(pos[pos["code"] == "HK.00700"]["qty"].sum()) >= 100, pos)
        ret, msg = trd.deal_list_query(trd_env=TrdEnv.SIMULATE)
        step("deal_list_query refused for SIMULATE as on OpenD", ret != RET_OK and "SIMULATE" in str(msg), msg)
        ret, msg = trd.order_fee_query([order_id], trd_env=TrdEnv.SIMULATE)
        step("order_fee_query refused for SIMULATE as on OpenD", ret != RET_OK and "SIMULATE" in str(msg), msg)

        pace()
        ret, msg = trd.place_order(price=round(resting + 0.1, 1), qty=100, code="HK.00700", trd_side=TrdSide.BUY, trd_env=TrdEnv.SIMULATE)
        step("off-tick order rejected with a message", ret != RET_OK and "minimum unit" in str(msg), msg)
        pace()
        ret, msg = trd.place_order(price=resting, qty=150, code="HK.00700", trd_side=TrdSide.BUY, trd_env=TrdEnv.SIMULATE)
        step("odd-lot order rejected with a message", ret != RET_OK and "lot size" in str(msg), msg)

        if with_real:
            real = accs[accs["trd_env"] == TrdEnv.REAL] if len(accs) else []
            step("a REAL HK account is listed", len(real) == 1, accs)
            ret, msg = place_marketable(trd, "HK.00700", TrdSide.BUY, 100, TrdEnv.REAL, quotes)
            step("REAL order refused while locked", ret != RET_OK and "unlock" in str(msg), msg)
            ret, msg = trd.unlock_trade(password="not-the-password")
            step("unlock_trade with a wrong password fails", ret != RET_OK, msg)
            ret, msg = trd.unlock_trade(password=password)
            step("unlock_trade with the right password succeeds", ret == RET_OK, msg)
            ret, info = trd.accinfo_query(trd_env=TrdEnv.REAL)
            real_cash_before = float(info["cash"].iloc[0]) if ret == RET_OK else float("nan")
            ret, placed = place_marketable(trd, "HK.00700", TrdSide.BUY, 100, TrdEnv.REAL, quotes)
            step("REAL place_order ok", ret == RET_OK, placed)
            real_id = placed["order_id"].iloc[0] if ret == RET_OK else None
            step("REAL fill arrives as a fill push",
                 wait_until(lambda: any((d["order_id"] == real_id).any() for d in deals.snapshot()), 10),
                 deals.snapshot())
            fills = [d for d in deals.snapshot() if (d["order_id"] == real_id).any()]
            if fills:
                step("fill push quantities add up", sum(float(d["qty"].sum()) for d in fills) == 100, fills)
            ret, dl = trd.deal_list_query(trd_env=TrdEnv.REAL)
            step("deal_list_query lists the REAL fills", ret == RET_OK and real_id in set(dl["order_id"]), dl)
            ret, fees = trd.order_fee_query([real_id], trd_env=TrdEnv.REAL)
            step("order_fee_query ok for the REAL order", ret == RET_OK and len(fees) == 1
                 and fees["order_id"].iloc[0] == real_id, fees)
            if ret == RET_OK and len(fees) == 1:
                details = fees["fee_details"].iloc[0]
                total = float(fees["fee_amount"].iloc[0])
                step("fee details are (title, amount) pairs that add up to fee_amount",
                     all(len(d) == 2 for d in details) and math.isclose(sum(v for _, v in details), total, abs_tol=1e-6),
                     details)
                step("HK fees itemise commission, platform fee, stamp duty and the levies",
                     {"Commission", "Platform fee", "Stamp duty", "SFC levy", "Trading fee", "Settlement fee"}
                     <= {t for t, _ in details}, details)
                dealt = sum(float(d["qty"]) * float(d["price"]) for _, d in dl[dl["order_id"] == real_id].iterrows())
                ret, info = trd.accinfo_query(trd_env=TrdEnv.REAL)
                cash_after = float(info["cash"].iloc[0]) if ret == RET_OK else float("nan")
                step("REAL cash fell by the dealt value plus the fees",
                     math.isclose(real_cash_before - cash_after, dealt + total, abs_tol=0.005),
                     f"{real_cash_before} - {cash_after} vs {dealt} + {total}")
    finally:
        trd.close()
        quotes.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--encrypted", action="store_true")
    ap.add_argument("--rsa-key")
    ap.add_argument("--trade-password", default="123456")
    ap.add_argument("--no-real", action="store_true")
    args = ap.parse_args()
    if args.encrypted:
        SysConfig.set_init_rsa_file(args.rsa_key)
    quote_steps(args.port, args.encrypted)
    trade_steps(args.port, args.encrypted, args.trade_password, with_real=not args.no_real)
    finish()


if __name__ == "__main__":
    main()
