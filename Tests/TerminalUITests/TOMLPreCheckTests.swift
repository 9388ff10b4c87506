import XCTest
@testable import TerminalUI

/// Inputs toml++ would assert on (aborting the program) are reported with their line; everything
/// else is left to the parser. Found by the fuzz targets (Scripts/fuzz.sh).
final class TOMLPreCheckTests: XCTestCase {
    private func assertReportedEverywhere(_ text: String, line: Int, _ problem: String,
                                          file: StaticString = #filePath, lineNo: UInt = #line) {
        XCTAssertEqual(TOMLPreCheck.firstProblem(in: text), .init(line: line, message: problem),
                       text.debugDescription, file: file, line: lineNo)
        XCTAssertThrowsError(try ThemeLoader.parse(text, file: "t.toml"), file: file, line: lineNo) { error in
            XCTAssertEqual((error as? ConfigFileError)?.line, line, text.debugDescription, file: file, line: lineNo)
            XCTAssertEqual((error as? ConfigFileError)?.problem, problem, file: file, line: lineNo)
        }
        XCTAssertThrowsError(try KeymapLoader.parse(text, file: "k.toml", modes: ["global"], actions: ["quit"]),
                             file: file, line: lineNo)
        XCTAssertThrowsError(try SettingsFile.parse(text, file: "c.toml", stringKeys: [], listKeys: []),
                             file: file, line: lineNo)
    }

    /// fuzz-keymap: the two-byte file "[\n" killed the process.
    func testHeadersWithoutAKeyAreReportedInEveryLoader() {
        for text in ["[\n", "[\r\n", "[ =x]\n", "[[#]]\n", "[[[a]]]\n"] {
            assertReportedEverywhere(text, line: 1, TOMLPreCheck.Problem.headerWithoutKey)
        }
        assertReportedEverywhere("ok = 1\n  [ .a]\n", line: 2, TOMLPreCheck.Problem.headerWithoutKey)
        // fuzz-settings: after a byte order mark the first line still starts a header.
        assertReportedEverywhere("\u{FEFF}[[[[\n", line: 1, TOMLPreCheck.Problem.headerWithoutKey)
        XCTAssertNil(TOMLPreCheck.firstProblem(in: "\u{FEFF}[roles]\n"))
    }

    /// fuzz-settings: `watchlist = [}` killed the process (toml++ asserts that a value never
    /// starts with a terminator; its array loop lets '}' through).
    func testABraceWhereAnArrayExpectsAValueIsReported() {
        for text in ["watchlist = [}\n", "x = [1, }\n", "x = [ {a = 1}, } ]\n", "t = { a = [ } }\n"] {
            assertReportedEverywhere(text, line: 1, TOMLPreCheck.Problem.braceInArray)
        }
        assertReportedEverywhere("a = 1\nx = [\n  1,\n  }\n", line: 4, TOMLPreCheck.Problem.braceInArray)
        // Strings and comments are not structure: a brace or bracket in them changes nothing, and
        // lines inside multi-line strings are counted.
        assertReportedEverywhere("s = \"\"\"\n[}\n\"\"\"\nx = [ # }\n}\n", line: 5, TOMLPreCheck.Problem.braceInArray)
    }

    /// fuzz-theme: a date, a space and one digit before a terminator made toml++ assert while
    /// looking for the time.
    func testADateWithATruncatedTimeIsReported() {
        for text in ["x = 2026-12-08 1}\n", "x = [2026-12-08 1,]\n", "t = { a = 2026-12-08 1 }\n",
                     "x = 2026-12-08 1 # c\n", "x=2--------= 2}\n",
                     "u = 2\u{0592}------= 2}\n", "x = [1 2]\n"] {
            assertReportedEverywhere(text, line: 1, TOMLPreCheck.Problem.truncatedTime)
        }
        for text in ["x = 2026-12-08 10:15:00\n", "x = 2026-12-08\n", "x = [2026-12-08, 1]\n",
                     "x = 2026-12-08T10:15:00Z\n", "k = \"2026-12-08 1}\"\n", "# 2026-12-08 1}\n", "x = 12026-12-08T1:00:00 }\n", "x = 20 # 1}\n", "x = [1, 2]\n"] {
            XCTAssertNil(TOMLPreCheck.firstProblem(in: text), text.debugDescription)
        }
    }

    func testWellFormedDocumentsAreLeftToTheParser() throws {
        let fine = [
            "[roles]\n", "[ \"roles\" ]\n", "['roles']\n", "[[a]]\n", "[ a . b ]\n", "[_x]\n[-y]\n",
            "x = [\n  \"a\",\n  [1, 2],\n]\n", "[]\n", "[ [a]]\n", "[[ ]]\n", "# [\n", "[",
            "x = [\n  {a = 1},\n  [{b = \"}\"}],\n]\n",          // a header-like line inside an array
            "[\"a]}\"]\nk = '}'\n", "s = '''[}'''\nt = \"\"\"a\\\n}\"\"\"\n", "x = [ ] # }\n",
            "[a] # [\nb = { c = [1, 2], d = { e = [] } }\n",
        ]
        for text in fine {
            XCTAssertNil(TOMLPreCheck.firstProblem(in: text), text.debugDescription)
        }
        // The files that ship are well-formed for both the pre-check and the parser.
        for (name, text) in Array(BuiltinFiles.themes) + Array(BuiltinFiles.keymaps) {
            XCTAssertNil(TOMLPreCheck.firstProblem(in: text), name)
        }
        // The parser's own errors still come through for the cases it handles.
        XCTAssertThrowsError(try SettingsFile.parse("[]\n", file: "c.toml", stringKeys: [], listKeys: [])) { error in
            XCTAssertNotEqual((error as? ConfigFileError)?.problem, TOMLPreCheck.Problem.headerWithoutKey)
        }
        XCTAssertThrowsError(try SettingsFile.parse("x = [1 23]\n", file: "c.toml", stringKeys: [], listKeys: [])) { error in
            XCTAssertEqual((error as? ConfigFileError)?.line, 1)
            XCTAssertNotEqual((error as? ConfigFileError)?.problem, TOMLPreCheck.Problem.truncatedTime)
        }
    }
}
