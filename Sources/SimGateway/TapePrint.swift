import TradingKit

/// One print on the tape.
struct TapePrint: Sendable, Hashable {
    var sequence: Int64
    var time: String
    var timestamp: Double
    var price: Price
    var volume: Int64
    /// `Qot_Common.TickerDirection`: 1 "Bid" (外盘, buyer-initiated: traded at the ask), 2 "Ask"
    /// (内盘, seller-initiated: traded at the bid), as OpenD and the SDK read it.
    var direction: Int32
}
