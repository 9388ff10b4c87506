import XCTest
@testable import TerminalUI

/// Table headers toml++ would assert on (aborting the program) are reported with their line.
/// Found by fuzz-keymap (Scripts/fuzz.sh): the two-byte file "[\n" killed the process.
final class TOMLHeaderCheckTests: XCTestCase {
    func testHeadersWithoutAKeyAreReportedInEveryLoader() {
        let bad = ["[\n", "[\r\n", "[ =x]\n", "[[#]]\n", "[[[a]]]\n", "ok = 1\n  [ .a]\n"]
        for text in bad {
            let line = text.hasPrefix("ok") ? 2 : 1
            XCTAssertThrowsError(try ThemeLoader.parse(text, file: "t.toml")) { error in
                XCTAssertEqual((error as? ConfigFileError)?.line, line, text.debugDescription)
                XCTAssertEqual((error as? ConfigFileError)?.problem, "a table header needs a key after '['")
            }
            XCTAssertThrowsError(try KeymapLoader.parse(text, file: "k.toml", modes: ["global"], actions: ["quit"]))
            XCTAssertThrowsError(try SettingsFile.parse(text, file: "c.toml", stringKeys: [], listKeys: []))
        }
    }

    func testWellFormedHeadersAndArraysAreLeftToTheParser() {
        for text in ["[roles]\n", "[ \"roles\" ]\n", "['roles']\n", "[[a]]\n", "[ a . b ]\n", "[_x]\n[-y]\n",
                     "x = [\n  \"a\",\n  [1, 2],\n]\n", "[]\n", "[ [a]]\n", "[[ ]]\n", "# [\n", "["] {
            XCTAssertNil(TOMLHeaderCheck.firstBadHeader(in: text), text.debugDescription)
        }
        // The parser's own errors still come through for the cases it handles.
        XCTAssertThrowsError(try SettingsFile.parse("[]\n", file: "c.toml", stringKeys: [], listKeys: [])) { error in
            XCTAssertNotEqual((error as? ConfigFileError)?.problem, "a table header needs a key after '['")
        }
    }
}
