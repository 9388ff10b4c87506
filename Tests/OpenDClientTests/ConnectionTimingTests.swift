import Logging
import NIOCore
import OpenDProtocol
import XCTest

@testable import OpenDClient

/// Timer-driven behaviour (keep-alive, silence watchdog, rate limits, 60-s rule) on a manual clock.
final class ConnectionTimingTests: XCTestCase {
    private var server: ScriptedOpenD!
    private var port = 0
    private let clock = ManualClock()

    private func startServer(_ options: ScriptedOpenD.Options) async throws {
        server = ScriptedOpenD(options: options)
        port = try await server.start()
        let server = self.server!
        addTeardownBlock { await server.stop() }
    }

    private func makeConnection(_ tweak: (inout ConnectionConfiguration) -> Void = { _ in }) -> OpenDConnection {
        var configuration = ConnectionConfiguration(endpoint: OpenDEndpoint(host: "127.0.0.1", port: port))
        tweak(&configuration)
        let connection = OpenDConnection(configuration: configuration, clock: clock)
        addTeardownBlock { await connection.shutdown() }
        return connection
    }

    func testKeepAliveGoesOutEveryFourFifthsOfTheInterval() async throws {
        try await startServer(.init(keepAliveInterval: 1))
        let connection = makeConnection()
        try await connection.start()
        XCTAssertEqual(connection.info?.keepAliveInterval, 1)
        let clock = self.clock
        for beat in 1...3 {
            let due = clock.elapsed + .milliseconds(800)
            try await waitUntil("keep-alive \(beat) armed") { clock.pendingDeadlines.contains(due) }
            clock.advance(by: .milliseconds(799))
            XCTAssertTrue(clock.pendingDeadlines.contains(due), "not due before 0.8 s")
            XCTAssertEqual(server.frames(.keepAlive).count, beat - 1)
            clock.advance(by: .milliseconds(1))
            try await waitUntil("keep-alive \(beat) sent") { self.server.frames(.keepAlive).count == beat }
        }
        let pings = try server.frames(.keepAlive).map { try $0.frame.decode(KeepAlive_Request.self).c2S.time }
        XCTAssertTrue(pings.allSatisfy { $0 > 1_600_000_000 }, "Unix seconds: \(pings)")
        XCTAssertEqual(Set(server.frames(.keepAlive).map(\.frame.serial)).count, 3)
    }

    func testSilentGatewayIsDroppedAfterTheSilenceTimeoutAndReconnected() async throws {
        try await startServer(.init(keepAliveInterval: 10))
        server.setScript { frame, session in
            session == 1 && frame.protoID == ProtoID.keepAlive.rawValue ? .silence : .standard
        }
        let connection = makeConnection { $0.reconnectBackoff = [.seconds(1)] }
        let recorder = EventRecorder(connection)
        try await connection.start()
        let clock = self.clock
        try await waitUntil("watchdog armed") { clock.pendingDeadlines.contains(.seconds(33)) }
        clock.advance(by: .seconds(32))
        XCTAssertTrue(recorder.disconnectReasons.isEmpty)
        clock.advance(by: .seconds(1))
        try await waitUntil("dropped") { !recorder.disconnectReasons.isEmpty }
        XCTAssertTrue(recorder.disconnectReasons[0].contains("no data from OpenD"), recorder.disconnectReasons[0])
        try await waitUntil("reconnect scheduled") {
            recorder.states.last == .reconnecting(attempt: 1, delay: .seconds(1))
        }
        try await waitUntil("backoff timer armed") { clock.pendingDeadlines.contains(.seconds(34)) }
        clock.advance(by: .seconds(1))
        try await waitUntil("reconnected") { recorder.connectedCount == 2 }
    }

    func testPlaceOrderLimiterRefusesTheSixteenthAndLetsALaterOrderWaitBriefly() async throws {
        try await startServer(.init(keepAliveInterval: 100_000))
        let connection = makeConnection { $0.silenceTimeout = .seconds(100_000) }
        try await connection.start()
        let info = try XCTUnwrap(connection.info)
        let clock = self.clock
        let account: UInt64 = 281_756_420_273_981_734

        var order = TrdPlaceOrder_C2S()
        order.header.trdEnv = 0
        order.header.accID = account
        order.header.trdMarket = 1
        order.trdSide = 1
        order.orderType = 1
        order.code = "00700"
        order.qty = 100
        order.price = 320.2
        let request = TrdPlaceOrder_Request(c2s: order)
        let orders = Task {
            await withTaskGroup(of: Result<UInt64, OpenDClientError>.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        do { return .success(try await connection.request(request).orderID) } catch {
                            return .failure(error as! OpenDClientError)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
        }
        // 15 are booked at t = 0, 20 ms apart. The 16th would have to wait until 30 s (+ 50 ms
        // margin) after the 1st: far beyond the 3 s an order may wait, so it is refused, unsent.
        let booked = (1..<15).map { Duration.milliseconds(20 * $0) }
        try await waitUntil("15 orders booked") { Set(booked).isSubset(of: clock.pendingDeadlines) }
        try await waitUntil("first order sent") { self.server.frames(.trdPlaceOrder).count == 1 }
        XCTAssertFalse(clock.pendingDeadlines.contains(.milliseconds(30_050)), "the 16th is not queued")
        XCTAssertEqual(connection.rateBudget(for: .trdPlaceOrder, accountID: account).used, 15)
        XCTAssertEqual(
            connection.rateBudget(for: .trdPlaceOrder, accountID: 1), RateBudget(limit: 15, used: 0, nextSlotIn: nil))
        for sent in 2...15 {
            clock.advance(by: .milliseconds(20))
            try await waitUntil("order \(sent) sent") { self.server.frames(.trdPlaceOrder).count == sent }
        }
        let results = await orders.value
        XCTAssertEqual(results.count(where: { if case .success = $0 { true } else { false } }), 15)
        let refusals = results.compactMap { if case .failure(let e) = $0 { e } else { nil } }
        XCTAssertEqual(refusals, [.rateLimited(protoID: 2202, limit: 15, window: .seconds(30), nextIn: .milliseconds(30_050))])
        XCTAssertEqual(refusals.first?.description,
                       "not sent: OpenD allows 15 orders per 30 s and the next may go in 30.1 s")
        XCTAssertEqual(server.frames(.trdPlaceOrder).count, 15)

        // At 27.1 s the next slot (30.05 s) is 2.95 s away: within the wait, so it is sent then.
        clock.advance(by: .milliseconds(27_100 - 280))
        let late = Task { try await connection.request(request).orderID }
        try await waitUntil("the late order waits for its slot") { clock.pendingDeadlines.contains(.milliseconds(30_050)) }
        XCTAssertEqual(server.frames(.trdPlaceOrder).count, 15)
        clock.advance(by: .milliseconds(2_950))
        _ = try await late.value
        XCTAssertEqual(server.frames(.trdPlaceOrder).count, 16)

        for received in server.frames(.trdPlaceOrder) {
            let packetID = try received.frame.decode(TrdPlaceOrder_Request.self).c2S.packetID
            XCTAssertEqual(packetID.connID, info.connID)
            XCTAssertEqual(packetID.serialNo, received.frame.serial)
        }
    }

    func testUnsubscribeIsAllowedAfterSixtySeconds() async throws {
        try await startServer(.init(keepAliveInterval: 100_000))
        let connection = makeConnection { $0.silenceTimeout = .seconds(100_000) }
        try await connection.start()
        var security = QotCommon_Security()
        security.market = 11
        security.code = "AAPL"
        try await connection.subscribe([security], subTypes: [4])
        XCTAssertEqual(connection.quota.used, 1)
        clock.advance(by: .milliseconds(59_400))
        await XCTAssertThrowsAsync(OpenDClientError.unsubscribeTooEarly(secondsLeft: 1)) {
            try await connection.unsubscribe([security], subTypes: [4])
        }
        clock.advance(by: .milliseconds(600))
        try await connection.unsubscribe([security], subTypes: [4])
        let last = try XCTUnwrap(server.frames(.qotSub).last).frame.decode(QotSub_Request.self).c2S
        XCTAssertFalse(last.isSubOrUnSub)
        XCTAssertEqual(connection.quota.used, 0)
        XCTAssertEqual(connection.subscriptionCount, 0)
    }

    func testCachedTradeQueriesAreNotRateLimitedButRefreshesAre() async throws {
        try await startServer(.init(keepAliveInterval: 100_000))
        let connection = makeConnection { $0.silenceTimeout = .seconds(100_000) }
        try await connection.start()
        let clock = self.clock
        func funds(refresh: Bool) -> TrdGetFunds_Request {
            var c2s = TrdGetFunds_C2S()
            c2s.header.trdEnv = 1
            c2s.header.accID = 9
            c2s.header.trdMarket = 1
            c2s.refreshCache = refresh
            return TrdGetFunds_Request(c2s: c2s)
        }
        // The scripted server rejects 2101; only what reaches it matters here.
        for _ in 0..<12 { _ = try? await connection.request(funds(refresh: false)) }
        XCTAssertEqual(server.frames(.trdGetFunds).count, 12)
        for _ in 0..<10 { _ = try? await connection.request(funds(refresh: true)) }
        XCTAssertEqual(server.frames(.trdGetFunds).count, 22)
        let eleventh = Task { try? await connection.request(funds(refresh: true)) }
        try await waitUntil("11th refresh waits for the window") {
            clock.pendingDeadlines.contains(.milliseconds(30_050))
        }
        XCTAssertEqual(server.frames(.trdGetFunds).count, 22)
        clock.advance(by: .milliseconds(30_050))
        _ = await eleventh.value
        XCTAssertEqual(server.frames(.trdGetFunds).count, 23)
    }
}
