import TradingKit

/// A paper account: one market, one currency, cash in micros.
struct BrokerAccount: Sendable, Hashable {
    var id: UInt64
    var environment: TradingEnvironment
    /// `Trd_Common.TrdMarket`.
    var trdMarket: Int32
    /// "HKD", "USD", "CNY".
    var currency: String
    var cash: Price

    /// `Trd_Common.Currency`: 1 HKD, 2 USD, 3 CNH.
    var currencyWire: Int32 {
        switch currency {
        case "HKD": return 1
        case "USD": return 2
        default: return 3
        }
    }

    /// True when `code` trades in this account.
    func trades(_ code: SecurityCode) -> Bool { code.market.trdMarket(env: environment) == trdMarket }
}

/// An order in the paper broker's book of record.
struct BrokerOrder: Sendable, Hashable {
    var id: UInt64
    var accountID: UInt64
    var code: SecurityCode
    var name: String
    var side: OrderSide
    /// `Trd_Common.OrderType`.
    var type: Int32
    var status: OrderStatus
    var quantity: Int64
    /// Limit price (zero for market orders).
    var price: Price
    var filledQuantity: Int64 = 0
    /// Sum of fill price × quantity, in micros, so the average is exact to the micro.
    var filledNotional: Int64 = 0
    var timeInForce: Int32
    var remark: String
    var createTime: String
    var updateTime: String
    var createStamp: Double
    var updateStamp: Double
    var lastError: String = ""

    var remaining: Int64 { max(quantity - filledQuantity, 0) }
    var isMarket: Bool { type == 2 }
    var averagePrice: Price {
        filledQuantity > 0 ? Price(micros: filledNotional / filledQuantity) : .zero
    }
    var isWorking: Bool { status == .submitted || status == .partiallyFilled }
}

/// One execution.
struct BrokerFill: Sendable, Hashable {
    var id: UInt64
    var orderID: UInt64
    var accountID: UInt64
    var code: SecurityCode
    var name: String
    var side: OrderSide
    var quantity: Int64
    var price: Price
    var time: String
    var stamp: Double
}

/// A holding; `cost` is the total cost in micros so the average cost stays exact.
struct BrokerPosition: Sendable, Hashable {
    var accountID: UInt64
    var code: SecurityCode
    var name: String
    var quantity: Int64
    var cost: Int64
    var realized: Int64 = 0

    var averageCost: Price { quantity != 0 ? Price(micros: cost / quantity) : .zero }
}
