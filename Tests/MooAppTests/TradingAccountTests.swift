import TerminalUI
import TradingKit
import XCTest
@testable import MooApp

/// Orders go through the account that trades the code's market (OpenD lists one per market),
/// never simply the first account listed.
final class TradingAccountTests: XCTestCase {
    typealias F = AppFixtures

    private func twoAccounts() -> AppState {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .response(.accounts([F.hkAccount, F.usAccount])))
        return s
    }

    private func ticket(_ s: AppState) -> OrderTicket? {
        if case .ticket(let t) = s.modal { return t }
        return nil
    }

    func testAUSOrderGoesThroughTheUSAccountAndTheTicketSaysSo() {
        var s = twoAccounts()
        _ = AppReducer.reduce(&s, .action(.cursorBottom))  // US.AAPL
        XCTAssertEqual(s.selectedCode, F.apple)
        let opened = AppReducer.reduce(&s, .key(.character("b")))
        XCTAssertEqual(ticket(s)?.account, F.usAccount)
        XCTAssertEqual(opened, [.fetchMaxQuantities(F.apple, F.p("189.3"), .limit, F.usAccount)])
        let grid = ScreenView.render(s, theme: AppearanceLoader.theme(nil, environment: [:]).0, glyphs: .unicode,
                                     size: TerminalSize(columns: 120, rows: 40))
        XCTAssertTrue(grid.text.contains("Account    1002 · US"), grid.text)
        let sent = AppReducer.reduce(&s, .key(.enter))
        XCTAssertEqual(sent, [.placeOrder(OrderRequest(code: F.apple, side: .buy, type: .limit, price: F.p("189.3"),
                                                       quantity: 1), F.usAccount)])
    }

    func testAnHKOrderStillGoesThroughTheHKAccount() {
        var s = twoAccounts()
        _ = AppReducer.reduce(&s, .key(.character("b")))
        XCTAssertEqual(ticket(s)?.account, F.hkAccount)
        guard case .placeOrder(_, let account)? = AppReducer.reduce(&s, .key(.enter)).first else { return XCTFail() }
        XCTAssertEqual(account, F.hkAccount)
    }

    func testNoAccountForTheMarketSaysWhichMarketsAreTraded() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .response(.accounts([F.hkAccount])))
        _ = AppReducer.reduce(&s, .action(.cursorBottom))
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("b"))), [])
        XCTAssertNil(s.modal)
        XCTAssertEqual(s.message?.text, "no SIMULATE account trades US (needs trade market 2; 1001 trades HK)")
        XCTAssertEqual(s.message?.isError, true)
    }

    func testAccountsOfTheOtherEnvironmentAreNotUsed() {
        var s = F.liveState()
        let realUS = Account(id: 3002, environment: .real, markets: [2])
        _ = AppReducer.reduce(&s, .response(.accounts([F.hkAccount, realUS])))
        XCTAssertNil(s.tradingAccount(for: F.apple), "a REAL US account does not trade for SIMULATE")
    }

    func testCancellingAnOrderUsesTheAccountItBelongsTo() {
        var s = twoAccounts()
        let us = Order(id: "US7", numericID: 7, accountID: 1002, code: F.apple, name: "Apple", side: .buy, type: .limit,
                       status: .submitted, quantity: 5, price: F.p("180"))
        _ = AppReducer.reduce(&s, .gateway(.order(us), at: 101))
        _ = AppReducer.reduce(&s, .action(.tabPortfolio))
        XCTAssertEqual(s.orders.first?.id, "US7")
        _ = AppReducer.reduce(&s, .key(.character("c")))
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("y"))), [.cancelOrder("US7", F.usAccount)])
    }

    func testFundsPerAccountGiveTheTicketItsBuyingPower() {
        var s = twoAccounts()
        let usd = Funds(buyingPower: F.p("250000"), totalAssets: F.p("250000"), cash: F.p("250000"),
                        marketValue: .zero, currency: "USD")
        let hkd = Funds(buyingPower: F.p("1000000"), totalAssets: F.p("1000000"), cash: F.p("1000000"),
                        marketValue: .zero, currency: "HKD")
        _ = AppReducer.reduce(&s, .response(.accountFunds(1001, hkd)))
        _ = AppReducer.reduce(&s, .response(.accountFunds(1002, usd)))
        XCTAssertEqual(s.funds, hkd, "the status line keeps the first account's funds")
        _ = AppReducer.reduce(&s, .action(.cursorBottom))
        _ = AppReducer.reduce(&s, .key(.character("b")))
        XCTAssertEqual(ticket(s)?.buyingPower, F.p("250000"))
    }

    func testTheRunnerReadsEveryAccountAndRoutesEachOrder() {
        let posted = Posted()
        var gateway = Gateway.unimplemented()
        gateway.accounts = { [F.hkAccount, F.usAccount] }
        gateway.funds = { a in
            Funds(buyingPower: Price(micros: Int64(a.id)), totalAssets: .zero, cash: .zero, marketValue: .zero,
                  currency: a.id == 1001 ? "HKD" : "USD")
        }
        gateway.positions = { a in
            [Position(id: a.id, code: a.id == 1001 ? F.tencent : F.apple, name: "", quantity: 10, sellableQuantity: 10,
                      costPrice: .zero, lastPrice: .zero, marketValue: .zero, profitLoss: .zero)]
        }
        gateway.placeOrder = { a, r in posted.call("place \(r.code) via \(a.id)"); return "X1" }
        let runner = EffectRunner(gateway: gateway, post: posted.post, saveWatchlist: { _ in })
        runner.perform([.loadPortfolio])
        XCTAssertTrue(waitUntil { posted.all.contains { if case .response(.positions) = $0 { true } else { false } } })
        XCTAssertTrue(posted.all.contains(.response(.accounts([F.hkAccount, F.usAccount]))))
        let positions = posted.all.compactMap { e -> [Position]? in
            if case .response(.positions(let p)) = e { return p } else { return nil }
        }
        XCTAssertEqual(positions.first?.map(\.code), [F.tencent, F.apple], "both accounts' positions")
        XCTAssertTrue(waitUntil {
            posted.all.filter { if case .response(.accountFunds) = $0 { true } else { false } }.count == 2
        })
        runner.perform([.placeOrder(OrderRequest(code: F.apple, side: .buy, type: .limit, price: F.p("1"), quantity: 1),
                                    F.usAccount)])
        XCTAssertTrue(waitUntil { posted.log.contains("place US.AAPL via 1002") }, "\(posted.log)")
        runner.finish()
    }
}
