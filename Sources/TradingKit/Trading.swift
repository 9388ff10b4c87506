/// A trading account as Trd_GetAccList lists it.
public struct Account: Sendable, Hashable, Codable {
    public var id: UInt64
    public var environment: TradingEnvironment
    /// `Trd_Common.TrdMarket` values this account may trade.
    public var markets: [Int32]
    /// `Trd_Common.TrdAccType` (1 cash, 2 margin).
    public var accountType: Int32
    /// `Trd_Common.SimAccType` for simulate accounts.
    public var simulateType: Int32?
    /// `Trd_Common.SecurityFirm`.
    public var securityFirm: Int32?
    public var cardNumber: String

    public init(id: UInt64, environment: TradingEnvironment, markets: [Int32], accountType: Int32 = 1,
                simulateType: Int32? = nil, securityFirm: Int32? = nil, cardNumber: String = "") {
        self.id = id; self.environment = environment; self.markets = markets; self.accountType = accountType
        self.simulateType = simulateType; self.securityFirm = securityFirm; self.cardNumber = cardNumber
    }

    /// True when this account can trade `market` in `environment`'s terms.
    public func trades(_ market: Market) -> Bool { markets.contains(market.trdMarket(env: environment)) }
}

/// Cash and buying power of an account.
public struct Funds: Sendable, Hashable, Codable {
    public var buyingPower: Price
    public var totalAssets: Price
    public var cash: Price
    public var marketValue: Price
    public var frozenCash: Price
    public var availableWithdrawal: Price
    public var unrealizedPL: Price
    public var realizedPL: Price
    /// ISO-like code: "HKD", "USD", "CNH".
    public var currency: String

    public init(buyingPower: Price, totalAssets: Price, cash: Price, marketValue: Price, frozenCash: Price = .zero,
                availableWithdrawal: Price = .zero, unrealizedPL: Price = .zero, realizedPL: Price = .zero,
                currency: String) {
        self.buyingPower = buyingPower; self.totalAssets = totalAssets; self.cash = cash
        self.marketValue = marketValue; self.frozenCash = frozenCash; self.availableWithdrawal = availableWithdrawal
        self.unrealizedPL = unrealizedPL; self.realizedPL = realizedPL; self.currency = currency
    }
}

/// A holding.
public struct Position: Sendable, Hashable, Codable {
    public var id: UInt64
    public var code: SecurityCode
    public var name: String
    /// Shares held; negative for a short.
    public var quantity: Int64
    public var sellableQuantity: Int64
    public var costPrice: Price
    public var lastPrice: Price
    public var marketValue: Price
    public var profitLoss: Price

    public init(id: UInt64, code: SecurityCode, name: String, quantity: Int64, sellableQuantity: Int64,
                costPrice: Price, lastPrice: Price, marketValue: Price, profitLoss: Price) {
        self.id = id; self.code = code; self.name = name; self.quantity = quantity
        self.sellableQuantity = sellableQuantity; self.costPrice = costPrice; self.lastPrice = lastPrice
        self.marketValue = marketValue; self.profitLoss = profitLoss
    }

    /// P&L relative to cost, as a display percentage string.
    public var profitLossPercent: String {
        let cost = costPrice.notional(quantity)
        guard cost.micros != 0 else { return "—" }
        return (cost + profitLoss).percentChange(from: cost)
    }
}

/// Order types mootui places; others are carried by raw value.
public enum OrderType: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Limit ("NORMAL"; HK enhanced limit).
    case limit
    case market
    case other(Int32)

    public var wireValue: Int32 {
        switch self {
        case .limit: return 1
        case .market: return 2
        case let .other(v): return v
        }
    }

    public init(wireValue: Int32) {
        switch wireValue {
        case 1: self = .limit
        case 2: self = .market
        default: self = .other(wireValue)
        }
    }

    public var description: String {
        switch self {
        case .limit: return "LMT"
        case .market: return "MKT"
        case let .other(v): return "TYPE\(v)"
        }
    }

    /// True when the order carries a limit price.
    public var needsPrice: Bool { self != .market }
}

/// Time in force (`Trd_Common.TimeInForce`).
public enum TimeInForce: Int32, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case day = 0
    case gtc = 1
    case ioc = 2

    public var description: String {
        switch self {
        case .day: return "DAY"
        case .gtc: return "GTC"
        case .ioc: return "IOC"
        }
    }
}

/// Order status (`Trd_Common.OrderStatus`), the state machine OpenD reports.
public enum OrderStatus: Int32, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case unknown = -1
    case unsubmitted = 0
    case waitingSubmit = 1
    case submitting = 2
    case submitFailed = 3
    case timeout = 4
    case submitted = 5
    case partiallyFilled = 10
    case filled = 11
    case cancellingPart = 12
    case cancellingAll = 13
    case cancelledPart = 14
    case cancelled = 15
    case failed = 21
    case disabled = 22
    case deleted = 23
    case fillCancelled = 24

    public init(wireValue: Int32) { self = OrderStatus(rawValue: wireValue) ?? .unknown }

    /// Still able to trade (can be modified or cancelled).
    public var isWorking: Bool {
        switch self {
        case .waitingSubmit, .submitting, .submitted, .partiallyFilled, .cancellingPart, .cancellingAll: return true
        default: return false
        }
    }

    /// No further change will happen.
    public var isFinal: Bool {
        switch self {
        case .submitFailed, .filled, .cancelledPart, .cancelled, .failed, .deleted, .fillCancelled: return true
        default: return false
        }
    }

    /// Whether OpenD's state machine allows going from `self` to `next`.
    public func canTransition(to next: OrderStatus) -> Bool {
        if self == next { return true }
        if isFinal { return false }
        switch (self, next) {
        case (.unsubmitted, _), (.waitingSubmit, _), (.submitting, _): return true
        case (.submitted, .partiallyFilled), (.submitted, .filled), (.submitted, .cancellingAll),
             (.submitted, .cancelled), (.submitted, .failed), (.submitted, .disabled): return true
        case (.partiallyFilled, .partiallyFilled), (.partiallyFilled, .filled), (.partiallyFilled, .cancellingPart),
             (.partiallyFilled, .cancelledPart), (.partiallyFilled, .failed): return true
        case (.cancellingAll, .cancelled), (.cancellingAll, .submitted), (.cancellingAll, .partiallyFilled),
             (.cancellingAll, .filled), (.cancellingAll, .cancelledPart): return true
        case (.cancellingPart, .cancelledPart), (.cancellingPart, .partiallyFilled), (.cancellingPart, .filled): return true
        case (.disabled, .submitted), (.disabled, .cancelled), (.disabled, .deleted): return true
        case (.timeout, _): return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .unknown: return "UNKNOWN"
        case .unsubmitted: return "UNSUBMITTED"
        case .waitingSubmit: return "WAITING"
        case .submitting: return "SUBMITTING"
        case .submitFailed: return "SUBMIT FAILED"
        case .timeout: return "TIMEOUT"
        case .submitted: return "SUBMITTED"
        case .partiallyFilled: return "PART FILLED"
        case .filled: return "FILLED"
        case .cancellingPart, .cancellingAll: return "CANCELLING"
        case .cancelledPart: return "PART CANCELLED"
        case .cancelled: return "CANCELLED"
        case .failed: return "FAILED"
        case .disabled: return "DISABLED"
        case .deleted: return "DELETED"
        case .fillCancelled: return "FILL CANCELLED"
        }
    }
}

/// An order as the gateway reports it. `id` is OpenD's `orderIDEx` (the key the SDK uses).
public struct Order: Sendable, Hashable, Codable {
    public var id: String
    public var numericID: UInt64
    public var accountID: UInt64
    public var code: SecurityCode
    public var name: String
    public var side: OrderSide
    public var type: OrderType
    public var status: OrderStatus
    public var quantity: Int64
    public var price: Price
    public var filledQuantity: Int64
    public var averageFillPrice: Price
    public var timeInForce: TimeInForce
    public var createTime: String
    public var updateTime: String
    public var lastError: String
    public var remark: String

    public init(id: String, numericID: UInt64, accountID: UInt64 = 0, code: SecurityCode, name: String,
                side: OrderSide, type: OrderType, status: OrderStatus, quantity: Int64, price: Price,
                filledQuantity: Int64 = 0, averageFillPrice: Price = .zero, timeInForce: TimeInForce = .day,
                createTime: String = "", updateTime: String = "", lastError: String = "", remark: String = "") {
        self.id = id; self.numericID = numericID; self.accountID = accountID; self.code = code; self.name = name
        self.side = side; self.type = type; self.status = status; self.quantity = quantity; self.price = price
        self.filledQuantity = filledQuantity; self.averageFillPrice = averageFillPrice
        self.timeInForce = timeInForce; self.createTime = createTime; self.updateTime = updateTime
        self.lastError = lastError; self.remark = remark
    }

    public var remainingQuantity: Int64 { max(quantity - filledQuantity, 0) }
}

/// One execution (real accounts only on OpenD).
public struct Fill: Sendable, Hashable, Codable {
    public var id: UInt64
    public var idEx: String
    public var orderID: String
    public var accountID: UInt64
    public var code: SecurityCode
    public var name: String
    public var side: OrderSide
    public var quantity: Int64
    public var price: Price
    public var time: String

    public init(id: UInt64, idEx: String, orderID: String, accountID: UInt64 = 0, code: SecurityCode, name: String,
                side: OrderSide, quantity: Int64, price: Price, time: String) {
        self.id = id; self.idEx = idEx; self.orderID = orderID; self.accountID = accountID; self.code = code
        self.name = name; self.side = side; self.quantity = quantity; self.price = price; self.time = time
    }
}

/// Maximum quantities for an order at a price (Trd_GetMaxTrdQtys), already in whole lots.
public struct MaxQuantities: Sendable, Hashable, Codable {
    public var cashBuy: Int64
    public var cashAndMarginBuy: Int64
    public var positionSell: Int64
    public var sellShort: Int64
    public var buyBack: Int64

    public init(cashBuy: Int64, cashAndMarginBuy: Int64 = 0, positionSell: Int64, sellShort: Int64 = 0,
                buyBack: Int64 = 0) {
        self.cashBuy = cashBuy; self.cashAndMarginBuy = cashAndMarginBuy; self.positionSell = positionSell
        self.sellShort = sellShort; self.buyBack = buyBack
    }
}

/// What a trader asks for: the input to place_order, already validated by the ticket.
public struct OrderRequest: Sendable, Hashable, Codable {
    public var code: SecurityCode
    public var side: OrderSide
    public var type: OrderType
    /// Limit price; ignored for market orders.
    public var price: Price
    public var quantity: Int64
    public var timeInForce: TimeInForce
    public var remark: String

    public init(code: SecurityCode, side: OrderSide, type: OrderType, price: Price, quantity: Int64,
                timeInForce: TimeInForce = .day, remark: String = "") {
        self.code = code; self.side = side; self.type = type; self.price = price; self.quantity = quantity
        self.timeInForce = timeInForce; self.remark = remark
    }
}
