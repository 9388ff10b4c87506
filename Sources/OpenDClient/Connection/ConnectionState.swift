/// Where the connection is in its life, as shown to the trader.
public enum ConnectionState: Sendable, Hashable {
    case idle
    case connecting(attempt: Int)
    case connected(ConnectionInfo)
    case disconnected(reason: String)
    case reconnecting(attempt: Int, delay: Duration)
    /// After a reconnect: every kept subscription (security, type pair) was replayed.
    case resubscribed(subscriptions: Int)
    case closed
}
