import OpenDProtocol

/// What the health HUD shows about a connection, read in one go (a few locks, no request).
public struct ConnectionHealth: Sendable, Hashable {
    /// Request → reply over the last minute; nil when nothing was answered in it.
    public var roundTrip: RoundTripSummary?
    /// Pushes received since the connection was made (conflated or not).
    public var pushes: Int
    /// Pushes replaced in their slot by a newer one before the UI took them.
    public var conflatedPushes: Int
    /// Ticker prints lost off a full ring, plus pushes refused for want of a slot.
    public var droppedPushes: Int
    /// Every rate-limited protocol's use of its window, by protocol id.
    public var budgets: [RateBudgetLine]
    /// Links lost after being up (each starts a reconnect).
    public var reconnects: Int
    /// The newest link failure (a drop or a failed reconnect attempt), and how long ago.
    public var lastError: String?
    public var lastErrorAgo: Duration?

    public init(roundTrip: RoundTripSummary?, pushes: Int, conflatedPushes: Int, droppedPushes: Int,
                budgets: [RateBudgetLine], reconnects: Int, lastError: String?, lastErrorAgo: Duration?) {
        self.roundTrip = roundTrip; self.pushes = pushes; self.conflatedPushes = conflatedPushes
        self.droppedPushes = droppedPushes; self.budgets = budgets; self.reconnects = reconnects
        self.lastError = lastError; self.lastErrorAgo = lastErrorAgo
    }
}

/// One rate-limited protocol's budget.
public struct RateBudgetLine: Sendable, Hashable {
    public var protoID: UInt32
    public var used: Int
    public var limit: Int
    public var window: Duration

    public init(protoID: UInt32, used: Int, limit: Int, window: Duration) {
        self.protoID = protoID; self.used = used; self.limit = limit; self.window = window
    }
}

/// Link failures the HUD reports: kept under the connection's lock.
struct LinkFailures {
    var reconnects = 0
    var lastError: String?
    var lastErrorAt: Duration?

    mutating func note(_ reason: String, at: Duration, reconnecting: Bool) {
        if reconnecting { reconnects += 1 }
        lastError = reason
        lastErrorAt = at
    }
}

extension OpenDConnection {
    /// The connection's health now: round trips, push counts, every rate budget (trade limits
    /// for `accountID`), reconnects and the last link error.
    public func health(accountID: UInt64?) -> ConnectionHealth {
        let now = clock.now()
        let (trips, ordinaryPushes, failures, budgets) = core.withLockedValue { core in
            let budgets = core.limiter.rules.keys.sorted().map { proto -> RateBudgetLine in
                let b = core.limiter.budget(for: proto, accountID: accountID, at: now)
                return RateBudgetLine(
                    protoID: proto, used: b.used, limit: b.limit, window: core.limiter.rules[proto]?.window ?? .zero)
            }
            return (core.roundTrips.summary(at: now), core.ordinaryPushes, core.failures, budgets)
        }
        let slots = pushSlots.counters
        return ConnectionHealth(
            roundTrip: trips, pushes: ordinaryPushes + slots.offered, conflatedPushes: slots.conflated,
            droppedPushes: slots.droppedPrints + slots.overflowed, budgets: budgets, reconnects: failures.reconnects,
            lastError: failures.lastError, lastErrorAgo: failures.lastErrorAt.map { now - $0 })
    }
}
