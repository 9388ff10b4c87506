import Foundation
import TerminalUI
import TradingKit
import XCTest
@testable import MooApp

/// Fees in the app: asked of the gateway once a REAL order is done filling, estimated from the
/// schedule otherwise, shown in the orders pane and estimated on the ticket before sending.
final class OrderFeesTests: XCTestCase {
    typealias F = AppFixtures

    /// HK: 0.03% commission (min 3) and a 15 platform fee per order.
    private let schedule = FeeSchedule(name: "test", rules: [
        .hk: [FeeRule(title: "Commission", basis: .rate(FeeRate("0.03%")!), minimum: F.p("3")),
              FeeRule(title: "Platform fee", basis: .perOrder(F.p("15")))],
    ])

    private func filledOrder(_ status: OrderStatus, filled: Int64 = 200) -> Order {
        Order(id: "77", numericID: 77, code: F.tencent, name: "腾讯控股", side: .buy, type: .limit, status: status,
              quantity: 200, price: F.p("320.2"), filledQuantity: filled, averageFillPrice: F.p("320.2"),
              createTime: "2026-11-27 10:40:00", updateTime: "2026-11-27 10:40:01")
    }

    private func state(_ env: TradingEnvironment) -> AppState {
        var s = F.liveState()
        s.environment = env
        s.account = Account(id: 9, environment: env, markets: [1])
        s.feeSchedule = schedule
        return s
    }

    func testARealOrderThatFinishedFillingAsksForItsFeesOnce() {
        var s = state(.real)
        XCTAssertEqual(AppReducer.reduce(&s, .gateway(.order(filledOrder(.partiallyFilled, filled: 100)), at: 1)), [],
                       "still filling: no request yet")
        let effects = AppReducer.reduce(&s, .gateway(.order(filledOrder(.filled)), at: 2))
        XCTAssertEqual(effects, [.fetchOrderFees(["77": 200], Account(id: 9, environment: .real, markets: [1]))])
        let report = OrderFees(orderID: "77", fees: FeeBreakdown(items: [
            .init(title: "Commission", amount: F.p("19.21")), .init(title: "Platform fee", amount: F.p("15")),
        ]))
        _ = AppReducer.reduce(&s, .response(.orderFees([report], filled: ["77": 200])))
        XCTAssertEqual(s.fees(of: s.orders.first { $0.id == "77" }!), .reported(F.p("34.21")))
        XCTAssertEqual(AppReducer.reduce(&s, .gateway(.order(filledOrder(.filled)), at: 3)), [],
                       "the same fill again: the report stands")
    }

    func testSimulateOrdersAreEstimatedFromTheScheduleAndNeverAsked() {
        var s = state(.simulate)
        XCTAssertEqual(AppReducer.reduce(&s, .gateway(.order(filledOrder(.filled)), at: 1)), [])
        // 200 × 320.2 = 64,040: commission 19.212 → 19.21, platform 15 → 34.21
        XCTAssertEqual(s.fees(of: filledOrder(.filled)), .estimated(F.p("34.21")))
        XCTAssertNil(s.fees(of: filledOrder(.submitted, filled: 0)), "nothing filled, nothing charged")
        var noSchedule = s
        noSchedule.feeSchedule = .none
        XCTAssertNil(noSchedule.fees(of: filledOrder(.filled)), "no schedule for the market: no figure rather than 0")
    }

    func testAReportForAnEarlierFillGivesWayToTheEstimate() {
        var s = state(.real)
        _ = AppReducer.reduce(&s, .response(.orderFees([OrderFees(orderID: "77", fees: FeeBreakdown(items: [
            .init(title: "Commission", amount: F.p("9.61")),
        ]))], filled: ["77": 100])))
        XCTAssertEqual(s.fees(of: filledOrder(.filled)), .estimated(F.p("34.21")))
    }

    func testOrdersPaneShowsFeesAndTheTicketAnEstimate() {
        var s = state(.simulate)
        s.tab = .portfolio
        _ = AppReducer.reduce(&s, .gateway(.order(filledOrder(.filled)), at: 1))
        let theme = AppearanceLoader.theme(nil, environment: [:]).0
        let grid = ScreenView.render(s, theme: theme, glyphs: .unicode, size: TerminalSize(columns: 80, rows: 24))
        let row = grid.text.split(separator: "\n").first { $0.contains("200/200") }.map(String.init) ?? ""
        XCTAssertTrue(row.hasSuffix("≈34.21"), "orders row: \(row)")
        XCTAssertTrue(grid.text.contains("Fees"))

        var t = state(.simulate)
        _ = AppReducer.reduce(&t, .key(.character("b")))
        guard case .ticket(let ticket)? = t.modal else { return XCTFail("no ticket") }
        let q = ticket.quantity ?? 0, price = ticket.price ?? .zero
        XCTAssertGreaterThan(q, 0)
        let expected = t.estimatedFees(F.tencent, .buy, quantity: q, price: price)
        XCTAssertGreaterThanOrEqual(expected, F.p("18"), "at least the minimum commission and the platform fee")
        let ticketGrid = ScreenView.render(t, theme: theme, glyphs: .unicode, size: TerminalSize(columns: 120, rows: 40))
        XCTAssertTrue(ticketGrid.text.contains("Est. fees  ≈\(NumberFormat.money(expected)) HKD"), ticketGrid.text)
    }

    func testTheRunnerAsksTheGatewayAndPostsTheReportWithTheFilledQuantities() {
        let posted = Posted()
        var gateway = Gateway.unimplemented()
        gateway.accounts = { [Account(id: 9, environment: .real, markets: [1])] }
        gateway.orderFees = { account, ids in
            posted.call("fees \(account.id) \(ids)")
            return ids.map { OrderFees(orderID: $0, fees: FeeBreakdown(items: [.init(title: "Commission", amount: F.p("3"))])) }
        }
        let runner = EffectRunner(gateway: gateway, post: posted.post, saveWatchlist: { _ in })
        runner.perform([.loadPortfolio])  // effects run side by side: let the portfolio read finish first
        XCTAssertTrue(waitUntil { posted.all.contains { if case .response(.accounts) = $0 { true } else { false } } })
        runner.perform([.fetchOrderFees(["5": 100, "4": 300], Account(id: 9, environment: .real, markets: [1]))])
        XCTAssertTrue(waitUntil { posted.all.contains { if case .response(.orderFees) = $0 { true } else { false } } })
        XCTAssertEqual(posted.log, ["fees 9 [\"4\", \"5\"]"])
        XCTAssertTrue(posted.all.contains(.response(.orderFees(
            ["4", "5"].map { OrderFees(orderID: $0, fees: FeeBreakdown(items: [.init(title: "Commission", amount: F.p("3"))])) },
            filled: ["5": 100, "4": 300]))))
        runner.finish()
    }
}
