import OpenDProtocol
import TradingKit

extension Tick {
    /// One trade of a 3010 reply or 3011 push; `sequence` is the dedupe key.
    public init(wire t: QotCommon_Ticker) {
        self.init(
            sequence: t.sequence,
            time: t.time,
            timestamp: t.hasTimestamp ? t.timestamp : nil,
            price: Price(wire: t.price),
            volume: WireQuantity.volume(t.volume, hp: t.hpVolume, hasHP: t.hasHpVolume),
            turnover: Price(wire: t.turnover),
            direction: TradeDirection(wireValue: t.dir))
    }
}
