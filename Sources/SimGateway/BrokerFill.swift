import TradingKit

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
