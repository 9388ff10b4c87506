import OpenDProtocol
import TradingKit

/// Turns push frames (3005, 3013, 3011, 3007, 2208, 2218, 3019, 1003) into ``ClientEvent``s.
///
/// Pure and stateless, so the connection's push path and the benchmark share it. Frames of
/// other protocols produce nothing; a push whose body cannot be decoded or converted throws.
public struct PushDecoder: Sendable {
    /// A decoder.
    public init() {}

    /// Decodes `frame` and hands each resulting event to `deliver`, in wire order.
    public func decode(_ frame: Frame, deliver: (ClientEvent) -> Void) throws {
        switch ProtoID(rawValue: frame.protoID) {
        case .qotUpdateOrderBook:
            if frame.format == .protobuf {
                switch frame.body.withUnsafeReadableBytes(OrderBookWireReader.read) {
                case .book(let book)?: deliver(.orderBook(book)); return
                case .failed?: return
                case nil: break  // the generated decoder decides
                }
            }
            guard let s2c = try Self.body(frame, QotUpdateOrderBook_Response.self) else { return }
            deliver(.orderBook(try OrderBook(wire: s2c)))
        case .qotUpdateBasicQot:
            guard let s2c = try Self.body(frame, QotUpdateBasicQot_Response.self) else { return }
            for q in s2c.basicQotList { deliver(.quote(try Quote(wire: q))) }
        case .qotUpdateTicker:
            guard let s2c = try Self.body(frame, QotUpdateTicker_Response.self) else { return }
            deliver(.ticks(try SecurityCode(wire: s2c.security), s2c.tickerList.map(Tick.init(wire:))))
        case .qotUpdateKL:
            guard let s2c = try Self.body(frame, QotUpdateKL_Response.self) else { return }
            let code = try SecurityCode(wire: s2c.security)
            guard let period = BarPeriod(klType: s2c.klType) else {
                deliver(.notice("ignored K-line push for \(code) with unsupported period \(s2c.klType)"))
                return
            }
            deliver(.bars(code, period, s2c.klList.map(Bar.init(wire:))))
        case .trdUpdateOrder:
            guard let s2c = try Self.body(frame, TrdUpdateOrder_Response.self) else { return }
            deliver(.order(try Order(wire: s2c.order, accountID: s2c.header.accID, trdMarket: s2c.header.trdMarket)))
        case .trdUpdateOrderFill:
            guard let s2c = try Self.body(frame, TrdUpdateOrderFill_Response.self) else { return }
            deliver(.fill(try Fill(wire: s2c.orderFill, accountID: s2c.header.accID, trdMarket: s2c.header.trdMarket)))
        case .qotUpdatePriceReminder:
            guard let s2c = try Self.body(frame, QotUpdatePriceReminder_Response.self) else { return }
            deliver(.priceAlert(try PriceAlertTrigger(wire: s2c)))
        case .notify:
            guard let s2c = try Self.body(frame, Notify_Response.self) else { return }
            deliver(.notice(Self.describe(s2c)))
        default:
            return
        }
    }

    /// The S2C of a push, or nil when the push itself reports a failure (retType ≠ 0).
    @inline(__always)
    private static func body<R: OpenDResponse>(_ frame: Frame, _ type: R.Type) throws -> R.S2C? {
        let response = try frame.decode(R.self)
        guard response.retType == 0 else { return nil }
        return response.s2C
    }

    /// One line for a Notify push.
    static func describe(_ n: Notify_S2C) -> String {
        switch n.type {
        case 1:
            let desc = n.event.desc.isEmpty ? "" : ": \(n.event.desc)"
            return "OpenD event \(n.event.eventType)\(desc)"
        case 2:
            return "OpenD program status \(n.programStatus.programStatus.type.rawValue)"
        case 3:
            let q = n.connectStatus.qotLogined ? "up" : "DOWN"
            let t = n.connectStatus.trdLogined ? "up" : "DOWN"
            return "OpenD backend: quotes \(q), trading \(t)"
        case 4:
            return "OpenD quote rights changed (HK \(n.qotRight.hkQotRight), US \(n.qotRight.usQotRight))"
        case 6:
            return
                "OpenD quota: \(n.apiQuota.subQuota) subscriptions, \(n.apiQuota.historyKlquota) history K-line codes"
        case 7:
            return
                "OpenD quota used: \(n.usedQuota.usedSubQuota) subscriptions, \(n.usedQuota.usedKlineQuota) history K-line codes"
        default:
            return "OpenD notice type \(n.type)"
        }
    }
}
