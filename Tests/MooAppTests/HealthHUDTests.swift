import TerminalUI
import TradingKit
import XCTest

@testable import MooApp

/// The health HUD: the key, the readings, the push ages and the status bar's staleness.
final class HealthHUDTests: XCTestCase {
    typealias F = AppFixtures
    let theme = ThemeLoader.builtinDefault

    func render(_ s: AppState, _ columns: Int, _ rows: Int) -> CellGrid {
        ScreenView.render(s, theme: theme, glyphs: .unicode, size: TerminalSize(columns: columns, rows: rows))
    }

    func reading(pushes: Int, p50: Double = 0.012, p99: Double = 0.085) -> GatewayHealth {
        GatewayHealth(
            roundTripP50: p50, roundTripP99: p99, roundTripCount: 42, pushes: pushes, conflatedPushes: 7,
            droppedPushes: 3,
            budgets: [
                APIBudget(name: "PlaceOrder", used: 2, limit: 15, windowSeconds: 30),
                APIBudget(name: "Snapshot", used: 59, limit: 60, windowSeconds: 30),
            ],
            reconnects: 1, lastError: "connection reset by peer", lastErrorAgoSeconds: 20)
    }

    func testHTogglesTheHUDAndAsksForAReadingOnlyWhileShown() {
        var s = F.liveState()
        XCTAssertEqual(AppReducer.reduce(&s, .timer(101)), [.refreshLimits], "hidden: no health reading")
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("H"))), [.refreshHealth])
        XCTAssertTrue(s.health.isShown)
        XCTAssertEqual(AppReducer.reduce(&s, .timer(102)), [.refreshLimits, .refreshHealth])
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("H"))), [])
        XCTAssertFalse(s.health.isShown)
        XCTAssertEqual(AppReducer.reduce(&s, .timer(103)), [.refreshLimits])
    }

    func testTheVimKeymapBindsItToo() throws {
        let (vim, error) = AppearanceLoader.keymap("vim", environment: [:])
        XCTAssertNil(error)
        XCTAssertEqual(vim.action(for: .character("H"), modes: ["global"]), "health.toggle")
        XCTAssertEqual(vim.action(for: .character("h"), modes: ["global"]), "focus.prev", "h keeps its vim meaning")
    }

    func testTwoReadingsGiveThePushRate() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .key(.character("H")))
        s.now = 200
        _ = AppReducer.reduce(&s, .response(.health(reading(pushes: 1_000))))
        XCTAssertNil(s.health.pushRate, "one reading is no rate")
        s.now = 202
        _ = AppReducer.reduce(&s, .response(.health(reading(pushes: 1_250))))
        XCTAssertEqual(s.health.pushRate, 125)
        s.now = 203
        _ = AppReducer.reduce(&s, .response(.health(reading(pushes: 1_250))))
        XCTAssertEqual(s.health.pushRate, 0)
    }

    func testTheHUDShowsRoundTripsPushesBudgetsReconnectsAndSkew() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .key(.character("H")))
        s.now = 200
        _ = AppReducer.reduce(&s, .response(.health(reading(pushes: 0))))
        s.now = 201
        _ = AppReducer.reduce(&s, .response(.health(reading(pushes: 40))))
        s.wallClockOffset = 1_000_000
        // a quote stamped 0.25 s before it arrived (local wall clock = at + offset)
        var q = s.quotes[F.tencent]!
        q.updateTimestamp = 1_000_000 + 201 - 0.25
        _ = AppReducer.reduce(&s, .gateway(.quote(q), at: 201))
        let text = render(s, 120, 40).text
        for expected in [
            "Health", "RTT p50 12ms  p99 85ms  n=42", "pushes/s 40.0  conflated 7  dropped 3", "quota",
            "reconnects 1", "connection reset by peer", "clock skew +0.25s", "PlaceOrder 2/15", "Snapshot 59/60",
        ] {
            XCTAssertTrue(text.contains(expected), "missing '\(expected)':\n\(text)")
        }
    }

    func testPushAgesShowOnlyPastTheThresholdAtWholeSeconds() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .key(.character("H")))
        _ = AppReducer.reduce(&s, .gateway(.quote(s.quotes[F.tencent]!), at: 100))
        _ = AppReducer.reduce(&s, .gateway(.quote(s.quotes[F.apple]!), at: 103))
        s.now = 104.9
        XCTAssertTrue(s.health.stalePushes(of: s.watchlist, now: s.now).isEmpty)
        let fresh = render(s, 120, 40).text
        XCTAssertTrue(fresh.contains("pushes fresh"), fresh)
        s.now = 112.6
        XCTAssertEqual(s.health.stalePushes(of: s.watchlist, now: s.now).map(\.code), [F.tencent, F.apple])
        XCTAssertEqual(s.health.stalePushes(of: s.watchlist, now: s.now).map(\.age), [12, 9])
        let stale = render(s, 120, 40).text
        XCTAssertTrue(stale.contains("HK.00700    12s"), stale)
        XCTAssertTrue(stale.contains("US.AAPL     9s"), stale)
        XCTAssertFalse(stale.contains("SH.600519   "), "a code that never had a push is not listed")
    }

    func testTheStatusBarSaysLiveWhileFreshAndTheAgeOnceStale() {
        var s = F.liveState()
        s.lastPushAt = 100
        s.now = 104.9
        let live = render(s, 120, 40)
        XCTAssertTrue(live.lines[0].hasSuffix("push live "), live.lines[0])
        // frozen while fresh: the next seconds draw the same status bar
        s.now = 104.95
        XCTAssertEqual(render(s, 120, 40).lines[0], live.lines[0])
        s.now = 112.4
        let stale = render(s, 120, 40)
        XCTAssertTrue(stale.lines[0].hasSuffix("push >5s "), stale.lines[0])
        let x = CharacterWidth.of(stale.lines[0]) - 4
        XCTAssertEqual(stale[x, 0].style, theme[.statusWarning], "the age is in the warning colour")
        // coarse steps: the same text from 5 s to a minute, so a frozen screen stays quiet
        s.now = 100 + 59.9
        XCTAssertEqual(render(s, 120, 40).lines[0], stale.lines[0])
        s.now = 100 + 185
        XCTAssertTrue(render(s, 120, 40).lines[0].hasSuffix("push >1m "))
        s.now = 100 + 301
        XCTAssertTrue(render(s, 120, 40).lines[0].hasSuffix("push >5m "))
        s.now = 100 + 4000
        XCTAssertTrue(render(s, 120, 40).lines[0].hasSuffix("push >1h "))
        s.lastPushAt = nil
        XCTAssertTrue(render(s, 120, 40).lines[0].hasSuffix("push - "))
    }

    func testAPaneBesideTheWideLayoutAtLargerSizesADialogBelow() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .key(.character("H")))
        let wide = render(s, ScreenView.hudPaneColumns, 40)
        XCTAssertTrue(wide.lines[1].contains("─ Health "), wide.lines[1])
        XCTAssertTrue(wide.text.contains("Watchlist"), "the panes stay beside it")
        XCTAssertTrue(wide.text.contains("Positions"))
        let small = render(s, 80, 24)
        XCTAssertTrue(small.text.contains(" Health "), small.text)
        XCTAssertTrue(small.text.contains("RTT"), small.text)
    }
}
