import TerminalUI
import TradingKit
import XCTest
@testable import MooApp

/// Issue 15 point 2: the positions pane takes focus and closes positions; the orders pane
/// cancels every working order and reprices one by a tick.
final class PositionsAndOrdersTests: XCTestCase {
    typealias F = AppFixtures

    private func ticket(_ s: AppState) -> OrderTicket? {
        if case .ticket(let t) = s.modal { return t }
        return nil
    }

    private func position(_ code: SecurityCode, _ qty: Int64, sellable: Int64? = nil) -> Position {
        Position(id: 9, code: code, name: "", quantity: qty, sellableQuantity: sellable ?? qty, costPrice: F.p("1"),
                 lastPrice: F.p("1"), marketValue: .zero, profitLoss: .zero)
    }

    private func focusPositions(_ s: inout AppState) -> [Effect] {
        _ = AppReducer.reduce(&s, .action(.focusNext))  // book
        _ = AppReducer.reduce(&s, .action(.focusNext))  // orders
        return AppReducer.reduce(&s, .action(.focusNext))  // positions
    }

    func testThePositionsPaneTakesFocusAndItsCursorSelectsTheCode() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .response(.accounts([F.hkAccount, F.usAccount])))
        s.positions.append(position(F.apple, 10))
        _ = AppReducer.reduce(&s, .action(.cursorBottom))  // watchlist on US.AAPL
        _ = focusPositions(&s)
        XCTAssertEqual(s.focus, .positions)
        XCTAssertEqual(s.activeModes.first, "positions")
        XCTAssertEqual(s.selectedCode, F.tencent, "the first position's code is selected everywhere")
        _ = AppReducer.reduce(&s, .key(.down))
        XCTAssertEqual(s.positionCursor, 1)
        XCTAssertEqual(s.selectedCode, F.apple)
        _ = AppReducer.reduce(&s, .key(.down))
        XCTAssertEqual(s.positionCursor, 1, "the cursor stays on the last position")
    }

    func testAPositionOutsideTheWatchlistJoinsItWhenSelected() {
        var s = F.liveState()
        s.positions = [position(F.alibaba, 200)]
        let effects = focusPositions(&s)
        XCTAssertEqual(s.watchlist.last, F.alibaba)
        XCTAssertEqual(s.selectedCode, F.alibaba)
        XCTAssertTrue(effects.contains(.saveWatchlist(s.watchlist)), "\(effects)")
        XCTAssertTrue(effects.contains(.subscribe([F.alibaba], [.quote])))
        XCTAssertTrue(effects.contains(.watchDetail(F.alibaba)))
    }

    func testXClosesTheSelectedPositionAtTheTouch() {
        var s = F.liveState()
        _ = focusPositions(&s)
        let effects = AppReducer.reduce(&s, .key(.character("x")))
        guard let t = ticket(s) else { return XCTFail("no ticket: \(String(describing: s.message))") }
        XCTAssertEqual(t.side, .sell)
        XCTAssertEqual(t.quantity, 500, "the whole sellable quantity")
        XCTAssertEqual(t.price, F.p("320.2"), "a sell closes at the best bid")
        XCTAssertTrue(t.isValid)
        XCTAssertEqual(effects, [.fetchMaxQuantities(F.tencent, F.p("320.2"), .limit, F.hkAccount)])
        XCTAssertEqual(AppReducer.reduce(&s, .key(.enter)),
                       [.placeOrder(OrderRequest(code: F.tencent, side: .sell, type: .limit, price: F.p("320.2"),
                                                 quantity: 500), F.hkAccount)])
    }

    func testAnHKOddLotIsLeftOutAndAnOddLotAloneCannotBeClosed() {
        var s = F.liveState()
        s.positions = [position(F.tencent, 550)]
        _ = focusPositions(&s)
        _ = AppReducer.reduce(&s, .key(.character("x")))
        XCTAssertEqual(ticket(s)?.quantity, 500, "whole board lots only")
        XCTAssertEqual(s.message?.text.hasPrefix("closing 500 of 550 HK.00700"), true, "\(String(describing: s.message))")
        s.modal = nil
        s.positions = [position(F.tencent, 50)]
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("x"))), [])
        XCTAssertNil(s.modal)
        XCTAssertEqual(s.message?.isError, true)
        XCTAssertTrue(s.message?.text.contains("odd lot") ?? false, "\(String(describing: s.message))")
    }

    func testAnASharesOddRemainderIsSoldInFullAndAUSShortIsBoughtBack() {
        XCTAssertEqual(LotRules(.cnMainBoard).closingQuantity(position: 150, sellable: 150), 150)
        XCTAssertEqual(LotRules(.cnMainBoard).closingQuantity(position: 250, sellable: 100), 100, "T+1: today's buys wait")
        XCTAssertEqual(LotRules(.boardLot(100)).closingQuantity(position: 550, sellable: 550), 500)
        XCTAssertEqual(LotRules(.single).closingQuantity(position: -7, sellable: 0), 7)
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .response(.accounts([F.hkAccount, F.usAccount])))
        s.positions = [position(F.apple, -7, sellable: 0)]
        _ = focusPositions(&s)
        _ = AppReducer.reduce(&s, .key(.character("x")))
        XCTAssertEqual(ticket(s)?.side, .buy)
        XCTAssertEqual(ticket(s)?.quantity, 7)
        XCTAssertEqual(ticket(s)?.account, F.usAccount)
    }

    func testBAndSOnTheSelectedPositionAddAndReduce() {
        var s = F.liveState()
        _ = focusPositions(&s)
        _ = AppReducer.reduce(&s, .key(.character("s")))
        XCTAssertEqual(ticket(s)?.side, .sell)
        XCTAssertEqual(ticket(s)?.code, F.tencent)
        s.modal = nil
        _ = AppReducer.reduce(&s, .key(.character("b")))
        XCTAssertEqual(ticket(s)?.side, .buy)
        XCTAssertEqual(ticket(s)?.code, F.tencent)
    }

    private func ordersFocused() -> AppState {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .response(.accounts([F.hkAccount, F.usAccount])))
        _ = AppReducer.reduce(&s, .action(.tabPortfolio))
        return s
    }

    func testPlusAndMinusRepriceTheSelectedOrderByOneTick() {
        var s = ordersFocused()
        XCTAssertEqual(s.orders[s.orderCursor].id, "FT1002")
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("+"))),
                       [.modifyOrder("FT1002", F.hkAccount, price: F.p("320"), quantity: 300)])
        XCTAssertEqual(s.message?.text, "repricing FT1002 319.800 → 320.000")
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("-"))),
                       [.modifyOrder("FT1002", F.hkAccount, price: F.p("319.6"), quantity: 300)])
    }

    func testRepriceRefusesWhatTheTicketWouldRefuse() {
        var s = ordersFocused()
        s.orders[0].price = F.p("0.01")  // HK's lowest price: no tick below it
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("-"))), [])
        XCTAssertEqual(s.message?.isError, true)
        s.orders[0].price = F.p("319.8")
        s.orders[0].type = .market
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("+"))), [])
        XCTAssertTrue(s.message?.text.contains("market order") ?? false)
        s.orderCursor = 1  // FT1001 is filled
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("+"))), [])
        XCTAssertTrue(s.message?.text.contains("not working") ?? false)
        // a sell of more than is held on an HK SIMULATE account: the ticket's position check
        s.orders[1] = Order(id: "S1", numericID: 5, accountID: 1001, code: F.tencent, name: "", side: .sell,
                            type: .limit, status: .submitted, quantity: 900, price: F.p("330"))
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("+"))), [])
        XCTAssertTrue(s.message?.text.contains("exceeds the 500 held") ?? false, "\(String(describing: s.message))")
    }

    func testRepriceOnRealOpensTheModifyTicketForTheConfirm() {
        var s = ordersFocused()
        s.environment = .real
        let real = Account(id: 9, environment: .real, markets: [1])
        _ = AppReducer.reduce(&s, .response(.accounts([real])))
        _ = AppReducer.reduce(&s, .key(.character("+")))
        guard let t = ticket(s) else { return XCTFail("no ticket: \(String(describing: s.message))") }
        XCTAssertEqual(t.modifyingOrderID, "FT1002")
        XCTAssertEqual(t.price, F.p("320"))
        XCTAssertEqual(t.account, real)
    }

    func testCapitalACancelsEveryWorkingOrderAfterAConfirm() {
        var s = ordersFocused()
        let us = Order(id: "US7", numericID: 7, accountID: 1002, code: F.apple, name: "", side: .buy, type: .limit,
                       status: .submitted, quantity: 5, price: F.p("180"))
        _ = AppReducer.reduce(&s, .gateway(.order(us), at: 101))
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("A"))), [])
        guard case .confirm(let prompt, _)? = s.modal else { return XCTFail("no confirm") }
        XCTAssertEqual(prompt, "cancel 2 working order(s)?")
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("y"))),
                       [.cancelOrder("US7", F.usAccount), .cancelOrder("FT1002", F.hkAccount)])
    }
}
