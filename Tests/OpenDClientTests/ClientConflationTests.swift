import NIOConcurrencyHelpers
import NIOCore
import OpenDProtocol
import TradingKit
import XCTest

@testable import OpenDClient

/// Conflation end to end over a socket: a burst of books, quotes and prints from a scripted
/// OpenD reaches the consumer as the newest book and quote and every print, through the slots
/// (not the event stream), with one wake-up between takes.
final class ClientConflationTests: ScriptedOpenDTestCase {
    private func frame(_ proto: ProtoID, _ body: [UInt8], serial: UInt32) -> Frame {
        Frame(protoID: proto.rawValue, serial: serial, body: ByteBuffer(bytes: body))
    }

    func testABurstArrivesAsTheNewestBookAndEveryPrint() async throws {
        let connection = makeConnection()
        let recorder = EventRecorder(connection)
        let client = OpenDClient(connection: connection)
        let wakes = NIOLockedValueBox(0)
        client.conflatePushes { wakes.withLockedValue { $0 += 1 } }
        try await client.start()

        var frames: [Frame] = []
        for i in 0..<400 {
            let serial = UInt32(i + 1)
            frames.append(
                frame(.qotUpdateOrderBook, try PushSlotsTests.bookBody("00700", bestAsk: 300 + Double(i) * 0.2), serial: serial))
            if i % 4 == 0 {
                frames.append(frame(.qotUpdateTicker, try PushSlotsTests.tickerBody("00700", sequences: [Int64(i)]), serial: serial))
            }
            if i % 10 == 0 {
                frames.append(frame(.qotUpdateBasicQot, try PushSlotsTests.quoteBody([("00700", 300 + Double(i))]), serial: serial))
            }
        }
        server.pushBurst(frames, session: 1)

        var lastAsk: Price?
        var lastQuote: Price?
        var prints: [Int64] = []
        var takes = 0
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(5))
        while lastAsk != Price("379.8") || prints.count < 100 || lastQuote != Price("690") {
            guard clock.now < deadline else { return XCTFail("burst not complete: \(String(describing: lastAsk)) \(prints.count)") }
            try await waitUntil("a wake-up") { wakes.withLockedValue { $0 } > takes }
            takes += 1
            var books = 0
            for event in client.takePushes() {
                switch event {
                case .orderBook(let book):
                    books += 1
                    XCTAssertEqual(book.asks.count, 10)
                    lastAsk = book.asks.first?.price
                case .quote(let q): lastQuote = q.last
                case .ticks(_, let ticks): prints += ticks.map(\.sequence)
                case .ticksDropped(_, let n): XCTFail("\(n) prints dropped with room in the ring")
                default: XCTFail("unexpected \(event)")
                }
            }
            XCTAssertLessThanOrEqual(books, 1, "at most one book per code per take")
        }
        XCTAssertEqual(prints, stride(from: 0, to: 400, by: 4).map(Int64.init), "every print, in order")
        XCTAssertEqual(wakes.withLockedValue { $0 }, takes, "one wake-up per take")
        XCTAssertTrue(recorder.pushes.isEmpty, "conflated pushes bypass the event stream")
    }

    func testOtherPushesKeepTheEventStream() async throws {
        let connection = makeConnection()
        let recorder = EventRecorder(connection)
        let client = OpenDClient(connection: connection)
        client.conflatePushes {}
        try await client.start()
        var notify = Notify_S2C()
        notify.type = 3
        let body: [UInt8] = try Notify_Response.success(notify).serializedBytes(partial: true)
        server.push(frame(.notify, body, serial: 1), session: 1)
        try await waitUntil("the notice") { recorder.pushes.count == 1 }
        XCTAssertEqual(recorder.pushes[0].protoID, ProtoID.notify.rawValue)
    }
}
