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

#if MOOTUI_FUZZ
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    ThemeTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

@_cdecl("fuzz_theme_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    fuzzDriverMain(argc, argv, fuzzTestOneInput)
}
#else
@main enum Replay { static func main() { FuzzReplay.main("fuzz-theme", ThemeTarget.run) } }
#endif
