import OpenDProtocol

/// One item of ``OpenDConnection/events``: a state change or a server push, in arrival order.
public enum ConnectionEvent: Sendable {
    case state(ConnectionState)
    case push(Frame)
    /// Several pushes that arrived in one read from the socket, in order. Delivered together so a
    /// busy feed wakes the consumer once per read instead of once per push.
    case pushes([Frame])
}
