/// Why a connection or a request failed; each description is one clear line for the trader.
public enum OpenDClientError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreachable(endpoint: String, reason: String)
    case handshakeFailed(String)
    case gateway(protoID: UInt32, retType: Int32, retMsg: String, errCode: Int32?)
    case timeout(protoID: UInt32, serial: UInt32)
    case disconnected(String)
    case closed
    case unsubscribeTooEarly(secondsLeft: Int)
    case quotaExceeded(used: Int, needed: Int, total: Int)
    case protocolViolation(String)
    /// An order refused before sending: OpenD's limit (`limit` per `window`) would hold it back
    /// for `nextIn`, longer than the connection lets an order wait.
    case rateLimited(protoID: UInt32, limit: Int, window: Duration, nextIn: Duration)

    /// One line saying what went wrong.
    public var description: String {
        switch self {
        case .unreachable(let endpoint, let reason):
            return "cannot reach OpenD at \(endpoint): \(reason)"
        case .handshakeFailed(let why):
            return "OpenD refused the connection (InitConnect): \(why)"
        case .gateway(let protoID, let retType, let retMsg, let errCode):
            let message = retMsg.isEmpty ? "no message" : retMsg
            let code = errCode.map { ", errCode \($0)" } ?? ""
            return "OpenD rejected request \(protoID): \(message) (retType \(retType)\(code))"
        case .timeout(let protoID, let serial):
            return "no answer from OpenD to request \(protoID) (serial \(serial)) in time"
        case .disconnected(let why):
            return "connection to OpenD lost: \(why)"
        case .closed:
            return "connection to OpenD was shut down"
        case .unsubscribeTooEarly(let secondsLeft):
            return "cannot unsubscribe yet: OpenD requires 60 s after subscribing (\(secondsLeft) s left)"
        case .quotaExceeded(let used, let needed, let total):
            return "subscription quota exceeded: \(used) of \(total) used, \(needed) more needed"
        case .protocolViolation(let why):
            return "OpenD protocol violation: \(why)"
        case .rateLimited(let protoID, let limit, let window, let nextIn):
            let what = protoID == 2202 ? "orders" : protoID == 2205 ? "order changes" : "requests \(protoID)"
            let tenths = Int((nextIn / .milliseconds(100)).rounded(.up))
            return "not sent: OpenD allows \(limit) \(what) per \(window.components.seconds) s"
                + " and the next may go in \(tenths / 10).\(tenths % 10) s"
        }
    }
}
