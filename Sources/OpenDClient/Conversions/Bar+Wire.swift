import OpenDProtocol
import TradingKit

extension Bar {
    /// One candle of 3006/3103 replies or a 3007 push; blank bars keep only their time.
    public init(wire k: QotCommon_KLine) {
        self.init(
            time: k.time,
            timestamp: k.hasTimestamp ? k.timestamp : nil,
            open: Price(wire: k.openPrice),
            high: Price(wire: k.highPrice),
            low: Price(wire: k.lowPrice),
            close: Price(wire: k.closePrice),
            volume: WireQuantity.volume(k.volume, hp: k.hpVolume, hasHP: k.hasHpVolume),
            turnover: Price(wire: k.turnover),
            isBlank: k.isBlank)
    }
}
