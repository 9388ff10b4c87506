import OpenDProtocol
import TradingKit

extension Quote {
    /// The quote of a `BasicQot` (3004 reply, 3005 push); prices converted once to exact `Price`.
    public init(wire q: QotCommon_BasicQot) throws {
        self.init(
            code: try SecurityCode(wire: q.security),
            name: q.name,
            last: Price(wire: q.curPrice),
            open: Price(wire: q.openPrice),
            high: Price(wire: q.highPrice),
            low: Price(wire: q.lowPrice),
            previousClose: Price(wire: q.lastClosePrice),
            volume: WireQuantity.volume(q.volume, hp: q.hpVolume, hasHP: q.hasHpVolume),
            turnover: Price(wire: q.turnover),
            priceSpread: Price(wire: q.priceSpread),
            isSuspended: q.isSuspended,
            updateTime: q.updateTime,
            updateTimestamp: q.hasUpdateTimestamp ? q.updateTimestamp : nil)
    }
}
