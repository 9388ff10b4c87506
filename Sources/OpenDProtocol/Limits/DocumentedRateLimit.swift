/// One of OpenD's documented request limits (protocol reference E.8): `limit` requests per
/// sliding `window` (request k and k+limit must be more than `window` apart), optionally at
/// least `minimumSpacing` apart. Kept here once: the client waits inside these limits, the
/// simulated OpenD refuses what breaks them.
public struct DocumentedRateLimit: Sendable, Hashable {
    /// Requests allowed within `window`.
    public var limit: Int
    /// The sliding window the limit is counted over (30 s for every documented limit).
    public var window: Duration
    /// Least time between two consecutive requests (place 0.02 s, modify 0.04 s).
    public var minimumSpacing: Duration
    /// True when OpenD counts the limit per trading account rather than per user.
    public var perAccount: Bool
    /// True when only requests with `refreshCache` count (reads of OpenD's cache are free).
    public var countsOnlyWhenRefreshing: Bool

    /// A limit from its parts.
    public init(limit: Int, window: Duration = .seconds(30), minimumSpacing: Duration = .zero, perAccount: Bool,
                countsOnlyWhenRefreshing: Bool = false) {
        self.limit = limit
        self.window = window
        self.minimumSpacing = minimumSpacing
        self.perAccount = perAccount
        self.countsOnlyWhenRefreshing = countsOnlyWhenRefreshing
    }

    /// The documented limits of the protocols mootui speaks; a protocol not listed is unlimited
    /// (Get* reads from subscriptions, Qot_Sub, GetGlobalState, KeepAlive).
    public static let all: [ProtoID: DocumentedRateLimit] = {
        var limits: [ProtoID: DocumentedRateLimit] = [
            .trdPlaceOrder: DocumentedRateLimit(limit: 15, minimumSpacing: .milliseconds(20), perAccount: true),
            .trdModifyOrder: DocumentedRateLimit(limit: 20, minimumSpacing: .milliseconds(40), perAccount: true),
            .trdUnlockTrade: DocumentedRateLimit(limit: 10, perAccount: false),
            .qotGetSecuritySnapshot: DocumentedRateLimit(limit: 60, perAccount: false),
            .qotGetMarketState: DocumentedRateLimit(limit: 10, perAccount: false),
            .qotRequestHistoryKL: DocumentedRateLimit(limit: 60, perAccount: false),
        ]
        // Quote calls that read OpenD's servers rather than a subscription (reference E.8).
        let perUser: [(ProtoID, Int)] = [
            (.qotStockFilter, 10), (.qotRequestTradeDate, 30), (.qotGetUserSecurityGroup, 10), (.qotGetUserSecurity, 10),
            (.qotModifyUserSecurity, 10), (.qotSetPriceReminder, 60), (.qotGetPriceReminder, 10), (.qotGetPlateSet, 10),
            (.qotGetPlateSecurity, 10), (.qotGetOwnerPlate, 10), (.qotGetCapitalFlow, 30), (.qotGetCapitalDistribution, 30),
            (.qotRequestRehab, 60), (.trdGetMarginRatio, 10),
        ]
        for (proto, limit) in perUser { limits[proto] = DocumentedRateLimit(limit: limit, perAccount: false) }
        limits[.trdFlowSummary] = DocumentedRateLimit(limit: 20, perAccount: true)
        for proto: ProtoID in [.trdGetMaxTrdQtys, .trdGetHistoryOrderList, .trdGetOrderFee, .trdGetHistoryOrderFillList] {
            limits[proto] = DocumentedRateLimit(limit: 10, perAccount: true)
        }
        for proto: ProtoID in [.trdGetFunds, .trdGetPositionList, .trdGetOrderList, .trdGetOrderFillList] {
            limits[proto] = DocumentedRateLimit(limit: 10, perAccount: true, countsOnlyWhenRefreshing: true)
        }
        return limits
    }()
}
