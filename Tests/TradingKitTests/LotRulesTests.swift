import XCTest
@testable import TradingKit

final class LotRulesTests: XCTestCase {
    func testHKBoardLots() {
        let lot500 = LotRules.forCode(try! SecurityCode(parsing: "HK.00001"), lotSize: 500)
        XCTAssertNil(lot500.violation(quantity: 500, side: .buy))
        XCTAssertNil(lot500.violation(quantity: 1500, side: .sell, position: 1500))
        XCTAssertNotNil(lot500.violation(quantity: 250, side: .buy))
        // Quantities read as everywhere else: grouped.
        XCTAssertEqual(lot500.violation(quantity: 12_250, side: .buy),
                       "quantity 12,250 is not a whole number of lots (lot size 500)")
        let moutai = LotRules.forCode(try! SecurityCode(parsing: "SH.600519"), lotSize: 100)
        XCTAssertEqual(moutai.violation(quantity: 1_050, side: .sell, position: 2_000),
                       "sell quantity 1,050 must be a multiple of 100 or the whole position (2,000)")
        XCTAssertNotNil(lot500.violation(quantity: 250, side: .sell, position: 250), "HK odd lots are not on the board")
        XCTAssertNotNil(lot500.violation(quantity: 0, side: .buy))
        XCTAssertEqual(lot500.step(500, by: 2), 1500)
        XCTAssertEqual(lot500.step(500, by: -5), 500, "never below one lot")
        for lot: Int64 in [100, 1000, 2000] {
            let r = LotRules(.boardLot(lot))
            XCTAssertNil(r.violation(quantity: lot * 3, side: .buy))
            XCTAssertNotNil(r.violation(quantity: lot * 3 + 1, side: .buy))
        }
    }

    func testAShareMainBoardOddRemainderSoldInFull() {
        let r = LotRules.forCode(try! SecurityCode(parsing: "SH.600519"), lotSize: 100)
        XCTAssertNil(r.violation(quantity: 300, side: .buy))
        XCTAssertNotNil(r.violation(quantity: 150, side: .buy))
        XCTAssertNil(r.violation(quantity: 150, side: .sell, position: 150), "whole odd position may go")
        XCTAssertNotNil(r.violation(quantity: 150, side: .sell, position: 350), "odd part of a larger position may not")
        XCTAssertNil(r.violation(quantity: 300, side: .sell, position: 350))
        XCTAssertNil(r.violation(quantity: 350, side: .sell, position: 350))
    }

    func testSTARMinimumThenSingleSteps() {
        let code = try! SecurityCode(parsing: "SH.688981")
        XCTAssertTrue(code.isSTAR)
        let r = LotRules.forCode(code, lotSize: 1)
        XCTAssertNotNil(r.violation(quantity: 100, side: .buy))
        XCTAssertNil(r.violation(quantity: 200, side: .buy))
        XCTAssertNil(r.violation(quantity: 201, side: .buy))
        XCTAssertNil(r.violation(quantity: 150, side: .sell, position: 150))
        XCTAssertNotNil(r.violation(quantity: 150, side: .sell, position: 400))
        XCTAssertEqual(r.minimumBuy, 200)
        XCTAssertEqual(r.step(200, by: 1), 201)
    }

    func testUSSingleShares() {
        let r = LotRules.forCode(try! SecurityCode(parsing: "US.AAPL"), lotSize: 1)
        XCTAssertNil(r.violation(quantity: 1, side: .buy))
        XCTAssertNil(r.violation(quantity: 37, side: .sell, position: 40))
        XCTAssertNotNil(r.violation(quantity: -1, side: .sell))
    }
}
