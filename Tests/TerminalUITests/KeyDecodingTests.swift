import XCTest
@testable import TerminalUI

final class KeyDecodingTests: XCTestCase {
    func testCharactersAndControlsDecode() {
        XCTAssertEqual(NcursesTerminal.characterKey(3), .control("c"))
        XCTAssertEqual(NcursesTerminal.characterKey(12), .control("l"))
        XCTAssertEqual(NcursesTerminal.characterKey(9), .tab)
        XCTAssertEqual(NcursesTerminal.characterKey(13), .enter)
        XCTAssertEqual(NcursesTerminal.characterKey(27), .escape)
        XCTAssertEqual(NcursesTerminal.characterKey(127), .backspace)
        XCTAssertEqual(NcursesTerminal.characterKey(0x71), .character("q"))
        XCTAssertEqual(NcursesTerminal.characterKey(0x817E), .character("腾"))
        XCTAssertNil(NcursesTerminal.characterKey(0))
    }

    func testFunctionKeysDecode() {
        // ncurses key codes (octal in curses.h): KEY_UP 0403, KEY_NPAGE 0522, KEY_BTAB 0541, KEY_F(5) 0410+5
        XCTAssertEqual(NcursesTerminal.functionKey(0o403), .up)
        XCTAssertEqual(NcursesTerminal.functionKey(0o522), .pageDown)
        XCTAssertEqual(NcursesTerminal.functionKey(0o541), .backTab)
        XCTAssertEqual(NcursesTerminal.functionKey(0o410 + 5), .function(5))
        XCTAssertNil(NcursesTerminal.functionKey(0o777))
    }
}
