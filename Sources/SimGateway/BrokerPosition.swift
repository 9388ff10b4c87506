import TradingKit

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
