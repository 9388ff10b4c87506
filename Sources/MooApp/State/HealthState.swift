import TradingKit

/// The health HUD's state: whether it shows, the gateway's last reading, and what the reducer
/// notes from pushes (newest push per code, clock skew).
public struct HealthState: Sendable, Equatable {
    /// A push older than this many seconds is stale: the status bar shows its age, the HUD lists the code.
    public static let staleAfter = 5.0

    public var isShown = false
    /// The newest reading and the monotonic second it was taken.
    public var gateway: GatewayHealth?
    public var sampledAt: Double?
    /// Pushes per second between the last two readings.
    public var pushRate: Double?
    /// Monotonic seconds of the newest push per code.
    public var lastPushByCode: [SecurityCode: Double] = [:]
    /// Local wall clock minus OpenD's timestamp of the newest stamped push, in seconds
    /// (positive: the push arrived after its stamp).
    public var pushSkew: Double?

    public init() {}

    /// Codes of `codes` whose newest push is at least ``staleAfter`` old at `now`, with their
    /// age in whole seconds, oldest first (codes that never had a push are not listed).
    public func stalePushes(of codes: [SecurityCode], now: Double) -> [(code: SecurityCode, age: Int)] {
        codes.compactMap { code -> (code: SecurityCode, age: Int)? in
            guard let at = lastPushByCode[code], now - at >= Self.staleAfter else { return nil }
            return (code, Int((now - at).rounded(.down)))
        }
        .sorted { $0.age != $1.age ? $0.age > $1.age : $0.code.description < $1.code.description }
    }
}
