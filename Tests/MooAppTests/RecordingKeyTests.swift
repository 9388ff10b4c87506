import TerminalUI
import TradingKit
import XCTest
@testable import MooApp

/// `R` (record.toggle) starts / stops recording a live session; the status bar shows ` REC file N `.
final class RecordingKeyTests: XCTestCase {
    typealias F = AppFixtures

    func testRKeyTogglesRecordingInBothKeymaps() {
        for name in ["default", "vim"] {
            var s = F.liveState()
            s.keymap = AppearanceLoader.keymap(name, environment: [:]).0
            XCTAssertEqual(AppReducer.reduce(&s, .key(.character("R"))), [.recording(.toggle)], name)
        }
    }

    func testRecordingShowsInTheStatusBarAndIsPolledOnlyWhileItRuns() {
        var s = F.liveState()
        XCTAssertEqual(AppReducer.reduce(&s, .timer(200)), [.refreshLimits])
        _ = AppReducer.reduce(&s, .response(.recordingStatus(RecordingStatus(active: true, fileName: "a.mrec", records: 12))))
        XCTAssertEqual(s.recordingBadge, "REC a.mrec 12")
        XCTAssertEqual(s.message?.text, "recording to a.mrec")
        XCTAssertEqual(AppReducer.reduce(&s, .timer(201)), [.refreshLimits, .recording(.status)])
        let grid = ScreenView.render(s, theme: ThemeLoader.builtinDefault, glyphs: .unicode,
                                     size: TerminalSize(columns: 120, rows: 30))
        XCTAssertTrue(grid.lines[0].contains("REC a.mrec 12"), grid.lines[0])
        _ = AppReducer.reduce(&s, .response(.recordingStatus(RecordingStatus(active: false, fileName: "a.mrec", records: 40))))
        XCTAssertNil(s.recordingBadge)
        XCTAssertEqual(s.message?.text, "recorded 40 frames to a.mrec")
        XCTAssertEqual(AppReducer.reduce(&s, .timer(202)), [.refreshLimits])
    }

    func testAFailedStartIsSaidAndAReplayIsNotRecorded() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .response(.recordingStatus(
            RecordingStatus(active: false, fileName: "x.mrec", records: 0, error: "permission denied"))))
        XCTAssertEqual(s.message?.text, "recording x.mrec: permission denied")
        XCTAssertEqual(s.message?.isError, true)
        s.replayBadge = " REPLAY 1x · PAPER "
        XCTAssertEqual(AppReducer.reduce(&s, .action(.recordToggle)), [])
        XCTAssertEqual(s.message?.text, "a replay is not recorded")
    }
}
