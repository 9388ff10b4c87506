import NIOCore
import OpenDProtocol
import TradingKit

extension OpenDClient {
    /// Conflates order-book, quote, current K-line and ticker pushes from now on: they no longer
    /// arrive in ``events`` but wait in the connection's ``PushSlots`` (newest per code and
    /// sub-type; every print, or a count of those dropped) until ``takePushes()``. `wake` is
    /// called on the I/O thread when something waits, at most once between two takes.
    public func conflatePushes(wake: @escaping @Sendable () -> Void) {
        connection.pushSlots.attach(wake: wake)
    }

    /// What the conflated pushes changed since the last take, decoded: at most one book, quote
    /// and K-line event per code and sub-type, and per code one `.ticks` with every print kept
    /// (oldest first) plus `.ticksDropped` when some fell off the ring.
    public func takePushes() -> [ClientEvent] {
        var taken: [TakenPush] = []
        connection.pushSlots.take(into: &taken)
        var events: [ClientEvent] = []
        events.reserveCapacity(taken.count)
        for push in taken { decode(push, into: &events) }
        return events
    }

    private func decode(_ push: TakenPush, into events: inout [ClientEvent]) {
        let decoder = PushDecoder()
        do {
            switch push.kind {
            case .quote:
                for body in push.bodies {
                    events.append(.quote(try Quote(wire: QotCommon_BasicQot(serializedBytes: body, partial: true))))
                }
            case .orderBook, .kline:
                for body in push.bodies {
                    try decoder.decode(Frame(protoID: push.kind.protoID, serial: 0, body: ByteBuffer(bytes: body))) {
                        events.append($0)
                    }
                }
            case .ticker:
                var prints: [Tick] = []
                var code: SecurityCode?
                for body in push.bodies {
                    try decoder.decode(Frame(protoID: push.kind.protoID, serial: 0, body: ByteBuffer(bytes: body))) {
                        if case .ticks(let c, let ticks) = $0 {
                            code = c
                            prints += ticks
                        }
                    }
                }
                if push.dropped > 0 {
                    guard let market = Market(qotMarket: push.market) else {
                        throw ConversionError.unknownQuoteMarket(push.market, code: String(decoding: push.code, as: UTF8.self))
                    }
                    let dropped = code ?? SecurityCode(market: market, symbol: String(decoding: push.code, as: UTF8.self))
                    events.append(.ticksDropped(dropped, push.dropped))
                }
                if let code, !prints.isEmpty { events.append(.ticks(code, prints)) }
            }
        } catch {
            logger.warning(
                "ignored a push mootui could not read",
                metadata: ["proto": "\(push.kind.protoID)", "error": "\(error)"])
            events.append(.notice("ignored push \(push.kind.protoID): \(error)"))
        }
    }
}
