import Foundation
import XCTest

@testable import TerminalUI

/// Starting curses: a terminal type that cannot address the cursor is refused with one clear
/// line, instead of a blank screen.
final class NcursesTerminalStartTests: XCTestCase {
    private func withStreams(_ body: (UnsafeMutablePointer<FILE>, UnsafeMutablePointer<FILE>) throws -> Void) throws {
        let output = try XCTUnwrap(fopen("/dev/null", "w"))
        let input = try XCTUnwrap(fopen("/dev/null", "r"))
        defer {
            fclose(output)
            fclose(input)
        }
        try body(output, input)
    }

    func testADumbTerminalIsRefusedWithAClearError() throws {
        try withStreams { output, input in
            XCTAssertThrowsError(try NcursesTerminal(environment: [:], output: output, input: input, terminalType: "dumb")) {
                error in
                guard case NcursesTerminal.StartError.cannotAddressCursor("dumb") = error else {
                    return XCTFail("unexpected error \(error)")
                }
                let text = "\(error)"
                XCTAssertTrue(text.contains("TERM=dumb cannot move the cursor"), text)
                XCTAssertFalse(text.contains("\n"), "one line: \(text)")
            }
        }
    }

    func testACursorAddressingTerminalStarts() throws {
        try withStreams { output, input in
            let terminal = try NcursesTerminal(environment: [:], output: output, input: input, terminalType: "xterm-256color")
            terminal.restore()
        }
    }
}
