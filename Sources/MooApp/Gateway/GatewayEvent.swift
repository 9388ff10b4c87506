import TradingKit

/// The gateway connection as the status bar shows it.
public enum ConnectionStatus: Sendable, Hashable {
    case connecting(attempt: Int)
    case live
    case disconnected(reason: String)
    case reconnecting(attempt: Int, delaySeconds: Double)
    case closed

    /// True while values on screen are current.
    public var isLive: Bool { self == .live }
}

/// A push from the gateway, in TradingKit values.
public enum GatewayEvent: Sendable, Hashable {
    case connection(ConnectionStatus)
    /// After a reconnect, every subscription has been replayed.
    case subscriptionsRestored
    case quote(Quote)
    case orderBook(OrderBook)
    case ticks(SecurityCode, [Tick])
    /// Prints of a code lost between the gateway and the screen (the UI fell behind a burst).
    case ticksDropped(SecurityCode, Int)
    case bars(SecurityCode, BarPeriod, [Bar])
    case order(Order)
    case fill(Fill)
    /// A price alert triggered on the gateway.
    case priceAlert(PriceAlertTrigger)
    case notice(String)
}

/// Subscription quota in use, as OpenD counts it.
public struct Quota: Sendable, Hashable {
    public var used: Int
    public var total: Int
    /// `used` of `total` subscription units.
    public init(used: Int, total: Int) { self.used = used; self.total = total }
}

/// How many orders may still be placed in the current rate window.
public struct OrderBudget: Sendable, Hashable {
    public var used: Int
    public var limit: Int
    /// Seconds until the next order may go, when none may go now.
    public var nextSlotSeconds: Double?
    /// `used` of `limit` order requests in the window; `nextSlotSeconds` when the budget is spent.
    public init(used: Int, limit: Int, nextSlotSeconds: Double? = nil) {
        self.used = used; self.limit = limit; self.nextSlotSeconds = nextSlotSeconds
    }

    /// "3/15 in 30 s", or when spent "15/15 in 30 s: next order in 12.4 s".
    public var summary: String {
        let base = "\(used)/\(limit) in 30 s"
        guard used >= limit, let wait = nextSlotSeconds else { return base }
        let tenths = Int((wait * 10).rounded(.up))
        return base + ": next order in \(tenths / 10).\(tenths % 10) s (it waits, it is not refused)"
    }
}
