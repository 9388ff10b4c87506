#!/usr/bin/env python3
"""The calls an SDK user's everyday scripts make, checked with the official SDK's own parser
against `mootui sim`: stock filter, trading days, watchlist groups, price reminders (and their
push), plates, capital flow and distribution, rehab factors, cash flow, margin ratios, trading
info, cancel-all, and OpenD's error (not a hang) for a call the simulator does not serve.

    sdk_calls.py --port N [--trade-password PW] [--phase first|restarted]

Expects a sim started with --with-real-accounts and MOOTUI_TRADE_PASSWORD_MD5=md5(PW). Phase `first`
(the default) runs everything and leaves a watchlist group and a price reminder behind; phase
`restarted` (after the sim restarted on the same --data) checks that both were kept.
Exits 0 only if every step passed.
"""
import argparse
import datetime as dt
import math
import threading
import time

from moomoo import *  # noqa: F401,F403  (the SDK's documented import style)

from sdk_steps import finish, step, wait_until

GROUP = "Practice"


class Reminders(PriceReminderHandlerBase):
    def __init__(self):
        super().__init__()
        self.lock = threading.Lock()
        self.items = []

    def on_recv_rsp(self, rsp_pb):
        ret, data = super().on_recv_rsp(rsp_pb)
        if ret == RET_OK:
            with self.lock:
                self.items.append(data)
        return ret, data

    def snapshot(self):
        with self.lock:
            return list(self.items)


def stock_filter_steps(q):
    price = SimpleFilter()
    price.stock_field = StockField.CUR_PRICE
    price.filter_min = 2
    price.filter_max = 1000
    price.is_no_filter = False
    ratio = FinancialFilter()
    ratio.stock_field = StockField.CURRENT_RATIO
    ratio.filter_min = 0.5
    ratio.filter_max = 150
    ratio.is_no_filter = False
    ratio.sort = SortDir.ASCEND
    ratio.quarter = FinancialQuarter.ANNUAL
    ret, data = q.get_stock_filter(market=Market.HK, filter_list=[price, ratio])
    step("get_stock_filter (simple + financial) ok", ret == RET_OK, data)
    if ret != RET_OK:
        return
    last_page, all_count, items = data
    step("filter found HK stocks", 0 < len(items) == all_count and last_page, (len(items), all_count, last_page))
    step("filter results are HK stocks", all(i.stock_code.startswith("HK.") and i.stock_name for i in items),
         [i.stock_code for i in items])
    step("filter honours the price range", all(2 <= i.cur_price <= 1000 for i in items), [i.cur_price for i in items])
    step("filter honours the financial range", all(0.5 <= i[ratio] <= 150 for i in items), [i[ratio] for i in items])
    values = [i[ratio] for i in items]
    step("filter sorted ascending", values == sorted(values), values)
    step("item[simple_filter] is cur_price", all(i[price] == i.cur_price for i in items), "")

    everything = SimpleFilter()
    everything.stock_field = StockField.MARKET_VAL
    everything.sort = SortDir.DESCEND
    ret, page1 = q.get_stock_filter(market=Market.HK, filter_list=[everything], begin=0, num=4)
    ret2, page2 = q.get_stock_filter(market=Market.HK, filter_list=[everything], begin=4, num=4)
    step("filter paging ok", ret == RET_OK and ret2 == RET_OK, (page1, page2))
    if ret == RET_OK and ret2 == RET_OK:
        codes1 = [i.stock_code for i in page1[2]]
        codes2 = [i.stock_code for i in page2[2]]
        step("pages of 4, not the last page", len(codes1) == 4 and len(codes2) == 4 and not page1[0], (codes1, codes2))
        step("pages do not overlap", not set(codes1) & set(codes2), (codes1, codes2))
        caps = [i.market_val for i in page1[2] + page2[2]]
        step("sorted by market value, descending", caps == sorted(caps, reverse=True) and caps[-1] > 0, caps)
        step("all_count counts every HK stock", page1[1] >= 10, page1[1])

    change = AccumulateFilter()
    change.stock_field = StockField.CHANGE_RATE
    change.days = 5
    ret, data = q.get_stock_filter(market=Market.SH, filter_list=[change], num=50)
    step("accumulate filter over A-shares ok", ret == RET_OK and len(data[2]) > 0, data)
    if ret == RET_OK:
        step("A-share filter covers SH and SZ", {i.stock_code[:2] for i in data[2]} == {"SH", "SZ"},
             [i.stock_code for i in data[2]])
        step("accumulate value present", all(isinstance(i[change], float) for i in data[2]), "")

    ret, data = q.get_stock_filter(market=Market.HK, filter_list=[everything], plate_code="HK.BK1004")
    step("filter within a plate", ret == RET_OK and {i.stock_code for i in data[2]} <= {"HK.00700", "HK.09988", "HK.03690", "HK.08083"}
         and len(data[2]) >= 3, data)

    pattern = PatternFilter()
    pattern.stock_field = StockField.MA_ALIGNMENT_LONG
    pattern.ktype = KLType.K_DAY
    ret, msg = q.get_stock_filter(market=Market.HK, filter_list=[pattern])
    step("pattern filter refused with a message", ret != RET_OK and "not supported" in str(msg), msg)


def trading_days_steps(q):
    ret, days = q.request_trading_days(market=TradeDateMarket.HK, start="2026-11-02", end="2026-11-15")
    step("request_trading_days ok", ret == RET_OK, days)
    if ret == RET_OK:
        step("trading days are the weekdays", [d["time"] for d in days] ==
             ["2026-11-0%d" % d for d in (2, 3, 4, 5, 6, 9)] + ["2026-11-1%d" % d for d in (0, 1, 2, 3)], days)
        step("whole trading days", all(d["trade_date_type"] == TradeDateType.WHOLE for d in days), days)
    ret, days = q.request_trading_days(code="US.AAPL", start="2026-11-06", end="2026-11-09")
    step("trading days by code", ret == RET_OK and [d["time"] for d in days] == ["2026-11-06", "2026-11-09"], days)


def watchlist_steps(q):
    ret, groups = q.get_user_security_group(UserSecurityGroupType.ALL)
    step("get_user_security_group ok", ret == RET_OK, groups)
    if ret == RET_OK:
        names = list(groups["group_name"])
        step("system and custom groups listed", "全部" in names and "港股" in names and "自选" in names, groups)
    ret, msg = q.modify_user_security(GROUP, ModifyUserSecurityOp.ADD, ["HK.00700", "US.AAPL", "SZ.000001"])
    step("modify_user_security ADD ok", ret == RET_OK, msg)
    ret, data = q.get_user_security(GROUP)
    step("get_user_security lists the added codes", ret == RET_OK and list(data["code"]) == ["HK.00700", "US.AAPL", "SZ.000001"], data)
    if ret == RET_OK:
        step("watchlist rows carry lot size and name", int(data[data["code"] == "HK.00700"]["lot_size"].iloc[0]) == 100
             and data[data["code"] == "HK.00700"]["name"].iloc[0] == "腾讯控股", data)
    ret, data = q.get_user_security("美股")
    step("system group shows the market's codes", ret == RET_OK and "US.AAPL" in list(data["code"])
         and all(c.startswith("US.") for c in data["code"]), data)
    ret, msg = q.modify_user_security(GROUP, ModifyUserSecurityOp.MOVE_OUT, ["SZ.000001"])
    ret2, data = q.get_user_security(GROUP)
    step("MOVE_OUT removes from the group", ret == RET_OK and ret2 == RET_OK and "SZ.000001" not in list(data["code"]), (msg, data))
    ret, msg = q.modify_user_security("全部", ModifyUserSecurityOp.ADD, ["HK.00700"])
    step("system group cannot be modified", ret != RET_OK and "System group" in str(msg), msg)
    ret, msg = q.get_user_security("No such group")
    step("unknown group refused", ret != RET_OK, msg)
    ret, msg = q.modify_user_security(GROUP, ModifyUserSecurityOp.ADD, ["HK.99999"])
    step("unknown code refused", ret != RET_OK and "Unknown stock" in str(msg), msg)


def reminder_steps(q):
    handler = Reminders()
    q.set_handler(handler)
    ret, snap = q.get_market_snapshot(["HK.00700"])
    last = float(snap["last_price"].iloc[0])
    ret, key = q.set_price_reminder("HK.00700", SetPriceReminderOp.ADD, reminder_type=PriceReminderType.PRICE_UP,
                                    reminder_freq=PriceReminderFreq.ONCE, value=round(last * 0.5, 1), note="half")
    step("set_price_reminder ADD ok", ret == RET_OK and int(key) > 0, key)
    step("triggered reminder pushed", wait_until(lambda: any(r["key"] == key for r in handler.snapshot()), 15), handler.snapshot())
    pushed = [r for r in handler.snapshot() if r["key"] == key]
    if pushed:
        r = pushed[0]
        step("reminder push fields", r["code"] == "HK.00700" and r["note"] == "half" and r["reminder_type"] == PriceReminderType.PRICE_UP
             and math.isclose(r["set_value"], round(last * 0.5, 1)) and r["cur_value"] >= r["set_value"] and r["price"] > 0, r)
    ret, far = q.set_price_reminder("HK.00700", SetPriceReminderOp.ADD, reminder_type=PriceReminderType.PRICE_UP,
                                    reminder_freq=PriceReminderFreq.ALWAYS, value=round(last * 3, 1), note="far")
    step("second reminder ADD ok", ret == RET_OK and far != key, far)
    ret, lst = q.get_price_reminder(code="HK.00700")
    step("get_price_reminder lists both", ret == RET_OK and {key, far} <= set(lst["key"]), lst)
    if ret == RET_OK:
        once = lst[lst["key"] == key].iloc[0]
        step("ONCE reminder disabled after it fired", not bool(once["enable"]), once.to_dict())
    ret, msg = q.set_price_reminder("HK.00700", SetPriceReminderOp.MODIFY, key=far, reminder_type=PriceReminderType.PRICE_DOWN,
                                    reminder_freq=PriceReminderFreq.ONCE_A_DAY, value=round(last * 0.2, 1), note="floor")
    ret2, lst = q.get_price_reminder(market=Market.HK)
    row = lst[lst["key"] == far].iloc[0] if ret2 == RET_OK and (lst["key"] == far).any() else None
    step("MODIFY changes the reminder", ret == RET_OK and row is not None and row["reminder_type"] == PriceReminderType.PRICE_DOWN
         and row["note"] == "floor" and row["reminder_freq"] == PriceReminderFreq.ONCE_A_DAY, (msg, lst))
    ret, msg = q.set_price_reminder("HK.00700", SetPriceReminderOp.DEL, key=key)
    ret2, lst = q.get_price_reminder(code="HK.00700")
    step("DEL removes one reminder", ret == RET_OK and ret2 == RET_OK and key not in set(lst["key"]) and far in set(lst["key"]), lst)
    ret, msg = q.set_price_reminder("HK.00700", SetPriceReminderOp.DEL, key=123)
    step("DEL of an unknown key refused", ret != RET_OK, msg)


def plate_steps(q):
    ret, plates = q.get_plate_list(Market.HK, Plate.INDUSTRY)
    step("get_plate_list ok", ret == RET_OK and "HK.BK1004" in list(plates["code"]), plates)
    if ret == RET_OK:
        step("industry plates only", set(plates["plate_type"]) == {Plate.INDUSTRY} if "plate_type" in plates else True, plates)
    ret, stocks = q.get_plate_stock("HK.BK1004")
    step("get_plate_stock ok", ret == RET_OK and {"HK.00700", "HK.09988"} <= set(stocks["code"]), stocks)
    ret, owner = q.get_owner_plate(["HK.00700", "US.AAPL"])
    step("get_owner_plate ok", ret == RET_OK and "HK.BK1004" in set(owner[owner["code"] == "HK.00700"]["plate_code"])
         and "US.BK2901" in set(owner[owner["code"] == "US.AAPL"]["plate_code"]), owner)
    ret, msg = q.get_plate_stock("HK.BK9999")
    step("unknown plate refused", ret != RET_OK, msg)


def capital_steps(q):
    ret, flow = q.get_capital_flow("HK.00700")
    step("get_capital_flow (intraday) ok", ret == RET_OK and len(flow) > 0, flow)
    if ret == RET_OK and len(flow) > 0:
        row = flow.iloc[-1]
        parts = row["super_in_flow"] + row["big_in_flow"] + row["mid_in_flow"] + row["sml_in_flow"]
        step("flow parts add up", math.isclose(parts, row["in_flow"], rel_tol=1e-6, abs_tol=1e-3), row.to_dict())
        step("main = super + big", math.isclose(row["main_in_flow"], row["super_in_flow"] + row["big_in_flow"], rel_tol=1e-6, abs_tol=1e-3), "")
    ret, flow = q.get_capital_flow("HK.00700", period_type=PeriodType.DAY, start="2026-01-01", end="2026-12-31")
    step("get_capital_flow (daily) ok", ret == RET_OK and len(flow) > 20, flow)
    ret, dist = q.get_capital_distribution("HK.00700")
    step("get_capital_distribution ok", ret == RET_OK and len(dist) == 1, dist)
    if ret == RET_OK:
        d = dist.iloc[0]
        step("distribution non-negative", all(d[k] >= 0 for k in ("capital_in_big", "capital_in_mid", "capital_in_small",
                                                                 "capital_out_big", "capital_out_mid", "capital_out_small")), d.to_dict())


def rehab_steps(q):
    ret, rehab = q.get_rehab("HK.00700")
    step("get_rehab ok", ret == RET_OK, rehab)
    if ret == RET_OK:
        step("yearly cash dividends with factors", len(rehab) >= 4 and all(rehab["per_cash_div"] > 0)
             and all(rehab["forward_adj_factorB"] == -rehab["per_cash_div"]), rehab)
        step("ex-dividend dates ascending", list(rehab["ex_div_date"]) == sorted(rehab["ex_div_date"]), rehab)


def trade_steps(port, password):
    trd = OpenSecTradeContext(filter_trdmarket=TrdMarket.HK, host="127.0.0.1", port=port)
    q = OpenQuoteContext(host="127.0.0.1", port=port)
    try:
        ret, msg = trd.unlock_trade(password=password)
        step("unlock_trade ok", ret == RET_OK, msg)
        ret, info = trd.acctradinginfo_query(OrderType.NORMAL, "HK.00700", 400.0, trd_env=TrdEnv.SIMULATE)
        step("acctradinginfo_query ok", ret == RET_OK and float(info["max_cash_buy"].iloc[0]) >= 100
             and float(info["max_cash_buy"].iloc[0]) % 100 == 0, info)
        ret, ratio = trd.get_margin_ratio(["HK.00700", "HK.08083"])
        step("get_margin_ratio ok", ret == RET_OK and len(ratio) == 2, ratio)
        if ret == RET_OK:
            big = ratio[ratio["code"] == "HK.00700"].iloc[0]
            penny = ratio[ratio["code"] == "HK.08083"].iloc[0]
            step("margin terms plausible", bool(big["is_long_permit"]) and not bool(penny["is_long_permit"])
                 and 0 < big["im_long_ratio"] < 100 and big["mm_long_ratio"] <= big["mcm_long_ratio"] <= big["im_long_ratio"], ratio)

        ret, snap = q.get_market_snapshot(["HK.00700"])
        ask = float(snap["ask_price"].iloc[0])
        ret, placed = trd.place_order(price=round(ask * 1.02, 0), qty=100, code="HK.00700", trd_side=TrdSide.BUY, trd_env=TrdEnv.REAL)
        step("REAL marketable order ok", ret == RET_OK, placed)
        today = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).strftime("%Y-%m-%d")
        ret, flows = trd.get_acc_cash_flow(clearing_date=today, trd_env=TrdEnv.REAL)
        step("get_acc_cash_flow ok", ret == RET_OK and len(flows) >= 1, flows)
        if ret == RET_OK and len(flows):
            step("cash flow of the purchase is an outflow", all(flows["cashflow_direction"] == CashFlowDirection.OUT)
                 and all(flows["cashflow_amount"] < 0) and all(flows["currency"] == Currency.HKD), flows)
        ret, msg = trd.get_acc_cash_flow(clearing_date=today, trd_env=TrdEnv.SIMULATE)
        step("cash flow refused for SIMULATE", ret != RET_OK and "SIMULATE" in str(msg), msg)

        bid = float(snap["bid_price"].iloc[0])
        resting = round(math.floor(bid * 0.8 / 0.2) * 0.2, 1)
        ids = []
        for _ in range(2):
            ret, placed = trd.place_order(price=resting, qty=100, code="HK.00700", trd_side=TrdSide.BUY, trd_env=TrdEnv.REAL)
            step("REAL resting order ok", ret == RET_OK, placed)
            if ret == RET_OK:
                ids.append(placed["order_id"].iloc[0])
        ret, msg = trd.cancel_all_order(trd_env=TrdEnv.REAL)
        step("cancel_all_order (REAL) ok", ret == RET_OK, msg)
        ret, lst = trd.order_list_query(trd_env=TrdEnv.REAL)
        step("every working REAL order cancelled", ret == RET_OK and
             all(lst[lst["order_id"] == i]["order_status"].iloc[0] == OrderStatus.CANCELLED_ALL for i in ids), lst)
        ret, msg = trd.cancel_all_order(trd_env=TrdEnv.SIMULATE)
        step("cancel_all_order refused for SIMULATE with OpenD's words", ret != RET_OK and "暂不支持全部撤单" in str(msg), msg)
    finally:
        trd.close()
        q.close()


def unsupported_steps(q):
    started = time.monotonic()
    ret, msg = q.get_ipo_list(Market.HK)
    step("unserved call answered with an error, no hang", ret != RET_OK and time.monotonic() - started < 5, msg)
    ret, snap = q.get_market_snapshot(["HK.00700"])
    step("connection still usable afterwards", ret == RET_OK, snap)


def restarted_steps(q):
    ret, data = q.get_user_security(GROUP)
    step("watchlist group kept across a restart", ret == RET_OK and list(data["code"]) == ["HK.00700", "US.AAPL"], data)
    ret, lst = q.get_price_reminder(code="HK.00700")
    step("price reminder kept across a restart", ret == RET_OK and list(lst["note"]) == ["floor"], lst)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--trade-password", default="123456")
    ap.add_argument("--phase", choices=["first", "restarted"], default="first")
    args = ap.parse_args()
    q = OpenQuoteContext(host="127.0.0.1", port=args.port)
    try:
        if args.phase == "restarted":
            restarted_steps(q)
        else:
            stock_filter_steps(q)
            trading_days_steps(q)
            watchlist_steps(q)
            reminder_steps(q)
            plate_steps(q)
            capital_steps(q)
            rehab_steps(q)
            unsupported_steps(q)
    finally:
        q.close()
    if args.phase == "first":
        trade_steps(args.port, args.trade_password)
    finish()


if __name__ == "__main__":
    main()
