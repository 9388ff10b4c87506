import XCTest

@testable import OpenDClient

final class RoundTripWindowTests: XCTestCase {
    func ms(_ n: Int) -> Duration { .milliseconds(n) }

    func testPercentilesAreNearestRankOverTheLastMinute() {
        var w = RoundTripWindow()
        XCTAssertNil(w.summary(at: .seconds(1)), "nothing answered yet")
        // 100 samples of 1...100 ms answered at t = 1 s
        for i in (1...100).reversed() { w.record(ms(i), at: .seconds(1)) }
        let s = w.summary(at: .seconds(2))!
        XCTAssertEqual(s.count, 100)
        XCTAssertEqual(s.p50, ms(50))
        XCTAssertEqual(s.p99, ms(99))
        // one slow outlier among few samples is the p99
        var few = RoundTripWindow()
        for _ in 0..<9 { few.record(ms(10), at: .seconds(5)) }
        few.record(ms(900), at: .seconds(5))
        XCTAssertEqual(few.summary(at: .seconds(5))?.p50, ms(10))
        XCTAssertEqual(few.summary(at: .seconds(5))?.p99, ms(900))
    }

    func testSamplesOlderThanTheSpanNoLongerCount() {
        var w = RoundTripWindow(span: .seconds(60))
        w.record(ms(500), at: .seconds(10))
        w.record(ms(20), at: .seconds(50))
        XCTAssertEqual(w.summary(at: .seconds(60))?.count, 2)
        let later = w.summary(at: .seconds(75))!
        XCTAssertEqual(later.count, 1, "the sample answered at 10 s is more than a minute old at 75 s")
        XCTAssertEqual(later.p99, ms(20))
        XCTAssertNil(w.summary(at: .seconds(200)))
    }

    func testMemoryIsBoundedByTheCapacity() {
        var w = RoundTripWindow(capacity: 8)
        for i in 0..<10_000 { w.record(ms(i % 100), at: .milliseconds(i)) }
        let s = w.summary(at: .milliseconds(10_000))!
        XCTAssertEqual(s.count, 8, "only the newest 8 are kept")
        XCTAssertEqual(s.p99, ms(99))  // samples 9992...9999 → 92...99 ms
        XCTAssertEqual(s.p50, ms(95))
    }
}
