import TradingKit

/// One print on the tape.
struct TapePrint: Sendable, Hashable {
    var sequence: Int64
    var time: String
    var timestamp: Double
    var price: Price
    var volume: Int64
    /// `Qot_Common.TickerDirection`: 1 bid (sell-initiated), 2 ask (buy-initiated).
    var direction: Int32
}
