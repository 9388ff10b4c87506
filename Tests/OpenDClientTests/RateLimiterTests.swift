import OpenDProtocol
import XCTest

@testable import OpenDClient

final class RateLimiterTests: XCTestCase {
    private let place = ProtoID.trdPlaceOrder.rawValue
    private let modify = ProtoID.trdModifyOrder.rawValue

    func testPlaceOrderSixteenthWaitsForTheWindowAndOrdersAreSpaced() {
        var limiter = RateLimiter()
        var waits: [Duration] = []
        for _ in 0..<16 {
            waits.append(limiter.reserve(place, accountID: 7, at: .zero))
        }
        // 15 per 30 s, at least 0.02 s apart: the first 15 go 20 ms apart...
        XCTAssertEqual(Array(waits.prefix(15)), (0..<15).map { Duration.milliseconds(20 * $0) })
        // ...and the 16th must be more than 30 s after the 1st (plus the 50 ms safety margin).
        XCTAssertEqual(waits[15], .seconds(30) + .milliseconds(50))
    }

    func testABoundedReservationBooksNothingWhenItWouldWaitLonger() {
        var limiter = RateLimiter()
        for _ in 0..<15 { XCTAssertNotNil(limiter.reserve(place, accountID: 7, at: .zero, waitingAtMost: .seconds(3))) }
        // The 16th would wait 30.05 s: refused, and the window is left as it was.
        XCTAssertNil(limiter.reserve(place, accountID: 7, at: .zero, waitingAtMost: .seconds(3)))
        XCTAssertEqual(limiter.budget(for: place, accountID: 7, at: .zero).used, 15)
        XCTAssertEqual(limiter.budget(for: place, accountID: 7, at: .zero).nextSlotIn, .milliseconds(30_050))
        // 2 s before that slot the wait is within bounds: booked.
        XCTAssertEqual(limiter.reserve(place, accountID: 7, at: .milliseconds(28_050), waitingAtMost: .seconds(3)),
                       .seconds(2))
        XCTAssertEqual(limiter.budget(for: place, accountID: 7, at: .milliseconds(28_050)).used, 16)
        // Unlimited protocols and an unbounded wait behave as plain reserve.
        XCTAssertEqual(limiter.reserve(ProtoID.keepAlive.rawValue, accountID: nil, at: .zero, waitingAtMost: .zero), .zero)
        XCTAssertEqual(limiter.reserve(place, accountID: 7, at: .milliseconds(28_050), waitingAtMost: nil),
                       .milliseconds(30_050 + 20 - 28_050))
    }

    func testSlidingWindowFreesOneSlotPerExpiredRequest() {
        var limiter = RateLimiter(margin: .zero)
        for i in 0..<15 {
            XCTAssertEqual(limiter.reserve(place, accountID: 1, at: .seconds(i)), .zero)
        }
        // At t = 30.5 s only request 1 (t = 0) has left the window; request 2 (t = 1 s) has not.
        XCTAssertEqual(limiter.reserve(place, accountID: 1, at: .milliseconds(30_500)), .zero)
        XCTAssertEqual(limiter.reserve(place, accountID: 1, at: .milliseconds(30_500)), .milliseconds(500))
    }

    func testModifySpacingIsFortyMilliseconds() {
        var limiter = RateLimiter()
        XCTAssertEqual(limiter.reserve(modify, accountID: 1, at: .seconds(5)), .zero)
        XCTAssertEqual(limiter.reserve(modify, accountID: 1, at: .seconds(5) + .milliseconds(10)), .milliseconds(30))
        XCTAssertEqual(limiter.reserve(modify, accountID: 1, at: .seconds(6)), .zero)
    }

    func testAccountsAreCountedSeparatelyForTradeLimits() {
        var limiter = RateLimiter()
        for _ in 0..<15 { _ = limiter.reserve(place, accountID: 1, at: .zero) }
        XCTAssertEqual(limiter.reserve(place, accountID: 2, at: .zero), .zero)
        XCTAssertGreaterThan(limiter.reserve(place, accountID: 1, at: .zero), .seconds(30))
    }

    func testUnlockIsPerUserNotPerAccount() {
        var limiter = RateLimiter(margin: .zero)
        let unlock = ProtoID.trdUnlockTrade.rawValue
        for i in 0..<10 { _ = limiter.reserve(unlock, accountID: UInt64(i), at: .zero) }
        XCTAssertEqual(limiter.reserve(unlock, accountID: 99, at: .zero), .seconds(30))
    }

    func testUnlimitedProtocolsNeverWait() {
        var limiter = RateLimiter()
        for _ in 0..<1000 {
            XCTAssertEqual(limiter.reserve(ProtoID.qotGetBasicQot.rawValue, accountID: nil, at: .zero), .zero)
        }
        XCTAssertEqual(
            limiter.budget(for: ProtoID.qotGetBasicQot.rawValue, accountID: nil, at: .zero),
            RateBudget(limit: 0, used: 0, nextSlotIn: nil))
    }

    func testBudgetReportsUseAndNextSlot() {
        var limiter = RateLimiter(margin: .zero)
        XCTAssertEqual(
            limiter.budget(for: place, accountID: 3, at: .zero), RateBudget(limit: 15, used: 0, nextSlotIn: nil))
        for i in 0..<15 { _ = limiter.reserve(place, accountID: 3, at: .seconds(i)) }
        XCTAssertEqual(
            limiter.budget(for: place, accountID: 3, at: .seconds(20)),
            RateBudget(limit: 15, used: 15, nextSlotIn: .seconds(10)))
        // Past the window of the first few, they no longer count.
        XCTAssertEqual(
            limiter.budget(for: place, accountID: 3, at: .milliseconds(32_500)),
            RateBudget(limit: 15, used: 12, nextSlotIn: nil))
    }
}
