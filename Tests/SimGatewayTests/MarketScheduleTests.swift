import Foundation
import TradingKit
import XCTest
@testable import SimGateway

/// Exchange-local time and the `--market-hours real` timetable (reference E.10).
final class MarketScheduleTests: XCTestCase {
    /// The instant `local` ("YYYY-MM-DD HH:MM:SS" in `market`'s time) happens.
    private func at(_ local: String, _ market: Market) -> Date {
        let seconds = ExchangeTime.parse(local)!
        let guess = Date(timeIntervalSince1970: TimeInterval(seconds - 8 * 3600))
        return Date(timeIntervalSince1970: TimeInterval(seconds - ExchangeTime.offset(market, at: guess)))
    }

    func testExchangeTimeFormatsLocalWallClock() {
        let date = Date(timeIntervalSince1970: 1_764_223_200)  // 2025-11-27 06:00:00 UTC
        XCTAssertEqual(ExchangeTime(date, market: .hk).text, "2025-11-27 14:00:00")
        XCTAssertEqual(ExchangeTime(date, market: .us).text, "2025-11-27 01:00:00", "EST in November")
        XCTAssertEqual(ExchangeTime(Date(timeIntervalSince1970: 1_751_004_000), market: .us).text, "2025-06-27 02:00:00",
                       "EDT in June")
        XCTAssertEqual(ExchangeTime(date, market: .sh).weekday, 4, "a Thursday")
        XCTAssertEqual(ExchangeTime.parse("2025-11-27"), ExchangeTime.days(year: 2025, month: 11, day: 27) * 86_400)
        XCTAssertNil(ExchangeTime.parse("27/11/2025"))
        XCTAssertNil(ExchangeTime.parse("99999999999999-01-01"), "absurd years are refused, not overflowed")
    }

    func testRealHoursFollowTheTimetables() {
        let real = MarketSchedule(hours: .real)
        XCTAssertEqual(real.state(.hk, at: at("2025-11-27 09:10:00", .hk)), .auction)
        XCTAssertEqual(real.state(.hk, at: at("2025-11-27 10:00:00", .hk)), .morning)
        XCTAssertEqual(real.state(.hk, at: at("2025-11-27 12:30:00", .hk)), .rest)
        XCTAssertEqual(real.state(.hk, at: at("2025-11-27 15:59:00", .hk)), .afternoon)
        XCTAssertEqual(real.state(.hk, at: at("2025-11-27 16:05:00", .hk)), .closingAuction)
        XCTAssertEqual(real.state(.hk, at: at("2025-11-27 20:00:00", .hk)), .closed)
        XCTAssertEqual(real.state(.us, at: at("2025-11-26 10:00:00", .us)), .afternoon, "US regular hours are AFTERNOON")
        XCTAssertEqual(real.state(.us, at: at("2025-11-26 07:00:00", .us)), .preMarket)
        XCTAssertEqual(real.state(.us, at: at("2025-11-26 21:00:00", .us)), .overnight)
        XCTAssertEqual(real.state(.sh, at: at("2025-11-27 11:45:00", .sh)), .rest)
        XCTAssertEqual(real.state(.sz, at: at("2025-11-27 14:59:00", .sz)), .afternoon)
        XCTAssertEqual(real.state(.hk, at: at("2025-11-29 10:00:00", .hk)), .closed, "Saturday")
        XCTAssertFalse(real.isTrading(.hk, at: at("2025-11-27 12:30:00", .hk)))
        let always = MarketSchedule(hours: .always)
        XCTAssertTrue(always.isTrading(.hk, at: at("2025-11-29 03:00:00", .hk)))
    }

    func testClosedMarketsDoNotMove() {
        let lunch = at("2025-11-27 12:30:00", .hk)
        let market = MarketSimulator(seed: 3, hours: .real, startDate: lunch)
        let before = market[try! SecurityCode(parsing: "HK.00700")]!.updates
        // 12:30 in Hong Kong: HK and A-shares at lunch, the US in its overnight session.
        XCTAssertEqual(market.step(at: lunch), [])
        XCTAssertEqual(market[try! SecurityCode(parsing: "HK.00700")]!.updates, before)
        let afternoon = at("2025-11-27 13:30:00", .hk)
        XCTAssertTrue(market.step(at: afternoon).contains(try! SecurityCode(parsing: "HK.00700")))
    }
}
