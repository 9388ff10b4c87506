import Foundation
import NIOCore
import OpenDProtocol
import TradingKit

/// Server-initiated frames: quote pushes to registered connections (each message encoded once
/// and shared) and order / fill pushes to connections that asked for the account.
extension GatewayCore {
    /// The push frame body for one subscription's current data, or nil if it has none.
    func pushBody(_ key: SubscriptionKey) -> (ProtoID, ByteBuffer)? {
        if let replay { return replay.latest[key].flatMap { l in ProtoID(rawValue: l.protoID).map { ($0, l.body) } } }
        guard let m = market[key.code] else { return nil }
        func encode<R: OpenDResponse>(_ id: ProtoID, _ s2c: R.S2C, _ type: R.Type) -> (ProtoID, ByteBuffer)? {
            guard let bytes: [UInt8] = try? R.success(s2c).serializedBytes() else {
                logger.error("cannot encode push \(id) for \(key.code)")
                return nil
            }
            return (id, ByteBuffer(bytes: bytes))
        }
        switch key.subType {
        case 1:
            var s = QotUpdateBasicQot_S2C()
            s.basicQotList = [Wire.basicQot(m)]
            return encode(.qotUpdateBasicQot, s, QotUpdateBasicQot_Response.self)
        case 2:
            let book = orderBook(m, depth: InstrumentMarket.depth)
            var s = QotUpdateOrderBook_S2C()
            s.security = book.security
            s.name = book.name
            s.orderBookAskList = book.orderBookAskList
            s.orderBookBidList = book.orderBookBidList
            if book.hasSvrRecvTimeBid {
                s.svrRecvTimeBid = book.svrRecvTimeBid
                s.svrRecvTimeAsk = book.svrRecvTimeAsk
                s.svrRecvTimeBidTimestamp = book.svrRecvTimeBidTimestamp
                s.svrRecvTimeAskTimestamp = book.svrRecvTimeAskTimestamp
            }
            return encode(.qotUpdateOrderBook, s, QotUpdateOrderBook_Response.self)
        case 4:
            guard let last = m.tape.last else { return nil }
            var s = QotUpdateTicker_S2C()
            s.security = Wire.security(key.code)
            s.name = m.instrument.name
            s.tickerList = [Wire.ticker(last)]
            return encode(.qotUpdateTicker, s, QotUpdateTicker_Response.self)
        case 5:
            guard let last = m.timeShare.last else { return nil }
            var s = QotUpdateRT_S2C()
            s.security = Wire.security(key.code)
            s.name = m.instrument.name
            s.rtList = [Wire.timeShare(last, previousClose: m.previousClose)]
            return encode(.qotUpdateRT, s, QotUpdateRT_Response.self)
        case 14:
            var s = QotUpdateBroker_S2C()
            s.security = Wire.security(key.code)
            s.name = m.instrument.name
            (s.brokerAskList, s.brokerBidList) = brokers(m)
            return encode(.qotUpdateBroker, s, QotUpdateBroker_Response.self)
        default:
            guard let period = BarPeriod(subType: key.subType),
                  let bar = market.bars(key.code, period, count: 1).last else { return nil }
            var s = QotUpdateKL_S2C()
            s.rehabType = 1
            s.klType = period.klType
            s.security = Wire.security(key.code)
            s.name = m.instrument.name
            s.klList = [Wire.kline(bar)]
            return encode(.qotUpdateKL, s, QotUpdateKL_Response.self)
        }
    }

    /// Pushes for every registered subscription of `code` after it moved.
    func quotePushes(_ code: SecurityCode) -> [Outgoing] {
        var out: [Outgoing] = []
        for t in Self.supportedSubTypes {
            let key = SubscriptionKey(code: code, subType: t)
            guard let conns = registrations[key], !conns.isEmpty, let (id, body) = pushBody(key) else { continue }
            for conn in conns.sorted() {
                out.append(Outgoing(connection: conn, frame: Frame(protoID: id.rawValue, serial: nextPushSerial(conn), body: body)))
            }
        }
        return out
    }

    /// The one push OpenD sends right after a (re)registration.
    func firstPush(_ key: SubscriptionKey, to conn: UInt64) -> [Outgoing] {
        guard let (id, body) = pushBody(key) else { return [] }
        return [Outgoing(connection: conn, frame: Frame(protoID: id.rawValue, serial: nextPushSerial(conn), body: body))]
    }

    /// Trd_UpdateOrder for every order change and, for REAL accounts only, Trd_UpdateOrderFill
    /// per fill — to connections whose latest Trd_SubAccPush lists the account.
    func tradePushes(_ events: [BrokerEvent]) -> [Outgoing] {
        var out: [Outgoing] = []
        for event in events {
            switch event {
            case let .order(o):
                guard let account = broker.account(o.accountID) else { continue }
                var s = TrdUpdateOrder_S2C()
                s.header = Wire.header(account)
                s.order = Wire.order(o, account: account)
                out += accountPush(account.id, .trdUpdateOrder, TrdUpdateOrder_Response.success(s))
            case let .fill(f):
                guard let account = broker.account(f.accountID), account.environment == .real else { continue }
                var s = TrdUpdateOrderFill_S2C()
                s.header = Wire.header(account)
                s.orderFill = Wire.fill(f, account: account)
                out += accountPush(account.id, .trdUpdateOrderFill, TrdUpdateOrderFill_Response.success(s))
            }
        }
        return out
    }

    private func accountPush<R: OpenDResponse>(_ account: UInt64, _ id: ProtoID, _ response: R) -> [Outgoing] {
        let targets = connections.values.filter { $0.accountPushes.contains(account) }.map(\.id).sorted()
        guard !targets.isEmpty else { return [] }
        let template = makeFrame(protoID: id.rawValue, serial: 0, response)
        return targets.map { conn in
            var f = template
            f.serial = nextPushSerial(conn)
            return Outgoing(connection: conn, frame: f)
        }
    }
}
