import FuzzSupport
import MooApp
import TerminalUI

/// Fuzzes keymap files as the app reads them (``AppearanceLoader/parseKeymap(_:file:)``: TOML
/// checked against the app's modes and actions), with arbitrary text. Invariants: it returns a
/// keymap or throws a ``ConfigFileError`` whose line, when given, is a line of the text.
enum KeymapTarget {
    static func run(_ data: UnsafeRawBufferPointer) {
        let text = String(decoding: data, as: UTF8.self)
        do {
            _ = try AppearanceLoader.parseKeymap(text, file: "fuzz.toml")
        } catch {
            fuzzCheckLine(error.line, of: text, error.description)
        }
    }
}

@main enum Entry { static func main() { FuzzMain.run("fuzz-keymap", KeymapTarget.run) } }
