import TradingKit

/// What the gateway says about its own health, for the HUD: local bookkeeping, no request.
public struct GatewayHealth: Sendable, Hashable {
    /// Request → reply over the last minute, in seconds; nil when nothing was answered in it.
    public var roundTripP50: Double?
    public var roundTripP99: Double?
    /// Requests answered in the last minute.
    public var roundTripCount: Int
    /// Pushes received so far (all time: the app turns two readings into a rate).
    public var pushes: Int
    /// Pushes replaced by a newer one of the same code before the screen took them.
    public var conflatedPushes: Int
    /// Pushes (ticker prints) lost because the screen fell behind.
    public var droppedPushes: Int
    /// Every rate-limited API's use of its window.
    public var budgets: [APIBudget]
    /// Links lost after being up.
    public var reconnects: Int
    /// The newest link failure and how many seconds ago it was.
    public var lastError: String?
    public var lastErrorAgoSeconds: Double?

    public init(
        roundTripP50: Double? = nil, roundTripP99: Double? = nil, roundTripCount: Int = 0, pushes: Int = 0,
        conflatedPushes: Int = 0, droppedPushes: Int = 0, budgets: [APIBudget] = [], reconnects: Int = 0,
        lastError: String? = nil, lastErrorAgoSeconds: Double? = nil
    ) {
        self.roundTripP50 = roundTripP50; self.roundTripP99 = roundTripP99; self.roundTripCount = roundTripCount
        self.pushes = pushes; self.conflatedPushes = conflatedPushes; self.droppedPushes = droppedPushes
        self.budgets = budgets; self.reconnects = reconnects; self.lastError = lastError
        self.lastErrorAgoSeconds = lastErrorAgoSeconds
    }
}

/// One rate-limited API: `used` of `limit` requests in its sliding window.
public struct APIBudget: Sendable, Hashable {
    public var name: String
    public var used: Int
    public var limit: Int
    public var windowSeconds: Int

    public init(name: String, used: Int, limit: Int, windowSeconds: Int) {
        self.name = name; self.used = used; self.limit = limit; self.windowSeconds = windowSeconds
    }
}
