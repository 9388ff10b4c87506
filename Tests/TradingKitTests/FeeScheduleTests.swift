import TradingKit
import XCTest

/// Fee arithmetic on a schedule written out here (the built-in file's figures are checked in
/// SimGatewayTests, which can read it). Every expected figure is computed by hand in the comment.
final class FeeScheduleTests: XCTestCase {
    private func p(_ s: String) -> Price { Price(s)! }
    private func rate(_ s: String) -> FeeRule.Basis { .rate(FeeRate(s)!) }

    private var hk: [FeeRule] {
        [
            FeeRule(title: "Commission", basis: rate("0.03%"), minimum: p("3")),
            FeeRule(title: "Platform fee", basis: .perOrder(p("15"))),
            FeeRule(title: "Stamp duty", basis: rate("0.1%"), rounding: .unitUp),
            FeeRule(title: "SFC levy", basis: rate("0.0027%")),
            FeeRule(title: "AFRC levy", basis: rate("0.00015%")),
            FeeRule(title: "Trading fee", basis: rate("0.00565%")),
            FeeRule(title: "Settlement fee", basis: rate("0.002%"), minimum: p("2"), maximum: p("100")),
        ]
    }

    private var us: [FeeRule] {
        [
            FeeRule(title: "Commission", basis: .perShare(p("0.0049")), minimum: p("0.99")),
            FeeRule(title: "Platform fee", basis: .perShare(p("0.005")), minimum: p("1")),
            FeeRule(title: "SEC fee", basis: rate("0.00278%"), side: .sell, minimum: p("0.01"), rounding: .centUp),
            FeeRule(title: "FINRA TAF", basis: .perShare(p("0.000166")), side: .sell, minimum: p("0.01"),
                    maximum: p("8.30"), rounding: .centUp),
        ]
    }

    private var schedule: FeeSchedule { FeeSchedule(name: "test", rules: [.hk: hk, .us: us]) }

    private func fill(_ qty: Int64, _ price: String) -> FilledAmount {
        FilledAmount(quantity: qty, value: p(price).notional(qty))
    }

    private func amounts(_ b: FeeBreakdown) -> [String: String] {
        Dictionary(uniqueKeysWithValues: b.items.map { ($0.title, $0.amount.fixed(2)) })
    }

    func testHongKongBuyItemisedByHand() {
        // 100 × 500.00 = 50,000.00: commission 15.00; platform 15; stamp 50 (whole dollars, up);
        // SFC 1.35; AFRC 0.075 → 0.08; trading 2.825 → 2.83; settlement 1.00 → minimum 2.00.
        let b = schedule.fees(market: .hk, side: .buy, fill: fill(100, "500"))
        XCTAssertEqual(amounts(b), ["Commission": "15.00", "Platform fee": "15.00", "Stamp duty": "50.00",
                                    "SFC levy": "1.35", "AFRC levy": "0.08", "Trading fee": "2.83",
                                    "Settlement fee": "2.00"])
        XCTAssertEqual(b.total, p("86.26"))
    }

    func testHongKongStampDutyRoundsUpToTheDollar() {
        // 200 × 80.35 = 16,070: stamp 16.07 → 17; commission 4.821 → 4.82; SFC 0.43389 → 0.43;
        // AFRC 0.024105 → 0.02; trading 0.907955 → 0.91; settlement 0.3214 → 2.00; + 15 platform.
        let b = schedule.fees(market: .hk, side: .sell, fill: fill(200, "80.35"))
        XCTAssertEqual(amounts(b)["Stamp duty"], "17.00")
        XCTAssertEqual(b.total, p("40.18"))
    }

    func testUSSellPaysRegulatoryFeesAndBuyDoesNot() {
        // 100 × 200 = 20,000: commission 0.49 → 0.99; platform 0.50 → 1.00; SEC 0.556 → 0.56 (up);
        // TAF 0.0166 → 0.02 (up). Buy: only the first two.
        XCTAssertEqual(schedule.fees(market: .us, side: .sell, fill: fill(100, "200")).total, p("2.57"))
        XCTAssertEqual(schedule.fees(market: .us, side: .buy, fill: fill(100, "200")).total, p("1.99"))
        // 1,000 × 150 = 150,000: commission 4.90; platform 5.00; SEC 4.17 exactly; TAF 0.166 → 0.17.
        XCTAssertEqual(schedule.fees(market: .us, side: .sell, fill: fill(1000, "150")).total, p("14.24"))
    }

    func testMaximumCapsACharge() {
        // TAF on 100,000 shares would be 16.60; the cap is 8.30.
        let b = schedule.fees(market: .us, side: .sell, fill: fill(100_000, "1"))
        XCTAssertEqual(amounts(b)["FINRA TAF"], "8.30")
    }

    func testNothingFilledCostsNothingAndUnknownMarketIsFree() {
        XCTAssertEqual(schedule.fees(market: .hk, side: .buy, fill: .zero).total, .zero)
        XCTAssertEqual(schedule.fees(market: .sh, side: .buy, fill: fill(100, "10")).items, [])
    }

    func testFillsAreChargedTheDifferenceSoMinimumsApplyOncePerOrder() {
        // Two fills of 100 × 500: the order's fees after the first are 86.26; after both
        // (100,000): 30 + 15 + 100 + 2.70 + 0.15 + 5.65 + 2.00 = 155.50; the second fill pays 69.24.
        let first = schedule.charge(market: .hk, side: .buy, before: .zero, after: fill(100, "500"))
        let second = schedule.charge(market: .hk, side: .buy, before: fill(100, "500"), after: fill(200, "500"))
        XCTAssertEqual(first, p("86.26"))
        XCTAssertEqual(second, p("69.24"))
        XCTAssertEqual(first + second, schedule.fees(market: .hk, side: .buy, fill: fill(200, "500")).total)
    }

    func testRatesParseExactly() {
        XCTAssertEqual(FeeRate("0.00015%")?.partsPerTrillion, 1_500_000)
        XCTAssertEqual(FeeRate("0.0003")?.partsPerTrillion, 300_000_000)
        XCTAssertEqual(FeeRate(" 0.1% ")?.partsPerTrillion, 1_000_000_000)
        XCTAssertEqual(FeeRate("0.00565%")?.description, "0.00565%")
        XCTAssertNil(FeeRate("101%"))
        XCTAssertNil(FeeRate("0.03%%"))
        XCTAssertNil(FeeRate("abc"))
        XCTAssertNil(FeeRate("-1%"))
    }
}
