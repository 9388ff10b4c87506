import OpenDProtocol
import TradingKit
import XCTest
@testable import SimGateway

/// `mootui sim --no-rate-limits`: for benchmarks, the documented request limits are lifted;
/// by default they hold (GatewayRulesTests covers each one).
final class BenchmarkSwitchTests: XCTestCase {
    private func snapshots(_ count: Int, enforcing: Bool) throws -> [QotGetSecuritySnapshot_Response] {
        let h = try CoreHarness(enforcesRateLimits: enforcing)
        defer { h.removeData() }
        let conn = try h.connect()
        var c2s = QotGetSecuritySnapshot_C2S()
        c2s.securityList = [Wire.security(try SecurityCode(parsing: "HK.00700"))]
        return try (0..<count).map { _ in try h.send(QotGetSecuritySnapshot_Request.self, c2s, on: conn).0 }
    }

    func testWithoutRateLimitsAThousandSnapshotsInOneWindowAreAllServed() throws {
        let answers = try snapshots(1000, enforcing: false)
        XCTAssertEqual(answers.filter { $0.retType == 0 }.count, 1000, answers.first { $0.retType != 0 }?.retMsg ?? "")
        XCTAssertEqual(answers.last?.s2C.snapshotList.first?.basic.security.code, "00700")
    }

    func testByDefaultTheSixtyFirstSnapshotInAWindowIsRefused() throws {
        XCTAssertTrue(SimConfiguration().enforcesRateLimits)
        let answers = try snapshots(61, enforcing: true)
        XCTAssertEqual(answers.prefix(60).filter { $0.retType == 0 }.count, 60)
        XCTAssertEqual(answers.last?.retType, -1)
        XCTAssertTrue(answers.last?.retMsg.contains("at most 60") == true, answers.last?.retMsg ?? "")
    }

    func testWithoutRateLimitsOrdersNeedNoSpacing() {
        var limiter = RateLimiter()
        limiter.enforcing = false
        let now = Date()
        for _ in 0..<100 { XCTAssertNil(limiter.admit(.trdPlaceOrder, account: 1, at: now)) }
        var enforcing = RateLimiter()
        XCTAssertNil(enforcing.admit(.trdPlaceOrder, account: 1, at: now))
        XCTAssertNotNil(enforcing.admit(.trdPlaceOrder, account: 1, at: now))
    }
}
