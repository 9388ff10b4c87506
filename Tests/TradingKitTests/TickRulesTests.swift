import XCTest
@testable import TradingKit

final class TickRulesTests: XCTestCase {
    private func p(_ s: String) -> Price { Price(s)! }
    private let hk = TickRules(.hkSpreadTable)
    private let us = TickRules(.usEquity)
    private let cn = TickRules(.cnStock)
    private let etf = TickRules(.cnFund)

    func testHKBandEdgesStepBothWays() {
        // (price, one tick up, one tick down)
        let table: [(String, String, String)] = [
            ("0.25", "0.255", "0.249"),
            ("0.50", "0.51", "0.495"),
            ("10.00", "10.02", "9.99"),
            ("20.00", "20.05", "19.98"),
            ("100.00", "100.1", "99.95"),
            ("200.00", "200.2", "199.9"),
            ("500.00", "500.5", "499.8"),
            ("1000", "1001", "999.5"),
            ("2000", "2002", "1999"),
            ("5000", "5005", "4998"),
            ("359.6", "359.8", "359.4"),
            ("0.011", "0.012", "0.010"),
        ]
        for (price, up, down) in table {
            XCTAssertEqual(hk.next(after: p(price)), p(up), "up from \(price)")
            XCTAssertEqual(hk.previous(before: p(price)), p(down), "down from \(price)")
        }
    }

    func testHKOnAndOffGrid() {
        for on in ["0.01", "0.249", "0.255", "9.99", "10.02", "19.98", "20.05", "320.2", "359.6", "9995"] {
            XCTAssertTrue(hk.isOnTick(p(on)), on)
            XCTAssertNil(hk.violation(p(on)), on)
        }
        for off in ["0.2505", "0.251", "10.01", "20.01", "20.02", "320.1", "359.7", "100.05", "0.0005", "9996"] {
            XCTAssertFalse(hk.isOnTick(p(off)), off)
            XCTAssertNotNil(hk.violation(p(off)), off)
        }
        XCTAssertEqual(hk.floor(p("359.7")), p("359.6"))
        XCTAssertEqual(hk.ceil(p("359.7")), p("359.8"))
        XCTAssertEqual(hk.ceil(p("20.01")), p("20.05"))
        XCTAssertEqual(hk.floor(p("20.01")), p("20.00"))
        XCTAssertEqual(hk.next(after: p("359.7")), p("359.8"), "off-grid snaps down then steps")
        XCTAssertEqual(hk.previous(before: p("359.7")), p("359.6"))
        XCTAssertEqual(hk.previous(before: p("0.01")), p("0.01"), "never below the minimum")
    }

    func testUSPennyAndSubPenny() {
        XCTAssertEqual(us.next(after: p("1.00")), p("1.01"))
        XCTAssertEqual(us.previous(before: p("1.00")), p("0.9999"))
        XCTAssertEqual(us.next(after: p("0.9999")), p("1.00"))
        XCTAssertEqual(us.next(after: p("187.45")), p("187.46"))
        XCTAssertTrue(us.isOnTick(p("0.4321")))
        XCTAssertFalse(us.isOnTick(p("0.43215")))
        XCTAssertFalse(us.isOnTick(p("1.001")))
        XCTAssertTrue(us.isOnTick(p("1.00")))
        XCTAssertEqual(us.displayDecimals(near: p("0.5")), 4)
        XCTAssertEqual(us.displayDecimals(near: p("5")), 2)
    }

    func testAShareStockAndFund() {
        XCTAssertEqual(cn.next(after: p("1688.00")), p("1688.01"))
        XCTAssertFalse(cn.isOnTick(p("10.005")))
        XCTAssertTrue(etf.isOnTick(p("3.456")))
        XCTAssertFalse(etf.isOnTick(p("3.4565")))
        XCTAssertEqual(etf.previous(before: p("3.456")), p("3.455"))
        XCTAssertEqual(TickRules.forCode(try! SecurityCode(parsing: "SH.510300"), isFund: true), etf)
        XCTAssertEqual(TickRules.forCode(try! SecurityCode(parsing: "SZ.000001")), cn)
    }

    func testFixedTickAndMultiStep() {
        let fut = TickRules(.fixed(p("0.25")))
        XCTAssertEqual(fut.step(p("100"), by: 3), p("100.75"))
        XCTAssertFalse(fut.isOnTick(p("100.1")))
        XCTAssertEqual(hk.step(p("19.96"), by: 3), p("20.05"), "crosses the 20.00 edge")
        XCTAssertEqual(hk.step(p("20.05"), by: -3), p("19.96"))
    }
}
