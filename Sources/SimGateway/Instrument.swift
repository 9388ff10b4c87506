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
        self.init(code: try! SecurityCode(parsing: code), name, lot: lot, price: Price(price)!, kind: kind,
                  listed: listed, volatility: volatility)
    }

    /// An instrument with an already checked code (index and future symbols such as HK.HSImain
    /// are not stock codes); the price is snapped onto its tick grid.
    public init(code: SecurityCode, _ name: String, lot: Int64, price: Price, kind: SecurityKind = .stock,
                listed: String = "2004-06-16", volatility: Double = 0.0006) {
        self.code = code
        self.name = name
        self.lotSize = lot
        self.kind = kind
        self.listTime = listed
        self.referencePrice = Self.tickRules(code, kind).floor(price)
        self.baseVolatility = volatility
    }

    /// Index points move by 0.01, futures by one point; securities follow their exchange's table.
    static func tickRules(_ code: SecurityCode, _ kind: SecurityKind) -> TickRules {
        switch kind {
        case .index: return TickRules(.fixed(Price(micros: 10_000)))
        case .future: return TickRules(.fixed(Price(units: 1)))
        default: return TickRules.forCode(code, isFund: kind == .fund)
        }
    }

    /// Legal price steps.
    public var tickRules: TickRules { Self.tickRules(code, kind) }
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
