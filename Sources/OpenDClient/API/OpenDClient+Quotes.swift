import OpenDProtocol
import TradingKit

extension OpenDClient {
    /// Most securities a snapshot (3203) or market-state (3223) request may carry.
    public static let maxSecuritiesPerRequest = 400
    /// Largest page the history K-line call asks for, as the official SDK does.
    public static let historyPageSize: Int32 = 1000

    /// Subscribes each code to each type and registers for their pushes (one quota unit per pair).
    public func subscribe(_ codes: [SecurityCode], _ types: [SubscriptionType]) async throws {
        try await connection.subscribe(codes.map(\.wireSecurity), subTypes: types.map(\.wireValue), registerPush: true)
    }

    /// Cancels subscriptions (OpenD refuses within 60 s of subscribing: `.unsubscribeTooEarly`).
    public func unsubscribe(_ codes: [SecurityCode], _ types: [SubscriptionType]) async throws {
        try await connection.unsubscribe(codes.map(\.wireSecurity), subTypes: types.map(\.wireValue))
    }

    /// Latest quotes of subscribed codes (3004; needs a `.quote` subscription).
    public func quotes(_ codes: [SecurityCode]) async throws -> [Quote] {
        var c = QotGetBasicQot_C2S()
        c.securityList = codes.map(\.wireSecurity)
        let s2c = try await connection.request(QotGetBasicQot_Request(c2s: c))
        return try s2c.basicQotList.map(Quote.init(wire:))
    }

    /// Snapshots (3203; no subscription needed), in batches of at most 400 codes.
    public func snapshots(_ codes: [SecurityCode]) async throws -> [Snapshot] {
        var result: [Snapshot] = []
        result.reserveCapacity(codes.count)
        for batch in codes.chunked(Self.maxSecuritiesPerRequest) {
            var c = QotGetSecuritySnapshot_C2S()
            c.securityList = batch.map(\.wireSecurity)
            let s2c = try await connection.request(QotGetSecuritySnapshot_Request(c2s: c))
            result += try s2c.snapshotList.map(Snapshot.init(wire:))
        }
        return result
    }

    /// Depth of a subscribed code, `depth` levels a side (3012; needs an `.orderBook` subscription).
    public func orderBook(_ code: SecurityCode, depth: Int = 10) async throws -> OrderBook {
        var c = QotGetOrderBook_C2S()
        c.security = code.wireSecurity
        c.num = Int32(clamping: max(depth, 1))
        let s2c = try await connection.request(QotGetOrderBook_Request(c2s: c))
        return try OrderBook(wire: s2c)
    }

    /// The latest `count` trades (≤ 1000) of a subscribed code, oldest first (3010; `.ticker`).
    public func ticks(_ code: SecurityCode, count: Int = 100) async throws -> [Tick] {
        var c = QotGetTicker_C2S()
        c.security = code.wireSecurity
        c.maxRetNum = Int32(clamping: min(max(count, 1), 1000))
        let s2c = try await connection.request(QotGetTicker_Request(c2s: c))
        return s2c.tickerList.map(Tick.init(wire:))
    }

    /// The latest `count` bars (≤ 1000, forward-adjusted) of a subscribed code (3006; `.kline(period)`).
    public func bars(_ code: SecurityCode, period: BarPeriod, count: Int = 100) async throws -> [Bar] {
        var c = QotGetKL_C2S()
        c.rehabType = 1
        c.klType = period.klType
        c.security = code.wireSecurity
        c.reqNum = Int32(clamping: min(max(count, 1), 1000))
        let s2c = try await connection.request(QotGetKL_Request(c2s: c))
        return s2c.klList.map(Bar.init(wire:))
    }

    /// Historical bars between two exchange-local times ("YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS"),
    /// following `nextReqKey` pages (3103; uses history K-line quota). Blank bars are skipped.
    public func historyBars(_ code: SecurityCode, period: BarPeriod, from: String, to: String) async throws -> [Bar] {
        var c = QotRequestHistoryKL_C2S()
        c.rehabType = 1
        c.klType = period.klType
        c.security = code.wireSecurity
        c.beginTime = from.count == 10 ? from + " 00:00:00" : from
        c.endTime = to.count == 10 ? to + " 23:59:59" : to
        c.maxAckKlnum = Self.historyPageSize
        var bars: [Bar] = []
        var seenKeys: Set<[UInt8]> = []
        while true {
            let s2c = try await connection.request(QotRequestHistoryKL_Request(c2s: c))
            for k in s2c.klList where !k.isBlank { bars.append(Bar(wire: k)) }
            guard s2c.hasNextReqKey, !s2c.nextReqKey.isEmpty else { return bars }
            guard seenKeys.insert(Array(s2c.nextReqKey)).inserted else { throw ClientError.pagingStalled(code) }
            c.nextReqKey = s2c.nextReqKey
        }
    }

    /// Static facts (3202). Codes OpenD does not know (answered as delisted, or missing from the
    /// reply) make the call fail with ``ClientError/unknownSecurity(_:)`` naming them.
    public func securityInfo(_ codes: [SecurityCode]) async throws -> [SecurityInfo] {
        var c = QotGetStaticInfo_C2S()
        c.securityList = codes.map(\.wireSecurity)
        let s2c = try await connection.request(QotGetStaticInfo_Request(c2s: c))
        let infos = try s2c.staticInfoList.map(SecurityInfo.init(wire:))
        let known = Dictionary(infos.filter { !$0.isDelisted }.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let unknown = codes.filter { known[$0] == nil }
        guard unknown.isEmpty else { throw ClientError.unknownSecurity(unknown) }
        return codes.map { known[$0]! }
    }

    /// Trading phase per code (3223), in batches of at most 400 codes.
    public func marketStates(_ codes: [SecurityCode]) async throws -> [SecurityCode: MarketState] {
        var result: [SecurityCode: MarketState] = [:]
        for batch in codes.chunked(Self.maxSecuritiesPerRequest) {
            var c = QotGetMarketState_C2S()
            c.securityList = batch.map(\.wireSecurity)
            let s2c = try await connection.request(QotGetMarketState_Request(c2s: c))
            for info in s2c.marketInfoList {
                result[try SecurityCode(wire: info.security)] = MarketState(wireValue: info.marketState)
            }
        }
        return result
    }

    /// Quota and this connection's subscriptions (3003). Pairs in markets or types mootui does
    /// not know are left out.
    public func subscriptionInfo() async throws -> SubscriptionStatus {
        var c = QotGetSubInfo_C2S()
        c.isReqAllConn = false
        let s2c = try await connection.request(QotGetSubInfo_Request(c2s: c))
        var own: [SecurityCode: Set<SubscriptionType>] = [:]
        for conn in s2c.connSubInfoList where conn.isOwnConnData {
            for sub in conn.subInfoList {
                guard let type = SubscriptionType(wireValue: sub.subType) else { continue }
                for security in sub.securityList {
                    guard let code = try? SecurityCode(wire: security) else { continue }
                    own[code, default: []].insert(type)
                }
            }
        }
        return SubscriptionStatus(used: Int(s2c.totalUsedQuota), remaining: Int(s2c.remainQuota), own: own)
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
