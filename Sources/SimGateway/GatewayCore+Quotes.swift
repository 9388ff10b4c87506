import Foundation
import NIOCore
import OpenDProtocol
import TradingKit

/// Quote requests: subscriptions with quota and the 60-s rule, push registration, first
/// pushes, and the Get* calls that need a subscription.
extension GatewayCore {
    static func subTypeName(_ t: Int32) -> String {
        switch t {
        case 1: return "QUOTE"
        case 2: return "ORDER_BOOK"
        case 4: return "TICKER"
        case 5: return "RT_DATA"
        case 14: return "BROKER"
        default: return BarPeriod(subType: t).map { "K_\($0.rawValue.uppercased())" } ?? "SubType \(t)"
        }
    }

    /// Resolves a security list, or says which code is unknown.
    func resolve(_ list: [QotCommon_Security]) -> Result<[SecurityCode], GatewayFailure> {
        var codes: [SecurityCode] = []
        for s in list {
            guard let code = Wire.code(s), market[code] != nil else {
                return .failure(GatewayFailure("Unknown stock: market \(s.market) code \(s.code)"))
            }
            codes.append(code)
        }
        return .success(codes)
    }

    func subscribe(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        guard let request: QotSub_Request = try? frame.decode(), request.isInitialized else {
            return [reply(frame, conn, QotSub_Response.failure("Malformed Qot_Sub request"))]
        }
        let c2s = request.c2S
        if !c2s.isSubOrUnSub {
            return unsubscribe(frame, conn, c2s, now)
        }
        let codes: [SecurityCode]
        switch resolve(c2s.securityList) {
        case let .success(c): codes = c
        case let .failure(f): return [reply(frame, conn, QotSub_Response.failure(f.message))]
        }
        guard !codes.isEmpty, !c2s.subTypeList.isEmpty else {
            return [reply(frame, conn, QotSub_Response.failure("Qot_Sub needs at least one security and one SubType"))]
        }
        for t in c2s.subTypeList where !Self.supportedSubTypes.contains(t) {
            return [reply(frame, conn, QotSub_Response.failure("SubType \(t) is not supported by the simulated OpenD"))]
        }
        var keys: [SubscriptionKey] = []
        for code in codes {
            for t in c2s.subTypeList {
                if t == 14 && code.market != .hk {
                    return [reply(frame, conn, QotSub_Response.failure("Broker queue (BROKER) is only available for HK securities: \(code)"))]
                }
                keys.append(SubscriptionKey(code: code, subType: t))
            }
        }
        let fresh = Set(keys.filter { subscriptions[$0] == nil })
        let used = subscriptions.count
        if used + fresh.count > configuration.quota {
            return [reply(frame, conn, QotSub_Response.failure(
                "Subscription quota exceeded: \(used) of \(configuration.quota) used, this request needs \(fresh.count) more (unsubscribe something first)"))]
        }
        for key in keys where subscriptions[key]?[conn] == nil {
            subscriptions[key, default: [:]][conn] = now
        }
        var out = [reply(frame, conn, QotSub_Response.success(QotSub_S2C()))] + usedQuotaNotification(conn)
        if c2s.hasIsRegOrUnRegPush && c2s.isRegOrUnRegPush {
            for key in keys { register(key, conn) }
            if !c2s.hasIsFirstPush || c2s.isFirstPush {
                for key in keys { out += firstPush(key, to: conn) }
            }
        }
        return out
    }

    private func unsubscribe(_ frame: Frame, _ conn: UInt64, _ c2s: QotSub_C2S, _ now: Date) -> [Outgoing] {
        var keys: [SubscriptionKey]
        if c2s.hasIsUnsubAll && c2s.isUnsubAll {
            keys = subscriptions.filter { $0.value[conn] != nil }.map(\.key)
        } else {
            let codes: [SecurityCode]
            switch resolve(c2s.securityList) {
            case let .success(c): codes = c
            case let .failure(f): return [reply(frame, conn, QotSub_Response.failure(f.message))]
            }
            keys = codes.flatMap { code in c2s.subTypeList.map { SubscriptionKey(code: code, subType: $0) } }
            keys = Array(Set(keys.filter { subscriptions[$0]?[conn] != nil }))
        }
        for key in keys {
            guard let since = subscriptions[key]?[conn] else { continue }
            let age = now.timeIntervalSince(since)
            if age < 60 {
                return [reply(frame, conn, QotSub_Response.failure(
                    "Unsubscribe failed: a subscription can only be cancelled 1 minute after it was made (\(key.code) \(Self.subTypeName(key.subType)) subscribed \(Int(age)) s ago)"))]
            }
        }
        for key in keys {
            subscriptions[key]?.removeValue(forKey: conn)
            if subscriptions[key]?.isEmpty == true { subscriptions.removeValue(forKey: key) }
            unregister(key, conn)
        }
        return [reply(frame, conn, QotSub_Response.success(QotSub_S2C()))] + usedQuotaNotification(conn)
    }

    func register(_ key: SubscriptionKey, _ conn: UInt64) {
        replay?.start(at: clock.now())
        connections[conn]?.registered.insert(key)
        registrations[key, default: []].insert(conn)
    }

    func unregister(_ key: SubscriptionKey, _ conn: UInt64) {
        connections[conn]?.registered.remove(key)
        registrations[key]?.remove(conn)
        if registrations[key]?.isEmpty == true { registrations.removeValue(forKey: key) }
    }

    func registerPush(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        guard let request: QotRegQotPush_Request = try? frame.decode(), request.isInitialized else {
            return [reply(frame, conn, QotRegQotPush_Response.failure("Malformed Qot_RegQotPush request"))]
        }
        let c2s = request.c2S
        let codes: [SecurityCode]
        switch resolve(c2s.securityList) {
        case let .success(c): codes = c
        case let .failure(f): return [reply(frame, conn, QotRegQotPush_Response.failure(f.message))]
        }
        let keys = codes.flatMap { code in c2s.subTypeList.map { SubscriptionKey(code: code, subType: $0) } }
        if c2s.isRegOrUnReg {
            for key in keys where subscriptions[key]?[conn] == nil {
                return [reply(frame, conn, QotRegQotPush_Response.failure(
                    "Please subscribe \(key.code) \(Self.subTypeName(key.subType)) before registering its push"))]
            }
            for key in keys { register(key, conn) }
        } else {
            for key in keys { unregister(key, conn) }
        }
        var out = [reply(frame, conn, QotRegQotPush_Response.success(QotRegQotPush_S2C()))]
        if c2s.isRegOrUnReg && (!c2s.hasIsFirstPush || c2s.isFirstPush) {
            for key in keys { out += firstPush(key, to: conn) }
        }
        return out
    }

    func subInfo(_ c2s: QotGetSubInfo_C2S, _ conn: UInt64) -> QotGetSubInfo_S2C {
        var s = QotGetSubInfo_S2C()
        let conns = c2s.isReqAllConn ? connections.keys.sorted() : [conn]
        for c in conns {
            var info = QotCommon_ConnSubInfo()
            var byType: [Int32: [SecurityCode]] = [:]
            for (key, holders) in subscriptions where holders[c] != nil { byType[key.subType, default: []].append(key.code) }
            for (t, codes) in byType.sorted(by: { $0.key < $1.key }) {
                var si = QotCommon_SubInfo()
                si.subType = t
                si.securityList = codes.sorted().map(Wire.security)
                info.subInfoList.append(si)
            }
            info.usedQuota = Int32(byType.values.reduce(0) { $0 + $1.count })
            info.isOwnConnData = c == conn
            s.connSubInfoList.append(info)
        }
        s.totalUsedQuota = Int32(subscriptions.count)
        s.remainQuota = Int32(max(configuration.quota - subscriptions.count, 0))
        return s
    }

    /// Fails unless some connection on this gateway holds the subscription.
    func requireSubscription(_ code: SecurityCode, _ subType: Int32) -> String? {
        subscriptions[SubscriptionKey(code: code, subType: subType)] == nil
            ? "Please subscribe to \(code) \(Self.subTypeName(subType)) first (Get* quote calls read the subscription's data)"
            : nil
    }

    func getBasicQot(_ frame: Frame, _ conn: UInt64) -> [Outgoing] {
        answer(frame, conn, QotGetBasicQot_Request.self) { c2s in
            switch resolve(c2s.securityList) {
            case let .failure(f): return .failure(f.message)
            case let .success(codes):
                for code in codes { if let problem = requireSubscription(code, 1) { return .failure(problem) } }
                var s = QotGetBasicQot_S2C()
                s.basicQotList = codes.map { Wire.basicQot(market[$0]!) }
                return .success(s)
            }
        }
    }

    func single(_ sec: QotCommon_Security, _ subType: Int32) -> Result<InstrumentMarket, GatewayFailure> {
        guard let code = Wire.code(sec), let m = market[code] else {
            return .failure(GatewayFailure("Unknown stock: market \(sec.market) code \(sec.code)"))
        }
        if let problem = requireSubscription(code, subType) { return .failure(GatewayFailure(problem)) }
        return .success(m)
    }

    func getKL(_ frame: Frame, _ conn: UInt64) -> [Outgoing] {
        answer(frame, conn, QotGetKL_Request.self) { c2s in
            guard let period = BarPeriod(klType: c2s.klType) else { return .failure("Unsupported K-line type \(c2s.klType)") }
            switch single(c2s.security, period.subType) {
            case let .failure(f): return .failure(f.message)
            case let .success(m):
                guard c2s.reqNum > 0 else { return .failure("reqNum must be positive") }
                var s = QotGetKL_S2C()
                s.security = c2s.security
                s.name = m.instrument.name
                s.klList = market.bars(m.instrument.code, period, count: Int(min(c2s.reqNum, 1000))).map(Wire.kline)
                return .success(s)
            }
        }
    }

    func getRT(_ frame: Frame, _ conn: UInt64) -> [Outgoing] {
        answer(frame, conn, QotGetRT_Request.self) { c2s in
            switch single(c2s.security, 5) {
            case let .failure(f): return .failure(f.message)
            case let .success(m):
                var s = QotGetRT_S2C()
                s.security = c2s.security
                s.name = m.instrument.name
                s.rtList = m.timeShare.map { Wire.timeShare($0, previousClose: m.previousClose) }
                return .success(s)
            }
        }
    }

    func getTicker(_ frame: Frame, _ conn: UInt64) -> [Outgoing] {
        answer(frame, conn, QotGetTicker_Request.self) { c2s in
            switch single(c2s.security, 4) {
            case let .failure(f): return .failure(f.message)
            case let .success(m):
                var s = QotGetTicker_S2C()
                s.security = c2s.security
                s.name = m.instrument.name
                s.tickerList = m.tape.suffix(Int(max(0, min(c2s.maxRetNum, 1000)))).map(Wire.ticker)
                return .success(s)
            }
        }
    }

    func orderBook(_ m: InstrumentMarket, depth: Int) -> QotGetOrderBook_S2C {
        var s = QotGetOrderBook_S2C()
        s.security = Wire.security(m.instrument.code)
        s.name = m.instrument.name
        s.orderBookAskList = Wire.bookLevels(m.asks, depth)
        s.orderBookBidList = Wire.bookLevels(m.bids, depth)
        if !m.updateTime.isEmpty {
            s.svrRecvTimeBid = m.updateTime
            s.svrRecvTimeAsk = m.updateTime
            s.svrRecvTimeBidTimestamp = m.updateTimestamp
            s.svrRecvTimeAskTimestamp = m.updateTimestamp
        }
        return s
    }

    func getOrderBook(_ frame: Frame, _ conn: UInt64) -> [Outgoing] {
        answer(frame, conn, QotGetOrderBook_Request.self) { c2s in
            switch single(c2s.security, 2) {
            case let .failure(f): return .failure(f.message)
            case let .success(m):
                guard c2s.num > 0 else { return .failure("num must be positive") }
                return .success(orderBook(m, depth: Int(min(c2s.num, Int32(InstrumentMarket.depth)))))
            }
        }
    }

    /// A deterministic broker queue built from the book (HK only).
    func brokers(_ m: InstrumentMarket) -> (asks: [QotCommon_Broker], bids: [QotCommon_Broker]) {
        let names = ["高盛(亚洲)", "摩根士丹利", "瑞银", "中银国际", "汇丰证券", "富途证券", "华泰金控", "中金香港"]
        func side(_ levels: [BookLevel], _ salt: Int64) -> [QotCommon_Broker] {
            levels.prefix(5).enumerated().map { i, l in
                var b = QotCommon_Broker()
                let n = Int((l.volume / max(m.instrument.lotSize, 1) + salt + Int64(i)) % Int64(names.count))
                b.id = Int64(1000 + n * 111)
                b.name = names[n]
                b.pos = Int32(i + 1)
                return b
            }
        }
        return (side(m.asks, 3), side(m.bids, 5))
    }

    func getBroker(_ frame: Frame, _ conn: UInt64) -> [Outgoing] {
        answer(frame, conn, QotGetBroker_Request.self) { c2s in
            switch single(c2s.security, 14) {
            case let .failure(f): return .failure(f.message)
            case let .success(m):
                var s = QotGetBroker_S2C()
                s.security = c2s.security
                s.name = m.instrument.name
                (s.brokerAskList, s.brokerBidList) = brokers(m)
                return .success(s)
            }
        }
    }

    func getStaticInfo(_ frame: Frame, _ conn: UInt64) -> [Outgoing] {
        answer(frame, conn, QotGetStaticInfo_Request.self) { c2s in
            var s = QotGetStaticInfo_S2C()
            if !c2s.securityList.isEmpty {
                s.staticInfoList = c2s.securityList.map { sec in
                    guard let code = Wire.code(sec), let m = market[code] else { return Wire.unknownStaticInfo(sec) }
                    return Wire.staticInfo(m.instrument, id: Int64(market.codes.firstIndex(of: code)! + 1))
                }
            } else {
                for (i, instrument) in market.instruments.enumerated() {
                    if c2s.hasMarket && instrument.code.market.qotMarket != c2s.market { continue }
                    if c2s.hasSecType && c2s.secType != 0 && instrument.kind.rawValue != c2s.secType { continue }
                    s.staticInfoList.append(Wire.staticInfo(instrument, id: Int64(i + 1)))
                }
            }
            return .success(s)
        }
    }

    func getSnapshot(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, QotGetSecuritySnapshot_Request.self) { c2s in
            if let problem = limiter.admit(.qotGetSecuritySnapshot, at: now) { return .failure(problem) }
            guard c2s.securityList.count <= 400 else { return .failure("At most 400 securities per snapshot request") }
            switch resolve(c2s.securityList) {
            case let .failure(f): return .failure(f.message)
            case let .success(codes):
                var s = QotGetSecuritySnapshot_S2C()
                s.snapshotList = codes.map { Wire.snapshot(market[$0]!) }
                return .success(s)
            }
        }
    }

    func getMarketState(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, QotGetMarketState_Request.self) { c2s in
            if let problem = limiter.admit(.qotGetMarketState, at: now) { return .failure(problem) }
            guard c2s.securityList.count <= 400 else { return .failure("At most 400 securities per market-state request") }
            switch resolve(c2s.securityList) {
            case let .failure(f): return .failure(f.message)
            case let .success(codes):
                var s = QotGetMarketState_S2C()
                s.marketInfoList = codes.map { code in
                    var i = QotGetMarketState_MarketInfo()
                    i.security = Wire.security(code)
                    i.name = market[code]!.instrument.name
                    i.marketState = market.state(code.market, at: now).wireValue
                    return i
                }
                return .success(s)
            }
        }
    }

    func requestHistoryKL(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, QotRequestHistoryKL_Request.self) { c2s in
            guard let period = BarPeriod(klType: c2s.klType) else { return .failure("Unsupported K-line type \(c2s.klType)") }
            guard let code = Wire.code(c2s.security), market[code] != nil else {
                return .failure("Unknown stock: market \(c2s.security.market) code \(c2s.security.code)")
            }
            guard var begin = ExchangeTime.parse(c2s.beginTime), var end = ExchangeTime.parse(c2s.endTime) else {
                return .failure("beginTime and endTime must be \"YYYY-MM-DD\" or \"YYYY-MM-DD HH:MM:SS\"")
            }
            if !c2s.endTime.contains(" ") { end += 86_399 }
            if begin > end { swap(&begin, &end) }
            let firstPage = !c2s.hasNextReqKey || c2s.nextReqKey.isEmpty
            if firstPage {
                if let problem = limiter.admit(.qotRequestHistoryKL, at: now) { return .failure(problem) }
                if historyQuota[code] == nil {
                    guard historyQuota.count < configuration.quota else {
                        return .failure("History K-line quota exhausted: \(historyQuota.count) of \(configuration.quota) securities used in the last 30 days")
                    }
                    historyQuota[code] = now
                }
            }
            let offset = firstPage ? 0 : max(Int(String(decoding: c2s.nextReqKey, as: UTF8.self)) ?? 0, 0)
            let all = market.bars(code, period, from: begin, to: end)
            let pageSize = c2s.hasMaxAckKlnum && c2s.maxAckKlnum > 0 ? min(Int(c2s.maxAckKlnum), 1000) : 1000
            let page = all.dropFirst(offset).prefix(pageSize)
            var s = QotRequestHistoryKL_S2C()
            s.security = c2s.security
            s.name = market[code]!.instrument.name
            s.klList = page.map(Wire.kline)
            if offset + page.count < all.count { s.nextReqKey = Data(String(offset + page.count).utf8) }
            return .success(s)
        }
    }

    func historyKLQuota(_ frame: Frame, _ conn: UInt64) -> [Outgoing] {
        answer(frame, conn, QotRequestHistoryKLQuota_Request.self) { c2s in
            var s = QotRequestHistoryKLQuota_S2C()
            s.usedQuota = Int32(historyQuota.count)
            s.remainQuota = Int32(max(configuration.quota - historyQuota.count, 0))
            if c2s.bGetDetail {
                s.detailList = historyQuota.sorted { $0.key < $1.key }.map { code, date in
                    var d = QotRequestHistoryKLQuota_DetailItem()
                    d.security = Wire.security(code)
                    d.name = market[code]?.instrument.name ?? ""
                    d.requestTime = ExchangeTime(date, market: code.market).text
                    d.requestTimeStamp = Int64(date.timeIntervalSince1970)
                    return d
                }
            }
            return .success(s)
        }
    }
}

