import OpenDProtocol
import XCTest

@testable import OpenDClient

/// The health reading of a connection against a scripted OpenD: round trips are measured per
/// request, reconnects and the last link error are kept, every rate budget is listed.
final class ConnectionHealthTests: ScriptedOpenDTestCase {
    func testRoundTripsReconnectsAndBudgets() async throws {
        let connection = makeConnection { $0.reconnectBackoff = [.milliseconds(20)] }
        let recorder = EventRecorder(connection)
        try await connection.start()
        let before = connection.health(accountID: nil)
        let sentBefore = server.received.count
        XCTAssertGreaterThanOrEqual(before.roundTrip?.count ?? 0, 1, "InitConnect is a round trip")
        XCTAssertEqual(before.reconnects, 0)
        XCTAssertNil(before.lastError)
        var security = QotCommon_Security()
        security.market = 1
        security.code = "00700"
        for _ in 0..<3 { try await connection.subscribe([security], subTypes: [1]) }
        let after = connection.health(accountID: nil)
        let sent = server.received.count - sentBefore
        XCTAssertGreaterThanOrEqual(sent, 3)
        XCTAssertEqual(after.roundTrip?.count, (before.roundTrip?.count ?? 0) + sent, "one sample per answered request")
        let trip = try XCTUnwrap(after.roundTrip)
        XCTAssertGreaterThan(trip.p50, .zero)
        XCTAssertLessThanOrEqual(trip.p50, trip.p99)
        let place = try XCTUnwrap(after.budgets.first { $0.protoID == ProtoID.trdPlaceOrder.rawValue })
        XCTAssertEqual(place.limit, 15)
        XCTAssertEqual(place.window, .seconds(30))
        XCTAssertEqual(after.budgets.count, DocumentedRateLimit.all.count, "every rate-limited API")

        server.dropAll()
        try await waitUntil("reconnected") { recorder.states.filter { if case .connected = $0 { true } else { false } }.count == 2 }
        let back = connection.health(accountID: nil)
        XCTAssertEqual(back.reconnects, 1)
        XCTAssertNotNil(back.lastError)
        XCTAssertNotNil(back.lastErrorAgo)
        await connection.shutdown()
    }
}
