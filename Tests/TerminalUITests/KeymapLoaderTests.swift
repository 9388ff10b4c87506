import XCTest
@testable import TerminalUI

final class KeymapLoaderTests: XCTestCase {
    let modes: Set<String> = ["global", "help"]
    let actions: Set<String> = ["quit", "help", "help.close", "cursor.up"]

    func testLoadsTablesAndLooksUpModesInOrder() throws {
        let text =
            "[global]\n\"q\" = \"quit\"\n\"?\" = \"help\"\n[help]\n\"q\" = \"help.close\"\n\"ctrl-p\" = \"cursor.up\"\n"
        let map = try KeymapLoader.parse(text, file: "k.toml", modes: modes, actions: actions)
        XCTAssertEqual(map.action(for: .character("q"), modes: ["help", "global"]), "help.close")
        XCTAssertEqual(map.action(for: .character("q"), modes: ["global"]), "quit")
        XCTAssertEqual(map.action(for: .control("p"), modes: ["help", "global"]), "cursor.up")
        XCTAssertNil(map.action(for: .character("x"), modes: ["help", "global"]))
    }

    func testUnknownActionIsRejectedWithItsLine() {
        let text = "[global]\n\"q\" = \"quit\"\n\"x\" = \"explode\"\n"
        XCTAssertThrowsError(try KeymapLoader.parse(text, file: "k.toml", modes: modes, actions: actions)) { error in
            XCTAssertEqual(
                (error as! ConfigFileError).description, "k.toml:3: unknown action 'explode' for 'x' in [global]")
        }
    }

    func testUnknownModeAndKeyAreRejected() {
        XCTAssertThrowsError(
            try KeymapLoader.parse("[ticker]\n\"q\" = \"quit\"\n", file: "k", modes: modes, actions: actions)
        ) {
            XCTAssertEqual(($0 as! ConfigFileError).line, 1)
        }
        XCTAssertThrowsError(
            try KeymapLoader.parse("[global]\n\"hyper-q\" = \"quit\"\n", file: "k", modes: modes, actions: actions)
        ) {
            XCTAssertEqual(($0 as! ConfigFileError).line, 2)
        }
    }

    func testTheSameKeyTwiceIsRejectedAlsoUnderTwoSpellings() {
        let spelled = "[global]\n\"ctrl-c\" = \"quit\"\n\"C-c\" = \"help\"\n"
        XCTAssertThrowsError(try KeymapLoader.parse(spelled, file: "k", modes: modes, actions: actions)) { error in
            XCTAssertTrue((error as! ConfigFileError).problem.contains("bound twice"), "\(error)")
        }
        let literal = "[global]\n\"q\" = \"quit\"\n\"q\" = \"help\"\n"
        XCTAssertThrowsError(try KeymapLoader.parse(literal, file: "k", modes: modes, actions: actions)) { error in
            XCTAssertEqual((error as! ConfigFileError).line, 3)
        }
    }

    func testKeyNamesRoundTrip() {
        for name in ["q", "G", "?", "space", "ctrl-d", "up", "pgdn", "enter", "esc", "shift-tab", "f5", "backspace"] {
            XCTAssertEqual(Key(name: name)?.description, name)
        }
        XCTAssertEqual(Key(name: "PageUp"), .pageUp)
        XCTAssertNil(Key(name: "ctrl-1"))
        XCTAssertNil(Key(name: "f99"))
    }
}
