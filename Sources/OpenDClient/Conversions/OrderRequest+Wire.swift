import OpenDProtocol
import TradingKit

extension OrderRequest {
    /// Longest remark OpenD echoes back, in UTF-8 bytes.
    public static let maxRemarkBytes = 64

    /// The 2202 body for this request on `account` (the connection fills `packetID`).
    /// The price goes out as the double nearest the exact tick multiple; market orders send 0,
    /// as the official SDK does.
    public func placeOrderC2S(for account: Account) throws -> TrdPlaceOrder_C2S {
        guard quantity > 0 else { throw ConversionError.invalidRequest("quantity must be positive, got \(quantity)") }
        if type.needsPrice, price <= .zero {
            throw ConversionError.invalidRequest("a \(type) order needs a positive price")
        }
        guard remark.utf8.count <= Self.maxRemarkBytes else {
            throw ConversionError.invalidRequest("remark is longer than \(Self.maxRemarkBytes) bytes")
        }
        var c = TrdPlaceOrder_C2S()
        c.header = try account.tradeHeader(for: code)
        c.trdSide = side.wireValue
        c.orderType = type.wireValue
        c.code = code.symbol
        c.qty = Double(quantity)
        c.price = type.needsPrice ? price.wireValue : 0
        c.adjustPrice = false
        c.adjustSideAndLimit = 0
        c.secMarket = code.market.trdSecMarket
        if !remark.isEmpty { c.remark = remark }
        c.timeInForce = timeInForce.rawValue
        return c
    }
}
