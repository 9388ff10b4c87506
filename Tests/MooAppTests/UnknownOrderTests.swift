import TerminalUI
import TradingKit
import XCTest
@testable import MooApp

/// An order sent while the link drops: UNKNOWN until an order list read on a live link settles
/// it, found by its remark tag; never sent again.
final class UnknownOrderTests: XCTestCase {
    typealias F = AppFixtures

    private let request = OrderRequest(code: F.tencent, side: .buy, type: .limit, price: F.p("320.2"), quantity: 100,
                                       remark: "mootui-abc123")

    private func order(_ id: String, remark: String) -> Order {
        Order(id: id, numericID: 1, code: F.tencent, name: "腾讯控股", side: .buy, type: .limit, status: .submitted,
              quantity: 100, price: F.p("320.2"), createTime: "2026-12-08 09:30:00", remark: remark)
    }

    /// A live state whose link then drops with the order's answer outstanding.
    private func droppedWithUnknownOrder() -> (AppState, [Effect]) {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .gateway(.connection(.live), at: 100))
        _ = AppReducer.reduce(&s, .gateway(.connection(.disconnected(reason: "link reset")), at: 101))
        let effects = AppReducer.reduce(&s, .response(.ticket(.outcomeUnknown(request))))
        return (s, effects)
    }

    func testAnOrderWithoutAnAnswerShowsAsUnknownAndIsNotResent() {
        let (s, effects) = droppedWithUnknownOrder()
        XCTAssertEqual(effects, [.loadPortfolio], "asks for the order list, never for a second placeOrder")
        XCTAssertEqual(s.orders.first?.status, .unknown)
        XCTAssertEqual(s.orders.first?.remark, "mootui-abc123")
        XCTAssertTrue(s.message?.text.contains("UNKNOWN") ?? false, s.message?.text ?? "")
        XCTAssertTrue(s.message?.isError ?? false)
        let grid = ScreenView.render(s, theme: AppearanceLoader.theme(nil, environment: [:]).0, glyphs: .unicode,
                                     size: TerminalSize(columns: 120, rows: 40))
        XCTAssertTrue(grid.text.contains("UNKNOWN"), "the orders pane shows it")
    }

    func testAListReadWhileStillDownSettlesNothing() {
        var (s, _) = droppedWithUnknownOrder()
        _ = AppReducer.reduce(&s, .response(.orders([])))
        XCTAssertEqual(s.unknownOrders.count, 1)
        XCTAssertEqual(s.orders.map(\.status), [.unknown])
    }

    func testFoundInTheListAfterTheReconnect() {
        var (s, _) = droppedWithUnknownOrder()
        let reconnect = AppReducer.reduce(&s, .gateway(.connection(.live), at: 103))
        XCTAssertTrue(reconnect.contains(.loadPortfolio))
        XCTAssertFalse(reconnect.contains { if case .placeOrder = $0 { return true } else { return false } })
        let placed = order("5000007", remark: "mootui-abc123")
        _ = AppReducer.reduce(&s, .response(.orders([order("5000001", remark: ""), placed])))
        XCTAssertTrue(s.unknownOrders.isEmpty)
        XCTAssertEqual(s.orders.map(\.id).sorted(), ["5000001", "5000007"], "the real row replaces the UNKNOWN one")
        XCTAssertEqual(s.message?.text, "the BUY 100 HK.00700 order was placed after all: order 5000007")
    }

    func testMissingFromTheListAfterTheReconnectMeansNotPlaced() {
        var (s, _) = droppedWithUnknownOrder()
        _ = AppReducer.reduce(&s, .gateway(.connection(.live), at: 103))
        _ = AppReducer.reduce(&s, .response(.orders([order("5000001", remark: "mootui-other")])))
        XCTAssertTrue(s.unknownOrders.isEmpty)
        XCTAssertEqual(s.orders.map(\.id), ["5000001"])
        XCTAssertTrue(s.message?.text.contains("was not placed") ?? false, s.message?.text ?? "")
    }

    func testAPushCarryingTheTagSettlesIt() {
        var (s, _) = droppedWithUnknownOrder()
        _ = AppReducer.reduce(&s, .gateway(.order(order("5000009", remark: "mootui-abc123")), at: 104))
        XCTAssertTrue(s.unknownOrders.isEmpty)
        XCTAssertEqual(s.orders.first?.id, "5000009")
        XCTAssertFalse(s.orders.contains { $0.status == .unknown }, "the UNKNOWN row is gone")
    }

    func testRequestsAreTaggedOnceAndUniquely() {
        let a = EffectRunner.tagged(OrderRequest(code: F.tencent, side: .buy, type: .market, price: .zero, quantity: 100))
        let b = EffectRunner.tagged(OrderRequest(code: F.tencent, side: .buy, type: .market, price: .zero, quantity: 100))
        XCTAssertTrue(a.remark.hasPrefix("mootui-"), a.remark)
        XCTAssertLessThanOrEqual(a.remark.utf8.count, 64, "OpenD echoes at most 64 bytes")
        XCTAssertNotEqual(a.remark, b.remark)
        XCTAssertEqual(EffectRunner.tagged(a), a, "an existing tag is kept")
    }
}
