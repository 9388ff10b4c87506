/// The fees a gateway reports for one order (Trd_GetOrderFee), itemised.
public struct OrderFees: Sendable, Hashable {
    /// The order's id (OpenD's `orderIDEx`).
    public var orderID: String
    public var fees: FeeBreakdown

    public init(orderID: String, fees: FeeBreakdown) {
        self.orderID = orderID
        self.fees = fees
    }
}
