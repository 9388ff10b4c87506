import Foundation
import XCTest
@testable import TerminalUI

final class ThemeTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func testEveryThemeFileLoadsAndIsBuiltInAsItIs() throws {
        let dir = Self.repo.appendingPathComponent("Themes")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".toml") }
            .sorted()
        XCTAssertEqual(files, ["colorblind.toml", "default.toml", "light.toml", "mono.toml", "red-up.toml"])
        for f in files {
            let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            let theme = try ThemeLoader.parse(text, file: "Themes/\(f)")
            XCTAssertEqual(theme.styles.count, ThemeRole.all.count, f)
            let name = String(f.dropLast(5))
            XCTAssertEqual(BuiltinUIFiles.theme(name), text, "the build embeds Themes/\(f) byte for byte")
        }
        XCTAssertEqual(ThemeLoader.builtinNames, files.map { String($0.dropLast(5)) }, "every theme file is built in")
    }

    func testRedUpSwapsTheDirectionColours() throws {
        let red = try ThemeLoader.parse(BuiltinUIFiles.theme("red-up")!, file: "red-up")
        XCTAssertEqual(red[.quoteUp].foreground, .ansi(1))
        XCTAssertEqual(red[.quoteDown].foreground, .ansi(2))
        XCTAssertEqual(ThemeLoader.builtinDefault[.quoteUp].foreground, .ansi(2))
    }

    func testUnknownRoleIsRejectedWithItsLine() {
        let text = "name = \"x\"\n[roles]\n\"quote.up\" = { fg = \"green\" }\n\"quote.sideways\" = { fg = \"red\" }\n"
        XCTAssertThrowsError(try ThemeLoader.parse(text, file: "my.toml")) { error in
            let e = error as! ConfigFileError
            XCTAssertEqual(e.line, 4)
            XCTAssertTrue(e.description.hasPrefix("my.toml:4: unknown role 'quote.sideways'"), e.description)
        }
    }

    func testBadColourAndBadAttributeAreRejected() {
        XCTAssertThrowsError(try ThemeLoader.parse("[roles]\n\"stale\" = { fg = \"chartreuse\" }\n", file: "t")) {
            error in
            XCTAssertEqual((error as! ConfigFileError).line, 2)
        }
        XCTAssertThrowsError(try ThemeLoader.parse("[roles]\n\"stale\" = { fg = 300 }\n", file: "t"))
        XCTAssertThrowsError(try ThemeLoader.parse("[roles]\n\"stale\" = { blink = true }\n", file: "t"))
    }

    func testSyntaxErrorNamesTheLine() {
        XCTAssertThrowsError(try ThemeLoader.parse("[roles]\n\"stale\" = { fg = \n", file: "broken.toml")) { error in
            let e = error as! ConfigFileError
            XCTAssertEqual(e.file, "broken.toml")
            XCTAssertEqual(e.line, 2)
        }
    }

    func testNoColorKeepsAttributesAndDropsColours() {
        XCTAssertEqual(ColorSupport.detect(colors: 256, environment: ["NO_COLOR": "1"]), .none)
        XCTAssertEqual(ColorSupport.detect(colors: 256, environment: ["NO_COLOR": ""]), .palette256)
        XCTAssertEqual(ColorSupport.detect(colors: 8, environment: [:]), .basic8)
        let plain = ThemeLoader.builtinDefault.adapted(to: .none)
        XCTAssertEqual(plain[.envSimulate].background, .default)
        XCTAssertTrue(plain[.envSimulate].bold)
        XCTAssertTrue(plain[.bookCursor].reverse)
    }

    func testPaletteColoursFoldIntoEightBasicOnes() {
        XCTAssertEqual(TerminalColor.indexed(196).basic, .ansi(1))  // bright red
        XCTAssertEqual(TerminalColor.indexed(46).basic, .ansi(2))  // bright green
        XCTAssertEqual(TerminalColor.indexed(21).basic, .ansi(4))  // blue
        XCTAssertEqual(TerminalColor.indexed(33).basic, .ansi(6))  // dodger blue reads as cyan
        XCTAssertEqual(TerminalColor.indexed(208).basic, .ansi(3))  // orange → yellow
        XCTAssertEqual(TerminalColor.indexed(236).basic, .ansi(0))  // dark grey
        XCTAssertEqual(TerminalColor.indexed(252).basic, .ansi(7))  // light grey
        XCTAssertEqual(TerminalColor.ansi(9).basic, .ansi(1))
        let eight = ThemeLoader.builtinDefault.adapted(to: .basic8)
        for role in ThemeRole.all {
            for c in [eight[role].foreground, eight[role].background] {
                if case .ansi(let n) = c { XCTAssertLessThan(n, 8, role.name) }
                if case .indexed = c { XCTFail("\(role) kept a palette colour") }
            }
        }
    }
}
