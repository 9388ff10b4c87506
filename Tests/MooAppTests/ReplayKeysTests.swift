import TerminalUI
import TradingKit
import XCTest
@testable import MooApp

/// `mootui replay FILE`: the [replay] keys send commands to the gateway's replay, only while replaying,
/// and its answers put the replay clock in the status bar.
final class ReplayKeysTests: XCTestCase {
    typealias F = AppFixtures

    private func replayState() -> AppState {
        var s = F.liveState()
        s.replayBadge = " REPLAY 1x · PAPER "
        return s
    }

    private func status(paused: Bool, speed: String = "1x", seconds: Int = 9 * 3600 + 31 * 60 + 5) -> ReplayStatus {
        ReplayStatus(clockNanoseconds: UInt64(max(0, seconds)) * 1_000_000_000, secondsOfDay: seconds, paused: paused,
                     speed: speed, position: 10, count: 100)
    }

    func testReplayKeysSendTheirCommandsInBothKeymaps() throws {
        let keys: [(Character, ReplayControl)] = [
            ("p", .togglePause), (".", .stepRecord), (",", .stepSeconds(1)), (">", .faster), ("<", .slower),
            ("}", .seek(seconds: 10)), ("{", .seek(seconds: -10)), (")", .seek(seconds: 60)), ("(", .seek(seconds: -60)),
        ]
        for name in ["default", "vim"] {
            let (keymap, problem) = AppearanceLoader.keymap(name, environment: [:])
            XCTAssertNil(problem)
            for (key, command) in keys {
                var s = replayState()
                s.keymap = keymap
                XCTAssertEqual(AppReducer.reduce(&s, .key(.character(key))), [.replay(command)], "\(name) \(key)")
            }
        }
    }

    func testReplayKeysDoNothingLive() {
        var s = F.liveState()
        XCTAssertEqual(AppReducer.reduce(&s, .key(.character("p"))), [])
        XCTAssertEqual(AppReducer.reduce(&s, .action(.replayPause)), [])
        XCTAssertEqual(AppReducer.reduce(&s, .timer(200)), [.refreshLimits], "no replay polling when live")
    }

    func testTimerAsksWhereTheReplayIs() {
        var s = replayState()
        XCTAssertEqual(AppReducer.reduce(&s, .timer(200)), [.refreshLimits, .replay(.status)])
    }

    func testStatusBarShowsTheReplayClockSpeedAndPause() {
        var s = replayState()
        XCTAssertEqual(s.replayBanner, " REPLAY 1x · PAPER ", "the badge alone until the replay answers")
        _ = AppReducer.reduce(&s, .response(.replayStatus(status(paused: false, speed: "4x"))))
        XCTAssertEqual(s.replayBanner, " REPLAY 4x 09:31:05 · PAPER ")
        _ = AppReducer.reduce(&s, .response(.replayStatus(status(paused: true))))
        XCTAssertEqual(s.replayBanner, " REPLAY PAUSED 09:31:05 · PAPER ")
        let grid = ScreenView.render(s, theme: ThemeLoader.builtinDefault, glyphs: .unicode,
                                     size: TerminalSize(columns: 100, rows: 30))
        XCTAssertTrue(grid.lines[0].hasPrefix(" REPLAY PAUSED 09:31:05 · PAPER "), grid.lines[0])
        var live = F.liveState()
        XCTAssertNil(live.replayBanner)
        _ = AppReducer.reduce(&live, .response(.replayStatus(status(paused: true))))
        XCTAssertNil(live.replayBanner, "never a replay badge on a live screen")
    }

    func testClockTextWrapsTheDay() {
        XCTAssertEqual(status(paused: false, seconds: 0).clockText, "00:00:00")
        XCTAssertEqual(status(paused: false, seconds: 86_399).clockText, "23:59:59")
        XCTAssertEqual(status(paused: false, seconds: -1).clockText, "23:59:59")
    }
}
