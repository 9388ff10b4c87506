import TradingKit

/// One candle under construction or finished.
struct SimBar: Sendable, Hashable {
    /// Bucket key: local seconds of the bar's start.
    var start: Int64
    var time: String
    var timestamp: Double
    var open: Price
    var high: Price
    var low: Price
    var close: Price
    var previousClose: Price
    var volume: Int64
    var turnover: Int64

    mutating func add(_ price: Price, _ qty: Int64) {
        if price > high { high = price }
        if price < low { low = price }
        close = price
        volume += qty
        turnover += price.micros * qty / Price.scale
    }
}
