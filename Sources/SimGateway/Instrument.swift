import TradingKit

/// One listed security the simulator makes a market in: static facts plus its starting price.
public struct Instrument: Sendable, Hashable {
    /// The OpenD code, e.g. HK.00700.
    public let code: SecurityCode
    /// The name OpenD shows (CJK where the exchange lists it so).
    public let name: String
    /// Board lot reported in static info and snapshots.
    public let lotSize: Int64
    /// Stock or fund (ETF).
    public let kind: SecurityKind
    /// Listing date, "YYYY-MM-DD".
    public let listTime: String
    /// Previous close the simulated day starts from.
    public let referencePrice: Price
    /// Typical relative move per update (before volatility clustering).
    public let baseVolatility: Double

    /// An instrument; the price is snapped onto its tick grid.
    public init(_ code: String, _ name: String, lot: Int64, price: String, kind: SecurityKind = .stock,
                listed: String = "2004-06-16", volatility: Double = 0.0006) {
        let parsed = try! SecurityCode(parsing: code)
        self.code = parsed
        self.name = name
        self.lotSize = lot
        self.kind = kind
        self.listTime = listed
        let rules = TickRules.forCode(parsed, isFund: kind == .fund)
        self.referencePrice = rules.floor(Price(price)!)
        self.baseVolatility = volatility
    }

    /// Legal price steps.
    public var tickRules: TickRules { TickRules.forCode(code, isFund: kind == .fund) }
    /// Legal quantities.
    public var lotRules: LotRules { LotRules.forCode(code, lotSize: lotSize) }
    /// Unit a book level and a tape print are sized in.
    public var tradingUnit: Int64 {
        switch code.market {
        case .hk: return lotSize
        case .us: return 1
        case .sh, .sz: return 100
        }
    }
}
