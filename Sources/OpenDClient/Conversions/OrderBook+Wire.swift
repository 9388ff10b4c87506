import OpenDProtocol
import TradingKit

/// The fields the 3012 reply and the 3013 push share, so one conversion serves both.
public protocol OrderBookMessage {
    var security: QotCommon_Security { get }
    var name: String { get }
    var orderBookAskList: [QotCommon_OrderBook] { get }
    var orderBookBidList: [QotCommon_OrderBook] { get }
}

extension QotGetOrderBook_S2C: OrderBookMessage {}
extension QotUpdateOrderBook_S2C: OrderBookMessage {}

extension BookLevel {
    /// One depth level; the high-precision volume wins when present.
    @inline(__always)
    public init(wire level: QotCommon_OrderBook) {
        self.init(
            price: Price(wire: level.price),
            volume: WireQuantity.volume(level.volume, hp: level.hpVolume, hasHP: level.hasHpVolume),
            orderCount: level.orederCount)
    }
}

extension OrderBook {
    /// The depth of a 3012 reply or 3013 push: asks ascending, bids descending, as sent.
    public init(wire m: some OrderBookMessage) throws {
        let code = try SecurityCode(wire: m.security)
        let askList = m.orderBookAskList
        let bidList = m.orderBookBidList
        var asks: [BookLevel] = []
        asks.reserveCapacity(askList.count)
        for level in askList { asks.append(BookLevel(wire: level)) }
        var bids: [BookLevel] = []
        bids.reserveCapacity(bidList.count)
        for level in bidList { bids.append(BookLevel(wire: level)) }
        self.init(code: code, asks: asks, bids: bids, name: m.name)
    }
}
