import OpenDProtocol
import TradingKit

extension Order {
    /// An order of a 2201 reply or 2208 push; `id` is the gateway's `orderIDEx`.
    public init(wire o: TrdCommon_Order, accountID: UInt64, trdMarket: Int32?) throws {
        guard let side = OrderSide(wireValue: o.trdSide) else {
            throw ConversionError.unknownSide(o.trdSide, context: "order \(o.orderIdex)")
        }
        let code = try SecurityCode(
            tradeCode: o.code, secMarket: o.hasSecMarket ? o.secMarket : nil,
            trdMarket: o.hasTrdMarket ? o.trdMarket : trdMarket)
        self.init(
            id: o.orderIdex.isEmpty ? String(o.orderID) : o.orderIdex,
            numericID: o.orderID,
            accountID: accountID,
            code: code,
            name: o.name,
            side: side,
            type: OrderType(wireValue: o.orderType),
            status: OrderStatus(wireValue: o.orderStatus),
            quantity: WireQuantity.shares(o.qty),
            price: Price(wire: o.price),
            filledQuantity: WireQuantity.shares(o.fillQty),
            averageFillPrice: Price(wire: o.fillAvgPrice),
            timeInForce: TimeInForce(rawValue: o.timeInForce) ?? .day,
            createTime: o.createTime,
            updateTime: o.updateTime,
            lastError: o.lastErrMsg,
            remark: o.remark)
    }
}
