import OpenDClient
import TerminalUI
import TradingKit
import XCTest
@testable import MooApp

/// The order ticket inside the app: opened from keys, keys routed to it, effects out, answers in.
final class TicketIntegrationTests: XCTestCase {
    typealias F = AppFixtures

    private func ticket(_ s: AppState) -> OrderTicket? {
        if case .ticket(let t) = s.modal { return t }
        return nil
    }

    private func press(_ keys: Key..., into s: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for k in keys { effects += AppReducer.reduce(&s, .key(k)) }
        return effects
    }


    private func type(_ text: String, into s: inout AppState) {
        for ch in text { _ = AppReducer.reduce(&s, .key(.character(ch))) }
    }

    func testBuyOpensAtTheAskAndEnterPlaces() {
        var s = F.liveState()
        let opened = press(.character("b"), into: &s)
        guard let t = ticket(s) else { return XCTFail("no ticket") }
        XCTAssertEqual(t.side, .buy)
        XCTAssertEqual(t.price, F.p("320.4"), "buy is priced at the best ask")
        XCTAssertEqual(t.quantityText, "100", "one board lot")
        XCTAssertEqual(opened, [.fetchMaxQuantities(F.tencent, F.p("320.4"), .limit, F.hkAccount)])
        XCTAssertEqual(s.activeModes.first, "ticket")
        let effects = press(.enter, into: &s)
        XCTAssertEqual(effects, [.placeOrder(OrderRequest(code: F.tencent, side: .buy, type: .limit,
                                                          price: F.p("320.4"), quantity: 100), F.hkAccount)])
        _ = AppReducer.reduce(&s, .response(.ticket(.placed("FT2001"))))
        XCTAssertNil(s.modal, "acknowledged: the ticket closes")
        XCTAssertEqual(s.message?.text, "order FT2001 submitted")
    }

    func testOffTickAndOddLotSendNothingAndQDoesNotQuit() {
        var s = F.liveState()
        _ = press(.character("s"), into: &s)
        for _ in 0..<8 { _ = press(.backspace, into: &s) }
        type("320.1", into: &s)
        _ = press(.tab, into: &s)  // quantity
        for _ in 0..<6 { _ = press(.backspace, into: &s) }
        type("150", into: &s)
        XCTAssertEqual(press(.enter, into: &s), [], "nothing goes on the wire")
        let t = ticket(s)!
        XCTAssertNotNil(t.priceError)
        XCTAssertNotNil(t.quantityError)
        _ = press(.character("q"), into: &s)
        XCTAssertFalse(s.isFinished, "q is not quit inside the ticket")
        let grid = ScreenView.render(s, theme: AppearanceLoader.theme(nil, environment: [:]).0, glyphs: .unicode,
                                     size: TerminalSize(columns: 120, rows: 40))
        XCTAssertTrue(grid.text.contains("not on the tick grid"), grid.text)
        XCTAssertTrue(grid.text.contains("whole number of lots"), grid.text)
        XCTAssertTrue(grid.text.contains("SIMULATE SELL ORDER"), grid.text)
        _ = press(.escape, into: &s)
        XCTAssertNil(s.modal)
    }

    func testRejectionShowsGatewayWordsAndKeepsFields() {
        var s = F.liveState()
        _ = press(.character("b"), into: &s)
        _ = press(.enter, into: &s)
        _ = AppReducer.reduce(&s, .response(.ticket(.rejected("insufficient buying power"))))
        XCTAssertEqual(ticket(s)?.rejection, "insufficient buying power")
        XCTAssertEqual(ticket(s)?.price, F.p("320.4"))
        _ = AppReducer.reduce(&s, .response(.ticket(.maxQuantities(F.tencent, MaxQuantities(cashBuy: 700, positionSell: 500)))))
        XCTAssertEqual(ticket(s)?.maxQuantities?.cashBuy, 700)
    }

    func testSpentOrderBudgetSaysWhenTheOrderCanGo() {
        var s = F.liveState()
        s.orderBudget = OrderBudget(used: 15, limit: 15, nextSlotSeconds: 12.31)
        _ = press(.character("b"), into: &s)
        XCTAssertEqual(ticket(s)?.rateBudget, "15/15 in 30 s: next order in 12.4 s (it waits, it is not refused)")
        s.orderBudget = OrderBudget(used: 3, limit: 15)
        _ = press(.escape, .character("b"), into: &s)
        XCTAssertEqual(ticket(s)?.rateBudget, "3/15 in 30 s")
    }

    func testLadderEnterBuysAtAskLevelAndSellsAtBidLevel() {
        var s = F.liveState()
        s.focus = .book
        s.bookCursor = 7  // third ask from the best (rows 0...9 are asks, level 10 at the top)
        _ = press(.enter, into: &s)
        XCTAssertEqual(ticket(s)?.side, .buy)
        XCTAssertEqual(ticket(s)?.price, F.p("320.8"))
        _ = press(.escape, into: &s)
        s.bookCursor = 12
        _ = press(.enter, into: &s)
        XCTAssertEqual(ticket(s)?.side, .sell)
        XCTAssertEqual(ticket(s)?.price, F.p("319.8"))
    }

    func testXClosesThePositionOfTheSelectedCode() {
        var s = F.liveState()
        _ = press(.character("x"), into: &s)
        XCTAssertEqual(ticket(s)?.side, .sell)
        XCTAssertEqual(ticket(s)?.quantityText, "500")
        XCTAssertEqual(ticket(s)?.price, F.p("320.2"), "sell priced at the best bid")
    }

    func testRealUnlockFlowNeverKeepsThePassword() {
        var s = F.liveState()
        s.environment = .real
        s.account = Account(id: 9, environment: .real, markets: [1])
        _ = press(.character("b"), into: &s)
        XCTAssertEqual(press(.enter, into: &s), [])
        XCTAssertEqual(ticket(s)?.phase, .unlocking(length: 0))
        type("q 97531", into: &s)  // q and space are password characters here
        let effects = press(.enter, into: &s)
        guard case .unlockTrade(let password)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertFalse(String(describing: effects).contains("97531"))
        XCTAssertEqual(OpenDClient.md5(of: password), "a3f94c271d99fdcc10b1d43438ec8890", "MD5 of 'q 97531' (md5sum)")
        XCTAssertTrue(password.isConsumed, "the wire door wipes the password as it hashes it")
        XCTAssertFalse(String(describing: s).contains("97531"))
        _ = AppReducer.reduce(&s, .response(.ticket(.unlocked(error: nil))))
        XCTAssertTrue(s.isTradeUnlocked)
        XCTAssertEqual(ticket(s)?.phase, .confirming)
        let grid = ScreenView.render(s, theme: AppearanceLoader.theme(nil, environment: [:]).0, glyphs: .unicode,
                                     size: TerminalSize(columns: 120, rows: 40))
        XCTAssertTrue(grid.text.contains("REAL BUY ORDER"))
        XCTAssertTrue(grid.text.contains("CONFIRM BUY 100 HK.00700"))
        guard case .placeOrder? = press(.enter, into: &s).first else { return XCTFail() }
    }

    func testWrongPasswordShowsTheGatewayReason() {
        var s = F.liveState()
        s.environment = .real
        s.account = Account(id: 9, environment: .real, markets: [1])
        _ = press(.character("b"), .enter, into: &s)
        type("nope", into: &s)
        _ = press(.enter, into: &s)
        _ = AppReducer.reduce(&s, .response(.ticket(.unlocked(error: "wrong trade password"))))
        XCTAssertFalse(s.isTradeUnlocked)
        XCTAssertEqual(ticket(s)?.rejection, "unlock failed: wrong trade password")
    }

    func testCommandLineFillsTheTicket() {
        var s = F.liveState()
        _ = press(.character(":"), into: &s)
        type("b 200 HK.00700 @ 319.6 day", into: &s)
        _ = press(.enter, into: &s)
        guard let t = ticket(s) else { return XCTFail("no ticket: \(String(describing: s.message))") }
        XCTAssertEqual(t.quantityText, "200")
        XCTAssertEqual(t.price, F.p("319.6"))
        XCTAssertEqual(t.side, .buy)
        XCTAssertEqual(press(.enter, into: &s), [.placeOrder(OrderRequest(code: F.tencent, side: .buy, type: .limit,
                                                                          price: F.p("319.6"), quantity: 200), F.hkAccount)])
    }

    func testCommandLineSellAllAndBadInput() {
        var s = F.liveState()
        _ = press(.character(":"), into: &s)
        type("s all HK.00700 mkt", into: &s)
        _ = press(.enter, into: &s)
        XCTAssertEqual(ticket(s)?.quantityText, "500")
        XCTAssertEqual(ticket(s)?.type, .market)
        _ = press(.escape, into: &s)
        _ = press(.character(":"), into: &s)
        type("b HK.00700", into: &s)
        _ = press(.enter, into: &s)
        XCTAssertNil(s.modal)
        XCTAssertEqual(s.message?.isError, true)
    }

    func testCancelAsksFirstAndCancelAllCoversTheCode() {
        var s = F.liveState()
        s.focus = .orders
        s.orderCursor = 0
        XCTAssertEqual(press(.character("c"), into: &s), [], "nothing sent before the confirm")
        guard case .confirm = s.modal else { return XCTFail("expected a confirm") }
        XCTAssertEqual(press(.character("y"), into: &s), [.cancelOrder("FT1002", F.hkAccount)])
        _ = press(.character("c"), into: &s)
        XCTAssertEqual(press(.character("n"), into: &s), [])
        XCTAssertNil(s.modal)
        _ = press(.character(":"), into: &s)
        type("ca HK.00700", into: &s)
        _ = press(.enter, into: &s)
        XCTAssertEqual(press(.enter, into: &s), [.cancelOrder("FT1002", F.hkAccount)])
    }

    func testModifyOpensPrefilledAndSendsModify() {
        var s = F.liveState()
        s.focus = .orders
        s.orderCursor = 0
        _ = press(.character("m"), into: &s)
        XCTAssertEqual(ticket(s)?.modifyingOrderID, "FT1002")
        XCTAssertEqual(ticket(s)?.price, F.p("319.8"))
        _ = press(.up, into: &s)
        XCTAssertEqual(press(.enter, into: &s), [.modifyOrder("FT1002", F.hkAccount, price: F.p("320"), quantity: 300)])
    }
}
