import Logging
import NIOCore
import OpenDProtocol
import XCTest

@testable import OpenDClient

/// The connection against a scripted OpenD on 127.0.0.1: handshake, requests, errors, pushes.
final class ConnectionTests: ScriptedOpenDTestCase {

    func testHandshakeSendsInitConnectAndReportsTheLink() async throws {
        let connection = makeConnection()
        let recorder = EventRecorder(connection)
        try await connection.start()

        let hello = try XCTUnwrap(server.frames(.initConnect).first)
        XCTAssertNotEqual(hello.frame.serial, 0)
        let c2s = try hello.frame.decode(InitConnect_Request.self).c2S
        XCTAssertEqual(c2s.clientID, "mootui")
        XCTAssertEqual(c2s.clientVer, 100)
        XCTAssertTrue(c2s.recvNotify)
        XCTAssertEqual(c2s.packetEncAlgo, -1)
        XCTAssertEqual(c2s.pushProtoFmt, 0)
        XCTAssertEqual(c2s.programmingLanguage, "Swift")

        let info = try XCTUnwrap(connection.info)
        XCTAssertEqual(info.connID, 7_000_000_000_000_000_001)
        XCTAssertEqual(info.loginUserID, 4242)
        XCTAssertEqual(info.keepAliveInterval, 10)
        XCTAssertFalse(info.encrypted)
        XCTAssertEqual(connection.state, .connected(info))
        try await waitUntil("connecting and connected states") {
            recorder.states == [.connecting(attempt: 1), .connected(info)]
        }
    }

    func testRequestsGetIncreasingSerialsAndMatchingAnswers() async throws {
        let connection = makeConnection()
        try await connection.start()

        // Concurrent requests must each get the answer to their own serial.
        let quotas = try await withThrowingTaskGroup(of: Int32.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    try await connection.request(QotGetSubInfo_Request(c2s: QotGetSubInfo_C2S())).remainQuota
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(quotas, Array(repeating: 100, count: 5))
        let serials = server.received.map(\.frame.serial)
        XCTAssertEqual(serials.count, 6)
        XCTAssertEqual(Set(serials).count, serials.count, "serials are never reused")
        XCTAssertEqual(serials.first, serials.min(), "InitConnect goes first")
    }

    func testSerialsReachOpenDInIncreasingOrderInABurstAfterEachConnect() async throws {
        let connection = makeConnection()
        let recorder = EventRecorder(connection)
        try await connection.start()
        for round in 1...4 {
            if round > 1 {
                server.dropAll()
                try await waitUntil("reconnect \(round)", timeout: .seconds(10)) { recorder.connectedCount == round }
            }
            // A burst of concurrent requests straight after the connect, as the app's replay sends.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<200 {
                    group.addTask { _ = try await connection.request(QotGetSubInfo_Request(c2s: QotGetSubInfo_C2S())) }
                }
                try await group.waitForAll()
            }
        }
        let sessions = Dictionary(grouping: server.received, by: \.session)
        XCTAssertEqual(sessions.count, 4)
        for (session, frames) in sessions {
            let serials = frames.map(\.frame.serial)
            let outOfOrder = zip(serials, serials.dropFirst()).filter { $0 >= $1 }
            XCTAssertTrue(outOfOrder.isEmpty, "session \(session): serials out of order \(outOfOrder.prefix(5))")
            XCTAssertGreaterThanOrEqual(serials.count, 201)
        }
    }

    func testGatewayErrorCarriesRetMsg() async throws {
        server.setScript { frame, _ in
            guard frame.protoID == ProtoID.qotGetBasicQot.rawValue else { return .standard }
            var failure = QotGetBasicQot_Response.failure("unknown stock HK.99999")
            failure.errCode = 11
            return .respond(try! ScriptedOpenD.reply(to: frame, with: failure))
        }
        let connection = makeConnection()
        try await connection.start()

        await XCTAssertThrowsAsync(
            OpenDClientError.gateway(protoID: 3004, retType: -1, retMsg: "unknown stock HK.99999", errCode: 11)
        ) {
            try await connection.request(QotGetBasicQot_Request(c2s: QotGetBasicQot_C2S()))
        }
        // The link is still fine afterwards.
        _ = try await connection.request(QotGetSubInfo_Request(c2s: QotGetSubInfo_C2S()))
    }

    func testRequestTimesOutWhenOpenDStaysSilent() async throws {
        server.setScript { frame, _ in frame.protoID == ProtoID.qotGetBasicQot.rawValue ? .silence : .standard }
        let connection = makeConnection()
        try await connection.start()

        do {
            _ = try await connection.request(
                QotGetBasicQot_Request(c2s: QotGetBasicQot_C2S()), timeout: .milliseconds(150))
            XCTFail("expected a timeout")
        } catch let OpenDClientError.timeout(protoID, serial) {
            XCTAssertEqual(protoID, 3004)
            XCTAssertEqual(serial, server.frames(.qotGetBasicQot).first?.frame.serial)
        }
        XCTAssertEqual(connection.state, .connected(try XCTUnwrap(connection.info)))
    }

    func testHandshakeRefusalIsHandshakeFailedWithRetMsg() async throws {
        server.setScript { frame, _ in
            guard frame.protoID == ProtoID.initConnect.rawValue else { return .standard }
            return .respond(
                try! ScriptedOpenD.reply(to: frame, with: InitConnect_Response.failure("client version too old")))
        }
        let connection = makeConnection()
        await XCTAssertThrowsAsync(OpenDClientError.handshakeFailed("client version too old")) {
            try await connection.start()
        }
        XCTAssertNil(connection.info)
        await connection.shutdown()
    }

    func testUnreachableGatewayFailsFast() async throws {
        await server.stop()
        let connection = makeConnection()
        do {
            try await connection.start()
            XCTFail("expected unreachable")
        } catch let OpenDClientError.unreachable(endpoint, reason) {
            XCTAssertEqual(endpoint, "127.0.0.1:\(port)")
            XCTAssertFalse(reason.isEmpty)
        }
        await connection.shutdown()
    }

    func testPushesArriveOnTheEventStream() async throws {
        let connection = makeConnection()
        let recorder = EventRecorder(connection)
        try await connection.start()

        server.push(try tencentQuotePush(serial: 1), session: 1)
        try await waitUntil("a push") { recorder.pushes.count == 1 }
        let push = try recorder.pushes[0].decode(QotUpdateBasicQot_Response.self)
        XCTAssertEqual(push.s2C.basicQotList.first?.security.code, "00700")
    }

    /// A Qot_UpdateBasicQot push for HK.00700. Only some of BasicQot's required fields are set:
    /// the client decodes partial messages.
    private func tencentQuotePush(serial: UInt32) throws -> Frame {
        var s2c = QotUpdateBasicQot_S2C()
        var quote = QotCommon_BasicQot()
        quote.security.market = 1
        quote.security.code = "00700"
        s2c.basicQotList = [quote]
        let body: [UInt8] = try QotUpdateBasicQot_Response.success(s2c).serializedBytes(partial: true)
        return Frame(protoID: ProtoID.qotUpdateBasicQot.rawValue, serial: serial, body: ByteBuffer(bytes: body))
    }

    func testABurstOfPushesArrivesInOrderBatchedPerRead() async throws {
        let connection = makeConnection()
        let recorder = EventRecorder(connection)
        try await connection.start()
        let frames = try (1...300).map { try tencentQuotePush(serial: UInt32($0)) }
        server.pushBurst(frames, session: 1)
        try await waitUntil("300 pushes") { recorder.pushes.count == 300 }
        XCTAssertEqual(recorder.pushes.map(\.serial), (1...300).map { UInt32($0) }, "in arrival order")
        XCTAssertLessThan(recorder.pushEvents, 300, "one event per socket read, not one per push")
    }

    func testShutdownIsIdempotentFailsNothingLaterAndFinishesEvents() async throws {
        let connection = makeConnection()
        let recorder = EventRecorder(connection)
        try await connection.start()
        await connection.shutdown()
        await connection.shutdown()
        XCTAssertEqual(connection.state, .closed)
        try await waitUntil("events finish") { recorder.finished }
        XCTAssertEqual(recorder.states.last, .closed)
        await XCTAssertThrowsAsync(OpenDClientError.closed) {
            try await connection.request(QotGetSubInfo_Request(c2s: QotGetSubInfo_C2S()))
        }
        await XCTAssertThrowsAsync(OpenDClientError.closed) { try await connection.start() }
    }

    func testSubscribeTracksQuotaAndRefusesEarlyUnsubscribe() async throws {
        let connection = makeConnection()
        try await connection.start()

        let securities = ["00700", "09988"].map { code -> QotCommon_Security in
            var security = QotCommon_Security()
            security.market = 1
            security.code = code
            return security
        }
        try await connection.subscribe(securities, subTypes: [1, 2])
        let sub = try XCTUnwrap(server.frames(.qotSub).first).frame.decode(QotSub_Request.self).c2S
        XCTAssertTrue(sub.isSubOrUnSub)
        XCTAssertTrue(sub.isRegOrUnRegPush)
        XCTAssertTrue(sub.isFirstPush)
        XCTAssertEqual(sub.securityList.map(\.code), ["00700", "09988"])
        XCTAssertEqual(connection.quota.used, 4)
        XCTAssertEqual(connection.quota.total, 100)
        XCTAssertEqual(connection.subscriptionCount, 4)

        do {
            try await connection.unsubscribe([securities[0]], subTypes: [1])
            XCTFail("expected unsubscribeTooEarly")
        } catch let OpenDClientError.unsubscribeTooEarly(secondsLeft) {
            XCTAssertTrue((59...60).contains(secondsLeft), "\(secondsLeft)")
        }
        XCTAssertEqual(server.frames(.qotSub).count, 1, "nothing sent for a refused unsubscribe")
    }

    func testQuotaExceededIsRefusedBeforeSending() async throws {
        await server.stop()
        server = ScriptedOpenD(options: .init(quotaTotal: 3))
        port = try await server.start()
        let connection = makeConnection()
        try await connection.start()
        XCTAssertEqual(connection.quota.total, 0, "unknown until asked")
        var security = QotCommon_Security()
        security.market = 11
        security.code = "AAPL"
        await XCTAssertThrowsAsync(OpenDClientError.quotaExceeded(used: 0, needed: 4, total: 3)) {
            try await connection.subscribe([security], subTypes: [1, 2, 3, 4])
        }
        XCTAssertTrue(server.frames(.qotSub).isEmpty)
        XCTAssertEqual(server.frames(.qotGetSubInfo).count, 1, "the quota was fetched before checking")
    }

    func testCancellingTheCallerStopsTheWait() async throws {
        server.setScript { frame, _ in frame.protoID == ProtoID.qotGetBasicQot.rawValue ? .silence : .standard }
        let connection = makeConnection { $0.requestTimeout = .seconds(60) }
        try await connection.start()
        let waiting = Task { try await connection.request(QotGetBasicQot_Request(c2s: QotGetBasicQot_C2S())) }
        try await waitUntil("request sent") { !self.server.frames(.qotGetBasicQot).isEmpty }
        waiting.cancel()
        do {
            _ = try await waiting.value
            XCTFail("expected cancellation")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        _ = try await connection.request(QotGetSubInfo_Request(c2s: QotGetSubInfo_C2S()))
    }

    func testAResponseMatchingNoRequestIsDroppedAndTheLinkStaysUp() async throws {
        let server = self.server!
        server.setScript { frame, session in
            guard frame.protoID == ProtoID.qotGetSubInfo.rawValue else { return .standard }
            // A stray answer to a serial nobody asked with, just before the real one.
            var stray = QotGetSubInfo_S2C()
            stray.totalUsedQuota = 77
            stray.remainQuota = 0
            var orphan = try! ScriptedOpenD.reply(to: frame, with: QotGetSubInfo_Response.success(stray))
            orphan.serial = frame.serial &+ 10_000
            server.push(orphan, session: session)
            return .standard
        }
        let connection = makeConnection()
        let recorder = EventRecorder(connection)
        try await connection.start()
        let s2c = try await connection.request(QotGetSubInfo_Request(c2s: QotGetSubInfo_C2S()))
        XCTAssertEqual(s2c.totalUsedQuota, 0, "the answer to our serial, not the stray one")
        // Events are drained by another task: wait for the connected event, then check nothing else came.
        try await waitUntil("connected event") { recorder.connectedCount == 1 }
        XCTAssertTrue(recorder.disconnectReasons.isEmpty)
        XCTAssertTrue(recorder.pushes.isEmpty, "a stray response is not a push")
    }

    func testConcurrentStartsOpenOneLink() async throws {
        let connection = makeConnection()
        async let first: Void = connection.start()
        async let second: Void = connection.start()
        _ = try await (first, second)
        try await connection.start()
        try await waitUntil("connected") { connection.info != nil }
        XCTAssertEqual(server.sessionCount, 1)
        XCTAssertEqual(server.frames(.initConnect).count, 1)
    }
}
