import TradingKit

/// Why a typed client call failed after the gateway answered (transport errors are ``OpenDClientError``).
public enum ClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// OpenD does not know these codes (static info answers them as delisted, quotes reject them).
    case unknownSecurity([SecurityCode])
    /// The reply lacked something the call promises (e.g. no funds, no order id).
    case incompleteReply(String)
    /// History paging did not advance: the gateway returned the same key twice.
    case pagingStalled(SecurityCode)

    /// One line for the trader.
    public var description: String {
        switch self {
        case .unknownSecurity(let codes):
            return "unknown security: \(codes.map(\.description).joined(separator: ", "))"
        case .incompleteReply(let what):
            return "incomplete reply from OpenD: \(what)"
        case .pagingStalled(let code):
            return "history K-line paging for \(code) did not advance"
        }
    }
}
