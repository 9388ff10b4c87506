import Foundation
import NIOCore
import TradingKit
import XCTest

@testable import SimGateway

/// The replay feed's controls (the `mootui replay` keys): pause, step, seek, speed.
final class ReplayControlTests: XCTestCase {
    private let key = SubscriptionKey(code: SecurityCode(market: .hk, symbol: "00700"), subType: 1)
    private let t0 = Date(timeIntervalSince1970: 1_000_000)

    /// Ten pushes, one a second, from offset 0 to 9 s.
    private func feed(_ speed: ReplaySpeed = .factor(1)) -> ReplayFeed {
        let events = (0..<10).map { i in
            ReplaySource.Event(offset: UInt64(i) * 1_000_000_000, protoID: 3005, body: [UInt8(i)],
                               buffer: ByteBuffer(bytes: [UInt8(i)]), keys: [key])
        }
        let f = ReplayFeed(ReplaySource(events: events, speed: speed, firstNanoseconds: 5_000_000_000))
        f.start(at: t0)
        return f
    }

    private func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    func testPauseFreezesTheClockAndResumeGoesOnFromThere() {
        let f = feed()
        XCTAssertEqual(f.due(at: at(2.5)).count, 3)  // 0, 1, 2 s
        f.control(.togglePause, at: at(2.5))
        XCTAssertTrue(f.paused)
        XCTAssertEqual(f.position(at: at(60)), 2_500_000_000)
        XCTAssertEqual(f.due(at: at(60)).count, 0)
        f.control(.togglePause, at: at(60))
        XCTAssertFalse(f.paused)
        XCTAssertEqual(f.due(at: at(60.4)).count, 0)  // clock 2.9 s
        XCTAssertEqual(f.due(at: at(60.6)).map(\.body), [[3]])  // clock 3.1 s
    }

    func testStepWhilePausedSendsOneRecordAndSecondsStepMovesTheClock() {
        let f = feed()
        _ = f.due(at: at(0.5))
        f.control(.stepRecord, at: at(0.5))
        XCTAssertEqual(f.due(at: at(0.5)).count, 0, "a step only counts while paused")
        f.control(.togglePause, at: at(0.5))
        f.control(.stepRecord, at: at(10))
        XCTAssertEqual(f.due(at: at(10)).map(\.body), [[1]])
        f.control(.stepRecord, at: at(20))
        XCTAssertEqual(f.due(at: at(20)).map(\.body), [[2]])
        f.control(.stepSeconds(1), at: at(30))
        XCTAssertEqual(f.position(at: at(30)), 3_000_000_000)
        XCTAssertEqual(f.due(at: at(30)).map(\.body), [[3]])
    }

    func testSeekForwardAppliesSilentlyAndBackRewinds() {
        let f = feed()
        _ = f.due(at: at(1.5))  // 0, 1
        f.control(.seek(seconds: 5), at: at(1.5))  // clock 6.5 s
        XCTAssertEqual(f.silentUntil, 6_500_000_000)
        XCTAssertTrue(f.refreshAfterSilent)
        XCTAssertEqual(f.due(at: at(1.5)).map(\.body), [[2], [3], [4], [5], [6]])
        XCTAssertEqual(f.next, 7)
        f.control(.seek(seconds: -4), at: at(1.5))  // clock 2.5 s
        XCTAssertEqual(f.next, 0, "back: the recording is applied again from its start")
        XCTAssertEqual(f.due(at: at(1.5)).map(\.body), [[0], [1], [2]])
        f.control(.seek(seconds: -600), at: at(1.5))
        XCTAssertEqual(f.position(at: at(1.5)), 0)
        f.control(.seek(seconds: 600), at: at(1.5))
        XCTAssertEqual(f.position(at: at(1.5)), 9_000_000_000, "a seek stops at the end")
    }

    func testSpeedStepsThroughTheLadderAndKeepsThePosition() {
        let f = feed()
        _ = f.due(at: at(2))
        f.control(.faster, at: at(2))
        XCTAssertEqual(f.speed, .factor(2))
        XCTAssertEqual(f.position(at: at(3)), 4_000_000_000)  // 2 s + 1 s at 2x
        f.control(.slower, at: at(3))
        f.control(.slower, at: at(3))
        XCTAssertEqual(f.speed, .factor(0.5))
        XCTAssertEqual(f.position(at: at(5)), 5_000_000_000)
        XCTAssertEqual(ReplayFeed.step(.factor(10), faster: true), .factor(16))
        XCTAssertEqual(ReplayFeed.step(.factor(10), faster: false), .factor(8))
        XCTAssertEqual(ReplayFeed.step(.factor(256), faster: true), .max)
        XCTAssertEqual(ReplayFeed.step(.max, faster: false), .factor(256))
        XCTAssertEqual(ReplayFeed.step(.factor(0.25), faster: false), .factor(0.25))
    }

    func testMaxSpeedPauses() {
        let f = feed(.max)
        f.control(.togglePause, at: at(0))
        XCTAssertEqual(f.due(at: at(1)).map(\.body), [[0]], "paused at the start: what happened at that instant")
        XCTAssertEqual(f.due(at: at(2)).count, 0)
        f.control(.stepRecord, at: at(2))
        XCTAssertEqual(f.due(at: at(2)).map(\.body), [[1]])
        f.control(.togglePause, at: at(3))
        XCTAssertEqual(f.due(at: at(3)).count, 8)
    }
}
