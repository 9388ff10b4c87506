import TradingKit

/// A (security, SubType) pair: the unit of subscription quota and push registration.
struct SubscriptionKey: Hashable, Sendable {
    var code: SecurityCode
    var subType: Int32
}
