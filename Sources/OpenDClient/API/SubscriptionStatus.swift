import TradingKit

/// The gateway's view of quote subscriptions (Qot_GetSubInfo): quota and this connection's pairs.
public struct SubscriptionStatus: Sendable, Hashable {
    /// Quota units used by every connection of this OpenD.
    public var used: Int
    /// Quota units left.
    public var remaining: Int
    /// What this connection holds, per security.
    public var own: [SecurityCode: Set<SubscriptionType>]

    /// Values as reported.
    public init(used: Int, remaining: Int, own: [SecurityCode: Set<SubscriptionType>]) {
        self.used = used; self.remaining = remaining; self.own = own
    }

    /// used + remaining.
    public var total: Int { used + remaining }
}
