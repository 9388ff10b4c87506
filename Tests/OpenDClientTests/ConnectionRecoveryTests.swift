import Logging
import NIOCore
import OpenDProtocol
import XCTest

@testable import OpenDClient

/// Drops, corrupt streams and reconnects against a scripted OpenD on 127.0.0.1.
final class ConnectionRecoveryTests: ScriptedOpenDTestCase {
    private func makeConnection() -> OpenDConnection {
        makeConnection { $0.reconnectBackoff = [.milliseconds(20), .milliseconds(40)] }
    }

    private func security(_ market: Int32, _ code: String) -> QotCommon_Security {
        var security = QotCommon_Security()
        security.market = market
        security.code = code
        return security
    }

    func testReconnectReplaysSubscriptionsUnlockAndTradePushes() async throws {
        let connection = makeConnection()
        let recorder = EventRecorder(connection)
        try await connection.start()
        let watched = [security(1, "00700"), security(11, "AAPL")]
        try await connection.subscribe(watched, subTypes: [1])
        try await connection.subscribe([security(1, "00700")], subTypes: [2], registerPush: false)
        try await connection.unlockTrade(passwordMD5: "E10ADC3949BA59ABBE56E057F20F883E", securityFirm: 1)
        try await connection.setTradePushAccounts([281_756_420_273_981_734, 5])
        // A request in flight when the link drops must fail with .disconnected, not hang.
        server.setScript { frame, _ in frame.protoID == ProtoID.qotGetBasicQot.rawValue ? .silence : .standard }
        let inFlight = Task { try await connection.request(QotGetBasicQot_Request(c2s: QotGetBasicQot_C2S())) }
        try await waitUntil("request reaches the server") { !self.server.frames(.qotGetBasicQot).isEmpty }

        server.dropAll()

        do {
            _ = try await inFlight.value
            XCTFail("expected the in-flight request to fail")
        } catch let OpenDClientError.disconnected(reason) {
            XCTAssertFalse(reason.isEmpty)
        }
        try await waitUntil("resubscribed") { recorder.states.contains(.resubscribed(subscriptions: 3)) }
        let info = try XCTUnwrap(connection.info)
        XCTAssertEqual(info.connID, 7_000_000_000_000_000_002, "a new link, a new connID")
        XCTAssertEqual(server.sessionCount, 2)

        let states = recorder.states
        let dropIndex = try XCTUnwrap(states.firstIndex { if case .disconnected = $0 { true } else { false } })
        XCTAssertEqual(
            Array(states[(dropIndex + 1)...]),
            [
                .reconnecting(attempt: 1, delay: .milliseconds(20)), .connecting(attempt: 1), .connected(info),
                .resubscribed(subscriptions: 3),
            ])

        let replayed = server.received.filter { $0.session == 2 }
        XCTAssertEqual(replayed.first?.frame.protoID, ProtoID.initConnect.rawValue)
        let subs = try replayed.filter { $0.frame.protoID == ProtoID.qotSub.rawValue }
            .map { try $0.frame.decode(QotSub_Request.self).c2S }
        XCTAssertEqual(subs.count, 2, "one Qot_Sub per sub type")
        let quoteSub = try XCTUnwrap(subs.first { $0.subTypeList == [1] })
        XCTAssertEqual(Set(quoteSub.securityList.map(\.code)), ["00700", "AAPL"])
        XCTAssertTrue(quoteSub.isFirstPush && quoteSub.isRegOrUnRegPush && quoteSub.isSubOrUnSub)
        let bookSub = try XCTUnwrap(subs.first { $0.subTypeList == [2] })
        XCTAssertFalse(bookSub.isRegOrUnRegPush, "the push choice is replayed as made")

        let unlock = try XCTUnwrap(replayed.first { $0.frame.protoID == ProtoID.trdUnlockTrade.rawValue })
            .frame.decode(TrdUnlockTrade_Request.self).c2S
        XCTAssertTrue(unlock.unlock)
        XCTAssertEqual(unlock.pwdMd5, "e10adc3949ba59abbe56e057f20f883e")
        XCTAssertEqual(unlock.securityFirm, 1)
        let push = try XCTUnwrap(replayed.first { $0.frame.protoID == ProtoID.trdSubAccPush.rawValue })
            .frame.decode(TrdSubAccPush_Request.self).c2S
        XCTAssertEqual(push.accIdlist, [281_756_420_273_981_734, 5])

        server.setScript { _, _ in .standard }
        _ = try await connection.request(QotGetSubInfo_Request(c2s: QotGetSubInfo_C2S()))
    }

    func testGarbageFrameClosesTheLinkWithAClearErrorAndTheClientRecovers() async throws {
        let connection = makeConnection()
        let recorder = EventRecorder(connection)
        try await connection.start()

        server.sendGarbage(session: 1)

        try await waitUntil("reconnected") { recorder.connectedCount == 2 }
        let reason = try XCTUnwrap(recorder.disconnectReasons.first)
        XCTAssertTrue(reason.contains("bad frame magic"), reason)
        XCTAssertEqual(connection.info?.connID, 7_000_000_000_000_000_002)
        _ = try await connection.request(QotGetSubInfo_Request(c2s: QotGetSubInfo_C2S()))
    }

    func testBackoffRepeatsItsLastStepUntilOpenDIsBack() async throws {
        let connection = makeConnection()
        let recorder = EventRecorder(connection)
        try await connection.start()
        // Refuse every new session's InitConnect by closing it, three times, then accept.
        server.setScript { frame, session in
            session >= 2 && session <= 4 && frame.protoID == ProtoID.initConnect.rawValue ? .close : .standard
        }
        server.dropAll()
        try await waitUntil("reconnected", timeout: .seconds(10)) { recorder.connectedCount == 2 }
        let delays = recorder.states.compactMap { state -> Duration? in
            if case .reconnecting(_, let delay) = state { return delay } else { return nil }
        }
        XCTAssertEqual(delays, [.milliseconds(20), .milliseconds(40), .milliseconds(40), .milliseconds(40)])
        XCTAssertEqual(server.sessionCount, 5)
    }
}
