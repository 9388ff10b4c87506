import TerminalUI
import TradingKit
import XCTest
@testable import MooApp

final class ScreenViewSnapshotTests: XCTestCase {
    typealias F = AppFixtures
    let theme = ThemeLoader.builtinDefault

    func render(_ s: AppState, _ columns: Int, _ rows: Int, glyphs: Glyphs = .unicode) -> CellGrid {
        ScreenView.render(s, theme: theme, glyphs: glyphs, size: TerminalSize(columns: columns, rows: rows))
    }

    func testMarketTabAt80x24() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .action(.focusNext))
        let grid = render(s, 80, 24)
        assertSnapshot(grid, named: "market-80x24")
        // CJK names keep the columns after them aligned: "Last" values end in the same column.
        let lines = grid.lines
        let tencent = lines.first { $0.contains("腾讯控股") }!, apple = lines.first { $0.contains("Apple") }!
        XCTAssertEqual(
            CharacterWidth.of(tencent[..<tencent.range(of: "320.200")!.upperBound]),
            CharacterWidth.of(apple[..<apple.range(of: "189.30")!.upperBound]))
    }

    func testLadderShowsTenLevelsASideWithOwnOrderMarked() {
        let grid = render(F.liveState(), 80, 24)
        let text = grid.text
        for i in 0..<10 {
            XCTAssertTrue(text.contains((F.p("320.4") + Price(micros: Int64(i) * 200_000)).fixed(3)), "ask \(i)")
            XCTAssertTrue(text.contains((F.p("320.2") - Price(micros: Int64(i) * 200_000)).fixed(3)), "bid \(i)")
        }
        let own = grid.lines.first { $0.contains("319.800") }!
        XCTAssertTrue(own.contains("◆300"), own)
    }

    func testDetailAndPortfolioTabsAt80x24() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .action(.tabDetail))
        assertSnapshot(render(s, 80, 24), named: "detail-80x24")
        _ = AppReducer.reduce(&s, .action(.tabPortfolio))
        assertSnapshot(render(s, 80, 24), named: "portfolio-80x24")
    }

    func testEverythingAt120x40() {
        assertSnapshot(render(F.liveState(), 120, 40), named: "wide-120x40")
    }

    func testStaleAfterADropKeepsValues() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .gateway(.connection(.reconnecting(attempt: 3, delaySeconds: 4)), at: 101))
        let grid = render(s, 120, 40)
        assertSnapshot(grid, named: "stale-120x40")
        XCTAssertTrue(grid.lines[0].contains("RECONNECTING #3 in 4s"))
        XCTAssertTrue(grid.text.contains("320.200"))
        let y = grid.lines.firstIndex { $0.contains("322.200") }!
        let line = grid.lines[y]
        let x = CharacterWidth.of(line[..<line.range(of: "322.200")!.lowerBound])
        XCTAssertEqual(grid[x, y].style, theme[.stale], "values are drawn in the stale style")
        XCTAssertEqual(render(F.liveState(), 120, 40)[x, y].style, theme[.bookAsk])
    }

    func testRealBannerAndASCIIRendering() {
        var s = F.liveState()
        s.environment = .real
        let grid = render(s, 80, 24, glyphs: .ascii)
        XCTAssertTrue(grid.lines[0].hasPrefix(" REAL MONEY "))
        XCTAssertEqual(grid[0, 0].style, theme[.envReal])
        for line in grid.lines {
            for ch in line where !ch.isASCII {
                // only security names may be non-ASCII; the backend shows them as '?' in a C locale
                XCTAssertTrue(CharacterWidth.of(ch) == 2, "glyph \(ch) in ASCII mode: \(line)")
            }
        }
        assertSnapshot(grid, named: "ascii-real-80x24")
    }

    func testHelpIsGeneratedFromTheKeymap() {
        var s = F.liveState()
        _ = AppReducer.reduce(&s, .key(.character("?")))
        let grid = render(s, 120, 40)
        assertSnapshot(grid, named: "help-120x40")
        XCTAssertTrue(grid.text.contains("add a code to the watchlist"))
        let vim = try! AppearanceLoader.parseKeymap(BuiltinUIFiles.keymap("vim")!, file: "vim")
        XCTAssertTrue(HelpView.lines(for: vim).contains { $0.hasPrefix("  j ") || $0.contains(" j ") })
    }

    func testTooSmallIsAMessageNotACrash() {
        for (w, h) in [(59, 24), (80, 15), (10, 3), (1, 1), (0, 0)] {
            let grid = render(F.liveState(), w, h)
            XCTAssertEqual(grid.width, w)
            if w >= 18 && h >= 3 { XCTAssertTrue(grid.text.contains("terminal too small"), "\(w)x\(h)") }
        }
        assertSnapshot(render(F.liveState(), 40, 10), named: "too-small-40x10")
    }

    func testEmptyAndLoadingStatesAreNeverBlank() {
        let s = F.emptyState()
        let grid = render(s, 80, 24)
        XCTAssertTrue(grid.lines[0].contains("CONNECTING"))
        XCTAssertTrue(grid.text.contains("Watchlist (3)"))
        XCTAssertTrue(grid.text.contains("waiting for the order book"))
        var none = F.emptyState([])
        none.connection = .live
        XCTAssertTrue(render(none, 80, 24).text.contains("press / to add a code"))
    }
}
