import XCTest
@testable import TradingKit

final class PriceTests: XCTestCase {
    func testParsingIsExact() {
        XCTAssertEqual(Price("320.2")?.micros, 320_200_000)
        XCTAssertEqual(Price("0.0001")?.micros, 100)
        XCTAssertEqual(Price("-1.5")?.micros, -1_500_000)
        XCTAssertEqual(Price(".5")?.micros, 500_000)
        XCTAssertNil(Price("1.2345678"), "more decimals than held exactly")
        XCTAssertNil(Price("abc"))
        XCTAssertNil(Price(""))
        XCTAssertNil(Price("1.2.3"))
    }

    func testWireRoundTripRoundsToNearestMillionth() {
        XCTAssertEqual(Price(wire: 320.2), Price("320.2"))
        XCTAssertEqual(Price(wire: 0.1 + 0.2), Price("0.3"))
        XCTAssertEqual(Price(wire: 52.631194), Price("52.631194"))
        XCTAssertEqual(Price(wire: Price("359.6")!.wireValue), Price("359.6"))
        XCTAssertEqual(Price(wire: .nan), .zero)
    }

    func testFormatting() {
        XCTAssertEqual(Price("320.2")!.formatted(), "320.2")
        XCTAssertEqual(Price("320.2")!.formatted(minDecimals: 3), "320.200")
        XCTAssertEqual(Price("1.2345")!.fixed(3), "1.235")
        XCTAssertEqual(Price("-1.2345")!.fixed(2), "-1.23")
        XCTAssertEqual(Price("105")!.percentChange(from: Price("100")!), "+5.00%")
        XCTAssertEqual(Price("99.5")!.percentChange(from: Price("100")!), "-0.50%")
        XCTAssertEqual(Price("100")!.percentChange(from: .zero), "—")
        XCTAssertEqual(Price("2.5")!.notional(300), Price("750"))
    }
}

final class SecurityCodeTests: XCTestCase {
    func testParsesAndValidates() throws {
        XCTAssertEqual(try SecurityCode(parsing: "HK.00700").description, "HK.00700")
        XCTAssertEqual(try SecurityCode(parsing: "hk.700").symbol, "00700")
        XCTAssertEqual(try SecurityCode(parsing: "US.aapl").symbol, "AAPL")
        XCTAssertEqual(try SecurityCode(parsing: "US..DJI").symbol, ".DJI")
        XCTAssertEqual(try SecurityCode(parsing: "SH.600519").market.qotMarket, 21)
        XCTAssertThrowsError(try SecurityCode(parsing: "00700"))
        XCTAssertThrowsError(try SecurityCode(parsing: "XX.00700"))
        XCTAssertThrowsError(try SecurityCode(parsing: "SH.6005"))
        XCTAssertThrowsError(try SecurityCode(parsing: "HK.ABCDE"))
    }

    func testThreeMarketEnumerations() {
        XCTAssertEqual(Market.hk.qotMarket, 1)
        XCTAssertEqual(Market.us.qotMarket, 11)
        XCTAssertEqual(Market.sz.qotMarket, 22)
        XCTAssertEqual(Market.sh.trdSecMarket, 31)
        XCTAssertEqual(Market.sz.trdSecMarket, 32)
        XCTAssertEqual(Market.us.trdSecMarket, 2)
        XCTAssertEqual(Market.sh.trdMarket(env: .simulate), 3)
        XCTAssertEqual(Market.sh.trdMarket(env: .real), 4)
        XCTAssertEqual(Market.hk.trdMarket(env: .real), 1)
        XCTAssertEqual(Market(qotMarket: 22), .sz)
        XCTAssertEqual(Market(trdSecMarket: 31), .sh)
        XCTAssertNil(Market(qotMarket: 2))
    }

    func testOrderStatusMachine() {
        XCTAssertTrue(OrderStatus.submitted.canTransition(to: .partiallyFilled))
        XCTAssertTrue(OrderStatus.partiallyFilled.canTransition(to: .filled))
        XCTAssertFalse(OrderStatus.filled.canTransition(to: .submitted))
        XCTAssertFalse(OrderStatus.cancelled.canTransition(to: .filled))
        XCTAssertTrue(OrderStatus.submitted.isWorking)
        XCTAssertFalse(OrderStatus.filled.isWorking)
        XCTAssertEqual(OrderStatus(wireValue: 999), .unknown)
    }
}
