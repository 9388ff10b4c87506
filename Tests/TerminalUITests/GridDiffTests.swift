import XCTest
@testable import TerminalUI

final class GridDiffTests: XCTestCase {
    func testIdenticalFramesSendNothing() {
        var a = CellGrid(width: 20, height: 5)
        a.write("HK.00700 腾讯控股", x: 0, y: 1)
        XCTAssertTrue(GridDiff.runs(from: a, to: a).isEmpty)
    }

    func testOneChangedCellIsOneRunOfOneCell() {
        var a = CellGrid(width: 20, height: 5)
        a.write("320.200", x: 3, y: 2)
        var b = a
        b.write("4", x: 8, y: 2)
        let runs = GridDiff.runs(from: a, to: b)
        XCTAssertEqual(runs, [CellRun(x: 8, y: 2, cells: [Cell("4")])])
    }

    func testAChangedWideCharacterCarriesItsContinuation() {
        var a = CellGrid(width: 10, height: 1)
        a.write("腾讯", x: 2, y: 0)
        var b = a
        b.write("控", x: 4, y: 0)
        let runs = GridDiff.runs(from: a, to: b)
        XCTAssertEqual(runs.count, 1)
        XCTAssertEqual(runs[0].x, 4)
        XCTAssertEqual(runs[0].cells.count, 2)
        XCTAssertTrue(runs[0].cells[1].isContinuation)
    }

    func testStyleChangeAloneIsSent() {
        let a = CellGrid(width: 4, height: 1)
        var b = a
        b.restyle(Rect(x: 1, y: 0, width: 2, height: 1)) { $0.reverse = true }
        XCTAssertEqual(GridDiff.cellCount(GridDiff.runs(from: a, to: b)), 2)
    }

    func testNewSizeSendsEverything() {
        let a = CellGrid(width: 4, height: 2)
        let b = CellGrid(width: 5, height: 2)
        XCTAssertEqual(GridDiff.cellCount(GridDiff.runs(from: a, to: b)), 10)
        XCTAssertEqual(GridDiff.cellCount(GridDiff.runs(from: nil, to: a)), 8)
    }

    func testRendererSendsOnlyChangesAndTheBackendScreenMatches() {
        let backend = MemoryBackend(size: TerminalSize(columns: 30, rows: 4))
        let renderer = FrameRenderer(backend: backend)
        var frame = CellGrid(width: 30, height: 4)
        frame.write("SH.600519 贵州茅台 1688.00", x: 0, y: 0)
        XCTAssertEqual(renderer.present(frame), 120)
        XCTAssertEqual(renderer.present(frame), 0, "an unchanged frame must send nothing")
        XCTAssertEqual(backend.flushes, 1)
        frame.write("1689.50", x: 19, y: 0)  // was 1688.00: two digits change
        XCTAssertEqual(renderer.present(frame), 2)
        XCTAssertEqual(backend.screen, frame)
        renderer.invalidate()
        XCTAssertEqual(renderer.present(frame), 120)
    }
}
