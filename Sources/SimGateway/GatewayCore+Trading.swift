import Foundation
import NIOCore
import OpenDProtocol
import TradingKit

/// Trade requests: accounts, unlock, account push subscription, funds, positions, orders,
/// fills, and order placement / modification with PacketID de-duplication.
extension GatewayCore {
    /// The account a TrdHeader names, checked against its environment and market.
    func account(for header: TrdCommon_TrdHeader) -> Result<BrokerAccount, GatewayFailure> {
        guard let a = broker.account(header.accID) else {
            return .failure(GatewayFailure("Nonexisting acc_id \(header.accID)"))
        }
        guard a.environment.wireValue == header.trdEnv else {
            return .failure(GatewayFailure("acc_id \(header.accID) is not a \(header.trdEnv == 1 ? "REAL" : "SIMULATE") account"))
        }
        guard header.trdMarket == a.trdMarket else {
            return .failure(GatewayFailure("acc_id \(header.accID) has no permission for trade market \(header.trdMarket)"))
        }
        return .success(a)
    }

    func getAccList(_ frame: Frame, _ conn: UInt64) -> [Outgoing] {
        answer(frame, conn, TrdGetAccList_Request.self) { c2s in
            var s = TrdGetAccList_S2C()
            s.accList = broker.accounts.map(Wire.account)
            return .success(s)
        }
    }

    func unlockTrade(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, TrdUnlockTrade_Request.self) { c2s in
            if let problem = limiter.admit(.trdUnlockTrade, at: now) { return .failure(problem) }
            guard c2s.unlock else {
                broker.isUnlocked = false
                return .success(TrdUnlockTrade_S2C())
            }
            guard broker.accounts.contains(where: { $0.environment == .real }) else {
                return .failure("No REAL account needs unlocking (start the simulator with --with-real-accounts)")
            }
            guard let expected = configuration.tradePasswordMD5?.lowercased(), !expected.isEmpty else {
                return .failure("No trade password is set on this simulated OpenD (--trade-password-md5-file or $MOOTUI_TRADE_PASSWORD_MD5)")
            }
            guard c2s.pwdMd5.lowercased() == expected else {
                return .failure("Unlock failed: the trade password is incorrect")
            }
            let already = broker.isUnlocked
            broker.isUnlocked = true
            var r = TrdUnlockTrade_Response.success(TrdUnlockTrade_S2C())
            if already { r.retMsg = "Already unlocked" }
            return r
        }
    }

    func subAccPush(_ frame: Frame, _ conn: UInt64) -> [Outgoing] {
        answer(frame, conn, TrdSubAccPush_Request.self) { c2s in
            for id in c2s.accIdlist where broker.account(id) == nil {
                return .failure("Nonexisting acc_id \(id)")
            }
            connections[conn]?.accountPushes = Set(c2s.accIdlist)
            return .success(TrdSubAccPush_S2C())
        }
    }

    func getFunds(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, TrdGetFunds_Request.self) { c2s in
            switch account(for: c2s.header) {
            case let .failure(f): return .failure(f.message)
            case let .success(a):
                if let p = limiter.admit(.trdGetFunds, account: a.id, refreshing: c2s.refreshCache, at: now) { return .failure(p) }
                let frozen = broker.frozenCash(a.id)
                let mv = broker.marketValue(a.id)
                var f = TrdCommon_Funds()
                f.power = (a.cash - frozen).wireValue
                f.totalAssets = (a.cash + mv).wireValue
                f.cash = a.cash.wireValue
                f.marketVal = mv.wireValue
                f.frozenCash = frozen.wireValue
                f.debtCash = 0
                f.avlWithdrawalCash = (a.cash - frozen).wireValue
                f.currency = a.currencyWire
                f.availableFunds = (a.cash - frozen).wireValue
                let positions = broker.positions(of: a.id)
                f.unrealizedPl = positions.reduce(0.0) { sum, p in
                    sum + Price(micros: (market[p.code]?.last ?? .zero).micros * p.quantity - p.cost).wireValue
                }
                f.realizedPl = Price(micros: positions.reduce(0) { $0 + $1.realized }).wireValue
                f.riskLevel = -1
                f.netCashPower = (a.cash - frozen).wireValue
                f.longMv = mv.wireValue
                f.shortMv = 0
                f.maxWithdrawal = (a.cash - frozen).wireValue
                f.securitiesAssets = (a.cash + mv).wireValue
                var s = TrdGetFunds_S2C()
                s.header = c2s.header
                s.funds = f
                return .success(s)
            }
        }
    }

    func getPositions(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, TrdGetPositionList_Request.self) { c2s in
            switch account(for: c2s.header) {
            case let .failure(f): return .failure(f.message)
            case let .success(a):
                if let p = limiter.admit(.trdGetPositionList, account: a.id, refreshing: c2s.refreshCache, at: now) { return .failure(p) }
                var s = TrdGetPositionList_S2C()
                s.header = c2s.header
                let codes = Set(c2s.filterConditions.codeList)
                for p in broker.positions(of: a.id) where codes.isEmpty || codes.contains(p.code.symbol) || codes.contains(p.code.description) {
                    let last = market[p.code]?.last ?? p.averageCost
                    var w = TrdCommon_Position()
                    w.positionID = UInt64(truncatingIfNeeded: p.code.description.utf8.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1)) &* 1099511628211 } ^ a.id)
                    w.positionSide = p.quantity >= 0 ? 0 : 1
                    w.code = p.code.symbol
                    w.name = p.name
                    w.qty = Double(p.quantity)
                    w.canSellQty = Double(max(p.quantity - broker.pendingSell(a.id, p.code), 0))
                    w.price = last.wireValue
                    w.costPrice = p.averageCost.wireValue
                    w.averageCostPrice = p.averageCost.wireValue
                    w.dilutedCostPrice = p.averageCost.wireValue
                    w.val = Price(micros: last.micros * p.quantity).wireValue
                    let pl = last.micros * p.quantity - p.cost
                    w.plVal = Price(micros: pl).wireValue
                    w.unrealizedPl = Price(micros: pl).wireValue
                    w.realizedPl = Price(micros: p.realized).wireValue
                    if p.cost != 0 { w.plRatio = Double(pl) / Double(abs(p.cost)) }
                    w.secMarket = p.code.market.trdSecMarket
                    w.currency = a.currencyWire
                    w.trdMarket = a.trdMarket
                    s.positionList.append(w)
                }
                return .success(s)
            }
        }
    }

    func getMaxQtys(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, TrdGetMaxTrdQtys_Request.self) { c2s in
            switch account(for: c2s.header) {
            case let .failure(f): return .failure(f.message)
            case let .success(a):
                if let p = limiter.admit(.trdGetMaxTrdQtys, account: a.id, at: now) { return .failure(p) }
                guard let code = Wire.tradeCode(c2s.code, secMarket: c2s.hasSecMarket ? c2s.secMarket : nil, trdMarket: a.trdMarket),
                      let m = market[code] else { return .failure("Unknown stock code \(c2s.code)") }
                let price = c2s.orderType == 2 || c2s.price <= 0 ? (m.asks.first?.price ?? m.last) : Price(wire: c2s.price)
                let power = a.cash - broker.frozenCash(a.id)
                let unit = m.instrument.lotRules.step
                var maxBuy = broker.affordableQuantity(code, at: price, power: power, step: unit)
                if case .cnSTAR = m.instrument.lotRules.schedule, maxBuy < 200 { maxBuy = 0 }
                let held = broker.position(a.id, code)?.quantity ?? 0
                var q = TrdCommon_MaxTrdQtys()
                q.maxCashBuy = Double(max(maxBuy, 0))
                q.maxCashAndMarginBuy = Double(max(maxBuy, 0))
                q.maxPositionSell = Double(max(held - broker.pendingSell(a.id, code), 0))
                q.maxSellShort = 0
                q.maxBuyBack = 0
                var s = TrdGetMaxTrdQtys_S2C()
                s.header = c2s.header
                s.maxTrdQtys = q
                return .success(s)
            }
        }
    }

    private func filtered(_ orders: [BrokerOrder], _ cond: TrdCommon_TrdFilterConditions, _ statuses: [Int32]) -> [BrokerOrder] {
        let codes = Set(cond.codeList)
        let ids = Set(cond.idList)
        let idEx = Set(cond.orderIdexList)
        let st = Set(statuses)
        return orders.filter { o in
            (codes.isEmpty || codes.contains(o.code.symbol) || codes.contains(o.code.description))
                && (ids.isEmpty || ids.contains(o.id)) && (idEx.isEmpty || idEx.contains(String(o.id)))
                && (st.isEmpty || st.contains(o.status.rawValue))
        }
    }

    private func inRange(_ time: String, _ cond: TrdCommon_TrdFilterConditions) -> Bool {
        let t = ExchangeTime.parse(time) ?? 0
        if cond.hasBeginTime, let b = ExchangeTime.parse(cond.beginTime), t < b { return false }
        if cond.hasEndTime, var e = ExchangeTime.parse(cond.endTime) {
            if !cond.endTime.contains(" ") { e += 86_399 }
            if t > e { return false }
        }
        return true
    }

    func getOrders(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, TrdGetOrderList_Request.self) { c2s in
            switch account(for: c2s.header) {
            case let .failure(f): return .failure(f.message)
            case let .success(a):
                if let p = limiter.admit(.trdGetOrderList, account: a.id, refreshing: c2s.refreshCache, at: now) { return .failure(p) }
                // Today's orders plus anything still working.
                let orders = broker.orders(of: a.id).filter { o in
                    o.isWorking || o.createTime.hasPrefix(ExchangeTime(now, market: o.code.market).dateText)
                }
                var s = TrdGetOrderList_S2C()
                s.header = c2s.header
                s.orderList = filtered(orders, c2s.filterConditions, c2s.filterStatusList).map { Wire.order($0, account: a) }
                return .success(s)
            }
        }
    }

    func getHistoryOrders(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, TrdGetHistoryOrderList_Request.self) { c2s in
            switch account(for: c2s.header) {
            case let .failure(f): return .failure(f.message)
            case let .success(a):
                if let p = limiter.admit(.trdGetHistoryOrderList, account: a.id, at: now) { return .failure(p) }
                let orders = filtered(broker.orders(of: a.id), c2s.filterConditions, c2s.filterStatusList)
                    .filter { inRange($0.createTime, c2s.filterConditions) }
                var s = TrdGetHistoryOrderList_S2C()
                s.header = c2s.header
                s.orderList = orders.reversed().map { Wire.order($0, account: a) }
                return .success(s)
            }
        }
    }

    static let simulateFillsMessage = "Paper trading (SIMULATE) accounts have no deal (fill) records: follow the order status and filled quantity instead"

    func getFills(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, TrdGetOrderFillList_Request.self) { c2s in
            switch account(for: c2s.header) {
            case let .failure(f): return .failure(f.message)
            case let .success(a):
                guard a.environment == .real else { return .failure(Self.simulateFillsMessage) }
                if let p = limiter.admit(.trdGetOrderFillList, account: a.id, refreshing: c2s.refreshCache, at: now) { return .failure(p) }
                let codes = Set(c2s.filterConditions.codeList)
                var s = TrdGetOrderFillList_S2C()
                s.header = c2s.header
                s.orderFillList = broker.fills(of: a.id)
                    .filter { codes.isEmpty || codes.contains($0.code.symbol) || codes.contains($0.code.description) }
                    .map { Wire.fill($0, account: a) }
                return .success(s)
            }
        }
    }

    func getHistoryFills(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, TrdGetHistoryOrderFillList_Request.self) { c2s in
            switch account(for: c2s.header) {
            case let .failure(f): return .failure(f.message)
            case let .success(a):
                guard a.environment == .real else { return .failure(Self.simulateFillsMessage) }
                if let p = limiter.admit(.trdGetHistoryOrderFillList, account: a.id, at: now) { return .failure(p) }
                var s = TrdGetHistoryOrderFillList_S2C()
                s.header = c2s.header
                s.orderFillList = broker.fills(of: a.id).filter { inRange($0.time, c2s.filterConditions) }.reversed()
                    .map { Wire.fill($0, account: a) }
                return .success(s)
            }
        }
    }

    /// Answers a trade write, replaying the stored first answer for a repeated PacketID.
    private func tradeWrite<R: OpenDResponse>(
        _ frame: Frame, _ conn: UInt64, packet: Common_PacketID, _ type: R.Type, _ body: () -> (R, [BrokerEvent])
    ) -> [Outgoing] {
        let key = "\(frame.protoID):\(packet.connID):\(packet.serialNo)"
        if let stored = broker.packetResult(key) {
            return [Outgoing(connection: conn, frame: Frame(protoID: frame.protoID, serial: frame.serial, body: ByteBuffer(bytes: stored)))]
        }
        let (response, events) = body()
        let out = reply(frame, conn, response)
        do {
            try broker.commit(packetKey: key, response: Array(out.frame.body.readableBytesView))
        } catch {
            logger.error("ledger commit failed: \(error)")
            return [reply(frame, conn, R.failure("The simulated broker could not record the request: \(error)"))]
        }
        return [out] + tradePushes(events)
    }

    func placeOrder(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        guard let request: TrdPlaceOrder_Request = try? frame.decode(), request.isInitialized else {
            return [reply(frame, conn, TrdPlaceOrder_Response.failure("Malformed Trd_PlaceOrder request"))]
        }
        let c2s = request.c2S
        return tradeWrite(frame, conn, packet: c2s.packetID, TrdPlaceOrder_Response.self) {
            let fail = { (m: String) in (TrdPlaceOrder_Response.failure(m), [BrokerEvent]()) }
            if let p = limiter.admit(.trdPlaceOrder, account: c2s.header.accID, at: now) { return fail(p) }
            guard let side = OrderSide(wireValue: c2s.trdSide) else { return fail("Unknown trade side \(c2s.trdSide)") }
            guard let code = Wire.tradeCode(c2s.code, secMarket: c2s.hasSecMarket && c2s.secMarket != 0 ? c2s.secMarket : nil,
                                            trdMarket: c2s.header.trdMarket) else {
                return fail("Unknown stock code \(c2s.code)")
            }
            guard c2s.qty.isFinite, c2s.qty > 0, c2s.qty == c2s.qty.rounded(), c2s.qty < 1e12 else {
                return fail("Order quantity must be a positive whole number of shares, got \(c2s.qty)")
            }
            guard !c2s.hasPrice || c2s.price.isFinite else { return fail("Order price is not a number") }
            // OpenD honours 3 decimals for securities and drops the rest (reference F.4); US
            // prices under $1 keep their 4th decimal so the $0.0001 tick stays reachable.
            let price = Price(wire: c2s.price)
            let input = PlaceOrderInput(accountID: c2s.header.accID, environment: TradingEnvironment(wireValue: c2s.header.trdEnv),
                                        trdMarket: c2s.header.trdMarket, code: code, side: side, type: c2s.orderType,
                                        quantity: Int64(c2s.qty), price: price,
                                        timeInForce: c2s.hasTimeInForce ? c2s.timeInForce : 0, remark: c2s.remark)
            do {
                let (order, events) = try broker.place(input, at: now)
                var s = TrdPlaceOrder_S2C()
                s.header = c2s.header
                s.orderID = order.id
                s.orderIdex = String(order.id)
                return (.success(s), events)
            } catch {
                return fail((error as? BrokerRejection)?.message ?? "\(error)")
            }
        }
    }

    func modifyOrder(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        guard let request: TrdModifyOrder_Request = try? frame.decode(), request.isInitialized else {
            return [reply(frame, conn, TrdModifyOrder_Response.failure("Malformed Trd_ModifyOrder request"))]
        }
        let c2s = request.c2S
        return tradeWrite(frame, conn, packet: c2s.packetID, TrdModifyOrder_Response.self) {
            let fail = { (m: String) in (TrdModifyOrder_Response.failure(m), [BrokerEvent]()) }
            guard let a = broker.account(c2s.header.accID), a.environment.wireValue == c2s.header.trdEnv else {
                return fail("Nonexisting acc_id \(c2s.header.accID)")
            }
            if let p = limiter.admit(.trdModifyOrder, account: a.id, at: now) { return fail(p) }
            if a.environment == .real && !broker.isUnlocked {
                return fail("Trade is locked: please unlock trade first (Trd_UnlockTrade)")
            }
            var s = TrdModifyOrder_S2C()
            s.header = c2s.header
            if c2s.forAll {
                // OpenD has no cancel-all for paper accounts nor A-share Connect (HKCC) ones.
                guard a.environment == .real, a.trdMarket != 4 else { return fail(Self.cancelAllRefusal) }
                s.orderID = 0
                return (.success(s), broker.cancelAll(accountID: a.id, at: now))
            }
            let orderID = c2s.orderID != 0 ? c2s.orderID : UInt64(c2s.orderIdex) ?? 0
            s.orderID = orderID
            s.orderIdex = String(orderID)
            do {
                switch c2s.modifyOrderOp {
                case 1:
                    guard !c2s.hasQty || (c2s.qty.isFinite && c2s.qty == c2s.qty.rounded() && c2s.qty > 0 && c2s.qty < 1e12) else {
                        return fail("Order quantity must be a positive whole number of shares, got \(c2s.qty)")
                    }
                    let (_, events) = try broker.modify(
                        accountID: a.id, orderID: orderID, quantity: c2s.hasQty ? Int64(c2s.qty) : nil,
                        price: c2s.hasPrice && c2s.price > 0 ? Price(wire: c2s.price) : nil, at: now)
                    return (.success(s), events)
                case 2:
                    let (_, events) = try broker.cancel(accountID: a.id, orderID: orderID, at: now)
                    return (.success(s), events)
                default:
                    return fail(a.environment == .simulate
                        ? "Paper trading (SIMULATE) accounts only support modify (NORMAL) and CANCEL"
                        : "Modify operation \(c2s.modifyOrderOp) is not supported by the simulated OpenD")
                }
            } catch {
                return fail((error as? BrokerRejection)?.message ?? "\(error)")
            }
        }
    }
}
