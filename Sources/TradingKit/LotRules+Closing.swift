/// The quantity an order closing a position may carry under the market's lot rules.
extension LotRules {
    /// How much of a position of `position` shares (negative: short), `sellable` of them free to
    /// sell, one order can close: the whole sellable quantity when the market takes it (A-shares
    /// sell an odd remainder in full, US any number of shares), else the whole lots of it (HK odd
    /// lots do not trade on the board-lot book). Zero when nothing can be closed by one order.
    public func closingQuantity(position: Int64, sellable: Int64) -> Int64 {
        if position > 0 {
            let q = min(max(sellable, 0), position)
            guard q > 0 else { return 0 }
            if violation(quantity: q, side: .sell, position: position) == nil { return q }
            return q - q % step
        }
        let q = position.magnitude > UInt64(Int64.max) ? Int64.max : Int64(position.magnitude)
        guard q > 0 else { return 0 }
        if violation(quantity: q, side: .buy, position: position) == nil { return q }
        return q - q % step
    }
}
