import NIOConcurrencyHelpers
import NIOCore
import OpenDProtocol
import TradingKit
import XCTest

@testable import OpenDClient

/// Conflation between the socket and the app: newest book, quote and K-line per code and
/// sub-type; every print in order or counted as dropped; bounded however many pushes come.
final class PushSlotsTests: XCTestCase {
    // MARK: - Bodies

    static func security(_ code: String, market: Int32 = 1) -> QotCommon_Security {
        var s = QotCommon_Security()
        s.market = market
        s.code = code
        return s
    }

    static func bookBody(_ code: String, bestAsk: Double, levels: Int = 10) throws -> [UInt8] {
        var s2c = QotUpdateOrderBook_S2C()
        s2c.security = security(code)
        for i in 0..<levels {
            var ask = QotCommon_OrderBook()
            ask.price = bestAsk + Double(i) * 0.2
            ask.volume = Int64(100 * (i + 1))
            ask.orederCount = Int32(i + 1)
            s2c.orderBookAskList.append(ask)
            var bid = QotCommon_OrderBook()
            bid.price = bestAsk - 0.2 - Double(i) * 0.2
            bid.volume = Int64(200 * (i + 1))
            bid.orederCount = Int32(i + 2)
            s2c.orderBookBidList.append(bid)
        }
        return try QotUpdateOrderBook_Response.success(s2c).serializedBytes(partial: true)
    }

    static func quoteBody(_ quotes: [(String, Double)]) throws -> [UInt8] {
        var s2c = QotUpdateBasicQot_S2C()
        for (code, price) in quotes {
            var q = QotCommon_BasicQot()
            q.security = security(code)
            q.curPrice = price
            s2c.basicQotList.append(q)
        }
        return try QotUpdateBasicQot_Response.success(s2c).serializedBytes(partial: true)
    }

    static func klineBody(_ code: String, klType: Int32, close: Double) throws -> [UInt8] {
        var s2c = QotUpdateKL_S2C()
        s2c.rehabType = 1
        s2c.klType = klType
        s2c.security = security(code)
        var bar = QotCommon_KLine()
        bar.time = "2026-12-07 10:01:00"
        bar.isBlank = false
        bar.closePrice = close
        s2c.klList = [bar]
        return try QotUpdateKL_Response.success(s2c).serializedBytes(partial: true)
    }

    static func tickerBody(_ code: String, sequences: [Int64]) throws -> [UInt8] {
        var s2c = QotUpdateTicker_S2C()
        s2c.security = security(code)
        for seq in sequences {
            var t = QotCommon_Ticker()
            t.sequence = seq
            t.time = "10:00:00"
            t.price = 320
            t.volume = 100
            t.dir = 1
            s2c.tickerList.append(t)
        }
        return try QotUpdateTicker_Response.success(s2c).serializedBytes(partial: true)
    }

    // MARK: - Helpers

    private func attached(ringCapacity: Int = 128, slotLimit: Int = 8192) -> (PushSlots, NIOLockedValueBox<Int>) {
        let slots = PushSlots(ringCapacity: ringCapacity, slotLimit: slotLimit)
        let wakes = NIOLockedValueBox(0)
        slots.attach { wakes.withLockedValue { $0 += 1 } }
        slots.accept(generation: 1)
        return (slots, wakes)
    }

    @discardableResult
    private func offer(_ slots: PushSlots, _ kind: PushKind, _ body: [UInt8], generation: Int = 1) -> Bool {
        body.withUnsafeBytes { slots.offer(kind, body: $0, generation: generation) }
    }

    private func take(_ slots: PushSlots) -> [TakenPush] {
        var out: [TakenPush] = []
        slots.take(into: &out)
        return out
    }

    private func code(_ push: TakenPush) -> String { String(decoding: push.code, as: UTF8.self) }

    // MARK: - Tests

    func testTheNewestBookPerCodeWinsAndOlderOnesAreNotKept() throws {
        let (slots, _) = attached()
        for i in 0..<50 {
            XCTAssertTrue(offer(slots, .orderBook, try Self.bookBody("00700", bestAsk: 320 + Double(i) * 0.2)))
            XCTAssertTrue(offer(slots, .orderBook, try Self.bookBody("09988", bestAsk: 80 + Double(i) * 0.05)))
        }
        let taken = take(slots)
        XCTAssertEqual(taken.map(code), ["00700", "09988"], "one per code, in the order they first changed")
        XCTAssertEqual(taken.map(\.bodies.count), [1, 1])
        XCTAssertEqual(taken[0].bodies[0], try Self.bookBody("00700", bestAsk: 320 + 49 * 0.2))
        XCTAssertEqual(taken[1].bodies[0], try Self.bookBody("09988", bestAsk: 80 + 49 * 0.05))
        XCTAssertTrue(take(slots).isEmpty, "a take empties what it took")
    }

    func testSubTypesAreConflatedSeparately() throws {
        let (slots, _) = attached()
        offer(slots, .kline, try Self.klineBody("00700", klType: 1, close: 320))
        offer(slots, .kline, try Self.klineBody("00700", klType: 2, close: 321))
        offer(slots, .kline, try Self.klineBody("00700", klType: 1, close: 322))
        offer(slots, .orderBook, try Self.bookBody("00700", bestAsk: 320))
        offer(slots, .quote, try Self.quoteBody([("00700", 320.2), ("09988", 80.1)]))
        offer(slots, .quote, try Self.quoteBody([("00700", 320.4)]))
        let taken = take(slots)
        XCTAssertEqual(taken.map(\.kind), [.kline, .kline, .orderBook, .quote, .quote])
        XCTAssertEqual(taken.map(\.subType), [1, 2, 0, 0, 0])
        XCTAssertEqual(taken[0].bodies, [try Self.klineBody("00700", klType: 1, close: 322)])
        let q = try QotCommon_BasicQot(serializedBytes: taken[3].bodies[0], partial: true)
        XCTAssertEqual(q.curPrice, 320.4, "each quote of a multi-quote push has its own slot; newest wins")
        XCTAssertEqual(code(taken[4]), "09988")
    }

    func testTickerPrintsKeepTheirOrderAcrossTakes() throws {
        let (slots, _) = attached()
        for i in 0..<10 { offer(slots, .ticker, try Self.tickerBody("00700", sequences: [Int64(2 * i), Int64(2 * i + 1)])) }
        var sequences: [Int64] = []
        for push in take(slots) {
            for body in push.bodies {
                sequences += try QotUpdateTicker_Response(serializedBytes: body, partial: true).s2C.tickerList.map(\.sequence)
            }
        }
        for i in 10..<13 { offer(slots, .ticker, try Self.tickerBody("00700", sequences: [Int64(2 * i), Int64(2 * i + 1)])) }
        for push in take(slots) {
            XCTAssertEqual(push.dropped, 0)
            for body in push.bodies {
                sequences += try QotUpdateTicker_Response(serializedBytes: body, partial: true).s2C.tickerList.map(\.sequence)
            }
        }
        XCTAssertEqual(sequences, Array(0..<26), "every print, in arrival order")
    }

    func testPrintsThatFallOffTheRingAreCounted() throws {
        let (slots, _) = attached(ringCapacity: 4)
        for i in 0..<10 { offer(slots, .ticker, try Self.tickerBody("00700", sequences: [Int64(3 * i), Int64(3 * i + 1), Int64(3 * i + 2)])) }
        let taken = take(slots)
        XCTAssertEqual(taken.count, 1)
        XCTAssertEqual(taken[0].dropped, 18, "6 bodies of 3 prints fell off")
        let kept = try taken[0].bodies.flatMap {
            try QotUpdateTicker_Response(serializedBytes: $0, partial: true).s2C.tickerList.map(\.sequence)
        }
        XCTAssertEqual(kept, Array(18..<30), "the newest 4 bodies, oldest first")
        offer(slots, .ticker, try Self.tickerBody("00700", sequences: [99]))
        XCTAssertEqual(take(slots).first?.dropped, 0, "the count restarts after a take")
    }

    func testTheConsumerIsWokenOnceBetweenTakes() throws {
        let (slots, wakes) = attached()
        slots.publish()
        XCTAssertEqual(wakes.withLockedValue { $0 }, 0, "nothing waits: no wake-up")
        for i in 0..<100 {
            offer(slots, .orderBook, try Self.bookBody("00700", bestAsk: 320 + Double(i)))
            slots.publish()
        }
        XCTAssertEqual(wakes.withLockedValue { $0 }, 1)
        _ = take(slots)
        slots.publish()
        XCTAssertEqual(wakes.withLockedValue { $0 }, 1, "taken: nothing waits")
        offer(slots, .orderBook, try Self.bookBody("00700", bestAsk: 400))
        slots.publish()
        XCTAssertEqual(wakes.withLockedValue { $0 }, 2)
    }

    func testPushesTakeTheOrdinaryPathUnlessAttachedLiveAndReadable() throws {
        let book = try Self.bookBody("00700", bestAsk: 320)
        let unattached = PushSlots()
        unattached.accept(generation: 1)
        XCTAssertFalse(offer(unattached, .orderBook, book), "nobody attached")

        let (slots, _) = attached()
        XCTAssertFalse(offer(slots, .orderBook, book, generation: 2), "a stale link")
        var failed = QotUpdateOrderBook_Response()
        failed.retType = -1
        failed.retMsg = "no rights"
        XCTAssertFalse(offer(slots, .orderBook, try failed.serializedBytes(partial: true)), "retType ≠ 0")
        XCTAssertFalse(offer(slots, .orderBook, Array(book.prefix(book.count - 3))), "truncated")
        var noSecurity = QotUpdateOrderBook_S2C()
        noSecurity.orderBookAskList = [QotCommon_OrderBook()]
        XCTAssertFalse(offer(slots, .orderBook, try QotUpdateOrderBook_Response.success(noSecurity).serializedBytes(partial: true)))
        slots.accept(generation: 0)
        XCTAssertFalse(offer(slots, .orderBook, book), "link dropped")
        XCTAssertTrue(take(slots).isEmpty)
    }

    func testAMillionPushBurstStaysBounded() throws {
        let codes = (0..<50).map { String(format: "%05d", $0) }
        var bodies: [(PushKind, [UInt8])] = []
        for code in codes {
            bodies.append((.orderBook, try Self.bookBody(code, bestAsk: 100)))
            bodies.append((.quote, try Self.quoteBody([(code, 100)])))
            bodies.append((.kline, try Self.klineBody(code, klType: 1, close: 100)))
            bodies.append((.ticker, try Self.tickerBody(code, sequences: [1])))
        }
        let ring = 16
        let (slots, wakes) = attached(ringCapacity: ring)
        var maxWaiting = 0
        var maxTaken = 0
        var takenBodies = 0
        var dropped = 0
        let total = 1_000_000
        var routed = 0
        for i in 0..<total {
            let (kind, body) = bodies[i % bodies.count]
            if offer(slots, kind, body) { routed += 1 }
            if i % 128 == 127 { slots.publish() }  // one read
            if i % 20_000 == 19_999 {  // a slow consumer: one take per 20,000 pushes
                maxWaiting = max(maxWaiting, slots.waitingCount)
                let taken = take(slots)
                maxTaken = max(maxTaken, taken.reduce(0) { $0 + $1.bodies.count })
                takenBodies += taken.reduce(0) { $0 + $1.bodies.count }
                dropped += taken.reduce(0) { $0 + $1.dropped }
            }
        }
        XCTAssertEqual(routed, total)
        XCTAssertEqual(maxWaiting, bodies.count, "at most one waiting slot per (kind, sub-type, code)")
        XCTAssertEqual(maxTaken, 150 + 50 * ring, "a take holds at most one body per slot and a ring per code")
        XCTAssertEqual(takenBodies, 50 * (150 + 50 * ring))
        XCTAssertEqual(dropped, total / 4 - 50 * 50 * ring, "every print is taken or counted")
        XCTAssertEqual(wakes.withLockedValue { $0 }, 50, "one wake-up per take, not per push or read")
        XCTAssertEqual(slots.overflowedPushes, 0)
    }

    func testSlotsBeyondTheLimitAreDroppedAndCounted() throws {
        let (slots, _) = attached(slotLimit: 3)
        for i in 0..<5 { XCTAssertTrue(offer(slots, .orderBook, try Self.bookBody("0070\(i)", bestAsk: 1))) }
        XCTAssertEqual(take(slots).count, 3)
        XCTAssertEqual(slots.overflowedPushes, 2)
    }
}

/// The HUD's running totals of the conflation store.
final class PushSlotCountersTests: XCTestCase {
    func testCountersCountRoutedConflatedAndDroppedPushes() throws {
        let slots = PushSlots(ringCapacity: 2)
        slots.attach {}
        slots.accept(generation: 1)
        func offer(_ kind: PushKind, _ body: [UInt8]) { _ = body.withUnsafeBytes { slots.offer(kind, body: $0, generation: 1) } }
        XCTAssertEqual(slots.counters, PushCounters(offered: 0, conflated: 0, droppedPrints: 0, overflowed: 0))
        for i in 0..<3 { offer(.orderBook, try PushSlotsTests.bookBody("00700", bestAsk: 320 + Double(i))) }
        offer(.orderBook, try PushSlotsTests.bookBody("09988", bestAsk: 80))
        // a ring of 2 bodies: the third and fourth push drop the 2 + 3 prints of the oldest ones
        offer(.ticker, try PushSlotsTests.tickerBody("00700", sequences: [1, 2]))
        offer(.ticker, try PushSlotsTests.tickerBody("00700", sequences: [3, 4, 5]))
        offer(.ticker, try PushSlotsTests.tickerBody("00700", sequences: [6]))
        offer(.ticker, try PushSlotsTests.tickerBody("00700", sequences: [7]))
        var c = slots.counters
        XCTAssertEqual(c.offered, 8)
        XCTAssertEqual(c.conflated, 2, "two of 00700's three books were replaced before a take")
        XCTAssertEqual(c.droppedPrints, 5)
        var out: [TakenPush] = []
        slots.take(into: &out)
        offer(.orderBook, try PushSlotsTests.bookBody("00700", bestAsk: 330))
        c = slots.counters
        XCTAssertEqual(c.offered, 9)
        XCTAssertEqual(c.conflated, 2, "a book after a take replaces nothing")
        XCTAssertEqual(c.droppedPrints, 5, "totals survive the take")
        _ = try PushSlotsTests.quoteBody([("00700", 1)]).withUnsafeBytes { slots.offer(.quote, body: $0, generation: 2) }
        XCTAssertEqual(slots.counters.offered, 9, "a push of a stale link is not routed, so not counted")
    }
}
