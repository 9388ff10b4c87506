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

#if MOOTUI_FUZZ
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    KeymapTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

@_cdecl("fuzz_keymap_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    fuzzDriverMain(argc, argv, fuzzTestOneInput)
}
#else
@main enum Replay { static func main() { FuzzReplay.main("fuzz-keymap", KeymapTarget.run) } }
#endif
