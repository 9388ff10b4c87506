import OpenDProtocol
import TradingKit

extension OpenDClient {
    /// Itemised fees of orders (2225), by `orderIDEx`; OpenD serves it for REAL accounts only.
    /// The connection waits inside OpenD's limit (10 per 30 s per account).
    public func orderFees(_ account: Account, orderIDs: [String]) async throws -> [OrderFees] {
        var c = TrdGetOrderFee_C2S()
        c.header = account.queryHeader
        c.orderIDExList = orderIDs
        let s2c = try await connection.request(TrdGetOrderFee_Request(c2s: c))
        return s2c.orderFeeList.map(OrderFees.init(wire:))
    }
}

extension OrderFees {
    /// From the wire; amounts become exact at this boundary.
    init(wire w: TrdCommon_OrderFee) {
        let items = w.feeList.map { FeeBreakdown.Item(title: $0.title, amount: Price(wire: $0.value)) }
        var fees = FeeBreakdown(items: items)
        // The stated total wins when it disagrees with the items (OpenD may leave items out).
        let total = Price(wire: w.feeAmount)
        if w.hasFeeAmount, total != fees.total {
            fees.items.append(FeeBreakdown.Item(title: "Other", amount: total - fees.total))
        }
        self.init(orderID: w.orderIdex, fees: fees)
    }
}
