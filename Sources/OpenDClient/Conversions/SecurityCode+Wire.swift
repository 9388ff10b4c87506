import OpenDProtocol
import TradingKit

extension SecurityCode {
    /// The code of a quote-side `Security{market, code}`; unknown markets are a typed error.
    public init(wire security: QotCommon_Security) throws {
        guard let market = Market(qotMarket: security.market) else {
            throw ConversionError.unknownQuoteMarket(security.market, code: security.code)
        }
        self.init(market: market, symbol: security.code)
    }

    /// The quote-side `Security{market, code}` for this code.
    public var wireSecurity: QotCommon_Security {
        var s = QotCommon_Security()
        s.market = market.qotMarket
        s.code = symbol
        return s
    }

    /// The code of a trade message's bare `code` + `secMarket`. When `secMarket` is absent or 0
    /// (older gateways), the market is inferred from the account's `trdMarket` and, for
    /// A-shares, the code's first digit (6 and 9 list in Shanghai, the rest in Shenzhen).
    public init(tradeCode code: String, secMarket: Int32?, trdMarket: Int32? = nil) throws {
        if let secMarket, secMarket != 0 {
            guard let market = Market(trdSecMarket: secMarket) else {
                throw ConversionError.unknownTradeMarket(secMarket, code: code)
            }
            self.init(market: market, symbol: code)
            return
        }
        switch trdMarket {
        case 1: self.init(market: .hk, symbol: code)
        case 2: self.init(market: .us, symbol: code)
        case 3, 4:
            let shanghai = code.first == "6" || code.first == "9"
            self.init(market: shanghai ? .sh : .sz, symbol: code)
        default:
            throw ConversionError.unknownTradeMarket(secMarket ?? 0, code: code)
        }
    }
}
