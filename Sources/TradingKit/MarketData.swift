/// Latest quote of one security (from Qot_GetBasicQot / Qot_UpdateBasicQot).
public struct Quote: Sendable, Hashable {
    public var code: SecurityCode
    public var name: String
    public var last: Price
    public var open: Price
    public var high: Price
    public var low: Price
    public var previousClose: Price
    public var volume: Int64
    /// Turnover in the quote currency, exact to the millionth.
    public var turnover: Price
    /// The upward tick from `last`, as the gateway reports it.
    public var priceSpread: Price
    public var isSuspended: Bool
    /// Exchange-local "YYYY-MM-DD HH:MM:SS[.mmm]".
    public var updateTime: String
    /// Unix seconds, when the gateway sends them.
    public var updateTimestamp: Double?

    public init(code: SecurityCode, name: String = "", last: Price, open: Price = .zero, high: Price = .zero,
                low: Price = .zero, previousClose: Price = .zero, volume: Int64 = 0, turnover: Price = .zero,
                priceSpread: Price = .zero, isSuspended: Bool = false, updateTime: String = "",
                updateTimestamp: Double? = nil) {
        self.code = code; self.name = name; self.last = last; self.open = open; self.high = high; self.low = low
        self.previousClose = previousClose; self.volume = volume; self.turnover = turnover
        self.priceSpread = priceSpread; self.isSuspended = isSuspended; self.updateTime = updateTime
        self.updateTimestamp = updateTimestamp
    }

    /// last − previous close.
    public var change: Price { last - previousClose }
}

/// One price level of a depth ladder.
public struct BookLevel: Sendable, Hashable {
    public var price: Price
    public var volume: Int64
    public var orderCount: Int32

    public init(price: Price, volume: Int64, orderCount: Int32 = 0) {
        self.price = price; self.volume = volume; self.orderCount = orderCount
    }
}

/// Depth of one security: asks ascending, bids descending, best first on both sides.
public struct OrderBook: Sendable, Hashable {
    public var code: SecurityCode
    public var asks: [BookLevel]
    public var bids: [BookLevel]
    public var name: String

    public init(code: SecurityCode, asks: [BookLevel], bids: [BookLevel], name: String = "") {
        self.code = code; self.asks = asks; self.bids = bids; self.name = name
    }

    public var bestBid: BookLevel? { bids.first }
    public var bestAsk: BookLevel? { asks.first }
}

/// Who initiated a trade on the tape.
public enum TradeDirection: Int32, Sendable, Hashable, Codable {
    case neutral = 3
    /// Buyer-initiated (traded at the ask; wire "Bid" = 1).
    case buy = 1
    /// Seller-initiated (traded at the bid; wire "Ask" = 2).
    case sell = 2

    public init(wireValue: Int32) { self = TradeDirection(rawValue: wireValue) ?? .neutral }
}

/// One trade on the ticker tape (time & sales).
public struct Tick: Sendable, Hashable {
    /// Unique and increasing per security: the dedupe key.
    public var sequence: Int64
    public var time: String
    public var timestamp: Double?
    public var price: Price
    public var volume: Int64
    public var turnover: Price
    public var direction: TradeDirection

    public init(sequence: Int64, time: String, timestamp: Double? = nil, price: Price, volume: Int64,
                turnover: Price = .zero, direction: TradeDirection) {
        self.sequence = sequence; self.time = time; self.timestamp = timestamp; self.price = price
        self.volume = volume; self.turnover = turnover; self.direction = direction
    }
}

/// K-line periods mootui shows, with the two different wire numberings (SubType vs KLType).
public enum BarPeriod: String, Sendable, Hashable, CaseIterable, Codable {
    case oneMinute = "1m"
    case fiveMinutes = "5m"
    case fifteenMinutes = "15m"
    case thirtyMinutes = "30m"
    case sixtyMinutes = "60m"
    case day
    case week
    case month

    /// `Qot_Common.KLType`.
    public var klType: Int32 {
        switch self {
        case .oneMinute: return 1
        case .day: return 2
        case .week: return 3
        case .month: return 4
        case .fiveMinutes: return 6
        case .fifteenMinutes: return 7
        case .thirtyMinutes: return 8
        case .sixtyMinutes: return 9
        }
    }

    /// `Qot_Common.SubType` of the matching K-line subscription.
    public var subType: Int32 {
        switch self {
        case .oneMinute: return 11
        case .fiveMinutes: return 7
        case .fifteenMinutes: return 8
        case .thirtyMinutes: return 9
        case .sixtyMinutes: return 10
        case .day: return 6
        case .week: return 12
        case .month: return 13
        }
    }

    public init?(klType: Int32) {
        guard let p = BarPeriod.allCases.first(where: { $0.klType == klType }) else { return nil }
        self = p
    }

    public init?(subType: Int32) {
        guard let p = BarPeriod.allCases.first(where: { $0.subType == subType }) else { return nil }
        self = p
    }

    /// Length in seconds for intraday periods; nil for day and longer.
    public var seconds: Int? {
        switch self {
        case .oneMinute: return 60
        case .fiveMinutes: return 300
        case .fifteenMinutes: return 900
        case .thirtyMinutes: return 1800
        case .sixtyMinutes: return 3600
        case .day, .week, .month: return nil
        }
    }
}

/// One candle.
public struct Bar: Sendable, Hashable {
    /// Exchange-local "YYYY-MM-DD HH:MM:SS" (bar time).
    public var time: String
    public var timestamp: Double?
    public var open: Price
    public var high: Price
    public var low: Price
    public var close: Price
    public var volume: Int64
    public var turnover: Price
    /// A placeholder with only a time.
    public var isBlank: Bool

    public init(time: String, timestamp: Double? = nil, open: Price, high: Price, low: Price, close: Price,
                volume: Int64, turnover: Price = .zero, isBlank: Bool = false) {
        self.time = time; self.timestamp = timestamp; self.open = open; self.high = high; self.low = low
        self.close = close; self.volume = volume; self.turnover = turnover; self.isBlank = isBlank
    }
}

/// A quote subscription kind; each (security, kind) pair costs one unit of quota.
public enum SubscriptionType: Sendable, Hashable, Codable {
    case quote
    case orderBook
    case ticker
    case timeShare
    case kline(BarPeriod)

    /// `Qot_Common.SubType`.
    public var wireValue: Int32 {
        switch self {
        case .quote: return 1
        case .orderBook: return 2
        case .ticker: return 4
        case .timeShare: return 5
        case let .kline(p): return p.subType
        }
    }

    public init?(wireValue: Int32) {
        switch wireValue {
        case 1: self = .quote
        case 2: self = .orderBook
        case 4: self = .ticker
        case 5: self = .timeShare
        default:
            guard let p = BarPeriod(subType: wireValue) else { return nil }
            self = .kline(p)
        }
    }
}

/// Trading phase of a market (`Qot_Common.QotMarketState`), with the names traders use.
public struct MarketState: Sendable, Hashable, CustomStringConvertible {
    public var wireValue: Int32
    public init(wireValue: Int32) { self.wireValue = wireValue }

    public static let none = MarketState(wireValue: 0)
    public static let auction = MarketState(wireValue: 1)
    public static let waitingOpen = MarketState(wireValue: 2)
    public static let morning = MarketState(wireValue: 3)
    public static let rest = MarketState(wireValue: 4)
    public static let afternoon = MarketState(wireValue: 5)
    public static let closed = MarketState(wireValue: 6)
    public static let preMarket = MarketState(wireValue: 8)
    public static let afterHours = MarketState(wireValue: 10)
    public static let afterHoursEnd = MarketState(wireValue: 11)
    public static let closingAuction = MarketState(wireValue: 19)
    public static let overnight = MarketState(wireValue: 37)

    /// Continuous trading (morning or afternoon session).
    public var isTrading: Bool { self == .morning || self == .afternoon }

    public var description: String {
        switch wireValue {
        case 0: return "NONE"
        case 1: return "AUCTION"
        case 2: return "WAITING OPEN"
        case 3: return "MORNING"
        case 4: return "LUNCH"
        case 5: return "AFTERNOON"
        case 6: return "CLOSED"
        case 8: return "PRE-MARKET"
        case 9: return "PRE-MARKET END"
        case 10: return "AFTER HOURS"
        case 11: return "AFTER HOURS END"
        case 19: return "CLOSING AUCTION"
        case 37: return "OVERNIGHT"
        default: return "STATE \(wireValue)"
        }
    }
}

/// Security type (`Qot_Common.SecurityType`) as far as mootui distinguishes.
public enum SecurityKind: Int32, Sendable, Hashable, Codable {
    case unknown = 0
    case bond = 1
    case stock = 3
    /// ETFs and funds ("Trust").
    case fund = 4
    case warrant = 5
    case index = 6
    case option = 8
    case future = 10

    public init(wireValue: Int32) { self = SecurityKind(rawValue: wireValue) ?? .unknown }
}

/// Static facts about a security: name, board lot, type, listing.
public struct SecurityInfo: Sendable, Hashable {
    public var code: SecurityCode
    public var name: String
    public var lotSize: Int64
    public var kind: SecurityKind
    public var listTime: String
    /// True also for codes the gateway does not know.
    public var isDelisted: Bool

    public init(code: SecurityCode, name: String, lotSize: Int64, kind: SecurityKind, listTime: String = "",
                isDelisted: Bool = false) {
        self.code = code; self.name = name; self.lotSize = lotSize; self.kind = kind; self.listTime = listTime
        self.isDelisted = isDelisted
    }

    /// Tick rules for this security.
    public var tickRules: TickRules { TickRules.forCode(code, isFund: kind == .fund) }
    /// Lot rules for this security.
    public var lotRules: LotRules { LotRules.forCode(code, lotSize: lotSize) }
}

/// A market snapshot (Qot_GetSecuritySnapshot): needs no subscription.
public struct Snapshot: Sendable, Hashable {
    public var code: SecurityCode
    public var name: String
    public var kind: SecurityKind
    public var lotSize: Int64
    public var priceSpread: Price
    public var last: Price
    public var open: Price
    public var high: Price
    public var low: Price
    public var previousClose: Price
    public var volume: Int64
    public var turnover: Price
    public var bid: Price?
    public var ask: Price?
    public var bidVolume: Int64?
    public var askVolume: Int64?
    public var isSuspended: Bool
    public var updateTime: String

    public init(code: SecurityCode, name: String, kind: SecurityKind = .stock, lotSize: Int64, priceSpread: Price,
                last: Price, open: Price = .zero, high: Price = .zero, low: Price = .zero,
                previousClose: Price = .zero, volume: Int64 = 0, turnover: Price = .zero, bid: Price? = nil,
                ask: Price? = nil, bidVolume: Int64? = nil, askVolume: Int64? = nil, isSuspended: Bool = false,
                updateTime: String = "") {
        self.code = code; self.name = name; self.kind = kind; self.lotSize = lotSize; self.priceSpread = priceSpread
        self.last = last; self.open = open; self.high = high; self.low = low; self.previousClose = previousClose
        self.volume = volume; self.turnover = turnover; self.bid = bid; self.ask = ask; self.bidVolume = bidVolume
        self.askVolume = askVolume; self.isSuspended = isSuspended; self.updateTime = updateTime
    }
}
