import OpenDProtocol
import TradingKit

extension Fill {
    /// An execution of a 2211 reply or 2218 push; `orderID` is the order's `orderIDEx`.
    public init(wire f: TrdCommon_OrderFill, accountID: UInt64, trdMarket: Int32?) throws {
        guard let side = OrderSide(wireValue: f.trdSide) else {
            throw ConversionError.unknownSide(f.trdSide, context: "fill \(f.fillIdex)")
        }
        let code = try SecurityCode(
            tradeCode: f.code, secMarket: f.hasSecMarket ? f.secMarket : nil,
            trdMarket: f.hasTrdMarket ? f.trdMarket : trdMarket)
        let orderID = f.hasOrderIdex && !f.orderIdex.isEmpty ? f.orderIdex : (f.hasOrderID ? String(f.orderID) : "")
        self.init(
            id: f.fillID, idEx: f.fillIdex, orderID: orderID, accountID: accountID, code: code, name: f.name,
            side: side, quantity: WireQuantity.shares(f.qty), price: Price(wire: f.price), time: f.createTime)
    }
}
