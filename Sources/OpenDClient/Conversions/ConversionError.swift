import TradingKit

/// Why a wire message could not be turned into a TradingKit value (or a request built).
public enum ConversionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `QotMarket` number mootui does not trade (e.g. 2 HK futures, 31 Singapore).
    case unknownQuoteMarket(Int32, code: String)
    /// A `TrdSecMarket` number mootui does not trade, with no way to infer the market.
    case unknownTradeMarket(Int32, code: String)
    /// A `TrdSide` that is neither buy nor sell (0 unknown).
    case unknownSide(Int32, context: String)
    /// A message arrived without a field mootui cannot do without.
    case missingField(String, message: String)
    /// The account cannot trade the security's market in its environment.
    case accountCannotTrade(accountID: UInt64, code: SecurityCode, trdMarket: Int32)
    /// A request value that cannot go on the wire (non-positive quantity, market order with a remark too long…).
    case invalidRequest(String)

    public var description: String {
        switch self {
        case let .unknownQuoteMarket(m, code):
            return "unsupported quote market \(m) for code '\(code)' (mootui trades HK, US, SH, SZ)"
        case let .unknownTradeMarket(m, code):
            return "unsupported trade security market \(m) for code '\(code)'"
        case let .unknownSide(s, context):
            return "unknown trade side \(s) in \(context)"
        case let .missingField(field, message):
            return "\(message) has no \(field)"
        case let .accountCannotTrade(accountID, code, trdMarket):
            return "account \(accountID) cannot trade \(code) (needs trade market \(trdMarket))"
        case let .invalidRequest(why):
            return "invalid request: \(why)"
        }
    }
}
