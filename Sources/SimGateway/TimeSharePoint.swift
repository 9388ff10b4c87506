import TradingKit

/// One time-share (分时) point: a minute's last price, average price and volume.
struct TimeSharePoint: Sendable, Hashable {
    var minute: Int
    var time: String
    var timestamp: Double
    var price: Price
    var averagePrice: Price
    var volume: Int64
    var turnover: Int64
}
