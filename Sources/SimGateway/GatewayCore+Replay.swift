import Foundation
import OpenDProtocol
import SwiftProtobuf
import TradingKit

/// Replay mode: the recorded quote pushes go out as recorded (the same bodies, each client's own
/// push serials) to the connections registered for them, and each one is applied to the
/// instrument's live market first, so snapshot, quote, book and ticker queries answer from the
/// recording at the replay clock and the paper broker fills against the recorded book.
extension GatewayCore {
    func replayLocked(at now: Date) -> [Outgoing] {
        guard let replay else { return [] }
        let wasFinished = replay.isFinished
        let events = replay.due(at: now)
        var out = replayBatchLocked(replay, events, wasFinished: wasFinished, at: now)
        if replay.refreshAfterSilent { out += replayRefreshLocked(replay) }
        return out
    }

    private func replayBatchLocked(_ replay: ReplayFeed, _ events: ArraySlice<ReplaySource.Event>, wasFinished: Bool,
                                   at now: Date) -> [Outgoing] {
        guard !events.isEmpty else { return [] }
        var out: [Outgoing] = []
        var moved: [SecurityCode] = []
        var seen = Set<SecurityCode>()
        for event in events {
            for code in applyReplayed(event) where seen.insert(code).inserted { moved.append(code) }
            if event.offset < replay.silentUntil { continue }
            var targets = Set<UInt64>()
            for key in event.keys { targets.formUnion(registrations[key] ?? []) }
            for conn in targets.sorted() {
                out.append(Outgoing(connection: conn, frame: Frame(protoID: event.protoID, serial: nextPushSerial(conn), body: event.buffer)))
            }
        }
        if broker.hasWorkingOrders {
            let fills = broker.matchResting(moved, at: now)
            if !fills.isEmpty {
                do { try broker.commit() } catch { logger.error("ledger commit failed: \(error)") }
                out += tradePushes(fills)
            }
        }
        if !wasFinished && replay.isFinished {
            logger.info("replay finished: \(replay.source.count) recorded pushes served; the market now stands still")
        }
        return out
    }

    /// After a seek, once every skipped push is applied: each subscription's newest recorded data
    /// to the connections registered for it, so the screens show the market at the new position.
    private func replayRefreshLocked(_ replay: ReplayFeed) -> [Outgoing] {
        let events = replay.source.events
        guard replay.next >= events.count || events[replay.next].offset >= replay.silentUntil else { return [] }
        replay.refreshAfterSilent = false
        var out: [Outgoing] = []
        for (key, body) in replay.latest.sorted(by: { "\($0.key)" < "\($1.key)" }) {
            for conn in (registrations[key] ?? []).sorted() {
                out.append(Outgoing(connection: conn, frame: Frame(protoID: body.protoID, serial: nextPushSerial(conn), body: body.body)))
            }
        }
        return out
    }

    /// Obeys a replay key of `mootui replay` (nil when the simulator is not replaying).
    func replayControl(_ command: ReplayControl, timeZone: TimeZone) -> ReplayStatus? {
        lock.withLock {
            guard let replay else { return nil }
            let now = clock.now()
            replay.control(command, at: now)
            let clockNanoseconds = replay.source.firstNanoseconds + replay.position(at: now)
            let seconds = Int(clockNanoseconds / 1_000_000_000)
            let local = seconds + timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
            return ReplayStatus(
                clockNanoseconds: clockNanoseconds, secondsOfDay: local % 86_400, paused: replay.paused,
                speed: replay.speed.description, position: replay.next, count: replay.source.count)
        }
    }

    /// Puts a recorded push into the live market of its code; returns the codes it changed.
    private func applyReplayed(_ event: ReplaySource.Event) -> [SecurityCode] {
        switch event.protoID {
        case ProtoID.qotUpdateOrderBook.rawValue:
            guard let s2c = try? QotUpdateOrderBook_Response(serializedBytes: event.body).s2C,
                  let code = event.keys.first?.code else { return [] }
            func levels(_ list: [QotCommon_OrderBook]) -> [BookLevel] {
                list.map { BookLevel(price: Price(wire: $0.price), volume: $0.volume, orderCount: $0.orederCount) }
            }
            market.update(code) { m in
                m.asks = levels(s2c.orderBookAskList)
                m.bids = levels(s2c.orderBookBidList)
            }
            return [code]
        case ProtoID.qotUpdateTicker.rawValue:
            guard let s2c = try? QotUpdateTicker_Response(serializedBytes: event.body).s2C,
                  let code = event.keys.first?.code else { return [] }
            market.update(code) { m in
                for t in s2c.tickerList {
                    let price = Price(wire: t.price)
                    m.tape.append(TapePrint(sequence: t.sequence, time: t.time, timestamp: t.timestamp, price: price,
                                            volume: t.volume, direction: t.dir))
                    m.last = price
                    m.sequence = max(m.sequence, t.sequence)
                    m.updateTime = t.time
                    if t.hasTimestamp { m.updateTimestamp = t.timestamp }
                }
                if m.tape.count > InstrumentMarket.tapeLimit + 200 { m.tape.removeFirst(m.tape.count - InstrumentMarket.tapeLimit) }
            }
            return [code]
        case ProtoID.qotUpdateBasicQot.rawValue:
            guard let s2c = try? QotUpdateBasicQot_Response(serializedBytes: event.body).s2C else { return [] }
            var changed: [SecurityCode] = []
            for q in s2c.basicQotList {
                guard let m = Market(qotMarket: q.security.market) else { continue }
                let code = SecurityCode(market: m, symbol: q.security.code)
                let found: Bool? = market.update(code) { live in
                    live.last = Price(wire: q.curPrice)
                    live.open = Price(wire: q.openPrice)
                    live.high = Price(wire: q.highPrice)
                    live.low = Price(wire: q.lowPrice)
                    if q.lastClosePrice > 0 { live.previousClose = Price(wire: q.lastClosePrice) }
                    live.volume = q.volume
                    live.turnover = Int64(q.turnover.rounded())
                    live.updateTime = q.updateTime
                    if q.hasUpdateTimestamp { live.updateTimestamp = q.updateTimestamp }
                    return true
                }
                if found != nil { changed.append(code) }
            }
            return changed
        default:
            return []
        }
    }
}
