import OpenDProtocol
import TradingKit

extension Snapshot {
    /// A 3203 snapshot; bid/ask and their volumes stay nil when the gateway omits them.
    public init(wire s: QotGetSecuritySnapshot_Snapshot) throws {
        let b = s.basic
        self.init(
            code: try SecurityCode(wire: b.security),
            name: b.name,
            kind: SecurityKind(wireValue: b.type),
            lotSize: Int64(b.lotSize),
            priceSpread: Price(wire: b.priceSpread),
            last: Price(wire: b.curPrice),
            open: Price(wire: b.openPrice),
            high: Price(wire: b.highPrice),
            low: Price(wire: b.lowPrice),
            previousClose: Price(wire: b.lastClosePrice),
            volume: WireQuantity.volume(b.volume, hp: b.hpVolume, hasHP: b.hasHpVolume),
            turnover: Price(wire: b.turnover),
            bid: b.hasBidPrice ? Price(wire: b.bidPrice) : nil,
            ask: b.hasAskPrice ? Price(wire: b.askPrice) : nil,
            bidVolume: b.hasHpBidVol ? WireQuantity.shares(b.hpBidVol) : (b.hasBidVol ? b.bidVol : nil),
            askVolume: b.hasHpAskVol ? WireQuantity.shares(b.hpAskVol) : (b.hasAskVol ? b.askVol : nil),
            isSuspended: b.isSuspend,
            updateTime: b.updateTime)
    }
}
