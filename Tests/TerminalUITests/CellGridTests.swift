import XCTest
@testable import TerminalUI

final class CellGridTests: XCTestCase {
    func testCJKTakesTwoColumnsAndKeepsColumnsAligned() {
        var grid = CellGrid(width: 12, height: 2)
        XCTAssertEqual(grid.write("腾讯控股", x: 0, y: 0), 8)
        grid.write("|", x: 8, y: 0)
        grid.write("ABCDEFGH|", x: 0, y: 1)
        XCTAssertEqual(grid.lines, ["腾讯控股|   ", "ABCDEFGH|   "])
        XCTAssertTrue(grid[1, 0].isContinuation)
        XCTAssertEqual(CharacterWidth.of("贵州茅台"), 8)
        XCTAssertEqual(CharacterWidth.of("Apple"), 5)
    }

    func testWideCharacterThatDoesNotFitBecomesASpace() {
        var grid = CellGrid(width: 5, height: 1)
        XCTAssertEqual(grid.write("AB腾讯", x: 0, y: 0, limit: 3), 3)
        XCTAssertEqual(grid.lines, ["AB   "])
        XCTAssertFalse(grid[3, 0].isContinuation)
    }

    func testOverwritingHalfAWideCharacterClearsTheOtherHalf() {
        var grid = CellGrid(width: 4, height: 1)
        grid.write("腾讯", x: 0, y: 0)
        grid.write("x", x: 1, y: 0)  // right half of 腾
        XCTAssertEqual(grid.lines, [" x讯"])
        grid.write("y", x: 2, y: 0)  // left half of 讯
        XCTAssertEqual(grid.lines, [" xy "])
        XCTAssertFalse(grid[3, 0].isContinuation)
    }

    func testControlCharactersAreShownNotSent() {
        var grid = CellGrid(width: 6, height: 1)
        grid.write("a\u{1B}[2Jb", x: 0, y: 0)
        XCTAssertEqual(grid.lines, ["a?[2Jb"])
    }

    func testFitPadsAndCutsByDisplayWidth() {
        XCTAssertEqual(TextLayout.fit("腾讯控股", width: 10), "腾讯控股  ")
        XCTAssertEqual(TextLayout.fit("腾讯控股", width: 5), "腾讯 ")
        XCTAssertEqual(TextLayout.fit("12.5", width: 6, align: .right), "  12.5")
        XCTAssertEqual(TextLayout.fit("ab", width: 6, align: .center), "  ab  ")
        XCTAssertEqual(TextLayout.fit("abcdef", width: 4, ellipsis: "~"), "abc~")
    }

    func testWritesOutsideTheGridAreClipped() {
        var grid = CellGrid(width: 3, height: 1)
        grid.write("abc", x: -1, y: 0)
        grid.write("zzz", x: 0, y: 5)
        XCTAssertEqual(grid.lines, ["bc "])
    }
}
