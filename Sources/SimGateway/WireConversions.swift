import Foundation
import OpenDProtocol
import TradingKit

/// Domain values → generated protobuf messages. Every proto2 `required` field is filled: the
/// official SDK's parser (and ours) reject messages that lack one.
enum Wire {
    static func security(_ code: SecurityCode) -> QotCommon_Security {
        var s = QotCommon_Security()
        s.market = code.market.qotMarket
        s.code = code.symbol
        return s
    }

    static func code(_ s: QotCommon_Security) -> SecurityCode? {
        guard let market = Market(qotMarket: s.market) else { return nil }
        return SecurityCode(market: market, symbol: s.code)
    }

    /// A bare trade code plus `secMarket` (or, when absent, the shape of the code and the account market).
    static func tradeCode(_ symbol: String, secMarket: Int32?, trdMarket: Int32) -> SecurityCode? {
        if let secMarket, let market = Market(trdSecMarket: secMarket) {
            return SecurityCode(market: market, symbol: market == .us ? symbol.uppercased() : symbol)
        }
        switch trdMarket {
        case 1: return SecurityCode(market: .hk, symbol: symbol)
        case 2: return SecurityCode(market: .us, symbol: symbol.uppercased())
        case 3, 4:
            guard symbol.count == 6 else { return nil }
            return SecurityCode(market: symbol.hasPrefix("6") || symbol.hasPrefix("5") ? .sh : .sz, symbol: symbol)
        default: return nil
        }
    }

    static func basicQot(_ m: InstrumentMarket) -> QotCommon_BasicQot {
        var q = QotCommon_BasicQot()
        q.security = security(m.instrument.code)
        q.name = m.instrument.name
        q.isSuspended = false
        q.listTime = m.instrument.listTime
        q.priceSpread = m.priceSpread.wireValue
        q.updateTime = m.updateTime
        q.updateTimestamp = m.updateTimestamp
        q.highPrice = m.high.wireValue
        q.openPrice = m.open.wireValue
        q.lowPrice = m.low.wireValue
        q.curPrice = m.last.wireValue
        q.lastClosePrice = m.previousClose.wireValue
        q.volume = m.volume
        q.turnover = Double(m.turnover)
        q.turnoverRate = 0
        q.amplitude = amplitude(m)
        return q
    }

    static func amplitude(_ m: InstrumentMarket) -> Double {
        guard m.previousClose.micros > 0 else { return 0 }
        return Double((m.high - m.low).micros) * 100 / Double(m.previousClose.micros)
    }

    static func snapshot(_ m: InstrumentMarket) -> QotGetSecuritySnapshot_Snapshot {
        var b = QotGetSecuritySnapshot_SnapshotBasicData()
        b.security = security(m.instrument.code)
        b.name = m.instrument.name
        b.type = m.instrument.kind.rawValue
        b.isSuspend = false
        b.listTime = m.instrument.listTime
        b.lotSize = Int32(m.instrument.lotSize)
        b.priceSpread = m.priceSpread.wireValue
        b.updateTime = m.updateTime
        b.updateTimestamp = m.updateTimestamp
        b.highPrice = m.high.wireValue
        b.openPrice = m.open.wireValue
        b.lowPrice = m.low.wireValue
        b.lastClosePrice = m.previousClose.wireValue
        b.curPrice = m.last.wireValue
        b.volume = m.volume
        b.turnover = Double(m.turnover)
        b.turnoverRate = 0
        b.amplitude = amplitude(m)
        if let ask = m.asks.first {
            b.askPrice = ask.price.wireValue
            b.askVol = ask.volume
        }
        if let bid = m.bids.first {
            b.bidPrice = bid.price.wireValue
            b.bidVol = bid.volume
        }
        if m.volume > 0 { b.avgPrice = Double(m.turnover) / Double(m.volume) }
        var s = QotGetSecuritySnapshot_Snapshot()
        s.basic = b
        return s
    }

    static func staticInfo(_ i: Instrument, id: Int64) -> QotCommon_SecurityStaticInfo {
        var b = QotCommon_SecurityStaticBasic()
        b.security = security(i.code)
        b.id = id
        b.lotSize = Int32(i.lotSize)
        b.secType = i.kind.rawValue
        b.name = i.name
        b.listTime = i.listTime
        b.delisting = false
        var s = QotCommon_SecurityStaticInfo()
        s.basic = b
        return s
    }

    static func unknownStaticInfo(_ sec: QotCommon_Security) -> QotCommon_SecurityStaticInfo {
        var b = QotCommon_SecurityStaticBasic()
        b.security = sec
        b.id = 0
        b.lotSize = 0
        b.secType = 0
        b.name = "未知股票"
        b.listTime = ""
        b.delisting = true
        var s = QotCommon_SecurityStaticInfo()
        s.basic = b
        return s
    }

    static func bookLevels(_ levels: [BookLevel], _ n: Int) -> [QotCommon_OrderBook] {
        levels.prefix(n).map { l in
            var o = QotCommon_OrderBook()
            o.price = l.price.wireValue
            o.volume = l.volume
            o.orederCount = l.orderCount
            return o
        }
    }

    static func ticker(_ p: TapePrint) -> QotCommon_Ticker {
        var t = QotCommon_Ticker()
        t.time = p.time
        t.sequence = p.sequence
        t.dir = p.direction
        t.price = p.price.wireValue
        t.volume = p.volume
        t.turnover = Double(p.price.micros * p.volume / Price.scale)
        t.type = 1
        t.pushDataType = 1
        t.timestamp = p.timestamp
        return t
    }

    static func kline(_ b: SimBar) -> QotCommon_KLine {
        var k = QotCommon_KLine()
        k.time = b.time
        k.isBlank = false
        k.highPrice = b.high.wireValue
        k.openPrice = b.open.wireValue
        k.lowPrice = b.low.wireValue
        k.closePrice = b.close.wireValue
        k.lastClosePrice = b.previousClose.wireValue
        k.volume = b.volume
        k.turnover = Double(b.turnover)
        k.turnoverRate = 0
        if b.previousClose.micros > 0 {
            k.changeRate = Double((b.close - b.previousClose).micros) * 100 / Double(b.previousClose.micros)
        }
        k.timestamp = b.timestamp
        return k
    }

    static func timeShare(_ p: TimeSharePoint, previousClose: Price) -> QotCommon_TimeShare {
        var t = QotCommon_TimeShare()
        t.time = p.time
        t.minute = Int32(p.minute)
        t.isBlank = false
        t.price = p.price.wireValue
        t.lastClosePrice = previousClose.wireValue
        t.avgPrice = p.averagePrice.wireValue
        t.volume = p.volume
        t.turnover = Double(p.turnover)
        t.timestamp = p.timestamp
        return t
    }

    static func header(_ a: BrokerAccount) -> TrdCommon_TrdHeader {
        var h = TrdCommon_TrdHeader()
        h.trdEnv = a.environment.wireValue
        h.accID = a.id
        h.trdMarket = a.trdMarket
        return h
    }

    static func account(_ a: BrokerAccount) -> TrdCommon_TrdAcc {
        var t = TrdCommon_TrdAcc()
        t.trdEnv = a.environment.wireValue
        t.accID = a.id
        t.trdMarketAuthList = [a.trdMarket]
        t.accType = 1
        t.cardNum = a.environment == .real ? "1001\(a.id % 100_000_000)" : ""
        t.uniCardNum = t.cardNum
        if a.environment == .real { t.securityFirm = 1 } else { t.simAccType = 1 }
        t.accStatus = 0
        return t
    }

    static func order(_ o: BrokerOrder, account: BrokerAccount) -> TrdCommon_Order {
        var w = TrdCommon_Order()
        w.trdSide = o.side.wireValue
        w.orderType = o.type
        w.orderStatus = o.status.rawValue
        w.orderID = o.id
        w.orderIdex = String(o.id)
        w.code = o.code.symbol
        w.name = o.name
        w.qty = Double(o.quantity)
        w.price = o.price.wireValue
        w.createTime = o.createTime
        w.updateTime = o.updateTime
        w.fillQty = Double(o.filledQuantity)
        w.fillAvgPrice = o.averagePrice.wireValue
        w.lastErrMsg = o.lastError
        w.secMarket = o.code.market.trdSecMarket
        w.createTimestamp = o.createStamp
        w.updateTimestamp = o.updateStamp
        w.remark = o.remark
        w.timeInForce = o.timeInForce
        w.currency = account.currencyWire
        w.trdMarket = account.trdMarket
        return w
    }

    static func fill(_ f: BrokerFill, account: BrokerAccount) -> TrdCommon_OrderFill {
        var w = TrdCommon_OrderFill()
        w.trdSide = f.side.wireValue
        w.fillID = f.id
        w.fillIdex = String(f.id)
        w.orderID = f.orderID
        w.orderIdex = String(f.orderID)
        w.code = f.code.symbol
        w.name = f.name
        w.qty = Double(f.quantity)
        w.price = f.price.wireValue
        w.createTime = f.time
        w.secMarket = f.code.market.trdSecMarket
        w.createTimestamp = f.stamp
        w.updateTimestamp = f.stamp
        w.status = 0
        w.trdMarket = account.trdMarket
        return w
    }
}
