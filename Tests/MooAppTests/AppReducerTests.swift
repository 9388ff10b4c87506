import TerminalUI
import TradingKit
import XCTest
@testable import MooApp

final class AppReducerTests: XCTestCase {
    typealias F = AppFixtures

    func testStartSubscribesTheWatchlistAndLoadsTheSelectedCode() {
        var s = F.emptyState()
        let effects = AppReducer.reduce(&s, .started)
        XCTAssertEqual(
            effects,
            [
                .subscribe([F.tencent, F.moutai, F.apple], [.quote]),
                .loadSecurityInfo([F.tencent, F.moutai, F.apple]),
                .loadSnapshots([F.tencent, F.moutai, F.apple]),
                .watchDetail(F.tencent),
                .loadHistory(CandleSeries(F.tencent, .fiveMinutes), count: AppReducer.initialBars),
                .loadPortfolio, .refreshLimits, .loadAlerts, .loadGroups,
            ])
        XCTAssertEqual(s.connection, .live)
        XCTAssertFalse(s.isStale)
    }

    func testQuitKeyAndSignalsFinish() {
        var s = F.emptyState()
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("q"))), [])
        XCTAssertTrue(s.isFinished)
        var t = F.emptyState()
        _ = AppReducer.reduce(&t, .signal(15))
        XCTAssertTrue(t.isFinished)
    }

    func testMovingTheSelectionSubscribesTheNewCodeOnce() {
        var s = F.liveState()
        let down = AppReducer.reduce(&s, .key(.down))
        XCTAssertEqual(s.selectedCode, F.moutai)
        XCTAssertEqual(down, [.watchDetail(F.moutai), .loadHistory(CandleSeries(F.moutai, .fiveMinutes), count: 120)])
        _ = AppReducer.reduce(&s, .key(.up))
        XCTAssertEqual(s.selectedCode, F.tencent)
        XCTAssertEqual(AppReducer.reduce(&s, .key(.down)), [], "already subscribed and loaded")
        _ = AppReducer.reduce(&s, .action(.cursorBottom))
        XCTAssertEqual(s.selectedCode, F.apple)
        XCTAssertEqual(AppReducer.reduce(&s, .key(.down)), [], "no move past the end")
    }

    func testAddingACodeChecksItWithTheGatewayFirst() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .key(.character("/")))
        XCTAssertEqual(s.modal, .addCode(""))
        for ch in "hk.998" { _ = AppReducer.reduce(&s, .key(.character(ch))) }
        _ = AppReducer.reduce(&s, .key(.backspace))
        for ch in "88" { _ = AppReducer.reduce(&s, .key(.character(ch))) }
        XCTAssertEqual(s.modal, .addCode("hk.9988"))
        XCTAssertEqual(AppReducer.reduce(&s, .key(.enter)), [.checkSecurity(F.alibaba)])
        XCTAssertNil(s.modal)
        XCTAssertEqual(s.watchlist.count, 3, "not added before the gateway confirms")
        let info = SecurityInfo(code: F.alibaba, name: "阿里巴巴-W", lotSize: 100, kind: .stock)
        let effects = AppReducer.reduce(&s, .response(.securityChecked(F.alibaba, info)))
        XCTAssertEqual(s.watchlist, [F.tencent, F.moutai, F.apple, F.alibaba])
        XCTAssertEqual(
            effects, [.saveWatchlist(s.watchlist), .subscribe([F.alibaba], [.quote]), .loadSnapshots([F.alibaba])])
        XCTAssertEqual(s.message?.text, "added HK.09988 阿里巴巴-W")
    }

    func testUnknownOrMalformedCodesGetAClearMessage() {
        var s = F.liveState()
        let ghost = try! SecurityCode(parsing: "HK.99999")
        _ = AppReducer.reduce(&s, .response(.securityChecked(ghost, nil)))
        XCTAssertFalse(s.watchlist.contains(ghost))
        XCTAssertEqual(
            s.message,
            StatusMessage(
                text: "unknown code HK.99999: the gateway does not list it", isError: true,
                expiresAt: 105))
        _ = AppReducer.reduce(&s, .key(.character("/")))
        for ch in "XX.1" { _ = AppReducer.reduce(&s, .key(.character(ch))) }
        XCTAssertEqual(AppReducer.reduce(&s, .key(.enter)), [])
        XCTAssertEqual(s.message?.text, "unknown market 'XX' (HK, US, SH, SZ)")
        XCTAssertEqual(s.message?.isError, true)
        _ = AppReducer.reduce(&s, .key(.character("/")))
        _ = AppReducer.reduce(&s, .key(.character("x")))
        _ = AppReducer.reduce(&s, .key(.escape))
        XCTAssertNil(s.modal)
    }

    func testRemovingPersistsAndUnsubscribes() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .key(.down))
        let effects = AppReducer.reduce(&s, .key(.character("d")))
        XCTAssertEqual(s.watchlist, [F.tencent, F.apple])
        XCTAssertEqual(s.selectedCode, F.apple)
        XCTAssertEqual(
            Array(effects.prefix(2)), [.saveWatchlist([F.tencent, F.apple]), .unsubscribe([F.moutai], [.quote])])
        XCTAssertTrue(effects.contains(.watchDetail(F.apple)))
    }

    func testDropMarksStaleAndReconnectRefreshes() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .gateway(.connection(.disconnected(reason: "connection reset")), at: 101))
        XCTAssertTrue(s.isStale)
        _ = AppReducer.reduce(&s, .gateway(.connection(.reconnecting(attempt: 2, delaySeconds: 2)), at: 102))
        XCTAssertTrue(s.isStale)
        XCTAssertNotNil(s.quotes[F.tencent], "last values stay on screen")
        let effects = AppReducer.reduce(&s, .gateway(.connection(.live), at: 105))
        XCTAssertFalse(s.isStale)
        XCTAssertEqual(effects, [.loadSnapshots(s.watchlist), .watchDetail(F.tencent), .loadPortfolio, .refreshLimits])
        XCTAssertEqual(AppReducer.reduce(&s, .gateway(.subscriptionsRestored, at: 106)), [.refreshQuota],
                       "the quota is asked for once the replay of subscriptions is done")
    }

    func testTheStreamsOwnStartupHistoryIsNotAReconnect() {
        var s = F.liveState()
        XCTAssertEqual(AppReducer.reduce(&s, .gateway(.connection(.connecting(attempt: 1)), at: 100)), [])
        XCTAssertEqual(AppReducer.reduce(&s, .gateway(.connection(.live), at: 100)), [])
        XCTAssertEqual(s.connection, .live)
        XCTAssertNil(s.message)
        _ = AppReducer.reduce(&s, .gateway(.connection(.disconnected(reason: "reset")), at: 101))
        _ = AppReducer.reduce(&s, .gateway(.connection(.connecting(attempt: 2)), at: 102))
        XCTAssertEqual(s.connection, .connecting(attempt: 2))
        XCTAssertTrue(s.isStale)
        XCTAssertFalse(AppReducer.reduce(&s, .gateway(.connection(.live), at: 103)).isEmpty)
        XCTAssertEqual(s.message?.text, "gateway reconnected")
    }

    func testTapeIsNewestFirstDeduplicatedAndBounded() {
        var s = F.emptyState()
        func tick(_ n: Int64) -> Tick {
            Tick(sequence: n, time: "2026-11-27 10:00:00", price: F.p("1"), volume: 1, direction: .buy)
        }
        _ = AppReducer.reduce(&s, .gateway(.ticks(F.tencent, (1...150).map(tick)), at: 1))
        _ = AppReducer.reduce(&s, .gateway(.ticks(F.tencent, (140...260).map(tick)), at: 2))
        let tape = s.tapes[F.tencent]!
        XCTAssertEqual(tape.count, AppState.tapeLimit)
        XCTAssertEqual(tape.first?.sequence, 260)
        XCTAssertEqual(tape.last?.sequence, 61)
        XCTAssertEqual(Set(tape.map(\.sequence)).count, tape.count)
        XCTAssertEqual(s.lastPushAt, 2)
    }

    func testBarPushReplacesTheFormingBar() {
        var s = F.emptyState()
        let series = CandleSeries(F.tencent, .oneMinute)
        let a = Bar(
            time: "2026-11-27 10:00:00", open: F.p("1"), high: F.p("2"), low: F.p("1"), close: F.p("2"), volume: 5)
        var b = a
        b.close = F.p("1.5")
        let c = Bar(
            time: "2026-11-27 10:01:00", open: F.p("1.5"), high: F.p("1.5"), low: F.p("1.5"), close: F.p("1.5"),
            volume: 1)
        _ = AppReducer.reduce(&s, .response(.history(series, [a])))
        _ = AppReducer.reduce(&s, .gateway(.bars(F.tencent, .oneMinute, [b]), at: 1))
        _ = AppReducer.reduce(&s, .gateway(.bars(F.tencent, .oneMinute, [c]), at: 2))
        XCTAssertEqual(s.candles[series], [b, c])
    }

    func testPeriodSwitchLoadsHistoryOnlyOnce() {
        var s = F.liveState()
        XCTAssertEqual(
            AppReducer.reduce(&s, .key(.character("]"))),
            [.loadHistory(CandleSeries(F.tencent, .fifteenMinutes), count: 120)])
        XCTAssertEqual(s.chartPeriod, .fifteenMinutes)
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("["))), [], "5m was loaded at start")
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("["))), [], "1m comes with the detail subscription")
        XCTAssertEqual(s.chartPeriod, .oneMinute)
    }

    func testOrderPushesUpdateTheOrdersPaneAndCancelAsksTheGateway() {
        var s = F.liveState()
        var order = s.orders[0]
        order.status = .partiallyFilled
        order.filledQuantity = 100
        _ = AppReducer.reduce(&s, .gateway(.order(order), at: 101))
        XCTAssertEqual(s.orders[0].filledQuantity, 100)
        XCTAssertEqual(s.orders.count, 2)
        _ = AppReducer.reduce(&s, .action(.tabPortfolio))
        XCTAssertEqual(s.focus, .orders)
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("c"))), [], "cancel asks first")
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("y"))), [.cancelOrder("FT1002", F.hkAccount)])
        _ = AppReducer.reduce(&s, .key(.down))
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("c"))), [], "a filled order cannot be cancelled")
        XCTAssertNil(s.modal)
        XCTAssertEqual(s.message?.isError, true)
    }

    func testBookCursorStaysOnTheLadder() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .action(.focusNext))
        XCTAssertEqual(s.focus, .book)
        XCTAssertEqual(s.bookCursor, 10)
        for _ in 0..<30 { _ = AppReducer.reduce(&s, .key(.up)) }
        XCTAssertEqual(s.bookCursor, 0)
        for _ in 0..<30 { _ = AppReducer.reduce(&s, .key(.down)) }
        XCTAssertEqual(s.bookCursor, 19)
        _ = AppReducer.reduce(&s, .key(.character("c")))
        XCTAssertEqual(s.bookCursor, 10)
    }

    func testTimerExpiresMessagesAndRefreshesLimits() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .gateway(.notice("market closes in 5 minutes"), at: 100))
        XCTAssertEqual(AppReducer.reduce(&s, .timer(104)), [.refreshLimits])
        XCTAssertNotNil(s.message)
        _ = AppReducer.reduce(&s, .timer(105))
        XCTAssertNil(s.message)
    }

    func testHelpTakesKeysFirstAndUnboundKeysDoNothing() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .key(.character("?")))
        XCTAssertEqual(s.modal, .help(offset: 0))
        _ = AppReducer.reduce(&s, .key(.down))
        XCTAssertEqual(s.modal, .help(offset: 1))
        XCTAssertEqual(s.selectedIndex, 0, "help scrolls instead of moving the watchlist")
        _ = AppReducer.reduce(&s, .key(.character("q")))
        XCTAssertNil(s.modal)
        XCTAssertFalse(s.isFinished, "q closes help first")
        let before = s
        XCTAssertEqual(AppReducer.reduce(&s, .key(.function(12))), [])
        XCTAssertEqual(s, before)
    }
}
