import TradingKit

/// What a Trd_PlaceOrder asks for, already lifted off the wire.
struct PlaceOrderInput: Sendable {
    var accountID: UInt64
    var environment: TradingEnvironment
    var trdMarket: Int32
    var code: SecurityCode
    var side: OrderSide
    var type: Int32
    var quantity: Int64
    var price: Price
    var timeInForce: Int32
    var remark: String
}
