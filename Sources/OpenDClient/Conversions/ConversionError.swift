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

    /// One line for the trader.
    public var description: String {
        switch self {
        case .unknownQuoteMarket(let m, let code):
            return "unsupported quote market \(m) for code '\(code)' (mootui trades HK, US, SH, SZ)"
        case .unknownTradeMarket(let m, let code):
            return "unsupported trade security market \(m) for code '\(code)'"
        case .unknownSide(let s, let context):
            return "unknown trade side \(s) in \(context)"
        case .missingField(let field, let message):
            return "\(message) has no \(field)"
        case .accountCannotTrade(let accountID, let code, let trdMarket):
            return "account \(accountID) cannot trade \(code) (needs trade market \(trdMarket))"
        case .invalidRequest(let why):
            return "invalid request: \(why)"
        }
    }
}
