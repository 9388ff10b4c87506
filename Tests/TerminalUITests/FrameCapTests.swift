import XCTest

@testable import TerminalUI

final class FrameCapTests: XCTestCase {
    private let interval = 1.0 / 30

    func testTheFirstChangeAfterAQuietSpellIsNotHeldBack() {
        var cap = FrameCap(interval: interval)
        XCTAssertTrue(cap.allows(at: 100))
        cap.drew(at: 100)  // the start-up frame, before any data
        // The first data arrives 5 ms later: drawn at once, not at the next 33-ms slot.
        XCTAssertTrue(cap.allows(at: 100.005))
        cap.drew(at: 100.005)
        // A third change in the same interval waits for the steady rate.
        XCTAssertFalse(cap.allows(at: 100.010))
        XCTAssertEqual(cap.nextAllowed, 100 + interval, accuracy: 1e-9)
        XCTAssertTrue(cap.allows(at: 100 + interval))
    }

    func testASteadyStreamIsDrawnAtMostOnceAnIntervalOnAverage() {
        var cap = FrameCap(interval: interval)
        var frames: [Double] = []
        var now = 50.0
        // Something changes every millisecond for two seconds; draw whenever allowed.
        while now < 52 {
            if cap.allows(at: now) { cap.drew(at: now); frames.append(now) }
            now += 0.001
        }
        // 2 s at 30 fps plus the one burst credit; never more.
        XCTAssertLessThanOrEqual(frames.count, 62)
        XCTAssertGreaterThanOrEqual(frames.count, 59)
        // After the opening burst the frames are evenly spaced: no pairs of back-to-back frames.
        for (a, b) in zip(frames.dropFirst(1), frames.dropFirst(2)) {
            XCTAssertGreaterThanOrEqual(b - a, interval - 0.0011)
        }
    }

    func testTheBurstCreditComesBackOnlyAfterTheScreenWasStill() {
        var cap = FrameCap(interval: interval)
        cap.drew(at: 10)
        cap.drew(at: 10.001)
        cap.drew(at: 10 + interval)
        // Right after a frame at the steady rate there is no spare credit.
        XCTAssertFalse(cap.allows(at: 10 + interval + 0.001))
        // Two intervals of stillness later two frames may go out back to back again.
        let later = 10 + 4 * interval
        XCTAssertTrue(cap.allows(at: later))
        cap.drew(at: later)
        XCTAssertTrue(cap.allows(at: later + 0.001))
        cap.drew(at: later + 0.001)
        XCTAssertFalse(cap.allows(at: later + 0.002))
    }

    func testABurstOfOneIsAPlainCap() {
        var cap = FrameCap(interval: interval, burst: 1)
        cap.drew(at: 0)
        XCTAssertFalse(cap.allows(at: interval / 2))
        XCTAssertTrue(cap.allows(at: interval))
    }
}
