import Foundation
import TradingKit
import XCTest
@testable import SimGateway

/// The built-in fee schedule (Fees/default.toml) charged by the paper broker: per-market figures
/// computed by hand, and fees reflected in cash, position cost, realised P&L and the ledger.
final class PaperBrokerFeeTests: XCTestCase {
    private var directory = ""
    private let date = Date(timeIntervalSince1970: 1_764_223_200)
    private let tencent = try! SecurityCode(parsing: "HK.00700")
    private let apple = try! SecurityCode(parsing: "US.AAPL")
    private let pingAn = try! SecurityCode(parsing: "SZ.000001")

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mootui-fees-\(UUID().uuidString)").path
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    private func p(_ s: String) -> Price { Price(s)! }

    private func make() throws -> (MarketSimulator, PaperBroker) {
        let market = MarketSimulator(seed: 5, hours: .always, startDate: date)
        let broker = try PaperBroker(ledger: Ledger(directory: directory), market: market, withRealAccounts: false,
                                     fees: FeeScheduleFile.builtin)
        return (market, broker)
    }

    /// Leaves one level of `volume` at `price` on the side a `side` order takes from.
    private func offer(_ market: MarketSimulator, _ code: SecurityCode, _ side: OrderSide, _ price: String, _ volume: Int64) {
        let level = [BookLevel(price: p(price), volume: volume, orderCount: 1)]
        _ = market.update(code) { if side == .buy { $0.asks = level } else { $0.bids = level } }
    }

    private func order(_ code: SecurityCode, _ side: OrderSide, _ qty: Int64, _ price: String, account: UInt64,
                       market: Int32) -> PlaceOrderInput {
        PlaceOrderInput(accountID: account, environment: .simulate, trdMarket: market, code: code, side: side, type: 1,
                        quantity: qty, price: p(price), timeInForce: 0, remark: "")
    }

    func testBuiltinScheduleHongKongFigures() {
        // 100 × 500 = 50,000 HKD: commission 0.03% 15.00, platform 15.00, stamp 0.1% 50 (up to the
        // dollar), SFC 0.0027% 1.35, AFRC 0.00015% 0.075 → 0.08, trading 0.00565% 2.825 → 2.83,
        // settlement 0.002% 1.00 → minimum 2.00: 86.26, on a buy and on a sell alike.
        let fill = FilledAmount(quantity: 100, value: p("50000"))
        for side in OrderSide.allCases {
            XCTAssertEqual(FeeScheduleFile.builtin.fees(market: .hk, side: side, fill: fill).total, p("86.26"), "\(side)")
        }
    }

    func testBuiltinScheduleUSFigures() {
        // 100 × 200 = 20,000 USD: commission 100 × 0.0049 = 0.49 → min 0.99, platform 0.50 → min
        // 1.00; sells add SEC 0.00278% 0.556 → 0.56 (up) and TAF 100 × 0.000166 = 0.0166 → 0.02.
        let fill = FilledAmount(quantity: 100, value: p("20000"))
        XCTAssertEqual(FeeScheduleFile.builtin.fees(market: .us, side: .buy, fill: fill).total, p("1.99"))
        XCTAssertEqual(FeeScheduleFile.builtin.fees(market: .us, side: .sell, fill: fill).total, p("2.57"))
    }

    func testBuiltinScheduleAShareFigures() {
        // 100 × 10.50 = 1,050 CNY: commission 0.315 → min 3.00, transfer 0.001% 0.0105 → 0.01;
        // sells add stamp duty 0.05% 0.525 → 0.53. SH and SZ share the list.
        let fill = FilledAmount(quantity: 100, value: p("1050"))
        for market in [Market.sh, .sz] {
            XCTAssertEqual(FeeScheduleFile.builtin.fees(market: market, side: .buy, fill: fill).total, p("3.01"))
            XCTAssertEqual(FeeScheduleFile.builtin.fees(market: market, side: .sell, fill: fill).total, p("3.54"))
        }
    }

    func testFillsChargeCashAndFeesGoIntoCostThenRealisedPL() throws {
        let (market, broker) = try make()
        offer(market, tencent, .buy, "500", 100)
        let (buy, _) = try broker.place(order(tencent, .buy, 100, "500", account: 10_001, market: 1), at: date)
        XCTAssertEqual(buy.status, .filled)
        XCTAssertEqual(buy.fees, p("86.26").micros)
        XCTAssertEqual(broker.account(10_001)!.cash, PaperBroker.startingCash - p("50000") - p("86.26"))
        XCTAssertEqual(broker.position(10_001, tencent)?.cost, p("50086.26").micros, "the buy's fees are part of its cost")

        // Sell at 510: proceeds 51,000; fees on 51,000: commission 15.30, platform 15, stamp 51,
        // SFC 1.377 → 1.38, AFRC 0.0765 → 0.08, trading 2.8815 → 2.88, settlement 1.02 → 2.00 = 87.64.
        offer(market, tencent, .sell, "510", 100)
        let (sell, _) = try broker.place(order(tencent, .sell, 100, "510", account: 10_001, market: 1), at: date)
        XCTAssertEqual(sell.fees, p("87.64").micros)
        let position = broker.position(10_001, tencent)!
        XCTAssertEqual(position.quantity, 0)
        // 51,000 − 50,086.26 − 87.64 = 826.10
        XCTAssertEqual(position.realized, p("826.10").micros)
        XCTAssertEqual(broker.account(10_001)!.cash, PaperBroker.startingCash + p("826.10"),
                       "cash moved by exactly the realised P&L net of both orders' fees")
    }

    func testAnOrderFilledInPartsPaysItsMinimumsOnce() throws {
        let (market, broker) = try make()
        offer(market, apple, .sell, "200", 40)
        let (first, _) = try broker.place(order(apple, .sell, 100, "200", account: 10_002, market: 2), at: date)
        XCTAssertEqual(first.status, .partiallyFilled)
        // 40 × 200 = 8,000: 0.99 + 1.00 + SEC 0.2224 → 0.23 + TAF 0.00664 → min 0.01 = 2.23
        XCTAssertEqual(first.fees, p("2.23").micros)
        offer(market, apple, .sell, "200", 60)
        _ = broker.matchResting([apple], at: date)
        let done = broker.orders[first.id]!
        XCTAssertEqual(done.status, .filled)
        // The whole order, 100 × 200 = 20,000: 2.57 (see the US figures), not 2.23 + fees of 60 alone.
        XCTAssertEqual(done.fees, p("2.57").micros)
        XCTAssertEqual(broker.account(10_002)!.cash, PaperBroker.startingCash + p("20000") - p("2.57"))
    }

    func testTheMaximumBuyLeavesRoomForItsFees() throws {
        let (market, broker) = try make()
        // 1,000,000 HKD buys 2,000 × 500 before fees; with fees the most is 1,900 (950,000 + 1,217.75 or so).
        let q = broker.affordableQuantity(tencent, at: p("500"), power: PaperBroker.startingCash, step: 100)
        XCTAssertEqual(q, 1900)
        let fee1900 = FeeScheduleFile.builtin.fees(market: .hk, side: .buy, fill: FilledAmount(quantity: 1900, value: p("950000"))).total
        XCTAssertLessThanOrEqual(p("950000") + fee1900, PaperBroker.startingCash)
        offer(market, tencent, .buy, "500", 5000)
        XCTAssertThrowsError(try broker.place(order(tencent, .buy, 2000, "500", account: 10_001, market: 1), at: date)) { error in
            let message = (error as? BrokerRejection)?.message ?? ""
            XCTAssertTrue(message.contains("Insufficient buying power") && message.contains("with fees"), message)
        }
        let (filled, _) = try broker.place(order(tencent, .buy, 1900, "500", account: 10_001, market: 1), at: date)
        XCTAssertEqual(filled.status, .filled)
        XCTAssertGreaterThanOrEqual(broker.account(10_001)!.cash, .zero, "the maximum never overdraws cash")
    }

    func testChargedFeesSurviveAReload() throws {
        let (market, broker) = try make()
        offer(market, pingAn, .buy, "10.50", 100)
        let (buy, _) = try broker.place(order(pingAn, .buy, 100, "10.50", account: 10_003, market: 3), at: date)
        XCTAssertEqual(buy.fees, p("3.01").micros)
        try broker.commit()
        let reopened = try PaperBroker(ledger: Ledger(directory: directory), market: market, withRealAccounts: false,
                                       fees: FeeScheduleFile.builtin)
        XCTAssertEqual(reopened.orders[buy.id]?.fees, p("3.01").micros)
        XCTAssertEqual(reopened.account(10_003)?.cash, PaperBroker.startingCash - p("1050") - p("3.01"))
    }

    func testScheduleFilesWithMistakesAreRefusedWithTheirPlace() {
        let cases: [(String, String)] = [
            ("[[HK]]\ntitle = \"x\"\nrate = 0.1\n", "must be a string"),
            ("[[HK]]\ntitle = \"x\"\nrate = \"0.1%\"\nper_order = \"1\"\n", "exactly one of"),
            ("[[HK]]\ntitle = \"x\"\nrate = \"lots\"\n", "is not a rate"),
            ("[[HK]]\ntitle = \"x\"\nrate = \"0.1%\"\nside = \"short\"\n", "side must be"),
            ("[[HK]]\ntitle = \"x\"\nrate = \"0.1%\"\nmin = \"5\"\nmax = \"1\"\n", "min is above max"),
            ("[[HK]]\ntitle = \"x\"\nrate = \"0.1%\"\nfoo = 1\n", "unknown key 'foo'"),
            ("[[JP]]\ntitle = \"x\"\nrate = \"0.1%\"\n", "unknown key 'JP'"),
            ("[[HK]\n", "fees.toml:1:"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try FeeScheduleFile.parse(text, file: "fees.toml")) { error in
                let message = "\(error)"
                XCTAssertTrue(message.contains(expected), "\(text) → \(message)")
                XCTAssertTrue(message.hasPrefix("fees.toml"), message)
            }
        }
    }
}
