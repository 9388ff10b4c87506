import TradingKit

/// Market-data pushes conflated before the app sees them: the newest book, quote and K-line
/// per code and sub-type, and every print (or a count of those lost), taken in one go.
public struct PushFeed: Sendable {
    /// Registers what to call (from any thread, at most once between two takes) when pushes wait.
    public var onWaiting: @Sendable (@escaping @Sendable () -> Void) -> Void
    /// What changed since the last take.
    public var take: @Sendable () -> [GatewayEvent]

    /// A feed from its two closures.
    public init(
        onWaiting: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void,
        take: @escaping @Sendable () -> [GatewayEvent]
    ) {
        self.onWaiting = onWaiting
        self.take = take
    }
}
