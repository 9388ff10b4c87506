import TradingKit

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
    /// Fees charged so far, in micros (the schedule's fees on the cumulative fill).
    var fees: Int64 = 0

    var remaining: Int64 { max(quantity - filledQuantity, 0) }
    var isMarket: Bool { type == 2 }
    var averagePrice: Price {
        filledQuantity > 0 ? Price(micros: filledNotional / filledQuantity) : .zero
    }
    var isWorking: Bool { status == .submitted || status == .partiallyFilled }
}
