import Foundation
import MarketRecording
import OpenDClient
import OpenDProtocol
import SimGateway
import TradingKit
import XCTest

/// Record a simulated session through the client's tap; the file holds exactly the pushes the
/// consumer received, in order. Serve it with the simulator in replay mode; a second client
/// receives the same push bodies in the same order, and queries answer from the recording.
final class ReplayRoundTripTests: XCTestCase {
    private var directory = ""

    override func setUp() {
        directory = NSTemporaryDirectory() + "mootui-replay-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    private struct Push: Equatable {
        var protoID: UInt32
        var serial: UInt32
        var body: [UInt8]
    }

    /// Connects to `server` with `tap`, subscribes HK.00700 to quote, book and ticker, and collects
    /// `count` quote pushes from the event stream (or fails after 20 s).
    private func session(_ server: SimServer, tap: (any FrameTap)?, count: Int) async throws -> [Push] {
        var config = ConnectionConfiguration(endpoint: OpenDEndpoint(host: server.host, port: server.port))
        config.frameTap = tap
        let connection = OpenDConnection(configuration: config)
        try await connection.start()
        let security = try SecurityCode(parsing: "HK.00700").wireSecurity
        let events = connection.events
        let collector = Task { () -> [Push] in
            var got: [Push] = []
            for await event in events {
                let frames: [Frame]
                switch event {
                case .push(let f): frames = [f]
                case .pushes(let fs): frames = fs
                default: continue
                }
                for f in frames where [3005, 3011, 3013].contains(f.protoID) {
                    got.append(Push(protoID: f.protoID, serial: f.serial, body: Array(f.body.readableBytesView)))
                }
                if got.count >= count { break }
            }
            return got
        }
        try await connection.subscribe([security], subTypes: [1, 2, 4])
        let timeout = Task {
            try await Task.sleep(for: .seconds(20))
            collector.cancel()
        }
        let pushes = await collector.value
        timeout.cancel()
        await connection.shutdown()
        return pushes
    }

    func testRecordedSessionReplaysTheSamePushesInOrder() async throws {
        var config = SimConfiguration()
        config.dataDirectory = directory + "/live"
        config.rate = 40
        let live = try await SimServer.start(config)
        let path = directory + "/session.mrec"
        let header = RecordingHeader(
            startNanoseconds: WallClock.nanoseconds(), gateway: "\(live.host):\(live.port)",
            subscriptions: [1, 2, 4].map { .init(code: "HK.00700", subType: $0) })
        let writer = try RecordingWriter(sink: try FileRecordingSink(path: path), header: header)
        let consumed = try await session(live, tap: writer, count: 60)
        try await live.shutdown()
        let stats = writer.close()
        XCTAssertGreaterThanOrEqual(consumed.count, 60)
        XCTAssertEqual(stats.framesDropped, 0)

        // The file holds the consumer's pushes, same order, same serials, same bytes.
        let contents = try RecordingReader.read(path: path)
        XCTAssertNil(contents.damage)
        let recorded = contents.entries.compactMap { e -> Push? in
            guard case .frame(let f) = e, f.isPush, [3005, 3011, 3013].contains(f.protoID) else { return nil }
            return Push(protoID: f.protoID, serial: f.serial, body: f.body)
        }
        XCTAssertEqual(Array(recorded.prefix(consumed.count)), consumed)
        XCTAssertTrue(contents.entries.contains { if case .frame(let f) = $0 { !f.isPush } else { false } },
                      "responses are recorded too")

        // Replayed at full speed: a fresh client gets the same bodies in the same order.
        var replayConfig = SimConfiguration()
        replayConfig.dataDirectory = directory + "/replay"
        replayConfig.replay = ReplaySource(contents, speed: .max)
        let replay = try await SimServer.start(replayConfig)
        let source = try XCTUnwrap(replayConfig.replay)
        XCTAssertEqual(source.count, recorded.count)
        let replayed = try await session(replay, tap: nil, count: recorded.count)
        XCTAssertEqual(replayed.map(\.body), recorded.map(\.body))
        XCTAssertEqual(replayed.map(\.protoID), recorded.map(\.protoID))

        // Queries answer from the recording: the book is the last recorded one.
        let lastBook = try XCTUnwrap(recorded.last { $0.protoID == 3013 })
        let expected = try QotUpdateOrderBook_Response(serializedBytes: lastBook.body).s2C
        let client = OpenDConnection(
            configuration: ConnectionConfiguration(endpoint: OpenDEndpoint(host: replay.host, port: replay.port)))
        try await client.start()
        var c2s = QotGetOrderBook_C2S()
        c2s.security = try SecurityCode(parsing: "HK.00700").wireSecurity
        c2s.num = 10
        try await client.subscribe([c2s.security], subTypes: [2])
        let book = try await client.request(QotGetOrderBook_Request(c2s: c2s))
        XCTAssertEqual(book.orderBookBidList.map(\.price), expected.orderBookBidList.prefix(10).map(\.price))
        XCTAssertEqual(book.orderBookAskList.map(\.price), expected.orderBookAskList.prefix(10).map(\.price))
        await client.shutdown()
        try await replay.shutdown()
    }

    func testATruncatedRecordingReplaysWhatIsIntact() async throws {
        let bytes = try threeBookBytes()
        let contents = try RecordingReader.read(bytes: Array(bytes.dropLast(5)))
        XCTAssertEqual(contents.entries.count, 2)
        XCTAssertNotNil(contents.damage?.offset)
        let source = ReplaySource(contents, speed: .max)
        XCTAssertEqual(source.count, 2)
        XCTAssertEqual(source.codes.map(\.description), ["HK.00700"])
    }

    /// Three order-book pushes a second apart, as a recording in memory.
    private func threeBooks() throws -> RecordingContents {
        try RecordingReader.read(bytes: threeBookBytes())
    }

    /// The bytes of a recording of three order-book pushes a second apart.
    private func threeBookBytes() throws -> [UInt8] {
        let sink = MemorySink()
        let times = LockedCounter()
        let writer = try RecordingWriter(
            sink: sink, header: RecordingHeader(startNanoseconds: 1, gateway: "g", subscriptions: []),
            now: { 1_000_000_000_000 + (times.next() - 1) * 1_000_000_000 })
        var book = QotUpdateOrderBook_S2C()
        book.security = try SecurityCode(parsing: "HK.00700").wireSecurity
        for i in 0..<3 {
            var level = QotCommon_OrderBook()
            level.price = 400 + Double(i)
            level.volume = 100
            level.orederCount = 1
            book.orderBookBidList = [level]
            var response = QotUpdateOrderBook_Response()
            response.retType = 0
            response.s2C = book
            writer.append(protoID: 3013, serial: UInt32(i + 1), isPush: true, body: try response.serializedBytes())
        }
        writer.close()
        return Array(sink.bytes)
    }

    func testAReplayStartingLaterAppliesEarlierPushesWithoutSendingThem() async throws {
        var source = ReplaySource(try threeBooks(), speed: .max)
        XCTAssertEqual(source.span, 2_000_000_000)
        source.start(at: source.firstNanoseconds + 1_500_000_000)
        var config = SimConfiguration()
        config.dataDirectory = directory + "/later"
        config.replay = source
        let server = try await SimServer.start(config)
        let connection = OpenDConnection(
            configuration: ConnectionConfiguration(endpoint: OpenDEndpoint(host: server.host, port: server.port)))
        try await connection.start()
        let security = try SecurityCode(parsing: "HK.00700").wireSecurity
        let events = connection.events
        let first = Task { () -> Frame? in
            for await event in events {
                if case .push(let f) = event, f.protoID == 3013 { return f }
                if case .pushes(let fs) = event, let f = fs.first(where: { $0.protoID == 3013 }) { return f }
            }
            return nil
        }
        try await connection.subscribe([security], subTypes: [2])
        let timeout = Task {
            try await Task.sleep(for: .seconds(10))
            first.cancel()
        }
        let push = await first.value
        timeout.cancel()
        let book: QotUpdateOrderBook_Response = try XCTUnwrap(push).decode()
        XCTAssertEqual(book.s2C.orderBookBidList.first?.price, 402, "the first push sent is the one after the start")
        var c2s = QotGetOrderBook_C2S()
        c2s.security = security
        c2s.num = 5
        let answer = try await connection.request(QotGetOrderBook_Request(c2s: c2s))
        XCTAssertEqual(answer.orderBookBidList.map(\.price), [402])
        await connection.shutdown()
        try await server.shutdown()
    }
}
