import FuzzSupport
import TerminalUI

/// Fuzzes ``ThemeLoader/parse(_:file:fallback:)`` with arbitrary text (bytes as UTF-8, invalid
/// sequences repaired). Invariants: it returns a theme or throws a ``ConfigFileError`` whose
/// line, when given, is a line of the text.
enum ThemeTarget {
    static func run(_ data: UnsafeRawBufferPointer) {
        let text = String(decoding: data, as: UTF8.self)
        do {
            _ = try ThemeLoader.parse(text, file: "fuzz.toml")
        } catch {
            fuzzCheckLine(error.line, of: text, error.description)
        }
    }
}

@main enum Entry { static func main() { FuzzMain.run("fuzz-theme", ThemeTarget.run) } }
