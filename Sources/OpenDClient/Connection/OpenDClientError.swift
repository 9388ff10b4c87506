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

    public var description: String {
        switch self {
        case let .unreachable(endpoint, reason):
            return "cannot reach OpenD at \(endpoint): \(reason)"
        case let .handshakeFailed(why):
            return "OpenD refused the connection (InitConnect): \(why)"
        case let .gateway(protoID, retType, retMsg, errCode):
            let message = retMsg.isEmpty ? "no message" : retMsg
            let code = errCode.map { ", errCode \($0)" } ?? ""
            return "OpenD rejected request \(protoID): \(message) (retType \(retType)\(code))"
        case let .timeout(protoID, serial):
            return "no answer from OpenD to request \(protoID) (serial \(serial)) in time"
        case let .disconnected(why):
            return "connection to OpenD lost: \(why)"
        case .closed:
            return "connection to OpenD was shut down"
        case let .unsubscribeTooEarly(secondsLeft):
            return "cannot unsubscribe yet: OpenD requires 60 s after subscribing (\(secondsLeft) s left)"
        case let .quotaExceeded(used, needed, total):
            return "subscription quota exceeded: \(used) of \(total) used, \(needed) more needed"
        case let .protocolViolation(why):
            return "OpenD protocol violation: \(why)"
        }
    }
}
