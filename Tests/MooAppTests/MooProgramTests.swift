import TerminalUI
import TradingKit
import XCTest
@testable import MooApp

final class MooProgramTests: XCTestCase {
    typealias F = AppFixtures

    func testIdleScreenSendsNothingAndABurstIsOneFrame() {
        var effects: [Effect] = []
        let program = MooProgram(state: F.liveState(), theme: ThemeLoader.builtinDefault, glyphs: .unicode) {
            effects += $0
        }
        let size = TerminalSize(columns: 120, rows: 40)
        let backend = MemoryBackend(size: size)
        let renderer = FrameRenderer(backend: backend)
        program.update([.resize(size)])
        XCTAssertEqual(renderer.present(program.frame(size: size)), 120 * 40)
        XCTAssertFalse(program.needsRedraw)
        // a second later, nothing new: the state moves (clock) but the screen does not
        program.update([.timer(100.5)])
        XCTAssertEqual(renderer.present(program.frame(size: size)), 0)
        // a burst of 500 quote pushes is handled in one update and costs one frame
        var q = program.state.quotes[F.moutai]!
        var burst: [LoopInput<AppEvent>] = []
        for i in 0..<500 {
            q.last = F.p("1688.5") + Price(micros: Int64(i % 7) * 10_000)
            q.volume += 100
            burst.append(.message(.gateway(.quote(q), at: 100.6)))
        }
        program.update(burst)
        XCTAssertTrue(program.needsRedraw)
        let sent = renderer.present(program.frame(size: size))
        XCTAssertGreaterThan(sent, 0)
        XCTAssertLessThan(sent, 40, "one watchlist row changed, not the screen")
        XCTAssertEqual(backend.screen, program.frame(size: size))
        XCTAssertTrue(effects.contains(.refreshLimits))
    }

    func testRedrawActionForcesAFullRepaint() {
        let program = MooProgram(state: F.liveState(), theme: ThemeLoader.builtinDefault, glyphs: .unicode) { _ in }
        program.update([.key(.control("l"))])
        XCTAssertTrue(program.needsFullRepaint)
        _ = program.frame(size: TerminalSize(columns: 80, rows: 24))
        XCTAssertFalse(program.needsFullRepaint)
    }

    func testConflatedPushesAreTakenOnceAtTheNextFrame() {
        var q = F.liveState().quotes[F.moutai]!
        var takes = 0
        var feed: [AppEvent] = []
        let program = MooProgram(
            state: F.liveState(), theme: ThemeLoader.builtinDefault, glyphs: .unicode, perform: { _ in },
            takePushes: {
                takes += 1
                defer { feed = [] }
                return feed
            })
        let size = TerminalSize(columns: 120, rows: 40)
        program.update([.resize(size)])
        _ = program.frame(size: size)
        XCTAssertEqual(takes, 0, "nothing waits: the feed is not asked")
        q.last = F.p("1701.5")
        feed = [.gateway(.quote(q), at: 100.7)]
        program.update([.message(.pushesWaiting), .message(.pushesWaiting)])
        XCTAssertTrue(program.needsRedraw)
        XCTAssertEqual(takes, 0, "taken at the frame, not on the wake-up")
        XCTAssertNotEqual(program.state.quotes[F.moutai]?.last, F.p("1701.5"))
        _ = program.frame(size: size)
        XCTAssertEqual(takes, 1, "two wake-ups before a frame: one take")
        XCTAssertEqual(program.state.quotes[F.moutai]?.last, F.p("1701.5"))
        XCTAssertEqual(program.state.lastPushAt, 100.7)
        _ = program.frame(size: size)
        XCTAssertEqual(takes, 1)
    }

    func testDroppedPrintsAreCountedAndShownOnTheTape() {
        let program = MooProgram(state: F.liveState(), theme: ThemeLoader.builtinDefault, glyphs: .unicode) { _ in }
        let code = program.state.selectedCode!
        program.send(.gateway(.ticksDropped(code, 40), at: 100.8))
        program.send(.gateway(.ticksDropped(code, 2), at: 100.9))
        XCTAssertEqual(program.state.droppedPrints[code], 42)
        let grid = program.frame(size: TerminalSize(columns: 120, rows: 40))
        XCTAssertTrue(grid.text.contains("Trades (42 dropped)"), grid.text)
    }

    func testABusyTapeIsDrawnAtMostTenTimesASecondAndNoPrintIsLost() {
        var now = 100.0
        let program = MooProgram(
            state: F.liveState(), theme: ThemeLoader.builtinDefault, glyphs: .unicode, perform: { _ in },
            clock: { now })
        let code = program.state.selectedCode!
        let size = TerminalSize(columns: 120, rows: 40)
        func print(_ seq: Int64, _ price: String) -> AppEvent {
            .gateway(.ticks(code, [Tick(sequence: seq, time: "10:00:00", price: F.p(price), volume: 100, direction: .buy)]), at: now)
        }
        program.update([.resize(size)])
        program.send(print(9_000_001, "355.6"))
        XCTAssertTrue(program.frame(size: size).text.contains("355.600"), "a first print shows at once")
        now += 0.033
        program.send(print(9_000_002, "333.2"))
        XCTAssertFalse(program.frame(size: size).text.contains("333.200"), "held back inside the interval")
        XCTAssertTrue(program.needsRedraw, "another frame is due for the held-back print")
        now += 0.033
        program.send(print(9_000_003, "344.4"))
        XCTAssertFalse(program.frame(size: size).text.contains("344.400"))
        now += 0.04
        let text = program.frame(size: size).text
        XCTAssertTrue(text.contains("333.200") && text.contains("344.400"), "both prints, after 0.1 s:\n\(text)")
        XCTAssertFalse(program.needsRedraw)
    }
}
