import OpenDProtocol

/// One item of ``OpenDConnection/events``: a state change or a server push, in arrival order.
public enum ConnectionEvent: Sendable {
    case state(ConnectionState)
    case push(Frame)
}
