import TradingKit
import XCTest

final class NumberFormatTests: XCTestCase {
    func p(_ s: String) -> Price { Price(s)! }
    func code(_ s: String) -> SecurityCode { try! SecurityCode(parsing: s) }

    func testQuantitiesAreGrouped() {
        XCTAssertEqual(NumberFormat.quantity(0), "0")
        XCTAssertEqual(NumberFormat.quantity(999), "999")
        XCTAssertEqual(NumberFormat.quantity(1_500), "1,500")
        XCTAssertEqual(NumberFormat.quantity(1_000_000), "1,000,000")
        XCTAssertEqual(NumberFormat.quantity(-200), "-200")
        XCTAssertEqual(NumberFormat.quantity(-12_345), "-12,345")
        XCTAssertEqual(NumberFormat.quantity(.max), "9,223,372,036,854,775,807")
        XCTAssertEqual(NumberFormat.quantity(.min), "-9,223,372,036,854,775,808")
    }

    func testCompactQuantitiesGroupThenShorten() {
        XCTAssertEqual(NumberFormat.compactQuantity(99_999), "99,999")
        XCTAssertEqual(NumberFormat.compactQuantity(123_456), "123.5K")
        XCTAssertEqual(NumberFormat.compactQuantity(12_345_678), "12.35M")
        XCTAssertEqual(NumberFormat.compactQuantity(-2_500_000_000), "-2.50B")
        XCTAssertEqual(NumberFormat.compactQuantity(1_234_000_000_000), "1,234.00B")
    }

    func testMoneyIsGroupedWithTwoDecimalsAndExact() {
        XCTAssertEqual(NumberFormat.money(p("49960")), "49,960.00")
        XCTAssertEqual(NumberFormat.money(p("1000000")), "1,000,000.00")
        XCTAssertEqual(NumberFormat.money(p("0.005")), "0.01", "half away from zero")
        XCTAssertEqual(NumberFormat.money(p("-1234.565")), "-1,234.57")
        XCTAssertEqual(NumberFormat.money(p("-0.004")), "0.00", "a negative that rounds to zero has no sign")
        XCTAssertEqual(NumberFormat.money(p("999999.995")), "1,000,000.00", "rounding carries into the grouping")
        XCTAssertEqual(NumberFormat.money(p("123456789012.345678"), decimals: 3), "123,456,789,012.346")
        // beyond Double's 15-16 digits nothing is lost: the digits come from the micros
        XCTAssertEqual(NumberFormat.money(Price(micros: 9_007_199_254_740_993)), "9,007,199,254.74")
        XCTAssertEqual(NumberFormat.money(Price(micros: 9_007_199_254_740_993), decimals: 6), "9,007,199,254.740993")
    }

    func testSignedMoney() {
        XCTAssertEqual(NumberFormat.signedMoney(p("1234.5")), "+1,234.50")
        XCTAssertEqual(NumberFormat.signedMoney(p("-0.35")), "-0.35")
        XCTAssertEqual(NumberFormat.signedMoney(.zero), "0.00")
        XCTAssertEqual(NumberFormat.signedMoney(p("0.001")), "0.00", "rounds to zero: no sign")
    }

    func testCompactMoney() {
        XCTAssertEqual(NumberFormat.compactMoney(p("9999.99")), "9,999.99")
        XCTAssertEqual(NumberFormat.compactMoney(p("10100")), "10,100")
        XCTAssertEqual(NumberFormat.compactMoney(p("10100.5")), "10,101", "whole units round half away from zero")
        XCTAssertEqual(NumberFormat.compactMoney(p("160100")), "160.1K")
        XCTAssertEqual(NumberFormat.compactMoney(p("1000000")), "1.00M")
        XCTAssertEqual(NumberFormat.compactMoney(p("-250000")), "-250.0K")
        XCTAssertEqual(NumberFormat.signedCompactMoney(p("10100")), "+10,100")
        XCTAssertEqual(NumberFormat.signedCompactMoney(p("-35.2")), "-35.20")
    }

    func testOnePricePrecisionPerInstrumentFromItsSmallestTick() {
        let hk = code("HK.00700"), us = code("US.AAPL"), sh = code("SH.600519"), etf = code("SH.510300")
        // HK: the spread table's smallest tick is 0.001, so every HK price has three decimals,
        // whichever band it is in (502.5 sits in the 0.5 band, 0.25 in the 0.001 band).
        XCTAssertEqual(NumberFormat.price(p("502.5"), code: hk), "502.500")
        XCTAssertEqual(NumberFormat.price(p("499.6"), code: hk), "499.600")
        XCTAssertEqual(NumberFormat.price(p("0.25"), code: hk), "0.250")
        XCTAssertEqual(NumberFormat.price(p("9995"), code: hk), "9995.000", "prices are not grouped")
        // US: $0.01 at or above a dollar, $0.0001 below
        XCTAssertEqual(NumberFormat.price(p("189.3"), code: us), "189.30")
        XCTAssertEqual(NumberFormat.price(p("0.4512"), code: us), "0.4512")
        // A-shares 0.01, funds 0.001
        XCTAssertEqual(NumberFormat.price(p("1688"), code: sh), "1688.00")
        XCTAssertEqual(NumberFormat.price(p("3.456"), code: etf, isFund: true), "3.456")
        // a fixed tick (futures) shows its own decimals
        XCTAssertEqual(NumberFormat.price(p("26500"), rules: TickRules(.fixed(p("1")))), "26500")
        XCTAssertEqual(NumberFormat.price(p("4321.25"), rules: TickRules(.fixed(p("0.25")))), "4321.25")
    }

    func testTheTicketAndThePanesAgreeOnTheirRules() {
        // the ticket uses the instrument's TickRules; the panes derive the same from the code
        let rules = TickRules.forCode(code("HK.00700"))
        XCTAssertEqual(NumberFormat.price(p("320.2"), rules: rules), NumberFormat.price(p("320.2"), code: code("HK.00700")))
        XCTAssertEqual(rules.displayDecimals(near: p("0.01")), rules.displayDecimals(near: p("9000")))
    }

    func testChangeIsSignedAtThePrecisionOfTheReference() {
        let hk = TickRules.forCode(code("HK.00700")), us = TickRules.forCode(code("US.AAPL"))
        XCTAssertEqual(NumberFormat.change(p("3.8"), rules: hk, reference: p("320")), "+3.800")
        XCTAssertEqual(NumberFormat.change(p("-0.12"), rules: us, reference: p("189")), "-0.12")
        XCTAssertEqual(NumberFormat.change(.zero, rules: hk, reference: p("320")), "0.000")
    }

    func testOutputIsPlainASCIIAndFreeOfCJK() {
        let samples = [
            NumberFormat.quantity(-1_234_567), NumberFormat.compactQuantity(987_654_321), NumberFormat.money(p("-98765.4321")),
            NumberFormat.signedMoney(p("1")), NumberFormat.compactMoney(p("123456789")),
            NumberFormat.price(p("502.5"), code: code("HK.00700")), NumberFormat.change(p("-1"), rules: TickRules(.cnStock), reference: p("10")),
        ]
        for s in samples {
            XCTAssertTrue(s.unicodeScalars.allSatisfy { $0.isASCII }, "\(s) has a non-ASCII character")
            XCTAssertTrue(s.allSatisfy { $0.isNumber || ",.+-KMB".contains($0) }, s)
            XCTAssertFalse(s.contains("万") || s.contains("亿"), s)
        }
    }
}
